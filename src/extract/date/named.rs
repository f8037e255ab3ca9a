//! Named periods: holidays news uses (`Christmas`, `Easter`, `Thanksgiving`, `New Year's Eve`),
//! seasons (`this spring` = March..May) and quarters (`the first quarter`, `Q3 2021`), with a
//! year (`Easter 2018`, `the third quarter of 2020`), a modifier (`last Christmas`, `next
//! spring`) or neither (resolved like a month-day: the nearest on or before `R`, or up to
//! [`super::FUTURE_WINDOW_DAYS`] after it; forward under [`super::Lean::Future`]).

use super::*;

/// How a holiday's day is found in a year.
#[derive(Clone, Copy)]
enum Rule {
    /// A fixed month and day.
    Fixed(u8, u8),
    /// Days after (before, negative) Easter Sunday.
    Easter(i16),
    /// Days after (before, negative) the Orthodox Easter Sunday (`Orthodox Good Friday`).
    Orthodox(i16),
    /// The nth (`-1`: last) weekday (Monday = 0) of a month, plus days.
    Nth(u8, i8, i8, i8),
    /// The Lunar (Chinese) New Year: [`LUNAR_NEW_YEAR`], 1950 to 2030.
    LunarNewYear,
    /// Super Tuesday, the US primaries' day, in presidential election years only: the first
    /// Tuesday of March (2000 on; February 5 in 2008), the second before 2000 (1988-96).
    SuperTuesday,
}

/// Holidays by their words; a word also matches with a possessive or plural `s`
/// (`New Year's Day`, `New Years Eve`, `Presidents' Day`). Longest first where they share words.
const HOLIDAYS: &[(&[&str], Rule)] = &[
    (&["chinese", "lunar", "new", "year", "day"], Rule::LunarNewYear),
    (&["chinese", "lunar", "new", "year"], Rule::LunarNewYear),
    (&["chinese", "new", "year", "day"], Rule::LunarNewYear),
    (&["chinese", "new", "year"], Rule::LunarNewYear),
    (&["lunar", "new", "year", "day"], Rule::LunarNewYear),
    (&["lunar", "new", "year"], Rule::LunarNewYear),
    (&["christmas", "eve"], Rule::Fixed(12, 24)),
    (&["christmas", "day"], Rule::Fixed(12, 25)),
    (&["christmas"], Rule::Fixed(12, 25)),
    (&["xmas"], Rule::Fixed(12, 25)),
    (&["boxing", "day"], Rule::Fixed(12, 26)),
    (&["new", "year", "eve"], Rule::Fixed(12, 31)),
    (&["new", "year", "day"], Rule::Fixed(1, 1)),
    (&["new", "year"], Rule::Fixed(1, 1)),
    (&["valentine", "day"], Rule::Fixed(2, 14)),
    (&["saint", "patrick", "day"], Rule::Fixed(3, 17)),
    (&["st", "patrick", "day"], Rule::Fixed(3, 17)),
    (&["saint", "patrick"], Rule::Fixed(3, 17)),
    (&["april", "fool", "day"], Rule::Fixed(4, 1)),
    (&["earth", "day"], Rule::Fixed(4, 22)),
    (&["may", "day"], Rule::Fixed(5, 1)),
    (&["international", "worker", "day"], Rule::Fixed(5, 1)),
    (&["may", "bank", "holiday"], Rule::Nth(5, 0, 1, 0)),
    (&["spring", "bank", "holiday"], Rule::Nth(5, 0, -1, 0)),
    (&["august", "bank", "holiday"], Rule::Nth(8, 0, -1, 0)),
    (&["summer", "bank", "holiday"], Rule::Nth(8, 0, -1, 0)),
    (&["juneteenth"], Rule::Fixed(6, 19)),
    (&["independence", "day"], Rule::Fixed(7, 4)),
    (&["bastille", "day"], Rule::Fixed(7, 14)),
    (&["halloween"], Rule::Fixed(10, 31)),
    (&["all", "saint", "day"], Rule::Fixed(11, 1)),
    (&["veteran", "day"], Rule::Fixed(11, 11)),
    (&["armistice", "day"], Rule::Fixed(11, 11)),
    (&["remembrance", "day"], Rule::Fixed(11, 11)),
    (&["easter", "sunday"], Rule::Easter(0)),
    (&["easter", "monday"], Rule::Easter(1)),
    (&["easter"], Rule::Easter(0)),
    (&["good", "friday"], Rule::Easter(-2)),
    (&["holy", "saturday"], Rule::Easter(-1)),
    (&["palm", "sunday"], Rule::Easter(-7)),
    (&["maundy", "thursday"], Rule::Easter(-3)),
    (&["mothering", "sunday"], Rule::Easter(-21)),
    (&["shrove", "tuesday"], Rule::Easter(-47)),
    (&["whit", "monday"], Rule::Easter(50)),
    (&["great", "friday"], Rule::Easter(-2)),
    (&["shrove", "monday"], Rule::Easter(-48)),
    (&["clean", "monday"], Rule::Orthodox(-48)),
    (&["trinity", "sunday"], Rule::Easter(56)),
    (&["ash", "wednesday"], Rule::Easter(-46)),
    (&["pentecost"], Rule::Easter(49)),
    (&["whit", "sunday"], Rule::Easter(49)),
    (&["thanksgiving", "day"], Rule::Nth(11, 3, 4, 0)),
    (&["thanksgiving"], Rule::Nth(11, 3, 4, 0)),
    (&["black", "friday"], Rule::Nth(11, 3, 4, 1)),
    (&["cyber", "monday"], Rule::Nth(11, 3, 4, 4)),
    (&["martin", "luther", "king", "day"], Rule::Nth(1, 0, 3, 0)),
    (&["mlk", "day"], Rule::Nth(1, 0, 3, 0)),
    (&["president", "day"], Rule::Nth(2, 0, 3, 0)),
    (&["mother", "day"], Rule::Nth(5, 6, 2, 0)),
    (&["memorial", "day"], Rule::Nth(5, 0, -1, 0)),
    (&["father", "day"], Rule::Nth(6, 6, 3, 0)),
    (&["labor", "day"], Rule::Nth(9, 0, 1, 0)),
    (&["columbus", "day"], Rule::Nth(10, 0, 2, 0)),
    (&["super", "tuesday"], Rule::SuperTuesday),
];

/// The first year of [`LUNAR_NEW_YEAR`].
const LUNAR_FIRST_YEAR: i32 = 1950;

/// The day of the year (January 1 = 1) of the Lunar New Year, 1950 to 2030, as the Chinese
/// calendar (Purple Mountain Observatory) sets it; it falls between January 21 and February 20.
const LUNAR_NEW_YEAR: [u8; 81] = [
    48, 37, 27, 45, 34, 24, 43, 31, 49, 39, 28, 46, 36, 25, 44, 33, 21, 40, 30, 48, 37, 27, 46, 34,
    23, 42, 31, 49, 38, 28, 47, 36, 25, 44, 33, 51, 40, 29, 48, 37, 27, 46, 35, 23, 41, 31, 50, 38,
    28, 47, 36, 24, 43, 32, 22, 40, 29, 49, 38, 26, 45, 34, 23, 41, 31, 50, 39, 28, 47, 36, 25, 43,
    32, 22, 41, 29, 48, 37, 26, 44, 34,
];

/// Easter Sunday of year `y` (Gregorian; the anonymous algorithm of Meeus/Jones/Butcher).
pub(in crate::extract) fn easter(y: i32) -> Option<Civil> {
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    civil(y, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
}

/// The Orthodox Easter Sunday of year `y` (Meeus's Julian algorithm), as a Gregorian date
/// (the calendars are 13 days apart from 1900 to 2099, one day less per century before).
pub(in crate::extract) fn orthodox_easter(y: i32) -> Option<Civil> {
    let (a, b, c) = (y.rem_euclid(4), y.rem_euclid(7), y.rem_euclid(19));
    let d = (19 * c + 15) % 30;
    let e = (2 * a + 4 * b - d + 34) % 7;
    let month = (d + e + 114) / 31;
    let day = (d + e + 114) % 31 + 1;
    let julian = civil(y, u8::try_from(month).ok()?, u8::try_from(day).ok()?)?;
    let century = y.div_euclid(100);
    add_days(julian, i64::from(century - century.div_euclid(4) - 2))
}

fn in_year(rule: Rule, y: i32) -> Option<Civil> {
    match rule {
        Rule::Fixed(m, d) => civil(y, m, d),
        Rule::Easter(off) => add_days(easter(y)?, i64::from(off)),
        Rule::Orthodox(off) => add_days(orthodox_easter(y)?, i64::from(off)),
        Rule::Nth(m, wd, n, off) => {
            let first = civil(y, m, 1)?;
            let weekday = jiff::civil::Weekday::from_monday_zero_offset(wd).ok()?;
            add_days(first.nth_weekday_of_month(n, weekday).ok()?, i64::from(off))
        }
        Rule::LunarNewYear => {
            let k = usize::try_from(y - LUNAR_FIRST_YEAR).ok()?;
            add_days(civil(y, 1, 1)?, i64::from(*LUNAR_NEW_YEAR.get(k)?) - 1)
        }
        Rule::SuperTuesday => match y {
            2008 => civil(y, 2, 5),
            _ if y % 4 != 0 || y < 1988 => None,
            _ => {
                let n = if y < 2000 { 2 } else { 1 };
                civil(y, 3, 1)?.nth_weekday_of_month(n, jiff::civil::Weekday::Tuesday).ok()
            }
        },
    }
}

/// The word at `p` equals `w`, or `w` with a possessive or plural (`year's`, `years`,
/// `presidents'`): the end past the possessive.
fn holiday_word(b: &[u8], p: usize, w: &str) -> Option<usize> {
    let mut buf = [0u8; 16];
    let (got, mut e) = letters_at(b, p, &mut buf)?;
    let wb = w.as_bytes();
    if got != wb && !(got.len() == wb.len() + 1 && got.starts_with(wb) && got.ends_with(b"s")) {
        return None;
    }
    if b.get(e..).is_some_and(|t| t.starts_with(b"'s") || t.starts_with("’s".as_bytes())) {
        e += if b[e] == b'\'' { 2 } else { 4 };
    } else if b.get(e) == Some(&b'\'') {
        e += 1;
    } else if b.get(e..).is_some_and(|t| t.starts_with("’".as_bytes())) {
        e += 3;
    }
    (!b.get(e).is_some_and(|&c| is_alnum(c))).then_some(e)
}

fn holiday_at(b: &[u8], p: usize) -> Option<(Rule, usize)> {
    // One read of the word, one look at the table's first words: most words begin no holiday.
    let mut buf = [0u8; 16];
    if !holiday_start(letters_at(b, p, &mut buf)?.0) {
        return None;
    }
    // `Orthodox Easter`, `Orthodox Good Friday`, `Orthodox Christmas` (January 7).
    if let Some(e) = holiday_word(b, p, "orthodox") {
        let q = skip_ws(b, e);
        if q == e {
            return None;
        }
        return match western_holiday_at(b, q)? {
            (Rule::Easter(off), e) => Some((Rule::Orthodox(off), e)),
            (Rule::Fixed(12, 25), e) => Some((Rule::Fixed(1, 7), e)),
            (Rule::Fixed(1, 1), e) => Some((Rule::Fixed(1, 14), e)),
            _ => None,
        };
    }
    western_holiday_at(b, p)
}

fn western_holiday_at(b: &[u8], p: usize) -> Option<(Rule, usize)> {
    'next: for (words, rule) in HOLIDAYS {
        let mut e = p;
        for (k, w) in words.iter().enumerate() {
            let q = if k == 0 { p } else { skip_ws(b, e) };
            if k > 0 && q == e {
                continue 'next;
            }
            match holiday_word(b, q, w) {
                Some(end) => e = end,
                None => continue 'next,
            }
        }
        // `May Day` only capitalised (`may day` is rarely the holiday in lower case).
        if words[0] == "may" && !b[p].is_ascii_uppercase() {
            continue;
        }
        return Some((*rule, e));
    }
    None
}

/// The modifier before a named period: `this`, `last`/`previous`, `next`/`following`/`coming`.
fn modifier_at(b: &[u8], at: usize) -> Option<(i8, usize)> {
    let mut buf = [0u8; 16];
    let (w, e) = word_at(b, at, &mut buf)?;
    let off = match w {
        b"this" | b"current" => 0,
        b"last" | b"previous" | b"past" => -1,
        b"next" | b"following" | b"coming" | b"upcoming" => 1,
        _ => return None,
    };
    let p = skip_ws(b, e);
    (p > e).then_some((off, p))
}

/// An explicit year after a named period: `2018`, `of 2020`, `in 2019`, `, 2010`, and `of this
/// year`, `this year`, `last year`, `next year` (a year offset from `R`).
fn year_part(b: &[u8], e: usize, r: Option<Civil>) -> Option<(Option<i32>, usize)> {
    if let Some((y, ye)) = year_after(b, e, true) {
        return Some((Some(y), ye));
    }
    let mut p = skip_ws(b, e);
    if p == e {
        return None;
    }
    if let Some(w) = word_is(b, p, "of") {
        p = skip_ws(b, w);
    }
    for (w, off) in [("this", 0), ("last", -1), ("next", 1)] {
        if let Some(ye) = phrase_at(b, p, &[w, "year"]) {
            return Some((r.map(|r| i32::from(r.year()) + off), ye));
        }
    }
    None
}

/// Picks, among periods `f(y)` for years around `R`, the one a modifier or lean names: `this`,
/// the one of `R`'s year; `last`, the latest starting before `R`; `next`, the first starting
/// after `R`; none, the latest starting on or before `R` + the window (forward: the first
/// ending on or after `R`).
fn pick(
    r: Civil,
    modifier: Option<i8>,
    fwd: bool,
    f: impl Fn(i32) -> Option<(Civil, Civil)>,
) -> Option<(Civil, Civil)> {
    let y0 = i32::from(r.year());
    match modifier {
        // The ranges span four years either way for what falls every fourth year (Super
        // Tuesday); a yearly period is found in the first one or two.
        Some(0) => f(y0),
        Some(-1) => (y0 - 5..=y0 + 1).rev().filter_map(&f).find(|p| p.0 < r),
        Some(_) => (y0 - 1..=y0 + 5).filter_map(&f).find(|p| p.0 > r),
        None if fwd => (y0 - 1..=y0 + 5).filter_map(&f).find(|p| p.1 >= r),
        None => {
            let limit = add_days(r, FUTURE_WINDOW_DAYS)?;
            (y0 - 5..=y0 + 1).rev().filter_map(&f).find(|p| p.0 <= limit)
        }
    }
}

fn spec_of(p: (Civil, Civil)) -> DateSpec {
    if p.0 == p.1 { on(p.0) } else { between(p.0, p.1) }
}

/// A season of year `y` (winter: December of `y` to February of `y + 1`).
fn season(s: u8, y: i32) -> Option<(Civil, Civil)> {
    let (m1, y2, m2) = match s {
        0 => (3, y, 5),
        1 => (6, y, 8),
        2 => (9, y, 11),
        _ => (12, y + 1, 2),
    };
    Some((civil(y, m1, 1)?, civil(y2, m2, 1)?.last_of_month()))
}

fn season_word(w: &[u8]) -> Option<u8> {
    Some(match w {
        b"spring" => 0,
        b"summer" => 1,
        b"autumn" | b"fall" => 2,
        b"winter" => 3,
        _ => return None,
    })
}

fn quarter(q: u8, y: i32) -> Option<(Civil, Civil)> {
    let m = 3 * (q - 1) + 1;
    Some((civil(y, m, 1)?, civil(y, m + 2, 1)?.last_of_month()))
}

/// `Q3`, `Q3 2021`, `2021 Q3`-less forms: `the first quarter`, `third-quarter`, `last quarter`.
fn quarter_at(b: &[u8], p: usize) -> Option<(Option<u8>, usize)> {
    // `Q1`..`Q4` as one token.
    if matches!(b.get(p), Some(b'Q' | b'q'))
        && let Some(&d) = b.get(p + 1)
        && (b'1'..=b'4').contains(&d)
        && !b.get(p + 2).is_some_and(|&c| is_alnum(c))
    {
        return Some((Some(d - b'0'), p + 2));
    }
    let mut buf = [0u8; 16];
    if let Some((b"quarter" | b"qtr", e)) = word_at(b, p, &mut buf) {
        return Some((None, e));
    }
    // `first`, `3rd`.
    let (q, e) = day_at(b, p).filter(|&(d, _)| (1..=4).contains(&d))?;
    if !b[p..e].iter().any(u8::is_ascii_alphabetic) {
        return None;
    }
    let s = if b.get(e) == Some(&b'-') { e + 1 } else { skip_ws(b, e) };
    let qe = word_is(b, s, "quarter").or_else(|| word_is(b, s, "qtr"))?;
    Some((Some(q), qe))
}

/// `2018Q4`, `2017-Q1`, `2019 q3`, `18q4` (a quarter after its year) and `2019 H2`, `2016h2`,
/// `H1 2016` (a half year).
pub(in crate::extract) fn year_part_of(b: &[u8], at: usize) -> Option<DateMatch> {
    let half_at = |p: usize| -> Option<(u8, usize)> {
        let c = b.get(p)?.to_ascii_lowercase();
        let n = b.get(p + 1)?.wrapping_sub(b'0');
        let ok = match c {
            b'q' => (1..=4).contains(&n),
            b'h' => (1..=2).contains(&n),
            _ => false,
        };
        (ok && !b.get(p + 2).is_some_and(|&c| is_alnum(c)))
            .then_some((if c == b'q' { n } else { 10 + n }, p + 2))
    };
    let (y, k, e) = if let Some((k, e)) = half_at(at).filter(|x| x.0 > 10) {
        // `H1 2016`
        let (y, ye) = year_at(b, skip_ws(b, e)).filter(|_| skip_ws(b, e) > e)?;
        let _ = e;
        (y, k, ye)
    } else {
        let (v, n, e) = digits(b, at, 4)?;
        let y = match n {
            4 if (1000..=2999).contains(&v) => v as i32,
            2 => 2000 + v as i32,
            _ => return None,
        };
        let p = match b.get(e) {
            Some(b'-' | b' ') if n == 4 => e + 1,
            _ if n == 4 => e,
            _ => e, // `18q4`: attached only
        };
        if n == 2 && p != e {
            return None;
        }
        let (k, he) = half_at(p)?;
        (y, k, he)
    };
    let (m1, m2) = if k > 10 { (6 * (k - 11) + 1, 6 * (k - 10)) } else { (3 * k - 2, 3 * k) };
    let s = civil(y, m1, 1)?;
    let z = civil(y, m2, 1)?.last_of_month();
    Some(DateMatch { span: at..e, date: between(s, z) })
}

/// A named period, as a function of the year.
#[derive(Clone, Copy)]
enum Named {
    Holiday(Rule),
    Quarter(u8),
    Season(u8),
}

impl Named {
    fn in_year(self, y: i32) -> Option<(Civil, Civil)> {
        match self {
            Named::Holiday(rule) => in_year(rule, y).map(|d| (d, d)),
            Named::Quarter(q) => quarter(q, y),
            Named::Season(s) => season(s, y),
        }
    }
}

/// Holidays whose first word is common (`new`, `good`, `black`): read in lower case only with
/// a year or a modifier (`new year` alone is rarely New Year). Names with no other reading
/// (`palm sunday`, `whit monday`, `trinity sunday`) are read in lower case too.
const COMMON_FIRST: &[&str] = &[
    "new",
    "may",
    "good",
    "all",
    "black",
    "ash",
    "labor",
    "memorial",
    "mother",
    "father",
    "independence",
    "earth",
    "president",
    "holy",
    "cyber",
    "saint",
    "st",
    "super",
];

/// Holidays, seasons and quarters at `at`: `Some(None)` when recognised but unresolvable.
pub(in crate::extract) fn named_at(
    b: &[u8],
    at: usize,
    r: Option<Civil>,
    fwd: bool,
) -> Option<Option<DateMatch>> {
    let (modifier, p) = match modifier_at(b, at) {
        Some((m, p)) => (Some(m), p),
        None => (None, word_is(b, at, "the").map_or(at, |e| skip_ws(b, e))),
    };
    let the = p > at && modifier.is_none();
    let (named, e) = if let Some((rule, e)) = holiday_at(b, p).filter(|_| !the) {
        (Named::Holiday(rule), e)
    } else if let Some((q, e)) = quarter_at(b, p) {
        match (q, modifier) {
            (Some(q), _) => (Named::Quarter(q), e),
            // `last quarter`, `this quarter`, `next quarter`: from `R`'s quarter.
            (None, Some(m)) => {
                let Some(r) = r else { return Some(None) };
                let k = i32::from((r.month() as u8 - 1) / 3) + i32::from(m);
                let y = i32::from(r.year()) + k.div_euclid(4);
                let span = quarter(u8::try_from(k.rem_euclid(4) + 1).ok()?, y)?;
                return Some(Some(DateMatch { span: at..e, date: spec_of(span) }));
            }
            (None, None) => return None,
        }
    } else {
        let mut buf = [0u8; 16];
        let (w, e) = word_at(b, p, &mut buf)?;
        (Named::Season(season_word(w)?), e)
    };
    let year = year_part(b, e, r);
    if year.is_none() && modifier.is_none() {
        match named {
            // A season or quarter alone is not read (`spring offensive`, `first quarter of the
            // population` is `the first quarter` only after `the`).
            Named::Quarter(_) | Named::Season(_) if !the => return None,
            Named::Holiday(_)
                if !b[p].is_ascii_uppercase()
                    && COMMON_FIRST.iter().any(|w| word_is(b, p, w).is_some()) =>
            {
                return None;
            }
            _ => {}
        }
    }
    let date = match (year, r) {
        (Some((Some(y), ye)), _) => {
            named.in_year(y).map(|span| DateMatch { span: at..ye, date: spec_of(span) })
        }
        (_, None) => return Some(None),
        (_, Some(r)) => pick(r, modifier, fwd, |y| named.in_year(y))
            .map(|span| DateMatch { span: at..e, date: spec_of(span) }),
    };
    Some(date)
}

/// True when `w` (lower case) can begin a holiday's name.
/// Asked of every word of a sentence, so it looks the word up in the table's first words,
/// sorted once.
pub(in crate::extract) fn holiday_start(w: &[u8]) -> bool {
    static FIRST: std::sync::OnceLock<Vec<&'static [u8]>> = std::sync::OnceLock::new();
    let first = FIRST.get_or_init(|| {
        let mut v: Vec<&'static [u8]> =
            HOLIDAYS.iter().filter_map(|(words, _)| words.first().map(|f| f.as_bytes())).collect();
        v.sort_unstable();
        v.dedup();
        v
    });
    let known = |w: &[u8]| first.binary_search(&w).is_ok();
    w == b"orthodox" || known(w) || w.strip_suffix(b"s").is_some_and(known)
}
