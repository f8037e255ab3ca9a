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
//! | `a couple of` / `a pair of` / `a handful of` | `~2` / `2` / `2..5` |
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
//! parts of `2022-03-29` and `5/12`, numbers written with a leading zero (`03`), and ages (`a
//! 41-year-old`, `41 years old`, `aged 41`, `Bracy, 21, was charged`).
//!
//! [`count_part`] tells the role layer what a count is of: the whole, a subset (`among them 30
//! children`, `including 210 children`, `six of them`), or members of a group whose count follows
//! (`one of the three men charged`: the group is 3). A running total (`raised the death toll to
//! 31`, `bringing the number to over 5,000`) and a figure between dashes (`- now nearly 200 -`)
//! are read as written (`31`, `>5000`, `<200`).
//!
//! Everything is one left-to-right pass over bytes with a small word table; nothing allocates.

use crate::model::{Quantity, Relation, Span};

mod context;
mod count;
mod digits;
mod lex;
mod numeral;
mod part;

pub(in crate::extract) use context::*;
pub use count::*;
pub(in crate::extract) use digits::*;
pub(in crate::extract) use lex::*;
pub use numeral::*;
pub use part::*;

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

#[cfg(test)]
mod tests;
