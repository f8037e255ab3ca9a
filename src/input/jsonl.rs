//! Reading articles from JSON Lines (`--jsonl FILE|-`), for `check` and `extract`: one article
//! a line, a JSON object with `text` and optional `date` (exactly `YYYY-MM-DD`, a real day) and
//! `id` (a string, or any JSON value, printed as JSON). See [`parse_line`] for dates and names.
//!
//! The file is read as a stream, a chunk of lines at a time ([`Reader::chunk`]), so memory is
//! bounded by the chunk, not the file. Each article is named `ID (FILE:LINE)`, or `FILE:LINE`
//! without an id. A line that is not such an object (not a JSON object, not UTF-8, no `text`, a
//! bad `date`) is a [`LineError`] naming `FILE:LINE`; the caller reports it (on stderr and as an
//! error record in the output stream), goes on with the other lines, and fails (exit code 2) at
//! the end unless told to keep going. Blank lines are ignored.

use std::io::BufRead;
use std::path::Path;

use serde::Deserialize;

use crate::model::PartialDate;

/// One article of a JSON Lines file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonlArticle {
    /// Its `id`, or `FILE:LINE` when the object has none.
    pub name: String,
    pub text: String,
    pub date: Option<PartialDate>,
}

#[derive(Deserialize)]
struct Line {
    text: String,
    #[serde(default)]
    date: Option<String>,
}

/// A line that is not an article: where (`FILE:LINE`), the article's name when its `id` could
/// be read (else `FILE:LINE`), and what is wrong. Displayed as `FILE:LINE: MESSAGE`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    pub at: String,
    pub article: String,
    pub message: String,
}

impl std::fmt::Display for LineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.at, self.message)
    }
}

/// Parses one (non-blank) line, `line_no` 1-based; the error names `FILE:LINE`.
///
/// The line must be a JSON object (an array, a string or a number is an error) with a string
/// `text`. `date` is a day `YYYY-MM-DD`, or an ISO 8601 date-time whose date is taken
/// (`2022-03-29T10:00:00Z`); `""` and `null` are no date. Articles are named `ID (FILE:LINE)`
/// when they have an `id`, so that two articles with the same id stay apart in reports, and
/// `FILE:LINE` without one.
pub fn parse_line(file: &str, line_no: usize, line: &[u8]) -> Result<JsonlArticle, LineError> {
    let at = format!("{file}:{line_no}");
    let err = |article: Option<String>, message: String| LineError {
        article: article.unwrap_or_else(|| at.clone()),
        at: at.clone(),
        message,
    };
    let line = std::str::from_utf8(line).map_err(|e| {
        err(None, format!("not valid UTF-8 (invalid byte at offset {})", e.valid_up_to()))
    })?;
    let first = line.trim_start().as_bytes().first().copied();
    if first != Some(b'{') {
        return Err(err(None, "not a JSON object (an article is {\"text\": ...})".into()));
    }
    let value: serde_json::Value =
        serde_json::from_str(line).map_err(|e| err(None, format!("not a JSON article: {e}")))?;
    let name = match value.get("id") {
        None | Some(serde_json::Value::Null) => at.clone(),
        Some(serde_json::Value::String(s)) => format!("{s} ({at})"),
        Some(v) => format!("{v} ({at})"),
    };
    let l: Line = serde_json::from_value(value)
        .map_err(|e| err(Some(name.clone()), format!("not a JSON article: {e}")))?;
    let date = match l.date.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(d) => Some(date_of(d).ok_or_else(|| {
            err(
                Some(name.clone()),
                format!("bad date {d:?}: expected a day YYYY-MM-DD or an ISO date-time"),
            )
        })?),
    };
    Ok(JsonlArticle { name, text: l.text, date })
}

/// The day of `YYYY-MM-DD`, or of an ISO 8601 date-time (`YYYY-MM-DDT...` or `YYYY-MM-DD ...`,
/// read by `jiff`): the date as written, whatever the time zone.
fn date_of(d: &str) -> Option<PartialDate> {
    if d.len() == 10 {
        return crate::input::dateline::iso_date(d);
    }
    let day = crate::input::dateline::iso_date(d.get(..10)?)?;
    let rest = d.get(10..)?;
    if !rest.starts_with(['T', 't', ' ']) {
        return None;
    }
    // The whole value must be a date-time, with or without an offset.
    let ok = d.parse::<jiff::Timestamp>().is_ok() || d.parse::<jiff::civil::DateTime>().is_ok();
    ok.then_some(day)
}

/// A JSON Lines file being read.
pub struct Reader {
    name: String,
    reader: Box<dyn BufRead + Send>,
    line_no: usize,
}

impl Reader {
    /// Opens a JSON Lines file (`-`: standard input); the error names it.
    pub fn open(path: &Path) -> Result<Reader, String> {
        let (name, reader): (String, Box<dyn BufRead + Send>) = if path.as_os_str() == "-" {
            (
                "<stdin>".into(),
                Box::new(std::io::BufReader::with_capacity(1 << 20, std::io::stdin())),
            )
        } else {
            let f = std::fs::File::open(path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            (path.display().to_string(), Box::new(std::io::BufReader::with_capacity(1 << 20, f)))
        };
        Ok(Reader { name, reader, line_no: 0 })
    }

    /// The file's name in messages (`<stdin>` for `-`).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The next `max` non-blank lines as (1-based line number, bytes), unparsed (parse them
    /// with [`parse_line`], in parallel if need be); empty at the end of the file. Fails when
    /// the file cannot be read.
    pub fn chunk(&mut self, max: usize) -> Result<Vec<(usize, Vec<u8>)>, String> {
        let mut chunk = Vec::new();
        while chunk.len() < max {
            let mut buf = Vec::new();
            let n = self
                .reader
                .read_until(b'\n', &mut buf)
                .map_err(|e| format!("cannot read {}: {e}", self.name))?;
            if n == 0 {
                break;
            }
            self.line_no += 1;
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            chunk.push((self.line_no, buf));
        }
        Ok(chunk)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines() {
        let a = parse_line("b.jsonl", 3, br#"{"id": "x-1", "date": "1987-02-26", "text": "Hi"}"#);
        let a = a.expect("an article");
        assert_eq!(a.name, "x-1 (b.jsonl:3)");
        assert_eq!(a.date, Some(PartialDate::ymd(1987, 2, 26)));
        let b = parse_line("b.jsonl", 4, br#"{"text": "Hi", "id": 7}"#).expect("an article");
        assert_eq!((b.name.as_str(), b.date), ("7 (b.jsonl:4)", None));
        let c = parse_line("b.jsonl", 5, br#"{"text": "Hi"}"#).expect("an article");
        assert_eq!(c.name, "b.jsonl:5");
        for (n, bad) in [
            (6, &br#"{"text": "Hi", "date": "someday"}"#[..]),
            (7, br#"{"text": "Hi", "date": "2022-03-29garbage"}"#),
            (8, br#"{"text": "Hi", "date": "2022-02-30"}"#),
            (9, b"[1,2]"),
            (10, b"{\"text\": \"\xff\"}"),
            (11, br#"["array"]"#),
            (12, br#""text""#),
            (13, br#"{"text": "Hi", "date": "2022-03-29Tnoon"}"#),
        ] {
            let e = parse_line("b.jsonl", n, bad).expect_err("a bad line").to_string();
            assert!(e.starts_with(&format!("b.jsonl:{n}: ")), "{e}");
        }
        let day = Some(PartialDate::ymd(2022, 3, 29));
        for (line, date) in [
            (&br#"{"text": "Hi", "date": ""}"#[..], None),
            (br#"{"text": "Hi", "date": null}"#, None),
            (br#"{"text": "Hi", "date": "2022-03-29T10:00:00Z"}"#, day),
            (br#"{"text": "Hi", "date": "2022-03-29T23:30:00-05:00"}"#, day),
            (br#"{"text": "Hi", "date": "2022-03-29T10:00:00"}"#, day),
            (br#"{"text": "Hi", "date": "2022-03-29 10:00:00"}"#, day),
        ] {
            let a = parse_line("b.jsonl", 1, line).expect("an article");
            assert_eq!(a.date, date, "{}", String::from_utf8_lossy(line));
        }
    }
}
