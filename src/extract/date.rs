//! Reading dates in English news text, resolved against the article's dateline: ISO dates,
//! `March 23`, `on Friday (April 15)`, `on Tuesday`, `today`, `yesterday`, `last week`,
//! `earlier this month`, and ranges.

use crate::model::{DateSpec, PartialDate, Span};

/// A date read from text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMatch {
    /// The whole expression (`on Friday (April 15)`).
    pub span: Span,
    pub date: DateSpec,
}

/// Appends every date expression of `text` to `out`, in order, without overlaps. `reference`
/// is the dateline: relative expressions resolve against it, and stay unresolved (are not
/// reported) without it; a month-day with no year takes the year that puts it nearest before
/// the reference, and stays `--MM-DD` without one.
pub fn scan_dates(text: &str, reference: Option<PartialDate>, out: &mut Vec<DateMatch>) {
    // Placeholder: ISO dates only, until the date reader lands.
    let _ = reference;
    let b = text.as_bytes();
    let mut i = 0;
    while i + 10 <= b.len() {
        if let Some(d) = text.get(i..i + 10).and_then(crate::article::iso_date) {
            out.push(DateMatch { span: i..i + 10, date: DateSpec::On(d) });
            i += 10;
        } else {
            i += 1;
        }
    }
}
