//! The words of dates: month and weekday names (full and abbreviated), ordinal words, days of the
//! month and years, compared in place without allocating.

use super::*;

// ---------------------------------------------------------------------------------------------
// Words

pub(in crate::extract) fn month_name(w: &[u8]) -> Option<(u8, bool)> {
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

pub(in crate::extract) fn weekday_name(w: &[u8]) -> Option<(i8, bool)> {
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

pub(in crate::extract) fn ordinal_word(w: &[u8]) -> Option<u8> {
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
pub(in crate::extract) fn letters_at<'a>(
    b: &[u8],
    i: usize,
    buf: &'a mut [u8; 16],
) -> Option<(&'a [u8], usize)> {
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
pub(in crate::extract) fn month_at(b: &[u8], i: usize) -> Option<(u8, usize)> {
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

pub(in crate::extract) fn weekday_at(b: &[u8], i: usize) -> Option<(i8, bool, usize)> {
    let mut buf = [0u8; 16];
    let (w, mut e) = word_at(b, i, &mut buf)?;
    let (wd, abbr) = weekday_name(w)?;
    if abbr && b.get(e) == Some(&b'.') {
        e += 1;
    }
    Some((wd, abbr, e))
}

/// Digits at `i`: (value, number of digits, end); not followed by a digit.
pub(in crate::extract) fn digits(
    b: &[u8],
    i: usize,
    max_len: usize,
) -> Option<(u32, usize, usize)> {
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
pub(in crate::extract) fn day_at(b: &[u8], i: usize) -> Option<(u8, usize)> {
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
pub(in crate::extract) fn year_at(b: &[u8], i: usize) -> Option<(i32, usize)> {
    let (v, n, e) = digits(b, i, 4)?;
    if n != 4 || !(1000..=2999).contains(&v) || b.get(e).is_some_and(|&c| is_alnum(c)) {
        return None;
    }
    Some((v as i32, e))
}

/// `, 2022`, ` 2022`, ` , 2022`, ` of 2022`, ` in 2022`, `-2022` after a day or month.
pub(in crate::extract) fn year_after(b: &[u8], e: usize, allow_in: bool) -> Option<(i32, usize)> {
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
    year_at(b, p).or_else(|| year_words_at(b, p))
}

/// A year in words after a day or month: `nineteen eighty six`, `nineteen zero one`,
/// `seventeen hundred thirty three`, `two thousand`, `two thousand and eighteen`, `twenty
/// twenty-one`. Not when a noun follows (`in May two thousand people marched`).
pub(in crate::extract) fn year_words_at(b: &[u8], p: usize) -> Option<(i32, usize)> {
    use crate::extract::number::{W, lookup};
    // The number word at `i` and where the next one starts (`twenty-one`, `twenty one`).
    let word = |i: usize| -> Option<(W, usize, usize)> {
        let mut buf = [0u8; 16];
        let (w, e) = word_at(b, i, &mut buf)?;
        let next = if b.get(e) == Some(&b'-') { e + 1 } else { skip_ws(b, e) };
        Some((lookup(w)?, e, next))
    };
    // 1..99 in words (`zero one`, `oh five` as 1 and 5).
    let below_100 = |i: usize| -> Option<(i32, usize, usize)> {
        let mut buf = [0u8; 16];
        let oh = word_at(b, i, &mut buf).is_some_and(|(w, _)| w == b"oh");
        let (w, e, n) = if oh {
            let (_, e) = word_at(b, i, &mut buf)?;
            (W::Unit(0), e, skip_ws(b, e))
        } else {
            word(i)?
        };
        match w {
            W::Unit(0) => match word(n)? {
                (W::Unit(u @ 1..=9), e2, n2) => Some((i32::from(u), e2, n2)),
                _ => None,
            },
            W::Unit(u) => Some((i32::from(u), e, n)),
            W::Tens(t) => match word(n) {
                Some((W::Unit(u @ 1..=9), e2, n2)) => Some((i32::from(t + u), e2, n2)),
                _ => Some((i32::from(t), e, n)),
            },
            _ => None,
        }
    };
    let (w1, e1, n1) = word(p)?;
    let (year, end) = match w1 {
        W::Unit(u @ 1..=2) => {
            let (W::Scale(1000, false), e2, n2) = word(n1)? else { return None };
            let base = 1000 * i32::from(u);
            let after_and = word_is(b, n2, "and").map(|e| skip_ws(b, e));
            match below_100(after_and.unwrap_or(n2)) {
                Some((x, e3, _)) => (base + x, e3),
                None => (base, e2),
            }
        }
        W::Unit(10..=19) | W::Tens(20) => {
            let c = match w1 {
                W::Unit(u) => i32::from(u),
                _ => 20,
            };
            match word(n1) {
                Some((W::Hundred, e2, n2)) => {
                    let after_and = word_is(b, n2, "and").map(|e| skip_ws(b, e));
                    match below_100(after_and.unwrap_or(n2)) {
                        Some((x, e3, _)) => (100 * c + x, e3),
                        None => (100 * c, e2),
                    }
                }
                _ => {
                    let (x, e2, _) = below_100(n1)?;
                    let tens_word = !matches!(word(n1), Some((W::Unit(1..=9), _, _)));
                    if !tens_word {
                        return None; // `nineteen five` is no year
                    }
                    (100 * c + x, e2)
                }
            }
        }
        _ => return None,
    };
    let _ = e1;
    // What follows: punctuation, the end, or a word that does not make the number a count.
    let q = skip_ws(b, end);
    let mut buf = [0u8; 16];
    let ok = match word_at(b, q, &mut buf) {
        Some((w, _)) if q > end => matches!(
            w,
            b"and"
                | b"or"
                | b"but"
                | b"in"
                | b"on"
                | b"at"
                | b"when"
                | b"to"
                | b"for"
                | b"with"
                | b"the"
                | b"a"
                | b"before"
                | b"after"
                | b"until"
                | b"since"
                | b"was"
                | b"were"
                | b"is"
        ),
        _ => !b.get(q).is_some_and(|&c| is_alnum(c)),
    };
    ok.then_some((year, end))
}
