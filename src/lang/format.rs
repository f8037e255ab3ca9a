//! The formatter: one canonical layout for claim and rule files (`factcheck fmt`).
//!
//! The layout (see `docs/claim-language.md`): one space between the parts of a claim;
//! quantities as `>N`, `~N`, `N..M`, without thousands separators; actor lists as `A, B and C`;
//! names and items quoted only when they must be; property lines indented two spaces with items
//! joined by `, `; comments after code aligned within each group of lines (two spaces after the
//! longest code of the group); runs of blank lines reduced to one, none at the start or end; no trailing blanks; a final newline. The file's line-ending
//! style (`\n` or `\r\n`, from its first line) and its byte order mark are kept.
//!
//! The formatter works on the syntax tree only (no lexicon), and keeps the meaning: the same
//! claims, declarations, examples and scope. One subtlety: `A and B` written bare may be one
//! actor when the lexicon knows the name `A and B` (`Trinidad and Tobago`). So the formatter
//! never creates or removes such a bare `and` pair: when the canonical `A, B and C` would, the
//! list keeps its own `,` and `and`, and names on either side of an `and` keep their quotes.

use crate::lang::ast::*;
use crate::lang::display::{needs_quotes, write_item, write_quoted};
use crate::lang::parse::{ParseError, parse};

/// The canonical form of `src`, or its parse errors (a file with errors is never formatted).
pub fn format(src: &str) -> Result<String, Vec<ParseError>> {
    let (file, errors) = parse(src);
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(format_file(src, &file))
}

/// One output line: its code (with indentation) and its comment.
struct Out {
    code: String,
    comment: Option<String>,
}

/// The canonical form of a parsed file without errors.
pub fn format_file(src: &str, file: &File) -> String {
    let nl = match (file.crlf, file.cr) {
        (true, _) => "\r\n",
        (false, true) => "\r",
        _ => "\n",
    };
    // `None` is a blank line.
    let mut body: Vec<Option<Out>> = Vec::new();
    let mut pending_blank = false;
    let mut in_block = false;
    for line in &file.lines {
        let comment = line.comment.as_ref().and_then(|c| src.get(c.clone())).map(str::to_string);
        let mut code = String::new();
        match &line.kind {
            LineKind::Blank => {
                if comment.is_none() {
                    pending_blank = !body.is_empty();
                    continue;
                }
                if in_block && !line.indent.is_empty() {
                    code.push_str("  ");
                }
                // A comment-only line: the comment is its code (it is not aligned).
                code.push_str(comment.as_deref().unwrap_or(""));
                push(&mut body, &mut pending_blank, Out { code, comment: None });
                continue;
            }
            LineKind::Claim(c) => {
                in_block = false;
                write_claim(&mut code, c);
            }
            LineKind::Header(h) => {
                in_block = true;
                code.push_str(h.kind.keyword());
                code.push(' ');
                write_item(&mut code, &h.name.text);
            }
            LineKind::Property(p) => {
                code.push_str("  ");
                code.push_str(p.kind.keyword());
                code.push(' ');
                match &p.value {
                    PropertyValue::Items(items) => write_items(&mut code, items),
                    PropertyValue::Example(ex) => {
                        write_quoted(&mut code, &ex.text.text);
                        code.push_str(" => ");
                        match &ex.expect {
                            Some(c) => write_claim(&mut code, c),
                            None => code.push_str("nothing"),
                        }
                    }
                }
            }
            LineKind::Articles(a) => {
                in_block = false;
                code.push_str("articles ");
                write_items(&mut code, &a.globs);
            }
            // Never reached for a file without errors; keep the line as it is.
            LineKind::Error => code.push_str(src.get(line.span.clone()).unwrap_or("").trim_end()),
        }
        push(&mut body, &mut pending_blank, Out { code, comment });
    }
    let mut out = String::new();
    if file.bom {
        out.push('\u{feff}');
    }
    // Comments after code are aligned within each group of lines (between blank lines): two
    // spaces after the longest code of the group that has a comment.
    // `body` neither starts nor ends with a blank line, and has no two in a row.
    for (i, group) in body.split(Option::is_none).enumerate() {
        if i > 0 {
            out.push_str(nl);
        }
        let width = group
            .iter()
            .flatten()
            .filter(|o| o.comment.is_some())
            .map(|o| o.code.chars().count())
            .max()
            .unwrap_or(0);
        for o in group.iter().flatten() {
            out.push_str(&o.code);
            if let Some(c) = &o.comment {
                for _ in o.code.chars().count()..width + 2 {
                    out.push(' ');
                }
                out.push_str(c);
            }
            out.push_str(nl);
        }
    }
    out
}

fn push(body: &mut Vec<Option<Out>>, pending_blank: &mut bool, out: Out) {
    if *pending_blank {
        body.push(None);
        *pending_blank = false;
    }
    body.push(Some(out));
}

fn write_items(out: &mut String, items: &[Item]) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write_item(out, &item.text);
    }
}

/// A claim in canonical form.
pub fn write_claim(out: &mut String, c: &ClaimNode) {
    write_list(out, &c.subject);
    if c.not.is_some() {
        out.push_str(" not");
    }
    out.push(' ');
    out.push_str(&c.predicate.text);
    if let Some(q) = &c.quantity {
        out.push(' ');
        out.push_str(&q.value.to_string());
    }
    if let Some(o) = &c.object {
        out.push(' ');
        write_list(out, o);
    }
    if let Some(d) = &c.date {
        out.push(' ');
        out.push_str(&d.value.to_string());
    }
}

/// Indices `i` where names `i` and `i + 1` form a bare `and` pair.
fn and_pairs(bare: &[bool], and: &[bool]) -> Vec<usize> {
    (0..and.len())
        .filter(|&i| {
            and.get(i).copied().unwrap_or(false)
                && bare.get(i).copied().unwrap_or(false)
                && bare.get(i + 1).copied().unwrap_or(false)
        })
        .collect()
}

fn write_list(out: &mut String, list: &ActorList) {
    let ActorList::Names { names, joins, .. } = list else {
        out.push('_');
        return;
    };
    let n = names.len();
    let in_bare: Vec<bool> = names.iter().map(|m| !m.quoted).collect();
    let in_and: Vec<bool> = joins.iter().map(Join::is_and).collect();
    let original = and_pairs(&in_bare, &in_and);
    let mut bare: Vec<bool> = names.iter().map(|m| !needs_quotes(&m.text)).collect();
    let canonical_and: Vec<bool> = (0..joins.len()).map(|i| i + 2 == n).collect();
    let and = if and_pairs(&bare, &canonical_and) == original {
        canonical_and
    } else {
        // Keep the list's own joins, and the quotes around any `and` that was not a bare pair.
        for (i, &is_and) in in_and.iter().enumerate() {
            if is_and && !original.contains(&i) {
                for k in [i, i + 1] {
                    if let (Some(b), Some(ib)) = (bare.get_mut(k), in_bare.get(k)) {
                        *b = *b && *ib;
                    }
                }
            }
        }
        in_and
    };
    for (i, name) in names.iter().enumerate() {
        if i > 0 {
            out.push_str(if and.get(i - 1).copied().unwrap_or(false) { " and " } else { ", " });
        }
        if bare.get(i).copied().unwrap_or(false) {
            out.push_str(&name.text);
        } else {
            write_quoted(out, &name.text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(s: &str) -> String {
        match format(s) {
            Ok(s) => s,
            Err(e) => panic!("errors in {s:?}: {e:?}"),
        }
    }

    #[test]
    fn canonical_claims() {
        assert_eq!(
            fmt("Netherlands   expelled 1,269\tRussia 2022-03-29   # c  \n"),
            "Netherlands expelled 1269 Russia 2022-03-29  # c\n"
        );
        assert_eq!(fmt("\"Russia\" expelled more than 200 \"EU\""), "Russia expelled >200 EU\n");
        assert_eq!(fmt("A, B, and C expelled about 10 _ 2022"), "A, B and C expelled ~10 _ 2022\n");
        assert_eq!(fmt("\"police\" arrested exactly 5 _"), "\"police\" arrested 5 _\n");
    }

    #[test]
    fn and_pairs_are_kept() {
        // Making B and C a bare pair could merge them into one actor: keep the commas.
        assert_eq!(fmt("A, B, C expelled 3 _\n"), "A, B, C expelled 3 _\n");
        // A and B and C: two bare pairs; the canonical form would drop one.
        assert_eq!(fmt("A and B and C expelled 3 _\n"), "A and B and C expelled 3 _\n");
        // Quoted names around `and` keep their quotes.
        assert_eq!(fmt("\"A\" and \"B\" expelled 3 _\n"), "\"A\" and \"B\" expelled 3 _\n");
        assert_eq!(fmt("\"A\", B and C expelled 3 _\n"), "A, B and C expelled 3 _\n");
    }

    #[test]
    fn layout() {
        let src = "\n\n# top\n\nactor \"Wagner Group\"   # pmc\n\talias Wagner ,  PMC   Wagner\n    # note\n\n\n\nA expelled 1 B\n\n\n";
        assert_eq!(
            fmt(src),
            "# top\n\nactor Wagner Group  # pmc\n  alias Wagner, PMC Wagner\n  # note\n\nA expelled 1 B\n"
        );
        assert_eq!(fmt(""), "");
        assert_eq!(
            fmt("\u{feff}A expelled 1 B\r\nC expelled 2 D\r\n"),
            "\u{feff}A expelled 1 B\r\nC expelled 2 D\r\n"
        );
    }

    #[test]
    fn trailing_comments_align_within_groups() {
        let src = "A expelled 1 B # one\nLonger Name expelled 2 B   # two\nC expelled 3 D\n# own line\n\nA expelled 4 B    # alone\n";
        assert_eq!(
            fmt(src),
            "A expelled 1 B            # one\nLonger Name expelled 2 B  # two\nC expelled 3 D\n# own line\n\nA expelled 4 B  # alone\n"
        );
    }

    #[test]
    fn examples_and_articles() {
        assert_eq!(
            fmt(
                "predicate expelled\n example   \"x \\\" y\"=>Poland expelled 45 Russia\n  example \"z\" =>   nothing\narticles a/*.md,\"b/{x,y}.md\"\n"
            ),
            "predicate expelled\n  example \"x \\\" y\" => Poland expelled 45 Russia\n  example \"z\" => nothing\narticles a/*.md, \"b/{x,y}.md\"\n"
        );
    }
}
