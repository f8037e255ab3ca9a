//! The claim language: parsing, name resolution, printing and formatting of claim and rule files.
//!
//! One file holds claims (`Netherlands expelled 17 Russia 2022-03-29`), declarations
//! (`actor ...`, `predicate ...` blocks that build the [`Lexicon`]), worked examples and an
//! optional `articles` scope. See `docs/claim-language.md` for the language itself.
//!
//! - [`parse`] turns text into an [`ast::File`] (every line, with spans) and [`ParseError`]s;
//! - [`load`] parses a set of files and resolves them into a [`Lexicon`] and [`Claim`]s, with
//!   every diagnostic;
//! - [`format::format`] prints a file in the canonical layout;
//! - [`display`] prints claims and facts with canonical names.

pub mod ast;
pub mod display;
pub mod format;
pub mod lex;
mod parse;
mod resolve;

pub use parse::{ParseError, is_actor_word, is_predicate_word, parse};
pub use resolve::parse_diagnostic;

use crate::diag::Diagnostic;
use crate::lexicon::Lexicon;
use crate::model::Claim;
use crate::source::{FileId, SourceMap};

/// The `articles GLOB, ...` line of a claim file: which articles its claims apply to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    pub file: FileId,
    pub globs: Vec<String>,
    pub span: crate::model::Span,
}

/// Everything read from a set of claim and rule files.
#[derive(Debug, Default)]
pub struct Loaded {
    pub lexicon: Lexicon,
    pub claims: Vec<Claim>,
    pub scopes: Vec<Scope>,
    /// Parse and resolution errors of every file, in file order (then by position).
    pub diagnostics: Vec<Diagnostic>,
    /// The files read, in the order they were loaded (shipped rules first).
    pub files: Vec<FileId>,
}

impl Loaded {
    /// Sorts the diagnostics in file order (the order of [`Loaded::files`]), then by position;
    /// the sort is stable, so diagnostics at one position keep the order they were found in.
    pub fn sort_diagnostics(&mut self) {
        let rank: std::collections::HashMap<FileId, usize> =
            self.files.iter().enumerate().map(|(i, f)| (*f, i)).collect();
        self.diagnostics.sort_by_key(|d| {
            (rank.get(&d.primary.file).copied().unwrap_or(usize::MAX), d.primary.span.start)
        });
    }

    /// True when some diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(|d| d.severity == crate::diag::Severity::Error)
    }
}

/// Parses and resolves files (without the linter's whole-file checks, which run over what this returns):
/// the shipped rules first (added to `sources` when `shipped`), then
/// `files` in order, so that user declarations extend the shipped ones. Never stops at the first
/// error: every bad line of every file is in [`Loaded::diagnostics`].
///
/// Declarations of all files are read before any claim is resolved, so a claim may use an actor
/// declared later or in another file. An unknown actor is a warning and becomes an ad-hoc actor
/// ([`crate::lexicon::Actor::ad_hoc`]) matched by its own text; an unknown predicate is an error
/// and its claim is left out.
pub fn load(sources: &mut SourceMap, files: &[FileId], shipped: bool) -> Loaded {
    resolve::load(sources, files, shipped)
}
