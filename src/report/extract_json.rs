//! `extract --format json`: JSON Lines, one record a line: a fact ([`FactRecord`]), or for an
//! article that could not be read its error record ([`ErrorRecord`]) in its place. Every record
//! carries `version` ([`VERSION`]); the structure is documented in `docs/report-json.md` and
//! described by `docs/schemas/extract-record.json` ([`Record`]).

use schemars::JsonSchema;
use serde::Serialize;

use crate::lexicon::Lexicon;
use crate::model::{ActorId, DateSpec, Fact, Quantity};

/// The version of the records; raised only on an incompatible change.
pub const VERSION: u32 = 1;

/// One fact an article states.
#[derive(Debug, Serialize, JsonSchema)]
pub struct FactRecord<'a> {
    /// The records' version: 1. Within a version fields are only ever added.
    #[schemars(range(min = 1, max = 1))]
    pub version: u32,
    /// The article: its path as given, `-`'s name, or for `--jsonl` `ID (FILE:LINE)` or
    /// `FILE:LINE`.
    pub file: &'a str,
    /// 1-based line and column (in characters) of the evidence's first byte.
    pub line: usize,
    pub column: usize,
    /// Byte offsets of the evidence in the article's text (`end` exclusive).
    pub start: usize,
    pub end: usize,
    /// Who acts (canonical names); empty when the article leaves it unstated.
    pub subject: Vec<&'a str>,
    /// The predicate's canonical name.
    pub predicate: &'a str,
    /// The count, or null.
    pub quantity: Option<Quantity>,
    /// Who it is done to (canonical names); empty when unstated.
    pub object: Vec<&'a str>,
    /// The date or range of dates, or null.
    pub date: Option<DateSpec>,
    /// The article says it did not happen.
    pub negated: bool,
    /// The evidence: the article's text of `start..end`.
    pub text: &'a str,
}

/// An article that could not be read, in its place in the output.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ErrorRecord<'a> {
    /// The records' version: 1.
    #[schemars(range(min = 1, max = 1))]
    pub version: u32,
    /// Why it could not be read.
    pub error: &'a str,
    /// The article, named as `file` names it in a fact.
    pub article: &'a str,
}

/// One line of `extract --format json`: a fact or an error record.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(untagged)]
#[schemars(title = "factcheck extract record")]
pub enum Record<'a> {
    Fact(FactRecord<'a>),
    Error(ErrorRecord<'a>),
}

impl<'a> FactRecord<'a> {
    /// The record of `fact`, read from `text` (the article's) named `file`, whose evidence
    /// starts at `line`:`column`.
    pub fn new(
        fact: &Fact,
        lexicon: &'a Lexicon,
        file: &'a str,
        text: &'a str,
        (line, column): (usize, usize),
    ) -> Self {
        let names =
            |ids: &[ActorId]| ids.iter().map(|id| lexicon.actor(*id).canonical.as_str()).collect();
        FactRecord {
            version: VERSION,
            file,
            line,
            column,
            start: fact.span.start,
            end: fact.span.end,
            subject: names(&fact.subject),
            predicate: &lexicon.predicate(fact.predicate).canonical,
            quantity: fact.quantity,
            object: names(&fact.object),
            date: fact.date,
            negated: fact.negated,
            text: text.get(fact.span.clone()).unwrap_or(""),
        }
    }
}

impl<'a> ErrorRecord<'a> {
    pub fn new(article: &'a str, error: &'a str) -> Self {
        ErrorRecord { version: VERSION, error, article }
    }
}

/// A record as one line of JSON, with its newline.
pub fn line(record: &Record) -> String {
    let mut s = serde_json::to_string(record).unwrap_or_default();
    s.push('\n');
    s
}
