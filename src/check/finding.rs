//! The findings `factcheck check` reports, each with its stable code. The doc comment of each
//! variant is its user documentation.
//!
//! Codes `FC100`-`FC199` are verdicts on claims and facts (`FC0xx` are claim-language errors
//! and lint findings, `FC2xx` articles and configuration).

use serde::Serialize;

use crate::diag::Severity;

/// One kind of finding, with a stable code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Finding {
    /// **FC100 supported** (note). Some article states a fact compatible with the claim: same
    /// predicate, the claim's subject (or `_`), its object or none (`--strict`: its object), a
    /// compatible count, date and negation. The primary label is on the article's words; notes
    /// say what the article leaves unverified (no count, no date, no year, no object).
    Supported,
    /// **FC101 count mismatch** (error by default, kind `contradicted`). The articles speak of
    /// the claim's subject, predicate and object, and no count they give is compatible with the
    /// claim's (`17` vs `15`; `>10`, `~N` within 10% and at least 1, and ranges `N..M` are
    /// compared as sets of counts). Check the figure in the claim or in the article.
    CountMismatch,
    /// **FC102 date mismatch** (error by default, kind `contradicted`). The articles speak of
    /// the claim, and no date they give can be the claim's. Dates are compared field by field
    /// at the precision both give: a claim `2022-04` agrees with `2022-04-15`, and an article's
    /// `April 15` without a year (`--04-15`) agrees with `2022-04-15` but not `2022-04-16`.
    DateMismatch,
    /// **FC103 negated** (error by default, kind `contradicted`). The article says it did not
    /// happen (`Britain has not expelled any Russian diplomats`) and the claim that it did, or
    /// the claim is written with `not` and the article says it happened.
    Negated,
    /// **FC104 conflicting** (error by default, kind `conflicting`). One article supports the
    /// claim and another contradicts it. The articles disagree with each other: at least one of
    /// them is wrong, or they speak of different events.
    Conflicting,
    /// **FC110 not found** (warning by default, kind `not_found`). No article checked says
    /// anything about the claim (its subject, predicate and object). The message names the
    /// mistakes editors make: the fact stated the other way round (the claim's subject and object
    /// swapped), only as a joint fact with a count (`Germany and France expelled 75` for a claim
    /// about `Germany` alone), or without the subject ("30 Russian diplomats were sent home",
    /// but not by whom: a statement that leaves the subject unstated decides nothing, see
    /// docs/verdicts.md).
    NotFound,
    /// **FC120 unverified** (warning by default, kind `unverified`). An article states a fact
    /// that no claim covers (no claim with its subject, predicate and object applies to the
    /// article): a figure in the draft nobody has checked. Add a claim for it, or a suppression.
    Unverified,
}

impl Finding {
    /// Every finding, in code order.
    pub const ALL: [Finding; 7] = [
        Finding::Supported,
        Finding::CountMismatch,
        Finding::DateMismatch,
        Finding::Negated,
        Finding::Conflicting,
        Finding::NotFound,
        Finding::Unverified,
    ];

    /// The stable code: `FC101`.
    pub fn code(self) -> &'static str {
        match self {
            Finding::Supported => "FC100",
            Finding::CountMismatch => "FC101",
            Finding::DateMismatch => "FC102",
            Finding::Negated => "FC103",
            Finding::Conflicting => "FC104",
            Finding::NotFound => "FC110",
            Finding::Unverified => "FC120",
        }
    }

    /// A short name: `count-mismatch` (SARIF rule name).
    pub fn name(self) -> &'static str {
        match self {
            Finding::Supported => "supported",
            Finding::CountMismatch => "count-mismatch",
            Finding::DateMismatch => "date-mismatch",
            Finding::Negated => "negated",
            Finding::Conflicting => "conflicting",
            Finding::NotFound => "not-found",
            Finding::Unverified => "unverified",
        }
    }

    /// One sentence saying what the finding means (SARIF short description).
    pub fn summary(self) -> &'static str {
        match self {
            Finding::Supported => "An article states a fact compatible with the claim.",
            Finding::CountMismatch => "The articles give a count incompatible with the claim's.",
            Finding::DateMismatch => "The articles give a date incompatible with the claim's.",
            Finding::Negated => "The article and the claim disagree on whether it happened.",
            Finding::Conflicting => "One article supports the claim and another contradicts it.",
            Finding::NotFound => "No article says anything about the claim.",
            Finding::Unverified => "An article states a fact that no claim covers.",
        }
    }

    /// The kind `--deny` / `--allow` name (`None` for `supported`, always a note).
    pub fn kind(self) -> Option<Kind> {
        match self {
            Finding::Supported => None,
            Finding::CountMismatch | Finding::DateMismatch | Finding::Negated => {
                Some(Kind::Contradicted)
            }
            Finding::Conflicting => Some(Kind::Conflicting),
            Finding::NotFound => Some(Kind::NotFound),
            Finding::Unverified => Some(Kind::Unverified),
        }
    }

    /// The finding of a code, if it is one of the checker's.
    pub fn from_code(code: &str) -> Option<Finding> {
        Finding::ALL.into_iter().find(|f| f.code() == code)
    }
}

/// The kinds of finding whose level a user sets (`--deny KIND`, `--allow KIND`, a config's
/// severities).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Contradicted,
    Conflicting,
    NotFound,
    Unverified,
}

/// The level each kind of finding is reported at; `None` is off (not reported, still counted
/// in the summary). `supported` is always a note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    pub contradicted: Option<Severity>,
    pub conflicting: Option<Severity>,
    pub not_found: Option<Severity>,
    pub unverified: Option<Severity>,
}

impl Default for Policy {
    /// Contradictions and conflicts are errors; claims not found and unverified facts warnings.
    fn default() -> Self {
        Policy {
            contradicted: Some(Severity::Error),
            conflicting: Some(Severity::Error),
            not_found: Some(Severity::Warning),
            unverified: Some(Severity::Warning),
        }
    }
}

impl Policy {
    /// Sets the level of a kind (`None`: off).
    pub fn set(&mut self, kind: Kind, level: Option<Severity>) {
        match kind {
            Kind::Contradicted => self.contradicted = level,
            Kind::Conflicting => self.conflicting = level,
            Kind::NotFound => self.not_found = level,
            Kind::Unverified => self.unverified = level,
        }
    }

    /// The level a finding is reported at, `None` when it is off.
    pub fn level(&self, finding: Finding) -> Option<Severity> {
        match finding.kind() {
            None => Some(Severity::Note),
            Some(Kind::Contradicted) => self.contradicted,
            Some(Kind::Conflicting) => self.conflicting,
            Some(Kind::NotFound) => self.not_found,
            Some(Kind::Unverified) => self.unverified,
        }
    }
}
