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
//! | `in March`, `since May` (a month name after a preposition) | the month, year from `R` |
//! | `in 2017`, `since 1998`, `(2010)` (a 4-digit year where a year is expected) | the year |
//! | `Friday (April 15)`, `Friday, April 15`, `Tue May 9` | the explicit date (one match) |
//! | `Friday the 22nd` | that day of the month on or before `R` |
//! | `Tuesday`, `on Tuesday` | the most recent Tuesday on or before `R` (`R` itself included) |
//! | `last Tuesday`, `previous Tuesday` / `next Tuesday` / `this Tuesday` | the Tuesday of the week (Monday to Sunday) before / after / of `R` |
//! | `this past Tuesday`, `past Tuesday` | the most recent Tuesday strictly before `R` |
//! | `today`, `tonight`, `this morning` / `yesterday`, `last night` / `tomorrow` | `R` / `R - 1` / `R + 1` |
//! | `the day before yesterday` / `the day after tomorrow` | `R - 2` / `R + 2` |
//! | `last week`, `this week`, `next week` (`previous`, `past`, `coming`, `following`) | Monday..Sunday range |
//! | `last weekend`, `this weekend`, `next weekend` | Saturday..Sunday range |
//! | `last month`, `this month`, `next month` / `last year`, `this year`, `next year` | the month / the year |
//! | `earlier this week`, `earlier this month`, `earlier this year` | from the first day of the period to `R` |
//! | `later this week`, `later this month`, `later this year` | from `R` to the period's last day |
//! | `two days ago`, `a week ago`, `3 months ago`, `10 years ago` | that day |
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
//! Not read (yet): holidays (`Christmas`, `Easter`), seasons, quarters, `early`/`mid`/`late`
//! parts of months (read as the whole month), numeric dates without a year (`4/22`, which news
//! text uses for fractions and scores as often as for dates), years in words (`nineteen eighty
//! six`), offsets from other dates (`3 days after January 12`), `in two weeks` (in news as often
//! a duration as a date), times.
//!
//! One linear pass; words are compared in place, nothing allocates.

use jiff::civil::Date as Civil;

use super::number::{
    at_boundary, is_alnum, is_number_word, numeral_at, phrase_at, prev_word, skip_ws, word_at,
    word_in, word_is, year_context,
};
use crate::model::{DateSpec, PartialDate, Span};

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

/// Appends every date expression of `text` to `out`, in order, without overlaps. `reference`
/// is the dateline: relative expressions resolve against it, and stay unresolved (are not
/// reported) without it; a month-day with no year takes the year that puts it nearest before
/// the reference, and stays `--MM-DD` without one.
pub fn scan_dates(text: &str, reference: Option<PartialDate>, out: &mut Vec<DateMatch>) {
    let b = text.as_bytes();
    let r = reference.and_then(|d| d.to_civil());
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_alphanumeric()
            && at_boundary(b, i)
            && may_start_date(b, i)
            && let Some(m) = date_at_civil(b, i, r)
        {
            i = m.span.end.max(i + 1);
            out.push(m);
            continue;
        }
        i = next_start(b, i);
    }
}

/// Reads the date expression starting at byte `at` (a token start), if any.
pub fn date_at(text: &str, at: usize, reference: Option<PartialDate>) -> Option<DateMatch> {
    let b = text.as_bytes();
    if !b.get(at).is_some_and(u8::is_ascii_alphanumeric) || !at_boundary(b, at) {
        return None;
    }
    date_at_civil(b, at, reference.and_then(|d| d.to_civil()))
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
                    || matches!(n, b"day" | b"past" | b"last" | b"twenty" | b"thirty")
            }
            _ => matches!(n, b"day" | b"week" | b"month" | b"year"),
        };
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
                | b"earlier"
                | b"later"
                | b"from"
                | b"between"
        )
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

// ---------------------------------------------------------------------------------------------
// Calendar helpers (jiff)

fn add_days(d: Civil, n: i64) -> Option<Civil> {
    d.checked_add(jiff::Span::new().try_days(n).ok()?).ok()
}

fn add_months(d: Civil, n: i64) -> Option<Civil> {
    d.checked_add(jiff::Span::new().try_months(n).ok()?).ok()
}

fn add_years(d: Civil, n: i64) -> Option<Civil> {
    d.checked_add(jiff::Span::new().try_years(n).ok()?).ok()
}

fn week_start(d: Civil) -> Option<Civil> {
    add_days(d, -i64::from(d.weekday().to_monday_zero_offset()))
}

fn civil(y: i32, m: u8, d: u8) -> Option<Civil> {
    Civil::new(i16::try_from(y).ok()?, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()
}

fn on(d: Civil) -> DateSpec {
    DateSpec::On(PartialDate::from_civil(d))
}

fn between(a: Civil, b: Civil) -> DateSpec {
    DateSpec::Between { start: PartialDate::from_civil(a), end: PartialDate::from_civil(b) }
}

fn month_of(d: Civil) -> DateSpec {
    DateSpec::On(PartialDate {
        year: Some(i32::from(d.year())),
        month: Some(d.month() as u8),
        day: None,
    })
}

fn year_of(y: i32) -> DateSpec {
    DateSpec::On(PartialDate { year: Some(y), month: None, day: None })
}

fn max_day(m: u8) -> u8 {
    match m {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The year for a month-day without one: nearest on or before `r`, or up to
/// [`FUTURE_WINDOW_DAYS`] after it.
fn resolve_md(m: u8, d: u8, r: Option<Civil>) -> Option<PartialDate> {
    if !(1..=12).contains(&m) || d == 0 || d > max_day(m) {
        return None;
    }
    let Some(r) = r else {
        return Some(PartialDate { year: None, month: Some(m), day: Some(d) });
    };
    let limit = add_days(r, FUTURE_WINDOW_DAYS)?;
    let y0 = i32::from(r.year());
    for y in (y0 - 8..=y0 + 1).rev() {
        if let Some(c) = civil(y, m, d)
            && c <= limit
        {
            return Some(PartialDate::from_civil(c));
        }
    }
    None
}

/// The year for a month without one (same rule, on its first day).
fn resolve_month(m: u8, r: Option<Civil>) -> Option<DateSpec> {
    let Some(r) = r else {
        return Some(DateSpec::On(PartialDate { year: None, month: Some(m), day: None }));
    };
    let p = resolve_md(m, 1, Some(r))?;
    Some(DateSpec::On(PartialDate { day: None, ..p }))
}

/// A month-day named with its weekday (`Friday, April 15`): the year within a year of `r`,
/// nearest to it (the past on a tie), where that day is that weekday.
fn md_on_weekday(m: u8, d: u8, wd: i8, r: Civil) -> Option<DateSpec> {
    let y0 = i32::from(r.year());
    let mut best: Option<(i64, Civil)> = None;
    for y in y0 - 1..=y0 + 1 {
        let Some(c) = civil(y, m, d) else { continue };
        let dist = (c - r).get_days().into();
        let dist: i64 = dist;
        if c.weekday().to_monday_zero_offset() != wd || dist.abs() > 366 {
            continue;
        }
        let key = if dist > 0 { dist * 2 + 1 } else { -dist * 2 };
        if best.is_none_or(|(k, _)| key < k) {
            best = Some((key, c));
        }
    }
    best.map(|(_, c)| on(c))
}

/// The most recent day `d` of a month on or before `r` (up to [`FUTURE_WINDOW_DAYS`] after
/// it), on weekday `wd` when given (`Mon 13th`: the last 13th that was a Monday).
fn day_on_weekday(d: u8, wd: Option<i8>, r: Civil) -> Option<Civil> {
    // A bare day of the month looks ahead a week only (`on the 18th` in an article of the 29th
    // is the 18th just past).
    let window = if wd.is_some() { FUTURE_WINDOW_DAYS } else { 7 };
    let limit = add_days(r, window)?;
    let start = add_months(r.first_of_month(), 1)?;
    for k in 0..=36 {
        let m = add_months(start, -k)?;
        if let Some(c) = civil(i32::from(m.year()), m.month() as u8, d)
            && c <= limit
            && wd.is_none_or(|w| c.weekday().to_monday_zero_offset() == w)
        {
            return Some(c);
        }
        if wd.is_none() && k > 2 {
            break;
        }
    }
    None
}

/// The most recent `wd` (Monday = 0) on or before `r` (`strict`: before).
fn weekday_before(r: Civil, wd: i8, strict: bool) -> Option<Civil> {
    let cur = r.weekday().to_monday_zero_offset();
    let mut back = i64::from((cur - wd).rem_euclid(7));
    if strict && back == 0 {
        back = 7;
    }
    add_days(r, -back)
}

// ---------------------------------------------------------------------------------------------
// Words

fn month_name(w: &[u8]) -> Option<(u8, bool)> {
    // (month, abbreviation)
    Some(match w {
        b"january" => (1, false),
        b"february" => (2, false),
        b"march" => (3, false),
        b"april" => (4, false),
        b"may" => (5, false),
        b"june" => (6, false),
        b"july" => (7, false),
        b"august" => (8, false),
        b"september" => (9, false),
        b"october" => (10, false),
        b"november" => (11, false),
        b"december" => (12, false),
        b"jan" => (1, true),
        b"feb" => (2, true),
        b"mar" => (3, true),
        b"apr" => (4, true),
        b"jun" => (6, true),
        b"jul" => (7, true),
        b"aug" => (8, true),
        b"sep" | b"sept" => (9, true),
        b"oct" => (10, true),
        b"nov" => (11, true),
        b"dec" => (12, true),
        _ => return None,
    })
}

fn weekday_name(w: &[u8]) -> Option<(i8, bool)> {
    // (Monday = 0, abbreviation)
    Some(match w {
        b"monday" => (0, false),
        b"tuesday" => (1, false),
        b"wednesday" => (2, false),
        b"thursday" => (3, false),
        b"friday" => (4, false),
        b"saturday" => (5, false),
        b"sunday" => (6, false),
        b"mon" => (0, true),
        b"tue" | b"tues" => (1, true),
        b"wed" => (2, true),
        b"thu" | b"thur" | b"thurs" => (3, true),
        b"fri" => (4, true),
        b"sat" => (5, true),
        b"sun" => (6, true),
        _ => return None,
    })
}

fn ordinal_word(w: &[u8]) -> Option<u8> {
    Some(match w {
        b"first" => 1,
        b"second" => 2,
        b"third" => 3,
        b"fourth" => 4,
        b"fifth" => 5,
        b"sixth" => 6,
        b"seventh" => 7,
        b"eighth" => 8,
        b"ninth" => 9,
        b"tenth" => 10,
        b"eleventh" => 11,
        b"twelfth" => 12,
        b"thirteenth" => 13,
        b"fourteenth" => 14,
        b"fifteenth" => 15,
        b"sixteenth" => 16,
        b"seventeenth" => 17,
        b"eighteenth" => 18,
        b"nineteenth" => 19,
        b"twentieth" => 20,
        b"thirtieth" => 30,
        _ => return None,
    })
}

/// Letters at `i` lowercased (may be directly followed by digits: `Oct2`).
fn letters_at<'a>(b: &[u8], i: usize, buf: &'a mut [u8; 16]) -> Option<(&'a [u8], usize)> {
    let mut j = i;
    while j < b.len() && b[j].is_ascii_alphabetic() {
        j += 1;
    }
    if j == i || j - i > buf.len() || b.get(j).is_some_and(|&c| c >= 0x80 && is_alnum(c)) {
        return None;
    }
    for (k, &c) in b[i..j].iter().enumerate() {
        buf[k] = c.to_ascii_lowercase();
    }
    Some((&buf[..j - i], j))
}

/// A month name at `i` (`March`, `Mar.`, `Sept`); the end includes an abbreviation's dot.
fn month_at(b: &[u8], i: usize) -> Option<(u8, usize)> {
    let mut buf = [0u8; 16];
    let (w, mut e) = letters_at(b, i, &mut buf)?;
    let (m, abbr) = month_name(w)?;
    if abbr && b.get(e) == Some(&b'.') {
        e += 1;
    } else if !abbr
        && b.get(e) == Some(&b'.')
        && b.get(e + 1) == Some(&b' ')
        && b.get(e + 2).is_some_and(u8::is_ascii_digit)
    {
        e += 1; // `October. 2`
    }
    Some((m, e))
}

fn weekday_at(b: &[u8], i: usize) -> Option<(i8, bool, usize)> {
    let mut buf = [0u8; 16];
    let (w, mut e) = word_at(b, i, &mut buf)?;
    let (wd, abbr) = weekday_name(w)?;
    if abbr && b.get(e) == Some(&b'.') {
        e += 1;
    }
    Some((wd, abbr, e))
}

/// Digits at `i`: (value, number of digits, end); not followed by a digit.
fn digits(b: &[u8], i: usize, max_len: usize) -> Option<(u32, usize, usize)> {
    let mut j = i;
    let mut v: u32 = 0;
    while j < b.len() && b[j].is_ascii_digit() {
        if j - i >= max_len {
            return None;
        }
        v = v * 10 + u32::from(b[j] - b'0');
        j += 1;
    }
    (j > i).then_some((v, j - i, j))
}

/// A day of the month at `i`: `23`, `23rd`, `09th`, `first`, `twenty-first`, `thirty first`.
fn day_at(b: &[u8], i: usize) -> Option<(u8, usize)> {
    if let Some((v, _, mut e)) = digits(b, i, 2) {
        let mut buf = [0u8; 16];
        if let Some((w, we)) = letters_at(b, e, &mut buf) {
            if matches!(w, b"st" | b"nd" | b"rd" | b"th") {
                e = we;
            } else {
                return None;
            }
        }
        if b.get(e).is_some_and(|&c| is_alnum(c)) || v == 0 || v > 31 {
            return None;
        }
        return Some((v as u8, e));
    }
    let mut buf = [0u8; 16];
    let (w, e) = word_at(b, i, &mut buf)?;
    if let Some(d) = ordinal_word(w) {
        return Some((d, e));
    }
    let tens = match w {
        b"twenty" => 20,
        b"thirty" => 30,
        _ => return None,
    };
    let p = if b.get(e) == Some(&b'-') { e + 1 } else { skip_ws(b, e) };
    if p == e {
        return None;
    }
    let mut buf2 = [0u8; 16];
    let (w2, e2) = word_at(b, p, &mut buf2)?;
    let u = ordinal_word(w2)
        .or(match w2 {
            b"one" => Some(1),
            b"two" => Some(2),
            b"three" => Some(3),
            b"four" => Some(4),
            b"five" => Some(5),
            b"six" => Some(6),
            b"seven" => Some(7),
            b"eight" => Some(8),
            b"nine" => Some(9),
            _ => None,
        })
        .filter(|&u| u < 10)?;
    let d = tens + u;
    (d <= 31).then_some((d, e2))
}

/// A 4-digit year at `i` (1000-2999), not followed by another digit or letter.
fn year_at(b: &[u8], i: usize) -> Option<(i32, usize)> {
    let (v, n, e) = digits(b, i, 4)?;
    if n != 4 || !(1000..=2999).contains(&v) || b.get(e).is_some_and(|&c| is_alnum(c)) {
        return None;
    }
    Some((v as i32, e))
}

/// `, 2022`, ` 2022`, ` , 2022`, ` of 2022`, ` in 2022`, `-2022` after a day or month.
fn year_after(b: &[u8], e: usize, allow_in: bool) -> Option<(i32, usize)> {
    let mut p = skip_ws(b, e);
    if b.get(p) == Some(&b',') {
        p = skip_ws(b, p + 1);
    } else if let Some(w) =
        word_is(b, p, "of").or_else(|| if allow_in { word_is(b, p, "in") } else { None })
    {
        p = skip_ws(b, w);
    } else if p == e && b.get(e) == Some(&b'-') {
        p = e + 1;
    } else if p == e {
        return None;
    }
    year_at(b, p)
}

// ---------------------------------------------------------------------------------------------
// Explicit dates

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ex {
    Ymd(i32, u8, u8),
    Md(u8, u8),
    Ym(i32, u8),
    M(u8),
    Y(i32),
}

fn resolve(ex: Ex, r: Option<Civil>) -> Option<DateSpec> {
    match ex {
        Ex::Ymd(y, m, d) => civil(y, m, d).map(on),
        Ex::Md(m, d) => resolve_md(m, d, r).map(DateSpec::On),
        Ex::Ym(y, m) => (1..=12).contains(&m).then_some(DateSpec::On(PartialDate {
            year: Some(y),
            month: Some(m),
            day: None,
        })),
        Ex::M(m) => resolve_month(m, r),
        Ex::Y(y) => Some(year_of(y)),
    }
}

fn two_digit_year(v: u32) -> i32 {
    if v < 50 { 2000 + v as i32 } else { 1900 + v as i32 }
}

/// A date written with digits only: `2022-03-29`, `2022/3/29`, `3/29/2022`, `29.03.2022`.
fn numeric_at(b: &[u8], i: usize) -> Option<(Ex, usize)> {
    let (a, na, e1) = digits(b, i, 4)?;
    let sep = *b.get(e1)?;
    if !matches!(sep, b'-' | b'/' | b'.') {
        return None;
    }
    let (m, nm, e2) = digits(b, e1 + 1, 2)?;
    if na == 4 {
        // Year first.
        if b.get(e2) == Some(&sep) {
            let (d, _, e3) = digits(b, e2 + 1, 2)?;
            if b.get(e3).is_some_and(|&c| is_alnum(c)) {
                return None;
            }
            civil(a as i32, m as u8, d as u8)?;
            return Some((Ex::Ymd(a as i32, m as u8, d as u8), e3));
        }
        // `2022-03` (a month), not `2014-2018` nor `1957-58`.
        if sep == b'-'
            && nm == 2
            && (1..=12).contains(&m)
            && !b.get(e2).is_some_and(|&c| is_alnum(c) || c == b'-')
        {
            return Some((Ex::Ym(a as i32, m as u8), e2));
        }
        return None;
    }
    if b.get(e2) != Some(&sep) {
        return None;
    }
    let (y, ny, e3) = digits(b, e2 + 1, 4)?;
    if b.get(e3).is_some_and(|&c| is_alnum(c)) || (ny != 2 && ny != 4) || (sep == b'.' && ny != 4) {
        return None;
    }
    // A dotted decimal like `1.2.3` is not a date; neither is `1-2-3`.
    if b.get(e3) == Some(&sep) && b.get(e3 + 1).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let year = if ny == 4 { y as i32 } else { two_digit_year(y) };
    let (mo, d) = if a > 12 || sep == b'.' { (m, a) } else { (a, m) };
    civil(year, mo as u8, d as u8)?;
    Some((Ex::Ymd(year, mo as u8, d as u8), e3))
}

/// An explicit date at `i`: numeric, month-first, day-first, or a year in context.
fn explicit_at(b: &[u8], i: usize) -> Option<(Ex, usize)> {
    let c = *b.get(i)?;
    if c.is_ascii_digit() {
        if let Some(x) = numeric_at(b, i) {
            return Some(x);
        }
        if let Some(x) = day_first(b, i) {
            return Some(x);
        }
        if let Some((y, ye)) = year_at(b, i)
            && let Some(&sep) = b.get(ye).filter(|c| matches!(c, b'-' | b'/'))
            && let Some((m, me)) = month_at(b, ye + 1)
            && b.get(me) == Some(&sep)
            && let Some((d, de)) = day_at(b, me + 1)
        {
            return Some((Ex::Ymd(y, m, d), de));
        }
        if let Some((y, e)) = year_at(b, i)
            && year_context(b, i, e)
        {
            return Some((Ex::Y(y), e));
        }
        return None;
    }
    // `the 4th of July`, `the first of March`
    if let Some(e) = word_is(b, i, "the") {
        let p = skip_ws(b, e);
        if p > e
            && let Some(x) = day_first(b, p)
        {
            return Some(x);
        }
        return None;
    }
    if let Some(x) = month_first(b, i) {
        return Some(x);
    }
    day_first(b, i)
}

/// `23 March`, `23rd of March 2022`, `16. Nov. 2016`, `05-Aug-2016`, `first of March`.
fn day_first(b: &[u8], i: usize) -> Option<(Ex, usize)> {
    let (d, e) = day_at(b, i)?;
    let mut p = e;
    let sep = b.get(p).copied().filter(|c| matches!(c, b'-' | b'/'));
    let hyphen = sep.is_some();
    if hyphen {
        p += 1;
    } else {
        if b.get(p) == Some(&b'.') {
            p += 1;
        }
        p = skip_ws(b, p);
        if let Some(w) = word_is(b, p, "of") {
            p = skip_ws(b, w);
        }
        if p == e {
            return None;
        }
    }
    let (m, me) = month_at(b, p)?;
    if word_at(b, p, &mut [0u8; 16]).is_none()
        && b.get(me).is_some_and(u8::is_ascii_digit)
        && !hyphen
    {
        return None;
    }
    if hyphen {
        if b.get(me).copied() == sep {
            if let Some((y, ye)) = year_at(b, me + 1) {
                return Some((Ex::Ymd(y, m, d), ye));
            }
            if let Some((y, 2, ye)) = digits(b, me + 1, 2)
                && !b.get(ye).is_some_and(|&c| is_alnum(c))
            {
                return Some((Ex::Ymd(two_digit_year(y), m, d), ye));
            }
        }
        if b.get(me).is_some_and(|&c| is_alnum(c)) {
            return None;
        }
        return Some((Ex::Md(m, d), me));
    }
    if let Some((y, ye)) = year_after(b, me, true) {
        return Some((Ex::Ymd(y, m, d), ye));
    }
    Some((Ex::Md(m, d), me))
}

/// `March 23`, `March 23, 2022`, `Mar. 23`, `Oct2`, `Sep-23-2020`, `March 2022`, `June of 1992`.
fn month_first(b: &[u8], i: usize) -> Option<(Ex, usize)> {
    let (m, me) = month_at(b, i)?;
    let attached = b.get(me).is_some_and(u8::is_ascii_digit);
    // Day.
    let mut p = me;
    let mut sep_dash = false;
    if attached {
        // `Oct2`
    } else if matches!(b.get(me), Some(b'-' | b'/')) {
        sep_dash = true;
        p = me + 1;
    } else {
        p = skip_ws(b, me);
        if b.get(p) == Some(&b',') && b.get(skip_ws(b, p + 1)).is_some_and(u8::is_ascii_digit) {
            // `October, 1st` (but `Dec, 2018` is a month and year, below)
            let q = skip_ws(b, p + 1);
            if year_at(b, q).is_none() {
                p = q;
            }
        }
        if let Some(w) = word_is(b, p, "the") {
            p = skip_ws(b, w);
        }
    }
    if p > me || attached {
        // A year right after the month: `March 2022`, `Dec, 2018`.
        if let Some((y, ye)) = year_at(b, p) {
            return Some((Ex::Ym(y, m), ye));
        }
        if let Some((d, de)) = day_at(b, p) {
            if sep_dash && b.get(de) == Some(&b'-') {
                if let Some((y, ye)) = year_at(b, de + 1) {
                    return Some((Ex::Ymd(y, m, d), ye));
                }
            }
            if sep_dash && b.get(de) == Some(&b'/') {
                if let Some((y, ye)) = year_at(b, de + 1) {
                    return Some((Ex::Ymd(y, m, d), ye));
                }
            }
            if let Some((y, ye)) = year_after(b, de, true) {
                return Some((Ex::Ymd(y, m, d), ye));
            }
            return Some((Ex::Md(m, d), de));
        }
    }
    if attached {
        return None;
    }
    if let Some((y, ye)) = year_after(b, me, true) {
        return Some((Ex::Ym(y, m), ye));
    }
    // A month alone after a preposition: `in March`, `since May`, `early December`.
    let mut buf = [0u8; 16];
    let (w, _) = word_at(b, i, &mut buf)?;
    let may = w == b"may";
    if let Some(pw) = prev_word(b, i)
        && word_in(
            b,
            pw,
            &[
                "in",
                "since",
                "during",
                "until",
                "till",
                "by",
                "from",
                "early",
                "late",
                "mid",
                "through",
                "throughout",
                "before",
                "after",
                "between",
                "to",
                "and",
            ],
        )
        && (!may || b.get(me).is_none_or(|&c| !c.is_ascii_alphanumeric()))
        && (!month_name(w).is_some_and(|(_, abbr)| abbr) || b.get(me - 1) == Some(&b'.'))
    {
        return Some((Ex::M(m), me));
    }
    None
}

// ---------------------------------------------------------------------------------------------
// Everything

fn date_at_civil(b: &[u8], at: usize, r: Option<Civil>) -> Option<DateMatch> {
    if let Some(m) = range_at(b, at, r) {
        return Some(m);
    }
    if let Some(m) = month_with_modifier(b, at, r) {
        return m;
    }
    if let Some((spec, end)) = relative_at(b, at, r) {
        return spec.map(|date| DateMatch { span: at..end, date });
    }
    if let Some((wd, abbr, we)) = weekday_at(b, at) {
        // `Friday (April 15)`, `Friday, April 15`, `Tue May 9`, `Friday the 22nd`, `Mon 13th`.
        let mut p = skip_ws(b, we);
        if b.get(p) == Some(&b',') {
            p = skip_ws(b, p + 1);
        }
        let paren = b.get(p) == Some(&b'(');
        if paren {
            p = skip_ws(b, p + 1);
        }
        if p > we
            && let Some((ex, ee)) = explicit_at(b, p)
            && matches!(ex, Ex::Ymd(..) | Ex::Md(..))
        {
            let mut end = ee;
            if paren {
                let q = skip_ws(b, ee);
                if b.get(q) == Some(&b')') {
                    end = q + 1;
                }
            }
            let date = match (ex, r) {
                (Ex::Md(m, d), Some(r)) => {
                    md_on_weekday(m, d, wd, r).or_else(|| resolve(ex, Some(r)))
                }
                _ => resolve(ex, r),
            };
            return date.map(|date| DateMatch { span: at..end, date });
        }
        if !paren && p > we {
            let q = word_is(b, p, "the").map_or(p, |e| skip_ws(b, e));
            if let Some((d, de)) = day_at(b, q)
                && (q > p || b.get(p).is_some_and(u8::is_ascii_digit))
                && (q > p
                    || b[p..de].iter().any(u8::is_ascii_alphabetic)
                    || !b.get(skip_ws(b, de)).is_some_and(u8::is_ascii_alphanumeric))
            {
                // Without a reference the month is unknown: not reported.
                let c = day_on_weekday(d, Some(wd), r?)?;
                return Some(DateMatch { span: at..de, date: on(c) });
            }
        }
        if abbr {
            return None;
        }
        let r = r?;
        // `Monday of next week`, `Tuesday of last week`, `Friday next week`.
        let q = skip_ws(b, we);
        for (words, weeks) in [
            (&["of", "next", "week"][..], 1),
            (&["next", "week"][..], 1),
            (&["of", "last", "week"][..], -1),
            (&["last", "week"][..], -1),
            (&["of", "this", "week"][..], 0),
            (&["of", "the", "following", "week"][..], 1),
        ] {
            if let Some(e) = phrase_at(b, q, words) {
                let ws = add_days(week_start(r)?, 7 * weeks)?;
                return Some(DateMatch { span: at..e, date: on(add_days(ws, i64::from(wd))?) });
            }
        }
        return Some(DateMatch { span: at..we, date: on(weekday_before(r, wd, false)?) });
    }
    if let Some((ex, end)) = explicit_at(b, at) {
        return Some(DateMatch { span: at..end, date: resolve(ex, r)? });
    }
    day_of_month_at(b, at, r)
}

/// `on the 18th`, `on the 4th.`: a day of the month after `on`, in the month of `R` or the one
/// before (the most recent such day up to 7 days after `R`). Only where nothing
/// that could be counted follows (`on the 18th floor` is not a date).
fn day_of_month_at(b: &[u8], at: usize, r: Option<Civil>) -> Option<DateMatch> {
    let pw = prev_word(b, at)?;
    if !word_in(b, pw, &["on"]) {
        return None;
    }
    let p = word_is(b, at, "the").map_or(at, |e| skip_ws(b, e));
    let (d, e) = day_at(b, p)?;
    // `on 15` alone is too weak; `on the 15`, `on 15th`, `on the fifteenth` are dates.
    if p == at && !b[at..e].iter().any(u8::is_ascii_alphabetic) {
        return None;
    }
    let q = skip_ws(b, e);
    let mut buf = [0u8; 16];
    if let Some((w, _)) = word_at(b, q, &mut buf)
        && !matches!(
            w,
            b"at"
                | b"and"
                | b"or"
                | b"to"
                | b"when"
                | b"with"
                | b"but"
                | b"as"
                | b"after"
                | b"before"
                | b"for"
                | b"in"
                | b"of"
        )
    {
        return None;
    }
    let date = on(day_on_weekday(d, None, r?)?);
    Some(DateMatch { span: at..e, date })
}

/// `this September`, `last July`, `next March`: `Some(None)` when recognised but unresolvable.
fn month_with_modifier(b: &[u8], at: usize, r: Option<Civil>) -> Option<Option<DateMatch>> {
    let mut buf = [0u8; 16];
    let (w, we) = word_at(b, at, &mut buf)?;
    let off: i32 = match w {
        b"this" => 0,
        b"last" | b"previous" => -1,
        b"next" | b"coming" => 1,
        _ => return None,
    };
    let p = skip_ws(b, we);
    let mut buf2 = [0u8; 16];
    let (mw, me) = word_at(b, p, &mut buf2)?;
    let (m, abbr) = month_name(mw)?;
    if abbr || p == we {
        return None;
    }
    let Some(r) = r else { return Some(None) };
    let (ry, rm) = (i32::from(r.year()), r.month() as u8);
    let y = match off {
        0 => ry,
        -1 => {
            if m < rm {
                ry
            } else {
                ry - 1
            }
        }
        _ => {
            if m > rm {
                ry
            } else {
                ry + 1
            }
        }
    };
    let date = DateSpec::On(PartialDate { year: Some(y), month: Some(m), day: None });
    Some(Some(DateMatch { span: at..me, date }))
}

/// A range of explicit dates: `March 3 to 5`, `from May to October 2020`, `Nov 18-Dec 19,
/// 2015`, `between 2014 and 2018`, `13th to 15th July`. Bounds are inclusive; the first takes
/// the second's year (and month) when it has none.
fn range_at(b: &[u8], at: usize, r: Option<Civil>) -> Option<DateMatch> {
    let (between, p) = if let Some(e) = word_is(b, at, "between") {
        (true, skip_ws(b, e))
    } else if let Some(e) = word_is(b, at, "from") {
        (false, skip_ws(b, e))
    } else {
        (false, at)
    };
    if p == at && !b.get(at).is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    // First bound: an explicit date, or a bare day (`13th to 15th July`).
    let (first, e1) = match explicit_at(b, p) {
        Some((ex, e)) if !matches!(ex, Ex::M(_)) || p > at => (Some(ex), e),
        Some(_) => return None,
        None => {
            let (d, e) = day_at(b, p)?;
            let _ = d;
            (None, e)
        }
    };
    // Connector.
    let q = skip_ws(b, e1);
    let e_conn = if between {
        word_is(b, q, "and")
    } else {
        word_is(b, q, "to")
            .or_else(|| word_is(b, q, "through"))
            .or_else(|| word_is(b, q, "until"))
            .or_else(|| word_is(b, q, "till"))
            .or_else(|| matches!(b.get(q), Some(b'-')).then_some(q + 1))
            .or_else(|| b.get(q..).is_some_and(|t| t.starts_with("–".as_bytes())).then_some(q + 3))
    }?;
    let s2 = skip_ws(b, e_conn);
    if word_is(b, q, "to").is_some() && first.is_none() && p == at {
        // `13th to 15th July` needs a month after; checked below.
    }
    // Second bound.
    let (second, e2) = match (first, explicit_at(b, s2)) {
        (Some(Ex::Y(_)), _) => {
            let (y, e) = year_at(b, s2)?;
            (Ex::Y(y), e)
        }
        (_, Some((ex @ (Ex::Ymd(..) | Ex::Md(..) | Ex::Ym(..)), e))) => (ex, e),
        (Some(Ex::M(_) | Ex::Ym(..)), _) => {
            // `from May to October`
            let (m, e) = month_at(b, s2)?;
            match year_after(b, e, true) {
                Some((y, ye)) => (Ex::Ym(y, m), ye),
                None => (Ex::M(m), e),
            }
        }
        (Some(Ex::Md(m, _) | Ex::Ymd(_, m, _)), _) => {
            // `March 3 to 5`, `August 27th - 29th`, `March 3-5, 2022`
            let (d, e) = day_at(b, s2)?;
            match year_after(b, e, false) {
                Some((y, ye)) => (Ex::Ymd(y, m, d), ye),
                None => (Ex::Md(m, d), e),
            }
        }
        _ => return None,
    };
    // A bare first day takes the second's month.
    let day1 = if first.is_none() { day_at(b, p).map(|x| x.0) } else { None };
    let first = match (first, second) {
        (Some(f), _) => f,
        (None, Ex::Md(m, _)) => Ex::Md(m, day1?),
        (None, Ex::Ymd(y, m, _)) => Ex::Ymd(y, m, day1?),
        _ => return None,
    };
    // Years: the first bound takes the second's year (the year before when it would end up
    // after the second).
    let first = match (first, second) {
        (Ex::Md(m1, d1), Ex::Ymd(y, m2, d2)) => {
            Ex::Ymd(if (m1, d1) > (m2, d2) { y - 1 } else { y }, m1, d1)
        }
        (Ex::M(m1), Ex::Ym(y, m2)) => Ex::Ym(if m1 > m2 { y - 1 } else { y }, m1),
        (f, _) => f,
    };
    let start = match resolve(first, r)? {
        DateSpec::On(d) => d,
        DateSpec::Between { .. } => return None,
    };
    let end = match (second, start.year) {
        (Ex::Md(m, d), Some(y)) => {
            let y = if (Some(m), Some(d)) < (start.month, start.day) { y + 1 } else { y };
            PartialDate::from_civil(civil(y, m, d)?)
        }
        (Ex::M(m), Some(y)) => {
            let y = if Some(m) < start.month { y + 1 } else { y };
            PartialDate { year: Some(y), month: Some(m), day: None }
        }
        (Ex::Md(m, d), None) => PartialDate { year: None, month: Some(m), day: Some(d) },
        (Ex::M(m), None) => PartialDate { year: None, month: Some(m), day: None },
        (ex, _) => match resolve(ex, r)? {
            DateSpec::On(d) => d,
            DateSpec::Between { .. } => return None,
        },
    };
    if start.year.is_some() && end.year.is_some() && start > end {
        return None;
    }
    Some(DateMatch { span: at..e2, date: DateSpec::Between { start, end } })
}

/// Expressions relative to the reference. `Some((None, _))`: recognised but unresolvable.
fn relative_at(b: &[u8], at: usize, r: Option<Civil>) -> Option<(Option<DateSpec>, usize)> {
    if b.get(at).is_some_and(u8::is_ascii_digit) {
        return offset_ago(b, at, r).or_else(|| nth_of_month(b, at, r));
    }
    if let Some(x) = nth_of_month(b, at, r) {
        return Some(x);
    }
    let mut buf = [0u8; 16];
    let (w, we) = word_at(b, at, &mut buf)?;
    let single = |off: i64| r.and_then(|r| add_days(r, off)).map(on);
    match w {
        b"today" | b"tonight" => return Some((single(0), we)),
        b"yesterday" => return Some((single(-1), we)),
        b"tomorrow" | b"tmrw" => return Some((single(1), we)),
        _ => {}
    }
    for (words, off) in [
        (&["the", "day", "before", "yesterday"][..], -2),
        (&["the", "day", "after", "tomorrow"][..], 2),
        (&["day", "before", "yesterday"][..], -2),
        (&["day", "after", "tomorrow"][..], 2),
        (&["the", "day", "after", "tmrw"][..], 2),
        (&["last", "night"][..], -1),
        (&["this", "morning"][..], 0),
        (&["this", "afternoon"][..], 0),
        (&["this", "evening"][..], 0),
    ] {
        if let Some(e) = phrase_at(b, at, words) {
            return Some((single(off), e));
        }
    }
    // `earlier this month`, `later this year`.
    for (first, later) in [("earlier", false), ("later", true)] {
        if word_is(b, at, first).is_some() {
            for unit in ["week", "month", "year"] {
                if let Some(e) = phrase_at(b, at, &[first, "this", unit]) {
                    let spec = r.and_then(|r| {
                        let (s, end) = period(r, unit, 0)?;
                        Some(if later { between(r, end) } else { between(s, r) })
                    });
                    return Some((spec, e));
                }
            }
        }
    }
    // `last week`, `this month`, `next year`, `last Tuesday`, `this past Friday`.
    let mut p = at;
    let mut offset: i64 = match w {
        b"last" | b"previous" => -1,
        b"this" | b"current" => 0,
        b"next" | b"coming" | b"following" | b"upcoming" => 1,
        b"past" => -2,
        _ => return offset_ago(b, at, r),
    };
    // `last week Sunday`, `next week on Tuesday`, `previous week - Monday`.
    if let Some(e) = phrase_at(b, at, &[std::str::from_utf8(w).unwrap_or(""), "week"]) {
        let mut q = skip_ws(b, e);
        if b.get(q) == Some(&b'-') {
            q = skip_ws(b, q + 1);
        } else if let Some(e2) = word_is(b, q, "on") {
            q = skip_ws(b, e2);
        }
        if q > e
            && let Some((wd, false, we2)) = weekday_at(b, q)
        {
            let off = if offset == -2 { -1 } else { offset };
            let spec = r.and_then(|r| add_days(week_start(r)?, 7 * off + i64::from(wd))).map(on);
            return Some((spec, we2));
        }
    }
    p = skip_ws(b, we).max(p);
    if p == we {
        return None;
    }
    if offset == 0 && word_is(b, p, "past").is_some() {
        offset = -2;
        p = skip_ws(b, word_is(b, p, "past")?);
    } else if offset == 0
        && (word_is(b, p, "coming").is_some() || word_is(b, p, "upcoming").is_some())
    {
        offset = 1;
        let e = word_is(b, p, "coming").or_else(|| word_is(b, p, "upcoming"))?;
        p = skip_ws(b, e);
    }
    // Rolling periods: `the past two weeks`, `the last 3 years`, `the past week`.
    if offset < 0
        && let Some(x) = rolling(b, p, r, w == b"past")
    {
        return Some(x);
    }
    let mut buf2 = [0u8; 16];
    let (u, ue) = word_at(b, p, &mut buf2)?;
    if let Some((wd, false)) = weekday_name(u) {
        let spec = r.and_then(|r| match offset {
            -2 => weekday_before(r, wd, true).map(on),
            1 if w == b"coming" || w == b"upcoming" => add_days(r, 1)
                .and_then(|t| {
                    add_days(t, i64::from((wd - t.weekday().to_monday_zero_offset()).rem_euclid(7)))
                })
                .map(on),
            _ => {
                let ws = add_days(week_start(r)?, 7 * offset)?;
                add_days(ws, i64::from(wd)).map(on)
            }
        });
        return Some((spec, ue));
    }
    let unit: &str = match u {
        b"week" => "week",
        b"month" => "month",
        b"year" | b"yr" => "year",
        b"weekend" => "weekend",
        _ => return None,
    };
    if offset == -2 {
        return None; // `this past week`
    }
    let spec = r.and_then(|r| match unit {
        "weekend" => {
            let sat = add_days(week_start(r)?, 5 + 7 * offset)?;
            Some(between(sat, add_days(sat, 1)?))
        }
        "week" => {
            let (s, e) = period(r, "week", offset)?;
            Some(between(s, e))
        }
        "month" => add_months(r.first_of_month(), offset).map(month_of),
        _ => Some(year_of(i32::from(r.year()) + offset as i32)),
    });
    Some((spec, ue))
}

/// `(past|last) N days|weeks|months|years` (and `past week` without a number): from `R` minus
/// the period to `R`.
fn rolling(b: &[u8], p: usize, r: Option<Civil>, past: bool) -> Option<(Option<DateSpec>, usize)> {
    let (n, ne) = match small_numeral(b, p) {
        Some((n, e)) if word_is(b, p, "a").is_none() && word_is(b, p, "an").is_none() => (n, e),
        _ if past => (1, p),
        _ => return None,
    };
    let q = if ne == p { p } else { skip_ws(b, ne) };
    let mut buf = [0u8; 16];
    let (u, ue) = word_at(b, q, &mut buf)?;
    let plural = u.ends_with(b"s");
    if (ne == p) == plural {
        return None; // `past weeks`, `last 3 week`
    }
    let spec = r.and_then(|r| {
        let start = match u {
            b"day" | b"days" => add_days(r, -n),
            b"week" | b"weeks" => add_days(r, -7 * n),
            b"month" | b"months" => add_months(r, -n),
            b"year" | b"years" => add_years(r, -n),
            _ => None,
        }?;
        Some(between(start, r))
    });
    matches!(u, b"day" | b"days" | b"week" | b"weeks" | b"month" | b"months" | b"year" | b"years")
        .then_some((spec, ue))
}

/// A small count at `p`: `a`/`an`, digits or words (`two`, `twenty-one`).
fn small_numeral(b: &[u8], p: usize) -> Option<(i64, usize)> {
    if let Some(e) = word_is(b, p, "a").or_else(|| word_is(b, p, "an")) {
        return Some((1, e));
    }
    // A bounded window keeps this linear (no re-validation of the whole text per word).
    let w = b.get(p..b.len().min(p + 96))?;
    let s = match std::str::from_utf8(w) {
        Ok(s) => s,
        Err(e) => std::str::from_utf8(w.get(..e.valid_up_to())?).ok()?,
    };
    let num = numeral_at(s, 0)?;
    let n = i64::try_from(num.value.to_u64()?).ok()?;
    (n <= 10_000).then_some((n, p + num.span.end))
}

/// First and last day of the week/month/year of `r`, shifted by `offset` periods.
fn period(r: Civil, unit: &str, offset: i64) -> Option<(Civil, Civil)> {
    match unit {
        "week" => {
            let s = add_days(week_start(r)?, 7 * offset)?;
            Some((s, add_days(s, 6)?))
        }
        "month" => {
            let s = add_months(r.first_of_month(), offset)?;
            Some((s, s.last_of_month()))
        }
        _ => {
            let s = add_years(r.first_of_year(), offset)?;
            Some((s, s.last_of_year()))
        }
    }
}

/// `two days ago`, `a week ago`, `3 months ago`.
fn offset_ago(b: &[u8], at: usize, r: Option<Civil>) -> Option<(Option<DateSpec>, usize)> {
    let (n, ne) = small_numeral(b, at)?;
    let p = skip_ws(b, ne);
    let mut buf = [0u8; 16];
    let (u, ue) = word_at(b, p, &mut buf)?;
    let days_per: Option<i64> = match u {
        b"day" | b"days" => Some(1),
        b"week" | b"weeks" => Some(7),
        b"month" | b"months" | b"year" | b"years" => None,
        _ => return None,
    };
    let q = skip_ws(b, ue);
    // `ago`, `hence`, `from now`, `from today`, `from tomorrow`, `before yesterday`.
    let mut sign = -1;
    let mut base = 0;
    let e = if let Some(e) = word_is(b, q, "ago") {
        e
    } else if let Some(e) = word_is(b, q, "hence").or_else(|| phrase_at(b, q, &["from", "now"])) {
        sign = 1;
        e
    } else {
        let (dir, e1) = if let Some(e1) = word_is(b, q, "from").or_else(|| word_is(b, q, "after")) {
            (1, e1)
        } else {
            (-1, word_is(b, q, "before")?)
        };
        let p2 = skip_ws(b, e1);
        let mut buf2 = [0u8; 16];
        let (w2, e2) = word_at(b, p2, &mut buf2)?;
        base = match w2 {
            b"today" => 0,
            b"tomorrow" | b"tmrw" => 1,
            b"yesterday" => -1,
            _ => return None,
        };
        sign = dir;
        e2
    };
    let spec = r.and_then(|r| {
        let r = add_days(r, base)?;
        match days_per {
            Some(k) => add_days(r, sign * n.checked_mul(k)?).map(on),
            None if u.starts_with(b"month") => add_months(r, sign * n).map(on),
            None => add_years(r, sign * n).map(on),
        }
    });
    Some((spec, e))
}

/// `the 20th of next month`, `the 15th day of this month`, `the first Monday of March`,
/// `last Friday of October`, `the second Monday of next month`.
fn nth_of_month(b: &[u8], at: usize, r: Option<Civil>) -> Option<(Option<DateSpec>, usize)> {
    let mut p = word_is(b, at, "the").map_or(at, |e| skip_ws(b, e));
    // Ordinal: day number or weekday rank.
    let mut buf = [0u8; 16];
    let (rank, re): (i8, usize) = if let Some((w, e)) = word_at(b, p, &mut buf)
        && w == b"last"
    {
        (-1, e)
    } else {
        let (d, e) = day_at(b, p)?;
        (i8::try_from(d).ok()?, e)
    };
    p = skip_ws(b, re);
    let wd = weekday_at(b, p).filter(|x| !x.1);
    let day_word = word_is(b, p, "day");
    let after = match (wd, day_word) {
        (Some((_, _, e)), _) => e,
        (None, Some(e)) => e,
        (None, None) => re,
    };
    if wd.is_none() && rank < 1 {
        return None;
    }
    let q = skip_ws(b, after);
    let e_of = word_is(b, q, "of").or_else(|| word_is(b, q, "in"))?;
    let mut m = skip_ws(b, e_of);
    if let Some(e) = word_is(b, m, "the") {
        m = skip_ws(b, e);
    }
    // The month: relative (`next month`) or named (`March`, `March 2014`).
    let mut month: Option<Option<Civil>> = None;
    let mut end = m;
    for (w, off) in
        [("next", 1), ("this", 0), ("current", 0), ("last", -1), ("previous", -1), ("following", 1)]
    {
        if let Some(e) = phrase_at(b, m, &[w, "month"]) {
            month = Some(r.and_then(|r| add_months(r.first_of_month(), off)));
            end = e;
        }
    }
    if month.is_none() && wd.is_none() && day_word.is_none() {
        return None; // `the 4th of July`: an explicit date
    }
    if month.is_none() {
        if let Some(e) = word_is(b, m, "month") {
            month = Some(r.map(|r| r.first_of_month()));
            end = e;
        } else if let Some((ex, e)) = month_first(b, m) {
            let first = match ex {
                Ex::Ym(y, mo) => civil(y, mo, 1),
                Ex::M(mo) | Ex::Md(mo, _) if matches!(ex, Ex::M(_)) => {
                    resolve_md(mo, 1, r).and_then(|d| d.to_civil())
                }
                _ => None,
            };
            month = Some(first);
            end = e;
        } else if let Some((mo, e)) = month_at(b, m) {
            month = Some(resolve_md(mo, 1, r).and_then(|d| d.to_civil()));
            end = e;
        }
    }
    let month = month?;
    let spec = month.and_then(|first| match wd {
        Some((w, _, _)) => {
            let weekday = jiff::civil::Weekday::from_monday_zero_offset(w).ok()?;
            first.nth_weekday_of_month(rank, weekday).ok().map(on)
        }
        None => {
            civil(i32::from(first.year()), first.month() as u8, u8::try_from(rank).ok()?).map(on)
        }
    });
    Some((spec, end))
}

#[cfg(test)]
mod tests {
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
        assert_eq!(
            dates("earlier this month", TUE),
            ["2022-03-01..2022-03-29 [earlier this month]"]
        );
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
            dates("on Monday 21 people died", TUE)
                .iter()
                .all(|d| d.starts_with("2022-03-28 [Monday]"))
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
        assert_eq!(
            dates("in the past two weeks", TUE),
            ["2022-03-15..2022-03-29 [past two weeks]"]
        );
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
        assert_eq!(
            dates("the first Monday of March", TUE),
            ["2022-03-07 [the first Monday of March]"]
        );
        assert_eq!(
            dates("last Friday of October 2021", TUE),
            ["2021-10-29 [last Friday of October 2021]"]
        );
        assert_eq!(dates("the 20th of next month", TUE), ["2022-04-20 [the 20th of next month]"]);
        assert_eq!(dates("3 days from today", TUE), ["2022-04-01 [3 days from today]"]);
    }

    #[test]
    fn long_inputs_finish() {
        let s =
            "On Friday (April 15), two days ago, 3 weeks from now, March 3 to 5; ".repeat(10_000);
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
}
