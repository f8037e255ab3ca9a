//! `factcheck check`: claims against articles.

use std::path::PathBuf;

use super::{CmdResult, ColorChoice, Failure, RuleArgs};

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Claim files, or directories searched for `*.claims`.
    #[arg(long = "claims", short = 'c', value_name = "PATH")]
    pub claims: Vec<PathBuf>,
    /// Articles (plain text or Markdown).
    #[arg(value_name = "ARTICLE")]
    pub articles: Vec<PathBuf>,
    #[command(flatten)]
    pub rules: RuleArgs,
}

pub fn run(args: CheckArgs, color: ColorChoice) -> CmdResult {
    let _ = (args, color);
    Err(Failure("check is not implemented yet".into()))
}
