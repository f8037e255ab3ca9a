//! The one message type: everything factcheck reports (a parse error in a claim file, a lint
//! warning, a contradicted claim, an unverified fact) is a [`Diagnostic`]. The library never
//! prints; reporters in [`crate::report`] render diagnostics for people (codespan-reporting),
//! for programs (JSON), for code scanning (SARIF) and for GitHub Actions.

use serde::Serialize;

use crate::model::Span;
use crate::source::{FileId, SourceMap};

/// How serious a diagnostic is. `Error` makes the exit code 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Help,
    Note,
    Warning,
    Error,
}

/// A span in a file with a message, rendered under the source line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub file: FileId,
    pub span: Span,
    pub message: String,
}

impl Label {
    pub fn new(file: FileId, span: Span, message: impl Into<String>) -> Self {
        Label { file, span, message: message.into() }
    }
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Stable code: `FC0xx` claim language, `FC1xx` verdicts, `FC2xx` articles and configuration.
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    /// Where it is: the caret goes here.
    pub primary: Label,
    /// Related places (the claim, for a verdict on an article span; the first occurrence, for a
    /// duplicate).
    pub secondary: Vec<Label>,
    pub notes: Vec<String>,
    pub help: Option<String>,
    /// For a check finding, its baseline fingerprint ([`crate::workspace::baseline::FindingKey`], with
    /// `:N` for the N-th identical finding of a file after the first): stable across edits
    /// elsewhere in the files (SARIF `partialFingerprints`).
    pub fingerprint: Option<String>,
}

impl Diagnostic {
    pub fn new(
        code: &'static str,
        severity: Severity,
        file: FileId,
        span: Span,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            code,
            severity,
            message: message.into(),
            primary: Label::new(file, span, ""),
            secondary: Vec::new(),
            notes: Vec::new(),
            help: None,
            fingerprint: None,
        }
    }

    pub fn error(code: &'static str, file: FileId, span: Span, message: impl Into<String>) -> Self {
        Self::new(code, Severity::Error, file, span, message)
    }

    pub fn warning(
        code: &'static str,
        file: FileId,
        span: Span,
        message: impl Into<String>,
    ) -> Self {
        Self::new(code, Severity::Warning, file, span, message)
    }

    pub fn with_label(mut self, message: impl Into<String>) -> Self {
        self.primary.message = message.into();
        self
    }

    pub fn with_secondary(mut self, file: FileId, span: Span, message: impl Into<String>) -> Self {
        self.secondary.push(Label::new(file, span, message));
        self
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The diagnostic as a flat, serialisable record (file, 1-based line and column, bytes).
    pub fn locate(&self, sources: &SourceMap) -> Located {
        let f = sources.get(self.primary.file);
        let (line, column) = f.line_col(self.primary.span.start);
        let (end_line, end_column) = f.line_col(self.primary.span.end);
        Located {
            file: f.name.clone(),
            line,
            column,
            end_line,
            end_column,
            start: self.primary.span.start,
            end: self.primary.span.end,
            code: self.code,
            severity: self.severity,
            message: self.message.clone(),
            help: self.help.clone(),
        }
    }
}

/// A diagnostic with its position resolved: what `--format json` prints for `lint`.
#[derive(Debug, Clone, Serialize)]
pub struct Located {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub start: usize,
    pub end: usize,
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}
