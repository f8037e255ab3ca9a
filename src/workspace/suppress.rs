//! Applying the suppression directives of articles ([`crate::input::suppress`]) to a check
//! report: findings on silenced lines are dropped, and directives that silenced nothing are
//! reported (FC210).

use std::collections::HashMap;

use crate::check::{Kind, Report, Verdict};
use crate::diag::Diagnostic;
use crate::input::Format;
use crate::input::suppress::Suppressions;
use crate::model::Fact;
use crate::source::{FileId, SourceMap};

/// The outcome of [`apply`].
#[derive(Debug, Default)]
pub struct Applied {
    /// Invalid directives (FC211, errors) and unused ones (FC210, warnings), in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// How many findings were silenced.
    pub silenced: usize,
}

/// Reads the suppressions of `articles` and drops the findings they silence from `report`:
/// unverified facts on a silenced line, and contradicted or conflicting claims whose every
/// contradicting fact is on a line silenced for that kind. Claims not found are in claim files
/// and are never silenced here. Suppressions apply before severities, so a directive that
/// silences a finding of a kind that is `off` still counts as used.
pub fn apply(report: &mut Report, sources: &SourceMap, articles: &[(FileId, Format)]) -> Applied {
    let mut applied = Applied::default();
    let mut by_file: HashMap<FileId, Suppressions> = HashMap::new();
    for &(id, format) in articles {
        let source = sources.get(id);
        if memchr::memmem::find(source.text.as_bytes(), b"factcheck-").is_none() {
            continue;
        }
        let html = match format {
            Format::Markdown => {
                let mut scratch = source.text.as_bytes().to_vec();
                crate::input::markdown::mask(&source.text, &mut scratch).html
            }
            Format::Text => Vec::new(),
        };
        let (s, d) = Suppressions::parse(id, source, format, &html);
        applied.diagnostics.extend(d);
        if !s.directives().is_empty() {
            by_file.insert(id, s);
        }
    }
    if by_file.is_empty() {
        return applied;
    }
    let mut silenced = 0;
    let mut keep_claims = Vec::with_capacity(report.claims.len());
    for c in &report.claims {
        let kind = match c.verdict {
            Verdict::Contradicted => Kind::Contradicted,
            Verdict::Conflicting => Kind::Conflicting,
            Verdict::Supported | Verdict::NotFound => {
                keep_claims.push(true);
                continue;
            }
        };
        let against: Vec<&Fact> =
            c.evidence.iter().filter(|e| !e.supports).map(|e| &e.fact).collect();
        let all = !against.is_empty()
            && against.iter().all(|f| {
                by_file
                    .get(&f.file)
                    .is_some_and(|s| !s.matching(sources.get(f.file), &f.span, kind).is_empty())
            });
        if all {
            for f in against {
                if let Some(s) = by_file.get_mut(&f.file) {
                    s.suppresses(sources.get(f.file), &f.span, kind);
                }
            }
            silenced += 1;
        }
        keep_claims.push(!all);
    }
    let mut keep_facts = Vec::with_capacity(report.unverified.len());
    for f in &report.unverified {
        let hit = by_file
            .get_mut(&f.file)
            .is_some_and(|s| s.suppresses(sources.get(f.file), &f.span, Kind::Unverified));
        silenced += usize::from(hit);
        keep_facts.push(!hit);
    }
    report.retain(
        |i, _| keep_claims.get(i).copied().unwrap_or(true),
        |j, _| keep_facts.get(j).copied().unwrap_or(true),
    );
    let mut files: Vec<_> = by_file.into_iter().collect();
    files.sort_by_key(|(id, _)| *id);
    for (_, s) in files {
        applied.diagnostics.extend(s.unused());
    }
    applied.silenced = silenced;
    applied
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::ClaimReport;
    use crate::input::suppress::FC210;
    use crate::model::Span;

    fn fact(file: FileId, span: Span) -> Fact {
        Fact::bare(file, span)
    }

    fn claim_report(claim_file: FileId, verdict: Verdict, against: Vec<Fact>) -> ClaimReport {
        use crate::check::{ActorMatch, Evidence};
        use crate::model::{Actors, Claim};
        ClaimReport {
            claim: Claim {
                file: claim_file,
                span: 0..1,
                subject: Actors::Any,
                subject_span: 0..1,
                negated: false,
                predicate: crate::model::PredicateId(0),
                predicate_span: 0..1,
                quantity: None,
                quantity_span: None,
                object: Actors::Any,
                object_span: None,
                date: None,
                date_span: None,
            },
            verdict,
            reasons: vec![],
            evidence: against
                .into_iter()
                .map(|fact| Evidence {
                    fact,
                    supports: false,
                    reasons: vec![],
                    subject: ActorMatch::Same,
                    object: ActorMatch::Same,
                })
                .collect(),
            near_misses: vec![],
            notes: vec![],
        }
    }

    #[test]
    fn apply_drops_silenced_findings_from_the_report() {
        let md = "<!-- factcheck-ignore-next-line -->\nA 1.\n\nB 2.\n\n<!-- factcheck-disable contradicted -->\nC 3.\n\n<!-- factcheck-ignore-next-line -->\nD 4.\n";
        let txt = "E 5.\nfactcheck-disable\nF 6.\n";
        let mut sources = SourceMap::new();
        let claims = sources.add("desk.claims", "x");
        let a = sources.add("a.md", md);
        let t = sources.add("b.txt", txt);
        let at = |src: &str, n: &str| {
            let i = src.find(n).unwrap();
            i..i + n.len()
        };
        let mut report = Report {
            claims: vec![
                // Contradicted only by C (silenced): dropped.
                claim_report(claims, Verdict::Contradicted, vec![fact(a, at(md, "C 3."))]),
                // Contradicted by C and E (E not silenced): kept.
                claim_report(
                    claims,
                    Verdict::Contradicted,
                    vec![fact(a, at(md, "C 3.")), fact(t, at(txt, "E 5."))],
                ),
                claim_report(claims, Verdict::NotFound, vec![]),
            ],
            unverified: vec![
                fact(a, at(md, "A 1.")),
                fact(a, at(md, "B 2.")),
                fact(a, at(md, "C 3.")),
                fact(t, at(txt, "F 6.")),
            ],
            summary: crate::check::Summary::default(),
        };
        let applied = apply(&mut report, &sources, &[(a, Format::Markdown), (t, Format::Text)]);
        assert_eq!(applied.silenced, 3);
        assert_eq!(report.claims.len(), 2);
        assert_eq!(report.summary.contradicted, 1);
        assert_eq!(report.summary.not_found, 1);
        let left: Vec<&str> =
            report.unverified.iter().map(|f| &sources.get(f.file).text[f.span.clone()]).collect();
        assert_eq!(left, ["B 2.", "C 3."]);
        assert_eq!(report.summary.unverified, 2);
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
