//! Tokens and values: the nom parsers for the small pieces of a line (quoted strings, words,
//! numbers, dates), over [`In`], a `nom_locate` span whose `extra` is the byte offset of the
//! line's code in the file, so every token knows its absolute span.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while_m_n};
use nom::character::complete::{char, digit1};
use nom::combinator::{all_consuming, map, opt, recognize};
use nom::multi::many0;
use nom::sequence::preceded;
use nom::{IResult, Parser};
use nom_locate::LocatedSpan;

use crate::model::{DateSpec, PartialDate, Span};

/// Input of the token parsers: a slice of one line; `extra` is the file offset of the slice
/// the span was created from, so `extra + location_offset()` is a file offset.
pub type In<'a> = LocatedSpan<&'a str, usize>;

/// Creates an input for `text`, which starts at byte `offset` of the file.
pub fn input(text: &str, offset: usize) -> In<'_> {
    LocatedSpan::new_extra(text, offset)
}

/// File offset where `i` starts.
pub fn pos(i: &In<'_>) -> usize {
    i.extra + i.location_offset()
}

/// File span of `i`.
pub fn span_of(i: &In<'_>) -> Span {
    let p = pos(i);
    p..p + i.fragment().len()
}

/// What a token is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokKind {
    /// A run of characters other than blanks, `,` and `"` (in claims, `1,269` is one word).
    Word,
    /// A double-quoted string; `closed` is false when the line ends first.
    Quoted {
        value: String,
        closed: bool,
    },
    Comma,
}

/// A token of a line's code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    pub kind: TokKind,
    /// The token as written (quotes included).
    pub text: &'a str,
    pub span: Span,
}

impl Token<'_> {
    pub fn is_word(&self, w: &str) -> bool {
        self.kind == TokKind::Word && self.text == w
    }
}

type R<'a, T> = IResult<In<'a>, T>;

fn is_blank(c: char) -> bool {
    c.is_whitespace()
}

fn blanks(i: In<'_>) -> R<'_, In<'_>> {
    nom::bytes::complete::take_while(is_blank).parse(i)
}

/// `"..."` with `\"` and `\\` escapes; runs to the end of the input when unterminated.
fn quoted(i: In<'_>) -> R<'_, Token<'_>> {
    let (rest, _) = char('"').parse(i)?;
    let body = rest.fragment();
    let mut value = String::new();
    let mut chars = body.char_indices();
    let mut end = None;
    while let Some((idx, c)) = chars.next() {
        match c {
            '"' => {
                end = Some(idx + 1);
                break;
            }
            '\\' => match chars.clone().next() {
                Some((_, n @ ('"' | '\\'))) => {
                    value.push(n);
                    chars.next();
                }
                _ => value.push('\\'),
            },
            c => value.push(c),
        }
    }
    let closed = end.is_some();
    let consumed = 1 + end.unwrap_or(body.len());
    // `take_split` counts bytes (the `take` combinator counts characters).
    let (rest, tok) = nom::Input::take_split(&i, consumed);
    Ok((
        rest,
        Token {
            kind: TokKind::Quoted { value, closed },
            text: tok.fragment(),
            span: span_of(&tok),
        },
    ))
}

fn comma(i: In<'_>) -> R<'_, Token<'_>> {
    map(recognize(char(',')), |t: In<'_>| Token {
        kind: TokKind::Comma,
        text: t.fragment(),
        span: span_of(&t),
    })
    .parse(i)
}

/// A word; with `numbers`, a comma between digits stays inside it (`1,269`).
fn word(numbers: bool) -> impl Fn(In<'_>) -> R<'_, Token<'_>> {
    move |i: In<'_>| {
        let s = *i.fragment();
        let mut len = 0;
        let mut iter = s.char_indices().peekable();
        while let Some((idx, c)) = iter.next() {
            if is_blank(c) || c == '"' {
                break;
            }
            if c == ',' {
                // Inside a number (`1,269`, `>1,000`, `1,000..2,000`): a digit before and after.
                let prev_digits = numbers
                    && s.get(..idx).is_some_and(|p| {
                        p.ends_with(|c: char| c.is_ascii_digit())
                            && p.chars().all(|c| c.is_ascii_digit() || ",.<>=~".contains(c))
                    });
                let next_digit = iter.peek().is_some_and(|(_, n)| n.is_ascii_digit());
                if !(prev_digits && next_digit) {
                    break;
                }
            }
            len = idx + c.len_utf8();
        }
        if len == 0 {
            return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Alpha)));
        }
        let (rest, tok) = nom::Input::take_split(&i, len);
        Ok((rest, Token { kind: TokKind::Word, text: tok.fragment(), span: span_of(&tok) }))
    }
}

/// Splits code into tokens. Never fails: every character belongs to some token.
pub fn tokenize(code: In<'_>, numbers: bool) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut i = code;
    while let Ok((rest, _)) = blanks(i) {
        if rest.fragment().is_empty() {
            break;
        }
        match alt((quoted, comma, word(numbers))).parse(rest) {
            Ok((next, tok)) => {
                out.push(tok);
                i = next;
            }
            Err(_) => break,
        }
    }
    out
}

/// File offset where the comment of a line starts (`#` outside quotes), if any, as an offset
/// into `line`.
pub fn comment_start(line: &str) -> Option<usize> {
    let mut in_quote = false;
    let mut escaped = false;
    for (idx, c) in line.char_indices() {
        if in_quote {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_quote = false;
            }
        } else if c == '"' {
            in_quote = true;
        } else if c == '#' {
            return Some(idx);
        }
    }
    None
}

/// A number as written: digits, optionally with commas between groups of three.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Number {
    pub value: u64,
    pub span: Span,
    pub separators: bool,
}

/// Why a number could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberError {
    /// Commas not between groups of three digits.
    Grouping,
    TooLarge,
}

fn number_raw(i: In<'_>) -> R<'_, In<'_>> {
    recognize((digit1, many0(preceded(char(','), digit1)))).parse(i)
}

/// Reads a number at the start of `i`; the error carries the span of the offending digits.
pub fn number(i: In<'_>) -> R<'_, Result<Number, (NumberError, Span)>> {
    map(number_raw, |t: In<'_>| {
        let text = *t.fragment();
        let span = span_of(&t);
        let groups: Vec<&str> = text.split(',').collect();
        let separators = groups.len() > 1;
        if separators {
            let first_ok = groups.first().is_some_and(|g| (1..=3).contains(&g.len()));
            let rest_ok = groups.iter().skip(1).all(|g| g.len() == 3);
            if !(first_ok && rest_ok) {
                return Err((NumberError::Grouping, span));
            }
        }
        let digits: String = groups.concat();
        match digits.parse::<u64>() {
            Ok(value) => Ok(Number { value, span, separators }),
            Err(_) => Err((NumberError::TooLarge, span)),
        }
    })
    .parse(i)
}

/// A date as written, before validation: the fields, and the span of each field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawDate {
    pub date: PartialDate,
    pub span: Span,
    pub month_span: Option<Span>,
    pub day_span: Option<Span>,
}

fn digits_n(n: usize) -> impl Fn(In<'_>) -> R<'_, In<'_>> {
    move |i| take_while_m_n(n, n, |c: char| c.is_ascii_digit()).parse(i)
}

fn num<T: std::str::FromStr>(t: &In<'_>) -> Option<T> {
    t.fragment().parse().ok()
}

/// `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `--MM-DD` or `--MM`.
pub fn date(i: In<'_>) -> R<'_, RawDate> {
    let start = pos(&i);
    let month_day = map(
        (tag("--"), digits_n(2), opt(preceded(char('-'), digits_n(2)))),
        |(_, m, d): (In<'_>, In<'_>, Option<In<'_>>)| (None, Some(m), d),
    );
    let full = map(
        (
            digits_n(4),
            opt((preceded(char('-'), digits_n(2)), opt(preceded(char('-'), digits_n(2))))),
        ),
        |(y, md): (In<'_>, Option<(In<'_>, Option<In<'_>>)>)| {
            let (m, d) = match md {
                Some((m, d)) => (Some(m), d),
                None => (None, None),
            };
            (Some(y), m, d)
        },
    );
    let (rest, (y, m, d)) = alt((month_day, full)).parse(i)?;
    let end = pos(&rest);
    let date = PartialDate {
        year: y.as_ref().and_then(num::<i32>),
        month: m.as_ref().and_then(num::<u8>),
        day: d.as_ref().and_then(num::<u8>),
    };
    Ok((
        rest,
        RawDate {
            date,
            span: start..end,
            month_span: m.as_ref().map(span_of),
            day_span: d.as_ref().map(span_of),
        },
    ))
}

/// A claim's date as written: `DATE`, `DATE..DATE`, `DATE..` (from DATE on, no end) or
/// `..DATE` (up to DATE, no start). At least one date is present.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawSpec {
    pub start: Option<RawDate>,
    /// Written with `..`.
    pub range: bool,
    pub end: Option<RawDate>,
}

/// `DATE`, `DATE..DATE`, `DATE..` or `..DATE`, the whole input.
pub fn date_spec(i: In<'_>) -> R<'_, RawSpec> {
    let until =
        map(preceded(tag(".."), date), |e| RawSpec { start: None, range: true, end: Some(e) });
    let from = map((date, opt(preceded(tag(".."), opt(date)))), |(s, e)| RawSpec {
        start: Some(s),
        range: e.is_some(),
        end: e.flatten(),
    });
    all_consuming(alt((until, from))).parse(i)
}

/// Builds the [`DateSpec`] of a parsed date.
pub fn to_spec(raw: &RawSpec) -> Option<DateSpec> {
    Some(match (&raw.start, &raw.end) {
        (Some(s), Some(e)) => DateSpec::Between { start: s.date, end: e.date },
        (Some(s), None) if raw.range => DateSpec::Since { start: s.date },
        (Some(s), None) => DateSpec::On(s.date),
        (None, Some(e)) => DateSpec::Until { end: e.date },
        (None, None) => return None,
    })
}

/// Days in a month (`year` unknown: 29 for February).
pub fn days_in_month(year: Option<i32>, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(y) if !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) => 28,
            _ => 29,
        },
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str, numbers: bool) -> Vec<(String, Span)> {
        tokenize(input(s, 10), numbers).into_iter().map(|t| (t.text.to_string(), t.span)).collect()
    }

    #[test]
    fn tokens_have_file_spans() {
        let t = toks("Netherlands  expelled 1,269 \"EU\",X", true);
        assert_eq!(
            t,
            vec![
                ("Netherlands".to_string(), 10..21),
                ("expelled".to_string(), 23..31),
                ("1,269".to_string(), 32..37),
                ("\"EU\"".to_string(), 38..42),
                (",".to_string(), 42..43),
                ("X".to_string(), 43..44),
            ]
        );
        let t = toks("\"Côte d'Ivoire\" São", true);
        assert_eq!(t, vec![("\"Côte d'Ivoire\"".to_string(), 10..26), ("São".to_string(), 27..31)]);
        let t = toks("alias 1,2", false);
        assert_eq!(t.len(), 4);
    }

    #[test]
    fn quoted_escapes_and_unterminated() {
        let t = tokenize(input(r#""a \"b\" \\ c" "open"#, 0), true);
        assert_eq!(t[0].kind, TokKind::Quoted { value: r#"a "b" \ c"#.into(), closed: true });
        assert_eq!(t[1].kind, TokKind::Quoted { value: "open".into(), closed: false });
    }

    #[test]
    fn comments_outside_quotes() {
        assert_eq!(comment_start(r#"A x "B # c" # d"#), Some(12));
        assert_eq!(comment_start(r##""a\"#" b"##), None);
        assert_eq!(comment_start("# x"), Some(0));
    }

    #[test]
    fn numbers() {
        let n = |s: &str| number(input(s, 0)).map(|(_, n)| n).map_err(|_| ());
        assert_eq!(n("1,269").unwrap().unwrap().value, 1269);
        assert!(n("1,269").unwrap().unwrap().separators);
        assert_eq!(n("12,34").unwrap().unwrap_err().0, NumberError::Grouping);
        assert_eq!(n("99999999999999999999999").unwrap().unwrap_err().0, NumberError::TooLarge);
        assert!(n("x").is_err());
    }

    #[test]
    fn dates() {
        let d = |s: &str| {
            date_spec(input(s, 0))
                .map(|(_, d)| (d.start.clone().unwrap(), d.end.clone(), to_spec(&d).unwrap()))
                .map_err(|_| ())
        };
        let (a, b, _) = d("2022-03-29").unwrap();
        assert_eq!(a.date, PartialDate::ymd(2022, 3, 29));
        assert!(b.is_none());
        let (a, b, _) = d("2022-03..2022-04").unwrap();
        assert_eq!(a.date.precision(), crate::model::Precision::Month);
        assert_eq!(b.unwrap().span, 9..16);
        let (a, _, _) = d("--04-15").unwrap();
        assert_eq!(a.date.year, None);
        let (_, _, open) = d("2011..").unwrap();
        assert_eq!(open.to_string(), "2011..");
        let until = date_spec(input("..2017-12", 0)).unwrap().1;
        assert_eq!(to_spec(&until).unwrap().to_string(), "..2017-12");
        assert!(date_spec(input("..", 0)).is_err());
        assert!(d("2022-3-29").is_err());
        assert!(d("22").is_err());
        assert_eq!(days_in_month(Some(2023), 2), 28);
        assert_eq!(days_in_month(Some(2000), 2), 29);
        assert_eq!(days_in_month(None, 2), 29);
    }
}
