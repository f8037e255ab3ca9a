//! Training and evaluation on a Universal Dependencies treebank (CoNLL-U train/dev/test).
//!
//! [`train`] builds the whole [`Model`]: tag set and labels from the training file, the
//! lemmatiser, the tagger, and the parser trained on jackknifed tags (each fifth of the training
//! set tagged by a tagger trained on the other four), so it learns from tags as wrong as they
//! will be at run time. Everything is deterministic: fixed seeds, sorted tables.
//! [`evaluate`] scores a model on gold words and sentences as CoNLL 2018 does (LAS on the
//! universal part of the relation, punctuation included).

use std::collections::HashMap;

use rayon::prelude::*;

use super::Upos;
use super::cluster::{ClusterSettings, Corpus};
use super::conllu::{self, Block};
use super::lemma::Lemmatizer;
use super::model::{Model, Scratch, TagName};
use super::parser::{self, ParseExample};
use super::perceptron::TrainWeights;
use super::tagger::{self, TagExample};

/// A deterministic random number generator (xorshift64*).
#[derive(Debug, Clone)]
pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0 | 1;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Training settings.
#[derive(Debug, Clone)]
pub struct Settings {
    pub tagger_iterations: usize,
    pub parser_iterations: usize,
    pub folds: usize,
    /// One training sentence in this many is also learnt by the tagger as an ALL-CAPS line
    /// (0: none).
    pub caps_every: usize,
    pub seed: u64,
    /// Largest model file: rare parser weights are pruned until it fits.
    pub max_bytes: usize,
    pub clusters: ClusterSettings,
    /// How often training follows the model's own move rather than the oracle's (from the
    /// second pass on).
    pub explore: f64,
    /// Beam width for training and decoding (1: greedy with the dynamic oracle).
    pub beam: usize,
    /// Keep pruning past the size limit and keep the level that scores best on dev.
    pub prune_by_dev: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            tagger_iterations: 8,
            parser_iterations: 15,
            folds: 5,
            caps_every: 16,
            seed: 0x5eed,
            max_bytes: 14_500_000,
            clusters: ClusterSettings::default(),
            explore: 0.9,
            prune_by_dev: false,
            beam: 1,
        }
    }
}

/// Accuracy figures on one file.
#[derive(Debug, Clone, Copy, Default)]
pub struct Scores {
    pub words: usize,
    pub upos: f64,
    pub xpos: f64,
    pub uas: f64,
    pub las: f64,
    pub lemma: f64,
}

impl std::fmt::Display for Scores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} words: UPOS {:.4}  XPOS {:.4}  lemma {:.4}  UAS {:.4}  LAS {:.4}",
            self.words, self.upos, self.xpos, self.lemma, self.uas, self.las
        )
    }
}

fn universal(label: &str) -> &str {
    label.split(':').next().unwrap_or(label)
}

/// Scores `model` on a CoNLL-U text, with its words and sentences.
pub fn evaluate(model: &Model, text: &str) -> Result<Scores, conllu::Error> {
    let blocks = conllu::read(text)?;
    let mut s = Scratch::default();
    let (mut upos, mut xpos, mut uas, mut las, mut lemma, mut n) = (0, 0, 0, 0, 0, 0);
    let mut buf = String::new();
    for b in &blocks {
        model.annotate(b.words.iter().map(|w| w.form()), &mut s);
        let len = b.words.len();
        for (i, w) in b.words.iter().enumerate() {
            let (u, x) = model.tag(s.tags[i]);
            upos += (u.as_str() == w.cols[3]) as usize;
            xpos += (x == w.cols[4]) as usize;
            buf.clear();
            model.lemmatizer.lemma(w.form(), u.as_str(), x, &mut buf);
            lemma += (buf == w.cols[2]) as usize;
            let h = s.state.heads[i];
            let head = if h as usize >= len { 0 } else { h as usize + 1 };
            if w.cols[6].parse::<usize>().ok() == Some(head) {
                uas += 1;
                let l = model.label(s.state.labels[i]);
                las += (universal(l) == universal(w.cols[7])) as usize;
            }
            n += 1;
        }
    }
    let r = |c: usize| c as f64 / n.max(1) as f64;
    Ok(Scores { words: n, upos: r(upos), xpos: r(xpos), uas: r(uas), las: r(las), lemma: r(lemma) })
}

/// Retrains the tagger and the lemmatiser of `model` on a CoNLL-U training text (same tag
/// set), keeping the parser: for trying tagger features without the parser's long training,
/// and to convert an older model file.
pub fn retrain_tagger(model: &mut Model, text: &str, settings: &Settings) -> Result<(), String> {
    let blocks = conllu::read(text).map_err(|e| format!("line {}: {}", e.line, e.message))?;
    let index: HashMap<(&str, &str), u16> = model
        .tags
        .iter()
        .enumerate()
        .map(|(i, t)| ((t.upos.as_str(), t.xpos.as_str()), i as u16))
        .collect();
    let examples: Vec<TagExample> = blocks
        .iter()
        .filter(|b| !b.words.is_empty())
        .enumerate()
        .map(|(i, b)| {
            let tags = b
                .words
                .iter()
                .map(|w| index.get(&(w.cols[3], w.cols[4])).copied().unwrap_or(0))
                .collect();
            TagExample::new(
                b.words.iter().map(|w| w.form()),
                tags,
                settings.caps_every > 0 && i % settings.caps_every == 0,
            )
        })
        .collect();
    model.tagger =
        tagger::train(&examples, model.tags.len(), settings.tagger_iterations, settings.seed);
    model.lemmatizer = Lemmatizer::train(
        blocks.iter().flat_map(|b| b.words.iter().map(|w| (w.form(), w.cols[4], w.cols[2]))),
    );
    Ok(())
}

/// Trains a model on a CoNLL-U training text. With a `corpus` (unlabelled text), word clusters
/// are learnt from it and the training text's words, and the parser reads them. `log` receives
/// progress lines (with, when `dev` is given, its scores at each pruning level tried).
pub fn train(
    text: &str,
    dev: Option<&str>,
    corpus: Option<Corpus>,
    settings: &Settings,
    log: &mut dyn FnMut(&str),
) -> Result<Model, String> {
    let blocks = conllu::read(text).map_err(|e| format!("line {}: {}", e.line, e.message))?;
    let blocks: Vec<&Block<'_>> = blocks.iter().filter(|b| !b.words.is_empty()).collect();
    // Tag set and labels, by frequency then name.
    let mut tag_counts: HashMap<(&str, &str), usize> = HashMap::new();
    let mut label_counts: HashMap<&str, usize> = HashMap::new();
    for b in &blocks {
        for w in &b.words {
            *tag_counts.entry((w.cols[3], w.cols[4])).or_default() += 1;
            *label_counts.entry(w.cols[7]).or_default() += 1;
        }
    }
    let mut tags: Vec<_> = tag_counts.into_iter().collect();
    tags.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut labels: Vec<_> = label_counts.into_iter().collect();
    labels.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    if labels.len() > 127 || tags.len() > 255 {
        return Err(format!("{} tags and {} labels: too many", tags.len(), labels.len()));
    }
    let mut model = Model::default();
    let mut tag_index = HashMap::new();
    for (i, ((u, x), _)) in tags.iter().enumerate() {
        let upos = Upos::parse(u).unwrap_or(Upos::X);
        model.tags.push(TagName { upos, xpos: x.to_string() });
        tag_index.insert((*u, *x), i as u16);
    }
    let mut label_index = HashMap::new();
    for (i, (l, _)) in labels.iter().enumerate() {
        model.parser.labels.push(l.to_string());
        label_index.insert(*l, i as u8);
    }
    model.parser.root = *label_index.get("root").ok_or("no root label in training data")? as usize;
    log(&format!(
        "{} sentences, {} tags, {} labels",
        blocks.len(),
        model.tags.len(),
        model.parser.labels.len()
    ));

    model.lemmatizer = Lemmatizer::train(
        blocks.iter().flat_map(|b| b.words.iter().map(|w| (w.form(), w.cols[4], w.cols[2]))),
    );

    if let Some(mut corpus) = corpus {
        for b in &blocks {
            corpus.add_words(b.words.iter().map(|w| w.form()));
        }
        model.clusters = corpus.clusters(&settings.clusters);
        log(&format!(
            "{} clusters of {} words learnt from {} words",
            1 << settings.clusters.depth,
            model.clusters.len(),
            corpus.words()
        ));
    }

    let tag_examples: Vec<TagExample> = blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let tags = b.words.iter().map(|w| tag_index[&(w.cols[3], w.cols[4])]).collect();
            TagExample::new(
                b.words.iter().map(|w| w.form()),
                tags,
                settings.caps_every > 0 && i % settings.caps_every == 0,
            )
        })
        .collect();

    // Jackknifing: fold k is tagged by a tagger trained on the other folds; the last job is
    // the final tagger, trained on everything.
    let k = settings.folds.max(2);
    let ntags = model.tags.len();
    let jobs: Vec<Option<usize>> = (0..k).map(Some).chain([None]).collect();
    let taggers: Vec<_> = jobs
        .par_iter()
        .map(|fold| {
            let train: Vec<&TagExample> = tag_examples
                .iter()
                .enumerate()
                .filter(|(i, _)| fold.is_none_or(|f| i % k != f))
                .map(|(_, e)| e)
                .collect();
            let owned: Vec<TagExample> = train
                .iter()
                .map(|e| TagExample {
                    lex: e.lex.clone(),
                    caps: e.caps.clone(),
                    tags: e.tags.clone(),
                })
                .collect();
            tagger::train(&owned, ntags, settings.tagger_iterations, settings.seed)
        })
        .collect();
    let mut predicted: Vec<Vec<u16>> = vec![Vec::new(); tag_examples.len()];
    let (mut right, mut total) = (0, 0);
    let mut scratch = Scratch::default();
    for (i, ex) in tag_examples.iter().enumerate() {
        let t = &taggers[i % k];
        t.tag(&ex.lex, &mut predicted[i], &mut scratch.feats, &mut scratch.scores);
        right += predicted[i].iter().zip(&ex.tags).filter(|(a, b)| a == b).count();
        total += ex.tags.len();
    }
    log(&format!("jackknifed tag accuracy on train: {:.4}", right as f64 / total.max(1) as f64));
    model.tagger = taggers.into_iter().last().unwrap_or_default();

    let mut nonproj = 0;
    let parse_examples: Vec<ParseExample> = blocks
        .iter()
        .zip(&tag_examples)
        .zip(predicted)
        .map(|((b, te), tags)| {
            let n = b.words.len() as u32;
            let mut heads: Vec<u32> = b
                .words
                .iter()
                .map(|w| match w.cols[6].parse::<u32>() {
                    Ok(0) | Err(_) => n,
                    Ok(h) if h <= n => h - 1,
                    Ok(_) => n,
                })
                .collect();
            let before = heads.clone();
            parser::projectivize(&mut heads);
            nonproj += (before != heads) as usize;
            ParseExample {
                words: te.lex.iter().map(|l| l.lower).collect(),
                tags,
                clusters: if model.clusters.is_empty() {
                    Vec::new()
                } else {
                    te.lex
                        .iter()
                        .map(|l| model.clusters.get(&l.lower).copied().unwrap_or(0))
                        .collect()
                },
                heads,
                labels: b.words.iter().map(|w| label_index[w.cols[7]]).collect(),
            }
        })
        .collect();
    log(&format!("{nonproj} non-projective sentences lifted"));

    model.parser.beam = if settings.beam > 1 { settings.beam } else { 0 };
    let nclasses = 1 + 2 * model.parser.labels.len();
    let mut w = TrainWeights::new(nclasses);
    let mut rng = Rng(settings.seed);
    let mut order: Vec<usize> = (0..parse_examples.len()).collect();
    for it in 0..settings.parser_iterations {
        rng.shuffle(&mut order);
        for &i in &order {
            if settings.beam > 1 {
                parser::train_sentence_beam(
                    &mut w,
                    &parse_examples[i],
                    model.parser.root,
                    settings.beam,
                    &mut scratch,
                );
                continue;
            }
            parser::train_sentence(
                &mut w,
                &parse_examples[i],
                model.parser.root,
                if it > 0 { settings.explore } else { 0.0 },
                &mut rng,
                &mut scratch,
            );
        }
        log(&format!("parser iteration {} done", it + 1));
    }
    // Prune weights with small averages until the file fits (and, with `prune_by_dev`, on to
    // the level that scores best on dev).
    let mut best: Option<(f64, f64)> = None;
    for min_avg in [0.0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0] {
        model.parser.weights = w.average(min_avg);
        let size = model.to_bytes().len();
        let scores = dev.and_then(|d| evaluate(&model, d).ok());
        log(&format!(
            "parser weights above {min_avg}: {size} bytes; dev {}",
            scores.map(|s| s.to_string()).unwrap_or_default()
        ));
        if size > settings.max_bytes {
            continue;
        }
        if !settings.prune_by_dev {
            break;
        }
        let score = scores.map_or(0.0, |s| s.uas + s.las);
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, min_avg));
        }
    }
    if let Some((_, min_avg)) = best {
        model.parser.weights = w.average(min_avg);
        log(&format!("kept parser weights above {min_avg}"));
    }
    Ok(model)
}
