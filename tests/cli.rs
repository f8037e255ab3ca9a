//! CLI tests: every `tests/cmd/*.toml` case, run with trycmd.

#[test]
fn cli_tests() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}
