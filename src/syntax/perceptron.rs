//! The averaged perceptron, in two forms side by side:
//!
//! - [`Weights`]: the frozen model used for inference. An open-addressing table from feature
//!   hash to a short list of `(class, weight)` entries (only the classes a feature ever voted
//!   for), weights quantised to `i16`. Scoring is one probe per feature and a few adds; nothing
//!   is allocated.
//! - [`TrainWeights`]: the model during training, with the running totals and timestamps the
//!   averaging needs (Collins 2002; Honnibal's "lazy" averaging). [`TrainWeights::average`]
//!   turns it into a [`Weights`], dropping weights that round to zero.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::model::{ByteReader, ByteWriter, LoadError};

/// One class weight of a feature.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    pub class: u8,
    pub value: i16,
}

/// Frozen, quantised weights: feature hash -> class weights.
///
/// Each slot is one `u64`: a 24-bit fingerprint of the feature (its high bits; the low bits
/// chose the slot), the start of its entries (32 bits) and their number (8 bits). 0 is an
/// empty slot. One slot is one load, so scoring touches two cache lines per feature at most.
#[derive(Debug, Clone, Default)]
pub struct Weights {
    nclasses: usize,
    mask: usize,
    slots: Vec<u64>,
    entries: Vec<Entry>,
    /// `(key, start, n)` of every feature, for [`Weights::write`]: kept for weights just
    /// trained or read with `keep_keys` (the table itself keeps fingerprints, not keys).
    features: Vec<(u64, u32, u8)>,
}

/// The fingerprint of a feature, never 0.
#[inline]
fn fingerprint(key: u64) -> u64 {
    ((key >> 40) | 1) << 40
}

const FP_MASK: u64 = 0xff_ffff << 40;

impl Weights {
    /// Number of classes scored.
    pub fn nclasses(&self) -> usize {
        self.nclasses
    }

    /// Number of features with at least one weight.
    pub fn nfeatures(&self) -> usize {
        self.slots.iter().filter(|&&k| k != 0).count()
    }

    fn with_capacity(nclasses: usize, features: usize, entries: usize) -> Self {
        let slots = (features * 2).next_power_of_two().max(16);
        Weights {
            nclasses,
            mask: slots - 1,
            slots: vec![0; slots],
            entries: Vec::with_capacity(entries),
            features: Vec::new(),
        }
    }

    /// Adds a feature whose entries are the last `n` of `self.entries`. Returns false (and
    /// drops them) if the table is full or the feature is already there.
    fn insert(&mut self, key: u64, n: usize) -> bool {
        let start = self.entries.len() - n;
        if n == 0 || n > 255 || start > u32::MAX as usize {
            self.entries.truncate(start);
            return false;
        }
        let fp = fingerprint(key);
        let mut i = key as usize & self.mask;
        for _ in 0..self.slots.len() {
            let s = self.slots[i];
            if s == 0 {
                self.slots[i] = fp | ((start as u64) << 8) | n as u64;
                return true;
            }
            if s & FP_MASK == fp {
                break;
            }
            i = (i + 1) & self.mask;
        }
        self.entries.truncate(start);
        false
    }

    /// The entries of one feature (empty when unknown).
    #[inline]
    fn lookup(&self, key: u64) -> &[Entry] {
        let fp = fingerprint(key);
        let mut i = key as usize & self.mask;
        loop {
            let s = self.slots[i];
            if s & FP_MASK == fp {
                let start = ((s >> 8) & 0xffff_ffff) as usize;
                return self.entries.get(start..start + (s & 0xff) as usize).unwrap_or(&[]);
            }
            if s == 0 {
                return &[];
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Sums the weights of `feats` into `scores` (one per class, overwritten).
    #[inline]
    pub fn score(&self, feats: &[u64], scores: &mut [i32]) {
        scores.fill(0);
        if self.slots.is_empty() {
            return;
        }
        // First every feature's home slot, loads independent of each other so the memory
        // system serves them in parallel; then the (rare) further probes and the adds.
        let mut home = [0u64; 32];
        for chunk in feats.chunks(32) {
            for (h, &f) in home.iter_mut().zip(chunk) {
                *h = self.slots[f as usize & self.mask];
            }
            for (&s, &f) in home.iter().zip(chunk) {
                let es = if s & FP_MASK == fingerprint(f) {
                    let start = ((s >> 8) & 0xffff_ffff) as usize;
                    self.entries.get(start..start + (s & 0xff) as usize).unwrap_or(&[])
                } else if s == 0 {
                    &[]
                } else {
                    self.lookup(f)
                };
                for e in es {
                    if let Some(x) = scores.get_mut(e.class as usize) {
                        *x += e.value as i32;
                    }
                }
            }
        }
    }

    /// Writes weights made by [`TrainWeights::average`] or read with `keep_keys` (others have
    /// no keys left to write, and write none).
    pub fn write(&self, out: &mut ByteWriter) {
        out.u32(self.nclasses as u32);
        out.u32(self.features.len() as u32);
        let mut last = 0u64;
        for &(key, start, n) in &self.features {
            // Keys sorted, as deltas from the previous one in a varint: smaller files.
            out.varint(key - last);
            last = key;
            out.u8(n);
            for e in &self.entries[start as usize..start as usize + n as usize] {
                out.u8(e.class);
                out.i16(e.value);
            }
        }
    }

    pub fn read(r: &mut ByteReader<'_>, keep_keys: bool) -> Result<Self, LoadError> {
        let nclasses = r.u32()? as usize;
        let n = r.u32()? as usize;
        let mut w = Weights::with_capacity(nclasses, n.min(1 << 26), r.remaining() / 3);
        let mut key = 0u64;
        for _ in 0..n {
            key = key.wrapping_add(r.varint()?);
            let len = r.u8()? as usize;
            for _ in 0..len {
                let class = r.u8()?;
                let value = r.i16()?;
                if class as usize >= nclasses {
                    return Err(LoadError("class out of range".into()));
                }
                w.entries.push(Entry { class, value });
            }
            let start = w.entries.len() - len;
            if w.insert(key, len) && keep_keys {
                w.features.push((key, start as u32, len as u8));
            }
        }
        Ok(w)
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
        let mut w = Weights::with_capacity(self.nclasses, keys.len(), 0);
        for k in keys {
            let mut out: Vec<Entry> = self.map[&k]
                .iter()
                .filter(|e| avg(e).abs() >= min_avg)
                .map(|e| Entry { class: e.class as u8, value: (avg(e) * scale).round() as i16 })
                .filter(|e| e.value != 0)
                .collect();
            out.sort_unstable_by_key(|e| e.class);
            out.truncate(255);
            let start = w.entries.len();
            w.entries.extend_from_slice(&out);
            if w.insert(k, out.len()) {
                w.features.push((k, start as u32, out.len() as u8));
            }
        }
        w
    }
}
