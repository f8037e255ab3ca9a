//! Tests of the parent module.

use super::*;

fn dates(s: &str, r: Option<&str>) -> Vec<String> {
    let r = r.and_then(crate::input::dateline::iso_date);
    let mut out = Vec::new();
    scan_dates(s, r, &mut out);
    out.iter().map(|m| format!("{} [{}]", m.date, &s[m.span.clone()])).collect()
}

const TUE: Option<&str> = Some("2022-03-29");

#[test]
fn seeds() {
    assert_eq!(dates("expelled on Tuesday", TUE), ["2022-03-29 [Tuesday]"]);
    assert_eq!(dates("expelled on March 23", TUE), ["2022-03-23 [March 23]"]);
    assert_eq!(dates("on Friday (April 15)", None), ["--04-15 [Friday (April 15)]"]);
    assert_eq!(dates("On April 5 the EU", None), ["--04-05 [April 5]"]);
    assert_eq!(dates("earlier this month", TUE), ["2022-03-01..2022-03-29 [earlier this month]"]);
}

#[test]
fn explicit() {
    assert_eq!(dates("on 2022-03-29.", None), ["2022-03-29 [2022-03-29]"]);
    assert_eq!(dates("March 23, 2022", None), ["2022-03-23 [March 23, 2022]"]);
    assert_eq!(dates("23 March 2022", None), ["2022-03-23 [23 March 2022]"]);
    assert_eq!(dates("Mar. 23", TUE), ["2022-03-23 [Mar. 23]"]);
    assert_eq!(dates("23 March", TUE), ["2022-03-23 [23 March]"]);
    assert_eq!(dates("MARCH 23", TUE), ["2022-03-23 [MARCH 23]"]);
    assert_eq!(dates("in March 2022", None), ["2022-03 [March 2022]"]);
    assert_eq!(dates("in 2017", None), ["2017 [2017]"]);
    assert_eq!(dates("the 4th of July", None), ["--07-04 [the 4th of July]"]);
    assert_eq!(dates("3/29/2022", None), ["2022-03-29 [3/29/2022]"]);
    assert_eq!(dates("23/Sep/2020", None), ["2020-09-23 [23/Sep/2020]"]);
    assert_eq!(dates("2020/Sep/23", None), ["2020-09-23 [2020/Sep/23]"]);
    assert_eq!(dates("05-Aug-2016", None), ["2016-08-05 [05-Aug-2016]"]);
    assert_eq!(dates("May twenty one", None), ["--05-21 [May twenty one]"]);
    assert_eq!(dates("in May", TUE), ["2021-05 [May]"]);
    assert!(dates("you may go", TUE).is_empty());
    assert!(dates("2,000 troops", TUE).is_empty());
}

#[test]
fn year_inference() {
    // Nearest before the dateline, or up to 30 days after it.
    assert_eq!(dates("on December 27", Some("2022-01-10")), ["2021-12-27 [December 27]"]);
    assert_eq!(dates("on April 2", TUE), ["2022-04-02 [April 2]"]);
    assert_eq!(dates("on May 15", TUE), ["2021-05-15 [May 15]"]);
    assert_eq!(dates("on April 15", TUE), ["2022-04-15 [April 15]"]);
    assert_eq!(dates("on January 2", Some("2021-12-30")), ["2022-01-02 [January 2]"]);
    assert_eq!(dates("Feb 29", Some("2017-03-22")), ["2016-02-29 [Feb 29]"]);
}

#[test]
fn weekdays() {
    // April 15 2022 is a Friday: the weekday picks the year over the week-ahead window.
    assert_eq!(dates("on Friday (April 15)", TUE), ["2022-04-15 [Friday (April 15)]"]);
    assert_eq!(dates("on Friday, April 15", TUE), ["2022-04-15 [Friday, April 15]"]);
    assert_eq!(dates("on Thursday, April 15", TUE), ["2021-04-15 [Thursday, April 15]"]);
    assert_eq!(dates("on Friday the 25th", TUE), ["2022-03-25 [Friday the 25th]"]);
    assert_eq!(dates("Mon 13th", Some("2022-05-01")), ["2021-12-13 [Mon 13th]"]);
    assert!(
        dates("on Monday 21 people died", TUE).iter().all(|d| d.starts_with("2022-03-28 [Monday]"))
    );
    assert_eq!(dates("next week on Friday", TUE), ["2022-04-08 [next week on Friday]"]);
    assert_eq!(dates("Friday of last week", TUE), ["2022-03-25 [Friday of last week]"]);
    assert_eq!(dates("on Friday", TUE), ["2022-03-25 [Friday]"]);
    assert_eq!(dates("ON WEDNESDAY", TUE), ["2022-03-23 [WEDNESDAY]"]);
    assert_eq!(dates("last Tuesday", TUE), ["2022-03-22 [last Tuesday]"]);
    assert_eq!(dates("next Monday", TUE), ["2022-04-04 [next Monday]"]);
    assert_eq!(dates("this past Monday", TUE), ["2022-03-28 [this past Monday]"]);
    assert!(dates("on Tuesday", None).is_empty());
}

#[test]
fn relative() {
    assert_eq!(dates("today", TUE), ["2022-03-29 [today]"]);
    assert_eq!(dates("Yesterday", TUE), ["2022-03-28 [Yesterday]"]);
    assert_eq!(dates("tomorrow", TUE), ["2022-03-30 [tomorrow]"]);
    assert_eq!(dates("last week", TUE), ["2022-03-21..2022-03-27 [last week]"]);
    assert_eq!(dates("this week", TUE), ["2022-03-28..2022-04-03 [this week]"]);
    assert_eq!(dates("last month", TUE), ["2022-02 [last month]"]);
    assert_eq!(dates("this month", TUE), ["2022-03 [this month]"]);
    assert_eq!(dates("last year", TUE), ["2021 [last year]"]);
    assert_eq!(dates("two days ago", TUE), ["2022-03-27 [two days ago]"]);
    assert_eq!(dates("a week ago", TUE), ["2022-03-22 [a week ago]"]);
    assert!(dates("yesterday and last week", None).is_empty());
    assert_eq!(dates("in the past two weeks", TUE), ["2022-03-15..2022-03-29 [past two weeks]"]);
    assert_eq!(dates("over the last 3 years", TUE), ["2019-03-29..2022-03-29 [last 3 years]"]);
    assert_eq!(dates("in the past week", TUE), ["2022-03-22..2022-03-29 [past week]"]);
}

#[test]
fn day_of_month() {
    assert_eq!(dates("talks on the 18th.", TUE), ["2022-03-18 [the 18th]"]);
    assert_eq!(dates("talks on the 30th.", TUE), ["2022-03-30 [the 30th]"]);
    assert_eq!(dates("talks on the 6th, when", TUE), ["2022-03-06 [the 6th]"]);
    assert!(dates("on the 18th floor", TUE).is_empty());
    assert!(dates("talks on the 18th.", None).is_empty());
}

#[test]
fn ranges() {
    assert_eq!(dates("March 3 to 5", TUE), ["2022-03-03..2022-03-05 [March 3 to 5]"]);
    assert_eq!(dates("March 3-5, 2021", None), ["2021-03-03..2021-03-05 [March 3-5, 2021]"]);
    assert_eq!(
        dates("from May to October 2020", None),
        ["2020-05..2020-10 [from May to October 2020]"]
    );
    assert_eq!(
        dates("Nov 18-Dec 19, 2015", None),
        ["2015-11-18..2015-12-19 [Nov 18-Dec 19, 2015]"]
    );
    assert_eq!(dates("between 2014 and 2018", None), ["2014..2018 [between 2014 and 2018]"]);
    assert_eq!(
        dates("from 13th to 15th July", None),
        ["--07-13..--07-15 [from 13th to 15th July]"]
    );
    assert_eq!(dates("from March 3 to 5", None), ["--03-03..--03-05 [from March 3 to 5]"]);
    assert_eq!(dates("this September", Some("2016-11-07")), ["2016-09 [this September]"]);
    assert_eq!(dates("last July", TUE), ["2021-07 [last July]"]);
    assert_eq!(dates("next March", TUE), ["2023-03 [next March]"]);
}

#[test]
fn nth_weekday_and_day_of_month() {
    assert_eq!(dates("the first Monday of March", TUE), ["2022-03-07 [the first Monday of March]"]);
    assert_eq!(
        dates("last Friday of October 2021", TUE),
        ["2021-10-29 [last Friday of October 2021]"]
    );
    assert_eq!(dates("the 20th of next month", TUE), ["2022-04-20 [the 20th of next month]"]);
    assert_eq!(dates("3 days from today", TUE), ["2022-04-01 [3 days from today]"]);
}

#[test]
fn long_inputs_finish() {
    let s = "On Friday (April 15), two days ago, 3 weeks from now, March 3 to 5; ".repeat(10_000);
    let r = crate::input::dateline::iso_date("2022-03-29");
    let mut out = Vec::new();
    scan_dates(&s, r, &mut out);
    assert!(out.len() >= 30_000);
}

#[test]
fn no_panic_on_junk() {
    let junk = ",".repeat(10_000);
    assert!(dates(&junk, TUE).is_empty());
    let _ = dates("9999-99-99 99/99/9999 March 99 99th of May 0000 -1-1- é1é the", TUE);
    let _ = dates("99999999999999999999 days ago last", TUE);
}
