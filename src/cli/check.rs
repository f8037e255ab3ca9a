//! `factcheck check`: claims against articles.
//!
//! The run is in three steps, so that configuration files, suppressions and baselines can plug
//! in between them: [`CheckArgs`] are read into [`CheckInputs`] (every file's text, the rules,
//! the policy: the only step that touches the file system), [`run_check`] computes the report
//! from them (pure: no I/O, no printing), and [`run`] prints it in the chosen format and
//! returns the exit code.
//!
//! Exit codes: 0 when nothing is at error level, 1 when something is (by default contradicted
//! and conflicting claims are errors, claims not found and unverified facts warnings;
//! `--allow KIND`, `--warn KIND` and `--deny KIND` set a kind off, to warning, to error, applied
//! in that order), 2 when it could not run (a claim file with errors, all of them printed
//! first; a missing file; bad arguments). Warnings in claim files are printed and do not fail.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{CmdResult, ColorChoice, Failure, Outcome, RuleArgs};
use crate::article::{Article, Format};
use crate::check::{self, Kind, Policy, Report};
use crate::diag::{Diagnostic, Severity};
use crate::extract::Extractor;
use crate::lexicon::Lexicon;
use crate::model::{Claim, PartialDate};
use crate::report;
use crate::source::{FileId, SourceMap};

/// Output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// rustc-style diagnostics and a summary line.
    Human,
    /// One JSON document (version 1, see docs/report-json.md).
    Json,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions workflow commands (annotations on the pull request).
    Github,
}

/// The kinds of finding whose level `--deny`, `--warn` and `--allow` set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum KindArg {
    Contradicted,
    Conflicting,
    NotFound,
    Unverified,
}

impl From<KindArg> for Kind {
    fn from(k: KindArg) -> Kind {
        match k {
            KindArg::Contradicted => Kind::Contradicted,
            KindArg::Conflicting => Kind::Conflicting,
            KindArg::NotFound => Kind::NotFound,
            KindArg::Unverified => Kind::Unverified,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Claim files, or directories searched for `*.claims` (repeat the option for several).
    #[arg(long = "claims", short = 'c', value_name = "PATH")]
    pub claims: Vec<PathBuf>,
    /// Articles (plain text or Markdown).
    #[arg(value_name = "ARTICLE")]
    pub articles: Vec<PathBuf>,
    /// Articles as JSON Lines (one object a line with `text`, optional `date` and `id`); `-`
    /// reads standard input.
    #[arg(long, value_name = "FILE")]
    pub jsonl: Vec<PathBuf>,
    #[command(flatten)]
    pub rules: RuleArgs,
    /// The articles' date (YYYY-MM-DD), overriding their datelines.
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    pub format: OutputFormat,
    /// Print only the summary line (human format).
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Report a kind of finding as an error (exit code 1).
    #[arg(long, value_enum, value_name = "KIND")]
    pub deny: Vec<KindArg>,
    /// Report a kind of finding as a warning.
    #[arg(long, value_enum, value_name = "KIND")]
    pub warn: Vec<KindArg>,
    /// Do not report a kind of finding (it is still counted in the summary).
    #[arg(long, value_enum, value_name = "KIND")]
    pub allow: Vec<KindArg>,
}

/// A file's name (as given, or `FILE#ID` for a JSON Lines article) and text.
#[derive(Debug, Clone)]
pub struct Named {
    pub name: String,
    pub text: String,
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
}

/// What a check computed.
#[derive(Debug)]
pub struct Checked {
    pub sources: SourceMap,
    pub lexicon: Lexicon,
    /// Errors and warnings of the claim and rule files.
    pub load_diagnostics: Vec<Diagnostic>,
    /// `None` when a claim or rule file has errors: nothing was checked.
    pub report: Option<Report>,
    /// The findings, at the policy's levels.
    pub diagnostics: Vec<Diagnostic>,
    /// How many facts the articles state.
    pub facts: usize,
    /// The levels the findings were reported at.
    pub policy: Policy,
}

/// Loads the claims, extracts the articles' facts (in parallel) and checks them.
pub fn run_check(inputs: CheckInputs) -> Checked {
    let mut sources = SourceMap::new();
    let mut files: Vec<FileId> =
        inputs.rule_files.iter().map(|f| sources.add(&f.name, f.text.as_str())).collect();
    files.extend(inputs.claim_files.iter().map(|f| sources.add(&f.name, f.text.as_str())));
    let loaded = crate::lang::load(&mut sources, &files, inputs.shipped_rules);
    let has_errors = loaded.diagnostics.iter().any(|d| d.severity == Severity::Error);
    if has_errors {
        return Checked {
            sources,
            lexicon: loaded.lexicon,
            load_diagnostics: loaded.diagnostics,
            report: None,
            diagnostics: Vec::new(),
            facts: 0,
            policy: inputs.policy,
        };
    }
    let article_ids: Vec<(FileId, Format, Option<PartialDate>)> = inputs
        .articles
        .into_iter()
        .map(|a| (sources.add(a.name, a.text), a.format, inputs.date.or(a.date)))
        .collect();
    let extractor = Extractor::new(&loaded.lexicon);
    let facts: Vec<crate::model::Fact> = article_ids
        .par_iter()
        .flat_map_iter(|&(id, format, date)| {
            let article = Article::prepare(id, &sources.get(id).text, format, date);
            extractor.extract(&article)
        })
        .collect();
    let scope = Scopes::new(&loaded.scopes, &sources, &article_ids);
    let report =
        check::check_with(&loaded.claims, &facts, &loaded.lexicon, &|c, a| scope.applies(c, a));
    let diagnostics = check::diagnostics(&report, &loaded.lexicon, &inputs.policy);
    Checked {
        sources,
        lexicon: loaded.lexicon,
        load_diagnostics: loaded.diagnostics,
        report: Some(report),
        diagnostics,
        facts: facts.len(),
        policy: inputs.policy,
    }
}

/// The `articles GLOB, ...` scopes of claim files, matched once against every article name.
struct Scopes {
    /// Claim file -> whether each article (by its index in `articles`) is in scope.
    by_file: HashMap<FileId, Vec<bool>>,
    article_index: HashMap<FileId, usize>,
}

impl Scopes {
    fn new(
        scopes: &[crate::lang::Scope],
        sources: &SourceMap,
        articles: &[(FileId, Format, Option<PartialDate>)],
    ) -> Self {
        let mut by_file = HashMap::new();
        for s in scopes {
            let mut b = globset::GlobSetBuilder::new();
            for g in &s.globs {
                // A glob that does not compile was reported by the claim-file check.
                if let Ok(g) = globset::Glob::new(g) {
                    b.add(g);
                }
            }
            let Ok(set) = b.build() else { continue };
            let matches = articles
                .iter()
                .map(|(id, _, _)| {
                    let name = &sources.get(*id).name;
                    set.is_match(name.strip_prefix("./").unwrap_or(name))
                })
                .collect();
            by_file.insert(s.file, matches);
        }
        let article_index = articles.iter().enumerate().map(|(i, (id, _, _))| (*id, i)).collect();
        Scopes { by_file, article_index }
    }

    fn applies(&self, claim: &Claim, article: FileId) -> bool {
        match (self.by_file.get(&claim.file), self.article_index.get(&article)) {
            (Some(m), Some(&i)) => m.get(i).copied().unwrap_or(true),
            _ => true,
        }
    }
}

/// `*.claims` files under a directory, sorted; a file path as it is.
fn claim_paths(path: &Path, out: &mut Vec<PathBuf>) -> Result<(), Failure> {
    if !path.is_dir() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(|e| Failure(format!("cannot read {}: {e}", path.display())))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            claim_paths(&p, out)?;
        } else if p.extension().is_some_and(|e| e == "claims") {
            out.push(p);
        }
    }
    Ok(())
}

fn read_named(path: &Path) -> Result<Named, Failure> {
    Ok(Named { name: path.display().to_string(), text: super::read_file(path)? })
}

/// Reads the files the arguments name; warnings (JSON Lines lines skipped) are returned.
pub fn inputs(args: &CheckArgs) -> Result<(CheckInputs, Vec<String>), Failure> {
    if args.claims.is_empty() {
        return Err(Failure("no claim files: give them with --claims PATH".into()));
    }
    if args.articles.is_empty() && args.jsonl.is_empty() {
        return Err(Failure("no articles: give article files or --jsonl FILE".into()));
    }
    let date = match &args.date {
        None => None,
        Some(d) => Some(
            crate::article::iso_date(d)
                .ok_or_else(|| Failure(format!("--date {d}: expected a date YYYY-MM-DD")))?,
        ),
    };
    let mut policy = Policy::default();
    for (kinds, level) in [
        (&args.allow, None),
        (&args.warn, Some(Severity::Warning)),
        (&args.deny, Some(Severity::Error)),
    ] {
        for k in kinds {
            policy.set((*k).into(), level);
        }
    }
    let mut claim_files = Vec::new();
    for p in &args.claims {
        let mut paths = Vec::new();
        claim_paths(p, &mut paths)?;
        for p in paths {
            claim_files.push(read_named(&p)?);
        }
    }
    let rule_files = args.rules.rules.iter().map(|p| read_named(p)).collect::<Result<_, _>>()?;
    let mut articles = Vec::new();
    for p in &args.articles {
        let f = read_named(p)?;
        articles.push(ArticleInput {
            name: f.name,
            text: f.text,
            format: Format::from_path(p),
            date: None,
        });
    }
    let mut warnings = Vec::new();
    for p in &args.jsonl {
        let (docs, w) = super::jsonl::read(p)?;
        warnings.extend(w);
        articles.extend(docs.into_iter().map(|d| ArticleInput {
            name: d.name,
            text: d.text,
            format: Format::Text,
            date: d.date,
        }));
    }
    let inputs = CheckInputs {
        rule_files,
        shipped_rules: !args.rules.no_shipped_rules,
        claim_files,
        articles,
        date,
        policy,
    };
    Ok((inputs, warnings))
}

/// Renders a finished check in a format.
pub fn render(
    checked: &Checked,
    report: &Report,
    format: OutputFormat,
    color: bool,
    quiet: bool,
) -> String {
    let mut all = checked.load_diagnostics.clone();
    all.extend(checked.diagnostics.iter().cloned());
    match format {
        OutputFormat::Human => {
            report::summary::render_check(&checked.sources, &all, &report.summary, color, quiet)
        }
        OutputFormat::Json => report::json::render(
            report,
            &checked.sources,
            &checked.lexicon,
            &checked.policy,
            &checked.load_diagnostics,
        ),
        OutputFormat::Sarif => report::sarif::render(&checked.sources, &all),
        OutputFormat::Github => report::github::render(&checked.sources, &all),
    }
}

/// Whether to colour what goes to standard error.
fn stderr_color(color: ColorChoice) -> bool {
    use std::io::IsTerminal;
    match color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stderr().is_terminal()
        }
    }
}

pub fn run(args: CheckArgs, color: ColorChoice) -> CmdResult {
    let (inputs, warnings) = inputs(&args)?;
    for w in warnings {
        eprintln!("warning: {w}");
    }
    let checked = run_check(inputs);
    let Some(report) = &checked.report else {
        let errors =
            checked.load_diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
        eprint!(
            "{}",
            report::render_diagnostics(
                &checked.sources,
                &checked.load_diagnostics,
                stderr_color(color)
            )
        );
        return Err(Failure(format!(
            "{errors} error{} in the claim files: nothing was checked",
            if errors == 1 { "" } else { "s" }
        )));
    };
    print!("{}", render(&checked, report, args.format, color.stdout(), args.quiet));
    if checked.diagnostics.iter().any(|d| d.severity == Severity::Error) {
        Ok(Outcome::Findings)
    } else {
        Ok(Outcome::Clean)
    }
}
