//! `factcheck fmt`: canonical layout for claim files.

use std::path::PathBuf;

use super::{CmdResult, ColorChoice, Failure};

#[derive(Debug, clap::Args)]
pub struct FmtArgs {
    /// Claim files, or directories searched for `*.claims`.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,
    /// Change nothing; exit 1 if a file would change.
    #[arg(long)]
    pub check: bool,
}

pub fn run(args: FmtArgs, color: ColorChoice) -> CmdResult {
    let _ = (args, color);
    Err(Failure("fmt is not implemented yet".into()))
}
