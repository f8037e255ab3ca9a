//! Code actions (quick fixes) on a range of a document:
//! - on an unverified fact in a draft: add its claim line at the end of the desk's claim file
//!   (the first claim file whose scope applies to the draft);
//! - on a contradicted claim, or the article words that contradict it: replace the claim's
//!   count or date by the article's;
//! - on a finding in a draft: insert a suppression above its line
//!   (`<!-- factcheck-ignore-next-line KIND -->` in Markdown, the bare directive in text files,
//!   see [`crate::input::suppress`]).

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use lsp_types::{CodeAction, CodeActionKind, CodeActionOrCommand, TextEdit, WorkspaceEdit};

use crate::check::diagnostics::statement;
use crate::check::{Finding, Kind, Reason, Verdict};
use crate::input::Format;
use crate::lang::display::fact_line;
use crate::source::FileId;

use super::position::Encoding;
use super::state::{Analysis, FileKind};

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start <= b.end && b.start <= a.end
}

fn kind_name(k: Kind) -> &'static str {
    match k {
        Kind::Contradicted => "contradicted",
        Kind::Conflicting => "conflicting",
        Kind::NotFound => "not_found",
        Kind::Unverified => "unverified",
    }
}

struct Builder<'a> {
    analysis: &'a Analysis,
    enc: Encoding,
    out: Vec<CodeActionOrCommand>,
}

impl Builder<'_> {
    /// An action replacing `span` of `file` (as analysed) by `text`.
    fn push(
        &mut self,
        title: String,
        file: FileId,
        span: Range<usize>,
        text: String,
        preferred: bool,
    ) {
        let (Some(checked), Some(info)) = (&self.analysis.checked, self.analysis.files.get(&file))
        else {
            return;
        };
        let source = &checked.sources.get(file).text;
        let range = info.lines.range(source, &span, self.enc);
        let changes = HashMap::from([(info.uri.clone(), vec![TextEdit { range, new_text: text }])]);
        self.out.push(CodeActionOrCommand::CodeAction(CodeAction {
            title,
            kind: Some(CodeActionKind::QUICKFIX),
            edit: Some(WorkspaceEdit { changes: Some(changes), ..Default::default() }),
            is_preferred: Some(preferred),
            ..Default::default()
        }));
    }
}

/// The quick fixes for `span` of the document `file`.
pub fn actions(
    analysis: &Analysis,
    file: FileId,
    span: Range<usize>,
    enc: Encoding,
) -> Vec<CodeActionOrCommand> {
    let mut b = Builder { analysis, enc, out: Vec::new() };
    let Some(checked) = &analysis.checked else { return b.out };
    let Some(report) = &checked.report else { return b.out };
    let sources = &checked.sources;
    let name = |id: FileId| {
        checked.paths.get(&id).cloned().unwrap_or_else(|| sources.get(id).name.clone())
    };
    let is_article = analysis.files.get(&file).is_some_and(|f| f.kind == FileKind::Article);

    // Add a claim for an unverified fact.
    if is_article {
        let rel = checked.paths.get(&file).cloned().unwrap_or_default();
        let mut claim_files: Vec<FileId> = analysis
            .files
            .iter()
            .filter(|(id, f)| f.kind == FileKind::Claims && checked.scopes.applies(**id, &rel))
            .map(|(id, _)| *id)
            .collect();
        claim_files.sort();
        if let Some(&target) = claim_files.first() {
            let text = &sources.get(target).text;
            for fact in report.unverified.iter().filter(|f| f.file == file) {
                if !overlaps(&statement(fact), &span) {
                    continue;
                }
                let line = fact_line(fact, &checked.lexicon);
                let sep = if text.is_empty() || text.ends_with('\n') { "" } else { "\n" };
                let title = format!("Add the claim `{line}` to {}", name(target));
                b.push(title, target, text.len()..text.len(), format!("{sep}{line}\n"), true);
            }
        }
    }

    // Replace a contradicted claim's count or date by the article's.
    for c in report.claims.iter().filter(|c| c.verdict == Verdict::Contradicted) {
        let on_claim = c.claim.file == file && overlaps(&c.claim.span, &span);
        for e in c.evidence.iter().filter(|e| !e.supports) {
            let on_fact = e.fact.file == file && overlaps(&statement(&e.fact), &span);
            if !on_claim && !on_fact {
                continue;
            }
            let fix = match e.reasons.first() {
                Some(Reason::Count) => {
                    c.claim.quantity_span.clone().zip(e.fact.quantity.map(|q| q.to_string()))
                }
                Some(Reason::Date) => {
                    c.claim.date_span.clone().zip(e.fact.date.map(|d| d.to_string()))
                }
                _ => None,
            };
            let Some((at, new)) = fix else { continue };
            let old = sources.get(c.claim.file).text.get(at.clone()).unwrap_or_default();
            let what = if e.reasons.first() == Some(&Reason::Count) { "count" } else { "date" };
            let title = format!("Replace the claim's {what} {old} by the article's {new}");
            b.push(title, c.claim.file, at, new, false);
            break;
        }
    }

    // Suppress a finding on a draft line.
    if is_article {
        let format = Format::from_path(Path::new(&sources.get(file).name));
        let text = &sources.get(file).text;
        let mut done: Vec<(usize, &str)> = Vec::new();
        for d in checked.diagnostics.iter().filter(|d| d.primary.file == file) {
            let Some(kind) = Finding::from_code(d.code).and_then(Finding::kind) else { continue };
            if !overlaps(&d.primary.span, &span) {
                continue;
            }
            let start =
                text.get(..d.primary.span.start).and_then(|t| t.rfind('\n')).map_or(0, |i| i + 1);
            let kind = kind_name(kind);
            if done.contains(&(start, kind)) {
                continue;
            }
            done.push((start, kind));
            let directive = format!("factcheck-ignore-next-line {kind}");
            let line = match format {
                Format::Markdown => format!("<!-- {directive} -->\n"),
                _ => format!("{directive}\n"),
            };
            let title = format!("Suppress `{kind}` on this line ({})", d.code);
            b.push(title, file, start..start, line, false);
        }
    }
    b.out
}
