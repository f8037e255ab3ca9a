//! Lint checks on claim and rule files, one file per check, each with a stable code (`FC0xx`)
//! and a doc comment that is its user documentation.
//!
//! Some checks are found while parsing (syntax, dates, ranges, misplaced lines: the parser
//! returns them as [`crate::lang::ParseError`]s carrying these codes), some while resolving names
//! ([`crate::lang::load`]); both name their codes from [`crate::diag::code`], so `lang` never
//! imports this module. The checks that look at all claims at once (duplicates, conflicting
//! quantities) run here, over what `lang` returns ([`load`], [`run`]). [`CHECKS`] lists them all;
//! `docs/claim-language.md` has the same table.

pub mod ambiguous_actor;
pub mod conflicting_quantities;
pub mod duplicate_claim;
pub mod empty_range;
pub mod impossible_date;
pub mod misplaced_articles;
pub mod property_outside_declaration;
pub mod syntax;
pub mod unknown_actor;
pub mod unknown_predicate;
pub mod unknown_property;
pub mod useless_drop;

pub use crate::diag::{CHECKS, Check, check};

use crate::lang::Loaded;
use crate::source::{FileId, SourceMap};

/// Loads claim and rule files ([`crate::lang::load`]) and runs the checks that look at all
/// claims at once (duplicate claims, conflicting quantities) over what was loaded: every
/// diagnostic of the files, in file order. This is what `lint`, `check` and `extract` read.
pub fn load(sources: &mut SourceMap, files: &[FileId], shipped: bool) -> Loaded {
    let mut loaded = crate::lang::load(sources, files, shipped);
    run(&mut loaded);
    loaded
}

/// Adds the findings of the whole-file checks to `loaded`'s diagnostics, kept in file order.
pub fn run(loaded: &mut Loaded) {
    let found: Vec<_> = duplicate_claim::check(&loaded.claims, &loaded.scopes)
        .into_iter()
        .chain(conflicting_quantities::check(&loaded.claims, &loaded.scopes))
        .collect();
    loaded.diagnostics.extend(found);
    loaded.sort_diagnostics();
}
