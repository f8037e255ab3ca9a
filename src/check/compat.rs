//! Compatibility of a claim with a fact: the one definition the checker, the rule-file examples
//! and the gold tests share.
//!
//! A fact is *about* a claim when the predicate is the same and the subject and object do not
//! differ (`_` in a claim matches anything; a fact that leaves a side unstated is about every
//! claim, noted as unverified). A fact about a claim *supports* it when quantity, date and
//! negation are compatible too; otherwise it *contradicts* it, for the reasons in [`Reason`].

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
    /// The claim's actors are a strict part of the fact's (`Germany` vs `Germany and France`).
    PartOfJoint,
    /// Different actors.
    Differ,
}

impl ActorMatch {
    pub fn compatible(self) -> bool {
        matches!(self, ActorMatch::Same | ActorMatch::Any | ActorMatch::Unstated)
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
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

    /// The fact is about the claim and nothing in it conflicts.
    pub fn supports(&self) -> bool {
        self.is_about() && self.reasons().is_empty()
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
    let object = match (&claim.object, fact.object.is_empty()) {
        (Actors::Any, _) => ActorMatch::Any,
        (o, _) => actors(o, &fact.object),
    };
    Some(Comparison {
        subject: actors(&claim.subject, &fact.subject),
        object,
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
