//! factcheck diagnostics as LSP diagnostics, by document.
//!
//! A diagnostic is published on the document of its primary label, with its code, its help and
//! notes in the message, and its secondary labels as related information. A check finding
//! whose primary label is in an article (a contradicted or conflicting claim) is published on
//! the claim's line too, so that the claim file shows it as well; supported claims (FC100
//! notes) are not published (hovering a claim shows its verdict).

use std::collections::HashMap;

use lsp_types::{DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Url};

use crate::diag::{Diagnostic, Label, Severity};
use crate::source::SourceMap;

use super::position::{Encoding, Lines};
use super::state::{Analysis, FileKind};

fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Note => DiagnosticSeverity::INFORMATION,
        Severity::Help => DiagnosticSeverity::HINT,
    }
}

/// Where a label is, when it is in a file of the editor.
fn location(
    analysis: &Analysis,
    sources: &SourceMap,
    l: &Label,
    enc: Encoding,
) -> Option<Location> {
    let f = analysis.files.get(&l.file)?;
    let text = &sources.get(l.file).text;
    Some(Location { uri: f.uri.clone(), range: f.lines.range(text, &l.span, enc) })
}

fn message(d: &Diagnostic) -> String {
    let mut m = d.message.clone();
    if !d.primary.message.is_empty() && !m.contains(&d.primary.message) {
        m.push_str(&format!(" ({})", d.primary.message));
    }
    for n in &d.notes {
        m.push_str("\nnote: ");
        m.push_str(n);
    }
    if let Some(h) = &d.help {
        m.push_str("\nhelp: ");
        m.push_str(h);
    }
    m
}

fn lsp(
    d: &Diagnostic,
    at: &Label,
    analysis: &Analysis,
    sources: &SourceMap,
    enc: Encoding,
) -> Option<(Url, lsp_types::Diagnostic)> {
    let loc = location(analysis, sources, at, enc)?;
    let related: Vec<DiagnosticRelatedInformation> = std::iter::once(&d.primary)
        .chain(&d.secondary)
        .filter(|l| !std::ptr::eq(*l, at))
        .filter_map(|l| {
            let location = location(analysis, sources, l, enc)?;
            let message = if l.message.is_empty() { d.message.clone() } else { l.message.clone() };
            Some(DiagnosticRelatedInformation { location, message })
        })
        .collect();
    let diag = lsp_types::Diagnostic {
        range: loc.range,
        severity: Some(severity(d.severity)),
        code: Some(NumberOrString::String(d.code.to_string())),
        source: Some("factcheck".into()),
        message: message(d),
        related_information: (!related.is_empty()).then_some(related),
        ..Default::default()
    };
    Some((loc.uri, diag))
}

/// Every diagnostic of an analysis, by document.
pub fn diagnostics(analysis: &Analysis, enc: Encoding) -> HashMap<Url, Vec<lsp_types::Diagnostic>> {
    let mut out: HashMap<Url, Vec<lsp_types::Diagnostic>> = HashMap::new();
    if let Some((sources, diags)) = &analysis.config {
        for d in diags {
            let f = sources.get(d.primary.file);
            let Ok(uri) = Url::from_file_path(&f.name) else { continue };
            let lines = Lines::new(&f.text);
            let diag = lsp_types::Diagnostic {
                range: lines.range(&f.text, &d.primary.span, enc),
                severity: Some(severity(d.severity)),
                code: Some(NumberOrString::String(d.code.to_string())),
                source: Some("factcheck".into()),
                message: message(d),
                ..Default::default()
            };
            out.entry(uri).or_default().push(diag);
        }
    }
    let Some(checked) = &analysis.checked else { return out };
    let sources = &checked.sources;
    let all = checked
        .load_diagnostics
        .iter()
        .chain(&checked.article_diagnostics)
        .chain(checked.diagnostics.iter().filter(|d| d.severity != Severity::Note));
    for d in all {
        if let Some((uri, diag)) = lsp(d, &d.primary, analysis, sources, enc) {
            out.entry(uri).or_default().push(diag);
        }
        let in_claims =
            |l: &Label| analysis.files.get(&l.file).is_some_and(|f| f.kind == FileKind::Claims);
        let finding = d.code.starts_with("FC1");
        if finding
            && !in_claims(&d.primary)
            && let Some(claim) = d.secondary.iter().rev().find(|l| in_claims(l))
            && let Some((uri, diag)) = lsp(d, claim, analysis, sources, enc)
        {
            out.entry(uri).or_default().push(diag);
        }
    }
    out
}
