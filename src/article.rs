//! Articles as the extractor reads them.
//!
//! An [`Article`] keeps a *reading text* of exactly the same length as the file on disk: markup
//! that must not be read (the `date YYYY-MM-DD` dateline keyword, Markdown syntax, front matter,
//! code, HTML comments, link URLs) is overwritten with spaces, newlines kept. Every byte offset
//! in the reading text is therefore the same offset in the original file, and no span is ever
//! mapped back by searching.

use crate::model::{PartialDate, Span};
use crate::source::FileId;

/// How an article file is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
}

impl Format {
    /// `.md`, `.markdown`, `.mdx` are Markdown; anything else is plain text.
    pub fn from_path(path: &std::path::Path) -> Self {
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("md" | "markdown" | "mdx") => Format::Markdown,
            _ => Format::Text,
        }
    }
}

/// An article ready for extraction.
#[derive(Debug, Clone)]
pub struct Article {
    pub file: FileId,
    /// Same length as the original; unreadable markup blanked with spaces.
    pub text: String,
    /// The date the article was written, from its dateline, front matter or `--date`.
    pub dateline: Option<PartialDate>,
    /// Where the dateline was read, if it came from the file.
    pub dateline_span: Option<Span>,
}

impl Article {
    /// Prepares `source` (the file's text as on disk) for reading. `date` overrides any dateline.
    pub fn prepare(file: FileId, source: &str, format: Format, date: Option<PartialDate>) -> Self {
        let mut bytes = source.as_bytes().to_vec();
        let mut dateline = None;
        let mut dateline_span = None;
        if format == Format::Markdown {
            let md = crate::markdown::mask(source, &mut bytes);
            dateline = md.date;
            dateline_span = md.date_span;
        } else {
            crate::suppress::blank_text_directives(source, &mut bytes);
        }
        if dateline.is_none()
            && let Some((d, span, keyword)) = find_dateline(source)
        {
            dateline = Some(d);
            dateline_span = Some(span);
            bytes[keyword].fill(b' ');
        }
        // Only whole ASCII runs and whole multi-byte characters are ever blanked, so this
        // cannot fail; fall back to the original text rather than panic if it ever did.
        let text = String::from_utf8(bytes).unwrap_or_else(|_| source.to_string());
        Article { file, text, dateline: date.or(dateline), dateline_span }
    }
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
    fn dateline_is_read_and_blanked() {
        let src = " date 2022-03-29 Brussels [Belgium], March 29 (ANI): The";
        let a = Article::prepare(FileId(0), src, Format::Text, None);
        assert_eq!(a.dateline, Some(PartialDate::ymd(2022, 3, 29)));
        assert_eq!(a.text.len(), src.len());
        assert!(a.text.starts_with("                 Brussels"));
    }

    #[test]
    fn no_dateline() {
        assert!(find_dateline("dated 2022-03-29").is_none());
        assert!(find_dateline("date 2022-02-30\n").is_none());
        assert!(find_dateline("").is_none());
        assert!(find_dateline("date 2022").is_none());
    }
}
