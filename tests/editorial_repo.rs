//! The example newsroom repository (`examples/editorial-repo/`) through the library: its
//! configuration, which files discovery picks, what the Markdown drafts read as, and their
//! suppressions.

use std::path::{Path, PathBuf};

use factcheck::article::{Article, Format};
use factcheck::config::{self, Config, Kind, Level};
use factcheck::discover::{self, Filter, Role, Scopes};
use factcheck::lang::Scope;
use factcheck::model::PartialDate;
use factcheck::source::{FileId, SourceMap};
use factcheck::suppress::Suppressions;

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/editorial-repo")
}

/// A copy of the example in a temporary directory, with a scratch file its `.gitignore` ignores
/// (such a file cannot be committed to the example itself).
fn copy_of_example() -> tempfile::TempDir {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for e in std::fs::read_dir(from).unwrap() {
            let e = e.unwrap();
            let target = to.join(e.file_name());
            if e.file_type().unwrap().is_dir() {
                copy(&e.path(), &target);
            } else {
                std::fs::copy(e.path(), target).unwrap();
            }
        }
    }
    let dir = tempfile::tempdir().unwrap();
    copy(&example(), dir.path());
    std::fs::create_dir_all(dir.path().join("scratch")).unwrap();
    std::fs::write(dir.path().join("scratch/notes.md"), "Netherlands expelled 99 Russia?\n")
        .unwrap();
    dir
}

fn load_config(root: &Path) -> (Config, SourceMap) {
    let path = config::find(&root.join("drafts")).expect("factcheck.toml above drafts/");
    assert_eq!(path, root.join(config::FILE_NAME));
    let mut sources = SourceMap::new();
    let file = sources.add("factcheck.toml", std::fs::read_to_string(&path).unwrap());
    let (config, diags) = Config::parse(&sources, file, root);
    assert!(diags.is_empty(), "{diags:?}");
    (config, sources)
}

fn rel(root: &Path, paths: &[PathBuf]) -> Vec<String> {
    paths.iter().map(|p| discover::relative_to(root, p, root).unwrap()).collect()
}

#[test]
fn config_and_discovery() {
    let dir = copy_of_example();
    let root = dir.path();
    let (config, _) = load_config(root);
    assert_eq!(config.severity.get(Kind::Contradicted), Level::Error);
    assert_eq!(config.severity.get(Kind::Unverified), Level::Warning);
    let filter = Filter::new(&config).unwrap();
    let found = discover::walk(&filter);
    assert_eq!(rel(root, &found.claims), ["claims/april.claims", "claims/europe.claims"]);
    // drafts/archive is excluded, scratch/ is ignored by .gitignore.
    assert_eq!(
        rel(root, &found.articles),
        ["drafts/2022-03-30-benelux.md", "drafts/2022-04-16-moscow-responds.md"]
    );
    // What pre-commit would pass: excluded and unmatched files are skipped.
    let named: Vec<PathBuf> = [
        "drafts/2022-03-30-benelux.md",
        "drafts/archive/2018-salisbury.md",
        "claims/europe.claims",
        ".github/workflows/factcheck.yml",
    ]
    .iter()
    .map(PathBuf::from)
    .collect();
    let sel = discover::select(&filter, &named, root);
    assert_eq!(sel.articles, [PathBuf::from("drafts/2022-03-30-benelux.md")]);
    assert_eq!(sel.claims, [PathBuf::from("claims/europe.claims")]);
    assert_eq!(
        sel.skipped,
        [
            (PathBuf::from("drafts/archive/2018-salisbury.md"), Role::Excluded),
            (PathBuf::from(".github/workflows/factcheck.yml"), Role::Unmatched),
        ]
    );
}

#[test]
fn april_scope() {
    // The scope line of claims/april.claims, as the parser gives it.
    let text = std::fs::read_to_string(example().join("claims/april.claims")).unwrap();
    let line = text.lines().find(|l| l.starts_with("articles ")).unwrap();
    let globs: Vec<String> = line["articles ".len()..]
        .split('#')
        .next()
        .unwrap()
        .split(',')
        .map(|g| g.trim().to_string())
        .collect();
    assert_eq!(globs, ["drafts/2022-04-*.md"]);
    let (scopes, diags) = Scopes::new(&[Scope { file: FileId(1), globs, span: 0..0 }]);
    assert!(diags.is_empty());
    assert!(scopes.applies(FileId(1), "drafts/2022-04-16-moscow-responds.md"));
    assert!(!scopes.applies(FileId(1), "drafts/2022-03-30-benelux.md"));
    assert!(scopes.applies(FileId(2), "drafts/2022-03-30-benelux.md"));
}

#[test]
fn drafts_read_as_prose() {
    let path = example().join("drafts/2022-03-30-benelux.md");
    let src = std::fs::read_to_string(&path).unwrap();
    let mut sources = SourceMap::new();
    let id = sources.add("drafts/2022-03-30-benelux.md", src.clone());
    let article = Article::prepare(id, &src, Format::from_path(&path), None);
    assert_eq!(article.dateline, Some(PartialDate::ymd(2022, 3, 30)));
    assert_eq!(article.text.len(), src.len());
    // Front matter, the HTML comment, the code block and the link's URL and title are blank.
    for gone in ["title", "Ireland", "Italy", "example.org", "expels 12", "factcheck-ignore"] {
        assert!(!article.text.contains(gone), "{gone:?} is read");
    }
    // Headings, list items, emphasis and link text are read, at their place in the file.
    let file = sources.get(id);
    for (needle, line, col) in [
        ("Benelux countries expel", 8, 3),
        ("Netherlands  expelled 17", 12, 8),
        ("Belgium expelled 21", 13, 3),
        ("ministry statement", 13, 58),
        ("Poland expelled 54", 21, 17),
        ("Estonia expelled 3", 24, 1),
    ] {
        let at = article.text.find(needle).unwrap_or_else(|| panic!("{needle:?} not read"));
        let word = needle.split(' ').next().unwrap();
        assert_eq!(&src[at..at + word.len()], word);
        assert_eq!(file.line_col(at), (line, col), "{needle}");
    }
    // The suppression silences the Estonia line, and only it.
    let mut bytes = src.as_bytes().to_vec();
    let md = factcheck::markdown::mask(&src, &mut bytes);
    let (mut sup, diags) = Suppressions::parse(id, file, Format::Markdown, &md.html);
    assert!(diags.is_empty());
    assert_eq!(sup.directives().len(), 1);
    let estonia = src.find("Estonia").unwrap();
    let poland = src.find("Poland expelled").unwrap();
    assert!(!sup.suppresses(file, poland, Kind::Unverified));
    assert!(sup.suppresses(file, estonia, Kind::Unverified));
    assert!(sup.unused().is_empty());
}
