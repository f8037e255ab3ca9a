//! No input makes extraction panic, and every span it returns lies on char boundaries inside
//! the text: empty text, binary junk, 10,000 commas, a large synthetic article, random text.

mod common;

use common::{article, extractor};
use factcheck::extract::Extractor;
use factcheck::model::Fact;
use proptest::prelude::*;

fn check_spans(text: &str, facts: &[Fact]) {
    for f in facts {
        let spans = [Some(&f.span), Some(&f.predicate_span)]
            .into_iter()
            .chain(
                [&f.subject_span, &f.quantity_span, &f.object_span, &f.date_span]
                    .map(Option::as_ref),
            )
            .flatten();
        for s in spans {
            assert!(s.start <= s.end && s.end <= text.len(), "span {s:?} out of the text");
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end), "span {s:?}");
        }
    }
}

fn run(ex: &Extractor, text: &str) -> Vec<Fact> {
    let facts = ex.extract(&article(text, None));
    check_spans(text, &facts);
    facts
}

#[test]
fn degenerate_inputs() {
    let ex = extractor();
    assert!(run(ex, "").is_empty());
    run(ex, "\u{0}\u{1}\u{fffd}\u{7f}expelled\u{0}killed");
    let junk: String = (0u32..5000).filter_map(|i| char::from_u32((i * 7919) % 0x2_0000)).collect();
    run(ex, &junk);
    run(ex, &",".repeat(10_000));
    run(ex, &format!("Russia expelled {} 5 diplomats.", ",".repeat(10_000)));
    run(ex, &"expelled ".repeat(20_000));
    run(ex, &"Russia expelled 5 Polish diplomats".repeat(5_000));
    run(ex, &"\n".repeat(10_000));
    run(ex, &".".repeat(10_000));
    run(ex, &"é killed ü".repeat(3_000));
    run(ex, "Russia expelled");
    run(ex, "expelled");
    run(ex, "“”expelled’s");
}

/// A 10 MB article (the seeds repeated, with filler), read in one call.
#[test]
fn large_article() {
    let ex = extractor();
    let seed = include_str!("../examples/003_3656d47586b5f572.txt");
    let mut text = String::with_capacity(11 << 20);
    while text.len() < 10 << 20 {
        text.push_str(seed);
        text.push_str("Markets were calm on the day and nothing else happened of note here.\n\n");
    }
    let facts = run(ex, &text);
    let per_copy = ex.extract(&article(seed, None)).len();
    assert!(facts.len() >= per_copy * (text.len() / (seed.len() + 80)) / 2);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_text_never_panics(s in "\\PC{0,400}") {
        run(extractor(), &s);
    }

    #[test]
    fn random_news_words_never_panic(
        words in proptest::collection::vec(
            prop_oneof![
                Just("Russia"), Just("expelled"), Just("21"), Just("diplomats"), Just("from"),
                Just("the"), Just("Netherlands"), Just("and"), Just(","), Just("."), Just("\""),
                Just("were"), Just("killed"), Just("by"), Just("on"), Just("Tuesday"), Just("not"),
                Just("Russian"), Just("“"), Just("’s"), Just("\n\n"), Just("April 15"), Just("?"),
                Just("expulsion"), Just("of"), Just("a total of"), Just("ordered them to leave"),
            ],
            0..60,
        )
    ) {
        let text = words.join(" ");
        run(extractor(), &text);
    }
}

/// Every date and count read at every position of `text` lies on char boundaries inside it.
fn read_everywhere(text: &str) {
    use factcheck::extract::date::{Lean, date_at_lean, scan_dates_lean};
    use factcheck::extract::number::count_at;
    let r = factcheck::input::dateline::iso_date("2022-03-29");
    let inside = |s: &std::ops::Range<usize>| {
        assert!(s.start <= s.end && s.end <= text.len(), "span {s:?} out of the text");
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end), "span {s:?}");
    };
    for lean in [Lean::Past, Lean::Future, Lean::Clause] {
        let mut out = Vec::new();
        scan_dates_lean(text, r, lean, &mut out);
        out.iter().for_each(|m| inside(&m.span));
        for (at, _) in text.char_indices() {
            if let Some(m) = date_at_lean(text, at, r, lean) {
                inside(&m.span);
            }
        }
    }
    for (at, _) in text.char_indices() {
        if let Some(m) = count_at(text, at) {
            inside(&m.span);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn dates_and_counts_at_any_position(s in "\\PC{0,200}") {
        read_everywhere(&s);
    }

    #[test]
    fn date_and_count_words_never_panic(
        words in proptest::collection::vec(
            prop_oneof![
                Just("the"), Just("day"), Just("before"), Just("after"), Just("next"), Just("in"),
                Just("two"), Just("weeks"), Just("will"), Just("'ll"), Just("Christmas"),
                Just("Easter"), Just("New"), Just("Year's"), Just("Eve"), Just("Q3"),
                Just("first"), Just("quarter"), Just("of"), Just("2021"), Just("spring"),
                Just("last"), Just("Friday"), Just("7/6"), Just("$12"), Just("December"),
                Just("27"), Just("-"), Just("May 3"), Just("people"), Just("aged"), Just("41"),
                Just("-year-old"), Just("among"), Just("them"), Just("one"), Just("three"),
                Just("a handful"), Just("dozens"), Just(","), Just("’"), Just("é"),
            ],
            0..40,
        )
    ) {
        read_everywhere(&words.join(" "));
    }
}
