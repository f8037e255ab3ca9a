//! `check --format junit`: JUnit XML, the test report CI systems (GitLab `artifacts: reports:
//! junit:`, Jenkins, Azure Pipelines, CircleCI) show as passed and failed tests.
//!
//! - `<testsuites name="factcheck" tests="N" failures="F">`, one `<testsuite>` a file, claim
//!   files first (in the order they were read), then articles;
//! - in a claim file's suite, one `<testcase>` a claim (`name`: the claim as written,
//!   `classname`: the file, `file` and `line`: where it is). A claim whose finding is at error
//!   level (contradicted, conflicting, or any kind `--deny`/`severity` makes an error) has a
//!   `<failure>` with `type` (the code), `message` (the first line of the message) and, as text,
//!   the message with its locations (`FILE:LINE:COL`), notes and help. A claim with a warning
//!   (not found) or a note (supported) passes, with that text in `<system-out>`;
//! - in an article's suite, one `<testcase>` an unverified fact (`name`: the message, `file` and
//!   `line`: the article's), failing only when unverified facts are errors; and the article's
//!   own diagnostics (invalid or unused suppressions) as test cases too;
//! - a claim file's own warnings are test cases of its suite in the same way.
//!
//! Text is escaped by the XML writer (quick-xml); characters XML 1.0 cannot carry at all (control
//! characters other than tab and line breaks) become U+FFFD.

use std::collections::BTreeMap;
use std::io::Cursor;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use super::{Item, Origin};
use crate::check::Report;
use crate::diag::{Diagnostic, Severity};
use crate::source::{FileId, SourceMap};

/// One test case.
struct Case {
    name: String,
    file: String,
    line: usize,
    /// `(code, first line, full text)` of a failure.
    failure: Option<(&'static str, String, String)>,
    out: Option<String>,
}

/// Text XML 1.0 can hold: control characters other than tab, LF and CR become U+FFFD.
fn xml_text(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() && !matches!(c, '\t' | '\n' | '\r') { '\u{FFFD}' } else { c })
        .collect()
}

/// `FILE:LINE:COL`.
fn place(sources: &SourceMap, file: FileId, at: usize) -> String {
    let f = sources.get(file);
    let (line, col) = f.line_col(at);
    format!("{}:{line}:{col}", f.name)
}

/// The message, where it is, its other locations, notes and help.
fn body(sources: &SourceMap, d: &Diagnostic) -> String {
    let mut out =
        format!("{}: {}", place(sources, d.primary.file, d.primary.span.start), d.message);
    if !d.primary.message.is_empty() {
        out.push_str(&format!(" ({})", d.primary.message));
    }
    for l in &d.secondary {
        out.push_str(&format!("\n{}: {}", place(sources, l.file, l.span.start), l.message));
    }
    for n in &d.notes {
        out.push_str(&format!("\nnote: {n}"));
    }
    if let Some(h) = &d.help {
        out.push_str(&format!("\nhelp: {h}"));
    }
    out
}

fn case_of(
    sources: &SourceMap,
    name: String,
    file: FileId,
    at: usize,
    d: Option<&Diagnostic>,
) -> Case {
    let f = sources.get(file);
    let (line, _) = f.line_col(at);
    let mut case = Case { name, file: f.name.clone(), line, failure: None, out: None };
    if let Some(d) = d {
        let text = body(sources, d);
        if d.severity == Severity::Error {
            let first = d.message.lines().next().unwrap_or_default().to_string();
            case.failure = Some((d.code, first, text));
        } else {
            case.out = Some(text);
        }
    }
    case
}

/// The report as JUnit XML. `items` are the findings of the check (every one, supported claims
/// included) and the claim files' and articles' own diagnostics.
pub fn render(sources: &SourceMap, report: &Report, items: &[Item<'_>]) -> String {
    let mut suites: BTreeMap<FileId, Vec<Case>> = BTreeMap::new();
    let mut of_claim: Vec<Option<&Diagnostic>> = vec![None; report.claims.len()];
    for item in items {
        let d = item.diagnostic;
        match item.origin {
            Some(Origin::Claim(i)) => {
                if let Some(slot) = of_claim.get_mut(i) {
                    *slot = Some(d);
                }
            }
            _ => {
                let name = d.message.lines().next().unwrap_or_default().to_string();
                let case = case_of(sources, name, d.primary.file, d.primary.span.start, Some(d));
                suites.entry(d.primary.file).or_default().push(case);
            }
        }
    }
    for (c, d) in report.claims.iter().zip(of_claim) {
        let claim = &c.claim;
        let text = sources.get(claim.file).text.get(claim.span.clone()).unwrap_or_default();
        let name = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let case = case_of(sources, name, claim.file, claim.span.start, d);
        suites.entry(claim.file).or_default().push(case);
    }
    // Claims before the other cases of their file, each in file order.
    for cases in suites.values_mut() {
        cases.sort_by_key(|c| c.line);
    }
    write(sources, &suites).unwrap_or_default()
}

fn write(sources: &SourceMap, suites: &BTreeMap<FileId, Vec<Case>>) -> std::io::Result<String> {
    let mut w = Writer::new_with_indent(Cursor::new(Vec::new()), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let count = |cases: &[Case]| {
        (cases.len().to_string(), cases.iter().filter(|c| c.failure.is_some()).count().to_string())
    };
    let all: Vec<&Case> = suites.values().flatten().collect();
    let tests = all.len().to_string();
    let failures = all.iter().filter(|c| c.failure.is_some()).count().to_string();
    let mut root = BytesStart::new("testsuites");
    root.push_attribute(("name", "factcheck"));
    root.push_attribute(("tests", tests.as_str()));
    root.push_attribute(("failures", failures.as_str()));
    root.push_attribute(("errors", "0"));
    w.write_event(Event::Start(root))?;
    for (file, cases) in suites {
        let name = xml_text(&sources.get(*file).name);
        let (tests, failures) = count(cases);
        let mut suite = BytesStart::new("testsuite");
        suite.push_attribute(("name", name.as_str()));
        suite.push_attribute(("tests", tests.as_str()));
        suite.push_attribute(("failures", failures.as_str()));
        suite.push_attribute(("errors", "0"));
        suite.push_attribute(("skipped", "0"));
        w.write_event(Event::Start(suite))?;
        for c in cases {
            let (name, file, line) = (xml_text(&c.name), xml_text(&c.file), c.line.to_string());
            let mut case = BytesStart::new("testcase");
            case.push_attribute(("name", name.as_str()));
            case.push_attribute(("classname", file.as_str()));
            case.push_attribute(("file", file.as_str()));
            case.push_attribute(("line", line.as_str()));
            if c.failure.is_none() && c.out.is_none() {
                w.write_event(Event::Empty(case))?;
                continue;
            }
            w.write_event(Event::Start(case))?;
            if let Some((code, message, text)) = &c.failure {
                let message = xml_text(message);
                let mut failure = BytesStart::new("failure");
                failure.push_attribute(("type", *code));
                failure.push_attribute(("message", message.as_str()));
                w.write_event(Event::Start(failure))?;
                w.write_event(Event::Text(BytesText::new(&xml_text(text))))?;
                w.write_event(Event::End(BytesEnd::new("failure")))?;
            }
            if let Some(out) = &c.out {
                w.write_event(Event::Start(BytesStart::new("system-out")))?;
                w.write_event(Event::Text(BytesText::new(&xml_text(out))))?;
                w.write_event(Event::End(BytesEnd::new("system-out")))?;
            }
            w.write_event(Event::End(BytesEnd::new("testcase")))?;
        }
        w.write_event(Event::End(BytesEnd::new("testsuite")))?;
    }
    w.write_event(Event::End(BytesEnd::new("testsuites")))?;
    let mut s = String::from_utf8_lossy(&w.into_inner().into_inner()).into_owned();
    s.push('\n');
    Ok(s)
}
