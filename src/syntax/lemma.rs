//! Lemmas, learnt from the treebank: for each Penn tag, the most frequent rewrite rule ("strip
//! 3 characters, append `e`") of each word ending of one to five characters, plus the words the
//! endings get wrong (`went` -> `go`, `me` -> `I`). Proper nouns are their own lemma; every other
//! word is lowercased. Rules whose lemma the treebank never had give way to a shorter ending's
//! rule whose lemma it had (`declined` -> `decline`, not `declin`), and a lemma ending in a
//! doubled consonant it never had loses it when the single one is known (`expelled` -> `expel`).

use std::collections::HashMap;

use super::hash;
use super::perceptron::IdMap;

/// A rewrite: drop `strip` characters from the end, append `append`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Rule {
    pub strip: u8,
    pub append: String,
}

impl Rule {
    /// The rule that turns `form` into `lemma` (both lowercase), if it only touches the end.
    fn between(form: &str, lemma: &str) -> Option<Rule> {
        let common = form.chars().zip(lemma.chars()).take_while(|(a, b)| a == b).count();
        let strip = form.chars().count() - common;
        if strip > 255 || common == 0 {
            return None;
        }
        let append: String = lemma.chars().skip(common).collect();
        Some(Rule { strip: strip as u8, append })
    }
}

/// The lemmatiser's tables, keyed by hashes so a lookup allocates nothing.
#[derive(Debug, Clone, Default)]
pub struct Lemmatizer {
    /// [`key`]`(xpos, ending)` -> rule.
    pub endings: IdMap<Rule>,
    /// [`key`]`(xpos, lowercase word)` -> lemma, where the endings are wrong.
    pub words: IdMap<String>,
    /// [`hash::lower`] of every lemma seen, sorted.
    pub known: Vec<u64>,
}

/// Longest ending looked at.
const MAX_ENDING: usize = 5;

/// The table key of a tag and a word or ending (lowercased as hashed).
pub fn key(xpos: &str, s: &str) -> u64 {
    hash::feat(7, hash::exact(xpos), hash::lower(s), 0)
}

fn ending(lower: &str, k: usize) -> Option<&str> {
    let start = lower.char_indices().rev().nth(k - 1)?.0;
    Some(&lower[start..])
}

/// Tags whose words are lemmatised by rule (nouns, verbs, comparatives); others keep their form.
fn inflected(xpos: &str) -> bool {
    matches!(
        xpos,
        "NNS"
            | "VBD"
            | "VBG"
            | "VBN"
            | "VBZ"
            | "VBP"
            | "VB"
            | "JJR"
            | "JJS"
            | "RBR"
            | "RBS"
            | "NN"
            | "MD"
    )
}

impl Lemmatizer {
    /// Learns the tables from `(form, xpos, lemma)` triples.
    pub fn train<'a>(words: impl Iterator<Item = (&'a str, &'a str, &'a str)>) -> Self {
        let mut rules: HashMap<(String, String), HashMap<Rule, u32>> = HashMap::new();
        let mut seen: HashMap<(String, String), HashMap<String, u32>> = HashMap::new();
        for (form, xpos, lemma) in words {
            let lower = form.to_lowercase();
            *seen
                .entry((xpos.into(), lower.clone()))
                .or_default()
                .entry(lemma.into())
                .or_default() += 1;
            if !inflected(xpos) {
                continue;
            }
            let Some(rule) = Rule::between(&lower, &lemma.to_lowercase()) else { continue };
            for k in 1..=MAX_ENDING {
                let Some(e) = ending(&lower, k) else { break };
                *rules
                    .entry((xpos.into(), e.into()))
                    .or_default()
                    .entry(rule.clone())
                    .or_default() += 1;
            }
        }
        let mut known: Vec<u64> =
            seen.values().flat_map(|c| c.keys().map(|l| hash::lower(l))).collect();
        known.sort_unstable();
        known.dedup();
        let mut lem = Lemmatizer { known, ..Lemmatizer::default() };
        let mut rules: Vec<_> = rules.into_iter().collect();
        rules.sort_by(|a, b| a.0.cmp(&b.0));
        for ((xpos, e), counts) in rules {
            let total: u32 = counts.values().sum();
            let mut counts: Vec<_> = counts.into_iter().collect();
            counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.append.cmp(&b.0.append)));
            if let Some((rule, c)) = counts.into_iter().next()
                && total >= 2
                && c * 2 > total
            {
                lem.endings.insert(key(&xpos, &e), rule);
            }
        }
        let mut out = String::new();
        let mut seen: Vec<_> = seen.into_iter().collect();
        seen.sort_by(|a, b| a.0.cmp(&b.0));
        for ((xpos, lower), counts) in seen {
            let mut counts: Vec<_> = counts.into_iter().collect();
            counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            let Some((best, _)) = counts.into_iter().next() else { continue };
            out.clear();
            lem.lemma_by_rule(&lower, &xpos, &mut out);
            if best != out {
                lem.words.insert(key(&xpos, &lower), best);
            }
        }
        lem
    }

    /// Writes the lemma of `form` (tagged `upos`/`xpos`) to `out`.
    pub fn lemma(&self, form: &str, upos: &str, xpos: &str, out: &mut String) {
        if let Some(l) = self.words.get(&key(xpos, form)) {
            out.push_str(l);
        } else if upos == "PROPN" || matches!(xpos, "NNP" | "NNPS") {
            out.push_str(form);
        } else {
            self.lemma_by_rule(form, xpos, out);
        }
    }

    fn lemma_by_rule(&self, form: &str, xpos: &str, out: &mut String) {
        let start = out.len();
        if inflected(xpos) {
            // The rule of the longest ending that has one, unless its lemma is unknown and a
            // shorter ending's rule gives a known one (`declined`: `-lined` says `declin`,
            // `-ined` says `decline`).
            let mut first: Option<&Rule> = None;
            for k in (1..=MAX_ENDING).rev() {
                let Some(e) = ending(form, k) else { continue };
                let Some(rule) = self.endings.get(&key(xpos, e)) else { continue };
                out.truncate(start);
                Self::apply(form, rule, out);
                if self.known.is_empty() || self.is_known(&out[start..]) {
                    return;
                }
                first.get_or_insert(rule);
            }
            if let Some(rule) = first {
                out.truncate(start);
                Self::apply(form, rule, out);
                self.undouble(start, out);
                return;
            }
        }
        out.truncate(start);
        out.extend(form.chars().flat_map(char::to_lowercase));
    }

    fn apply(form: &str, rule: &Rule, out: &mut String) {
        let keep = form.chars().count().saturating_sub(rule.strip as usize);
        out.extend(form.chars().take(keep).flat_map(char::to_lowercase));
        out.push_str(&rule.append);
    }

    fn is_known(&self, lemma: &str) -> bool {
        self.known.binary_search(&hash::lower(lemma)).is_ok()
    }

    /// `expell` -> `expel`: drops the last letter of the lemma at `out[start..]` when it
    /// doubles a consonant, the lemma is unknown and the shorter one is known.
    fn undouble(&self, start: usize, out: &mut String) {
        let b = out.as_bytes();
        let n = b.len();
        if n < start + 3 || b[n - 1] != b[n - 2] || !b[n - 1].is_ascii_lowercase() {
            return;
        }
        if matches!(b[n - 1], b'a' | b'e' | b'i' | b'o' | b'u') {
            return;
        }
        if !self.is_known(&out[start..]) && self.is_known(&out[start..n - 1]) {
            out.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endings_and_exceptions() {
        let data = [
            ("expelled", "VBD", "expel"),
            ("expelling", "VBG", "expel"),
            ("called", "VBN", "call"),
            ("killed", "VBN", "kill"),
            ("travelled", "VBD", "travel"),
            ("killed", "VBD", "kill"),
            ("called", "VBD", "call"),
            ("walked", "VBD", "walk"),
            ("went", "VBD", "go"),
            ("diplomats", "NNS", "diplomat"),
            ("cats", "NNS", "cat"),
            ("me", "PRP", "I"),
            ("outlined", "VBD", "outline"),
            ("joined", "VBD", "join"),
            ("rained", "VBD", "rain"),
            ("lined", "VBD", "line"),
            ("declines", "VBZ", "decline"),
        ];
        let l = Lemmatizer::train(data.iter().map(|&(a, b, c)| (a, b, c)));
        let lemma = |w: &str, u: &str, x: &str| {
            let mut s = String::new();
            l.lemma(w, u, x, &mut s);
            s
        };
        assert_eq!(lemma("went", "VERB", "VBD"), "go");
        assert_eq!(lemma("expelled", "VERB", "VBN"), "expel");
        assert_eq!(lemma("called", "VERB", "VBN"), "call");
        assert_eq!(lemma("declined", "VERB", "VBD"), "decline");
        assert_eq!(lemma("Spilled", "VERB", "VBD"), "spill");
        assert_eq!(lemma("hats", "NOUN", "NNS"), "hat");
        assert_eq!(lemma("Me", "PRON", "PRP"), "I");
        assert_eq!(lemma("Russia", "PROPN", "NNP"), "Russia");
    }
}
