//! FC008 `property-outside-declaration`: a property line with no header above it.
//!
//! ## What it catches
//! A property line (`alias ...`, `verb ...`) belongs to the nearest `actor` or `predicate`
//! header above it; a claim or an `articles` line ends the declaration. A property line before
//! any header, or after a claim, belongs to nothing.
//!
//! ## Example
//! ```text
//! Netherlands expelled 17 Russia
//!   alias Holland                  # FC008: which actor is this for?
//! ```

/// The stable code.
pub const CODE: &str = crate::diag::code::PROPERTY_OUTSIDE_DECLARATION;
