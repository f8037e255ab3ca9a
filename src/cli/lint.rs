//! `factcheck lint`: every error and warning in claim and rule files.
//!
//! Human output (rustc-style, through codespan-reporting) goes to stdout with a one-line summary
//! on stderr; `--format json` prints a JSON array of diagnostics (file, line, column, start and
//! end byte, code, severity, message, help). Exit code 0 when there is no error (warnings alone
//! are fine), 1 when there is one, 2 when lint could not run (a missing or unreadable file).
//!
//! Besides the language checks ([`crate::lang::load`]), lint runs the worked examples of the
//! files it is given (FC050, [`crate::extract::examples`]).

use std::path::{Path, PathBuf};

use clap::ValueEnum;

use super::{CmdResult, ColorChoice, Failure, Outcome, RuleArgs, read_file};
use crate::diag::Severity;
use crate::source::SourceMap;

#[derive(Debug, clap::Args)]
pub struct LintArgs {
    /// Claim files, or directories searched recursively for `*.claims`.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub rules: RuleArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = LintFormat::Human)]
    pub format: LintFormat,
}

/// How `lint` prints its findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LintFormat {
    /// rustc-style messages with the source line and a caret.
    Human,
    /// A JSON array of diagnostics.
    Json,
}

/// Expands paths into claim files: files as given, directories searched recursively (honouring
/// `.gitignore`, skipping hidden files) for `*.claims`, sorted; a file named twice is kept once.
/// A missing path is a failure.
pub fn claim_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Failure> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found = Vec::new();
            for entry in ignore::WalkBuilder::new(p).build() {
                let entry =
                    entry.map_err(|e| Failure(format!("cannot search {}: {e}", p.display())))?;
                let path = entry.path();
                if path.is_file() && path.extension().is_some_and(|e| e == "claims") {
                    found.push(path.to_path_buf());
                }
            }
            found.sort();
            out.extend(found);
        } else if p.exists() {
            out.push(p.clone());
        } else {
            return Err(Failure(format!("{}: no such file or directory", p.display())));
        }
    }
    // A file named twice (`lint a.claims .`) is read once.
    let mut seen = std::collections::HashSet::new();
    out.retain(|p| seen.insert(std::fs::canonicalize(p).unwrap_or_else(|_| p.clone())));
    Ok(out)
}

/// Reads files into the source map, in order.
pub(crate) fn add_files(
    sources: &mut SourceMap,
    paths: &[PathBuf],
) -> Result<Vec<crate::source::FileId>, Failure> {
    paths.iter().map(|p| Ok(sources.add(display(p), read_file(p)?))).collect()
}

fn display(p: &Path) -> String {
    p.display().to_string()
}

pub fn run(args: LintArgs, color: ColorChoice) -> CmdResult {
    let files = claim_files(&args.paths)?;
    let mut sources = SourceMap::new();
    let mut ids = add_files(&mut sources, &args.rules.rules)?;
    ids.extend(add_files(&mut sources, &files)?);
    let loaded = crate::lang::load(&mut sources, &ids, !args.rules.no_shipped_rules);
    let mut diags = loaded.diagnostics.clone();
    diags.extend(examples(&loaded.lexicon, &sources, &ids));
    let diags = &diags;
    match args.format {
        LintFormat::Human => {
            print!("{}", crate::report::render_diagnostics(&sources, diags, color.stdout()));
            let errors = diags.iter().filter(|d| d.severity == Severity::Error).count();
            let warnings = diags.iter().filter(|d| d.severity == Severity::Warning).count();
            let n = ids.len();
            let files = if n == 1 { "1 file".to_string() } else { format!("{n} files") };
            if errors + warnings == 0 {
                eprintln!("no problems in {files}");
            } else {
                eprintln!(
                    "{} and {} in {files}",
                    plural(errors, "error"),
                    plural(warnings, "warning")
                );
            }
        }
        LintFormat::Json => println!("{}", crate::report::diagnostics_json(&sources, diags)),
    }
    let errors = diags.iter().any(|d| d.severity == Severity::Error);
    Ok(if errors { Outcome::Findings } else { Outcome::Clean })
}

/// Runs the worked examples (`example "TEXT" => CLAIM`) of the given files (not those of the
/// shipped rules, which `cargo test` runs): FC050 for each that fails.
fn examples(
    lexicon: &crate::lexicon::Lexicon,
    sources: &SourceMap,
    files: &[crate::source::FileId],
) -> Vec<crate::diag::Diagnostic> {
    let given = |f: &crate::source::FileId| files.contains(f);
    let any = lexicon
        .predicates()
        .iter()
        .flat_map(|p| &p.examples)
        .any(|e| e.origin.as_ref().is_some_and(|(f, _)| given(f)));
    if !any {
        return Vec::new();
    }
    let extractor = crate::extract::Extractor::new(lexicon);
    let mut out: Vec<_> = crate::extract::examples::run_examples(lexicon, &extractor, sources)
        .into_iter()
        .filter(|d| given(&d.primary.file))
        .collect();
    out.sort_by_key(|d| (d.primary.file, d.primary.span.start));
    out
}

/// `1 error`, `2 errors`.
pub(crate) fn plural(n: usize, what: &str) -> String {
    if n == 1 { format!("1 {what}") } else { format!("{n} {what}s") }
}
