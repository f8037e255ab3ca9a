//! Reading articles from JSON Lines (`--jsonl FILE|-`): one article a line, a JSON object with
//! `text` and optional `date` (`YYYY-MM-DD`, anything after the day ignored) and `id` (a string
//! or a number). Shared by the subcommands that read articles.
//!
//! Each article is named `FILE#ID` (or `FILE#LINE` without an id) in reports. A line that is not
//! such an object is skipped with a warning naming the file and line; blank lines are ignored.

use std::io::BufRead;
use std::path::Path;

use serde::Deserialize;

use super::Failure;
use crate::model::PartialDate;

/// One article of a JSON Lines file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonlArticle {
    /// `FILE#ID`, or `FILE#LINE` when the object has no id.
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

/// Parses one line; `None` for a blank line.
pub fn parse_line(file: &str, line_no: usize, line: &str) -> Option<Result<JsonlArticle, String>> {
    if line.trim().is_empty() {
        return None;
    }
    Some(match serde_json::from_str::<Line>(line) {
        Ok(l) => {
            let id = match l.id {
                Some(serde_json::Value::String(s)) => s,
                Some(serde_json::Value::Number(n)) => n.to_string(),
                _ => line_no.to_string(),
            };
            let date =
                l.date.as_deref().and_then(|d| d.get(..10)).and_then(crate::article::iso_date);
            Ok(JsonlArticle { name: format!("{file}#{id}"), text: l.text, date })
        }
        Err(e) => Err(format!("{file}:{line_no}: not a JSON article ({e}); skipped")),
    })
}

/// Reads every article of a JSON Lines file (`-`: standard input). Returns the articles and a
/// warning for each line skipped; fails only when the file cannot be read.
pub fn read(path: &Path) -> Result<(Vec<JsonlArticle>, Vec<String>), Failure> {
    let name = path.display().to_string();
    let reader: Box<dyn BufRead> = if name == "-" {
        Box::new(std::io::BufReader::new(std::io::stdin()))
    } else {
        let f =
            std::fs::File::open(path).map_err(|e| Failure(format!("cannot read {name}: {e}")))?;
        Box::new(std::io::BufReader::new(f))
    };
    let mut articles = Vec::new();
    let mut warnings = Vec::new();
    for (i, line) in reader.split(b'\n').enumerate() {
        let line = line.map_err(|e| Failure(format!("cannot read {name}: {e}")))?;
        let Ok(line) = String::from_utf8(line) else {
            warnings.push(format!("{name}:{}: not valid UTF-8; skipped", i + 1));
            continue;
        };
        match parse_line(&name, i + 1, &line) {
            None => {}
            Some(Ok(a)) => articles.push(a),
            Some(Err(w)) => warnings.push(w),
        }
    }
    Ok((articles, warnings))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines() {
        let a = parse_line("b.jsonl", 3, r#"{"id": "x-1", "date": "1987-02-26", "text": "Hi"}"#);
        let a = a.and_then(Result::ok).expect("an article");
        assert_eq!(a.name, "b.jsonl#x-1");
        assert_eq!(a.date, Some(PartialDate::ymd(1987, 2, 26)));
        let b = parse_line("b.jsonl", 4, r#"{"text": "Hi", "date": "someday"}"#);
        let b = b.and_then(Result::ok).expect("an article");
        assert_eq!((b.name.as_str(), b.date), ("b.jsonl#4", None));
        assert!(parse_line("b.jsonl", 5, "  ").is_none());
        assert!(matches!(parse_line("b.jsonl", 6, "[1,2]"), Some(Err(_))));
    }
}
