//! The generated documents stay true, and the outputs match their schemas.
//!
//! - `docs/schemas/NAME.json` (the JSON Schemas of the check report, the extract records, the
//!   lint report and `factcheck.toml`, [`factcheck::report::schema`]) and `docs/codes.md` (every
//!   code's documentation, [`factcheck::report::codes::markdown`]) are regenerated and compared
//!   with the committed files; `UPDATE_GENERATED=1 cargo test --release --test schemas`
//!   rewrites them (then read the diff).
//! - Real outputs of the built binary are validated against the schemas with the
//!   `jsonschema` crate: `check --format json` on the seeds and the editorial repository,
//!   `extract --format json` (facts and an error record), `lint --format json`, and every
//!   `factcheck.toml` of the repository and of the docs (a configuration with a typo must not
//!   validate).

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Compares a generated document with the committed one, or rewrites it.
fn generated(rel: &str, text: &str) -> Result<(), String> {
    let path = repo().join(rel);
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, text).expect("write");
        return Ok(());
    }
    match std::fs::read_to_string(&path) {
        Ok(committed) if committed == text => Ok(()),
        Ok(_) => Err(format!("{rel} differs from what the source generates")),
        Err(_) => Err(format!("{rel} is missing")),
    }
}

#[test]
fn committed_schemas_and_code_docs_are_generated_from_the_source() {
    let mut problems = Vec::new();
    for (name, _) in factcheck::report::schema::SCHEMAS {
        let text = factcheck::report::schema::render(name).expect("a schema");
        problems.extend(generated(&format!("docs/schemas/{name}.json"), &text).err());
    }
    problems.extend(generated("docs/codes.md", &factcheck::report::codes::markdown()).err());
    assert!(
        problems.is_empty(),
        "{}\n(run `UPDATE_GENERATED=1 cargo test --release --test schemas` and read the diff)",
        problems.join("\n")
    );
}

#[test]
fn every_code_has_its_heading_in_codes_md() {
    let page = factcheck::report::codes::markdown();
    for d in factcheck::report::codes::all() {
        assert!(page.contains(&format!("\n## {}\n", d.code)), "{}", d.code);
    }
}

/// The schema `name` as the source generates it (the committed file is the same text, as
/// the first test asserts; reading the generated one keeps `UPDATE_GENERATED=1` runs free of
/// a race with the test that writes the files).
fn validator(name: &str) -> jsonschema::Validator {
    let text = factcheck::report::schema::render(name).expect("a schema");
    let schema: Value = serde_json::from_str(&text).expect("a schema is JSON");
    jsonschema::validator_for(&schema).expect("a valid schema")
}

fn errors(v: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    v.iter_errors(instance).map(|e| format!("{} at {}", e, e.instance_path())).collect()
}

fn assert_valid(v: &jsonschema::Validator, instance: &Value, what: &str) {
    let e = errors(v, instance);
    assert!(e.is_empty(), "{what}: {e:#?}");
}

/// The binary's stdout, run in `dir`.
fn factcheck(dir: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_factcheck"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run factcheck");
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn check_reports_match_their_schema() {
    let v = validator("check-report");
    let examples = repo().join("examples");
    let seeds = factcheck(
        &examples,
        &[
            "check",
            "--no-config",
            "--format",
            "json",
            "--claims",
            "expulsions.claims",
            "000_41d960782fd73781.txt",
            "003_3656d47586b5f572.txt",
            "draft-2022-03-30.md",
        ],
    );
    let report: Value = serde_json::from_str(&seeds).expect("JSON");
    assert!(report["claims"].as_array().is_some_and(|c| !c.is_empty()), "{report}");
    assert_valid(&v, &report, "check on the seeds");
    let desk = factcheck(&examples.join("editorial-repo"), &["check", "--format", "json"]);
    let report: Value = serde_json::from_str(&desk).expect("JSON");
    assert_valid(&v, &report, "check in the editorial repository");
    // A report with a field of the wrong type does not validate: the schema says something.
    let mut bad = report.clone();
    bad["summary"]["supported"] = Value::from("many");
    assert!(!errors(&v, &bad).is_empty());
}

#[test]
fn extract_records_match_their_schema() {
    let v = validator("extract-record");
    let dir = tempfile::tempdir().expect("temp dir");
    let jsonl = dir.path().join("archive.jsonl");
    std::fs::write(
        &jsonl,
        "{\"id\": \"a\", \"date\": \"2022-03-29\", \"text\": \"Poland expelled between 40 and 45 Russian diplomats last week.\"}\n[\"no article\"]\n",
    )
    .expect("write");
    let examples = repo().join("examples");
    let jsonl = jsonl.display().to_string();
    let out = factcheck(
        &examples,
        &[
            "extract",
            "--format",
            "json",
            "--keep-going",
            "000_41d960782fd73781.txt",
            "003_3656d47586b5f572.txt",
            "draft-2022-03-30.md",
            "missing.txt",
            "--jsonl",
            &jsonl,
        ],
    );
    let (mut facts, mut records) = (0, 0);
    for line in out.lines() {
        let record: Value = serde_json::from_str(line).expect("one JSON object a line");
        assert_eq!(record["version"], 1, "{record}");
        if record.get("error").is_some() {
            records += 1;
        } else {
            facts += 1;
        }
        assert_valid(&v, &record, line);
    }
    assert!(facts >= 5 && records == 2, "{facts} facts, {records} error records:\n{out}");
    let bad = serde_json::json!({"version": 1, "file": "a.txt"});
    assert!(!errors(&v, &bad).is_empty(), "half a fact is no record");
}

#[test]
fn lint_reports_match_their_schema() {
    let v = validator("lint-report");
    let lint_in = repo().join("tests/cmd/lint.in");
    for args in [
        &["lint", "--format", "json", "errors.claims", "warnings.claims", "examples.claims"][..],
        &["lint", "--format", "json", "clean.claims"],
    ] {
        let out = factcheck(&lint_in, args);
        let report: Value = serde_json::from_str(&out).expect("JSON");
        assert_eq!(report["version"], 1, "{report}");
        assert_valid(&v, &report, &args.join(" "));
    }
    let out = factcheck(&lint_in, &["lint", "--format", "json", "errors.claims"]);
    let report: Value = serde_json::from_str(&out).expect("JSON");
    assert!(report["diagnostics"].as_array().is_some_and(|d| !d.is_empty()), "{report}");
}

/// The TOML of a file, or of the first ```toml block of a Markdown page after `heading`.
fn toml_as_json(path: &Path, heading: Option<&str>) -> Value {
    let text = std::fs::read_to_string(path).expect("read");
    let text = match heading {
        None => text,
        Some(h) => {
            let after = &text[text.find(h).expect("the heading")..];
            let start = after.find("```toml\n").expect("a toml block") + "```toml\n".len();
            let end = after[start..].find("```").expect("the block's end");
            after[start..start + end].to_string()
        }
    };
    let value: toml::Value = toml::from_str(&text).expect("TOML");
    serde_json::to_value(value).expect("as JSON")
}

#[test]
fn configurations_match_their_schema() {
    let v = validator("factcheck-toml");
    let good: [(PathBuf, Option<&str>); 3] = [
        (repo().join("examples/editorial-repo/factcheck.toml"), None),
        (repo().join("tests/cmd/editorial_suppressions.in/factcheck.toml"), None),
        (repo().join("docs/editorial.md"), Some("## `factcheck.toml`")),
    ];
    for (path, heading) in good {
        assert_valid(&v, &toml_as_json(&path, heading), &path.display().to_string());
    }
    // `exlcude` and `unverified = "quiet"`: what FC201 reports, the schema rejects too.
    let bad = toml_as_json(&repo().join("tests/cmd/editorial_bad_config.in/factcheck.toml"), None);
    assert_eq!(errors(&v, &bad).len(), 2, "{:#?}", errors(&v, &bad));
}
