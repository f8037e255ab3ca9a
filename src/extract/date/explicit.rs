//! Explicit dates: ISO and numeric dates, day-first and month-first written dates (`23 March
//! 2022`, `March 23`, `Mar. 23, 2022`, `the 4th of July`), each with what it leaves unstated.

use super::*;

// ---------------------------------------------------------------------------------------------
// Explicit dates

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::extract) enum Ex {
    Ymd(i32, u8, u8),
    Md(u8, u8),
    Ym(i32, u8),
    M(u8),
    Y(i32),
}

pub(in crate::extract) fn resolve(ex: Ex, r: Option<Civil>) -> Option<DateSpec> {
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

/// [`resolve`], forward when `fwd`: a month-day or a month without a year takes the first
/// on or after `r` (the month: the first whose last day is on or after `r`).
pub(in crate::extract) fn resolve_lean(ex: Ex, r: Option<Civil>, fwd: bool) -> Option<DateSpec> {
    let (true, Some(rc)) = (fwd, r) else { return resolve(ex, r) };
    let y0 = i32::from(rc.year());
    match ex {
        Ex::Md(m, d) => (y0..=y0 + 4).filter_map(|y| civil(y, m, d)).find(|c| *c >= rc).map(on),
        Ex::M(m) => (y0..=y0 + 1)
            .filter_map(|y| civil(y, m, 1))
            .find(|c| c.last_of_month() >= rc)
            .map(month_of),
        _ => resolve(ex, r),
    }
}

/// A month and day in digits without a year, US order unless the first cannot be a month
/// (`7/6`, `5.12`, `7-6`, `22/04`): read only after a weekday (`Friday 7/6`) or, with a slash,
/// after `on` (`on 4/22`), which make it a date rather than a fraction or a score.
pub(in crate::extract) fn numeric_md(b: &[u8], i: usize) -> Option<(Ex, usize)> {
    let (m, _, e1) = digits(b, i, 2)?;
    let sep = *b.get(e1)?;
    if !matches!(sep, b'-' | b'/' | b'.') {
        return None;
    }
    let (d, _, e2) = digits(b, e1 + 1, 2)?;
    if b.get(e2).is_some_and(|&c| is_alnum(c))
        || (b.get(e2) == Some(&sep) && b.get(e2 + 1).is_some_and(u8::is_ascii_digit))
    {
        return None;
    }
    let (mut m, mut d) = (u8::try_from(m).ok()?, u8::try_from(d).ok()?);
    if m > 12 && d <= 12 {
        (m, d) = (d, m); // `22/04`: day first
    }
    ((1..=12).contains(&m) && d >= 1 && d <= max_day(m)).then_some((Ex::Md(m, d), e2))
}

/// True when a currency sign stands right before `i` (`$12 December 27`: 12 is money).
pub(in crate::extract) fn after_currency(b: &[u8], i: usize) -> bool {
    let mut p = i;
    while p > 0 && b[p - 1] == b' ' {
        p -= 1;
    }
    let before = &b[..p];
    before.ends_with(b"$")
        || before.ends_with("£".as_bytes())
        || before.ends_with("€".as_bytes())
        || before.ends_with("¥".as_bytes())
}

pub(in crate::extract) fn two_digit_year(v: u32) -> i32 {
    if v < 50 { 2000 + v as i32 } else { 1900 + v as i32 }
}

/// A date written with digits only: `2022-03-29`, `2022/3/29`, `3/29/2022`, `29.03.2022`.
pub(in crate::extract) fn numeric_at(b: &[u8], i: usize) -> Option<(Ex, usize)> {
    let (a, na, e1) = digits(b, i, 4)?;
    let sep = *b.get(e1)?;
    if !matches!(sep, b'-' | b'/' | b'.') {
        return None;
    }
    // `11/2016`, `3-2015`: a month and a 4-digit year.
    if na <= 2
        && matches!(sep, b'-' | b'/')
        && (1..=12).contains(&a)
        && let Some((y, ye)) = year_at(b, e1 + 1)
        && !matches!(b.get(ye), Some(b'-' | b'/' | b'.'))
    {
        return Some((Ex::Ym(y, a as u8), ye));
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
        // `2016/11`, `2015/3` (a month), not the season `2010/11`.
        if sep == b'/'
            && (1..=12).contains(&m)
            && m != (a % 100 + 1) % 100
            && !b.get(e2).is_some_and(|&c| is_alnum(c) || matches!(c, b'/' | b'-'))
        {
            return Some((Ex::Ym(a as i32, m as u8), e2));
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
    // `10.31.1974`: dots are day first unless that is no date.
    let (mo, d) = if civil(year, mo as u8, d as u8).is_none() { (d, mo) } else { (mo, d) };
    // No day in either order (`2/29/2019`): an impossible date, left unresolved (see
    // [`impossible_at`]), not a year.
    let plausible = |m: u32, d: u32| (1..=12).contains(&m) && (1..=31).contains(&d);
    if civil(year, mo as u8, d as u8).is_none() && !plausible(mo, d) && !plausible(d, mo) {
        return None;
    }
    Some((Ex::Ymd(year, mo as u8, d as u8), e3))
}

/// `20161016`: a basic ISO 8601 date, eight digits (a year from 1900 to 2099, then a valid
/// month and day).
fn compact_at(b: &[u8], i: usize) -> Option<(Ex, usize)> {
    let (v, n, e) = digits(b, i, 8)?;
    if n != 8 || b.get(e).is_some_and(|&c| is_alnum(c)) {
        return None;
    }
    let (y, m, d) = ((v / 10_000) as i32, (v / 100 % 100) as u8, (v % 100) as u8);
    ((1900..=2099).contains(&y) && civil(y, m, d).is_some()).then_some((Ex::Ymd(y, m, d), e))
}

/// The end of a written date that names no day (`Feb 30 2019`, `2/29/2019`, `31 April
/// 2020`): it is not read, and neither is its year alone.
pub(in crate::extract) fn impossible_at(b: &[u8], i: usize) -> Option<usize> {
    match explicit_at(b, i)? {
        (Ex::Ymd(y, m, d), e) if civil(y, m, d).is_none() => Some(e),
        _ => None,
    }
}

/// An explicit date at `i`: numeric, month-first, day-first, or a year in context.
pub(in crate::extract) fn explicit_at(b: &[u8], i: usize) -> Option<(Ex, usize)> {
    let c = *b.get(i)?;
    if c.is_ascii_digit() {
        if after_currency(b, i) {
            return None;
        }
        if let Some(x) = numeric_at(b, i).or_else(|| compact_at(b, i)) {
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
pub(in crate::extract) fn day_first(b: &[u8], i: usize) -> Option<(Ex, usize)> {
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
pub(in crate::extract) fn month_first(b: &[u8], i: usize) -> Option<(Ex, usize)> {
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
            if sep_dash
                && b.get(de) == Some(&b'-')
                && let Some((y, ye)) = year_at(b, de + 1)
            {
                return Some((Ex::Ymd(y, m, d), ye));
            }
            if sep_dash
                && b.get(de) == Some(&b'/')
                && let Some((y, ye)) = year_at(b, de + 1)
            {
                return Some((Ex::Ymd(y, m, d), ye));
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
