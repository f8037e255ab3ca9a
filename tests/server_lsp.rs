//! `factcheck server` end to end: the built binary driven over stdio with JSON-RPC frames as an
//! editor sends them (initialize, initialized, didOpen, didChange, hover, codeAction, shutdown,
//! exit), in a temporary workspace with a `factcheck.toml`; the diagnostics and their positions
//! (UTF-16 by default, UTF-8 when negotiated) are asserted, on a line with non-ASCII text
//! before the span.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use serde_json::{Value, json};

const CLAIMS: &str = "Netherlands expelled 17 Russia 2022-03-29\nPoland expelled 45 Russia\n";
const PREFIX: &str = "Zürich — “quoted” The Netherlands expelled ";
const DRAFT_ON_DISK: &str = "date 2022-03-30\n\nThe Netherlands expelled 17 Russian diplomats.\n";

fn draft(count: &str) -> String {
    format!(
        "date 2022-03-30\n\n{PREFIX}{count} Russian diplomats on Tuesday. Belgium expelled 21 Russian diplomats.\n"
    )
}

struct Session {
    child: Child,
    stdin: ChildStdin,
    rx: Receiver<Value>,
    next_id: i64,
    /// Messages received and not yet asked for.
    pending: Vec<Value>,
}

fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    std::fs::create_dir_all(root.join("claims")).expect("mkdir");
    std::fs::create_dir_all(root.join("drafts")).expect("mkdir");
    std::fs::write(
        root.join("factcheck.toml"),
        "claims = [\"claims/**/*.claims\"]\narticles = [\"drafts/**/*.md\"]\n",
    )
    .expect("write");
    std::fs::write(root.join("claims/desk.claims"), CLAIMS).expect("write");
    std::fs::write(root.join("drafts/a.md"), DRAFT_ON_DISK).expect("write");
    dir
}

fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

impl Session {
    fn start(root: &Path, capabilities: Value) -> (Session, Value) {
        let mut child = Command::new(env!("CARGO_BIN_EXE_factcheck"))
            .arg("server")
            .current_dir(root)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start factcheck server");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            loop {
                let mut len = 0usize;
                loop {
                    let mut line = String::new();
                    if r.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(n) = line.strip_prefix("Content-Length: ") {
                        len = n.parse().unwrap_or(0);
                    }
                }
                let mut body = vec![0; len];
                if r.read_exact(&mut body).is_err() {
                    return;
                }
                match serde_json::from_slice(&body) {
                    Ok(v) => {
                        if tx.send(v).is_err() {
                            return;
                        }
                    }
                    Err(e) => panic!("the server sent invalid JSON: {e}"),
                }
            }
        });
        let mut s = Session { child, stdin, rx, next_id: 0, pending: Vec::new() };
        let init = s.request(
            "initialize",
            json!({ "processId": null, "rootUri": uri(root), "capabilities": capabilities }),
        );
        s.notify("initialized", json!({}));
        (s, init)
    }

    fn send(&mut self, msg: Value) {
        let body = msg.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
        self.stdin.flush().expect("flush");
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    fn recv(&mut self) -> Value {
        self.rx.recv_timeout(Duration::from_secs(30)).expect("a message from the server")
    }

    /// Sends a request and returns its response (the `result`, or the whole response when it is
    /// an error).
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        loop {
            let m = self.recv();
            if m["id"] == json!(id) && m.get("method").is_none() {
                return if m.get("error").is_some() { m } else { m["result"].clone() };
            }
            self.pending.push(m);
        }
    }

    /// The next diagnostics published for `uri` that satisfy `ok` (messages about other
    /// documents are kept for later calls).
    fn diagnostics(&mut self, uri: &str, ok: impl Fn(&[Value]) -> bool) -> Vec<Value> {
        let mut seen = Vec::new();
        let mut i = 0;
        loop {
            let m = if i < self.pending.len() {
                i += 1;
                self.pending[i - 1].clone()
            } else {
                let m = self.recv();
                self.pending.push(m.clone());
                i += 1;
                m
            };
            if m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri {
                // Consumed, with everything about this document before it.
                let d = m["params"]["diagnostics"].as_array().cloned().unwrap_or_default();
                if ok(&d) {
                    let mut k = 0;
                    self.pending.retain(|p| {
                        k += 1;
                        k > i || p["params"]["uri"] != uri
                    });
                    return d;
                }
                seen.push(d);
                assert!(seen.len() < 20, "no matching diagnostics for {uri}: {seen:#?}");
            }
        }
    }

    fn finish(mut self) -> i32 {
        let r = self.request("shutdown", Value::Null);
        assert_eq!(r, Value::Null);
        self.notify("exit", Value::Null);
        let status = self.child.wait().expect("the server exits");
        status.code().unwrap_or(-1)
    }
}

fn codes(d: &[Value]) -> Vec<String> {
    let mut c: Vec<String> =
        d.iter().filter_map(|d| d["code"].as_str().map(String::from)).collect();
    c.sort();
    c
}

fn has(code: &str) -> impl Fn(&[Value]) -> bool + '_ {
    move |d| d.iter().any(|d| d["code"] == code)
}

fn find<'a>(d: &'a [Value], code: &str) -> &'a Value {
    d.iter().find(|d| d["code"] == code).unwrap_or_else(|| panic!("no {code} in {d:#?}"))
}

fn pos(line: u64, character: usize) -> Value {
    json!({ "line": line, "character": character })
}

#[test]
fn a_session_in_utf16() {
    let dir = workspace();
    let root = dir.path();
    let (mut s, init) = Session::start(root, json!({}));
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16", "{init:#}");
    assert_eq!(init["serverInfo"]["name"], "factcheck");
    let draft_uri = uri(&root.join("drafts/a.md"));
    let claims_uri = uri(&root.join("claims/desk.claims"));

    // On disk the draft supports the claim; the open, unsaved text contradicts it.
    let text = draft("15");
    s.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": draft_uri, "languageId": "markdown", "version": 1, "text": text } }),
    );
    let d = s.diagnostics(&draft_uri, has("FC101"));
    assert_eq!(codes(&d), ["FC101", "FC120"]);
    let count = find(&d, "FC101");
    // UTF-16 units: "Zürich — “quoted” " is 18 units (25 bytes).
    let col = PREFIX.encode_utf16().count();
    assert_eq!(col, 43);
    assert_eq!(count["range"], json!({ "start": pos(2, col), "end": pos(2, col + 2) }));
    assert_eq!(count["severity"], 1);
    assert!(count["message"].as_str().is_some_and(|m| m.contains("the article says 15")));
    let related = count["relatedInformation"].as_array().cloned().unwrap_or_default();
    assert!(
        related
            .iter()
            .any(|r| r["location"]["uri"] == claims_uri
                && r["location"]["range"]["start"] == pos(0, 21)),
        "{related:#?}"
    );
    let belgium = find(&d, "FC120");
    let b = format!("{PREFIX}15 Russian diplomats on Tuesday. ").encode_utf16().count();
    assert_eq!(belgium["range"]["start"], pos(2, b));
    assert_eq!(belgium["severity"], 2);

    // The claim file shows the contradiction on the claim's count, and the claim not found.
    let c = s.diagnostics(&claims_uri, has("FC101"));
    assert_eq!(codes(&c), ["FC101", "FC110"]);
    assert_eq!(find(&c, "FC101")["range"], json!({ "start": pos(0, 21), "end": pos(0, 23) }));
    assert_eq!(find(&c, "FC110")["range"]["start"], pos(1, 0));

    // Hover on the claim: its verdict and the evidence sentence.
    let h = s.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": claims_uri }, "position": pos(0, 3) }),
    );
    let h = h["contents"]["value"].as_str().unwrap_or_default().to_string();
    assert!(h.contains("**contradicted**"), "{h}");
    assert!(h.contains("Netherlands expelled 15 Russian diplomats on Tuesday"), "{h}");
    // Hover on a fact in the draft: the fact as a claim line and the claims about it.
    let h = s.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": draft_uri }, "position": pos(2, col) }),
    );
    let h = h["contents"]["value"].as_str().unwrap_or_default().to_string();
    assert!(h.contains("`Netherlands expelled 15 Russia"), "{h}");
    assert!(h.contains("contradicts `Netherlands expelled 17 Russia 2022-03-29`"), "{h}");
    assert!(h.contains("**FC101 count-mismatch**"), "{h}");

    // Code actions on the unverified fact: add its claim, suppress it.
    let a = s.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": draft_uri },
                "range": { "start": pos(2, b + 1), "end": pos(2, b + 1) },
                "context": { "diagnostics": [] } }),
    );
    let actions = a.as_array().cloned().unwrap_or_default();
    let add = actions
        .iter()
        .find(|a| a["title"].as_str().is_some_and(|t| t.starts_with("Add the claim")))
        .unwrap_or_else(|| panic!("{actions:#?}"));
    let edit = &add["edit"]["changes"][&claims_uri][0];
    assert_eq!(edit["newText"], "Belgium expelled 21 Russia\n");
    assert_eq!(edit["range"]["start"], pos(2, 0));
    let suppress = actions
        .iter()
        .find(|a| a["title"].as_str().is_some_and(|t| t.starts_with("Suppress `unverified`")))
        .unwrap_or_else(|| panic!("{actions:#?}"));
    let edit = &suppress["edit"]["changes"][&draft_uri][0];
    assert_eq!(edit["newText"], "<!-- factcheck-ignore-next-line unverified -->\n");
    assert_eq!(edit["range"], json!({ "start": pos(2, 0), "end": pos(2, 0) }));

    // Code action on the contradicted claim: take the article's count.
    let a = s.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": claims_uri },
                "range": { "start": pos(0, 0), "end": pos(0, 5) },
                "context": { "diagnostics": [] } }),
    );
    let actions = a.as_array().cloned().unwrap_or_default();
    let replace = actions
        .iter()
        .find(|a| a["title"].as_str().is_some_and(|t| t.contains("count 17 by the article's 15")))
        .unwrap_or_else(|| panic!("{actions:#?}"));
    let edit = &replace["edit"]["changes"][&claims_uri][0];
    assert_eq!(edit["newText"], "15");
    assert_eq!(edit["range"], json!({ "start": pos(0, 21), "end": pos(0, 23) }));

    // The draft is corrected: the contradiction goes, in the draft and in the claim file.
    s.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": draft_uri, "version": 2 },
                "contentChanges": [{ "text": draft("17") }] }),
    );
    let d = s.diagnostics(&draft_uri, |d| !has("FC101")(d));
    assert_eq!(codes(&d), ["FC120"]);
    let c = s.diagnostics(&claims_uri, |d| !has("FC101")(d));
    assert_eq!(codes(&c), ["FC110"]);

    // The claim file, edited unsaved: lint as you type.
    let claims = format!("{CLAIMS}Netherlands expeled 17 Russia\n");
    s.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": claims_uri, "languageId": "factcheck", "version": 1, "text": claims } }),
    );
    let c = s.diagnostics(&claims_uri, has("FC005"));
    let typo = find(&c, "FC005");
    assert_eq!(typo["range"]["start"]["line"], 2);
    assert!(typo["message"].as_str().is_some_and(|m| m.contains("help:")), "{typo:#}");
    // Hover on it: the code's documentation.
    let h = s.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": claims_uri }, "position": typo["range"]["start"] }),
    );
    let h = h["contents"]["value"].as_str().unwrap_or_default().to_string();
    assert!(h.contains("**FC005 unknown-predicate**"), "{h}");

    assert_eq!(s.finish(), 0);
}

#[test]
fn utf8_positions_when_the_client_offers_them() {
    let dir = workspace();
    let root = dir.path();
    let caps = json!({ "general": { "positionEncodings": ["utf-8", "utf-16"] } });
    let (mut s, init) = Session::start(root, caps);
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    let draft_uri = uri(&root.join("drafts/a.md"));
    s.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": draft_uri, "languageId": "markdown", "version": 1, "text": draft("15") } }),
    );
    let d = s.diagnostics(&draft_uri, has("FC101"));
    assert_eq!(find(&d, "FC101")["range"]["start"], pos(2, PREFIX.len()));
    assert_eq!(s.finish(), 0);
}

#[test]
fn bad_messages_get_errors_not_a_crash() {
    let dir = workspace();
    let (mut s, _) = Session::start(dir.path(), json!({}));
    let r = s.request("textDocument/hover", json!({ "nonsense": true }));
    assert_eq!(r["error"]["code"], -32602, "{r:#}");
    let r = s.request("workspace/unknownThing", json!({}));
    assert_eq!(r["error"]["code"], -32601, "{r:#}");
    s.notify("textDocument/didChange", json!({ "textDocument": 5 }));
    // A hover on a document nobody opened, far past its end.
    let missing = uri(&dir.path().join("nowhere.md"));
    let r = s.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": missing }, "position": pos(99, 99) }),
    );
    assert_eq!(r, Value::Null);
    let draft_uri = uri(&dir.path().join("drafts/a.md"));
    let r = s.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": draft_uri },
                "range": { "start": pos(999, 5), "end": pos(0, 0) }, "context": { "diagnostics": [] } }),
    );
    assert!(r.is_array() || r.is_null(), "{r:#}");
    assert_eq!(s.finish(), 0);
}

#[test]
fn rule_file_examples_run_as_you_type() {
    let dir = workspace();
    let root = dir.path();
    std::fs::create_dir_all(root.join("rules")).expect("mkdir");
    std::fs::write(
        root.join("factcheck.toml"),
        "claims = [\"claims/**/*.claims\"]\narticles = [\"drafts/**/*.md\"]\nrules = [\"rules/desk.claims\"]\n",
    )
    .expect("write");
    let rules = |claim: &str| {
        format!(
            "predicate sanctioned\n  verb sanction, sanctions, sanctioned\n  example \"Poland sanctioned Russia.\" => {claim}\n"
        )
    };
    std::fs::write(root.join("rules/desk.claims"), rules("Poland sanctioned Russia"))
        .expect("write");
    let (mut s, _) = Session::start(root, json!({}));
    let rules_uri = uri(&root.join("rules/desk.claims"));
    s.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": rules_uri, "languageId": "factcheck", "version": 1, "text": rules("Germany sanctioned Russia") } }),
    );
    let d = s.diagnostics(&rules_uri, has("FC050"));
    let fc050 = find(&d, "FC050");
    assert_eq!(fc050["range"]["start"]["line"], 2, "{fc050:#}");
    assert_eq!(fc050["severity"], 1, "an error");
    assert!(
        fc050["message"].as_str().is_some_and(|m| m.contains("Poland sanctioned Russia")),
        "{fc050:#}"
    );
    // Fixed in the buffer: the diagnostic goes.
    s.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": rules_uri, "version": 2 }, "contentChanges": [{ "text": rules("Poland sanctioned Russia") }] }),
    );
    let d = s.diagnostics(&rules_uri, |d| !has("FC050")(d));
    assert_eq!(codes(&d), Vec::<String>::new());
    assert_eq!(s.finish(), 0);
}
