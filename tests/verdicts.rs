//! The verdict rules (docs/verdicts.md, issue 9), data-driven: every `tests/fixtures/verdicts/
//! NAME.claims` is checked against `NAME.txt`, in the default and the strict mode, and each
//! claim's verdict compared with the `# expect:` comment on its line (see the README there).

use std::path::{Path, PathBuf};

use factcheck::check::{self, Options, Policy};
use factcheck::extract::Extractor;
use factcheck::input::{Article, Format};
use factcheck::source::SourceMap;

/// What one claim line expects, in one mode.
#[derive(Debug, Clone)]
struct Expect {
    verdict: String,
    says: Option<String>,
}

/// Reads `expect: V ["text"] [strict: V ["text"]]` from a claim line's comment.
fn expectations(line: &str) -> Option<(Expect, Expect)> {
    let rest = line.split_once("# expect:")?.1;
    let (default, strict) = match rest.split_once("strict:") {
        Some((d, s)) => (d, Some(s)),
        None => (rest, None),
    };
    let parse = |s: &str| {
        let s = s.trim();
        let (verdict, says) = match s.split_once('"') {
            Some((v, q)) => (v.trim(), Some(q.trim_end_matches('"').to_string())),
            None => (s, None),
        };
        Expect { verdict: verdict.to_string(), says }
    };
    let d = parse(default);
    let s = strict.map(parse).unwrap_or_else(|| d.clone());
    Some((d, s))
}

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/verdicts");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/verdicts")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "claims"))
        .collect();
    v.sort();
    v
}

/// Checks one fixture; returns the mismatches.
fn run(claims_path: &Path) -> Vec<String> {
    let mut failures = Vec::new();
    let claims_text = std::fs::read_to_string(claims_path).expect("claims");
    let article_path = claims_path.with_extension("txt");
    let article_text = std::fs::read_to_string(&article_path).expect("article beside the claims");
    let mut sources = SourceMap::new();
    let name = claims_path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_string();
    let cf = sources.add(name.clone(), claims_text.as_str());
    let loaded = factcheck::lint::load(&mut sources, &[cf], true);
    for d in &loaded.diagnostics {
        if d.severity == factcheck::diag::Severity::Error {
            failures.push(format!("{name}: claim file error: {}", d.message));
        }
    }
    let aid = sources.add(article_path.display().to_string(), article_text.as_str());
    let article = Article::prepare(aid, &article_text, Format::Text, None);
    let facts = Extractor::new(&loaded.lexicon).extract(&article);
    for (mode, options) in [("default", Options::default()), ("strict", Options::strict())] {
        let report = check::check_options(&loaded.claims, &facts, &loaded.lexicon, &options);
        let diags = check::diagnostics(&report, &loaded.lexicon, &Policy::default());
        let per_claim = diags.iter().filter(|d| d.code != "FC120");
        for (c, d) in report.claims.iter().zip(per_claim) {
            let line = sources.get(cf).text.get(c.claim.span.clone()).unwrap_or("");
            let full = claims_text.lines().find(|l| l.starts_with(line)).unwrap_or(line);
            let Some((default, strict)) = expectations(full) else {
                failures.push(format!("{name}: no `# expect:` on {line}"));
                continue;
            };
            let want = if mode == "strict" { strict } else { default };
            if c.verdict.as_str() != want.verdict {
                failures.push(format!(
                    "{name} ({mode}): {line}: expected {}, got {} ({})",
                    want.verdict, c.verdict, d.message
                ));
            }
            if let Some(s) = &want.says {
                let mut all = d.message.clone();
                for l in std::iter::once(&d.primary).chain(&d.secondary) {
                    all.push('\n');
                    all.push_str(&l.message);
                }
                for n in d.notes.iter().chain(&d.help) {
                    all.push('\n');
                    all.push_str(n);
                }
                if !all.contains(s.as_str()) {
                    failures.push(format!("{name} ({mode}): {line}: {s:?} not in {all:?}"));
                }
            }
        }
    }
    let expected = claims_text.lines().filter(|l| l.contains("# expect:")).count();
    if loaded.claims.len() != expected {
        failures.push(format!("{name}: some `# expect:` lines were not read as claims"));
    }
    failures
}

#[test]
fn verdict_rules() {
    let mut failures = Vec::new();
    let files = fixtures();
    assert!(!files.is_empty(), "no fixtures");
    for f in &files {
        failures.extend(run(f));
    }
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn expectations_are_read() {
    let (d, s) = expectations("A expelled B  # expect: supported strict: not_found \"x y\"")
        .expect("an expectation");
    assert_eq!((d.verdict.as_str(), d.says), ("supported", None));
    assert_eq!((s.verdict.as_str(), s.says.as_deref()), ("not_found", Some("x y")));
}
