//! Date phrases at a position: the dispatcher over explicit dates, weekdays, a bare day of the
//! month after `on`, months with a modifier (`this September`, `last July`) and ranges (`March 3
//! to 5`, `between 2014 and 2018`).

use super::*;

// ---------------------------------------------------------------------------------------------
// Everything

pub(in crate::extract) fn date_at_civil(
    b: &[u8],
    at: usize,
    r: Option<Civil>,
    fwd: bool,
) -> Option<DateMatch> {
    if let Some(m) =
        part_at(b, at, r, fwd).or_else(|| decade_at(b, at)).or_else(|| year_part_of(b, at))
    {
        return Some(m);
    }
    if let Some(m) = range_at(b, at, r, fwd) {
        return Some(m);
    }
    if let Some(m) = the_year(b, at) {
        return Some(m);
    }
    if let Some(m) = named_at(b, at, r, fwd) {
        return m;
    }
    if let Some(m) = month_with_modifier(b, at, r) {
        return m;
    }
    if let Some((spec, end, time)) = in_period(b, at, r)
        && (fwd || time)
    {
        return spec.map(|date| DateMatch { span: at..end, date });
    }
    if fwd && let Some((spec, end)) = ahead_at(b, at, r) {
        return spec.map(|date| DateMatch { span: at..end, date });
    }
    if let Some((spec, end)) = relative_at(b, at, r, fwd) {
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
            && let Some((ex, ee)) = explicit_at(b, p).or_else(|| numeric_md(b, p))
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
                    md_on_weekday(m, d, wd, r, fwd).or_else(|| resolve(ex, Some(r)))
                }
                _ => resolve_lean(ex, r, fwd),
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
                let c = day_on_weekday(d, Some(wd), r?, fwd)?;
                return Some(DateMatch { span: at..de, date: on(c) });
            }
        }
        if abbr && !bare_abbreviation(b, at, we) {
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
        let day = if fwd { weekday_after(r, wd)? } else { weekday_before(r, wd, false)? };
        return Some(DateMatch { span: at..we, date: on(day) });
    }
    if let Some((ex, end)) = explicit_at(b, at) {
        return Some(DateMatch { span: at..end, date: resolve_lean(ex, r, fwd)? });
    }
    // `on 4/22`, `on 22/04`.
    if let Some(pw) = prev_word(b, at)
        && word_in(b, pw, &["on"])
        && let Some((ex, end)) = numeric_md(b, at)
        && b[at..end].contains(&b'/')
        && !after_currency(b, at)
    {
        return Some(DateMatch { span: at..end, date: resolve_lean(ex, r, fwd)? });
    }
    day_of_month_at(b, at, r)
}

/// `on the 18th`, `on the 4th.`, `for the 27th`: a day of the month after `on` (or `for`), in the month of `R` or the one
/// before (the most recent such day up to 7 days after `R`). Only where nothing
/// that could be counted follows (`on the 18th floor` is not a date).
pub(in crate::extract) fn day_of_month_at(
    b: &[u8],
    at: usize,
    r: Option<Civil>,
) -> Option<DateMatch> {
    let pw = prev_word(b, at)?;
    let after_for = word_in(b, pw, &["for"]);
    if !after_for && !word_in(b, pw, &["on"]) {
        return None;
    }
    let p = word_is(b, at, "the").map_or(at, |e| skip_ws(b, e));
    let (d, e) = day_at(b, p)?;
    // After `for`, only `the` and an ordinal in digits (`booked for the 27th`).
    if after_for
        && (p == at
            || !b.get(p).is_some_and(u8::is_ascii_digit)
            || !b[p..e].iter().any(u8::is_ascii_alphabetic))
    {
        return None;
    }
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
    let date = on(day_on_weekday(d, None, r?, false)?);
    Some(DateMatch { span: at..e, date })
}

/// `this September`, `last July`, `next March`: `Some(None)` when recognised but unresolvable.
pub(in crate::extract) fn month_with_modifier(
    b: &[u8],
    at: usize,
    r: Option<Civil>,
) -> Option<Option<DateMatch>> {
    let mut buf = [0u8; 16];
    let (w, we) = word_at(b, at, &mut buf)?;
    let off: i32 = match w {
        b"this" => 0,
        b"last" | b"previous" => -1,
        b"next" | b"coming" => 1,
        _ => return None,
    };
    let p = skip_ws(b, we);
    // `next April 6`, `last 6th of April`, `this March 3`: the first such day after `R`, the
    // latest before it, the one of `R`'s year.
    if p > we
        && let Some((Ex::Md(m, d), e)) = explicit_at(b, p)
    {
        let Some(r) = r else { return Some(None) };
        let y0 = i32::from(r.year());
        let day = match off {
            0 => civil(y0, m, d),
            -1 => (y0 - 4..=y0).rev().filter_map(|y| civil(y, m, d)).find(|&c| c < r),
            _ => (y0..=y0 + 4).filter_map(|y| civil(y, m, d)).find(|&c| c > r),
        };
        return Some(day.map(|c| DateMatch { span: at..e, date: on(c) }));
    }
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
/// the second's year (and month) when it has none, and without one leans as a single date
/// does (`fwd`).
pub(in crate::extract) fn range_at(
    b: &[u8],
    at: usize,
    r: Option<Civil>,
    fwd: bool,
) -> Option<DateMatch> {
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
    // First bound: an explicit date, `now`/`today` after `between`/`from`, or a bare day
    // (`13th to 15th July`).
    // `June-August 1992`, `Nov-Feb 2017`: two months joined by a dash, the year after.
    let months = month_at(b, p).filter(|&(_, e)| {
        b.get(e) == Some(&b'-')
            && month_at(b, e + 1).is_some_and(|(_, me)| year_after(b, me, false).is_some())
    });
    let (first, e1) = match explicit_at(b, p) {
        _ if months.is_some() => months.map(|(m, e)| (Some(Ex::M(m)), e))?,
        Some((ex, e)) if !matches!(ex, Ex::M(_)) || p > at => (Some(ex), e),
        Some(_) => return None,
        None if p > at && deictic(b, p, r, false).is_some() => {
            deictic(b, p, r, false).map(|(ex, e)| (Some(ex), e))?
        }
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
    // Second bound: `now`, `today`, `to date` are `R`.
    let (second, e2) = match (first, explicit_at(b, s2)) {
        (Some(_), _) if deictic(b, s2, r, true).is_some() => deictic(b, s2, r, true)?,
        (Some(Ex::Y(_)), Some((ex @ (Ex::Ymd(..) | Ex::Ym(..)), e))) => (ex, e),
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
    // `NAIROBI, May 3 - 14 people were killed`: a bare day followed by what it counts is a
    // count after a dateline, not the end of a range.
    let dash =
        matches!(b.get(q), Some(b'-')) || b.get(q..).is_some_and(|t| t.starts_with("–".as_bytes()));
    if dash && matches!(second, Ex::Md(..) | Ex::Ymd(..)) && is_count_of(b, e2) {
        return None;
    }
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
    let start = match resolve_lean(first, r, fwd)? {
        DateSpec::On(d) => d,
        _ => return None,
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
            _ => return None,
        },
    };
    if start.year.is_some() && end.year.is_some() && start > end {
        return None;
    }
    Some(DateMatch { span: at..e2, date: DateSpec::Between { start, end } })
}

/// True when a lowercase word that can be counted follows `e` (`14 people`), not a word that
/// goes on a date (`and`, `in`, `when`).
fn is_count_of(b: &[u8], e: usize) -> bool {
    let p = skip_ws(b, e);
    let mut buf = [0u8; 16];
    match word_at(b, p, &mut buf) {
        Some((w, _)) if p > e && b[p].is_ascii_lowercase() => !matches!(
            w,
            b"and"
                | b"or"
                | b"to"
                | b"in"
                | b"at"
                | b"on"
                | b"for"
                | b"of"
                | b"as"
                | b"when"
                | b"while"
                | b"with"
                | b"after"
                | b"before"
                | b"but"
                | b"the"
                | b"this"
                | b"last"
                | b"next"
                | b"inclusive"
                | b"is"
                | b"was"
                | b"will"
                | b"has"
                | b"had"
        ),
        _ => false,
    }
}

/// `now`, `today`, `tomorrow`, `yesterday` as a bound of a range (and `date` in `to date`
/// when `second`): that day, from `R`.
fn deictic(b: &[u8], p: usize, r: Option<Civil>, second: bool) -> Option<(Ex, usize)> {
    let mut buf = [0u8; 16];
    let (w, e) = word_at(b, p, &mut buf)?;
    let off = match w {
        b"now" | b"today" => 0,
        b"date" if second && prev_word(b, p).is_some_and(|pw| word_in(b, pw, &["to"])) => 0,
        b"tomorrow" => 1,
        b"yesterday" => -1,
        _ => return None,
    };
    let d = add_days(r?, off)?;
    Some((Ex::Ymd(i32::from(d.year()), d.month() as u8, d.day() as u8), e))
}

/// A weekday's abbreviation read alone (`due on Fri`, `until tues.`): `tue`, `tues` and `fri`
/// are no other word; `mon`, `wed`, `thu`, `sat` and `sun` are words or names (`Nguyen Thi
/// Thu`, `the Sun`) and are read only capitalised after `on` (`on Sat`), never before a hyphen
/// or an apostrophe (`Sun-Times`).
fn bare_abbreviation(b: &[u8], at: usize, we: usize) -> bool {
    if b.get(we).is_some_and(|&c| c == b'-' || c == b'\'' || c >= 0x80) {
        return false;
    }
    let w = b[at..we].strip_suffix(b".").unwrap_or(&b[at..we]);
    let plain = [&b"tue"[..], b"tues", b"fri"].iter().any(|x| x.eq_ignore_ascii_case(w));
    plain
        || (b[at].is_ascii_uppercase()
            && prev_word(b, at).is_some_and(|pw| word_in(b, pw, &["on"])))
}

/// `the year 2019`, `year 2012`: that year.
fn the_year(b: &[u8], at: usize) -> Option<DateMatch> {
    let p = word_is(b, at, "the").map_or(at, |e| skip_ws(b, e));
    let e = word_is(b, p, "year")?;
    let q = skip_ws(b, e);
    let (y, ye) = year_at(b, q).filter(|_| q > e)?;
    Some(DateMatch { span: at..ye, date: year_of(y) })
}

/// `from 2007 to the end of 2008`, `between January and the end of March`, `from next Friday to
/// October 1st 2020`, `from Q1 of 2017 - Q3 of 2018`: a range whose bounds are any two dates
/// (what [`range_at`] leaves: parts, quarters, relative days), from the first's first day to
/// the second's last. Not when the second ends before the first starts.
pub(in crate::extract) fn any_range_at(
    b: &[u8],
    at: usize,
    r: Option<Civil>,
    fwd: bool,
) -> Option<DateMatch> {
    let (between, e) = match word_is(b, at, "between") {
        Some(e) => (true, e),
        None => (false, word_is(b, at, "from")?),
    };
    let p = skip_ws(b, e);
    if p == e {
        return None;
    }
    let first = date_at_civil(b, p, r, fwd)?;
    let q = skip_ws(b, first.span.end);
    let conn = if between {
        word_is(b, q, "and")
    } else {
        word_is(b, q, "to")
            .or_else(|| word_is(b, q, "until"))
            .or_else(|| word_is(b, q, "till"))
            .or_else(|| word_is(b, q, "through"))
            .or_else(|| (b.get(q) == Some(&b'-') && q > first.span.end).then_some(q + 1))
    }?;
    let s2 = skip_ws(b, conn);
    if s2 == conn || !b.get(s2).is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    let second = date_at_civil(b, s2, r, fwd)?;
    let (Some(start), _) = first.date.bounds() else { return None };
    let (_, Some(end)) = second.date.bounds() else { return None };
    let (start, end) = (*start, *end);
    if start.year.is_none() || end.year.is_none() || start > end || start == end {
        return None;
    }
    Some(DateMatch { span: at..second.span.end, date: DateSpec::Between { start, end } })
}
