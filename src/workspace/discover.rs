//! Which files a run checks: discovery of claim files and articles under the configuration's
//! root, the rule for files named on the command line, and claim-file scopes.
//!
//! **Discovery** (plain `factcheck check` with a `factcheck.toml`): every file under the root that
//! matches `claims` is a claim file, every file that matches `articles` is an article, except
//! those matching `exclude`, and except what `.gitignore`, `.ignore` and `.git/info/exclude` ignore
//! (the `ignore` crate, also outside a git repository), and hidden files and directories.
//!
//! **Named files** (`factcheck check drafts/a.md`, as pre-commit runs it): with a configuration, a
//! named file is checked exactly when discovery would have picked it, except that ignore files
//! are not consulted: it must lie under the root, match `articles` (or `claims`), and match no
//! `exclude` glob. Anything else is skipped, and the run says so on stderr. (This is ruff's
//! `force-exclude`, always on, plus the `articles` filter, so that pre-commit handing over every
//! staged `README.md` does not check it.) Without a configuration, named files are always checked.
//!
//! Globs are matched against the path relative to the root with `/` separators; `*` does not
//! cross a `/`, `**` does; an `exclude` glob that matches a directory excludes everything in it.
//!
//! **Scopes**: a claim file's `articles GLOB, ...` line limits its claims to the articles whose
//! root-relative path matches one of the globs ([`Scopes::applies`]).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobBuilder, GlobSet, GlobSetBuilder};

use crate::diag::Diagnostic;
use crate::lang::Scope;
use crate::source::FileId;
use crate::workspace::config::{Config, Pattern};
use crate::workspace::paths::{normalize, relative_to, slash_path};

/// Compiles one glob with factcheck's semantics (`*` stays within a path component).
pub fn glob(pattern: &str) -> Result<Glob, globset::Error> {
    GlobBuilder::new(pattern).literal_separator(true).build()
}

fn glob_set<'a>(patterns: impl IntoIterator<Item = &'a str>) -> Result<GlobSet, globset::Error> {
    let mut b = GlobSetBuilder::new();
    for p in patterns {
        b.add(glob(p)?);
    }
    b.build()
}

/// The configuration's globs, compiled.
#[derive(Debug, Clone)]
pub struct Filter {
    root: PathBuf,
    claims: GlobSet,
    articles: GlobSet,
    exclude: GlobSet,
}

/// What a path is to a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Claims,
    Article,
    /// Matches an `exclude` glob.
    Excluded,
    /// Matches neither `claims` nor `articles`, or lies outside the root.
    Unmatched,
}

impl Filter {
    /// Compiles the configuration's globs (already validated by [`Config::parse`]).
    pub fn new(config: &Config) -> Result<Self, globset::Error> {
        let set = |ps: &[Pattern]| glob_set(ps.iter().map(|p| p.glob.as_str()));
        Ok(Filter {
            root: normalize(&config.root),
            claims: set(&config.claims)?,
            articles: set(&config.articles)?,
            exclude: set(&config.exclude)?,
        })
    }

    /// The root globs are relative to.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// `path` relative to the root, `/`-separated, or `None` when it lies outside the root.
    /// Relative paths are taken relative to `cwd`.
    pub fn relative(&self, path: &Path, cwd: &Path) -> Option<String> {
        relative_to(&self.root, path, cwd)
    }

    /// True when `rel` or one of its parent directories matches an `exclude` glob.
    pub fn is_excluded(&self, rel: &str) -> bool {
        let mut p = Path::new(rel);
        loop {
            if self.exclude.is_match(p) {
                return true;
            }
            match p.parent() {
                Some(parent) if !parent.as_os_str().is_empty() => p = parent,
                _ => return false,
            }
        }
    }

    /// The role of a root-relative path.
    pub fn role(&self, rel: &str) -> Role {
        if self.is_excluded(rel) {
            Role::Excluded
        } else if self.claims.is_match(rel) {
            Role::Claims
        } else if self.articles.is_match(rel) {
            Role::Article
        } else {
            Role::Unmatched
        }
    }
}

/// Files found under the root.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Found {
    /// Claim files, sorted.
    pub claims: Vec<PathBuf>,
    /// Articles, sorted.
    pub articles: Vec<PathBuf>,
    /// Directories or files the walk could not read (reported as warnings by the CLI).
    pub errors: Vec<String>,
}

/// Walks the root: claim files and articles by the configuration's globs, honouring ignore
/// files and `exclude`. Paths are returned as `root.join(relative)`.
pub fn walk(filter: &Filter) -> Found {
    let mut found = Found::default();
    let root = filter.root.clone();
    let excl = filter.clone();
    let walker = ignore::WalkBuilder::new(&root)
        .require_git(false)
        .sort_by_file_path(Ord::cmp)
        .filter_entry(move |e| {
            // Prune excluded directories early.
            match e.path().strip_prefix(&excl.root) {
                Ok(rel) if !rel.as_os_str().is_empty() => !excl.exclude.is_match(rel),
                _ => true,
            }
        })
        .build();
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                found.errors.push(e.to_string());
                continue;
            }
        };
        if !entry.file_type().is_some_and(|t| t.is_file()) {
            continue;
        }
        let Ok(rel) = entry.path().strip_prefix(&root) else { continue };
        let Some(rel) = slash_path(rel) else { continue };
        match filter.role(&rel) {
            Role::Claims => found.claims.push(entry.path().to_path_buf()),
            Role::Article => found.articles.push(entry.path().to_path_buf()),
            Role::Excluded | Role::Unmatched => {}
        }
    }
    found
}

/// Named files sorted by what the configuration makes of them.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Selection {
    pub claims: Vec<PathBuf>,
    pub articles: Vec<PathBuf>,
    /// Named files not checked, and why.
    pub skipped: Vec<(PathBuf, Role)>,
}

/// Applies the named-files rule (see the module docs) to `named` (files as given on the command
/// line, relative to `cwd`). A named directory is walked like the root, restricted to it.
pub fn select(filter: &Filter, named: &[PathBuf], cwd: &Path) -> Selection {
    let mut sel = Selection::default();
    let mut walked: Option<Found> = None;
    for path in named {
        let Some(rel) = filter.relative(path, cwd) else {
            sel.skipped.push((path.clone(), Role::Unmatched));
            continue;
        };
        if cwd.join(path).is_dir() {
            let found = walked.get_or_insert_with(|| walk(filter));
            let dir = filter.root.join(&rel);
            sel.claims.extend(found.claims.iter().filter(|p| p.starts_with(&dir)).cloned());
            sel.articles.extend(found.articles.iter().filter(|p| p.starts_with(&dir)).cloned());
            continue;
        }
        match filter.role(&rel) {
            Role::Claims => sel.claims.push(path.clone()),
            Role::Article => sel.articles.push(path.clone()),
            role => sel.skipped.push((path.clone(), role)),
        }
    }
    sel
}

/// The files of one `factcheck check` run with a configuration.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Plan {
    /// The configuration's claim files (the CLI replaces them with `--claims` when given).
    pub claims: Vec<PathBuf>,
    pub articles: Vec<PathBuf>,
    /// Named files not checked, and why.
    pub skipped: Vec<(PathBuf, Role)>,
    /// Only some articles were named: a claim not found in them may be in another one, so
    /// `not_found` is not reported.
    pub partial: bool,
    /// Directories or files the walk could not read.
    pub errors: Vec<String>,
}

/// Decides the files of a run with a configuration (see the module docs): nothing named, the
/// whole root; named files, those the configuration accepts, checked against all the
/// configuration's claim files; a named claim file, every article.
pub fn plan(filter: &Filter, named: &[PathBuf], cwd: &Path) -> Plan {
    let found = walk(filter);
    if named.is_empty() {
        return Plan {
            claims: found.claims,
            articles: found.articles,
            skipped: Vec::new(),
            partial: false,
            errors: found.errors,
        };
    }
    let sel = select(filter, named, cwd);
    let claims_named = !sel.claims.is_empty();
    Plan {
        claims: found.claims,
        articles: if claims_named { found.articles } else { sel.articles },
        skipped: sel.skipped,
        partial: !claims_named,
        errors: found.errors,
    }
}

/// Claim-file scopes, compiled: which claim files apply to which articles.
#[derive(Debug, Default, Clone)]
pub struct Scopes {
    by_file: HashMap<FileId, GlobSet>,
}

/// FC203 `invalid-scope-glob`: an `articles` glob in a claim file that is not a valid glob.
///
/// ## Example
/// ```text
/// articles drafts/[a.md           # error[FC203]: unclosed character class
/// ```
///
/// The scope keeps its other globs; a scope left with none applies to no article. It is an
/// error in the claim file, so `check` stops until the glob is fixed.
pub const FC203: &str = "FC203";

impl Scopes {
    /// Compiles the scopes of the loaded claim files. Invalid globs are FC203 errors.
    pub fn new(scopes: &[Scope]) -> (Scopes, Vec<Diagnostic>) {
        let mut by_file = HashMap::new();
        let mut diags = Vec::new();
        for scope in scopes {
            let mut b = GlobSetBuilder::new();
            for g in &scope.globs {
                match glob(g) {
                    Ok(g) => {
                        b.add(g);
                    }
                    Err(e) => diags.push(
                        Diagnostic::error(
                            FC203,
                            scope.file,
                            scope.span.clone(),
                            format!("invalid glob `{g}` in `articles`: {}", e.kind()),
                        )
                        .with_label("in this scope"),
                    ),
                }
            }
            let set = b.build().unwrap_or_else(|_| GlobSet::empty());
            by_file.insert(scope.file, set);
        }
        (Scopes { by_file }, diags)
    }

    /// Whether the claims of `claim_file` apply to the article at `article_rel` (its path
    /// relative to the root, `/`-separated, as [`Filter::relative`] or [`relative_to`] give).
    /// A claim file without an `articles` line applies to every article.
    pub fn applies(&self, claim_file: FileId, article_rel: &str) -> bool {
        self.by_file.get(&claim_file).is_none_or(|set| set.is_match(article_rel))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::paths::display_path;

    fn repo() -> (tempfile::TempDir, Config) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for f in [
            "claims/desk.claims",
            "claims/old/x.claims",
            "drafts/a.md",
            "drafts/b.txt",
            "drafts/archive/old.md",
            "drafts/sub/c.md",
            "README.md",
            "build/out.md",
            ".hidden/h.md",
            "notes.rs",
        ] {
            let p = root.join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "x").unwrap();
        }
        std::fs::write(root.join(".gitignore"), "build/\n").unwrap();
        let mut config = Config::default_at(root);
        config.articles = vec![
            Pattern { glob: "drafts/**/*.md".into(), span: None },
            Pattern { glob: "drafts/*.txt".into(), span: None },
        ];
        config.claims = vec![Pattern { glob: "claims/**/*.claims".into(), span: None }];
        config.exclude = vec![
            Pattern { glob: "drafts/archive".into(), span: None },
            Pattern { glob: "claims/old/**".into(), span: None },
        ];
        (dir, config)
    }

    fn rels(root: &Path, ps: &[PathBuf]) -> Vec<String> {
        ps.iter().map(|p| relative_to(root, p, root).unwrap()).collect()
    }

    #[test]
    fn walk_honours_globs_gitignore_and_exclude() {
        let (dir, config) = repo();
        let f = Filter::new(&config).unwrap();
        let found = walk(&f);
        assert_eq!(rels(dir.path(), &found.claims), ["claims/desk.claims"]);
        assert_eq!(
            rels(dir.path(), &found.articles),
            ["drafts/a.md", "drafts/b.txt", "drafts/sub/c.md"]
        );
        assert!(found.errors.is_empty());
    }

    #[test]
    fn default_articles_are_md_and_txt_outside_ignored_paths() {
        let (dir, mut config) = repo();
        let d = Config::default_at(dir.path());
        config.articles = d.articles;
        config.exclude.clear();
        let found = walk(&Filter::new(&config).unwrap());
        assert_eq!(
            rels(dir.path(), &found.articles),
            [
                "README.md",
                "drafts/a.md",
                "drafts/archive/old.md",
                "drafts/b.txt",
                "drafts/sub/c.md"
            ]
        );
    }

    #[test]
    fn named_files_honour_exclude_and_articles() {
        let (dir, config) = repo();
        let f = Filter::new(&config).unwrap();
        let cwd = dir.path().join("drafts");
        let named: Vec<PathBuf> = [
            "a.md",
            "archive/old.md",
            "../README.md",
            "../claims/desk.claims",
            "../../elsewhere.md",
            "./sub/../b.txt",
        ]
        .iter()
        .map(PathBuf::from)
        .collect();
        let sel = select(&f, &named, &cwd);
        assert_eq!(sel.articles, [PathBuf::from("a.md"), PathBuf::from("./sub/../b.txt")]);
        assert_eq!(sel.claims, [PathBuf::from("../claims/desk.claims")]);
        let skipped: Vec<(String, Role)> =
            sel.skipped.iter().map(|(p, r)| (p.display().to_string(), *r)).collect();
        assert_eq!(
            skipped,
            [
                ("archive/old.md".to_string(), Role::Excluded),
                ("../README.md".to_string(), Role::Unmatched),
                ("../../elsewhere.md".to_string(), Role::Unmatched),
            ]
        );
    }

    #[test]
    fn named_directory_is_walked() {
        let (dir, config) = repo();
        let f = Filter::new(&config).unwrap();
        let sel = select(&f, &[PathBuf::from("drafts/sub")], dir.path());
        assert_eq!(rels(dir.path(), &sel.articles), ["drafts/sub/c.md"]);
    }

    #[test]
    fn plans() {
        let (dir, config) = repo();
        let root = dir.path();
        let f = Filter::new(&config).unwrap();
        let all = plan(&f, &[], root);
        assert!(!all.partial);
        assert_eq!(rels(root, &all.claims), ["claims/desk.claims"]);
        assert_eq!(all.articles.len(), 3);
        let some = plan(&f, &[PathBuf::from("drafts/a.md"), PathBuf::from("README.md")], root);
        assert!(some.partial);
        assert_eq!(some.articles, [PathBuf::from("drafts/a.md")]);
        assert_eq!(rels(root, &some.claims), ["claims/desk.claims"]);
        assert_eq!(some.skipped, [(PathBuf::from("README.md"), Role::Unmatched)]);
        let claims = plan(&f, &[PathBuf::from("claims/desk.claims")], root);
        assert!(!claims.partial);
        assert_eq!(claims.articles.len(), 3);
        assert_eq!(display_path(&all.articles[0], root), "drafts/a.md");
        assert_eq!(display_path(Path::new("x/../y.md"), root), "y.md");
        assert_eq!(display_path(&root.join("a.md"), &root.join("b/c")), "../../a.md");
        assert_eq!(display_path(root, root), ".");
    }

    #[test]
    fn scopes_match_per_claim_file() {
        let scopes = [Scope {
            file: FileId(1),
            globs: vec!["drafts/europe/*.md".into(), "wires/*.txt".into()],
            span: 0..10,
        }];
        let (s, d) = Scopes::new(&scopes);
        assert!(d.is_empty());
        assert!(s.applies(FileId(1), "drafts/europe/a.md"));
        assert!(s.applies(FileId(1), "wires/reuters.txt"));
        assert!(!s.applies(FileId(1), "drafts/europe/sub/a.md"));
        assert!(!s.applies(FileId(1), "drafts/asia/a.md"));
        assert!(s.applies(FileId(2), "drafts/asia/a.md"), "no scope: every article");
    }

    #[test]
    fn bad_scope_glob_is_reported() {
        let scopes = [Scope { file: FileId(1), globs: vec!["[x".into()], span: 3..9 }];
        let (s, d) = Scopes::new(&scopes);
        assert_eq!(d[0].code, FC203);
        assert_eq!(d[0].primary.span, 3..9);
        assert!(!s.applies(FileId(1), "x"));
    }
}
