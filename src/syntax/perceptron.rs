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
/// hash above the number `n` of entries, 8 bits), then `n` entries of 3 bytes (class, then
/// weight as `i16`). A bucket holds about [`PER_BUCKET`] features, so it is about one cache
/// line. Every read is checked, so a damaged table gives wrong scores, never a panic.
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
        features.retain(|(_, es)| !es.is_empty() && es.len() <= 255);
        let nbuckets = (features.len() / PER_BUCKET).max(1) as u64;
        let bucket = |k: u64| ((k >> 32) * nbuckets) >> 32;
        features.sort_unstable_by_key(|&(k, _)| (bucket(k), k));
        let mut w = Weights::start(nclasses, nbuckets, features.len());
        let mut next = 0;
        for b in 0..nbuckets {
            let (offsets, blob) = (w.offsets.to_mut(), w.blob.to_mut());
            offsets.extend_from_slice(&(blob.len() as u32).to_le_bytes());
            while let Some((k, es)) = features.get(next).filter(|(k, _)| bucket(*k) == b) {
                blob.extend_from_slice(&((fingerprint(*k) << 8) | es.len() as u32).to_le_bytes());
                for x in es {
                    blob.push(x.class);
                    blob.extend_from_slice(&x.value.to_le_bytes());
                }
                next += 1;
            }
        }
        w.finish()
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
        if self.nbuckets == 0 {
            return;
        }
        // First every feature's bucket, then its first and last bytes (its one or two cache
        // lines): loads independent of each other and free of branches, so the memory system
        // serves them in parallel; then the scans of the buckets (now in cache) and the adds.
        let mut buckets = [(0, 0); 32];
        let mut touched = 0u8;
        for chunk in feats.chunks(32) {
            for (b, &f) in buckets.iter_mut().zip(chunk) {
                *b = self.bucket(f);
            }
            for &(start, end) in &buckets[..chunk.len()] {
                touched ^= self.blob.get(start).copied().unwrap_or(0);
                touched ^= self.blob.get(end.wrapping_sub(1)).copied().unwrap_or(0);
            }
            std::hint::black_box(touched);
            for (&(start, end), &f) in buckets.iter().zip(chunk) {
                let fp = fingerprint(f);
                let block = self.blob.get(start..end).unwrap_or(&[]);
                let mut i = 0;
                while i + 4 <= block.len() {
                    let v = u32_at(block, i);
                    let n = (v & 0xff) as usize * 3;
                    if v >> 8 == fp {
                        for x in block.get(i + 4..i + 4 + n).unwrap_or(&[]).chunks_exact(3) {
                            if let Some(s) = scores.get_mut(x[0] as usize) {
                                *s += i16::from_le_bytes([x[1], x[2]]) as i32;
                            }
                        }
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
            let (offsets, blob) = (w.offsets.to_mut(), w.blob.to_mut());
            offsets.extend_from_slice(&(blob.len() as u32).to_le_bytes());
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
        let time = self.time;
        for &f in feats {
            let es = self.map.entry(f).or_default();
            for (class, delta) in [(gold, 1), (guess, -1)] {
                let e = match es.iter_mut().position(|e| e.class as usize == class) {
                    Some(i) => &mut es[i],
                    None => {
                        es.push(TrainEntry {
                            class: class as u16,
                            weight: 0,
                            total: 0,
                            stamp: time,
                        });
                        let last = es.len() - 1;
                        &mut es[last]
                    }
                };
                e.total += (time - e.stamp) as i64 * e.weight as i64;
                e.stamp = time;
                e.weight += delta;
            }
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
                out.truncate(255);
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
}
