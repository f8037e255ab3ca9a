//! The HTML report of the README's example, rendered by headless Chromium: the page as a
//! browser builds it (its DOM after the page's own script ran) has every claim with its verdict,
//! the evidence marks, a target for every link within the page, working filters, and no script
//! errors.
//!
//! A checking script is put into a copy of the page (error listeners first in `<head>`, the
//! checks last in `<body>`); they write their findings as JSON into the DOM, which
//! `chromium --dump-dom` prints. Without `chromium` on the PATH the test passes with a note,
//! unless `CI` is set: then it fails (`.ci/run` installs Debian's `chromium` package).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

const ARTICLES: [&str; 3] =
    ["000_41d960782fd73781.txt", "003_3656d47586b5f572.txt", "draft-2022-03-30.md"];

/// Installed before the page's script: records errors and `console.error` calls.
const HEAD_PROBE: &str = r##"<script>
window.__errors = [];
window.addEventListener("error", function (e) { window.__errors.push(String(e.message)); });
var __consoleError = console.error;
console.error = function () { window.__errors.push(Array.from(arguments).join(" ")); __consoleError.apply(console, arguments); };
</script>"##;

/// Run after the page's script: what the page shows, as JSON in `<pre id="probe">`.
const BODY_PROBE: &str = r##"<script>
(function () {
  var r = {};
  r.claims = Array.from(document.querySelectorAll("table.claims tbody tr")).map(function (tr) {
    return { id: tr.id, claim: tr.querySelector("th code").textContent,
             verdict: tr.querySelector(".tag").textContent,
             evidence: Array.from(tr.querySelectorAll("a[href^='#f']")).map(function (a) {
               var t = document.getElementById(a.getAttribute("href").slice(1));
               return t ? t.tagName + " " + t.className : null; }) };
  });
  r.marks = document.querySelectorAll("article.doc mark[id^='f']").length;
  r.notes = document.querySelectorAll("article.doc .note").length;
  r.broken = Array.from(document.querySelectorAll("a[href^='#']")).map(function (a) {
    return a.getAttribute("href"); }).filter(function (h) {
    return h.length < 2 || !document.getElementById(h.slice(1)); });
  r.links = document.querySelectorAll("a[href^='#']").length;
  r.external = document.querySelectorAll("[src], link[href], a[href]:not([href^='#'])").length;
  r.filtersShown = !document.getElementById("filters").hidden;
  r.options = document.querySelectorAll("#one-article option").length;
  var p = document.getElementById("only-problems");
  p.click();
  r.supportedRowsHidden = Array.from(document.querySelectorAll("tr.v-supported")).every(function (tr) {
    return getComputedStyle(tr).display === "none"; });
  r.problemRowsShown = Array.from(document.querySelectorAll("tr.v-contradicted, tr.v-not_found")).every(function (tr) {
    return getComputedStyle(tr).display !== "none"; });
  p.click();
  var s = document.getElementById("one-article");
  s.value = "a2"; s.dispatchEvent(new Event("change"));
  r.oneArticle = Array.from(document.querySelectorAll("article.doc")).filter(function (a) {
    return !a.hidden; }).map(function (a) { return a.id; });
  s.value = ""; s.dispatchEvent(new Event("change"));
  r.errors = window.__errors;
  var pre = document.createElement("pre");
  pre.id = "probe";
  pre.textContent = JSON.stringify(r);
  document.body.appendChild(pre);
})();
</script>"##;

fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|d| ["chromium", "chromium-browser"].map(|n| d.join(n)))
        .find(|p| p.is_file())
}

/// Runs a command, killing it after `limit`; its stdout.
fn run_with_limit(cmd: &mut Command, limit: Duration) -> String {
    let mut child = cmd.stdout(Stdio::piped()).stderr(Stdio::null()).spawn().expect("chromium");
    let mut stdout = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut s).map(|_| s)
    });
    let start = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("chromium did not finish in {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    reader.join().expect("reader").expect("chromium's output")
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

fn report(format: &str) -> (Option<i32>, String) {
    let mut args =
        vec!["check", "--no-config", "--format", format, "--claims", "expulsions.claims"];
    args.extend(ARTICLES);
    let out = Command::new(env!("CARGO_BIN_EXE_factcheck"))
        .args(&args)
        .current_dir(examples())
        .output()
        .expect("run factcheck");
    (out.status.code(), String::from_utf8(out.stdout).expect("UTF-8"))
}

#[test]
fn readme_example_renders_in_chromium() {
    let Some(chromium) = chromium() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set and chromium is not installed (apt-get install chromium)"
        );
        eprintln!(
            "note: chromium is not installed: the browser test of the HTML report is skipped"
        );
        return;
    };
    let (code, html) = report("html");
    assert_eq!(code, Some(1));
    let (_, json) = report("json");
    let json: Value = serde_json::from_str(&json).expect("the JSON report");

    let dir = tempfile::tempdir().expect("temp dir");
    let probed = html.replacen("<head>", &format!("<head>\n{HEAD_PROBE}"), 1).replacen(
        "</body>",
        &format!("{BODY_PROBE}\n</body>"),
        1,
    );
    let page = dir.path().join("report.html");
    std::fs::write(&page, probed).expect("write the page");
    let dom = run_with_limit(
        Command::new(chromium)
            .args(["--headless", "--disable-gpu", "--no-sandbox", "--no-first-run"])
            .arg(format!("--user-data-dir={}", dir.path().join("profile").display()))
            .args(["--virtual-time-budget=5000", "--dump-dom"])
            .arg(&page),
        Duration::from_secs(120),
    );
    let open = "<pre id=\"probe\">";
    let start = dom.find(open).expect("the probe ran") + open.len();
    let end = start + dom[start..].find("</pre>").expect("the probe's end");
    let r: Value = serde_json::from_str(&html_unescape(&dom[start..end])).expect("probe JSON");

    // Every claim with its verdict, in order, and every piece of evidence links to a mark.
    let claims = json["claims"].as_array().expect("claims");
    let shown = r["claims"].as_array().expect("rows");
    assert_eq!(shown.len(), claims.len());
    for (row, c) in shown.iter().zip(claims) {
        assert_eq!(row["claim"], c["text"]);
        let verdict = c["verdict"].as_str().expect("verdict").replace('_', " ");
        let word = row["verdict"].as_str().expect("verdict shown");
        assert!(word.ends_with(&verdict), "{word} for {verdict}");
        let evidence = row["evidence"].as_array().expect("evidence");
        let expected = c["evidence"].as_array().map_or(0, Vec::len)
            + c["near_misses"].as_array().map_or(0, Vec::len);
        assert_eq!(evidence.len(), expected, "{}", c["text"]);
        for e in evidence {
            assert!(e.as_str().is_some_and(|t| t.starts_with("MARK v-")), "{e}");
        }
    }
    // Every fact extracted is marked and explained; the unverified ones too.
    let (_, extracted) = {
        let mut args = vec!["extract"];
        args.extend(ARTICLES);
        let out = Command::new(env!("CARGO_BIN_EXE_factcheck"))
            .args(&args)
            .current_dir(examples())
            .output()
            .expect("run factcheck extract");
        (out.status.code(), String::from_utf8(out.stdout).expect("UTF-8"))
    };
    let facts = extracted.lines().filter(|l| !l.trim().is_empty()).count();
    assert_eq!(r["marks"].as_u64(), Some(facts as u64));
    assert_eq!(r["notes"].as_u64(), Some(facts as u64));
    assert!(json["unverified"].as_array().is_some_and(|u| !u.is_empty()));
    // Links resolve within the page, nothing is fetched, the filters work, no script errors.
    assert_eq!(r["broken"], serde_json::json!([]), "links without a target");
    assert!(r["links"].as_u64() > Some(20));
    assert_eq!(r["external"].as_u64(), Some(0));
    assert_eq!(r["filtersShown"], true);
    assert_eq!(r["options"].as_u64(), Some(1 + ARTICLES.len() as u64));
    assert_eq!(r["supportedRowsHidden"], true);
    assert_eq!(r["problemRowsShown"], true);
    assert_eq!(r["oneArticle"], serde_json::json!(["a2"]));
    assert_eq!(r["errors"], serde_json::json!([]), "script errors");
}

/// The text of a `<pre>` as `--dump-dom` serialises it.
fn html_unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&")
}
