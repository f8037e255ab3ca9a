//! Word clusters learnt from unlabelled text, for the parser's features (Koo, Carreras and
//! Collins 2008: a word's cluster generalises over words the treebank saw rarely or never).
//!
//! The clusters are a binary tree over the vocabulary built top down: every cluster is split in
//! two and the split improved by the exchange algorithm (Kneser and Ney 1993; Martin, Liermann
//! and Ney 1998), words moving between the two halves while that raises the likelihood of a
//! class bigram model of the text. A word's cluster is its path from the root, a bit string
//! whose prefixes are coarser clusters, as with Brown clusters. Each level costs one pass over
//! the distinct bigrams per exchange round, so a few million words take seconds.
//!
//! Everything is deterministic: words are numbered by frequency then hash, and every split
//! starts from the same alternation.

use super::hash;
use super::perceptron::IdMap;
use super::tokenize::{split_sentences, tokenize};

/// The text the clusters are learnt from: a stream of lowercased word hashes.
#[derive(Debug, Default)]
pub struct Corpus {
    /// Word hashes ([`hash::lower`]), sentences separated by 0.
    stream: Vec<u64>,
    spans: Vec<std::ops::Range<usize>>,
}

/// Cluster settings.
#[derive(Debug, Clone, Copy)]
pub struct ClusterSettings {
    /// Words seen fewer times are not clustered.
    pub min_count: u32,
    /// Depth of the tree (at most 15): `2^depth` clusters.
    pub depth: u32,
    /// Exchange rounds per level.
    pub rounds: usize,
}

impl Default for ClusterSettings {
    fn default() -> Self {
        ClusterSettings { min_count: 3, depth: 10, rounds: 4 }
    }
}

impl Corpus {
    /// Number of words read.
    pub fn words(&self) -> usize {
        self.stream.iter().filter(|&&w| w != 0).count()
    }

    /// Adds a text: its sentences and words as factcheck splits them.
    pub fn add_text(&mut self, text: &str) {
        for s in split_sentences(text) {
            self.spans.clear();
            tokenize(text, s, &mut self.spans);
            let words = self.spans.iter().map(|r| text.get(r.clone()).unwrap_or(""));
            self.stream.extend(words.map(hash::lower));
            self.stream.push(0);
        }
    }

    /// Adds one sentence given as words.
    pub fn add_words<'a>(&mut self, words: impl Iterator<Item = &'a str>) {
        self.stream.extend(words.map(hash::lower));
        self.stream.push(0);
    }

    /// Learns the clusters: word hash ([`hash::lower`]) -> path, the bits of its leaf under a
    /// leading 1 (see [`prefix`]).
    pub fn clusters(&self, settings: &ClusterSettings) -> IdMap<u16> {
        let depth = settings.depth.clamp(1, 15);
        // Vocabulary by frequency then hash; id 0 is the sentence boundary, 1 every rare word.
        let mut counts: IdMap<u32> = IdMap::default();
        for &w in &self.stream {
            *counts.entry(w).or_default() += 1;
        }
        let mut vocab: Vec<(u64, u32)> = counts
            .iter()
            .filter(|&(&w, &c)| w != 0 && c >= settings.min_count)
            .map(|(&w, &c)| (w, c))
            .collect();
        vocab.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let ids: IdMap<u32> =
            vocab.iter().enumerate().map(|(i, &(w, _))| (w, i as u32 + 2)).collect();
        let nwords = vocab.len() + 2;
        let id = |w: u64| if w == 0 { 0 } else { ids.get(&w).copied().unwrap_or(1) };
        let mut pairs: Vec<u64> = Vec::with_capacity(self.stream.len() + 1);
        let mut prev = 0u32;
        for &w in &self.stream {
            let i = id(w);
            if !(prev == 0 && i == 0) {
                pairs.push(((prev as u64) << 32) | i as u64);
            }
            prev = i;
        }
        pairs.sort_unstable();
        let graph = Graph::new(nwords, &pairs);
        let mut class = vec![0u32; nwords];
        for level in 1..=depth {
            // Split every cluster in two: its words alternate between the halves (by
            // frequency), then move while the likelihood rises.
            let mut seen = vec![0u32; 1 << (level - 1)];
            for c in class.iter_mut() {
                let k = &mut seen[*c as usize];
                *c = 2 * *c + (*k & 1);
                *k += 1;
            }
            graph.exchange(&mut class, 1 << level, settings.rounds);
        }
        vocab
            .iter()
            .enumerate()
            .map(|(i, &(w, _))| (w, ((1u32 << depth) | class[i + 2]) as u16))
            .collect()
    }
}

/// The cluster of `path` at `bits` bits (the whole path when it is shorter; 0 for none).
#[inline]
pub fn prefix(path: u16, bits: u32) -> u64 {
    let len = 15u32.saturating_sub(path.leading_zeros());
    (path >> len.saturating_sub(bits)) as u64
}

/// Bigram counts as adjacency lists (self-bigrams apart).
struct Graph {
    count: Vec<i64>,
    selfs: Vec<i64>,
    right: Vec<(u32, i64)>,
    right_at: Vec<usize>,
    left: Vec<(u32, i64)>,
    left_at: Vec<usize>,
    pairs: Vec<(u32, u32, i64)>,
}

fn xlogx(x: i64) -> f64 {
    if x <= 0 { 0.0 } else { x as f64 * (x as f64).ln() }
}

impl Graph {
    fn new(nwords: usize, sorted: &[u64]) -> Self {
        let mut pairs: Vec<(u32, u32, i64)> = Vec::new();
        for &p in sorted {
            let (a, b) = ((p >> 32) as u32, p as u32);
            match pairs.last_mut() {
                Some(last) if last.0 == a && last.1 == b => last.2 += 1,
                _ => pairs.push((a, b, 1)),
            }
        }
        let mut count = vec![0i64; nwords];
        let mut selfs = vec![0i64; nwords];
        let mut right = vec![Vec::new(); nwords];
        let mut left = vec![Vec::new(); nwords];
        for &(a, b, n) in &pairs {
            count[a as usize] += n;
            if a == b {
                selfs[a as usize] += n;
            } else {
                right[a as usize].push((b, n));
                left[b as usize].push((a, n));
            }
        }
        let flat = |lists: Vec<Vec<(u32, i64)>>| {
            let mut at = vec![0];
            let mut all = Vec::new();
            for l in lists {
                all.extend(l);
                at.push(all.len());
            }
            (all, at)
        };
        let (right, right_at) = flat(right);
        let (left, left_at) = flat(left);
        Graph { count, selfs, right, right_at, left, left_at, pairs }
    }

    /// Exchange rounds at one level (`nclasses` clusters): each word may move to the other
    /// half of its parent cluster.
    fn exchange(&self, class: &mut [u32], nclasses: usize, rounds: usize) {
        let c = nclasses;
        let mut m = vec![0i64; c * c];
        let (mut rows, mut cols) = (vec![0i64; c], vec![0i64; c]);
        for &(a, b, n) in &self.pairs {
            let (x, y) = (class[a as usize] as usize, class[b as usize] as usize);
            m[x * c + y] += n;
            rows[x] += n;
            cols[y] += n;
        }
        let (mut rc, mut lc) = (vec![0i64; c], vec![0i64; c]);
        let (mut rt, mut lt) = (Vec::new(), Vec::new());
        for _ in 0..rounds {
            let mut moved = 0usize;
            // Word 0 (sentence boundary) and 1 (rare words) are clustered like the others.
            for w in 0..class.len() {
                if self.count[w] == 0 {
                    continue;
                }
                rt.clear();
                lt.clear();
                for &(v, n) in &self.right[self.right_at[w]..self.right_at[w + 1]] {
                    let d = class[v as usize] as usize;
                    if rc[d] == 0 {
                        rt.push(d);
                    }
                    rc[d] += n;
                }
                for &(v, n) in &self.left[self.left_at[w]..self.left_at[w + 1]] {
                    let d = class[v as usize] as usize;
                    if lc[d] == 0 {
                        lt.push(d);
                    }
                    lc[d] += n;
                }
                let s = self.selfs[w];
                let rsum: i64 = rt.iter().map(|&d| rc[d]).sum();
                let lsum: i64 = lt.iter().map(|&d| lc[d]).sum();
                let a = class[w] as usize;
                // Take w out of its cluster.
                let mut shift = |x: usize, sign: i64, m: &mut [i64]| {
                    for &d in &rt {
                        m[x * c + d] += sign * rc[d];
                    }
                    for &d in &lt {
                        m[d * c + x] += sign * lc[d];
                    }
                    m[x * c + x] += sign * s;
                    rows[x] += sign * (rsum + s);
                    cols[x] += sign * (lsum + s);
                };
                shift(a, -1, &mut m);
                let gain = |x: usize, m: &[i64], rows: &[i64], cols: &[i64]| {
                    let mut g = 0.0;
                    for &d in &rt {
                        if d != x {
                            let v = m[x * c + d];
                            g += xlogx(v + rc[d]) - xlogx(v);
                        }
                    }
                    for &d in &lt {
                        if d != x {
                            let v = m[d * c + x];
                            g += xlogx(v + lc[d]) - xlogx(v);
                        }
                    }
                    let v = m[x * c + x];
                    g += xlogx(v + rc[x] + lc[x] + s) - xlogx(v);
                    g -= xlogx(rows[x] + rsum + s) - xlogx(rows[x]);
                    g -= xlogx(cols[x] + lsum + s) - xlogx(cols[x]);
                    g
                };
                let other = a ^ 1;
                let (ga, go) = (gain(a, &m, &rows, &cols), gain(other, &m, &rows, &cols));
                let to = if go > ga + 1e-9 { other } else { a };
                moved += (to != a) as usize;
                class[w] = to as u32;
                let mut shift = |x: usize, m: &mut [i64]| {
                    for &d in &rt {
                        m[x * c + d] += rc[d];
                    }
                    for &d in &lt {
                        m[d * c + x] += lc[d];
                    }
                    m[x * c + x] += s;
                    rows[x] += rsum + s;
                    cols[x] += lsum + s;
                };
                shift(to, &mut m);
                for &d in &rt {
                    rc[d] = 0;
                }
                for &d in &lt {
                    lc[d] = 0;
                }
            }
            if moved * 1000 < class.len() {
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_the_same_contexts_share_clusters() {
        let mut corpus = Corpus::default();
        for _ in 0..20 {
            for (a, b) in [("cat", "sat"), ("dog", "ran"), ("cat", "ran"), ("dog", "sat")] {
                corpus.add_words(["the", a, b, "on", "the", "mat"].into_iter());
            }
            for (a, b) in [("four", "dollars"), ("five", "euros"), ("four", "euros")] {
                corpus.add_words(["it", "cost", a, b, "today"].into_iter());
            }
        }
        let settings = ClusterSettings { min_count: 1, depth: 3, rounds: 10 };
        let cl = corpus.clusters(&settings);
        let path = |w: &str| cl.get(&(hash::lower(w))).copied().unwrap_or(0);
        assert_eq!(prefix(path("cat"), 2), prefix(path("dog"), 2));
        assert_eq!(prefix(path("four"), 2), prefix(path("five"), 2));
        assert_ne!(prefix(path("cat"), 3), prefix(path("sat"), 3));
        assert_eq!(prefix(0, 4), 0);
        assert_eq!(prefix(0b1_0110, 2), 0b1_01);
    }
}
