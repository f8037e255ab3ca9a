//! `factcheck extract`: the facts articles state, as claim lines or JSON Lines.
//!
//! ```text
//! factcheck extract ARTICLE... [--format claims|json] [--date YYYY-MM-DD]
//!                   [--jsonl FILE|-] [--rules FILE]... [--no-shipped-rules] [--explain]
//! ```
//!
//! - `claims` (default): one fact a line in the claim language with canonical names, then
//!   `  # FILE:LINE:COL` of the evidence; `factcheck check` with those lines against the same
//!   article supports every one of them.
//! - `json`: JSON Lines ([`crate::report::extract_json`]), one object a fact: `version` (1),
//!   `file`, `line`, `column`, `start`, `end` (bytes of
//!   the evidence in the file), `subject` (names), `predicate`, `quantity`
//!   (`{"relation":"=","value":17}`, `high` for ranges, or null), `object` (names), `date`
//!   (`{"value":"2022-03-29","precision":"day"}`, `"--04-15"` with no year, or null),
//!   `negated`, `text` (the evidence).
//! - `--jsonl FILE|-`: one article a line, `{"text": ..., "date": "YYYY-MM-DD", "id": ...}`
//!   (`date` and `id` optional), streamed ([`super::batch`]: reading, extraction and writing
//!   overlap, memory bounded), output in input order; `file` is `ID (FILE:LINE)`, or
//!   `FILE:LINE` without an id.
//! - `--explain`: for each sentence with a trigger, its parse and, for each trigger, its facts
//!   with the rule that filled each part, or why it gave none ([`crate::extract::explain`]).
//! - `ARTICLE` `-` reads one article from standard input.
//! - Files are read in parallel; output keeps the order of the arguments.
//! - An article that cannot be read (a file missing, not UTF-8 or binary; a JSON Lines line
//!   that is not an article) is named on stderr and has an error record in its place in the
//!   output: `{"version": 1, "error": MESSAGE, "article": NAME}` in JSON, `# error: MESSAGE` in claims. The
//!   others are still extracted, and the exit code is 2; with `--keep-going` it is 0 when at
//!   least one article could be read. Otherwise it is 0 (see docs/batch.md).

use std::io::Write;
use std::path::PathBuf;

use clap::ValueEnum;
use rayon::prelude::*;

use super::lint::plural;
use super::{CmdResult, ColorChoice, Failure, Outcome, RuleArgs};
use crate::extract::Extractor;
use crate::extract::explain::Outcome as HitOutcome;
use crate::input::{Article, Format};
use crate::lang::display::fact_line;
use crate::lexicon::Lexicon;
use crate::model::{Fact, PartialDate};
use crate::report::extract_json::{self, ErrorRecord, FactRecord, Record};
use crate::source::{FileId, LineIndex, SourceMap};

#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// Articles (plain text or Markdown); `-` reads one from standard input.
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
    /// Exit 0 when some articles could not be read but others could (each still has its error
    /// record and its line on stderr); exit 2 only when none could.
    #[arg(long)]
    pub keep_going: bool,
    /// For each sentence with a trigger: its parse (word, UPOS, relation, head), and for each
    /// trigger the facts it gave with the rule that filled each part, or why it gave none.
    #[arg(long, conflicts_with = "jsonl")]
    pub explain: bool,
}

/// How `extract` prints facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// Claim-language lines with `# FILE:LINE:COL`.
    Claims,
    /// JSON Lines: one object a fact.
    Json,
}

struct Run<'a> {
    extractor: &'a Extractor,
    lexicon: &'a Lexicon,
    format: ExtractFormat,
    date: Option<PartialDate>,
    explain: bool,
}

impl Run<'_> {
    /// The facts of one article's text, rendered.
    fn render(&self, name: &str, text: &str, format: Format, date: Option<PartialDate>) -> String {
        let article = Article::prepare(FileId(0), text, format, self.date.or(date));
        if self.explain {
            return self.render_explanation(name, text, &article);
        }
        let (facts, cuts) = self.extractor.extract_noting(&article);
        let mut out = String::new();
        let warnings: Vec<_> = article.dateline_diagnostic(text).into_iter().chain(cuts).collect();
        if facts.is_empty() && warnings.is_empty() {
            return out;
        }
        let lines = LineIndex::new(text);
        for d in &warnings {
            // One line on stderr: extract's output is facts only.
            let (line, column) = lines.line_col(text, d.primary.span.start);
            let notes = d.notes.join("; ");
            say!("warning[{}]: {name}:{line}:{column}: {}: {notes}", d.code, d.message);
        }
        for f in &facts {
            self.render_fact(&mut out, name, text, &lines, f);
        }
        out
    }

    /// `--explain`: each sentence with a trigger, its parse, and each hit's facts or reason.
    fn render_explanation(&self, name: &str, text: &str, article: &Article) -> String {
        use std::fmt::Write as _;
        let explanation = self.extractor.explain(article);
        let lines = LineIndex::new(text);
        let at = |span: &std::ops::Range<usize>| {
            let (l, c) = lines.line_col(text, span.start);
            format!("{l}:{c}")
        };
        let quote = |span: &std::ops::Range<usize>| {
            text.get(span.clone()).unwrap_or("").split_whitespace().collect::<Vec<_>>().join(" ")
        };
        let mut out = String::new();
        for s in &explanation.sentences {
            let _ = writeln!(out, "{name}:{}: {}", at(&s.span), quote(&s.span));
            let mut line = String::from("  parse:");
            for (i, w) in s.words.iter().enumerate() {
                let head = w.head.map_or("0".to_string(), |h| (h + 1).to_string());
                let item = format!(
                    " {}:{}/{}/{}>{}",
                    i + 1,
                    quote(&w.span),
                    w.upos.as_str(),
                    w.deprel,
                    head
                );
                if line.len() + item.len() > 100 {
                    out.push_str(&line);
                    out.push('\n');
                    line = String::from("        ");
                }
                line.push_str(&item);
            }
            out.push_str(&line);
            out.push('\n');
            for h in &s.hits {
                let pred = &self.lexicon.predicate(h.predicate).canonical;
                let _ =
                    write!(out, "  trigger \"{}\" ({pred}) at {}: ", quote(&h.span), at(&h.span));
                match &h.outcome {
                    HitOutcome::Skipped(why) => {
                        let _ = writeln!(out, "no fact: {}", why.describe());
                    }
                    HitOutcome::Facts(facts) => {
                        let _ = writeln!(out, "{}", plural(facts.len(), "fact"));
                        for f in facts {
                            let _ = writeln!(out, "    {}", fact_line(&f.fact, self.lexicon));
                            for p in &f.parts {
                                let (kind, rule) = p.source.parts();
                                let _ = write!(out, "      {:<9} {kind}: {rule}", p.part.name());
                                if let Some(span) = &p.span {
                                    let _ = write!(out, " \"{}\" at {}", quote(span), at(span));
                                }
                                out.push('\n');
                            }
                        }
                    }
                }
            }
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
                let record = FactRecord::new(f, self.lexicon, name, text, (line, column));
                out.push_str(&extract_json::line(&Record::Fact(record)));
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
        say_raw!("{}", crate::report::human::render_diagnostics(&sources, &user, false));
        return Err(Failure(format!("{} in rule files", plural(user.len(), "error"))));
    }
    if !shipped.is_empty() {
        say!(
            "warning: the shipped rules have {} (run `factcheck lint` on an empty file to see \
             them); the rest of the rules is used",
            plural(shipped.len(), "error")
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
    let run = Run {
        extractor: &extractor,
        lexicon: &loaded.lexicon,
        format: args.format,
        date,
        explain: args.explain,
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut count = Count::default();

    // Files: in parallel, a chunk at a time, printed in argument order.
    for chunk in args.articles.chunks(64) {
        let rendered: Vec<Result<String, (String, String)>> = chunk
            .par_iter()
            .map(|p| {
                let name = super::article_name(p);
                let text = super::read_article(p).map_err(|e| (name.clone(), e))?;
                Ok(run.render(&name, &text, Format::from_path(p), None))
            })
            .collect();
        for r in rendered {
            count.write(&mut out, args.format, r)?;
        }
    }
    out.flush().map_err(super::stdout_failure)?;
    drop(out);

    if let Some(path) = &args.jsonl {
        let reader = crate::input::jsonl::Reader::open(path)?;
        let handle = |a: crate::input::jsonl::JsonlArticle| {
            run.render(&a.name, &a.text, Format::Text, a.date)
        };
        let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout());
        let format = args.format;
        super::batch::stream(reader, &handle, &mut |r: Result<
            String,
            crate::input::jsonl::LineError,
        >| {
            count.write(&mut out, format, r.map_err(|e| (e.article.clone(), e.to_string())))
        })?;
        out.flush().map_err(super::stdout_failure)?;
    }
    if count.failed > 0 && !(args.keep_going && count.read > 0) {
        return Err(Failure(format!("{} could not be read", plural(count.failed, "article"))));
    }
    Ok(Outcome::Clean)
}

/// The articles written and those that could not be read.
#[derive(Debug, Default)]
struct Count {
    read: usize,
    failed: usize,
}

impl Count {
    /// Writes an article's facts, or for an article that could not be read (named, with the
    /// message) its error record in the output stream and `error: MESSAGE` on stderr (after
    /// flushing what came before it).
    fn write(
        &mut self,
        out: &mut impl Write,
        format: ExtractFormat,
        r: Result<String, (String, String)>,
    ) -> Result<(), Failure> {
        match r {
            Ok(s) => {
                self.read += 1;
                out.write_all(s.as_bytes()).map_err(super::stdout_failure)
            }
            Err((article, message)) => {
                self.failed += 1;
                let record = match format {
                    ExtractFormat::Json => {
                        extract_json::line(&Record::Error(ErrorRecord::new(&article, &message)))
                    }
                    ExtractFormat::Claims => format!("# error: {}\n", message.replace('\n', " ")),
                };
                out.write_all(record.as_bytes()).map_err(super::stdout_failure)?;
                out.flush().map_err(super::stdout_failure)?;
                say!("error: {message}");
                Ok(())
            }
        }
    }
}
