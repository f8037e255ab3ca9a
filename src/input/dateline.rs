//! Datelines: the date an article is written on, against which its relative dates resolve.
//!
//! A plain-text article may start with `date YYYY-MM-DD` (its first non-blank line); Markdown
//! front matter gives a `date:` ([`super::markdown`]); a JSON Lines article a `"date"` field
//! ([`crate::input::jsonl`]). All of them read the date with [`iso_date`].

use crate::model::{PartialDate, Span};

/// FC212 `invalid-dateline` (warning): a dateline that is no date: `date 2022-13-45` on the
/// first line of a plain-text article, or a front-matter `date: 2022-13-45` or
/// `date: "March 29, 2022"` in Markdown.
///
/// ```text
/// date 2022-13-45                        warning[FC212]: invalid dateline `2022-13-45`
/// Italy expelled 30 Russian diplomats.   = note: no dateline is used: relative dates
///                                          ("on Tuesday") are not resolved
/// ```
///
/// The dateline is not used, and its line is not read as prose. The note says which date is
/// used instead: the one given with `--date` or a JSON Lines `date`, or none. Write the date as
/// `YYYY-MM-DD`, a real calendar day.
pub const FC212: &str = "FC212";

/// A first line that is meant as a dateline but is no date: `date` and a word starting with a
/// digit that [`find_dateline`] does not read (`date 2022-13-45`, `date 29/03/2022`). Returns
/// the span of that word and the span of the whole `date WORD` (blanked: not prose).
pub fn find_bad_dateline(source: &str) -> Option<(Span, Span)> {
    if find_dateline(source).is_some() {
        return None;
    }
    let start = source.len() - source.trim_start().len();
    let after = source.get(start..)?.strip_prefix("date")?;
    let value = after.trim_start_matches([' ', '\t']);
    if value.len() == after.len() || !value.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let value_start = source.len() - value.len();
    let len = value.find(char::is_whitespace).unwrap_or(value.len());
    Some((value_start..value_start + len, start..value_start + len))
}

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

    #[test]
    fn bad_datelines() {
        let src = "date 2022-13-45\nItaly expelled 30 Russian diplomats.";
        let (value, blank) = find_bad_dateline(src).expect("a bad dateline");
        assert_eq!((&src[value], &src[blank]), ("2022-13-45", "date 2022-13-45"));
        assert!(find_bad_dateline("date 2022-03-29\n").is_none());
        assert!(find_bad_dateline("date night was fun\n").is_none());
        assert!(find_bad_dateline("dated 2022-13-45\n").is_none());
    }
}
