//! Sentences and tokens, with byte spans.
//!
//! Sentences are only ever looked for around trigger hits: [`sentence_end`] scans forward from a
//! sentence start to the end of that sentence. It knows abbreviations (`U.S.`, `Col.`, `Feb.`,
//! `Mr.`, initials), closing quotes (straight and curly), hard-wrapped lines (a single newline
//! does not end a sentence), paragraphs (a blank line or an indented line does), ALL-CAPS
//! headline lines, and paragraphs run together without a space (`said.The`). A sentence never
//! runs longer than [`MAX_SENTENCE`] bytes, so no input makes the work per hit unbounded.
//!
//! A sentence also ends before a word in a caseless script (Arabic, Hebrew, CJK...: no capital
//! letter to look for) and before a bidirectional control character.
//!
//! [`tokenize`] splits one sentence into words and punctuation into a caller-owned buffer (no
//! allocation per token).
//!
//! Format characters ([`is_format`]: zero-width space and joiners, soft hyphen, bidi controls,
//! BOM) are invisible: they neither split a word nor vanish from it. A word with one inside
//! (`4<U+200B>5`) stays one token as written, and is not a number (the count readers refuse a
//! digit run touching one), so it is read as neither `4` nor `45`.

use std::ops::Range;

/// The longest a sentence may be, in bytes; longer runs are cut at a space.
pub const MAX_SENTENCE: usize = 2000;

/// FC215 `long-sentence` (warning): a statement in a run of more than 2,000 bytes without a
/// sentence end (no `.`, `!`, `?` or paragraph break): a list pasted as one line, a table
/// flattened into text, a transcript without punctuation.
///
/// ```text
/// Russia expelled 3 Iran, Russia expelled 3 Iran, ... (4,000 times)
///                        warning[FC215]: sentence cut at 2000 bytes: facts across the cut are not read
/// ```
///
/// The reader bounds a sentence at 2,000 bytes (so that no input makes its work unbounded) and
/// cuts a longer run at a space: the part after the cut is read as a new sentence, and a
/// statement whose words straddle the cut (its actor before, its count after) is lost or read
/// in part. The warning points at the cut in each sentence where a trigger word was found.
/// Break the text into sentences, or check those lines by hand.
pub const FC215: &str = "FC215";

const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Col", "Gen", "Lt", "Sgt", "Capt", "Maj", "Cmdr", "Adm",
    "Brig", "Gov", "Sen", "Rep", "Rev", "St", "Mt", "Ft", "Jr", "Sr", "No", "Nos", "Co", "Corp",
    "Inc", "Ltd", "Bros", "vs", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
    "Oct", "Nov", "Dec", "approx", "Messrs", "Gens", "Pte", "Cpl", "Insp", "Supt", "Det",
];

/// Format characters (Unicode category Cf) found in news text: soft hyphen, Arabic letter mark,
/// zero-width space, non-joiner and joiner, bidi marks, embeddings, overrides and isolates,
/// word joiner and invisible operators, BOM.
pub fn is_format(c: char) -> bool {
    matches!(c,
        '\u{ad}' | '\u{61c}' | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206f}' | '\u{feff}')
}

/// Bidirectional controls: marks, embeddings, overrides, isolates.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// A letter of a script without case (Arabic, Hebrew, Devanagari, CJK...): it can open a
/// sentence, as no capital will.
fn is_caseless_letter(c: char) -> bool {
    c.is_alphabetic() && !c.is_lowercase() && !c.is_uppercase()
}

/// True for characters that close a quotation or parenthesis after sentence punctuation.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '\u{201d}' | '\u{2019}' | ')' | ']')
}

/// True for characters that may open a sentence besides an upper-case letter or digit.
fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '\u{201c}' | '\u{2018}' | '(' | '[' | '-' | '\u{2014}')
}

/// The word ending right before byte `end` (letters, digits and inner dots).
fn word_before(text: &str, end: usize) -> &str {
    let head = text.get(..end).unwrap_or("");
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    head.get(start..).unwrap_or("")
}

/// Whether the period at byte `dot` ends an abbreviation rather than a sentence.
fn is_abbreviation(text: &str, dot: usize) -> bool {
    let w = word_before(text, dot);
    if w.is_empty() {
        return false;
    }
    // `U.S.`, `e.g.`: an inner dot; `J.`: a single capital (an initial).
    if w.contains('.') {
        return true;
    }
    let mut chars = w.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        return true;
    }
    ABBREVIATIONS.contains(&w)
}

/// Returns the end (exclusive) of the sentence starting at `start`: after its final
/// punctuation and closing quotes, or at a paragraph break. Always `> start` unless `start` is
/// the end of the text.
pub fn sentence_end(text: &str, start: usize) -> usize {
    sentence_bound(text, start).0
}

/// [`sentence_end`], and whether the sentence was cut at [`MAX_SENTENCE`] bytes (a long run
/// without an end: what follows the cut is read as another sentence, see [`FC215`]).
pub fn sentence_bound(text: &str, start: usize) -> (usize, bool) {
    let b = text.as_bytes();
    let len = b.len();
    let limit = start.saturating_add(MAX_SENTENCE).min(len);
    let mut i = start;
    let mut line_upper = false;
    let mut line_lower = false;
    while i < limit {
        let c = b[i];
        match c {
            b'.' | b'!' | b'?' => {
                let mut j = i + 1;
                // Closing quotes and brackets belong to the sentence.
                while let Some(ch) = text.get(j..).and_then(|s| s.chars().next()) {
                    if is_closer(ch) {
                        j += ch.len_utf8();
                    } else {
                        break;
                    }
                }
                let Some(next) = text.get(j..).and_then(|s| s.chars().next()) else {
                    return (j.min(len), false);
                };
                if next.is_whitespace() || is_bidi_control(next) {
                    let after = text.get(j..).unwrap_or("");
                    let after =
                        after.trim_start_matches(|c: char| c.is_whitespace() || is_format(c));
                    let bidi =
                        text.get(j..).unwrap_or("").trim_start().starts_with(is_bidi_control);
                    let Some(n) = after.chars().next() else { return (len, false) };
                    let opens = n.is_uppercase()
                        || n.is_ascii_digit()
                        || is_opener(n)
                        || is_caseless_letter(n)
                        || bidi;
                    if opens && !(c == b'.' && is_abbreviation(text, i)) {
                        return (j, false);
                    }
                } else if c == b'.' && next.is_uppercase() && j == i + 1 {
                    // `said.The`: paragraphs run together. Only after a lower-case word of two
                    // letters or more, so `U.S.` and `p.m.` stay whole.
                    let w = word_before(text, i);
                    if w.len() >= 2 && !w.contains('.') && w.chars().all(|c| c.is_lowercase()) {
                        return (j, false);
                    }
                }
                i = j.max(i + 1);
                continue;
            }
            b'\n' => {
                // A headline: a line in capitals ends where it ends.
                if line_upper && !line_lower && i > start {
                    return (i, false);
                }
                let mut j = i + 1;
                let mut indent = 0;
                while j < len && matches!(b[j], b' ' | b'\t' | b'\r') {
                    indent += if b[j] == b'\t' { 4 } else { 1 };
                    j += 1;
                }
                // A blank line, or an indented line (Reuters paragraphs), starts a paragraph.
                if (j >= len || b[j] == b'\n' || indent >= 2) && i > start {
                    return (i, false);
                }
                line_upper = false;
                line_lower = false;
            }
            _ => {
                if c.is_ascii_uppercase() {
                    line_upper = true;
                } else if c.is_ascii_lowercase() {
                    line_lower = true;
                }
            }
        }
        i += 1;
    }
    if limit >= len {
        return (len, false);
    }
    // Too long: cut at the last space before the limit (a char boundary), or at the limit.
    let head = text.get(start..limit).map(|s| s.len()).unwrap_or(0);
    let cut = text
        .get(start..start + head)
        .and_then(|s| s.rfind(char::is_whitespace))
        .map(|k| start + k)
        .filter(|&k| k > start);
    let end = match cut {
        Some(k) => k,
        None => {
            let mut k = limit;
            while k < len && !text.is_char_boundary(k) {
                k += 1;
            }
            k.max(start + 1).min(len)
        }
    };
    (end, true)
}

/// The first byte at or after `i` that is not whitespace.
pub fn skip_space(text: &str, i: usize) -> usize {
    let b = text.as_bytes();
    let mut i = i;
    while i < b.len() && b[i].is_ascii_whitespace() {
        i += 1;
    }
    // Non-ASCII whitespace (no-break space) is rare; leave it in the sentence.
    while i < b.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters and digits, with inner hyphens, dots and apostrophes (`non-gratae`, `didn't`).
    Word,
    /// `'s` or `’s` (a possessive), or a lone apostrophe after an `s`.
    Possessive,
    /// One punctuation character.
    Punct(char),
}

/// A token of a sentence: absolute byte span, kind, and what the extractor found there.
#[derive(Debug, Clone)]
pub struct Token {
    pub span: Range<usize>,
    pub kind: Kind,
    /// Index into the sentence's actor mentions.
    pub actor: Option<u32>,
    /// Index into the sentence's counts.
    pub count: Option<u32>,
    /// Index into the sentence's dates.
    pub date: Option<u32>,
    /// Index into the sentence's trigger hits.
    pub trigger: Option<u32>,
}

fn word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Splits `text[range]` into tokens, appended to `out` with absolute spans.
pub fn tokenize(text: &str, range: Range<usize>, out: &mut Vec<Token>) {
    let Some(s) = text.get(range.clone()) else { return };
    let base = range.start;
    let mut it = s.char_indices().peekable();
    let push = |out: &mut Vec<Token>, a: usize, b: usize, kind: Kind| {
        out.push(Token {
            span: base + a..base + b,
            kind,
            actor: None,
            count: None,
            date: None,
            trigger: None,
        });
    };
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if word_char(c) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if word_char(d) {
                    end = j + d.len_utf8();
                    it.next();
                    continue;
                }
                // Inner `-`, `.`, `'`, `’` when a word character follows; format characters
                // (`4<U+200B>5`) stay inside the word.
                if matches!(d, '-' | '.' | '\'' | '\u{2019}' | ',') || is_format(d) {
                    let rest = &s[j + d.len_utf8()..];
                    let next = rest.chars().next();
                    let inner = match d {
                        // `1,269`: digits on both sides.
                        ',' => {
                            s[..j].ends_with(|x: char| x.is_ascii_digit())
                                && next.is_some_and(|n| n.is_ascii_digit())
                        }
                        // `Russia's` splits off `'s`; `didn't` stays whole.
                        '\'' | '\u{2019}' => {
                            next.is_some_and(word_char)
                                && (!matches!(next, Some('s' | 'S'))
                                    || rest[1..].starts_with(word_char))
                        }
                        _ => next.is_some_and(|n| word_char(n) || is_format(n)),
                    };
                    if inner {
                        end = j + d.len_utf8();
                        it.next();
                        continue;
                    }
                }
                break;
            }
            push(out, i, end, Kind::Word);
            continue;
        }
        if matches!(c, '\'' | '\u{2019}') {
            let rest = &s[i + c.len_utf8()..];
            let prev_word =
                out.last().is_some_and(|t| t.kind == Kind::Word && t.span.end == base + i);
            if prev_word && rest.starts_with(['s', 'S']) && !rest[1..].starts_with(word_char) {
                it.next();
                push(out, i, i + c.len_utf8() + 1, Kind::Possessive);
                continue;
            }
            let after_s =
                prev_word && out.last().is_some_and(|t| text[t.span.clone()].ends_with(['s', 'S']));
            if after_s && !rest.starts_with(word_char) {
                push(out, i, i + c.len_utf8(), Kind::Possessive);
                continue;
            }
        }
        push(out, i, i + c.len_utf8(), Kind::Punct(c));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        let mut v = Vec::new();
        let mut s = skip_space(text, 0);
        while s < text.len() {
            let e = sentence_end(text, s);
            v.push(text[s..e].trim_end());
            s = skip_space(text, e);
        }
        v
    }

    #[test]
    fn splits_sentences() {
        assert_eq!(
            sentences("The U.S. expelled Mr. Smith on Feb. 3. Col. J. Doe left! Why? Yes."),
            vec!["The U.S. expelled Mr. Smith on Feb. 3.", "Col. J. Doe left!", "Why?", "Yes."]
        );
        assert_eq!(
            sentences("\u{201c}They will go,\u{201d} he said. \u{201c}Now.\u{201d} Then"),
            vec!["\u{201c}They will go,\u{201d} he said.", "\u{201c}Now.\u{201d}", "Then"]
        );
        assert_eq!(sentences("it said.The next"), vec!["it said.", "The next"]);
        assert_eq!(
            sentences("REBEL AMBUSH KILLS 18\n\nMANILA - Rebels killed\n18 soldiers.\n    Then"),
            vec!["REBEL AMBUSH KILLS 18", "MANILA - Rebels killed\n18 soldiers.", "Then"]
        );
        assert_eq!(sentences("HEADLINE HERE\nBody text."), vec!["HEADLINE HERE", "Body text."]);
    }

    #[test]
    fn long_sentences_are_cut() {
        let t = ", ".repeat(5000);
        let s = sentences(&t);
        assert!(s.len() >= 5);
        let t = "é".repeat(3000);
        assert!(sentences(&t).len() >= 2);
    }

    #[test]
    fn tokens() {
        let t = "Russia's envoys didn't go; 1,269 “non-gratae” Brussels' U.S.";
        let mut out = Vec::new();
        tokenize(t, 0..t.len(), &mut out);
        let words: Vec<&str> = out.iter().map(|k| &t[k.span.clone()]).collect();
        assert_eq!(
            words,
            vec![
                "Russia",
                "'s",
                "envoys",
                "didn't",
                "go",
                ";",
                "1,269",
                "“",
                "non-gratae",
                "”",
                "Brussels",
                "'",
                "U.S",
                "."
            ]
        );
        assert_eq!(out[1].kind, Kind::Possessive);
        assert_eq!(out[11].kind, Kind::Possessive);
    }

    #[test]
    fn caseless_scripts_and_bidi_controls_start_sentences() {
        assert_eq!(
            sentences("Italy expelled 30 diplomats. \u{645}\u{635}\u{631} expelled 3."),
            vec!["Italy expelled 30 diplomats.", "\u{645}\u{635}\u{631} expelled 3."]
        );
        assert_eq!(
            sentences("Italy expelled 30 diplomats. \u{202b}x expelled 3."),
            vec!["Italy expelled 30 diplomats.", "\u{202b}x expelled 3."]
        );
        assert_eq!(sentences("It fell 3 p.m. tuesday."), vec!["It fell 3 p.m. tuesday."]);
    }

    #[test]
    fn format_characters_stay_inside_words() {
        let t = "4\u{200b}5 dip\u{ad}lomats";
        let mut out = Vec::new();
        tokenize(t, 0..t.len(), &mut out);
        let words: Vec<&str> = out.iter().map(|k| &t[k.span.clone()]).collect();
        assert_eq!(words, vec!["4\u{200b}5", "dip\u{ad}lomats"]);
    }
}
