//! Verbs joined by `or` share one count, which bounds each of them from above.
//!
//! `Iranian forces killed or wounded 1,500 Iraqi soldiers` says that at most 1,500 were killed
//! and at most 1,500 wounded, not that 1,500 were killed: each verb gets `<=1500` and the
//! people's nationality. Likewise the passive `1,200 Iraqis were killed or wounded` and lists
//! (`killed, wounded or captured`). A lower bound says nothing of either verb (`at least 3,000
//! killed or wounded`: none may have been killed), so such a count is dropped. Verbs joined by
//! `and` are left alone (`were killed and 58 wounded` has counts of its own).

use super::{Sentence, Trace, drop_fact};
use crate::extract::explain::{Fill, Part, Skip, Source};
use crate::extract::names::Form;
use crate::model::{Fact, Quantity, Relation};

/// The rule's name in `--explain`.
const RULE: Source = Source::Window("count shared by verbs joined by or (an upper bound)");

/// The quantity's source in `fills` becomes this rule (or goes, with no bound).
fn bounded_fill(fills: &mut Vec<Fill>, bound: Option<Quantity>, span: &Option<crate::model::Span>) {
    fills.retain(|f| f.part != Part::Quantity);
    if bound.is_some() {
        fills.push(Fill { part: Part::Quantity, source: RULE, span: span.clone() });
    }
}

/// What a count shared by alternatives says of each: at most its highest value; nothing when
/// it has no upper bound.
fn upper_bound(q: Quantity) -> Option<Quantity> {
    match q.relation {
        Relation::Eq | Relation::About | Relation::Le => {
            Some(Quantity::with(Relation::Le, q.value))
        }
        Relation::Lt => Some(q),
        Relation::Range => Some(Quantity::with(Relation::Le, q.high.unwrap_or(q.value))),
        Relation::Gt | Relation::Ge => None,
    }
}

impl Sentence<'_> {
    /// The runs of verb hits joined by `or` (`killed or wounded`, `killed, wounded or
    /// captured`), as ranges of hit indices.
    fn or_chains(&self) -> Vec<std::ops::Range<usize>> {
        let mut chains = Vec::new();
        let mut start = 0;
        let mut has_or = false;
        for i in 0..self.hits.len() {
            let joined = self.hits.get(i + 1).is_some_and(|next| {
                let (a, b) = (&self.hits[i], next);
                a.trigger.form != Form::Noun
                    && b.trigger.form != Form::Noun
                    && a.trigger.predicate != b.trigger.predicate
                    && a.toks.end + 1 == b.toks.start
                    && (self.is(a.toks.end, &["or"]) || self.punct(a.toks.end) == Some(','))
            });
            has_or |= joined && self.is(self.hits[i].toks.end, &["or"]);
            if !joined {
                if has_or && i > start {
                    chains.push(start..i + 1);
                }
                start = i + 1;
                has_or = false;
            }
        }
        chains
    }

    /// Applies the rule to the facts the sentence gave (`out[first..]`, with `trace.facts`
    /// parallel to them).
    pub(super) fn share_disjoined(
        &self,
        out: &mut Vec<Fact>,
        first: usize,
        mut trace: Option<&mut Trace>,
    ) {
        let mut emptied = Vec::new();
        for chain in self.or_chains() {
            let of_hit = |f: &Fact, h: usize| f.predicate_span == self.hits[h].span;
            let in_chain = |f: &Fact| chain.clone().any(|h| of_hit(f, h));
            // The count: the first fact of the chain that states one.
            let Some(donor) =
                (first..out.len()).find(|&i| in_chain(&out[i]) && out[i].quantity.is_some())
            else {
                continue;
            };
            let base = out[donor].clone();
            let Some(q) = base.quantity else { continue };
            let bound = upper_bound(q);
            let mut donor_fills = trace
                .as_deref()
                .and_then(|t| t.facts.get(donor - first))
                .map(|(_, fills)| fills.clone())
                .unwrap_or_default();
            bounded_fill(&mut donor_fills, bound, &base.quantity_span);
            for h in chain.clone() {
                let mine: Vec<usize> = (first..out.len()).filter(|&i| of_hit(&out[i], h)).collect();
                if mine.is_empty() {
                    if bound.is_none() && base.subject.is_empty() && base.object.is_empty() {
                        continue;
                    }
                    // `1,200 Iraqis were killed or wounded`: the second verb had no roles of
                    // its own; it takes the first one's.
                    let mut f = base.clone();
                    f.predicate = self.hits[h].trigger.predicate;
                    f.predicate_span = self.hits[h].span.clone();
                    f.quantity = bound;
                    f.quantity_span = bound.and(base.quantity_span.clone());
                    out.push(f);
                    if let Some(t) = trace.as_deref_mut() {
                        t.skipped.retain(|(k, _)| *k != h);
                        t.facts.push((h, donor_fills.clone()));
                    }
                    continue;
                }
                for i in mine {
                    let f = &mut out[i];
                    if f.negated {
                        continue;
                    }
                    if f.quantity.is_none() {
                        f.quantity_span = base.quantity_span.clone();
                        if f.object.is_empty() && !base.object.is_empty() {
                            f.object = base.object.clone();
                            f.object_span = base.object_span.clone();
                        }
                    }
                    f.quantity = bound;
                    if bound.is_none() {
                        f.quantity_span = None;
                        if f.subject.is_empty() && f.object.is_empty() {
                            emptied.push(i);
                        }
                    }
                    if let Some((_, fills)) =
                        trace.as_deref_mut().and_then(|t| t.facts.get_mut(i - first))
                    {
                        bounded_fill(fills, bound, &base.quantity_span);
                        if !fills.iter().any(|p| p.part == Part::Object) && !f.object.is_empty() {
                            fills.push(Fill {
                                part: Part::Object,
                                source: RULE,
                                span: f.object_span.clone(),
                            });
                        }
                    }
                }
            }
        }
        // `at least 3,000 were killed or wounded`: nothing is left of a fact that had only
        // the count.
        emptied.sort_unstable();
        emptied.dedup();
        for i in emptied.into_iter().rev() {
            drop_fact(out, first, i, trace.as_deref_mut(), Skip::NoRoles);
        }
    }
}
