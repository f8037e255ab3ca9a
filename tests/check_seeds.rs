//! End to end on the two seed articles (in `examples/`): claims parsed with the shipped rules,
//! facts extracted, verdicts checked, as issue 4 lists them.

use std::path::Path;

use factcheck::check::{self, Policy, Verdict};
use factcheck::extract::Extractor;
use factcheck::input::{Article, Format};
use factcheck::source::SourceMap;

const SEED_000: &str = "examples/000_41d960782fd73781.txt";
const SEED_003: &str = "examples/003_3656d47586b5f572.txt";

/// Checks `claims` (one a line) against the articles; returns each claim line with its verdict
/// and its diagnostic's message.
fn check(claims: &str, articles: &[&str]) -> Vec<(String, Verdict, String)> {
    let mut sources = SourceMap::new();
    let cf = sources.add("seeds.claims", claims);
    let loaded = factcheck::lint::load(&mut sources, &[cf], true);
    let errors: Vec<_> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.severity == factcheck::diag::Severity::Error)
        .map(|d| d.message.clone())
        .collect();
    assert!(errors.is_empty(), "claim file errors: {errors:?}");
    let extractor = Extractor::new(&loaded.lexicon);
    let mut facts = Vec::new();
    for path in articles {
        let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
            .expect("seed article");
        let id = sources.add(*path, text.as_str());
        let article = Article::prepare(id, &text, Format::Text, None);
        facts.extend(extractor.extract(&article));
    }
    let report = check::check(&loaded.claims, &facts, &loaded.lexicon);
    let diags = check::diagnostics(&report, &loaded.lexicon, &Policy::default());
    let mut messages = diags.iter().filter(|d| d.code != "FC120").map(|d| d.message.clone());
    report
        .claims
        .iter()
        .map(|c| {
            let text = sources.get(cf).text.get(c.claim.span.clone()).unwrap_or("").to_string();
            (text, c.verdict, messages.next().unwrap_or_default())
        })
        .collect()
}

fn expect(results: &[(String, Verdict, String)], claim: &str, verdict: Verdict, says: &[&str]) {
    let (_, got, message) = results
        .iter()
        .find(|(c, _, _)| c == claim)
        .unwrap_or_else(|| panic!("no verdict for {claim}: {results:#?}"));
    assert_eq!(*got, verdict, "{claim}: {message}");
    for s in says {
        assert!(message.contains(s), "{claim}: message {message:?} should contain {s:?}");
    }
}

#[test]
fn seed_000() {
    let r = check(
        "Netherlands expelled 17 Russia 2022-03-29
Netherlands expelled 15 Russia
Russia expelled 17 Netherlands
Poland expelled 54 Russia
Belgium expelled 21 Russia 2022-03-29
Russia expelled \"United States\" 2022-03-24
Japan expelled 8 Russia
",
        &[SEED_000],
    );
    use Verdict::*;
    expect(&r, "Netherlands expelled 17 Russia 2022-03-29", Supported, &[]);
    expect(&r, "Netherlands expelled 15 Russia", Contradicted, &["count mismatch", "17"]);
    expect(&r, "Russia expelled 17 Netherlands", NotFound, &["other way round"]);
    expect(&r, "Poland expelled 54 Russia", Contradicted, &["45"]);
    expect(&r, "Belgium expelled 21 Russia 2022-03-29", Supported, &[]);
    expect(&r, "Russia expelled \"United States\" 2022-03-24", Contradicted, &["date mismatch"]);
    expect(&r, "Japan expelled 8 Russia", NotFound, &[]);
}

#[test]
fn seed_003() {
    let r = check(
        "Russia expelled 15 Netherlands
Netherlands expelled 15 Russia
Russia expelled 18 \"European Union\" 2022-04-15
Russia expelled 18 \"European Union\" 2022-04-16
Germany expelled 75 Russia
",
        &[SEED_003],
    );
    use Verdict::*;
    expect(&r, "Russia expelled 15 Netherlands", Supported, &[]);
    expect(&r, "Netherlands expelled 15 Russia", NotFound, &["other way round"]);
    expect(&r, "Russia expelled 18 \"European Union\" 2022-04-15", Supported, &[]);
    expect(&r, "Russia expelled 18 \"European Union\" 2022-04-16", Contradicted, &["date"]);
    expect(&r, "Germany expelled 75 Russia", NotFound, &["joint fact", "France", "Germany", "75"]);
}

#[test]
fn both_seeds() {
    let r = check("Netherlands expelled 17 Russia\n", &[SEED_000, SEED_003]);
    expect(&r, "Netherlands expelled 17 Russia", Verdict::Supported, &[]);
}
