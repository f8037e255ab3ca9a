//! FC005 `unknown-predicate`: a claim's predicate word names no declared predicate.
//!
//! ## What it catches
//! A predicate that is not the canonical name, a verb form or a noun of any predicate
//! (`expeled`, `bombed` without a `predicate bombed` declaration). The claim cannot be checked,
//! so this is an error. The help suggests the closest known word.
//!
//! ## Example
//! ```text
//! Netherlands expeled 17 Russia     # FC005: did you mean "expelled"?
//! ```

/// The stable code.
pub const CODE: &str = crate::diag::code::UNKNOWN_PREDICATE;
