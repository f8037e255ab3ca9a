//! Reading counts in English news text: digits with separators, number words, scales, and the
//! words that qualify a count (`more than`, `about`, `at least`, `up to`), and ranges.
//!
//! Two layers:
//!
//! - the *numeral* reader ([`numeral_at`], [`scan_numerals`]) normalises any written number to
//!   an exact [`Decimal`]: `1,269`, `4.8`, `-1`, `1.2bn`, `10k`, `2.5 million`, `twenty-six`,
//!   `one hundred and sixty-one`, `a dozen`, `half a dozen`, `three hundred and two dozens`,
//!   `two point two million`, `4 thousand 3 hundred and 21`;
//! - the *count* reader ([`count_at`], [`scan_counts`]) keeps the numerals that can be
//!   head-counts (non-negative integers that are not years, times, percentages, money or parts of
//!   names like `COVID-19`) and reads the words around them into a [`Quantity`].
//!
//! Decisions (what a fact-checker gets):
//!
//! | text | quantity |
//! |---|---|
//! | `17`, `seventeen`, `a total of 17` | `17` |
//! | `more than 17`, `over`, `above`, `in excess of`, `exceeding` | `>17` |
//! | `at least 17`, `no fewer than`, `no less than`, `a minimum of`, `17 or more` | `>=17` |
//! | `about 17`, `around`, `approximately`, `roughly`, `some`, `an estimated`, `close to`, `17 or so`, `17-odd` | `~17` |
//! | `nearly 17`, `almost`, `fewer than`, `less than`, `under`, `below`, `just under` | `<17` |
//! | `up to 17`, `at most`, `no more than`, `a maximum of`, `17 or fewer` | `<=17` |
//! | `10 to 20`, `10-20`, `10–20`, `between 10 and 20`, `from 10 to 20`, `10 through 20` | `10..20` (inclusive) |
//! | `more than 10 and less than 20` | `11..19` |
//! | `a couple of` / `a pair of` | `~2` / `2` |
//! | `dozens`, `hundreds`, `thousands`, `millions` (no number before) | `>=24`, `>=200`, `>=2000`, `>=2000000` (at least two of them) |
//! | `tens of thousands`, `hundreds of thousands` | `>=20000`, `>=200000` |
//!
//! `nearly`/`almost` are read as `<` (the true count is below the number, which is what a checker
//! can test); `a few`, `several`, `many`, `scores of` give no count. A spaced single letter is not
//! a scale (`10 m` is ten metres, `10m` is ten million).
//!
//! Not counts: `in 2022` (a bare 4-digit 1800–2100 is a year unless a count word qualifies it or
//! a noun follows it, `2000 troops`), `10%`, `10 percent`, `$5m`, `£20`, `5 dollars`, `3rd`,
//! `5pm`, `5 p.m.`, `10:30`, `1980s`, `COVID-19`, `-1`, `2.5` (a fraction without a scale), the
//! parts of `2022-03-29` and `5/12`, and numbers written with a leading zero (`03`).
//!
//! Everything is one left-to-right pass over bytes with a small word table; nothing allocates.

use crate::model::{Quantity, Relation, Span};

/// A count read from text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberMatch {
    /// The whole expression, qualifiers included (`more than 200`).
    pub span: Span,
    pub quantity: Quantity,
}

/// An exact decimal number: `mantissa / 10^scale`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Decimal {
    pub mantissa: i128,
    pub scale: u32,
}

impl Decimal {
    /// The integer `v`.
    pub const fn int(v: i128) -> Self {
        Decimal { mantissa: v, scale: 0 }
    }

    /// The same number with no trailing zeros in the fraction (`4.800` -> `4.8`).
    pub fn normalized(self) -> Self {
        let mut d = self;
        while d.scale > 0 && d.mantissa % 10 == 0 {
            d.mantissa /= 10;
            d.scale -= 1;
        }
        d
    }

    fn align(self, other: Decimal) -> Option<(i128, i128, u32)> {
        let s = self.scale.max(other.scale);
        let a = self.mantissa.checked_mul(10i128.checked_pow(s - self.scale)?)?;
        let b = other.mantissa.checked_mul(10i128.checked_pow(s - other.scale)?)?;
        Some((a, b, s))
    }

    /// `self + other`, `None` on overflow.
    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        let (a, b, s) = self.align(other)?;
        Some(Decimal { mantissa: a.checked_add(b)?, scale: s }.normalized())
    }

    fn checked_sub(self, other: Decimal) -> Option<Decimal> {
        self.checked_add(Decimal { mantissa: other.mantissa.checked_neg()?, scale: other.scale })
    }

    /// `self * k`, `None` on overflow.
    pub fn checked_mul_int(self, k: i128) -> Option<Decimal> {
        Some(Decimal { mantissa: self.mantissa.checked_mul(k)?, scale: self.scale }.normalized())
    }

    fn neg(self) -> Decimal {
        Decimal { mantissa: self.mantissa.saturating_neg(), scale: self.scale }
    }

    fn is_zero(self) -> bool {
        self.mantissa == 0
    }

    /// The value as a count: a non-negative integer that fits `u64`.
    pub fn to_u64(self) -> Option<u64> {
        let d = self.normalized();
        if d.scale != 0 {
            return None;
        }
        u64::try_from(d.mantissa).ok()
    }

    /// Parses a plain decimal (`-12.50`, `.5`); for tests and fixtures.
    pub fn parse(s: &str) -> Option<Decimal> {
        let (neg, s) = match s.strip_prefix('-') {
            Some(r) => (true, r),
            None => (false, s),
        };
        let (i, f) = s.split_once('.').unwrap_or((s, ""));
        if i.is_empty() && f.is_empty() {
            return None;
        }
        let mut m: i128 = 0;
        for c in i.bytes().chain(f.bytes()) {
            if !c.is_ascii_digit() {
                return None;
            }
            m = m.checked_mul(10)?.checked_add(i128::from(c - b'0'))?;
        }
        let d = Decimal { mantissa: if neg { -m } else { m }, scale: u32::try_from(f.len()).ok()? };
        Some(d.normalized())
    }
}

impl std::fmt::Display for Decimal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let d = self.normalized();
        if d.scale == 0 {
            return write!(f, "{}", d.mantissa);
        }
        let p = 10u128.pow(d.scale);
        let a = d.mantissa.unsigned_abs();
        let sign = if d.mantissa < 0 { "-" } else { "" };
        write!(f, "{sign}{}.{:0w$}", a / p, a % p, w = d.scale as usize)
    }
}

/// A number written in the text, normalised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Numeral {
    pub span: Span,
    pub value: Decimal,
    /// Written with digits only, no separator, no scale, no sign (`2022`, not `2,022`).
    pub bare_digits: bool,
}

// ---------------------------------------------------------------------------------------------
// Bytes and words

///
/// Non-ASCII bytes count as letters, except UTF-8 continuation bytes and the lead bytes of
/// Latin-1 punctuation (`C2`: no-break space, `£`) and of general punctuation, currency and
/// symbols (`E2`: dashes, curly quotes, thin spaces, `€`), so `1000–5000` and `40 000` split
/// where they should while `é1` does not start a number.
pub(super) fn is_alnum(c: u8) -> bool {
    c.is_ascii_alphanumeric() || (c >= 0xC3 && c != 0xE2)
}

/// True when a token may start at `i` (start of text or after a non-alphanumeric byte).
pub(super) fn at_boundary(b: &[u8], i: usize) -> bool {
    i == 0 || b.get(i - 1).is_some_and(|&c| !is_alnum(c))
}

/// Skips spaces, tabs and single newlines (hard-wrapped lines).
pub(super) fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while let Some(&c) = b.get(i) {
        if c == b' ' || c == b'\t' || c == b'\n' || c == b'\r' {
            i += 1;
        } else if c == 0xC2 && b.get(i + 1) == Some(&0xA0) {
            i += 2; // no-break space
        } else {
            break;
        }
    }
    i
}

/// The ASCII word at `i` (letters only), lowercased into `buf`; returns (word, end).
pub(super) fn word_at<'a>(b: &[u8], i: usize, buf: &'a mut [u8; 16]) -> Option<(&'a [u8], usize)> {
    let mut j = i;
    while j < b.len() && b[j].is_ascii_alphabetic() {
        j += 1;
    }
    if j == i || j - i > buf.len() || b.get(j).is_some_and(|&c| c.is_ascii_digit() || is_alnum(c)) {
        return None;
    }
    for (k, &c) in b[i..j].iter().enumerate() {
        buf[k] = c.to_ascii_lowercase();
    }
    Some((&buf[..j - i], j))
}

/// True when the word at `i` is `w` (lowercase), followed by a non-letter; returns its end.
pub(super) fn word_is(b: &[u8], i: usize, w: &str) -> Option<usize> {
    let mut buf = [0u8; 16];
    let (got, end) = word_at(b, i, &mut buf)?;
    (got == w.as_bytes()).then_some(end)
}

/// Matches a sequence of words separated by whitespace; returns the end of the last one.
pub(super) fn phrase_at(b: &[u8], i: usize, words: &[&str]) -> Option<usize> {
    let mut pos = i;
    let mut end = i;
    for (k, w) in words.iter().enumerate() {
        if k > 0 {
            let p = skip_ws(b, end);
            if p == end {
                return None;
            }
            pos = p;
        }
        end = word_is(b, pos, w)?;
    }
    Some(end)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum W {
    /// zero..nineteen
    Unit(u8),
    /// twenty..ninety
    Tens(u8),
    Hundred,
    /// thousand, million, ... (`plural`: thousands)
    Scale(i128, bool),
    Dozen(bool),
    And,
    Point,
    A,
    Half,
    Minus,
}

/// The number word `w` (lowercase), if it is one.
pub(super) fn is_number_word(w: &[u8]) -> bool {
    lookup(w).is_some()
}

fn lookup(w: &[u8]) -> Option<W> {
    use W::*;
    Some(match w {
        b"zero" | b"nought" | b"naught" => Unit(0),
        b"one" => Unit(1),
        b"two" => Unit(2),
        b"three" => Unit(3),
        b"four" => Unit(4),
        b"five" => Unit(5),
        b"six" => Unit(6),
        b"seven" => Unit(7),
        b"eight" => Unit(8),
        b"nine" => Unit(9),
        b"ten" => Unit(10),
        b"eleven" => Unit(11),
        b"twelve" => Unit(12),
        b"thirteen" => Unit(13),
        b"fourteen" => Unit(14),
        b"fifteen" => Unit(15),
        b"sixteen" => Unit(16),
        b"seventeen" => Unit(17),
        b"eighteen" => Unit(18),
        b"nineteen" => Unit(19),
        b"twenty" => Tens(20),
        b"thirty" => Tens(30),
        b"forty" | b"fourty" => Tens(40),
        b"fifty" => Tens(50),
        b"sixty" => Tens(60),
        b"seventy" => Tens(70),
        b"eighty" => Tens(80),
        b"ninety" => Tens(90),
        b"hundred" => Hundred,
        b"hundreds" => Scale(100, true),
        b"thousand" => Scale(1_000, false),
        b"thousands" => Scale(1_000, true),
        b"million" | b"mn" | b"mln" | b"mil" | b"mio" => Scale(1_000_000, false),
        b"millions" => Scale(1_000_000, true),
        b"billion" | b"bn" | b"bln" => Scale(1_000_000_000, false),
        b"billions" => Scale(1_000_000_000, true),
        b"trillion" | b"tn" | b"tln" | b"trn" => Scale(1_000_000_000_000, false),
        b"trillions" => Scale(1_000_000_000_000, true),
        b"lakh" | b"lac" | b"lakhs" | b"lacs" | b"lkh" | b"lkhs" => Scale(100_000, false),
        b"crore" | b"crores" | b"cr" | b"koti" | b"krore" | b"krores" | b"kr" => {
            Scale(10_000_000, false)
        }
        b"dozen" | b"dz" | b"doz" => Dozen(false),
        b"dozens" | b"dzs" | b"dozs" => Dozen(true),
        b"and" => And,
        b"point" => Point,
        b"a" | b"an" => A,
        b"half" => Half,
        b"minus" | b"negative" => Minus,
        _ => return None,
    })
}

/// A suffix written right after digits: `10k`, `1.2bn`, `3M`, `10G`.
fn attached_scale(w: &[u8], raw: &[u8]) -> Option<i128> {
    Some(match w {
        b"k" => 1_000,
        b"m" | b"mm" | b"mn" | b"mln" | b"mil" => 1_000_000,
        b"b" | b"bn" | b"bln" => 1_000_000_000,
        b"g" if raw == b"G" => 1_000_000_000,
        b"tn" | b"tln" | b"trn" => 1_000_000_000_000,
        _ => return None,
    })
}

// ---------------------------------------------------------------------------------------------
// Digits

/// The width of a no-break (U+00A0), narrow no-break (U+202F) or thin (U+2009) space at `i`.
fn group_space(b: &[u8], i: usize) -> Option<usize> {
    match b.get(i..i + 3)? {
        [0xC2, 0xA0, _] => Some(2),
        [0xE2, 0x80, 0xAF | 0x89] => Some(3),
        _ => None,
    }
}

/// A number written with digits at `i`: (value, end, bare digits, integer digits were grouped).
fn digits_at(b: &[u8], i: usize) -> Option<(Decimal, usize, bool)> {
    let digit = |k: usize| b.get(k).is_some_and(u8::is_ascii_digit);
    let run = |mut k: usize| {
        while digit(k) {
            k += 1;
        }
        k
    };
    let acc = |m: i128, r: std::ops::Range<usize>| -> Option<i128> {
        let mut m = m;
        for &c in b.get(r)? {
            m = m.checked_mul(10)?.checked_add(i128::from(c - b'0'))?;
        }
        Some(m)
    };
    let (mut mant, mut scale): (i128, u32) = (0, 0);
    let mut bare = true;
    let mut end;
    if digit(i) {
        let e1 = run(i);
        mant = acc(0, i..e1)?;
        end = e1;
        let first_len = e1 - i;
        // Comma groups: thousands (1,234,567), Indian (12,34,567) or a decimal comma (1,3).
        if b.get(end) == Some(&b',') && digit(end + 1) {
            let mut groups: [usize; 8] = [0; 8];
            let mut n = 0;
            let mut k = end;
            while b.get(k) == Some(&b',') && digit(k + 1) && n < groups.len() {
                let e = run(k + 1);
                groups[n] = e - k - 1;
                n += 1;
                k = e;
            }
            let gs = &groups[..n];
            let thousands = first_len <= 3 && gs.iter().all(|&g| g == 3);
            let indian = first_len <= 2
                && gs.len() >= 2
                && gs.last() == Some(&3)
                && gs[..gs.len() - 1].iter().all(|&g| g == 2);
            if thousands || indian {
                let mut p = end;
                while b.get(p) == Some(&b',') && digit(p + 1) {
                    let e = run(p + 1);
                    mant = acc(mant, p + 1..e)?;
                    p = e;
                }
                end = p;
                bare = false;
            } else if n == 1
                && gs[0] <= 2
                && !(b.get(end + 1 + gs[0]) == Some(&b'.') && digit(end + 2 + gs[0]))
            {
                // Decimal comma: `1,3`, `5,00`.
                let e = end + 1 + gs[0];
                mant = acc(mant, end + 1..e)?;
                scale = u32::try_from(gs[0]).ok()?;
                end = e;
                bare = false;
            }
        } else if first_len <= 3 && group_space(b, end).is_some_and(|w| run(end + w) == end + w + 3)
        {
            // `40 000` with a no-break or thin space (never a plain space: `March 23 150`).
            let mut p = end;
            while let Some(w) = group_space(b, p).filter(|&w| run(p + w) == p + w + 3) {
                mant = acc(mant, p + w..p + w + 3)?;
                p += w + 3;
            }
            end = p;
            bare = false;
        } else if first_len <= 3 && b.get(end) == Some(&b'.') && run(end + 1) == end + 4 {
            // European grouping `1.111,11`: dot groups of three, then a decimal comma.
            let mut p = end;
            while b.get(p) == Some(&b'.') && run(p + 1) == p + 4 {
                p += 4;
            }
            if b.get(p) == Some(&b',') && digit(p + 1) {
                let e = run(p + 1);
                let mut m = mant;
                let mut q = end;
                while q < p {
                    m = acc(m, q + 1..q + 4)?;
                    q += 4;
                }
                mant = acc(m, p + 1..e)?;
                scale = u32::try_from(e - p - 1).ok()?;
                end = e;
                bare = false;
            }
        }
    } else if b.get(i) == Some(&b'.') && digit(i + 1) {
        end = i;
    } else {
        return None;
    }
    // Decimal point.
    if scale == 0 && b.get(end) == Some(&b'.') && digit(end + 1) {
        let e = run(end + 1);
        let dotted = (b.get(e) == Some(&b'.') && digit(e + 1))
            || (i >= 2 && b[i - 1] == b'.' && b[i - 2].is_ascii_digit());
        if !dotted {
            mant = acc(mant, end + 1..e)?;
            scale = u32::try_from(e - end - 1).ok()?;
            end = e;
            bare = false;
        } else if end == i {
            return None;
        }
    }
    let mut value = Decimal { mantissa: mant, scale }.normalized();
    // Letters right after the digits: a scale suffix, or not a number (3rd, 1980s, 5pm, 10km).
    if b.get(end).is_some_and(u8::is_ascii_alphabetic) {
        let mut buf = [0u8; 16];
        let mut j = end;
        while j < b.len() && b[j].is_ascii_alphabetic() {
            j += 1;
        }
        if j - end > 4 || b.get(j).is_some_and(|&c| c.is_ascii_digit()) {
            return None;
        }
        let raw = &b[end..j];
        for (k, &c) in raw.iter().enumerate() {
            buf[k] = c.to_ascii_lowercase();
        }
        let s = attached_scale(&buf[..j - end], raw)?;
        value = value.checked_mul_int(s)?;
        end = j;
        bare = false;
    } else if b.get(end).is_some_and(|&c| is_alnum(c)) {
        return None;
    }
    Some((value, end, bare))
}

// ---------------------------------------------------------------------------------------------
// Numerals: digits and words

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Last {
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

enum Tok {
    Word(W, usize),
    Digits(Decimal, usize, bool),
    None,
}

fn token_at(b: &[u8], i: usize) -> Tok {
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
    if neg {
        value = value.neg();
    }
    Some(Numeral { span: at..end, value, bare_digits: bare && !neg })
}

/// The core reader: digits and number words combined (`4 thousand 3 hundred and 21`).
fn words_at(b: &[u8], start: usize) -> Option<(Decimal, usize, bool)> {
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

fn last_scale_used(s: i128) -> i128 {
    if s == i128::MAX { 0 } else { s }
}

/// After `point`: digit words (`zero three`), one two-digit word (`seventy-one`), or digits.
fn fraction_words(b: &[u8], i: usize) -> Option<(Decimal, usize)> {
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
// Counts

/// Qualifiers written before a count, longest first where they share a prefix.
const BEFORE: &[(&[&str], Relation)] = &[
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
fn qualifier_at(b: &[u8], i: usize) -> Option<(Relation, usize)> {
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

const MONTHS: &[&str] = &[
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
const YEAR_BEFORE: &[&str] = &[
    "in", "since", "by", "of", "from", "until", "till", "to", "between", "and", "during", "before",
    "after", "year", "early", "late", "mid", "circa", "summer", "winter", "spring", "autumn",
    "fall", "the", "through", "fiscal", "around", "about", "for", "or", "than", "on", "at",
];

/// Words after a bare 4-digit number that make it a year, not a count of what follows.
const YEAR_AFTER: &[&str] = &[
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

pub(super) fn prev_word(b: &[u8], i: usize) -> Option<(usize, usize)> {
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

pub(super) fn word_in(b: &[u8], r: (usize, usize), list: &[&str]) -> bool {
    let w = &b[r.0..r.1];
    list.iter().any(|x| x.as_bytes().eq_ignore_ascii_case(w))
}

/// True when the numeral is money, a percentage, a time, a year, or part of a name.
fn not_a_count(b: &[u8], n: &Numeral, qualified: bool) -> bool {
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
    // Years.
    n.bare_digits && !qualified && year_context(b, s, e)
}

/// True when the bare 4-digit number at `s..e` reads as a year (1800-2100): after `in`,
/// `since`, a month name, a comma or `(`; before `-`/`/`; or not followed by a lowercase word
/// that could be what is counted (`2000 troops` is a count).
pub(super) fn year_context(b: &[u8], s: usize, e: usize) -> bool {
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

/// A count with no number before a plural scale: `dozens`, `hundreds of thousands`.
fn vague_at(b: &[u8], i: usize) -> Option<(Quantity, usize)> {
    if let Some(e) = phrase_at(b, i, &["a", "couple", "of"]) {
        return Some((Quantity::with(Relation::About, 2), e));
    }
    if let Some(e) = phrase_at(b, i, &["a", "pair", "of"]) {
        return Some((Quantity::exact(2), e));
    }
    let mut buf = [0u8; 16];
    let (w, e) = word_at(b, i, &mut buf)?;
    let base: i128 = match lookup(w) {
        _ if w == b"tens" => 10,
        Some(W::Scale(m, true)) => m,
        Some(W::Dozen(true)) => 12,
        _ => return None,
    };
    let mut value = base.checked_mul(2)?;
    let mut end = e;
    // `tens of thousands`, `hundreds of thousands`, `thousands of millions`.
    let p = skip_ws(b, e);
    if let Some(e2) = word_is(b, p, "of") {
        let q = skip_ws(b, e2);
        let mut buf2 = [0u8; 16];
        if let Some((w2, e3)) = word_at(b, q, &mut buf2)
            && let Some(W::Scale(m2, true)) = lookup(w2)
            && m2 > base
        {
            value = value.checked_mul(m2)?;
            end = e3;
        }
    }
    if base == 10 && end == e {
        return None; // `tens` alone
    }
    Some((Quantity::with(Relation::Ge, u64::try_from(value).ok()?), end))
}

/// A bare count at `i` (no qualifier): (value, span end).
fn core_count(b: &[u8], text: &str, i: usize, qualified: bool) -> Option<(u64, usize)> {
    let n = numeral_at(text, i)?;
    if n.value.mantissa < 0 || not_a_count(b, &n, qualified) {
        return None;
    }
    // A date like `March 23` is read by the date reader; a decimal needs a scale to be a count.
    Some((n.value.to_u64()?, n.span.end))
}

/// Reads the count expression starting at byte `at` (a token start), qualifiers and ranges
/// included: `more than 200`, `between 10 and 20`, `2,000`, `dozens`.
pub fn count_at(text: &str, at: usize) -> Option<NumberMatch> {
    let b = text.as_bytes();
    if at >= b.len() {
        return None;
    }
    // `between X and Y`, `from X to Y`.
    for (open, mid) in [("between", "and"), ("from", "to")] {
        if let Some(e) = word_is(b, at, open) {
            let p = skip_ws(b, e);
            if p > e
                && let Some((lo, e1)) = core_count(b, text, p, true)
            {
                let q = skip_ws(b, e1);
                if let Some(e2) = word_is(b, q, mid) {
                    let r = skip_ws(b, e2);
                    if let Some((hi, e3)) = core_count(b, text, r, true)
                        && hi > lo
                    {
                        return Some(NumberMatch {
                            span: at..e3,
                            quantity: Quantity::range(lo, hi),
                        });
                    }
                }
            }
        }
    }
    let (rel, qend) = match qualifier_at(b, at) {
        Some((rel, e)) => (Some(rel), e),
        None => (None, at),
    };
    let p = if rel.is_some() { skip_ws(b, qend) } else { at };
    if rel.is_none()
        && let Some((vq, e)) = vague_at(b, p)
    {
        return Some(NumberMatch { span: at..e, quantity: vq });
    }
    let (mut q, mut end) = match core_count(b, text, p, rel.is_some()) {
        Some((v, e)) => (Quantity::exact(v), e),
        None => return None,
    };
    if let Some(r) = rel {
        q = Quantity::with(r, q.value);
    }
    // After: `or more`, `or so`, `-odd`, ranges `to`/`-`/`through`, `and less than Y`.
    let a = skip_ws(b, end);
    if matches!(q.relation, Relation::Eq | Relation::About) {
        for (tail, r) in [
            (&["or", "more"][..], Relation::Ge),
            (&["and", "more"][..], Relation::Ge),
            (&["or", "greater"][..], Relation::Ge),
            (&["or", "above"][..], Relation::Ge),
            (&["or", "fewer"][..], Relation::Le),
            (&["or", "less"][..], Relation::Le),
            (&["or", "so"][..], Relation::About),
        ] {
            if let Some(e) = phrase_at(b, a, tail) {
                // Not `200 or greater than 190`, `5000 or less than 6000`: a second bound.
                let f = skip_ws(b, e);
                if word_is(b, f, "than").is_some() || b.get(f).is_some_and(u8::is_ascii_digit) {
                    break;
                }
                return Some(NumberMatch { span: at..e, quantity: Quantity::with(r, q.value) });
            }
        }
        if b.get(end) == Some(&b'-')
            && q.relation == Relation::Eq
            && let Some(e) = word_is(b, end + 1, "odd")
        {
            return Some(NumberMatch {
                span: at..e,
                quantity: Quantity::with(Relation::About, q.value),
            });
        }
        // Ranges.
        let mut r = None;
        if let Some(e) = word_is(b, a, "to").or_else(|| word_is(b, a, "through")) {
            r = Some(skip_ws(b, e));
        } else if matches!(b.get(a), Some(b'-' | b'~')) {
            r = Some(skip_ws(b, a + 1));
        } else if b.get(a..).is_some_and(|s| s.starts_with("–".as_bytes())) {
            r = Some(skip_ws(b, a + 3));
        }
        if let Some(r) = r
            && let Some((hi, e)) = core_count(b, text, r, true)
            && hi > q.value
        {
            return Some(NumberMatch { span: at..e, quantity: Quantity::range(q.value, hi) });
        }
    } else if matches!(q.relation, Relation::Gt | Relation::Ge | Relation::Lt | Relation::Le) {
        // `more than 10 and less than 20`, `at most 100 and at least 20`.
        for joiner in ["and", "but", ","] {
            let joined = if joiner == "," {
                (b.get(a) == Some(&b',')).then_some(a + 1)
            } else {
                word_is(b, a, joiner)
            };
            if let Some(e) = joined {
                let p2 = skip_ws(b, e);
                if let Some((r2, e2)) = qualifier_at(b, p2) {
                    let p3 = skip_ws(b, e2);
                    if let Some((v2, e3)) = core_count(b, text, p3, true)
                        && let Some(range) = combine(q, Quantity::with(r2, v2))
                    {
                        return Some(NumberMatch { span: at..e3, quantity: range });
                    }
                }
            }
        }
        // `more than 5000 or equal to` (but not `... or equal to 6000`)
        if let Some(e) =
            phrase_at(b, a, &["or", "equal", "to"]).or_else(|| phrase_at(b, a, &["or", "equal"]))
            && !b.get(skip_ws(b, e)).is_some_and(u8::is_ascii_digit)
        {
            q.relation = match q.relation {
                Relation::Gt => Relation::Ge,
                Relation::Lt => Relation::Le,
                r => r,
            };
            end = e;
        }
    }
    Some(NumberMatch { span: at..end, quantity: q })
}

/// Two one-sided bounds as an inclusive integer range, when they form one.
fn combine(a: Quantity, b: Quantity) -> Option<Quantity> {
    let lower = |q: Quantity| match q.relation {
        Relation::Gt => q.value.checked_add(1),
        Relation::Ge => Some(q.value),
        _ => None,
    };
    let upper = |q: Quantity| match q.relation {
        Relation::Lt => q.value.checked_sub(1),
        Relation::Le => Some(q.value),
        _ => None,
    };
    let (lo, hi) = match (lower(a), upper(b), lower(b), upper(a)) {
        (Some(lo), Some(hi), _, _) | (_, _, Some(lo), Some(hi)) => (lo, hi),
        _ => return None,
    };
    (lo <= hi).then(|| Quantity::range(lo, hi))
}

/// True when the word at `i` can begin a count expression (a qualifier, a number word, `a`,
/// `between`, `dozens`): one table lookup that spares the full reader most words of a text.
fn may_start_count(b: &[u8], i: usize) -> bool {
    let mut buf = [0u8; 16];
    let Some((w, _)) = word_at(b, i, &mut buf) else { return false };
    lookup(w).is_some()
        || BEFORE.iter().any(|(words, _)| words[0].as_bytes() == w)
        || matches!(w, b"tens" | b"between" | b"from" | b"bigger" | b"half")
}

/// Appends every count expression of `text` to `out`, in order, without overlaps (the longest
/// expression at each position). Byte spans are relative to `text`.
pub fn scan_counts(text: &str, out: &mut Vec<NumberMatch>) {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let candidate = match c {
            b'>' | b'<' => true,
            b'0'..=b'9' | b'.' | b'-' => at_boundary(b, i),
            b'a'..=b'z' | b'A'..=b'Z' => at_boundary(b, i) && may_start_count(b, i),
            _ => false,
        };
        if candidate && let Some(m) = count_at(text, i) {
            i = m.span.end.max(i + 1);
            out.push(m);
            continue;
        }
        i = next_start(b, i);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(s: &str) -> Option<String> {
        numeral_at(s, 0).map(|n| format!("{} {}", n.value, &s[n.span]))
    }

    fn counts(s: &str) -> Vec<String> {
        let mut out = Vec::new();
        scan_counts(s, &mut out);
        out.iter().map(|m| format!("{} [{}]", m.quantity, &s[m.span.clone()])).collect()
    }

    #[test]
    fn digits() {
        assert_eq!(num("1,269 people").as_deref(), Some("1269 1,269"));
        assert_eq!(num("10,000").as_deref(), Some("10000 10,000"));
        assert_eq!(num("4.800").as_deref(), Some("4.8 4.800"));
        assert_eq!(num(".08").as_deref(), Some("0.08 .08"));
        assert_eq!(num("192.168.1.2").as_deref(), Some("192 192"));
        assert_eq!(num("-9.5").as_deref(), Some("-9.5 -9.5"));
        assert_eq!(num("12,34,567.89").as_deref(), Some("1234567.89 12,34,567.89"));
        assert_eq!(num("1.111,11").as_deref(), Some("1111.11 1.111,11"));
        assert_eq!(num("1,3").as_deref(), Some("1.3 1,3"));
        assert_eq!(num("22,24,26").as_deref(), Some("22 22"));
        assert_eq!(num("3rd"), None);
        assert_eq!(num("1980s"), None);
    }

    #[test]
    fn scales() {
        assert_eq!(num("1.2bn").as_deref(), Some("1200000000 1.2bn"));
        assert_eq!(num("10 million").as_deref(), Some("10000000 10 million"));
        assert_eq!(num("2.5 million").as_deref(), Some("2500000 2.5 million"));
        assert_eq!(num("10k").as_deref(), Some("10000 10k"));
        assert_eq!(num("1,674.5 million").as_deref(), Some("1674500000 1,674.5 million"));
        assert_eq!(num("10 m").as_deref(), Some("10 10"));
    }

    #[test]
    fn words() {
        assert_eq!(num("two").as_deref(), Some("2 two"));
        assert_eq!(num("Twenty-six people").as_deref(), Some("26 Twenty-six"));
        assert_eq!(num("TWENTY-SIX").as_deref(), Some("26 TWENTY-SIX"));
        assert_eq!(num("a dozen").as_deref(), Some("12 a dozen"));
        assert_eq!(num("half a  dozen").as_deref(), Some("6 half a  dozen"));
        assert_eq!(num("a hundred").as_deref(), Some("100 a hundred"));
        assert_eq!(
            num("one thousand two hundred").as_deref(),
            Some("1200 one thousand two hundred")
        );
        assert_eq!(
            num("one hundred and sixty-one").as_deref(),
            Some("161 one hundred and sixty-one")
        );
        assert_eq!(
            num("two hundred and two thousand").as_deref(),
            Some("202000 two hundred and two thousand")
        );
        assert_eq!(
            num("three hundred and two dozens").as_deref(),
            Some("324 three hundred and two dozens")
        );
        assert_eq!(num("two point two million").as_deref(), Some("2200000 two point two million"));
        assert_eq!(
            num("4 thousand 3 hundred and 21").as_deref(),
            Some("4321 4 thousand 3 hundred and 21")
        );
        assert_eq!(num("minus five point five").as_deref(), Some("-5.5 minus five point five"));
        assert_eq!(num("fifty - two").as_deref(), Some("52 fifty - two"));
        assert_eq!(
            num("three thousand millions").as_deref(),
            Some("3000000000 three thousand millions")
        );
        assert_eq!(num("one and"), Some("1 one".into()));
    }

    #[test]
    fn qualifiers() {
        assert_eq!(counts("a total of 38 diplomats"), ["38 [a total of 38]"]);
        assert_eq!(counts("more than 200 people"), [">200 [more than 200]"]);
        assert_eq!(counts("over 1,000"), [">1000 [over 1,000]"]);
        assert_eq!(counts("at least 45 were"), [">=45 [at least 45]"]);
        assert_eq!(counts("about 40"), ["~40 [about 40]"]);
        assert_eq!(counts("AROUND 40"), ["~40 [AROUND 40]"]);
        assert_eq!(counts("an estimated 2.5 million"), ["~2500000 [an estimated 2.5 million]"]);
        assert_eq!(counts("some 300 troops"), ["~300 [some 300]"]);
        assert_eq!(counts("nearly 300"), ["<300 [nearly 300]"]);
        assert_eq!(counts("almost two dozen"), ["<24 [almost two dozen]"]);
        assert_eq!(counts("up to 700 workers"), ["<=700 [up to 700]"]);
        assert_eq!(counts("fewer than a thousand"), ["<1000 [fewer than a thousand]"]);
        assert_eq!(counts("200 or more"), [">=200 [200 or more]"]);
        assert_eq!(counts("approximately 150"), ["~150 [approximately 150]"]);
        assert_eq!(counts("roughly 150"), ["~150 [roughly 150]"]);
        assert_eq!(counts("less than 20"), ["<20 [less than 20]"]);
        assert_eq!(counts("under 20"), ["<20 [under 20]"]);
        assert_eq!(counts("no more than 20"), ["<=20 [no more than 20]"]);
        assert_eq!(counts("MORE THAN 200 DIPLOMATS"), [">200 [MORE THAN 200]"]);
        assert_eq!(counts("a hundred diplomats"), ["100 [a hundred]"]);
    }

    #[test]
    fn ranges() {
        assert_eq!(counts("10 to 20 people"), ["10..20 [10 to 20]"]);
        assert_eq!(counts("10-20 people"), ["10..20 [10-20]"]);
        assert_eq!(counts("between 10 and 20 people"), ["10..20 [between 10 and 20]"]);
        assert_eq!(counts("from ten to twenty"), ["10..20 [from ten to twenty]"]);
        assert_eq!(
            counts("more than 10 and less than 20"),
            ["11..19 [more than 10 and less than 20]"]
        );
    }

    #[test]
    fn vague() {
        assert_eq!(counts("dozens of diplomats"), [">=24 [dozens]"]);
        assert_eq!(counts("hundreds of thousands of people"), [">=200000 [hundreds of thousands]"]);
        assert_eq!(counts("tens of thousands"), [">=20000 [tens of thousands]"]);
        assert_eq!(counts("a couple of weeks"), ["~2 [a couple of]"]);
    }

    #[test]
    fn not_counts() {
        assert!(counts("in 2022").is_empty());
        assert!(counts("10% of").is_empty());
        assert!(counts("10 percent").is_empty());
        assert!(counts("$5m fine").is_empty());
        assert!(counts("£20").is_empty());
        assert!(counts("the 3rd time").is_empty());
        assert!(counts("at 5pm").is_empty());
        assert!(counts("at 5 p.m.").is_empty());
        assert!(counts("at 10:30").is_empty());
        assert!(counts("the 1980s").is_empty());
        assert!(counts("COVID-19 cases").is_empty());
        assert!(counts("March 23, 2022.").is_empty() || counts("March 23, 2022.") == ["23 [23]"]);
        assert!(counts("dated 2022-03-29 in").is_empty());
        assert_eq!(counts("2,000 troops"), ["2000 [2,000]"]);
        assert_eq!(counts("2000 troops"), ["2000 [2000]"]);
        assert_eq!(counts("Poland expelled 45 Russian diplomats"), ["45 [45]"]);
    }

    #[test]
    fn long_inputs_finish() {
        // Linear scan: a long run of numbers, words and spaces is read once.
        let s = "more than 1,000 and about two hundred and six, 1.2.3 ".repeat(20_000);
        let mut out = Vec::new();
        scan_counts(&s, &mut out);
        assert!(out.len() >= 20_000);
        let spaces = format!("more{}than 5", " ".repeat(100_000));
        assert_eq!(counts(&spaces).len(), 1);
    }

    #[test]
    fn no_panic_on_junk() {
        let junk = ",".repeat(10_000);
        assert!(counts(&junk).is_empty());
        let s = "1,2,3,4,5,6,7,8,9,0,1,2,3,4,5 99999999999999999999999999999999999999999999 trillion trillion";
        let _ = counts(s);
        let _ = counts("é1é two-é -. . 1. 1,");
        let mut v = Vec::new();
        scan_numerals("\u{0}\u{ff}1\u{2009}%", &mut v);
    }
}
