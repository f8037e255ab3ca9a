//! The shared vocabulary of factcheck: quantities, partial dates, claims and facts.
//!
//! A [`Claim`] is what a fact-checker wrote in a claim file; a [`Fact`] is what the extractor read
//! in an article. Both speak of actors and predicates by id into a [`crate::lexicon::Lexicon`], and
//! both carry byte spans (`Range<usize>`) into the original file they came from.

use std::fmt;
use std::ops::Range;

use schemars::JsonSchema;
use serde::Serialize;

/// A byte range into the original text of one file.
pub type Span = Range<usize>;

/// Index of an actor in the [`crate::lexicon::Lexicon`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct ActorId(pub u32);

/// Index of a predicate in the [`crate::lexicon::Lexicon`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct PredicateId(pub u16);

/// How a quantity relates to its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, JsonSchema)]
pub enum Relation {
    #[serde(rename = "=")]
    Eq,
    #[serde(rename = ">")]
    Gt,
    #[serde(rename = ">=")]
    Ge,
    #[serde(rename = "<")]
    Lt,
    #[serde(rename = "<=")]
    Le,
    /// Approximately: within [`Quantity::APPROX_TOLERANCE`] of the value.
    #[serde(rename = "~")]
    #[schemars(description = "Approximately: within 10% of the value (at least 1).")]
    About,
    /// Inclusive range `value..=high`.
    #[serde(rename = "..")]
    Range,
}

impl Relation {
    /// The claim-language symbol of the relation (`=` is written as nothing).
    pub fn symbol(self) -> &'static str {
        match self {
            Relation::Eq => "",
            Relation::Gt => ">",
            Relation::Ge => ">=",
            Relation::Lt => "<",
            Relation::Le => "<=",
            Relation::About => "~",
            Relation::Range => "..",
        }
    }
}

/// A count: "17", "more than 200", "about 1,000", "10 to 20".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, JsonSchema)]
pub struct Quantity {
    pub relation: Relation,
    pub value: u64,
    /// Upper bound, only for [`Relation::Range`].
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(description = "The upper bound of a range (relation `..`), else absent.")]
    pub high: Option<u64>,
}

impl Quantity {
    /// `~N` accepts values within this fraction of N (10%, at least 1).
    pub const APPROX_TOLERANCE: f64 = 0.10;

    pub const fn exact(value: u64) -> Self {
        Quantity { relation: Relation::Eq, value, high: None }
    }

    pub const fn with(relation: Relation, value: u64) -> Self {
        Quantity { relation, value, high: None }
    }

    pub const fn range(low: u64, high: u64) -> Self {
        Quantity { relation: Relation::Range, value: low, high: Some(high) }
    }

    /// The set of integers the quantity admits, as an inclusive interval.
    pub fn interval(&self) -> (u64, u64) {
        match self.relation {
            Relation::Eq => (self.value, self.value),
            Relation::Gt => (self.value.saturating_add(1), u64::MAX),
            Relation::Ge => (self.value, u64::MAX),
            Relation::Lt => (0, self.value.saturating_sub(1)),
            Relation::Le => (0, self.value),
            Relation::About => {
                let tol = ((self.value as f64) * Self::APPROX_TOLERANCE).ceil().max(1.0) as u64;
                (self.value.saturating_sub(tol), self.value.saturating_add(tol))
            }
            Relation::Range => (self.value, self.high.unwrap_or(self.value)),
        }
    }

    /// Two quantities are compatible when some count satisfies both.
    pub fn compatible(&self, other: &Quantity) -> bool {
        let (a0, a1) = self.interval();
        let (b0, b1) = other.interval();
        a0 <= b1 && b0 <= a1
    }
}

impl fmt::Display for Quantity {
    /// Claim-language form: `17`, `>17`, `~1000`, `10..20`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.relation {
            Relation::Range => write!(f, "{}..{}", self.value, self.high.unwrap_or(self.value)),
            r => write!(f, "{}{}", r.symbol(), self.value),
        }
    }
}

/// A calendar date that may be partial: `2022`, `2022-03`, `2022-03-29`, or `--03-29` (month and
/// day of an unknown year).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartialDate {
    pub year: Option<i32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// How much of a [`PartialDate`] is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[schemars(description = "How much of the date is known.")]
pub enum Precision {
    Year,
    Month,
    Day,
    /// Month and day known, year unknown (`--04-15`).
    MonthDay,
    /// Only the month is known (`--04`).
    MonthOnly,
}

impl PartialDate {
    pub const fn ymd(year: i32, month: u8, day: u8) -> Self {
        PartialDate { year: Some(year), month: Some(month), day: Some(day) }
    }

    pub fn precision(&self) -> Precision {
        match (self.year, self.month, self.day) {
            (Some(_), Some(_), Some(_)) => Precision::Day,
            (Some(_), Some(_), None) => Precision::Month,
            (Some(_), None, _) => Precision::Year,
            (None, Some(_), Some(_)) => Precision::MonthDay,
            _ => Precision::MonthOnly,
        }
    }

    /// True when the two dates can denote the same day: every field known on both sides agrees.
    pub fn compatible(&self, other: &PartialDate) -> bool {
        fn agree<T: PartialEq>(a: Option<T>, b: Option<T>) -> bool {
            match (a, b) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
        }
        agree(self.year, other.year) && agree(self.month, other.month) && agree(self.day, other.day)
    }

    /// The full date, when year, month and day are known and form a real calendar day.
    pub fn to_civil(&self) -> Option<jiff::civil::Date> {
        let (y, m, d) = (self.year?, self.month?, self.day?);
        jiff::civil::Date::new(i16::try_from(y).ok()?, i8::try_from(m).ok()?, i8::try_from(d).ok()?)
            .ok()
    }

    pub fn from_civil(d: jiff::civil::Date) -> Self {
        PartialDate::ymd(i32::from(d.year()), d.month() as u8, d.day() as u8)
    }
}

impl fmt::Display for PartialDate {
    /// `2022-03-29`, `2022-03`, `2022`, `--03-29`, `--03`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.year {
            Some(y) => write!(f, "{y:04}")?,
            None => write!(f, "-")?,
        }
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

// A date as the JSON outputs write it; `PartialDate` serialises (and describes its JSON
// Schema) through it, so the two cannot differ.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Date", description = "A date, as precise as the text gives it.")]
struct DateJson {
    /// `2022-03-29`, `2022-03`, `2022`, `--04-15` (no year), `--04` (only the month).
    value: String,
    precision: Precision,
}

impl Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        DateJson { value: self.to_string(), precision: self.precision() }.serialize(s)
    }
}

impl JsonSchema for PartialDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        DateJson::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        DateJson::json_schema(generator)
    }
}

/// A date, an inclusive range of dates, or a range with one end open.
///
/// Open ends are what news writes as `since 2010`, `from May on`, `until Friday`, `before
/// 2018`. The bound kept is inclusive: `after 2010` is read as from 2011 on, `before March 5`
/// as up to March 4 (the period next to the date, at the precision the text gives). JSON
/// writes them as `start` alone and `end` alone; a claim as `2011..` and `..2017`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum DateSpec {
    On(PartialDate),
    Between {
        start: PartialDate,
        end: PartialDate,
    },
    /// From `start` on (included), no end stated: `since 2010`, `after 2010` (from 2011).
    Since {
        start: PartialDate,
    },
    /// Up to `end` (included), no start stated: `until Friday`, `before 2018` (up to 2017).
    Until {
        end: PartialDate,
    },
}

impl DateSpec {
    /// True when some day is admitted by both. Ranges are compared field by field on their
    /// bounds, which is exact for dates of the same precision and lenient otherwise; an open
    /// end admits every day on its side (`since 2010` admits 2011 and 2010-06, not 2009).
    pub fn compatible(&self, other: &DateSpec) -> bool {
        match (self, other) {
            (DateSpec::On(a), DateSpec::On(b)) => a.compatible(b),
            (DateSpec::On(a), DateSpec::Between { start, end })
            | (DateSpec::Between { start, end }, DateSpec::On(a)) => within(a, start, end),
            (
                DateSpec::Between { start: s1, end: e1 },
                DateSpec::Between { start: s2, end: e2 },
            ) => within(s1, s2, e2) || within(s2, s1, e1),
            _ => {
                // One side at least is open: the two overlap when each starts no later than the
                // other ends (an open side has no start or no end to compare).
                let (s1, e1) = self.bounds();
                let (s2, e2) = other.bounds();
                let le = |a: Option<&PartialDate>, b: Option<&PartialDate>| match (a, b) {
                    (Some(a), Some(b)) => order(a, b) != std::cmp::Ordering::Greater,
                    _ => true,
                };
                le(s1, e2) && le(s2, e1)
            }
        }
    }

    /// The first and last dates admitted, `None` for an open end.
    pub fn bounds(&self) -> (Option<&PartialDate>, Option<&PartialDate>) {
        match self {
            DateSpec::On(d) => (Some(d), Some(d)),
            DateSpec::Between { start, end } => (Some(start), Some(end)),
            DateSpec::Since { start } => (Some(start), None),
            DateSpec::Until { end } => (None, Some(end)),
        }
    }

    /// True for a range with an open end (`since 2010`, `until Friday`).
    pub fn is_open(&self) -> bool {
        matches!(self, DateSpec::Since { .. } | DateSpec::Until { .. })
    }
}

/// Orders two partial dates on the fields known on both sides, year first (`Equal` when they
/// agree as far as both go: `2010` and `2010-06`).
fn order(a: &PartialDate, b: &PartialDate) -> std::cmp::Ordering {
    let both = |x: Option<i32>, y: Option<i32>| x.zip(y);
    let pairs = [
        both(a.year, b.year),
        both(a.month.map(i32::from), b.month.map(i32::from)),
        both(a.day.map(i32::from), b.day.map(i32::from)),
    ];
    for p in pairs {
        match p {
            Some((x, y)) if x != y => return x.cmp(&y),
            Some(_) => {}
            None => return std::cmp::Ordering::Equal,
        }
    }
    std::cmp::Ordering::Equal
}

/// `d` lies in `[start, end]`, comparing only the fields known on both sides, year first.
fn within(d: &PartialDate, start: &PartialDate, end: &PartialDate) -> bool {
    order(d, start) != std::cmp::Ordering::Less && order(d, end) != std::cmp::Ordering::Greater
}

impl fmt::Display for DateSpec {
    /// `2022-03-29`, `2022-03..2022-05`, `2011..` (from 2011 on), `..2017` (up to 2017).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateSpec::On(d) => d.fmt(f),
            DateSpec::Between { start, end } => write!(f, "{start}..{end}"),
            DateSpec::Since { start } => write!(f, "{start}.."),
            DateSpec::Until { end } => write!(f, "..{end}"),
        }
    }
}

/// The actors of a claim's subject or object.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Actors {
    /// `_`: not specified, matches anything.
    Any,
    /// One or more actors acting together (sorted, deduplicated).
    Set(Vec<ActorId>),
}

/// One claim of a claim file, resolved against the lexicon.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// The claim file it was written in.
    pub file: crate::source::FileId,
    /// The whole claim, without its comment.
    pub span: Span,
    pub subject: Actors,
    pub subject_span: Span,
    /// `not`: the claim says it did not happen.
    pub negated: bool,
    pub predicate: PredicateId,
    pub predicate_span: Span,
    pub quantity: Option<Quantity>,
    pub quantity_span: Option<Span>,
    /// `None` when absent from the line (same meaning as `_`).
    pub object: Actors,
    pub object_span: Option<Span>,
    pub date: Option<DateSpec>,
    pub date_span: Option<Span>,
}

/// One fact an article states, with the byte spans of the text that says it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Fact {
    /// The article it was read from.
    pub file: crate::source::FileId,
    /// The evidence: usually the clause or sentence that states the fact.
    pub span: Span,
    /// Who acts; empty when the article leaves it unstated.
    pub subject: Vec<ActorId>,
    pub predicate: PredicateId,
    pub quantity: Option<Quantity>,
    /// Who it is done to; empty when unstated.
    pub object: Vec<ActorId>,
    pub date: Option<DateSpec>,
    /// The article says it did not happen ("has not expelled").
    pub negated: bool,
    /// Sub-spans, for labels: the words that named each part.
    pub subject_span: Option<Span>,
    pub predicate_span: Span,
    pub quantity_span: Option<Span>,
    pub object_span: Option<Span>,
    pub date_span: Option<Span>,
}

#[cfg(test)]
impl Fact {
    /// A fact that states only its predicate (id 0) at `span`: for tests that need a fact's
    /// place, not its content.
    pub(crate) fn bare(file: crate::source::FileId, span: Span) -> Fact {
        Fact {
            file,
            span: span.clone(),
            subject: vec![],
            predicate: PredicateId(0),
            quantity: None,
            object: vec![],
            date: None,
            negated: false,
            subject_span: None,
            predicate_span: span,
            quantity_span: None,
            object_span: None,
            date_span: None,
        }
    }
}
