//! FC006 `duplicate-claim` (warning): the same claim written twice.
//!
//! ## What it catches
//! Two claims with the same subject, negation, predicate, quantity, object and date, once names
//! are resolved (`US expelled 12 Russia` and `United States expelled 12 Russia` are the same
//! claim), in files that apply to the same articles. The second is reported, with a label on the
//! first. Remove one: a duplicate makes every verdict count twice.
//!
//! ## Example
//! ```text
//! Netherlands expelled 17 Russia 2022-03-29
//! Netherlands expel 17 Russia 2022-03-29       # FC006: same claim as line 1
//! ```

use std::collections::HashMap;

use crate::diag::Diagnostic;
use crate::lang::Scope;
use crate::model::{Actors, Claim, DateSpec, PredicateId, Quantity};
use crate::source::FileId;

/// The stable code.
pub const CODE: &str = crate::diag::code::DUPLICATE_CLAIM;

/// What makes two claims the same claim (spans aside).
#[derive(PartialEq, Eq, Hash)]
struct Key<'a> {
    scope: Option<&'a [String]>,
    subject: &'a Actors,
    negated: bool,
    predicate: PredicateId,
    quantity: Option<Quantity>,
    object: &'a Actors,
    date: Option<DateSpec>,
}

/// The scope (`articles` globs) of a file, if it has one.
pub(crate) fn scope_of(scopes: &[Scope], file: FileId) -> Option<&[String]> {
    scopes.iter().find(|s| s.file == file).map(|s| s.globs.as_slice())
}

/// Reports every claim that repeats an earlier one.
pub fn check(claims: &[Claim], scopes: &[Scope]) -> Vec<Diagnostic> {
    let mut seen: HashMap<Key<'_>, &Claim> = HashMap::new();
    let mut out = Vec::new();
    for c in claims {
        let key = Key {
            scope: scope_of(scopes, c.file),
            subject: &c.subject,
            negated: c.negated,
            predicate: c.predicate,
            quantity: c.quantity,
            object: &c.object,
            date: c.date,
        };
        match seen.get(&key) {
            Some(first) => out.push(
                Diagnostic::warning(CODE, c.file, c.span.clone(), "this claim is written twice")
                    .with_label("duplicate")
                    .with_secondary(first.file, first.span.clone(), "first written here")
                    .with_help("remove one of them"),
            ),
            None => {
                seen.insert(key, c);
            }
        }
    }
    out
}
