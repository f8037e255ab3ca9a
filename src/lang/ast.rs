//! The syntax tree of a claim or rule file: one [`Line`] per line of the file, each with the
//! byte spans of its parts, so that the formatter can reproduce its meaning exactly and
//! diagnostics can point at the exact characters.
//!
//! The tree is syntactic: names are kept as written (unescaped), not resolved against the
//! lexicon; that is [`super::load`]'s job.

use crate::model::{DateSpec, Quantity, Span};

/// A parsed file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct File {
    /// The file starts with a UTF-8 byte order mark (kept by the formatter).
    pub bom: bool,
    /// The first line ends with `\r\n` (the formatter keeps the file's line-ending style).
    pub crlf: bool,
    /// The first line ends with a lone `\r` (old Mac style; kept by the formatter too).
    pub cr: bool,
    /// Every line of the file, blank ones included. An empty file has no lines.
    pub lines: Vec<Line>,
}

/// One line of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The line without its terminator (`\n` or `\r\n`).
    pub span: Span,
    /// Leading spaces and tabs.
    pub indent: Span,
    /// The code: from the end of the indent to the comment (or the end), trailing blanks trimmed.
    /// Empty for blank and comment-only lines.
    pub code: Span,
    /// `# ...` to the end of the line, trailing blanks trimmed.
    pub comment: Option<Span>,
    pub kind: LineKind,
}

/// What a line holds.
// Most lines are claims, the largest variant: boxing it would cost an allocation per line.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineKind {
    /// Nothing but blanks and perhaps a comment.
    Blank,
    Claim(ClaimNode),
    /// `actor NAME` or `predicate WORD`.
    Header(Header),
    /// `alias ...`, `verb ...`, `example ...` under a header.
    Property(Property),
    /// `articles GLOB, ...`.
    Articles(Articles),
    /// A line with at least one error (reported in the parse errors); its meaning is unknown.
    Error,
}

/// `SUBJECT [not] PREDICATE [QUANTITY] [OBJECT] [DATE]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimNode {
    /// The whole claim, without its comment.
    pub span: Span,
    pub subject: ActorList,
    /// The `not` keyword, when the claim is negated.
    pub not: Option<Span>,
    pub predicate: Word,
    pub quantity: Option<QuantityNode>,
    pub object: Option<ActorList>,
    pub date: Option<DateNode>,
}

/// A word as written, with its span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub text: String,
    pub span: Span,
}

/// A subject or object: `_`, or names joined by `,` and `and`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActorList {
    /// `_`: not specified.
    Any(Span),
    /// One or more names; `joins[i]` sits between `names[i]` and `names[i + 1]`.
    Names { span: Span, names: Vec<NameNode>, joins: Vec<Join> },
}

impl ActorList {
    pub fn span(&self) -> Span {
        match self {
            ActorList::Any(s) => s.clone(),
            ActorList::Names { span, .. } => span.clone(),
        }
    }
}

/// An actor name in a claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameNode {
    /// The name: quotes removed and escapes resolved; for a bare name, its words joined by one
    /// space.
    pub text: String,
    /// The name as written, quotes included.
    pub span: Span,
    pub quoted: bool,
}

/// What joins two names of a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Join {
    /// `,`
    Comma(Span),
    /// `and` (or `, and`).
    And(Span),
}

impl Join {
    pub fn is_and(&self) -> bool {
        matches!(self, Join::And(_))
    }
}

/// A quantity and how it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuantityNode {
    pub span: Span,
    pub value: Quantity,
    /// The words (`more than`, `about`) when it was written in words.
    pub words: Option<Span>,
    /// Written with thousands separators (`1,269`).
    pub separators: bool,
}

/// A date or date range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateNode {
    pub span: Span,
    pub value: DateSpec,
}

/// The two kinds of declaration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HeaderKind {
    Actor,
    Predicate,
}

impl HeaderKind {
    pub fn keyword(self) -> &'static str {
        match self {
            HeaderKind::Actor => "actor",
            HeaderKind::Predicate => "predicate",
        }
    }
}

/// `actor NAME` or `predicate WORD`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    pub kind: HeaderKind,
    pub keyword: Span,
    pub name: Item,
}

/// One item of a property list (or a header name, or a glob): bare text or a quoted string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The text: for bare text, trimmed with inner runs of blanks reduced to one space; for a
    /// quoted string, exactly what is between the quotes (escapes resolved).
    pub text: String,
    pub span: Span,
    pub quoted: bool,
}

/// The property keywords.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PropertyKind {
    Alias,
    Code,
    Demonym,
    Metonym,
    Verb,
    Noun,
    Phrase,
    Object,
    Cued,
    Cue,
    Counts,
    Counted,
    Except,
    Jurisdiction,
    Speaker,
    Drop,
    Example,
}

impl PropertyKind {
    /// Every property, with its keyword.
    pub const ALL: [(PropertyKind, &'static str); 17] = [
        (PropertyKind::Alias, "alias"),
        (PropertyKind::Code, "code"),
        (PropertyKind::Demonym, "demonym"),
        (PropertyKind::Metonym, "metonym"),
        (PropertyKind::Verb, "verb"),
        (PropertyKind::Noun, "noun"),
        (PropertyKind::Phrase, "phrase"),
        (PropertyKind::Object, "object"),
        (PropertyKind::Cued, "cued"),
        (PropertyKind::Cue, "cue"),
        (PropertyKind::Counts, "counts"),
        (PropertyKind::Counted, "counted"),
        (PropertyKind::Except, "except"),
        (PropertyKind::Jurisdiction, "jurisdiction"),
        (PropertyKind::Speaker, "speaker"),
        (PropertyKind::Drop, "drop"),
        (PropertyKind::Example, "example"),
    ];

    pub fn from_keyword(word: &str) -> Option<Self> {
        Self::ALL.iter().find(|(_, k)| *k == word).map(|(p, _)| *p)
    }

    pub fn keyword(self) -> &'static str {
        Self::ALL.iter().find(|(p, _)| *p == self).map(|(_, k)| *k).unwrap_or("")
    }

    /// Whether the property may appear under a header of this kind.
    pub fn allowed_under(self, header: HeaderKind) -> bool {
        use PropertyKind::*;
        match self {
            Alias | Code | Demonym | Metonym => header == HeaderKind::Actor,
            Verb | Noun | Phrase | Object | Cued | Cue | Counts | Counted | Except
            | Jurisdiction | Speaker | Example => header == HeaderKind::Predicate,
            Drop => true,
        }
    }
}

/// A property line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Property {
    pub kind: PropertyKind,
    pub keyword: Span,
    pub value: PropertyValue,
}

/// What a property holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PropertyValue {
    /// A comma-separated list.
    Items(Vec<Item>),
    Example(Box<ExampleNode>),
}

/// `example "TEXT" => CLAIM` or `example "TEXT" => nothing`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleNode {
    pub text: Item,
    pub arrow: Span,
    /// The claim the text must give; `None` for `nothing`.
    pub expect: Option<ClaimNode>,
    /// The claim as written, or the word `nothing`.
    pub expect_span: Span,
}

/// `articles GLOB, GLOB, ...`
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Articles {
    pub keyword: Span,
    pub globs: Vec<Item>,
}
