//! The part-of-speech tagger: greedy left to right, an averaged perceptron over hashed features
//! of the word and its neighbours (Honnibal, "A good part-of-speech tagger in about 200 lines of
//! Python"), with a tag dictionary for frequent unambiguous words.
//!
//! A tag is a pair `UPOS`+`XPOS` as seen in the treebank (`VERB`+`VBN`, `PROPN`+`NNP`, ...): the
//! Penn tag is free and tells the parser what UPOS cannot (a past participle from a past tense).
//! Training ([`train`]) and inference ([`Tagger::tag`]) share [`features`].

use super::hash::{self, feat};
use super::perceptron::{IdMap, TrainWeights, Weights};

/// What the tagger and parser know of a word, computed once per token.
#[derive(Debug, Clone, Copy, Default)]
pub struct Lex {
    /// The word lowercased.
    pub lower: u64,
    /// The word as written (for the tag dictionary).
    pub exact: u64,
    pub shape: u64,
    pub suf1: u64,
    pub suf2: u64,
    pub suf3: u64,
    pub suf4: u64,
    pub pre1: u64,
    pub pre3: u64,
}

impl Lex {
    /// `caps`: the word stands in an ALL-CAPS line (a wire headline): its shape and dictionary
    /// entry are read as if it were lowercase.
    pub fn new(word: &str, caps: bool) -> Self {
        let lower = hash::lower(word);
        Lex {
            lower,
            exact: if caps { lower } else { hash::exact(word) },
            shape: hash::shape(word, caps),
            suf1: hash::suffix(word, 1),
            suf2: hash::suffix(word, 2),
            suf3: hash::suffix(word, 3),
            suf4: hash::suffix(word, 4),
            pre1: if caps {
                hash::prefix(word, 1)
            } else {
                hash::exact(word.chars().next().map_or("", |c| &word[..c.len_utf8()]))
            },
            pre3: hash::prefix(word, 3),
        }
    }
}

/// Whether a sentence is an ALL-CAPS line: at least two words with letters, and no lowercase
/// letter anywhere.
pub fn is_caps<'a>(words: impl Iterator<Item = &'a str>) -> bool {
    let mut lettered = 0;
    for w in words {
        if w.chars().any(char::is_lowercase) {
            return false;
        }
        if w.chars().filter(|c| c.is_uppercase()).count() >= 2 {
            lettered += 1;
        }
    }
    lettered >= 2
}

/// Tag number used for "no tag" (before the sentence) in features.
const START: u64 = 0xffff;

/// The features of word `i` given the two tags before it. `ambiguity` gives the tags a
/// frequent word had in training (its "ambiguity class"): the tagger's look-ahead at the words
/// to the right, whose tags are not known yet.
pub fn features(
    lex: &[Lex],
    i: usize,
    prev: u64,
    prev2: u64,
    ambiguity: &IdMap<u64>,
    out: &mut Vec<u64>,
) {
    out.clear();
    let amb = |l: &Lex| ambiguity.get(&l.lower).copied().unwrap_or(0);
    let none = Lex::default();
    let at = |j: isize| if j < 0 { &none } else { lex.get(j as usize).unwrap_or(&none) };
    let i = i as isize;
    let (w, p1, p2, n1, n2) = (at(i), at(i - 1), at(i - 2), at(i + 1), at(i + 2));
    let first = (i == 0) as u64;
    out.extend_from_slice(&[
        feat(1, 0, 0, 0),
        feat(2, w.lower, 0, 0),
        feat(3, w.suf3, 0, 0),
        feat(4, w.pre1, 0, 0),
        feat(5, prev, 0, 0),
        feat(6, prev2, 0, 0),
        feat(7, prev, prev2, 0),
        feat(8, w.lower, prev, 0),
        feat(9, p1.lower, 0, 0),
        feat(10, p1.suf3, 0, 0),
        feat(11, p2.lower, 0, 0),
        feat(12, n1.lower, 0, 0),
        feat(13, n1.suf3, 0, 0),
        feat(14, n2.lower, 0, 0),
        feat(15, w.shape, 0, 0),
        feat(16, w.suf2, 0, 0),
        feat(17, w.shape, first, 0),
        feat(18, p1.lower, w.lower, 0),
        feat(19, w.lower, n1.lower, 0),
        feat(20, n1.shape, 0, 0),
        feat(21, w.pre3, 0, 0),
        feat(22, w.suf4, 0, 0),
        feat(23, w.suf1, 0, 0),
        feat(24, prev, w.suf3, 0),
        feat(25, p1.shape, w.shape, 0),
        feat(26, w.exact, 0, 0),
        feat(27, prev, n1.lower, 0),
        feat(28, n1.suf2, 0, 0),
        feat(29, p1.lower, n1.lower, 0),
        feat(30, w.suf3, n1.shape, 0),
        feat(31, amb(w), 0, 0),
        feat(32, amb(n1), 0, 0),
        feat(33, amb(n2), 0, 0),
        feat(34, amb(n1), w.lower, 0),
        feat(35, prev, amb(w), 0),
        feat(36, amb(w), amb(n1), 0),
        feat(37, prev, amb(w), amb(n1)),
    ]);
}

/// The trained tagger.
#[derive(Debug, Clone, Default)]
pub struct Tagger {
    pub weights: Weights,
    /// Frequent words that always had one tag in training, by [`Lex::exact`].
    pub tagdict: IdMap<u16>,
    /// Frequent words' ambiguity classes (a hash of the tags they had), by [`Lex::lower`].
    pub ambiguity: IdMap<u64>,
}

impl Tagger {
    /// Tags a sentence: one tag number per word into `tags`. `feats` and `scores` are scratch.
    pub fn tag(
        &self,
        lex: &[Lex],
        tags: &mut Vec<u16>,
        feats: &mut Vec<u64>,
        scores: &mut Vec<i32>,
    ) {
        tags.clear();
        scores.resize(self.weights.nclasses(), 0);
        let (mut prev, mut prev2) = (START, START);
        for i in 0..lex.len() {
            let t = match self.tagdict.get(&lex[i].exact) {
                Some(&t) => t,
                None => {
                    features(lex, i, prev, prev2, &self.ambiguity, feats);
                    self.weights.score(feats, scores);
                    argmax(scores) as u16
                }
            };
            tags.push(t);
            prev2 = prev;
            prev = t as u64;
        }
    }
}

/// Index of the largest score (the first on ties).
pub fn argmax(scores: &[i32]) -> usize {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = i;
        }
    }
    best
}

/// One training sentence: its words and gold tag numbers, and for some sentences the words
/// read as an ALL-CAPS line (`caps`, else empty), learnt too so that headlines are tagged.
pub struct TagExample {
    pub lex: Vec<Lex>,
    pub caps: Vec<Lex>,
    pub tags: Vec<u16>,
}

impl TagExample {
    /// The example of words `forms` with tags `tags`; `with_caps` adds the ALL-CAPS reading.
    pub fn new<'a>(
        forms: impl Iterator<Item = &'a str> + Clone,
        tags: Vec<u16>,
        with_caps: bool,
    ) -> Self {
        let caps = is_caps(forms.clone());
        let lex: Vec<Lex> = forms.clone().map(|f| Lex::new(f, caps)).collect();
        let caps = if with_caps && !caps {
            forms.map(|f| Lex::new(f, true)).collect()
        } else {
            Vec::new()
        };
        TagExample { lex, caps, tags }
    }
}

/// Trains a tagger on `examples` (`iterations` passes in a fixed shuffled order per pass).
pub fn train(examples: &[TagExample], ntags: usize, iterations: usize, seed: u64) -> Tagger {
    let tagdict = tag_dictionary(examples, ntags);
    let ambiguity = ambiguity_classes(examples, ntags);
    let mut w = TrainWeights::new(ntags);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = super::train::Rng(seed);
    let mut feats = Vec::new();
    let mut scores = vec![0; ntags];
    for _ in 0..iterations {
        rng.shuffle(&mut order);
        for &s in &order {
            let ex = &examples[s];
            for lex in [&ex.lex, &ex.caps] {
                let (mut prev, mut prev2) = (START, START);
                for i in 0..lex.len() {
                    let gold = ex.tags.get(i).map_or(0, |&t| t as usize);
                    let guess = match tagdict.get(&lex[i].exact) {
                        Some(&t) => t as usize,
                        None => {
                            features(lex, i, prev, prev2, &ambiguity, &mut feats);
                            w.score(&feats, &mut scores);
                            let guess = argmax(&scores);
                            w.tick();
                            w.update(&feats, gold, guess);
                            guess
                        }
                    };
                    prev2 = prev;
                    prev = guess as u64;
                }
            }
        }
    }
    Tagger { weights: w.average(0.0), tagdict, ambiguity }
}

/// Words seen at least 5 times (lowercased), with the set of tags they had at least 5% of the
/// time.
fn ambiguity_classes(examples: &[TagExample], ntags: usize) -> IdMap<u64> {
    let mut counts: IdMap<Vec<u32>> = IdMap::default();
    for ex in examples {
        for (l, &t) in ex.lex.iter().zip(&ex.tags) {
            counts.entry(l.lower).or_insert_with(|| vec![0; ntags])[t as usize] += 1;
        }
    }
    let mut classes = IdMap::default();
    for (w, c) in counts {
        let total: u32 = c.iter().sum();
        if total < 5 {
            continue;
        }
        let mut h = 0x5151u64;
        for (t, &n) in c.iter().enumerate() {
            if n * 20 >= total {
                h = hash::mix(h, t as u64 + 1);
            }
        }
        classes.insert(w, hash::finish(h));
    }
    classes
}

/// Words seen at least 20 times with one tag at least 97% of the time.
fn tag_dictionary(examples: &[TagExample], ntags: usize) -> IdMap<u16> {
    let mut counts: IdMap<Vec<u32>> = IdMap::default();
    for ex in examples {
        for (l, &t) in ex.lex.iter().zip(&ex.tags) {
            counts.entry(l.exact).or_insert_with(|| vec![0; ntags])[t as usize] += 1;
        }
    }
    let mut dict = IdMap::default();
    for (w, c) in counts {
        let total: u32 = c.iter().sum();
        let best = argmax(&c.iter().map(|&x| x as i32).collect::<Vec<_>>());
        if total >= 20 && c[best] as f64 / total as f64 >= 0.97 {
            dict.insert(w, best as u16);
        }
    }
    dict
}
