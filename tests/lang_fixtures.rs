//! Data-driven tests of the claim language: every `tests/fixtures/lang/*.claims` file is loaded
//! with the test rules (`tests/fixtures/lang/rules/base.claims`, no shipped rules), and its
//! rendered diagnostics (plain, no colour), a summary of what it declared and claimed, and its
//! formatted text are compared with an insta snapshot (`tests/snapshots/`).
//!
//! Add a fixture by dropping a file in the directory; `good_*` files must have no error.

use std::fmt::Write;
use std::path::Path;

use factcheck::diag::Severity;
use factcheck::lang::{display, format};
use factcheck::source::SourceMap;

fn render(name: &str, text: &str, rules: &str) -> String {
    let mut sources = SourceMap::new();
    let rules_id = sources.add("rules/base.claims", rules);
    let id = sources.add(name, text);
    let loaded = factcheck::lint::load(&mut sources, &[rules_id, id], false);
    let mut out = String::new();
    let diags: Vec<_> =
        loaded.diagnostics.iter().filter(|d| d.primary.file == id).cloned().collect();
    let others = loaded.diagnostics.len() - diags.len();
    assert_eq!(others, 0, "the test rules have diagnostics: {:?}", loaded.diagnostics);
    if name.starts_with("good_") {
        assert!(
            diags.iter().all(|d| d.severity < Severity::Warning),
            "{name} should be clean: {diags:?}"
        );
    }
    let _ = writeln!(out, "=== diagnostics ({}) ===", diags.len());
    out.push_str(&factcheck::report::render_diagnostics(&sources, &diags, false));
    let _ = writeln!(out, "=== claims ===");
    for c in loaded.claims.iter().filter(|c| c.file == id) {
        let (line, col) = sources.get(id).line_col(c.span.start);
        let _ = writeln!(out, "{line}:{col} {}", display::claim_line(c, &loaded.lexicon));
    }
    for s in loaded.scopes.iter().filter(|s| s.file == id) {
        let _ = writeln!(out, "articles {:?}", s.globs);
    }
    let _ = writeln!(out, "=== formatted ===");
    match format::format(text) {
        Ok(f) => {
            assert_eq!(
                format::format(&f).ok().as_deref(),
                Some(f.as_str()),
                "fmt is not idempotent"
            );
            out.push_str(&f.replace('\r', "\\r").replace('\u{feff}', "<BOM>"));
        }
        Err(e) => {
            let _ = writeln!(out, "not formatted: {} errors", e.len());
        }
    }
    out
}

#[test]
fn fixtures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lang");
    let rules = std::fs::read_to_string(dir.join("rules/base.claims")).unwrap();
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "claims"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 5, "fixtures not found in {}", dir.display());
    for path in paths {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        let rendered = render(&name, &text, &rules);
        let stem = name.trim_end_matches(".claims").to_string();
        insta::with_settings!({ snapshot_suffix => stem, prepend_module_to_snapshot => false, omit_expression => true }, {
            insta::assert_snapshot!("lang", rendered);
        });
    }
}
