//! Human output: rustc-style diagnostics through codespan-reporting.

use codespan_reporting::diagnostic::{
    Diagnostic as CsDiagnostic, Label as CsLabel, Severity as CsSeverity,
};
use codespan_reporting::term::{self, Config};

use crate::diag::{Diagnostic, Severity};
use crate::source::{FileId, SourceMap};

fn to_codespan(d: &Diagnostic) -> CsDiagnostic<FileId> {
    let severity = match d.severity {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        Severity::Note => CsSeverity::Note,
        Severity::Help => CsSeverity::Help,
    };
    let mut labels = vec![
        CsLabel::primary(d.primary.file, d.primary.span.clone())
            .with_message(d.primary.message.clone()),
    ];
    labels.extend(
        d.secondary
            .iter()
            .map(|l| CsLabel::secondary(l.file, l.span.clone()).with_message(l.message.clone())),
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

/// Renders one diagnostic; `color` adds ANSI escapes.
pub fn render_diagnostic(sources: &SourceMap, d: &Diagnostic, color: bool) -> String {
    let config = Config::default();
    let cs = to_codespan(d);
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
        Err(_) => format!("{}[{}]: {}\n", severity_word(d.severity), d.code, d.message),
    }
}

fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
        Severity::Help => "help",
    }
}

/// Renders diagnostics one after the other.
pub fn render_diagnostics(sources: &SourceMap, diags: &[Diagnostic], color: bool) -> String {
    diags.iter().map(|d| render_diagnostic(sources, d, color)).collect()
}
