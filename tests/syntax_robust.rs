//! The syntactic analysis never panics and always returns well-formed trees: any text (binary
//! junk, emoji, right-to-left scripts, very long runs without punctuation) gives sentences whose
//! words are in order, inside the sentence, on character boundaries, with heads inside the
//! sentence and at most [`MAX_TOKENS`] words per tree.

use factcheck::syntax::{Analyzer, MAX_TOKENS, split_sentences};
use proptest::prelude::*;

fn check(text: &str) {
    let analyzer = Analyzer::new();
    let mut last = 0;
    for range in split_sentences(text) {
        assert!(range.start >= last && range.end <= text.len() && range.start < range.end);
        assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
        last = range.end;
        let s = analyzer.analyze_sentence(text, range.clone());
        assert!(!s.tokens.is_empty() && s.tokens.len() <= MAX_TOKENS);
        let mut end = range.start;
        for t in &s.tokens {
            assert!(t.span.start >= end && t.span.end <= range.end && t.span.start < t.span.end);
            assert!(text.get(t.span.clone()).is_some());
            end = t.span.end;
            if let Some(h) = t.head {
                assert!((h as usize) < s.tokens.len());
            }
        }
        assert_eq!(s.tokens.iter().filter(|t| t.head.is_none()).count(), 1);
    }
}

#[test]
fn junk_emoji_rtl_and_long_runs() {
    check("");
    check("\u{0} \u{1}\u{ffff}\r\n\t");
    check("😀👍🏽 👨‍👩‍👧 🇺🇦!! ... ???");
    check("قالت الوزارة إن 17 دبلوماسيا طردوا. והשגריר אמר ש-30 נהרגו.");
    check("'''\"\"\"((( ))) -- — – n't 's 's' U.S.. ... Mr. . , ,1,2,3, 4.5.6 -1- a-b-c-");
    check(&"word ".repeat(2_000));
    let bytes: Vec<u8> =
        (0..20_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    check(&String::from_utf8_lossy(&bytes));
    // 10 MB without a space or punctuation: one word, split off as one sentence.
    let big = "a".repeat(10 << 20);
    let ranges: Vec<_> = split_sentences(&big).collect();
    assert_eq!(ranges.len(), 1);
    assert_eq!(ranges[0], 0..big.len());
    let s = Analyzer::new().analyze_sentence(&big, 0..big.len());
    assert_eq!(s.tokens.len(), 1);
}

#[test]
fn out_of_range_and_misaligned_ranges_give_empty_sentences() {
    let a = Analyzer::new();
    assert!(a.analyze_sentence("abc", 2..10).tokens.is_empty());
    assert!(a.analyze_sentence("é", 1..2).tokens.is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn any_text_is_analysed(text in "\\PC{0,300}") {
        check(&text);
    }

    #[test]
    fn any_wordish_text_is_analysed(text in "([A-Za-z'’.,;:!?\"()$%-]{1,8}[ \n]{0,2}){0,80}") {
        check(&text);
    }
}
