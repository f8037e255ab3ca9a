//! `train-syntax DIR [--corpus DIR] [--out FILE]`: trains the syntax model on a UD treebank
//! directory (its `*-ud-train.conllu`, scored on `*-ud-dev.conllu` and `*-ud-test.conllu`) and
//! writes the binary model (default `src/syntax/model/en_ewt.bin`, the one embedded in
//! factcheck).
//!
//! ```text
//! cargo run --release --bin train-syntax -- ../shared/ud/en_ewt --corpus ../shared/corpus/bulk
//! ```
//!
//! `--corpus DIR`: unlabelled text (the `text` field of each line of its `*.jsonl` files) from
//! which, with the treebank's training words, the parser's word clusters are learnt
//! ([`factcheck::syntax::cluster`]); only the clusters (word hashes and cluster numbers) enter
//! the model, never the text. Without it the model has no clusters.
//!
//! `--iterations N`: parser passes (15); `--caps-every N`: one training sentence in N is also
//! learnt by the tagger as an ALL-CAPS line (16; 0 for none); `--tagger-only MODEL`: keeps the
//! parser of MODEL and retrains the tagger and lemmatiser (minutes instead of the parser's
//! training; also converts a model of an older format to the current one).
//!
//! `--beam K`: trains the parser for beam search of width K (at most 64) with max-violation
//! updates, and the model parses with that beam: more accurate, about K times the parser's
//! CPU per word (see `src/syntax/model/README.md` for measured figures). Without it (or with
//! 1) the parser is greedy, trained with the dynamic oracle.
//!
//! `--eval MODEL`: scores an existing model file on the treebank's dev and test files and
//! trains nothing (with `--beam K`, parsing with a beam of K).
//!
//! Knobs for experiments, all deterministic: `--seed N` (shuffling and exploration; 24301),
//! `--explore P` (how often, from the second pass, training follows the model's own move
//! rather than the oracle's; 0.9), `--prune-by-dev` (after the model fits the size limit, keep
//! pruning rare weights and keep the level that scores best on dev).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use factcheck::syntax::cluster::Corpus;
use factcheck::syntax::train::{self, Settings};

fn find(dir: &Path, part: &str) -> Option<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(&format!("-ud-{part}.conllu")))
        .collect();
    found.sort();
    found.into_iter().next()
}

/// The unlabelled text for the word clusters: the `text` field of every line of the `*.jsonl`
/// files of `dir`, in file-name order.
fn read_corpus(dir: &Path) -> Result<Corpus, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("no *.jsonl file in {}", dir.display()));
    }
    let mut corpus = Corpus::default();
    for f in &files {
        let text =
            std::fs::read_to_string(f).map_err(|e| format!("cannot read {}: {e}", f.display()))?;
        for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line)
                .map_err(|e| format!("{}:{}: {e}", f.display(), i + 1))?;
            if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
                corpus.add_text(t);
            }
        }
    }
    Ok(corpus)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut dir = None;
    let mut out = PathBuf::from("src/syntax/model/en_ewt.bin");
    let mut settings = Settings::default();
    let mut tagger_only: Option<PathBuf> = None;
    let mut eval_only: Option<PathBuf> = None;
    let mut corpus_dir: Option<PathBuf> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--out" => out = it.next().map(PathBuf::from).unwrap_or(out),
            "--iterations" => {
                settings.parser_iterations =
                    it.next().and_then(|s| s.parse().ok()).unwrap_or(settings.parser_iterations)
            }
            "--caps-every" => {
                settings.caps_every =
                    it.next().and_then(|s| s.parse().ok()).unwrap_or(settings.caps_every)
            }
            "--explore" => {
                settings.explore =
                    it.next().and_then(|s| s.parse().ok()).unwrap_or(settings.explore)
            }
            "--seed" => {
                settings.seed = it.next().and_then(|s| s.parse().ok()).unwrap_or(settings.seed)
            }
            "--beam" => {
                settings.beam = it
                    .next()
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(settings.beam)
                    .min(factcheck::syntax::model::MAX_BEAM)
            }
            "--prune-by-dev" => settings.prune_by_dev = true,
            "--tagger-only" => tagger_only = it.next().map(PathBuf::from),
            "--eval" => eval_only = it.next().map(PathBuf::from),
            "--corpus" => corpus_dir = it.next().map(PathBuf::from),
            _ => dir = Some(PathBuf::from(a)),
        }
    }
    let Some(dir) = dir else {
        eprintln!(
            "usage: train-syntax UD_DIR [--corpus DIR] [--out FILE] [--iterations N] [--caps-every N] [--tagger-only MODEL]"
        );
        return ExitCode::from(2);
    };
    let Some(train_path) = find(&dir, "train") else {
        eprintln!("error: no *-ud-train.conllu in {}", dir.display());
        return ExitCode::from(2);
    };
    let start = Instant::now();
    if let Some(path) = &eval_only {
        let mut model = match std::fs::read(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))
            .and_then(|b| factcheck::syntax::Model::from_bytes(&b).map_err(|e| e.to_string()))
        {
            Ok(m) => m,
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        };
        if settings.beam > 1 {
            model.parser.beam = settings.beam;
        }
        score(&model, &dir, &mut |s| eprintln!("[{:6.1}s] {s}", start.elapsed().as_secs_f64()));
        return ExitCode::SUCCESS;
    }
    let text = match std::fs::read_to_string(&train_path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", train_path.display());
            return ExitCode::from(2);
        }
    };
    let mut log = |s: &str| eprintln!("[{:6.1}s] {s}", start.elapsed().as_secs_f64());
    let trained = match &tagger_only {
        // Keep the parser of an existing model, retrain its tagger and lemmatiser (also converts
        // an older model file to the current format).
        Some(from) => std::fs::read(from)
            .map_err(|e| format!("cannot read {}: {e}", from.display()))
            .and_then(|b| factcheck::syntax::Model::from_bytes(&b).map_err(|e| e.to_string()))
            .and_then(|mut m| train::retrain_tagger(&mut m, &text, &settings).map(|()| m)),
        None => {
            let dev = find(&dir, "dev").and_then(|p| std::fs::read_to_string(p).ok());
            let corpus = match corpus_dir.as_deref().map(read_corpus).transpose() {
                Ok(c) => c,
                Err(e) => {
                    eprintln!("error: {e}");
                    return ExitCode::from(2);
                }
            };
            train::train(&text, dev.as_deref(), corpus, &settings, &mut log)
        }
    };
    let model = match trained {
        Ok(m) => m,
        Err(e) => {
            eprintln!("error: {}: {e}", train_path.display());
            return ExitCode::from(2);
        }
    };
    let bytes = model.to_bytes();
    if let Err(e) = std::fs::write(&out, &bytes) {
        eprintln!("error: cannot write {}: {e}", out.display());
        return ExitCode::from(2);
    }
    log(&format!(
        "wrote {} ({} bytes; tagger {} features, parser {} features)",
        out.display(),
        bytes.len(),
        model.tagger.weights.nfeatures(),
        model.parser.weights.nfeatures()
    ));
    score(&model, &dir, &mut log);
    ExitCode::SUCCESS
}

/// Logs the model's scores on the treebank's dev and test files.
fn score(model: &factcheck::syntax::Model, dir: &Path, log: &mut dyn FnMut(&str)) {
    for part in ["dev", "test"] {
        let Some(p) = find(dir, part) else { continue };
        let Ok(t) = std::fs::read_to_string(&p) else { continue };
        match train::evaluate(model, &t) {
            Ok(s) => log(&format!("{part}: {s}")),
            Err(e) => eprintln!("error: {}:{}: {}", p.display(), e.line, e.message),
        }
    }
}
