//! The checker: compares every claim with the facts extracted from the articles and gives each
//! claim a verdict with evidence; facts no claim covers are reported as unverified.

pub mod compat;

/// Placeholder until the checker lands (issue 4).
#[derive(Debug, Default)]
pub struct Report {}
