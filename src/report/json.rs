//! `check --format json`: the check report as one JSON document, version 1. The structure is
//! stable and documented in `docs/report-json.md`; fields are only ever added.

use schemars::JsonSchema;
use serde::Serialize;

use crate::check::{ClaimReport, Finding, Policy, Reason, Report, Summary, Verdict};
use crate::diag::{Diagnostic, Located, Severity};
use crate::lang::display::fact_line;
use crate::lexicon::Lexicon;
use crate::model::{Fact, Span};
use crate::source::{FileId, SourceMap};

/// The version of the structure; raised only on an incompatible change.
pub const VERSION: u32 = 1;

/// `factcheck check --format json` (docs/report-json.md).
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(title = "factcheck check report")]
pub struct JsonReport {
    /// The structure's version: 1. Within a version fields are only ever added.
    #[schemars(range(min = 1, max = 1))]
    pub version: u32,
    /// One object per claim, in the order of the claim files and lines.
    pub claims: Vec<JsonClaim>,
    /// Facts no claim covers, in article and text order.
    pub unverified: Vec<JsonFact>,
    /// How many claims got each verdict, and how many facts are unverified (including
    /// findings whose level is `off`).
    pub summary: Summary,
    /// Errors and warnings from the claim and rule files, and the articles' suppressions
    /// (FC210 unused, FC211 invalid).
    pub diagnostics: Vec<Located>,
}

/// Where something was written: the file, 1-based line and column of its first byte, its byte
/// range in the file as on disk, and its text. Flattened into the objects that carry it.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonSpan {
    /// The file, as named on the command line (for `--jsonl`, the article's `id` or
    /// `FILE:LINE`).
    pub file: String,
    /// 1-based line and column (in characters) of the first byte.
    pub line: usize,
    pub column: usize,
    /// Byte offsets into the file as on disk (`end` exclusive).
    pub start: usize,
    pub end: usize,
    /// The text of `start..end`.
    pub text: String,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonClaim {
    /// The claim as written.
    #[serde(flatten)]
    pub at: JsonSpan,
    pub verdict: Verdict,
    /// Why it is contradicted or conflicting; empty otherwise.
    pub reasons: Vec<Reason>,
    /// The finding's stable code (`FC100`...`FC110`).
    pub code: &'static str,
    /// The level it is reported at: `error`, `warning`, `note` or `off`.
    pub level: &'static str,
    /// The facts the verdict rests on: supporting ones first, then contradicting ones.
    pub evidence: Vec<JsonEvidence>,
    /// For `not_found`: facts that nearly are about the claim.
    pub near_misses: Vec<JsonNearMiss>,
    /// What the verdict leaves unverified.
    pub notes: Vec<&'static str>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonEvidence {
    /// The article's text of the span.
    #[serde(flatten)]
    pub at: JsonSpan,
    /// The fact as a claim line.
    pub fact: String,
    pub supports: bool,
    /// Why this fact contradicts the claim; empty when it supports it.
    pub reasons: Vec<Reason>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonNearMiss {
    pub kind: crate::check::NearMissKind,
    #[serde(flatten)]
    pub at: JsonSpan,
    pub fact: String,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonFact {
    #[serde(flatten)]
    pub at: JsonSpan,
    /// The fact as a claim line with canonical names.
    pub fact: String,
    /// `FC120`.
    pub code: &'static str,
    /// The level it is reported at: `error`, `warning`, `note` or `off`.
    pub level: &'static str,
}

/// The level a finding is reported at, as the reports name it (`off` when not reported).
pub(crate) fn level_name(l: Option<Severity>) -> &'static str {
    l.map_or("off", Severity::name)
}

fn place(sources: &SourceMap, file: FileId, span: &Span) -> JsonSpan {
    let f = sources.get(file);
    let (line, column) = f.line_col(span.start);
    JsonSpan {
        file: f.name.clone(),
        line,
        column,
        start: span.start,
        end: span.end,
        text: f.slice(span).unwrap_or_default().to_string(),
    }
}

fn claim_json(
    c: &ClaimReport,
    sources: &SourceMap,
    lexicon: &Lexicon,
    policy: &Policy,
) -> JsonClaim {
    let finding = crate::check::diagnostics::finding(c);
    JsonClaim {
        at: place(sources, c.claim.file, &c.claim.span),
        verdict: c.verdict,
        reasons: c.reasons.clone(),
        code: finding.code(),
        level: level_name(policy.level(finding)),
        evidence: c
            .evidence
            .iter()
            .map(|e| JsonEvidence {
                at: place(sources, e.fact.file, &e.fact.span),
                fact: fact_line(&e.fact, lexicon),
                supports: e.supports,
                reasons: e.reasons.clone(),
            })
            .collect(),
        near_misses: c
            .near_misses
            .iter()
            .map(|n| JsonNearMiss {
                kind: n.kind,
                at: place(sources, n.fact.file, &n.fact.span),
                fact: fact_line(&n.fact, lexicon),
            })
            .collect(),
        notes: c.notes.iter().map(|n| n.message()).collect(),
    }
}

fn fact_json(f: &Fact, sources: &SourceMap, lexicon: &Lexicon, policy: &Policy) -> JsonFact {
    JsonFact {
        at: place(sources, f.file, &f.span),
        fact: fact_line(f, lexicon),
        code: Finding::Unverified.code(),
        level: level_name(policy.level(Finding::Unverified)),
    }
}

/// The report as the serialisable version-1 structure. `diagnostics` are the claim and rule
/// files' own errors and warnings.
pub fn build(
    report: &Report,
    sources: &SourceMap,
    lexicon: &Lexicon,
    policy: &Policy,
    diagnostics: &[Diagnostic],
) -> JsonReport {
    JsonReport {
        version: VERSION,
        claims: report.claims.iter().map(|c| claim_json(c, sources, lexicon, policy)).collect(),
        unverified: report
            .unverified
            .iter()
            .map(|f| fact_json(f, sources, lexicon, policy))
            .collect(),
        summary: report.summary,
        diagnostics: diagnostics.iter().map(|d| d.locate(sources)).collect(),
    }
}

/// The report as pretty-printed JSON, ending with a newline.
pub fn render(
    report: &Report,
    sources: &SourceMap,
    lexicon: &Lexicon,
    policy: &Policy,
    diagnostics: &[Diagnostic],
) -> String {
    let doc = build(report, sources, lexicon, policy, diagnostics);
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_else(|_| "{}".to_string());
    s.push('\n');
    s
}
