//! Parts of periods and decades: `early March`, `mid-2019`, `late last year`, `the end of the
//! month`, `the beginning of next week`, `the middle of 2007`, and `the 1990s`, `the '70s`.
//!
//! A part is a third of its period: days 1-10, 11-20 and 21 to the end of a month; January to
//! April, May to August and September to December of a year; Monday to Wednesday, Tuesday to
//! Thursday and Friday to Sunday of a week (Duckling's reading for months and weeks, and
//! Recognizers-Text's for years).

use super::*;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Part {
    Start,
    Mid,
    End,
}

/// The period a part is taken of.
enum Period {
    Year(i32),
    Month(i32, u8),
    /// The Monday of a week.
    Week(Civil),
}

/// `early March`, `mid-2019`, `late this week`, `the end of the month`, `the beginning of
/// 2000`, `the middle of next year`: `None` when no month, year or week follows (`the end of
/// the war`, `late Friday`).
pub(in crate::extract) fn part_at(
    b: &[u8],
    at: usize,
    r: Option<Civil>,
    fwd: bool,
) -> Option<DateMatch> {
    if let Some(m) = week_of_at(b, at, r, fwd) {
        return Some(m);
    }
    let mut buf = [0u8; 16];
    let (w, we) = letters_at(b, at, &mut buf)?;
    let (part, p) = match w {
        b"early" | b"mid" | b"late" => {
            let part = match w {
                b"early" => Part::Start,
                b"mid" => Part::Mid,
                _ => Part::End,
            };
            let p = if b.get(we) == Some(&b'-') { we + 1 } else { skip_ws(b, we) };
            if p == we {
                return None;
            }
            (part, p)
        }
        b"the" | b"beginning" | b"start" | b"middle" | b"end" => {
            let q = if w == b"the" { skip_ws(b, we) } else { at };
            let mut buf2 = [0u8; 16];
            let (w2, e2) = letters_at(b, q, &mut buf2)?;
            let part = match w2 {
                b"beginning" | b"start" => Part::Start,
                b"middle" => Part::Mid,
                b"end" => Part::End,
                _ => return None,
            };
            let of = word_is(b, skip_ws(b, e2), "of")?;
            (part, skip_ws(b, of))
        }
        _ => return None,
    };
    let (period, end) = period_at(b, p, r, fwd)?;
    let (s, e) = match period {
        Period::Year(y) => {
            let (m1, m2) = match part {
                Part::Start => (1, 4),
                Part::Mid => (5, 8),
                Part::End => (9, 12),
            };
            (civil(y, m1, 1)?, civil(y, m2, 1)?.last_of_month())
        }
        Period::Month(y, m) => {
            let first = civil(y, m, 1)?;
            match part {
                Part::Start => (first, civil(y, m, 10)?),
                Part::Mid => (civil(y, m, 11)?, civil(y, m, 20)?),
                Part::End => (civil(y, m, 21)?, first.last_of_month()),
            }
        }
        Period::Week(mon) => {
            let (a, z) = match part {
                Part::Start => (0, 2),
                Part::Mid => (1, 3),
                Part::End => (4, 6),
            };
            (add_days(mon, a)?, add_days(mon, z)?)
        }
    };
    Some(DateMatch { span: at..end, date: between(s, e) })
}

/// `the first week of October`, `the 3rd week of 2018`, `the last week of this month`, `the
/// second last week of 2018`: weeks (Monday to Sunday) are counted as ISO 8601 counts them, a
/// week belonging to the month or year that holds its Thursday. Also `the week of April 10`,
/// `the week beginning February 4`: the week that holds the day.
fn week_of_at(b: &[u8], at: usize, r: Option<Civil>, fwd: bool) -> Option<DateMatch> {
    let p = word_is(b, at, "the").map_or(at, |e| skip_ws(b, e));
    // `the week of April 10`, `the week starting on February 4`, `w/c Feb 4`.
    let after_week = if let Some(e) = word_is(b, p, "week") {
        let q = skip_ws(b, e);
        let mut buf = [0u8; 16];
        match word_at(b, q, &mut buf) {
            Some((b"of" | b"beginning" | b"starting" | b"commencing", e2)) if q > e => {
                let s = skip_ws(b, e2);
                Some(word_is(b, s, "on").map_or(s, |e3| skip_ws(b, e3)))
            }
            _ => None,
        }
    } else {
        None
    };
    if let Some(s) = after_week {
        let m = date_at_civil(b, s, r, fwd)?;
        let DateSpec::On(d) = m.date else { return None };
        let mon = week_start(d.to_civil()?)?;
        return Some(DateMatch { span: at..m.span.end, date: between(mon, add_days(mon, 6)?) });
    }
    // `first`, `3rd`, `last`, `second last`.
    let mut buf = [0u8; 16];
    let (n, mut q) = if let Some(e) = word_is(b, p, "last") {
        (-1, e)
    } else {
        let (d, e) = day_at(b, p)?;
        if b[p].is_ascii_digit() && !b[p..e].iter().any(u8::is_ascii_alphabetic) {
            return None; // `3 week`
        }
        match word_at(b, skip_ws(b, e), &mut buf) {
            Some((b"last", e2)) => (-i64::from(d), e2),
            _ => (i64::from(d), e),
        }
    };
    q = skip_ws(b, q);
    let e = word_is(b, q, "week")?;
    let of = skip_ws(b, e);
    // `the last week in March` is as often the last seven days, told in March.
    let e_of = word_is(b, of, "of").or_else(|| word_is(b, of, "in").filter(|_| n > 0))?;
    let (period, end) = period_at(b, skip_ws(b, e_of), r, fwd)?;
    let (ps, pe) = match period {
        Period::Year(y) => (civil(y, 1, 1)?, civil(y, 12, 31)?),
        Period::Month(y, m) => {
            let s = civil(y, m, 1)?;
            (s, s.last_of_month())
        }
        Period::Week(_) => return None,
    };
    let first = week_start(ps)?;
    let first = if add_days(first, 3)? >= ps { first } else { add_days(first, 7)? };
    let last = week_start(pe)?;
    let last = if add_days(last, 3)? <= pe { last } else { add_days(last, -7)? };
    let mon = if n > 0 { add_days(first, 7 * (n - 1))? } else { add_days(last, 7 * (n + 1))? };
    if mon < first || mon > last {
        return None;
    }
    Some(DateMatch { span: at..end, date: between(mon, add_days(mon, 6)?) })
}

/// The month, year or week at `p`: `March`, `March 2019`, `2019`, `this month`, `next
/// year`, `last week`, `the month`, `the year` (those of `R`).
fn period_at(b: &[u8], p: usize, r: Option<Civil>, fwd: bool) -> Option<(Period, usize)> {
    let q = word_is(b, p, "the").map_or(p, |e| skip_ws(b, e));
    let mut buf = [0u8; 16];
    if let Some((w, e)) = letters_at(b, q, &mut buf)
        && matches!(w, b"year" | b"month" | b"week")
        && !b.get(e).is_some_and(|&c| is_alnum(c))
    {
        let r = r?;
        let period = match w {
            b"year" => Period::Year(i32::from(r.year())),
            b"month" => Period::Month(i32::from(r.year()), r.month() as u8),
            _ => Period::Week(week_start(r)?),
        };
        return Some((period, e));
    }
    if q > p {
        return None;
    }
    if let Some((y, e)) = year_at(b, p) {
        return Some((Period::Year(y), e));
    }
    if month_at(b, p).is_some() {
        let (ex, e) = match month_first(b, p) {
            Some(x) => x,
            None => (Ex::M(month_at(b, p)?.0), month_at(b, p)?.1),
        };
        let spec = match ex {
            Ex::Ym(..) | Ex::M(_) => resolve_lean(ex, r, fwd)?,
            _ => return None,
        };
        return match spec {
            DateSpec::On(PartialDate { year: Some(y), month: Some(m), day: None }) => {
                Some((Period::Month(y, m), e))
            }
            _ => None,
        };
    }
    let (spec, e) = relative_at(b, p, r, fwd)?;
    match spec? {
        DateSpec::On(PartialDate { year: Some(y), month: None, .. }) => Some((Period::Year(y), e)),
        DateSpec::On(PartialDate { year: Some(y), month: Some(m), day: None }) => {
            Some((Period::Month(y, m), e))
        }
        DateSpec::Between { start, end } => {
            let (s, z) = (start.to_civil()?, end.to_civil()?);
            let whole_week = s.weekday().to_monday_zero_offset() == 0
                && (z - s).get_days() == 6
                && end.day.is_some();
            whole_week.then_some((Period::Week(s), e))
        }
        _ => None,
    }
}

/// `the 1990s`, `1970's`, `the '40s`: the ten years of a decade. Two digits need the
/// apostrophe before them (`in the 70s` is as often a temperature or an age) and are of the
/// 1900s.
pub(in crate::extract) fn decade_at(b: &[u8], at: usize) -> Option<DateMatch> {
    let curly = "\u{2019}".as_bytes();
    let lead = if at > 0 && b[at - 1] == b'\'' {
        Some(at - 1)
    } else {
        b[..at].ends_with(curly).then(|| at - curly.len())
    };
    let (v, n, e) = digits(b, at, 4)?;
    let (y, start) = match (lead, n) {
        (None, 4) if (1000..=2990).contains(&v) => (v as i32, at),
        (Some(l), 2) => (1900 + v as i32, l),
        _ => return None,
    };
    if y % 10 != 0 {
        return None;
    }
    let s = if b.get(e) == Some(&b'\'') {
        e + 1
    } else if b.get(e..).is_some_and(|t| t.starts_with(curly)) {
        e + curly.len()
    } else {
        e
    };
    if b.get(s) != Some(&b's') || b.get(s + 1).is_some_and(|&c| is_alnum(c)) {
        return None;
    }
    let year = |y| PartialDate { year: Some(y), month: None, day: None };
    let date = DateSpec::Between { start: year(y), end: year(y + 9) };
    Some(DateMatch { span: start..s + 1, date })
}
