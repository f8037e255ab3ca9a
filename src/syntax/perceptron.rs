//! The averaged perceptron, in two forms side by side:
//!
//! - [`Weights`]: the frozen model used for inference, a static hash table read in place from
//!   the model file (nothing is built at load time). Features are grouped in buckets by their
//!   hash; a bucket lists each feature's fingerprint and number of weights, and the
//!   `(class, weight)` entries (only the classes a feature ever voted for, quantised to `i16`)
//!   follow one another in bucket order. Scoring is one bucket read, a scan of about four
//!   fingerprints and a few adds; nothing is allocated.
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
/// Three little-endian arrays, used as they lie in the model file (or copied once when the
/// model is not static): `buckets`, `nbuckets + 1` u64 (low half: index of the bucket's first
/// feature; high half: index of its first entry); `feats`, one u32 per feature (a 24-bit
/// fingerprint of the hash above the number of its entries, 8 bits); `entries`, 3 bytes each
/// (class, then weight as `i16`). A bucket holds about [`PER_BUCKET`] features. Every read is
/// checked, so a damaged table gives wrong scores, never a panic.
#[derive(Debug, Clone, Default)]
pub struct Weights {
    nclasses: usize,
    nbuckets: u64,
    buckets: Cow<'static, [u8]>,
    feats: Cow<'static, [u8]>,
    entries: Cow<'static, [u8]>,
}

/// Average number of features per bucket.
const PER_BUCKET: usize = 4;

/// The fingerprint of a feature (bits the bucket number does not use).
#[inline]
fn fingerprint(key: u64) -> u32 {
    (key >> 8) as u32 & 0xff_ffff
}

#[inline]
fn u64_at(b: &[u8], i: usize) -> u64 {
    b.get(i * 8..i * 8 + 8).and_then(|s| s.try_into().ok()).map_or(0, u64::from_le_bytes)
}

#[inline]
fn u32_at(b: &[u8], i: usize) -> u32 {
    b.get(i * 4..i * 4 + 4).and_then(|s| s.try_into().ok()).map_or(0, u32::from_le_bytes)
}

impl Weights {
    /// Number of classes scored.
    pub fn nclasses(&self) -> usize {
        self.nclasses
    }

    /// Number of features with at least one weight.
    pub fn nfeatures(&self) -> usize {
        self.feats.len() / 4
    }

    /// Builds the table from features and their entries (keys distinct; entries of a feature
    /// with classes below `nclasses`, at most 255 of them).
    pub fn build(nclasses: usize, mut features: Vec<(u64, Vec<Entry>)>) -> Self {
        features.retain(|(_, es)| !es.is_empty() && es.len() <= 255);
        let nbuckets = (features.len() / PER_BUCKET).max(1) as u64;
        let bucket = |k: u64| (k >> 32) * nbuckets >> 32;
        features.sort_unstable_by_key(|&(k, _)| (bucket(k), k));
        let (mut buckets, mut feats, mut entries) = (Vec::new(), Vec::new(), Vec::new());
        let (mut f, mut e) = (0u64, 0u64);
        let mut next = 0;
        for b in 0..=nbuckets {
            buckets.extend_from_slice(&(f | e << 32).to_le_bytes());
            while let Some((k, es)) = features.get(next).filter(|(k, _)| bucket(*k) == b) {
                feats.extend_from_slice(&(fingerprint(*k) << 8 | es.len() as u32).to_le_bytes());
                for x in es {
                    entries.push(x.class);
                    entries.extend_from_slice(&x.value.to_le_bytes());
                }
                f += 1;
                e += es.len() as u64;
                next += 1;
            }
        }
        Weights {
            nclasses,
            nbuckets,
            buckets: buckets.into(),
            feats: feats.into(),
            entries: entries.into(),
        }
    }

    /// The bucket of a feature: its first feature and first entry, and the next bucket's first
    /// feature.
    #[inline]
    fn bucket(&self, key: u64) -> (usize, usize, usize) {
        let b = ((key >> 32) * self.nbuckets >> 32) as usize;
        let (this, next) = (u64_at(&self.buckets, b), u64_at(&self.buckets, b + 1));
        (this as u32 as usize, (this >> 32) as usize, next as u32 as usize)
    }

    /// The entries of one feature (3 bytes each; empty when unknown).
    #[inline]
    fn lookup(&self, key: u64, (f0, mut e, f1): (usize, usize, usize)) -> &[u8] {
        let fp = fingerprint(key);
        for i in f0..f1 {
            let v = u32_at(&self.feats, i);
            let n = (v & 0xff) as usize;
            if v >> 8 == fp {
                return self.entries.get(e * 3..(e + n) * 3).unwrap_or(&[]);
            }
            e += n;
        }
        &[]
    }

    /// Sums the weights of `feats` into `scores` (one per class, overwritten).
    #[inline]
    pub fn score(&self, feats: &[u64], scores: &mut [i32]) {
        scores.fill(0);
        if self.nbuckets == 0 {
            return;
        }
        // First every feature's bucket, loads independent of each other so the memory system
        // serves them in parallel; then the scans and the adds.
        let mut buckets = [(0, 0, 0); 32];
        for chunk in feats.chunks(32) {
            for (b, &f) in buckets.iter_mut().zip(chunk) {
                *b = self.bucket(f);
            }
            for (&b, &f) in buckets.iter().zip(chunk) {
                for e in self.lookup(f, b).chunks_exact(3) {
                    if let Some(x) = scores.get_mut(e[0] as usize) {
                        *x += i16::from_le_bytes([e[1], e[2]]) as i32;
                    }
                }
            }
        }
    }

    pub fn write(&self, out: &mut ByteWriter) {
        out.u32(self.nclasses as u32);
        out.u64(self.nbuckets);
        out.u64(self.feats.len() as u64 / 4);
        out.u64(self.entries.len() as u64 / 3);
        out.0.extend_from_slice(&self.buckets);
        out.0.extend_from_slice(&self.feats);
        out.0.extend_from_slice(&self.entries);
    }

    /// Reads weights written by [`Weights::write`], in place when `own` borrows.
    pub fn read<'a>(
        r: &mut ByteReader<'a>,
        own: fn(&'a [u8]) -> Cow<'static, [u8]>,
    ) -> Result<Self, LoadError> {
        let nclasses = r.u32()? as usize;
        let nbuckets = r.u64()?;
        let nfeats = r.u64()?;
        let nentries = r.u64()?;
        let size = |n: u64, k: u64| usize::try_from(n.saturating_mul(k)).unwrap_or(usize::MAX);
        if nbuckets == 0 || nbuckets >= 1 << 32 {
            return Err(LoadError(format!("{nbuckets} buckets")));
        }
        let buckets = r.take(size(nbuckets + 1, 8))?;
        let feats = r.take(size(nfeats, 4))?;
        let entries = r.take(size(nentries, 3))?;
        if u64_at(buckets, nbuckets as usize) != nfeats | nentries << 32 {
            return Err(LoadError("weight table does not add up".into()));
        }
        Ok(Weights {
            nclasses,
            nbuckets,
            buckets: own(buckets),
            feats: own(feats),
            entries: own(entries),
        })
    }

    /// Reads weights of the version 2 format (features sorted, keys delta-coded as varints,
    /// `(class: u8, weight: i16)` entries), to convert an older model.
    pub fn read_v2(r: &mut ByteReader<'_>) -> Result<Self, LoadError> {
        let nclasses = r.u32()? as usize;
        let n = r.u32()? as usize;
        let mut features = Vec::with_capacity(n.min(1 << 24));
        let mut key = 0u64;
        for _ in 0..n {
            key = key.wrapping_add(r.varint()?);
            let len = r.u8()? as usize;
            let mut es = Vec::with_capacity(len);
            for _ in 0..len {
                let class = r.u8()?;
                let value = r.i16()?;
                if class as usize >= nclasses {
                    return Err(LoadError("class out of range".into()));
                }
                es.push(Entry { class, value });
            }
            features.push((key, es));
        }
        Ok(Weights::build(nclasses, features))
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
