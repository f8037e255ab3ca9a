//! FC012 `ambiguous-actor` (warning): a name in a claim that several actors go by.
//!
//! ## What it catches
//! When two declarations give the same alias, code or demonym (`Congo` for both Congos), a claim
//! that uses it could mean either. The claim is read with the first actor declared; write the
//! canonical name to say which one you mean. (A name that is one actor's canonical name is not
//! ambiguous: it means that actor.)
//!
//! ## Example
//! ```text
//! Congo expelled 3 Rwanda           # FC012: "Congo" may be "Republic of the Congo" or "DR Congo"
//! ```

/// The stable code.
pub const CODE: &str = crate::diag::code::AMBIGUOUS_ACTOR;
