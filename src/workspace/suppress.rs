//! Applying the suppression directives of articles ([`crate::input::suppress`]) to a check:
//! statements on lines silenced for every kind, or for `contradicted` or `conflicting`, are not
//! read (dropped before the check, like a code block: a claim whose only evidence is there is
//! `not_found`, and every claim keeps its verdict); unverified facts on lines silenced for
//! `unverified` are dropped from the report; directives that silenced nothing are reported
//! (FC210).

use std::collections::HashMap;

use crate::check::{Kind, Report};
use crate::diag::Diagnostic;
use crate::input::Format;
use crate::input::suppress::Suppressions;
use crate::model::Fact;
use crate::source::{FileId, SourceFile, SourceMap};

/// The outcome of [`Silencer::apply`].
#[derive(Debug, Default)]
pub struct Applied {
    /// Invalid directives (FC211, errors) and unused ones (FC210, warnings), in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// How many findings were silenced.
    pub silenced: usize,
}

/// The suppressions of a run's articles, read once: first [`Silencer::unread`] drops the
/// statements on lines that are not read, then [`Silencer::apply`] silences unverified facts.
#[derive(Debug, Default)]
pub struct Silencer {
    by_file: HashMap<FileId, Suppressions>,
    applied: Applied,
}

impl Silencer {
    /// Reads the suppressions of `articles`; invalid directives are FC211 errors.
    pub fn read(sources: &SourceMap, articles: &[(FileId, Format)]) -> Silencer {
        let mut silencer = Silencer::default();
        for &(id, format) in articles {
            if let Some((s, d)) = read_one(id, sources.get(id), format) {
                silencer.add(id, s, d);
            }
        }
        silencer
    }

    /// Adds the suppressions of one article (from [`read_one`]), after those added before.
    pub fn add(&mut self, id: FileId, suppressions: Suppressions, invalid: Vec<Diagnostic>) {
        self.applied.diagnostics.extend(invalid);
        if !suppressions.directives().is_empty() {
            self.by_file.insert(id, suppressions);
        }
    }

    /// Drops the facts on lines silenced for every kind, or for `contradicted` or
    /// `conflicting`: that text is not read, like a code block, so it neither supports nor
    /// contradicts any claim (a claim whose only evidence is there is not found, and still
    /// reported). Each dropped fact counts as a silenced finding.
    pub fn unread(&mut self, sources: &SourceMap, facts: &mut Vec<Fact>) {
        if self.by_file.is_empty() {
            return;
        }
        let mut dropped = 0;
        facts.retain(|f| {
            let Some(s) = self.by_file.get_mut(&f.file) else { return true };
            let source = sources.get(f.file);
            let contradicted = s.suppresses(source, &f.span, Kind::Contradicted);
            let conflicting = s.suppresses(source, &f.span, Kind::Conflicting);
            dropped += usize::from(contradicted || conflicting);
            !(contradicted || conflicting)
        });
        self.applied.silenced += dropped;
    }

    /// Drops the unverified facts on lines silenced for `unverified` from `report`, and adds
    /// the directives that silenced nothing (FC210). Claims are never dropped: every claim
    /// keeps its verdict. Suppressions apply before severities, so a directive that silences a
    /// finding of a kind that is `off` still counts as used.
    pub fn apply(mut self, report: &mut Report, sources: &SourceMap) -> Applied {
        if self.by_file.is_empty() {
            return self.applied;
        }
        let mut keep_facts = Vec::with_capacity(report.unverified.len());
        for f in &report.unverified {
            let hit = self
                .by_file
                .get_mut(&f.file)
                .is_some_and(|s| s.suppresses(sources.get(f.file), &f.span, Kind::Unverified));
            self.applied.silenced += usize::from(hit);
            keep_facts.push(!hit);
        }
        report.retain(|_, _| true, |j, _| keep_facts.get(j).copied().unwrap_or(true));
        let mut files: Vec<_> = self.by_file.into_iter().collect();
        files.sort_by_key(|(id, _)| *id);
        for (_, s) in files {
            self.applied.diagnostics.extend(s.unused());
        }
        self.applied
    }
}

/// The suppressions of one article (the file `id`, with its whole text) and its invalid
/// directives (FC211); `None` when it names no directive.
pub fn read_one(
    id: FileId,
    source: &SourceFile,
    format: Format,
) -> Option<(Suppressions, Vec<Diagnostic>)> {
    memchr::memmem::find(source.text.as_bytes(), b"factcheck-")?;
    let html = match format {
        Format::Markdown => {
            let mut scratch = source.text.as_bytes().to_vec();
            crate::input::markdown::mask(&source.text, &mut scratch).html
        }
        Format::Text => Vec::new(),
    };
    Some(Suppressions::parse(id, source, format, &html))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::suppress::FC210;
    use crate::model::Span;

    fn fact(file: FileId, span: Span) -> Fact {
        Fact::bare(file, span)
    }

    #[test]
    fn silenced_lines_are_not_read_and_claims_are_never_dropped() {
        let md = "<!-- factcheck-ignore-next-line -->\nA 1.\n\nB 2.\n\n<!-- factcheck-disable contradicted -->\nC 3.\n\n<!-- factcheck-ignore-next-line -->\nD 4.\n";
        let txt = "E 5.\nfactcheck-disable unverified\nF 6.\n";
        let mut sources = SourceMap::new();
        let a = sources.add("a.md", md);
        let t = sources.add("b.txt", txt);
        let at = |src: &str, n: &str| {
            let i = src.find(n).unwrap();
            i..i + n.len()
        };
        let articles = [(a, Format::Markdown), (t, Format::Text)];
        let mut silencer = Silencer::read(&sources, &articles);
        // A (every kind) and C (contradicted) are not read; B, E and F are.
        let mut facts = vec![
            fact(a, at(md, "A 1.")),
            fact(a, at(md, "B 2.")),
            fact(a, at(md, "C 3.")),
            fact(t, at(txt, "E 5.")),
            fact(t, at(txt, "F 6.")),
        ];
        silencer.unread(&sources, &mut facts);
        let text = |f: &Fact| sources.get(f.file).text[f.span.clone()].to_string();
        assert_eq!(facts.iter().map(text).collect::<Vec<_>>(), ["B 2.", "E 5.", "F 6."]);
        // F is read, but not reported as unverified.
        let mut report = Report { unverified: facts, ..Report::default() };
        let applied = silencer.apply(&mut report, &sources);
        assert_eq!(report.unverified.iter().map(text).collect::<Vec<_>>(), ["B 2.", "E 5."]);
        assert_eq!(report.summary.unverified, 2);
        assert_eq!(applied.silenced, 3);
        // The second ignore-next-line (above D) silenced nothing.
        assert_eq!(applied.diagnostics.len(), 1);
        assert_eq!(applied.diagnostics[0].code, FC210);
        assert_eq!(applied.diagnostics[0].primary.file, a);
        assert_eq!(
            md.find("<!-- factcheck-ignore-next-line -->\nD"),
            Some(applied.diagnostics[0].primary.span.start)
        );
    }
}
