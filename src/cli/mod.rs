//! The command line: argument definitions (clap derive), dispatch to one module per subcommand,
//! and the exit-code contract (0 clean, 1 findings at error level, 2 could not run).
//!
//! This is the only part of factcheck that prints.

pub mod check;
pub mod extract;
pub mod fmt;
pub mod lint;
pub mod progress;
pub mod rule;
pub mod server;
pub mod shell;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing at error level.
    Clean,
    /// Something at error level (a contradicted claim, an invalid claim file for `lint`, a file
    /// `fmt --check` would change).
    Findings,
}

/// A failure to run at all: printed as `error: ...` and exit code 2.
#[derive(Debug)]
pub struct Failure(pub String);

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(e: E) -> Self {
        Failure(e.to_string())
    }
}

pub type CmdResult = Result<Outcome, Failure>;

/// factcheck: checks the facts stated in news articles against hand-written claim files.
#[derive(Debug, Parser)]
#[command(name = "factcheck", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// When to colour the output: on a terminal (auto), always, never. NO_COLOR is honoured.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether to colour what goes to stdout.
    pub fn stdout(self) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stdout().is_terminal()
            }
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check claim files against articles: each claim supported, contradicted, conflicting or
    /// not found, and the facts no claim covers.
    Check(Box<check::CheckArgs>),
    /// Print the facts articles state, as claim lines or JSON.
    Extract(extract::ExtractArgs),
    /// Report every error and warning in claim and rule files.
    Lint(lint::LintArgs),
    /// Rewrite claim and rule files in the canonical layout (--check: only report).
    Fmt(fmt::FmtArgs),
    /// Print the documentation of a code (FC101): what it means, an example, how to fix or
    /// silence it; --all lists every code.
    Rule(rule::RuleArgs),
    /// Run the language server over stdin and stdout (for editors).
    Server(server::ServerArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    Completions(shell::CompletionsArgs),
    /// Print the man page (roff).
    Man,
}

/// Options every subcommand that reads rules shares.
#[derive(Debug, Clone, clap::Args)]
pub struct RuleArgs {
    /// Extra rule files (actor and predicate declarations), read after the shipped rules.
    #[arg(long = "rules", value_name = "FILE")]
    pub rules: Vec<PathBuf>,
    /// Do not load the shipped rules (actors, aliases, predicates).
    #[arg(long)]
    pub no_shipped_rules: bool,
}

/// Parses the arguments, runs the subcommand, prints failures, and returns the exit code.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let color = cli.color;
    let result = match cli.command {
        Command::Check(a) => check::run(*a, color),
        Command::Extract(a) => extract::run(a, color),
        Command::Lint(a) => lint::run(a, color),
        Command::Fmt(a) => fmt::run(a, color),
        Command::Rule(a) => rule::run(a),
        Command::Server(a) => server::run(a),
        Command::Completions(a) => shell::completions(a),
        Command::Man => shell::man(),
    };
    match result {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::Findings) => ExitCode::from(1),
        Err(Failure(msg)) => {
            eprintln!("error: {msg}");
            ExitCode::from(2)
        }
    }
}

/// Writes `text` to stdout. When stdout is closed early (`factcheck lint ... | head`), the run
/// ends quietly with exit code 0, as other command-line tools do, instead of panicking as
/// `print!` does on a broken pipe.
pub fn print_stdout(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("error: cannot write to standard output: {e}");
        std::process::exit(2);
    }
}

/// The failure for an error writing to stdout. A broken pipe (`factcheck extract ... | head`)
/// ends the run quietly with exit code 0 instead, as in [`print_stdout`].
pub fn stdout_failure(e: std::io::Error) -> Failure {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    Failure(format!("cannot write to standard output: {e}"))
}

/// Reads a file as UTF-8, with an error that names the file.
pub fn read_file(path: &std::path::Path) -> Result<String, Failure> {
    let bytes =
        std::fs::read(path).map_err(|e| Failure(format!("cannot read {}: {e}", path.display())))?;
    String::from_utf8(bytes).map_err(|e| {
        Failure(format!(
            "{} is not valid UTF-8 (invalid byte at offset {})",
            path.display(),
            e.utf8_error().valid_up_to()
        ))
    })
}

/// Reads an article file for `check` and `extract`: its text, or an error that names it (it
/// cannot be read, is a directory, is binary (contains NUL bytes) or is not UTF-8, naming the
/// offset of the first invalid byte). The caller reports the error and goes on with the other
/// articles.
pub fn read_article(path: &std::path::Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    if bytes.contains(&0) {
        return Err(format!(
            "{} is a binary file (it contains NUL bytes); skipped",
            path.display()
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{} is not valid UTF-8 (invalid byte at offset {}); skipped",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })
}
