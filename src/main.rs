//! The `factcheck` binary: a thin shell around [`factcheck::cli::run`].

fn main() -> std::process::ExitCode {
    factcheck::cli::run()
}
