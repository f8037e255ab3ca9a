//! `factcheck extract`: the facts articles state.

use std::path::PathBuf;

use super::{CmdResult, ColorChoice, Failure, RuleArgs};

#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// Articles (plain text or Markdown).
    #[arg(value_name = "ARTICLE")]
    pub articles: Vec<PathBuf>,
    #[command(flatten)]
    pub rules: RuleArgs,
}

pub fn run(args: ExtractArgs, color: ColorChoice) -> CmdResult {
    let _ = (args, color);
    Err(Failure("extract is not implemented yet".into()))
}
