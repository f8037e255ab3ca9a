//! Calendar arithmetic for date resolution: adding days, months and years, weeks, month lengths,
//! and the year of a month-day or a month named without one (nearest before the reference, or up
//! to [`super::FUTURE_WINDOW_DAYS`] after it).

use super::*;

// ---------------------------------------------------------------------------------------------
// Calendar helpers (jiff)

pub(in crate::extract) fn add_days(d: Civil, n: i64) -> Option<Civil> {
    d.checked_add(jiff::Span::new().try_days(n).ok()?).ok()
}

pub(in crate::extract) fn add_months(d: Civil, n: i64) -> Option<Civil> {
    d.checked_add(jiff::Span::new().try_months(n).ok()?).ok()
}

pub(in crate::extract) fn add_years(d: Civil, n: i64) -> Option<Civil> {
    d.checked_add(jiff::Span::new().try_years(n).ok()?).ok()
}

/// `d` plus `n` of a unit word (`day(s)`, `week(s)`, `fortnight(s)`, `month(s)`, `year(s)`); `None` for any
/// other word.
pub(in crate::extract) fn add_units(d: Civil, n: i64, unit: &[u8]) -> Option<Civil> {
    match unit {
        b"day" | b"days" => add_days(d, n),
        b"week" | b"weeks" => add_days(d, n.checked_mul(7)?),
        b"fortnight" | b"fortnights" => add_days(d, n.checked_mul(14)?),
        b"month" | b"months" => add_months(d, n),
        b"year" | b"years" => add_years(d, n),
        _ => None,
    }
}

/// Whether `unit` is one of the words [`add_units`] reads.
pub(in crate::extract) fn is_unit(unit: &[u8]) -> bool {
    matches!(
        unit,
        b"day"
            | b"days"
            | b"week"
            | b"weeks"
            | b"fortnight"
            | b"fortnights"
            | b"month"
            | b"months"
            | b"year"
            | b"years"
    )
}

pub(in crate::extract) fn week_start(d: Civil) -> Option<Civil> {
    add_days(d, -i64::from(d.weekday().to_monday_zero_offset()))
}

pub(in crate::extract) fn civil(y: i32, m: u8, d: u8) -> Option<Civil> {
    Civil::new(i16::try_from(y).ok()?, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()
}

pub(in crate::extract) fn on(d: Civil) -> DateSpec {
    DateSpec::On(PartialDate::from_civil(d))
}

pub(in crate::extract) fn between(a: Civil, b: Civil) -> DateSpec {
    DateSpec::Between { start: PartialDate::from_civil(a), end: PartialDate::from_civil(b) }
}

pub(in crate::extract) fn month_of(d: Civil) -> DateSpec {
    DateSpec::On(PartialDate {
        year: Some(i32::from(d.year())),
        month: Some(d.month() as u8),
        day: None,
    })
}

pub(in crate::extract) fn year_of(y: i32) -> DateSpec {
    DateSpec::On(PartialDate { year: Some(y), month: None, day: None })
}

pub(in crate::extract) fn max_day(m: u8) -> u8 {
    match m {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The year for a month-day without one: nearest on or before `r`, or up to
/// [`FUTURE_WINDOW_DAYS`] after it.
pub(in crate::extract) fn resolve_md(m: u8, d: u8, r: Option<Civil>) -> Option<PartialDate> {
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
pub(in crate::extract) fn resolve_month(m: u8, r: Option<Civil>) -> Option<DateSpec> {
    let Some(r) = r else {
        return Some(DateSpec::On(PartialDate { year: None, month: Some(m), day: None }));
    };
    let p = resolve_md(m, 1, Some(r))?;
    Some(DateSpec::On(PartialDate { day: None, ..p }))
}

/// A month-day named with its weekday (`Friday, April 15`): the year within a year of `r`,
/// nearest to it (the past on a tie), where that day is that weekday; leaning forward (`fwd`),
/// the first such day on or after `r` within two years (`Fri, Jul 18` in February 2013 is July
/// 18, 2014).
pub(in crate::extract) fn md_on_weekday(
    m: u8,
    d: u8,
    wd: i8,
    r: Civil,
    fwd: bool,
) -> Option<DateSpec> {
    let y0 = i32::from(r.year());
    if fwd {
        return (y0..=y0 + 2)
            .filter_map(|y| civil(y, m, d))
            .find(|&c| c >= r && c.weekday().to_monday_zero_offset() == wd)
            .map(on);
    }
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
/// it), on weekday `wd` when given (`Mon 13th`: the last 13th that was a Monday); leaning
/// forward (`fwd`, with a weekday), the first such day on or after `r`.
pub(in crate::extract) fn day_on_weekday(
    d: u8,
    wd: Option<i8>,
    r: Civil,
    fwd: bool,
) -> Option<Civil> {
    if fwd && let Some(w) = wd {
        let first = r.first_of_month();
        return (0..=36).find_map(|k| {
            let m = add_months(first, k)?;
            let c = civil(i32::from(m.year()), m.month() as u8, d)?;
            (c >= r && c.weekday().to_monday_zero_offset() == w).then_some(c)
        });
    }
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
pub(in crate::extract) fn weekday_before(r: Civil, wd: i8, strict: bool) -> Option<Civil> {
    let cur = r.weekday().to_monday_zero_offset();
    let mut back = i64::from((cur - wd).rem_euclid(7));
    if strict && back == 0 {
        back = 7;
    }
    add_days(r, -back)
}

/// The first `wd` (Monday = 0) strictly after `r`.
pub(in crate::extract) fn weekday_after(r: Civil, wd: i8) -> Option<Civil> {
    let cur = r.weekday().to_monday_zero_offset();
    let ahead = i64::from((wd - cur).rem_euclid(7));
    add_days(r, if ahead == 0 { 7 } else { ahead })
}
