//! Lint checks on claim and rule files, one file per check, each with a stable code (`FC0xx`)
//! and a doc comment that is its user documentation.
//!
//! Some checks are found while parsing (syntax, dates, ranges, misplaced lines: the parser
//! returns them as [`crate::lang::ParseError`]s carrying these codes), some while resolving names
//! ([`crate::lang::load`]), and some look at all claims at once (duplicates, conflicting
//! quantities). [`CHECKS`] lists them all; `docs/claim-language.md` has the same table.

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

use crate::diag::Severity;

/// One check: its code, its name, the severity of what it reports, and a one-line summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Check {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
}

/// Every check, by code.
pub const CHECKS: &[Check] = &[
    Check {
        code: syntax::CODE,
        name: "syntax-error",
        severity: Severity::Error,
        summary: "a line the parser cannot read",
    },
    Check {
        code: impossible_date::CODE,
        name: "impossible-date",
        severity: Severity::Error,
        summary: "a date that does not exist (2022-02-30)",
    },
    Check {
        code: empty_range::CODE,
        name: "empty-range",
        severity: Severity::Error,
        summary: "a reversed range (20..10, 2022-05..2022-04) or <0",
    },
    Check {
        code: unknown_actor::CODE,
        name: "unknown-actor",
        severity: Severity::Warning,
        summary: "a name no declaration knows (then matched by its own text)",
    },
    Check {
        code: unknown_predicate::CODE,
        name: "unknown-predicate",
        severity: Severity::Error,
        summary: "a predicate word no declaration knows",
    },
    Check {
        code: duplicate_claim::CODE,
        name: "duplicate-claim",
        severity: Severity::Warning,
        summary: "the same claim written twice",
    },
    Check {
        code: conflicting_quantities::CODE,
        name: "conflicting-quantities",
        severity: Severity::Error,
        summary: "same subject, predicate, object and date, incompatible quantities (a warning when undated)",
    },
    Check {
        code: property_outside_declaration::CODE,
        name: "property-outside-declaration",
        severity: Severity::Error,
        summary: "a property line with no actor or predicate header above it",
    },
    Check {
        code: unknown_property::CODE,
        name: "unknown-property",
        severity: Severity::Error,
        summary: "an unknown property keyword, or one not allowed under its header",
    },
    Check {
        code: misplaced_articles::CODE,
        name: "misplaced-articles",
        severity: Severity::Error,
        summary: "a second `articles` line, or one after the first claim",
    },
    Check {
        code: useless_drop::CODE,
        name: "useless-drop",
        severity: Severity::Warning,
        summary: "`drop` of a name the declaration does not have, or of its canonical name",
    },
    Check {
        code: ambiguous_actor::CODE,
        name: "ambiguous-actor",
        severity: Severity::Warning,
        summary: "a name several actors go by",
    },
];

/// Looks a check up by code.
pub fn check(code: &str) -> Option<&'static Check> {
    CHECKS.iter().find(|c| c.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_sorted() {
        let mut codes: Vec<&str> = CHECKS.iter().map(|c| c.code).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), CHECKS.len());
    }
}
