//! `check --jsonl` as a batch run: bad lines are FC214 errors in their place in the report
//! (and on stderr), `--keep-going` decides the exit code, and the articles keep only the lines
//! the report points at, which must read exactly as the articles' text (spans, lines, columns).

use super::{code, factcheck, setup, stderr, stdout};

/// Every object of a JSON report that places something in a file.
fn places(v: &serde_json::Value, out: &mut Vec<serde_json::Value>) {
    match v {
        serde_json::Value::Object(m) => {
            if ["file", "line", "column", "start", "end", "text"].iter().all(|k| m.contains_key(*k))
            {
                out.push(v.clone());
            }
            m.values().for_each(|x| places(x, out));
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| places(x, out)),
        _ => {}
    }
}

/// 1-based line and column (in characters) of a byte offset, counting `\n`, `\r\n` and a lone
/// `\r` as line ends.
fn line_col(text: &str, byte: usize) -> (usize, usize) {
    let b = text.as_bytes();
    let mut line = 1;
    let mut start = 0;
    for i in 0..byte {
        if b[i] == b'\n' || (b[i] == b'\r' && b.get(i + 1) != Some(&b'\n')) {
            line += 1;
            start = i + 1;
        }
    }
    (line, text[start..byte].chars().count() + 1)
}

/// Articles whose facts sit on many lines, with every kind of line end, non-ASCII text before
/// them on the line and parts of one statement on two lines.
fn articles() -> Vec<String> {
    let ends = ["\n", "\r\n", "\r", "\n\n"];
    let filler = [
        "Ministers met in Brussels – „Ελλάδα“ and 日本 sent observers.",
        "Nothing else happened that day.",
        "",
    ];
    (0..120)
        .map(|i| {
            let mut t = String::new();
            for k in 0..(i % 7 + 2) {
                t.push_str(filler[(i + k) % filler.len()]);
                t.push_str(ends[(i + k) % ends.len()]);
                if (i + k) % 3 == 0 {
                    t.push_str(&format!(
                        "“Ökonom” said Poland expelled {} Russian diplomats.",
                        i + k
                    ));
                    t.push_str(ends[(i * k) % ends.len()]);
                }
                if (i + k) % 5 == 0 {
                    t.push_str(&format!(
                        "Belgium{}expelled {} Russian diplomats.",
                        ends[k % 4],
                        k + 1
                    ));
                    t.push_str(ends[k % ends.len()]);
                }
            }
            t
        })
        .collect()
}

#[test]
fn kept_lines_read_as_the_articles_text() {
    let dir = setup();
    let d = dir.path();
    let texts = articles();
    let lines: Vec<String> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| serde_json::json!({"id": format!("a{i}"), "text": t}).to_string())
        .collect();
    std::fs::write(d.join("a.jsonl"), lines.join("\n")).expect("w");
    for format in ["json", "sarif", "human", "github", "junit"] {
        let o = factcheck(
            d,
            &[
                "check",
                "--no-config",
                "-c",
                "good.claims",
                "--jsonl",
                "a.jsonl",
                "--format",
                format,
            ],
        );
        assert!(matches!(code(&o), Some(0 | 1)), "{format}: {}", stderr(&o));
        assert!(!stdout(&o).is_empty());
    }
    let o = factcheck(
        d,
        &["check", "--no-config", "-c", "good.claims", "--jsonl", "a.jsonl", "--format", "json"],
    );
    let report: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    let mut found = Vec::new();
    places(&report, &mut found);
    let mut checked = 0;
    for p in &found {
        let file = p["file"].as_str().unwrap_or_default();
        let Some(i) =
            file.strip_prefix('a').and_then(|r| r.split(' ').next()?.parse::<usize>().ok())
        else {
            continue;
        };
        let text = &texts[i];
        let (start, end) =
            (p["start"].as_u64().unwrap() as usize, p["end"].as_u64().unwrap() as usize);
        assert_eq!(p["text"].as_str(), text.get(start..end), "{p}");
        let (line, column) = line_col(text, start);
        assert_eq!(
            (p["line"].as_u64(), p["column"].as_u64()),
            (Some(line as u64), Some(column as u64)),
            "{p}"
        );
        checked += 1;
    }
    assert!(checked > 100, "{checked} places checked");
    // The human report quotes the articles' lines under their line numbers.
    let o = factcheck(d, &["check", "--no-config", "-c", "good.claims", "--jsonl", "a.jsonl"]);
    let human = stdout(&o);
    let out: Vec<&str> = human.lines().collect();
    let mut quoted = 0;
    for (h, header) in out.iter().enumerate() {
        let Some(place) = header.trim_start().strip_prefix("┌─ a") else { continue };
        let Some((i, rest)) = place.split_once(' ') else { continue };
        let i: usize = i.parse().expect("article number");
        let line: usize = rest.rsplit(':').nth(1).and_then(|l| l.parse().ok()).expect("line");
        let Some((n, shown)) = out.get(h + 2).and_then(|l| l.split_once(" │ ")) else { continue };
        assert_eq!(n.trim().parse::<usize>().ok(), Some(line), "{header}\n{}", out[h + 2]);
        let article_lines: Vec<&str> =
            texts[i].split("\r\n").flat_map(|l| l.split(['\n', '\r'])).collect();
        let want = article_lines[line - 1];
        assert!(shown.ends_with(want), "{header}: {shown:?} is not line {line}, {want:?}");
        quoted += 1;
    }
    assert!(quoted > 100, "{quoted} lines quoted");
}

#[test]
fn bad_lines_are_error_records_in_the_report_in_order() {
    let dir = setup();
    let d = dir.path();
    let good = |id: &str| {
        format!(
            r#"{{"id": "{id}", "date": "2022-03-29", "text": "Poland expelled 45 Russian diplomats."}}"#
        )
    };
    let lines = [
        good("g1"),
        "not json".to_string(),
        good("g2"),
        r#"{"id": "d", "date": "someday", "text": "x"}"#.to_string(),
        r#"["array"]"#.to_string(),
        good("g3"),
    ];
    std::fs::write(d.join("m.jsonl"), lines.join("\n")).expect("w");
    let args =
        ["check", "--no-config", "-c", "good.claims", "--jsonl", "m.jsonl", "--format", "json"];
    let o = factcheck(d, &args);
    assert_eq!(code(&o), Some(2), "{}", stderr(&o));
    let report: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    let errors: Vec<(String, String)> = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["code"] == "FC214")
        .map(|d| {
            (d["file"].as_str().unwrap().to_string(), d["message"].as_str().unwrap().to_string())
        })
        .collect();
    let files: Vec<&str> = errors.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(files, ["m.jsonl:2", "d (m.jsonl:4)", "m.jsonl:5"], "{errors:?}");
    assert!(errors[0].1.contains("not a JSON object"), "{errors:?}");
    assert!(errors[1].1.contains("bad date"), "{errors:?}");
    assert!(errors[2].1.contains("not a JSON object"), "{errors:?}");
    for n in [2, 4, 5] {
        assert!(stderr(&o).contains(&format!("error: m.jsonl:{n}: ")), "{}", stderr(&o));
    }
    assert!(stderr(&o).contains("3 articles could not be read"), "{}", stderr(&o));
    // The claim is still checked against the good lines.
    assert!(report.to_string().contains("\"supported\""), "{report}");
    // --keep-going: the exit code of the findings (none at error level).
    let mut keep = args.to_vec();
    keep.push("--keep-going");
    let o = factcheck(d, &keep);
    assert_eq!(code(&o), Some(0), "{}", stderr(&o));
    // Every format carries the records; the human report in article order.
    let o = factcheck(
        d,
        &["check", "--no-config", "-c", "good.claims", "--jsonl", "m.jsonl", "--keep-going"],
    );
    let human = stdout(&o);
    let at = |s: &str| human.find(s).unwrap_or_else(|| panic!("{s} in\n{human}"));
    assert!(
        at("┌─ m.jsonl:2:") < at("┌─ d (m.jsonl:4):")
            && at("┌─ d (m.jsonl:4):") < at("┌─ m.jsonl:5:")
    );
    assert_eq!(human.matches("error[FC214]").count(), 3, "{human}");
    // Nothing readable: exit code 2, even with --keep-going.
    std::fs::write(d.join("bad.jsonl"), "not json\n[1]\n").expect("w");
    let o = factcheck(
        d,
        &["check", "--no-config", "-c", "good.claims", "--jsonl", "bad.jsonl", "--keep-going"],
    );
    assert_eq!(code(&o), Some(2), "{}", stderr(&o));
    // A JSON Lines file that cannot be opened is a record too, and the others are checked.
    let o = factcheck(
        d,
        &[
            "check",
            "--no-config",
            "-c",
            "good.claims",
            "--jsonl",
            "missing.jsonl",
            "--jsonl",
            "m.jsonl",
            "--format",
            "json",
            "--keep-going",
        ],
    );
    assert_eq!(code(&o), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("\"missing.jsonl\""), "{}", stdout(&o));
}

/// A run without a sentence end longer than the bound is cut, and the cut is named (FC215)
/// with its place, by `check` (in the report) and `extract` (on stderr).
#[test]
fn a_sentence_cut_at_the_bound_is_named() {
    let dir = setup();
    let d = dir.path();
    let run = "Russia expelled 3 Iranian diplomats and ".repeat(100);
    std::fs::write(d.join("long.txt"), format!("date 2022-03-29\nA short line.\n{run}\n"))
        .expect("w");
    let o = factcheck(
        d,
        &["check", "--no-config", "-c", "good.claims", "long.txt", "--format", "json"],
    );
    let report: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    let cuts: Vec<&serde_json::Value> = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|x| x["code"] == "FC215")
        .collect();
    assert!(!cuts.is_empty(), "{report}");
    for c in &cuts {
        assert_eq!(c["file"], "long.txt");
        assert_eq!(c["line"], 3, "{c}");
        assert_eq!(c["severity"], "warning", "{c}");
        assert!(c["start"].as_u64().unwrap() > 2000, "{c}");
    }
    let o = factcheck(d, &["check", "--no-config", "-c", "good.claims", "long.txt"]);
    assert!(stdout(&o).contains("warning[FC215]: sentence cut at 2000 bytes"), "{}", stdout(&o));
    let o = factcheck(d, &["extract", "long.txt"]);
    assert_eq!(code(&o), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("warning[FC215]: long.txt:3:"), "{}", stderr(&o));
    // Short sentences are not named.
    let o = factcheck(d, &["extract", "good.txt"]);
    assert!(!stderr(&o).contains("FC215"), "{}", stderr(&o));
}
