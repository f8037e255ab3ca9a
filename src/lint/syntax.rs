//! FC001 `syntax-error`: a line that is not a claim, a declaration, a property, an example or
//! an `articles` line.
//!
//! ## What it catches
//! Anything the parser cannot read: a missing predicate, a malformed number (`1,26`), a date in
//! the wrong shape (`2022-3-29`), an unterminated quote, a header without a name, a stray word.
//! The caret points at the offending token, and the help says what was expected.
//!
//! ## Example
//! ```text
//! Netherlands 17 Russia 2022-03-29     # FC001: expected a predicate after the subject
//! "Islamic State killed >20 _          # FC001: unterminated quote
//! ```
//!
//! The line is otherwise ignored (its claim is not checked), so fix it first. `factcheck fmt`
//! never rewrites a file with syntax errors.

/// The stable code.
pub const CODE: &str = crate::diag::code::SYNTAX;
