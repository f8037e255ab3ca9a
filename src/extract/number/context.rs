//! What stands around a numeral: qualifiers before it (`more than`, `about`, `at least`),
//! and the contexts that make it no count at all (money, percentages, times, years, ages,
//! names).

use super::*;

// ---------------------------------------------------------------------------------------------
// Counts

/// Qualifiers written before a count, longest first where they share a prefix.
pub(in crate::extract) const BEFORE: &[(&[&str], Relation)] = &[
    (&["a", "total", "of"], Relation::Eq),
    (&["in", "total"], Relation::Eq),
    (&["no", "fewer", "than"], Relation::Ge),
    (&["no", "less", "than"], Relation::Ge),
    (&["not", "less", "than"], Relation::Ge),
    (&["not", "fewer", "than"], Relation::Ge),
    (&["no", "more", "than"], Relation::Le),
    (&["not", "more", "than"], Relation::Le),
    (&["more", "than"], Relation::Gt),
    (&["greater", "than"], Relation::Gt),
    (&["larger", "than"], Relation::Gt),
    (&["higher", "than"], Relation::Gt),
    (&["in", "excess", "of"], Relation::Gt),
    (&["upwards", "of"], Relation::Gt),
    (&["well", "over"], Relation::Gt),
    (&["just", "over"], Relation::Gt),
    (&["over"], Relation::Gt),
    (&["above"], Relation::Gt),
    (&["exceeding"], Relation::Gt),
    (&["exceed"], Relation::Gt),
    (&["surpass"], Relation::Gt),
    (&["at", "least"], Relation::Ge),
    (&["a", "minimum", "of"], Relation::Ge),
    (&["at", "most"], Relation::Le),
    (&["a", "maximum", "of"], Relation::Le),
    (&["up", "to"], Relation::Le),
    (&["just", "under"], Relation::Lt),
    (&["fewer", "than"], Relation::Lt),
    (&["less", "than"], Relation::Lt),
    (&["lower", "than"], Relation::Lt),
    (&["smaller", "than"], Relation::Lt),
    (&["nearly"], Relation::Lt),
    (&["almost"], Relation::Lt),
    (&["under"], Relation::Lt),
    (&["below"], Relation::Lt),
    (&["an", "estimated"], Relation::About),
    (&["approximately"], Relation::About),
    (&["approx"], Relation::About),
    (&["about"], Relation::About),
    (&["around"], Relation::About),
    (&["roughly"], Relation::About),
    (&["some"], Relation::About),
    (&["estimated"], Relation::About),
    (&["close", "to"], Relation::About),
    (&["equal", "to"], Relation::Eq),
    (&["equals", "to"], Relation::Eq),
    (&["equals"], Relation::Eq),
];

/// The qualifier at `i`, if any: (relation, end).
pub(in crate::extract) fn qualifier_at(b: &[u8], i: usize) -> Option<(Relation, usize)> {
    if !b.get(i).is_some_and(u8::is_ascii_alphabetic) || !at_boundary(b, i) {
        // Symbols: `>10`, `>= 30`, `<=  -30`.
        let eq = skip_ws(b, i + 1);
        return match (b.get(i), b.get(eq)) {
            (Some(b'>'), Some(b'=')) => Some((Relation::Ge, eq + 1)),
            (Some(b'<'), Some(b'=')) => Some((Relation::Le, eq + 1)),
            (Some(b'>'), _) => Some((Relation::Gt, i + 1)),
            (Some(b'<'), _) => Some((Relation::Lt, i + 1)),
            _ => None,
        };
    }
    for (tail, rel) in [
        (&["equal", "to", "or", "more", "than"][..], Relation::Ge),
        (&["equal", "to", "or", "greater", "than"][..], Relation::Ge),
        (&["equal", "to", "or", "less", "than"][..], Relation::Le),
        (&["equal", "to", "or", "fewer", "than"][..], Relation::Le),
        (&["at", "least", "or", "equal", "to"][..], Relation::Ge),
    ] {
        if let Some(e) = phrase_at(b, i, tail) {
            return Some((rel, e));
        }
    }
    let first = b[i].to_ascii_lowercase();
    for (words, rel) in BEFORE {
        if words[0].as_bytes()[0] != first {
            continue;
        }
        if let Some(e) = phrase_at(b, i, words) {
            // `or equal to`: `higher or equal than`, `less than or equal to`.
            let mut rel = *rel;
            let mut end = e;
            let p = skip_ws(b, e);
            for tail in [&["or", "equal", "to"][..], &["or", "equal", "than"][..]] {
                if let Some(e2) = phrase_at(b, p, tail) {
                    rel = match rel {
                        Relation::Gt => Relation::Ge,
                        Relation::Lt => Relation::Le,
                        r => r,
                    };
                    end = e2;
                }
            }
            return Some((rel, end));
        }
    }
    // `higher or equal than`, `bigger or equal than`, `smaller or equal than`.
    for (w, rel) in [
        ("higher", Relation::Ge),
        ("bigger", Relation::Ge),
        ("larger", Relation::Ge),
        ("greater", Relation::Ge),
        ("lower", Relation::Le),
        ("smaller", Relation::Le),
        ("less", Relation::Le),
    ] {
        if let Some(e) = phrase_at(b, i, &[w, "or", "equal", "than"]) {
            return Some((rel, e));
        }
        if let Some(e) = phrase_at(b, i, &[w, "or", "equal", "to"]) {
            return Some((rel, e));
        }
    }
    for (tail, rel) in [
        (&["equal", "to", "or", "more", "than"][..], Relation::Ge),
        (&["equal", "to", "or", "greater", "than"][..], Relation::Ge),
        (&["equal", "to", "or", "less", "than"][..], Relation::Le),
        (&["equal", "to", "or", "fewer", "than"][..], Relation::Le),
        (&["at", "least", "or", "equal", "to"][..], Relation::Ge),
    ] {
        if let Some(e) = phrase_at(b, i, tail) {
            return Some((rel, e));
        }
    }
    None
}

pub(in crate::extract) const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Words before a bare 4-digit number that make it a year.
pub(in crate::extract) const YEAR_BEFORE: &[&str] = &[
    "in", "since", "by", "of", "from", "until", "till", "to", "between", "and", "during", "before",
    "after", "year", "early", "late", "mid", "circa", "summer", "winter", "spring", "autumn",
    "fall", "the", "through", "fiscal", "around", "about", "for", "or", "than", "on", "at",
];

/// Words after a bare 4-digit number that make it a year, not a count of what follows.
pub(in crate::extract) const YEAR_AFTER: &[&str] = &[
    "in",
    "and",
    "or",
    "to",
    "the",
    "a",
    "an",
    "was",
    "were",
    "is",
    "as",
    "when",
    "with",
    "at",
    "on",
    "for",
    "from",
    "by",
    "of",
    "after",
    "before",
    "that",
    "which",
    "but",
    "so",
    "until",
    "season",
    "election",
    "elections",
    "budget",
    "census",
    "world",
    "olympics",
    "levels",
    "level",
    "figures",
    "figure",
    "report",
    "war",
    "law",
    "act",
    "agreement",
    "accord",
    "deal",
    "treaty",
    "summit",
    "crisis",
    "invasion",
    "attack",
    "attacks",
    "vote",
    "referendum",
    "cup",
    "games",
    "model",
    "edition",
    "has",
    "had",
    "have",
    "will",
    "would",
    "saw",
    "brought",
];

pub(in crate::extract) fn prev_word(b: &[u8], i: usize) -> Option<(usize, usize)> {
    let mut e = i;
    while e > 0 && matches!(b[e - 1], b' ' | b'\t' | b'\n' | b'\r') {
        e -= 1;
    }
    let mut s = e;
    while s > 0 && b[s - 1].is_ascii_alphabetic() {
        s -= 1;
    }
    (s < e).then_some((s, e))
}

pub(in crate::extract) fn word_in(b: &[u8], r: (usize, usize), list: &[&str]) -> bool {
    let w = &b[r.0..r.1];
    list.iter().any(|x| x.as_bytes().eq_ignore_ascii_case(w))
}

/// True when the numeral is money, a percentage, a time, a year, or part of a name.
pub(in crate::extract) fn not_a_count(b: &[u8], n: &Numeral, qualified: bool) -> bool {
    let (s, e) = (n.span.start, n.span.end);
    // Before: currency symbols, `US$`, a word joined by a hyphen (COVID-19), `No. 10`.
    let mut p = s;
    while p > 0 && b[p - 1] == b' ' {
        p -= 1;
    }
    let before = &b[..p];
    if before.ends_with(b"$")
        || before.ends_with("£".as_bytes())
        || before.ends_with("€".as_bytes())
        || before.ends_with("¥".as_bytes())
        || before.ends_with("₹".as_bytes())
    {
        return true;
    }
    if p == s && s >= 2 && b[s - 1] == b':' && b[s - 2].is_ascii_digit() {
        return true;
    }
    // Inside a date or code (`2022-03-29`, `5/12`), or written with a leading zero (`03`).
    if !qualified
        && ((p == s && s >= 2 && matches!(b[s - 1], b'-' | b'/') && b[s - 2].is_ascii_digit())
            || (e - s > 1 && b[s] == b'0' && b.get(s + 1).is_some_and(u8::is_ascii_digit)))
    {
        return true;
    }
    if p == s && s >= 2 && b[s - 1] == b'-' && b[s - 2].is_ascii_alphabetic() && {
        let mut k = s - 2;
        while k > 0 && b[k - 1].is_ascii_alphanumeric() {
            k -= 1;
        }
        !b[k..s - 1].iter().any(u8::is_ascii_digit)
    } {
        return true;
    }
    if let Some(w) = prev_word(b, s)
        && word_in(
            b,
            w,
            &[
                "usd", "eur", "gbp", "rs", "no", "nos", "number", "page", "article", "chapter",
                "section", "covid", "version", "room", "route", "flight", "line",
            ],
        )
    {
        return true;
    }
    // After: %, percent, per cent, currencies, times.
    let q = skip_ws(b, e);
    match b.get(q) {
        Some(b'%') => return true,
        Some(b':') if b.get(q + 1).is_some_and(u8::is_ascii_digit) && q == e => return true,
        _ => {}
    }
    if b.get(e..).is_some_and(|r| r.starts_with("\u{2009}%".as_bytes())) {
        return true;
    }
    let mut buf = [0u8; 16];
    if let Some((w, we)) = word_at(b, q, &mut buf) {
        let money = [
            "percent", "pct", "dollars", "dollar", "euros", "euro", "pounds", "pence", "cents",
            "yen", "yuan", "rupees", "rubles", "roubles", "francs", "usd", "eur", "gbp", "pm",
            "am", "o", "bps",
        ];
        if money.iter().any(|m| m.as_bytes() == w) {
            // `o'clock`
            if w == b"o" && b.get(we) != Some(&b'\'') {
                return false;
            }
            return true;
        }
        if w == b"per" && phrase_at(b, q, &["per", "cent"]).is_some() {
            return true;
        }
        if (w == b"a" || w == b"p") && b.get(we) == Some(&b'.') {
            let mut buf2 = [0u8; 16];
            if let Some((w2, _)) = word_at(b, we + 1, &mut buf2)
                && w2 == b"m"
            {
                return true;
            }
        }
    }
    if is_age(b, n) {
        return true;
    }
    // Years.
    n.bare_digits && !qualified && year_context(b, s, e)
}

/// True when the numeral is an age: `a 41-year-old`, `41 years old`, `aged 41`, `age 41`, and
/// the appositive after a name, `Bracy, 21, was charged` (up to 120).
pub(in crate::extract) fn is_age(b: &[u8], n: &Numeral) -> bool {
    let (s, e) = (n.span.start, n.span.end);
    // `41-year-old`, `41 year old`, `41 years old`, `41-years-old`.
    let p = if matches!(b.get(e), Some(b'-')) { e + 1 } else { skip_ws(b, e) };
    if let Some(y) = word_is(b, p, "year").or_else(|| word_is(b, p, "years")) {
        let q = if matches!(b.get(y), Some(b'-')) { y + 1 } else { skip_ws(b, y) };
        if word_is(b, q, "old").is_some() {
            return true;
        }
    }
    if let Some(w) = prev_word(b, s)
        && word_in(b, w, &["aged", "age"])
    {
        return true;
    }
    // `Bracy, 21, was`: a capitalised word, a comma, the number, a comma.
    let small = n.value.to_u64().is_some_and(|v| v <= 120) && n.bare_digits;
    let mut p = s;
    while p > 0 && b[p - 1] == b' ' {
        p -= 1;
    }
    small
        && p > 0
        && p < s
        && b[p - 1] == b','
        && b.get(e) == Some(&b',')
        && prev_word(b, p - 1).is_some_and(|(ws, we)| we == p - 1 && b[ws].is_ascii_uppercase())
}

/// True when the bare 4-digit number at `s..e` reads as a year (1800-2100): after `in`,
/// `since`, a month name, a comma or `(`; before `-`/`/`; or not followed by a lowercase word
/// that could be what is counted (`2000 troops` is a count).
pub(in crate::extract) fn year_context(b: &[u8], s: usize, e: usize) -> bool {
    let Some(digits) = b.get(s..e) else { return false };
    if digits.len() != 4 || !digits.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let v = digits.iter().fold(0u32, |a, &c| a * 10 + u32::from(c - b'0'));
    if b.get(e).is_some_and(|&c| is_alnum(c)) || (s > 0 && is_alnum(b[s - 1])) {
        return false;
    }
    let mut p = s;
    while p > 0 && b[p - 1] == b' ' {
        p -= 1;
    }
    let before = &b[..p];
    let q = skip_ws(b, e);
    if (1800..=2100).contains(&v) {
        if let Some(w) = prev_word(b, s)
            && (word_in(b, w, YEAR_BEFORE) || word_in(b, w, MONTHS))
        {
            return true;
        }
        if before.ends_with(b",") || before.ends_with(b"(") {
            return true;
        }
        if matches!(b.get(e), Some(b'-' | b'/'))
            || b.get(e..).is_some_and(|r| r.starts_with("–".as_bytes()))
        {
            return true;
        }
        let mut buf2 = [0u8; 16];
        match word_at(b, q, &mut buf2) {
            Some((w, _)) if q > e => {
                let lower_start = b[q].is_ascii_lowercase();
                if !lower_start || YEAR_AFTER.iter().any(|x| x.as_bytes() == w) {
                    return true;
                }
            }
            _ => return true,
        }
    }
    false
}
