//! The averaged perceptron, in two forms side by side:
//!
//! - [`Weights`]: the frozen model used for inference, a static hash table read in place from
//!   the model file (nothing is built at load time). Features are grouped in buckets by their
//!   hash; a bucket is one run of bytes holding, for each of its features, a fingerprint and
//!   the `(class, weight)` entries (only the classes the feature ever voted for, quantised to
//!   `i16`). Scoring a feature is two memory reads (the bucket's offset, the bucket) and a few
//!   adds; nothing is allocated.
//! - [`TrainWeights`]: the model during training, with the running totals and timestamps the
//!   averaging needs (Collins 2002; Honnibal's "lazy" averaging). [`TrainWeights::average`]
//!   turns it into a [`Weights`], dropping weights that round to zero.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::model::{ByteReader, ByteWriter, LoadError};

/// One class weight of a feature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub class: u8,
    pub value: i16,
}

/// Frozen, quantised weights: feature hash -> class weights.
///
/// Two little-endian arrays, used as they lie in the model file (or copied once when the model
/// is not static): `offsets`, `nbuckets + 1` u32, where each bucket starts in `blob`; `blob`,
/// the buckets one after the other, each a run of features: a u32 (a 24-bit fingerprint of the
/// hash above the number `n` of entries, 8 bits), then either `n` entries of 3 bytes (class,
/// then weight as `i16`) or, when `n` is [`DENSE`], one `i16` per class: a feature that votes
/// for many classes (a tag, a pair of tags) is added as a vector, without a branch per class.
/// A bucket holds about [`PER_BUCKET`] features, so it is about one cache line. Every read is
/// checked, so a damaged table gives wrong scores, never a panic.
#[derive(Debug, Clone, Default)]
pub struct Weights {
    nclasses: usize,
    nbuckets: u64,
    nfeatures: usize,
    offsets: Cow<'static, [u8]>,
    blob: Cow<'static, [u8]>,
}

/// Average number of features per bucket.
const PER_BUCKET: usize = 4;

/// The entry count that marks a feature stored densely (one weight per class).
const DENSE: u32 = 0xff;

/// Most classes a table scores (class numbers are bytes).
pub const MAX_CLASSES: usize = 256;

/// Whether a feature with `n` entries of `nclasses` is stored densely: when the sparse entries
/// would take at least half the bytes of the dense row.
fn is_dense(n: usize, nclasses: usize) -> bool {
    n * 3 >= nclasses && nclasses <= MAX_CLASSES
}

/// The bytes a feature's weights take after its header word.
#[inline]
fn body_len(header: u32, nclasses: usize) -> usize {
    match header & 0xff {
        DENSE => nclasses * 2,
        n => n as usize * 3,
    }
}

/// The fingerprint of a feature (bits the bucket number does not use).
#[inline]
fn fingerprint(key: u64) -> u32 {
    (key >> 8) as u32 & 0xff_ffff
}

#[inline]
fn u32_at(b: &[u8], at: usize) -> u32 {
    b.get(at..at + 4).and_then(|s| s.try_into().ok()).map_or(0, u32::from_le_bytes)
}

impl Weights {
    /// Number of classes scored.
    pub fn nclasses(&self) -> usize {
        self.nclasses
    }

    /// Number of features with at least one weight.
    pub fn nfeatures(&self) -> usize {
        self.nfeatures
    }

    /// Builds the table from features and their entries (keys distinct; entries of a feature
    /// with classes below `nclasses`, at most 255 of them).
    pub fn build(nclasses: usize, mut features: Vec<(u64, Vec<Entry>)>) -> Self {
        features.retain(|(_, es)| !es.is_empty());
        let nbuckets = (features.len() / PER_BUCKET).max(1) as u64;
        let bucket = |k: u64| ((k >> 32) * nbuckets) >> 32;
        features.sort_unstable_by_key(|&(k, _)| (bucket(k), k));
        let mut w = Weights::start(nclasses, nbuckets, features.len());
        let mut next = 0;
        for b in 0..nbuckets {
            w.start_bucket();
            while let Some((k, es)) = features.get(next).filter(|(k, _)| bucket(*k) == b) {
                w.push(fingerprint(*k), es);
                next += 1;
            }
        }
        w.finish()
    }

    /// The same table with each feature stored sparsely or densely as [`Weights::build`]
    /// chooses (converts a version 4 table, where every feature is sparse).
    pub fn relayout(&self) -> Self {
        let mut w = Weights::start(self.nclasses, self.nbuckets, self.nfeatures);
        let mut es = Vec::new();
        for b in 0..self.nbuckets as usize {
            w.start_bucket();
            let start = u32_at(&self.offsets, b * 4) as usize;
            let end = u32_at(&self.offsets, b * 4 + 4) as usize;
            let block = self.blob.get(start..end).unwrap_or(&[]);
            let mut i = 0;
            while i + 4 <= block.len() {
                let v = u32_at(block, i);
                let n = body_len(v, self.nclasses);
                let body = block.get(i + 4..i + 4 + n).unwrap_or(&[]);
                es.clear();
                if v & 0xff == DENSE {
                    es.extend(body.chunks_exact(2).enumerate().map(|(c, x)| Entry {
                        class: c as u8,
                        value: i16::from_le_bytes([x[0], x[1]]),
                    }));
                    es.retain(|e| e.value != 0);
                } else {
                    es.extend(
                        body.chunks_exact(3).map(|x| Entry {
                            class: x[0],
                            value: i16::from_le_bytes([x[1], x[2]]),
                        }),
                    );
                }
                w.push(v >> 8, &es);
                i += 4 + n;
            }
        }
        w.finish()
    }

    fn start_bucket(&mut self) {
        let at = self.blob.len() as u32;
        self.offsets.to_mut().extend_from_slice(&at.to_le_bytes());
    }

    /// Appends one feature (its fingerprint and entries) to the last bucket.
    fn push(&mut self, fp: u32, es: &[Entry]) {
        let (nclasses, blob) = (self.nclasses, self.blob.to_mut());
        if is_dense(es.len(), nclasses) {
            blob.extend_from_slice(&((fp << 8) | DENSE).to_le_bytes());
            let at = blob.len();
            blob.resize(at + nclasses * 2, 0);
            for x in es {
                let c = at + x.class as usize * 2;
                if let Some(v) = blob.get_mut(c..c + 2) {
                    v.copy_from_slice(&x.value.to_le_bytes());
                }
            }
        } else {
            let n = es.len().min(DENSE as usize - 1);
            blob.extend_from_slice(&((fp << 8) | n as u32).to_le_bytes());
            for x in &es[..n] {
                blob.push(x.class);
                blob.extend_from_slice(&x.value.to_le_bytes());
            }
        }
    }

    fn start(nclasses: usize, nbuckets: u64, nfeatures: usize) -> Self {
        Weights {
            nclasses,
            nbuckets,
            nfeatures,
            offsets: Vec::with_capacity(nbuckets as usize * 4 + 4).into(),
            blob: Vec::new().into(),
        }
    }

    fn finish(mut self) -> Self {
        let end = self.blob.len() as u32;
        self.offsets.to_mut().extend_from_slice(&end.to_le_bytes());
        self
    }

    /// The bytes of a feature's bucket.
    #[inline]
    fn bucket(&self, key: u64) -> (usize, usize) {
        let b = (((key >> 32) * self.nbuckets) >> 32) as usize;
        (u32_at(&self.offsets, b * 4) as usize, u32_at(&self.offsets, b * 4 + 4) as usize)
    }

    /// Sums the weights of `feats` into `scores` (one per class, overwritten).
    #[inline]
    pub fn score(&self, feats: &[u64], scores: &mut [i32]) {
        scores.fill(0);
        // The sums, in an array every class byte indexes without a check.
        let mut acc = [0i32; MAX_CLASSES];
        let nclasses = self.nclasses.min(MAX_CLASSES);
        self.visit(feats, |_, body, dense| {
            if dense {
                add_dense(&mut acc[..nclasses], body);
            } else {
                for x in body.chunks_exact(3) {
                    acc[x[0] as usize] += i16::from_le_bytes([x[1], x[2]]) as i32;
                }
            }
        });
        for (s, a) in scores.iter_mut().zip(acc) {
            *s = a;
        }
    }

    /// Calls `found(k, body, dense)` for each feature `feats[k]` in the table, with its
    /// weights' bytes and whether they are a dense row.
    #[inline]
    fn visit(&self, feats: &[u64], mut found: impl FnMut(usize, &[u8], bool)) {
        if self.nbuckets == 0 {
            return;
        }
        let nclasses = self.nclasses.min(MAX_CLASSES);
        // First every feature's bucket, then its first and last bytes (its one or two cache
        // lines): loads independent of each other and free of branches, so the memory system
        // serves them in parallel; then the scans of the buckets (now in cache) and the adds.
        let mut buckets = [(0, 0); 32];
        let mut touched = 0u8;
        for (c, chunk) in feats.chunks(32).enumerate() {
            for (b, &f) in buckets.iter_mut().zip(chunk) {
                *b = self.bucket(f);
            }
            for &(start, end) in &buckets[..chunk.len()] {
                touched ^= self.blob.get(start).copied().unwrap_or(0);
                touched ^= self.blob.get(end.wrapping_sub(1)).copied().unwrap_or(0);
            }
            std::hint::black_box(touched);
            for (k, (&(start, end), &f)) in buckets.iter().zip(chunk).enumerate() {
                let fp = fingerprint(f);
                let block = self.blob.get(start..end).unwrap_or(&[]);
                let mut i = 0;
                while i + 4 <= block.len() {
                    let v = u32_at(block, i);
                    let n = body_len(v, nclasses);
                    if v >> 8 == fp {
                        let body = block.get(i + 4..i + 4 + n).unwrap_or(&[]);
                        found(c * 32 + k, body, v & 0xff == DENSE);
                        break;
                    }
                    i += 4 + n;
                }
            }
        }
    }

    pub fn write(&self, out: &mut ByteWriter) {
        out.u32(self.nclasses as u32);
        out.u64(self.nbuckets);
        out.u64(self.nfeatures as u64);
        out.u64(self.blob.len() as u64);
        out.0.extend_from_slice(&self.offsets);
        out.0.extend_from_slice(&self.blob);
    }

    /// Reads weights written by [`Weights::write`], in place when `own` borrows.
    pub fn read<'a>(
        r: &mut ByteReader<'a>,
        own: fn(&'a [u8]) -> Cow<'static, [u8]>,
    ) -> Result<Self, LoadError> {
        let nclasses = r.u32()? as usize;
        let nbuckets = r.u64()?;
        let nfeatures = r.u64()?;
        let len = r.u64()?;
        if nbuckets == 0 || nbuckets >= 1 << 32 || len >= 1 << 32 || nfeatures >= 1 << 32 {
            return Err(LoadError(format!("weight table of {nbuckets} buckets, {len} bytes")));
        }
        let offsets = r.take((nbuckets as usize + 1) * 4)?;
        let blob = r.take(len as usize)?;
        if u32_at(offsets, nbuckets as usize * 4) as u64 != len {
            return Err(LoadError("weight table does not add up".into()));
        }
        Ok(Weights {
            nclasses,
            nbuckets,
            nfeatures: nfeatures as usize,
            offsets: own(offsets),
            blob: own(blob),
        })
    }

    /// Reads weights of the version 3 format (the same buckets and fingerprints, but the
    /// features' headers and their entries in separate arrays), to convert an older model.
    pub fn read_v3(r: &mut ByteReader<'_>) -> Result<Self, LoadError> {
        let nclasses = r.u32()? as usize;
        let nbuckets = r.u64()?;
        let nfeats = r.u64()?;
        let nentries = r.u64()?;
        if nbuckets == 0 || nbuckets >= 1 << 32 || nfeats >= 1 << 32 || nentries >= 1 << 32 {
            return Err(LoadError(format!("{nbuckets} buckets")));
        }
        let buckets = r.take((nbuckets as usize + 1) * 8)?;
        let feats = r.take(nfeats as usize * 4)?;
        let entries = r.take(nentries as usize * 3)?;
        let bad = || LoadError("weight table does not add up".into());
        let mut w = Weights::start(nclasses, nbuckets, nfeats as usize);
        for b in 0..nbuckets as usize {
            let at = |i: usize| {
                buckets
                    .get(i * 8..i * 8 + 8)
                    .and_then(|s| s.try_into().ok())
                    .map_or(0, u64::from_le_bytes)
            };
            let (this, next) = (at(b), at(b + 1));
            let (f0, f1, mut e) =
                (this as u32 as usize, next as u32 as usize, (this >> 32) as usize);
            w.start_bucket();
            let blob = w.blob.to_mut();
            for f in f0..f1 {
                let v = feats.get(f * 4..f * 4 + 4).ok_or_else(bad)?;
                let n = v[0] as usize;
                blob.extend_from_slice(v);
                blob.extend_from_slice(entries.get(e * 3..(e + n) * 3).ok_or_else(bad)?);
                e += n;
            }
        }
        Ok(w.finish())
    }
}

/// Adds a dense row of little-endian `i16` weights to `acc`, eight classes at a time (a form
/// the compiler turns into vector adds).
#[inline]
fn add_dense(acc: &mut [i32], row: &[u8]) {
    let mut a = acc.chunks_exact_mut(8);
    let mut r = row.chunks_exact(16);
    for (a8, r16) in a.by_ref().zip(r.by_ref()) {
        let mut w = [0i32; 8];
        for (k, x) in w.iter_mut().enumerate() {
            *x = i16::from_le_bytes([r16[2 * k], r16[2 * k + 1]]) as i32;
        }
        for (s, x) in a8.iter_mut().zip(w) {
            *s += x;
        }
    }
    for (s, x) in a.into_remainder().iter_mut().zip(r.remainder().chunks_exact(2)) {
        *s += i16::from_le_bytes([x[0], x[1]]) as i32;
    }
}

/// A hasher for keys that are already hashes.
#[derive(Default)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = super::hash::mix(self.0, b as u64);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

#[derive(Debug, Clone, Copy)]
struct TrainEntry {
    class: u16,
    weight: i32,
    total: i64,
    stamp: u32,
}

/// Weights during training.
#[derive(Debug, Clone)]
pub struct TrainWeights {
    nclasses: usize,
    map: IdMap<Vec<TrainEntry>>,
    /// Number of training instances seen so far.
    time: u32,
}

impl TrainWeights {
    pub fn new(nclasses: usize) -> Self {
        TrainWeights { nclasses, map: IdMap::default(), time: 0 }
    }

    pub fn nclasses(&self) -> usize {
        self.nclasses
    }

    /// Current (not averaged) scores.
    pub fn score(&self, feats: &[u64], scores: &mut [i32]) {
        scores.fill(0);
        for f in feats {
            if let Some(es) = self.map.get(f) {
                for e in es {
                    scores[e.class as usize] += e.weight;
                }
            }
        }
    }

    /// Counts one training instance (call once per decision, updated or not).
    pub fn tick(&mut self) {
        self.time += 1;
    }

    /// The perceptron update: +1 for `gold`, -1 for `guess` on every feature.
    pub fn update(&mut self, feats: &[u64], gold: usize, guess: usize) {
        if gold == guess {
            return;
        }
        self.add(feats, gold, 1);
        self.add(feats, guess, -1);
    }

    /// Adds `delta` to the weight of `class` for each of `feats`.
    pub fn add(&mut self, feats: &[u64], class: usize, delta: i32) {
        let time = self.time;
        for &f in feats {
            let es = self.map.entry(f).or_default();
            let e = match es.iter_mut().position(|e| e.class as usize == class) {
                Some(i) => &mut es[i],
                None => {
                    es.push(TrainEntry { class: class as u16, weight: 0, total: 0, stamp: time });
                    let last = es.len() - 1;
                    &mut es[last]
                }
            };
            e.total += (time - e.stamp) as i64 * e.weight as i64;
            e.stamp = time;
            e.weight += delta;
        }
    }

    /// The averaged weights, quantised to `i16` (the largest maps to 32767), without the
    /// weights whose average is below `min_avg` in absolute value (rare features: smaller
    /// models at little cost).
    pub fn average(&self, min_avg: f64) -> Weights {
        let time = self.time.max(1) as f64;
        let avg = |e: &TrainEntry| {
            (e.total + (self.time - e.stamp) as i64 * e.weight as i64) as f64 / time
        };
        let max = self.map.values().flatten().map(|e| avg(e).abs()).fold(1e-9, f64::max);
        let scale = 32767.0 / max;
        let mut keys: Vec<u64> = self.map.keys().copied().collect();
        keys.sort_unstable();
        let features = keys
            .into_iter()
            .map(|k| {
                let mut out: Vec<Entry> = self.map[&k]
                    .iter()
                    .filter(|e| avg(e).abs() >= min_avg)
                    .map(|e| Entry { class: e.class as u8, value: (avg(e) * scale).round() as i16 })
                    .filter(|e| e.value != 0)
                    .collect();
                out.sort_unstable_by_key(|e| e.class);
                (k, out)
            })
            .collect();
        Weights::build(self.nclasses, features)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_score_known_features_and_read_back_in_place() {
        let e = |class, value| Entry { class, value };
        let features: Vec<(u64, Vec<Entry>)> = (1..=50u64)
            .map(|i| (super::super::hash::finish(i), vec![e((i % 3) as u8, i as i16), e(3, -1)]))
            .collect();
        let w = Weights::build(4, features);
        assert_eq!(w.nfeatures(), 50);
        let mut scores = [0; 4];
        let f = |i| super::super::hash::finish(i);
        w.score(&[f(1), f(2), f(999)], &mut scores);
        assert_eq!(scores, [0, 1, 2, -2]);
        let mut out = ByteWriter::default();
        w.write(&mut out);
        let mut r = ByteReader::new(&out.0);
        let back = Weights::read(&mut r, |b| Cow::Owned(b.to_vec()));
        let mut again = [0; 4];
        back.map(|b| b.score(&[f(1), f(2), f(999)], &mut again)).ok();
        assert_eq!(again, scores);
        let mut r = ByteReader::new(&out.0[..out.0.len() - 1]);
        assert!(Weights::read(&mut r, |b| Cow::Owned(b.to_vec())).is_err());
    }

    #[test]
    fn dense_rows_score_as_sparse_entries_and_rows_sum_apart() {
        let f = |i| super::super::hash::finish(i);
        // Feature 1 votes for every class (stored densely), feature 2 for one.
        let dense: Vec<Entry> = (0..10).map(|c| Entry { class: c, value: c as i16 - 3 }).collect();
        let features = vec![(f(1), dense), (f(2), vec![Entry { class: 4, value: 7 }])];
        let w = Weights::build(10, features);
        assert_eq!(w.blob.len(), (4 + 10 * 2) + (4 + 3), "the first feature is a dense row");
        let mut scores = [0; 10];
        w.score(&[f(1), f(2), f(3)], &mut scores);
        assert_eq!(scores, [-3, -2, -1, 0, 8, 2, 3, 4, 5, 6]);
        // Relaying out keeps the scores.
        let mut again = [0; 10];
        w.relayout().score(&[f(1), f(2)], &mut again);
        assert_eq!(again, scores);
    }
}
