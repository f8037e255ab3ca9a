//! One check run from files already read to diagnostics, shared by `factcheck check` and the
//! language server (`factcheck server`): the claim and rule files are loaded, the articles'
//! facts extracted (in parallel), the claims checked within their scopes, the articles'
//! suppressions and a baseline applied, and the findings turned into diagnostics at the
//! policy's levels, each check finding with its baseline fingerprint. No I/O, no printing: the
//! callers read the files (from disk, or an editor's unsaved buffers) and render the result.
//!
//! [`run_check`] takes every article at once. A run over an archive streams instead: [`load`]
//! the claims, read each article with an [`ArticleReader`] (in parallel, on any thread), add
//! them in order ([`Loaded::add`]; [`Loaded::add_unread`] for one that could not be read), then
//! [`Loaded::finish`]. An article read without `keep_text` keeps only the lines the reports
//! point at ([`SourceFile::keep_lines`]: its facts' sentences, its diagnostics and directives),
//! so that memory does not grow with the archive's text.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::check::{self, Policy, Report};
use crate::diag::{Diagnostic, Severity};
use crate::extract::Extractor;
use crate::input::suppress::Suppressions;
use crate::input::{Article, Format};
use crate::lexicon::Lexicon;
use crate::model::{Claim, Fact, PartialDate};
use crate::source::{FileId, SourceFile, SourceMap};
use crate::workspace::baseline::Baseline;
use crate::workspace::cache::Cache;
use crate::workspace::discover;
use crate::workspace::suppress::Silencer;

/// FC214 `unreadable-article` (error): an article that could not be read: a JSON Lines line
/// that is not an article (not a JSON object, not UTF-8, no string `text`, a `date` that is no
/// day), or a file that is missing, binary or not UTF-8.
///
/// ```text
/// ["array"]          error[FC214]: not a JSON object (an article is {"text": ...})
///                     ┌─ archive.jsonl:3:1:1
/// ```
///
/// It is reported in its place among the articles (the report is the output stream of a batch
/// run, see docs/batch.md), as well as on standard error, and the other articles are checked.
/// The run then exits with code 2, unless `--keep-going` is given and some article was read.
pub const FC214: &str = "FC214";

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
    /// The claim files and the articles, in the order read (without the articles read without
    /// their text that had nothing to report, see [`Loaded::add`]).
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
/// of the last run (and keeping this run's for the next). Articles keep their whole text.
pub fn run_check_cached(
    inputs: CheckInputs,
    tick: &(dyn Fn() + Sync),
    cache: Option<&mut Cache>,
) -> Checked {
    let mut loaded = load(&inputs.rule_files, inputs.shipped_rules, inputs.claim_files);
    match cache {
        None => {
            let reader = loaded.reader(inputs.date, true);
            loaded.read_all(&reader, inputs.articles, tick);
        }
        Some(cache) => loaded.read_all_cached(cache, inputs.articles, inputs.date, tick),
    }
    loaded.finish(inputs.policy, inputs.options, inputs.baseline.as_ref(), inputs.write_baseline)
}

/// The claims of a run, loaded, and the articles added so far.
#[derive(Debug)]
pub struct Loaded {
    sources: SourceMap,
    /// Root-relative paths of claim files and articles, for scopes and baselines.
    rel: HashMap<FileId, String>,
    /// The claims without an error, and how many had one.
    claims: Vec<Claim>,
    skipped: usize,
    lexicon: Lexicon,
    load_diagnostics: Vec<Diagnostic>,
    scopes: discover::Scopes,
    claim_files: Vec<FileId>,
    facts: Vec<Fact>,
    /// Invalid datelines, unreadable articles and cut sentences (FC212, FC214, FC215), in
    /// article order.
    article_diagnostics: Vec<Diagnostic>,
    silencer: Silencer,
    articles: Vec<FileId>,
    /// Articles read without their text that had nothing to report (see [`Loaded::add`]).
    unlisted: usize,
}

/// Reads articles for a [`Loaded`] run, on any thread: the extractor and the run's date.
pub struct ArticleReader {
    extractor: Extractor,
    date: Option<PartialDate>,
    keep_text: bool,
}

/// An article read by an [`ArticleReader`], to add to its run with [`Loaded::add`].
#[derive(Debug)]
pub struct ReadArticle {
    file: SourceFile,
    id: FileId,
    rel: Option<String>,
    facts: Vec<Fact>,
    /// Its invalid dateline (FC212) and its sentences cut at the bound (FC215).
    diagnostics: Vec<Diagnostic>,
    /// Its suppression directives and the invalid ones (FC211).
    suppressions: Option<(Suppressions, Vec<Diagnostic>)>,
}

impl ReadArticle {
    /// How many facts it states.
    pub fn fact_count(&self) -> usize {
        self.facts.len()
    }
}

/// Loads the rule files (with the shipped rules when `shipped_rules`) and the claim files.
pub fn load(rule_files: &[Named], shipped_rules: bool, claim_files: Vec<Named>) -> Loaded {
    let mut sources = SourceMap::new();
    let mut rel: HashMap<FileId, String> = HashMap::new();
    let mut files: Vec<FileId> =
        rule_files.iter().map(|f| sources.add(&f.name, f.text.as_str())).collect();
    let mut claim_ids = Vec::new();
    for f in claim_files {
        let r = f.rel.unwrap_or_else(|| f.name.strip_prefix("./").unwrap_or(&f.name).to_string());
        let id = sources.add(f.name, f.text);
        rel.insert(id, r);
        claim_ids.push(id);
    }
    files.extend(&claim_ids);
    let mut loaded = crate::lint::load(&mut sources, &files, shipped_rules);
    let (scopes, scope_diagnostics) = discover::Scopes::new(&loaded.scopes);
    loaded.diagnostics.extend(scope_diagnostics);
    // Claim lines with errors are reported and skipped; every other claim is checked.
    let (claims, erroneous): (Vec<Claim>, Vec<Claim>) =
        loaded.claims.into_iter().partition(|c| !has_error(&loaded.diagnostics, c));
    Loaded {
        sources,
        rel,
        claims,
        skipped: erroneous.len(),
        lexicon: loaded.lexicon,
        load_diagnostics: loaded.diagnostics,
        scopes,
        claim_files: claim_ids,
        facts: Vec::new(),
        article_diagnostics: Vec::new(),
        silencer: Silencer::default(),
        articles: Vec::new(),
        unlisted: 0,
    }
}

impl ArticleReader {
    /// Reads one article as the file `id` of its run (best the id [`Loaded::add`] will give
    /// it, [`Loaded::next_id`] and the articles before it, else `add` renumbers): its facts,
    /// its dateline's and its directives' diagnostics, and its text, all of it or only the lines
    /// they point at.
    pub fn read(&self, id: FileId, a: ArticleInput) -> ReadArticle {
        let file = SourceFile::new(a.name, a.text);
        let article = Article::prepare(id, &file.text, a.format, self.date.or(a.date));
        let (facts, cuts) = self.extractor.extract_noting(&article);
        let diagnostics: Vec<Diagnostic> =
            article.dateline_diagnostic(&file.text).into_iter().chain(cuts).collect();
        drop(article);
        let suppressions = crate::workspace::suppress::read_one(id, &file, a.format);
        let mut file = file;
        if !self.keep_text {
            // A fact's labels point at its parts and at what lies between them.
            let hulls: Vec<std::ops::Range<usize>> = facts.iter().map(hull).collect();
            let directives = suppressions.iter().flat_map(|(s, d)| {
                s.directives().iter().map(|x| &x.span).chain(d.iter().flat_map(labels))
            });
            let spans: Vec<&std::ops::Range<usize>> =
                hulls.iter().chain(diagnostics.iter().flat_map(labels)).chain(directives).collect();
            file = file.keep_lines(spans);
        }
        ReadArticle { file, id, rel: a.rel, facts, diagnostics, suppressions }
    }
}

/// From the first to the last byte of a fact's span and of its parts' spans.
fn hull(f: &Fact) -> std::ops::Range<usize> {
    let parts = [f.subject_span.as_ref(), f.quantity_span.as_ref(), f.object_span.as_ref()]
        .into_iter()
        .chain([f.date_span.as_ref(), Some(&f.predicate_span), Some(&f.span)])
        .flatten();
    let start = parts.clone().map(|s| s.start).min().unwrap_or(f.span.start);
    let end = parts.map(|s| s.end).max().unwrap_or(f.span.end);
    start..end.max(start)
}

/// The spans of a diagnostic's labels.
fn labels(d: &Diagnostic) -> impl Iterator<Item = &std::ops::Range<usize>> {
    std::iter::once(&d.primary.span).chain(d.secondary.iter().map(|l| &l.span))
}

impl Loaded {
    /// A reader of articles for this run: `date` (`--date`) overrides their own; with
    /// `keep_text` each keeps its whole text (the HTML report shows it, the language server
    /// needs it), else only the lines the reports point at.
    pub fn reader(&self, date: Option<PartialDate>, keep_text: bool) -> ArticleReader {
        ArticleReader { extractor: Extractor::new(&self.lexicon), date, keep_text }
    }

    /// The id the next article added gets.
    pub fn next_id(&self) -> FileId {
        self.sources.next_id()
    }

    /// How many articles were added (read ones, not the unreadable).
    pub fn article_count(&self) -> usize {
        self.articles.len() + self.unlisted
    }

    /// Reads `articles` in parallel and adds them in order, calling `tick` after each.
    pub fn read_all(
        &mut self,
        reader: &ArticleReader,
        articles: Vec<ArticleInput>,
        tick: &(dyn Fn() + Sync),
    ) {
        let base = self.next_id().0 as usize;
        let read: Vec<ReadArticle> = articles
            .into_par_iter()
            .enumerate()
            .map(|(i, a)| {
                let r = reader.read(FileId((base + i) as u32), a);
                tick();
                r
            })
            .collect();
        for r in read {
            self.add(r);
        }
    }

    /// [`Loaded::read_all`] through `cache` ([`Cache::extract`]): the facts of articles
    /// unchanged since the last run are reused; each article keeps its whole text.
    fn read_all_cached(
        &mut self,
        cache: &mut Cache,
        articles: Vec<ArticleInput>,
        date: Option<PartialDate>,
        tick: &(dyn Fn() + Sync),
    ) {
        let mut refs = Vec::with_capacity(articles.len());
        let mut rels = Vec::with_capacity(articles.len());
        for a in articles {
            let r =
                a.rel.unwrap_or_else(|| a.name.strip_prefix("./").unwrap_or(&a.name).to_string());
            let id = self.sources.add(a.name, a.text);
            refs.push((id, a.format, date.or(a.date)));
            rels.push(r);
        }
        let extracted = cache.extract(&self.lexicon, &self.sources, &refs, tick);
        for ((&(id, format, _), r), (facts, dateline)) in refs.iter().zip(rels).zip(extracted) {
            self.rel.insert(id, r);
            self.facts.extend(facts);
            self.article_diagnostics.extend(dateline);
            let file = self.sources.get(id);
            if let Some((s, d)) = crate::workspace::suppress::read_one(id, file, format) {
                self.silencer.add(id, s, d);
            }
            self.articles.push(id);
        }
    }

    /// Adds an article, as the file [`Loaded::next_id`] gives now (what it points at is
    /// renumbered if it was read for another id). An article read without its text that has
    /// nothing to report (no fact, no diagnostic, no directive) is only counted: it gets no
    /// file (`None`).
    pub fn add(&mut self, mut a: ReadArticle) -> Option<FileId> {
        if a.file.keeps_nothing()
            && a.facts.is_empty()
            && a.diagnostics.is_empty()
            && a.suppressions.is_none()
        {
            self.unlisted += 1;
            return None;
        }
        let id = self.next_id();
        if a.id != id {
            let old = a.id;
            for f in &mut a.facts {
                f.file = id;
            }
            let diagnostics = a.diagnostics.iter_mut();
            let invalid = a.suppressions.iter_mut().flat_map(|(_, d)| d.iter_mut());
            for d in diagnostics.chain(invalid) {
                for l in std::iter::once(&mut d.primary).chain(&mut d.secondary) {
                    if l.file == old {
                        l.file = id;
                    }
                }
            }
            if let Some((s, _)) = &mut a.suppressions {
                s.set_file(id);
            }
        }
        let name = a.file.name.clone();
        self.sources.push(a.file);
        let r = a.rel.unwrap_or_else(|| name.strip_prefix("./").unwrap_or(&name).to_string());
        self.rel.insert(id, r);
        self.facts.extend(a.facts);
        self.article_diagnostics.extend(a.diagnostics);
        if let Some((s, d)) = a.suppressions {
            self.silencer.add(id, s, d);
        }
        self.articles.push(id);
        Some(id)
    }

    /// Adds an article that could not be read, named `name`: an empty file, with the FC214
    /// error `message` in its place among the articles' diagnostics.
    pub fn add_unread(&mut self, name: String, message: String) -> FileId {
        let id = self.sources.push(SourceFile::new(name, String::new()));
        self.article_diagnostics.push(
            Diagnostic::error(FC214, id, 0..0, message)
                .with_label("this article could not be read")
                .with_help("the other articles are checked; see docs/batch.md"),
        );
        id
    }

    /// Checks the claims against the facts of the articles added, within the claim files'
    /// scopes; applies the articles' suppressions, then `baseline`, and turns the findings into
    /// diagnostics at the `policy`'s levels (with the findings as a baseline when
    /// `write_baseline`).
    pub fn finish(
        self,
        policy: Policy,
        options: check::Options,
        baseline: Option<&Baseline>,
        write_baseline: bool,
    ) -> Checked {
        let Loaded {
            sources,
            rel,
            claims,
            skipped,
            lexicon,
            load_diagnostics,
            scopes,
            claim_files,
            mut facts,
            article_diagnostics,
            mut silencer,
            articles,
            unlisted: _,
        } = self;
        let in_scope = |c: &Claim, a: FileId| rel.get(&a).is_none_or(|p| scopes.applies(c.file, p));
        // Suppressed lines are not read: their statements are dropped before the check.
        silencer.unread(&sources, &mut facts);
        let mut report = check::check_with(&claims, &facts, &lexicon, &options, &in_scope);
        let applied = silencer.apply(&mut report, &sources);
        let path =
            |id: FileId| rel.get(&id).cloned().unwrap_or_else(|| sources.get(id).name.clone());
        let mut checked = Checked {
            skipped,
            sources: SourceMap::new(),
            lexicon,
            load_diagnostics,
            report: None,
            diagnostics: Vec::new(),
            facts: Vec::new(),
            claim_files,
            articles,
            policy,
            article_diagnostics,
            silenced: applied.silenced,
            baselined: 0,
            baseline: None,
            scopes: discover::Scopes::default(),
            paths: HashMap::new(),
        };
        if write_baseline {
            checked.baseline = Some(Baseline::from_report(&report, &sources, &path));
        }
        if let Some(b) = baseline {
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
        checked.article_diagnostics.extend(applied.diagnostics);
        checked.facts = facts;
        checked.report = Some(report);
        checked.sources = sources;
        checked.scopes = scopes;
        checked.paths = rel;
        checked
    }
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
