//! FC009 `unknown-property`: a property keyword that does not exist, or that does not belong
//! under its header.
//!
//! ## What it catches
//! Property lines under an `actor` header take `alias`, `code`, `demonym`, `metonym` and `drop`;
//! under a `predicate` header `verb`, `noun`, `phrase`, `object`, `example` and `drop`.
//! Anything else (`aliases`, `verb` under an actor) is reported, with a suggestion.
//!
//! ## Example
//! ```text
//! actor Russia
//!   aliases Russian Federation     # FC009: did you mean `alias`?
//! ```

/// The stable code.
pub const CODE: &str = crate::diag::code::UNKNOWN_PROPERTY;
