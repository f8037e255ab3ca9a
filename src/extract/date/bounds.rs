//! Ranges with one open end ([`DateSpec::Since`], [`DateSpec::Until`]): a date with a bound
//! word before it (`since 2010`, `after 2010`, `until Friday`, `before Christmas`, `by the end
//! of the month`, `starting January 7`, `no later than May 1`) or after it (`2018 or later`,
//! `from 2010 on`, `May onwards`).
//!
//! The bound kept is inclusive, at the precision the text gives: `since 2010` and `2010 or
//! later` start with 2010, `after 2010` with 2011, `after February` with March, `after
//! January 1, 2007` with January 2; `until Friday` and `by 2030` end with that day or year,
//! `before 2018` with 2017 and `before Christmas` with December 24. A range's bound is its
//! nearer end (`before the 1990s` ends with 1989, `by the end of the year` with December 31).
//!
//! Not bounds: a date with a possessive (`after Tuesday's attack`, `by Monday's vote`: the
//! date of the thing named), `as of Monday` (a moment: the date alone), `from May` without
//! `on`/`onwards` after it (the start of a range, read by `range_at`), `the day before X` (a
//! day, read by the offsets), `up to date`.

use super::*;

/// Which side a bound word leaves open, and whether it includes the date it names.
#[derive(Clone, Copy)]
enum Bound {
    /// `since X`, `starting X`, `X or later`: from the start of X on.
    From,
    /// `after X`, `later than X`: from the period after X on.
    After,
    /// `until X`, `by X`, `no later than X`: up to the end of X.
    Through,
    /// `before X`, `earlier than X`: up to the period before X.
    Before,
}

/// Words before a date that make it a bound, as phrases, and what they bound.
const PREFIXES: &[(&[&str], Bound)] = &[
    (&["since"], Bound::From),
    (&["starting", "on"], Bound::From),
    (&["starting", "from"], Bound::From),
    (&["starting"], Bound::From),
    (&["beginning", "on"], Bound::From),
    (&["beginning"], Bound::From),
    (&["effective"], Bound::From),
    (&["as", "early", "as"], Bound::From),
    (&["no", "earlier", "than"], Bound::From),
    (&["not", "earlier", "than"], Bound::From),
    (&["after"], Bound::After),
    (&["later", "than"], Bound::After),
    (&["until"], Bound::Through),
    (&["till"], Bound::Through),
    (&["til"], Bound::Through),
    (&["through"], Bound::Through),
    (&["by"], Bound::Through),
    (&["as", "late", "as"], Bound::Through),
    (&["no", "later", "than"], Bound::Through),
    (&["not", "later", "than"], Bound::Through),
    (&["before"], Bound::Before),
    (&["prior", "to"], Bound::Before),
    (&["earlier", "than"], Bound::Before),
];

/// Words after a date that make it a bound (`2018 or later`, `May onwards`).
const SUFFIXES: &[(&[&str], Bound)] = &[
    (&["or", "later"], Bound::From),
    (&["and", "later"], Bound::From),
    (&["or", "after"], Bound::From),
    (&["and", "after"], Bound::From),
    (&["and", "beyond"], Bound::From),
    (&["onwards"], Bound::From),
    (&["onward"], Bound::From),
    (&["or", "earlier"], Bound::Through),
    (&["and", "earlier"], Bound::Through),
    (&["or", "before"], Bound::Through),
    (&["and", "before"], Bound::Through),
];

/// True when the word at `i` may begin a bound (a cheap test before [`bound_at`]).
pub(in crate::extract) fn bound_word(w: &[u8]) -> bool {
    matches!(
        w,
        b"since"
            | b"more"
            | b"starting"
            | b"beginning"
            | b"effective"
            | b"as"
            | b"no"
            | b"not"
            | b"after"
            | b"later"
            | b"until"
            | b"till"
            | b"til"
            | b"through"
            | b"by"
            | b"before"
            | b"prior"
            | b"earlier"
            | b"to"
    )
}

/// An open-ended range starting at the bound word at `at` (`since 2010`, `until Friday`, `from
/// 2010 on`, `to date`).
pub(in crate::extract) fn bound_at(
    b: &[u8],
    at: usize,
    r: Option<Civil>,
    fwd: bool,
) -> Option<DateMatch> {
    // `to date`, `till date`: up to the reference (not `up to date`).
    if let Some(e) = phrase_at(b, at, &["to", "date"])
        .or_else(|| phrase_at(b, at, &["till", "date"]))
        .or_else(|| phrase_at(b, at, &["until", "date"]))
        && !prev_word(b, at).is_some_and(|pw| word_in(b, pw, &["up"]))
        && !b.get(e).is_some_and(|&c| is_alnum(c) || c == b'-')
    {
        let r = r?;
        return Some(DateMatch { span: at..e, date: DateSpec::Until { end: day(r) } });
    }
    // `from 2010 on`, `from May onwards`.
    if let Some(e) = word_is(b, at, "from") {
        let p = skip_ws(b, e);
        let m = plain_date(b, p, r, fwd)?;
        let q = skip_ws(b, m.span.end);
        let end = word_is(b, q, "onwards")
            .or_else(|| word_is(b, q, "onward"))
            .or_else(|| word_is(b, q, "on").filter(|&e| !next_is_word(b, e)))?;
        let start = *m.date.bounds().0?;
        return Some(DateMatch { span: at..end, date: DateSpec::Since { start } });
    }
    if let Some(m) = more_than(b, at, r, fwd) {
        return Some(m);
    }
    let (bound, e) =
        PREFIXES.iter().find_map(|(words, bound)| Some((*bound, phrase_at(b, at, words)?)))?;
    let p = skip_ws(b, e);
    // `the day before Christmas` is a day (the offsets read it).
    if p == e || prev_word(b, at).is_some_and(|pw| word_in(b, pw, &["day"])) {
        return None;
    }
    let m = plain_date(b, p, r, fwd)?;
    if let Bound::From = bound
        && let Some(d) = lasting(b, at, &m)
    {
        return Some(d);
    }
    // `before the end of the year` runs to the end's last day, `after the beginning of March`
    // from the beginning's first: there the part is a moment, not a third of the period.
    let t = word_is(b, p, "the").map_or(p, |e| skip_ws(b, e));
    let bound = match bound {
        Bound::Before if word_is(b, t, "end").is_some() => Bound::Through,
        Bound::After if word_is(b, t, "beginning").or_else(|| word_is(b, t, "start")).is_some() => {
            Bound::From
        }
        bound => bound,
    };
    Some(DateMatch { span: at..m.span.end, date: open(bound, &m.date)? })
}

/// `more than two weeks ago`, `more than 2 days before yesterday`, `more than a month after
/// May 1`: an offset with `more than` before it is a bound beyond the day it names.
fn more_than(b: &[u8], at: usize, r: Option<Civil>, fwd: bool) -> Option<DateMatch> {
    let e = phrase_at(b, at, &["more", "than"])?;
    let p = skip_ws(b, e);
    if !b.get(p).is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    let (_, ne) = small_numeral(b, p)?;
    let m = plain_date(b, p, r, fwd)?;
    let DateSpec::On(d) = m.date else { return None };
    // The direction is the offset's: back for `ago` and `before`, ahead otherwise.
    let mut k = skip_ws(b, ne);
    let mut back = None;
    while k < m.span.end && back.is_none() {
        if word_is(b, k, "ago").or_else(|| word_is(b, k, "before")).is_some() {
            back = Some(true);
        } else if ["after", "from", "hence", "later"].iter().any(|w| word_is(b, k, w).is_some()) {
            back = Some(false);
        }
        k = skip_ws(b, next_start(b, k));
    }
    let date = if back? {
        DateSpec::Until { end: step(d, -1)? }
    } else {
        DateSpec::Since { start: step(d, 1)? }
    };
    Some(DateMatch { span: at..m.span.end, date })
}

/// `three days starting Monday`, `a week beginning May 20`: the period the count of units
/// before the bound word names, from the date on (`at` is the bound word).
fn lasting(b: &[u8], at: usize, m: &DateMatch) -> Option<DateMatch> {
    if !(word_is(b, at, "starting").is_some() || word_is(b, at, "beginning").is_some()) {
        return None;
    }
    let (pu, _) = prev_word(b, at)?;
    let mut buf = [0u8; 16];
    let (u, _) = word_at(b, pu, &mut buf)?;
    if !is_unit(u) {
        return None;
    }
    // The token before the unit: `3`, `two`, `twenty-one`, `a`.
    let mut e = pu;
    while e > 0 && b[e - 1].is_ascii_whitespace() {
        e -= 1;
    }
    let mut pn = e;
    while pn > 0 && (is_alnum(b[pn - 1]) || b[pn - 1] == b'-') {
        pn -= 1;
    }
    let (n, ne) = small_numeral(b, pn).filter(|_| pn < e)?;
    let (Some(start), _) = m.date.bounds() else { return None };
    let first = start.to_civil()?;
    if skip_ws(b, ne) != pu || n < 1 {
        return None;
    }
    let last = add_days(add_units(first, n, u)?, -1)?;
    Some(DateMatch { span: pn..m.span.end, date: between(first, last) })
}

/// A date followed by a bound (`2018 or later`, `May onwards`), given the date read at its start.
pub(in crate::extract) fn bound_after(b: &[u8], m: &DateMatch) -> Option<DateMatch> {
    if !matches!(m.date, DateSpec::On(_)) {
        return None;
    }
    let q = skip_ws(b, m.span.end);
    let (bound, e) =
        SUFFIXES.iter().find_map(|(words, bound)| Some((*bound, phrase_at(b, q, words)?)))?;
    // `2018 or later than planned` compares; `or later` alone bounds.
    if word_is(b, skip_ws(b, e), "than").is_some() {
        return None;
    }
    // `2010 and after the war` is not a bound: after `after` and `before` nothing may follow.
    let last = b.get(..e).map_or(&b""[..], |t| &t[t.len().saturating_sub(6)..]);
    if (last.eq_ignore_ascii_case(b"before") || last.ends_with(b"after")) && next_is_word(b, e) {
        return None;
    }
    Some(DateMatch { span: m.span.start..e, date: open(bound, &m.date)? })
}

/// A date that can be bounded: read at `p`, not open itself, and not a possessive (`after
/// Tuesday's attack`).
fn plain_date(b: &[u8], p: usize, r: Option<Civil>, fwd: bool) -> Option<DateMatch> {
    if !b.get(p).is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    // `since the 1990s`: the decade is read from its number.
    let m = date_at_civil(b, p, r, fwd).or_else(|| {
        let q = word_is(b, p, "the").map(|e| skip_ws(b, e))?;
        decade_at(b, q)
    })?;
    let e = m.span.end;
    let possessive = b.get(e..).is_some_and(|t| {
        t.starts_with(b"'s") || t.starts_with("\u{2019}s".as_bytes()) || t.starts_with(b"s'")
    });
    (!m.date.is_open() && !possessive).then_some(m)
}

/// The open range a bound makes of a date.
fn open(bound: Bound, date: &DateSpec) -> Option<DateSpec> {
    let (first, last) = date.bounds();
    Some(match bound {
        Bound::From => DateSpec::Since { start: *first? },
        Bound::After => DateSpec::Since { start: step(*last?, 1)? },
        Bound::Through => DateSpec::Until { end: *last? },
        Bound::Before => DateSpec::Until { end: step(*first?, -1)? },
    })
}

/// The period next to `d` at its own precision (`2010` → `2011`, `2010-02` → `2010-01`,
/// `--12-31` → `--01-01`), `by` one ahead or back.
fn step(d: PartialDate, by: i64) -> Option<PartialDate> {
    match (d.year, d.month, d.day) {
        (Some(_), Some(_), Some(_)) => add_days(d.to_civil()?, by).map(PartialDate::from_civil),
        (Some(y), Some(m), None) => {
            let c = add_months(civil(y, m, 1)?, by)?;
            Some(PartialDate {
                year: Some(i32::from(c.year())),
                month: Some(c.month() as u8),
                day: None,
            })
        }
        (Some(y), None, _) => {
            Some(PartialDate { year: Some(y + i32::try_from(by).ok()?), month: None, day: None })
        }
        (None, Some(m), Some(dd)) => {
            // A leap year, so that February 29 has neighbours.
            let c = add_days(civil(2000, m, dd)?, by)?;
            Some(PartialDate { year: None, month: Some(c.month() as u8), day: Some(c.day() as u8) })
        }
        (None, Some(m), None) => {
            let c = add_months(civil(2000, m, 1)?, by)?;
            Some(PartialDate { year: None, month: Some(c.month() as u8), day: None })
        }
        (None, None, _) => None,
    }
}

fn day(r: Civil) -> PartialDate {
    PartialDate::from_civil(r)
}

/// A word (letters or digits) follows `e`, after blanks.
fn next_is_word(b: &[u8], e: usize) -> bool {
    let p = skip_ws(b, e);
    p > e && b.get(p).is_some_and(|&c| is_alnum(c))
}

#[cfg(test)]
mod tests {
    use super::super::scan_dates;

    fn dates(s: &str) -> Vec<String> {
        let r = crate::input::dateline::iso_date("2022-03-29");
        let mut out = Vec::new();
        scan_dates(s, r, &mut out);
        out.iter().map(|m| format!("{} [{}]", m.date, &s[m.span.clone()])).collect()
    }

    #[test]
    fn from_a_date_on() {
        assert_eq!(dates("troops have been there since 2010"), ["2010.. [since 2010]"]);
        assert_eq!(dates("since May"), ["2021-05.. [since May]"]);
        assert_eq!(dates("since the 1990s"), ["1990.. [since the 1990s]"]);
        assert_eq!(dates("starting January 7"), ["2022-01-07.. [starting January 7]"]);
        assert_eq!(dates("from 2010 on, the"), ["2010.. [from 2010 on]"]);
        assert_eq!(dates("May 2019 onwards"), ["2019-05.. [May 2019 onwards]"]);
        assert_eq!(dates("in 2018 or later."), ["2018.. [2018 or later]"]);
        assert_eq!(dates("after 2010"), ["2011.. [after 2010]"]);
        assert_eq!(dates("after February"), ["2022-03.. [after February]"]);
        assert_eq!(dates("after December 31, 2020"), ["2021-01-01.. [after December 31, 2020]"]);
        assert_eq!(dates("later than 2020"), ["2021.. [later than 2020]"]);
        assert_eq!(
            dates("more than a week after March 1"),
            ["2022-03-09.. [more than a week after March 1]"]
        );
    }

    #[test]
    fn up_to_a_date() {
        assert_eq!(dates("until Friday"), ["..2022-03-25 [until Friday]"]);
        assert_eq!(dates("by 2030"), ["..2030 [by 2030]"]);
        assert_eq!(dates("by the end of the month"), ["..2022-03-31 [by the end of the month]"]);
        assert_eq!(
            dates("no later than May 1, 2021"),
            ["..2021-05-01 [no later than May 1, 2021]"]
        );
        assert_eq!(dates("before 2018"), ["..2017 [before 2018]"]);
        assert_eq!(dates("before Christmas 2021"), ["..2021-12-24 [before Christmas 2021]"]);
        assert_eq!(dates("before March"), ["..2022-02 [before March]"]);
        assert_eq!(dates("before the end of 2021"), ["..2021-12-31 [before the end of 2021]"]);
        assert_eq!(dates("more than two weeks ago"), ["..2022-03-14 [more than two weeks ago]"]);
        assert_eq!(dates("the highest to date"), ["..2022-03-29 [to date]"]);
    }

    #[test]
    fn not_bounds() {
        // A possessive names the date of the thing, not a bound.
        assert_eq!(dates("after Tuesday's attack"), ["2022-03-29 [Tuesday]"]);
        assert_eq!(
            dates("the day before Christmas 2021"),
            ["2021-12-24 [the day before Christmas 2021]"]
        );
        assert_eq!(
            dates("from May to October 2020"),
            ["2020-05..2020-10 [from May to October 2020]"]
        );
        assert!(dates("kept up to date").is_empty());
        assert!(dates("after the attack, by 20 votes").is_empty());
        assert_eq!(dates("in 2010 and after the war"), ["2010 [2010]"]);
        assert_eq!(dates("2018 or later than planned"), ["2018 [2018]"]);
    }

    #[test]
    fn ranges_of_any_two_dates() {
        assert_eq!(
            dates("from 2007 to the end of 2008"),
            ["2007..2008-12-31 [from 2007 to the end of 2008]"]
        );
        assert_eq!(dates("June-August 1992"), ["1992-06..1992-08 [June-August 1992]"]);
        assert_eq!(dates("the year 2019"), ["2019 [the year 2019]"]);
        assert_eq!(
            dates("for 3 days starting May 20"),
            ["2021-05-20..2021-05-22 [3 days starting May 20]"]
        );
        assert_eq!(dates("the past two quarters"), ["2021-07-01..2021-12-31 [past two quarters]"]);
    }
}
