//! What a count is a count of, relative to the others of its sentence: the whole, a subset of
//! it (`among them 30 children`, `including 210 children`, `six of them`), or one member of a
//! group whose size is stated (`one of the three men charged`: the group is 3). For the role
//! layer, which decides which count a predicate takes.

use super::*;

/// The part a count plays (see the module documentation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// A count of its own: `17 diplomats`, `raised the toll to 31`.
    Whole,
    /// A subset of a count stated before: `among them 30 children`, `including 210 children`,
    /// `of whom 12 were children`, `six of them`, `30 of those killed`.
    Subset,
    /// Members of a group whose count follows: `one of the three men`, `two of the 17`
    /// (`group` is the span of that count in the same text).
    Member { group: Span },
}

/// The part the count at `span` (bytes of `text`, as [`scan_counts`] reports it) plays.
pub fn count_part(text: &str, span: &Span) -> Part {
    let b = text.as_bytes();
    let (s, e) = (span.start.min(b.len()), span.end.min(b.len()));
    // Before: `among them`, `among whom`, `including`, `of whom`, `of which`.
    let mut p = s;
    while p > 0 && matches!(b[p - 1], b' ' | b',' | b'\n') {
        p -= 1;
    }
    if let Some(w) = prev_word(b, p)
        && (word_in(b, w, &["including", "incl"])
            || (word_in(b, w, &["them", "whom", "which", "these"])
                && prev_word(b, w.0).is_some_and(|v| word_in(b, v, &["among", "of", "amongst"]))))
    {
        return Part::Subset;
    }
    // After: `of them`, `of whom`, `of those`, or `of the three men` (a group with a count).
    let q = skip_ws(b, e);
    if let Some(of) = word_is(b, q, "of") {
        let r = skip_ws(b, of);
        if word_is(b, r, "them").or_else(|| word_is(b, r, "whom")).is_some() {
            return Part::Subset;
        }
        let t = word_is(b, r, "the")
            .or_else(|| word_is(b, r, "those"))
            .or_else(|| word_is(b, r, "these"))
            .map(|x| skip_ws(b, x));
        if let Some(t) = t {
            if let Some(g) = count_at(text, t) {
                return Part::Member { group: g.span };
            }
            return Part::Subset;
        }
    }
    Part::Whole
}
