//! `factcheck fmt` on real files: permissions and symbolic links survive the atomic rewrite, a
//! file with errors is left byte for byte, and `--check` writes nothing.

use std::path::Path;
use std::process::Command;

fn fmt(args: &[&str], dir: &Path) -> i32 {
    Command::new(env!("CARGO_BIN_EXE_factcheck"))
        .arg("fmt")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run factcheck")
        .status
        .code()
        .unwrap_or(-1)
}

#[test]
fn rewrite_keeps_permissions_and_links() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(p.join("a.claims"), "Russia   expelled 1,000 Poland\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(p.join("a.claims"), std::fs::Permissions::from_mode(0o640))
            .unwrap();
        std::os::unix::fs::symlink("a.claims", p.join("link.claims")).unwrap();
    }
    assert_eq!(fmt(&["--check", "a.claims"], p), 1);
    assert_eq!(
        std::fs::read_to_string(p.join("a.claims")).unwrap(),
        "Russia   expelled 1,000 Poland\n"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(fmt(&["link.claims"], p), 0);
        assert!(std::fs::symlink_metadata(p.join("link.claims")).unwrap().file_type().is_symlink());
        let mode = std::fs::metadata(p.join("a.claims")).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
    }
    #[cfg(not(unix))]
    assert_eq!(fmt(&["a.claims"], p), 0);
    assert_eq!(
        std::fs::read_to_string(p.join("a.claims")).unwrap(),
        "Russia expelled 1000 Poland\n"
    );
    assert_eq!(fmt(&["--check", "a.claims"], p), 0);
    // No temporary file left behind.
    let names: Vec<_> = std::fs::read_dir(p).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names.len(), if cfg!(unix) { 2 } else { 1 }, "{names:?}");
}

#[test]
fn file_with_errors_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    let text = "Russia   expelled 1,000 Poland\nRussia expelled 5 Poland 2022-02-30\n";
    std::fs::write(p.join("bad.claims"), text).unwrap();
    assert_eq!(fmt(&["bad.claims"], p), 1);
    assert_eq!(std::fs::read_to_string(p.join("bad.claims")).unwrap(), text);
}
