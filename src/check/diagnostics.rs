//! A check [`Report`] as [`Diagnostic`]s: one per claim (its verdict) and one per unverified
//! fact, with the stable codes of [`Finding`] and the levels of a [`Policy`].
//!
//! The primary label is on the article's words (the count for a count mismatch, the date for a
//! date mismatch, the statement from its first part to its last otherwise); a secondary label points at the claim. A claim
//! not found has its primary label on the claim, with the reversed or joint fact as a secondary.

use crate::diag::{Diagnostic, Severity};
use crate::lang::display::{claim_line, fact_line};
use crate::lexicon::Lexicon;
use crate::model::{Claim, Fact, Span};

use super::{ClaimReport, Evidence, Finding, NearMissKind, Policy, Reason, Report, Verdict};

/// At most this many further statements are labelled on one diagnostic (a claim `_ killed _`
/// may have hundreds); the JSON report lists them all.
pub const MAX_LABELS: usize = 5;

/// The finding a claim's verdict is reported as.
pub fn finding(report: &ClaimReport) -> Finding {
    match report.verdict {
        Verdict::Supported => Finding::Supported,
        Verdict::Conflicting => Finding::Conflicting,
        Verdict::NotFound => Finding::NotFound,
        Verdict::Contradicted => match report.reasons.first() {
            Some(Reason::Date) => Finding::DateMismatch,
            Some(Reason::Negated) => Finding::Negated,
            Some(Reason::Count) | None => Finding::CountMismatch,
        },
    }
}

/// Every finding of the report that the policy does not turn off, claims first (in claim
/// order), then unverified facts.
pub fn diagnostics(report: &Report, lexicon: &Lexicon, policy: &Policy) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for c in &report.claims {
        let f = finding(c);
        if let Some(level) = policy.level(f) {
            out.push(claim_diagnostic(c, f, level, lexicon));
        }
    }
    if let Some(level) = policy.level(Finding::Unverified) {
        for fact in &report.unverified {
            out.push(unverified_diagnostic(fact, level, lexicon));
        }
    }
    out
}

/// The message of a claim's finding (`count mismatch: the article says 17, the claim says 15`),
/// then what the verdict leaves unverified and the help: the verdict explained, for reports that
/// show it beside the claim with all its evidence.
pub fn claim_explanation(c: &ClaimReport, lexicon: &Lexicon) -> (String, Vec<String>) {
    let d = claim_diagnostic(c, finding(c), Severity::Note, lexicon);
    let mut notes: Vec<String> = c.notes.iter().map(|n| n.message().to_string()).collect();
    notes.extend(d.help);
    (d.message, notes)
}

/// What the article says, for messages: `15`, `2022-03-23`, `it did not happen`.
fn says(fact: &Fact, reasons: &[Reason]) -> String {
    let mut parts = Vec::new();
    for r in reasons {
        match r {
            Reason::Count => parts.push(quantity(fact)),
            Reason::Date => {
                parts.push(fact.date.map(|d| d.to_string()).unwrap_or_else(|| "no date".into()))
            }
            Reason::Negated if fact.negated => parts.push("it did not happen".into()),
            Reason::Negated => parts.push("it happened".into()),
        }
    }
    parts.join(", on ")
}

fn quantity(fact: &Fact) -> String {
    fact.quantity.map(|q| q.to_string()).unwrap_or_else(|| "no count".into())
}

fn claim_says(claim: &Claim, reasons: &[Reason]) -> String {
    let mut parts = Vec::new();
    for r in reasons {
        match r {
            Reason::Count => parts.push(claim.quantity.map(|q| q.to_string()).unwrap_or_default()),
            Reason::Date => parts.push(claim.date.map(|d| d.to_string()).unwrap_or_default()),
            Reason::Negated if claim.negated => parts.push("it did not happen".into()),
            Reason::Negated => parts.push("it happened".into()),
        }
    }
    parts.join(", on ")
}

/// The words that state the fact: from the first of its parts (subject, predicate, count,
/// object, date) to the last, so a label does not underline a whole long sentence.
pub fn statement(fact: &Fact) -> Span {
    let parts = [
        fact.subject_span.as_ref(),
        Some(&fact.predicate_span),
        fact.quantity_span.as_ref(),
        fact.object_span.as_ref(),
        fact.date_span.as_ref(),
    ];
    let parts = parts.into_iter().flatten().filter(|s| s.start < s.end);
    let start = parts.clone().map(|s| s.start).min();
    let end = parts.map(|s| s.end).max();
    match (start, end) {
        (Some(start), Some(end)) if start < end => start..end,
        _ => fact.span.clone(),
    }
}

/// The words of the fact a label should point at, for these reasons.
fn focus(fact: &Fact, reasons: &[Reason]) -> Span {
    let part = match reasons.first() {
        Some(Reason::Count) => fact.quantity_span.clone(),
        Some(Reason::Date) => fact.date_span.clone(),
        Some(Reason::Negated) => Some(fact.predicate_span.clone()),
        None => None,
    };
    part.unwrap_or_else(|| statement(fact))
}

/// The part of the claim a label should point at, for these reasons.
fn claim_focus(claim: &Claim, reasons: &[Reason]) -> Span {
    let part = match reasons.first() {
        Some(Reason::Count) => claim.quantity_span.clone(),
        Some(Reason::Date) => claim.date_span.clone(),
        Some(Reason::Negated) => Some(claim.predicate_span.clone()),
        None => None,
    };
    part.unwrap_or_else(|| claim.span.clone())
}

fn reasons_title(reasons: &[Reason]) -> String {
    let words: Vec<&str> = reasons
        .iter()
        .map(|r| match r {
            Reason::Count => "count",
            Reason::Date => "date",
            Reason::Negated => "negation",
        })
        .collect();
    format!("{} mismatch", words.join(" and "))
}

fn contradiction_label(e: &Evidence) -> String {
    format!("the article says {}", says(&e.fact, &e.reasons))
}

fn claim_diagnostic(c: &ClaimReport, f: Finding, level: Severity, lexicon: &Lexicon) -> Diagnostic {
    let claim = &c.claim;
    let line = claim_line(claim, lexicon);
    let mut d = match c.verdict {
        Verdict::Supported => {
            let mut d = match c.evidence.first() {
                Some(e) => Diagnostic::new(f.code(), level, e.fact.file, statement(&e.fact), "")
                    .with_label("the article says so"),
                None => Diagnostic::new(f.code(), level, claim.file, claim.span.clone(), ""),
            };
            d.message = format!("supported: {line}");
            for e in c.evidence.iter().skip(1).take(MAX_LABELS) {
                d = d.with_secondary(e.fact.file, statement(&e.fact), "and here");
            }
            d.with_secondary(claim.file, claim.span.clone(), "the claim")
        }
        Verdict::Contradicted => {
            // The primary evidence is the first that contradicts for the reason the code names.
            let primary = c
                .evidence
                .iter()
                .position(|e| e.reasons.first() == c.reasons.first())
                .or((!c.evidence.is_empty()).then_some(0));
            let first = primary.and_then(|i| c.evidence.get(i));
            let reasons = first.map(|e| e.reasons.as_slice()).unwrap_or(&[]);
            let message = match (first, reasons) {
                (Some(e), [Reason::Negated]) if e.fact.negated => {
                    "negated: the article says it did not happen, the claim that it did".to_string()
                }
                (Some(_), [Reason::Negated]) => {
                    "negated: the article says it happened, the claim that it did not".to_string()
                }
                (Some(e), _) => format!(
                    "{}: the article says {}, the claim says {}",
                    reasons_title(reasons),
                    says(&e.fact, reasons),
                    claim_says(claim, reasons)
                ),
                (None, _) => format!("contradicted: {line}"),
            };
            let mut d = match first {
                Some(e) => {
                    Diagnostic::new(f.code(), level, e.fact.file, focus(&e.fact, reasons), message)
                        .with_label(contradiction_label(e))
                }
                None => Diagnostic::new(f.code(), level, claim.file, claim.span.clone(), message),
            };
            let others = c.evidence.iter().enumerate().filter(|(i, _)| Some(*i) != primary);
            for (_, e) in others.take(MAX_LABELS) {
                d = d.with_secondary(
                    e.fact.file,
                    focus(&e.fact, &e.reasons),
                    contradiction_label(e),
                );
            }
            d.with_secondary(claim.file, claim_focus(claim, reasons), format!("the claim: {line}"))
        }
        Verdict::Conflicting => {
            let against = c.evidence.iter().find(|e| !e.supports);
            let message = match against {
                Some(e) => format!(
                    "conflicting: one article supports {line}, another says {}",
                    says(&e.fact, &e.reasons)
                ),
                None => format!("conflicting: {line}"),
            };
            let mut d = match against {
                Some(e) => Diagnostic::new(
                    f.code(),
                    level,
                    e.fact.file,
                    focus(&e.fact, &e.reasons),
                    message,
                )
                .with_label(contradiction_label(e)),
                None => Diagnostic::new(f.code(), level, claim.file, claim.span.clone(), message),
            };
            for e in c
                .evidence
                .iter()
                .filter(|e| !against.is_some_and(|a| std::ptr::eq(a, *e)))
                .take(MAX_LABELS)
            {
                let label = if e.supports {
                    "this supports the claim".to_string()
                } else {
                    contradiction_label(e)
                };
                d = d.with_secondary(e.fact.file, focus(&e.fact, &e.reasons), label);
            }
            d.with_secondary(claim.file, claim.span.clone(), "the claim")
        }
        Verdict::NotFound => {
            let mut message = format!("not found: no article says {line}");
            let reversed = c.near_misses.iter().find(|n| n.kind == NearMissKind::Reversed);
            let joint = c.near_misses.iter().find(|n| n.kind == NearMissKind::Joint);
            if let Some(n) = reversed {
                message = format!(
                    "not found: {line}; the article says it the other way round: {}",
                    fact_line(&n.fact, lexicon)
                );
            } else if let Some(n) = joint {
                message = format!(
                    "not found: {line}; the article has it only as a joint fact: {}",
                    fact_line(&n.fact, lexicon)
                );
            }
            let mut d = Diagnostic::new(f.code(), level, claim.file, claim.span.clone(), message)
                .with_label("no article says this");
            for n in c.near_misses.iter().take(MAX_LABELS) {
                let label = match n.kind {
                    NearMissKind::Reversed => {
                        format!("subject and object swapped: {}", fact_line(&n.fact, lexicon))
                    }
                    NearMissKind::Joint => format!("a joint fact: {}", fact_line(&n.fact, lexicon)),
                };
                d = d.with_secondary(n.fact.file, statement(&n.fact), label);
            }
            if reversed.is_some() {
                d = d.with_help("check who did it to whom: subject and object may be swapped");
            } else if joint.is_some() {
                d = d.with_help(
                    "the article gives the figure for several actors together, not for this one",
                );
            }
            d
        }
    };
    let labelled = match c.verdict {
        Verdict::NotFound => c.near_misses.len(),
        _ => c.evidence.len(),
    };
    if labelled > MAX_LABELS + 1 {
        d = d.with_note(format!(
            "{} more statements are not shown here (all are in --format json)",
            labelled - MAX_LABELS - 1
        ));
    }
    for n in &c.notes {
        d = d.with_note(n.message());
    }
    d
}

fn unverified_diagnostic(fact: &Fact, level: Severity, lexicon: &Lexicon) -> Diagnostic {
    let line = fact_line(fact, lexicon);
    Diagnostic::new(
        Finding::Unverified.code(),
        level,
        fact.file,
        statement(fact),
        format!("unverified: no claim covers {line}"),
    )
    .with_label(format!("the article says {line}"))
    .with_help(format!("add the claim `{line}` once it is checked"))
}
