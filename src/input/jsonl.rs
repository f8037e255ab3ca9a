//! Reading articles from JSON Lines (`--jsonl FILE|-`), for `check` and `extract`: one article
//! a line, a JSON object with `text` and optional `date` (exactly `YYYY-MM-DD`, a real day) and
//! `id` (a string, or any JSON value, printed as JSON).
//!
//! The file is read as a stream, a chunk of lines at a time ([`Reader::chunk`]), so memory is
//! bounded by the chunk, not the file. Each article is named by its `id`, or `FILE:LINE` without
//! one. A line that is not such an object (not JSON, not UTF-8, no `text`, a bad `date`) is an
//! error naming `FILE:LINE`; the caller reports it, goes on with the other lines, and fails
//! (exit code 2) at the end. Blank lines are ignored.

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
    #[serde(default)]
    id: Option<serde_json::Value>,
}

/// Parses one (non-blank) line, `line_no` 1-based; the error names `FILE:LINE`.
pub fn parse_line(file: &str, line_no: usize, line: &[u8]) -> Result<JsonlArticle, String> {
    let line = std::str::from_utf8(line).map_err(|e| {
        format!("{file}:{line_no}: not valid UTF-8 (invalid byte at offset {})", e.valid_up_to())
    })?;
    let l: Line = serde_json::from_str(line)
        .map_err(|e| format!("{file}:{line_no}: not a JSON article: {e}"))?;
    let date = match l.date.as_deref() {
        None => None,
        Some(d) => Some(crate::input::dateline::iso_date(d).ok_or_else(|| {
            format!("{file}:{line_no}: bad date {d:?}: expected a day YYYY-MM-DD")
        })?),
    };
    let name = match l.id {
        None | Some(serde_json::Value::Null) => format!("{file}:{line_no}"),
        Some(serde_json::Value::String(s)) => s,
        Some(v) => v.to_string(),
    };
    Ok(JsonlArticle { name, text: l.text, date })
}

/// A JSON Lines file being read.
pub struct Reader {
    name: String,
    reader: Box<dyn BufRead>,
    line_no: usize,
}

impl Reader {
    /// Opens a JSON Lines file (`-`: standard input); the error names it.
    pub fn open(path: &Path) -> Result<Reader, String> {
        let (name, reader): (String, Box<dyn BufRead>) = if path.as_os_str() == "-" {
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
        assert_eq!(a.name, "x-1");
        assert_eq!(a.date, Some(PartialDate::ymd(1987, 2, 26)));
        let b = parse_line("b.jsonl", 4, br#"{"text": "Hi", "id": 7}"#).expect("an article");
        assert_eq!((b.name.as_str(), b.date), ("7", None));
        let c = parse_line("b.jsonl", 5, br#"{"text": "Hi"}"#).expect("an article");
        assert_eq!(c.name, "b.jsonl:5");
        for (n, bad) in [
            (6, &br#"{"text": "Hi", "date": "someday"}"#[..]),
            (7, br#"{"text": "Hi", "date": "2022-03-29garbage"}"#),
            (8, br#"{"text": "Hi", "date": "2022-02-30"}"#),
            (9, b"[1,2]"),
            (10, b"{\"text\": \"\xff\"}"),
        ] {
            let e = parse_line("b.jsonl", n, bad).expect_err("a bad line");
            assert!(e.starts_with(&format!("b.jsonl:{n}: ")), "{e}");
        }
    }
}
