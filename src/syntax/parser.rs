//! The dependency parser: greedy arc-hybrid transitions (Kuhlmann et al. 2011) scored by an
//! averaged perceptron over Zhang & Nivre (2011) style features and word-cluster features (Koo
//! et al. 2008; [`cluster`]), trained with the dynamic oracle of Goldberg & Nivre (2013).
//!
//! The configuration is a stack, a buffer (always a suffix of the sentence, so a single index
//! `b`) and the arcs so far. An artificial ROOT sits at the end of the buffer (index `n`) and is
//! never shifted. Moves: SHIFT (b0 onto the stack), LEFT-l (arc b0 -l-> s0, pop), RIGHT-l (arc
//! s1 -l-> s0, pop). LEFT to ROOT is allowed only when s0 is the last word on the stack, so each
//! parse has exactly one root. Class numbers: 0 SHIFT, `1 + 2l` LEFT-l, `2 + 2l` RIGHT-l.
//!
//! Inference ([`Parser::parse`]) and training ([`train_sentence`]) share [`State`] and
//! [`features`]; all buffers live in a [`State`] reused from sentence to sentence.
//!
//! A model trained with a beam (`train-syntax --beam K`: [`train_sentence_beam`], the
//! max-violation update of Huang, Fayong & Guo 2012 over the static oracle's sequence) parses
//! with [`Parser::parse_beam`]: the K best move sequences by summed score, the buffers reused
//! from sentence to sentence ([`Beam`]). Greedy weights decoded with a beam, or beam weights
//! decoded greedily, parse worse than either pairing of its own; the model file records which.

use super::cluster;
use super::hash::feat;
use super::perceptron::{TrainWeights, Weights};

/// No token.
pub const NONE: u32 = u32::MAX;

/// A parser configuration plus the arcs built so far, with the per-token summaries the
/// features read (two leftmost and two rightmost children, valencies, label sets).
#[derive(Debug, Clone, Default)]
pub struct State {
    n: usize,
    pub stack: Vec<u32>,
    pub b: usize,
    /// Head of each word (`n` is ROOT); `NONE` until attached.
    pub heads: Vec<u32>,
    pub labels: Vec<u8>,
    l1: Vec<u32>,
    l2: Vec<u32>,
    r1: Vec<u32>,
    r2: Vec<u32>,
    nl: Vec<u8>,
    nr: Vec<u8>,
    lset: Vec<u64>,
    rset: Vec<u64>,
}

impl State {
    /// The start configuration for `n` words.
    pub fn reset(&mut self, n: usize) {
        self.n = n;
        self.stack.clear();
        self.b = 0;
        for v in [&mut self.heads, &mut self.l1, &mut self.l2, &mut self.r1, &mut self.r2] {
            v.clear();
            v.resize(n + 1, NONE);
        }
        for v in [&mut self.labels, &mut self.nl, &mut self.nr] {
            v.clear();
            v.resize(n + 1, 0);
        }
        for v in [&mut self.lset, &mut self.rset] {
            v.clear();
            v.resize(n + 1, 0);
        }
    }

    /// Becomes a copy of `other`, reusing its own buffers.
    pub fn copy_from(&mut self, other: &State) {
        self.n = other.n;
        self.b = other.b;
        self.stack.clone_from(&other.stack);
        self.heads.clone_from(&other.heads);
        self.labels.clone_from(&other.labels);
        self.l1.clone_from(&other.l1);
        self.l2.clone_from(&other.l2);
        self.r1.clone_from(&other.r1);
        self.r2.clone_from(&other.r2);
        self.nl.clone_from(&other.nl);
        self.nr.clone_from(&other.nr);
        self.lset.clone_from(&other.lset);
        self.rset.clone_from(&other.rset);
    }

    pub fn is_terminal(&self) -> bool {
        self.b >= self.n && self.stack.is_empty()
    }

    /// The `i`-th stack item from the top.
    fn s(&self, i: usize) -> u32 {
        if i < self.stack.len() { self.stack[self.stack.len() - 1 - i] } else { NONE }
    }

    /// Whether `class` can be applied (`root` is the root label's number).
    pub fn is_valid(&self, class: usize, root: usize) -> bool {
        if class == 0 {
            return self.b < self.n;
        }
        let label = (class - 1) / 2;
        if class % 2 == 1 {
            // LEFT: to a word, or to ROOT with the root label when s0 is alone.
            !self.stack.is_empty()
                && if self.b < self.n {
                    label != root
                } else {
                    self.stack.len() == 1 && label == root
                }
        } else {
            self.stack.len() >= 2 && label != root
        }
    }

    /// Applies a valid move.
    pub fn apply(&mut self, class: usize) {
        if class == 0 {
            self.stack.push(self.b as u32);
            self.b += 1;
            return;
        }
        let label = ((class - 1) / 2) as u8;
        let Some(d) = self.stack.pop() else { return };
        let h = if class % 2 == 1 { self.b as u32 } else { self.s(0) };
        if h == NONE {
            return;
        }
        self.add_arc(h as usize, d as usize, label);
    }

    fn add_arc(&mut self, h: usize, d: usize, label: u8) {
        self.heads[d] = h as u32;
        self.labels[d] = label;
        let bit = 1u64 << (label.min(63));
        let d32 = d as u32;
        if d < h {
            self.nl[h] = self.nl[h].saturating_add(1);
            self.lset[h] |= bit;
            if self.l1[h] == NONE || d32 < self.l1[h] {
                self.l2[h] = self.l1[h];
                self.l1[h] = d32;
            } else if self.l2[h] == NONE || d32 < self.l2[h] {
                self.l2[h] = d32;
            }
        } else {
            self.nr[h] = self.nr[h].saturating_add(1);
            self.rset[h] |= bit;
            if self.r1[h] == NONE || d32 > self.r1[h] {
                self.r2[h] = self.r1[h];
                self.r1[h] = d32;
            } else if self.r2[h] == NONE || d32 > self.r2[h] {
                self.r2[h] = d32;
            }
        }
    }

    /// Dynamic-oracle costs of SHIFT, LEFT and RIGHT (unlabelled): how many gold arcs each move
    /// makes unreachable. `gold` holds each word's gold head (`n` for ROOT).
    fn costs(&self, gold: &[u32]) -> [u32; 3] {
        let n = self.n;
        let b = self.b as u32;
        let (s0, s1) = (self.s(0), self.s(1));
        let mut shift = 0;
        if self.b < n {
            for (i, &k) in self.stack.iter().enumerate() {
                let top = i + 1 == self.stack.len();
                shift += (gold[self.b] == k && !top) as u32 + (gold[k as usize] == b) as u32;
            }
        }
        let (mut left, mut right) = (0, 0);
        if s0 != NONE {
            let deps_in_buffer = (self.b..n).filter(|&k| gold[k] == s0).count() as u32;
            let g = gold[s0 as usize];
            left = deps_in_buffer + (g == s1 && s1 != NONE) as u32 + (g > b) as u32;
            right = deps_in_buffer + (g >= b) as u32;
        }
        [shift, left, right]
    }

    /// The labelled cost of `class` from the unlabelled `costs`.
    fn cost(&self, class: usize, costs: [u32; 3], gold: &[u32], gold_labels: &[u8]) -> u32 {
        if class == 0 {
            return costs[0];
        }
        let label = ((class - 1) / 2) as u8;
        let s0 = self.s(0) as usize;
        let (base, head) =
            if class % 2 == 1 { (costs[1], self.b as u32) } else { (costs[2], self.s(1)) };
        base + (gold[s0] == head && gold_labels[s0] != label) as u32
    }
}

/// Distance bucket: 1, 2, 3, 4, 5-6, 7-9, 10+.
fn dist(a: u32, b: u32) -> u64 {
    if a == NONE || b == NONE {
        return 0;
    }
    match a.abs_diff(b) {
        d @ 0..=4 => d as u64 + 1,
        5..=6 => 6,
        7..=9 => 7,
        _ => 8,
    }
}

/// The features of a configuration. `words` are lowercased word hashes, `tags` tag numbers and
/// `clusters` word cluster paths ([`cluster::prefix`]; 0 for none), one per word, or empty
/// when the model has no clusters.
pub fn features(st: &State, words: &[u64], tags: &[u16], clusters: &[u16], out: &mut Vec<u64>) {
    out.clear();
    let n = st.n;
    let w = |p: u32| match p {
        NONE => 1,
        p if p as usize >= n => 2,
        p => words.get(p as usize).copied().unwrap_or(1),
    };
    let t = |p: u32| match p {
        NONE => 0,
        p if p as usize >= n => 1,
        p => tags.get(p as usize).map_or(0, |&t| t as u64 + 2),
    };
    let get = |v: &Vec<u32>, p: u32| if p == NONE { NONE } else { v[p as usize] };
    let lab = |p: u32| if p == NONE { 0 } else { st.labels[p as usize] as u64 + 1 };
    let cnt = |v: &Vec<u8>, p: u32| if p == NONE { 0 } else { v[p as usize] as u64 + 1 };
    let set = |v: &Vec<u64>, p: u32| if p == NONE { 0 } else { v[p as usize] };
    let (s0, s1, s2) = (st.s(0), st.s(1), st.s(2));
    let at = |i: usize| if i <= n { i as u32 } else { NONE };
    let (b0, b1, b2) = (at(st.b), at(st.b + 1), at(st.b + 2));
    let (s0l, s0l2, s0r, s0r2) =
        (get(&st.l1, s0), get(&st.l2, s0), get(&st.r1, s0), get(&st.r2, s0));
    let (s1l, s1r, s1r2) = (get(&st.l1, s1), get(&st.r1, s1), get(&st.r2, s1));
    let (b0l, b0l2) = (get(&st.l1, b0), get(&st.l2, b0));
    let (s0w, s0t, s1w, s1t, s2t) = (w(s0), t(s0), w(s1), t(s1), t(s2));
    let (b0w, b0t, b1w, b1t, b2w, b2t) = (w(b0), t(b0), w(b1), t(b1), w(b2), t(b2));
    let s0wt = feat(0, s0w, s0t, 0);
    let s1wt = feat(0, s1w, s1t, 0);
    let b0wt = feat(0, b0w, b0t, 0);
    let (d, d1) = (dist(s0, b0), dist(s1, s0));
    let (s0lt, s0rt, s1lt, s1rt, b0lt) = (t(s0l), t(s0r), t(s1l), t(s1r), t(b0l));
    out.extend_from_slice(&[
        feat(1, 0, 0, 0),
        // Single words.
        feat(2, s0w, 0, 0),
        feat(3, s0t, 0, 0),
        feat(4, s0wt, 0, 0),
        feat(5, s1w, 0, 0),
        feat(6, s1t, 0, 0),
        feat(7, s1wt, 0, 0),
        feat(8, s2t, 0, 0),
        feat(9, w(s2), 0, 0),
        feat(10, b0w, 0, 0),
        feat(11, b0t, 0, 0),
        feat(12, b0wt, 0, 0),
        feat(13, b1w, 0, 0),
        feat(14, b1t, 0, 0),
        feat(15, b1w, b1t, 0),
        feat(16, b2w, 0, 0),
        feat(17, b2t, 0, 0),
        // Pairs.
        feat(20, s0wt, b0wt, 0),
        feat(21, s0wt, b0w, 0),
        feat(22, s0w, b0wt, 0),
        feat(23, s0wt, b0t, 0),
        feat(24, s0t, b0wt, 0),
        feat(25, s0w, b0w, 0),
        feat(26, s0t, b0t, 0),
        feat(27, b0t, b1t, 0),
        feat(28, b0w, b1w, 0),
        feat(29, s1wt, s0wt, 0),
        feat(30, s1w, s0w, 0),
        feat(31, s1t, s0t, 0),
        feat(32, s1t, s0w, 0),
        feat(33, s1w, s0t, 0),
        feat(34, s0wt, b1t, 0),
        // Triples of tags.
        feat(40, b0t, b1t, b2t),
        feat(41, s0t, b0t, b1t),
        feat(42, s1t, s0t, b0t),
        feat(43, s2t, s1t, s0t),
        feat(44, s0t, s0lt, b0t),
        feat(45, s0t, s0rt, b0t),
        feat(46, s0t, b0t, b0lt),
        feat(47, s1t, s1rt, s0t),
        feat(48, s1t, s1lt, s0t),
        feat(49, s1t, s0t, s0rt),
        feat(50, s1t, s0t, s0lt),
        feat(51, s1t, s0w, b0t),
        // Distance.
        feat(60, s0w, d, 0),
        feat(61, s0t, d, 0),
        feat(62, b0w, d, 0),
        feat(63, b0t, d, 0),
        feat(64, s0w, b0w, d),
        feat(65, s0t, b0t, d),
        feat(66, s1t, s0t, d1),
        feat(67, s1w, s0w, d1),
        // Valency.
        feat(70, s0w, cnt(&st.nr, s0), 0),
        feat(71, s0t, cnt(&st.nr, s0), 0),
        feat(72, s0w, cnt(&st.nl, s0), 0),
        feat(73, s0t, cnt(&st.nl, s0), 0),
        feat(74, s1w, cnt(&st.nr, s1), 0),
        feat(75, s1t, cnt(&st.nr, s1), 0),
        feat(76, s1t, cnt(&st.nl, s1), 0),
        feat(77, b0w, cnt(&st.nl, b0), 0),
        feat(78, b0t, cnt(&st.nl, b0), 0),
        // Children.
        feat(80, w(s0l), 0, 0),
        feat(81, s0lt, 0, 0),
        feat(82, lab(s0l), 0, 0),
        feat(83, w(s0r), 0, 0),
        feat(84, s0rt, 0, 0),
        feat(85, lab(s0r), 0, 0),
        feat(86, w(s1l), 0, 0),
        feat(87, s1lt, 0, 0),
        feat(88, lab(s1l), 0, 0),
        feat(89, w(s1r), 0, 0),
        feat(90, s1rt, 0, 0),
        feat(91, lab(s1r), 0, 0),
        feat(92, w(b0l), 0, 0),
        feat(93, b0lt, 0, 0),
        feat(94, lab(b0l), 0, 0),
        // Third order: second children.
        feat(100, w(s0l2), 0, 0),
        feat(101, t(s0l2), 0, 0),
        feat(102, lab(s0l2), 0, 0),
        feat(103, w(s0r2), 0, 0),
        feat(104, t(s0r2), 0, 0),
        feat(105, lab(s0r2), 0, 0),
        feat(106, w(b0l2), 0, 0),
        feat(107, t(b0l2), 0, 0),
        feat(108, lab(b0l2), 0, 0),
        feat(109, lab(s1r2), t(s1r2), 0),
        feat(110, s0t, s0lt, t(s0l2)),
        feat(111, s0t, s0rt, t(s0r2)),
        feat(112, b0t, b0lt, t(b0l2)),
        feat(113, s1t, s1rt, t(s1r2)),
        // Label sets.
        feat(120, s0t, set(&st.lset, s0), 0),
        feat(121, s0t, set(&st.rset, s0), 0),
        feat(122, b0t, set(&st.lset, b0), 0),
        feat(123, s1t, set(&st.rset, s1), 0),
        feat(124, s1t, set(&st.lset, s1), 0),
        feat(125, s0w, set(&st.rset, s0), 0),
        feat(126, s0w, set(&st.lset, s0), 0),
        feat(127, b0w, set(&st.lset, b0), 0),
    ]);
    // Word clusters (none when the model has none).
    if clusters.is_empty() {
        return;
    }
    let cl = |p: u32| match p {
        NONE => 0,
        p => clusters.get(p as usize).copied().unwrap_or(1),
    };
    let (s0c, s1c, b0c, b1c) = (cl(s0), cl(s1), cl(b0), cl(b1));
    let c4 = |c: u16| cluster::prefix(c, 4);
    let c6 = |c: u16| cluster::prefix(c, 6);
    let cf = |c: u16| c as u64;
    out.extend_from_slice(&[
        feat(130, cf(s0c), 0, 0),
        feat(131, cf(b0c), 0, 0),
        feat(132, cf(b1c), 0, 0),
        feat(133, cf(s1c), 0, 0),
        feat(134, c4(s0c), c4(b0c), 0),
        feat(135, c6(s0c), c6(b0c), 0),
        feat(136, cf(s0c), b0t, 0),
        feat(137, s0t, cf(b0c), 0),
        feat(138, c4(s1c), c4(s0c), 0),
        feat(139, cf(s1c), s0t, 0),
        feat(140, s1t, cf(s0c), 0),
        feat(141, c4(s0c), c4(b0c), c4(b1c)),
    ]);
}

/// The trained parser.
#[derive(Debug, Clone, Default)]
pub struct Parser {
    pub weights: Weights,
    /// Dependency labels (full UD relations) by number.
    pub labels: Vec<String>,
    /// Number of `root`.
    pub root: usize,
    /// Beam width: 0 or 1 parse greedily; more, by [`Parser::parse_beam`] (the weights must
    /// then come from beam training, `train-syntax --beam K`).
    pub beam: usize,
}

impl Parser {
    /// Parses one sentence into `st` (heads and labels; ROOT is `n`). `feats` and `scores` are
    /// scratch.
    pub fn parse(
        &self,
        words: &[u64],
        tags: &[u16],
        clusters: &[u16],
        st: &mut State,
        feats: &mut Vec<u64>,
        scores: &mut Vec<i32>,
    ) {
        st.reset(words.len());
        scores.resize(self.weights.nclasses(), 0);
        while !st.is_terminal() {
            features(st, words, tags, clusters, feats);
            self.weights.score(feats, scores);
            let Some(best) = best_valid(st, scores, self.root, |_| true) else { break };
            st.apply(best);
        }
    }
}

/// The buffers of a beam search, reused from sentence to sentence: states are copied into
/// states that already have their capacity, so a parse allocates nothing once they have grown.
/// Decoding ([`Parser::parse_beam`]) and training ([`train_sentence_beam`]) take the same
/// [`Beam::step`].
#[derive(Debug, Clone, Default)]
pub struct Beam {
    /// The items: the first `live` are the beam, best first.
    items: Vec<State>,
    live: usize,
    next: Vec<State>,
    /// Each live item's summed score.
    totals: Vec<i64>,
    next_totals: Vec<i64>,
    /// After a step, the moves kept, in the order of the items they made: summed score, the
    /// item they extend, class (`u16::MAX`: a finished item kept as it was).
    cands: Vec<(i64, u32, u16)>,
}

/// Best total first; ties by item, then class, so a search is deterministic.
fn by_total(a: &(i64, u32, u16), b: &(i64, u32, u16)) -> std::cmp::Ordering {
    b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2))
}

impl Beam {
    /// Starts a search over `n` words: one item, the start configuration.
    fn start(&mut self, n: usize) {
        if self.items.is_empty() {
            self.items.push(State::default());
        }
        self.items[0].reset(n);
        self.totals.clear();
        self.totals.push(0);
        self.live = 1;
    }

    fn finished(&self) -> bool {
        self.items[..self.live].iter().all(State::is_terminal)
    }

    /// One step: every live item is extended by each valid move, scored by `score` (the
    /// frozen or the training weights), and the `k` best extensions become the beam. Returns
    /// false when no item can move.
    #[allow(clippy::too_many_arguments)]
    fn step(
        &mut self,
        k: usize,
        root: usize,
        words: &[u64],
        tags: &[u16],
        clusters: &[u16],
        feats: &mut Vec<u64>,
        scores: &mut [i32],
        score: impl Fn(&[u64], &mut [i32]),
    ) -> bool {
        let Beam { items, live, next, totals, next_totals, cands } = self;
        cands.clear();
        for (i, s) in items[..*live].iter().enumerate() {
            if s.is_terminal() {
                cands.push((totals[i], i as u32, u16::MAX));
                continue;
            }
            features(s, words, tags, clusters, feats);
            score(feats, scores);
            for (c, &sc) in scores.iter().enumerate() {
                if s.is_valid(c, root) {
                    cands.push((totals[i] + sc as i64, i as u32, c as u16));
                }
            }
        }
        if cands.is_empty() {
            return false;
        }
        let keep = k.max(1).min(cands.len());
        if keep < cands.len() {
            cands.select_nth_unstable_by(keep - 1, by_total);
            cands.truncate(keep);
        }
        cands.sort_unstable_by(by_total);
        while next.len() < keep {
            next.push(State::default());
        }
        next_totals.clear();
        for (j, &(total, i, c)) in cands.iter().enumerate() {
            next[j].copy_from(&items[i as usize]);
            if c != u16::MAX {
                next[j].apply(c as usize);
            }
            next_totals.push(total);
        }
        std::mem::swap(items, next);
        std::mem::swap(totals, next_totals);
        *live = keep;
        true
    }
}

impl Parser {
    /// Beam search (a model trained with [`train_sentence_beam`]): the `k` best move sequences
    /// by summed score are kept at each step, and the best finished one is left in `st`. Every
    /// sequence has the same length (each word is shifted once and attached once), so totals
    /// compare fairly.
    #[allow(clippy::too_many_arguments)]
    pub fn parse_beam(
        &self,
        words: &[u64],
        tags: &[u16],
        clusters: &[u16],
        k: usize,
        beam: &mut Beam,
        st: &mut State,
        feats: &mut Vec<u64>,
        scores: &mut Vec<i32>,
    ) {
        let n = words.len();
        beam.start(n);
        scores.resize(self.weights.nclasses(), 0);
        let score = |f: &[u64], s: &mut [i32]| self.weights.score(f, s);
        // 2n moves end every parse; the bound only guards the loop.
        for _ in 0..=2 * n + 1 {
            if beam.finished()
                || !beam.step(k, self.root, words, tags, clusters, feats, scores, score)
            {
                break;
            }
        }
        st.copy_from(&beam.items[0]);
    }
}

/// The highest-scoring valid class that `keep` accepts.
fn best_valid(
    st: &State,
    scores: &[i32],
    root: usize,
    keep: impl Fn(usize) -> bool,
) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (c, &s) in scores.iter().enumerate() {
        if best.is_none_or(|b| s > scores[b]) && st.is_valid(c, root) && keep(c) {
            best = Some(c);
        }
    }
    best
}

/// One training sentence: words, predicted tags, word clusters, gold heads (`n` for ROOT; projective) and
/// gold label numbers.
pub struct ParseExample {
    pub words: Vec<u64>,
    pub tags: Vec<u16>,
    pub clusters: Vec<u16>,
    pub heads: Vec<u32>,
    pub labels: Vec<u8>,
}

impl ParseExample {
    /// Gold heads and labels with a slot for ROOT at the end, as the oracles index them.
    fn gold(&self) -> (Vec<u32>, Vec<u8>) {
        let mut heads = self.heads.clone();
        heads.push(NONE);
        let mut labels = self.labels.clone();
        labels.push(0);
        (heads, labels)
    }
}

/// Trains on one sentence with the dynamic oracle: at each step the best-scoring zero-cost move
/// is the gold one; the model's own move is followed (when `explore` and the coin says so) even
/// when it is wrong, so training sees the configurations its mistakes lead to.
pub fn train_sentence(
    w: &mut TrainWeights,
    ex: &ParseExample,
    root: usize,
    explore: f64,
    rng: &mut super::train::Rng,
    scratch: &mut super::model::Scratch,
) {
    let super::model::Scratch { state: st, feats, scores, .. } = scratch;
    let n = ex.words.len();
    st.reset(n);
    let (gold, gold_labels) = ex.gold();
    scores.resize(w.nclasses(), 0);
    while !st.is_terminal() {
        features(st, &ex.words, &ex.tags, &ex.clusters, feats);
        w.score(feats, scores);
        let Some(guess) = best_valid(st, scores, root, |_| true) else { break };
        let costs = st.costs(&gold);
        let min = (0..scores.len())
            .filter(|&c| st.is_valid(c, root))
            .map(|c| st.cost(c, costs, &gold, &gold_labels))
            .min()
            .unwrap_or(0);
        let best_gold =
            best_valid(st, scores, root, |c| st.cost(c, costs, &gold, &gold_labels) == min)
                .unwrap_or(guess);
        w.tick();
        let guess_cost = st.cost(guess, costs, &gold, &gold_labels);
        if guess_cost > min {
            w.update(feats, best_gold, guess);
        }
        let follow = if explore > 0.0 && rng.next_f64() < explore { guess } else { best_gold };
        st.apply(follow);
    }
}

/// The static oracle's move sequence for a sentence (a zero-cost move at each step, reductions
/// first).
fn gold_sequence(
    st: &mut State,
    gold: &[u32],
    gold_labels: &[u8],
    root: usize,
    nclasses: usize,
) -> Vec<u16> {
    let mut seq = Vec::new();
    while !st.is_terminal() {
        let costs = st.costs(gold);
        let pick = (1..nclasses)
            .chain([0])
            .find(|&c| st.is_valid(c, root) && st.cost(c, costs, gold, gold_labels) == 0)
            .or_else(|| (0..nclasses).find(|&c| st.is_valid(c, root)));
        let Some(c) = pick else { break };
        st.apply(c);
        seq.push(c as u16);
    }
    seq
}

/// Trains on one sentence with a beam of `k` and the max-violation update (Huang et al. 2012):
/// the step where the best item outscores the gold prefix the most is where the weights move.
pub fn train_sentence_beam(
    w: &mut TrainWeights,
    ex: &ParseExample,
    root: usize,
    k: usize,
    scratch: &mut super::model::Scratch,
) {
    let super::model::Scratch { state: st, feats, scores, beam, .. } = scratch;
    let n = ex.words.len();
    let (gold, gold_labels) = ex.gold();
    let nclasses = w.nclasses();
    st.reset(n);
    let seq = gold_sequence(st, &gold, &gold_labels, root, nclasses);
    scores.resize(nclasses, 0);
    let mut gold_state = State::default();
    gold_state.reset(n);
    let mut gold_score = 0i64;
    beam.start(n);
    // Each beam item's moves so far (the beam keeps only the states).
    let mut hists: Vec<Vec<u16>> = vec![Vec::new()];
    let mut worst: Option<(i64, Vec<u16>)> = None;
    for (t, &g) in seq.iter().enumerate() {
        features(&gold_state, &ex.words, &ex.tags, &ex.clusters, feats);
        w.score(feats, scores);
        gold_score += scores[g as usize] as i64;
        gold_state.apply(g as usize);
        let score = |f: &[u64], s: &mut [i32]| w.score(f, s);
        if !beam.step(k, root, &ex.words, &ex.tags, &ex.clusters, feats, scores, score) {
            break;
        }
        hists = beam
            .cands
            .iter()
            .map(|&(_, i, c)| {
                let mut h = hists[i as usize].clone();
                if c != u16::MAX {
                    h.push(c);
                }
                h
            })
            .collect();
        if hists[0][..] != seq[..=t] {
            let diff = beam.totals[0] - gold_score;
            if worst.as_ref().is_none_or(|(d, _)| diff >= *d) {
                worst = Some((diff, hists[0].clone()));
            }
        }
    }
    w.tick();
    let Some((_, wrong)) = worst else { return };
    let t = wrong.len();
    for (path, delta) in [(&seq[..t], 1), (&wrong[..], -1)] {
        st.reset(n);
        for &c in path {
            features(st, &ex.words, &ex.tags, &ex.clusters, feats);
            w.add(feats, c as usize, delta);
            st.apply(c as usize);
        }
    }
}

/// Lifts non-projective arcs (each to its head's head) until the tree is projective, so the
/// dynamic oracle applies. `heads` uses `n` for ROOT.
pub fn projectivize(heads: &mut [u32]) {
    let n = heads.len();
    let dominates = |heads: &[u32], h: u32, mut k: u32| {
        for _ in 0..=n {
            if k == h {
                return true;
            }
            if k as usize >= n {
                return false;
            }
            k = heads[k as usize];
        }
        false
    };
    for _ in 0..n * n {
        let mut lifted = false;
        for d in 0..n {
            let h = heads[d];
            if h as usize >= n {
                continue;
            }
            let (lo, hi) = if (h as usize) < d { (h as usize, d) } else { (d, h as usize) };
            if (lo + 1..hi).any(|k| !dominates(heads, h, k as u32)) {
                heads[d] = heads[h as usize];
                lifted = true;
                break;
            }
        }
        if !lifted {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projective_arcs_are_kept_and_crossing_ones_lifted() {
        // 0 <- 1 -> 2, root 1.
        let mut h = vec![1, 3, 1];
        projectivize(&mut h);
        assert_eq!(h, vec![1, 3, 1]);
        // 2 -> 0 crosses the root 1, which 2 does not dominate: 0 is lifted to 2's head.
        let mut h = vec![2, 4, 1, 1];
        projectivize(&mut h);
        assert_eq!(h, vec![1, 4, 1, 1]);
    }

    #[test]
    fn the_static_path_reaches_the_gold_tree_at_zero_cost() {
        // "She saw him": saw is root.
        let gold = vec![1, 3, 1, NONE];
        let mut st = State::default();
        st.reset(3);
        let mut steps = 0;
        while !st.is_terminal() && steps < 20 {
            let costs = st.costs(&gold);
            let c =
                (0..5).find(|&c| st.is_valid(c, 1) && st.cost(c, costs, &gold, &[0, 1, 0, 0]) == 0);
            st.apply(c.unwrap_or(0));
            steps += 1;
        }
        assert_eq!(&st.heads[..3], &[1, 3, 1]);
    }
}
