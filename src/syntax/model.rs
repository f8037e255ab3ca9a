//! The model: tag set, tagger, parser and lemmatiser, and its compact binary file.
//!
//! File layout (little-endian): the magic `FCSYNTAX`, a version, then the tag set
//! (UPOS and XPOS of each tag), the labels, the tag dictionary and ambiguity classes, the
//! lemmatiser's tables (a few thousand entries, read into small maps), the word clusters (since
//! version 6: word hash and cluster path, some 40,000, read into a map), and the tagger's and
//! the parser's weights ([`Weights::write`]: the hash tables themselves, used in place from the
//! bytes embedded in the binary, so loading builds nothing big). Reading checks every length
//! and never panics on a damaged file. Version 3 files (the same tables with each bucket's
//! entries apart from its fingerprints), version 4 files (no dense rows) and version 5 files (no
//! clusters) and version 6 files (no beam width after the root label: greedy) are still read,
//! the older tables laid out again at load, so an older model is converted by writing it again
//! (`train-syntax DIR --tagger-only OLD`).

use super::Upos;
use super::lemma::{Lemmatizer, Rule};
use super::parser::{Beam, Parser, State};
use std::borrow::Cow;

use super::perceptron::{IdMap, Weights};
use super::tagger::{Lex, Tagger, is_caps};

const MAGIC: &[u8; 8] = b"FCSYNTAX";
const VERSION: u32 = 7;

/// Widest beam a model file may ask for.
pub const MAX_BEAM: usize = 64;

/// A model file that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError(pub String);

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "invalid syntax model: {}", self.0)
    }
}

impl std::error::Error for LoadError {}

/// Writes the binary format.
#[derive(Debug, Default)]
pub struct ByteWriter(pub Vec<u8>);

impl ByteWriter {
    pub fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    pub fn i16(&mut self, v: i16) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    pub fn u16(&mut self, v: u16) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    pub fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    pub fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    pub fn varint(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.0.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.0.push(v as u8);
    }
    pub fn str(&mut self, s: &str) {
        self.varint(s.len() as u64);
        self.0.extend_from_slice(s.as_bytes());
    }
}

/// Reads the binary format; every read checks the length left.
#[derive(Debug)]
pub struct ByteReader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> ByteReader<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        ByteReader { bytes, pos: 0 }
    }
    /// Bytes not read yet.
    pub fn remaining(&self) -> usize {
        self.bytes.len() - self.pos
    }
    pub fn take(&mut self, n: usize) -> Result<&'a [u8], LoadError> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or_else(|| LoadError(format!("truncated at byte {}", self.pos)))?;
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    fn array<const N: usize>(&mut self) -> Result<[u8; N], LoadError> {
        let mut a = [0; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }
    pub fn u8(&mut self) -> Result<u8, LoadError> {
        Ok(self.take(1)?[0])
    }
    pub fn i16(&mut self) -> Result<i16, LoadError> {
        Ok(i16::from_le_bytes(self.array()?))
    }
    pub fn u16(&mut self) -> Result<u16, LoadError> {
        Ok(u16::from_le_bytes(self.array()?))
    }
    pub fn u32(&mut self) -> Result<u32, LoadError> {
        Ok(u32::from_le_bytes(self.array()?))
    }
    pub fn u64(&mut self) -> Result<u64, LoadError> {
        Ok(u64::from_le_bytes(self.array()?))
    }
    pub fn varint(&mut self) -> Result<u64, LoadError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            v |= ((b & 0x7f) as u64) << shift;
            if b < 0x80 {
                return Ok(v);
            }
        }
        Err(LoadError("varint too long".into()))
    }
    pub fn str(&mut self) -> Result<String, LoadError> {
        let n = self.varint()? as usize;
        let b = self.take(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| LoadError("string not UTF-8".into()))
    }
}

/// One tag of the tag set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagName {
    pub upos: Upos,
    pub xpos: String,
}

/// Everything the analysis needs.
#[derive(Debug, Clone, Default)]
pub struct Model {
    pub tags: Vec<TagName>,
    pub tagger: Tagger,
    pub parser: Parser,
    pub lemmatizer: Lemmatizer,
    /// Word clusters for the parser: lowercased word hash -> path ([`super::cluster`]).
    pub clusters: IdMap<u16>,
}

/// Buffers reused from sentence to sentence (one per thread): nothing is allocated per token
/// once they have grown to the longest sentence.
#[derive(Debug, Clone, Default)]
pub struct Scratch {
    pub lex: Vec<Lex>,
    pub words: Vec<u64>,
    pub tags: Vec<u16>,
    pub clusters: Vec<u16>,
    pub feats: Vec<u64>,
    pub scores: Vec<i32>,
    pub state: State,
    pub beam: Beam,
}

impl Model {
    /// Tags and parses one sentence's words: tags in `s.tags`, heads and labels in `s.state`
    /// (head `n` is ROOT).
    pub fn annotate<'a, I>(&self, forms: I, s: &mut Scratch)
    where
        I: Iterator<Item = &'a str> + Clone,
    {
        self.tag_words(forms, s);
        s.words.clear();
        s.words.extend(s.lex.iter().map(|l| l.lower));
        s.clusters.clear();
        if !self.clusters.is_empty() {
            let cluster = |w: &u64| self.clusters.get(w).copied().unwrap_or(0);
            s.clusters.extend(s.words.iter().map(cluster));
        }
        let Scratch { words, tags, clusters, state, feats, scores, beam, .. } = s;
        if self.parser.beam > 1 {
            let k = self.parser.beam;
            self.parser.parse_beam(words, tags, clusters, k, beam, state, feats, scores);
        } else {
            self.parser.parse(words, tags, clusters, state, feats, scores);
        }
    }

    /// Tags only (into `s.tags`): the first half of [`Model::annotate`], for a caller that
    /// decides from the tags whether the parse is worth its cost.
    pub fn tag_words<'a, I>(&self, forms: I, s: &mut Scratch)
    where
        I: Iterator<Item = &'a str> + Clone,
    {
        let caps = is_caps(forms.clone());
        s.lex.clear();
        s.lex.extend(forms.map(|f| Lex::new(f, caps)));
        self.tagger.tag(&s.lex, &mut s.tags, &mut s.feats, &mut s.scores);
    }

    /// The tag's UPOS and XPOS.
    pub fn tag(&self, t: u16) -> (Upos, &str) {
        self.tags.get(t as usize).map_or((Upos::X, "_"), |t| (t.upos, t.xpos.as_str()))
    }

    /// The label's name.
    pub fn label(&self, l: u8) -> &str {
        self.parser.labels.get(l as usize).map_or("dep", String::as_str)
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = ByteWriter::default();
        w.0.extend_from_slice(MAGIC);
        w.u32(VERSION);
        w.u32(self.tags.len() as u32);
        for t in &self.tags {
            w.str(t.upos.as_str());
            w.str(&t.xpos);
        }
        w.u32(self.parser.labels.len() as u32);
        for l in &self.parser.labels {
            w.str(l);
        }
        w.u32(self.parser.root as u32);
        w.u32(self.parser.beam as u32);
        let mut dict: Vec<_> = self.tagger.tagdict.iter().collect();
        dict.sort();
        w.u32(dict.len() as u32);
        for (&k, &t) in dict {
            w.u64(k);
            w.u16(t);
        }
        let mut amb: Vec<_> = self.tagger.ambiguity.iter().collect();
        amb.sort();
        w.u32(amb.len() as u32);
        for (&k, &c) in amb {
            w.u64(k);
            w.u64(c);
        }
        let mut endings: Vec<_> = self.lemmatizer.endings.iter().collect();
        endings.sort();
        w.u32(endings.len() as u32);
        for (&k, r) in endings {
            w.u64(k);
            w.u8(r.strip);
            w.str(&r.append);
        }
        let mut words: Vec<_> = self.lemmatizer.words.iter().collect();
        words.sort();
        w.u32(words.len() as u32);
        for (&k, l) in words {
            w.u64(k);
            w.str(l);
        }
        w.u32(self.lemmatizer.known.len() as u32);
        for &k in &self.lemmatizer.known {
            w.u64(k);
        }
        let mut clusters: Vec<_> = self.clusters.iter().collect();
        clusters.sort();
        w.u32(clusters.len() as u32);
        for (&k, &c) in clusters {
            w.u64(k);
            w.u16(c);
        }
        self.tagger.weights.write(&mut w);
        self.parser.weights.write(&mut w);
        w.0
    }

    /// Reads a model (its weights are copied once).
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, LoadError> {
        Self::read(bytes, |b| Cow::Owned(b.to_vec()))
    }

    /// Reads a model whose bytes live as long as the program (the embedded one): its weights
    /// are used where they lie, not copied.
    pub fn from_static(bytes: &'static [u8]) -> Result<Self, LoadError> {
        Self::read(bytes, Cow::Borrowed)
    }

    fn read<'a>(
        bytes: &'a [u8],
        own: fn(&'a [u8]) -> Cow<'static, [u8]>,
    ) -> Result<Self, LoadError> {
        let mut r = ByteReader::new(bytes);
        if r.take(8)? != MAGIC {
            return Err(LoadError("not a factcheck syntax model".into()));
        }
        let v = r.u32()?;
        if !(3..=VERSION).contains(&v) {
            return Err(LoadError(format!("version {v}, expected {VERSION}")));
        }
        let mut m = Model::default();
        for _ in 0..r.u32()? {
            let upos = r.str()?;
            let upos = Upos::parse(&upos).ok_or_else(|| LoadError(format!("UPOS {upos}")))?;
            m.tags.push(TagName { upos, xpos: r.str()? });
        }
        for _ in 0..r.u32()? {
            m.parser.labels.push(r.str()?);
        }
        m.parser.root = r.u32()? as usize;
        if v >= 7 {
            m.parser.beam = r.u32()? as usize;
            if m.parser.beam > MAX_BEAM {
                return Err(LoadError(format!("beam width {}, at most {MAX_BEAM}", m.parser.beam)));
            }
        }
        let mut dict = IdMap::default();
        for _ in 0..r.u32()? {
            let k = r.u64()?;
            dict.insert(k, r.u16()?);
        }
        m.tagger.tagdict = dict;
        for _ in 0..r.u32()? {
            let k = r.u64()?;
            m.tagger.ambiguity.insert(k, r.u64()?);
        }
        for _ in 0..r.u32()? {
            let k = r.u64()?;
            let strip = r.u8()?;
            m.lemmatizer.endings.insert(k, Rule { strip, append: r.str()? });
        }
        for _ in 0..r.u32()? {
            let k = r.u64()?;
            m.lemmatizer.words.insert(k, r.str()?);
        }
        let n = r.u32()? as usize;
        m.lemmatizer.known.reserve(n.min(1 << 20));
        for _ in 0..n {
            m.lemmatizer.known.push(r.u64()?);
        }
        if v >= 6 {
            let n = r.u32()? as usize;
            m.clusters.reserve(n.min(1 << 20));
            for _ in 0..n {
                let k = r.u64()?;
                m.clusters.insert(k, r.u16()?);
            }
        }
        if v == 3 {
            m.tagger.weights = Weights::read_v3(&mut r)?.relayout();
            m.parser.weights = Weights::read_v3(&mut r)?.relayout();
        } else if v == 4 {
            m.tagger.weights = Weights::read(&mut r, own)?.relayout();
            m.parser.weights = Weights::read(&mut r, own)?.relayout();
        } else {
            m.tagger.weights = Weights::read(&mut r, own)?;
            m.parser.weights = Weights::read(&mut r, own)?;
        }
        if m.tagger.weights.nclasses() != m.tags.len()
            || m.parser.weights.nclasses() != 1 + 2 * m.parser.labels.len()
            || m.parser.root >= m.parser.labels.len()
            || m.tagger.tagdict.values().any(|&t| t as usize >= m.tags.len())
        {
            return Err(LoadError("tag set, labels and weights disagree".into()));
        }
        Ok(m)
    }
}
