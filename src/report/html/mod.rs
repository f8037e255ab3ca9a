//! `check --format html`: the report as one self-contained page an editor opens in a browser.
//!
//! The page has a summary (claims per verdict, the exit status, the run's date, factcheck's
//! version, the configuration), the claims as a table (the claim as written, its verdict as a
//! colour *and* a word, the reason, links to the evidence), then every article's text with its
//! line numbers and every fact it states marked (`<mark class="v-contradicted">`, the classes
//! of [`facts::Class`]) with a side note: the fact as a claim line and the claims about it.
//! Claims link to the marks (`#f12`) and the notes back to the claims (`#c3`).
//!
//! Self-contained: inline CSS (with a print stylesheet) and a few lines of inline script that
//! show the filters (only problems; one article at a time). Without script the page is
//! complete and the filters are hidden. Everything the user or an article wrote is escaped
//! (`html_escape::encode_safe`, which is safe in text and in quoted attributes).
//!
//! Written straight to an [`io::Write`] article by article, so a run of thousands of articles
//! needs no more memory than its facts: see [`write`]. The format is documented in
//! docs/report-html.md.

mod article;
pub mod facts;

use std::io::{self, Write};

use crate::check::diagnostics::{claim_explanation, finding};
use crate::check::{ClaimReport, Kind, Policy, Report, Verdict};
use crate::diag::{Diagnostic, Severity};
use crate::lang::display::fact_line;
use crate::lexicon::Lexicon;
use crate::model::{Claim, Fact};
use crate::report::json::level_name;
use crate::source::{FileId, SourceMap};

use facts::{Class, FactTable, Relation};

/// What the report says about the run itself.
#[derive(Debug, Clone)]
pub struct Meta {
    /// factcheck's version.
    pub version: String,
    /// When it ran, as it is to be shown (`2026-12-07 13:45 UTC`).
    pub date: String,
    /// The configuration file, `None` without one.
    pub config: Option<String>,
    /// The exit status of the run (0, 1 or 2).
    pub exit_code: u8,
}

/// The run to report.
pub struct Run<'a> {
    pub report: &'a Report,
    pub sources: &'a SourceMap,
    pub lexicon: &'a Lexicon,
    pub policy: &'a Policy,
    /// Every fact the articles state, in any order (the facts the report names are added).
    pub facts: &'a [Fact],
    /// The articles, in the order they are shown.
    pub articles: &'a [FileId],
    /// The claim files (named in the summary).
    pub claim_files: &'a [FileId],
    /// Other diagnostics: warnings in the claim files, invalid or unused suppressions.
    pub diagnostics: &'a [Diagnostic],
}

/// A writer with the two ways to put text in a page: as markup, or escaped.
pub(crate) struct Html<'w> {
    pub out: &'w mut dyn Write,
}

impl Html<'_> {
    /// Markup, written as it is.
    pub fn raw(&mut self, s: &str) -> io::Result<()> {
        self.out.write_all(s.as_bytes())
    }

    /// Text anyone may have written: escaped for element content and quoted attributes alike.
    pub fn text(&mut self, s: &str) -> io::Result<()> {
        html_escape::encode_safe_to_writer(s, &mut *self.out)
    }
}

/// `desk.claims:9`.
pub(crate) fn claim_place(sources: &SourceMap, claim: &Claim) -> String {
    fact_place(sources, claim.file, claim.span.start)
}

fn fact_place(sources: &SourceMap, file: FileId, byte: usize) -> String {
    let f = sources.get(file);
    format!("{}:{}", f.name, f.line_col(byte).0)
}

const STYLE: &str = include_str!("style.css");
const SCRIPT: &str = include_str!("filter.js");

/// The verdict's word with a symbol, never colour alone.
fn verdict_label(v: Verdict) -> &'static str {
    match v {
        Verdict::Supported => "✓ supported",
        Verdict::Contradicted => "✗ contradicted",
        Verdict::Conflicting => "⚠ conflicting",
        Verdict::NotFound => "? not found",
    }
}

fn exit_meaning(code: u8) -> &'static str {
    match code {
        0 => "nothing is at error level",
        1 => "findings at error level",
        _ => "the run failed: some articles could not be read",
    }
}

/// The report as a page.
pub fn render(run: &Run, meta: &Meta) -> String {
    let mut out = Vec::new();
    // Writing into a Vec cannot fail, and everything written is UTF-8.
    let _ = write(&mut out, run, meta);
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Writes the page into `out`, article by article.
pub fn write(out: &mut dyn Write, run: &Run, meta: &Meta) -> io::Result<()> {
    let facts = FactTable::new(run.facts, run.report);
    let h = &mut Html { out };
    h.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")?;
    h.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")?;
    h.raw("<meta name=\"generator\" content=\"factcheck ")?;
    h.text(&meta.version)?;
    h.raw("\">\n<title>factcheck report</title>\n<style>\n")?;
    h.raw(STYLE)?;
    h.raw(
        "</style>\n</head>\n<body>\n<a class=\"skip\" href=\"#claims\">Skip to the claims</a>\n",
    )?;
    h.raw("<header>\n<h1>factcheck report</h1>\n<p class=\"meta\">")?;
    h.text(&meta.date)?;
    h.raw(" · factcheck ")?;
    h.text(&meta.version)?;
    h.raw(" · ")?;
    match &meta.config {
        Some(c) => {
            h.raw("configuration <code>")?;
            h.text(c)?;
            h.raw("</code>")?;
        }
        None => h.raw("no configuration file")?,
    }
    h.raw("</p>\n</header>\n<main>\n")?;
    write_summary(h, run, meta, &facts)?;
    write_claims(h, run, &facts)?;
    write_diagnostics(h, run)?;
    write_articles(h, run, &facts)?;
    h.raw("</main>\n<footer><p class=\"meta\">Generated by factcheck ")?;
    h.text(&meta.version)?;
    h.raw(".</p></footer>\n<script>\n")?;
    h.raw(SCRIPT)?;
    h.raw("</script>\n</body>\n</html>\n")?;
    h.out.flush()
}

fn write_summary(h: &mut Html, run: &Run, meta: &Meta, facts: &FactTable) -> io::Result<()> {
    let s = &run.report.summary;
    let p = run.policy;
    h.raw("<section id=\"summary\" aria-labelledby=\"summary-h\">\n<h2 id=\"summary-h\">Summary</h2>\n")?;
    writeln!(
        h.out,
        "<p class=\"exit\">Exit status {}: {}.</p>",
        meta.exit_code,
        exit_meaning(meta.exit_code)
    )?;
    h.raw("<table class=\"counts-table\">\n<caption>Claims per verdict, and facts no claim covers</caption>\n")?;
    h.raw("<thead><tr><th scope=\"col\">Verdict</th><th scope=\"col\">Count</th><th scope=\"col\">Reported as</th></tr></thead>\n<tbody>\n")?;
    let rows = [
        ("supported", verdict_label(Verdict::Supported), s.supported, Some(Severity::Note)),
        ("contradicted", verdict_label(Verdict::Contradicted), s.contradicted, p.contradicted),
        ("conflicting", verdict_label(Verdict::Conflicting), s.conflicting, p.conflicting),
        ("not_found", verdict_label(Verdict::NotFound), s.not_found, p.not_found),
        ("unverified", "? unverified facts", s.unverified, p.unverified),
    ];
    for (class, label, n, level) in rows {
        writeln!(
            h.out,
            "<tr><th scope=\"row\"><span class=\"tag v-{class}\">{label}</span></th><td>{n}</td><td>{}</td></tr>",
            level_name(level)
        )?;
    }
    h.raw("</tbody>\n</table>\n<p>")?;
    let claim_files: Vec<String> =
        run.claim_files.iter().map(|&f| run.sources.get(f).name.clone()).collect();
    write!(
        h.out,
        "{} claims from {} claim file{}: ",
        run.report.claims.len(),
        claim_files.len(),
        if claim_files.len() == 1 { "" } else { "s" }
    )?;
    for (i, name) in claim_files.iter().enumerate() {
        h.raw(if i == 0 { "<code>" } else { ", <code>" })?;
        h.text(name)?;
        h.raw("</code>")?;
    }
    writeln!(h.out, ". {} articles, {} facts.</p>", run.articles.len(), facts.entries.len())?;
    h.raw("<p>Levels: ")?;
    for (i, (kind, name)) in [
        (Kind::Contradicted, "contradicted"),
        (Kind::Conflicting, "conflicting"),
        (Kind::NotFound, "not found"),
        (Kind::Unverified, "unverified"),
    ]
    .into_iter()
    .enumerate()
    {
        let level = match kind {
            Kind::Contradicted => p.contradicted,
            Kind::Conflicting => p.conflicting,
            Kind::NotFound => p.not_found,
            Kind::Unverified => p.unverified,
        };
        let sep = if i == 0 { "" } else { ", " };
        write!(h.out, "{sep}{name} {}", level_name(level))?;
    }
    h.raw(".</p>\n</section>\n")
}

fn write_claims(h: &mut Html, run: &Run, facts: &FactTable) -> io::Result<()> {
    h.raw(
        "<section id=\"claims\" aria-labelledby=\"claims-h\">\n<h2 id=\"claims-h\">Claims</h2>\n",
    )?;
    h.raw("<div id=\"filters\" role=\"group\" aria-label=\"Filters\" hidden>\n<label><input type=\"checkbox\" id=\"only-problems\"> Only problems</label>\n")?;
    h.raw("<label>Article <select id=\"one-article\"><option value=\"\">all articles</option></select></label>\n</div>\n")?;
    if run.report.claims.is_empty() {
        return h.raw("<p>No claims.</p>\n</section>\n");
    }
    h.raw("<table class=\"claims\">\n<thead><tr><th scope=\"col\">Claim</th><th scope=\"col\">Verdict</th><th scope=\"col\">Reason</th><th scope=\"col\">Evidence</th></tr></thead>\n<tbody>\n")?;
    for (i, c) in run.report.claims.iter().enumerate() {
        write_claim_row(h, run, facts, i, c)?;
    }
    h.raw("</tbody>\n</table>\n</section>\n")
}

/// Evidence listed in a claim's row before the rest is folded away.
const SHOWN_EVIDENCE: usize = 5;

fn write_claim_row(
    h: &mut Html,
    run: &Run,
    facts: &FactTable,
    i: usize,
    c: &ClaimReport,
) -> io::Result<()> {
    let v = c.verdict.as_str();
    write!(h.out, "<tr id=\"c{}\" class=\"v-{v}\"><th scope=\"row\"><code>", i + 1)?;
    h.text(run.sources.get(c.claim.file).text.get(c.claim.span.clone()).unwrap_or_default())?;
    h.raw("</code><br><small>")?;
    h.text(&claim_place(run.sources, &c.claim))?;
    write!(
        h.out,
        "</small></th><td><span class=\"tag v-{v}\">{}</span></td><td>",
        verdict_label(c.verdict)
    )?;
    let (message, notes) = claim_explanation(c, run.lexicon);
    let f = finding(c);
    write!(h.out, "<small>{} {}</small> ", f.code(), level_name(run.policy.level(f)))?;
    match c.verdict {
        // The message would repeat the claim.
        Verdict::Supported => h.raw("the articles state it")?,
        _ => h.text(&message)?,
    }
    for n in &notes {
        h.raw("<br><small>")?;
        h.text(n)?;
        h.raw("</small>")?;
    }
    h.raw("</td><td>")?;
    let items = c
        .evidence
        .iter()
        .map(|e| {
            let r = if e.supports {
                Relation::Supports
            } else {
                Relation::Contradicts(e.reasons.clone())
            };
            (&e.fact, r)
        })
        .chain(c.near_misses.iter().map(|n| {
            let r = match n.kind {
                crate::check::NearMissKind::Reversed => Relation::Reversed,
                crate::check::NearMissKind::Joint => Relation::Joint,
                crate::check::NearMissKind::Unstated => Relation::Unstated,
            };
            (&n.fact, r)
        }));
    let total = c.evidence.len() + c.near_misses.len();
    if total == 0 {
        h.raw("none")?;
    } else {
        h.raw("<ul class=\"ev\">")?;
    }
    for (k, (fact, relation)) in items.enumerate() {
        if k == SHOWN_EVIDENCE {
            write!(h.out, "</ul><details><summary>{} more</summary><ul class=\"ev\">", total - k)?;
        }
        // Every fact the report names is in the table (FactTable::new adds them).
        let n = facts.find(fact).unwrap_or_default();
        let class = facts.entries.get(n).map_or(Class::Other, |e| e.class);
        write!(h.out, "<li><a class=\"v-{}\" href=\"#f{}\">", class.name(), n + 1)?;
        h.text(&fact_place(run.sources, fact.file, fact.span.start))?;
        h.raw("</a> ")?;
        h.text(&relation.describe())?;
        h.raw(": <code>")?;
        h.text(&fact_line(fact, run.lexicon))?;
        h.raw("</code></li>")?;
    }
    if total > SHOWN_EVIDENCE {
        h.raw("</ul></details>")?;
    } else if total > 0 {
        h.raw("</ul>")?;
    }
    h.raw("</td></tr>\n")
}

fn write_diagnostics(h: &mut Html, run: &Run) -> io::Result<()> {
    if run.diagnostics.is_empty() {
        return Ok(());
    }
    h.raw("<section id=\"diagnostics\" aria-labelledby=\"diagnostics-h\">\n<h2 id=\"diagnostics-h\">Claim files and suppressions</h2>\n<ul>\n")?;
    for d in run.diagnostics {
        let l = d.locate(run.sources);
        write!(
            h.out,
            "<li><span class=\"tag v-{}\">",
            if d.severity == Severity::Error { "contradicted" } else { "not_found" }
        )?;
        write!(h.out, "{}[{}]</span> ", level_name(Some(d.severity)), l.code)?;
        h.text(&format!("{}:{}:{}: {}", l.file, l.line, l.column, l.message))?;
        if let Some(help) = &l.help {
            h.raw(" <small>")?;
            h.text(help)?;
            h.raw("</small>")?;
        }
        h.raw("</li>\n")?;
    }
    h.raw("</ul>\n</section>\n")
}

fn write_articles(h: &mut Html, run: &Run, facts: &FactTable) -> io::Result<()> {
    h.raw("<section id=\"articles\" aria-labelledby=\"articles-h\">\n<h2 id=\"articles-h\">Articles</h2>\n")?;
    h.raw("<p>Every fact an article states is marked: ")?;
    for c in
        [Class::Contradicted, Class::Conflicting, Class::Unverified, Class::Supported, Class::Other]
    {
        write!(h.out, "<mark class=\"v-{}\">{}</mark> ", c.name(), c.label())?;
    }
    h.raw("(about a claim, not what its verdict rests on, or silenced). The note beside each line says what the fact is and links to the claims about it.</p>\n")?;
    let many = run.articles.len() > 20;
    h.raw("<nav aria-label=\"Articles\">")?;
    h.raw(if many { "<details><summary>All articles</summary>" } else { "" })?;
    h.raw("<ol>\n")?;
    for (k, &file) in run.articles.iter().enumerate() {
        let counts = article::class_counts(facts, file);
        let clean = !counts.iter().any(|(c, _)| c.is_problem());
        write!(
            h.out,
            "<li{}><a href=\"#a{}\">",
            if clean { " class=\"clean\"" } else { "" },
            k + 1
        )?;
        h.text(&run.sources.get(file).name)?;
        h.raw("</a> ")?;
        article::write_counts(h, &counts)?;
        h.raw("</li>\n")?;
    }
    h.raw("</ol>")?;
    h.raw(if many { "</details>" } else { "" })?;
    h.raw("</nav>\n")?;
    let ctx =
        article::Context { sources: run.sources, lexicon: run.lexicon, report: run.report, facts };
    for (k, &file) in run.articles.iter().enumerate() {
        article::write(h, &ctx, file, k + 1)?;
    }
    h.raw("</section>\n")
}
