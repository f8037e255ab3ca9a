//! The checker's cost on synthetic data: 1,000 claims against 100,000 facts over 200 actors and
//! nine predicates. With the (predicate, actor) index the cost grows with facts + claims +
//! matches, not claims x facts.
//!
//! `cargo bench --bench check`

use criterion::{Criterion, criterion_group, criterion_main};
use factcheck::check;
use factcheck::lexicon::{Actor, Lexicon, Predicate};
use factcheck::model::{ActorId, Actors, Claim, Fact, PredicateId, Quantity};
use factcheck::source::FileId;

/// A small deterministic generator (xorshift), so the data is the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

fn data(claims: usize, facts: usize) -> (Lexicon, Vec<Claim>, Vec<Fact>) {
    let mut lx = Lexicon::new();
    for i in 0..200 {
        lx.add_actor(Actor::new(format!("A{i}")));
    }
    for i in 0..9 {
        lx.add_predicate(Predicate::new(format!("p{i}")));
    }
    let mut r = Rng(0x9E37_79B9_7F4A_7C15);
    let actors = |r: &mut Rng| {
        let mut v = vec![ActorId(r.next(200) as u32)];
        if r.next(10) == 0 {
            v.push(ActorId(r.next(200) as u32));
        }
        v.sort();
        v.dedup();
        v
    };
    let facts: Vec<Fact> = (0..facts)
        .map(|i| {
            let subject = if r.next(8) == 0 { Vec::new() } else { actors(&mut r) };
            let object = if r.next(4) == 0 { Vec::new() } else { actors(&mut r) };
            Fact {
                file: FileId((i / 10) as u32),
                span: 0..10,
                subject,
                predicate: PredicateId(r.next(9) as u16),
                quantity: Some(Quantity::exact(r.next(100))),
                object,
                date: None,
                negated: false,
                subject_span: None,
                predicate_span: 0..1,
                quantity_span: None,
                object_span: None,
                date_span: None,
            }
        })
        .collect();
    let claims: Vec<Claim> = (0..claims)
        .map(|_| Claim {
            file: FileId(u32::MAX),
            span: 0..10,
            subject: Actors::Set(actors(&mut r)),
            subject_span: 0..1,
            negated: false,
            predicate: PredicateId(r.next(9) as u16),
            predicate_span: 0..1,
            quantity: Some(Quantity::exact(r.next(100))),
            quantity_span: None,
            object: Actors::Set(actors(&mut r)),
            object_span: None,
            date: None,
            date_span: None,
        })
        .collect();
    (lx, claims, facts)
}

fn bench(c: &mut Criterion) {
    let (lx, claims, facts) = data(1_000, 100_000);
    c.bench_function("check 1k claims x 100k facts", |b| {
        b.iter(|| check::check(&claims, &facts, &lx))
    });
    c.bench_function("check 0 claims x 100k facts", |b| b.iter(|| check::check(&[], &facts, &lx)));
    c.bench_function("index 100k facts", |b| b.iter(|| check::index::FactIndex::new(&facts)));
    let (lx, claims, facts) = data(10_000, 100_000);
    c.bench_function("check 10k claims x 100k facts", |b| {
        b.iter(|| check::check(&claims, &facts, &lx))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
