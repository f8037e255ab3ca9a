//! Markdown articles: blanks everything that is not prose in the reading text, keeping byte
//! offsets, and reads the front matter's `date:`.
//!
//! The document is parsed with `pulldown-cmark` (`into_offset_iter`, so every event carries its
//! byte range in the file). The reading text starts fully blank (spaces, line terminators kept)
//! and only the byte ranges of prose text events are copied back: paragraphs, headings, list
//! items, emphasis, table cells, block quotes, and the text of links and the alt text of images.
//! Everything else stays blank: YAML (`---`) and TOML (`+++`) front matter, fenced and indented
//! code blocks, inline code, HTML blocks and inline HTML (comments included), link and image
//! URLs and titles, autolinks, reference definitions, struck-through text (`~~15~~`: an editor's
//! deletion is not a claim), and every markup character (`#`, `*`, `_`, `>`, list markers,
//! backslash escapes, table pipes).
//!
//! Kept ranges always start and end on character boundaries, so only whole characters are ever
//! blanked and the reading text stays valid UTF-8 of exactly the file's length.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, MetadataBlockKind, Options, Parser, Tag, TagEnd};

use crate::model::{PartialDate, Span};

/// What masking learnt about the document.
#[derive(Debug, Default, Clone)]
pub struct MarkdownInfo {
    /// `date:` from YAML or TOML front matter.
    pub date: Option<PartialDate>,
    /// Byte span of the `YYYY-MM-DD` the date was read from.
    pub date_span: Option<Span>,
    /// The value of a `date:` key that is no date (FC212).
    pub bad_date: Option<Span>,
    /// Byte spans of raw HTML (HTML blocks and inline HTML) outside code: where suppression
    /// comments (`<!-- factcheck-disable -->`) may be. See [`crate::input::suppress`].
    pub html: Vec<Span>,
}

/// The parser options factcheck reads Markdown with (CommonMark plus front matter, tables and
/// strikethrough).
fn options() -> Options {
    Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
}

/// Blanks non-prose bytes of `source` in `bytes` (a copy of it, same length) with spaces, and
/// returns the front matter's date and where raw HTML is.
///
/// `bytes` must be `source.as_bytes()` (possibly already partly blanked); bytes that are kept are
/// left as they are in `bytes`.
pub fn mask(source: &str, bytes: &mut [u8]) -> MarkdownInfo {
    let mut info = MarkdownInfo::default();
    if bytes.len() != source.len() {
        return info;
    }
    let mut keep: Vec<Range<usize>> = Vec::new();
    // Depth counters of the containers whose text is not prose.
    let mut in_metadata = 0usize;
    let mut in_code = 0usize;
    let mut in_strike = 0usize;
    let mut link_stack: Vec<bool> = Vec::new();
    for (event, range) in Parser::new_ext(source, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::MetadataBlock(kind)) => {
                in_metadata += 1;
                if info.date.is_none()
                    && info.bad_date.is_none()
                    && let Some(found) = front_matter_date(source, range.clone(), kind)
                    && let Ok((date, span)) = found.map_err(|bad| info.bad_date = Some(bad))
                {
                    info.date = Some(date);
                    info.date_span = Some(span);
                }
            }
            Event::End(TagEnd::MetadataBlock(_)) => in_metadata = in_metadata.saturating_sub(1),
            Event::Start(Tag::CodeBlock(_)) => in_code += 1,
            Event::End(TagEnd::CodeBlock) => in_code = in_code.saturating_sub(1),
            Event::Start(Tag::Strikethrough) => in_strike += 1,
            Event::End(TagEnd::Strikethrough) => in_strike = in_strike.saturating_sub(1),
            Event::Start(Tag::Link { link_type, .. }) => {
                link_stack.push(matches!(link_type, LinkType::Autolink | LinkType::Email));
            }
            Event::End(TagEnd::Link) => {
                link_stack.pop();
            }
            Event::Start(Tag::HtmlBlock) => info.html.push(range),
            Event::InlineHtml(_) => info.html.push(range),
            Event::Text(_)
                if in_metadata == 0
                    && in_code == 0
                    && in_strike == 0
                    && !link_stack.contains(&true) =>
            {
                keep.push(range)
            }
            _ => {}
        }
    }
    keep.sort_by_key(|r| r.start);
    let mut next = 0usize;
    for r in keep {
        if r.start < next
            || r.end > source.len()
            || !source.is_char_boundary(r.start)
            || !source.is_char_boundary(r.end)
        {
            continue;
        }
        blank(&mut bytes[next..r.start]);
        next = r.end;
    }
    if let Some(rest) = bytes.get_mut(next..) {
        blank(rest);
    }
    info
}

/// Overwrites every byte but line terminators with a space.
fn blank(bytes: &mut [u8]) {
    for b in bytes {
        if *b != b'\n' && *b != b'\r' {
            *b = b' ';
        }
    }
}

/// Reads `date: 2022-03-29` (YAML) or `date = 2022-03-29` (TOML) from a front-matter block,
/// quoted or not, and also a date-time (`2022-03-29T10:00:00Z`): the day is taken. Returns the
/// date and the span of its `YYYY-MM-DD`; a `date` key whose value cannot be read
/// (`2022-13-45`, `"March 29, 2022"`) is `Err` with the span of the value (FC212).
fn front_matter_date(
    source: &str,
    block: Range<usize>,
    kind: MetadataBlockKind,
) -> Option<Result<(PartialDate, Span), Span>> {
    let text = source.get(block.clone())?;
    let sep = match kind {
        MetadataBlockKind::YamlStyle => ':',
        MetadataBlockKind::PlusesStyle => '=',
    };
    let mut offset = block.start;
    for line in text.split_inclusive('\n') {
        let line_start = offset;
        offset += line.len();
        // Only top-level keys: an indented `date:` belongs to a nested map.
        let Some(rest) = line.strip_prefix("date") else { continue };
        let rest_trimmed = rest.trim_start_matches([' ', '\t']);
        let Some(value) = rest_trimmed.strip_prefix(sep) else { continue };
        let value_trimmed = value.trim_start_matches([' ', '\t']);
        let quote = value_trimmed.starts_with(['"', '\'']) as usize;
        let start = line_start + (line.len() - value_trimmed.len()) + quote;
        let value_end = line_start + line.trim_end().len();
        let bad = Err(start.saturating_sub(quote)..value_end.max(start));
        if value_end <= start {
            return Some(bad);
        }
        let Some(date) = source.get(start..start + 10).and_then(crate::input::dateline::iso_date)
        else {
            return Some(bad);
        };
        let after = source.as_bytes().get(start + 10).copied();
        if matches!(after, Some(b) if !(b.is_ascii_whitespace() || b"\"'T ".contains(&b))) {
            return Some(bad);
        }
        return Some(Ok((date, start..start + 10)));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{Article, Format};
    use crate::source::{FileId, SourceFile};

    fn masked(src: &str) -> (String, MarkdownInfo) {
        let mut bytes = src.as_bytes().to_vec();
        let info = mask(src, &mut bytes);
        let text = String::from_utf8(bytes).expect("masking keeps UTF-8");
        assert_eq!(text.len(), src.len());
        (text, info)
    }

    /// Every kept byte equals the source's; every other is a space or a line terminator.
    fn assert_mask_shape(src: &str, text: &str) {
        for (a, b) in src.bytes().zip(text.bytes()) {
            assert!(a == b || b == b' ', "byte {a:?} became {b:?}");
            if a == b'\n' {
                assert_eq!(b, b'\n');
            }
        }
    }

    #[test]
    fn yaml_front_matter_gives_the_dateline_and_is_blanked() {
        let src =
            "---\ntitle: Expulsions\ndate: 2022-03-29\n---\n\nPoland expelled 45 diplomats.\n";
        let (text, info) = masked(src);
        assert_eq!(info.date, Some(PartialDate::ymd(2022, 3, 29)));
        let span = info.date_span.clone().unwrap();
        assert_eq!(&src[span], "2022-03-29");
        assert!(!text.contains("title"));
        assert!(!text.contains("2022"));
        assert!(text.contains("Poland expelled 45 diplomats."));
        assert_eq!(text.find("Poland"), src.find("Poland"));
        assert_mask_shape(src, &text);
    }

    #[test]
    fn toml_front_matter_and_quoted_datetime() {
        let src = "+++\ndate = \"2022-04-15T09:00:00Z\"\n+++\nRussia expelled 18 diplomats.\n";
        let (text, info) = masked(src);
        assert_eq!(info.date, Some(PartialDate::ymd(2022, 4, 15)));
        assert_eq!(&src[info.date_span.unwrap()], "2022-04-15");
        assert!(text.trim_start().starts_with("Russia expelled 18"));
    }

    #[test]
    fn bad_front_matter_date_is_no_date() {
        let src = "---\ndate: 2022-02-30\n---\nText.\n";
        let (_, info) = masked(src);
        assert_eq!(info.date, None);
        assert_eq!(info.bad_date.map(|s| &src[s]), Some("2022-02-30"));
        let src = "---\ndate: \"March 29, 2022\"\n---\nText.\n";
        let (_, info) = masked(src);
        assert_eq!(info.bad_date.map(|s| &src[s]), Some("\"March 29, 2022\""));
        let (_, info) = masked("---\n  date: 2022-02-03\n---\nText.\n");
        assert_eq!(info.date, None, "nested keys are not the dateline");
        let (_, info) = masked("Text.\n\ndate: 2022-02-03\n");
        assert_eq!(info.date, None, "front matter only at the top");
    }

    #[test]
    fn code_html_and_urls_are_blanked() {
        let src = "Intro `Russia expelled 9 X` here.\n\n```\nPoland expelled 45 Russia\n```\n\n    indented code 12\n\n<!-- Japan expelled 8 -->\n\nSee [the *statement*](https://example.org/expelled-17 \"Title 17\") and <https://a.b/c>.\n\n<div>\nHTML 3\n</div>\n\n[ref]: https://example.org/x \"t\"\n";
        let (text, info) = masked(src);
        for gone in [
            "Russia expelled 9",
            "Poland",
            "indented",
            "Japan",
            "example",
            "Title",
            "a.b",
            "HTML",
            "[ref]",
            "`",
            "*",
            "[",
            "]",
        ] {
            assert!(!text.contains(gone), "{gone:?} should be blanked in {text:?}");
        }
        for kept in ["Intro", "here.", "See", "the", "statement", "and"] {
            assert!(text.contains(kept), "{kept:?} should be kept");
        }
        assert_eq!(info.html.len(), 2);
        assert_eq!(&src[info.html[0].clone()].trim_end(), &"<!-- Japan expelled 8 -->");
        assert_mask_shape(src, &text);
    }

    #[test]
    fn markup_characters_are_blanked_text_stays_in_place() {
        let src = "# Expulsions *today*\n\n- Poland expelled **45** diplomats\n- Belgium expelled 21\n\n> Quoted 3 words\n\n~~15~~ 17 people.\n";
        let (text, _) = masked(src);
        assert_eq!(
            text,
            "  Expulsions  today \n\n  Poland expelled   45   diplomats\n  Belgium expelled 21\n\n  Quoted 3 words\n\n       17 people.\n"
        );
    }

    #[test]
    fn multibyte_characters_are_blanked_whole() {
        let src = "“Quote” — `código` and <!-- ¿qué? --> ünïcode.\n";
        let (text, _) = masked(src);
        assert!(text.contains("“Quote” —"));
        assert!(text.contains("ünïcode."));
        assert!(!text.contains("código"));
        assert_mask_shape(src, &text);
    }

    #[test]
    fn line_and_column_are_those_of_the_source() {
        let src = "---\ndate: 2022-03-29\n---\n\n* Item one\n* The **Netherlands** expelled 17 diplomats.\n";
        let a = Article::prepare(FileId(0), src, Format::Markdown, None);
        assert_eq!(a.dateline, Some(PartialDate::ymd(2022, 3, 29)));
        let at = a.text.find("Netherlands").unwrap();
        let file = SourceFile::new("a.md", src);
        assert_eq!(file.line_col(at), (6, 9));
        assert_eq!(&src[at..at + 11], "Netherlands");
        let n = a.text.find("17").unwrap();
        assert_eq!(file.line_col(n), (6, 32));
    }

    #[test]
    fn junk_never_panics() {
        for src in [
            "",
            "---",
            "---\n",
            "+++\n+++",
            "\u{0}\u{1}```",
            "<!--",
            "[a](",
            "***\n---\n",
            "date: x",
        ] {
            let (text, _) = masked(src);
            assert_eq!(text.len(), src.len());
        }
        let commas = ",".repeat(10_000);
        let (text, _) = masked(&commas);
        assert_eq!(text, commas);
    }

    proptest::proptest! {
        /// Any input: same length, valid UTF-8, kept bytes unchanged, line terminators kept.
        #[test]
        fn mask_keeps_shape(src in "(\\PC|[\n*_`#>\\-+<!\\[\\]()~|])*") {
            let (text, _) = masked(&src);
            assert_mask_shape(&src, &text);
            proptest::prop_assert_eq!(text.matches('\n').count(), src.matches('\n').count());
        }
    }
}
