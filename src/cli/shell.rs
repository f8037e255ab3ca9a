//! `factcheck completions SHELL` and `factcheck man`: shell completion scripts (clap_complete)
//! and the roff man page (clap_mangen), both generated from the argument definitions so they
//! never drift from them.
//!
//! ```text
//! factcheck completions bash > ~/.local/share/bash-completion/completions/factcheck
//! factcheck completions zsh > ~/.zfunc/_factcheck
//! factcheck completions fish > ~/.config/fish/completions/factcheck.fish
//! factcheck man > ~/.local/share/man/man1/factcheck.1
//! ```

use clap::CommandFactory;

use super::{Cli, CmdResult, Outcome};

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to write the completion script for.
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

/// Prints the completion script for a shell.
pub fn completions(args: CompletionsArgs) -> CmdResult {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "factcheck", &mut out);
    super::print_stdout(&String::from_utf8_lossy(&out));
    Ok(Outcome::Clean)
}

/// Prints the man page (roff) of factcheck and its subcommands, one after the other.
pub fn man() -> CmdResult {
    let cmd = Cli::command();
    let mut out = Vec::new();
    clap_mangen::Man::new(cmd.clone()).render(&mut out)?;
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let title = format!("factcheck-{}", sub.get_name());
        clap_mangen::Man::new(sub.clone())
            .title(title)
            .source(concat!("factcheck ", env!("CARGO_PKG_VERSION")))
            .render(&mut out)?;
    }
    super::print_stdout(&String::from_utf8_lossy(&out));
    Ok(Outcome::Clean)
}
