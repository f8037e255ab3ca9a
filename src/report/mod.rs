//! Reporters: turn [`Diagnostic`]s (and the checker's report) into text for people, programs,
//! code scanning, GitHub Actions and a browser (one HTML page). Reporters write into a `String` or a writer handed to them;
//! only [`crate::cli`] decides where that goes.

pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod sarif;
pub mod summary;

pub use human::{render_diagnostic, render_diagnostics};

use crate::diag::{Diagnostic, Located};
use crate::source::SourceMap;

/// Diagnostics as a JSON array of [`Located`] records (what `lint --format json` prints).
pub fn diagnostics_json(sources: &SourceMap, diags: &[Diagnostic]) -> String {
    let located: Vec<Located> = diags.iter().map(|d| d.locate(sources)).collect();
    serde_json::to_string_pretty(&located).unwrap_or_else(|_| "[]".to_string())
}
