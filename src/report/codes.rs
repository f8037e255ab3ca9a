//! Every stable code (`FC001`...`FC211`) with its user documentation, for `factcheck rule`, the
//! SARIF rule descriptions and the language server's hovers.
//!
//! The text is not written here: `build.rs` extracts it at build time from the doc comments of
//! the checks that report each code (the `//!` docs of `src/lint/*.rs`, the `///` docs of the
//! finding kinds in `src/check/finding.rs` and of the `FC050`, `FC2xx` constants), so the source
//! and the command-line documentation cannot drift apart. A code's doc comment starts with the
//! code, its name and, in parentheses, its level: `FC004 \`unknown-actor\` (warning): ...`.
//! What this module adds is what all codes of a family share: how to silence them.

use serde::Serialize;

use crate::diag::Severity;

include!(concat!(env!("OUT_DIR"), "/code_docs.rs"));

/// One code's documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CodeDoc {
    pub code: &'static str,
    /// `unknown-actor`, `count-mismatch`.
    pub name: &'static str,
    /// The level it is reported at (for check findings, by default).
    pub severity: Severity,
    /// The level as its documentation says it (`error by default, kind \`contradicted\``).
    pub level: &'static str,
    /// The documentation (Markdown), without the heading.
    pub documentation: &'static str,
    /// The source file the documentation is read from.
    pub source: &'static str,
}

impl CodeDoc {
    /// One sentence: a check finding's summary, else the first sentence of the documentation.
    pub fn summary(&self) -> String {
        if let Some(f) = crate::check::Finding::from_code(self.code) {
            return f.summary().to_string();
        }
        let para = self.documentation.split("\n\n").next().unwrap_or_default();
        let para = para.split_whitespace().collect::<Vec<_>>().join(" ");
        match para.find(". ") {
            Some(i) => para[..=i].to_string(),
            None => para,
        }
    }

    /// How to silence (or why not) findings of this code.
    pub fn silence(&self) -> &'static str {
        match self.code.as_bytes().get(2) {
            Some(b'0') if self.severity == Severity::Warning => {
                "A warning: it does not fail `lint` or `check`. Fix the line to make it go away."
            }
            Some(b'0') => {
                "An error in a claim or rule file: `check` does not run until it is fixed (exit \
                 code 2), and `lint` exits with 1. It cannot be silenced."
            }
            Some(b'1') if self.severity == Severity::Note => {
                "A note: it is never an error. Human reports list it; `--format json` has it."
            }
            Some(b'1') => {
                "In a draft: `<!-- factcheck-ignore-next-line KIND -->` on the line above the \
                 sentence (in a text file, `factcheck-ignore-next-line KIND` on a line of its \
                 own), or `factcheck-disable KIND` ... `factcheck-enable` around a passage. For \
                 a whole run: `--allow KIND` (off) or `--warn KIND`, or `[severity] KIND = \
                 \"off\"` in factcheck.toml. For an existing archive: record today's findings \
                 with `--write-baseline FILE` and check with `--baseline FILE`."
            }
            _ if self.severity == Severity::Warning => {
                "A warning: it does not fail the run. Remove or correct the line it points at."
            }
            _ => "An error in the configuration or a draft: correct the line it points at.",
        }
    }

    /// The full text `factcheck rule CODE` prints (Markdown).
    pub fn render(&self) -> String {
        let level = if self.level.is_empty() { Severity::name(self.severity) } else { self.level };
        format!(
            "# {} {} ({level})\n\n{}\n\n## How to silence it\n{}\n",
            self.code,
            self.name,
            self.documentation.trim_end(),
            self.silence()
        )
    }
}

/// `docs/codes.md`: every code's documentation on one page, a `## FCnnn` heading each (so
/// `#fc101` links to it: SARIF's `helpUri`), generated from the same table as `factcheck rule
/// --all`; `tests/schemas.rs` fails when the committed page differs (`UPDATE_GENERATED=1`
/// rewrites it).
pub fn markdown() -> String {
    let mut out = String::from(
        "<!-- Generated from the checks' doc comments (src/report/codes.rs, `factcheck rule \
         --all`); do not edit: `UPDATE_GENERATED=1 cargo test --release --test schemas` \
         rewrites it. -->\n\n# Diagnostic codes\n\nEvery stable code factcheck reports, \
         as `factcheck rule CODE` prints it.\n\n| code | name | level | summary |\n\
         |---|---|---|---|\n",
    );
    let all: Vec<CodeDoc> = all().collect();
    for d in &all {
        let anchor = d.code.to_ascii_lowercase();
        let summary = d.summary().replace('|', "\\|");
        let level = Severity::name(d.severity);
        out.push_str(&format!(
            "| [{}](#{anchor}) | `{}` | {level} | {summary} |\n",
            d.code, d.name
        ));
    }
    for d in &all {
        let level = if d.level.is_empty() { Severity::name(d.severity) } else { d.level };
        out.push_str(&format!("\n## {}\n\n`{}` ({level})\n\n", d.code, d.name));
        // The documentation's own headings go one level down, under the code's.
        let mut fenced = false;
        for line in d.documentation.trim_end().lines() {
            if line.trim_start().starts_with("```") {
                fenced = !fenced;
            }
            if !fenced && line.starts_with('#') {
                out.push('#');
            }
            out.push_str(line);
            out.push('\n');
        }
        out.push_str(&format!("\n### How to silence it\n\n{}\n", d.silence()));
    }
    out
}

fn severity_of(level: &str) -> Severity {
    if level.starts_with("warning") {
        Severity::Warning
    } else if level.starts_with("note") {
        Severity::Note
    } else {
        Severity::Error
    }
}

/// Every documented code, in code order.
pub fn all() -> impl Iterator<Item = CodeDoc> {
    CODE_DOCS.iter().map(|&(code, name, level, documentation, source)| CodeDoc {
        code,
        name,
        severity: severity_of(level),
        level,
        documentation,
        source,
    })
}

/// A code's documentation, by code (`FC101`, `fc101`) or name (`count-mismatch`).
pub fn get(key: &str) -> Option<CodeDoc> {
    let key = key.trim();
    all().find(|d| d.code.eq_ignore_ascii_case(key) || d.name.eq_ignore_ascii_case(key))
}

/// The closest code or name to an unknown `key`, for "did you mean".
pub fn suggest(key: &str) -> Option<&'static str> {
    let key = key.trim().to_ascii_uppercase();
    let mut best: Option<(usize, &'static str)> = None;
    for d in all() {
        for candidate in [d.code, d.name] {
            let dist = strsim::levenshtein(&key, &candidate.to_ascii_uppercase());
            if best.is_none_or(|(b, _)| dist < b) {
                best = Some((dist, candidate));
            }
        }
    }
    best.filter(|&(dist, c)| dist <= c.len() / 2 + 1).map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `"FCnnn"` string literal in the source.
    fn codes_in_source() -> Vec<String> {
        fn walk(dir: &std::path::Path, out: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path).unwrap_or_default();
                    for (i, _) in text.match_indices("\"FC") {
                        let code = text.get(i + 1..i + 6).unwrap_or_default();
                        let closed = text.get(i + 6..i + 7) == Some("\"");
                        if closed && code[2..].bytes().all(|b| b.is_ascii_digit()) {
                            out.push(code.to_string());
                        }
                    }
                }
            }
        }
        let mut out = Vec::new();
        walk(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
        out.sort();
        out.dedup();
        out
    }

    #[test]
    fn every_code_has_documentation() {
        let codes = codes_in_source();
        assert!(codes.len() >= 25, "{codes:?}");
        for code in &codes {
            let doc = get(code).unwrap_or_else(|| panic!("{code} has no documentation"));
            assert!(doc.documentation.len() > 40, "{code}: {:?}", doc.documentation);
            assert!(!doc.name.is_empty() && !doc.name.contains(' '), "{code}: {}", doc.name);
        }
        for check in crate::lint::CHECKS {
            let doc = get(check.code).unwrap_or_else(|| panic!("{}", check.code));
            assert_eq!(doc.name, check.name);
            assert_eq!(doc.severity, check.severity, "{}", check.code);
        }
        for f in crate::check::Finding::ALL {
            let doc = get(f.code()).unwrap_or_else(|| panic!("{}", f.code()));
            assert_eq!(doc.name, f.name());
            let level = crate::check::Policy::default().level(f);
            assert_eq!(Some(doc.severity), level, "{}", f.code());
        }
    }

    #[test]
    fn lookup_and_suggestions() {
        assert_eq!(get("fc101").map(|d| d.name), Some("count-mismatch"));
        assert_eq!(get("unknown-actor").map(|d| d.code), Some("FC004"));
        assert_eq!(get(&format!("FC{}", 999)), None);
        assert_eq!(suggest("FC1O1"), Some("FC101"));
        assert_eq!(suggest("unknwn-actor"), Some("unknown-actor"));
        let doc = get("FC004").map(|d| d.render()).unwrap_or_default();
        assert!(doc.starts_with("# FC004 unknown-actor (warning)\n\nA name in a claim"), "{doc}");
        assert!(doc.contains("## How to silence it"), "{doc}");
    }
}
