//! Articles as the extractor reads them.
//!
//! An [`Article`] keeps a *reading text* of exactly the same length as the file on disk: markup
//! that must not be read (the `date YYYY-MM-DD` dateline keyword, Markdown syntax, front matter,
//! code, HTML comments, link URLs) is overwritten with spaces, newlines kept. Every byte offset
//! in the reading text is therefore the same offset in the original file, and no span is ever
//! mapped back by searching.

use super::Format;
use super::dateline::{FC212, find_bad_dateline, find_dateline};
use crate::diag::Diagnostic;
use crate::model::{PartialDate, Span};
use crate::source::FileId;

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
    /// A dateline that is no date (FC212): the span of its value.
    pub bad_dateline: Option<Span>,
}

impl Article {
    /// Prepares `source` (the file's text as on disk) for reading. `date` overrides any dateline.
    pub fn prepare(file: FileId, source: &str, format: Format, date: Option<PartialDate>) -> Self {
        let mut bytes = source.as_bytes().to_vec();
        let mut dateline = None;
        let mut dateline_span = None;
        let mut bad_dateline = None;
        if format == Format::Markdown {
            let md = super::markdown::mask(source, &mut bytes);
            dateline = md.date;
            dateline_span = md.date_span;
            bad_dateline = md.bad_date;
        } else {
            super::suppress::blank_text_directives(source, &mut bytes);
        }
        if dateline.is_none()
            && let Some((d, span, keyword)) = find_dateline(source)
        {
            dateline = Some(d);
            dateline_span = Some(span);
            bytes[keyword].fill(b' ');
        } else if dateline.is_none()
            && bad_dateline.is_none()
            && let Some((value, line)) = find_bad_dateline(source)
        {
            // Not prose either: `date 2022-13-45` is a mistyped dateline.
            if let Some(b) = bytes.get_mut(line) {
                b.fill(b' ');
            }
            bad_dateline = Some(value);
        }
        // Only whole ASCII runs and whole multi-byte characters are ever blanked, so this
        // cannot fail; fall back to the original text rather than panic if it ever did.
        let text = String::from_utf8(bytes).unwrap_or_else(|_| source.to_string());
        Article { file, text, dateline: date.or(dateline), dateline_span, bad_dateline }
    }

    /// The warning for a dateline that is no date (FC212), saying which date is used instead.
    pub fn dateline_diagnostic(&self, source: &str) -> Option<Diagnostic> {
        let span = self.bad_dateline.clone()?;
        let value = source.get(span.clone()).unwrap_or("");
        let note = match self.dateline {
            Some(d) => format!("the date {d} (given with --date or the article's record) is used"),
            None => "no dateline is used: relative dates (\"on Tuesday\") are not resolved".into(),
        };
        Some(
            Diagnostic::warning(FC212, self.file, span, format!("invalid dateline `{value}`"))
                .with_label("not a calendar day YYYY-MM-DD")
                .with_note(note)
                .with_help("write the date as YYYY-MM-DD, a real day (`date 2022-03-29`)"),
        )
    }
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
    fn a_bad_dateline_is_named_and_not_read() {
        let src = "date 2022-13-45\nItaly expelled 30 Russian diplomats.";
        let a = Article::prepare(FileId(0), src, Format::Text, None);
        assert_eq!(a.dateline, None);
        assert!(a.text.starts_with("               \nItaly"));
        let d = a.dateline_diagnostic(src).expect("FC212");
        assert_eq!((d.code, &src[d.primary.span.clone()]), (FC212, "2022-13-45"));
        assert!(d.notes.iter().any(|n| n.contains("no dateline is used")), "{d:?}");
    }
}
