//! The checker: compares every claim with the facts extracted from the articles and gives each
//! claim a verdict with evidence; facts no claim covers are reported as unverified. The rules
//! are docs/verdicts.md; their tests are tests/fixtures/verdicts/ (tests/verdicts.rs).
//!
//! [`compat`] defines, for one claim and one fact, whether the fact is compatible with the claim
//! (same predicate, compatible subject and object), whether it *supports* it and whether it
//! *contradicts* it, and why. This module decides what the facts together say about each claim.
//! No verdict rests on what an article does not say:
//!
//! 1. **Nothing unstated decides.** Facts are indexed by (predicate, actor)
//!    ([`index::FactIndex`]), so a claim never looks at unrelated facts, and a claim limited to
//!    some articles (the `articles` scope of its file) sees only their facts. A fact that leaves
//!    the subject unstated supports and contradicts no claim that names one: it is a near miss
//!    ([`NearMissKind::Unstated`]: "30 were sent home, but not by whom"). Only parts both state
//!    conflict; a supporting fact without the claim's count or date leaves a note
//!    ([`Note::CountUnverified`], [`Note::DateUnverified`]).
//! 2. **Specificity wins.** Within one article, a supporting fact that leaves the count (date)
//!    unstated is dropped when another fact about the claim states it and conflicts with the
//!    claim on nothing else (a headline without figures against the body's figure); a
//!    supporting fact that leaves the object unstated is dropped likewise when such a fact, in
//!    any article, states the object ("Russia is expelling 36 diplomats" against "Russia will
//!    expel US diplomats on March 23", for `Russia expelled United States 2022-03-24`).
//! 3. **Events are kept apart.** Within one article, a fact that agrees supports the claim even
//!    if other facts about the same actors give another count or date (another event, a total).
//!    The article contradicts the claim only when no fact agrees and a fact contradicts it:
//!    states every side the claim names (a fact without the object is noted and supports, but
//!    never contradicts), the claim names its subject (`_ killed 210` is never contradicted),
//!    and it differs in the count or the date, not both (that is another event). A claim
//!    without a date is not contradicted by an article whose facts about it carry two or more
//!    dates (several events: it may be one the extractor missed).
//! 4. **Joint facts** without a count hold for each member ([`ActorMatch::Member`]); with a
//!    count they are near misses ([`NearMissKind::Joint`]).
//! 5. **Across articles:** `supported` when some article supports it and none contradicts it;
//!    `contradicted` when some contradicts it and none supports it (the reasons are those of
//!    every contradicting fact: `count`, `date`, `negated`); `conflicting` when one article
//!    supports and another contradicts it; `not_found` otherwise, with the near misses: the fact
//!    stated the other way round (subject and object swapped), jointly, or without the subject.
//! 6. **Strict mode** ([`Options::strict`]): a fact supports a claim that names an object only
//!    if it states it; a fact that would support by default keeps its article from
//!    contradicting the claim (near miss instead).
//! 7. **Unverified facts.** A fact that supports or contradicts no claim is `unverified`: a
//!    near miss too, since nobody has checked it as stated.
//!
//! Notes on a supported claim: the count or the date is *unverified* when no supporting fact
//! gives one, the date only *partly verified* when the supporting facts give it less precisely
//! than the claim (an article's `April 15` with no year for a claim's `2022-04-15`), and the
//! object unverified when every supporting fact leaves it unstated.
//!
//! [`diagnostics`] turns a [`Report`] into [`crate::diag::Diagnostic`]s with the stable codes of
//! [`Finding`], at the levels of a [`Policy`].

pub mod compat;
pub mod diagnostics;
pub mod finding;
pub mod index;

use std::collections::BTreeMap;
use std::fmt;

use schemars::JsonSchema;
use serde::Serialize;

use crate::lexicon::Lexicon;
use crate::model::{Actors, Claim, Fact, Precision};
use crate::source::FileId;

pub use compat::{ActorMatch, Reason};
pub use diagnostics::diagnostics;
pub use finding::{Finding, Kind, Policy};

/// What the articles say about a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Supported,
    Contradicted,
    Conflicting,
    NotFound,
}

impl Verdict {
    /// The name used in reports: `not_found`.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Supported => "supported",
            Verdict::Contradicted => "contradicted",
            Verdict::Conflicting => "conflicting",
            Verdict::NotFound => "not_found",
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One fact the verdict rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    pub fact: Fact,
    /// The fact supports the claim; otherwise it contradicts it for [`Evidence::reasons`].
    pub supports: bool,
    /// Why it contradicts the claim (empty when it supports it).
    pub reasons: Vec<Reason>,
    /// How the fact's subject compares with the claim's.
    pub subject: ActorMatch,
    /// How the fact's object compares with the claim's.
    pub object: ActorMatch,
}

/// How a fact that is not about a claim nearly is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NearMissKind {
    /// Subject and object swapped: the claim says Russia expelled Dutch diplomats, the article
    /// that the Netherlands expelled Russian ones.
    Reversed,
    /// The claim's subject (or object) is a strict part of the fact's, and the fact gives a
    /// count: the claim is about Germany, the article's 75 about Germany and France together.
    Joint,
    /// The fact leaves unstated a side the claim names (the subject; in strict mode the object
    /// too): "30 Russian diplomats were sent home", but not by whom.
    Unstated,
}

/// A fact that is not about the claim but looks like a mistake for it.
#[derive(Debug, Clone, PartialEq)]
pub struct NearMiss {
    pub kind: NearMissKind,
    pub fact: Fact,
}

/// What a verdict leaves unverified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Note {
    /// The claim has a date and no supporting fact gives one.
    DateUnverified,
    /// The supporting facts give the date less precisely than the claim (no year, no day).
    DatePartlyVerified,
    /// The claim has a count and no supporting fact gives one.
    CountUnverified,
    /// Every fact the verdict rests on leaves the object unstated.
    ObjectUnverified,
}

impl Note {
    /// The note as a sentence for reports.
    pub fn message(self) -> &'static str {
        match self {
            Note::DateUnverified => "the article gives no date: the date is unverified",
            Note::DatePartlyVerified => {
                "the article gives the date less precisely than the claim: it is only partly verified"
            }
            Note::CountUnverified => "the article gives no count: the count is unverified",
            Note::ObjectUnverified => "the article leaves the object unstated: it is unverified",
        }
    }
}

/// The verdict on one claim, with its evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimReport {
    pub claim: Claim,
    pub verdict: Verdict,
    /// Why it is contradicted or conflicting (sorted, distinct); empty otherwise.
    pub reasons: Vec<Reason>,
    /// Supporting facts, then contradicting ones, each in article and text order.
    pub evidence: Vec<Evidence>,
    /// For a claim not found: reversed and joint facts.
    pub near_misses: Vec<NearMiss>,
    pub notes: Vec<Note>,
}

/// How many claims got each verdict, and how many facts are unverified.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Summary {
    pub supported: usize,
    pub contradicted: usize,
    pub conflicting: usize,
    pub not_found: usize,
    pub unverified: usize,
}

/// Everything `check` found: a verdict for every claim (in input order) and the facts no claim
/// covers (in input order).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    pub claims: Vec<ClaimReport>,
    pub unverified: Vec<Fact>,
    pub summary: Summary,
}

impl Report {
    /// Keeps the claims and unverified facts the predicates accept (given each one's index),
    /// and counts the summary again. Suppressions and baselines drop findings this way.
    pub fn retain(
        &mut self,
        mut keep_claim: impl FnMut(usize, &ClaimReport) -> bool,
        mut keep_fact: impl FnMut(usize, &Fact) -> bool,
    ) {
        let mut i = 0;
        self.claims.retain(|c| {
            i += 1;
            keep_claim(i - 1, c)
        });
        let mut j = 0;
        self.unverified.retain(|f| {
            j += 1;
            keep_fact(j - 1, f)
        });
        let mut summary = Summary { unverified: self.unverified.len(), ..Summary::default() };
        for c in &self.claims {
            match c.verdict {
                Verdict::Supported => summary.supported += 1,
                Verdict::Contradicted => summary.contradicted += 1,
                Verdict::Conflicting => summary.conflicting += 1,
                Verdict::NotFound => summary.not_found += 1,
            }
        }
        self.summary = summary;
    }
}

/// How demanding the checker is (`--strict`, `strict = true` in factcheck.toml).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// A fact decides a claim that names an object only when it states the object too.
    pub strict: bool,
}

impl Options {
    /// The stricter mode.
    pub fn strict() -> Self {
        Options { strict: true }
    }
}

/// Checks every claim against every fact.
pub fn check(claims: &[Claim], facts: &[Fact], lexicon: &Lexicon) -> Report {
    check_with(claims, facts, lexicon, &Options::default(), &|_, _| true)
}

/// Checks every claim against every fact, with options.
pub fn check_options(
    claims: &[Claim],
    facts: &[Fact],
    lexicon: &Lexicon,
    options: &Options,
) -> Report {
    check_with(claims, facts, lexicon, options, &|_, _| true)
}

/// Checks claims against facts, where `applies(claim, article)` says whether a claim is to be
/// checked against an article's facts (the `articles` scope of its claim file). It is asked
/// only for facts that can be about the claim.
pub fn check_with(
    claims: &[Claim],
    facts: &[Fact],
    lexicon: &Lexicon,
    options: &Options,
    applies: &dyn Fn(&Claim, FileId) -> bool,
) -> Report {
    let _ = lexicon; // Compatibility works on ids; the lexicon is for future name-aware rules.
    let index = index::FactIndex::new(facts);
    let mut covered = vec![false; facts.len()];
    let mut out = Vec::with_capacity(claims.len());
    let mut summary = Summary::default();
    for claim in claims {
        let report = check_claim(claim, facts, &index, options, applies, &mut covered);
        match report.verdict {
            Verdict::Supported => summary.supported += 1,
            Verdict::Contradicted => summary.contradicted += 1,
            Verdict::Conflicting => summary.conflicting += 1,
            Verdict::NotFound => summary.not_found += 1,
        }
        out.push(report);
    }
    let unverified: Vec<Fact> =
        facts.iter().zip(&covered).filter(|(_, c)| !**c).map(|(f, _)| f.clone()).collect();
    summary.unverified = unverified.len();
    Report { claims: out, unverified, summary }
}

/// A supporting fact that leaves the count (date) unstated cannot support the claim when
/// The article tells of several events of the claim's actors: its facts about the claim carry
/// two or more dates (the 2021 expulsion of 18, this spring's of one). A claim without a date
/// that agrees with none of them is not contradicted by any: nothing says which event it is
/// about, and it may be a third the extractor missed (rule 3).
fn several_events(evidence: &[Evidence], loose: &[Evidence]) -> bool {
    let mut dates = evidence.iter().chain(loose).filter_map(|e| e.fact.date.as_ref());
    let Some(first) = dates.next() else { return false };
    dates.any(|d| d != first)
}

/// `other`, in the same article, states it and contradicts the claim on nothing else (rule 2).
fn outranked(claim: &Claim, support: &Evidence, other: &Evidence) -> bool {
    !other.supports
        && !other.reasons.is_empty()
        && other.reasons.iter().all(|r| match r {
            Reason::Count => claim.quantity.is_some() && support.fact.quantity.is_none(),
            Reason::Date => claim.date.is_some() && support.fact.date.is_none(),
            Reason::Negated => false,
        })
}

fn check_claim(
    claim: &Claim,
    facts: &[Fact],
    index: &index::FactIndex,
    options: &Options,
    applies: &dyn Fn(&Claim, FileId) -> bool,
    covered: &mut [bool],
) -> ClaimReport {
    let mut about: Vec<Evidence> = Vec::new();
    let mut joint: Vec<usize> = Vec::new();
    let mut unstated: Vec<usize> = Vec::new();
    let mut loose: Vec<Evidence> = Vec::new();
    for i in index.candidates(claim) {
        let Some(fact) = facts.get(i) else { continue };
        let Some(cmp) = compat::compare(claim, fact) else { continue };
        let is_joint = (cmp.subject == ActorMatch::PartOfJoint && cmp.object.compatible())
            || (cmp.object == ActorMatch::PartOfJoint && cmp.subject.compatible());
        if !(cmp.is_about() || is_joint) || !applies(claim, fact.file) {
            continue;
        }
        if is_joint {
            joint.push(i);
            continue;
        }
        let reasons = cmp.reasons();
        let evidence = Evidence {
            fact: fact.clone(),
            supports: reasons.is_empty(),
            reasons,
            subject: cmp.subject,
            object: cmp.object,
        };
        let counts =
            if evidence.supports { cmp.decides(options.strict) } else { cmp.contradicts() };
        if !counts {
            if cmp.unstated() {
                unstated.push(i);
            }
            if evidence.supports && cmp.decides(false) {
                // Strict mode: it would support by default; it keeps its article from
                // contradicting the claim.
                loose.push(evidence);
            } else if !evidence.supports && cmp.decides(true) {
                // Another event (or a `_` subject): no contradiction, but it states the count
                // and date, so it outranks a statement that gives neither.
                loose.push(evidence);
            }
            continue;
        }
        if let Some(c) = covered.get_mut(i) {
            *c = true;
        }
        about.push(evidence);
    }

    // Per article: a fact that agrees supports the claim (other figures are most often other
    // events), unless a more specific fact outranks it; otherwise the article contradicts.
    // `loose` facts decide nothing: in strict mode a fact that agrees but leaves the object
    // unstated keeps its article from contradicting the claim (it may be the same event), and a
    // fact that conflicts without contradicting still outranks vaguer ones.
    let mut by_article: BTreeMap<FileId, (Vec<Evidence>, Vec<Evidence>)> = BTreeMap::new();
    for e in about {
        by_article.entry(e.fact.file).or_default().0.push(e);
    }
    for e in loose {
        by_article.entry(e.fact.file).or_default().1.push(e);
    }
    // A statement that leaves the object unstated is outranked, in any article, by one that
    // states it and conflicts with the claim only where the vague one says nothing.
    let stating_object: Vec<Evidence> = by_article
        .values()
        .flat_map(|(e, l)| e.iter().chain(l))
        .filter(|e| !e.supports && e.object.stated())
        .cloned()
        .collect();
    let mut supporting = Vec::new();
    let mut contradicting = Vec::new();
    for (_, (mut evidence, loose)) in by_article {
        evidence.sort_by_key(|e| (e.fact.span.start, e.fact.span.end));
        let agrees = |e: &Evidence| {
            e.supports
                && !evidence.iter().chain(&loose).any(|o| outranked(claim, e, o))
                && !(e.object == ActorMatch::Unstated
                    && stating_object.iter().any(|o| outranked(claim, e, o)))
        };
        let keep: Vec<bool> = evidence.iter().map(agrees).collect();
        if keep.iter().any(|k| *k) {
            supporting.extend(evidence.into_iter().zip(keep).filter(|(_, k)| *k).map(|(e, _)| e));
        } else {
            // A looser fact that agrees, or several events and a claim without a date: the
            // article decides nothing.
            let undecided = loose.iter().any(|e| e.supports && agrees(e))
                || (claim.date.is_none() && several_events(&evidence, &loose));
            if undecided {
                continue;
            }
            contradicting.extend(evidence.into_iter().filter(|e| !e.supports));
        }
    }
    let verdict = match (supporting.is_empty(), contradicting.is_empty()) {
        (false, true) => Verdict::Supported,
        (true, false) => Verdict::Contradicted,
        (false, false) => Verdict::Conflicting,
        (true, true) => Verdict::NotFound,
    };
    let mut reasons: Vec<Reason> =
        contradicting.iter().flat_map(|e: &Evidence| e.reasons.iter().copied()).collect();
    reasons.sort();
    reasons.dedup();

    let mut notes = Vec::new();
    if !supporting.is_empty()
        && claim.quantity.is_some()
        && supporting.iter().all(|e| e.fact.quantity.is_none())
    {
        notes.push(Note::CountUnverified);
    }
    if !supporting.is_empty() && claim.date.is_some() {
        if supporting.iter().all(|e| e.fact.date.is_none()) {
            notes.push(Note::DateUnverified);
        } else if supporting.iter().all(|e| date_coarser(claim, &e.fact)) {
            notes.push(Note::DatePartlyVerified);
        }
    }
    let basis = if supporting.is_empty() { &contradicting } else { &supporting };
    if !basis.is_empty() && basis.iter().all(|e| e.object == ActorMatch::Unstated) {
        notes.push(Note::ObjectUnverified);
    }

    let mut near_misses = Vec::new();
    if verdict == Verdict::NotFound {
        for &i in index.reversal_candidates(claim) {
            let Some(fact) = facts.get(i as usize) else { continue };
            if is_reversal(claim, fact) && applies(claim, fact.file) {
                near_misses.push(NearMiss { kind: NearMissKind::Reversed, fact: fact.clone() });
            }
        }
        for (kind, list) in [(NearMissKind::Joint, joint), (NearMissKind::Unstated, unstated)] {
            for i in list {
                if let Some(fact) = facts.get(i) {
                    near_misses.push(NearMiss { kind, fact: fact.clone() });
                }
            }
        }
        near_misses.sort_by_key(|n| (n.fact.file, n.fact.span.start, n.kind));
    }

    let mut evidence = supporting;
    evidence.extend(contradicting);
    ClaimReport { claim: claim.clone(), verdict, reasons, evidence, near_misses, notes }
}

/// The fact states the claim with subject and object swapped.
fn is_reversal(claim: &Claim, fact: &Fact) -> bool {
    fact.predicate == claim.predicate
        && fact.negated == claim.negated
        && matches!(claim.subject, Actors::Set(_))
        && compat::actors(&claim.object, &fact.subject) == ActorMatch::Same
        && compat::actors(&claim.subject, &fact.object) == ActorMatch::Same
}

/// The fact's date is known less precisely than the claim's (it lacks a field the claim has, or
/// it is open-ended where the claim's is not: `since 2010` admits the claim's 2011 without
/// stating it).
fn date_coarser(claim: &Claim, fact: &Fact) -> bool {
    use crate::model::DateSpec;
    let (Some(c), Some(f)) = (&claim.date, &fact.date) else { return false };
    if f.is_open() && !c.is_open() {
        return true;
    }
    let first = |d: &DateSpec| match d.bounds() {
        (Some(p), _) | (None, Some(p)) => *p,
        (None, None) => crate::model::PartialDate { year: None, month: None, day: None },
    };
    let fields = |d: &DateSpec| -> u8 {
        let p = first(d);
        u8::from(p.year.is_some()) + u8::from(p.month.is_some()) + u8::from(p.day.is_some())
    };
    let no_year =
        |d: &DateSpec| matches!(first(d).precision(), Precision::MonthDay | Precision::MonthOnly);
    fields(f) < fields(c) || (no_year(f) && !no_year(c))
}

#[cfg(test)]
mod tests;
