//! `factcheck lint`: every error and warning in claim and rule files.
//!
//! Human output (rustc-style, through codespan-reporting) goes to stdout with a one-line summary
//! on stderr; `--format json` prints a JSON array of diagnostics (file, line, column, start and
//! end byte, code, severity, message, help). Exit code 0 when there is no error (warnings alone
//! are fine), 1 when there is one, 2 when lint could not run (a missing or unreadable file, a
//! file that is not UTF-8: named on stderr; the other files are still linted).
//!
//! Besides the language checks ([`crate::lint::load`]), lint runs the worked examples of the
//! files it is given (FC050, [`crate::extract::examples`]).

use std::path::{Path, PathBuf};

use clap::ValueEnum;

use super::{CmdResult, ColorChoice, Failure, Outcome, RuleArgs, read_file};
use crate::diag::Severity;
use crate::source::SourceMap;

#[derive(Debug, clap::Args)]
pub struct LintArgs {
    /// Claim files, or directories searched recursively for `*.claims`; `-` reads one from
    /// standard input.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,
    /// The name of the file read from standard input (`-`), in messages.
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,
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

/// Expands paths into claim files: see [`walk`], for `*.claims`.
pub fn claim_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<String>) {
    walk(paths, &["claims"])
}

/// Extensions of the articles a directory given to `check` is searched for.
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "mdx"];

/// The one walker of the command line (`lint`, `fmt`, `check`): files as given, directories
/// searched recursively (honouring `.gitignore`, skipping hidden files, not following symbolic
/// links to directories, so a link loop is no loop) for files with one of `extensions`, sorted;
/// a file named or found twice (through a link, or `lint a.claims .`) is kept once. `-`
/// (standard input) is kept as it is.
///
/// A path that does not exist, or a directory that cannot be searched, does not stop the
/// others: it is returned as a problem (a message naming it) with the files that were found.
pub fn walk(paths: &[PathBuf], extensions: &[&str]) -> (Vec<PathBuf>, Vec<String>) {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    let wanted = |p: &Path| {
        p.extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
    };
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(p.clone());
        } else if p.is_dir() {
            let mut found = Vec::new();
            for entry in ignore::WalkBuilder::new(p).follow_links(false).build() {
                match entry {
                    Ok(entry) => {
                        let path = entry.path();
                        if path.is_file() && wanted(path) {
                            found.push(path.to_path_buf());
                        }
                    }
                    Err(e) => problems.push(format!("cannot search {}: {e}", p.display())),
                }
            }
            found.sort();
            out.extend(found);
        } else if p.exists() {
            out.push(p.clone());
        } else {
            problems.push(format!("{}: no such file or directory", p.display()));
        }
    }
    let mut seen = std::collections::HashSet::new();
    out.retain(|p| seen.insert(std::fs::canonicalize(p).unwrap_or_else(|_| p.clone())));
    (out, problems)
}

/// The paths other than `-`, and whether `-` (standard input) was among them (once at most).
pub(crate) fn split_stdin(paths: &[PathBuf]) -> Result<(Vec<PathBuf>, bool), Failure> {
    let files: Vec<PathBuf> = paths.iter().filter(|p| p.as_os_str() != "-").cloned().collect();
    match paths.len() - files.len() {
        0 => Ok((files, false)),
        1 => Ok((files, true)),
        _ => Err(Failure("`-` (standard input) is named more than once".into())),
    }
}

/// The name standard input goes by in messages: `--stdin-filename`, or `<stdin>`.
pub(crate) fn stdin_name(name: Option<&Path>) -> String {
    name.map_or_else(|| "<stdin>".to_string(), display)
}

/// Reads files into the source map, in order.
pub(crate) fn add_files(
    sources: &mut SourceMap,
    paths: &[PathBuf],
) -> Result<Vec<crate::source::FileId>, Failure> {
    paths.iter().map(|p| Ok(sources.add(display(p), read_file(p)?))).collect()
}

/// Prints the problems that kept files from being read or written (`error: ...` on stderr) and
/// turns them into the run's failure (exit code 2: `N paths could not be VERB`), after
/// everything that could be handled was.
pub(crate) fn unreadable(problems: &[String], verb: &str) -> Result<(), Failure> {
    for m in problems {
        say!("error: {m}");
    }
    match problems.len() {
        0 => Ok(()),
        n => Err(Failure(format!("{} could not be {verb}", plural(n, "path")))),
    }
}

fn display(p: &Path) -> String {
    p.display().to_string()
}

/// Lints every file that can be read; a file that cannot (missing, not UTF-8, a directory
/// that cannot be searched) is reported by name and makes the exit code 2, but does not keep
/// the other files from being linted. The `--rules` files must all be readable: without one,
/// the other files' names would be reported as unknown.
pub fn run(args: LintArgs, color: ColorChoice) -> CmdResult {
    let (paths, stdin) = split_stdin(&args.paths)?;
    let (files, mut problems) = claim_files(&paths);
    let mut sources = SourceMap::new();
    let mut ids = add_files(&mut sources, &args.rules.rules)?;
    if stdin {
        let text = super::check::read_stdin()?;
        ids.push(sources.add(stdin_name(args.stdin_filename.as_deref()), text));
    }
    for path in &files {
        match read_file(path) {
            Ok(text) => ids.push(sources.add(display(path), text)),
            Err(Failure(m)) => problems.push(m),
        }
    }
    let loaded = crate::lint::load(&mut sources, &ids, !args.rules.no_shipped_rules);
    let mut diags = loaded.diagnostics.clone();
    diags.extend(examples(&loaded.lexicon, &sources, &ids));
    let diags = &diags;
    match args.format {
        LintFormat::Human => {
            super::print_stdout(&crate::report::render_diagnostics(
                &sources,
                diags,
                color.stdout(),
            ));
            let errors = diags.iter().filter(|d| d.severity == Severity::Error).count();
            let warnings = diags.iter().filter(|d| d.severity == Severity::Warning).count();
            let n = ids.len();
            let files = if n == 1 { "1 file".to_string() } else { format!("{n} files") };
            if n == 0 && !problems.is_empty() {
                // Nothing could be read: the errors below say so.
            } else if errors + warnings == 0 {
                say!("no problems in {files}");
            } else {
                say!("{} and {} in {files}", plural(errors, "error"), plural(warnings, "warning"));
            }
        }
        LintFormat::Json => {
            super::print_stdout(&format!("{}\n", crate::report::diagnostics_json(&sources, diags)))
        }
    }
    unreadable(&problems, "linted")?;
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
