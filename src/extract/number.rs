//! Reading counts in English news text: digits with separators, number words, scales, and the
//! words that qualify a count (`more than`, `about`, `at least`, `up to`), and ranges.

use crate::model::{Quantity, Span};

/// A count read from text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberMatch {
    /// The whole expression, qualifiers included (`more than 200`).
    pub span: Span,
    pub quantity: Quantity,
}

/// Appends every count expression of `text` to `out`, in order, without overlaps (the longest
/// expression at each position). Byte spans are relative to `text`.
pub fn scan_counts(text: &str, out: &mut Vec<NumberMatch>) {
    // Placeholder: plain digit runs only, until the number reader lands.
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_alphanumeric()) {
            let s = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            if let Ok(v) = text[s..i].parse::<u64>() {
                out.push(NumberMatch { span: s..i, quantity: Quantity::exact(v) });
            }
        } else {
            i += 1;
        }
    }
}
