//! `factcheck.toml`: which claim files and articles a repository checks, with which severities.
//!
//! ```toml
//! claims = ["claims/**/*.claims"]          # claim files (globs)
//! articles = ["drafts/**/*.md"]            # articles (globs); default **/*.md and **/*.txt
//! exclude = ["drafts/archive/**"]          # never checked, even when named on the command line
//! rules = ["rules/newsroom.claims"]        # extra rule files, read after the shipped rules
//! strict = true                            # strict verdicts (docs/verdicts.md); default false
//!
//! [severity]                               # error | warning | off, per finding kind
//! contradicted = "error"
//! conflicting = "error"
//! not_found = "warning"
//! unverified = "off"
//! ```
//!
//! The file is found by walking up from the working directory ([`find`]); `--config` names it
//! explicitly. Its directory is the *root*: every glob and path in it is relative to the root,
//! and so are the article paths that claim-file scopes (`articles GLOB`) match. Unknown keys and
//! invalid values are errors with their location in the file (FC201), and invalid globs too
//! (FC202), so a typo (`exlcude`) is never silently ignored.

use std::ops::Range;
use std::path::{Path, PathBuf};

use schemars::JsonSchema;
use serde::Deserialize;

use crate::diag::{Diagnostic, Severity};
use crate::source::{FileId, SourceMap};

/// The configuration file's name.
pub const FILE_NAME: &str = "factcheck.toml";

/// Articles checked when the configuration names none.
pub const DEFAULT_ARTICLES: [&str; 2] = ["**/*.md", "**/*.txt"];

/// Claim files found when the configuration names none.
pub const DEFAULT_CLAIMS: [&str; 1] = ["**/*.claims"];

/// The kinds of finding a configuration (or a suppression) can name: the checker's.
pub use crate::check::Kind;

/// The names of the kinds, as written in `factcheck.toml`, in suppressions and after `--deny`.
impl Kind {
    /// Every kind, in the order of the documentation.
    pub const ALL: [Kind; 4] =
        [Kind::Contradicted, Kind::Conflicting, Kind::NotFound, Kind::Unverified];

    /// The kind's name as written in `factcheck.toml`, suppressions and `--deny`/`--allow`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Contradicted => "contradicted",
            Kind::Conflicting => "conflicting",
            Kind::NotFound => "not_found",
            Kind::Unverified => "unverified",
        }
    }

    /// Parses a kind's name (`not-found` is accepted for `not_found`).
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name || k.name().replace('_', "-") == name)
    }
}

/// What a kind of finding is reported as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Error,
    Warning,
    /// Not reported at all.
    Off,
}

impl Level {
    /// The diagnostic severity, or `None` for [`Level::Off`].
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Error => Some(Severity::Error),
            Level::Warning => Some(Severity::Warning),
            Level::Off => None,
        }
    }
}

/// Per-kind levels. The defaults: `contradicted` and `conflicting` are errors, `not_found` and
/// `unverified` warnings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Severities {
    pub contradicted: Level,
    pub conflicting: Level,
    pub not_found: Level,
    pub unverified: Level,
}

impl Default for Severities {
    fn default() -> Self {
        Severities {
            contradicted: Level::Error,
            conflicting: Level::Error,
            not_found: Level::Warning,
            unverified: Level::Warning,
        }
    }
}

impl Severities {
    /// The level of one kind.
    pub fn get(&self, kind: Kind) -> Level {
        match kind {
            Kind::Contradicted => self.contradicted,
            Kind::Conflicting => self.conflicting,
            Kind::NotFound => self.not_found,
            Kind::Unverified => self.unverified,
        }
    }

    /// The checker's policy with these levels.
    pub fn policy(&self) -> crate::check::Policy {
        let mut p = crate::check::Policy::default();
        for k in Kind::ALL {
            p.set(k, self.get(k).severity());
        }
        p
    }

    /// Sets the level of one kind (what `--deny KIND` / `--allow KIND` do).
    pub fn set(&mut self, kind: Kind, level: Level) {
        match kind {
            Kind::Contradicted => self.contradicted = level,
            Kind::Conflicting => self.conflicting = level,
            Kind::NotFound => self.not_found = level,
            Kind::Unverified => self.unverified = level,
        }
    }
}

/// `factcheck.toml` as written (its JSON Schema: [`schema`]).
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "factcheck.toml",
    description = "Which claim files and articles a repository checks, with which severities \
                   (docs/editorial.md)."
)]
struct Raw {
    /// Claim files (globs relative to the file's directory); default `**/*.claims`.
    #[schemars(with = "Option<Vec<String>>")]
    claims: Option<Vec<toml::Spanned<String>>>,
    /// Articles (globs); default `**/*.md` and `**/*.txt`.
    #[schemars(with = "Option<Vec<String>>")]
    articles: Option<Vec<toml::Spanned<String>>>,
    /// Never checked, even when named on the command line (globs).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    exclude: Vec<toml::Spanned<String>>,
    /// Extra rule files, read after the shipped rules (paths).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    rules: Vec<toml::Spanned<String>>,
    /// The level of each kind of finding.
    #[serde(default)]
    severity: Severities,
    /// Strict verdicts (docs/verdicts.md).
    #[serde(default)]
    strict: bool,
}

/// The JSON Schema of `factcheck.toml` (its TOML read as JSON), from the type it is read into.
pub fn schema() -> schemars::Schema {
    schemars::schema_for!(Raw)
}

/// A glob of the configuration with where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    pub glob: String,
    /// Its span in `factcheck.toml` (`None` for defaults).
    pub span: Option<Range<usize>>,
}

impl Pattern {
    fn default_of(glob: &str) -> Self {
        Pattern { glob: glob.to_string(), span: None }
    }
}

/// A repository's configuration, resolved: paths are relative to [`Config::root`].
#[derive(Debug, Clone)]
pub struct Config {
    /// The directory globs and paths are relative to: the config file's directory, or the
    /// working directory when there is no config file.
    pub root: PathBuf,
    /// The config file in the source map, when there is one.
    pub file: Option<FileId>,
    pub claims: Vec<Pattern>,
    pub articles: Vec<Pattern>,
    pub exclude: Vec<Pattern>,
    /// Extra rule files, resolved against the root.
    pub rules: Vec<PathBuf>,
    pub severity: Severities,
    /// Strict verdicts (`--strict`): a statement decides a claim that names an object only
    /// when it states the object too.
    pub strict: bool,
}

impl Config {
    /// The configuration used when there is no `factcheck.toml`: defaults, rooted at `root`.
    pub fn default_at(root: impl Into<PathBuf>) -> Self {
        Config {
            root: root.into(),
            file: None,
            claims: DEFAULT_CLAIMS.iter().map(|g| Pattern::default_of(g)).collect(),
            articles: DEFAULT_ARTICLES.iter().map(|g| Pattern::default_of(g)).collect(),
            exclude: Vec::new(),
            rules: Vec::new(),
            severity: Severities::default(),
            strict: false,
        }
    }

    /// Parses `file` (already in `sources`, the text of `<root>/factcheck.toml`). Never fails:
    /// an invalid file gives the default configuration and its errors (FC201, FC202).
    pub fn parse(
        sources: &SourceMap,
        file: FileId,
        root: impl Into<PathBuf>,
    ) -> (Config, Vec<Diagnostic>) {
        let root = root.into();
        let mut config = Config::default_at(root.clone());
        config.file = Some(file);
        let text = &sources.get(file).text;
        let raw: Raw = match toml::from_str(text) {
            Ok(raw) => raw,
            Err(e) => {
                let span = e.span().unwrap_or(0..0);
                let message = e.message().trim().to_string();
                let d = Diagnostic::error(
                    FC201,
                    file,
                    span,
                    format!("invalid {FILE_NAME}: {message}"),
                )
                .with_label(label_for(&message))
                .with_help(
                    "the keys are claims, articles, exclude, rules, strict and [severity] (contradicted, \
                         conflicting, not_found, unverified = \"error\" | \"warning\" | \"off\")",
                );
                return (config, vec![d]);
            }
        };
        let mut diags = Vec::new();
        let mut patterns = |list: Vec<toml::Spanned<String>>| -> Vec<Pattern> {
            let mut out = Vec::new();
            for s in list {
                let span = s.span();
                let glob = s.into_inner();
                if let Err(e) = globset::Glob::new(&glob) {
                    diags.push(
                        Diagnostic::error(
                            FC202,
                            file,
                            span,
                            format!("invalid glob `{glob}`: {}", e.kind()),
                        )
                        .with_label("this glob"),
                    );
                    continue;
                }
                out.push(Pattern { glob, span: Some(span) });
            }
            out
        };
        if let Some(claims) = raw.claims {
            config.claims = patterns(claims);
        }
        if let Some(articles) = raw.articles {
            config.articles = patterns(articles);
        }
        config.exclude = patterns(raw.exclude);
        config.rules = raw.rules.into_iter().map(|r| root.join(r.into_inner())).collect();
        config.severity = raw.severity;
        config.strict = raw.strict;
        (config, diags)
    }
}

/// FC201 `invalid-config`: an invalid `factcheck.toml`: unknown key, wrong type, bad value,
/// TOML syntax.
///
/// ## Example
/// ```toml
/// exlcude = ["drafts/old/**"]   # error[FC201]: unknown field `exlcude`
/// ```
///
/// factcheck stops (exit code 2) rather than run with a configuration it did not understand.
pub const FC201: &str = "FC201";

/// FC202 `invalid-config-glob`: an invalid glob in `factcheck.toml` (`claims`, `articles`,
/// `exclude`).
///
/// ## Example
/// ```toml
/// articles = ["drafts/[a.md"]   # error[FC202]: unclosed character class
/// ```
///
/// The glob is dropped and the run stops (exit code 2): close the bracket, or escape it (`[[]`).
pub const FC202: &str = "FC202";

fn label_for(message: &str) -> &'static str {
    if message.starts_with("unknown field") {
        "unknown key"
    } else if message.starts_with("unknown variant") {
        "unknown value"
    } else {
        "here"
    }
}

/// Finds and parses the configuration of a run: `explicit` (`--config FILE`) when given,
/// otherwise the first `factcheck.toml` walking up from `cwd`. Adds the file to `sources` under
/// its path relative to `cwd`. `Ok(None)`
/// when there is no configuration; `Err` when the file cannot be read (named by `--config` but
/// missing, unreadable, not UTF-8). The diagnostics are those of [`Config::parse`].
pub fn load(
    sources: &mut SourceMap,
    explicit: Option<&Path>,
    cwd: &Path,
) -> Result<Option<(Config, Vec<Diagnostic>)>, String> {
    let path = match explicit {
        Some(p) => cwd.join(p),
        None => match find(cwd) {
            Some(p) => p,
            None => return Ok(None),
        },
    };
    let bytes = std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "{} is not valid UTF-8 (invalid byte at offset {})",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })?;
    let root = path.parent().map(Path::to_path_buf).unwrap_or_else(|| cwd.to_path_buf());
    let name = crate::workspace::paths::display_path(&path, cwd);
    let file = sources.add(name, text);
    Ok(Some(Config::parse(sources, file, root)))
}

/// Walks up from `start` to the first directory holding `factcheck.toml` and returns that file.
pub fn find(start: &Path) -> Option<PathBuf> {
    start.ancestors().map(|dir| dir.join(FILE_NAME)).find(|p| p.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> (Config, Vec<Diagnostic>, SourceMap) {
        let mut sources = SourceMap::new();
        let file = sources.add("factcheck.toml", text);
        let (c, d) = Config::parse(&sources, file, "/repo");
        (c, d, sources)
    }

    #[test]
    fn full_config() {
        let (c, d, _) = parse(
            "claims = [\"claims/*.claims\"]\narticles = [\"drafts/**/*.md\"]\nexclude = [\"drafts/old/**\"]\nrules = [\"rules/x.claims\"]\n[severity]\nunverified = \"off\"\nnot_found = \"error\"\n",
        );
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(c.claims[0].glob, "claims/*.claims");
        assert_eq!(c.articles[0].glob, "drafts/**/*.md");
        assert_eq!(c.exclude[0].glob, "drafts/old/**");
        assert_eq!(c.rules, vec![PathBuf::from("/repo/rules/x.claims")]);
        assert_eq!(c.severity.get(Kind::Unverified), Level::Off);
        assert_eq!(c.severity.get(Kind::NotFound), Level::Error);
        assert_eq!(c.severity.get(Kind::Contradicted), Level::Error);
        let p = c.severity.policy();
        assert_eq!(p.unverified, None);
        assert_eq!(p.not_found, Some(Severity::Error));
        assert_eq!(Severities::default().policy(), crate::check::Policy::default());
    }

    #[test]
    fn empty_config_has_defaults() {
        let (c, d, _) = parse("");
        assert!(d.is_empty());
        let globs: Vec<_> = c.articles.iter().map(|p| p.glob.as_str()).collect();
        assert_eq!(globs, DEFAULT_ARTICLES);
        assert_eq!(c.severity, Severities::default());
    }

    #[test]
    fn unknown_key_is_located() {
        let text = "claims = [\"a\"]\nexlcude = [\"b\"]\n";
        let (_, d, sources) = parse(text);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].code, FC201);
        assert!(d[0].message.contains("exlcude"), "{}", d[0].message);
        assert_eq!(&text[d[0].primary.span.clone()], "exlcude");
        let out = crate::report::render_diagnostic(&sources, &d[0], false);
        assert!(out.contains("factcheck.toml:2:1"), "{out}");
    }

    #[test]
    fn unknown_severity_key_and_value() {
        let text = "[severity]\nunverifed = \"off\"\n";
        let (_, d, _) = parse(text);
        assert_eq!(&text[d[0].primary.span.clone()], "unverifed");
        let text = "[severity]\nunverified = \"loud\"\n";
        let (_, d, _) = parse(text);
        assert_eq!(d[0].code, FC201);
        assert_eq!(&text[d[0].primary.span.clone()], "\"loud\"");
    }

    #[test]
    fn bad_glob_is_located() {
        let text = "exclude = [\"ok/**\", \"bad/[x\"]\n";
        let (c, d, _) = parse(text);
        assert_eq!(c.exclude.len(), 1);
        assert_eq!(d[0].code, FC202);
        assert_eq!(&text[d[0].primary.span.clone()], "\"bad/[x\"");
    }

    #[test]
    fn find_walks_up() {
        let dir = tempfile::tempdir().unwrap();
        let nested = dir.path().join("a/b");
        std::fs::create_dir_all(&nested).unwrap();
        assert_eq!(find(&nested), None, "no factcheck.toml above a fresh temp dir");
        std::fs::write(dir.path().join(FILE_NAME), "").unwrap();
        assert_eq!(find(&nested), Some(dir.path().join(FILE_NAME)));
    }

    #[test]
    fn load_finds_or_is_told() {
        let dir = tempfile::tempdir().unwrap();
        let mut sources = SourceMap::new();
        assert!(load(&mut sources, None, dir.path()).unwrap().is_none());
        let e = load(&mut sources, Some(Path::new("nope.toml")), dir.path()).unwrap_err();
        assert!(e.starts_with("cannot read"), "{e}");
        std::fs::create_dir_all(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join(FILE_NAME), "exclude = [\"x/**\"]\n").unwrap();
        let (c, d) = load(&mut sources, None, &dir.path().join("sub")).unwrap().unwrap();
        assert!(d.is_empty());
        assert_eq!(c.root, dir.path());
        assert_eq!(c.exclude[0].glob, "x/**");
        let (_, d) = load(&mut sources, Some(Path::new(FILE_NAME)), dir.path()).unwrap().unwrap();
        assert!(d.is_empty());
        assert_eq!(sources.get(FileId(1)).name, FILE_NAME);
    }

    #[test]
    fn kind_names() {
        assert_eq!(Kind::from_name("not-found"), Some(Kind::NotFound));
        assert_eq!(Kind::from_name("unverified"), Some(Kind::Unverified));
        assert_eq!(Kind::from_name("bogus"), None);
    }
}
