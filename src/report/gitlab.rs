//! `check --format gitlab`: a GitLab Code Quality report (the `artifacts: reports: codequality:`
//! of a CI job), so that findings appear in merge request widgets and diffs.
//!
//! A JSON array, one object a diagnostic:
//!
//! - `description`: the message, then its notes and help on lines of their own;
//! - `check_name`: the code (`FC101`);
//! - `fingerprint`: the baseline fingerprint of the finding
//!   ([`crate::workspace::baseline::fingerprints`]), so a finding keeps its identity across
//!   commits as long as the claim and the article's sentence do; for a claim file's own warning or
//!   an article's suppression problem, a hash of its code, file, message and text;
//! - `severity`: `critical` for an error, `minor` for a warning, `info` for a note (supported
//!   claims, shown only with `--show supported`);
//! - `location`: `path` (the file as given on the command line or found by the configuration:
//!   run factcheck from the repository root so that GitLab finds it) and `lines.begin` (1-based
//!   line of the primary span).

use serde::Serialize;

use super::Item;
use crate::diag::Severity;
use crate::source::SourceMap;

/// One Code Quality issue.
#[derive(Debug, Serialize)]
pub struct Issue {
    pub description: String,
    pub check_name: String,
    pub fingerprint: String,
    pub severity: &'static str,
    pub location: Location,
}

#[derive(Debug, Serialize)]
pub struct Location {
    pub path: String,
    pub lines: Lines,
}

#[derive(Debug, Serialize)]
pub struct Lines {
    pub begin: usize,
}

/// GitLab's severity for ours.
pub fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "critical",
        Severity::Warning => "minor",
        Severity::Note | Severity::Help => "info",
    }
}

/// The issues of `items`, in order.
pub fn issues(sources: &SourceMap, items: &[Item<'_>]) -> Vec<Issue> {
    items
        .iter()
        .map(|item| {
            let d = item.diagnostic;
            let f = sources.get(d.primary.file);
            let (line, _) = f.line_col(d.primary.span.start);
            Issue {
                description: super::github::full_message(d),
                check_name: d.code.to_string(),
                fingerprint: item.fingerprint.clone(),
                severity: severity(d.severity),
                location: Location { path: f.name.clone(), lines: Lines { begin: line } },
            }
        })
        .collect()
}

/// The report as pretty-printed JSON, ending with a newline.
pub fn render(sources: &SourceMap, items: &[Item<'_>]) -> String {
    let mut s =
        serde_json::to_string_pretty(&issues(sources, items)).unwrap_or_else(|_| "[]".to_string());
    s.push('\n');
    s
}
