//! The check report in every format, on claims and facts built in code over real text (the
//! extractor and the parser are not involved): human (insta snapshot), JSON (the documented
//! version-1 structure), SARIF (the structure the 2.1.0 schema requires) and GitHub workflow
//! commands (parsed back into their fields).

use std::ops::Range;

use factcheck::check::{self, Policy, Report};
use factcheck::diag::Diagnostic;
use factcheck::lexicon::{Actor, Lexicon, Predicate};
use factcheck::model::{ActorId, Actors, Claim, DateSpec, Fact, PartialDate, Quantity, Relation};
use factcheck::report;
use factcheck::source::{FileId, SourceMap};
use serde_json::Value;

const CLAIMS: &str = "\
Netherlands expelled 17 Russia 2022-03-29
Poland expelled 54 Russia
Russia expelled 17 Netherlands
Germany expelled 75 Russia
Japan expelled 8 Russia
Poland expelled >40 Russia
Russia expelled \"United States\" 2022-03-24
";

const ARTICLE_A: &str = "\
The Netherlands is expelling 17 Russian intelligence agents, the minister said.
Germany and France announced expulsions of 75 Russian diplomats.
The development comes days after Poland expelled 45 Russian diplomats.
";

const ARTICLE_B: &str = "\
On March 29, the Netherlands expelled 15 Russian diplomats.
The Russian Foreign Ministry announced on March 23 that it will expel US diplomats, 100% sure.
";

/// Subject, quantity and its text, object, date and its text.
type ClaimSpec<'a> =
    (&'a [&'a str], Option<Quantity>, &'a str, &'a [&'a str], Option<DateSpec>, &'a str);

struct Fixture {
    sources: SourceMap,
    lexicon: Lexicon,
    claims: Vec<Claim>,
    facts: Vec<Fact>,
}

/// The byte range of `needle` in `hay` (the first at or after `from`).
fn find(hay: &str, needle: &str, from: usize) -> Range<usize> {
    let at = hay[from..].find(needle).unwrap_or_else(|| panic!("{needle:?} not in fixture")) + from;
    at..at + needle.len()
}

fn day(y: i32, m: u8, d: u8) -> Option<DateSpec> {
    Some(DateSpec::On(PartialDate::ymd(y, m, d)))
}

fn fixture() -> Fixture {
    let mut lexicon = Lexicon::new();
    for n in ["Netherlands", "Russia", "Poland", "Germany", "France", "Japan", "United States"] {
        lexicon.add_actor(Actor::new(n));
    }
    let expelled = lexicon.add_predicate(Predicate::new("expelled"));
    let id = |n: &str| lexicon.actor_by_name(n).expect("fixture actor");
    let set = |names: &[&str]| {
        let mut v: Vec<ActorId> = names.iter().map(|n| id(n)).collect();
        v.sort();
        v
    };

    let mut sources = SourceMap::new();
    let cf = sources.add("desk.claims", CLAIMS);
    let a = sources.add("drafts/a.txt", ARTICLE_A);
    let b = sources.add("drafts/b.txt", ARTICLE_B);

    // One claim a line: subject, quantity, object, date, each found in its line.
    let specs: [ClaimSpec; 7] = [
        (
            &["Netherlands"],
            Some(Quantity::exact(17)),
            "17",
            &["Russia"],
            day(2022, 3, 29),
            "2022-03-29",
        ),
        (&["Poland"], Some(Quantity::exact(54)), "54", &["Russia"], None, ""),
        (&["Russia"], Some(Quantity::exact(17)), "17", &["Netherlands"], None, ""),
        (&["Germany"], Some(Quantity::exact(75)), "75", &["Russia"], None, ""),
        (&["Japan"], Some(Quantity::exact(8)), "8", &["Russia"], None, ""),
        (&["Poland"], Some(Quantity::with(Relation::Gt, 40)), ">40", &["Russia"], None, ""),
        (&["Russia"], None, "", &["United States"], day(2022, 3, 24), "2022-03-24"),
    ];
    let mut claims = Vec::new();
    let mut line_start = 0;
    for (line, spec) in CLAIMS.lines().zip(specs) {
        let (s, q, qt, o, d, dt) = spec;
        let span = line_start..line_start + line.len();
        let pred = find(CLAIMS, "expelled", line_start);
        let sub = |t: &str| (!t.is_empty()).then(|| find(CLAIMS, t, pred.end));
        claims.push(Claim {
            file: cf,
            span: span.clone(),
            subject: Actors::Set(set(s)),
            subject_span: line_start..pred.start - 1,
            negated: false,
            predicate: expelled,
            predicate_span: pred.clone(),
            quantity: q,
            quantity_span: sub(qt),
            object: Actors::Set(set(o)),
            object_span: None,
            date: d,
            date_span: sub(dt),
        });
        line_start = span.end + 1;
    }

    let fact = |file: FileId,
                text: &str,
                sentence: &str,
                s: &[&str],
                q: Option<(u64, &str)>,
                o: &[&str],
                d: Option<(DateSpec, &str)>,
                words: (&str, &str, &str)| {
        let (subject_words, trigger, object_words) = words;
        let span = find(text, sentence, 0);
        Fact {
            file,
            span: span.clone(),
            subject: set(s),
            predicate: expelled,
            quantity: q.map(|(v, _)| Quantity::exact(v)),
            object: set(o),
            date: d.map(|(d, _)| d),
            negated: false,
            subject_span: Some(find(text, subject_words, span.start)),
            predicate_span: find(text, trigger, span.start),
            quantity_span: q.map(|(_, t)| find(text, t, span.start)),
            object_span: Some(find(text, object_words, span.start)),
            date_span: d.map(|(_, t)| find(text, t, span.start)),
        }
    };
    let facts = vec![
        fact(
            a,
            ARTICLE_A,
            "The Netherlands is expelling 17 Russian intelligence agents",
            &["Netherlands"],
            Some((17, "17")),
            &["Russia"],
            None,
            ("Netherlands", "expelling", "Russian"),
        ),
        fact(
            a,
            ARTICLE_A,
            "Germany and France announced expulsions of 75 Russian diplomats",
            &["Germany", "France"],
            Some((75, "75")),
            &["Russia"],
            None,
            ("Germany and France", "expulsions", "Russian"),
        ),
        fact(
            a,
            ARTICLE_A,
            "Poland expelled 45 Russian diplomats",
            &["Poland"],
            Some((45, "45")),
            &["Russia"],
            None,
            ("Poland", "expelled", "Russian"),
        ),
        fact(
            b,
            ARTICLE_B,
            "On March 29, the Netherlands expelled 15 Russian diplomats",
            &["Netherlands"],
            Some((15, "15")),
            &["Russia"],
            day(2022, 3, 29).map(|d| (d, "March 29")),
            ("Netherlands", "expelled", "Russian"),
        ),
        fact(
            b,
            ARTICLE_B,
            "The Russian Foreign Ministry announced on March 23 that it will expel US diplomats",
            &["Russia"],
            None,
            &["United States"],
            day(2022, 3, 23).map(|d| (d, "March 23")),
            ("Russian Foreign Ministry", "expel", "US"),
        ),
    ];
    Fixture { sources, lexicon, claims, facts }
}

fn run() -> (Fixture, Report, Vec<Diagnostic>) {
    let f = fixture();
    let report = check::check(&f.claims, &f.facts, &f.lexicon);
    let diags = check::diagnostics(&report, &f.lexicon, &Policy::default());
    (f, report, diags)
}

#[test]
fn verdicts_of_the_fixture() {
    let (_, report, _) = run();
    let verdicts: Vec<&str> = report.claims.iter().map(|c| c.verdict.as_str()).collect();
    assert_eq!(
        verdicts,
        [
            "conflicting",
            "contradicted",
            "not_found",
            "not_found",
            "not_found",
            "supported",
            "contradicted"
        ]
    );
    assert_eq!(report.unverified.len(), 1, "Germany and France expelled 75 Russia");
}

#[test]
fn human_output() {
    let (f, report, diags) = run();
    let out = report::summary::render_check(&f.sources, &diags, &report.summary, false, false);
    insta::assert_snapshot!("check_human", out);
    let quiet = report::summary::render_check(&f.sources, &diags, &report.summary, false, true);
    assert_eq!(
        quiet,
        "7 claims: 1 supported, 2 contradicted, 1 conflicting, 3 not found; 1 unverified fact\n"
    );
    let color = report::summary::render_check(&f.sources, &diags, &report.summary, true, false);
    assert!(color.contains("\u{1b}["), "ANSI colour when asked for");
    assert!(!out.contains("\u{1b}["), "no colour otherwise");
}

fn keys(v: &Value) -> Vec<&str> {
    let mut k: Vec<&str> = v.as_object().expect("an object").keys().map(String::as_str).collect();
    k.sort_unstable();
    k
}

#[test]
fn json_has_the_documented_structure() {
    let (f, report, _) = run();
    let text = report::json::render(&report, &f.sources, &f.lexicon, &Policy::default(), &[]);
    let v: Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(keys(&v), ["claims", "diagnostics", "summary", "unverified", "version"]);
    assert_eq!(v["version"], 1);
    let claims = v["claims"].as_array().expect("claims");
    assert_eq!(claims.len(), 7);
    for c in claims {
        assert_eq!(
            keys(c),
            [
                "code",
                "column",
                "end",
                "evidence",
                "file",
                "level",
                "line",
                "near_misses",
                "notes",
                "reasons",
                "start",
                "text",
                "verdict"
            ]
        );
        for e in c["evidence"].as_array().expect("evidence") {
            assert_eq!(
                keys(e),
                ["column", "end", "fact", "file", "line", "reasons", "start", "supports", "text"]
            );
        }
    }
    let c = &claims[1];
    assert_eq!(c["file"], "desk.claims");
    assert_eq!((c["line"].as_u64(), c["column"].as_u64()), (Some(2), Some(1)));
    assert_eq!(c["text"], "Poland expelled 54 Russia");
    assert_eq!(c["verdict"], "contradicted");
    assert_eq!(c["reasons"], serde_json::json!(["count"]));
    assert_eq!(c["code"], "FC101");
    assert_eq!(c["level"], "error");
    let e = &c["evidence"][0];
    assert_eq!(e["file"], "drafts/a.txt");
    assert_eq!((e["line"].as_u64(), e["column"].as_u64()), (Some(3), Some(34)));
    let (start, end) = (e["start"].as_u64().unwrap() as usize, e["end"].as_u64().unwrap() as usize);
    assert_eq!(&ARTICLE_A[start..end], "Poland expelled 45 Russian diplomats");
    assert_eq!(e["text"], "Poland expelled 45 Russian diplomats");
    assert_eq!(e["fact"], "Poland expelled 45 Russia");
    // The conflicting claim lists the support first, then the contradiction.
    let conflicting = &claims[0]["evidence"];
    assert_eq!(
        (conflicting[0]["supports"].as_bool(), conflicting[1]["supports"].as_bool()),
        (Some(true), Some(false))
    );
    assert_eq!(
        claims[0]["notes"],
        serde_json::json!(["the article gives no date: the date is unverified"])
    );
    // A reversal is named.
    assert_eq!(claims[2]["near_misses"][0]["kind"], "reversed");
    assert_eq!(claims[2]["near_misses"][0]["fact"], "Netherlands expelled 17 Russia");
    assert_eq!(claims[3]["near_misses"][0]["kind"], "joint");
    let u = &v["unverified"][0];
    assert_eq!(
        keys(u),
        ["code", "column", "end", "fact", "file", "level", "line", "start", "text"]
    );
    assert_eq!(u["fact"], "Germany and France expelled 75 Russia");
    assert_eq!((u["line"].as_u64(), u["column"].as_u64()), (Some(2), Some(1)));
    assert_eq!(
        v["summary"],
        serde_json::json!({"supported": 1, "contradicted": 2, "conflicting": 1, "not_found": 3, "unverified": 1})
    );
}

#[test]
fn sarif_has_the_structure_the_schema_requires() {
    let (f, _, diags) = run();
    let v: Value = serde_json::from_str(&report::sarif::render(&f.sources, &diags)).expect("JSON");
    assert_eq!(v["version"], "2.1.0");
    assert!(v["$schema"].as_str().is_some_and(|s| s.contains("sarif-2.1.0")));
    let runs = v["runs"].as_array().expect("runs");
    assert_eq!(runs.len(), 1);
    let driver = &runs[0]["tool"]["driver"];
    assert_eq!(driver["name"], "factcheck");
    let rules = driver["rules"].as_array().expect("rules");
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().expect("rule id")).collect();
    assert_eq!(ids, ["FC100", "FC101", "FC102", "FC103", "FC104", "FC110", "FC120"]);
    for r in rules {
        assert!(r["shortDescription"]["text"].is_string());
    }
    let results = runs[0]["results"].as_array().expect("results");
    assert_eq!(results.len(), diags.len());
    for (r, d) in results.iter().zip(&diags) {
        assert_eq!(r["ruleId"], d.code);
        let index = r["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[index]["id"], d.code);
        assert!(["error", "warning", "note"].contains(&r["level"].as_str().expect("level")));
        assert!(r["message"]["text"].as_str().is_some_and(|t| !t.is_empty()));
        let locs = r["locations"].as_array().expect("locations");
        assert_eq!(locs.len(), 1);
        for loc in locs.iter().chain(r["relatedLocations"].as_array().into_iter().flatten()) {
            let p = &loc["physicalLocation"];
            let uri = p["artifactLocation"]["uri"].as_str().expect("uri");
            assert!(["desk.claims", "drafts/a.txt", "drafts/b.txt"].contains(&uri));
            let region = &p["region"];
            for k in
                ["startLine", "startColumn", "endLine", "endColumn", "byteOffset", "byteLength"]
            {
                assert!(region[k].as_u64().is_some(), "region.{k}");
            }
            assert!(
                region["startLine"].as_u64() >= Some(1)
                    && region["startColumn"].as_u64() >= Some(1)
            );
        }
    }
    // The count mismatch points at the article's "45", with the claim as a related location.
    let r = &results[1];
    assert_eq!(r["ruleId"], "FC101");
    assert_eq!(r["level"], "error");
    let region = &r["locations"][0]["physicalLocation"]["region"];
    let off = region["byteOffset"].as_u64().unwrap() as usize;
    let len = region["byteLength"].as_u64().unwrap() as usize;
    assert_eq!(&ARTICLE_A[off..off + len], "45");
    assert_eq!((region["startLine"].as_u64(), region["startColumn"].as_u64()), (Some(3), Some(50)));
    assert_eq!((region["endLine"].as_u64(), region["endColumn"].as_u64()), (Some(3), Some(52)));
    let related = r["relatedLocations"].as_array().expect("related");
    assert_eq!(
        related.last().unwrap()["physicalLocation"]["artifactLocation"]["uri"],
        "desk.claims"
    );
    assert_eq!(report::sarif::file_uri("my drafts\\a<1>.md"), "my%20drafts/a%3C1%3E.md");
}

/// Splits `::cmd k=v,k=v::message` and unescapes it the way GitHub's runner does.
fn parse_github(line: &str) -> (String, Vec<(String, String)>, String) {
    let unescape = |s: &str| {
        s.replace("%2C", ",")
            .replace("%3A", ":")
            .replace("%0A", "\n")
            .replace("%0D", "\r")
            .replace("%25", "%")
    };
    let rest = line.strip_prefix("::").expect("a workflow command");
    let (head, message) = rest.split_once("::").expect("::message");
    let (cmd, props) = head.split_once(' ').expect("properties");
    let props = props
        .split(',')
        .map(|kv| {
            let (k, v) = kv.split_once('=').expect("k=v");
            (k.to_string(), unescape(v))
        })
        .collect();
    (cmd.to_string(), props, unescape(message))
}

#[test]
fn github_lines_parse_back() {
    let (mut f, _, diags) = run();
    let out = report::github::render(&f.sources, &diags);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), diags.len());
    for (line, d) in lines.iter().zip(&diags) {
        let (cmd, props, message) = parse_github(line);
        assert_eq!(
            cmd,
            match d.severity {
                factcheck::diag::Severity::Error => "error",
                factcheck::diag::Severity::Warning => "warning",
                _ => "notice",
            }
        );
        let names: Vec<&str> = props.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(names, ["file", "line", "col", "endLine", "endColumn", "title"]);
        assert!(message.starts_with(&d.message), "{message}");
        let file = f.sources.get(d.primary.file);
        assert_eq!(props[0].1, file.name);
        let (l, c) = file.line_col(d.primary.span.start);
        assert_eq!(
            (props[1].1.parse::<usize>().unwrap(), props[2].1.parse::<usize>().unwrap()),
            (l, c)
        );
    }
    let (cmd, props, message) = parse_github(lines[1]);
    assert_eq!(cmd, "error");
    assert_eq!(props[0].1, "drafts/a.txt");
    assert_eq!((props[1].1.as_str(), props[2].1.as_str()), ("3", "50"));
    assert_eq!((props[3].1.as_str(), props[4].1.as_str()), ("3", "51"), "endColumn is inclusive");
    assert_eq!(props[5].1, "FC101 count-mismatch");
    assert_eq!(message, "count mismatch: the article says 45, the claim says 54");

    // Escaping: a file name with `,` and `:` and a message with `%` and a newline.
    let odd = f.sources.add("a,b:c.txt", "x");
    let d = Diagnostic::warning("FC120", odd, 0..1, "100% sure\nreally");
    let out = report::github::render(&f.sources, std::slice::from_ref(&d));
    assert!(out.starts_with("::warning file=a%2Cb%3Ac.txt,"), "{out}");
    assert!(out.ends_with("::100%25 sure%0Areally\n"), "{out}");
    let (_, props, message) = parse_github(out.trim_end());
    assert_eq!(props[0].1, "a,b:c.txt");
    assert_eq!(message, "100% sure\nreally");
}

/// Reporters never panic, whatever the spans: past the end, inside a multi-byte character,
/// reversed, empty.
#[test]
fn reporters_survive_odd_spans() {
    let mut sources = SourceMap::new();
    let id = sources.add("odd.txt", "“Quoted” 17\nx");
    #[allow(clippy::reversed_empty_ranges)]
    let spans = [0..0, 1..2, 3..1, 0..1000, 999..1000, 11..11];
    let diags: Vec<Diagnostic> = spans
        .iter()
        .map(|s| {
            Diagnostic::error("FC101", id, s.clone(), "odd")
                .with_secondary(id, s.clone(), "also odd")
                .with_note("a note")
        })
        .collect();
    for d in &diags {
        let _ = report::render_diagnostic(&sources, d, false);
    }
    let sarif: Value =
        serde_json::from_str(&report::sarif::render(&sources, &diags)).expect("JSON");
    assert_eq!(sarif["runs"][0]["results"].as_array().map(Vec::len), Some(spans.len()));
    let github = report::github::render(&sources, &diags);
    assert_eq!(github.lines().count(), spans.len());
}

#[test]
fn html_output() {
    let (f, report, _) = run();
    let articles: Vec<FileId> = (1..=2).map(FileId).collect();
    let html = report::html::render(
        &report::html::Run {
            report: &report,
            sources: &f.sources,
            lexicon: &f.lexicon,
            policy: &Policy::default(),
            facts: &f.facts,
            articles: &articles,
            claim_files: &[FileId(0)],
            diagnostics: &[],
        },
        &report::html::Meta {
            version: "0.0.0-test".into(),
            date: "2026-01-02 03:04 UTC".into(),
            config: None,
            exit_code: 1,
        },
    );
    // The page without its stylesheet and script (they are constants), line by line.
    let style = html.find("<style>").expect("a stylesheet");
    let style_end = html.find("</style>").expect("its end");
    let script = html.rfind("<script>").expect("a script");
    let script_end = html.rfind("</script>").expect("its end");
    let page = format!(
        "{}<style>…</style>{}<script>…</script>{}",
        &html[..style],
        &html[style_end + "</style>".len()..script],
        &html[script_end + "</script>".len()..]
    );
    insta::assert_snapshot!("check_html", page);
    // Every fact is marked once with an id, and every link within the page has its target.
    for n in 1..=f.facts.len() {
        assert_eq!(html.matches(&format!("id=\"f{n}\"")).count(), 1, "fact {n}");
    }
    for href in html.split("href=\"#").skip(1) {
        let id = &href[..href.find('"').expect("a quoted href")];
        assert!(html.contains(&format!("id=\"{id}\"")), "#{id} has no target");
    }
}
