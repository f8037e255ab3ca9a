//! The extractor against the hand-written gold files (tests/gold/NNN.claims, the facts of
//! ../shared/corpus/articles/NNN.txt): per-predicate precision and recall, printed as a table,
//! with floors just under what the extractor reaches (raise them as it improves; never lower).
//!
//! - A gold line is *found* when some fact of its article supports it (`check::compat`) and
//!   states every part the line states (subject, count, object, date): strict recall. The
//!   lenient figure also counts a fact that supports the line while leaving parts unstated.
//! - A fact is *correct* when it supports some gold line of its article: precision.
//!
//! Run `cargo test --test gold -- --nocapture` for the table (`GOLD_VERBOSE=1` lists every miss
//! and every wrong fact). Passes with a note when ../shared (or `$FACTCHECK_SHARED`) is absent.

use std::collections::BTreeMap;
use std::path::Path;

use factcheck::check::compat::compare;
use factcheck::extract::Extractor;
use factcheck::input::{Article, Format};
use factcheck::lang::display::{claim_line, fact_line};
use factcheck::model::{Actors, Claim, Fact};
use factcheck::source::SourceMap;

/// Floors: (predicate, strict recall, precision), overall first as `*`.
const FLOORS: &[(&str, f64, f64)] = &[
    ("*", 0.54, 0.94),
    ("expelled", 0.66, 0.98),
    ("arrested", 0.49, 0.98),
    ("charged", 0.8, 0.75),
    ("sanctioned", 0.4, 0.85),
    ("killed", 0.44, 0.98),
    ("wounded", 0.49, 0.98),
];

#[derive(Default)]
struct Score {
    gold: usize,
    found: usize,
    found_lenient: usize,
    facts: usize,
    correct: usize,
}

fn states_all(c: &Claim, f: &Fact) -> bool {
    (matches!(c.subject, Actors::Any) || !f.subject.is_empty())
        && (c.quantity.is_none() || f.quantity.is_some())
        && (matches!(c.object, Actors::Any) || !f.object.is_empty())
        && (c.date.is_none() || f.date.is_some())
}

fn pct(n: usize, d: usize) -> f64 {
    if d == 0 { 1.0 } else { n as f64 / d as f64 }
}

#[test]
fn gold_precision_recall() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // ../shared beside the repository (CI), or where FACTCHECK_SHARED says.
    let shared = std::env::var_os("FACTCHECK_SHARED")
        .map_or_else(|| root.join("../shared"), std::path::PathBuf::from);
    let articles = shared.join("corpus/articles");
    if !articles.is_dir() {
        println!("note: ../shared is absent; gold test skipped");
        return;
    }
    let verbose = std::env::var_os("GOLD_VERBOSE").is_some();
    let mut gold_files: Vec<_> = std::fs::read_dir(root.join("tests/gold"))
        .expect("tests/gold")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "claims"))
        .collect();
    gold_files.sort();
    let mut scores: BTreeMap<String, Score> = BTreeMap::new();
    for gold in &gold_files {
        let stem = gold.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let article_path = articles.join(format!("{stem}.txt"));
        let Ok(text) = std::fs::read_to_string(&article_path) else {
            println!("note: no article for {}", gold.display());
            continue;
        };
        let mut sources = SourceMap::new();
        let gold_text = std::fs::read_to_string(gold).expect("gold file");
        let id = sources.add(gold.display().to_string(), gold_text);
        let loaded = factcheck::lint::load(&mut sources, &[id], true);
        let lx = &loaded.lexicon;
        let ex = Extractor::new(lx);
        let article = Article::prepare(id, &text, Format::Text, None);
        let facts = ex.extract(&article);
        let claims: Vec<&Claim> = loaded.claims.iter().filter(|c| c.file == id).collect();
        for c in &claims {
            let name = &lx.predicate(c.predicate).canonical;
            let s = scores.entry(name.clone()).or_default();
            s.gold += 1;
            let sup = |f: &&Fact| compare(c, f).is_some_and(|cmp| cmp.supports());
            let lenient = facts.iter().any(|f| sup(&f));
            let strict = facts.iter().any(|f| sup(&f) && states_all(c, f));
            s.found += usize::from(strict);
            s.found_lenient += usize::from(lenient);
            if verbose && !strict {
                println!("{stem} missed: {}", claim_line(c, lx));
            }
        }
        for f in &facts {
            let name = &lx.predicate(f.predicate).canonical;
            let s = scores.entry(name.clone()).or_default();
            s.facts += 1;
            let ok = claims.iter().any(|c| compare(c, f).is_some_and(|cmp| cmp.supports()));
            s.correct += usize::from(ok);
            if verbose && !ok {
                let t = text.get(f.span.clone()).unwrap_or("");
                let t: String = t.chars().take(140).collect();
                println!("{stem} wrong: {}   <- {t}", fact_line(f, lx));
            }
        }
    }
    let mut total = Score::default();
    println!(
        "{:<12} {:>5} {:>6} {:>8} {:>6} {:>10}",
        "predicate", "gold", "recall", "lenient", "facts", "precision"
    );
    for (name, s) in &scores {
        println!(
            "{:<12} {:>5} {:>6.2} {:>8.2} {:>6} {:>10.2}",
            name,
            s.gold,
            pct(s.found, s.gold),
            pct(s.found_lenient, s.gold),
            s.facts,
            pct(s.correct, s.facts)
        );
        total.gold += s.gold;
        total.found += s.found;
        total.found_lenient += s.found_lenient;
        total.facts += s.facts;
        total.correct += s.correct;
    }
    let (r, p) = (pct(total.found, total.gold), pct(total.correct, total.facts));
    println!(
        "{:<12} {:>5} {:>6.2} {:>8.2} {:>6} {:>10.2}",
        "all",
        total.gold,
        r,
        pct(total.found_lenient, total.gold),
        total.facts,
        p
    );
    for (name, rf, pf) in FLOORS {
        let (r, p) = if *name == "*" {
            (r, p)
        } else {
            let s = scores.get(*name).expect("floor for a predicate with gold lines");
            (pct(s.found, s.gold), pct(s.correct, s.facts))
        };
        assert!(r >= *rf, "{name}: recall {r:.2} fell below its floor {rf:.2}");
        assert!(p >= *pf, "{name}: precision {p:.2} fell below its floor {pf:.2}");
    }
}
