//! Syntactic analysis of English: sentence splitting, tokenization, part-of-speech tagging,
//! lemmas and labelled dependency parsing (Universal Dependencies), with a model trained on UD
//! English EWT and embedded in the binary.
//!
//! ```
//! use factcheck::syntax::{Analyzer, split_sentences};
//!
//! let text = "The diplomats were expelled by Poland. Russia said it would respond.";
//! let analyzer = Analyzer::new();
//! for range in split_sentences(text) {
//!     let sentence = analyzer.analyze_sentence(text, range);
//!     for t in &sentence.tokens {
//!         let word = &text[t.span.clone()];
//!         let head = t.head.map_or("ROOT", |h| &text[sentence.tokens[h as usize].span.clone()]);
//!         let _ = (word, t.upos, t.xpos, sentence.lemma(t), t.deprel, head);
//!     }
//! }
//! let s = analyzer.analyze_sentence(text, 0..38);
//! assert_eq!(s.tokens[3].deprel, "root"); // expelled
//! assert_eq!(s.tokens[0].head, Some(1));  // The -> diplomats
//! ```
//!
//! - [`split_sentences`] yields byte ranges of sentences, [`tokenize`] the byte ranges of the
//!   words of a range (UD-style: `don't` is `do` + `n't`, `Russia's` is `Russia` + `'s`,
//!   `long-term` is `long` `-` `term`; `U.S.`, `Gen.`, `1,269`, `4.5` stay whole). A sentence
//!   never has more than [`MAX_TOKENS`] tokens: longer runs are cut.
//! - [`Analyzer`] tags and parses. [`Analyzer::new`] loads the embedded model once per process
//!   (later calls share it; its weight tables are used where they lie in the binary, so loading
//!   builds only a few small maps); its methods take `&self` and use a per-thread scratch
//!   buffer, so one analyzer serves every thread.
//! - Spans are byte ranges into the text given, never re-searched. No input panics.
//!
//! Layout: [`tokenize`] (text to sentences and words), [`tagger`] and [`parser`] (the two
//! perceptron models over [`hash`]ed features, [`perceptron`] weights; the parser's word
//! [`cluster`]s), [`lemma`], [`model`]
//! (the binary file), [`conllu`] (reading treebanks), [`train`] (training and evaluation).

pub mod cluster;
pub mod conllu;
pub mod hash;
pub mod lemma;
pub mod model;
pub mod parser;
pub mod perceptron;
pub mod tagger;
pub mod tokenize;
pub mod train;

use std::cell::RefCell;
use std::ops::Range;
use std::sync::OnceLock;

pub use model::{LoadError, Model};
pub use tokenize::{MAX_TOKENS, split_sentences, tokenize};

use model::Scratch;

/// The model trained on UD English EWT 2.16 (CC BY-SA 4.0; see `src/syntax/model/README.md`).
pub static EN_EWT: &[u8] = include_bytes!("model/en_ewt.bin");

/// Universal part-of-speech tags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Upos {
    Adj,
    Adp,
    Adv,
    Aux,
    Cconj,
    Det,
    Intj,
    Noun,
    Num,
    Part,
    Pron,
    Propn,
    Punct,
    Sconj,
    Sym,
    Verb,
    X,
}

impl Upos {
    const ALL: [(Upos, &'static str); 17] = [
        (Upos::Adj, "ADJ"),
        (Upos::Adp, "ADP"),
        (Upos::Adv, "ADV"),
        (Upos::Aux, "AUX"),
        (Upos::Cconj, "CCONJ"),
        (Upos::Det, "DET"),
        (Upos::Intj, "INTJ"),
        (Upos::Noun, "NOUN"),
        (Upos::Num, "NUM"),
        (Upos::Part, "PART"),
        (Upos::Pron, "PRON"),
        (Upos::Propn, "PROPN"),
        (Upos::Punct, "PUNCT"),
        (Upos::Sconj, "SCONJ"),
        (Upos::Sym, "SYM"),
        (Upos::Verb, "VERB"),
        (Upos::X, "X"),
    ];

    /// The UD name (`NOUN`, `PROPN`, ...).
    pub fn as_str(self) -> &'static str {
        Self::ALL[self as usize].1
    }

    /// From the UD name.
    pub fn parse(s: &str) -> Option<Upos> {
        Self::ALL.iter().find(|(_, n)| *n == s).map(|(u, _)| *u)
    }
}

/// One word of an analysed sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'m> {
    /// Bytes of the word in the text.
    pub span: Range<usize>,
    pub upos: Upos,
    /// Penn Treebank tag (`VBN`, `NNP`, ...).
    pub xpos: &'m str,
    /// Index of the head in [`Sentence::tokens`]; `None` for the root.
    pub head: Option<u32>,
    /// UD relation to the head (`nsubj:pass`, `obl`, ...; `root` for the root).
    pub deprel: &'m str,
    /// Bytes of the lemma in [`Sentence::lemmas`] (see [`Sentence::lemma`]).
    pub lemma: Range<u32>,
}

/// An analysed sentence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sentence<'m> {
    /// Bytes of the sentence in the text.
    pub span: Range<usize>,
    pub tokens: Vec<Token<'m>>,
    /// Every lemma, one after the other.
    pub lemmas: String,
}

impl Sentence<'_> {
    /// The lemma of a token of this sentence (lowercase except proper nouns and `I`).
    pub fn lemma(&self, t: &Token<'_>) -> &str {
        self.lemmas.get(t.lemma.start as usize..t.lemma.end as usize).unwrap_or("")
    }

    /// Indices of the dependents of token `i`, left to right.
    pub fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.tokens
            .iter()
            .enumerate()
            .filter(move |(_, t)| t.head == Some(i as u32))
            .map(|(j, _)| j)
    }
}

/// Tags and parses sentences with a model. Cheap to share across threads.
#[derive(Debug, Clone, Copy)]
pub struct Analyzer<'m> {
    model: &'m Model,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

static EMBEDDED: OnceLock<Model> = OnceLock::new();

impl Default for Analyzer<'static> {
    fn default() -> Self {
        Self::new()
    }
}

impl Analyzer<'static> {
    /// The analyzer with the embedded EWT model, loaded on first use. Should the embedded model
    /// be unreadable (a build error), every word is tagged `X` and attached to the root.
    pub fn new() -> Self {
        Analyzer { model: EMBEDDED.get_or_init(|| Model::from_static(EN_EWT).unwrap_or_default()) }
    }
}

impl<'m> Analyzer<'m> {
    /// An analyzer with another model (for example one just trained).
    pub fn with_model(model: &'m Model) -> Self {
        Analyzer { model }
    }

    pub fn model(&self) -> &'m Model {
        self.model
    }

    /// Tokenizes, tags and parses the sentence at `range` of `text` (a range from
    /// [`split_sentences`]; any range is accepted, and one that is out of bounds or not on
    /// character boundaries gives an empty sentence).
    pub fn analyze_sentence(&self, text: &str, range: Range<usize>) -> Sentence<'m> {
        let mut spans = Vec::new();
        tokenize(text, range.clone(), &mut spans);
        self.analyze_tokens(text, range, &spans)
    }

    /// The words of the sentence at `range` with their UPOS, tagged but not parsed (a tenth
    /// of the cost of [`Analyzer::analyze_sentence`]), into `out`.
    pub fn tag_sentence(
        &self,
        text: &str,
        range: Range<usize>,
        out: &mut Vec<(Range<usize>, Upos)>,
    ) {
        out.clear();
        let mut spans = Vec::new();
        tokenize(text, range, &mut spans);
        SCRATCH.with_borrow_mut(|s| {
            for chunk in spans.chunks(MAX_TOKENS) {
                let form = |r: &Range<usize>| text.get(r.clone()).unwrap_or("");
                self.model.tag_words(chunk.iter().map(form), s);
                out.extend(chunk.iter().enumerate().map(|(i, r)| {
                    (r.clone(), self.model.tag(s.tags.get(i).copied().unwrap_or(u16::MAX)).0)
                }));
            }
        });
    }

    /// Tags and parses given words (byte ranges into `text`, in order). More than
    /// [`MAX_TOKENS`] words are parsed in pieces of at most that many, each with its own root.
    pub fn analyze_tokens(
        &self,
        text: &str,
        range: Range<usize>,
        spans: &[Range<usize>],
    ) -> Sentence<'m> {
        let mut sentence = Sentence {
            span: range,
            tokens: Vec::with_capacity(spans.len()),
            lemmas: String::new(),
        };
        SCRATCH.with_borrow_mut(|s| {
            for (c, chunk) in spans.chunks(MAX_TOKENS).enumerate() {
                self.analyze_chunk(text, chunk, c * MAX_TOKENS, s, &mut sentence);
            }
        });
        sentence
    }

    fn analyze_chunk(
        &self,
        text: &str,
        spans: &[Range<usize>],
        offset: usize,
        s: &mut Scratch,
        out: &mut Sentence<'m>,
    ) {
        let form = |r: &Range<usize>| text.get(r.clone()).unwrap_or("");
        self.model.annotate(spans.iter().map(form), s);
        let n = spans.len();
        for (i, r) in spans.iter().enumerate() {
            let (upos, xpos) = self.model.tag(s.tags.get(i).copied().unwrap_or(u16::MAX));
            let h = s.state.heads.get(i).copied().unwrap_or(parser::NONE);
            let (head, deprel) = if (h as usize) < n {
                (Some((h as usize + offset) as u32), self.model.label(s.state.labels[i]))
            } else {
                (None, "root")
            };
            let start = out.lemmas.len() as u32;
            self.model.lemmatizer.lemma(form(r), upos.as_str(), xpos, &mut out.lemmas);
            out.tokens.push(Token {
                span: r.clone(),
                upos,
                xpos,
                head,
                deprel,
                lemma: start..out.lemmas.len() as u32,
            });
        }
    }
}
