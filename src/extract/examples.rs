//! Worked examples of rule files (`example "TEXT" => CLAIM`), run as tests by `factcheck lint`
//! and by `cargo test` (tests/rule_examples.rs).
//!
//! FC050 example failed: extracting an example's TEXT (with the lexicon of every loaded file)
//! must give a fact of the example's predicate that supports its CLAIM (the compatibility of
//! `check::compat`: same actors, compatible count and date, same polarity) and states every
//! part the claim states (a fact that leaves the object unstated does not pass for a claim that
//! names one); `=> nothing` means it must give no fact of that predicate. A failing example is an error pointing at its line,
//! with the facts that were extracted instead.

use crate::check::compat::compare;
use crate::diag::Diagnostic;
use crate::input::{Article, Format};
use crate::lang::ast::{ActorList, LineKind};
use crate::lang::display::fact_line;
use crate::lexicon::Lexicon;
use crate::model::{Actors, Claim, Fact, PredicateId};
use crate::source::{FileId, SourceMap};

use super::Extractor;

/// FC050 `example-failed`: a worked example of a rule file that does not give its claim.
///
/// ## What it catches
/// `example "TEXT" => CLAIM` under a `predicate` header is a test: extracting TEXT with the
/// lexicon of every loaded file must give a fact of that predicate that supports CLAIM and
/// states every part CLAIM states; `=> nothing` means no fact of that predicate at all.
/// `factcheck lint` runs the examples of the files it is given and reports each failure at its
/// line, with the facts that were extracted instead.
///
/// ## Example
/// ```text
/// predicate expelled
///   verb expel, expels
///   example "Poland expelled 45 Russian diplomats." => Poland expelled 40 Russia   # FC050
/// ```
///
/// Fix the example's claim, or the rule (a missing verb form, noun or phrase) it exercises.
pub const CODE: &str = "FC050";

/// One example's outcome.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub predicate: PredicateId,
    pub index: usize,
    pub text: String,
    pub expect: Option<String>,
    /// Facts of the predicate the text gave.
    pub facts: Vec<Fact>,
    /// `None` when it passed, else why not.
    pub failure: Option<String>,
}

/// Resolves an example's claim line against the lexicon (the lang parser reads it).
fn resolve(line: &str, lexicon: &Lexicon, predicate: PredicateId) -> Result<Claim, String> {
    let (file, errors) = crate::lang::parse(line);
    if let Some(e) = errors.first() {
        return Err(format!("the claim does not parse: {e:?}"));
    }
    let node = file
        .lines
        .iter()
        .find_map(|l| match &l.kind {
            LineKind::Claim(c) => Some(c.clone()),
            _ => None,
        })
        .ok_or_else(|| "the expected claim is not a claim line".to_string())?;
    let actors = |list: &ActorList| -> Result<Actors, String> {
        let ActorList::Names { names, joins, .. } = list else { return Ok(Actors::Any) };
        let mut ids = Vec::new();
        let mut i = 0;
        while let Some(n) = names.get(i) {
            if let (Some(j), Some(m)) = (joins.get(i), names.get(i + 1))
                && j.is_and()
                && let Some(id) =
                    lexicon.resolve_actor(&format!("{} and {}", n.text, m.text)).first()
            {
                ids.push(*id);
                i += 2;
                continue;
            }
            let id = lexicon
                .resolve_actor(&n.text)
                .first()
                .copied()
                .ok_or_else(|| format!("unknown actor \"{}\"", n.text))?;
            ids.push(id);
            i += 1;
        }
        ids.sort();
        ids.dedup();
        Ok(Actors::Set(ids))
    };
    let resolved = lexicon
        .resolve_predicate(&node.predicate.text)
        .ok_or_else(|| format!("unknown predicate \"{}\"", node.predicate.text))?;
    if resolved != predicate {
        return Err(format!(
            "the example is under `predicate {}` but its claim is about \"{}\"",
            lexicon.predicate(predicate).canonical,
            node.predicate.text
        ));
    }
    Ok(Claim {
        file: FileId(u32::MAX),
        span: node.span.clone(),
        subject: actors(&node.subject)?,
        subject_span: node.subject.span(),
        negated: node.not.is_some(),
        predicate,
        predicate_span: node.predicate.span.clone(),
        quantity: node.quantity.as_ref().map(|q| q.value),
        quantity_span: node.quantity.as_ref().map(|q| q.span.clone()),
        object: node.object.as_ref().map(&actors).transpose()?.unwrap_or(Actors::Any),
        object_span: node.object.as_ref().map(ActorList::span),
        date: node.date.as_ref().map(|d| d.value),
        date_span: node.date.as_ref().map(|d| d.span.clone()),
    })
}

/// The fact states every part the claim states (a subject, count, object or date the claim
/// names is not left unstated by the fact).
pub fn states_all(claim: &Claim, fact: &Fact) -> bool {
    (matches!(claim.subject, Actors::Any) || !fact.subject.is_empty())
        && (claim.quantity.is_none() || fact.quantity.is_some())
        && (matches!(claim.object, Actors::Any) || !fact.object.is_empty())
        && (claim.date.is_none() || fact.date.is_some())
}

/// Runs every example of every predicate of the lexicon.
pub fn outcomes(lexicon: &Lexicon, extractor: &Extractor) -> Vec<Outcome> {
    let mut out = Vec::new();
    for (p, pred) in lexicon.predicates().iter().enumerate() {
        let pid = PredicateId(p as u16);
        for (index, ex) in pred.examples.iter().enumerate() {
            let file = ex.origin.as_ref().map_or(FileId(u32::MAX), |o| o.0);
            let article = Article::prepare(file, &ex.text, Format::Text, None);
            let facts: Vec<Fact> =
                extractor.extract(&article).into_iter().filter(|f| f.predicate == pid).collect();
            let failure = match &ex.expect {
                None => (!facts.is_empty()).then(|| "expected no fact".to_string()),
                Some(line) => match resolve(line, lexicon, pid) {
                    Err(e) => Some(e),
                    Ok(claim) => {
                        let ok =
                            facts.iter().any(|f| compare(&claim, f).is_some_and(|c| c.supports()));
                        (!ok).then(|| format!("expected a fact that supports `{line}`"))
                    }
                },
            };
            out.push(Outcome {
                predicate: pid,
                index,
                text: ex.text.clone(),
                expect: ex.expect.clone(),
                facts,
                failure,
            });
        }
    }
    out
}

/// FC050 for every example that fails, pointing at its line.
pub fn run_examples(
    lexicon: &Lexicon,
    extractor: &Extractor,
    sources: &SourceMap,
) -> Vec<Diagnostic> {
    let _ = sources;
    let mut diags = Vec::new();
    for o in outcomes(lexicon, extractor) {
        let Some(why) = &o.failure else { continue };
        let pred = lexicon.predicate(o.predicate);
        let Some((file, span)) = pred.examples.get(o.index).and_then(|e| e.origin.clone()) else {
            continue;
        };
        let got = if o.facts.is_empty() {
            "no fact".to_string()
        } else {
            o.facts
                .iter()
                .map(|f| format!("`{}`", fact_line(f, lexicon)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        diags.push(
            Diagnostic::error(CODE, file, span, "example failed")
                .with_label(why.clone())
                .with_note(format!("extracting \"{}\" gives {got}", o.text)),
        );
    }
    diags
}
