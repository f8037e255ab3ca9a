//! Hovers (Markdown): on a claim, its verdict and the evidence sentences; on a fact in a draft,
//! the fact as a claim line and the claims about it; on a code (`FC101`) or a diagnostic, the
//! code's documentation ([`crate::codes`]).

use std::fmt::Write as _;

use crate::check::diagnostics::statement;
use crate::check::{ClaimReport, Verdict};
use crate::codes;
use crate::lang::display::{claim_line, fact_line};
use crate::model::Fact;
use crate::pipeline::Checked;
use crate::source::FileId;

use super::state::Analysis;

/// The code (`FC101`) the offset is on, in `text`.
fn code_at(text: &str, offset: usize) -> Option<&str> {
    let bytes = text.as_bytes();
    let mut start = offset.min(bytes.len());
    while start > 0 && bytes.get(start - 1).is_some_and(u8::is_ascii_alphanumeric) {
        start -= 1;
    }
    let mut end = offset.min(bytes.len());
    while bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
        end += 1;
    }
    let word = text.get(start..end)?;
    let digits = word.strip_prefix("FC")?;
    (digits.len() == 3 && digits.bytes().all(|b| b.is_ascii_digit())).then_some(word)
}

/// An article line quoted: `drafts/a.md:3: "the sentence"`.
fn quote(checked: &Checked, fact: &Fact) -> String {
    let f = checked.sources.get(fact.file);
    let (line, _) = f.line_col(fact.span.start);
    let text = f.text.get(fact.span.clone()).unwrap_or_default();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let name = checked.paths.get(&fact.file).unwrap_or(&f.name);
    format!("{name}:{line}: “{text}”")
}

fn verdict_text(c: &ClaimReport) -> &'static str {
    match c.verdict {
        Verdict::Supported => "supported",
        Verdict::Contradicted => "contradicted",
        Verdict::Conflicting => "conflicting",
        Verdict::NotFound => "not found",
    }
}

fn claim_hover(checked: &Checked, c: &ClaimReport) -> String {
    let mut out =
        format!("**{}**: `{}`\n", verdict_text(c), claim_line(&c.claim, &checked.lexicon));
    for e in &c.evidence {
        let how = if e.supports { "supports it" } else { "contradicts it" };
        let _ = write!(out, "\n- {how}: {}", quote(checked, &e.fact));
    }
    for n in &c.near_misses {
        let _ = write!(out, "\n- near miss ({:?}): {}", n.kind, quote(checked, &n.fact));
    }
    for n in &c.notes {
        let _ = write!(out, "\n- note: {}", n.message());
    }
    out
}

fn fact_hover(checked: &Checked, file: FileId, offset: usize) -> Option<String> {
    let report = checked.report.as_ref()?;
    let on = |f: &Fact| f.file == file && statement(f).contains(&offset);
    let mut fact: Option<&Fact> = None;
    let mut about = Vec::new();
    for c in &report.claims {
        for e in c.evidence.iter().filter(|e| on(&e.fact)) {
            fact.get_or_insert(&e.fact);
            let how = if e.supports { "supports" } else { "contradicts" };
            about.push(format!("- {how} `{}` ({})", claim_line(&c.claim, &checked.lexicon), {
                let f = checked.sources.get(c.claim.file);
                let name = checked.paths.get(&c.claim.file).unwrap_or(&f.name);
                format!("{name}:{}", f.line_col(c.claim.span.start).0)
            }));
        }
    }
    let unverified = report.unverified.iter().find(|f| on(f));
    // A fact no claim speaks of that is not reported either (suppressed, in the baseline).
    let fact = fact.or(unverified).or_else(|| checked.facts.iter().find(|f| on(f)))?;
    let mut out = format!("`{}`\n", fact_line(fact, &checked.lexicon));
    if about.is_empty() && unverified.is_some() {
        out.push_str("\nNo claim covers it (unverified).");
    } else if about.is_empty() {
        out.push_str("\nNo claim covers it (its finding is silenced).");
    } else {
        out.push_str("\nClaims about it:\n");
        out.push_str(&about.join("\n"));
    }
    Some(out)
}

/// The hover at `offset` of the document `file` (whose text is `text`).
pub fn hover(
    analysis: &Analysis,
    file: Option<FileId>,
    text: &str,
    offset: usize,
) -> Option<String> {
    if let Some(doc) = code_at(text, offset).and_then(codes::get) {
        return Some(doc.render());
    }
    let checked = analysis.checked.as_ref()?;
    let file = file?;
    let mut parts = Vec::new();
    if let Some(report) = &checked.report {
        let claim =
            report.claims.iter().find(|c| c.claim.file == file && c.claim.span.contains(&offset));
        if let Some(c) = claim {
            parts.push(claim_hover(checked, c));
        }
    }
    if parts.is_empty() {
        parts.extend(fact_hover(checked, file, offset));
    }
    let diags = checked.load_diagnostics.iter().chain(&checked.article_diagnostics);
    let mut codes_seen = Vec::new();
    for d in diags.chain(&checked.diagnostics) {
        let here = d.primary.file == file
            && (d.primary.span.contains(&offset) || d.primary.span.start == offset);
        if here && !codes_seen.contains(&d.code) {
            codes_seen.push(d.code);
            if let Some(doc) = codes::get(d.code) {
                parts.push(format!("**{} {}**: {}", doc.code, doc.name, doc.summary()));
            }
        }
    }
    (!parts.is_empty()).then(|| parts.join("\n\n---\n\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_under_the_cursor() {
        let t = "<!-- see FC120 here -->";
        let at = t.find("FC120").unwrap_or(0);
        assert_eq!(code_at(t, at + 2), Some("FC120"));
        assert_eq!(code_at(t, at + 5), Some("FC120"));
        assert_eq!(code_at(t, 0), None);
        assert_eq!(code_at("FC1", 1), None);
    }
}
