//! Compatibility of a claim with a fact: the one definition the checker, the rule-file examples
//! and the gold tests share (docs/verdicts.md).
//!
//! A fact is *compatible* with a claim ([`Comparison::is_about`]) when the predicate is the same
//! and the subject and object do not differ: `_` in a claim matches anything, a side the fact
//! leaves unstated matches anything, and a joint fact without a count ("Canada and Japan imposed
//! sanctions") holds for each of its members ([`ActorMatch::Member`]). A compatible fact
//! *supports* the claim ([`Comparison::supports`]) when count, date and negation are compatible
//! and it states the subject the claim names ([`Comparison::decides`]; in strict mode the object
//! too): nothing unstated decides, so "30 diplomats were sent home" says nothing about who. It
//! *contradicts* the claim ([`Comparison::contradicts`]) when they conflict, for the reasons in
//! [`Reason`], and it states every side the claim names, and the claim names its subject: only
//! a statement that is surely about the same actors can be the reason a claim is wrong. Only
//! parts both state can conflict, so a fact without a count (date) is never the reason a claim's
//! count (date) is wrong.

use schemars::JsonSchema;
use serde::Serialize;

use crate::model::{ActorId, Actors, Claim, Fact};

/// How a claim's actors compare with a fact's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorMatch {
    /// The same set of actors.
    Same,
    /// The claim says `_`.
    Any,
    /// The fact leaves this side unstated: compatible, but unverified.
    Unstated,
    /// The claim's actors are a strict part of the fact's, and the fact gives a count
    /// (`Germany` vs `Germany and France expelled 75`): the count is for them together.
    PartOfJoint,
    /// The claim's actors are a strict part of the fact's, and the fact gives no count
    /// (`Canada` vs `Canada and Japan imposed sanctions`): what it says holds for each member.
    Member,
    /// Different actors.
    Differ,
}

impl ActorMatch {
    pub fn compatible(self) -> bool {
        matches!(
            self,
            ActorMatch::Same | ActorMatch::Any | ActorMatch::Unstated | ActorMatch::Member
        )
    }

    /// The fact names this side (the claim's `_` counts as stated: it asks nothing).
    pub fn stated(self) -> bool {
        self != ActorMatch::Unstated
    }
}

/// Compares a claim's actors with a fact's (both sides as sets).
pub fn actors(claim: &Actors, fact: &[ActorId]) -> ActorMatch {
    match claim {
        Actors::Any => ActorMatch::Any,
        Actors::Set(_) if fact.is_empty() => ActorMatch::Unstated,
        Actors::Set(ids) => {
            let in_fact = |id: &ActorId| fact.contains(id);
            let all_in_fact = ids.iter().all(in_fact);
            let all_in_claim = fact.iter().all(|id| ids.contains(id));
            match (all_in_fact, all_in_claim) {
                (true, true) => ActorMatch::Same,
                (true, false) => ActorMatch::PartOfJoint,
                _ => ActorMatch::Differ,
            }
        }
    }
}

/// Why a fact about a claim contradicts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Reason {
    /// The numbers cannot both be true.
    Count,
    /// The dates cannot both be true.
    Date,
    /// One says it happened, the other that it did not.
    Negated,
}

/// The comparison of one claim with one fact of the same predicate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    pub subject: ActorMatch,
    pub object: ActorMatch,
    /// `None` when either side gives no quantity.
    pub quantity: Option<bool>,
    /// `None` when either side gives no date (the fact's date is then unverified).
    pub date: Option<bool>,
    pub negation_agrees: bool,
}

impl Comparison {
    /// The fact speaks of the claim's subject, predicate and object.
    pub fn is_about(&self) -> bool {
        self.subject.compatible() && self.object.compatible()
    }

    /// The fact states at least one of the actors the claim names (or the claim names none:
    /// `_ PREDICATE _`). A fact that leaves unstated every side the claim names ("17 diplomats
    /// were expelled" for `Netherlands expelled 17 Russia`) is compatible with it, but says
    /// nothing about who: the checker does not count it as being about the claim.
    pub fn anchored(&self) -> bool {
        let named = |m: ActorMatch| m != ActorMatch::Any;
        let stated = |m: ActorMatch| !matches!(m, ActorMatch::Any | ActorMatch::Unstated);
        !(named(self.subject) || named(self.object)) || stated(self.subject) || stated(self.object)
    }

    /// The fact may decide the claim: it is compatible with it, states at least one actor the
    /// claim names ([`Comparison::anchored`]), and leaves nothing unstated that the claim names
    /// as its subject (rule 1: "30 diplomats were sent home" says nothing about who), nor, when
    /// `strict`, as its object.
    pub fn decides(&self, strict: bool) -> bool {
        self.is_about()
            && self.anchored()
            && self.subject.stated()
            && (!strict || self.object.stated())
    }

    /// The fact is compatible with the claim and nothing in it conflicts, whatever it leaves
    /// unstated: the extractor's measure against hand-written gold lines (a fact that leaves a
    /// side unstated is scored apart there), not a verdict.
    pub fn agrees(&self) -> bool {
        self.is_about() && self.reasons().is_empty()
    }

    /// The fact decides the claim (default mode) and nothing in it conflicts.
    pub fn supports(&self) -> bool {
        self.decides(false) && self.reasons().is_empty()
    }

    /// The fact contradicts the claim: something in it conflicts, and it states every side the
    /// claim names, the subject first. A claim `_ killed 210` (no subject) is never
    /// contradicted: "Russian shelling killed 5" may be another event, and nothing says it is
    /// the same one; nor is `Britain deployed ~1700 Estonia` by "Britain sent 3" (no object).
    /// A statement that differs in both count and date is another event (the 2021 expulsion of
    /// 18 says nothing of a claim that 1 was expelled this spring): it contradicts nothing.
    pub fn contradicts(&self) -> bool {
        let reasons = self.reasons();
        self.decides(true)
            && self.subject != ActorMatch::Any
            && !reasons.is_empty()
            && reasons != [Reason::Count, Reason::Date]
    }

    /// The fact is compatible with the claim but leaves unstated a side the claim names, so it
    /// may not decide it: a near miss ("the article says 30 were expelled, but not by whom").
    pub fn unstated(&self) -> bool {
        self.is_about() && self.anchored() && !(self.subject.stated() && self.object.stated())
    }

    /// What conflicts (empty when nothing does).
    pub fn reasons(&self) -> Vec<Reason> {
        let mut r = Vec::new();
        if !self.negation_agrees {
            // A denial conflicts whatever the numbers say; count and date are then moot.
            r.push(Reason::Negated);
            return r;
        }
        if self.quantity == Some(false) {
            r.push(Reason::Count);
        }
        if self.date == Some(false) {
            r.push(Reason::Date);
        }
        r
    }
}

/// Compares a claim with a fact; `None` when they are about different predicates.
pub fn compare(claim: &Claim, fact: &Fact) -> Option<Comparison> {
    if claim.predicate != fact.predicate {
        return None;
    }
    // A joint fact without a count says the same of each member.
    let each = |m: ActorMatch| match m {
        ActorMatch::PartOfJoint if fact.quantity.is_none() => ActorMatch::Member,
        m => m,
    };
    Some(Comparison {
        subject: each(actors(&claim.subject, &fact.subject)),
        object: each(actors(&claim.object, &fact.object)),
        quantity: match (&claim.quantity, &fact.quantity) {
            // A denial ("has not expelled any") carries no count to compare.
            (Some(c), Some(f)) if !fact.negated => Some(c.compatible(f)),
            _ => None,
        },
        date: match (&claim.date, &fact.date) {
            (Some(c), Some(f)) => Some(c.compatible(f)),
            _ => None,
        },
        negation_agrees: claim.negated == fact.negated,
    })
}
