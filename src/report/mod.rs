//! Reporters: turn [`Diagnostic`]s (and the checker's report) into text for people, programs,
//! code scanning, GitHub Actions and a browser (one HTML page). Reporters write into a `String` or a writer handed to them;
//! only [`crate::cli`] decides where that goes.

pub mod codes;
pub mod extract_json;
pub mod github;
pub mod gitlab;
pub mod html;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;
pub mod schema;
pub mod summary;

pub use human::{render_diagnostic, render_diagnostics};

use schemars::JsonSchema;
use serde::Serialize;

use crate::check::{Finding, Policy, Report};
use crate::diag::{Diagnostic, Located};
use crate::model::Span;
use crate::source::{FileId, SourceMap};

/// What a finding of a check is about: the claim (its index in [`Report::claims`]) or the
/// unverified fact (its index in [`Report::unverified`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Claim(usize),
    Fact(usize),
}

/// The origin of each diagnostic [`crate::check::diagnostics`] makes of `report` under
/// `policy`, in the same order: the claims whose finding the policy does not turn off, then
/// the unverified facts when their kind is not off.
pub fn origins(report: &Report, policy: &Policy) -> Vec<Origin> {
    let mut out: Vec<Origin> = (report.claims.iter().enumerate())
        .filter(|(_, c)| policy.level(crate::check::diagnostics::finding(c)).is_some())
        .map(|(i, _)| Origin::Claim(i))
        .collect();
    if policy.level(Finding::Unverified).is_some() {
        out.extend((0..report.unverified.len()).map(Origin::Fact));
    }
    out
}

/// A diagnostic of a check run with what the CI reporters (GitHub, GitLab, JUnit) add to it.
#[derive(Debug, Clone)]
pub struct Item<'a> {
    pub diagnostic: &'a Diagnostic,
    /// For a finding of the checker: what it is about.
    pub origin: Option<Origin>,
    /// For a finding about a claim: the claim as written (file and span).
    pub claim: Option<(FileId, &'a Span)>,
    /// A stable fingerprint: the baseline's for a finding (see
    /// [`crate::workspace::baseline::fingerprints`]); for a claim file's or an article's own
    /// diagnostic, a hash of its code, file, message and the text it points at.
    pub fingerprint: String,
}

/// The fingerprint of a diagnostic that is not a finding of the checker (a claim file's
/// warning, an article's invalid suppression): hex SHA-256 of its code, file, message and the
/// text its primary label points at.
pub fn diagnostic_fingerprint(sources: &SourceMap, d: &Diagnostic) -> String {
    let f = sources.get(d.primary.file);
    let key = crate::workspace::baseline::FindingKey {
        kind: d.code,
        file: &f.name,
        claim: Some(&d.message),
        evidence: f.slice(&d.primary.span),
    };
    key.fingerprint()
}

/// The version of `lint --format json` ([`LintReport`]); raised only on an incompatible change.
pub const LINT_VERSION: u32 = 1;

/// `factcheck lint --format json` (docs/report-json.md): the diagnostics of the claim and rule
/// files, in file and line order.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(title = "factcheck lint report")]
pub struct LintReport {
    /// The structure's version: 1. Within a version fields are only ever added.
    #[schemars(range(min = 1, max = 1))]
    pub version: u32,
    pub diagnostics: Vec<Located>,
}

/// Diagnostics as a [`LintReport`] (what `lint --format json` prints), pretty-printed.
pub fn diagnostics_json(sources: &SourceMap, diags: &[Diagnostic]) -> String {
    let report = LintReport {
        version: LINT_VERSION,
        diagnostics: diags.iter().map(|d| d.locate(sources)).collect(),
    };
    serde_json::to_string_pretty(&report).unwrap_or_else(|_| "{}".to_string())
}
