//! FC010 `misplaced-articles`: a second `articles` line, or one after the first claim.
//!
//! ## What it catches
//! A file has at most one `articles GLOB, ...` line, before its first claim: the scope applies to
//! the whole file, so a later line would suggest it applies only to the claims below it.
//!
//! ## Example
//! ```text
//! articles drafts/*.md
//! articles sources/*.txt           # FC010: list both on the first line
//! ```

/// The stable code.
pub const CODE: &str = crate::diag::code::MISPLACED_ARTICLES;
