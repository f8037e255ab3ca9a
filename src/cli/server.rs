//! `factcheck server`: the language server ([`crate::server`]) over standard input and output.
//! Exit code 0 after `shutdown` and `exit`, 1 on `exit` without `shutdown` (as LSP asks), 2
//! when the session could not start.

use super::{CmdResult, Failure, Outcome};

#[derive(Debug, clap::Args)]
pub struct ServerArgs {
    /// Talk LSP over standard input and output: the only transport, accepted because editors'
    /// client libraries pass it.
    #[arg(long)]
    pub stdio: bool,
}

pub fn run(_args: ServerArgs) -> CmdResult {
    let (connection, io_threads) = lsp_server::Connection::stdio();
    let result = crate::server::run(&connection);
    // The writer thread ends when the connection's sender is dropped.
    drop(connection);
    let joined = io_threads.join();
    match result {
        Ok(true) => {
            joined.map_err(|e| Failure(format!("language server: {e}")))?;
            Ok(Outcome::Clean)
        }
        Ok(false) => Ok(Outcome::Findings),
        Err(e) => Err(Failure(format!("language server: {e}"))),
    }
}
