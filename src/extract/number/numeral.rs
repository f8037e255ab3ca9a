//! Numerals: digits and words together (`twenty-five`, `1.5 million`, `two and a half`),
//! found at a position or scanned over a text.

use super::*;

// ---------------------------------------------------------------------------------------------
// Numerals: digits and words

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::extract) enum Last {
    None,
    /// A digit numeral; `int` when integral.
    Digits,
    Unit,
    Teen,
    Tens,
    Hundred,
    Scale,
    Dozen,
    Fraction,
}

pub(in crate::extract) enum Tok {
    Word(W, usize),
    Digits(Decimal, usize, bool),
    None,
}

pub(in crate::extract) fn token_at(b: &[u8], i: usize) -> Tok {
    if !at_boundary(b, i) {
        return Tok::None;
    }
    if b.get(i).is_some_and(|c| c.is_ascii_digit() || *c == b'.') {
        return match digits_at(b, i) {
            Some((v, e, bare)) => Tok::Digits(v, e, bare),
            None => Tok::None,
        };
    }
    let mut buf = [0u8; 16];
    match word_at(b, i, &mut buf) {
        Some((w, e)) => match lookup(w) {
            Some(k) => Tok::Word(k, e),
            None => Tok::None,
        },
        None => Tok::None,
    }
}

/// Reads the number written at byte `at` (which must start a token), the longest reading.
pub fn numeral_at(text: &str, at: usize) -> Option<Numeral> {
    let b = text.as_bytes();
    if !at_boundary(b, at) {
        return None;
    }
    let mut pos = at;
    let mut neg = false;
    // Sign: `-1` (the dash right before the digits), `minus one`, `negative 5`.
    if b.get(pos) == Some(&b'-')
        && b.get(pos + 1).is_some_and(|&c| c.is_ascii_digit() || c == b'.')
        && (pos == 0 || !b.get(pos - 1).is_some_and(|&c| is_alnum(c)))
    {
        neg = true;
        pos += 1;
    } else if let Tok::Word(W::Minus, e) = token_at(b, pos) {
        let p = skip_ws(b, e);
        if p > e
            && matches!(token_at(b, p), Tok::Word(W::Unit(_) | W::Tens(_), _) | Tok::Digits(..))
        {
            neg = true;
            pos = p;
        } else {
            return None;
        }
    }
    let (mut value, end, bare) = words_at(b, pos)?;
    if super::lex::glued_by_format(text, at, end) {
        return None;
    }
    if neg {
        value = value.neg();
    }
    Some(Numeral { span: at..end, value, bare_digits: bare && !neg })
}

/// The core reader: digits and number words combined (`4 thousand 3 hundred and 21`).
pub(in crate::extract) fn words_at(b: &[u8], start: usize) -> Option<(Decimal, usize, bool)> {
    let mut total = Decimal::int(0);
    let mut current = Decimal::int(0);
    let mut last_atom = Decimal::int(0);
    let mut last = Last::None;
    let mut last_scale: i128 = i128::MAX;
    let mut pos = start;
    let mut end = start;
    let mut bare = false;
    let mut n_tokens = 0;
    let mut hundred_in_group = false;
    // The reading before an `and`, restored when what follows it starts a new number
    // (`3 hundred and 2 hundred` is two numbers).
    let mut checkpoint: Option<(Decimal, Decimal, usize)> = None;

    // `a dozen`, `a hundred`, `a thousand`, `half a dozen`.
    match token_at(b, pos) {
        Tok::Word(W::A, e) => {
            let p = skip_ws(b, e);
            for w in ["couple", "pair"] {
                if let Some(e2) = word_is(b, p, w) {
                    return (p > e).then_some((Decimal::int(2), e2, false));
                }
            }
            if p == e
                || !matches!(
                    token_at(b, p),
                    Tok::Word(W::Hundred | W::Scale(_, false) | W::Dozen(false), _)
                )
            {
                return None;
            }
            current = Decimal::int(1);
            last_atom = current;
            last = Last::Unit;
            pos = p;
        }
        Tok::Word(W::Half, e) => {
            let p = skip_ws(b, e);
            let Tok::Word(W::A, e2) = token_at(b, p) else { return None };
            let p2 = skip_ws(b, e2);
            let Tok::Word(W::Dozen(false), e3) = token_at(b, p2) else { return None };
            return Some((Decimal::int(6), e3, false));
        }
        _ => {}
    }

    loop {
        // Between tokens: whitespace, or a hyphen (twenty-six, fifty - two).
        let mut p = skip_ws(b, pos);
        let mut hyphen = false;
        if n_tokens > 0 && last == Last::Tens && b.get(p) == Some(&b'-') {
            p = skip_ws(b, p + 1);
            hyphen = true;
        }
        let tok = token_at(b, p);
        let mut consumed = true;
        match tok {
            Tok::Digits(v, e, is_bare) => {
                let int = v.scale == 0;
                let ok = match last {
                    Last::None => true,
                    Last::Hundred => int && v.mantissa < 100,
                    Last::Scale => int && v.mantissa < last_scale,
                    _ => false,
                };
                if !ok {
                    break;
                }
                if last == Last::None {
                    bare = is_bare;
                }
                current = current.checked_add(v)?;
                last_atom = v;
                last = Last::Digits;
                end = e;
            }
            Tok::Word(W::Unit(n), e) => {
                let ok = match last {
                    Last::None | Last::Hundred | Last::Scale => true,
                    Last::Tens => (1..=9).contains(&n),
                    _ => false,
                };
                if !ok || (hyphen && last != Last::Tens) {
                    break;
                }
                let v = Decimal::int(i128::from(n));
                if last == Last::Tens {
                    last_atom = last_atom.checked_add(v)?;
                } else {
                    last_atom = v;
                }
                current = current.checked_add(v)?;
                last = if n >= 10 { Last::Teen } else { Last::Unit };
                end = e;
            }
            Tok::Word(W::Tens(n), e) => {
                if !matches!(last, Last::None | Last::Hundred | Last::Scale) || hyphen {
                    break;
                }
                let v = Decimal::int(i128::from(n));
                current = current.checked_add(v)?;
                last_atom = v;
                last = Last::Tens;
                end = e;
            }
            Tok::Word(W::Hundred, e) => {
                if hundred_in_group {
                    if let Some((t, c, e0)) = checkpoint {
                        (total, current, end) = (t, c, e0);
                    }
                    break;
                }
                if !matches!(last, Last::Unit | Last::Teen | Last::Tens | Last::Digits) || hyphen {
                    break;
                }
                hundred_in_group = true;
                // `two thousand three hundred`: only the part after the last scale is multiplied.
                current = current.checked_mul_int(100)?;
                last_atom = current;
                last = Last::Hundred;
                end = e;
            }
            Tok::Word(W::Scale(m, plural), e) => {
                // `three billions`, but not `in 2022 thousands protested`.
                if hyphen || matches!(last, Last::None) || (plural && last == Last::Digits) {
                    break;
                }
                if !current.is_zero() {
                    total = total.checked_add(current.checked_mul_int(m)?)?;
                    current = Decimal::int(0);
                } else if !total.is_zero() && m > last_scale_used(last_scale) {
                    total = total.checked_mul_int(m)?;
                } else {
                    break;
                }
                last_scale = m;
                hundred_in_group = false;
                last_atom = Decimal::int(0);
                last = Last::Scale;
                end = e;
            }
            Tok::Word(W::Dozen(_), e) => {
                if !matches!(
                    last,
                    Last::Unit | Last::Teen | Last::Tens | Last::Digits | Last::Hundred
                ) || hyphen
                {
                    break;
                }
                current =
                    current.checked_sub(last_atom)?.checked_add(last_atom.checked_mul_int(12)?)?;
                last_atom = Decimal::int(0);
                last = Last::Dozen;
                end = e;
            }
            Tok::Word(W::And, e) => {
                // Only between parts of one number: `one hundred and six`, `2 thousand and 2`.
                if !matches!(last, Last::Hundred | Last::Scale) {
                    break;
                }
                let q = skip_ws(b, e);
                let next_ok = match token_at(b, q) {
                    Tok::Word(W::Unit(_) | W::Tens(_), _) => true,
                    Tok::Digits(v, _, _) => {
                        v.scale == 0
                            && if last == Last::Hundred {
                                v.mantissa < 100
                            } else {
                                v.mantissa < last_scale
                            }
                    }
                    _ => false,
                };
                if !next_ok || q == e {
                    break;
                }
                checkpoint = Some((total, current, end));
                pos = e;
                consumed = false;
            }
            Tok::Word(W::Point, e) => {
                if !matches!(
                    last,
                    Last::Unit
                        | Last::Teen
                        | Last::Tens
                        | Last::Hundred
                        | Last::Digits
                        | Last::None
                ) {
                    break;
                }
                if last == Last::Digits && current.scale > 0 {
                    break;
                }
                // `at this point two ...` is not a number: alone, `point` needs digits (`point 77`).
                if last == Last::None && !b.get(skip_ws(b, e)).is_some_and(u8::is_ascii_digit) {
                    break;
                }
                let q = skip_ws(b, e);
                let Some((frac, fe)) = fraction_words(b, q) else { break };
                if q == e {
                    break;
                }
                current = total.checked_add(current)?.checked_add(frac)?;
                total = Decimal::int(0);
                last_scale = i128::MAX;
                last_atom = current;
                last = Last::Fraction;
                end = fe;
                pos = fe;
                n_tokens += 1;
                continue;
            }
            _ => break,
        }
        if consumed {
            pos = end;
            n_tokens += 1;
        }
    }
    if n_tokens == 0 {
        return None;
    }
    let value = total.checked_add(current)?;
    if n_tokens > 1 {
        bare = false;
    }
    Some((value, end, bare))
}

pub(in crate::extract) fn last_scale_used(s: i128) -> i128 {
    if s == i128::MAX { 0 } else { s }
}

/// After `point`: digit words (`zero three`), one two-digit word (`seventy-one`), or digits.
pub(in crate::extract) fn fraction_words(b: &[u8], i: usize) -> Option<(Decimal, usize)> {
    if b.get(i).is_some_and(u8::is_ascii_digit) {
        let mut j = i;
        let mut m: i128 = 0;
        while let Some(&c) = b.get(j).filter(|c| c.is_ascii_digit()) {
            m = m.checked_mul(10)?.checked_add(i128::from(c - b'0'))?;
            j += 1;
        }
        if b.get(j).is_some_and(|&c| is_alnum(c)) {
            return None;
        }
        return Some((Decimal { mantissa: m, scale: u32::try_from(j - i).ok()? }.normalized(), j));
    }
    let mut m: i128 = 0;
    let mut digits: u32 = 0;
    let mut pos = i;
    let mut end = i;
    loop {
        let p = if digits == 0 { pos } else { skip_ws(b, pos) };
        if digits > 0 && p == pos {
            break;
        }
        match token_at(b, p) {
            Tok::Word(W::Unit(n), e) if n < 10 => {
                m = m.checked_mul(10)?.checked_add(i128::from(n))?;
                digits += 1;
                end = e;
                pos = e;
            }
            Tok::Word(W::Unit(n), e) if digits == 0 => {
                return Some((Decimal { mantissa: i128::from(n), scale: 2 }.normalized(), e));
            }
            Tok::Word(W::Tens(n), e) if digits == 0 => {
                let mut v = i128::from(n);
                let mut end = e;
                let mut q = e;
                if b.get(q) == Some(&b'-') {
                    q += 1;
                } else {
                    q = skip_ws(b, q);
                }
                if let Tok::Word(W::Unit(u), e2) = token_at(b, q)
                    && (1..10).contains(&u)
                    && q > e
                {
                    v += i128::from(u);
                    end = e2;
                }
                return Some((Decimal { mantissa: v, scale: 2 }.normalized(), end));
            }
            _ => break,
        }
    }
    (digits > 0).then(|| (Decimal { mantissa: m, scale: digits }.normalized(), end))
}

/// Appends every numeral of `text` to `out`, in order, without overlaps (the longest at each
/// position): the normaliser under [`scan_counts`], which also reads negatives and fractions.
pub fn scan_numerals(text: &str, out: &mut Vec<Numeral>) {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if at_boundary(b, i)
            && let Some(n) = numeral_at(text, i)
            && n.span.end > i
        {
            i = n.span.end;
            out.push(n);
            continue;
        }
        i = next_start(b, i);
    }
}

/// The next position after `i` where a token may start.
pub(in crate::extract) fn next_start(b: &[u8], i: usize) -> usize {
    let mut j = i + 1;
    if b.get(i).is_some_and(|&c| is_alnum(c)) {
        while j < b.len() && is_alnum(b[j]) {
            j += 1;
        }
    }
    j
}
