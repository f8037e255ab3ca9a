//! `factcheck lint`: every error and warning in claim and rule files.

use std::path::PathBuf;

use super::{CmdResult, ColorChoice, Failure, RuleArgs};

#[derive(Debug, clap::Args)]
pub struct LintArgs {
    /// Claim files, or directories searched for `*.claims`.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub rules: RuleArgs,
}

pub fn run(args: LintArgs, color: ColorChoice) -> CmdResult {
    let _ = (args, color);
    Err(Failure("lint is not implemented yet".into()))
}
