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
//! first; a missing claim file; bad arguments) or could not read an article (missing, a
//! directory, binary, not UTF-8, a JSON Lines line that is not an article: each is named on
//! stderr and is an FC214 error in its place in the report, the others are checked and
//! reported, then the run fails; with `--keep-going` the exit code is that of the findings
//! when at least one article could be read).
//!
//! JSON Lines (`--jsonl`) are streamed ([`super::batch`]): read, extracted in parallel and added
//! to the run in order, each article keeping only the lines its report points at (all of its
//! text for `--format html`), so memory grows with the facts reported, not with the archive. Warnings in claim files are printed and do not fail.
//!
//! With a `factcheck.toml` (found walking up from the working directory, or `--config`), the
//! files come from the configuration ([`crate::workspace::config`], [`crate::workspace::discover`]); in every run the
//! articles' suppressions ([`crate::input::suppress`]) and then a `--baseline` ([`crate::workspace::baseline`])
//! drop findings before they are reported. See docs/editorial.md.

use std::io::Write;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::progress::Progress;
use super::{CmdResult, ColorChoice, Failure, Outcome, RuleArgs};
use crate::check::{Kind, Report};
use crate::diag::Severity;
use crate::input::Format;
use crate::report;
use crate::source::SourceMap;
use crate::workspace::baseline::Baseline;
use crate::workspace::config::Config;
use crate::workspace::discover::{self, Filter, Role};
pub use crate::workspace::pipeline::{
    ArticleInput, CheckInputs, Checked, Named, run_check, run_check_with,
};

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
    /// GitLab Code Quality JSON (merge request widgets).
    Gitlab,
    /// JUnit XML: a test case a claim, failures for errors.
    Junit,
    /// One self-contained HTML page: the claims, and the articles with every fact marked
    /// (see docs/report-html.md).
    Html,
}

/// What `--show` adds to the reports that leave it out by default (SARIF, GitHub, GitLab).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ShowArg {
    /// Supported claims (notes), which the human, JSON, JUnit and HTML reports always show.
    Supported,
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
    /// Articles (plain text or Markdown), or directories searched for them; `-` reads one from
    /// standard input.
    #[arg(value_name = "ARTICLE")]
    pub articles: Vec<PathBuf>,
    /// The path the article read from standard input (`-`) stands for: its name in reports,
    /// Markdown or text by its extension, and the configuration's globs, the claim files' scopes,
    /// and baselines apply to it as to that file.
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,
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
    /// Write the report to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Strict verdicts: a statement decides a claim that names an object only when it states
    /// the object too (fewer false "supported", more "not found"; see docs/verdicts.md).
    #[arg(long)]
    pub strict: bool,
    /// Print only the summary line (human format).
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Also report these in the SARIF, GitHub and GitLab formats (left out by default).
    #[arg(long, value_enum, value_name = "WHAT")]
    pub show: Vec<ShowArg>,
    /// Report a kind of finding as an error (exit code 1).
    #[arg(long, value_enum, value_name = "KIND")]
    pub deny: Vec<KindArg>,
    /// Report a kind of finding as a warning.
    #[arg(long, value_enum, value_name = "KIND")]
    pub warn: Vec<KindArg>,
    /// Do not report a kind of finding (it is still counted in the summary).
    #[arg(long, value_enum, value_name = "KIND")]
    pub allow: Vec<KindArg>,
    /// The configuration file (default: `factcheck.toml` in the working directory or above).
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Ignore any `factcheck.toml`.
    #[arg(long)]
    pub no_config: bool,
    /// Report only the findings that are not in this baseline file.
    #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
    pub baseline: Option<PathBuf>,
    /// Record every finding in this baseline file (and report nothing).
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Do not fail (exit code 2) when some articles could not be read but others could: each
    /// is still named on stderr, and the exit code is that of the findings.
    #[arg(long, conflicts_with = "write_baseline")]
    pub keep_going: bool,
}

/// The claim files of `--claims` paths: directories walked as `lint` walks them
/// ([`super::lint::walk`]), other paths as they are (read later: a missing one fails the run).
fn claim_paths(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Failure> {
    let (files, problems) = expand(paths, &["claims"]);
    match problems.first() {
        Some(p) => Err(Failure(p.clone())),
        None => Ok(files),
    }
}

/// Directories walked for files with `extensions` ([`super::lint::walk`]), other paths kept as
/// they are (a missing one is named when it is read), each file once, in argument order.
fn expand(paths: &[PathBuf], extensions: &[&str]) -> (Vec<PathBuf>, Vec<String>) {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for p in paths {
        if p.is_dir() {
            let (found, bad) = super::lint::walk(std::slice::from_ref(p), extensions);
            if found.is_empty() && bad.is_empty() {
                let exts: Vec<String> = extensions.iter().map(|e| format!("*.{e}")).collect();
                problems.push(format!("{}: no {} in this directory", p.display(), exts.join(", ")));
            }
            out.extend(found);
            problems.extend(bad);
        } else {
            out.push(p.clone());
        }
    }
    let mut seen = std::collections::HashSet::new();
    out.retain(|p| {
        p.as_os_str() == "-" || seen.insert(std::fs::canonicalize(p).unwrap_or_else(|_| p.clone()))
    });
    (out, problems)
}

fn read_named(path: &Path) -> Result<Named, Failure> {
    Ok(Named { name: path.display().to_string(), text: super::read_file(path)?, rel: None })
}

/// The files a configuration gives a run, each as (name shown to the user, root-relative path).
struct Configured {
    claims: Vec<(PathBuf, Option<String>)>,
    articles: Vec<(PathBuf, Option<String>)>,
    partial: bool,
    /// The root-relative path of the article on standard input, when it is checked (`None`
    /// inside: no `--stdin-filename`); `None` when the configuration skips it.
    stdin: Option<Option<String>>,
}

/// The `-` of the article arguments.
fn is_stdin(p: &Path) -> bool {
    p.as_os_str() == "-"
}

/// Applies the configuration to the arguments (see docs/editorial.md, "Which files are
/// checked"); skipped named files and unreadable directories are added to `warnings`.
fn configured(
    args: &CheckArgs,
    config: &Config,
    cwd: &Path,
    warnings: &mut Vec<String>,
) -> Result<Configured, Failure> {
    let filter = Filter::new(config)?;
    let named: Vec<PathBuf> = args.articles.iter().filter(|p| !is_stdin(p)).cloned().collect();
    let has_stdin = named.len() < args.articles.len();
    let plan = if named.is_empty() && (has_stdin || !args.jsonl.is_empty()) {
        // Only JSON Lines articles: the configuration gives the claim files.
        discover::Plan { articles: Vec::new(), ..discover::plan(&filter, &[], cwd) }
    } else {
        discover::plan(&filter, &named, cwd)
    };
    let mut partial = plan.partial || (named.is_empty() && has_stdin);
    let stdin = match (&args.stdin_filename, has_stdin) {
        (_, false) => None,
        (None, true) => Some(None),
        (Some(name), true) => {
            let sel = discover::select(&filter, std::slice::from_ref(name), cwd);
            if sel.claims.is_empty() && !sel.articles.is_empty() {
                Some(filter.relative(name, cwd))
            } else {
                let why = match sel.skipped.first() {
                    Some((_, Role::Excluded)) => "excluded by the configuration",
                    _ => "not an article of the configuration",
                };
                warnings.push(format!("skipped standard input as {} ({why})", name.display()));
                None
            }
        }
    };
    if stdin.is_some() && !named.is_empty() {
        partial = true;
    }
    for (path, role) in &plan.skipped {
        let why = match role {
            Role::Excluded => "excluded by the configuration",
            _ => "not an article or claim file of the configuration",
        };
        warnings.push(format!("skipped {} ({why})", path.display()));
    }
    warnings.extend(plan.errors.iter().cloned());
    let shown = |p: &PathBuf| {
        (PathBuf::from(crate::workspace::paths::display_path(p, cwd)), filter.relative(p, cwd))
    };
    let claims = if args.claims.is_empty() {
        plan.claims.iter().map(shown).collect()
    } else {
        claim_paths(&args.claims)?.iter().map(|p| (p.clone(), filter.relative(p, cwd))).collect()
    };
    let articles = plan.articles.iter().map(shown).collect();
    Ok(Configured { claims, articles, partial, stdin })
}

/// What reading the inputs has to tell the user besides the inputs.
#[derive(Debug, Default)]
pub struct Notes {
    /// Printed as `warning: ...` (named files the configuration skips).
    pub warnings: Vec<String>,
    /// Printed as `error: ...`: directories that could not be searched, articles that could not
    /// be read (missing, a directory, binary, not UTF-8). The others are checked, and the exit
    /// code is 2.
    pub errors: Vec<String>,
    /// The articles of `errors` that could not be read, as (name, message): each is an FC214
    /// error in its place among the articles of the report.
    pub unread: Vec<(String, String)>,
}

/// Reads the files the arguments (and the configuration, when there is one) name, except the
/// JSON Lines files (`--jsonl`), which [`run`] streams. A claim or rule file that cannot be read
/// fails the run; an article that cannot be read is in [`Notes::errors`] and [`Notes::unread`].
pub fn inputs(
    args: &CheckArgs,
    config: Option<&Config>,
    cwd: &Path,
) -> Result<(CheckInputs, Notes), Failure> {
    let mut warnings = Vec::new();
    let mut errors = Vec::new();
    let mut unread = Vec::new();
    let files = match config {
        Some(c) => Some(configured(args, c, cwd, &mut warnings)?),
        None => None,
    };
    if let Some(f) = &files {
        if f.claims.is_empty() {
            return Err(Failure(
                "no claim files: the configuration's `claims` globs match none (or give --claims PATH)"
                    .into(),
            ));
        }
    } else {
        if args.claims.is_empty() {
            return Err(Failure("no claim files: give them with --claims PATH".into()));
        }
        if args.articles.is_empty() && args.jsonl.is_empty() {
            return Err(Failure("no articles: give article files or --jsonl FILE".into()));
        }
    }
    let date = match &args.date {
        None => None,
        Some(d) => Some(
            crate::input::dateline::iso_date(d)
                .ok_or_else(|| Failure(format!("--date {d}: expected a date YYYY-MM-DD")))?,
        ),
    };
    let mut policy = config.map(|c| c.severity.policy()).unwrap_or_default();
    if files.as_ref().is_some_and(|f| f.partial) {
        // Some drafts only: a claim they do not mention may be in another one.
        policy.set(Kind::NotFound, None);
    }
    for (kinds, level) in [
        (&args.allow, None),
        (&args.warn, Some(Severity::Warning)),
        (&args.deny, Some(Severity::Error)),
    ] {
        for k in kinds {
            policy.set((*k).into(), level);
        }
    }
    if args.articles.iter().filter(|p| is_stdin(p)).count() > 1 {
        return Err(Failure("`-` (standard input) is named more than once".into()));
    }
    if args.articles.iter().any(|p| is_stdin(p)) && args.jsonl.iter().any(|p| is_stdin(p)) {
        return Err(Failure(
            "standard input cannot be both an article (`-`) and JSON Lines (`--jsonl -`)".into(),
        ));
    }
    let stdin_rel: Option<Option<String>> = match &files {
        Some(f) => f.stdin.clone(),
        None if args.articles.iter().any(|p| is_stdin(p)) => Some(
            args.stdin_filename
                .as_ref()
                .and_then(|p| crate::workspace::paths::relative_to(cwd, p, cwd)),
        ),
        None => None,
    };
    let (claim_paths_rel, article_paths_rel) = match files {
        Some(f) => (f.claims, f.articles),
        None => {
            let paths = claim_paths(&args.claims)?;
            // Article directories are walked like claim directories.
            // Standard input (`-`) is read apart.
            let named: Vec<PathBuf> =
                args.articles.iter().filter(|p| !is_stdin(p)).cloned().collect();
            let (articles, unsearchable) = expand(&named, super::lint::ARTICLE_EXTENSIONS);
            errors.extend(unsearchable);
            // Without a configuration, scopes match paths relative to the working directory.
            let rel = |p: &PathBuf| (p.clone(), crate::workspace::paths::relative_to(cwd, p, cwd));
            (paths.iter().map(rel).collect(), articles.iter().map(rel).collect())
        }
    };
    let mut claim_files = Vec::new();
    for (p, rel) in claim_paths_rel {
        claim_files.push(Named { rel, ..read_named(&p)? });
    }
    let config_rules = config.map(|c| c.rules.as_slice()).unwrap_or_default();
    let rule_files = config_rules
        .iter()
        .chain(&args.rules.rules)
        .map(|p| read_named(p))
        .collect::<Result<_, _>>()?;
    // An article that cannot be read is named, and the others are checked.
    let read: Vec<Result<ArticleInput, (String, String)>> = article_paths_rel
        .into_par_iter()
        .map(|(p, rel)| {
            let name = super::article_name(&p);
            Ok(ArticleInput {
                text: super::read_article(&p).map_err(|e| (name.clone(), e))?,
                name,
                format: Format::from_path(&p),
                date: None,
                rel,
            })
        })
        .collect();
    let mut articles = Vec::new();
    if let Some(rel) = stdin_rel {
        let name = args.stdin_filename.as_deref();
        articles.push(ArticleInput {
            name: name.map_or_else(|| "<stdin>".to_string(), |p| p.display().to_string()),
            text: read_stdin()?,
            format: name.map_or(Format::Text, Format::from_path),
            date: None,
            rel,
        });
    }
    for r in read {
        match r {
            Ok(a) => articles.push(a),
            Err((name, e)) => {
                errors.push(e.clone());
                unread.push((name, e));
            }
        }
    }
    let baseline = match &args.baseline {
        Some(p) => Some(Baseline::read(p)?),
        None => None,
    };
    let inputs = CheckInputs {
        rule_files,
        shipped_rules: !args.rules.no_shipped_rules,
        claim_files,
        articles,
        date,
        policy,
        options: crate::check::Options { strict: args.strict || config.is_some_and(|c| c.strict) },
        baseline,
        write_baseline: args.write_baseline.is_some(),
    };
    Ok((inputs, Notes { warnings, errors, unread }))
}

/// Every diagnostic of a finished check (the claim files', the articles', then the findings)
/// with its origin, claim and fingerprint, for the CI reporters; supported claims only when
/// `supported`.
pub fn items<'a>(
    checked: &'a Checked,
    report: &'a Report,
    supported: bool,
) -> Vec<report::Item<'a>> {
    let own = checked.load_diagnostics.iter().chain(&checked.article_diagnostics);
    let mut out: Vec<report::Item<'a>> = own
        .map(|d| report::Item {
            diagnostic: d,
            origin: None,
            claim: None,
            fingerprint: d
                .fingerprint
                .clone()
                .unwrap_or_else(|| report::diagnostic_fingerprint(&checked.sources, d)),
        })
        .collect();
    let origins = report::origins(report, &checked.policy);
    for (d, origin) in checked.diagnostics.iter().zip(origins) {
        if !supported && d.code == crate::check::Finding::Supported.code() {
            continue;
        }
        let claim = match origin {
            report::Origin::Claim(i) => report.claims.get(i).map(|c| (c.claim.file, &c.claim.span)),
            report::Origin::Fact(_) => None,
        };
        let fingerprint = d
            .fingerprint
            .clone()
            .unwrap_or_else(|| report::diagnostic_fingerprint(&checked.sources, d));
        out.push(report::Item { diagnostic: d, origin: Some(origin), claim, fingerprint });
    }
    out
}

/// Reads standard input as UTF-8 text (an article, or a claim file for `lint -` and `fmt -`).
pub fn read_stdin() -> Result<String, Failure> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| Failure(format!("cannot read standard input: {e}")))?;
    String::from_utf8(bytes).map_err(|e| {
        Failure(format!(
            "standard input is not valid UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })
}

/// How to render a finished check.
#[derive(Debug, Clone)]
pub struct Rendering {
    pub format: OutputFormat,
    /// ANSI colour (human format).
    pub color: bool,
    /// The summary line alone (human format).
    pub quiet: bool,
    /// Supported claims in the SARIF, GitHub and GitLab formats (`--show supported`).
    pub show_supported: bool,
    /// The run's date, version, configuration and exit status (HTML format).
    pub meta: report::html::Meta,
}

/// Writes a finished check in a format (the HTML page article by article).
pub fn write_report(
    out: &mut dyn Write,
    checked: &Checked,
    report: &Report,
    how: &Rendering,
) -> std::io::Result<()> {
    let mut all = checked.load_diagnostics.clone();
    all.extend(checked.article_diagnostics.iter().cloned());
    all.extend(checked.diagnostics.iter().cloned());
    let others =
        [checked.load_diagnostics.as_slice(), checked.article_diagnostics.as_slice()].concat();
    let text = match how.format {
        OutputFormat::Human => report::summary::render_check(
            &checked.sources,
            &all,
            &report.summary,
            how.color,
            how.quiet,
        ),
        OutputFormat::Json => report::json::render(
            report,
            &checked.sources,
            &checked.lexicon,
            &checked.policy,
            &others,
        ),
        OutputFormat::Sarif => {
            let shown: Vec<crate::diag::Diagnostic> = (items(checked, report, how.show_supported)
                .into_iter())
            .map(|i| i.diagnostic.clone())
            .collect();
            report::sarif::render(&checked.sources, &shown)
        }
        OutputFormat::Github => report::github::render_items(
            &checked.sources,
            &items(checked, report, how.show_supported),
        ),
        OutputFormat::Gitlab => {
            report::gitlab::render(&checked.sources, &items(checked, report, how.show_supported))
        }
        OutputFormat::Junit => {
            report::junit::render(&checked.sources, report, &items(checked, report, true))
        }
        OutputFormat::Html => {
            let run = report::html::Run {
                report,
                sources: &checked.sources,
                lexicon: &checked.lexicon,
                policy: &checked.policy,
                facts: &checked.facts,
                articles: &checked.articles,
                claim_files: &checked.claim_files,
                diagnostics: &others,
            };
            return report::html::write(out, &run, &how.meta);
        }
    };
    out.write_all(text.as_bytes())?;
    out.flush()
}

/// Renders a finished check in a format.
pub fn render(checked: &Checked, report: &Report, how: &Rendering) -> String {
    let mut out = Vec::new();
    // Writing into a Vec cannot fail; every format is UTF-8.
    let _ = write_report(&mut out, checked, report, how);
    String::from_utf8_lossy(&out).into_owned()
}

/// Writes the report to `--output FILE`, or to standard output.
fn emit(
    output: Option<&Path>,
    checked: &Checked,
    report: &Report,
    how: &Rendering,
) -> Result<(), Failure> {
    match output {
        Some(path) => {
            let failure =
                |e: std::io::Error| Failure(format!("cannot write {}: {e}", path.display()));
            let file = std::fs::File::create(path).map_err(failure)?;
            let mut out = std::io::BufWriter::new(file);
            write_report(&mut out, checked, report, how).map_err(failure)
        }
        None => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            write_report(&mut out, checked, report, how).map_err(super::stdout_failure)
        }
    }
}

/// `2026-12-07 13:45 UTC`.
fn now() -> String {
    jiff::Timestamp::now().strftime("%Y-%m-%d %H:%M UTC").to_string()
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

/// Finds and reads the configuration (`--config`, or walking up from `cwd`; none with
/// `--no-config`). Its errors are printed and stop the run.
/// Returns the configuration with its file's name (`None` for the defaults without a file).
fn load_config(
    args: &CheckArgs,
    cwd: &Path,
    color: ColorChoice,
) -> Result<Option<(Config, Option<String>)>, Failure> {
    if args.no_config {
        return Ok(None);
    }
    let mut sources = SourceMap::new();
    let Some((config, diags)) =
        crate::workspace::config::load(&mut sources, args.config.as_deref(), cwd)
            .map_err(Failure)?
    else {
        return Ok(None);
    };
    if diags.is_empty() {
        let name = config.file.map(|f| sources.get(f).name.clone());
        return Ok(Some((config, name)));
    }
    say_raw!("{}", report::render_diagnostics(&sources, &diags, stderr_color(color)));
    let name = config.file.map(|f| sources.get(f).name.clone()).unwrap_or_default();
    Err(Failure(format!("invalid configuration {name}: nothing was checked")))
}

pub fn run(args: CheckArgs, color: ColorChoice) -> CmdResult {
    let cwd = std::env::current_dir()
        .map_err(|e| Failure(format!("cannot read the working directory: {e}")))?;
    let (config, config_name) = load_config(&args, &cwd, color)?.unzip();
    let config_name = config_name.flatten();
    let (inputs, notes) = inputs(&args, config.as_ref(), &cwd)?;
    for w in &notes.warnings {
        say!("warning: {w}");
    }
    for e in &notes.errors {
        say!("error: {e}");
    }
    let mut unread = notes.errors.len();
    if config.is_some() && inputs.articles.is_empty() && args.jsonl.is_empty() && unread == 0 {
        say!("factcheck: no articles to check");
        return Ok(Outcome::Clean);
    }
    let progress = if args.jsonl.is_empty() {
        Progress::for_run(inputs.articles.len(), false, "checking")
    } else {
        Progress::stream("checking")
    };
    let CheckInputs {
        rule_files,
        shipped_rules,
        claim_files,
        articles,
        date,
        policy,
        options,
        baseline,
        write_baseline,
    } = inputs;
    let mut loaded = crate::workspace::pipeline::load(&rule_files, shipped_rules, claim_files);
    // Every format but HTML (which shows the articles) needs only the lines it points at.
    let reader = loaded.reader(date, args.format == OutputFormat::Html);
    loaded.read_all(&reader, articles, &|| progress.inc());
    for (name, message) in notes.unread {
        loaded.add_unread(name, message);
    }
    // JSON Lines are streamed: read, extracted and added in order, a chunk at a time, each
    // article keeping only what the reports need; each bad line is named and reported.
    for p in &args.jsonl {
        let lines = match crate::input::jsonl::Reader::open(p) {
            Ok(r) => r,
            Err(e) => {
                say!("error: {e}");
                unread += 1;
                loaded.add_unread(super::article_name(p), e);
                continue;
            }
        };
        let base = loaded.next_id().0 as usize;
        let read = |i: usize, a: crate::input::jsonl::JsonlArticle| {
            let input = ArticleInput {
                name: a.name,
                text: a.text,
                format: Format::Text,
                date: a.date,
                rel: None,
            };
            reader.read(crate::source::FileId((base + i) as u32), input)
        };
        let loaded = &mut loaded;
        let unread = &mut unread;
        let progress = &progress;
        let streamed = super::batch::stream_indexed(lines, &read, &mut |r| {
            match r {
                Ok(a) => {
                    loaded.add(a);
                    progress.inc();
                }
                Err(e) => {
                    say!("error: {e}");
                    *unread += 1;
                    loaded.add_unread(e.article.clone(), e.message);
                }
            }
            Ok(())
        });
        if let Err(e) = streamed {
            say!("error: {}", e.0);
            *unread += 1;
        }
    }
    progress.finish();
    let unread_failure = || {
        Failure(format!("{unread} article{} could not be read", if unread == 1 { "" } else { "s" }))
    };
    if loaded.article_count() == 0 {
        if unread > 0 {
            return Err(Failure(format!("{}: nothing was checked", unread_failure().0)));
        }
        if config.is_some() {
            say!("factcheck: no articles to check");
            return Ok(Outcome::Clean);
        }
    }
    let checked = loaded.finish(policy, options, baseline.as_ref(), write_baseline);
    let Some(report) = &checked.report else {
        return Err(Failure("nothing was checked".into()));
    };
    let load_errors =
        checked.load_diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    let load_failure = || {
        let skipped = match checked.skipped {
            0 => String::new(),
            1 => ", 1 claim with an error was not checked".to_string(),
            n => format!(", {n} claims with errors were not checked"),
        };
        Failure(format!(
            "{load_errors} error{} in the claim files{skipped}",
            if load_errors == 1 { "" } else { "s" }
        ))
    };
    if let (Some(path), Some(baseline)) = (&args.write_baseline, &checked.baseline) {
        if load_errors > 0 {
            say_raw!(
                "{}",
                report::render_diagnostics(
                    &checked.sources,
                    &checked.load_diagnostics,
                    stderr_color(color)
                )
            );
            // A baseline without the skipped claims' findings would report them as new later.
            return Err(Failure(format!("{}: the baseline was not written", load_failure().0)));
        }
        if unread > 0 {
            // A baseline without their findings would report them all as new later.
            return Err(Failure(format!(
                "{}: the baseline {} was not written",
                unread_failure().0,
                path.display()
            )));
        }
        baseline.write(path)?;
        let n = baseline.findings.len();
        say!("wrote {n} finding{} to {}", if n == 1 { "" } else { "s" }, path.display());
        return Ok(Outcome::Clean);
    }
    // Unreadable articles (FC214) decide the exit code through `unread`, not as findings.
    let errors = checked
        .diagnostics
        .iter()
        .chain(&checked.article_diagnostics)
        .any(|d| d.severity == Severity::Error && d.code != crate::workspace::pipeline::FC214);
    let how = Rendering {
        format: args.format,
        color: args.output.is_none() && color.stdout(),
        quiet: args.quiet,
        show_supported: args.show.contains(&ShowArg::Supported),
        meta: report::html::Meta {
            version: env!("CARGO_PKG_VERSION").to_string(),
            date: now(),
            config: config_name,
            exit_code: if unread > 0 || load_errors > 0 { 2 } else { u8::from(errors) },
        },
    };
    emit(args.output.as_deref(), &checked, report, &how)?;
    if !args.quiet && (checked.silenced > 0 || checked.baselined > 0) {
        let plural = |n: usize| if n == 1 { "finding" } else { "findings" };
        say!(
            "note: {} {} silenced by suppressions, {} {} in the baseline",
            checked.silenced,
            plural(checked.silenced),
            checked.baselined,
            plural(checked.baselined)
        );
    }
    if unread > 0 && !args.keep_going {
        return Err(unread_failure());
    }
    if load_errors > 0 {
        return Err(load_failure());
    }
    if errors { Ok(Outcome::Findings) } else { Ok(Outcome::Clean) }
}
