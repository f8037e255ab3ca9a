//! Every fact of a run, numbered in article and text order, with the class its mark gets and
//! the claims it is about: the table the article texts and the claims table both link through.
//!
//! Built once, in `O(n log n)` for `n` facts: the facts are sorted by (article, span), and each
//! piece of evidence in the report finds its fact by binary search, never by scanning.

use std::ops::Range;

use crate::check::{NearMissKind, Reason, Report, Verdict};
use crate::model::Fact;
use crate::source::FileId;

/// How a fact's mark is classed: what the claims say about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Class {
    /// About a claim, but not what its verdict rests on (a vaguer statement next to an explicit
    /// one, another figure in an article that supports the claim), or silenced by a
    /// suppression or the baseline.
    Other,
    /// It supports every claim it is evidence for.
    Supported,
    /// No claim covers it.
    Unverified,
    /// It is evidence (for or against) of a claim the articles disagree on.
    Conflicting,
    /// It contradicts a claim.
    Contradicted,
}

impl Class {
    /// The CSS class name and the word shown with it.
    pub fn name(self) -> &'static str {
        match self {
            Class::Other => "other",
            Class::Supported => "supported",
            Class::Unverified => "unverified",
            Class::Conflicting => "conflicting",
            Class::Contradicted => "contradicted",
        }
    }

    /// The word with a symbol, so that the verdict never rests on colour alone.
    pub fn label(self) -> &'static str {
        match self {
            Class::Other => "· not counted",
            Class::Supported => "✓ supported",
            Class::Unverified => "? unverified",
            Class::Conflicting => "⚠ conflicting",
            Class::Contradicted => "✗ contradicted",
        }
    }

    /// Whether an editor has to look at it.
    pub fn is_problem(self) -> bool {
        matches!(self, Class::Unverified | Class::Conflicting | Class::Contradicted)
    }
}

/// How a fact relates to one claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Relation {
    Supports,
    Contradicts(Vec<Reason>),
    /// Subject and object swapped (a near miss of a claim not found).
    Reversed,
    /// The claim's actor only as part of a joint fact (a near miss).
    Joint,
}

impl Relation {
    /// `supports`, `contradicts (count, date)`, `reversed`, `joint`.
    pub fn describe(&self) -> String {
        match self {
            Relation::Supports => "supports".into(),
            Relation::Contradicts(r) if r.is_empty() => "contradicts".into(),
            Relation::Contradicts(r) => {
                let words: Vec<&str> = r.iter().map(|r| reason_word(*r)).collect();
                format!("contradicts ({})", words.join(", "))
            }
            Relation::Reversed => "states the other way round".into(),
            Relation::Joint => "states jointly".into(),
        }
    }
}

/// `count`, `date`, `negated`.
pub fn reason_word(r: Reason) -> &'static str {
    match r {
        Reason::Count => "count",
        Reason::Date => "date",
        Reason::Negated => "negated",
    }
}

/// One fact with its class and its relations to claims (by index in the report).
#[derive(Debug)]
pub struct Entry<'a> {
    pub fact: &'a Fact,
    pub class: Class,
    pub claims: Vec<(usize, Relation)>,
}

/// The facts of a run in (article, start, end) order; a fact's number is its index.
#[derive(Debug)]
pub struct FactTable<'a> {
    pub entries: Vec<Entry<'a>>,
}

fn key(f: &Fact) -> (FileId, usize, usize) {
    (f.file, f.span.start, f.span.end)
}

impl<'a> FactTable<'a> {
    /// The facts extracted (`facts`, in any order) together with every fact the report names,
    /// each once, classed by the report.
    pub fn new(facts: &'a [Fact], report: &'a Report) -> Self {
        let named = report.claims.iter().flat_map(|c| {
            c.evidence.iter().map(|e| &e.fact).chain(c.near_misses.iter().map(|n| &n.fact))
        });
        let mut all: Vec<&Fact> = facts.iter().chain(named).chain(&report.unverified).collect();
        all.sort_by_key(|f| key(f));
        // Equal facts have equal keys: compare within each run of equal keys (a few facts).
        let mut entries: Vec<Entry> = Vec::with_capacity(all.len());
        let mut group = 0;
        for f in all {
            if entries.last().is_none_or(|e| key(e.fact) != key(f)) {
                group = entries.len();
            }
            if !entries.get(group..).unwrap_or_default().iter().any(|e| e.fact == f) {
                entries.push(Entry { fact: f, class: Class::Other, claims: Vec::new() });
            }
        }
        let mut table = FactTable { entries };
        for f in &report.unverified {
            if let Some(e) = table.find(f).and_then(|i| table.entries.get_mut(i)) {
                e.class = Class::Unverified;
            }
        }
        for (ci, c) in report.claims.iter().enumerate() {
            for ev in &c.evidence {
                let class = match (c.verdict, ev.supports) {
                    (Verdict::Conflicting, _) => Class::Conflicting,
                    (_, true) => Class::Supported,
                    (_, false) => Class::Contradicted,
                };
                let relation = if ev.supports {
                    Relation::Supports
                } else {
                    Relation::Contradicts(ev.reasons.clone())
                };
                if let Some(e) = table.find(&ev.fact).and_then(|i| table.entries.get_mut(i)) {
                    // A fact covered by a claim is never unverified; the worst relation wins.
                    e.class = if e.class == Class::Unverified { class } else { e.class.max(class) };
                    e.claims.push((ci, relation));
                }
            }
            for n in &c.near_misses {
                let relation = match n.kind {
                    NearMissKind::Reversed => Relation::Reversed,
                    NearMissKind::Joint => Relation::Joint,
                };
                if let Some(e) = table.find(&n.fact).and_then(|i| table.entries.get_mut(i)) {
                    e.claims.push((ci, relation));
                }
            }
        }
        table
    }

    /// The number of a fact (binary search, then the few facts with the same span).
    pub fn find(&self, f: &Fact) -> Option<usize> {
        let k = key(f);
        let from = self.entries.partition_point(|e| key(e.fact) < k);
        let same = self.entries.get(from..)?.iter().take_while(|e| key(e.fact) == k);
        same.enumerate().find(|(_, e)| e.fact == f).map(|(i, _)| from + i)
    }

    /// The numbers of an article's facts.
    pub fn of_article(&self, file: FileId) -> Range<usize> {
        let start = self.entries.partition_point(|e| e.fact.file < file);
        let end = self.entries.partition_point(|e| e.fact.file <= file);
        start..end
    }
}
