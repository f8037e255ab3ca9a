//! Robustness of the command line: every subcommand on adversarial inputs (binary files,
//! invalid UTF-8, empty files, 10,000 commas, a BOM, CRLF, NUL bytes, U+FFFD and combining
//! characters, deeply nested Markdown, unterminated front matter, fences and quotes, junk claim
//! files, long lines, directories and missing paths, bad JSON Lines).
//!
//! What must hold: never a panic (exit code 101), only the documented exit codes (0 clean,
//! 1 findings, 2 could not run), a file that cannot be read is named, and one bad file does not
//! keep the others from being handled where that is the contract (`extract`, `lint`, `fmt`).
//! Inputs are generated in a temporary directory; they are small enough for debug builds (the
//! 100 MB figures are measured by hand, not here: no timings in tests).

mod batch_check;
mod issue12;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tempfile::TempDir;

const GOOD_ARTICLE: &str =
    "date 2022-03-29\nPoland expelled 45 Russian diplomats, the foreign ministry said.\n";
const GOOD_CLAIMS: &str = "Poland expelled 45 Russia 2022-03-29\n";

/// Runs factcheck in `dir` (so no `factcheck.toml` of this repository is found).
fn factcheck(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factcheck"))
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .expect("factcheck runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// No panic, and one of the documented exit codes.
fn assert_survives(o: &Output, what: &str) {
    let err = stderr(o);
    assert!(!err.contains("panicked"), "{what}: panic\n{err}");
    assert!(matches!(o.status.code(), Some(0..=2)), "{what}: exit status {:?}\n{err}", o.status);
}

fn code(o: &Output) -> Option<i32> {
    o.status.code()
}

/// Bytes of a file that looks like a compiled program: every byte value, NULs included.
fn binary_bytes() -> Vec<u8> {
    let mut b = b"\x7fELF\x02\x01\x01\x00".to_vec();
    for i in 0..20_000u32 {
        b.push((i.wrapping_mul(2_654_435_761) >> 13) as u8);
    }
    b
}

/// The adversarial inputs, as (file name stem, bytes). Each is written as `.txt`, `.md` and
/// `.claims`.
fn adversarial() -> Vec<(&'static str, Vec<u8>)> {
    let mut nested_list = String::new();
    for i in 0..1000 {
        nested_list.push_str(&"  ".repeat(i));
        nested_list.push_str("- Poland expelled 45 Russian diplomats.\n");
    }
    let mut junk = String::new();
    let alphabet = b"abcXYZ \"#,.0123456789_-><~\t";
    let mut x = 7u64;
    for _ in 0..20_000 {
        x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        let len = (x >> 59) as usize * 2;
        for k in 0..len {
            junk.push(alphabet[((x >> (k % 50)) as usize) % alphabet.len()] as char);
        }
        junk.push('\n');
    }
    vec![
        ("binary", binary_bytes()),
        ("invalid_utf8", b"Poland expelled 45 \xff\xfe Russian diplomats.\n".to_vec()),
        ("empty", Vec::new()),
        ("commas", ",".repeat(10_000).into_bytes()),
        ("bom", "\u{feff}date 2022-03-29\nPoland expelled 45 Russia\n".into()),
        ("crlf", b"date 2022-03-29\r\nPoland expelled 45 Russian diplomats.\r\n".to_vec()),
        ("lone_cr", b"Poland expelled 45 Russia\rBelgium expelled 21 Russia\r".to_vec()),
        ("nul", b"Poland expelled\x00 45 Russian\x00 diplomats.\x00\n\x00\n".to_vec()),
        (
            "replacement_combining",
            "Poland\u{fffd} expelled 45\u{301} Russian\u{308} diplomats\u{fffd}.\n\u{301}\u{301} expelled 3 Iran\n\"\u{301}\" expelled 3 Iran\n".into(),
        ),
        ("nested_quote", format!("{} Poland expelled 45 Russian diplomats.\n", ">".repeat(1000)).into()),
        ("nested_quote_spaced", format!("{} Poland expelled 45 Russian diplomats.\n", "> ".repeat(1000)).into()),
        ("nested_list", nested_list.into()),
        ("nested_emphasis", format!("{}Poland expelled 45 Russian diplomats.{}\n", "*".repeat(5000), "*".repeat(5000)).into()),
        ("nested_brackets", format!("{}Poland expelled 45 Russian diplomats.{}\n", "[".repeat(5000), "](".repeat(5000)).into()),
        ("front_matter_unterminated", "---\ndate: 2022-03-29\ntitle: x\nPoland expelled 45 Russian diplomats.\n".into()),
        ("toml_front_matter_unterminated", "+++\ndate = 2022-03-29\nPoland expelled 45 Russian diplomats.\n".into()),
        ("fence_unterminated", "Poland expelled 45 Russian diplomats.\n```\nRussia expelled 3 Iran\n".into()),
        ("quote_unterminated", "\"Poland expelled 45 Russia\nRussia expelled \"EU\n\"\n".into()),
        ("comment_unterminated", "<!-- factcheck-disable\nPoland expelled 45 Russian diplomats.\n".into()),
        ("junk", junk.into()),
        ("long_line", "Russia expelled 3 Iran, ".repeat(4_000).into()),
    ]
}

/// Writes every adversarial input under `dir` with each extension; returns the paths by
/// extension.
fn write_inputs(dir: &Path) -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    for (stem, bytes) in adversarial() {
        for ext in ["txt", "md", "claims"] {
            let name = format!("{stem}.{ext}");
            std::fs::write(dir.join(&name), &bytes).expect("write input");
            out.push((name, dir.join(format!("{stem}.{ext}"))));
        }
    }
    out
}

fn setup() -> TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("good.txt"), GOOD_ARTICLE).expect("write");
    std::fs::write(dir.path().join("good.claims"), GOOD_CLAIMS).expect("write");
    dir
}

#[test]
fn articles_never_crash_extract_or_check() {
    let dir = setup();
    let d = dir.path();
    for (name, _) in write_inputs(d) {
        if name.ends_with(".claims") {
            continue;
        }
        let o = factcheck(d, &["extract", &name]);
        assert_survives(&o, &format!("extract {name}"));
        let o = factcheck(d, &["extract", "--format", "json", &name]);
        assert_survives(&o, &format!("extract --format json {name}"));
        let o = factcheck(d, &["check", "--no-config", "-c", "good.claims", &name]);
        assert_survives(&o, &format!("check {name}"));
        let o = factcheck(
            d,
            &["check", "--no-config", "-c", "good.claims", "--format", "sarif", &name],
        );
        assert_survives(&o, &format!("check --format sarif {name}"));
        if name.starts_with("binary") || name.starts_with("invalid_utf8") {
            assert_eq!(code(&o), Some(2), "check {name}");
            assert!(stderr(&o).contains(&name), "check names {name}: {}", stderr(&o));
        }
    }
}

#[test]
fn claim_files_never_crash_lint_fmt_or_check() {
    let dir = setup();
    let d = dir.path();
    for (name, _) in write_inputs(d) {
        if !name.ends_with(".claims") {
            continue;
        }
        let o = factcheck(d, &["lint", &name]);
        assert_survives(&o, &format!("lint {name}"));
        let o = factcheck(d, &["lint", "--format", "json", &name]);
        assert_survives(&o, &format!("lint --format json {name}"));
        if o.status.code() != Some(2) {
            let v: serde_json::Value = serde_json::from_slice(&o.stdout)
                .unwrap_or_else(|e| panic!("lint --format json {name}: not JSON: {e}"));
            assert!(v["diagnostics"].is_array(), "lint --format json {name}");
            assert_eq!(v["version"], 1, "lint --format json {name}");
        }
        let o = factcheck(d, &["fmt", "--check", &name]);
        assert_survives(&o, &format!("fmt --check {name}"));
        let before = std::fs::read(d.join(&name)).expect("read");
        let o = factcheck(d, &["fmt", &name]);
        assert_survives(&o, &format!("fmt {name}"));
        if o.status.code() != Some(0) {
            assert_eq!(
                std::fs::read(d.join(&name)).expect("read"),
                before,
                "fmt {name} failed but changed the file"
            );
        }
        let o = factcheck(d, &["check", "--no-config", "-c", &name, "good.txt"]);
        assert_survives(&o, &format!("check -c {name}"));
        if name.starts_with("binary") || name.starts_with("invalid_utf8") {
            for sub in [&["lint"][..], &["fmt", "--check"], &["fmt"]] {
                let mut args = sub.to_vec();
                args.push(&name);
                let o = factcheck(d, &args);
                assert_eq!(code(&o), Some(2), "{args:?}");
                assert!(stderr(&o).contains(&name), "{args:?} names the file: {}", stderr(&o));
            }
        }
    }
}

#[test]
fn missing_paths_and_directories_are_named_with_exit_code_2() {
    let dir = setup();
    let d = dir.path();
    std::fs::create_dir(d.join("folder.txt")).expect("mkdir");
    for args in [
        &["extract", "missing.txt"][..],
        &["extract", "folder.txt"],
        &["check", "--no-config", "-c", "good.claims", "missing.txt"],
        &["check", "--no-config", "-c", "good.claims", "folder.txt"],
        &["check", "--no-config", "-c", "missing.claims", "good.txt"],
        &["lint", "missing.claims"],
        &["fmt", "missing.claims"],
        &["fmt", "--check", "missing.claims"],
        &["check", "--no-config", "-c", "good.claims", "--jsonl", "missing.jsonl"],
        &["extract", "--jsonl", "missing.jsonl"],
        &["lint", "--rules", "missing.claims", "good.claims"],
    ] {
        let o = factcheck(d, args);
        assert_survives(&o, &format!("{args:?}"));
        assert_eq!(code(&o), Some(2), "{args:?}: {}", stderr(&o));
        let named = args.iter().find(|a| a.starts_with("missing") || a.starts_with("folder"));
        if let Some(named) = named {
            assert!(stderr(&o).contains(named), "{args:?} names {named}: {}", stderr(&o));
        }
    }
}

#[test]
fn lint_reports_the_readable_files_when_others_cannot_be_read() {
    let dir = setup();
    let d = dir.path();
    std::fs::write(d.join("bad.claims"), b"Russia expelled 3 \xff Iran\n").expect("write");
    std::fs::write(d.join("typo.claims"), "Russia expeled 3 Iran\n").expect("write");
    let o = factcheck(d, &["lint", "missing.claims", "bad.claims", "typo.claims"]);
    assert_eq!(code(&o), Some(2));
    let (out, err) = (stdout(&o), stderr(&o));
    assert!(out.contains("typo.claims:1:8"), "the readable file is linted: {out}");
    assert!(out.contains("FC005"), "{out}");
    assert!(err.contains("missing.claims: no such file"), "{err}");
    assert!(err.contains("bad.claims is not valid UTF-8 (invalid byte at offset 18)"), "{err}");
    assert!(err.contains("2 paths could not be linted"), "{err}");

    let o = factcheck(d, &["lint", "--format", "json", "missing.claims", "typo.claims"]);
    assert_eq!(code(&o), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON on stdout");
    assert_eq!(v["diagnostics"][0]["code"], "FC005");
}

#[test]
fn fmt_formats_the_readable_files_when_others_cannot_be_read() {
    let dir = setup();
    let d = dir.path();
    std::fs::write(d.join("bad.claims"), b"Russia   expelled 3 \xff Iran\n").expect("write");
    std::fs::write(d.join("messy.claims"), "Russia   expelled   3 Iran\n").expect("write");
    let o = factcheck(d, &["fmt", "bad.claims", "missing.claims", "messy.claims"]);
    assert_eq!(code(&o), Some(2), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(d.join("messy.claims")).unwrap(),
        "Russia expelled 3 Iran\n"
    );
    assert_eq!(std::fs::read(d.join("bad.claims")).unwrap(), b"Russia   expelled 3 \xff Iran\n");
    let err = stderr(&o);
    assert!(err.contains("bad.claims is not valid UTF-8"), "{err}");
    assert!(err.contains("missing.claims: no such file"), "{err}");
    assert!(err.contains("reformatted 1 of 2 files"), "{err}");

    std::fs::write(d.join("messy.claims"), "Russia   expelled   3 Iran\n").expect("write");
    let o = factcheck(d, &["fmt", "--check", "missing.claims", "messy.claims"]);
    assert_eq!(code(&o), Some(2));
    assert!(stdout(&o).contains("+Russia expelled 3 Iran"), "{}", stdout(&o));
    assert_eq!(
        std::fs::read_to_string(d.join("messy.claims")).unwrap(),
        "Russia   expelled   3 Iran\n",
        "--check writes nothing"
    );
}

#[test]
fn extract_goes_on_after_an_unreadable_article() {
    let dir = setup();
    let d = dir.path();
    std::fs::write(d.join("bad.txt"), b"Poland expelled 45 \xff Russian diplomats.\n").expect("w");
    std::fs::write(d.join("bin.txt"), binary_bytes()).expect("w");
    let o = factcheck(d, &["extract", "bad.txt", "missing.txt", "bin.txt", "good.txt"]);
    assert_eq!(code(&o), Some(2));
    assert!(stdout(&o).contains("Poland expelled 45 Russia"), "{}", stdout(&o));
    let err = stderr(&o);
    for named in ["bad.txt", "missing.txt", "bin.txt"] {
        assert!(err.contains(named), "{named} is named: {err}");
    }
}

/// One 1 MB line with a fact every 70 bytes: finding each evidence's column used to count the
/// line's characters from its start every time (quadratic: minutes at 10 MB).
#[test]
fn a_long_single_line_article_is_checked_in_linear_time() {
    let dir = setup();
    let d = dir.path();
    let line = "Poland expelled 45 Russian diplomats, the foreign ministry said. ".repeat(15_000);
    std::fs::write(d.join("line.txt"), &line).expect("write");
    let o = factcheck(
        d,
        &[
            "check",
            "--no-config",
            "-c",
            "good.claims",
            "--format",
            "json",
            "--date",
            "2022-03-29",
            "line.txt",
        ],
    );
    assert_survives(&o, "check a long line");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON report");
    let ev = &v["claims"][0]["evidence"];
    let last = &ev[ev.as_array().map_or(0, |a| a.len()) - 1];
    let start = last["start"].as_u64().expect("start") as usize;
    assert_eq!(last["line"], 1);
    assert_eq!(last["column"].as_u64(), Some(start as u64 + 1));
}

#[test]
fn bad_json_lines_are_named_and_the_good_ones_read() {
    let dir = setup();
    let d = dir.path();
    let good = serde_json::json!({"text": "Poland expelled 45 Russian diplomats.", "date": "2022-03-29", "id": "a"});
    let lines = [
        good.to_string(),
        "{not json".to_string(),
        serde_json::json!({"date": "2022-03-29"}).to_string(),
        serde_json::json!({"text": 17}).to_string(),
        serde_json::json!({"text": null}).to_string(),
        "[1, 2]".to_string(),
        String::new(),
        r#"{"text": "lone \ud800 surrogate"}"#.to_string(),
        serde_json::json!({"text": "Belgium expelled 21 Russian diplomats.", "id": {"x": [1]}})
            .to_string(),
        serde_json::json!({"text": "Belgium expelled 21 Russian diplomats. ".repeat(2_000)})
            .to_string(),
    ];
    let mut bytes = lines.join("\n").into_bytes();
    bytes.extend_from_slice(b"\n{\"text\": \"\xff\xfe\"}\n");
    std::fs::write(d.join("in.jsonl"), &bytes).expect("write");

    let o = factcheck(d, &["extract", "--jsonl", "in.jsonl"]);
    assert_survives(&o, "extract --jsonl");
    assert_eq!(code(&o), Some(2), "bad lines make the exit code 2");
    let out = stdout(&o);
    assert!(out.contains("Poland expelled 45 Russia"), "{out}");
    assert!(out.contains("Belgium expelled 21 Russia"), "{out}");
    let err = stderr(&o);
    for line in [2, 3, 4, 5, 6, 8, 11] {
        assert!(err.contains(&format!("in.jsonl:{line}:")), "line {line} is named: {err}");
    }

    let o = factcheck(d, &["check", "--no-config", "-c", "good.claims", "--jsonl", "in.jsonl"]);
    assert_survives(&o, "check --jsonl");
    assert_eq!(code(&o), Some(2), "bad lines make the exit code 2 for check too");
    assert!(stdout(&o).contains("1 supported"), "{}", stdout(&o));
    let err = stderr(&o);
    for line in [2, 3, 4, 5, 6, 8, 11] {
        assert!(err.contains(&format!("error: in.jsonl:{line}:")), "line {line} is named: {err}");
    }
    assert!(err.contains("error: 7 articles could not be read"), "{err}");
}

/// `date` is the whole field, a real day: anything else is an error naming FILE:LINE, in
/// `check` and `extract` alike; articles are named by `id`, else `FILE:LINE`, in both.
#[test]
fn json_lines_dates_and_names_are_the_same_for_check_and_extract() {
    let dir = setup();
    let d = dir.path();
    let text = "Poland expelled 45 Russian diplomats.";
    let lines = [
        serde_json::json!({"text": text, "date": "2022-03-29garbage"}),
        serde_json::json!({"text": text, "date": "2022-02-30"}),
        serde_json::json!({"text": text, "date": "29 March 2022"}),
        serde_json::json!({"text": text, "date": "2022-03-29", "id": "warsaw"}),
        serde_json::json!({"text": "Belgium expelled 21 Russian diplomats.", "date": "2022-03-29"}),
    ];
    let body: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    std::fs::write(d.join("d.jsonl"), body.join("\n")).expect("write");
    for args in [
        &["extract", "--jsonl", "d.jsonl"][..],
        &["check", "--no-config", "-c", "good.claims", "--format", "json", "--jsonl", "d.jsonl"],
    ] {
        let o = factcheck(d, args);
        assert_survives(&o, &format!("{args:?}"));
        assert_eq!(code(&o), Some(2), "{args:?}");
        let err = stderr(&o);
        for line in 1..=3 {
            assert!(err.contains(&format!("error: d.jsonl:{line}: bad date")), "{args:?}: {err}");
        }
        assert!(err.contains("3 articles could not be read"), "{err}");
        let out = stdout(&o);
        assert!(out.contains("warsaw"), "{args:?}: named by id: {out}");
        assert!(out.contains("d.jsonl:5"), "{args:?}: named FILE:LINE: {out}");
        assert!(!out.contains("d.jsonl#"), "{args:?}: {out}");
    }
}

/// 300 facts on one 12 kB line: each diagnostic used to print the whole line under it, so the
/// human report grew with the square of the line (600 MB for 4,000 facts on a 160 kB line).
#[test]
fn human_output_on_a_long_line_does_not_repeat_the_line() {
    let dir = setup();
    let d = dir.path();
    let line = "Belgium expelled 21 Russian diplomats. ".repeat(300);
    std::fs::write(d.join("b.txt"), &line).expect("write");
    let o = factcheck(d, &["check", "--no-config", "-c", "good.claims", "b.txt"]);
    assert_survives(&o, "check a long line");
    let out = stdout(&o);
    assert!(
        out.contains("b.txt:1:40: warning[FC120]: unverified"),
        "{}",
        &out[..2000.min(out.len())]
    );
    assert!(out.contains("\"Belgium expelled 21 Russian\""), "the label quotes its span");
    assert!(out.len() < 100_000, "{} bytes of output", out.len());
    // Short lines are still printed with their source line and caret.
    assert!(out.contains("1 │ Poland expelled 45 Russia 2022-03-29"), "{out:.2000}");
}

/// `factcheck lint ... | head -1`: a closed stdout ends the run quietly, not with a panic.
#[test]
fn a_closed_stdout_is_not_a_panic() {
    use std::io::Read;
    let dir = setup();
    let d = dir.path();
    let junk = "Russia expeled 3 Iran\n".repeat(2_000);
    std::fs::write(d.join("junk.claims"), junk).expect("write");
    for args in [&["lint", "junk.claims"][..], &["lint", "--format", "json", "junk.claims"]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_factcheck"))
            .current_dir(d)
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawn");
        let mut first = [0u8; 16];
        child.stdout.take().expect("stdout").read_exact(&mut first).expect("some output");
        // Dropping the read end closes the pipe.
        let out = child.wait_with_output().expect("wait");
        assert_survives(&out, &format!("{args:?} | head"));
    }
}

/// One 1.2 MB line with a fact every 70 bytes, through `extract` (both formats): finding each
/// evidence's column used to count the line's characters from its start every time (quadratic:
/// over a minute at 10 MB).
#[test]
fn a_long_single_line_article_is_extracted_in_linear_time() {
    let dir = setup();
    let d = dir.path();
    let sentence = "Poland expelled 45 Russian diplomats, the foreign ministry said. ";
    std::fs::write(d.join("line.txt"), sentence.repeat(18_000)).expect("write");
    let o = factcheck(d, &["extract", "--format", "json", "line.txt"]);
    assert_survives(&o, "extract a long line");
    assert_eq!(code(&o), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let last: serde_json::Value =
        serde_json::from_str(out.lines().last().expect("facts")).expect("a JSON fact");
    assert_eq!(last["line"], 1);
    assert_eq!(last["column"].as_u64(), last["start"].as_u64().map(|s| s + 1));
    assert!(out.lines().count() >= 18_000, "{} facts", out.lines().count());
    let o = factcheck(d, &["extract", "line.txt"]);
    assert_eq!(code(&o), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).lines().count() >= 18_000);
}

/// Runs factcheck in `dir`, reads the first bytes of its stdout and closes the pipe
/// (`factcheck ... | head -c 16`); returns how it ended.
fn closed_early(dir: &Path, args: &[&str]) -> Output {
    use std::io::Read;
    let mut child = Command::new(env!("CARGO_BIN_EXE_factcheck"))
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut first = [0u8; 16];
    child.stdout.take().expect("stdout").read_exact(&mut first).expect("some output");
    // Dropping the read end closes the pipe.
    child.wait_with_output().expect("wait")
}

/// `factcheck check ... | head -1` and `factcheck extract ... | head -1`: the output (far more
/// than a pipe holds) ends quietly with exit code 0, not a panic (101) or `error: Broken pipe`.
#[test]
fn a_closed_stdout_ends_check_and_extract_quietly() {
    let dir = setup();
    let d = dir.path();
    let lines = "Belgium expelled 21 Russian diplomats on March 29, 2022.\n".repeat(5_000);
    std::fs::write(d.join("many.txt"), lines).expect("write");
    for args in [
        &["check", "--no-config", "-c", "good.claims", "many.txt"][..],
        &["check", "--no-config", "-c", "good.claims", "--format", "json", "many.txt"],
        &["extract", "many.txt"],
        &["extract", "--format", "json", "many.txt", "many.txt"],
    ] {
        let o = closed_early(d, args);
        assert_eq!(code(&o), Some(0), "{args:?} | head: {}", stderr(&o));
        assert_eq!(stderr(&o), "", "{args:?} | head");
    }
}

/// `check` with articles that cannot be read (invalid UTF-8, binary, NUL bytes, missing, a
/// directory): each is named, the readable one is checked and reported, and the exit code is 2.
#[test]
fn check_reports_the_readable_articles_when_others_cannot_be_read() {
    let dir = setup();
    let d = dir.path();
    std::fs::write(d.join("bad.txt"), b"Poland expelled 45 \xff Russian diplomats.\n").expect("w");
    std::fs::write(d.join("bin.txt"), binary_bytes()).expect("w");
    std::fs::write(d.join("nul.txt"), b"Poland expelled\x00 45 Russian diplomats.\n").expect("w");
    let articles = ["bad.txt", "missing.txt", "bin.txt", "good.txt", "nul.txt"];
    let mut args = vec!["check", "--no-config", "-c", "good.claims"];
    args.extend(articles);
    let o = factcheck(d, &args);
    assert_survives(&o, "check with unreadable articles");
    assert_eq!(code(&o), Some(2), "{}", stderr(&o));
    assert!(stdout(&o).contains("1 supported"), "the readable article is checked: {}", stdout(&o));
    let err = stderr(&o);
    assert!(err.contains("bad.txt is not valid UTF-8 (invalid byte at offset 19)"), "{err}");
    assert!(err.contains("bin.txt is a binary file (it contains NUL bytes)"), "{err}");
    assert!(err.contains("nul.txt is a binary file (it contains NUL bytes)"), "{err}");
    assert!(err.contains("cannot read missing.txt"), "{err}");
    assert!(err.contains("error: 4 articles could not be read"), "{err}");

    // extract reads articles the same way.
    let o = factcheck(d, &["extract", "nul.txt", "good.txt"]);
    assert_eq!(code(&o), Some(2));
    assert!(stderr(&o).contains("nul.txt is a binary file (it contains NUL bytes)"));

    // Nothing readable: nothing is reported.
    let o = factcheck(d, &["check", "--no-config", "-c", "good.claims", "bad.txt"]);
    assert_eq!(code(&o), Some(2));
    assert_eq!(stdout(&o), "");
    assert!(stderr(&o).contains("1 article could not be read: nothing was checked"));

    // A baseline is not written without the findings of the articles that could not be read.
    let mut args = vec!["check", "--no-config", "-c", "good.claims", "--write-baseline", "b.json"];
    args.extend(["good.txt", "bad.txt"]);
    let o = factcheck(d, &args);
    assert_eq!(code(&o), Some(2));
    assert!(stderr(&o).contains("the baseline b.json was not written"), "{}", stderr(&o));
    assert!(!d.join("b.json").exists());
}
