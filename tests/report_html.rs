//! `check --format html` through the binary: everything an article, a claim file or a file
//! name holds is shown as text, never as markup; `--output FILE` writes the page there.

use std::path::Path;
use std::process::{Command, Output};

fn factcheck(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factcheck"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .output()
        .expect("run factcheck")
}

const ARTICLE: &str = "date 2022-03-29\n\
Poland expelled 45 Russian diplomats. <script>alert(\"pwned\")</script>\n\
<img src=x onerror=alert(1)> The <b>Netherlands</b> expelled 17 Russian diplomats.\n\
</article></main><!-- & \"quoted\" 'single' -->\n";

const CLAIMS: &str = "Poland expelled 45 Russia\n\
Netherlands expelled 15 Russia\n\
\"<i>Ruritania</i>\" expelled 3 Russia  # an unknown name: a warning that quotes it\n";

#[test]
fn article_and_claim_text_is_escaped() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = "a\"><b onmouseover=x>.txt";
    std::fs::write(dir.path().join(article), ARTICLE).expect("write article");
    std::fs::write(dir.path().join("desk.claims"), CLAIMS).expect("write claims");
    let out = factcheck(
        dir.path(),
        &["check", "--no-config", "--format", "html", "--claims", "desk.claims", article],
    );
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let html = String::from_utf8(out.stdout).expect("UTF-8");
    // The page's own script is the only one, and no article or claim markup survives.
    assert_eq!(html.matches("<script").count(), 1, "only the filter script");
    for raw in ["<img", "<b>", "<b onmouseover", "<i>", "</article></main>", "<!--", "alert(\""] {
        assert!(!html.contains(raw), "{raw} is not escaped");
    }
    for shown in [
        "&lt;script&gt;alert(&quot;pwned&quot;)&lt;&#x2F;script&gt;",
        "&lt;img src=x onerror=alert(1)&gt;",
        "&lt;b&gt;Netherlands&lt;&#x2F;b&gt;",
        "&amp; &quot;quoted&quot; &#x27;single&#x27;",
        "&quot;&lt;i&gt;Ruritania&lt;&#x2F;i&gt;&quot; expelled 3 Russia",
        "a&quot;&gt;&lt;b onmouseover=x&gt;.txt",
    ] {
        assert!(html.contains(shown), "{shown} is not shown as text");
    }
    // The facts are still marked: the support and the contradiction.
    assert!(html.contains("<mark class=\"v-supported\" id=\"f1\""), "{html}");
    assert!(html.contains("<mark class=\"v-contradicted\" id=\"f2\""), "{html}");
}

#[test]
fn output_writes_the_page_to_a_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("a.txt"), "Poland expelled 45 Russian diplomats.\n")
        .expect("write article");
    std::fs::write(dir.path().join("desk.claims"), "Poland expelled 45 Russia\n")
        .expect("write claims");
    let out = factcheck(
        dir.path(),
        &[
            "check",
            "--no-config",
            "--format",
            "html",
            "--output",
            "report.html",
            "--claims",
            "desk.claims",
            "a.txt",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stdout.is_empty(), "nothing on stdout");
    let html = std::fs::read_to_string(dir.path().join("report.html")).expect("the report");
    assert!(html.starts_with("<!DOCTYPE html>") && html.ends_with("</html>\n"));
    assert!(html.contains("Exit status 0: nothing is at error level."));
    // Self-contained: nothing is fetched.
    for external in ["src=", "<link", "@import", "url("] {
        assert!(!html.contains(external), "{external}");
    }
    let bad = factcheck(
        dir.path(),
        &["check", "--no-config", "-o", "no/such/dir/r.html", "--claims", "desk.claims", "a.txt"],
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("cannot write no/such/dir/r.html"));
}
