//! Printing claims and facts as claim-language lines, with canonical names.
//!
//! The one place that knows how an actor name, a quantity or a date is written in the claim
//! language; the formatter, `extract --format claims` and the reports all print through it.

use std::fmt::Write;

use crate::lexicon::Lexicon;
use crate::model::{ActorId, Actors, Claim, DateSpec, Fact, Quantity};

/// Words that are syntax in a claim line and so cannot be bare actor words.
pub const RESERVED: &[&str] = &["and", "not", "_"];

/// True when `name` must be written in double quotes to read back as one actor: it is empty,
/// has a word that does not begin with an upper-case letter or a digit, a character the bare
/// form cannot hold (`"`, `#`, `,`, a blank other than one space), a reserved word, or a word that reads as a number or date.
pub fn needs_quotes(name: &str) -> bool {
    if name.trim().is_empty() || name != name.trim() || name.contains("  ") {
        return true;
    }
    name.split(' ').any(|w| {
        let first = w.chars().next();
        let starts_ok = matches!(first, Some(c) if c.is_uppercase() || c.is_ascii_digit());
        !starts_ok
            || w.contains(['"', '#', ','])
            || w.contains(|c: char| c.is_whitespace())
            || RESERVED.contains(&w)
            || w.chars().all(|c| c.is_ascii_digit() || c == '-' || c == '.')
    })
}

/// An actor name as written in a claim file: bare when it can be, quoted otherwise.
pub fn write_name(out: &mut String, name: &str) {
    if needs_quotes(name) {
        write_quoted(out, name);
    } else {
        out.push_str(name);
    }
}

/// A string in double quotes, with `"` and `\` escaped.
pub fn write_quoted(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        if c == '"' || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
}

/// An actor name as written in a claim file, as a new string.
pub fn quote_if_needed(name: &str) -> String {
    let mut s = String::new();
    write_name(&mut s, name);
    s
}

/// True when a property item (an alias, a glob, a header name) must be quoted to read back as
/// itself: it is empty, has blanks at either end, a run of blanks or a blank other than a space,
/// or holds `,`, `#` or `"`.
pub fn item_needs_quotes(item: &str) -> bool {
    item.is_empty()
        || item.contains([',', '#', '"'])
        || item.contains("  ")
        || item.starts_with(' ')
        || item.ends_with(' ')
        || item.contains(|c: char| c.is_whitespace() && c != ' ')
}

/// A property item as written in a rule file: bare when it can be, quoted otherwise.
pub fn write_item(out: &mut String, item: &str) {
    if item_needs_quotes(item) {
        write_quoted(out, item);
    } else {
        out.push_str(item);
    }
}

/// Actors joined the canonical way: `A`, `A and B`, `A, B and C`.
pub fn write_actor_list<'a>(out: &mut String, names: impl ExactSizeIterator<Item = &'a str>) {
    let n = names.len();
    if n == 0 {
        out.push('_');
        return;
    }
    for (i, name) in names.enumerate() {
        if i > 0 {
            out.push_str(if i + 1 == n { " and " } else { ", " });
        }
        write_name(out, name);
    }
}

fn write_ids(out: &mut String, lexicon: &Lexicon, ids: &[ActorId]) {
    write_actor_list(out, ids.iter().map(|id| lexicon.actor(*id).canonical.as_str()));
}

/// `SUBJECT [not] PREDICATE [QUANTITY] [OBJECT] [DATE]`: the shared tail of claims and facts.
fn write_line(
    out: &mut String,
    lexicon: &Lexicon,
    negated: bool,
    predicate: &str,
    quantity: Option<&Quantity>,
    object: Option<&[ActorId]>,
    date: Option<&DateSpec>,
) {
    if negated {
        out.push_str(" not");
    }
    let _ = write!(out, " {predicate}");
    if let Some(q) = quantity {
        let _ = write!(out, " {q}");
    }
    match object {
        Some(ids) if !ids.is_empty() => {
            out.push(' ');
            write_ids(out, lexicon, ids);
        }
        _ if date.is_some() => out.push_str(" _"),
        _ => {}
    }
    if let Some(d) = date {
        let _ = write!(out, " {d}");
    }
}

/// A fact as a claim line with canonical names: `Netherlands expelled 17 Russia 2022-03-29`.
pub fn fact_line(fact: &Fact, lexicon: &Lexicon) -> String {
    let mut out = String::new();
    write_ids(&mut out, lexicon, &fact.subject);
    write_line(
        &mut out,
        lexicon,
        fact.negated,
        &lexicon.predicate(fact.predicate).canonical,
        fact.quantity.as_ref(),
        Some(&fact.object),
        fact.date.as_ref(),
    );
    out
}

/// A claim as a line with canonical names (not necessarily as the user wrote it).
pub fn claim_line(claim: &Claim, lexicon: &Lexicon) -> String {
    let mut out = String::new();
    match &claim.subject {
        Actors::Any => out.push('_'),
        Actors::Set(ids) => write_ids(&mut out, lexicon, ids),
    }
    let object = match &claim.object {
        Actors::Any => None,
        Actors::Set(ids) => Some(ids.as_slice()),
    };
    write_line(
        &mut out,
        lexicon,
        claim.negated,
        &lexicon.predicate(claim.predicate).canonical,
        claim.quantity.as_ref(),
        object,
        claim.date.as_ref(),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        assert!(!needs_quotes("United States"));
        assert!(!needs_quotes("U.S."));
        assert!(!needs_quotes("G7"));
        assert!(needs_quotes("police"));
        assert!(needs_quotes("Bosnia and Herzegovina"));
        assert!(needs_quotes("Democratic Republic of the Congo"));
        assert!(needs_quotes("2022"));
        assert!(needs_quotes(""));
        let mut s = String::new();
        write_actor_list(&mut s, ["Germany", "France", "Italy"].into_iter());
        assert_eq!(s, "Germany, France and Italy");
    }
}
