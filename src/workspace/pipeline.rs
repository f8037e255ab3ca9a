//! One check run from files already read to diagnostics, shared by `factcheck check` and the
//! language server (`factcheck server`): the claim and rule files are loaded, the articles'
//! facts extracted (in parallel), the claims checked within their scopes, the articles'
//! suppressions and a baseline applied, and the findings turned into diagnostics at the
//! policy's levels, each check finding with its baseline fingerprint. No I/O, no printing: the
//! callers read the files (from disk, or an editor's unsaved buffers) and render the result.

use std::collections::HashMap;

use crate::check::{self, Policy, Report};
use crate::diag::{Diagnostic, Severity};
use crate::extract::Extractor;
use crate::input::Format;
use crate::lexicon::Lexicon;
use crate::model::{Claim, PartialDate};
use crate::source::{FileId, SourceMap};
use crate::workspace::baseline::Baseline;
use crate::workspace::cache::{self, Cache};
use crate::workspace::discover;

/// A file's name (as given) and text.
#[derive(Debug, Clone)]
pub struct Named {
    pub name: String,
    pub text: String,
    /// Its path relative to the configuration's root (without a configuration, the working
    /// directory), `/`-separated, for scopes and baselines; `None`: the name.
    pub rel: Option<String>,
}

/// One article to check.
#[derive(Debug, Clone)]
pub struct ArticleInput {
    pub name: String,
    pub text: String,
    pub format: Format,
    /// Its own date (from a JSON Lines object); `--date` overrides it, and it overrides the
    /// dateline.
    pub date: Option<PartialDate>,
    /// Its path relative to the configuration's root (see [`Named::rel`]).
    pub rel: Option<String>,
}

/// Everything a check needs, read from the arguments (and later a configuration).
#[derive(Debug, Clone, Default)]
pub struct CheckInputs {
    pub rule_files: Vec<Named>,
    pub shipped_rules: bool,
    pub claim_files: Vec<Named>,
    pub articles: Vec<ArticleInput>,
    /// `--date`: the date of every article.
    pub date: Option<PartialDate>,
    pub policy: Policy,
    /// `--strict` or `strict = true`.
    pub options: check::Options,
    /// `--baseline`: findings it records are dropped.
    pub baseline: Option<Baseline>,
    /// `--write-baseline`: compute [`Checked::baseline`].
    pub write_baseline: bool,
}

/// What a check computed.
#[derive(Debug)]
pub struct Checked {
    pub sources: SourceMap,
    pub lexicon: Lexicon,
    /// Errors and warnings of the claim and rule files.
    pub load_diagnostics: Vec<Diagnostic>,
    /// Claims left unchecked because their line has an error.
    pub skipped: usize,
    /// A verdict for every claim without an error (claim lines with errors are skipped, see
    /// [`Checked::skipped`]); always set by [`run_check_with`].
    pub report: Option<Report>,
    /// The findings, at the policy's levels.
    pub diagnostics: Vec<Diagnostic>,
    /// Every fact the articles state.
    pub facts: Vec<crate::model::Fact>,
    /// The claim files and the articles, in the order read.
    pub claim_files: Vec<FileId>,
    pub articles: Vec<FileId>,
    /// The levels the findings were reported at.
    pub policy: Policy,
    /// Invalid (FC211) and unused (FC210) suppressions in the articles.
    pub article_diagnostics: Vec<Diagnostic>,
    /// Findings dropped by suppressions, and by the baseline.
    pub silenced: usize,
    pub baselined: usize,
    /// The findings as a baseline, when `write_baseline` was asked.
    pub baseline: Option<Baseline>,
    /// The claim files' `articles` scopes.
    pub scopes: discover::Scopes,
    /// The root-relative path of each claim file and article.
    pub paths: HashMap<FileId, String>,
}

/// Loads the claims, extracts the articles' facts (in parallel) and checks them.
pub fn run_check(inputs: CheckInputs) -> Checked {
    run_check_with(inputs, &|| {})
}

/// [`run_check`], calling `tick` after each article is read (for a progress bar).
pub fn run_check_with(inputs: CheckInputs, tick: &(dyn Fn() + Sync)) -> Checked {
    run_check_cached(inputs, tick, None)
}

/// [`run_check_with`], reusing with `cache` the extractor and the facts of unchanged articles
/// of the last run (and keeping this run's for the next).
pub fn run_check_cached(
    inputs: CheckInputs,
    tick: &(dyn Fn() + Sync),
    cache: Option<&mut Cache>,
) -> Checked {
    let mut sources = SourceMap::new();
    // Root-relative paths of claim files and articles, for scopes and baselines.
    let mut rel: HashMap<FileId, String> = HashMap::new();
    let mut add = |sources: &mut SourceMap, name: String, text: String, r: Option<String>| {
        let r = r.unwrap_or_else(|| name.strip_prefix("./").unwrap_or(&name).to_string());
        let id = sources.add(name, text);
        rel.insert(id, r);
        id
    };
    let mut files: Vec<FileId> =
        inputs.rule_files.iter().map(|f| sources.add(&f.name, f.text.as_str())).collect();
    let mut claim_files = Vec::new();
    for f in inputs.claim_files {
        claim_files.push(add(&mut sources, f.name, f.text, f.rel));
    }
    files.extend(&claim_files);
    let mut loaded = crate::lint::load(&mut sources, &files, inputs.shipped_rules);
    let (scopes, scope_diagnostics) = discover::Scopes::new(&loaded.scopes);
    loaded.diagnostics.extend(scope_diagnostics);
    // Claim lines with errors are reported and skipped; every other claim is checked.
    let (claims, erroneous): (Vec<Claim>, Vec<Claim>) =
        loaded.claims.into_iter().partition(|c| !has_error(&loaded.diagnostics, c));
    let mut checked = Checked {
        skipped: erroneous.len(),
        sources: SourceMap::new(),
        lexicon: loaded.lexicon,
        load_diagnostics: loaded.diagnostics,
        report: None,
        diagnostics: Vec::new(),
        facts: Vec::new(),
        claim_files: Vec::new(),
        articles: Vec::new(),
        policy: inputs.policy,
        article_diagnostics: Vec::new(),
        silenced: 0,
        baselined: 0,
        baseline: None,
        scopes: discover::Scopes::default(),
        paths: HashMap::new(),
    };
    checked.claim_files = claim_files;
    let article_ids: Vec<(FileId, Format, Option<PartialDate>)> = inputs
        .articles
        .into_iter()
        .map(|a| (add(&mut sources, a.name, a.text, a.rel), a.format, inputs.date.or(a.date)))
        .collect();
    let extracted = match cache {
        Some(cache) => cache.extract(&checked.lexicon, &sources, &article_ids, tick),
        None => cache::extract(&Extractor::new(&checked.lexicon), &sources, &article_ids, tick),
    };
    let mut facts = Vec::new();
    let mut dateline_diagnostics = Vec::new();
    for (f, d) in extracted {
        facts.extend(f);
        dateline_diagnostics.extend(d);
    }
    let in_scope = |c: &Claim, a: FileId| rel.get(&a).is_none_or(|p| scopes.applies(c.file, p));
    // Suppressed lines are not read: their statements are dropped before the check.
    let formats: Vec<(FileId, Format)> = article_ids.iter().map(|&(id, f, _)| (id, f)).collect();
    let mut silencer = crate::workspace::suppress::Silencer::read(&sources, &formats);
    silencer.unread(&sources, &mut facts);
    let mut report =
        check::check_with(&claims, &facts, &checked.lexicon, &inputs.options, &in_scope);
    let applied = silencer.apply(&mut report, &sources);
    let path = |id: FileId| rel.get(&id).cloned().unwrap_or_else(|| sources.get(id).name.clone());
    if inputs.write_baseline {
        checked.baseline = Some(Baseline::from_report(&report, &sources, &path));
    }
    if let Some(b) = &inputs.baseline {
        checked.baselined = b.filter_report(&mut report, &sources, &path);
    }
    checked.diagnostics = check::diagnostics(&report, &checked.lexicon, &checked.policy);
    // The diagnostics are the claims' at a level, in claim order, then the unverified facts'.
    let (claim_prints, fact_prints) =
        crate::workspace::baseline::fingerprints(&report, &sources, &path);
    let mut prints: Vec<Option<String>> = report
        .claims
        .iter()
        .zip(claim_prints)
        .filter(|(c, _)| checked.policy.level(check::diagnostics::finding(c)).is_some())
        .map(|(_, p)| p)
        .collect();
    if checked.policy.level(check::Finding::Unverified).is_some() {
        prints.extend(fact_prints.into_iter().map(Some));
    }
    for (d, p) in checked.diagnostics.iter_mut().zip(prints) {
        d.fingerprint = p;
    }
    checked.article_diagnostics = dateline_diagnostics;
    checked.article_diagnostics.extend(applied.diagnostics);
    checked.silenced = applied.silenced;
    checked.facts = facts;
    checked.articles = article_ids.iter().map(|&(id, _, _)| id).collect();
    checked.report = Some(report);
    checked.sources = sources;
    checked.scopes = scopes;
    checked.paths = rel;
    checked
}

/// An error diagnostic points into the claim's line.
fn has_error(diagnostics: &[Diagnostic], claim: &Claim) -> bool {
    diagnostics.iter().any(|d| {
        d.severity == Severity::Error
            && d.primary.file == claim.file
            && d.primary.span.start < claim.span.end.max(claim.span.start + 1)
            && claim.span.start < d.primary.span.end.max(d.primary.span.start + 1)
    })
}
