//! The report formats CI systems read, parsed back: `check --format junit` (JUnit XML, read
//! with quick-xml) and `--format gitlab` (GitLab Code Quality JSON, read with serde_json) on the
//! README example, with their fields asserted; the baseline fingerprints they carry; and the
//! shell completions and man page the `completions` and `man` commands print.

use std::process::Command;

use quick_xml::events::Event;

const EXAMPLE: [&str; 3] =
    ["000_41d960782fd73781.txt", "003_3656d47586b5f572.txt", "draft-2022-03-30.md"];

fn factcheck(args: &[&str]) -> (String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_factcheck"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/examples"))
        .output()
        .expect("factcheck runs");
    (String::from_utf8(out.stdout).expect("UTF-8 output"), out.status.code().unwrap_or(-1))
}

fn check(format: &str, extra: &[&str]) -> String {
    let mut args =
        vec!["check", "--no-config", "--format", format, "--claims", "expulsions.claims"];
    args.extend(extra);
    args.extend(EXAMPLE);
    let (out, code) = factcheck(&args);
    assert_eq!(code, 1, "the example has contradicted claims");
    out
}

/// A `<testcase>` as read back.
#[derive(Debug, Default)]
struct Case {
    suite: String,
    name: String,
    file: String,
    line: usize,
    failure: Option<(String, String, String)>,
    out: Option<String>,
}

fn attr(e: &quick_xml::events::BytesStart<'_>, name: &str) -> String {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name.as_bytes())
        .map(|a| {
            a.normalized_value(quick_xml::XmlVersion::Explicit1_0)
                .expect("valid attribute")
                .into_owned()
        })
        .unwrap_or_default()
}

fn junit_cases(xml: &str) -> (Vec<Case>, String, String) {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut cases: Vec<Case> = Vec::new();
    let (mut suite, mut tests, mut failures) = (String::new(), String::new(), String::new());
    let mut text_of: Option<&str> = None;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                b"testsuites" => {
                    tests = attr(&e, "tests");
                    failures = attr(&e, "failures");
                }
                b"testsuite" => suite = attr(&e, "name"),
                b"testcase" => cases.push(Case {
                    suite: suite.clone(),
                    name: attr(&e, "name"),
                    file: attr(&e, "file"),
                    line: attr(&e, "line").parse().expect("a line number"),
                    ..Case::default()
                }),
                b"failure" => {
                    let c = cases.last_mut().expect("a failure in a test case");
                    c.failure = Some((attr(&e, "type"), attr(&e, "message"), String::new()));
                    text_of = Some("failure");
                }
                b"system-out" => text_of = Some("out"),
                _ => {}
            },
            Event::Text(t) => {
                let t = t.xml10_content().expect("valid text").into_owned();
                let c = cases.last_mut();
                match (text_of, c) {
                    (Some("failure"), Some(c)) => {
                        if let Some(f) = c.failure.as_mut() {
                            f.2.push_str(&t);
                        }
                    }
                    (Some("out"), Some(c)) => c.out.get_or_insert_with(String::new).push_str(&t),
                    _ => {}
                }
            }
            Event::GeneralRef(r) => {
                // Entities in text (`&amp;` ...), resolved as the text around them.
                let resolved = match r.as_ref() {
                    b"amp" => "&",
                    b"lt" => "<",
                    b"gt" => ">",
                    b"quot" => "\"",
                    b"apos" => "'",
                    _ => "",
                };
                if let (Some(kind), Some(c)) = (text_of, cases.last_mut()) {
                    match kind {
                        "failure" => {
                            if let Some(f) = c.failure.as_mut() {
                                f.2.push_str(resolved);
                            }
                        }
                        _ => c.out.get_or_insert_with(String::new).push_str(resolved),
                    }
                }
            }
            Event::End(_) => text_of = None,
            _ => {}
        }
    }
    (cases, tests, failures)
}

#[test]
fn junit_has_a_test_case_a_claim_and_failures_for_errors() {
    let xml = check("junit", &[]);
    let (cases, tests, failures) = junit_cases(&xml);
    assert_eq!(tests, cases.len().to_string());
    let failed: Vec<&Case> = cases.iter().filter(|c| c.failure.is_some()).collect();
    assert_eq!(failures, failed.len().to_string());
    let claims =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/expulsions.claims"))
            .expect("the example claims");
    let claim_lines = claims
        .lines()
        .filter(|l| {
            let l = l.trim();
            !l.is_empty() && !l.starts_with('#') && l.chars().next().is_some_and(char::is_uppercase)
        })
        .count();
    let of_claims: Vec<&Case> = cases.iter().filter(|c| c.suite == "expulsions.claims").collect();
    assert_eq!(of_claims.len(), claim_lines, "one test case a claim: {of_claims:#?}");
    for c in &of_claims {
        assert_eq!(c.file, "expulsions.claims");
        let line = claims.lines().nth(c.line - 1).expect("the claim's line");
        assert!(line.contains(c.name.split(' ').next().unwrap_or_default()), "{c:?} at {line}");
    }
    // The count mismatch: a failure with its code, message and both locations.
    let count = failed
        .iter()
        .find(|c| c.failure.as_ref().is_some_and(|f| f.0 == "FC101"))
        .expect("the contradicted count is a failure");
    let (_, message, text) = count.failure.as_ref().expect("a failure");
    assert_eq!(message, "count mismatch: the article says 17, the claim says 15");
    assert!(text.starts_with("000_41d960782fd73781.txt:7:18: count mismatch"), "{text}");
    assert!(text.contains(&format!("expulsions.claims:{}:", count.line)), "{text}");
    // Warnings (not found) pass with their text as system-out; unverified facts are test
    // cases of their article.
    let not_found = cases
        .iter()
        .find(|c| c.out.as_deref().is_some_and(|o| o.contains("not found: no article says Japan")))
        .expect("the claim not found");
    assert!(not_found.failure.is_none());
    let unverified: Vec<&Case> = cases.iter().filter(|c| c.suite != "expulsions.claims").collect();
    assert!(unverified.iter().any(|c| c.name.contains("United States expelled 12 Russia")));
    assert!(unverified.iter().all(|c| c.failure.is_none() && c.name.starts_with("unverified")));
    // Every failure is an error-level finding: contradicted or conflicting.
    for c in &failed {
        let code = &c.failure.as_ref().expect("a failure").0;
        assert!(["FC101", "FC102", "FC103", "FC104"].contains(&code.as_str()), "{c:?}");
    }
}

#[test]
fn junit_failures_when_unverified_facts_are_denied() {
    let xml = check("junit", &["--deny", "unverified"]);
    let (cases, _, _) = junit_cases(&xml);
    let article = cases.iter().find(|c| c.name.contains("United States expelled 12 Russia"));
    let article = article.expect("the unverified fact");
    assert_eq!(article.suite, "000_41d960782fd73781.txt");
    assert_eq!(article.failure.as_ref().map(|f| f.0.as_str()), Some("FC120"));
}

#[test]
fn gitlab_code_quality_fields() {
    let json = check("gitlab", &[]);
    let issues: Vec<serde_json::Value> = serde_json::from_str(&json).expect("a JSON array");
    assert!(!issues.is_empty());
    let mut fingerprints = std::collections::HashSet::new();
    for i in &issues {
        let fp = i["fingerprint"].as_str().expect("a fingerprint");
        // A SHA-256, with `:N` for the Nth repetition of an identical finding.
        let hash = fp.split(':').next().unwrap_or_default();
        assert_eq!(hash.len(), 64, "a SHA-256: {fp}");
        assert!(fingerprints.insert(fp.to_string()), "unique fingerprints");
        let severity = i["severity"].as_str().expect("a severity");
        assert!(["info", "minor", "major", "critical", "blocker"].contains(&severity));
        assert!(i["check_name"].as_str().is_some_and(|c| c.starts_with("FC")));
        assert!(i["description"].as_str().is_some_and(|d| !d.is_empty()));
        assert!(i["location"]["path"].as_str().is_some());
        assert!(i["location"]["lines"]["begin"].as_u64().is_some_and(|l| l >= 1));
    }
    // Supported claims are left out unless asked for.
    assert!(issues.iter().all(|i| i["check_name"] != "FC100"));
    let count = issues.iter().find(|i| i["check_name"] == "FC101").expect("the count mismatch");
    assert_eq!(count["severity"], "critical");
    assert_eq!(count["location"]["path"], "000_41d960782fd73781.txt");
    assert_eq!(count["location"]["lines"]["begin"], 7);
    let japan = issues
        .iter()
        .find(|i| i["description"].as_str().is_some_and(|d| d.contains("Japan")))
        .expect("the claim not found");
    assert_eq!(japan["severity"], "minor");
    assert_eq!(japan["location"]["path"], "expulsions.claims");

    let shown = check("gitlab", &["--show", "supported"]);
    let shown: Vec<serde_json::Value> = serde_json::from_str(&shown).expect("a JSON array");
    assert!(shown.iter().any(|i| i["check_name"] == "FC100" && i["severity"] == "info"));
}

#[test]
fn gitlab_fingerprints_are_the_baselines() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let baseline = dir.path().join("baseline.json");
    let baseline_arg = baseline.to_str().expect("a UTF-8 path");
    let mut args =
        vec!["check", "--no-config", "--claims", "expulsions.claims", "--write-baseline"];
    args.push(baseline_arg);
    args.extend(EXAMPLE);
    let (_, code) = factcheck(&args);
    assert_eq!(code, 0);
    let recorded: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&baseline).expect("the baseline"))
            .expect("JSON");
    let recorded: std::collections::HashSet<String> = recorded["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| {
            let fp = f["fingerprint"].as_str()?;
            Some(match f["occurrence"].as_u64() {
                Some(n) if n > 0 => format!("{fp}:{n}"),
                _ => fp.to_string(),
            })
        })
        .collect();
    let json = check("gitlab", &[]);
    let issues: Vec<serde_json::Value> = serde_json::from_str(&json).expect("a JSON array");
    for i in &issues {
        let fp = i["fingerprint"].as_str().expect("a fingerprint");
        assert!(recorded.contains(fp), "{fp} of {} is in the baseline", i["description"]);
    }
}

#[test]
fn sarif_and_github_leave_out_supported_claims_unless_asked() {
    let github = check("github", &[]);
    assert!(!github.contains("FC100"));
    assert!(check("github", &["--show", "supported"]).contains("title=FC100 supported"));
    let sarif: serde_json::Value = serde_json::from_str(&check("sarif", &[])).expect("JSON");
    let results = sarif["runs"][0]["results"].as_array().expect("results");
    assert!(results.iter().all(|r| r["ruleId"] != "FC100"));
    let sarif: serde_json::Value =
        serde_json::from_str(&check("sarif", &["--show", "supported"])).expect("JSON");
    let results = sarif["runs"][0]["results"].as_array().expect("results");
    assert!(results.iter().any(|r| r["ruleId"] == "FC100"));
}

#[test]
fn github_annotations_on_articles_name_the_claim() {
    let github = check("github", &[]);
    let count =
        github.lines().find(|l| l.contains("title=FC101")).expect("the count mismatch annotation");
    assert!(count.starts_with("::error file=000_41d960782fd73781.txt,line=7"), "{count}");
    assert!(count.ends_with("%0Aclaim: expulsions.claims:10"), "{count}");
}

#[test]
fn completions_for_every_shell() {
    for (shell, marker) in [
        ("bash", "complete -F _factcheck"),
        ("zsh", "#compdef factcheck"),
        ("fish", "complete -c factcheck"),
        ("powershell", "Register-ArgumentCompleter"),
        ("elvish", "edit:completion:arg-completer[factcheck]"),
    ] {
        let (out, code) = factcheck(&["completions", shell]);
        assert_eq!(code, 0, "{shell}");
        assert!(out.contains(marker), "{shell}: {marker} in\n{out}");
        for sub in ["check", "lint", "fmt", "extract", "stdin-filename"] {
            assert!(out.contains(sub), "{shell} completes {sub}");
        }
    }
}

#[test]
fn man_page() {
    let (out, code) = factcheck(&["man"]);
    assert_eq!(code, 0);
    assert!(out.contains(".TH factcheck 1"), "{out}");
    assert!(out.contains(".TH factcheck-check 1"), "a page for check");
    assert!(out.contains("stdin\\-filename"), "options are documented");
}
