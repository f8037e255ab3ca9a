//! `factcheck check` in an editorial repository, through the binary: configuration errors,
//! discovery (globs, `exclude`, `.gitignore`), the named-files rule, suppressions, baselines and
//! the progress bar's silence off a terminal.
//!
//! The articles here state no facts and the claim files hold no claims, so the outcomes do not
//! depend on the extractor: what is observed is which files were read (their suppressions are
//! reported as unused, FC210, with their line and column) and what the run does around the
//! check.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn factcheck(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factcheck"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .output()
        .expect("run factcheck")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

const UNUSED: &str = "<!-- factcheck-ignore-next-line -->\nThe weather was mild.\n";

/// A small repository: a config, a claim file without claims, articles that state no facts
/// but each hold one suppression (so that each file read shows up as an FC210).
fn repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "factcheck.toml",
        "claims = [\"claims/*.claims\"]\narticles = [\"drafts/**/*.md\", \"drafts/**/*.txt\"]\nexclude = [\"drafts/old\"]\n",
    );
    write(root, "claims/desk.claims", "# The desk's claims: none checked yet.\n");
    write(
        root,
        "drafts/a.md",
        &format!("---\ndate: 2022-03-30\n---\n\n# Notes\n\n- item\n\n{UNUSED}"),
    );
    write(
        root,
        "drafts/europe/b.txt",
        "date 2022-03-30\nfactcheck-ignore-next-line\nThe weather was mild.\n",
    );
    write(root, "drafts/old/c.md", UNUSED);
    write(root, "tmp/d.md", UNUSED);
    write(root, "drafts/tmp/e.md", UNUSED);
    write(root, "README.md", UNUSED);
    write(root, ".gitignore", "tmp/\n");
    dir
}

/// (file, line, column, code) of the JSON report's diagnostics.
fn diagnostics(o: &Output) -> Vec<(String, u64, u64, String)> {
    let v: Value = serde_json::from_str(&stdout(o))
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}\nstderr:\n{}", stdout(o), stderr(o)));
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
                d["code"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn fc210(file: &str, line: u64) -> (String, u64, u64, String) {
    (file.to_string(), line, 1, "FC210".to_string())
}

#[test]
fn whole_repository_honours_globs_exclude_and_gitignore() {
    let dir = repo();
    let o = factcheck(dir.path(), &["check", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // drafts/old is excluded, tmp/ and drafts/tmp/ are git-ignored, README.md is not an article.
    assert_eq!(diagnostics(&o), [fc210("drafts/a.md", 9), fc210("drafts/europe/b.txt", 2)]);
}

#[test]
fn from_a_subdirectory_the_config_is_found_and_names_are_relative() {
    let dir = repo();
    let o = factcheck(&dir.path().join("drafts/europe"), &["check", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(diagnostics(&o), [fc210("../a.md", 9), fc210("b.txt", 2)]);
}

#[test]
fn named_files_honour_the_config() {
    let dir = repo();
    let o = factcheck(
        dir.path(),
        &["check", "--format", "json", "drafts/a.md", "drafts/old/c.md", "README.md"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(diagnostics(&o), [fc210("drafts/a.md", 9)]);
    let err = stderr(&o);
    assert!(
        err.contains("warning: skipped drafts/old/c.md (excluded by the configuration)"),
        "{err}"
    );
    assert!(
        err.contains(
            "warning: skipped README.md (not an article or claim file of the configuration)"
        ),
        "{err}"
    );
}

#[test]
fn only_skipped_files_is_nothing_to_check() {
    let dir = repo();
    let o = factcheck(dir.path(), &["check", "README.md"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("no articles to check"), "{}", stderr(&o));
}

#[test]
fn unknown_config_key_is_located() {
    let dir = repo();
    write(
        dir.path(),
        "factcheck.toml",
        "claims = [\"claims/*.claims\"]\nexlcude = [\"drafts/old\"]\n",
    );
    let o = factcheck(&dir.path().join("drafts"), &["check"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("error[FC201]: invalid factcheck.toml: unknown field `exlcude`"), "{err}");
    assert!(err.contains("┌─ ../factcheck.toml:2:1"), "{err}");
    assert!(err.contains("^^^^^^^ unknown key"), "{err}");
    assert!(
        err.contains("error: invalid configuration ../factcheck.toml: nothing was checked"),
        "{err}"
    );
    assert!(stdout(&o).is_empty());
}

#[test]
fn explicit_and_no_config() {
    let dir = repo();
    write(dir.path(), "factcheck.toml", "bogus = 1\n");
    write(dir.path(), "fc.toml", "claims = [\"claims/*.claims\"]\narticles = [\"drafts/a.md\"]\n");
    // --config names another file (relative to the working directory); its directory is the
    // root the globs are relative to.
    let o = factcheck(
        &dir.path().join("drafts"),
        &["check", "--config", "../fc.toml", "--format", "json"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(diagnostics(&o), [fc210("a.md", 9)]);
    // --no-config: arguments only, the broken factcheck.toml is not read.
    let o = factcheck(
        dir.path(),
        &["check", "--no-config", "--format", "json", "-c", "claims", "drafts/old/c.md"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(diagnostics(&o), [fc210("drafts/old/c.md", 1)]);
}

#[test]
fn invalid_suppression_is_an_error() {
    let dir = repo();
    write(dir.path(), "drafts/europe/b.txt", "<!-- factcheck-disable unverifed -->\nQuiet day.\n");
    let o = factcheck(dir.path(), &["check"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let out = stdout(&o);
    assert!(out.contains("error[FC211]: unknown finding kind `unverifed` in suppression"), "{out}");
    assert!(out.contains("┌─ drafts/europe/b.txt:1:1"), "{out}");
}

#[test]
fn baselines() {
    let dir = repo();
    let root = dir.path();
    let o = factcheck(root, &["check", "--write-baseline", "base.json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("wrote 0 findings to base.json"), "{}", stderr(&o));
    assert!(stdout(&o).is_empty());
    let written: Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("base.json")).unwrap()).unwrap();
    assert_eq!(written["version"], 1);
    assert_eq!(written["findings"], Value::Array(vec![]));

    let o = factcheck(root, &["check", "-q", "--baseline", "base.json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));

    let o = factcheck(root, &["check", "--baseline", "missing.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains(
            "error: baseline missing.json does not exist (create it with --write-baseline missing.json)"
        ),
        "{}",
        stderr(&o)
    );

    write(root, "corrupt.json", "{\"version\": 1, \"findings\": [");
    let o = factcheck(root, &["check", "--baseline", "corrupt.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("error: corrupt.json is not a factcheck baseline"),
        "{}",
        stderr(&o)
    );

    let o = factcheck(root, &["check", "--baseline", "a.json", "--write-baseline", "b.json"]);
    assert_eq!(o.status.code(), Some(2), "conflicting options are a usage error");
}

#[test]
fn no_progress_bar_off_a_terminal() {
    let dir = repo();
    for i in 0..30 {
        write(dir.path(), &format!("drafts/many/{i:02}.md"), "Nothing here.\n");
    }
    let o = factcheck(dir.path(), &["check", "-q"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stderr(&o), "", "stderr is a pipe: no bar");
}

/// The pre-commit hook definition: what pre-commit runs and with which files.
#[test]
fn pre_commit_hook_definition() {
    let text = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".pre-commit-hooks.yaml"),
    )
    .unwrap();
    for line in [
        "- id: factcheck",
        "  entry: factcheck check",
        "  language: rust",
        "  files: \\.(md|markdown|mdx|txt|claims)$",
        "  pass_filenames: true",
    ] {
        assert!(text.lines().any(|l| l == line), "missing {line:?}");
    }
}

/// On a terminal (a pseudo-terminal from util-linux `script`), a long run draws the bar on
/// stderr and clears it at the end. Skipped, with a note, where `script` is missing.
#[test]
fn progress_bar_on_a_terminal() {
    let dir = repo();
    for i in 0..30 {
        write(dir.path(), &format!("drafts/many/{i:02}.md"), "Nothing here.\n");
    }
    let cmd = format!("{} check -q > /dev/null", env!("CARGO_BIN_EXE_factcheck"));
    let out = Command::new("script")
        .args(["-q", "-e", "-c", &cmd, "/dev/null"])
        .current_dir(dir.path())
        .env("TERM", "xterm")
        .output();
    let Ok(out) = out else {
        eprintln!("note: `script` is not installed; the terminal case is not tested");
        return;
    };
    if !out.status.success() {
        eprintln!("note: `script` could not run here ({}); skipped", stderr(&out));
        return;
    }
    let tty = stdout(&out);
    assert!(tty.contains("checking [") && tty.contains("/32"), "{tty:?}");
    assert!(tty.ends_with("\r\u{1b}[2K"), "the bar is cleared: {tty:?}");
}

/// SARIF results carry the baseline fingerprint of their finding (`partialFingerprints`), and
/// its rules the code's documentation.
#[test]
fn sarif_fingerprints_are_the_baseline_fingerprints() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "factcheck.toml", "claims = [\"claims/*.claims\"]\narticles = [\"drafts/*.md\"]\n");
    write(
        root,
        "claims/desk.claims",
        "Netherlands expelled 17 Russia\nPoland expelled 45 Russia\n",
    );
    write(
        root,
        "drafts/a.md",
        "The Netherlands expelled 15 Russian diplomats. Belgium expelled 21 Russian diplomats.\n",
    );
    let o = factcheck(root, &["check", "--format", "sarif"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let sarif: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let run = &sarif["runs"][0];
    let mut prints: Vec<String> = run["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["partialFingerprints"]["factcheckFingerprint/v1"].as_str().unwrap().to_string())
        .collect();
    prints.sort();
    assert_eq!(prints.len(), 3, "{prints:?}");
    let rule =
        run["tool"]["driver"]["rules"].as_array().unwrap().iter().find(|r| r["id"] == "FC101");
    let rule = rule.unwrap();
    assert!(rule["fullDescription"]["text"].as_str().unwrap().contains("no count they give"));
    assert!(rule["help"]["markdown"].as_str().unwrap().contains("## How to silence it"));

    let o = factcheck(root, &["check", "--write-baseline", "baseline.json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let baseline: Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("baseline.json")).unwrap())
            .unwrap();
    let mut recorded: Vec<String> = baseline["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["fingerprint"].as_str().unwrap().to_string())
        .collect();
    recorded.sort();
    assert_eq!(prints, recorded);
}
