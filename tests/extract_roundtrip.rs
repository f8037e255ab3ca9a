//! `extract --format claims` round trip: every fact printed as a claim line reads back (through
//! the claim-language parser) as a claim that the same article's facts support. Over the seeds,
//! and over the corpus articles when ../shared (or `$FACTCHECK_SHARED`) is present.

use std::path::{Path, PathBuf};

use factcheck::check::compat::compare;
use factcheck::extract::Extractor;
use factcheck::input::{Article, Format};
use factcheck::lang::display::fact_line;
use factcheck::source::SourceMap;

fn articles() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut v = vec![
        root.join("examples/000_41d960782fd73781.txt"),
        root.join("examples/003_3656d47586b5f572.txt"),
    ];
    let shared =
        std::env::var_os("FACTCHECK_SHARED").map_or_else(|| root.join("../shared"), PathBuf::from);
    match std::fs::read_dir(shared.join("corpus/articles")) {
        Ok(dir) => {
            let mut more: Vec<PathBuf> = dir.filter_map(|e| e.ok().map(|e| e.path())).collect();
            more.sort();
            v.extend(more);
        }
        Err(_) => println!("note: ../shared is absent; only the seeds are read"),
    }
    v
}

#[test]
fn printed_facts_read_back_as_supported_claims() {
    let mut sources = SourceMap::new();
    let loaded = factcheck::lang::load(&mut sources, &[], true);
    let ex = Extractor::new(&loaded.lexicon);
    let mut lines = 0;
    for path in articles() {
        let text = std::fs::read_to_string(&path).expect("article");
        let facts =
            ex.extract(&Article::prepare(factcheck::source::FileId(0), &text, Format::Text, None));
        if facts.is_empty() {
            continue;
        }
        let claims_text: String =
            facts.iter().map(|f| fact_line(f, &loaded.lexicon) + "\n").collect();
        let mut sources = SourceMap::new();
        let id = sources.add("extracted.claims", claims_text.clone());
        let back = factcheck::lang::load(&mut sources, &[id], true);
        // Every line reads back as a claim (lint findings across claims, such as two different
        // counts for the same actors, are about the article's many events, not the syntax).
        assert_eq!(back.claims.len(), facts.len(), "{}:\n{claims_text}", path.display());
        for c in &back.claims {
            assert!(
                facts.iter().any(|f| compare(c, f).is_some_and(|cmp| cmp.supports())),
                "{}: `{}` is not supported by its own article",
                path.display(),
                &claims_text[c.span.clone()]
            );
            lines += 1;
        }
    }
    println!("{lines} extracted facts read back and supported");
}
