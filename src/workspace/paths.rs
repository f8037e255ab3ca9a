//! Paths as the user sees them: relative to the working directory or a root, `/`-separated,
//! with `.` and `..` resolved lexically (never touching the file system).

use std::path::{Component, Path, PathBuf};

/// How to show `path` to the user: relative to `cwd` (`drafts/a.md`, `../a.md`), or absolute
/// when the two share no prefix.
pub fn display_path(path: &Path, cwd: &Path) -> String {
    let abs = normalize(&cwd.join(path));
    let base = normalize(cwd);
    let a: Vec<Component> = abs.components().collect();
    let b: Vec<Component> = base.components().collect();
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if common == 0 {
        return abs.display().to_string();
    }
    let mut out = PathBuf::new();
    for _ in common..b.len() {
        out.push("..");
    }
    for c in a.iter().skip(common) {
        out.push(c.as_os_str());
    }
    if out.as_os_str().is_empty() { ".".to_string() } else { out.display().to_string() }
}

/// `path` relative to `root`, `/`-separated, after making both absolute (against `cwd`) and
/// resolving `.` and `..` lexically. `None` outside the root or for non-UTF-8 paths.
pub fn relative_to(root: &Path, path: &Path, cwd: &Path) -> Option<String> {
    let abs = normalize(&cwd.join(path));
    let rel = abs.strip_prefix(normalize(&cwd.join(root))).ok()?;
    slash_path(rel)
}

pub fn slash_path(rel: &Path) -> Option<String> {
    let parts: Option<Vec<&str>> = rel.components().map(|c| c.as_os_str().to_str()).collect();
    Some(parts?.join("/"))
}

/// Resolves `.` and `..` without touching the file system.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}
