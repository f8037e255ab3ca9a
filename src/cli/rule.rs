//! `factcheck rule CODE`: the documentation of a stable code (what it means, an example, how to
//! fix or silence it), from [`crate::codes`]; `factcheck rule --all` lists every code (`--format
//! json`: an array of objects with `code`, `name`, `severity`, `level`, `summary`,
//! `documentation`). A code that does not exist is an error with the closest one (exit code 2).

use super::{CmdResult, Failure, Outcome};
use crate::codes::{self, CodeDoc};

#[derive(Debug, clap::Args)]
pub struct RuleArgs {
    /// A code (`FC101`) or its name (`count-mismatch`).
    #[arg(value_name = "CODE", required_unless_present = "all", conflicts_with = "all")]
    pub code: Option<String>,
    /// List every code.
    #[arg(long)]
    pub all: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = RuleFormat::Human)]
    pub format: RuleFormat,
}

/// How `rule` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RuleFormat {
    /// The documentation as Markdown; with `--all`, one line a code.
    Human,
    /// JSON: one object, or an array with `--all`.
    Json,
}

fn json(d: &CodeDoc) -> serde_json::Value {
    serde_json::json!({
        "code": d.code,
        "name": d.name,
        "severity": d.severity,
        "level": if d.level.is_empty() { serde_json::Value::Null } else { d.level.into() },
        "summary": d.summary(),
        "documentation": d.documentation,
        "silence": d.silence(),
    })
}

pub fn run(args: RuleArgs) -> CmdResult {
    let text = match (&args.code, args.format) {
        (None, RuleFormat::Human) => {
            let all: Vec<CodeDoc> = codes::all().collect();
            let width = all.iter().map(|d| d.name.len()).max().unwrap_or(0);
            all.iter()
                .map(|d| {
                    let level = format!("{:?}", d.severity).to_lowercase();
                    format!("{}  {:width$}  {level:7}  {}\n", d.code, d.name, d.summary())
                })
                .collect()
        }
        (None, RuleFormat::Json) => {
            let all: Vec<serde_json::Value> = codes::all().map(|d| json(&d)).collect();
            format!("{:#}\n", serde_json::Value::Array(all))
        }
        (Some(code), format) => {
            let Some(doc) = codes::get(code) else {
                let hint = match codes::suggest(code) {
                    Some(s) => format!("; did you mean `{s}`?"),
                    None => String::new(),
                };
                return Err(Failure(format!(
                    "unknown code `{code}`{hint} (`factcheck rule --all` lists every code)"
                )));
            };
            match format {
                RuleFormat::Human => doc.render(),
                RuleFormat::Json => format!("{:#}\n", json(&doc)),
            }
        }
    };
    super::print_stdout(&text);
    Ok(Outcome::Clean)
}
