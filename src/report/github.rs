//! GitHub Actions workflow commands: one `::error`, `::warning` or `::notice` line a diagnostic,
//! so that findings appear as annotations on the pull request's lines.
//!
//! `::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=T::MESSAGE`. Lines and columns are
//! 1-based (columns in characters); `endColumn` is the column of the last character of the
//! span (inclusive). Escaping follows GitHub's runner: in the message `%`, `\r` and `\n` become
//! `%25`, `%0D`, `%0A`; in property values `:` and `,` also become `%3A` and `%2C`. Notes and
//! help are appended to the message on lines of their own. A finding about a claim whose
//! annotation is on an article's line ends with `claim: FILE:LINE`, the claim it is about, since
//! the annotation itself can show only one file. Supported claims are left out unless
//! `--show supported` is given (the caller filters them).

use super::Item;
use crate::diag::{Diagnostic, Severity};
use crate::source::SourceMap;

/// Escapes a message (the data after `::`).
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a property value (`file=...`, `title=...`).
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn command(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note | Severity::Help => "notice",
    }
}

/// The message with its notes and help on lines of their own.
pub fn full_message(d: &Diagnostic) -> String {
    let mut message = d.message.clone();
    for n in &d.notes {
        message.push_str("\nnote: ");
        message.push_str(n);
    }
    if let Some(h) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(h);
    }
    message
}

/// One workflow command a diagnostic, each ending with a newline.
pub fn render(sources: &SourceMap, diags: &[Diagnostic]) -> String {
    let items: Vec<Item<'_>> = diags
        .iter()
        .map(|d| Item { diagnostic: d, origin: None, claim: None, fingerprint: String::new() })
        .collect();
    render_items(sources, &items)
}

/// [`render`] for a check's items: an annotation on an article's line names its claim.
pub fn render_items(sources: &SourceMap, items: &[Item<'_>]) -> String {
    let mut out = String::new();
    for item in items {
        let d = item.diagnostic;
        let f = sources.get(d.primary.file);
        let span = &d.primary.span;
        let (line, col) = f.line_col(span.start);
        // The last character of the span (inclusive), or the start for an empty span.
        let end = span.end.min(f.len()).max(span.start);
        let last = f
            .slice(&(span.start..end))
            .and_then(|t| t.char_indices().next_back())
            .map_or(span.start, |(i, _)| span.start + i);
        let (end_line, end_col) = f.line_col(last);
        let title = match crate::check::Finding::from_code(d.code) {
            Some(k) => format!("{} {}", d.code, k.name()),
            None => d.code.to_string(),
        };
        let mut message = full_message(d);
        if let Some((file, claim_span)) = item.claim.filter(|(file, _)| *file != d.primary.file) {
            let c = sources.get(file);
            let (claim_line, _) = c.line_col(claim_span.start);
            message.push_str(&format!("\nclaim: {}:{claim_line}", c.name));
        }
        out.push_str(&format!(
            "::{} file={},line={line},col={col},endLine={end_line},endColumn={end_col},title={}::{}\n",
            command(d.severity),
            escape_property(&f.name),
            escape_property(&title),
            escape_data(&message),
        ));
    }
    out
}
