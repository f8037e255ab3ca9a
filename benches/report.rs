//! The reports' cost next to the check's, on 1,000 articles of the bulk corpus (the Guardian's
//! Ukraine and NATO articles, then Reuters 2017) checked against `examples/expulsions.claims`:
//! the check itself (extraction and verdicts), then the HTML and the JSON report of its result.
//! The HTML page must be written in about the time of the check, not grow faster than it.
//!
//! `cargo bench --bench report` (reads `../shared/corpus/bulk/`; without it, says so and stops)

use std::path::Path;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use factcheck::cli::check::{ArticleInput, CheckInputs, Checked, Named, run_check};
use factcheck::input::Format;
use factcheck::report;

const BULK: [&str; 2] =
    ["guardian_2022_ukraine_nato.jsonl", "isot_true_reuters_2017_partial.jsonl"];

fn inputs() -> Option<CheckInputs> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut articles = Vec::new();
    for name in BULK {
        let text = std::fs::read_to_string(root.join("../shared/corpus/bulk").join(name)).ok()?;
        for (i, line) in text.lines().enumerate() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else { continue };
            let Some(body) = v["text"].as_str() else { continue };
            articles.push(ArticleInput {
                name: format!("{name}:{}", i + 1),
                text: body.to_string(),
                format: Format::Text,
                date: None,
                rel: None,
            });
        }
    }
    articles.truncate(1000);
    let claims = std::fs::read_to_string(root.join("examples/expulsions.claims")).ok()?;
    Some(CheckInputs {
        shipped_rules: true,
        claim_files: vec![Named { name: "expulsions.claims".into(), text: claims, rel: None }],
        articles,
        ..CheckInputs::default()
    })
}

fn html(checked: &Checked) -> usize {
    let Some(r) = checked.report.as_ref() else { return 0 };
    let run = report::html::Run {
        report: r,
        sources: &checked.sources,
        lexicon: &checked.lexicon,
        policy: &checked.policy,
        facts: &checked.facts,
        articles: &checked.articles,
        claim_files: &checked.claim_files,
        diagnostics: &[],
    };
    let meta = report::html::Meta {
        version: "bench".into(),
        date: "today".into(),
        config: None,
        exit_code: 1,
    };
    let mut out = Vec::with_capacity(8 << 20);
    let _ = report::html::write(&mut out, &run, &meta);
    out.len()
}

fn bench(c: &mut Criterion) {
    let Some(inputs) = inputs() else {
        eprintln!("note: ../shared/corpus/bulk is absent: the report benchmark is skipped");
        return;
    };
    let checked = run_check(inputs.clone());
    eprintln!(
        "{} articles, {} facts, HTML page {} bytes",
        checked.articles.len(),
        checked.facts.len(),
        html(&checked)
    );
    let mut g = c.benchmark_group("report_1000_articles");
    g.sample_size(10);
    g.bench_function("check", |b| {
        b.iter_batched(|| inputs.clone(), run_check, BatchSize::LargeInput)
    });
    g.bench_function("html", |b| b.iter(|| html(&checked)));
    let Some(r) = checked.report.as_ref() else { return };
    g.bench_function("json", |b| {
        b.iter(|| report::json::render(r, &checked.sources, &checked.lexicon, &checked.policy, &[]))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
