//! Reading dates in English news text, resolved against the article's dateline: ISO dates,
//! `March 23`, `on Friday (April 15)`, `on Tuesday`, `today`, `yesterday`, `last week`,
//! `earlier this month`, and ranges.
//!
//! What is read (case-insensitive; `R` is the reference, the article's dateline):
//!
//! | text | date |
//! |---|---|
//! | `2022-03-29`, `2022/3/29` | that day |
//! | `3/29/2022`, `29/3/2022` (first number > 12), `29.3.2022`, `3-29-22` | that day (US order when ambiguous) |
//! | `March 23, 2022`, `23 March 2022`, `Mar. 23 , 2022`, `05-Aug-2016`, `the 4th of July 1995` | that day |
//! | `March 23`, `23 March`, `Mar. 23`, `the 9th of May`, `January first` | month-day, year from `R` (below) |
//! | `March 2022`, `Dec, 2018`, `June of 1992`, `2022-03` | the month |
//! | `in March`, `during May` (a month name after a preposition) | the month, year from `R` |
//! | `in 2017`, `since 1998`, `(2010)` (a 4-digit year where a year is expected) | the year |
//! | `Friday (April 15)`, `Friday, April 15`, `Tue May 9` | the explicit date (one match) |
//! | `Friday the 22nd` | that day of the month on or before `R` |
//! | `Tuesday`, `on Tuesday` | the most recent Tuesday on or before `R` (`R` itself included) |
//! | `Fri`, `tues.`, `on Sat` (an abbreviation alone: `tue`, `tues`, `fri`; the others, which are words, only capitalised after `on`) | as the weekday's name |
//! | `last Tuesday`, `previous Tuesday` / `next Tuesday` / `this Tuesday` | the Tuesday of the week (Monday to Sunday) before / after / of `R` |
//! | `coming Tuesday`, `this coming Tuesday`, `this upcoming Tuesday` | the first Tuesday after `R` |
//! | `next April 6`, `next 6th of April` / `last April 6` / `this April 6` | the first April 6 after `R` / the latest before it / the one of `R`'s year |
//! | `20161016` (eight digits: a year 1900-2099, a valid month and day) | that day |
//! | `Feb 30 2019`, `2/29/2019`, `31 April 2020` (no such day) | nothing (not the year alone) |
//! | `this past Tuesday`, `past Tuesday` | the most recent Tuesday strictly before `R` |
//! | `today`, `tonight`, `this morning` / `yesterday`, `last night` / `tomorrow` | `R` / `R - 1` / `R + 1` |
//! | `the day before yesterday` / `the day after tomorrow` | `R - 2` / `R + 2` |
//! | `last week`, `this week`, `next week` (`previous`, `past`, `coming`, `following`) | Monday..Sunday range |
//! | `last weekend`, `this weekend`, `next weekend` | Saturday..Sunday range |
//! | `last month`, `this month`, `next month` / `last year`, `this year`, `next year` | the month / the year |
//! | `earlier this week`, `earlier this month`, `earlier this year` | from the first day of the period to `R` |
//! | `later this week`, `later this month`, `later this year` | from `R` to the period's last day |
//! | `two days ago`, `a week ago`, `3 months ago`, `3 years from today` | that day |
//! | `10 years ago`, `two years from now`, `five years hence` | that year |
//! | `3 days after January 12`, `two weeks before Christmas` | that day, from the date named |
//! | `early March`, `mid-2019`, `late last year`, `the end of the month`, `the beginning of next week` | a third of the period: days 1-10, 11-20, 21-end of a month; Jan-Apr, May-Aug, Sep-Dec of a year; Mon-Wed, Tue-Thu, Fri-Sun of a week |
//! | `the 1990s`, `the 1970's`, `the '40s` | the decade's ten years |
//! | `11/2016`, `3-2015`, `2015/3` | the month (not `2010/11`, a season) |
//! | `on 4/22`, `on 22/04` (a slash, after `on`) | that month-day |
//! | `the week after next`, `the month after the next`, `the year after next`, `Friday after next`, `March after next` | the week, month or year two ahead; the Friday of next week; the second March ahead |
//! | `between now and May 21`, `from Jan 2019 to today`, `from March to date` | the range to or from `R` |
//! | `the next three days`, `next 5 years`, `within two weeks`, `within the next 10 months` (forward lean only) | from `R` + 1 day (`within`: from `R`) to `R` plus the period |
//! | `the next day`, `the following day`, `a day later`, `two weeks later`, `a fortnight afterwards` / `the previous day`, `three days earlier` | that many days after / before the last day read before it in the same text, else `R` |
//! | `that year`, `that month`, `that day`, `that same day`, `the same year` | the year, month or day of the last date read before it (in the text, else the caller's anchor: [`scan_dates_after`]); nothing without one |
//! | `the day after`, `the day before` (at the end of a clause or before `and`, `when`, `in`...; not `the day after the attack`) | the same |
//! | `Friday 7/6`, `Friday 7.6` (a weekday, then month and day in digits) | that date, the year as for `Friday, April 15` |
//! | `Christmas`, `Christmas Eve`, `Boxing Day`, `New Year's Day`, `New Year's Eve`, `Easter`, `Good Friday`, `Easter Monday`, `Thanksgiving`, `Independence Day`, `Halloween`, `Valentine's Day`, `Memorial Day`, `Labor Day`, `Orthodox Easter`, `Orthodox Good Friday`, `Orthodox Christmas` (January 7), `Super Tuesday` (presidential election years only), `Chinese New Year`, `Lunar New Year` (a table, 1950-2030), `International Workers' Day`, `May bank holiday`, `spring bank holiday`, `August bank holiday`, ... | that day, the year as for a month-day; `Easter 2018`, `Christmas of this year`: that year's; `last Christmas` / `next Easter`: the latest before / first after `R` |
//! | `this spring`, `last summer`, `next winter`, `the autumn of 2020`, `in the spring` | the season: March..May, June..August, September..November, December..February |
//! | `the first quarter`, `Q3 2021`, `the third quarter of 2020`, `last quarter`, `this quarter` | the quarter's three months |
//! | `in two weeks`, `in 3 days`, `in a month` (forward lean only; `in two weeks' time`, `in a fortnight's time` in any tense) | `R` plus the period |
//! | `10 days from 3/1/2022` | that day, from the date named |
//! | `since 2010`, `since May`, `starting January 7`, `from 2010 on`, `May onwards`, `2018 or later`, `as early as`, `no earlier than` | from the date's first day on, no end: `2010..` ([`DateSpec::Since`]) |
//! | `after 2010`, `after February`, `later than 2020`, `more than two weeks after May 1` | from the period after it on: `2011..`, `2022-03..` |
//! | `until Friday`, `till`, `through`, `by 2030`, `by the end of the month`, `no later than`, `2018 or earlier`, `to date` | up to the date's last day, no start: `..2030` ([`DateSpec::Until`]) |
//! | `before 2018`, `before Christmas`, `prior to`, `earlier than`, `more than two weeks ago` | up to the period before it: `..2017`, `..2022-12-24` (`before the end of X`: to X's last day) |
//! | `from 2007 to the end of 2008`, `between January and the end of March`, `from next Friday to Oct 1st 2020`, `June-August 1992` | the range from the first's first day to the second's last |
//! | `the year 2019` | the year |
//!
//! Holidays whose first word is common (`new year`, `good friday`, `black friday`, `independence
//! day`) are read in lower case only with a year or a modifier (`palm sunday`, `whit monday`,
//! `trinity sunday`, which have no other reading, are read alone). A season or a quarter needs
//! `the`, a modifier or a year (`spring offensive` and `a quarter of` are not dates). An amount
//! of money is not a day (`$12 December 27` is December 27). A bare day followed by what it
//! counts ends no range: the dateline `NAIROBI, May 3 - 14 people were killed` is May 3.
//!
//! **Lean** ([`Lean`], [`scan_dates_lean`], [`date_at_lean`]). By default ([`Lean::Past`])
//! expressions lean to the past as described here. [`Lean::Future`] resolves forward: a
//! month-day or a month without a year is the first on or after `R`, a bare weekday the first
//! after `R` (`this Monday` the first on or after `R`), a weekday with its date (`Fri, Jul 18`,
//! `Thu 15th`) the first such day on or after `R` (within two years), a holiday or season without a modifier the first not ended before `R`, and `in two
//! weeks` is read (`R` + 14 days). [`Lean::Clause`] decides per expression: forward when its
//! clause has `will`, `shall`, `'ll`, `won't`, `is to`, `are to` or `going to` before it (a
//! clause ends at `.`, `;`, `:`, `?`, `!`, and before `that`, `said`, `says`). The extractor
//! reads with [`Lean::Clause`].
//!
//! **Year of a month-day without a year**: the year that puts it nearest before `R` (on or
//! before), except that a date up to [`FUTURE_WINDOW_DAYS`] (30) days after `R` keeps `R`'s year:
//! an article dated March 29 that says "on April 15" speaks of the coming April 15 (a deadline,
//! a meeting), not of last year's, which news style would write with its year (TempEval-3: "will
//! begin on April 7" in an article of March 22). A weekday named with the date overrides this:
//! `Friday, April 15` takes the year within a year of `R`, nearest to it, where April 15 is a
//! Friday. `February 29` takes the nearest leap year. A month alone (`in May`) follows the
//! same rule with its first day. Without a reference, a month-day stays `--MM-DD` (year unknown)
//! and a month alone `--MM`, and relative expressions (`Tuesday`, `yesterday`, `last week`,
//! `two days ago`) are not reported: they cannot be resolved.
//!
//! Also: `the first Monday of March`, `last Friday of October 2021`, `the 20th of next month`,
//! `3 days from today`, `two weeks from now`, `a week hence`, `Monday of next week`, `next week
//! on Friday`, `this September`, `last July` (the most recent July before `R`'s month), `next
//! March`; ranges with inclusive bounds, `March 3 to 5`, `March 3-5, 2022`, `from May to
//! October 2020`, `Nov 18-Dec 19, 2015`, `between 2014 and 2018`, `from 13th to 15th July` (the
//! first bound takes the second's year and month when it has none).
//!
//! A bare day of the month after `on` (`on the 18th`, `on 4th,`) is the most recent such day up
//! to a week after `R`, when no noun follows (`on the 18th floor`); not reported without `R`.
//!
//! Rolling periods end at `R`: `the past two weeks`, `the last 3 years`, `the past week` (not
//! `last week`, which is the calendar week) run from `R` minus the period to `R`.
//!
//! Not read (yet): numeric dates without a year unless a weekday or `on` comes first (`4/22`,
//! which news text uses for fractions and scores as often as for dates), years in words
//! (`nineteen eighty six`), `in two weeks` and `the next three days` when not leaning forward
//! (in news as often a duration, or counted from the story's own time), weeks by number (`week 31`) and of a month (`the first
//! week of October`). Times are not read; a date followed by one (`Friday at
//! 10:30 am`) is read without it.
//!
//! A bound word before a date with a possessive is not a bound (`after Tuesday's attack`: the
//! date alone), nor is `as of Monday` (a moment) or `the day before X` (a day: `X` - 1).
//!
//! One linear pass; words are compared in place, nothing allocates.

use jiff::civil::Date as Civil;

use super::number::{
    at_boundary, is_alnum, is_number_word, numeral_at, phrase_at, prev_word, skip_ws, word_at,
    word_in, word_is, year_context,
};
use crate::model::{DateSpec, PartialDate, Span};

mod bounds;
mod calendar;
mod explicit;
mod named;
mod parts;
mod phrases;
mod relative;
mod words;

use bounds::*;
use calendar::*;
use explicit::*;
use named::*;
use parts::*;
use phrases::*;
use relative::*;
use words::*;

/// A date read from text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMatch {
    /// The whole expression (`on Friday (April 15)`).
    pub span: Span,
    pub date: DateSpec,
}

/// How many days after the reference a month-day without a year may lie and still take the
/// reference's year (see the module documentation).
pub const FUTURE_WINDOW_DAYS: i64 = 30;

/// Which way an expression without its year (or week) leans: see the module documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lean {
    /// Toward the past (news reports what happened): today's reading, the default.
    #[default]
    Past,
    /// Toward the future: the next such day after the reference; `in two weeks` is a date.
    Future,
    /// Per expression: [`Lean::Future`] when its clause is in the future tense (`will`,
    /// `shall`, `'ll`, `won't`, `is to`, `are to`, `going to` before it in the clause), else
    /// [`Lean::Past`].
    Clause,
}

/// Appends every date expression of `text` to `out`, in order, without overlaps. `reference`
/// is the dateline: relative expressions resolve against it, and stay unresolved (are not
/// reported) without it; a month-day with no year takes the year that puts it nearest before
/// the reference, and stays `--MM-DD` without one.
pub fn scan_dates(text: &str, reference: Option<PartialDate>, out: &mut Vec<DateMatch>) {
    scan_dates_lean(text, reference, Lean::Past, out);
}

/// [`scan_dates`] with a [`Lean`]: how expressions without a year or week resolve.
pub fn scan_dates_lean(
    text: &str,
    reference: Option<PartialDate>,
    lean: Lean,
    out: &mut Vec<DateMatch>,
) {
    scan_dates_after(text, reference, lean, None, out);
}

/// Whether `text` has a date anaphor (`that year`, `that day`, `the same day`): the caller
/// then finds the last date stated before `text` for [`scan_dates_after`].
pub fn has_date_anaphor(text: &str) -> bool {
    let b = text.as_bytes();
    (0..b.len())
        .any(|i| matches!(b[i], b't' | b'T') && at_boundary(b, i) && anaphor_at(b, i).is_some())
}

/// [`scan_dates_lean`] continuing a text: `anchor` is the last date stated before `text`,
/// from which a date anaphor (`that year`, `the same day`) with none before it in `text`
/// resolves.
pub fn scan_dates_after(
    text: &str,
    reference: Option<PartialDate>,
    lean: Lean,
    anchor: Option<PartialDate>,
    out: &mut Vec<DateMatch>,
) {
    let b = text.as_bytes();
    let r = reference.and_then(|d| d.to_civil());
    let first = out.len();
    let mut tense = Tense { future: lean == Lean::Future, before_to: false };
    let mut i = 0;
    while i < b.len() {
        if lean == Lean::Clause {
            tense.step(b, i);
        }
        if b[i].is_ascii_alphanumeric() && at_boundary(b, i) && may_start_date(b, i) {
            // `that year`, `the same day`: the period of the last date read before it (here,
            // else the caller's `anchor`) that holds it; nothing without one.
            if let Some((grain, e)) = anaphor_at(b, i) {
                let last = out[first..].iter().rev().find_map(|m| match m.date {
                    DateSpec::On(d) => Some(d),
                    _ => None,
                });
                if let Some(date) = last.or(anchor).and_then(|d| to_grain(d, grain)) {
                    out.push(DateMatch { span: i..e, date: DateSpec::On(date) });
                }
                i = e;
                continue;
            }
            // `the next day`, `the day before`: from the last day read before it, else `R`.
            let m = match next_day_at(b, i) {
                Some((off, e)) => {
                    let anchor = out[first..]
                        .last()
                        .and_then(|m| match m.date {
                            DateSpec::On(d) => d.to_civil(),
                            _ => None,
                        })
                        .or(r);
                    anchor
                        .and_then(|a| add_days(a, off))
                        .map(|d| DateMatch { span: i..e, date: on(d) })
                }
                None => date_or_bound(b, i, r, tense.future),
            };
            // A match may begin before `i` (`three days starting Monday` is found at
            // `starting`), never inside the one before it.
            if let Some(m) = m
                && out[first..].last().is_none_or(|p| p.span.end <= m.span.start)
            {
                i = m.span.end.max(i + 1);
                out.push(m);
                continue;
            }
            if let Some(e) = impossible_at(b, i) {
                i = e.max(i + 1);
                continue;
            }
        }
        i = next_start(b, i);
    }
}

/// Reads the date expression starting at byte `at` (a token start), if any.
pub fn date_at(text: &str, at: usize, reference: Option<PartialDate>) -> Option<DateMatch> {
    date_at_lean(text, at, reference, Lean::Past)
}

/// [`date_at`] with a [`Lean`]; `the next day`, `the day before` count from the reference.
pub fn date_at_lean(
    text: &str,
    at: usize,
    reference: Option<PartialDate>,
    lean: Lean,
) -> Option<DateMatch> {
    let b = text.as_bytes();
    if !b.get(at).is_some_and(u8::is_ascii_alphanumeric) || !at_boundary(b, at) {
        return None;
    }
    let r = reference.and_then(|d| d.to_civil());
    if let Some((off, e)) = next_day_at(b, at) {
        return add_days(r?, off).map(|d| DateMatch { span: at..e, date: on(d) });
    }
    date_or_bound(b, at, r, forward(b, at, lean))
}

/// A date at `at`, or a range with one open end: a bound word before it (`since 2010`) or
/// after it (`2018 or later`).
fn date_or_bound(b: &[u8], at: usize, r: Option<Civil>, fwd: bool) -> Option<DateMatch> {
    if let Some(m) = bound_at(b, at, r, fwd) {
        return Some(m);
    }
    let m = date_at_civil(b, at, r, fwd).or_else(|| any_range_at(b, at, r, fwd))?;
    Some(bound_after(b, &m).unwrap_or(m))
}

fn forward(b: &[u8], at: usize, lean: Lean) -> bool {
    match lean {
        Lean::Past => false,
        Lean::Future => true,
        Lean::Clause => {
            let mut t = Tense::default();
            let mut i = at.saturating_sub(150);
            while i < at {
                t.step(b, i);
                i = next_start(b, i);
            }
            t.future
        }
    }
}

/// The tense of the clause so far, updated token by token: future after `will`, `shall`,
/// `'ll`, `won't`, `is to`, `are to`, `going to`; reset by `.`, `;`, `:`, `?`, `!` and by
/// `that`, `said`, `says` (a new clause).
#[derive(Default)]
struct Tense {
    future: bool,
    /// The last word was `is`, `are` or `going`.
    before_to: bool,
}

impl Tense {
    fn step(&mut self, b: &[u8], i: usize) {
        let c = b[i];
        if matches!(c, b'.' | b';' | b':' | b'?' | b'!') {
            *self = Tense::default();
            return;
        }
        if !c.is_ascii_alphabetic() || !at_boundary(b, i) {
            return;
        }
        let mut buf = [0u8; 16];
        let Some((w, e)) = word_at(b, i, &mut buf) else { return };
        let apos = i > 0 && matches!(b[i - 1], b'\'' | 0x99);
        let nt = b.get(e..).is_some_and(|t| t.starts_with(b"'t") || t.starts_with("’t".as_bytes()));
        match w {
            b"that" | b"said" | b"says" => self.future = false,
            b"will" | b"shall" => self.future = true,
            b"ll" if apos => self.future = true,
            b"won" if nt => self.future = true,
            b"to" if self.before_to => self.future = true,
            _ => {}
        }
        self.before_to = matches!(w, b"is" | b"are" | b"going");
    }
}

/// True when the token at `i` can begin a date expression (digits, a month or weekday name, a
/// number or ordinal word, or one of a few words such as `the`, `last`, `today`, `from`): one
/// lookup that spares the full reader most words of a text.
fn may_start_date(b: &[u8], i: usize) -> bool {
    if b.get(i).is_some_and(u8::is_ascii_digit) {
        return true;
    }
    let mut buf = [0u8; 16];
    let Some((w, e)) = letters_at(b, i, &mut buf) else { return false };
    // The commonest words go on only when the next word can continue a date: `the 4th`, `the
    // first Monday`, `the day before`, `the past week`; `a week ago`.
    if matches!(w, b"the" | b"a" | b"an") {
        let p = skip_ws(b, e);
        if b.get(p).is_some_and(u8::is_ascii_digit) {
            return w == b"the";
        }
        let mut buf2 = [0u8; 16];
        let Some((n, _)) = letters_at(b, p, &mut buf2) else { return false };
        return match w {
            b"the" => {
                ordinal_word(n).is_some()
                    || matches!(
                        n,
                        b"day"
                            | b"same"
                            | b"past"
                            | b"last"
                            | b"twenty"
                            | b"thirty"
                            | b"next"
                            | b"following"
                            | b"previous"
                            | b"spring"
                            | b"summer"
                            | b"autumn"
                            | b"fall"
                            | b"winter"
                            | b"beginning"
                            | b"start"
                            | b"middle"
                            | b"end"
                            | b"week"
                            | b"weekend"
                            | b"month"
                            | b"year"
                    )
            }
            _ => matches!(n, b"day" | b"week" | b"fortnight" | b"month" | b"year"),
        };
    }
    if w == b"that" {
        return anaphor_at(b, i).is_some();
    }
    if w == b"in" {
        // `in two weeks` (a date only when leaning forward).
        let p = skip_ws(b, e);
        let mut buf2 = [0u8; 16];
        return p > e
            && (b.get(p).is_some_and(u8::is_ascii_digit)
                || letters_at(b, p, &mut buf2)
                    .is_some_and(|(n, _)| is_number_word(n) || matches!(n, b"a" | b"an")));
    }
    month_name(w).is_some()
        || weekday_name(w).is_some()
        || ordinal_word(w).is_some()
        || is_number_word(w)
        || matches!(
            w,
            b"the"
                | b"a"
                | b"an"
                | b"day"
                | b"today"
                | b"tonight"
                | b"yesterday"
                | b"tomorrow"
                | b"tmrw"
                | b"last"
                | b"this"
                | b"next"
                | b"past"
                | b"previous"
                | b"current"
                | b"coming"
                | b"following"
                | b"upcoming"
                | b"within"
                | b"year"
                | b"early"
                | b"mid"
                | b"late"
                | b"beginning"
                | b"start"
                | b"middle"
                | b"end"
                | b"earlier"
                | b"later"
                | b"from"
                | b"between"
                | b"q"
                | b"h"
                | b"quarter"
                | b"spring"
                | b"summer"
                | b"autumn"
                | b"fall"
                | b"winter"
        )
        || holiday_start(w)
        || bound_word(w)
}

fn next_start(b: &[u8], i: usize) -> usize {
    let mut j = i + 1;
    if b.get(i).is_some_and(|&c| is_alnum(c)) {
        while j < b.len() && is_alnum(b[j]) {
            j += 1;
        }
    }
    j
}

#[cfg(test)]
mod tests;
