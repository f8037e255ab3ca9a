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

fn dates_lean(s: &str, r: Option<&str>, lean: Lean) -> Vec<String> {
    let r = r.and_then(crate::input::dateline::iso_date);
    let mut out = Vec::new();
    scan_dates_lean(s, r, lean, &mut out);
    out.iter().map(|m| format!("{} [{}]", m.date, &s[m.span.clone()])).collect()
}

#[test]
fn holidays() {
    assert_eq!(dates("on Christmas Eve", TUE), ["2021-12-24 [Christmas Eve]"]);
    assert_eq!(dates("on Christmas Day", TUE), ["2021-12-25 [Christmas Day]"]);
    assert_eq!(dates("New Year's Eve", TUE), ["2021-12-31 [New Year's Eve]"]);
    assert_eq!(dates("on New Year's Day", TUE), ["2022-01-01 [New Year's Day]"]);
    assert_eq!(dates("at Easter", TUE), ["2022-04-17 [Easter]"]);
    assert_eq!(dates("Easter 2018", None), ["2018-04-01 [Easter 2018]"]);
    assert_eq!(dates("Good Friday", Some("2024-04-10")), ["2024-03-29 [Good Friday]"]);
    assert_eq!(dates("on Thanksgiving", Some("2022-12-01")), ["2022-11-24 [Thanksgiving]"]);
    assert_eq!(dates("Independence Day", TUE), ["2021-07-04 [Independence Day]"]);
    assert_eq!(dates("on Boxing Day", TUE), ["2021-12-26 [Boxing Day]"]);
    assert_eq!(dates("Halloween", TUE), ["2021-10-31 [Halloween]"]);
    assert_eq!(dates("last Christmas", TUE), ["2021-12-25 [last Christmas]"]);
    assert_eq!(dates("next Easter", Some("2022-04-18")), ["2023-04-09 [next Easter]"]);
    assert_eq!(dates("Christmas of this year", TUE), ["2022-12-25 [Christmas of this year]"]);
    // A common first word in lower case needs a year or a modifier.
    assert!(dates("a new year of growth", TUE).is_empty());
    assert_eq!(dates("good friday", TUE), ["2022-03-25 [friday]"]);
    assert_eq!(dates("Christmas", None), Vec::<String>::new());
}

#[test]
fn easter_dates() {
    for (y, m, d) in [(2000, 4, 23), (2008, 3, 23), (2019, 4, 21), (2022, 4, 17), (2038, 4, 25)] {
        assert_eq!(named::easter(y), calendar::civil(y, m, d));
    }
}

#[test]
fn seasons_and_quarters() {
    assert_eq!(dates("this spring", TUE), ["2022-03-01..2022-05-31 [this spring]"]);
    assert_eq!(dates("last summer", TUE), ["2021-06-01..2021-08-31 [last summer]"]);
    assert_eq!(dates("next winter", TUE), ["2022-12-01..2023-02-28 [next winter]"]);
    assert_eq!(
        dates("in the autumn of 2020", None),
        ["2020-09-01..2020-11-30 [the autumn of 2020]"]
    );
    assert_eq!(dates("in the first quarter", TUE), ["2022-01-01..2022-03-31 [the first quarter]"]);
    assert_eq!(
        dates("in the fourth quarter", TUE),
        ["2021-10-01..2021-12-31 [the fourth quarter]"]
    );
    assert_eq!(dates("Q3 2021", None), ["2021-07-01..2021-09-30 [Q3 2021]"]);
    assert_eq!(
        dates("the third quarter of 2020", None),
        ["2020-07-01..2020-09-30 [the third quarter of 2020]"]
    );
    assert_eq!(dates("last quarter", TUE), ["2021-10-01..2021-12-31 [last quarter]"]);
    assert!(dates("a quarter of the population", TUE).is_empty());
    assert!(
        dates("the spring offensive", TUE).len() == 1 || dates("spring offensive", TUE).is_empty()
    );
    assert!(dates("spring offensive", TUE).is_empty());
}

#[test]
fn next_day() {
    assert_eq!(dates("the day before", TUE), ["2022-03-28 [the day before]"]);
    assert_eq!(dates("what happened the day after?", TUE), ["2022-03-30 [the day after]"]);
    assert_eq!(
        dates("arrested on March 3 and freed the next day", TUE),
        ["2022-03-03 [March 3]", "2022-03-04 [the next day]"]
    );
    assert_eq!(dates("The following day", TUE), ["2022-03-30 [The following day]"]);
    assert!(dates("the day after the attack", TUE).is_empty());
    assert_eq!(dates("the day before yesterday", TUE), ["2022-03-27 [the day before yesterday]"]);
}

#[test]
fn lean() {
    assert!(dates("killed 30 in two weeks", TUE).is_empty());
    assert_eq!(dates_lean("in two weeks", TUE, Lean::Future), ["2022-04-12 [in two weeks]"]);
    assert_eq!(
        dates_lean("talks will resume in two weeks", TUE, Lean::Clause),
        ["2022-04-12 [in two weeks]"]
    );
    assert!(dates_lean("30 died in two weeks", TUE, Lean::Clause).is_empty());
    assert_eq!(dates_lean("will meet on Friday", TUE, Lean::Clause), ["2022-04-01 [Friday]"]);
    assert_eq!(dates_lean("met on Friday", TUE, Lean::Clause), ["2022-03-25 [Friday]"]);
    assert_eq!(
        dates_lean("is to hold a vote on May 15", TUE, Lean::Clause),
        ["2022-05-15 [May 15]"]
    );
    assert_eq!(dates_lean("We'll go on May 15", TUE, Lean::Clause), ["2022-05-15 [May 15]"]);
    assert_eq!(
        dates_lean("It will, he said. On May 15", TUE, Lean::Clause),
        ["2021-05-15 [May 15]"]
    );
    assert_eq!(
        date_at_lean(
            "they will vote on May 15",
            18,
            crate::input::dateline::iso_date("2022-03-29"),
            Lean::Clause
        )
        .map(|m| m.date.to_string()),
        Some("2022-05-15".to_owned())
    );
}

#[test]
fn weekday_numeric_and_money() {
    assert_eq!(dates("Friday 7/6", Some("2018-07-10")), ["2018-07-06 [Friday 7/6]"]);
    assert_eq!(dates("on Friday 7.6", Some("2018-07-10")), ["2018-07-06 [Friday 7.6]"]);
    assert_eq!(
        dates("bought it for $12 December 27", Some("2018-12-30")),
        ["2018-12-27 [December 27]"]
    );
    assert_eq!(dates("for £ 12 December 27", Some("2018-12-30")), ["2018-12-27 [December 27]"]);
}

#[test]
fn dateline_dash_is_no_range() {
    assert_eq!(
        dates("NAIROBI, May 3 - Fourteen people were killed", Some("2022-05-03")),
        ["2022-05-03 [May 3]"]
    );
    assert_eq!(
        dates("NAIROBI, May 3 - 14 people were killed", Some("2022-05-03")),
        ["2022-05-03 [May 3]"]
    );
    assert_eq!(dates("May 3 - 5", Some("2022-05-03")), ["2022-05-03..2022-05-05 [May 3 - 5]"]);
}

#[test]
fn parts_of_periods() {
    // A third of the month, year or week.
    assert_eq!(dates("in early March", TUE), ["2022-03-01..2022-03-10 [early March]"]);
    assert_eq!(dates("in mid-November 2021", TUE), ["2021-11-11..2021-11-20 [mid-November 2021]"]);
    assert_eq!(dates("by mid-November 2021", TUE), ["..2021-11-20 [by mid-November 2021]"]);
    assert_eq!(dates("late May", TUE), ["2021-05-21..2021-05-31 [late May]"]);
    assert_eq!(dates("in mid-2019", TUE), ["2019-05-01..2019-08-31 [mid-2019]"]);
    assert_eq!(dates("until mid-2019", TUE), ["..2019-08-31 [until mid-2019]"]);
    assert_eq!(dates("at the end of 2000", None), ["2000-09-01..2000-12-31 [the end of 2000]"]);
    assert_eq!(
        dates("the beginning of next week", TUE),
        ["2022-04-04..2022-04-06 [the beginning of next week]"]
    );
    assert_eq!(dates("end of the month", TUE), ["2022-03-21..2022-03-31 [end of the month]"]);
    assert_eq!(dates("late last year", TUE), ["2021-09-01..2021-12-31 [late last year]"]);
    // No month, year or week after it: not a part, and what follows reads as before.
    assert!(dates("the end of the war", TUE).is_empty());
    assert_eq!(dates("late Friday", TUE), ["2022-03-25 [Friday]"]);
    assert_eq!(dates("the end of March 15", TUE), ["2022-03-15 [March 15]"]);
}

#[test]
fn decades() {
    assert_eq!(dates("in the 1990s", None), ["1990..1999 [1990s]"]);
    assert_eq!(dates("since the 1990s", None), ["1990.. [since the 1990s]"]);
    assert_eq!(dates("in the 1970's", None), ["1970..1979 [1970's]"]);
    assert_eq!(dates("in the '40s", None), ["1940..1949 ['40s]"]);
    // Two digits without the apostrophe are temperatures or ages; 1995s is no decade.
    assert!(dates("temperatures in the 70s", None).is_empty());
    assert!(dates("1995s", None).is_empty());
}

#[test]
fn month_and_year_in_digits() {
    assert_eq!(dates("in 11/2016", None), ["2016-11 [11/2016]"]);
    assert_eq!(dates("in 3-2015", None), ["2015-03 [3-2015]"]);
    assert_eq!(dates("in 2015/3", None), ["2015-03 [2015/3]"]);
    // A season of two years is not November 2010.
    assert_eq!(dates("the 2010/11 season", None), ["2010 [2010]"]);
}

#[test]
fn periods_ahead() {
    // Forward only, like `in two weeks`.
    assert_eq!(
        dates_lean("will stay for the next three days", TUE, Lean::Clause),
        ["2022-03-30..2022-04-01 [the next three days]"]
    );
    assert_eq!(
        dates_lean("will decide within two weeks", TUE, Lean::Clause),
        ["2022-03-29..2022-04-12 [within two weeks]"]
    );
    assert!(dates_lean("over the next three days, 40 died", TUE, Lean::Clause).is_empty());
    assert!(dates_lean("died within two weeks", TUE, Lean::Clause).is_empty());
}

#[test]
fn ranges_lean_forward() {
    assert_eq!(
        dates_lean("will meet July 13-15", TUE, Lean::Clause),
        ["2022-07-13..2022-07-15 [July 13-15]"]
    );
    assert_eq!(dates("met July 13-15", TUE), ["2021-07-13..2021-07-15 [July 13-15]"]);
}

#[test]
fn offsets_from_dates_and_years_back() {
    assert_eq!(
        dates("3 days after January 12, 2022", TUE),
        ["2022-01-15 [3 days after January 12, 2022]"]
    );
    assert_eq!(
        dates("two weeks before Christmas", TUE),
        ["2021-12-11 [two weeks before Christmas]"]
    );
    assert!(dates("three days after the attack", TUE).is_empty());
    assert_eq!(dates("six years ago", TUE), ["2016 [six years ago]"]);
    assert_eq!(dates("3 years from today", TUE), ["2025-03-29 [3 years from today]"]);
}

#[test]
fn after_next_and_deictic_bounds() {
    assert_eq!(dates("the week after next", TUE), ["2022-04-11..2022-04-17 [the week after next]"]);
    assert_eq!(dates("Friday after next", TUE), ["2022-04-08 [Friday after next]"]);
    assert_eq!(dates("March after next", TUE), ["2024-03 [March after next]"]);
    assert_eq!(
        dates("between now and May 21", TUE),
        ["2022-03-29..2022-05-21 [between now and May 21]"]
    );
    assert_eq!(
        dates("from Jan 2019 to today", TUE),
        ["2019-01..2022-03-29 [from Jan 2019 to today]"]
    );
    assert_eq!(dates("from now on", TUE), Vec::<String>::new());
}

#[test]
fn numeric_month_day_after_on() {
    assert_eq!(dates("on 3/22", TUE), ["2022-03-22 [3/22]"]);
    assert_eq!(dates("on 22/03", TUE), ["2022-03-22 [22/03]"]);
    assert!(dates("agreed 3/4 of the plan", TUE).is_empty());
    assert!(dates("on 3-2 votes", TUE).is_empty());
}

#[test]
fn easter_holidays() {
    assert_eq!(dates("on Maundy Thursday 2022", None), ["2022-04-14 [Maundy Thursday 2022]"]);
    assert_eq!(dates("Whit Monday 2022", None), ["2022-06-06 [Whit Monday 2022]"]);
}

#[test]
fn weeks_of_periods() {
    // ISO weeks: a week belongs to the month or year of its Thursday.
    assert_eq!(
        dates("the first week of October 2016", None),
        ["2016-10-03..2016-10-09 [the first week of October 2016]"]
    );
    assert_eq!(
        dates("the last week of 2015", None),
        ["2015-12-28..2016-01-03 [the last week of 2015]"]
    );
    assert_eq!(
        dates("the second last week of October 2018", None),
        ["2018-10-15..2018-10-21 [the second last week of October 2018]"]
    );
    assert_eq!(
        dates("the week of April 10, 2017", None),
        ["2017-04-10..2017-04-16 [the week of April 10, 2017]"]
    );
    assert_eq!(dates("last week in Kabul", TUE), ["2022-03-21..2022-03-27 [last week]"]);
}

#[test]
fn quarters_and_halves_after_years() {
    assert_eq!(dates("in 2018Q4", None), ["2018-10-01..2018-12-31 [2018Q4]"]);
    assert_eq!(dates("2017-q1", None), ["2017-01-01..2017-03-31 [2017-q1]"]);
    assert_eq!(dates("2019 H2", None), ["2019-07-01..2019-12-31 [2019 H2]"]);
    assert_eq!(dates("H1 2016", None), ["2016-01-01..2016-06-30 [H1 2016]"]);
    assert_eq!(
        dates("the 3rd qtr of 2018", None),
        ["2018-07-01..2018-09-30 [the 3rd qtr of 2018]"]
    );
    assert_eq!(dates("the past quarter", TUE), ["2021-10-01..2021-12-31 [past quarter]"]);
    assert_eq!(dates("the 2009 H1N1 virus", None), ["2009 [2009]"]);
}

#[test]
fn years_in_words() {
    assert_eq!(
        dates("born on January twenty five nineteen eighty six", TUE),
        ["1986-01-25 [January twenty five nineteen eighty six]"]
    );
    assert_eq!(
        dates("on 6 April seventeen hundred thirty three", TUE),
        ["1733-04-06 [6 April seventeen hundred thirty three]"]
    );
    assert_eq!(
        dates("September 10, nineteen zero one", TUE),
        ["1901-09-10 [September 10, nineteen zero one]"]
    );
    assert_eq!(
        dates("in October two thousand and returned", TUE),
        ["2000-10 [October two thousand]"]
    );
    assert_eq!(
        dates("in August two thousand and fifteen.", TUE),
        ["2015-08 [August two thousand and fifteen]"]
    );
    // A count after a month is no year.
    assert_eq!(dates("in May two thousand people marched", TUE), ["2021-05 [May]"]);
    assert_eq!(dates("10.31.1974", None), ["1974-10-31 [10.31.1974]"]);
}

#[test]
fn forward_lean_reaches_offsets_and_nth_weekdays() {
    assert_eq!(
        dates_lean("it will happen 3 days after January 12", TUE, Lean::Clause),
        ["2023-01-15 [3 days after January 12]"]
    );
    assert_eq!(
        dates_lean("the vote will be on the last Friday of October", TUE, Lean::Clause),
        ["2022-10-28 [the last Friday of October]"]
    );
}

#[test]
fn numeric_ranges_stay_fractions() {
    // Month-days in digits are not read as range bounds: `from 3/4 to 1/2` is a fraction.
    assert!(dates("rose from 3/4 to 1/2", TUE).is_empty());
}

#[test]
fn weekdays_counted_and_last_day_of_month() {
    assert_eq!(dates("two Sundays ago", TUE), ["2022-03-20 [two Sundays ago]"]);
    assert_eq!(dates("3 Fridays from now", TUE), ["2022-04-15 [3 Fridays from now]"]);
    assert_eq!(
        dates("the last day of October 2015", TUE),
        ["2015-10-31 [the last day of October 2015]"]
    );
    assert!(dates("the last of the troops", TUE).is_empty());
}

#[test]
fn bare_weekday_abbreviations() {
    assert_eq!(dates("the deadline is Fri.", TUE), ["2022-03-25 [Fri.]"]);
    assert_eq!(dates("talks resume tues", TUE), ["2022-03-29 [tues]"]);
    assert_eq!(dates("they met on Sat and left", TUE), ["2022-03-26 [Sat]"]);
    assert!(dates("she sat down", TUE).is_empty());
    assert!(dates("under the sun", TUE).is_empty());
    assert!(dates("on sun loungers", TUE).is_empty());
    assert!(dates("reported by Nguyen Thu", TUE).is_empty());
    assert!(dates("on Sun-Times pages", TUE).is_empty());
    assert!(dates("they wed in June", TUE).len() == 1);
}

#[test]
fn this_weekday_leaning_forward() {
    let r = crate::input::dateline::iso_date("2013-02-12");
    let read = |s: &str, lean| {
        let mut out = Vec::new();
        scan_dates_lean(s, r, lean, &mut out);
        out.iter().map(|m| m.date.to_string()).collect::<Vec<_>>()
    };
    assert_eq!(read("this monday", Lean::Future), ["2013-02-18"]);
    assert_eq!(read("this tuesday", Lean::Future), ["2013-02-12"]);
    assert_eq!(read("this friday", Lean::Future), ["2013-02-15"]);
    assert_eq!(read("this monday", Lean::Past), ["2013-02-11"]);
}

#[test]
fn orthodox_feasts() {
    assert_eq!(orthodox_easter(2020).map(|d| d.to_string()), Some("2020-04-19".into()));
    assert_eq!(orthodox_easter(2018).map(|d| d.to_string()), Some("2018-04-08".into()));
    assert_eq!(orthodox_easter(2021).map(|d| d.to_string()), Some("2021-05-02".into()));
    assert_eq!(dates("on Orthodox Easter 2021", None), ["2021-05-02 [Orthodox Easter 2021]"]);
    assert_eq!(
        dates("orthodox good friday 2020", None),
        ["2020-04-17 [orthodox good friday 2020]"]
    );
    assert_eq!(dates("Orthodox Christmas 2019", None), ["2019-01-07 [Orthodox Christmas 2019]"]);
    assert_eq!(dates("Clean Monday 2018", None), ["2018-02-19 [Clean Monday 2018]"]);
    assert!(dates("the Orthodox Church", TUE).is_empty());
}

#[test]
fn compound_offsets() {
    assert_eq!(
        dates("2 years 1 month 21 days ago", TUE),
        ["2020-02-08 [2 years 1 month 21 days ago]"]
    );
    assert_eq!(
        dates("a year and two months from now", TUE),
        ["2023-05-29 [a year and two months from now]"]
    );
    assert_eq!(dates("two weeks, three days ago", TUE), ["2022-03-12 [two weeks, three days ago]"]);
    assert_eq!(dates("three days ago", TUE), ["2022-03-26 [three days ago]"]);
    assert!(dates("2 years 3 years ago", TUE).iter().all(|d| !d.contains("[2 years 3")));
}

#[test]
fn day_of_month_after_for() {
    assert_eq!(dates("a table booked for the 27th", TUE), ["2022-03-27 [the 27th]"]);
    assert!(dates("for the 27th time", TUE).is_empty());
    assert!(dates("for the 27 victims", TUE).is_empty());
    assert!(dates("voted for the second", TUE).is_empty());
    assert_eq!(
        dates("1 month 2 years 21 days ago", TUE),
        ["2020-02-08 [1 month 2 years 21 days ago]"]
    );
}

#[test]
fn super_tuesday() {
    // Every fourth year: the latest before `R`, or the year's.
    assert_eq!(dates("on Super Tuesday", TUE), ["2020-03-03 [Super Tuesday]"]);
    assert_eq!(dates("Super Tuesday 2008", TUE), ["2008-02-05 [Super Tuesday 2008]"]);
    assert_eq!(dates("next Super Tuesday", TUE), ["2024-03-05 [next Super Tuesday]"]);
    assert!(dates("Super Tuesday 2021", TUE).iter().all(|d| !d.contains("Super")));
    assert!(dates("a super tuesday for us", TUE).iter().all(|d| !d.contains("super")));
}

#[test]
fn offsets_later_and_earlier() {
    // From the last day read before it, else the reference.
    assert_eq!(
        dates("The talks opened on March 3 and collapsed two weeks later", TUE),
        ["2022-03-03 [March 3]", "2022-03-17 [two weeks later]"]
    );
    assert_eq!(
        dates("a fortnight later the border reopened", TUE),
        ["2022-04-12 [a fortnight later]"]
    );
    assert_eq!(dates("three days earlier", TUE), ["2022-03-26 [three days earlier]"]);
    assert_eq!(dates("a week afterwards", TUE), ["2022-04-05 [a week afterwards]"]);
    // A count of something else is no offset.
    assert!(dates("two soldiers later died", TUE).is_empty());
}

#[test]
fn in_a_period_time() {
    // `time` after the period makes it a date in any tense (never a duration).
    assert_eq!(
        dates("the ceasefire expires in a fortnight's time", TUE),
        ["2022-04-12 [in a fortnight's time]"]
    );
    assert_eq!(dates("in two weeks’ time", TUE), ["2022-04-12 [in two weeks’ time]"]);
    assert_eq!(dates("in three days time", TUE), ["2022-04-01 [in three days time]"]);
    assert!(dates("killed 30 in two weeks", TUE).is_empty());
}

#[test]
fn coming_weekday() {
    assert_eq!(dates("this coming Friday", TUE), ["2022-04-01 [this coming Friday]"]);
    assert_eq!(dates("this upcoming Wednesday", TUE), ["2022-03-30 [this upcoming Wednesday]"]);
    assert_eq!(dates("the coming Tuesday", TUE), ["2022-04-05 [coming Tuesday]"]);
}

#[test]
fn weekday_and_date_leaning_forward() {
    // March 3, 2023 is the next Friday March 3 after the reference.
    assert_eq!(
        dates_lean("the summit will open on Friday, March 3", TUE, Lean::Clause),
        ["2023-03-03 [Friday, March 3]"]
    );
    assert_eq!(dates_lean("will vote on Fri 15th", TUE, Lean::Clause), ["2022-04-15 [Fri 15th]"]);
    // Looking back, the nearest within a year, as before.
    assert_eq!(dates("on Thursday, April 15", TUE), ["2021-04-15 [Thursday, April 15]"]);
}

#[test]
fn modifier_before_a_month_day() {
    assert_eq!(dates("next April 6", TUE), ["2022-04-06 [next April 6]"]);
    assert_eq!(dates("next 6th of March", TUE), ["2023-03-06 [next 6th of March]"]);
    assert_eq!(dates("last April 6", TUE), ["2021-04-06 [last April 6]"]);
}

#[test]
fn offset_from_a_numeric_date() {
    assert_eq!(dates("10 days from 3/1/2022", TUE), ["2022-03-11 [10 days from 3/1/2022]"]);
}

#[test]
fn impossible_and_compact_dates() {
    // No such day: nothing, not the year alone.
    assert!(dates("signed on Feb 30 2021", TUE).is_empty());
    assert!(dates("dated 2/30/2021", TUE).is_empty());
    assert!(dates("31 April 2020", TUE).is_empty());
    // Basic ISO 8601.
    assert_eq!(dates("report-20220301.pdf", TUE), ["2022-03-01 [20220301]"]);
    assert!(dates("reference 20221301", TUE).is_empty());
    assert!(dates("a fine of 12345678", TUE).is_empty());
}

#[test]
fn more_holidays() {
    assert_eq!(dates("Chinese New Year", TUE), ["2022-02-01 [Chinese New Year]"]);
    assert_eq!(dates("during the Lunar New Year", TUE), ["2022-02-01 [Lunar New Year]"]);
    assert_eq!(dates("last chinese new year", TUE), ["2022-02-01 [last chinese new year]"]);
    assert_eq!(dates("Lunar New Year 1987", TUE), ["1987-01-29 [Lunar New Year 1987]"]);
    assert_eq!(
        dates("International Workers' Day", TUE),
        ["2021-05-01 [International Workers' Day]"]
    );
    assert_eq!(
        dates("the August bank holiday 2021", TUE),
        ["2021-08-30 [August bank holiday 2021]"]
    );
    assert_eq!(dates("spring bank holiday 2022", TUE), ["2022-05-30 [spring bank holiday 2022]"]);
    // Names with no other reading, in lower case.
    assert_eq!(dates("whit monday 2021", TUE), ["2021-05-24 [whit monday 2021]"]);
    assert_eq!(dates("on palm sunday", Some("2022-05-01")), ["2022-04-10 [palm sunday]"]);
    assert_eq!(dates("trinity sunday", Some("2022-07-01")), ["2022-06-12 [trinity sunday]"]);
}

#[test]
fn date_anaphors() {
    assert_eq!(
        dates("Elections were held in 2019. That year, the army arrested 40", TUE),
        ["2019 [2019]", "2019 [That year]"]
    );
    assert_eq!(
        dates("On March 3 the talks failed and that same day the border closed", TUE),
        ["2022-03-03 [March 3]", "2022-03-03 [that same day]"]
    );
    assert_eq!(
        dates("in May 2020; the same year", TUE),
        ["2020-05 [May 2020]", "2020 [the same year]"]
    );
    // The day of a date that names only its year is unknown; nothing before, nothing read.
    assert_eq!(dates("in 2019, and that day", TUE), ["2019 [2019]"]);
    assert!(dates("that year", TUE).is_empty());
    assert!(dates("that dayroom", TUE).is_empty());
    // From the caller's anchor, the last date stated before the text.
    let mut out = Vec::new();
    let r = crate::input::dateline::iso_date("2022-03-29");
    let anchor = crate::input::dateline::iso_date("2002-07-04");
    scan_dates_after("That year, two were killed", r, Lean::Clause, anchor, &mut out);
    assert_eq!(out.iter().map(|m| m.date.to_string()).collect::<Vec<_>>(), ["2002"]);
    assert!(has_date_anaphor("That year, two were killed"));
    assert!(!has_date_anaphor("that years-long war"));
}
