//! Verdicts on claims and facts built in code.

use super::*;
use crate::lexicon::{Actor, Predicate};
use crate::model::{ActorId, DateSpec, PartialDate, PredicateId, Quantity, Relation};

const CLAIMS: FileId = FileId(0);
const A1: FileId = FileId(1);
const A2: FileId = FileId(2);

struct T {
    lx: Lexicon,
    expelled: PredicateId,
    killed: PredicateId,
}

impl T {
    fn new() -> Self {
        let mut lx = Lexicon::new();
        for n in ["Netherlands", "Russia", "Belgium", "Germany", "France", "European Union"] {
            lx.add_actor(Actor::new(n));
        }
        let expelled = lx.add_predicate(Predicate::new("expelled"));
        let killed = lx.add_predicate(Predicate::new("killed"));
        T { lx, expelled, killed }
    }

    fn ids(&self, names: &[&str]) -> Vec<ActorId> {
        let mut v: Vec<ActorId> =
            names.iter().map(|n| self.lx.actor_by_name(n).expect("test actor")).collect();
        v.sort();
        v
    }

    fn actors(&self, names: &[&str]) -> Actors {
        if names == ["_"] { Actors::Any } else { Actors::Set(self.ids(names)) }
    }

    /// `subject expelled quantity object date`; spans are arbitrary but distinct.
    fn claim(&self, s: &[&str], q: Option<Quantity>, o: &[&str], date: Option<DateSpec>) -> Claim {
        Claim {
            file: CLAIMS,
            span: 0..10,
            subject: self.actors(s),
            subject_span: 0..1,
            negated: false,
            predicate: self.expelled,
            predicate_span: 2..3,
            quantity: q,
            quantity_span: q.map(|_| 4..5),
            object: if o.is_empty() { Actors::Any } else { self.actors(o) },
            object_span: None,
            date,
            date_span: date.map(|_| 8..10),
        }
    }

    fn fact(
        &self,
        file: FileId,
        at: usize,
        s: &[&str],
        q: Option<Quantity>,
        o: &[&str],
        date: Option<DateSpec>,
    ) -> Fact {
        Fact {
            file,
            span: at..at + 10,
            subject: self.ids(s),
            predicate: self.expelled,
            quantity: q,
            object: self.ids(o),
            date,
            negated: false,
            subject_span: None,
            predicate_span: at + 2..at + 3,
            quantity_span: q.map(|_| at + 4..at + 5),
            object_span: None,
            date_span: date.map(|_| at + 8..at + 10),
        }
    }
}

fn n(v: u64) -> Option<Quantity> {
    Some(Quantity::exact(v))
}

fn day(y: i32, m: u8, d: u8) -> Option<DateSpec> {
    Some(DateSpec::On(PartialDate::ymd(y, m, d)))
}

fn month(y: i32, m: u8) -> Option<DateSpec> {
    Some(DateSpec::On(PartialDate { year: Some(y), month: Some(m), day: None }))
}

fn month_day(m: u8, d: u8) -> Option<DateSpec> {
    Some(DateSpec::On(PartialDate { year: None, month: Some(m), day: Some(d) }))
}

fn one(t: &T, claim: Claim, facts: &[Fact]) -> ClaimReport {
    let r = check(&[claim], facts, &t.lx);
    r.claims.into_iter().next().expect("one claim, one report")
}

#[test]
fn supported_with_evidence() {
    let t = T::new();
    let c = t.claim(&["Netherlands"], n(17), &["Russia"], day(2022, 3, 29));
    let f = t.fact(A1, 100, &["Netherlands"], n(17), &["Russia"], day(2022, 3, 29));
    let r = one(&t, c, std::slice::from_ref(&f));
    assert_eq!(r.verdict, Verdict::Supported);
    assert_eq!(r.evidence.len(), 1);
    assert_eq!(r.evidence[0].fact, f);
    assert!(r.notes.is_empty());
}

#[test]
fn supported_without_date_notes_it() {
    let t = T::new();
    let c = t.claim(&["Belgium"], n(21), &["Russia"], day(2022, 3, 29));
    let f = t.fact(A1, 0, &["Belgium"], n(21), &["Russia"], None);
    let r = one(&t, c, &[f]);
    assert_eq!(r.verdict, Verdict::Supported);
    assert_eq!(r.notes, vec![Note::DateUnverified]);
}

#[test]
fn count_mismatch() {
    let t = T::new();
    let c = t.claim(&["Netherlands"], n(15), &["Russia"], None);
    let f = t.fact(A1, 0, &["Netherlands"], n(17), &["Russia"], None);
    let r = one(&t, c, &[f]);
    assert_eq!(r.verdict, Verdict::Contradicted);
    assert_eq!(r.reasons, vec![Reason::Count]);
    assert!(!r.evidence[0].supports);
}

#[test]
fn date_mismatch_and_another_event() {
    let t = T::new();
    let c = t.claim(&["Russia"], None, &["Netherlands"], day(2022, 3, 24));
    let f = t.fact(A1, 0, &["Russia"], None, &["Netherlands"], day(2022, 3, 23));
    let r = one(&t, c, &[f]);
    assert_eq!(r.verdict, Verdict::Contradicted);
    assert_eq!(r.reasons, vec![Reason::Date]);

    // Another count on another date: another event, not a contradiction.
    let c = t.claim(&["Russia"], n(5), &["Netherlands"], day(2022, 3, 24));
    let f = t.fact(A1, 0, &["Russia"], n(6), &["Netherlands"], day(2022, 3, 23));
    assert_eq!(one(&t, c, &[f]).verdict, Verdict::NotFound);
}

#[test]
fn negation_both_ways() {
    let t = T::new();
    let c = t.claim(&["Belgium"], None, &["Russia"], None);
    let mut f = t.fact(A1, 0, &["Belgium"], None, &["Russia"], None);
    f.negated = true;
    let r = one(&t, c.clone(), std::slice::from_ref(&f));
    assert_eq!((r.verdict, r.reasons), (Verdict::Contradicted, vec![Reason::Negated]));

    let mut neg = c;
    neg.negated = true;
    assert_eq!(one(&t, neg.clone(), &[f]).verdict, Verdict::Supported);
    let positive = t.fact(A1, 0, &["Belgium"], n(3), &["Russia"], None);
    let r = one(&t, neg, &[positive]);
    assert_eq!((r.verdict, r.reasons), (Verdict::Contradicted, vec![Reason::Negated]));
}

#[test]
fn conflicting_across_articles() {
    let t = T::new();
    let c = t.claim(&["Netherlands"], n(17), &["Russia"], None);
    let yes = t.fact(A1, 0, &["Netherlands"], n(17), &["Russia"], None);
    let no = t.fact(A2, 0, &["Netherlands"], n(15), &["Russia"], None);
    let r = one(&t, c, &[yes, no]);
    assert_eq!(r.verdict, Verdict::Conflicting);
    assert_eq!(r.reasons, vec![Reason::Count]);
    assert_eq!(r.evidence.len(), 2);
    assert!(r.evidence[0].supports && !r.evidence[1].supports);
}

#[test]
fn support_wins_within_one_article() {
    let t = T::new();
    let c = t.claim(&["Netherlands"], n(17), &["Russia"], None);
    let yes = t.fact(A1, 0, &["Netherlands"], n(17), &["Russia"], None);
    let other = t.fact(A1, 50, &["Netherlands"], n(2), &["Russia"], None);
    let r = one(&t, c, &[other, yes]);
    assert_eq!(r.verdict, Verdict::Supported);
    assert_eq!(r.evidence.len(), 1);
}

#[test]
fn not_found_plain_reversed_joint() {
    let t = T::new();
    let japan_like = t.claim(&["France"], n(8), &["Russia"], None);
    let f = t.fact(A1, 0, &["Netherlands"], n(17), &["Russia"], None);
    let r = one(&t, japan_like, std::slice::from_ref(&f));
    assert_eq!(r.verdict, Verdict::NotFound);
    assert!(r.near_misses.is_empty());

    let reversed = t.claim(&["Russia"], n(17), &["Netherlands"], None);
    let r = one(&t, reversed, std::slice::from_ref(&f));
    assert_eq!(r.verdict, Verdict::NotFound);
    assert_eq!(r.near_misses.len(), 1);
    assert_eq!(r.near_misses[0].kind, NearMissKind::Reversed);
    assert_eq!(r.near_misses[0].fact, f);

    let joint = t.fact(A1, 0, &["Germany", "France"], n(75), &["Russia"], None);
    let r = one(&t, t.claim(&["Germany"], n(75), &["Russia"], None), &[joint]);
    assert_eq!(r.verdict, Verdict::NotFound);
    assert_eq!(r.near_misses[0].kind, NearMissKind::Joint);
}

#[test]
fn a_set_needs_the_same_set() {
    let t = T::new();
    let c = t.claim(&["Netherlands", "Belgium"], n(38), &["_"], None);
    let both = t.fact(A1, 0, &["Belgium", "Netherlands"], n(38), &[], None);
    assert_eq!(one(&t, c.clone(), &[both]).verdict, Verdict::Supported);
    let only = t.fact(A1, 0, &["Netherlands"], n(38), &[], None);
    assert_eq!(one(&t, c, &[only]).verdict, Verdict::NotFound);
}

#[test]
fn date_precision() {
    let t = T::new();
    let eu = |d| t.claim(&["Russia"], n(18), &["European Union"], d);
    let fact = |d| t.fact(A1, 0, &["Russia"], n(18), &["European Union"], d);
    // A claim to the month accepts any day of it.
    assert_eq!(one(&t, eu(month(2022, 4)), &[fact(day(2022, 4, 15))]).verdict, Verdict::Supported);
    assert_eq!(
        one(&t, eu(month(2022, 4)), &[fact(day(2022, 5, 15))]).verdict,
        Verdict::Contradicted
    );
    // A fact with no year agrees with the right day of any year, and says so.
    let r = one(&t, eu(day(2022, 4, 15)), &[fact(month_day(4, 15))]);
    assert_eq!((r.verdict, r.notes), (Verdict::Supported, vec![Note::DatePartlyVerified]));
    let r = one(&t, eu(day(2022, 4, 16)), &[fact(month_day(4, 15))]);
    assert_eq!((r.verdict, r.reasons), (Verdict::Contradicted, vec![Reason::Date]));
    // A fact to the day fully verifies a claim to the month.
    assert!(one(&t, eu(month(2022, 4)), &[fact(day(2022, 4, 15))]).notes.is_empty());
}

#[test]
fn open_ended_dates() {
    let t = T::new();
    let eu = |d| t.claim(&["Russia"], n(18), &["European Union"], d);
    let fact = |d| t.fact(A1, 0, &["Russia"], n(18), &["European Union"], d);
    let year = |y| PartialDate { year: Some(y), month: None, day: None };
    let since = |y| Some(DateSpec::Since { start: year(y) });
    let until = |y| Some(DateSpec::Until { end: year(y) });
    // `since 2010` cannot be a claim's 2009; it admits 2011, without stating it.
    let r = one(&t, eu(day(2009, 5, 1)), &[fact(since(2010))]);
    assert_eq!((r.verdict, r.reasons), (Verdict::Contradicted, vec![Reason::Date]));
    let r = one(&t, eu(month(2011, 3)), &[fact(since(2010))]);
    assert_eq!((r.verdict, r.notes), (Verdict::Supported, vec![Note::DatePartlyVerified]));
    // The year of the bound itself is in (`since 2010` includes 2010, and `2010-06`).
    assert_eq!(one(&t, eu(month(2010, 6)), &[fact(since(2010))]).verdict, Verdict::Supported);
    // `before 2018` (up to 2017) admits 2009, not 2018.
    assert_eq!(one(&t, eu(month(2009, 1)), &[fact(until(2017))]).verdict, Verdict::Supported);
    assert_eq!(one(&t, eu(month(2018, 1)), &[fact(until(2017))]).verdict, Verdict::Contradicted);
    // A claim written open (`2010..`) agrees with a fact inside it, fully verified.
    let r = one(&t, eu(since(2010)), &[fact(day(2012, 4, 15))]);
    assert_eq!((r.verdict, r.notes.is_empty()), (Verdict::Supported, true));
    // Two open ends facing each other overlap only when they cross.
    assert_eq!(one(&t, eu(since(2010)), &[fact(until(2012))]).verdict, Verdict::Supported);
    assert_eq!(one(&t, eu(since(2013)), &[fact(until(2012))]).verdict, Verdict::Contradicted);
}

#[test]
fn quantities_by_relation() {
    let t = T::new();
    let verdict = |cq: Quantity, fq: Quantity| {
        let c = t.claim(&["Russia"], Some(cq), &["Belgium"], None);
        one(&t, c, &[t.fact(A1, 0, &["Russia"], Some(fq), &["Belgium"], None)]).verdict
    };
    use Verdict::{Contradicted as No, Supported as Yes};
    assert_eq!(verdict(Quantity::with(Relation::Gt, 10), Quantity::exact(17)), Yes);
    assert_eq!(verdict(Quantity::with(Relation::Gt, 17), Quantity::exact(17)), No);
    assert_eq!(verdict(Quantity::exact(17), Quantity::with(Relation::Gt, 10)), Yes);
    // ~N: within 10%, at least 1.
    assert_eq!(verdict(Quantity::with(Relation::About, 100), Quantity::exact(110)), Yes);
    assert_eq!(verdict(Quantity::with(Relation::About, 100), Quantity::exact(111)), No);
    assert_eq!(verdict(Quantity::with(Relation::About, 5), Quantity::exact(6)), Yes);
    assert_eq!(verdict(Quantity::with(Relation::About, 5), Quantity::exact(7)), No);
    // Ranges, inclusive.
    assert_eq!(verdict(Quantity::range(10, 20), Quantity::exact(20)), Yes);
    assert_eq!(verdict(Quantity::range(10, 20), Quantity::exact(21)), No);
    assert_eq!(verdict(Quantity::exact(15), Quantity::range(10, 20)), Yes);
    assert_eq!(verdict(Quantity::with(Relation::Le, 9), Quantity::range(10, 20)), No);
}

#[test]
fn underscore_matches_anything() {
    let t = T::new();
    let f = t.fact(A1, 0, &["Netherlands"], n(17), &["Russia"], None);
    let any_subject = t.claim(&["_"], n(17), &["Russia"], None);
    assert_eq!(one(&t, any_subject, std::slice::from_ref(&f)).verdict, Verdict::Supported);
    let any_object = t.claim(&["Netherlands"], n(17), &["_"], None);
    assert_eq!(one(&t, any_object, std::slice::from_ref(&f)).verdict, Verdict::Supported);
    let no_object = t.claim(&["Netherlands"], n(17), &[], None);
    assert_eq!(one(&t, no_object, std::slice::from_ref(&f)).verdict, Verdict::Supported);
    let both = t.claim(&["_"], n(17), &["_"], None);
    assert_eq!(one(&t, both, std::slice::from_ref(&f)).verdict, Verdict::Supported);
    // Someone expelled 16: the 17 may be another event; a `_` subject is never contradicted.
    let other = t.claim(&["_"], n(16), &["_"], None);
    assert_eq!(one(&t, other, &[f]).verdict, Verdict::NotFound);
}

#[test]
fn an_unstated_object_is_noted_an_unstated_subject_decides_nothing() {
    let t = T::new();
    let c = t.claim(&["Belgium"], n(21), &["Russia"], None);
    let vague = t.fact(A1, 0, &["Belgium"], n(21), &[], None);
    let r = one(&t, c.clone(), std::slice::from_ref(&vague));
    assert_eq!((r.verdict, r.notes), (Verdict::Supported, vec![Note::ObjectUnverified]));
    // Rule 1: "21 Russian diplomats were expelled" supports no claim naming who expelled them,
    // and contradicts none: a near miss.
    let passive = t.fact(A1, 0, &[], n(21), &["Russia"], None);
    for count in [21, 5] {
        let c = t.claim(&["Belgium"], n(count), &["Russia"], None);
        let r = one(&t, c, std::slice::from_ref(&passive));
        assert_eq!(r.verdict, Verdict::NotFound);
        assert_eq!(r.near_misses[0].kind, NearMissKind::Unstated);
    }
    let d = diagnostics(
        &check(std::slice::from_ref(&c), std::slice::from_ref(&passive), &t.lx),
        &t.lx,
        &Policy::default(),
    );
    assert!(d[0].message.ends_with("but not by whom"), "{}", d[0].message);
    // Strict: the object must be stated too.
    let r = check_options(&[c], &[vague], &t.lx, &Options::strict());
    assert_eq!(r.claims[0].verdict, Verdict::NotFound);
    assert_eq!(r.claims[0].near_misses[0].kind, NearMissKind::Unstated);
}

#[test]
fn a_fact_without_the_count_or_date_is_outranked_by_one_with_it() {
    let t = T::new();
    // Headline "BELGIUM EXPELS RUSSIAN DIPLOMATS", body "Belgium expelled 21 ... on March 29".
    let headline = t.fact(A1, 0, &["Belgium"], None, &["Russia"], None);
    let body = t.fact(A1, 50, &["Belgium"], n(21), &["Russia"], day(2022, 3, 29));
    let facts = [headline.clone(), body];
    let verdict = |q, d| one(&t, t.claim(&["Belgium"], q, &["Russia"], d), &facts);
    let r = verdict(n(9), None);
    assert_eq!((r.verdict, r.reasons), (Verdict::Contradicted, vec![Reason::Count]));
    let r = verdict(n(21), day(2022, 3, 1));
    assert_eq!((r.verdict, r.reasons), (Verdict::Contradicted, vec![Reason::Date]));
    assert_eq!(verdict(None, None).verdict, Verdict::Supported);
    // Alone, the headline supports, and the count is noted unverified.
    let r = one(&t, t.claim(&["Belgium"], n(9), &["Russia"], None), &[headline]);
    assert_eq!((r.verdict, r.notes), (Verdict::Supported, vec![Note::CountUnverified]));
}

#[test]
fn a_joint_fact_without_a_count_holds_for_each_member() {
    let t = T::new();
    let both = t.fact(A1, 0, &["Germany", "France"], None, &["Russia"], None);
    let r = one(&t, t.claim(&["Germany"], None, &["Russia"], None), std::slice::from_ref(&both));
    assert_eq!(r.verdict, Verdict::Supported);
    assert_eq!(r.evidence[0].subject, ActorMatch::Member);
    let r = one(&t, t.claim(&["France"], n(3), &["Russia"], None), &[both]);
    assert_eq!((r.verdict, r.notes), (Verdict::Supported, vec![Note::CountUnverified]));
}

#[test]
fn events_are_kept_apart() {
    let t = T::new();
    // Seed 003: "Russia ... expelling 36 diplomats from two European countries", then "15 from
    // the Netherlands".
    let total = t.fact(A1, 0, &["Russia"], n(36), &[], None);
    let dutch = t.fact(A1, 100, &["Russia"], n(15), &["Netherlands"], None);
    let c = t.claim(&["Russia"], n(15), &["Netherlands"], None);
    let r = one(&t, c, &[total.clone(), dutch]);
    assert_eq!(r.verdict, Verdict::Supported);
    assert!(r.notes.is_empty());
    // Only a vague fact: it may be about another event, so it contradicts nothing.
    let c = t.claim(&["Russia"], n(20), &["Belgium"], None);
    let r = one(&t, c, std::slice::from_ref(&total));
    assert_eq!(r.verdict, Verdict::NotFound);
    assert_eq!(r.near_misses[0].kind, NearMissKind::Unstated);
    // "Germany expelled 40 Russian diplomats on Monday. In 2014 Germany had expelled two
    // diplomats": the earlier event's fact (object unstated) supports its claim.
    let now = t.fact(A1, 0, &["Germany"], n(40), &["Russia"], day(2022, 4, 4));
    let then = t.fact(
        A1,
        60,
        &["Germany"],
        n(2),
        &[],
        Some(DateSpec::On(PartialDate { year: Some(2014), month: None, day: None })),
    );
    let year = Some(DateSpec::On(PartialDate { year: Some(2014), month: None, day: None }));
    let r = one(&t, t.claim(&["Germany"], n(2), &["Russia"], year), &[now, then]);
    assert_eq!((r.verdict, r.notes), (Verdict::Supported, vec![Note::ObjectUnverified]));
}

#[test]
fn unverified_facts_are_those_no_claim_covers() {
    let t = T::new();
    let facts = [
        t.fact(A1, 0, &["Netherlands"], n(17), &["Russia"], None),
        t.fact(A1, 20, &[], n(3), &["Belgium"], None),
        t.fact(A1, 40, &["Germany", "France"], n(75), &["Russia"], None),
        t.fact(A1, 60, &["Belgium"], n(21), &["Russia"], None),
    ];
    let mut killed = t.fact(A1, 80, &["Netherlands"], n(17), &["Russia"], None);
    killed.predicate = t.killed;
    let mut all = facts.to_vec();
    all.push(killed.clone());
    let claims = [
        t.claim(&["Netherlands"], n(15), &["Russia"], None), // contradicted: still covers it
        t.claim(&["Germany"], n(75), &["Russia"], None),     // joint: does not cover it
    ];
    let r = check(&claims, &all, &t.lx);
    let uncovered: Vec<usize> = r.unverified.iter().map(|f| f.span.start).collect();
    // The passive fact (no subject) about Belgium is not about either claim's object.
    assert_eq!(uncovered, vec![20, 40, 60, 80]);
    assert_eq!(r.summary.unverified, 4);
    assert_eq!((r.summary.contradicted, r.summary.not_found), (1, 1));
}

#[test]
fn scope_limits_a_claim_to_some_articles() {
    let t = T::new();
    let c = t.claim(&["Netherlands"], n(17), &["Russia"], None);
    let yes = t.fact(A1, 0, &["Netherlands"], n(17), &["Russia"], None);
    let no = t.fact(A2, 0, &["Netherlands"], n(15), &["Russia"], None);
    let only_a1 = |_: &Claim, f: FileId| f == A1;
    let r = check_with(std::slice::from_ref(&c), &[yes, no], &t.lx, &Options::default(), &only_a1);
    assert_eq!(r.claims[0].verdict, Verdict::Supported);
    // The fact of the article the claim does not apply to is unverified.
    assert_eq!(r.unverified.len(), 1);
    assert_eq!(r.unverified[0].file, A2);
}

#[test]
fn diagnostics_codes_and_levels() {
    let t = T::new();
    let f = t.fact(A1, 0, &["Netherlands"], n(17), &["Russia"], None);
    let claims = [
        t.claim(&["Netherlands"], n(17), &["Russia"], None),
        t.claim(&["Netherlands"], n(15), &["Russia"], None),
        t.claim(&["Russia"], n(17), &["Netherlands"], None),
    ];
    let r = check(&claims, &[f.clone(), t.fact(A1, 40, &["Belgium"], n(1), &[], None)], &t.lx);
    let d = diagnostics(&r, &t.lx, &Policy::default());
    let codes: Vec<(&str, crate::diag::Severity)> =
        d.iter().map(|d| (d.code, d.severity)).collect();
    use crate::diag::Severity::*;
    assert_eq!(
        codes,
        vec![("FC100", Note), ("FC101", Error), ("FC110", Warning), ("FC120", Warning)]
    );
    assert_eq!(d[1].message, "count mismatch: the article says 17, the claim says 15");
    assert_eq!(d[1].primary.span, 4..5, "on the article's count");
    assert_eq!(d[1].secondary.last().map(|l| l.span.clone()), Some(4..5), "on the claim's count");
    assert!(
        d[2].message.contains("other way round: Netherlands expelled 17 Russia"),
        "{}",
        d[2].message
    );
    let mut quiet = Policy::default();
    quiet.set(Kind::Unverified, None);
    quiet.set(Kind::NotFound, Some(Error));
    let d = diagnostics(&r, &t.lx, &quiet);
    let codes: Vec<(&str, crate::diag::Severity)> =
        d.iter().map(|d| (d.code, d.severity)).collect();
    assert_eq!(codes, vec![("FC100", Note), ("FC101", Error), ("FC110", Error)]);
}

mod index_props {
    use super::*;
    use proptest::prelude::*;

    fn actor_set() -> impl Strategy<Value = Vec<u32>> {
        prop::collection::vec(0u32..4, 0..3)
    }

    proptest! {
        /// The index never misses a fact that is about a claim, or a joint fact for it.
        #[test]
        fn candidates_cover_every_relevant_fact(
            claims in prop::collection::vec((actor_set(), actor_set(), any::<bool>()), 1..6),
            facts in prop::collection::vec((actor_set(), actor_set(), 0u16..2), 0..12),
        ) {
            let facts: Vec<Fact> = facts.into_iter().enumerate().map(|(i, (s, o, p))| Fact {
                file: A1, span: i..i + 1, subject: s.into_iter().map(ActorId).collect(),
                predicate: PredicateId(p), quantity: None,
                object: o.into_iter().map(ActorId).collect(), date: None, negated: false,
                subject_span: None, predicate_span: i..i + 1, quantity_span: None,
                object_span: None, date_span: None,
            }).collect();
            let ix = index::FactIndex::new(&facts);
            for (s, o, any_subject) in claims {
                let set = |v: Vec<u32>| {
                    let mut v: Vec<ActorId> = v.into_iter().map(ActorId).collect();
                    v.sort();
                    v.dedup();
                    if v.is_empty() { Actors::Any } else { Actors::Set(v) }
                };
                let claim = Claim {
                    file: CLAIMS, span: 0..1,
                    subject: if any_subject { Actors::Any } else { set(s) }, subject_span: 0..1,
                    negated: false, predicate: PredicateId(0), predicate_span: 0..1,
                    quantity: None, quantity_span: None, object: set(o), object_span: None,
                    date: None, date_span: None,
                };
                let got: Vec<usize> = ix.candidates(&claim).collect();
                let mut dedup = got.clone();
                dedup.sort();
                dedup.dedup();
                prop_assert_eq!(dedup.len(), got.len(), "a fact seen twice");
                for (i, f) in facts.iter().enumerate() {
                    if let Some(cmp) = compat::compare(&claim, f) {
                        let joint = (cmp.subject == ActorMatch::PartOfJoint
                            && cmp.object.compatible())
                            || (cmp.object == ActorMatch::PartOfJoint
                                && cmp.subject.compatible());
                        if (cmp.is_about() && cmp.anchored()) || joint {
                            prop_assert!(got.contains(&i), "fact {} missed", i);
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn a_fact_naming_no_claimed_actor_is_about_no_such_claim() {
    let t = T::new();
    let nobody = t.fact(A1, 0, &[], n(17), &[], None);
    let c = t.claim(&["Netherlands"], n(17), &["Russia"], None);
    let r = check(std::slice::from_ref(&c), std::slice::from_ref(&nobody), &t.lx);
    assert_eq!(r.claims[0].verdict, Verdict::NotFound);
    assert_eq!(r.unverified.len(), 1);
    let c = t.claim(&["Netherlands"], n(17), &[], None);
    assert_eq!(one(&t, c, std::slice::from_ref(&nobody)).verdict, Verdict::NotFound);
    let any = t.claim(&["_"], n(17), &["_"], None);
    assert_eq!(one(&t, any, &[nobody]).verdict, Verdict::Supported);
}

#[test]
fn many_statements_are_labelled_up_to_a_limit() {
    let t = T::new();
    let c = t.claim(&["Netherlands"], n(17), &["Russia"], None);
    let facts: Vec<Fact> =
        (0..10).map(|i| t.fact(A1, i * 20, &["Netherlands"], n(17), &["Russia"], None)).collect();
    let r = check(&[c], &facts, &t.lx);
    assert_eq!(r.claims[0].evidence.len(), 10);
    let d = diagnostics(&r, &t.lx, &Policy::default());
    // The primary label, five more statements, and the claim.
    assert_eq!(d[0].secondary.len(), diagnostics::MAX_LABELS + 1);
    assert!(d[0].notes.iter().any(|n| n.starts_with("4 more statements")), "{:?}", d[0].notes);
}

#[test]
fn the_code_and_the_primary_label_agree() {
    let t = T::new();
    let c = t.claim(&["Russia"], n(5), &["Belgium"], day(2022, 3, 24));
    // Article 1 contradicts the date only, article 2 the count only.
    let date = t.fact(A1, 0, &["Russia"], n(5), &["Belgium"], day(2022, 3, 23));
    let count = t.fact(A2, 0, &["Russia"], n(6), &["Belgium"], day(2022, 3, 24));
    let r = check(&[c], &[date, count], &t.lx);
    assert_eq!(r.claims[0].reasons, vec![Reason::Count, Reason::Date]);
    let d = diagnostics(&r, &t.lx, &Policy::default());
    assert_eq!(d[0].code, "FC101");
    assert_eq!(d[0].primary.file, A2);
    assert_eq!(d[0].message, "count mismatch: the article says 6, the claim says 5");
    assert_eq!(d[0].secondary[0].file, A1, "the date mismatch as a secondary label");
}
