//! FC007 `conflicting-quantities`: two claims about the same event with quantities that cannot
//! both be true.
//!
//! ## What it catches
//! Two claims with the same subject, predicate, object and date (and neither negated), in files
//! that apply to the same articles, whose quantities admit no common count: `17` and `21`, `>20`
//! and `<10`, `~100` and `150`.
//!
//! - **Both dated** (the same date): an **error**. They speak of the same event, one of them is
//!   wrong, and an article can support at most one. The second claim is reported and not
//!   checked; every other claim of the file still is (`check` exits with 2).
//! - **Both undated**: a **warning**. In an article about several events (two rounds of
//!   expulsions, a total and a part) both can be true; add a date to each to tell the events
//!   apart, and both are checked either way.
//!
//! ## Example
//! ```text
//! Netherlands expelled 17 Russia 2022-03-29
//! Netherlands expelled 21 Russia 2022-03-29    # FC007 error: 21 is incompatible with 17
//! Germany expelled 40 Russia
//! Germany expelled 2 Russia                    # FC007 warning: add dates to tell them apart
//! ```

use std::collections::HashMap;

use crate::diag::Diagnostic;
use crate::lang::Scope;
use crate::lint::duplicate_claim::scope_of;
use crate::model::{Actors, Claim, DateSpec, PredicateId};

/// The stable code.
pub const CODE: &str = crate::diag::code::CONFLICTING_QUANTITIES;

#[derive(PartialEq, Eq, Hash)]
struct Key<'a> {
    scope: Option<&'a [String]>,
    subject: &'a Actors,
    predicate: PredicateId,
    object: &'a Actors,
    date: Option<DateSpec>,
}

/// Reports every claim whose quantity is incompatible with an earlier claim's about the same
/// event.
pub fn check(claims: &[Claim], scopes: &[Scope]) -> Vec<Diagnostic> {
    let mut groups: HashMap<Key<'_>, Vec<&Claim>> = HashMap::new();
    let mut out = Vec::new();
    for c in claims.iter().filter(|c| !c.negated) {
        let Some(q) = c.quantity else { continue };
        let key = Key {
            scope: scope_of(scopes, c.file),
            subject: &c.subject,
            predicate: c.predicate,
            object: &c.object,
            date: c.date,
        };
        let group = groups.entry(key).or_default();
        if group.iter().any(|o| o.quantity == Some(q)) {
            // A duplicate (FC006): its conflicts were reported for the first one.
            continue;
        }
        let clash = group.iter().find(|o| o.quantity.is_some_and(|oq| !oq.compatible(&q)));
        if let Some(other) = clash {
            let oq = other.quantity.map(|q| q.to_string()).unwrap_or_default();
            let span = c.quantity_span.clone().unwrap_or(c.span.clone());
            let ospan = other.quantity_span.clone().unwrap_or(other.span.clone());
            let message = format!("conflicting quantities: {q} is incompatible with {oq}");
            let d = if c.date.is_some() {
                Diagnostic::error(CODE, c.file, span, message)
                    .with_note("the two claims have the same subject, predicate, object and date")
                    .with_help("correct one of the quantities, or widen one (>N, ~N, N..M)")
            } else {
                Diagnostic::warning(CODE, c.file, span, message)
                    .with_note(
                        "the two claims have the same subject, predicate and object, and no date",
                    )
                    .with_help(
                        "if they are two events, add each one's date to tell them apart; if one \
                         event, correct one of the quantities or widen one (>N, ~N, N..M)",
                    )
            };
            out.push(d.with_label(format!("{q} here")).with_secondary(
                other.file,
                ospan,
                format!("{oq} here"),
            ));
        }
        group.push(c);
    }
    out
}
