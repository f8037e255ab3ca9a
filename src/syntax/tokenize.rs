//! Sentence splitting and tokenization into UD English words, as byte ranges of the text.
//!
//! Words follow UD English EWT: clitics are words of their own (`do` `n't`, `ca` `n't`,
//! `Russia` `'s`, `they` `'re`, `can` `not`); hyphens between letters are words (`long` `-`
//! `term`) but dates and number ranges stay whole (`2022-03-29`); numbers keep their separators
//! (`1,269`, `4.5`, `10:30`); abbreviations keep their period (`U.S.`, `Gen.`, `Jan.`, `J.`);
//! quotes, brackets, dashes, `$`, `%` and other symbols (emoji) are words of one character (runs
//! like `...`, `--`, `?!` are one word).
//!
//! A sentence ends after `.` `!` `?` `...` `…` (and any closing quotes or brackets) when the next
//! word does not start with a lowercase letter; after an abbreviation of initials (`U.S.`) when
//! the next word is a common sentence opener (`The`, `He`, ...); at a blank line; at a line break
//! unless the next line starts in lowercase (a wrapped line); and after [`MAX_TOKENS`] words, so
//! a 10 MB text without punctuation becomes many bounded sentences. Nothing here panics: every
//! cut is on a character boundary.

use std::ops::Range;

/// Most words in one sentence: longer runs are cut.
pub const MAX_TOKENS: usize = 150;

/// Abbreviations that keep their period (lowercase, without it).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "maj", "sgt", "capt", "cmdr", "adm",
    "gov", "sen", "rep", "pres", "st", "jr", "sr", "rev", "hon", "messrs", "inc", "corp", "co",
    "ltd", "bros", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "vs", "etc", "approx", "dept", "est", "fig", "mt", "ft", "ave", "blvd", "e.g", "i.e",
    "a.m", "p.m", "cf", "al", "vol", "pp",
];

/// Titles never end a sentence (`Gen. Smith`); other abbreviations may (`in the U.S. The`).
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "maj", "sgt", "capt", "cmdr", "adm",
    "gov", "sen", "rep", "pres", "st", "rev", "hon", "messrs", "vs", "e.g", "i.e",
];

/// Words that start a sentence after an abbreviation like `U.S.`.
const OPENERS: &[&str] = &[
    "The", "This", "That", "These", "Those", "He", "She", "It", "They", "We", "I", "In", "But",
    "A", "An", "And", "On", "At", "His", "Her", "Their", "Its", "There", "As", "After", "When",
];

/// Characters that join two word characters into one word (`1,269`, `U.S`, `AT&T`, `10:30`).
fn joins(c: char, prev: char, next: char) -> bool {
    match c {
        ',' => prev.is_ascii_digit() && next.is_ascii_digit(),
        ':' => prev.is_ascii_digit() && next.is_ascii_digit(),
        '.' | '&' | '_' | '@' | '/' | '\'' | '’' => is_word(prev) && is_word(next),
        '-' => is_word(prev) && is_word(next),
        _ => false,
    }
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_mark(c: char) -> bool {
    // Combining marks continue the word they follow.
    matches!(c as u32, 0x0300..=0x036f | 0x0483..=0x0489 | 0x0591..=0x05c7 | 0x0610..=0x061a
        | 0x064b..=0x065f | 0x0900..=0x0903 | 0x093a..=0x094f | 0x200c..=0x200d)
}

/// Appends the words of `text[range]` to `out` (cleared first).
pub fn tokenize(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    out.clear();
    let Some(s) = text.get(range.clone()) else { return };
    let base = range.start;
    let mut start = None;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if let Some(st) = start.take() {
                chunk(text, base + st, base + i, out);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        chunk(text, base + st, range.end, out);
    }
}

/// Splits one whitespace-free chunk `text[a..b]` into words.
fn chunk(text: &str, a: usize, b: usize, out: &mut Vec<Range<usize>>) {
    let s = &text[a..b];
    let first = out.len();
    let mut word: Option<usize> = None; // start of the current word (offset in s)
    let mut chars = s.char_indices().peekable();
    let mut prev = '\0';
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map_or('\0', |&(_, n)| n);
        if is_word(c) || (is_mark(c) && word.is_some()) || (word.is_some() && joins(c, prev, next))
        {
            if word.is_none() {
                word = Some(i);
            }
        } else {
            if let Some(w) = word.take() {
                push_word(text, a + w, a + i, out);
            }
            // A run of the same punctuation character is one word (`...`, `--`, `!!`), and so
            // is `?!`.
            let mut end = i + c.len_utf8();
            let mut last = c;
            while let Some(&(j, n)) = chars.peek() {
                let same = n == c || (matches!(c, '?' | '!') && matches!(n, '?' | '!'));
                if !same || !matches!(c, '.' | '-' | '!' | '?' | '*' | '=' | '_' | '~' | '`') {
                    break;
                }
                end = j + n.len_utf8();
                last = n;
                chars.next();
            }
            out.push(a + i..a + end);
            prev = last;
            continue;
        }
        prev = c;
    }
    if let Some(w) = word {
        push_word(text, a + w, b, out);
    }
    merge_abbreviations(text, first, out);
}

/// A word, with its clitics split off (`don't` -> `do` `n't`, `Russia's` -> `Russia` `'s`).
fn push_word(text: &str, a: usize, b: usize, out: &mut Vec<Range<usize>>) {
    let w = &text[a..b];
    // A hyphen between letters is a word of its own.
    let letter_hyphen = w.match_indices('-').map(|(h, _)| h).find(|&h| {
        let before = w[..h].chars().next_back();
        let after = w[h + 1..].chars().next();
        before.is_some()
            && after.is_some()
            && (before.is_some_and(char::is_alphabetic) || after.is_some_and(char::is_alphabetic))
    });
    if let Some(h) = letter_hyphen {
        push_word(text, a, a + h, out);
        out.push(a + h..a + h + 1);
        return push_word(text, a + h + 1, b, out);
    }
    let lower_end = |suffix: &str| {
        w.len() > suffix.len()
            && w.get(w.len() - suffix.len()..).is_some_and(|e| e.eq_ignore_ascii_case(suffix))
    };
    for apos in ["'", "’"] {
        let nt = format_args!("n{apos}t").to_string();
        if lower_end(&nt) && w.len() > nt.len() {
            let cut = b - nt.len();
            out.push(a..cut);
            out.push(cut..b);
            return;
        }
        for clitic in ["s", "re", "ve", "ll", "d", "m"] {
            let len = apos.len() + clitic.len();
            if w.len() > len
                && w.get(..w.len() - len)
                    .is_some_and(|stem| stem.chars().next_back().is_some_and(char::is_alphanumeric))
                && w.get(w.len() - len..).is_some_and(|e| {
                    e.starts_with(apos) && e[apos.len()..].eq_ignore_ascii_case(clitic)
                })
            {
                out.push(a..b - len);
                out.push(b - len..b);
                return;
            }
        }
    }
    if w.eq_ignore_ascii_case("cannot") {
        out.push(a..a + 3);
        out.push(a + 3..b);
        return;
    }
    out.push(a..b);
}

/// Whether `w` (without its final period) is an abbreviation: a listed one, an initial (`J`),
/// or initials (`U.S`, `D.C`).
fn is_abbreviation(w: &str) -> bool {
    let mut chars = w.chars();
    let one_letter = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    let initials = w.len() >= 3
        && w.split('.').all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic));
    one_letter || initials || ABBREVIATIONS.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// Joins a word and the period right after it when the word is an abbreviation.
fn merge_abbreviations(text: &str, first: usize, out: &mut Vec<Range<usize>>) {
    let mut i = first + 1;
    while i < out.len() {
        let (w, p) = (out[i - 1].clone(), out[i].clone());
        if w.end == p.start
            && text.get(p.clone()) == Some(".")
            && text.get(w.clone()).is_some_and(is_abbreviation)
        {
            out[i - 1] = w.start..p.end;
            out.remove(i);
        } else {
            i += 1;
        }
    }
}

fn is_terminal(w: &str) -> bool {
    matches!(w, "." | "..." | "…" | "!" | "?")
        || (w.len() > 1 && w.chars().all(|c| c == '!' || c == '?'))
}

fn is_closer(w: &str) -> bool {
    matches!(w, "\"" | "'" | "”" | "’" | ")" | "]" | "}" | "»")
}

/// The byte ranges of the sentences of `text`, from the first word's start to the last word's
/// end; whitespace-only text has none.
pub fn split_sentences(text: &str) -> std::vec::IntoIter<Range<usize>> {
    let mut tokens = Vec::new();
    tokenize(text, 0..text.len(), &mut tokens);
    let mut sentences = Vec::new();
    let mut start = 0; // index of the sentence's first token
    let word = |i: usize| text.get(tokens[i].clone()).unwrap_or("");
    let mut i = 0;
    while i < tokens.len() {
        let mut end = i; // last token of the sentence if it ends here
        let mut cut = i + 1 - start >= MAX_TOKENS;
        let w = word(i);
        if is_terminal(w) {
            while end + 1 < tokens.len()
                && tokens[end + 1].start == tokens[end].end
                && is_closer(word(end + 1))
            {
                end += 1;
            }
            cut |= end + 1 >= tokens.len()
                || !word(end + 1).chars().next().is_some_and(char::is_lowercase);
        } else if w.ends_with('.') && w.len() > 1 && i + 1 < tokens.len() {
            let bare = &w[..w.len() - 1];
            cut |= !TITLES.iter().any(|t| t.eq_ignore_ascii_case(bare))
                && OPENERS.contains(&word(i + 1));
        }
        if end + 1 < tokens.len() {
            let gap = text.get(tokens[end].end..tokens[end + 1].start).unwrap_or("");
            if let Some(nl) = gap.find('\n') {
                let blank = gap[nl + 1..].contains('\n');
                cut |= blank || !word(end + 1).chars().next().is_some_and(char::is_lowercase);
            }
        }
        if cut || end + 1 >= tokens.len() {
            sentences.push(tokens[start].start..tokens[end].end);
            start = end + 1;
        }
        i = end + 1;
    }
    sentences.into_iter()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize(text, 0..text.len(), &mut out);
        out.iter().map(|r| &text[r.clone()]).collect()
    }

    fn sentences(text: &str) -> Vec<&str> {
        split_sentences(text).map(|r| &text[r]).collect()
    }

    #[test]
    fn clitics_numbers_abbreviations() {
        assert_eq!(words("Russia's troops don't"), ["Russia", "'s", "troops", "do", "n't"]);
        assert_eq!(words("can’t cannot they're"), ["ca", "n’t", "can", "not", "they", "'re"]);
        assert_eq!(words("1,269 of 4,000 (4.5%)"), ["1,269", "of", "4,000", "(", "4.5", "%", ")"]);
        assert_eq!(
            words("the U.S. Gen. Smith, Jan. 3."),
            ["the", "U.S.", "Gen.", "Smith", ",", "Jan.", "3", "."]
        );
        assert_eq!(words("long-term on 2022-03-29"), ["long", "-", "term", "on", "2022-03-29"]);
        assert_eq!(
            words("\"Go!\" he said—then…"),
            ["\"", "Go", "!", "\"", "he", "said", "—", "then", "…"]
        );
        assert_eq!(words("wait... $5 😀👍"), ["wait", "...", "$", "5", "😀", "👍"]);
        assert_eq!(words("parents' homes"), ["parents", "'", "homes"]);
    }

    #[test]
    fn sentence_ends() {
        assert_eq!(
            sentences(
                "Mr. Smith left. He said \"no.\" Then the U.S. The end\n\nHEADLINE HERE\nnext"
            ),
            [
                "Mr. Smith left.",
                "He said \"no.\"",
                "Then the U.S.",
                "The end",
                "HEADLINE HERE\nnext"
            ]
        );
        assert_eq!(sentences("  \n "), Vec::<&str>::new());
        let long = "word ".repeat(1000);
        assert_eq!(sentences(&long).len(), 1000usize.div_ceil(MAX_TOKENS));
    }
}
