//! Fact extraction: reads an [`Article`] and returns every [`Fact`] it states about the
//! lexicon's predicates, with byte spans into the original file.

pub mod date;
pub mod number;

use crate::article::Article;
use crate::lexicon::Lexicon;
use crate::model::Fact;

/// Compiled once per lexicon (automata over every name and trigger), then shared by all threads.
#[derive(Debug)]
pub struct Extractor {
    lexicon: Lexicon,
}

impl Extractor {
    pub fn new(lexicon: &Lexicon) -> Self {
        Extractor { lexicon: lexicon.clone() }
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Every fact the article states, in text order.
    pub fn extract(&self, article: &Article) -> Vec<Fact> {
        // Placeholder until extraction lands (issue 3).
        let _ = article;
        Vec::new()
    }
}
