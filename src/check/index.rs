//! An index of facts by (predicate, actor), so that each claim looks only at the facts that can
//! be about it (or be its reversal or a joint fact containing it), never at every fact.
//!
//! Building the index is one pass over the facts; a claim's candidates are read from at most
//! two buckets. Checking `C` claims against `F` facts therefore costs `O(F + C + matches)`,
//! not `O(C x F)`.

use std::collections::HashMap;

use crate::model::{ActorId, Actors, Claim, Fact, PredicateId};

type Bucket = Vec<u32>;

/// Facts grouped by the keys a claim looks them up by. Every bucket holds fact indices in
/// input order, and the buckets a claim reads are disjoint, so no fact is seen twice.
#[derive(Debug, Default)]
pub struct FactIndex {
    /// Facts with a stated subject, under each actor of their subject.
    by_subject: HashMap<(PredicateId, ActorId), Bucket>,
    /// Facts with a stated object, under each actor of their object.
    by_object: HashMap<(PredicateId, ActorId), Bucket>,
    /// Facts with an unstated subject and a stated object, under each actor of their object.
    no_subject_by_object: HashMap<(PredicateId, ActorId), Bucket>,
    /// Every fact of the predicate.
    by_predicate: HashMap<PredicateId, Bucket>,
}

/// Distinct actors of a list, in order (facts' lists are short: a linear scan is fastest).
fn distinct(ids: &[ActorId]) -> impl Iterator<Item = ActorId> + '_ {
    ids.iter().enumerate().filter(|(i, id)| !ids[..*i].contains(id)).map(|(_, id)| *id)
}

impl FactIndex {
    /// Indexes `facts`; candidates are returned as indices into the same slice.
    pub fn new(facts: &[Fact]) -> Self {
        let mut ix = FactIndex::default();
        for (i, f) in facts.iter().enumerate() {
            let Ok(i) = u32::try_from(i) else { break };
            let p = f.predicate;
            ix.by_predicate.entry(p).or_default().push(i);
            for a in distinct(&f.subject) {
                ix.by_subject.entry((p, a)).or_default().push(i);
            }
            for a in distinct(&f.object) {
                ix.by_object.entry((p, a)).or_default().push(i);
            }
            if f.subject.is_empty() {
                for a in distinct(&f.object) {
                    ix.no_subject_by_object.entry((p, a)).or_default().push(i);
                }
            }
        }
        ix
    }

    fn get<'a, K: std::hash::Hash + Eq>(map: &'a HashMap<K, Bucket>, key: &K) -> &'a [u32] {
        map.get(key).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Every fact that may be about `claim`, or contain its subject or object in a joint fact:
    /// a superset of the facts [`crate::check::compat::compare`] finds about it.
    pub fn candidates(&self, claim: &Claim) -> impl Iterator<Item = usize> + '_ {
        let p = claim.predicate;
        let first = |a: &Actors| match a {
            Actors::Set(ids) => ids.first().copied(),
            Actors::Any => None,
        };
        let buckets: [&[u32]; 2] = match (first(&claim.subject), first(&claim.object)) {
            // Facts whose subject holds the claim's first subject actor (same set or a joint
            // fact), and facts with no subject whose object may match. A fact must state one
            // of the actors the claim names (`Comparison::anchored`), so facts that state
            // neither side are never candidates for a claim that names one.
            (Some(s), Some(o)) => [
                Self::get(&self.by_subject, &(p, s)),
                Self::get(&self.no_subject_by_object, &(p, o)),
            ],
            (Some(s), None) if matches!(claim.object, Actors::Any) => {
                [Self::get(&self.by_subject, &(p, s)), &[]]
            }
            (None, Some(o)) if matches!(claim.subject, Actors::Any) => {
                [Self::get(&self.by_object, &(p, o)), &[]]
            }
            // `_ PREDICATE _`, or an empty actor set (never produced by the parser): every fact
            // of the predicate.
            _ => [Self::get(&self.by_predicate, &p), &[]],
        };
        buckets.into_iter().flatten().map(|&i| i as usize)
    }

    /// Facts that may state `claim` the other way round (its object as subject): a superset of
    /// the reversed facts, empty unless the claim names both subject and object.
    pub fn reversal_candidates(&self, claim: &Claim) -> &[u32] {
        match (&claim.subject, &claim.object) {
            (Actors::Set(s), Actors::Set(o)) if !s.is_empty() => match o.first() {
                Some(o) => Self::get(&self.by_subject, &(claim.predicate, *o)),
                None => &[],
            },
            _ => &[],
        }
    }
}
