//! The one message type: everything factcheck reports (a parse error in a claim file, a lint
//! warning, a contradicted claim, an unverified fact) is a [`Diagnostic`]. The library never
//! prints; reporters in [`crate::report`] render diagnostics for people (codespan-reporting),
//! for programs (JSON), for code scanning (SARIF) and for GitHub Actions.

use schemars::JsonSchema;
use serde::Serialize;

use crate::model::Span;
use crate::source::{FileId, SourceMap};

/// How serious a diagnostic is. `Error` makes the exit code 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Help,
    Note,
    Warning,
    Error,
}

impl Severity {
    /// The lowercase word every report uses: `error`, `warning`, `note`, `help`.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
            Severity::Help => "help",
        }
    }
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
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Located {
    /// The file, as named on the command line (or by the configuration).
    pub file: String,
    /// 1-based line and column (in characters) of the first byte.
    pub line: usize,
    pub column: usize,
    /// 1-based line and column of the end (exclusive).
    pub end_line: usize,
    pub end_column: usize,
    /// Byte offsets into the file as on disk (`end` exclusive).
    pub start: usize,
    pub end: usize,
    /// The stable code (`FC004`); `factcheck rule CODE` documents it.
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    /// How to fix it, when there is advice.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

/// The stable codes of the claim-language checks (`FC0xx`). The parser and the resolver in
/// [`crate::lang`] report them, and each check's file in [`crate::lint`] documents it; both name
/// the code from here, so the language never depends on the linter.
pub mod code {
    pub const SYNTAX: &str = "FC001";
    pub const IMPOSSIBLE_DATE: &str = "FC002";
    pub const EMPTY_RANGE: &str = "FC003";
    pub const UNKNOWN_ACTOR: &str = "FC004";
    pub const UNKNOWN_PREDICATE: &str = "FC005";
    pub const DUPLICATE_CLAIM: &str = "FC006";
    pub const CONFLICTING_QUANTITIES: &str = "FC007";
    pub const PROPERTY_OUTSIDE_DECLARATION: &str = "FC008";
    pub const UNKNOWN_PROPERTY: &str = "FC009";
    pub const MISPLACED_ARTICLES: &str = "FC010";
    pub const USELESS_DROP: &str = "FC011";
    pub const AMBIGUOUS_ACTOR: &str = "FC012";
}

/// One check: its code, its name, the severity of what it reports, and a one-line summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Check {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
}

/// Every check, by code.
pub const CHECKS: &[Check] = &[
    Check {
        code: code::SYNTAX,
        name: "syntax-error",
        severity: Severity::Error,
        summary: "a line the parser cannot read",
    },
    Check {
        code: code::IMPOSSIBLE_DATE,
        name: "impossible-date",
        severity: Severity::Error,
        summary: "a date that does not exist (2022-02-30)",
    },
    Check {
        code: code::EMPTY_RANGE,
        name: "empty-range",
        severity: Severity::Error,
        summary: "a reversed range (20..10, 2022-05..2022-04) or <0",
    },
    Check {
        code: code::UNKNOWN_ACTOR,
        name: "unknown-actor",
        severity: Severity::Warning,
        summary: "a name no declaration knows (then matched by its own text)",
    },
    Check {
        code: code::UNKNOWN_PREDICATE,
        name: "unknown-predicate",
        severity: Severity::Error,
        summary: "a predicate word no declaration knows",
    },
    Check {
        code: code::DUPLICATE_CLAIM,
        name: "duplicate-claim",
        severity: Severity::Warning,
        summary: "the same claim written twice",
    },
    Check {
        code: code::CONFLICTING_QUANTITIES,
        name: "conflicting-quantities",
        severity: Severity::Error,
        summary: "same subject, predicate, object and date, incompatible quantities (a warning when undated)",
    },
    Check {
        code: code::PROPERTY_OUTSIDE_DECLARATION,
        name: "property-outside-declaration",
        severity: Severity::Error,
        summary: "a property line with no actor or predicate header above it",
    },
    Check {
        code: code::UNKNOWN_PROPERTY,
        name: "unknown-property",
        severity: Severity::Error,
        summary: "an unknown property keyword, or one not allowed under its header",
    },
    Check {
        code: code::MISPLACED_ARTICLES,
        name: "misplaced-articles",
        severity: Severity::Error,
        summary: "a second `articles` line, or one after the first claim",
    },
    Check {
        code: code::USELESS_DROP,
        name: "useless-drop",
        severity: Severity::Warning,
        summary: "`drop` of a name the declaration does not have, or of its canonical name",
    },
    Check {
        code: code::AMBIGUOUS_ACTOR,
        name: "ambiguous-actor",
        severity: Severity::Warning,
        summary: "a name several actors go by",
    },
];

/// Looks a check up by code.
pub fn check(code: &str) -> Option<&'static Check> {
    CHECKS.iter().find(|c| c.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_sorted() {
        let mut codes: Vec<&str> = CHECKS.iter().map(|c| c.code).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), CHECKS.len());
    }
}
