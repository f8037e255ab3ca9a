//! The example newsroom repository (`examples/editorial-repo/`) through the library: its
//! configuration, which files discovery picks, what the Markdown drafts read as, and their
//! suppressions.

use std::path::{Path, PathBuf};

use factcheck::input::suppress::Suppressions;
use factcheck::input::{Article, Format};
use factcheck::model::PartialDate;
use factcheck::source::{FileId, SourceMap};
use factcheck::workspace::config::{self, Config, Kind, Level};
use factcheck::workspace::discover::{self, Filter, Role, Scopes};

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
    std::fs::write(
        dir.path().join("scratch/notes.md"),
        "Netherlands expelled 99 Russian diplomats.\n",
    )
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
    paths.iter().map(|p| factcheck::workspace::paths::relative_to(root, p, root).unwrap()).collect()
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
    // The scope line of claims/april.claims, as the parser reads it, matched per article.
    let text = std::fs::read_to_string(example().join("claims/april.claims")).unwrap();
    let mut sources = SourceMap::new();
    let file = sources.add("claims/april.claims", text);
    let loaded = factcheck::lint::load(&mut sources, &[file], true);
    assert_eq!(loaded.scopes.len(), 1);
    assert_eq!(loaded.scopes[0].globs, ["drafts/2022-04-*.md"]);
    let (scopes, diags) = Scopes::new(&loaded.scopes);
    assert!(diags.is_empty());
    assert!(scopes.applies(file, "drafts/2022-04-16-moscow-responds.md"));
    assert!(!scopes.applies(file, "drafts/2022-03-30-benelux.md"));
    assert!(scopes.applies(FileId(99), "drafts/2022-03-30-benelux.md"), "no scope: all");
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
        ("Estonia expelled 3", 26, 1),
    ] {
        let at = article.text.find(needle).unwrap_or_else(|| panic!("{needle:?} not read"));
        let word = needle.split(' ').next().unwrap();
        assert_eq!(&src[at..at + word.len()], word);
        assert_eq!(file.line_col(at), (line, col), "{needle}");
    }
    // The suppression silences the Estonia line, and only it.
    let mut bytes = src.as_bytes().to_vec();
    let md = factcheck::input::markdown::mask(&src, &mut bytes);
    let (mut sup, diags) = Suppressions::parse(id, file, Format::Markdown, &md.html);
    assert!(diags.is_empty());
    assert_eq!(sup.directives().len(), 1);
    let estonia = src.find("Estonia").unwrap();
    let poland = src.find("Poland expelled").unwrap();
    assert!(!sup.suppresses(file, &(poland..poland + 6), Kind::Unverified));
    assert!(sup.suppresses(file, &(estonia..estonia + 7), Kind::Unverified));
    assert!(sup.unused().is_empty());
}

// ---- The example through the binary ------------------------------------------------------

fn factcheck(cwd: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_factcheck"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .output()
        .expect("run factcheck")
}

/// The report's findings: claims as (claim file, line, column, verdict, [(evidence file, line,
/// column)]) and unverified facts as (file, line, column, fact).
type ClaimRow = (String, u64, u64, String, Vec<(String, u64, u64)>);
type FactRow = (String, u64, u64, String);

fn findings(out: &std::process::Output) -> (Vec<ClaimRow>, Vec<FactRow>, serde_json::Value) {
    let v: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stderr)));
    let s = |v: &serde_json::Value| v.as_str().unwrap().to_string();
    let n = |v: &serde_json::Value| v.as_u64().unwrap();
    let claims = v["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let evidence = c["evidence"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| (s(&e["file"]), n(&e["line"]), n(&e["column"])))
                .collect();
            (s(&c["file"]), n(&c["line"]), n(&c["column"]), s(&c["verdict"]), evidence)
        })
        .collect();
    let facts = v["unverified"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (s(&f["file"]), n(&f["line"]), n(&f["column"]), s(&f["fact"])))
        .collect();
    (claims, facts, v["summary"].clone())
}

fn claim(file: &str, line: u64, verdict: &str, evidence: &[(&str, u64, u64)]) -> ClaimRow {
    let evidence = evidence.iter().map(|(f, l, c)| (f.to_string(), *l, *c)).collect();
    (file.to_string(), line, 1, verdict.to_string(), evidence)
}

const BENELUX: &str = "drafts/2022-03-30-benelux.md";
const MOSCOW: &str = "drafts/2022-04-16-moscow-responds.md";

/// The exact findings of `factcheck check` in the example: the drafts' facts at their Markdown
/// lines and columns (after front matter, inside list items), nothing from front matter, code,
/// HTML comments or link titles (Ireland, Italy, "expels 12"), the suppressed Estonia line, the
/// archived draft and the git-ignored scratch file; the April claims only against the April
/// draft.
#[test]
fn check_the_example_repository() {
    let dir = copy_of_example();
    let out = factcheck(dir.path(), &["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "a contradicted claim is an error");
    let (claims, facts, summary) = findings(&out);
    assert_eq!(
        claims,
        [
            claim("claims/april.claims", 4, "supported", &[(MOSCOW, 9, 1)]),
            claim("claims/april.claims", 5, "supported", &[(MOSCOW, 11, 1)]),
            claim("claims/europe.claims", 4, "supported", &[(BENELUX, 12, 3)]),
            claim("claims/europe.claims", 5, "supported", &[(BENELUX, 13, 3)]),
            claim("claims/europe.claims", 6, "supported", &[(BENELUX, 10, 1)]),
            claim("claims/europe.claims", 7, "contradicted", &[(BENELUX, 21, 1)]),
        ]
    );
    assert_eq!(
        facts,
        [
            // The April claims do not apply to the March draft (scope): its 2018 background is
            // unverified there, not a contradiction of `Germany and France expelled 75 Russia`.
            (BENELUX.to_string(), 23, 1, "France and Germany expelled 8 Russia 2018".to_string()),
            (MOSCOW.to_string(), 15, 1, "Slovenia expelled 33 Russia".to_string()),
        ]
    );
    assert_eq!(summary["unverified"], 2);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("note: 1 finding silenced by suppressions, 0 findings in the baseline"),
        "{err}"
    );

    // What the workflow's `--format github` step prints for the contradiction: the count.
    let out = factcheck(dir.path(), &["check", "--format", "github"]);
    let gh = String::from_utf8_lossy(&out.stdout);
    assert!(
        gh.lines().any(|l| l.starts_with(
            "::error file=drafts/2022-03-30-benelux.md,line=21,col=33,endLine=21,endColumn=34,title=FC101"
        )),
        "{gh}"
    );
}

/// Without its `articles` line, the April claim file would apply to the March draft too, whose
/// 2018 figure would then conflict with the April claim.
#[test]
fn without_the_scope_the_april_claim_conflicts() {
    let dir = copy_of_example();
    let path = dir.path().join("claims/april.claims");
    let text = std::fs::read_to_string(&path).unwrap();
    let unscoped: String =
        text.lines().filter(|l| !l.starts_with("articles ")).map(|l| format!("{l}\n")).collect();
    std::fs::write(&path, unscoped).unwrap();
    let out = factcheck(dir.path(), &["check", "--format", "json"]);
    let (claims, _, _) = findings(&out);
    let verdicts: Vec<(&str, &str)> =
        claims.iter().map(|c| (c.0.as_str(), c.3.as_str())).take(2).collect();
    assert_eq!(
        verdicts,
        [("claims/april.claims", "supported"), ("claims/april.claims", "conflicting")]
    );
}

/// pre-commit passes the staged draft: checked against every claim, `not_found` off, the
/// archived draft skipped.
#[test]
fn pre_commit_run_on_one_draft() {
    let dir = copy_of_example();
    let out = factcheck(dir.path(), &["check", BENELUX, "drafts/archive/2018-salisbury.md"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("error[FC101]: count mismatch: the article says 54, the claim says 45"));
    assert!(!text.contains("FC110"), "no claim is 'not found' in a partial run:\n{text}");
    assert!(!text.contains("salisbury"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("skipped drafts/archive/2018-salisbury.md (excluded by the configuration)")
    );
}

/// pre-commit passes a staged claim file: every draft is checked, and claims not found count.
#[test]
fn pre_commit_run_on_a_claim_file() {
    let dir = copy_of_example();
    let out = factcheck(dir.path(), &["check", "--format", "json", "claims/europe.claims"]);
    assert_eq!(out.status.code(), Some(1));
    let (claims, facts, _) = findings(&out);
    assert_eq!(claims.len(), 6, "all claim files are loaded");
    let files: Vec<&str> = facts.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(files, [BENELUX, MOSCOW], "every draft is checked");
}

/// A baseline keeps today's findings quiet through unrelated edits and re-wrapping, and lets a
/// new one through.
#[test]
fn baseline_in_the_example() {
    let dir = copy_of_example();
    let root = dir.path();
    let out = factcheck(root, &["check", "--write-baseline", ".factcheck-baseline.json"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("wrote 3 findings"));
    let out =
        factcheck(root, &["check", "--format", "json", "--baseline", ".factcheck-baseline.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let (claims, facts, _) = findings(&out);
    assert!(claims.iter().all(|c| c.3 == "supported") && facts.is_empty());

    // Edit the draft: a new paragraph above, the contradicted sentence re-wrapped, and one new
    // unchecked figure.
    let path = root.join(MOSCOW);
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text
        .replace("# Moscow responds\n", "# Moscow responds\n\nA new first paragraph.\n")
        .replace(
            "Slovenia expelled 33 Russian diplomats,",
            "Slovenia expelled 33\nRussian diplomats,",
        )
        + "\nLatvia expelled 2 Russian diplomats.\n";
    std::fs::write(&path, text).unwrap();
    let out =
        factcheck(root, &["check", "--format", "json", "--baseline", ".factcheck-baseline.json"]);
    let (_, facts, _) = findings(&out);
    assert_eq!(facts.len(), 1, "{facts:?}");
    assert_eq!(facts[0].3, "Latvia expelled 2 Russia");
}
