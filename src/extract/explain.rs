//! Why the extractor read what it read: for each sentence with a trigger, its parse, and for
//! each trigger hit either the facts it gave, with the rule that filled each part, or the
//! reason it gave none. Built by [`super::Extractor::explain`]; `factcheck extract --explain`
//! renders it. Data only: the library never prints.

use super::context::ContextFill;
use crate::model::{Fact, PredicateId, Span};
use crate::syntax::Upos;

/// Every sentence of an article that holds a trigger.
#[derive(Debug, Clone, Default)]
pub struct Explanation {
    pub sentences: Vec<SentenceExplanation>,
}

impl Explanation {
    /// Brings the facts up to the article's final ones (`facts`, after the discourse model's
    /// fills, which may reach back to earlier sentences) and records each fill as the part's
    /// source.
    pub(super) fn settle(&mut self, facts: &[Fact], fills: &[ContextFill]) {
        for s in &mut self.sentences {
            for h in &mut s.hits {
                let Outcome::Facts(v) = &mut h.outcome else { continue };
                for fe in v {
                    if let Some(f) = facts.get(fe.index) {
                        fe.fact = f.clone();
                    }
                    for fill in fills.iter().filter(|c| c.fact == fe.index) {
                        let part = fill.part;
                        let new = Fill {
                            part,
                            source: Source::Context(fill.rule),
                            span: Some(fill.from.clone()),
                        };
                        match fe.parts.iter_mut().find(|p| p.part == part) {
                            Some(p) => *p = new,
                            None => fe.parts.push(new),
                        }
                    }
                }
            }
        }
    }
}

/// One sentence: its parse and its trigger hits.
#[derive(Debug, Clone, Default)]
pub struct SentenceExplanation {
    pub span: Span,
    pub words: Vec<Word>,
    pub hits: Vec<HitExplanation>,
}

/// One word of the parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub span: Span,
    pub upos: Upos,
    /// UD relation to the head (`root` for the root).
    pub deprel: &'static str,
    /// Index of the head among the sentence's words.
    pub head: Option<u32>,
}

/// One trigger hit.
#[derive(Debug, Clone)]
pub struct HitExplanation {
    pub span: Span,
    pub predicate: PredicateId,
    pub outcome: Outcome,
}

/// What came of a hit.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// The facts it gave.
    Facts(Vec<FactExplanation>),
    /// Why it gave none.
    Skipped(Skip),
}

/// A fact and where each of its parts came from.
#[derive(Debug, Clone)]
pub struct FactExplanation {
    /// The fact's place among the article's facts ([`super::Extractor::extract`]).
    pub index: usize,
    pub fact: Fact,
    pub parts: Vec<Fill>,
}

/// One part of a fact, the rule that filled it and the text it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fill {
    pub part: Part,
    pub source: Source,
    pub span: Option<Span>,
}

/// The parts of a fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Subject,
    Quantity,
    Object,
    Date,
    Negation,
}

impl Part {
    pub fn name(self) -> &'static str {
        match self {
            Part::Subject => "subject",
            Part::Quantity => "quantity",
            Part::Object => "object",
            Part::Date => "date",
            Part::Negation => "negation",
        }
    }
}

/// Which rule filled a part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A window rule over the tokens around the trigger (`roles::{agents, items, clause}`).
    Window(&'static str),
    /// A rule over the dependency tree (`roles::tree`).
    Tree(&'static str),
    /// The sentence before (`... 21 Russian diplomats. Belgium expelled 21.`).
    PreviousSentence(&'static str),
    /// Filled from the article's discourse context (headline, earlier sentences): the place of
    /// the context model's fills (`extract::context`).
    Context(&'static str),
}

impl Source {
    /// `window`, `tree`, `previous sentence` or `context`, and the rule's name.
    pub fn parts(self) -> (&'static str, &'static str) {
        match self {
            Source::Window(r) => ("window", r),
            Source::Tree(r) => ("tree", r),
            Source::PreviousSentence(r) => ("previous sentence", r),
            Source::Context(r) => ("context", r),
        }
    }
}

/// Why a trigger hit gave no fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skip {
    /// The sentence is a question.
    Question,
    /// A cued form (`died`) without a cue word in the sentence.
    NoCue,
    /// In a conditional clause (`if`, `unless`, `whether`).
    Hypothetical,
    /// Modality or a request (`could`, `threatened to`, `called for`, `urged X to`).
    Modality,
    /// A noun trigger that is the subject of a modal (`expulsions would invite ...`).
    ModalNoun,
    /// A participle used as an adjective (`the expelled diplomats`).
    Adjective,
    /// A noun trigger modifying another noun (`sanctions evasion`, `arrest warrant`).
    Modifier,
    /// A verb form read as a noun after a determiner or preposition (`over charges of`).
    NounUse,
    /// One of the predicate's `except` phrases follows the form and its object (`charged
    /// Cuba with responsibility`).
    Except,
    /// No agent, count, denial or object was found.
    NoRoles,
    /// Another fact of the sentence says the same more fully.
    Subsumed,
}

impl Skip {
    pub fn describe(self) -> &'static str {
        match self {
            Skip::Question => "the sentence is a question",
            Skip::NoCue => "a cued form without a cue word in the sentence",
            Skip::Hypothetical => "in a conditional clause (if, unless, whether)",
            Skip::Modality => "modality or a request (could, threatened to, called for, urged)",
            Skip::ModalNoun => "the noun is the subject of a modal (would, could)",
            Skip::Adjective => "a participle used as an adjective",
            Skip::Modifier => "the noun modifies another noun (sanctions evasion, arrest warrant)",
            Skip::NounUse => "a verb form used as a noun after a determiner or preposition",
            Skip::Except => "an `except` phrase of the predicate follows: another sense",
            Skip::NoRoles => "no agent, count, denial or object found",
            Skip::Subsumed => "another fact of the sentence says it more fully",
        }
    }
}
