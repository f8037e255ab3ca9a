//! SARIF 2.1.0 for code scanning (GitHub's `upload-sarif`, IDE viewers).
//!
//! One run; `tool.driver` lists one rule a finding kind of the checker ([`Finding::ALL`]) and
//! then one a further code present (claim-file errors and lint findings). Each diagnostic is a
//! result with its `ruleId`, `ruleIndex`, `level` (`error`, `warning`, `note`), `message.text`,
//! one location (artifact URI: the file name as given, percent-encoded; region: 1-based start
//! and end line and column, end column exclusive, columns in Unicode code points as the run's
//! `columnKind` says, and the byte offset and length in the file as on disk), and its secondary
//! labels (the claim, other evidence) as `relatedLocations`. Rules carry the code's
//! documentation (`fullDescription`, `help`, from [`crate::report::codes`], and `helpUri`,
//! its page in `docs/codes.md`, when Cargo.toml names the repository); check findings carry their
//! baseline fingerprint as `partialFingerprints` (key [`FINGERPRINT`]), so code scanning keeps
//! tracking a finding when other lines move.

use serde_json::{Value, json};

use crate::check::Finding;
use crate::diag::{Diagnostic, Label, Severity};
use crate::source::SourceMap;

/// The `$schema` every SARIF log names.
pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Percent-encodes what may not appear in a relative URI reference; `\` becomes `/`.
pub fn file_uri(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        match c {
            '\\' => out.push('/'),
            'A'..='Z'
            | 'a'..='z'
            | '0'..='9'
            | '-'
            | '.'
            | '_'
            | '~'
            | '/'
            | '!'
            | '$'
            | '&'
            | '\''
            | '('
            | ')'
            | '*'
            | '+'
            | ','
            | ';'
            | '='
            | ':'
            | '@' => out.push(c),
            c => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
        }
    }
    out
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note | Severity::Help => "note",
    }
}

fn location(sources: &SourceMap, l: &Label) -> Value {
    let f = sources.get(l.file);
    let (start_line, start_column) = f.line_col(l.span.start);
    let (end_line, end_column) = f.line_col(l.span.end);
    json!({
        "physicalLocation": {
            "artifactLocation": { "uri": file_uri(&f.name) },
            "region": {
                "startLine": start_line,
                "startColumn": start_column,
                "endLine": end_line,
                "endColumn": end_column,
                "byteOffset": l.span.start,
                "byteLength": l.span.end.saturating_sub(l.span.start),
            }
        }
    })
}

/// The `partialFingerprints` key of a finding's baseline fingerprint
/// ([`crate::workspace::baseline::FindingKey::fingerprint`]).
pub const FINGERPRINT: &str = "factcheckFingerprint/v1";

/// The documentation of `code` in the repository `repository` (Cargo.toml's `repository`, a
/// GitHub or GitLab address): its heading in `docs/codes.md` on the main branch. `None` when
/// the package names no repository: SARIF wants an absolute URI, and there is no address to
/// build one from (`help` carries the documentation itself).
pub fn help_uri(repository: &str, code: &str) -> Option<String> {
    let base = repository.trim().trim_end_matches('/');
    let base = base.strip_suffix(".git").unwrap_or(base);
    let absolute = base.starts_with("https://") || base.starts_with("http://");
    absolute.then(|| format!("{base}/blob/main/docs/codes.md#{}", code.to_ascii_lowercase()))
}

/// A rule (`reportingDescriptor`): the code's name and summary, and its documentation
/// ([`crate::report::codes`]) as the full description and the help.
fn rule(id: &str) -> Value {
    let finding = Finding::from_code(id);
    let doc = crate::report::codes::get(id);
    let mut rule = json!({ "id": id });
    if let Some(name) = finding.map(Finding::name).or(doc.map(|d| d.name)) {
        rule["name"] = json!(name);
    }
    let short = match (finding, doc) {
        (Some(f), _) => f.summary().to_string(),
        (None, Some(d)) => d.summary(),
        (None, None) => format!("factcheck {id}"),
    };
    rule["shortDescription"] = json!({ "text": short });
    if let Some(d) = doc {
        rule["fullDescription"] = json!({ "text": d.documentation });
        rule["help"] = json!({ "text": d.render(), "markdown": d.render() });
        if let Some(uri) = help_uri(env!("CARGO_PKG_REPOSITORY"), d.code) {
            rule["helpUri"] = json!(uri);
        }
    }
    if let Some(f) = finding {
        rule["defaultConfiguration"] = json!({ "level": match f.kind() {
            None => "note",
            Some(crate::check::Kind::NotFound | crate::check::Kind::Unverified) => "warning",
            Some(_) => "error",
        } });
    }
    rule
}

/// The diagnostics as a SARIF 2.1.0 log (pretty-printed JSON).
pub fn render(sources: &SourceMap, diags: &[Diagnostic]) -> String {
    let mut rule_ids: Vec<&str> = Finding::ALL.iter().map(|f| f.code()).collect();
    let mut others: Vec<&str> =
        diags.iter().map(|d| d.code).filter(|c| !rule_ids.contains(c)).collect();
    others.sort_unstable();
    others.dedup();
    rule_ids.extend(others);
    let rules: Vec<Value> = rule_ids.iter().map(|id| rule(id)).collect();
    let results: Vec<Value> = diags
        .iter()
        .map(|d| {
            let mut text = d.message.clone();
            for n in &d.notes {
                text.push_str("\nnote: ");
                text.push_str(n);
            }
            if let Some(h) = &d.help {
                text.push_str("\nhelp: ");
                text.push_str(h);
            }
            let mut primary = location(sources, &d.primary);
            if !d.primary.message.is_empty() {
                primary["message"] = json!({ "text": d.primary.message });
            }
            let related: Vec<Value> = d
                .secondary
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    let mut loc = location(sources, l);
                    loc["id"] = json!(i);
                    loc["message"] = json!({ "text": l.message });
                    loc
                })
                .collect();
            let mut result = json!({
                "ruleId": d.code,
                "ruleIndex": rule_ids.iter().position(|r| *r == d.code).unwrap_or(0),
                "level": level(d.severity),
                "message": { "text": text },
                "locations": [primary],
            });
            if !related.is_empty() {
                result["relatedLocations"] = Value::Array(related);
            }
            if let Some(fp) = &d.fingerprint {
                result["partialFingerprints"] = json!({ FINGERPRINT: fp });
            }
            result
        })
        .collect();
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "factcheck",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            } },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&log).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::help_uri;

    #[test]
    fn help_uri_needs_an_absolute_repository_address() {
        assert_eq!(
            help_uri("https://github.com/desk/factcheck.git", "FC101").as_deref(),
            Some("https://github.com/desk/factcheck/blob/main/docs/codes.md#fc101")
        );
        assert_eq!(help_uri("", "FC101"), None);
        assert_eq!(help_uri("github.com/desk/factcheck", "FC101"), None);
    }
}
