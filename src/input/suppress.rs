//! Suppressions: directives in articles that silence findings on some lines.
//!
//! In Markdown, as HTML comments (anywhere raw HTML is allowed, never inside code):
//!
//! ```markdown
//! <!-- factcheck-ignore-next-line -->
//! Officials said 300 diplomats left.
//!
//! <!-- factcheck-disable unverified -->
//! Paragraphs whose unchecked figures are fine ...
//! <!-- factcheck-enable -->
//! ```
//!
//! In plain-text articles, the same directives on a line of their own, bare
//! (`factcheck-ignore-next-line`) or wrapped in an HTML comment (`<!-- factcheck-disable -->`),
//! so a draft can move between formats unchanged.
//!
//! - `factcheck-ignore-next-line [KIND ...]`: findings on the next non-blank line.
//! - `factcheck-disable [KIND ...]`: findings from this line until the next `factcheck-enable`
//!   (or the end of the file).
//! - `factcheck-enable`: ends every open `disable` region. It takes no kinds.
//!
//! KIND is `contradicted`, `conflicting`, `not_found` or `unverified` (space- or
//! comma-separated); without kinds, every kind is silenced. A line silenced for every kind, or
//! for `contradicted` or `conflicting`, is **not read**, like a code block: its statements
//! support and contradict no claim (a claim whose only evidence is there is `not_found`, and
//! still has its verdict in every format) and are not unverified facts. A line silenced only
//! for `unverified` is read, and its unverified facts are not reported. A statement is on a
//! silenced line when a line of its evidence (the sentence in the article) is
//! ([`crate::workspace::suppress`] applies them). In text files, directive lines are blanked in
//! the reading text ([`blank_text_directives`]), so they never run into the sentence below.
//!
//! A directive that silenced nothing is reported (FC210, a warning, like ruff's unused `noqa`),
//! so stale suppressions do not pile up; an invalid directive is an error (FC211).

use std::ops::Range;

use super::Format;
use crate::check::Kind;
use crate::diag::Diagnostic;
use crate::model::Span;
use crate::source::{FileId, SourceFile};

/// FC210 `unused-suppression` (warning): a suppression that silenced no finding.
///
/// ## Example
/// ```markdown
/// <!-- factcheck-ignore-next-line -->     warning[FC210]: unused suppression
/// The weather was fine.
/// ```
///
/// Remove it, or check that it is right above the line it is meant for.
pub const FC210: &str = "FC210";

/// FC211 `invalid-suppression`: an invalid suppression: an unknown kind, an unknown directive,
/// or kinds after `factcheck-enable`.
///
/// ## Example
/// ```markdown
/// <!-- factcheck-disable unverifed -->    error[FC211]: unknown kind `unverifed`
/// <!-- factcheck-ignore-line -->          error[FC211]: unknown directive
/// ```
///
/// The directive is ignored (it silences nothing): correct the kind (`contradicted`,
/// `conflicting`, `not_found`, `unverified`) or the directive (`factcheck-ignore-next-line`,
/// `factcheck-disable`, `factcheck-enable`).
pub const FC211: &str = "FC211";

/// The directives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    IgnoreNextLine,
    Disable,
    Enable,
}

/// One directive as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    pub action: Action,
    /// The kinds named; empty means every kind.
    pub kinds: Vec<Kind>,
    /// The whole directive (`<!-- factcheck-disable -->`).
    pub span: Span,
}

/// A region of lines (0-based, end exclusive) where some kinds are silenced.
#[derive(Debug, Clone)]
struct Region {
    directive: usize,
    lines: Range<usize>,
}

/// The suppressions of one article.
#[derive(Debug, Clone)]
pub struct Suppressions {
    file: FileId,
    directives: Vec<Directive>,
    regions: Vec<Region>,
    used: Vec<bool>,
}

impl Suppressions {
    /// Reads the directives of an article. `html` is where raw HTML is, for Markdown
    /// ([`super::markdown::MarkdownInfo::html`]); text files are read line by line. Invalid
    /// directives are FC211 errors and are otherwise ignored.
    pub fn parse(
        file: FileId,
        source: &SourceFile,
        format: Format,
        html: &[Span],
    ) -> (Suppressions, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let mut directives = Vec::new();
        let text = source.text.as_str();
        let mut found = |span: Span, body: Span| {
            let Some(body_text) = text.get(body.clone()) else { return };
            match parse_directive(body_text) {
                None => {}
                Some(Ok((action, kinds))) => directives.push(Directive { action, kinds, span }),
                Some(Err(msg)) => diags.push(
                    Diagnostic::error(FC211, file, span, msg)
                        .with_label("this suppression")
                        .with_help(
                            "directives: factcheck-ignore-next-line [KIND...], factcheck-disable \
                             [KIND...], factcheck-enable; kinds: contradicted, conflicting, \
                             not_found, unverified",
                        ),
                ),
            }
        };
        match format {
            Format::Markdown => {
                for h in html {
                    for (span, body) in comments(text, h.clone()) {
                        found(span, body);
                    }
                }
            }
            Format::Text => {
                for line in 0..source.line_count() {
                    let Some(r) = source.line_range(line) else { continue };
                    let Some(l) = text.get(r.clone()) else { continue };
                    let lead = l.len() - l.trim_start().len();
                    let span = r.start + lead..r.start + l.trim_end().len();
                    if span.start >= span.end {
                        continue;
                    }
                    let inner = comments(text, span.clone());
                    match inner.as_slice() {
                        [(s, body)] if *s == span => found(span, body.clone()),
                        _ => found(span.clone(), span),
                    }
                }
            }
        }
        directives.sort_by_key(|d| d.span.start);
        let regions = regions(source, &directives);
        let used = vec![false; directives.len()];
        (Suppressions { file, directives, regions, used }, diags)
    }

    /// Makes these the suppressions of the file `file` (an article renumbered).
    pub fn set_file(&mut self, file: FileId) {
        self.file = file;
    }

    /// The directives read.
    pub fn directives(&self) -> &[Directive] {
        &self.directives
    }

    /// Whether a finding of `kind` whose evidence is `span` in this article is silenced (a
    /// silenced line holds part of it); marks the directives that silence it as used.
    pub fn suppresses(&mut self, source: &SourceFile, span: &Span, kind: Kind) -> bool {
        let hits = self.matching(source, span, kind);
        for &d in &hits {
            if let Some(u) = self.used.get_mut(d) {
                *u = true;
            }
        }
        !hits.is_empty()
    }

    /// The directives (indexes) that silence a finding of `kind` with evidence `span`.
    pub fn matching(&self, source: &SourceFile, span: &Span, kind: Kind) -> Vec<usize> {
        let first = source.line_index(span.start);
        let last = source.line_index(span.end.saturating_sub(1).max(span.start));
        self.regions
            .iter()
            .filter(|r| {
                r.lines.start <= last
                    && first < r.lines.end
                    && self
                        .directives
                        .get(r.directive)
                        .is_some_and(|d| d.kinds.is_empty() || d.kinds.contains(&kind))
            })
            .map(|r| r.directive)
            .collect()
    }

    /// FC210 warnings for the `ignore-next-line` and `disable` directives that silenced nothing.
    pub fn unused(&self) -> Vec<Diagnostic> {
        self.directives
            .iter()
            .zip(&self.used)
            .filter(|(d, used)| !**used && d.action != Action::Enable)
            .map(|(d, _)| {
                Diagnostic::warning(FC210, self.file, d.span.clone(), "unused suppression")
                    .with_label("no finding here to silence")
                    .with_help("remove it, or move it right above the line it is meant for")
            })
            .collect()
    }
}

/// Blanks the directive lines of a plain-text article in its reading text (`bytes`, a copy of
/// `source`), so that a directive never runs into the sentence below it. Called by
/// [`super::Article::prepare`].
pub fn blank_text_directives(source: &str, bytes: &mut [u8]) {
    if bytes.len() != source.len()
        || memchr::memmem::find(source.as_bytes(), b"factcheck-").is_none()
    {
        return;
    }
    let mut start = 0;
    for line in source.split_inclusive('\n') {
        let end = start + line.len();
        let t = line.trim();
        let body = t.strip_prefix("<!--").and_then(|b| b.strip_suffix("-->")).unwrap_or(t);
        if parse_directive(body).is_some()
            && let Some(b) = bytes.get_mut(start..end)
        {
            for c in b.iter_mut().filter(|c| **c != b'\n' && **c != b'\r') {
                *c = b' ';
            }
        }
        start = end;
    }
}

/// The HTML comments in `within`: (whole comment, its body between `<!--` and `-->`).
fn comments(text: &str, within: Span) -> Vec<(Span, Span)> {
    let mut out = Vec::new();
    let Some(slice) = text.get(within.clone()) else { return out };
    let mut pos = 0;
    while let Some(open) = slice.get(pos..).and_then(|s| s.find("<!--")) {
        let body_start = pos + open + 4;
        let Some(close) = slice.get(body_start..).and_then(|s| s.find("-->")) else { break };
        let body_end = body_start + close;
        out.push((
            within.start + pos + open..within.start + body_end + 3,
            within.start + body_start..within.start + body_end,
        ));
        pos = body_end + 3;
    }
    out
}

type Parsed = Result<(Action, Vec<Kind>), String>;

/// Parses a directive body (`factcheck-disable unverified`). `None` when it is not a
/// factcheck directive at all.
fn parse_directive(body: &str) -> Option<Parsed> {
    let body = body.trim();
    let rest = body.strip_prefix("factcheck-")?;
    let (name, args) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    let action = match name {
        "ignore-next-line" => Action::IgnoreNextLine,
        "disable" => Action::Disable,
        "enable" => Action::Enable,
        other => return Some(Err(format!("unknown suppression directive `factcheck-{other}`"))),
    };
    let mut kinds = Vec::new();
    for word in args.split([',', ' ', '\t']).filter(|w| !w.is_empty()) {
        match Kind::from_name(word) {
            Some(k) => kinds.push(k),
            None => return Some(Err(format!("unknown finding kind `{word}` in suppression"))),
        }
    }
    if action == Action::Enable && !kinds.is_empty() {
        return Some(Err("`factcheck-enable` takes no kinds: it ends every open region".into()));
    }
    Some(Ok((action, kinds)))
}

/// The lines each directive covers.
fn regions(source: &SourceFile, directives: &[Directive]) -> Vec<Region> {
    let mut out = Vec::new();
    let mut open: Vec<(usize, usize)> = Vec::new();
    let lines = source.line_count();
    for (i, d) in directives.iter().enumerate() {
        let first = source.line_index(d.span.start);
        let last = source.line_index(d.span.end.saturating_sub(1).max(d.span.start));
        match d.action {
            Action::IgnoreNextLine => {
                let target = (last + 1..lines).find(|&l| {
                    source
                        .line_range(l)
                        .and_then(|r| source.text.get(r))
                        .is_some_and(|t| !t.trim().is_empty())
                });
                if let Some(t) = target {
                    out.push(Region { directive: i, lines: t..t + 1 });
                }
            }
            Action::Disable => open.push((i, first)),
            Action::Enable => {
                for (j, start) in open.drain(..) {
                    out.push(Region { directive: j, lines: start..last + 1 });
                }
            }
        }
    }
    for (j, start) in open {
        out.push(Region { directive: j, lines: start..lines });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(src: &str) -> (SourceFile, Suppressions, Vec<Diagnostic>) {
        let a = crate::input::markdown::mask(src, &mut src.as_bytes().to_vec());
        let f = SourceFile::new("a.md", src);
        let (s, d) = Suppressions::parse(FileId(0), &f, Format::Markdown, &a.html);
        (f, s, d)
    }

    fn at(src: &str, needle: &str) -> Span {
        let i = src.find(needle).unwrap();
        i..i + needle.len()
    }

    #[test]
    fn ignore_next_line_in_markdown() {
        let src = "Intro.\n\n<!-- factcheck-ignore-next-line -->\nPoland expelled 45.\nBelgium expelled 21.\n";
        let (f, mut s, d) = md(src);
        assert!(d.is_empty());
        assert_eq!(s.directives().len(), 1);
        assert!(s.suppresses(&f, &at(src, "Poland"), Kind::Unverified));
        assert!(!s.suppresses(&f, &at(src, "Belgium"), Kind::Unverified));
        assert!(s.unused().is_empty());
    }

    #[test]
    fn disable_enable_with_kinds() {
        let src = "<!-- factcheck-disable unverified -->\nA 1.\n\nB 2.\n<!-- factcheck-enable -->\n\nC 3.\n";
        let (f, mut s, d) = md(src);
        assert!(d.is_empty(), "{d:?}");
        assert!(s.suppresses(&f, &at(src, "A 1"), Kind::Unverified));
        assert!(s.suppresses(&f, &at(src, "B 2"), Kind::Unverified));
        assert!(!s.suppresses(&f, &at(src, "B 2"), Kind::Contradicted));
        assert!(!s.suppresses(&f, &at(src, "C 3"), Kind::Unverified));
    }

    #[test]
    fn unclosed_disable_runs_to_the_end() {
        let src = "x\n<!-- factcheck-disable -->\n\nLast line.";
        let (f, mut s, _) = md(src);
        assert!(s.suppresses(&f, &at(src, "Last"), Kind::Contradicted));
        assert!(!s.suppresses(&f, &(0..1), Kind::Contradicted));
    }

    #[test]
    fn unused_and_invalid_are_reported() {
        let src = "<!-- factcheck-ignore-next-line -->\nNothing.\n\n<!-- factcheck-disable unverifed -->\n<!-- factcheck-ignore-line -->\n<!-- factcheck-enable unverified -->\n<!-- just a comment -->\n";
        let (_, s, d) = md(src);
        let unused = s.unused();
        assert_eq!(unused.len(), 1);
        assert_eq!(unused[0].code, FC210);
        assert_eq!(&src[unused[0].primary.span.clone()], "<!-- factcheck-ignore-next-line -->");
        let codes: Vec<_> =
            d.iter().map(|d| (d.code, src[d.primary.span.clone()].to_string())).collect();
        assert_eq!(codes.len(), 3);
        assert!(d[0].message.contains("unverifed"));
        assert!(d[1].message.contains("factcheck-ignore-line"));
        assert!(d[2].message.contains("takes no kinds"));
    }

    #[test]
    fn directives_in_code_are_not_directives() {
        let src = "```\n<!-- factcheck-disable -->\n```\n\nText `<!-- factcheck-disable -->`.\n";
        let (_, s, d) = md(src);
        assert!(s.directives().is_empty());
        assert!(d.is_empty());
    }

    #[test]
    fn text_directive_lines_are_blanked_for_reading() {
        let src = "date 2022-03-29\nfactcheck-disable unverified\nA 1.\n  <!-- factcheck-enable -->\nThe factcheck-disable word stays.\n";
        let mut bytes = src.as_bytes().to_vec();
        blank_text_directives(src, &mut bytes);
        let text = String::from_utf8(bytes).unwrap();
        assert_eq!(text.len(), src.len());
        assert!(!text.contains("factcheck-disable unverified"));
        assert!(!text.contains("enable"));
        assert!(text.contains("A 1.\n"));
        assert!(text.contains("The factcheck-disable word stays."));
        let a = crate::input::Article::prepare(FileId(0), src, Format::Text, None);
        assert!(!a.text.contains("factcheck-enable"));
        let m =
            crate::input::Article::prepare(FileId(0), "factcheck-enable\n", Format::Markdown, None);
        assert_eq!(m.text, "factcheck-enable\n", "Markdown directives are HTML comments only");
    }

    #[test]
    fn evidence_over_several_lines_is_silenced_by_any_of_them() {
        let src = "Intro.\n<!-- factcheck-ignore-next-line -->\nwrapped: Poland\nexpelled 45.\n";
        let (f, mut s, _) = md(src);
        let start = src.find("wrapped").unwrap();
        let end = src.find("45.").unwrap() + 3;
        assert!(s.suppresses(&f, &(start..end), Kind::Unverified));
        let (f, mut s, _) = md("<!-- factcheck-ignore-next-line -->\nA.\n\nB\nC.\n");
        let b = f.text.find('B').unwrap();
        assert!(!s.suppresses(&f, &(b..b + 4), Kind::Unverified));
    }

    #[test]
    fn text_files_bare_or_commented() {
        let src = "date 2022-03-29 Title\n  factcheck-ignore-next-line  \nPoland expelled 45.\n<!-- factcheck-disable contradicted, unverified -->\nA.\nfactcheck-enable\nB.\nThe factcheck-disable word in prose.\n";
        let f = SourceFile::new("a.txt", src);
        let (mut s, d) = Suppressions::parse(FileId(0), &f, Format::Text, &[]);
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(s.directives().len(), 3);
        assert!(s.suppresses(&f, &at(src, "Poland"), Kind::NotFound));
        assert!(s.suppresses(&f, &at(src, "A."), Kind::Unverified));
        assert!(!s.suppresses(&f, &at(src, "A."), Kind::NotFound));
        assert!(!s.suppresses(&f, &at(src, "B."), Kind::Unverified));
    }

    proptest::proptest! {
        /// Any input, either format: no panic, and every directive span is inside the file.
        #[test]
        fn never_panics(src in "(\\PC|[\n<>!-]|factcheck-(disable|enable|ignore-next-line)( unverified)?)*", at in 0usize..400) {
            for format in [Format::Markdown, Format::Text] {
                let mut bytes = src.as_bytes().to_vec();
                let html = crate::input::markdown::mask(&src, &mut bytes).html;
                let f = SourceFile::new("a", src.as_str());
                let (mut s, _) = Suppressions::parse(FileId(0), &f, format, &html);
                for d in s.directives() {
                    proptest::prop_assert!(d.span.end <= src.len());
                }
                s.suppresses(&f, &(at.min(src.len())..at.min(src.len()) + 3), Kind::Unverified);
                let _ = s.unused();
            }
        }
    }
}
