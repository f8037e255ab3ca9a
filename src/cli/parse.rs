//! `factcheck parse`: the syntactic analysis of articles or treebank files, as CoNLL-U or JSON.
//!
//! ```text
//! factcheck parse [FILE...] [--from text|conllu] [--format conllu|json]
//! ```
//!
//! - `--from text` (default): each file is an article (plain text or Markdown, with the dateline
//!   and markup handling of `extract`), split into sentences and words, tagged and parsed.
//!   CoNLL-U output has `# sent_id = FILE:N`, `# text = ...` and, in MISC, the word's bytes in
//!   the file (`TokenRange=START:END`) and `SpaceAfter=No`.
//! - `--from conllu`: the file's sentences and syntactic words (integer IDs) are kept exactly;
//!   LEMMA, UPOS, XPOS, HEAD and DEPREL are filled in, every other line and column is kept. The
//!   file is streamed: read, parsed (sentences in parallel) and written a batch of sentences at
//!   a time, so memory does not grow with its size. A bad line stops the file there, after the
//!   batches before it were written.
//! - `--format json`: JSON Lines, one object a sentence: `file`, `sentence`, `text`, `start`,
//!   `end` (bytes; null from CoNLL-U) and `tokens` (`id`, `form`, `lemma`, `upos`, `xpos`,
//!   `head` (0 for the root), `deprel`, `start`, `end`).
//! - `-` or no FILE reads standard input. A file that cannot be read is named on stderr, the
//!   others are still parsed, and the exit code is 2.

use std::fmt::Write as _;
use std::io::{BufRead, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use rayon::prelude::*;
use serde::Serialize;

use super::{CmdResult, ColorChoice, Failure, Outcome};
use crate::input::{Article, Format};
use crate::source::FileId;
use crate::syntax::{Analyzer, Sentence, conllu};

#[derive(Debug, clap::Args)]
pub struct ParseArgs {
    /// Files to parse (`-` or none: standard input).
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// What the files are.
    #[arg(long, value_enum, default_value_t = From::Text)]
    pub from: From,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ParseFormat::Conllu)]
    pub format: ParseFormat,
}

/// What `parse` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum From {
    /// Articles: plain text or Markdown.
    Text,
    /// CoNLL-U: its words and sentences are kept.
    Conllu,
}

/// How `parse` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ParseFormat {
    /// CoNLL-U.
    Conllu,
    /// JSON Lines, one object a sentence.
    Json,
}

#[derive(Serialize)]
struct JsonSentence<'a> {
    file: &'a str,
    sentence: usize,
    text: String,
    start: Option<usize>,
    end: Option<usize>,
    tokens: Vec<JsonToken<'a>>,
}

#[derive(Serialize)]
struct JsonToken<'a> {
    id: usize,
    form: &'a str,
    lemma: &'a str,
    upos: &'static str,
    xpos: &'a str,
    head: u32,
    deprel: &'a str,
    start: Option<usize>,
    end: Option<usize>,
}

/// Sentences per parallel batch.
const BATCH: usize = 256;

/// A CoNLL-U batch ends after this many sentences, or this many bytes (at a sentence's end).
const CONLLU_BATCH: usize = 1024;
const CONLLU_BATCH_BYTES: usize = 1 << 20;

pub fn run(args: ParseArgs, _color: ColorChoice) -> CmdResult {
    let analyzer = Analyzer::new();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let files = if args.files.is_empty() { vec![PathBuf::from("-")] } else { args.files.clone() };
    let mut failed = 0;
    for path in &files {
        if args.from == From::Conllu {
            if let Err(Failure(e)) = parse_conllu_file(&analyzer, path, args.format, &mut out) {
                out.flush().map_err(super::stdout_failure)?;
                say!("error: {e}");
                failed += 1;
            }
            continue;
        }
        let (name, text) = match read(path) {
            Ok(t) => t,
            Err(e) => {
                out.flush().map_err(super::stdout_failure)?;
                say!("error: {e}");
                failed += 1;
                continue;
            }
        };
        let result = parse_text(&analyzer, &name, path, &text, args.format, &mut out);
        if let Err(Failure(e)) = result {
            out.flush().map_err(super::stdout_failure)?;
            say!("error: {e}");
            failed += 1;
        }
    }
    out.flush().map_err(super::stdout_failure)?;
    if failed > 0 {
        return Err(Failure(format!("{failed} file(s) could not be parsed")));
    }
    Ok(Outcome::Clean)
}

/// An article's name and text (`-`: standard input).
fn read(path: &Path) -> Result<(String, String), String> {
    Ok((super::article_name(path), super::read_article(path)?))
}

fn parse_text(
    analyzer: &Analyzer<'_>,
    name: &str,
    path: &Path,
    text: &str,
    format: ParseFormat,
    out: &mut impl Write,
) -> Result<(), Failure> {
    let format_of = if path.as_os_str() == "-" { Format::Text } else { Format::from_path(path) };
    let article = Article::prepare(FileId(0), text, format_of, None);
    let ranges: Vec<Range<usize>> = crate::syntax::split_sentences(&article.text).collect();
    for (b, batch) in ranges.chunks(BATCH).enumerate() {
        let rendered: Vec<String> = batch
            .par_iter()
            .enumerate()
            .map(|(i, r)| {
                let s = analyzer.analyze_sentence(&article.text, r.clone());
                render(name, b * BATCH + i + 1, text, &s, format, None)
            })
            .collect();
        for r in rendered {
            out.write_all(r.as_bytes()).map_err(super::stdout_failure)?;
        }
    }
    Ok(())
}

/// Streams a CoNLL-U file (`-`: standard input) through [`parse_conllu`].
fn parse_conllu_file(
    analyzer: &Analyzer<'_>,
    path: &Path,
    format: ParseFormat,
    out: &mut impl Write,
) -> Result<(), Failure> {
    if path.as_os_str() == "-" {
        return parse_conllu(analyzer, "<stdin>", &mut std::io::stdin().lock(), format, out);
    }
    let name = path.display().to_string();
    let file =
        std::fs::File::open(path).map_err(|e| Failure(format!("cannot read {name}: {e}")))?;
    let mut input = std::io::BufReader::with_capacity(1 << 16, file);
    parse_conllu(analyzer, &name, &mut input, format, out)
}

/// Reads CoNLL-U from `input` a batch of sentences at a time, and writes each batch analysed.
fn parse_conllu(
    analyzer: &Analyzer<'_>,
    name: &str,
    input: &mut impl BufRead,
    format: ParseFormat,
    out: &mut impl Write,
) -> Result<(), Failure> {
    let mut chunk = String::new();
    // Lines before the chunk, lines in it, sentences before it and ended in it.
    let (mut base, mut lines, mut done, mut ended) = (0, 0, 0, 0);
    let mut in_sentence = false;
    loop {
        let start = chunk.len();
        let n = input.read_line(&mut chunk).map_err(|e| match e.kind() {
            std::io::ErrorKind::InvalidData => {
                Failure(format!("{name}:{}: not valid UTF-8", base + lines + 1))
            }
            _ => Failure(format!("cannot read {name}: {e}")),
        })?;
        let blank = chunk[start..].trim().is_empty();
        if n > 0 {
            lines += 1;
            if !blank {
                in_sentence = true;
                continue;
            }
            ended += in_sentence as usize;
            in_sentence = false;
            if ended < CONLLU_BATCH && chunk.len() < CONLLU_BATCH_BYTES {
                continue;
            }
        }
        let blocks = conllu::read(&chunk)
            .map_err(|e| Failure(format!("{name}:{}: {}", base + e.line, e.message)))?;
        let rendered: Vec<String> = blocks
            .par_iter()
            .enumerate()
            .map(|(i, block)| {
                // The words, one after the other with a space, so they have spans to analyse.
                let mut joined = String::new();
                let mut spans = Vec::with_capacity(block.words.len());
                for w in &block.words {
                    if !joined.is_empty() {
                        joined.push(' ');
                    }
                    let start = joined.len();
                    joined.push_str(w.form());
                    spans.push(start..joined.len());
                }
                let s = analyzer.analyze_tokens(&joined, 0..joined.len(), &spans);
                render(name, done + i + 1, &joined, &s, format, Some(block))
            })
            .collect();
        for r in rendered {
            out.write_all(r.as_bytes()).map_err(super::stdout_failure)?;
        }
        if n == 0 {
            return Ok(());
        }
        done += blocks.len();
        base += lines;
        (lines, ended) = (0, 0);
        chunk.clear();
    }
}

/// One sentence as CoNLL-U or a JSON line. With `block` (CoNLL-U input), the block's lines are
/// written back with the analysis filled in, and spans are not printed.
fn render(
    name: &str,
    n: usize,
    text: &str,
    s: &Sentence<'_>,
    format: ParseFormat,
    block: Option<&conllu::Block<'_>>,
) -> String {
    let form = |i: usize| text.get(s.tokens[i].span.clone()).unwrap_or("_");
    let head = |i: usize| s.tokens[i].head.map_or(0, |h| h + 1);
    let one_line = |r: Range<usize>| text.get(r).unwrap_or("").replace(['\n', '\r', '\t'], " ");
    let mut out = String::new();
    match (format, block) {
        (ParseFormat::Json, _) => {
            let spans = block.is_none();
            let j = JsonSentence {
                file: name,
                sentence: n,
                text: one_line(s.span.clone()),
                start: spans.then_some(s.span.start),
                end: spans.then_some(s.span.end),
                tokens: s
                    .tokens
                    .iter()
                    .enumerate()
                    .map(|(i, t)| JsonToken {
                        id: i + 1,
                        form: form(i),
                        lemma: s.lemma(t),
                        upos: t.upos.as_str(),
                        xpos: t.xpos,
                        head: head(i),
                        deprel: t.deprel,
                        start: spans.then_some(t.span.start),
                        end: spans.then_some(t.span.end),
                    })
                    .collect(),
            };
            if let Ok(line) = serde_json::to_string(&j) {
                out.push_str(&line);
                out.push('\n');
            }
        }
        (ParseFormat::Conllu, None) => {
            let _ = write!(out, "# sent_id = {name}:{n}\n# text = {}\n", one_line(s.span.clone()));
            for (i, t) in s.tokens.iter().enumerate() {
                let space = s.tokens.get(i + 1).is_some_and(|next| next.span.start == t.span.end);
                let _ = writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\tTokenRange={}:{}{}",
                    i + 1,
                    form(i),
                    s.lemma(t),
                    t.upos.as_str(),
                    t.xpos,
                    head(i),
                    t.deprel,
                    t.span.start,
                    t.span.end,
                    if space { "|SpaceAfter=No" } else { "" }
                );
            }
            out.push('\n');
        }
        (ParseFormat::Conllu, Some(block)) => {
            let mut word = block.words.iter().enumerate().peekable();
            for (l, line) in block.lines.iter().enumerate() {
                match word.peek() {
                    Some((i, w)) if w.line == l => {
                        let (i, t) = (*i, &s.tokens[*i]);
                        let c = &w.cols;
                        let _ = writeln!(
                            out,
                            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                            c[0],
                            c[1],
                            s.lemma(t),
                            t.upos.as_str(),
                            t.xpos,
                            c[5],
                            head(i),
                            t.deprel,
                            c[8],
                            c[9]
                        );
                        word.next();
                    }
                    _ => {
                        out.push_str(line.text);
                        out.push('\n');
                    }
                }
            }
            out.push('\n');
        }
    }
    out
}
