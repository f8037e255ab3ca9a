//! The command line: argument definitions (clap derive), dispatch to one module per subcommand,
//! and the exit-code contract (0 clean, 1 findings at error level, 2 could not run).
//!
//! This is the only part of factcheck that prints.

/// `eprintln!` that survives a closed standard error: see [`write_stderr`].
macro_rules! say {
    ($($t:tt)*) => {
        $crate::cli::write_stderr(&format!("{}\n", format_args!($($t)*)))
    };
}

/// `eprint!` that survives a closed standard error: see [`write_stderr`].
macro_rules! say_raw {
    ($($t:tt)*) => {
        $crate::cli::write_stderr(&format!($($t)*))
    };
}

pub mod batch;
pub mod check;
pub mod extract;
pub mod fmt;
pub mod lint;
pub mod parse;
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
    /// Split, tag and parse articles or CoNLL-U files (UD dependencies), as CoNLL-U or JSON.
    Parse(parse::ParseArgs),
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
        Command::Parse(a) => parse::run(a, color),
        Command::Completions(a) => shell::completions(a),
        Command::Man => shell::man(),
    };
    match result {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::Findings) => ExitCode::from(1),
        Err(Failure(msg)) => {
            say!("error: {msg}");
            ExitCode::from(2)
        }
    }
}

/// Writes `text` to standard error. A closed or failing stderr (`factcheck lint x 2>&-`,
/// `factcheck check ... 2>&1 | head`) is ignored: messages are lost, the run goes on, and its
/// exit code still tells how it ended (`eprintln!` would panic, exit code 101).
pub fn write_stderr(text: &str) {
    use std::io::Write;
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(text.as_bytes()).and_then(|()| err.flush());
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
        say!("error: cannot write to standard output: {e}");
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

/// An article's name in messages and reports: its path as given, `<stdin>` for `-`.
pub fn article_name(path: &std::path::Path) -> String {
    if path.as_os_str() == "-" { "<stdin>".into() } else { path.display().to_string() }
}

/// Reads an article file for `check` and `extract`: its text, or an error that names it (it
/// cannot be read, is a directory, is binary (contains NUL bytes) or is not UTF-8, naming the
/// offset of the first invalid byte). The caller reports the error and goes on with the other
/// articles. `-` is standard input.
pub fn read_article(path: &std::path::Path) -> Result<String, String> {
    let bytes = if path.as_os_str() == "-" {
        let mut b = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut b)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        b
    } else {
        std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?
    };
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
