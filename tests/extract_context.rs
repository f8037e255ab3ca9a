//! The discourse model (src/extract/context.rs), one short multi-sentence fixture a case: the
//! facts it must give, and which part each rule filled from where (the data `extract
//! --explain` shows as "filled from context"). Fixtures, not article text.

mod common;

use common::{article, extractor};
use factcheck::lang::display::fact_line;

/// The facts, and each fill as `fact line <- part from "antecedent" (rule)`.
fn explain(text: &str) -> (Vec<String>, Vec<String>) {
    let ex = extractor();
    let (facts, fills) = ex.extract_explained(&article(text, None));
    let lines = facts.iter().map(|f| fact_line(f, ex.lexicon())).collect();
    let fills = fills
        .iter()
        .map(|c| {
            let from = text.get(c.from.clone()).unwrap_or("?");
            let f = fact_line(&facts[c.fact], ex.lexicon());
            format!("{f} <- {} from {from:?} ({})", c.part.name(), c.rule)
        })
        .collect();
    (lines, fills)
}

#[track_caller]
fn case(text: &str, facts: &[&str], fills: &[&str]) {
    let (f, c) = explain(text);
    assert_eq!(f, facts, "text: {text}");
    assert_eq!(c, fills, "text: {text}");
}

#[test]
fn a_pronoun_speaker_is_the_last_agent() {
    case(
        "Mali said its army killed 45 militants. It said 17 were captured.",
        &["Mali killed 45", "Mali captured 17"],
        &["Mali captured 17 <- subject from \"Mali\" (anaphor-subject)"],
    );
    // Whoever reports deaths did not cause them (`speaker source`).
    case(
        "Mali said its army captured 45 militants. It said 17 were killed.",
        &["Mali captured 45", "_ killed 17"],
        &[],
    );
    // Another actor named in between: two could be meant.
    case(
        "Mali said its army killed 45 militants. Niger closed its border. It said 17 were captured.",
        &["Mali killed 45", "_ captured 17"],
        &[],
    );
}

#[test]
fn the_government_is_the_one_state_named_before() {
    case(
        "Strikes spread across Brazil on Monday. The government sent 2,000 troops to occupy the ports.",
        &["Brazil deployed 2000"],
        &["Brazil deployed 2000 <- subject from \"Brazil\" (anaphor-state)"],
    );
    case(
        "Strikes spread from Brazil to Chile on Monday. The government sent 2,000 troops to occupy the ports.",
        &["_ deployed 2000"],
        &[],
    );
}

#[test]
fn the_same_count_told_again_is_the_same_event() {
    case(
        "Afghan warplanes killed 150 people in Pakistani villages. The 150 people were killed on 23 March, officials said.",
        &["Afghanistan killed 150 _ --03-23", "Afghanistan killed 150 _ --03-23"],
        &[
            "Afghanistan killed 150 _ --03-23 <- subject from \"Afghan\" (same-event)",
            "Afghanistan killed 150 _ --03-23 <- date from \"23 March\" (same-event)",
        ],
    );
}

#[test]
fn the_one_date_of_the_sentence() {
    case(
        "Three workers were killed and seven injured in fighting at a zinc refinery on 2 March, the company said.",
        &["_ killed 3 _ --03-02", "_ wounded 7 _ --03-02"],
        &["_ killed 3 _ --03-02 <- date from \"2 March\" (sentence-date)"],
    );
    // A bound is not the event's day: the fact takes the open range its clause states (from
    // March 2 on), and context fills nothing.
    case("Three workers have been arrested since 2 March.", &["_ arrested 3 _ --03-02.."], &[]);
}

#[test]
fn a_speech_verbs_date_is_passed_over() {
    // The one other date of the sentence is the event's.
    case(
        "The army said today its soldiers killed 12 rebels in an assault to capture a town on 2 March.",
        &["_ killed 12 _ --03-02"],
        &["_ killed 12 _ --03-02 <- date from \"2 March\" (sentence-date)"],
    );
    // A date in a `since` clause bounds a running total: not the fact's day.
    case(
        "The ministry said on Sunday that 40 people had been killed since the fighting began on 2 March.",
        &["_ killed 40"],
        &[],
    );
}
