//! CLI tests: every `tests/cmd/*.toml` case (trycmd) runs the `factcheck` binary and compares
//! its exit code, stdout and stderr (and, for sandboxed cases, the files it leaves) with the
//! expected ones. Cases are named after their subcommand (`lint_*`, `fmt_*`, ...).

#[test]
fn cli() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}
