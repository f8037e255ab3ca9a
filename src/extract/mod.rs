//! Fact extraction: reads an [`Article`] and returns every [`Fact`] it states about the
//! lexicon's predicates, with byte spans into the original file.
//!
//! One linear pass: an Aho-Corasick automaton finds every predicate trigger (verb forms, nouns,
//! phrases) in the whole text; only the sentences around those hits are then read
//! ([`tokens`]): their actors ([`names`]), counts ([`number`]) and dates ([`date`]), their
//! dependency parse ([`crate::syntax`], mapped to the tokens by byte overlap), and the roles
//! ([`roles`]). A sentence without a trigger costs nothing but the automaton's scan.
//! [`Extractor::explain`] says which rule filled each part of each fact ([`explain`]).

pub mod context;
pub mod date;
pub mod examples;
pub mod explain;
pub mod names;
pub mod number;
pub mod roles;
pub mod tokens;

use crate::input::Article;
use crate::lexicon::Lexicon;
use crate::model::Fact;

use self::context::{ContextFill, Discourse, Env};
use self::date::DateMatch;
use self::explain::{Explanation, FactExplanation, HitExplanation, Outcome, SentenceExplanation};
use self::names::Automata;
use self::number::NumberMatch;
use self::roles::{Hit, LazyTree, Mention, Sentence, Trace};
use self::tokens::Token;
use crate::syntax;

/// Compiled once per lexicon (automata over every name and trigger), then shared by all threads.
#[derive(Debug)]
pub struct Extractor {
    lexicon: Lexicon,
    automata: Automata,
    analyzer: syntax::Analyzer<'static>,
}

/// Buffers reused from sentence to sentence.
#[derive(Default)]
struct Scratch {
    tokens: Vec<Token>,
    mentions: Vec<Mention>,
    counts: Vec<NumberMatch>,
    all_counts: Vec<NumberMatch>,
    dates: Vec<DateMatch>,
    hits: Vec<Hit>,
    /// The sentence just before the one read, when next to it (else empty): its cue words
    /// count for a cued form.
    before: std::ops::Range<usize>,
}

/// A trigger hit in the whole text.
#[derive(Debug, Clone)]
struct RawHit {
    span: std::ops::Range<usize>,
    pattern: usize,
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

/// The hit is a whole word (or words): no letter or digit touches it on either side.
fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).and_then(|s| s.chars().next_back());
    let after = text.get(end..).and_then(|s| s.chars().next());
    !is_word_char(before) && !is_word_char(after)
}

/// True when the sentence has capital letters and no lower-case ones (a Reuters headline).
fn all_caps(s: &str) -> bool {
    let b = s.as_bytes();
    !b.iter().any(u8::is_ascii_lowercase)
        && b.iter().filter(|c| c.is_ascii_uppercase()).count() >= 3
}

/// Marks `tokens` overlapping each of `spans` with its index.
fn mark(
    tokens: &mut [Token],
    spans: impl Iterator<Item = std::ops::Range<usize>>,
    set: impl Fn(&mut Token, u32),
) {
    let mut t = 0;
    for (i, s) in spans.enumerate() {
        while t < tokens.len() && tokens[t].span.end <= s.start {
            t += 1;
        }
        let mut k = t;
        while k < tokens.len() && tokens[k].span.start < s.end {
            set(&mut tokens[k], i as u32);
            k += 1;
        }
    }
}

fn token_range(tokens: &[Token], span: &std::ops::Range<usize>) -> std::ops::Range<usize> {
    let a = tokens.partition_point(|t| t.span.end <= span.start);
    let b = tokens.partition_point(|t| t.span.start < span.end);
    a..b.max(a)
}

impl Extractor {
    /// Compiles the automata for `lexicon`'s predicates and actors.
    pub fn new(lexicon: &Lexicon) -> Self {
        Extractor {
            lexicon: lexicon.clone(),
            automata: Automata::new(lexicon),
            analyzer: syntax::Analyzer::new(),
        }
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Every fact the article states, in text order.
    pub fn extract(&self, article: &Article) -> Vec<Fact> {
        self.extract_explained(article).0
    }

    /// Why the article gives the facts it gives: for every sentence with a trigger, its parse,
    /// and for every trigger hit its facts (with the rule that filled each part, the discourse
    /// model's fills included) or the reason it gave none. The facts are those of
    /// [`Extractor::extract`].
    pub fn explain(&self, article: &Article) -> Explanation {
        let mut e = Explanation::default();
        let (facts, fills) = self.extract_into(article, &mut Vec::new(), Some(&mut e));
        e.settle(&facts, &fills);
        e
    }

    /// Every fact the article states, in text order, with the parts of them that the
    /// discourse model ([`context`]) filled from earlier sentences (`ContextFill::fact`
    /// indexes the facts).
    pub fn extract_explained(&self, article: &Article) -> (Vec<Fact>, Vec<ContextFill>) {
        self.extract_into(article, &mut Vec::new(), None)
    }

    /// [`Extractor::extract`], and a warning (FC215, [`tokens::FC215`]) for each sentence
    /// with a trigger that was cut at [`tokens::MAX_SENTENCE`] bytes, in text order.
    pub fn extract_noting(&self, article: &Article) -> (Vec<Fact>, Vec<crate::diag::Diagnostic>) {
        let mut cuts = Vec::new();
        let (facts, _) = self.extract_into(article, &mut cuts, None);
        let text = article.text.as_str();
        let notes = cuts
            .into_iter()
            .map(|at: usize| {
                // The last word before the cut.
                let end = text.get(..at).map_or(at, |t| t.trim_end().len());
                let start = text
                    .get(..end)
                    .and_then(|t| t.rfind(char::is_whitespace))
                    .map_or(end, |i| i + 1);
                crate::diag::Diagnostic::warning(
                    tokens::FC215,
                    article.file,
                    start.min(end)..end,
                    format!(
                        "sentence cut at {} bytes: facts across the cut are not read",
                        tokens::MAX_SENTENCE
                    ),
                )
                .with_label("a run this long without a sentence end is cut here")
                .with_note("what follows is read as another sentence")
                .with_help("end the sentences, or check this passage by hand")
            })
            .collect();
        (facts, notes)
    }

    /// The facts and the context fills, with the ends of the sentences cut at
    /// [`tokens::MAX_SENTENCE`] in `cuts`.
    fn extract_into(
        &self,
        article: &Article,
        cuts: &mut Vec<usize>,
        mut explain: Option<&mut Explanation>,
    ) -> (Vec<Fact>, Vec<ContextFill>) {
        let text = article.text.as_str();
        let mut facts = Vec::new();
        let mut raw: Vec<RawHit> = Vec::new();
        let Some(triggers) = &self.automata.triggers else { return (facts, Vec::new()) };
        for m in triggers.find_iter(text) {
            if whole_word(text, m.start(), m.end()) {
                raw.push(RawHit { span: m.start()..m.end(), pattern: m.pattern().as_usize() });
            }
        }
        if raw.is_empty() {
            return (facts, Vec::new());
        }
        let env = Env {
            text,
            lexicon: &self.lexicon,
            names: self.automata.names.as_ref(),
            name_info: &self.automata.name_info,
        };
        let mut discourse = Discourse::default();
        let mut scratch = Scratch::default();
        let mut cursor = 0usize;
        let mut prev_facts = 0..0;
        // The sentence before the one read (for a cue word, `killed` before `among the dead`).
        let mut before = 0..0;
        let mut k = 0;
        while k < raw.len() {
            let p = raw[k].span.start;
            // Start scanning sentences at the end of the last one read, or, far from it, a
            // bounded distance before the hit (at a space, so on a char boundary).
            let mut s = if p.saturating_sub(cursor) <= 2 * tokens::MAX_SENTENCE {
                cursor
            } else {
                let from = p - tokens::MAX_SENTENCE;
                text.get(from..p).and_then(|w| w.find(char::is_whitespace)).map_or(p, |i| from + i)
            };
            s = tokens::skip_space(text, s);
            let (mut e, mut cut) = tokens::sentence_bound(text, s);
            let mut cut_before = None;
            while e <= p && e < text.len() {
                cut_before = cut.then_some(e);
                before = s..e;
                s = tokens::skip_space(text, e);
                (e, cut) = tokens::sentence_bound(text, s);
            }
            // The trigger's sentence starts or ends at a cut: say so, once a cut.
            for at in cut_before.into_iter().chain(cut.then_some(e)) {
                if cuts.last().is_none_or(|&l| l < at) {
                    cuts.push(at);
                }
            }
            let s = s.min(p);
            let e = e.max(raw[k].span.end).min(text.len());
            let mut j = k;
            while j < raw.len() && raw[j].span.start < e {
                j += 1;
            }
            // A trigger running past the sentence end (a wrapped phrase) ends it there.
            let e = raw[k..j].iter().map(|h| h.span.end).max().unwrap_or(e).max(e);
            let first_new = facts.len();
            let adjoins = text.get(before.end..s).is_some_and(|g| g.trim().is_empty());
            scratch.before =
                if adjoins && before.end > before.start { before.clone() } else { s..s };
            let mut trace = explain.is_some().then(|| (Trace::default(), Vec::new()));
            self.sentence(article, s..e, &raw[k..j], &mut scratch, &mut facts, trace.as_mut());
            // `... 21 Russian diplomats. Belgium expelled 21.`: a count with no object takes the
            // object of the same predicate in the sentence just before.
            let adjacent = text.get(cursor..s).is_some_and(|g| g.len() < 8 && g.trim().is_empty());
            if adjacent && prev_facts.start < prev_facts.end {
                carry_objects(&mut facts, prev_facts.clone(), first_new);
            }
            if let (Some(ex), Some((trace, words))) = (explain.as_deref_mut(), trace) {
                ex.sentences.push(self.explain_sentence(
                    s..e,
                    &scratch,
                    trace,
                    words,
                    first_new,
                    &facts[first_new..],
                ));
            }
            discourse.sentence(&env, s..e, &scratch.tokens, &scratch.dates, &mut facts, first_new);
            prev_facts = first_new..facts.len();
            before = s..e;
            cursor = e;
            k = j;
        }
        (facts, discourse.fills)
    }

    fn sentence(
        &self,
        article: &Article,
        span: std::ops::Range<usize>,
        raw: &[RawHit],
        sc: &mut Scratch,
        out: &mut Vec<Fact>,
        trace: Option<&mut (Trace, Vec<explain::Word>)>,
    ) {
        let text = article.text.as_str();
        let Some(sent) = text.get(span.clone()) else { return };
        let base = span.start;
        sc.tokens.clear();
        sc.mentions.clear();
        sc.counts.clear();
        sc.all_counts.clear();
        sc.dates.clear();
        sc.hits.clear();
        tokens::tokenize(text, span.clone(), &mut sc.tokens);

        // Actors: case-sensitive, unless the whole sentence is in capitals.
        let ac = if all_caps(sent) { &self.automata.names_folded } else { &self.automata.names };
        let names = ac.iter().flat_map(|ac| ac.find_iter(sent));
        for m in names {
            let (a, b) = (base + m.start(), base + m.end());
            if !whole_word(text, a, b) {
                continue;
            }
            let Some(info) = self.automata.name_info.get(m.pattern().as_usize()) else { continue };
            if raw.iter().any(|h| h.span.start < b && a < h.span.end) {
                continue;
            }
            let toks = token_range(&sc.tokens, &(a..b));
            sc.mentions.push(Mention { span: a..b, actor: info.actor, kind: info.kind, toks });
        }

        // Dates first, then counts that are not part of a date or a name.
        // A date anaphor (`That year, ...`) takes the last date stated before the sentence.
        let anchor =
            if date::has_date_anaphor(sent) { last_date_before(text, base, article) } else { None };
        date::scan_dates_after(sent, article.dateline, date::Lean::Clause, anchor, &mut sc.dates);
        for d in &mut sc.dates {
            d.span = base + d.span.start..base + d.span.end;
        }
        number::scan_counts(sent, &mut sc.all_counts);
        for c in sc.all_counts.drain(..) {
            let cs = base + c.span.start..base + c.span.end;
            let overlaps = |s: &std::ops::Range<usize>| s.start < cs.end && cs.start < s.end;
            if sc.dates.iter().any(|d| overlaps(&d.span))
                || sc.mentions.iter().any(|m| overlaps(&m.span))
                || raw.iter().any(|h| overlaps(&h.span))
            {
                continue;
            }
            sc.counts.push(NumberMatch { span: cs, quantity: c.quantity });
        }

        for h in raw {
            let Some(&trigger) = self.automata.trigger_info.get(h.pattern) else { continue };
            let toks = token_range(&sc.tokens, &h.span);
            sc.hits.push(Hit { span: h.span.clone(), trigger, toks });
        }
        mark(&mut sc.tokens, sc.mentions.iter().map(|m| m.span.clone()), |t, i| t.actor = Some(i));
        mark(&mut sc.tokens, sc.counts.iter().map(|m| m.span.clone()), |t, i| t.count = Some(i));
        mark(&mut sc.tokens, sc.dates.iter().map(|m| m.span.clone()), |t, i| t.date = Some(i));
        mark(&mut sc.tokens, sc.hits.iter().map(|m| m.span.clone()), |t, i| t.trigger = Some(i));

        let trimmed = sent.trim_end();
        // A `counted` form without its noun (`took place`) is no trigger at all: drop it, so
        // that it neither ends a clause nor stands between a verb and its object.
        if sc.hits.iter().any(|h| h.trigger.counted) {
            let idle = self.view(article, base..base + trimmed.len(), sc, None).idle_counted();
            if idle.iter().any(|&b| b) {
                let mut i = 0;
                sc.hits.retain(|_| {
                    i += 1;
                    !idle.get(i - 1).copied().unwrap_or(false)
                });
                for t in &mut sc.tokens {
                    t.trigger = None;
                }
                mark(&mut sc.tokens, sc.hits.iter().map(|m| m.span.clone()), |t, i| {
                    t.trigger = Some(i)
                });
            }
        }
        // Parsed on first use, by a verb trigger whose window rules left a part open.
        let tree = LazyTree::new(self.analyzer, span.clone());
        let s = self.view(article, base..base + trimmed.len(), sc, Some(tree));
        match trace {
            Some((trace, words)) => {
                s.facts(out, Some(trace));
                // An explanation shows every trigger sentence's parse.
                if let Some(t) = s.tree() {
                    words.extend(t.parse.tokens.iter().map(|t| explain::Word {
                        span: t.span.clone(),
                        upos: t.upos,
                        deprel: t.deprel,
                        head: t.head,
                    }));
                }
            }
            None => s.facts(out, None),
        }
    }

    /// The roles' view of the sentence at `span` just read into `sc`.
    fn view<'s>(
        &'s self,
        article: &'s Article,
        span: std::ops::Range<usize>,
        sc: &'s Scratch,
        tree: Option<LazyTree<'s>>,
    ) -> Sentence<'s> {
        Sentence {
            text: article.text.as_str(),
            file: article.file,
            span,
            before: sc.before.clone(),
            tokens: &sc.tokens,
            mentions: &sc.mentions,
            counts: &sc.counts,
            dates: &sc.dates,
            hits: &sc.hits,
            lexicon: &self.lexicon,
            tree,
        }
    }

    /// The explanation of one sentence just read: its parse, and each hit's facts or reason.
    fn explain_sentence(
        &self,
        span: std::ops::Range<usize>,
        sc: &Scratch,
        trace: Trace,
        words: Vec<explain::Word>,
        first: usize,
        facts: &[Fact],
    ) -> SentenceExplanation {
        let mut hits: Vec<HitExplanation> = sc
            .hits
            .iter()
            .map(|h| HitExplanation {
                span: h.span.clone(),
                predicate: h.trigger.predicate,
                outcome: Outcome::Facts(Vec::new()),
            })
            .collect();
        for (i, ((h, mut parts), fact)) in trace.facts.into_iter().zip(facts).enumerate() {
            // The object carried from the sentence before.
            if !fact.object.is_empty() && !parts.iter().any(|p| p.part == explain::Part::Object) {
                parts.push(explain::Fill {
                    part: explain::Part::Object,
                    source: explain::Source::PreviousSentence("object of the same predicate"),
                    span: fact.object_span.clone(),
                });
            }
            if let Some(HitExplanation { outcome: Outcome::Facts(v), .. }) = hits.get_mut(h) {
                v.push(FactExplanation { index: first + i, fact: fact.clone(), parts });
            }
        }
        for (h, why) in trace.skipped {
            if let Some(hit) = hits.get_mut(h)
                && matches!(&hit.outcome, Outcome::Facts(v) if v.is_empty())
            {
                hit.outcome = Outcome::Skipped(why);
            }
        }
        SentenceExplanation { span, words, hits }
    }
}

/// Gives facts `from..` of one sentence with a subject and a count but no object the object of
/// the one fact of the same predicate in `prev` (the sentence before) that has one, unless that
/// object is among their subjects.
fn carry_objects(facts: &mut [Fact], prev: std::ops::Range<usize>, from: usize) {
    let (earlier, later) = facts.split_at_mut(from);
    let Some(prev) = earlier.get(prev) else { return };
    for f in later.iter_mut() {
        if f.negated || f.subject.is_empty() || f.quantity.is_none() || !f.object.is_empty() {
            continue;
        }
        let mut with_object =
            prev.iter().filter(|p| p.predicate == f.predicate && !p.object.is_empty());
        let (Some(p), None) = (with_object.next(), with_object.next()) else { continue };
        if p.object.iter().any(|a| f.subject.contains(a)) {
            continue;
        }
        f.object = p.object.clone();
        f.object_span = p.object_span.clone();
    }
}

/// The last day, month or year stated in the [`context::MAX_GAP`] bytes of `text` before
/// `end`, for a date anaphor (`that year`); read only when a sentence has one.
fn last_date_before(
    text: &str,
    end: usize,
    article: &Article,
) -> Option<crate::model::PartialDate> {
    let mut start = end.saturating_sub(context::MAX_GAP);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let mut found = Vec::new();
    date::scan_dates_lean(text.get(start..end)?, article.dateline, date::Lean::Clause, &mut found);
    found.iter().rev().find_map(|m| match m.date {
        crate::model::DateSpec::On(d) => Some(d),
        _ => None,
    })
}
