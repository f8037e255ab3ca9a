//! FC011 `useless-drop` (warning): a `drop` that removes nothing, or tries to remove the
//! canonical name.
//!
//! ## What it catches
//! `drop NAME` under a header removes a name the actor or predicate has (typically a shipped
//! alias your articles use in another sense). Dropping a name it does not have does nothing,
//! often because of a typo. The canonical name cannot be dropped.
//!
//! ## Example
//! ```text
//! actor Georgia
//!   drop Gorgia                     # FC011: Georgia has no name "Gorgia"
//! ```

/// The stable code.
pub const CODE: &str = crate::diag::code::USELESS_DROP;
