//! Human output: rustc-style diagnostics through codespan-reporting.
//!
//! A diagnostic whose labels sit on a line longer than [`LONG_LINE`] bytes (a Markdown draft
//! with no line breaks, a 10 MB single-line article) is not printed with its source line: every
//! diagnostic on such a line would repeat the whole line, and the output would grow with the
//! square of the input (4,000 facts on one 160 kB line printed 600 MB). It is printed in
//! codespan-reporting's medium style instead (`FILE:LINE:COL: level[CODE]: message` and the
//! notes), with each label as a note quoting at most [`EXCERPT`] characters of its span.

use codespan_reporting::diagnostic::{
    Diagnostic as CsDiagnostic, Label as CsLabel, Severity as CsSeverity,
};
use codespan_reporting::term::{self, Config};

use crate::diag::{Diagnostic, Severity};

use crate::source::{FileId, SourceMap};

/// A label's span in the text its file holds (see [`crate::source::SourceFile::local`]): the
/// same span, except in an article that kept only the lines reports need.
fn local(sources: &SourceMap, l: &crate::diag::Label) -> std::ops::Range<usize> {
    let f = sources.get(l.file);
    f.local(&l.span).unwrap_or_else(|| {
        let end = f.held().len();
        end..end
    })
}

fn to_codespan(sources: &SourceMap, d: &Diagnostic) -> CsDiagnostic<FileId> {
    let severity = match d.severity {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        Severity::Note => CsSeverity::Note,
        Severity::Help => CsSeverity::Help,
    };
    let mut labels = vec![
        CsLabel::primary(d.primary.file, local(sources, &d.primary))
            .with_message(d.primary.message.clone()),
    ];
    labels.extend(
        d.secondary
            .iter()
            .map(|l| CsLabel::secondary(l.file, local(sources, l)).with_message(l.message.clone())),
    );
    let mut notes = d.notes.clone();
    if let Some(h) = &d.help {
        notes.push(format!("help: {h}"));
    }
    CsDiagnostic::new(severity)
        .with_code(d.code)
        .with_message(d.message.clone())
        .with_labels(labels)
        .with_notes(notes)
}

/// Source lines longer than this many bytes are not printed under a diagnostic.
pub const LONG_LINE: usize = 1000;

/// How many characters of a label's span are quoted when its line is too long to print.
pub const EXCERPT: usize = 80;

/// Whether some label of `d` starts or ends on a line longer than [`LONG_LINE`].
fn on_long_line(sources: &SourceMap, d: &Diagnostic) -> bool {
    let long = |file: FileId, byte: usize| {
        let f = sources.get(file);
        f.line_range(f.line_index(byte)).is_some_and(|r| r.len() > LONG_LINE)
    };
    std::iter::once(&d.primary)
        .chain(&d.secondary)
        .any(|l| long(l.file, l.span.start) || long(l.file, l.span.end))
}

/// A label as a note: `FILE:LINE:COL: message: "the first characters of the span…"`.
fn label_note(sources: &SourceMap, l: &crate::diag::Label) -> String {
    let f = sources.get(l.file);
    let name = f.name.as_str();
    let (line, col) = f.line_col(l.span.start);
    let span = f.slice(&l.span).unwrap_or("");
    let mut excerpt: String = span.chars().take(EXCERPT).collect();
    if excerpt.len() < span.len() {
        excerpt.push('…');
    }
    let message = if l.message.is_empty() { String::new() } else { format!(" {}", l.message) };
    format!("{name}:{line}:{col}:{message}: {excerpt:?}")
}

/// Renders one diagnostic; `color` adds ANSI escapes.
pub fn render_diagnostic(sources: &SourceMap, d: &Diagnostic, color: bool) -> String {
    let mut config = Config::default();
    let mut cs = to_codespan(sources, d);
    if on_long_line(sources, d) {
        config.display_style = term::DisplayStyle::Medium;
        let labels = std::iter::once(&d.primary).chain(&d.secondary);
        let mut notes: Vec<String> = labels.map(|l| label_note(sources, l)).collect();
        notes.append(&mut cs.notes);
        cs.notes = notes;
    }
    if color {
        let mut buf = term::termcolor::Buffer::ansi();
        if term::emit_to_write_style(&mut buf, &config, sources, &cs).is_ok() {
            return String::from_utf8_lossy(buf.as_slice()).into_owned();
        }
    }
    let mut out = String::new();
    match term::emit_to_string(&mut out, &config, sources, &cs) {
        Ok(()) => out,
        // A span outside its file is a bug, but the message must still reach the user.
        Err(_) => format!("{}[{}]: {}\n", Severity::name(d.severity), d.code, d.message),
    }
}

/// Renders diagnostics one after the other.
pub fn render_diagnostics(sources: &SourceMap, diags: &[Diagnostic], color: bool) -> String {
    diags.iter().map(|d| render_diagnostic(sources, d, color)).collect()
}
