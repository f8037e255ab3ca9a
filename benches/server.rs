//! The language server's analysis after one keystroke (`didChange`): the workspace analysed
//! again with one open draft edited. Two workspaces: `examples/editorial-repo` (two drafts,
//! two claim files), and the same claims with 200 articles of the bulk corpus (read from
//! `../shared/corpus/bulk/`, written to a temporary directory; skipped without it).
//!
//! `cargo bench --bench server`

use std::path::{Path, PathBuf};

use criterion::{Criterion, criterion_group, criterion_main};
use factcheck::server::state::{Document, State};

const DRAFT: &str = "drafts/2022-03-30-benelux.md";

/// Analyses once (as the server does on start), then measures analyses each after an edit of
/// the open draft (alternating two texts, so the edited document always differs from the last
/// analysis).
fn keystrokes(c: &mut Criterion, name: &str, root: &Path) {
    let draft = root.join(DRAFT);
    let Ok(text) = std::fs::read_to_string(&draft) else { return };
    let mut state = State::new(root.to_path_buf());
    state.docs.insert(draft.clone(), Document { text: text.clone(), version: 1 });
    state.analyze();
    let edits = [format!("{text}\nPoland expelled 45 Russian diplomats.\n"), text];
    let mut i = 0usize;
    c.bench_function(name, |b| {
        b.iter(|| {
            i += 1;
            let doc = Document { text: edits[i % 2].clone(), version: i as i32 + 1 };
            state.docs.insert(draft.clone(), doc);
            state.analyze().files.len()
        })
    });
}

/// `examples/editorial-repo` with 200 bulk articles added under `drafts/bulk/`.
fn bulk_workspace() -> Option<tempfile::TempDir> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let bulk = repo.join("../shared/corpus/bulk/guardian_2022_ukraine_nato.jsonl");
    let text = std::fs::read_to_string(bulk).ok()?;
    let dir = tempfile::tempdir().ok()?;
    let copy = |rel: &str| -> Option<()> {
        let to: PathBuf = dir.path().join(rel);
        std::fs::create_dir_all(to.parent()?).ok()?;
        std::fs::copy(repo.join("examples/editorial-repo").join(rel), to).ok()?;
        Some(())
    };
    for rel in ["factcheck.toml", "claims/april.claims", "claims/europe.claims", DRAFT] {
        copy(rel)?;
    }
    std::fs::create_dir_all(dir.path().join("drafts/bulk")).ok()?;
    for (i, line) in text.lines().take(200).enumerate() {
        let v: serde_json::Value = serde_json::from_str(line).ok()?;
        let (body, date) = (v["text"].as_str()?, v["date"].as_str().unwrap_or("2022-03-30"));
        let article = format!("date {date}\n\n{body}\n");
        std::fs::write(dir.path().join(format!("drafts/bulk/{i:03}.md")), article).ok()?;
    }
    Some(dir)
}

fn bench(c: &mut Criterion) {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    keystrokes(c, "didChange editorial-repo", &repo.join("examples/editorial-repo"));
    match bulk_workspace() {
        Some(dir) => keystrokes(c, "didChange editorial-repo + 200 articles", dir.path()),
        None => eprintln!("../shared/corpus/bulk is absent: the 200-article case is skipped"),
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
