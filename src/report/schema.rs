//! JSON Schemas of the machine-readable outputs and of `factcheck.toml`, generated from the
//! types they are serialised from (or read into) with `schemars`, so a schema cannot drift from
//! what is written. They are committed under `docs/schemas/` (`NAME.json`); `tests/schemas.rs`
//! regenerates them and fails on any difference (`UPDATE_GENERATED=1` rewrites them), and
//! validates real outputs against them.

use schemars::Schema;

/// How a schema is generated.
pub type Generate = fn() -> Schema;

/// Every schema: its name (the file `docs/schemas/NAME.json`) and how to generate it.
pub const SCHEMAS: [(&str, Generate); 4] = [
    ("check-report", || schemars::schema_for!(super::json::JsonReport)),
    ("extract-record", || schemars::schema_for!(super::extract_json::Record<'static>)),
    ("lint-report", || schemars::schema_for!(super::LintReport)),
    ("factcheck-toml", crate::workspace::config::schema),
];

/// A schema as the committed file holds it (pretty-printed, with a final newline), by name.
pub fn render(name: &str) -> Option<String> {
    let (_, make) = SCHEMAS.iter().find(|(n, _)| *n == name)?;
    let mut s = serde_json::to_string_pretty(&make()).ok()?;
    s.push('\n');
    Some(s)
}
