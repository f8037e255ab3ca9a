//! `factcheck extract`: the facts articles state, as claim lines or JSON Lines.
//!
//! ```text
//! factcheck extract ARTICLE... [--format claims|json] [--date YYYY-MM-DD]
//!                   [--jsonl FILE|-] [--rules FILE]... [--no-shipped-rules]
//! ```
//!
//! - `claims` (default): one fact a line in the claim language with canonical names, then
//!   `  # FILE:LINE:COL` of the evidence; `factcheck check` with those lines against the same
//!   article supports every one of them.
//! - `json`: JSON Lines, one object a fact: `file`, `line`, `column`, `start`, `end` (bytes of
//!   the evidence in the file), `subject` (names), `predicate`, `quantity`
//!   (`{"relation":"=","value":17}`, `high` for ranges, or null), `object` (names), `date`
//!   (`{"value":"2022-03-29","precision":"day"}`, `"--04-15"` with no year, or null),
//!   `negated`, `text` (the evidence).
//! - `--jsonl FILE|-`: one article a line, `{"text": ..., "date": "YYYY-MM-DD", "id": ...}`
//!   (`date` and `id` optional), read and written in bounded chunks, in parallel, output in
//!   input order; `file` is the `id`, or `FILE:LINE` without one.
//! - Files are read in parallel; output keeps the order of the arguments. A file that cannot be
//!   read, is not UTF-8 or is binary is reported on stderr by name, the others are still
//!   extracted, and the exit code is 2. Otherwise it is 0.

use std::io::Write;
use std::path::PathBuf;

use clap::ValueEnum;
use rayon::prelude::*;
use serde::Serialize;

use super::{CmdResult, ColorChoice, Failure, Outcome, RuleArgs};
use crate::extract::Extractor;
use crate::input::{Article, Format};
use crate::lang::display::fact_line;
use crate::lexicon::Lexicon;
use crate::model::{DateSpec, Fact, PartialDate, Quantity};
use crate::source::{FileId, LineIndex, SourceMap};

#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// Articles (plain text or Markdown).
    #[arg(value_name = "ARTICLE")]
    pub articles: Vec<PathBuf>,
    #[command(flatten)]
    pub rules: RuleArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Claims)]
    pub format: ExtractFormat,
    /// The articles' date (overrides datelines and JSON `date`): relative dates resolve
    /// against it.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// Read articles as JSON Lines (`text`, optional `date` and `id`) from FILE, or `-` for
    /// standard input.
    #[arg(long, value_name = "FILE|-")]
    pub jsonl: Option<PathBuf>,
}

/// How `extract` prints facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// Claim-language lines with `# FILE:LINE:COL`.
    Claims,
    /// JSON Lines: one object a fact.
    Json,
}

/// One fact as printed by `--format json`.
#[derive(Debug, Serialize)]
struct JsonFact<'a> {
    file: &'a str,
    line: usize,
    column: usize,
    start: usize,
    end: usize,
    subject: Vec<&'a str>,
    predicate: &'a str,
    quantity: Option<Quantity>,
    object: Vec<&'a str>,
    date: Option<DateSpec>,
    negated: bool,
    text: &'a str,
}

/// Articles per parallel chunk of `--jsonl` input.
const CHUNK: usize = 512;

struct Run<'a> {
    extractor: &'a Extractor,
    lexicon: &'a Lexicon,
    format: ExtractFormat,
    date: Option<PartialDate>,
}

impl Run<'_> {
    /// The facts of one article's text, rendered.
    fn render(&self, name: &str, text: &str, format: Format, date: Option<PartialDate>) -> String {
        let article = Article::prepare(FileId(0), text, format, self.date.or(date));
        let facts = self.extractor.extract(&article);
        let mut out = String::new();
        if facts.is_empty() {
            return out;
        }
        let lines = LineIndex::new(text);
        for f in &facts {
            self.render_fact(&mut out, name, text, &lines, f);
        }
        out
    }

    fn render_fact(&self, out: &mut String, name: &str, text: &str, lines: &LineIndex, f: &Fact) {
        let (line, column) = lines.line_col(text, f.span.start);
        match self.format {
            ExtractFormat::Claims => {
                out.push_str(&fact_line(f, self.lexicon));
                out.push_str(&format!("  # {name}:{line}:{column}\n"));
            }
            ExtractFormat::Json => {
                let names = |ids: &[crate::model::ActorId]| {
                    ids.iter().map(|id| self.lexicon.actor(*id).canonical.as_str()).collect()
                };
                let j = JsonFact {
                    file: name,
                    line,
                    column,
                    start: f.span.start,
                    end: f.span.end,
                    subject: names(&f.subject),
                    predicate: &self.lexicon.predicate(f.predicate).canonical,
                    quantity: f.quantity,
                    object: names(&f.object),
                    date: f.date,
                    negated: f.negated,
                    text: text.get(f.span.clone()).unwrap_or(""),
                };
                if let Ok(s) = serde_json::to_string(&j) {
                    out.push_str(&s);
                    out.push('\n');
                }
            }
        }
    }
}

pub fn run(args: ExtractArgs, color: ColorChoice) -> CmdResult {
    let mut sources = SourceMap::new();
    let ids = super::lint::add_files(&mut sources, &args.rules.rules)?;
    let loaded = crate::lint::load(&mut sources, &ids, !args.rules.no_shipped_rules);
    // Errors in the user's rule files stop the run; errors in the shipped rules are a bug of
    // factcheck, reported in one line, and what could be read is used.
    let (user, shipped): (Vec<_>, Vec<_>) = loaded
        .diagnostics
        .iter()
        .filter(|d| d.severity == crate::diag::Severity::Error)
        .cloned()
        .partition(|d| ids.contains(&d.primary.file));
    if !user.is_empty() {
        eprint!("{}", crate::report::human::render_diagnostics(&sources, &user, false));
        return Err(Failure(format!("{} error(s) in rule files", user.len())));
    }
    if !shipped.is_empty() {
        eprintln!(
            "warning: the shipped rules have {} error(s) (run `factcheck lint` on an empty \
             file to see them); the rest of the rules is used",
            shipped.len()
        );
    }
    let _ = color;
    let date = match &args.date {
        Some(d) => Some(
            crate::input::dateline::iso_date(d)
                .ok_or_else(|| Failure(format!("--date: expected YYYY-MM-DD, got \"{d}\"")))?,
        ),
        None => None,
    };
    if args.articles.is_empty() && args.jsonl.is_none() {
        return Err(Failure("no articles given (ARTICLE... or --jsonl FILE)".into()));
    }
    let extractor = Extractor::new(&loaded.lexicon);
    let run = Run { extractor: &extractor, lexicon: &loaded.lexicon, format: args.format, date };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = 0usize;

    // Files: in parallel, a chunk at a time, printed in argument order.
    for chunk in args.articles.chunks(64) {
        let rendered: Vec<Result<String, String>> = chunk
            .par_iter()
            .map(|p| {
                let text = super::read_article(p)?;
                let name = p.display().to_string();
                Ok(run.render(&name, &text, Format::from_path(p), None))
            })
            .collect();
        failed += write_rendered(&mut out, rendered)?;
    }

    if let Some(path) = &args.jsonl {
        let reader = crate::input::jsonl::Reader::open(path)?;
        failed += jsonl(&run, reader, &mut out)?;
    }
    out.flush().map_err(super::stdout_failure)?;
    if failed > 0 {
        return Err(Failure(format!("{failed} article(s) could not be read")));
    }
    Ok(Outcome::Clean)
}

/// Writes rendered articles in order; an article that could not be read is named on stderr
/// (after flushing what came before it). Returns how many could not be read.
fn write_rendered(
    out: &mut impl Write,
    rendered: Vec<Result<String, String>>,
) -> Result<usize, Failure> {
    let mut failed = 0;
    for r in rendered {
        match r {
            Ok(s) => out.write_all(s.as_bytes()).map_err(super::stdout_failure)?,
            Err(e) => {
                out.flush().map_err(super::stdout_failure)?;
                eprintln!("error: {e}");
                failed += 1;
            }
        }
    }
    Ok(failed)
}

/// Streams a JSON Lines file through the extractor, `CHUNK` articles at a time. Returns how
/// many lines could not be read (each named on stderr).
fn jsonl(
    run: &Run<'_>,
    mut reader: crate::input::jsonl::Reader,
    out: &mut impl Write,
) -> Result<usize, Failure> {
    let mut failed = 0;
    loop {
        let chunk = reader.chunk(CHUNK)?;
        if chunk.is_empty() {
            break;
        }
        let name = reader.name();
        let rendered: Vec<Result<String, String>> = chunk
            .par_iter()
            .map(|(n, bytes)| {
                let a = crate::input::jsonl::parse_line(name, *n, bytes)?;
                Ok(run.render(&a.name, &a.text, Format::Text, a.date))
            })
            .collect();
        failed += write_rendered(out, rendered)?;
    }
    Ok(failed)
}
