//! The Spark example (`examples/spark/extract.py`) in local mode: its output holds exactly the
//! facts and error records of `factcheck extract --jsonl` run alone on the same lines.
//!
//! Needs Python with `pyspark` (and Java): `$FACTCHECK_SPARK_PYTHON`, else `python3`. Without
//! it the test passes with a note, unless `CI` is set (`.ci/run` installs pyspark in a virtual
//! environment): then it fails. Reads the first 3,000 articles of the bulk corpus from
//! `../shared` (passes with a note when absent), plus a few bad lines.

use std::path::Path;
use std::process::Command;

fn python() -> Option<String> {
    let py = std::env::var("FACTCHECK_SPARK_PYTHON").unwrap_or_else(|_| "python3".into());
    let ok =
        Command::new(&py).args(["-c", "import pyspark"]).output().is_ok_and(|o| o.status.success());
    if ok {
        return Some(py);
    }
    assert!(std::env::var_os("CI").is_none(), "CI: pyspark is missing for {py}");
    eprintln!("note: no pyspark for {py}: the Spark example is not run");
    None
}

/// Facts and error records, with the article names' `(FILE:LINE)` dropped (the line numbers
/// are those of each partition under Spark), sorted.
fn normalized(text: &str) -> Vec<String> {
    let mut v: Vec<String> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let mut j: serde_json::Value = serde_json::from_str(l).expect("a JSON line");
            for key in ["file", "article"] {
                if let Some(s) = j.get(key).and_then(|v| v.as_str()) {
                    let id = s.rsplit_once(" (").map_or(s, |(id, _)| id).to_string();
                    j[key] = id.into();
                }
            }
            if let Some(e) = j.get("error").and_then(|v| v.as_str()) {
                // `FILE:LINE: message`: the message.
                let m = e.split_once(": ").map_or(e, |(_, m)| m).to_string();
                j["error"] = m.into();
                j["article"] = "".into();
            }
            j.to_string()
        })
        .collect();
    v.sort();
    v
}

#[test]
fn spark_local_mode_matches_the_binary() {
    let bulk = Path::new("../shared/corpus/bulk/bbc_news_2004_2005.jsonl");
    let Ok(corpus) = std::fs::read_to_string(bulk) else {
        eprintln!("note: {} is absent: the Spark example is not run", bulk.display());
        return;
    };
    let Some(py) = python() else { return };
    let dir = tempfile::tempdir().expect("temp dir");
    let mut input: Vec<&str> = corpus.lines().take(3_000).collect();
    input.insert(10, "not json");
    input.insert(500, r#"["array"]"#);
    input.push(r#"{"id": "bad-date", "date": "2022-13-45", "text": "x"}"#);
    let input_path = dir.path().join("in.jsonl");
    std::fs::write(&input_path, input.join("\n") + "\n").expect("write");
    let bin = env!("CARGO_BIN_EXE_factcheck");

    let start = std::time::Instant::now();
    let alone = Command::new(bin)
        .args(["extract", "--jsonl"])
        .arg(&input_path)
        .args(["--format", "json", "--keep-going"])
        .output()
        .expect("factcheck runs");
    let alone_time = start.elapsed();
    assert_eq!(alone.status.code(), Some(0), "{}", String::from_utf8_lossy(&alone.stderr));

    let out_dir = dir.path().join("out");
    let start = std::time::Instant::now();
    let spark = Command::new(&py)
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/spark/extract.py"))
        .arg(&input_path)
        .arg(&out_dir)
        .args(["--partitions", "4"])
        .env("FACTCHECK", bin)
        .env("PYSPARK_PYTHON", &py)
        .env("SPARK_LOCAL_IP", "127.0.0.1")
        .output()
        .expect("the Spark job runs");
    let spark_time = start.elapsed();
    assert!(spark.status.success(), "{}", String::from_utf8_lossy(&spark.stderr));
    let mut got = String::new();
    let mut parts: Vec<_> = std::fs::read_dir(&out_dir)
        .expect("output dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("part-")))
        .collect();
    parts.sort();
    for p in &parts {
        got.push_str(&std::fs::read_to_string(p).expect("a part"));
    }
    let want = normalized(&String::from_utf8_lossy(&alone.stdout));
    let got = normalized(&got);
    assert!(want.iter().filter(|l| l.contains("\"error\"")).count() == 3, "three error records");
    assert_eq!(got.len(), want.len(), "as many facts and error records");
    assert!(got == want, "the Spark output differs from the binary's");
    eprintln!(
        "note: {} lines: factcheck alone {alone_time:?}, Spark local[*] with 4 partitions {spark_time:?}",
        input.len()
    );
}
