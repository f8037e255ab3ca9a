//! Datelines: the date an article is written on, against which its relative dates resolve.
//!
//! A plain-text article may start with `date YYYY-MM-DD` (its first non-blank line); Markdown
//! front matter gives a `date:` ([`super::markdown`]); a JSON Lines article a `"date"` field
//! ([`crate::input::jsonl`]). All of them read the date with [`iso_date`].

use crate::model::{PartialDate, Span};

/// Reads a dateline `date YYYY-MM-DD` at the start of the first non-blank line. Returns the date,
/// the span of the date, and the span to blank (`date YYYY-MM-DD`).
pub fn find_dateline(source: &str) -> Option<(PartialDate, Span, Span)> {
    let start = source.len() - source.trim_start().len();
    let rest = &source[start..];
    let after = rest.strip_prefix("date")?;
    let ws = after.len() - after.trim_start_matches([' ', '\t']).len();
    if ws == 0 {
        return None;
    }
    let date_start = start + 4 + ws;
    let date = iso_date(source.get(date_start..date_start + 10)?)?;
    if let Some(&next) = source.as_bytes().get(date_start + 10)
        && !next.is_ascii_whitespace()
    {
        return None;
    }
    Some((date, date_start..date_start + 10, start..date_start + 10))
}

/// Parses exactly `YYYY-MM-DD` (a real calendar day).
pub fn iso_date(d: &str) -> Option<PartialDate> {
    let b = d.as_bytes();
    if b.len() != 10 {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)) {
        return None;
    }
    let y: i32 = d.get(0..4)?.parse().ok()?;
    let m: u8 = d.get(5..7)?.parse().ok()?;
    let day: u8 = d.get(8..10)?.parse().ok()?;
    let date = PartialDate::ymd(y, m, day);
    date.to_civil()?;
    Some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_dateline() {
        assert!(find_dateline("dated 2022-03-29").is_none());
        assert!(find_dateline("date 2022-02-30\n").is_none());
        assert!(find_dateline("").is_none());
        assert!(find_dateline("date 2022").is_none());
    }
}
