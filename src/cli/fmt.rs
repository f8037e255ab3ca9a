//! `factcheck fmt`: canonical layout for claim files.
//!
//! Rewrites each file in the canonical layout (see `docs/claim-language.md` and
//! [`crate::lang::format`]), atomically: the new text goes to a temporary file in the same
//! directory, which then replaces the original (keeping its permissions). A file with syntax
//! errors is never rewritten: its errors are printed (stderr) and the exit code is 1.
//! `--check` changes nothing, prints a unified diff of each file that would change (stdout) and
//! exits 1 if any would. Exit 2 when a file could not be read or written (missing, not UTF-8,
//! unwritable directory): it is named on stderr, and the other files are still formatted.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::lint::{claim_files, plural, split_stdin, stdin_name, unreadable};
use super::{CmdResult, ColorChoice, Failure, Outcome, read_file};
use crate::lang::{format::format, parse_diagnostic};
use crate::source::SourceMap;

#[derive(Debug, clap::Args)]
pub struct FmtArgs {
    /// Claim files, or directories searched recursively for `*.claims`; `-` reads one from
    /// standard input and prints it formatted to standard output.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,
    /// The name of the file read from standard input (`-`), in messages.
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,
    /// Change nothing; print a diff and exit 1 if a file would change.
    #[arg(long)]
    pub check: bool,
}

/// Formats every file that can be read. A file that cannot be read or written (missing, not
/// UTF-8, an unwritable directory) is reported by name and makes the exit code 2, but does not
/// keep the other files from being formatted.
pub fn run(args: FmtArgs, color: ColorChoice) -> CmdResult {
    let (paths, stdin) = split_stdin(&args.paths)?;
    if stdin && !paths.is_empty() {
        return Err(Failure(
            "`fmt -` formats standard input alone: give no other paths with `-`".into(),
        ));
    }
    if stdin {
        return run_stdin(&args);
    }
    let (files, mut problems) = claim_files(&paths);
    let mut invalid = 0;
    let mut changed = 0;
    for path in &files {
        let text = match read_file(path) {
            Ok(text) => text,
            Err(Failure(m)) => {
                problems.push(m);
                continue;
            }
        };
        let name = path.display().to_string();
        match format(&text) {
            Err(errors) => {
                invalid += 1;
                let mut sources = SourceMap::new();
                let id = sources.add(name.clone(), text);
                let diags: Vec<_> = errors.iter().map(|e| parse_diagnostic(id, e)).collect();
                say_raw!("{}", crate::report::render_diagnostics(&sources, &diags, false));
                say!("{name}: not formatted ({})", plural(diags.len(), "error"));
            }
            Ok(out) if out == text => {}
            Ok(out) => {
                if args.check {
                    changed += 1;
                    // A deadline keeps huge files fast (the diff is then less minimal).
                    let diff = similar::TextDiff::configure()
                        .timeout(std::time::Duration::from_secs(2))
                        .diff_lines(&text, &out);
                    let diff =
                        diff.unified_diff().context_radius(2).header(&name, &name).to_string();
                    super::print_stdout(&diff);
                } else {
                    match write_atomic(path, &out) {
                        Ok(()) => changed += 1,
                        Err(e) => problems.push(format!("cannot write {name}: {e}")),
                    }
                }
            }
        }
    }
    let _ = color;
    let n = files.len();
    let verb = if args.check { "would reformat" } else { "reformatted" };
    // When nothing could be read, the errors below say so.
    if n > 0 || problems.is_empty() {
        say!(
            "{verb} {} of {}{}",
            changed,
            plural(n, "file"),
            if invalid > 0 {
                format!("; {} with errors left as they are", plural(invalid, "file"))
            } else {
                String::new()
            }
        );
    }
    unreadable(&problems, "formatted")?;
    Ok(if invalid > 0 || (args.check && changed > 0) { Outcome::Findings } else { Outcome::Clean })
}

/// `fmt -`: formats standard input to standard output. With `--check`, prints the diff instead
/// and exits 1 when the text would change. A text with syntax errors is printed unchanged (so an
/// editor that replaces its buffer with the output loses nothing), its errors go to stderr, and
/// the exit code is 1.
fn run_stdin(args: &FmtArgs) -> CmdResult {
    let text = super::check::read_stdin()?;
    let name = stdin_name(args.stdin_filename.as_deref());
    match format(&text) {
        Err(errors) => {
            let mut sources = SourceMap::new();
            let id = sources.add(name.clone(), text.clone());
            let diags: Vec<_> = errors.iter().map(|e| parse_diagnostic(id, e)).collect();
            say_raw!("{}", crate::report::render_diagnostics(&sources, &diags, false));
            say!("{name}: not formatted ({})", plural(diags.len(), "error"));
            if !args.check {
                super::print_stdout(&text);
            }
            Ok(Outcome::Findings)
        }
        Ok(out) if args.check => {
            if out == text {
                return Ok(Outcome::Clean);
            }
            let diff = similar::TextDiff::configure()
                .timeout(std::time::Duration::from_secs(2))
                .diff_lines(&text, &out);
            super::print_stdout(
                &diff.unified_diff().context_radius(2).header(&name, &name).to_string(),
            );
            Ok(Outcome::Findings)
        }
        Ok(out) => {
            super::print_stdout(&out);
            Ok(Outcome::Clean)
        }
    }
}

/// Replaces `path`'s content: a temporary file in the same directory, then a rename, so that an
/// interrupted run leaves the old file or the new one. Symbolic links are followed (the link
/// stays a link); permissions are kept. A read-only file is refused, as editors do (its
/// directory being writable is no permission to replace it). A file with other hard links is
/// written in place once the whole new text is safely in the temporary file, so that every
/// link sees the new text (a rename would leave the others with the old one).
fn write_atomic(path: &Path, contents: &str) -> std::io::Result<()> {
    let target = std::fs::canonicalize(path)?;
    let meta = std::fs::metadata(&target)?;
    if meta.permissions().readonly() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::PermissionDenied,
            "the file is read-only (make it writable to format it)",
        ));
    }
    let dir = target.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(contents.as_bytes())?;
    tmp.as_file().sync_all()?;
    if hard_links(&meta) > 1 {
        let mut f = std::fs::OpenOptions::new().write(true).truncate(true).open(&target)?;
        f.write_all(contents.as_bytes())?;
        f.sync_all()?;
        return Ok(());
    }
    std::fs::set_permissions(tmp.path(), meta.permissions())?;
    tmp.persist(&target).map_err(|e| e.error)?;
    Ok(())
}

/// How many names the file has.
#[cfg(unix)]
fn hard_links(meta: &std::fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(meta)
}

#[cfg(not(unix))]
fn hard_links(_: &std::fs::Metadata) -> u64 {
    1
}
