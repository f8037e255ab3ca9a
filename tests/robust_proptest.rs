//! Property tests of the readers on arbitrary input: the extractor (with the shipped rules), the
//! syntax analyzer and the JSON Lines reader never panic, and what they return points into the
//! input: every span in bounds and on character boundaries, facts and sentences in text order,
//! one result for each JSON Lines line, in order. The text mixes what the readers look for
//! (trigger words, country names, numbers, dates, datelines, directives) with what breaks
//! naive readers (bidi and zero-width format characters, non-Latin scripts, combining marks,
//! CR, long runs without punctuation, arbitrary Unicode).
//!
//! Case counts are bounded so the file runs in seconds in CI: `PROPTEST_CASES` (default 96).
//! The claim language's parser has its own property tests (`lang_proptest.rs`).

use std::ops::Range;

use factcheck::extract::Extractor;
use factcheck::input::jsonl::{Reader, parse_line};
use factcheck::input::{Article, Format};
use factcheck::lexicon::Lexicon;
use factcheck::source::{FileId, SourceFile};
use factcheck::syntax::{Analyzer, split_sentences};
use proptest::prelude::*;

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(96)
}

/// News-like text with hostile characters.
fn text() -> impl Strategy<Value = String> {
    let frag = prop_oneof![
        4 => prop::sample::select(vec![
            "Poland", "Russia", "Russian", "diplomats", "expelled", "has not expelled", "killed",
            "wounded", "the United States", "Germany and France", "45", "1,200", "4.5", "three",
            "dozens of", "on Tuesday", "March 29, 2022", "2022-03-29", "last week", "said", "of",
            "them", "by", "Mr.", "U.S.", "(", ")", "\"", "“", "”", ",", ".", "!", "?", ";", ":",
            "-", "—", "'s", " ", " ", " ", "\n", "\r\n", "\r", "\n\n", "\t",
            "date 2022-03-29\n", "date 2022-13-45\n", "---\ndate: 2022-03-29\n---\n",
            "factcheck-disable\n", "<!-- factcheck-ignore-next-line -->\n", "```\n", "# ", "> ",
            "\u{200b}", "\u{200e}", "\u{200f}", "\u{202e}", "\u{2066}", "\u{feff}", "\u{301}",
            "\u{0}", "\u{fffd}", "\u{2028}", "\u{85}", "مصر", "طرد", "Ελλάδα", "日本", "🇵🇱", "ﬁ",
        ]).prop_map(str::to_string),
        1 => "[a-zA-Z0-9 ]{0,300}",
        1 => any::<String>(),
    ];
    prop::collection::vec(frag, 0..80).prop_map(|v| v.join(" "))
}

fn assert_span(text: &str, s: &Range<usize>, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(s.start <= s.end && s.end <= text.len(), "{what} {s:?} out of 0..{}", text.len());
    prop_assert!(
        text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
        "{what} {s:?} not on character boundaries"
    );
    Ok(())
}

fn extractor() -> &'static Extractor {
    static E: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
    E.get_or_init(|| {
        let mut sources = factcheck::source::SourceMap::new();
        let loaded = factcheck::lint::load(&mut sources, &[], true);
        let lexicon: Lexicon = loaded.lexicon;
        Extractor::new(&lexicon)
    })
}

fn check_extract(text: &str, format: Format) -> Result<(), TestCaseError> {
    let article = Article::prepare(FileId(0), text, format, None);
    prop_assert_eq!(article.text.len(), text.len());
    let facts = extractor().extract(&article);
    let mut last = 0;
    for f in &facts {
        prop_assert_eq!(f.file, FileId(0));
        assert_span(text, &f.span, "fact")?;
        assert_span(text, &f.predicate_span, "predicate")?;
        for s in
            [&f.subject_span, &f.quantity_span, &f.object_span, &f.date_span].into_iter().flatten()
        {
            assert_span(text, s, "part")?;
        }
        prop_assert!(f.span.start >= last, "facts out of text order: {:?}", facts);
        last = f.span.start;
    }
    let _ = article.dateline_diagnostic(text);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn extraction_never_panics_and_points_into_the_text(t in text()) {
        check_extract(&t, Format::Text)?;
        check_extract(&t, Format::Markdown)?;
    }

    #[test]
    fn the_syntax_layer_never_panics_and_points_into_the_text(t in text()) {
        let analyzer = Analyzer::new();
        let mut last = 0;
        for range in split_sentences(&t) {
            assert_span(&t, &range, "sentence")?;
            prop_assert!(range.start >= last, "sentences out of order");
            last = range.end;
            let s = analyzer.analyze_sentence(&t, range.clone());
            let mut prev = range.start;
            for tok in &s.tokens {
                assert_span(&t, &tok.span, "token")?;
                prop_assert!(tok.span.start >= prev && tok.span.end <= range.end, "token {:?} in {range:?}", tok.span);
                prev = tok.span.end;
                prop_assert!(tok.head.is_none_or(|h| (h as usize) < s.tokens.len()));
                let _ = s.lemma(tok);
            }
        }
        // Any range, even out of bounds or inside a character, is no panic.
        let n = t.len();
        let _ = analyzer.analyze_sentence(&t, n / 3..n + 2);
        let _ = analyzer.analyze_sentence(&t, 1..n.saturating_sub(1));
    }

    #[test]
    fn json_lines_give_one_result_a_line_in_order(
        lines in prop::collection::vec(prop_oneof![
            3 => text().prop_map(|t| serde_json::json!({"id": "x", "text": t}).to_string()),
            1 => text().prop_map(|t| serde_json::json!({"text": t, "date": "2022-03-29T10:00:00Z"}).to_string()),
            1 => prop::sample::select(vec![
                "", " ", "[\"array\"]", "\"text\"", "{}", "{\"text\": 3}", "{\"text\": \"a\", \"date\": \"\"}",
                "{\"text\": \"a\", \"date\": \"2022-02-30\"}", "{\"text\": \"a\", \"id\": null}", "{", "\u{feff}{\"text\": \"a\"}",
            ]).prop_map(str::to_string),
            1 => any::<String>().prop_map(|s| s.replace(['\n', '\r'], " ")),
        ], 0..30),
        cr in any::<bool>(),
    ) {
        let end = if cr { "\r\n" } else { "\n" };
        let data = lines.join(end);
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.jsonl");
        std::fs::write(&path, &data).expect("write");
        let mut reader = Reader::open(&path).expect("open");
        let mut seen = Vec::new();
        loop {
            let chunk = reader.chunk(7).expect("read");
            if chunk.is_empty() {
                break;
            }
            for (n, bytes) in chunk {
                let name = reader.name().to_string();
                match parse_line(&name, n, &bytes) {
                    Ok(a) => prop_assert!(a.name.ends_with(&format!("{name}:{n})")) || a.name == format!("{name}:{n}"), "{}", a.name),
                    Err(e) => prop_assert_eq!(e.at, format!("{name}:{n}")),
                }
                seen.push(n);
            }
        }
        // One result for each line that is not blank, in order, numbered as in the file.
        let want: Vec<usize> = data
            .split('\n')
            .enumerate()
            .filter(|(_, l)| !l.bytes().all(|b| b.is_ascii_whitespace()))
            .map(|(i, _)| i + 1)
            .collect();
        prop_assert_eq!(seen, want);
    }

    #[test]
    fn a_file_keeping_some_lines_answers_as_the_whole_file(
        t in text(),
        picks in prop::collection::vec((any::<prop::sample::Index>(), 0usize..300), 0..6),
    ) {
        let full = SourceFile::new("a", t.as_str());
        let boundary = |mut i: usize| {
            while !t.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        let spans: Vec<Range<usize>> = picks
            .iter()
            .map(|(at, len)| {
                let start = boundary(at.index(t.len() + 1));
                start..boundary((start + len).min(t.len()))
            })
            .collect();
        let part = full.clone().keep_lines(&spans);
        prop_assert!(part.is_partial());
        prop_assert_eq!(part.len(), t.len());
        prop_assert_eq!(part.line_count(), full.line_count());
        for s in &spans {
            prop_assert_eq!(part.slice(s), t.get(s.clone()), "{:?}", s);
            // Every offset of the lines the span touches.
            let first = full.line_index(s.start);
            let last = full.line_index(s.end.saturating_sub(1).max(s.start));
            for line in first..=last {
                let r = full.line_range(line).expect("a line");
                prop_assert_eq!(part.line_range(line), Some(r.clone()), "line {}", line);
                for b in (r.start..=r.end).filter(|&b| t.is_char_boundary(b)) {
                    prop_assert_eq!(part.line_col(b), full.line_col(b), "byte {}", b);
                    prop_assert_eq!(part.line_index(b), full.line_index(b), "byte {}", b);
                    prop_assert_eq!(part.slice(&(r.start..b)), t.get(r.start..b));
                }
            }
        }
        // Outside the kept lines: no text, and no panic.
        for b in [0, t.len() / 2, t.len(), t.len() + 5] {
            let _ = (part.line_col(b), part.line_index(b), part.slice(&(b..b + 1)));
        }
    }

    #[test]
    fn any_bytes_are_a_record_or_an_error(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        match parse_line("f", 1, &bytes) {
            Ok(a) => prop_assert!(std::str::from_utf8(&bytes).is_ok() && !a.name.is_empty()),
            Err(e) => prop_assert!(e.to_string().starts_with("f:1: ")),
        }
    }
}

/// Found by the property above: in a file of one newline, keeping the empty last line with the
/// first gave the last line's bytes the first line's number.
#[test]
fn a_kept_run_that_ends_the_file_keeps_its_last_empty_line() {
    let t = "\n";
    let full = SourceFile::new("a", t);
    let part = full.clone().keep_lines(&[0..0, 1..1]);
    for b in 0..=1 {
        assert_eq!(part.line_index(b), full.line_index(b), "byte {b}");
        assert_eq!(part.line_col(b), full.line_col(b), "byte {b}");
    }
    assert_eq!(part.line_range(1), full.line_range(1));
}
