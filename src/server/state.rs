//! The server's state: the open documents (their unsaved text overrides the file on disk), the
//! workspace root, and the last analysis of the workspace.
//!
//! An analysis is one `factcheck check` of the workspace exactly as the command line runs it
//! without arguments in the root: `factcheck.toml` (found walking up from the root; the
//! defaults without one) gives the claim files, articles, rule files and severities
//! ([`crate::workspace::discover`]), and [`crate::workspace::pipeline::run_check`] checks them, with every file's
//! text taken from the editor when it is open. Claim files with errors are still linted (their
//! diagnostics published) although nothing is checked, as `check` stops on them. The worked
//! examples of the workspace's rule files run too (FC050, as `factcheck lint` runs them).
//!
//! Nothing is done twice for an unchanged input: a file on disk is read again only when its
//! size or modification time changed (or the editor said files changed), the extractor is
//! kept while the lexicon is the same, an article's facts while its text is
//! ([`crate::workspace::cache`]), and the examples' outcomes while the extractor is.

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use lsp_types::Url;

use crate::diag::Diagnostic;
use crate::input::Format;
use crate::source::{FileId, SourceMap};
use crate::workspace::cache::Cache;
use crate::workspace::config::Config;
use crate::workspace::discover::{self, Filter, Role};
use crate::workspace::pipeline::{ArticleInput, CheckInputs, Checked, Named};

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
    /// The extractor and the articles' facts of the last analysis (its counters say what
    /// was reused).
    pub cache: Cache,
    /// Files on disk as last read: size, modification time, text.
    disk: RefCell<HashMap<PathBuf, (u64, SystemTime, String)>>,
    /// Files read from disk (not from the `disk` cache), for tests.
    pub disk_reads: Cell<usize>,
    /// The failed examples (FC050) of the workspace's files, for the extractor of this
    /// `extractors_built` count.
    examples: Option<(usize, Vec<Diagnostic>)>,
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
        State {
            root,
            docs: HashMap::new(),
            found: None,
            analysis: None,
            cache: Cache::default(),
            disk: RefCell::default(),
            disk_reads: Cell::new(0),
            examples: None,
        }
    }

    /// Forgets the files found and read, so that the next analysis walks the root and reads
    /// the files again (a file was saved, created or deleted).
    pub fn files_changed(&mut self) {
        self.found = None;
        self.disk.get_mut().clear();
    }

    /// A file's text: the open document's, else the file on disk (read again only when its
    /// size or modification time changed).
    fn read(&self, path: &Path) -> Result<String, String> {
        if let Some(d) = self.docs.get(path) {
            return Ok(d.text.clone());
        }
        let err = |e: std::io::Error| format!("cannot read {}: {e}", path.display());
        let meta = std::fs::metadata(path).map_err(err)?;
        let stamp = (meta.len(), meta.modified().map_err(err)?);
        if let Some((len, modified, text)) = self.disk.borrow().get(path)
            && (*len, *modified) == stamp
        {
            return Ok(text.clone());
        }
        let text = std::fs::read_to_string(path).map_err(err)?;
        self.disk_reads.set(self.disk_reads.get() + 1);
        self.disk.borrow_mut().insert(path.to_path_buf(), (stamp.0, stamp.1, text.clone()));
        Ok(text)
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
        let mut checked =
            crate::workspace::pipeline::run_check_cached(inputs, &|| {}, Some(&mut self.cache));
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
        let examples = self.failed_examples(&checked);
        checked.load_diagnostics.extend(
            examples.iter().filter(|d| analysis.files.contains_key(&d.primary.file)).cloned(),
        );
        analysis.checked = Some(checked);
        analysis.messages = messages;
        analysis
    }

    /// The failed worked examples (FC050) of every loaded file, run again only when the
    /// extractor changed (a rule or claim file's declarations did).
    fn failed_examples(&mut self, checked: &Checked) -> Vec<Diagnostic> {
        let built = self.cache.counters.extractors_built;
        if let Some((at, diags)) = &self.examples
            && *at == built
        {
            return diags.clone();
        }
        let lexicon = &checked.lexicon;
        let extractor = self.cache.extractor(lexicon);
        let diags = crate::extract::examples::run_examples(lexicon, extractor, &checked.sources);
        self.examples = Some((built, diags.clone()));
        diags
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CONFIG: &str = "claims = [\"claims/*.claims\"]\narticles = [\"drafts/*.md\"]\n\
                          rules = [\"rules/desk.claims\"]\n";
    const RULES: &str = "predicate sanctioned\n  verb sanction, sanctions, sanctioned\n  \
                         example \"Poland sanctioned Russia.\" => Poland sanctioned Russia\n";

    fn workspace() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        let write = |rel: &str, text: &str| {
            let path = dir.path().join(rel);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, text).expect("write");
        };
        write("factcheck.toml", CONFIG);
        write("rules/desk.claims", RULES);
        write("claims/desk.claims", "Netherlands expelled 17 Russia\n");
        write("drafts/a.md", "date 2022-03-30\n\nThe Netherlands expelled 17 Russian diplomats.\n");
        write("drafts/b.md", "date 2022-03-30\n\nPoland expelled 45 Russian diplomats.\n");
        dir
    }

    fn facts(state: &State) -> usize {
        state.analysis.as_ref().and_then(|a| a.checked.as_ref()).map_or(0, |c| c.facts.len())
    }

    #[test]
    fn a_second_analysis_reuses_the_extractor_the_facts_and_the_files_read() {
        let dir = workspace();
        let root = std::fs::canonicalize(dir.path()).expect("root");
        let mut state = State::new(root.clone());
        state.analyze();
        let first = state.cache.counters;
        assert_eq!((first.extractors_built, first.articles_extracted), (1, 2), "{first:?}");
        let (reads, n) = (state.disk_reads.get(), facts(&state));
        assert!(n >= 2, "{n}");

        state.analyze();
        let second = state.cache.counters;
        assert_eq!(second.extractors_built, 1, "{second:?}");
        assert_eq!((second.articles_reused, second.articles_extracted), (2, 2), "{second:?}");
        assert_eq!(state.disk_reads.get(), reads, "unchanged files are not read again");
        assert_eq!(facts(&state), n);

        // An edit of one draft extracts that draft only.
        let text = "date 2022-03-30\n\nPoland expelled 40 Russian diplomats.\n".to_string();
        state.docs.insert(root.join("drafts/b.md"), Document { text, version: 2 });
        state.analyze();
        let third = state.cache.counters;
        assert_eq!((third.articles_reused, third.articles_extracted), (3, 3), "{third:?}");
        assert_eq!(third.extractors_built, 1);

        // A claim line is no declaration: the lexicon, and the extractor, stay.
        let claims = "Netherlands expelled 17 Russia\nPoland expelled 45 Russia\n".to_string();
        state.docs.insert(root.join("claims/desk.claims"), Document { text: claims, version: 2 });
        state.analyze();
        assert_eq!(state.cache.counters.extractors_built, 1);

        // A rule file's change builds a new extractor and extracts every article again.
        let rules = format!("{RULES}  verb penalise, penalised\n");
        state.docs.insert(root.join("rules/desk.claims"), Document { text: rules, version: 2 });
        state.analyze();
        let last = state.cache.counters;
        assert_eq!((last.extractors_built, last.articles_extracted), (2, 5), "{last:?}");
    }

    #[test]
    fn failed_examples_of_the_rule_files_are_diagnostics() {
        let dir = workspace();
        let root = std::fs::canonicalize(dir.path()).expect("root");
        let mut state = State::new(root.clone());
        let fc050 = |state: &State| -> Vec<usize> {
            let Some(checked) = state.analysis.as_ref().and_then(|a| a.checked.as_ref()) else {
                return Vec::new();
            };
            (checked.load_diagnostics.iter())
                .filter(|d| d.code == "FC050")
                .map(|d| checked.sources.get(d.primary.file).line_col(d.primary.span.start).0)
                .collect()
        };
        state.analyze();
        assert_eq!(fc050(&state), Vec::<usize>::new(), "the example passes");
        let rules = RULES.replace("=> Poland", "=> Germany");
        state.docs.insert(root.join("rules/desk.claims"), Document { text: rules, version: 2 });
        state.analyze();
        assert_eq!(fc050(&state), vec![3], "the failed example, on its line");
    }
}
