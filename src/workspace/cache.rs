//! What one check run can hand to the next (the language server analyses the workspace again
//! on every keystroke): the extractor, kept while the lexicon is the same (rule and claim-file
//! declarations unchanged), and each article's facts, kept while its text, format and date are
//! the same. A changed lexicon drops both. The counters say what was reused, for tests and
//! logs.
//!
//! [`extract`] is the extraction step of [`super::pipeline`] without a cache: every article in
//! parallel.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::diag::Diagnostic;
use crate::extract::Extractor;
use crate::input::{Article, Format};
use crate::lexicon::Lexicon;
use crate::model::{Fact, PartialDate};
use crate::source::{FileId, SourceMap};

/// One article to extract: its file in the run's source map, format and date.
pub type ArticleRef = (FileId, Format, Option<PartialDate>);

/// An article's facts and its invalid dateline (FC212), if any.
pub type Extracted = (Vec<Fact>, Option<Diagnostic>);

/// Extracts every article, in parallel, calling `tick` after each.
pub fn extract(
    extractor: &Extractor,
    sources: &SourceMap,
    articles: &[ArticleRef],
    tick: &(dyn Fn() + Sync),
) -> Vec<Extracted> {
    articles
        .par_iter()
        .map(|&(id, format, date)| {
            let text = &sources.get(id).text;
            let article = Article::prepare(id, text, format, date);
            let facts = extractor.extract(&article);
            tick();
            (facts, article.dateline_diagnostic(text))
        })
        .collect()
}

/// An article as last extracted.
#[derive(Debug)]
struct Entry {
    text: String,
    format: Format,
    date: Option<PartialDate>,
    extracted: Extracted,
}

/// How often the cache was used (since it was made).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counters {
    /// Extractors compiled (the lexicon was new or had changed).
    pub extractors_built: usize,
    /// Articles whose facts were reused, and articles extracted.
    pub articles_reused: usize,
    pub articles_extracted: usize,
}

/// The extractor and the articles' facts of the last run, by article name.
#[derive(Debug, Default)]
pub struct Cache {
    extractor: Option<Extractor>,
    articles: HashMap<String, Entry>,
    pub counters: Counters,
}

impl Cache {
    /// The extractor for `lexicon`: the last one when its lexicon is the same, else a new one
    /// (and the articles' facts, which name the old lexicon's ids, are dropped).
    pub fn extractor(&mut self, lexicon: &Lexicon) -> &Extractor {
        let same = self.extractor.as_ref().is_some_and(|e| e.lexicon() == lexicon);
        if !same {
            self.articles.clear();
            self.counters.extractors_built += 1;
            self.extractor = None;
        }
        self.extractor.get_or_insert_with(|| Extractor::new(lexicon))
    }

    /// [`extract`] with the facts of articles whose name, text, format and date are those of
    /// the last run taken from the cache (their file ids set to this run's); the others are
    /// extracted, in parallel, and kept. Articles not in this run are forgotten.
    pub fn extract(
        &mut self,
        lexicon: &Lexicon,
        sources: &SourceMap,
        articles: &[ArticleRef],
        tick: &(dyn Fn() + Sync),
    ) -> Vec<Extracted> {
        self.extractor(lexicon);
        let mut old = std::mem::take(&mut self.articles);
        let mut out: Vec<Option<Extracted>> = Vec::with_capacity(articles.len());
        let mut missing = Vec::new();
        for (i, &(id, format, date)) in articles.iter().enumerate() {
            let file = sources.get(id);
            let hit = old
                .remove(&file.name)
                .filter(|e| e.text == file.text && e.format == format && e.date == date);
            match hit {
                Some(e) => {
                    out.push(Some(renumber(&e.extracted, id)));
                    self.articles.insert(file.name.clone(), e);
                    tick();
                }
                None => {
                    out.push(None);
                    missing.push(i);
                }
            }
        }
        self.counters.articles_reused += articles.len() - missing.len();
        self.counters.articles_extracted += missing.len();
        let todo: Vec<ArticleRef> =
            missing.iter().filter_map(|&i| articles.get(i)).copied().collect();
        let fresh = match &self.extractor {
            Some(extractor) => extract(extractor, sources, &todo, tick),
            None => Vec::new(),
        };
        for ((i, (id, format, date)), extracted) in missing.into_iter().zip(todo).zip(fresh) {
            let file = sources.get(id);
            let entry = Entry { text: file.text.clone(), format, date, extracted };
            if let Some(slot) = out.get_mut(i) {
                *slot = Some(renumber(&entry.extracted, id));
            }
            self.articles.insert(file.name.clone(), entry);
        }
        out.into_iter().map(Option::unwrap_or_default).collect()
    }
}

/// Facts and a diagnostic of one article, with their file id set to `id`.
fn renumber((facts, diagnostic): &Extracted, id: FileId) -> Extracted {
    let facts = facts.iter().map(|f| Fact { file: id, ..f.clone() }).collect();
    let diagnostic = diagnostic.clone().map(|mut d| {
        d.primary.file = id;
        for l in &mut d.secondary {
            l.file = id;
        }
        d
    });
    (facts, diagnostic)
}
