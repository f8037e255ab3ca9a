//! The server's state: the open documents (their unsaved text overrides the file on disk), the
//! workspace root, and the last analysis of the workspace.
//!
//! An analysis is one `factcheck check` of the workspace exactly as the command line runs it
//! without arguments in the root: `factcheck.toml` (found walking up from the root; the
//! defaults without one) gives the claim files, articles, rule files and severities
//! ([`crate::workspace::discover`]), and [`crate::pipeline::run_check`] checks them, with every file's
//! text taken from the editor when it is open. Claim files with errors are still linted (their
//! diagnostics published) although nothing is checked, as `check` stops on them.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use lsp_types::Url;

use crate::diag::Diagnostic;
use crate::input::Format;
use crate::pipeline::{ArticleInput, CheckInputs, Checked, Named};
use crate::source::{FileId, SourceMap};
use crate::workspace::config::Config;
use crate::workspace::discover::{self, Filter, Role};

use super::position::Lines;

/// An open document.
#[derive(Debug, Clone)]
pub struct Document {
    pub text: String,
    pub version: i32,
}

/// What the server knows.
#[derive(Debug)]
pub struct State {
    /// The workspace root (`rootUri` or the first workspace folder).
    pub root: PathBuf,
    /// Open documents, by path.
    pub docs: HashMap<PathBuf, Document>,
    /// The files the configuration gives, found by the last walk; `None`: walk again.
    found: Option<discover::Found>,
    pub analysis: Option<Analysis>,
}

/// What a file is to the analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Rules,
    Claims,
    Article,
}

/// One file of an analysis that the editor can show.
#[derive(Debug)]
pub struct FileInfo {
    pub uri: Url,
    pub lines: Lines,
    pub kind: FileKind,
}

/// The result of one analysis.
#[derive(Debug)]
pub struct Analysis {
    /// The check (its sources are the texts analysed); `None` when the configuration is
    /// invalid.
    pub checked: Option<Checked>,
    /// The configuration's source map and diagnostics, when it has errors.
    pub config: Option<BadConfig>,
    /// Files of `checked.sources` that are on disk (not the shipped rules).
    pub files: HashMap<FileId, FileInfo>,
    /// The configuration's root.
    pub root: PathBuf,
    /// Problems to log (unreadable files, a bad configuration).
    pub messages: Vec<String>,
}

/// An invalid configuration: its source map and its errors.
pub type BadConfig = (SourceMap, Vec<Diagnostic>);

impl Analysis {
    /// The file id of a document.
    pub fn file_of(&self, uri: &Url) -> Option<FileId> {
        self.files.iter().find(|(_, f)| f.uri == *uri).map(|(id, _)| *id)
    }
}

fn uri_of(path: &Path) -> Option<Url> {
    Url::from_file_path(path).ok()
}

impl State {
    pub fn new(root: PathBuf) -> State {
        State { root, docs: HashMap::new(), found: None, analysis: None }
    }

    /// Forgets the files found, so that the next analysis walks the root again (a file was
    /// saved, created or deleted).
    pub fn files_changed(&mut self) {
        self.found = None;
    }

    /// A file's text: the open document's, else the file on disk.
    fn read(&self, path: &Path) -> Result<String, String> {
        if let Some(d) = self.docs.get(path) {
            return Ok(d.text.clone());
        }
        std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
    }

    /// The configuration: `factcheck.toml` from the root upwards (the open document's text when
    /// it is open), or the defaults at the root.
    fn config(&self) -> (Config, Option<BadConfig>, Vec<String>) {
        let Some(path) = crate::workspace::config::find(&self.root) else {
            return (Config::default_at(&self.root), None, Vec::new());
        };
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_else(|| self.root.clone());
        match self.read(&path) {
            Ok(text) => {
                let mut sources = SourceMap::new();
                let file = sources.add(path.display().to_string(), text);
                let (config, diags) = Config::parse(&sources, file, dir);
                let bad = (!diags.is_empty()).then_some((sources, diags));
                (config, bad, Vec::new())
            }
            Err(e) => (Config::default_at(dir), None, vec![e]),
        }
    }

    /// Analyses the workspace with the open documents' text.
    pub fn analyze(&mut self) -> &Analysis {
        let analysis = self.compute();
        self.analysis.insert(analysis)
    }

    fn compute(&mut self) -> Analysis {
        let (config, bad_config, mut messages) = self.config();
        let root = config.root.clone();
        let mut analysis = Analysis {
            checked: None,
            config: None,
            files: HashMap::new(),
            root: root.clone(),
            messages: Vec::new(),
        };
        if let Some(bad) = bad_config {
            messages.push("factcheck.toml has errors: nothing was checked".into());
            analysis.config = Some(bad);
            analysis.messages = messages;
            return analysis;
        }
        let filter = match Filter::new(&config) {
            Ok(f) => f,
            Err(e) => {
                analysis.messages = vec![format!("invalid glob in factcheck.toml: {e}")];
                return analysis;
            }
        };
        let found = match self.found.take() {
            Some(f) => f,
            None => discover::walk(&filter),
        };
        messages.extend(found.errors.iter().cloned());
        // Open documents the walk did not see (new, unsaved files) count by their role.
        let mut claims: Vec<PathBuf> = found.claims.clone();
        let mut articles: Vec<PathBuf> = found.articles.clone();
        for path in self.docs.keys() {
            let Some(rel) = filter.relative(path, &root) else { continue };
            match filter.role(&rel) {
                Role::Claims if !claims.contains(path) => claims.push(path.clone()),
                Role::Article if !articles.contains(path) => articles.push(path.clone()),
                _ => {}
            }
        }
        claims.sort();
        articles.sort();
        let named = |path: &PathBuf, text: String| Named {
            name: path.display().to_string(),
            text,
            rel: filter.relative(path, &root),
        };
        let mut inputs = CheckInputs {
            shipped_rules: true,
            policy: config.severity.policy(),
            ..Default::default()
        };
        let mut read_all = |paths: &[PathBuf], out: &mut Vec<Named>| {
            for p in paths {
                match self.read(p) {
                    Ok(text) => out.push(named(p, text)),
                    Err(e) => messages.push(e),
                }
            }
        };
        read_all(&config.rules, &mut inputs.rule_files);
        read_all(&claims, &mut inputs.claim_files);
        for p in &articles {
            match self.read(p) {
                Ok(text) => inputs.articles.push(ArticleInput {
                    name: p.display().to_string(),
                    text,
                    format: Format::from_path(p),
                    date: None,
                    rel: filter.relative(p, &root),
                }),
                Err(e) => messages.push(e),
            }
        }
        self.found = Some(found);
        let names = |paths: &[PathBuf]| -> HashSet<String> {
            paths.iter().map(|p| p.display().to_string()).collect()
        };
        let (rule_names, claim_names) = (names(&config.rules), names(&claims));
        let checked = crate::pipeline::run_check(inputs);
        for (id, file) in checked.sources.iter() {
            if file.name.starts_with('<') {
                continue;
            }
            let Some(uri) = uri_of(Path::new(&file.name)) else { continue };
            let info = FileInfo {
                uri,
                lines: Lines::new(&file.text),
                kind: if claim_names.contains(&file.name) {
                    FileKind::Claims
                } else if rule_names.contains(&file.name) {
                    FileKind::Rules
                } else {
                    FileKind::Article
                },
            };
            analysis.files.insert(id, info);
        }
        analysis.checked = Some(checked);
        analysis.messages = messages;
        analysis
    }
}
