//! The line parser: turns a file into an [`ast::File`] and a list of [`ParseError`]s. It never
//! fails: a bad line becomes [`LineKind::Error`] with an error pointing at the offending token,
//! and parsing continues on the next line.
//!
//! Lines are split first (`\n` or `\r\n`, a leading BOM skipped), then each line's comment is cut
//! off (`#` outside quotes), its code tokenized ([`super::lex`]), and the tokens read by a small
//! recursive-descent reader that knows the grammar of claims, headers, properties, examples and
//! `articles` lines.

// Errors are the cold path (at most one per bad line); boxing them would only add noise.
#![allow(clippy::result_large_err)]

use crate::diag::code;
use crate::lang::ast::*;
use crate::lang::lex::{self, In, NumberError, RawDate, TokKind, Token, input};
use crate::model::{Quantity, Relation, Span};

/// A problem found while parsing, with the span of the offending characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// Stable diagnostic code (see [`crate::diag::code`]).
    pub code: &'static str,
    pub span: Span,
    pub message: String,
    /// Short text under the caret.
    pub label: String,
    pub help: Option<String>,
    /// A related place (the first `articles` line, for a second one).
    pub related: Option<(Span, String)>,
}

impl ParseError {
    fn new(code: &'static str, span: Span, message: impl Into<String>) -> Self {
        ParseError {
            code,
            span,
            message: message.into(),
            label: String::new(),
            help: None,
            related: None,
        }
    }

    fn syntax(span: Span, message: impl Into<String>) -> Self {
        Self::new(code::SYNTAX, span, message)
    }

    fn label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }

    fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// Parses a claim or rule file. Never fails; see the module docs.
pub fn parse(src: &str) -> (File, Vec<ParseError>) {
    let mut p = Parser { src, errors: Vec::new(), block: None, articles: None, first_claim: None };
    let bom = src.starts_with('\u{feff}');
    let mut start = if bom { '\u{feff}'.len_utf8() } else { 0 };
    let mut lines = Vec::new();
    let (mut crlf, mut cr) = (false, false);
    // Lines end with `\n`, `\r\n` or a lone `\r`.
    while start < src.len() {
        let bytes = src.as_bytes();
        let (end, next) = match memchr::memchr2(b'\n', b'\r', &bytes[start..]) {
            Some(n) if bytes[start + n] == b'\r' && bytes.get(start + n + 1) == Some(&b'\n') => {
                crlf |= lines.is_empty();
                (start + n, start + n + 2)
            }
            Some(n) => {
                cr |= lines.is_empty() && bytes[start + n] == b'\r';
                (start + n, start + n + 1)
            }
            None => (src.len(), src.len()),
        };
        lines.push(p.line(start..end));
        start = next;
    }
    (File { bom, crlf, cr, lines }, p.errors)
}

/// Reserved words: syntax in claims, never names or predicates.
const RESERVED: &[&str] = &["and", "not"];

/// Small words of names (`Republic of the Congo`), never predicates: a claim whose "predicate"
/// is one of them is a name that should have been quoted.
const FUNCTION_WORDS: &[&str] =
    &["of", "the", "de", "du", "des", "la", "le", "van", "von", "da", "di", "del", "al", "el"];

/// The quantity words and the relation they introduce (`at`, `more`, `fewer`, `less` take a
/// second word).
const QUANTITY_WORDS: &[&str] = &[
    "over",
    "more",
    "at",
    "under",
    "fewer",
    "less",
    "about",
    "around",
    "approximately",
    "exactly",
];

/// True for a word that can be part of a bare actor name: it begins with an upper-case letter or
/// a digit and is not a number or a date.
pub fn is_actor_word(w: &str) -> bool {
    let starts = w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    starts && !w.chars().all(|c| c.is_ascii_digit() || matches!(c, '-' | '.' | ','))
}

/// True for a word that can be a predicate: lower-case letters (and inner hyphens), not `and`
/// or `not`.
pub fn is_predicate_word(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(|c| c.is_lowercase())
        && chars.all(|c| c.is_lowercase() || c == '-')
        && !RESERVED.contains(&w)
}

/// A word that reads as a number (`17`, `1,269`, `10..20`, `1.5`).
fn is_numberish(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_digit())
        && w.chars().all(|c| c.is_ascii_digit() || matches!(c, ',' | '.'))
}

/// A word that reads as a date (`2022-03`, `--04-15`, `2022..2022-04`).
fn is_dateish(w: &str) -> bool {
    let digits_first = w.starts_with(|c: char| c.is_ascii_digit()) || w.starts_with("--");
    // `..2017` (up to 2017) and `2011-05..` (from May 2011 on).
    let open = w.starts_with("..") && w[2..].starts_with(|c: char| c.is_ascii_digit() || c == '-');
    (digits_first && w.contains('-') || open)
        && w.chars().all(|c| c.is_ascii_digit() || matches!(c, '-' | '.'))
}

fn is_quantity_start(t: &Token<'_>) -> bool {
    t.kind == TokKind::Word
        && (t.text.starts_with(['>', '<', '~'])
            || QUANTITY_WORDS.contains(&t.text)
            || is_numberish(t.text))
}

fn is_actor_start(t: &Token<'_>) -> bool {
    match &t.kind {
        TokKind::Quoted { .. } => true,
        TokKind::Word => t.text == "_" || is_actor_word(t.text),
        TokKind::Comma => false,
    }
}

/// The tokens of a line being read, and where its code ends (for errors at the end of a line).
struct Cursor<'t, 'a> {
    toks: &'t [Token<'a>],
    i: usize,
    end: usize,
}

impl<'t, 'a> Cursor<'t, 'a> {
    fn peek(&self) -> Option<&'t Token<'a>> {
        self.toks.get(self.i)
    }

    fn next(&mut self) -> Option<&'t Token<'a>> {
        let t = self.toks.get(self.i);
        if t.is_some() {
            self.i += 1;
        }
        t
    }

    /// Span of the next token, or an empty span at the end of the code.
    fn here(&self) -> Span {
        self.peek().map(|t| t.span.clone()).unwrap_or(self.end..self.end)
    }

    fn last_end(&self) -> usize {
        self.i.checked_sub(1).and_then(|j| self.toks.get(j)).map(|t| t.span.end).unwrap_or(self.end)
    }
}

fn found(t: Option<&Token<'_>>) -> String {
    match t {
        Some(t) => format!(", found `{}`", t.text),
        None => String::new(),
    }
}

struct Parser<'s> {
    src: &'s str,
    errors: Vec<ParseError>,
    /// The declaration the following property lines belong to.
    block: Option<HeaderKind>,
    /// The first `articles` line.
    articles: Option<Span>,
    /// The first claim.
    first_claim: Option<Span>,
}

impl<'s> Parser<'s> {
    fn text(&self, span: &Span) -> &'s str {
        self.src.get(span.clone()).unwrap_or("")
    }

    fn line(&mut self, span: Span) -> Line {
        let text = self.text(&span);
        let indent_len = text.len() - text.trim_start_matches([' ', '\t']).len();
        let rest_start = span.start + indent_len;
        let rest = self.text(&(rest_start..span.end));
        let (code_str, comment) = match lex::comment_start(rest) {
            Some(c) => {
                let ctext = rest.get(c..).unwrap_or("").trim_end();
                let cstart = rest_start + c;
                (rest.get(..c).unwrap_or(""), Some(cstart..cstart + ctext.len()))
            }
            None => (rest, None),
        };
        let code_str = code_str.trim_end();
        let code = rest_start..rest_start + code_str.len();
        let indent = span.start..rest_start;
        let kind = if code_str.is_empty() {
            LineKind::Blank
        } else {
            let before = self.errors.len();
            let kind = self.code(input(code_str, rest_start), indent_len > 0);
            if self.errors.len() > before { LineKind::Error } else { kind }
        };
        Line { span, indent, code, comment, kind }
    }

    fn code(&mut self, code: In<'s>, indented: bool) -> LineKind {
        let end = lex::pos(&code) + code.fragment().len();
        let toks = lex::tokenize(code, false);
        let Some(first) = toks.first() else { return LineKind::Blank };
        let first_lower =
            first.kind == TokKind::Word && first.text.starts_with(|c: char| c.is_lowercase());
        if !first_lower {
            let toks = lex::tokenize(code, true);
            self.block = None;
            let mut cur = Cursor { toks: &toks, i: 0, end };
            return match self.claim(&mut cur) {
                Ok(c) => {
                    if self.first_claim.is_none() {
                        self.first_claim = Some(c.span.clone());
                    }
                    LineKind::Claim(c)
                }
                Err(e) => {
                    self.errors.push(e);
                    LineKind::Error
                }
            };
        }
        let rest = Cursor { toks: &toks, i: 1, end };
        match first.text {
            "actor" | "predicate" => {
                let kind =
                    if first.text == "actor" { HeaderKind::Actor } else { HeaderKind::Predicate };
                self.block = Some(kind);
                match self.header(kind, first, rest) {
                    Ok(h) => LineKind::Header(h),
                    Err(e) => {
                        self.errors.push(e);
                        LineKind::Error
                    }
                }
            }
            "articles" => {
                self.block = None;
                self.articles(first, rest, end)
            }
            w => match PropertyKind::from_keyword(w) {
                Some(kind) => self.property(kind, first, rest, code),
                None => {
                    self.unknown_keyword(first, indented);
                    LineKind::Error
                }
            },
        }
    }

    fn unknown_keyword(&mut self, first: &Token<'_>, indented: bool) {
        let w = first.text;
        if indented || self.block.is_some() {
            let allowed: Vec<&str> = PropertyKind::ALL
                .iter()
                .filter(|(k, _)| self.block.is_none_or(|b| k.allowed_under(b)))
                .map(|(_, n)| *n)
                .collect();
            let mut e = ParseError::new(
                code::UNKNOWN_PROPERTY,
                first.span.clone(),
                format!("unknown property `{w}`"),
            )
            .label("not a property keyword");
            e = match suggest(w, &allowed) {
                Some(s) => e.help(format!("did you mean `{s}`?")),
                None => e.help(format!("properties here: {}", allowed.join(", "))),
            };
            self.errors.push(e);
        } else {
            let keywords = ["actor", "predicate", "articles"];
            let mut e = ParseError::syntax(
                first.span.clone(),
                format!("expected a claim or a declaration, found `{w}`"),
            )
            .label("not a keyword");
            e = match suggest(w, &keywords) {
                Some(s) => e.help(format!("did you mean `{s}`?")),
                None => e.help(
                    "a claim starts with its subject: a capitalised name, a quoted name or `_`; \
                     names that do not begin with a capital letter are quoted (\"police\")",
                ),
            };
            self.errors.push(e);
        }
    }

    // ---- claims ----

    fn claim(&mut self, cur: &mut Cursor<'_, 's>) -> Result<ClaimNode, ParseError> {
        let start = cur.here().start;
        let subject =
            self.actor_list(cur, "a subject (a capitalised name, a quoted name or `_`)")?;
        let not = match cur.peek() {
            Some(t) if t.is_word("not") => {
                cur.next();
                Some(t.span.clone())
            }
            _ => None,
        };
        let predicate = match cur.peek() {
            Some(t)
                if t.kind == TokKind::Word
                    && is_predicate_word(t.text)
                    && !FUNCTION_WORDS.contains(&t.text) =>
            {
                cur.next();
                Word { text: t.text.to_string(), span: t.span.clone() }
            }
            t => return Err(self.predicate_error(cur, t, &subject)),
        };
        let mut quantity = None;
        if cur.peek().is_some_and(is_quantity_start) {
            quantity = Some(self.quantity(cur)?);
        }
        let mut object = None;
        if cur.peek().is_some_and(is_actor_start) {
            object = Some(self.actor_list(cur, "an object")?);
        }
        let mut date = None;
        if let Some(t) = cur.peek() {
            let dateish = t.kind == TokKind::Word
                && (is_dateish(t.text)
                    || ((quantity.is_some() || object.is_some()) && is_numberish(t.text)));
            if dateish {
                cur.next();
                date = Some(self.date(t, quantity.is_some())?);
            }
        }
        if let Some(t) = cur.peek() {
            return Err(self.trailing_error(
                t,
                quantity.is_some(),
                object.is_some(),
                date.is_some(),
            ));
        }
        Ok(ClaimNode {
            span: start..cur.last_end(),
            subject,
            not,
            predicate,
            quantity,
            object,
            date,
        })
    }

    fn predicate_error(
        &self,
        cur: &Cursor<'_, 's>,
        t: Option<&Token<'_>>,
        subject: &ActorList,
    ) -> ParseError {
        let mut e = ParseError::syntax(
            cur.here(),
            format!("expected a predicate (a lower-case word) after the subject{}", found(t)),
        )
        .label("expected a predicate");
        let last_word = match subject {
            ActorList::Names { names, .. } => names
                .last()
                .filter(|n| !n.quoted && n.text.contains(' '))
                .and_then(|n| n.text.rsplit(' ').next())
                .map(str::to_string),
            ActorList::Any(_) => None,
        };
        let lowered = last_word.filter(|w| is_predicate_word(&w.to_lowercase()));
        let help = match t {
            Some(t) if FUNCTION_WORDS.contains(&t.text) => {
                "a name with words that do not begin with a capital letter is quoted: \
                 \"Democratic Republic of the Congo\", \"Côte d'Ivoire\""
                    .to_string()
            }
            _ if lowered.is_some() => {
                let w = lowered.unwrap_or_default();
                format!("predicates are lower-case: is `{w}` meant to be `{}`?", w.to_lowercase())
            }
            Some(t)
                if t.kind == TokKind::Word
                    && !is_predicate_word(t.text)
                    && t.text.chars().any(char::is_uppercase) =>
            {
                "a name with words that do not begin with a capital letter is quoted: \
                 \"Democratic Republic of the Congo\", \"Côte d'Ivoire\""
                    .to_string()
            }
            Some(t) if t.is_word("and") => {
                "`and` joins names; a predicate follows the whole subject".to_string()
            }
            Some(t) if is_quantity_start(t) || is_dateish(t.text) => {
                "a claim reads SUBJECT PREDICATE [QUANTITY] [OBJECT] [DATE]: the predicate is \
                 missing"
                    .to_string()
            }
            _ => return e,
        };
        e = e.help(help);
        e
    }

    fn trailing_error(
        &self,
        t: &Token<'_>,
        has_quantity: bool,
        has_object: bool,
        has_date: bool,
    ) -> ParseError {
        let (msg, label) = if has_date {
            (format!("unexpected `{}` after the date", t.text), "the claim ends at the date")
        } else if has_object {
            (format!("expected a date after the object, found `{}`", t.text), "expected a date")
        } else if has_quantity {
            (
                format!("expected an object or a date after the quantity, found `{}`", t.text),
                "expected an object or a date",
            )
        } else {
            (
                format!(
                    "expected a quantity, an object or a date after the predicate, found `{}`",
                    t.text
                ),
                "expected a quantity, an object or a date",
            )
        };
        let mut e = ParseError::syntax(t.span.clone(), msg).label(label);
        if has_date {
            e = e.help("a comment starts with `#`");
        } else if t.kind == TokKind::Word && t.text.starts_with(|c: char| c.is_lowercase()) {
            if has_quantity && QUANTITY_WORDS.contains(&t.text) || is_quantity_start(t) {
                e = e.help("a claim has at most one quantity, right after the predicate");
            } else {
                e = e.help(
                    "actor names begin with a capital letter or are quoted (\"police\"); \
                     a comment starts with `#`",
                );
            }
        } else if is_quantity_start(t) {
            e = e.help("a claim has at most one quantity, right after the predicate");
        }
        e
    }

    fn actor_list(
        &mut self,
        cur: &mut Cursor<'_, 's>,
        what: &str,
    ) -> Result<ActorList, ParseError> {
        if let Some(t) = cur.peek().filter(|t| t.is_word("_")) {
            cur.next();
            return Ok(ActorList::Any(t.span.clone()));
        }
        let first = self.name(cur, &format!("expected {what}"))?;
        let start = first.span.start;
        let mut names = vec![first];
        let mut joins = Vec::new();
        loop {
            let join = match cur.peek() {
                Some(t) if t.kind == TokKind::Comma => {
                    cur.next();
                    match cur.peek() {
                        Some(a) if a.is_word("and") => {
                            cur.next();
                            Join::And(t.span.start..a.span.end)
                        }
                        _ => Join::Comma(t.span.clone()),
                    }
                }
                Some(t) if t.is_word("and") => {
                    cur.next();
                    Join::And(t.span.clone())
                }
                _ => break,
            };
            let sep = if join.is_and() { "`and`" } else { "`,`" };
            let name = self.name(cur, &format!("expected an actor name after {sep}"))?;
            joins.push(join);
            names.push(name);
        }
        let end = names.last().map(|n| n.span.end).unwrap_or(start);
        Ok(ActorList::Names { span: start..end, names, joins })
    }

    fn name(&mut self, cur: &mut Cursor<'_, 's>, expected: &str) -> Result<NameNode, ParseError> {
        match cur.peek() {
            Some(t @ Token { kind: TokKind::Quoted { value, closed }, .. }) => {
                if !closed {
                    return Err(unterminated(t));
                }
                if value.trim().is_empty() {
                    return Err(ParseError::syntax(t.span.clone(), "empty name")
                        .label("nothing between the quotes"));
                }
                cur.next();
                Ok(NameNode { text: value.clone(), span: t.span.clone(), quoted: true })
            }
            Some(t) if t.kind == TokKind::Word && is_actor_word(t.text) => {
                let start = t.span.start;
                let mut end = t.span.end;
                let mut text = String::new();
                while let Some(w) =
                    cur.peek().filter(|w| w.kind == TokKind::Word && is_actor_word(w.text))
                {
                    if !text.is_empty() {
                        text.push(' ');
                    }
                    text.push_str(w.text);
                    end = w.span.end;
                    cur.next();
                }
                Ok(NameNode { text, span: start..end, quoted: false })
            }
            Some(t) if t.is_word("_") => Err(ParseError::syntax(
                t.span.clone(),
                "`_` stands alone: it cannot be part of a list of names",
            )
            .label("`_` in a list")),
            t => {
                let mut e = ParseError::syntax(cur.here(), format!("{expected}{}", found(t)))
                    .label("expected a name");
                if t.is_some_and(|t| t.text.starts_with(|c: char| c.is_lowercase())) {
                    e = e.help(
                        "names begin with a capital letter or a digit, or are quoted (\"police\")",
                    );
                }
                Err(e)
            }
        }
    }

    fn number_token(&self, t: &Token<'_>) -> Result<(u64, bool), ParseError> {
        number_in(t.text, t.span.start)
    }

    fn quantity(&mut self, cur: &mut Cursor<'_, 's>) -> Result<QuantityNode, ParseError> {
        let Some(t) = cur.next() else {
            return Err(ParseError::syntax(cur.here(), "expected a quantity"));
        };
        let start = t.span.start;
        // Symbolic: >N, >=N, <N, <=N, ~N (optionally with a blank before N).
        if let Some((op, rel)) = [
            (">=", Relation::Ge),
            ("<=", Relation::Le),
            (">", Relation::Gt),
            ("<", Relation::Lt),
            ("~", Relation::About),
        ]
        .into_iter()
        .find(|(op, _)| t.text.starts_with(op))
        {
            let rest = t.text.get(op.len()..).unwrap_or("");
            let (value, separators, end) = if rest.is_empty() {
                match cur.peek() {
                    Some(n) if n.kind == TokKind::Word && is_numberish(n.text) => {
                        cur.next();
                        let (v, s) = self.number_token(n)?;
                        (v, s, n.span.end)
                    }
                    n => {
                        return Err(ParseError::syntax(
                            cur.here(),
                            format!("expected a number after `{op}`{}", found(n)),
                        )
                        .label("expected a number"));
                    }
                }
            } else {
                let (v, s) = number_in(rest, t.span.start + op.len())?;
                (v, s, t.span.end)
            };
            let q = Quantity::with(rel, value);
            self.check_empty(&q, start..end)?;
            return Ok(QuantityNode { span: start..end, value: q, words: None, separators });
        }
        // In words.
        if QUANTITY_WORDS.contains(&t.text) {
            let second = |w: &str| -> Option<Relation> {
                match (t.text, w) {
                    ("more", "than") => Some(Relation::Gt),
                    ("at", "least") => Some(Relation::Ge),
                    ("at", "most") => Some(Relation::Le),
                    ("fewer" | "less", "than") => Some(Relation::Lt),
                    _ => None,
                }
            };
            let (rel, words_end) = match t.text {
                "over" => (Relation::Gt, t.span.end),
                "under" => (Relation::Lt, t.span.end),
                "about" | "around" | "approximately" => (Relation::About, t.span.end),
                "exactly" => (Relation::Eq, t.span.end),
                _ => match cur.peek() {
                    Some(w) if w.kind == TokKind::Word && second(w.text).is_some() => {
                        cur.next();
                        (second(w.text).unwrap_or(Relation::Eq), w.span.end)
                    }
                    w => {
                        let expected = match t.text {
                            "at" => "`least` or `most`",
                            _ => "`than`",
                        };
                        return Err(ParseError::syntax(
                            cur.here(),
                            format!("expected {expected} after `{}`{}", t.text, found(w)),
                        )
                        .label(format!("expected {expected}")));
                    }
                },
            };
            return match cur.peek() {
                Some(n) if n.kind == TokKind::Word && is_numberish(n.text) => {
                    cur.next();
                    let (value, separators) = self.number_token(n)?;
                    let q = Quantity::with(rel, value);
                    let span = start..n.span.end;
                    self.check_empty(&q, span.clone())?;
                    Ok(QuantityNode { span, value: q, words: Some(start..words_end), separators })
                }
                n => Err(ParseError::syntax(
                    cur.here(),
                    format!(
                        "expected a number after `{}`{}",
                        self.text(&(start..words_end)),
                        found(n)
                    ),
                )
                .label("expected a number")),
            };
        }
        // Digits: N or N..M.
        let (low_text, high_text) = match t.text.split_once("..") {
            Some((a, b)) => (a, Some(b)),
            None => (t.text, None),
        };
        let (low, s1) = number_in(low_text, t.span.start)?;
        let q = match high_text {
            Some(h) => {
                let hstart = t.span.start + low_text.len() + 2;
                if h.is_empty() {
                    return Err(ParseError::syntax(hstart..hstart, "expected a number after `..`")
                        .label("expected the upper bound"));
                }
                let (high, s2) = number_in(h, hstart)?;
                let q = Quantity::range(low, high);
                self.check_empty(&q, t.span.clone())?;
                return Ok(QuantityNode {
                    span: t.span.clone(),
                    value: q,
                    words: None,
                    separators: s1 || s2,
                });
            }
            None => Quantity::exact(low),
        };
        Ok(QuantityNode { span: t.span.clone(), value: q, words: None, separators: s1 })
    }

    fn check_empty(&self, q: &Quantity, span: Span) -> Result<(), ParseError> {
        let code = code::EMPTY_RANGE;
        match q.relation {
            Relation::Range if q.high.is_some_and(|h| h < q.value) => {
                let high = q.high.unwrap_or(q.value);
                Err(ParseError::new(code, span, format!("empty range: {q} admits no number"))
                    .label("the upper bound is below the lower bound")
                    .help(format!("write the smaller number first: {high}..{}", q.value)))
            }
            Relation::Lt if q.value == 0 => {
                Err(ParseError::new(code, span, "`<0` admits no count")
                    .label("no count is below 0"))
            }
            _ => Ok(()),
        }
    }

    fn date(&mut self, t: &Token<'_>, after_quantity: bool) -> Result<DateNode, ParseError> {
        let parsed = lex::date_spec(input(t.text, t.span.start));
        let Ok((_, raw)) = parsed else {
            let mut e = ParseError::syntax(
                t.span.clone(),
                format!("expected a date like 2022-03-29, found `{}`", t.text),
            )
            .label("not a date")
            .help(
                "dates are YYYY, YYYY-MM, YYYY-MM-DD, --MM-DD, or a range DATE..DATE, DATE.. \
                 (from DATE on) or ..DATE (up to DATE)",
            );
            if is_numberish(t.text) && !after_quantity {
                e = e.help("the quantity comes right after the predicate, before the object");
            }
            return Err(e);
        };
        for d in raw.start.iter().chain(&raw.end) {
            validate_date(d)?;
        }
        if let (Some(start), Some(end)) = (&raw.start, &raw.end)
            && date_key(&start.date, &end.date) == std::cmp::Ordering::Greater
        {
            return Err(ParseError::new(
                code::EMPTY_RANGE,
                t.span.clone(),
                format!("reversed date range: {} is after {}", start.date, end.date),
            )
            .label("the range ends before it starts")
            .help(format!("write the earlier date first: {}..{}", end.date, start.date)));
        }
        let value = lex::to_spec(&raw).ok_or_else(|| {
            ParseError::syntax(t.span.clone(), format!("expected a date, found `{}`", t.text))
        })?;
        Ok(DateNode { span: t.span.clone(), value })
    }

    // ---- declarations ----

    fn header(
        &mut self,
        kind: HeaderKind,
        keyword: &Token<'_>,
        mut cur: Cursor<'_, 's>,
    ) -> Result<Header, ParseError> {
        let what = match kind {
            HeaderKind::Actor => "an actor name",
            HeaderKind::Predicate => "a predicate name (one lower-case word, past tense)",
        };
        let items = self.items(&mut cur, keyword)?;
        let mut items = items.into_iter();
        let Some(name) = items.next() else {
            return Err(ParseError::syntax(
                cur.end..cur.end,
                format!("expected {what} after `{}`", keyword.text),
            )
            .label(format!("expected {what}")));
        };
        if let Some(extra) = items.next() {
            return Err(ParseError::syntax(
                extra.span,
                format!("one name per `{}` line", keyword.text),
            )
            .label("a second name")
            .help(match kind {
                HeaderKind::Actor => "other names go on an `alias` line under the header",
                HeaderKind::Predicate => "other forms go on `verb`, `noun` or `phrase` lines",
            }));
        }
        if kind == HeaderKind::Predicate && !is_predicate_word(&name.text) {
            return Err(ParseError::syntax(
                name.span.clone(),
                format!("a predicate is named by one lower-case word, found `{}`", name.text),
            )
            .label("not one lower-case word")
            .help("multi-word forms go on a `phrase` line under the header"));
        }
        Ok(Header { kind, keyword: keyword.span.clone(), name })
    }

    fn property(
        &mut self,
        kind: PropertyKind,
        keyword: &Token<'_>,
        mut cur: Cursor<'_, 's>,
        code: In<'s>,
    ) -> LineKind {
        match self.block {
            None => {
                self.errors.push(
                    ParseError::new(
                        code::PROPERTY_OUTSIDE_DECLARATION,
                        keyword.span.clone(),
                        format!("`{}` line outside a declaration", keyword.text),
                    )
                    .label("no `actor` or `predicate` header above")
                    .help("property lines go under an `actor NAME` or `predicate WORD` header"),
                );
                return LineKind::Error;
            }
            Some(h) if !kind.allowed_under(h) => {
                let allowed: Vec<&str> = PropertyKind::ALL
                    .iter()
                    .filter(|(k, _)| k.allowed_under(h))
                    .map(|(_, n)| *n)
                    .collect();
                let article = if h == HeaderKind::Actor { "an" } else { "a" };
                self.errors.push(
                    ParseError::new(
                        code::UNKNOWN_PROPERTY,
                        keyword.span.clone(),
                        format!(
                            "`{}` is not a property of {article} {}",
                            keyword.text,
                            h.keyword()
                        ),
                    )
                    .label(format!("not allowed under `{}`", h.keyword()))
                    .help(format!(
                        "{} properties: {}",
                        h.keyword(),
                        allowed.join(", ")
                    )),
                );
                return LineKind::Error;
            }
            Some(_) => {}
        }
        if kind == PropertyKind::Example {
            return match self.example(keyword, cur, code) {
                Ok(ex) => LineKind::Property(Property {
                    kind,
                    keyword: keyword.span.clone(),
                    value: PropertyValue::Example(Box::new(ex)),
                }),
                Err(e) => {
                    self.errors.push(e);
                    LineKind::Error
                }
            };
        }
        let items = match self.items(&mut cur, keyword) {
            Ok(items) => items,
            Err(e) => {
                self.errors.push(e);
                return LineKind::Error;
            }
        };
        if items.is_empty() {
            self.errors.push(
                ParseError::syntax(
                    cur.end..cur.end,
                    format!("expected at least one item after `{}`", keyword.text),
                )
                .label("expected a comma-separated list"),
            );
            return LineKind::Error;
        }
        // `counted took prisoners`: a verb and the one noun it counts.
        if kind == PropertyKind::Counted
            && let Some(bad) = items.iter().find(|i| {
                let words: Vec<&str> = i.text.split_whitespace().collect();
                words.is_empty() || words.len() > 2 || !words.iter().all(|w| is_predicate_word(w))
            })
        {
            self.errors.push(
                ParseError::syntax(
                    bad.span.clone(),
                    format!(
                        "a `{}` item is a lower-case verb form, or a verb form and the noun it counts, found `{}`",
                        keyword.text, bad.text
                    ),
                )
                .label("not one or two lower-case words")
                .help("write `counted contributes` or `counted took prisoners`"),
            );
            return LineKind::Error;
        }
        if matches!(
            kind,
            PropertyKind::Verb
                | PropertyKind::Noun
                | PropertyKind::Object
                | PropertyKind::Jurisdiction
                | PropertyKind::Cue
                | PropertyKind::Counts
        ) && let Some(bad) = items.iter().find(|i| !is_predicate_word(&i.text))
        {
            self.errors.push(
                ParseError::syntax(
                    bad.span.clone(),
                    format!(
                        "a `{}` item is one lower-case word, found `{}`",
                        keyword.text, bad.text
                    ),
                )
                .label("not one lower-case word")
                .help("multi-word forms go on a `phrase` line"),
            );
            return LineKind::Error;
        }
        if kind == PropertyKind::Speaker
            && let Some(bad) = items.iter().find(|i| !matches!(i.text.as_str(), "agent" | "source"))
        {
            self.errors.push(
                ParseError::syntax(
                    bad.span.clone(),
                    format!("`speaker` is `agent` or `source`, found `{}`", bad.text),
                )
                .label("not `agent` or `source`")
                .help("`speaker source`: who reports the event is not who did it"),
            );
            return LineKind::Error;
        }
        LineKind::Property(Property {
            kind,
            keyword: keyword.span.clone(),
            value: PropertyValue::Items(items),
        })
    }

    /// A comma-separated list of bare or quoted items, to the end of the line.
    fn items(
        &mut self,
        cur: &mut Cursor<'_, 's>,
        keyword: &Token<'_>,
    ) -> Result<Vec<Item>, ParseError> {
        let mut items = Vec::new();
        let mut group: Vec<&Token<'_>> = Vec::new();
        let mut last_comma: Option<Span> = None;
        let flush = |group: &mut Vec<&Token<'_>>,
                     comma: Option<Span>,
                     items: &mut Vec<Item>|
         -> Result<(), ParseError> {
            if group.is_empty() {
                if let Some(c) = comma {
                    return Err(
                        ParseError::syntax(c, "empty item").label("nothing before this comma")
                    );
                }
                return Ok(());
            }
            let quoted: Vec<&&Token<'_>> =
                group.iter().filter(|t| matches!(t.kind, TokKind::Quoted { .. })).collect();
            if let Some(q) = quoted.first() {
                if let TokKind::Quoted { closed: false, .. } = q.kind {
                    return Err(unterminated(q));
                }
                if group.len() > 1 {
                    let other = group
                        .iter()
                        .find(|t| t.span != q.span)
                        .map(|t| t.span.clone())
                        .unwrap_or(q.span.clone());
                    return Err(ParseError::syntax(
                        other,
                        "an item is either bare text or one quoted string",
                    )
                    .label("outside the quotes")
                    .help("put the whole item in quotes, or separate items with `,`"));
                }
                if let TokKind::Quoted { value, .. } = &q.kind {
                    items.push(Item { text: value.clone(), span: q.span.clone(), quoted: true });
                }
            } else {
                let text = group.iter().map(|t| t.text).collect::<Vec<_>>().join(" ");
                let start = group.first().map(|t| t.span.start).unwrap_or(0);
                let end = group.last().map(|t| t.span.end).unwrap_or(start);
                items.push(Item { text, span: start..end, quoted: false });
            }
            group.clear();
            Ok(())
        };
        while let Some(t) = cur.next() {
            if t.kind == TokKind::Comma {
                flush(&mut group, Some(t.span.clone()), &mut items)?;
                last_comma = Some(t.span.clone());
            } else {
                group.push(t);
                last_comma = None;
            }
        }
        if let Some(c) = last_comma.filter(|_| group.is_empty()) {
            return Err(ParseError::syntax(
                c,
                format!("trailing comma after the `{}` items", keyword.text),
            )
            .label("nothing after this comma"));
        }
        flush(&mut group, None, &mut items)?;
        Ok(items)
    }

    fn example(
        &mut self,
        keyword: &Token<'_>,
        mut cur: Cursor<'_, 's>,
        code: In<'s>,
    ) -> Result<ExampleNode, ParseError> {
        let text = match cur.next() {
            Some(t @ Token { kind: TokKind::Quoted { value, closed }, .. }) => {
                if !closed {
                    return Err(unterminated(t));
                }
                Item { text: value.clone(), span: t.span.clone(), quoted: true }
            }
            t => {
                return Err(ParseError::syntax(
                    t.map(|t| t.span.clone()).unwrap_or(cur.end..cur.end),
                    format!("expected the example text in double quotes after `{}`{}", keyword.text, found(t)),
                )
                .label("expected \"TEXT\"")
                .help("example \"Poland expelled 45 Russian diplomats.\" => Poland expelled 45 Russia"));
            }
        };
        let arrow = match cur.next() {
            Some(t) if t.kind == TokKind::Word && t.text.starts_with("=>") => {
                t.span.start..t.span.start + 2
            }
            t => {
                return Err(ParseError::syntax(
                    t.map(|t| t.span.clone()).unwrap_or(cur.end..cur.end),
                    format!("expected `=>` after the example text{}", found(t)),
                )
                .label("expected `=>`"));
            }
        };
        let rest_start = arrow.end;
        let code_start = lex::pos(&code);
        let rest = code.fragment().get(rest_start - code_start..).unwrap_or("");
        let trimmed = rest.trim_start();
        let offset = rest_start + (rest.len() - trimmed.len());
        if trimmed.is_empty() {
            return Err(ParseError::syntax(
                cur.end..cur.end,
                "expected a claim or `nothing` after `=>`",
            )
            .label("expected a claim"));
        }
        if trimmed == "nothing" {
            return Ok(ExampleNode {
                text,
                arrow,
                expect: None,
                expect_span: offset..offset + trimmed.len(),
            });
        }
        let toks = lex::tokenize(input(trimmed, offset), true);
        let mut c = Cursor { toks: &toks, i: 0, end: offset + trimmed.len() };
        let claim = self.claim(&mut c)?;
        Ok(ExampleNode { text, arrow, expect_span: claim.span.clone(), expect: Some(claim) })
    }

    fn articles(&mut self, keyword: &Token<'_>, mut cur: Cursor<'_, 's>, end: usize) -> LineKind {
        let code = code::MISPLACED_ARTICLES;
        if let Some(first) = &self.articles {
            let mut e = ParseError::new(code, keyword.span.clone(), "a second `articles` line")
                .label("second `articles` line")
                .help("list every glob on one line: articles GLOB, GLOB");
            e.related = Some((first.clone(), "first `articles` line".into()));
            self.errors.push(e);
            return LineKind::Error;
        }
        self.articles = Some(keyword.span.start..end);
        if let Some(claim) = &self.first_claim {
            let mut e =
                ParseError::new(code, keyword.span.clone(), "`articles` after the first claim")
                    .label("too late")
                    .help("put the `articles` line before the file's claims");
            e.related = Some((claim.clone(), "first claim".into()));
            self.errors.push(e);
            return LineKind::Error;
        }
        match self.items(&mut cur, keyword) {
            Ok(globs) if !globs.is_empty() => {
                LineKind::Articles(Articles { keyword: keyword.span.clone(), globs })
            }
            Ok(_) => {
                self.errors.push(
                    ParseError::syntax(end..end, "expected at least one glob after `articles`")
                        .label("expected a glob")
                        .help("articles drafts/*.md, sources/*.txt"),
                );
                LineKind::Error
            }
            Err(e) => {
                self.errors.push(e);
                LineKind::Error
            }
        }
    }
}

fn unterminated(t: &Token<'_>) -> ParseError {
    ParseError::syntax(t.span.clone(), "unterminated quote")
        .label("this quote is never closed")
        .help("close the string with `\"` (write `\\\"` for a quote inside it)")
}

/// Reads `text` (at file offset `offset`) as a whole number.
fn number_in(text: &str, offset: usize) -> Result<(u64, bool), ParseError> {
    let span = offset..offset + text.len();
    match lex::number(input(text, offset)) {
        Ok((rest, Ok(n))) if rest.fragment().is_empty() => Ok((n.value, n.separators)),
        Ok((_, Err((NumberError::Grouping, s)))) => Err(ParseError::syntax(
            s,
            "commas in a number go between groups of three digits",
        )
        .label("bad digit grouping")
        .help("write the number without commas (1269) or with commas every three digits (1,269)")),
        Ok((_, Err((NumberError::TooLarge, s)))) => {
            Err(ParseError::syntax(s, "number too large").label("too large"))
        }
        Ok((rest, Ok(_))) if rest.fragment().starts_with('.') => {
            Err(ParseError::syntax(span, format!("expected a whole number, found `{text}`"))
                .label("not a whole number")
                .help("quantities are counts: 17, 1,269, >20, ~1000, 10..20"))
        }
        _ => Err(ParseError::syntax(span, format!("expected a number like 1269, found `{text}`"))
            .label("not a number")),
    }
}

fn validate_date(d: &RawDate) -> Result<(), ParseError> {
    let code = code::IMPOSSIBLE_DATE;
    if let (Some(m), Some(ms)) = (d.date.month, &d.month_span)
        && !(1..=12).contains(&m)
    {
        return Err(ParseError::new(
            code,
            ms.clone(),
            format!("impossible date: there is no month {m}"),
        )
        .label("months are 01 to 12"));
    }
    if let (Some(m), Some(day), Some(ds)) = (d.date.month, d.date.day, &d.day_span) {
        let max = lex::days_in_month(d.date.year, m);
        if day == 0 || day > max {
            let month = PartialMonth(d.date.year, m);
            return Err(ParseError::new(
                code,
                ds.clone(),
                format!("impossible date: {month} has {max} days"),
            )
            .label(format!("day {day} does not exist")));
        }
    }
    Ok(())
}

struct PartialMonth(Option<i32>, u8);

impl std::fmt::Display for PartialMonth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            Some(y) => write!(f, "{y:04}-{:02}", self.1),
            None => write!(f, "month {:02}", self.1),
        }
    }
}

/// Compares two dates on the fields both know, year first.
fn date_key(a: &crate::model::PartialDate, b: &crate::model::PartialDate) -> std::cmp::Ordering {
    let pairs = [
        (a.year, b.year),
        (a.month.map(i32::from), b.month.map(i32::from)),
        (a.day.map(i32::from), b.day.map(i32::from)),
    ];
    for (x, y) in pairs {
        match (x, y) {
            (Some(x), Some(y)) if x != y => return x.cmp(&y),
            (Some(_), Some(_)) => {}
            _ => break,
        }
    }
    std::cmp::Ordering::Equal
}

/// The candidate closest to `word` (Jaro-Winkler), if it is close.
fn suggest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (strsim::jaro_winkler(word, c), *c))
        .filter(|(s, _)| *s >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}
