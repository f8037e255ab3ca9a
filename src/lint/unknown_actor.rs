//! FC004 `unknown-actor` (warning): a name in a claim that no declaration knows.
//!
//! ## What it catches
//! A subject or object name that is not the canonical name, an alias, a code, a demonym or a
//! metonym of any actor in the shipped rules or the files given. Often a typo (`Netherland`),
//! sometimes a genuinely new actor. The help suggests the closest known name.
//!
//! After the warning, the name becomes an ad-hoc actor matched by its own text, so the claim is
//! still checked. To silence the warning for a new actor, declare it:
//! ```text
//! actor "Wagner Group"
//!   alias Wagner
//! ```

/// The stable code.
pub const CODE: &str = crate::diag::code::UNKNOWN_ACTOR;
