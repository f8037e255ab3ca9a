//! Roles read from the dependency tree of the sentence ([`crate::syntax`]): what the parse says
//! about a verb trigger, used where it gives a specific answer the window rules lack.
//!
//! For a verb trigger `v` (the word of the hit the parse heads it with):
//! - **agent**: the `nsubj` of an active `v`; the `obl` with case `by` (or `obl:agent`) of a
//!   passive one (`was detained by Turkish police`); with no subject of its own, the subject of
//!   the verb it is a conjunct or `xcomp` of (`Poland arrested three and expelled two`,
//!   `decided to expel`); a relative pronoun stands for the noun the clause modifies (`the
//!   police, who arrested 12`).
//! - **patient**: the `nsubj:pass` of a passive `v`, its `obj` when active, the noun a reduced
//!   relative modifies (`17 diplomats expelled by ...`); for a conjunct with no patient of its
//!   own, its `nsubj` (`had been killed and 540 hurt`). Its count: the patient as a number, or
//!   its `nummod`; its nationality: an `amod`/`compound` demonym or name, or an `nmod:poss`.
//! - **place**: an `obl` of `v` whose case is one of the predicate's object prepositions.
//! - **attribution**: `v` inside the `ccomp`/`parataxis` of a speech verb (`said`, `told`):
//!   that verb's subject is the source; for a predicate whose speaker is the source it is never
//!   the agent, and the speech verb's date is the event's when `v` has none.
//! - **date**: a date among the words `v` heads (`obl:tmod`, `obl` + `on`), else the governing
//!   speech verb's.
//!
//! A demonym alone is an agent only on an agent noun (`Turkish police`, `Russian forces`).

use super::*;
use crate::syntax;

/// No word.
const NONE: u32 = u32::MAX;

/// What the tree says about one verb trigger; indices into the sentence's mentions and counts.
#[derive(Debug, Clone, Default)]
pub(super) struct TreeRoles {
    pub agent: Option<Group>,
    /// The agent came from the verb this one is coordinated with (an ellipsis).
    pub agent_shared: bool,
    pub count: Option<usize>,
    pub nationality: Option<usize>,
    pub place: Option<usize>,
    pub passive: bool,
    /// Mentions the governing speech verb's subject covers (the source, never the agent of a
    /// predicate whose speaker is the source).
    pub speaker: Option<Range<usize>>,
    pub date: Option<usize>,
}

/// A sentence's parse, made on first use ([`Sentence::tree`]): only a sentence where the window
/// rules leave something open is parsed, and only once its tags (a tenth of the cost) show the
/// trigger used as a verb (`a pre-tax charge`, `radio stations` are not parsed).
pub struct LazyTree<'a> {
    pub analyzer: syntax::Analyzer<'static>,
    pub span: Range<usize>,
    pub cell: std::cell::OnceCell<Parsed>,
    pub tags: std::cell::OnceCell<Vec<(Range<usize>, syntax::Upos)>>,
    _marker: std::marker::PhantomData<&'a ()>,
}

impl LazyTree<'_> {
    pub fn new(analyzer: syntax::Analyzer<'static>, span: Range<usize>) -> Self {
        LazyTree {
            analyzer,
            span,
            cell: std::cell::OnceCell::new(),
            tags: std::cell::OnceCell::new(),
            _marker: Default::default(),
        }
    }
}

/// A parse and its maps to the extractor's tokens (both in text order, by byte overlap).
pub struct Parsed {
    pub parse: syntax::Sentence<'static>,
    pub syn_of_tok: Vec<u32>,
    pub tok_of_syn: Vec<u32>,
}

impl Parsed {
    fn new(
        text: &str,
        tokens: &[Token],
        analyzer: &syntax::Analyzer<'static>,
        span: Range<usize>,
    ) -> Self {
        let parse = analyzer.analyze_sentence(text, span);
        let words = &parse.tokens;
        let syn_of_tok = first_overlaps(tokens.iter().map(|t| &t.span), words, |w| &w.span);
        let tok_of_syn = first_overlaps(words.iter().map(|w| &w.span), tokens, |t| &t.span);
        Parsed { parse, syn_of_tok, tok_of_syn }
    }
}

/// For each span of `from`, the index of the first item of `to` it overlaps (`NONE` for none);
/// both in text order, so one forward walk.
fn first_overlaps<'s, T>(
    from: impl Iterator<Item = &'s Range<usize>>,
    to: &[T],
    span: impl Fn(&T) -> &Range<usize>,
) -> Vec<u32> {
    let mut j = 0;
    from.map(|s| {
        while j < to.len() && span(&to[j]).end <= s.start {
            j += 1;
        }
        let hit = to.get(j).is_some_and(|x| span(x).start < s.end);
        if hit { j as u32 } else { NONE }
    })
    .collect()
}

/// The parse of a sentence and its maps to the extractor's tokens.
#[derive(Clone, Copy)]
pub struct Tree<'a> {
    pub parse: &'a syntax::Sentence<'static>,
    /// For each extractor token, the first parse word it overlaps (or `u32::MAX`).
    pub syn_of_tok: &'a [u32],
    /// For each parse word, the first extractor token it overlaps (or `u32::MAX`).
    pub tok_of_syn: &'a [u32],
}

impl<'a> Tree<'a> {
    fn len(&self) -> usize {
        self.parse.tokens.len()
    }

    fn rel(&self, i: usize) -> &'static str {
        self.parse.tokens.get(i).map_or("", |t| t.deprel)
    }

    fn head(&self, i: usize) -> Option<usize> {
        self.parse.tokens.get(i)?.head.map(|h| h as usize)
    }

    fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.parse.children(i)
    }

    fn child(&self, i: usize, rels: &[&str]) -> Option<usize> {
        self.children(i).find(|&c| rels.contains(&self.rel(c)))
    }
}

impl<'a> Sentence<'a> {
    /// The parse of the sentence, made now if not yet (`None` when parsing is off).
    pub fn tree(&self) -> Option<Tree<'_>> {
        let lazy = self.tree.as_ref()?;
        let p = lazy
            .cell
            .get_or_init(|| Parsed::new(self.text, self.tokens, &lazy.analyzer, lazy.span.clone()));
        Some(Tree { parse: &p.parse, syn_of_tok: &p.syn_of_tok, tok_of_syn: &p.tok_of_syn })
    }

    /// Whether a word inside `span` is tagged a verb (or auxiliary): from the parse when the
    /// sentence has one, else from its tags alone. Without a tree, no.
    pub(super) fn verb_within(&self, span: &Range<usize>) -> bool {
        let Some(lazy) = self.tree.as_ref() else { return false };
        let inside = |r: &Range<usize>| r.start < span.end && span.start < r.end;
        let verb = |u: syntax::Upos| matches!(u, syntax::Upos::Verb | syntax::Upos::Aux);
        if let Some(p) = lazy.cell.get() {
            return p.parse.tokens.iter().any(|w| inside(&w.span) && verb(w.upos));
        }
        let tags = lazy.tags.get_or_init(|| {
            let mut v = Vec::new();
            lazy.analyzer.tag_sentence(self.text, lazy.span.clone(), &mut v);
            v
        });
        tags.iter().any(|(r, u)| inside(r) && verb(*u))
    }

    fn syn_word(&self, t: &Tree<'_>, i: usize) -> &'a str {
        t.parse.tokens.get(i).and_then(|w| self.text.get(w.span.clone())).unwrap_or("")
    }

    fn lemma_is(&self, t: &Tree<'_>, i: usize, list: &[&str]) -> bool {
        t.parse.tokens.get(i).is_some_and(|w| one_of(t.parse.lemma(w), list))
    }

    /// The extractor token of parse word `i`.
    fn tok(&self, t: &Tree<'_>, i: usize) -> Option<usize> {
        t.tok_of_syn.get(i).copied().filter(|&k| k != NONE).map(|k| k as usize)
    }

    /// The parse word heading the hit: among the words its span covers, the one whose head is
    /// outside it.
    pub(super) fn trigger_node(&self, t: &Tree<'_>, hit: &Hit) -> Option<usize> {
        let inside = |i: usize| {
            t.parse
                .tokens
                .get(i)
                .is_some_and(|w| w.span.start < hit.span.end && hit.span.start < w.span.end)
        };
        let first = (hit.toks.start..hit.toks.end)
            .filter_map(|k| t.syn_of_tok.get(k).copied())
            .find(|&s| s != NONE)? as usize;
        let mut i = first;
        let mut best = first;
        while i < t.len() && inside(i) {
            if t.head(i).is_none_or(|h| !inside(h)) {
                best = i;
                break;
            }
            i += 1;
        }
        Some(best)
    }

    /// The mention at parse word `i`, or (for a common noun) a name or demonym that modifies
    /// it, a demonym only on an agent noun (`Turkish police`).
    fn actor_node(&self, t: &Tree<'_>, i: usize, agent: bool) -> Option<usize> {
        if let Some(m) = self.tok(t, i).and_then(|k| self.mention_at(k)) {
            let demonym = self.mentions.get(m)?.kind == NameKind::Demonym;
            if !demonym || !agent {
                return Some(m);
            }
        }
        let noun = self.syn_word(t, i);
        let agent_noun = one_of(noun, AGENT_NOUNS) || one_of(noun, FORCES);
        for c in t.children(i) {
            let r = t.rel(c);
            if !matches!(r, "amod" | "compound" | "nmod:poss" | "flat") {
                continue;
            }
            let Some(m) = self.tok(t, c).and_then(|k| self.mention_at(k)) else { continue };
            // An agent is named by a modifier only on an agent noun (`Turkish police`).
            if !agent || agent_noun {
                return Some(m);
            }
        }
        None
    }

    /// The actors of the noun phrase headed by parse word `i` and its conjuncts.
    fn group_node(&self, t: &Tree<'_>, i: usize) -> Option<Group> {
        let m = self.actor_node(t, i, true)?;
        let men = self.mentions.get(m)?;
        let mut g = Group {
            actors: vec![men.actor],
            span: Some(men.span.clone()),
            first_tok: men.toks.start,
        };
        for c in t.children(i).filter(|&c| t.rel(c) == "conj") {
            let Some(cm) = self.actor_node(t, c, true).and_then(|m| self.mentions.get(m)) else {
                continue;
            };
            if !g.actors.contains(&cm.actor) {
                g.actors.push(cm.actor);
            }
            if let Some(s) = g.span.as_mut() {
                s.start = s.start.min(cm.span.start);
                s.end = s.end.max(cm.span.end);
            }
            g.first_tok = g.first_tok.min(cm.toks.start);
        }
        g.actors.sort();
        Some(g)
    }

    /// The count of the noun phrase headed by parse word `i`: the word itself or its `nummod`.
    fn count_node(&self, t: &Tree<'_>, i: usize) -> Option<usize> {
        let own = |j: usize| {
            self.tok(t, j)
                .and_then(|k| self.tokens.get(k)?.count)
                .map(|c| c as usize)
                .filter(|&c| !self.is_unit_count(c))
        };
        // `The England international, 24, was hurt`: a bare figure set off by commas is an age
        // or an aside, not the count of the phrase.
        let aside = |j: usize| {
            let mark =
                |k: Option<usize>| matches!(k.and_then(|k| self.punct(k)), Some(',' | '(' | ')'));
            self.tok(t, j).is_some_and(|k| mark(k.checked_sub(1)) && mark(Some(k + 1)))
        };
        own(i)
            .filter(|_| !aside(i))
            .or_else(|| t.children(i).filter(|&c| t.rel(c) == "nummod").find_map(own))
    }

    /// The nationality of the people of the noun phrase at `i`: a modifying name or demonym.
    fn nationality_node(&self, t: &Tree<'_>, i: usize) -> Option<usize> {
        if t.parse.tokens.get(i)?.upos != syntax::Upos::Num
            && let Some(m) = self.tok(t, i).and_then(|k| self.mention_at(k))
        {
            return Some(m);
        }
        t.children(i)
            .filter(|&c| matches!(t.rel(c), "amod" | "compound" | "nmod:poss"))
            .find_map(|c| self.tok(t, c).and_then(|k| self.mention_at(k)))
    }

    /// The actor after one of `preps` among the `obl`/`nmod` dependents of `i`.
    fn place_node(&self, t: &Tree<'_>, i: usize, preps: &[String]) -> Option<usize> {
        t.children(i).filter(|&c| matches!(t.rel(c), "obl" | "nmod")).find_map(|c| {
            let case = t.child(c, &["case"])?;
            let w = self.syn_word(t, case);
            if !preps.iter().any(|p| p.eq_ignore_ascii_case(w)) {
                return None;
            }
            let m = self.actor_node(t, c, false)?;
            (self.mentions.get(m)?.kind != NameKind::Demonym).then_some(m)
        })
    }

    /// A date among the words `i` heads directly or through `obl`.
    fn date_node(&self, t: &Tree<'_>, i: usize) -> Option<usize> {
        t.children(i).filter(|&c| matches!(t.rel(c), "obl" | "obl:tmod" | "nmod:tmod")).find_map(
            |c| {
                let k = self.tok(t, c)?;
                let d = self.tokens.get(k)?.date? as usize;
                (!self.is_dateline(d)).then_some(d)
            },
        )
    }

    fn is_passive(&self, t: &Tree<'_>, v: usize) -> bool {
        t.child(v, &["nsubj:pass", "aux:pass"]).is_some()
    }

    /// What the tree says about the verb trigger `hit`.
    pub(super) fn tree_roles(
        &self,
        hit: &Hit,
        preps: &[String],
        counts: &[String],
    ) -> Option<TreeRoles> {
        // The roles below are a verb's: a trigger the tagger reads as a noun needs no parse.
        if !self.verb_within(&hit.span) {
            return None;
        }
        let t = &self.tree()?;
        let v = self.trigger_node(t, hit)?;
        let up = t.parse.tokens.get(v)?.upos;
        if !matches!(up, syntax::Upos::Verb | syntax::Upos::Aux) {
            return None;
        }
        let mut r = TreeRoles { passive: self.is_passive(t, v), ..TreeRoles::default() };
        let rel = t.rel(v);
        // The verb this one shares its subject with (coordination, `decided to expel`).
        let shared = if matches!(rel, "conj" | "xcomp") { t.head(v) } else { None };
        let relative =
            |n: usize| one_of(self.syn_word(t, n), &["who", "which", "that"]) && rel == "acl:relcl";
        // Agent.
        let agent_node = if r.passive {
            t.children(v).find(|&c| {
                t.rel(c) == "obl:agent"
                    || (t.rel(c) == "obl"
                        && t.child(c, &["case"])
                            .is_some_and(|k| self.syn_word(t, k).eq_ignore_ascii_case("by")))
            })
        } else {
            // Two subjects of one verb: a broken parse, no agent from it.
            let subjects = t.children(v).filter(|&c| t.rel(c) == "nsubj").count();
            match t.child(v, &["nsubj"]) {
                Some(_) if subjects > 1 => None,
                Some(n) if relative(n) => t.head(v),
                Some(n) => Some(n),
                None => shared.filter(|&h| !self.is_passive(t, h)).and_then(|h| {
                    r.agent_shared = true;
                    t.child(h, &["nsubj"])
                }),
            }
        };
        r.agent = agent_node.and_then(|n| self.group_node(t, n));
        // Patient.
        let patient = if r.passive {
            match t.child(v, &["nsubj:pass"]) {
                Some(n) if relative(n) => t.head(v),
                Some(n) => Some(n),
                None => shared.and_then(|h| t.child(h, &["nsubj:pass"])),
            }
        } else if rel == "acl" && t.child(v, &["mark"]).is_none() {
            // `the four vehicles sent by Australia`; not `after injuring his calf`.
            t.head(v)
        } else {
            t.child(v, &["obj"])
        };
        // `78 million messages are sent`: a patient that is a common noun the predicate does
        // not count (`counts` in its rule) is not the event's.
        let counted = |p: usize| {
            counts.is_empty()
                || t.parse.tokens.get(p).is_none_or(|w| w.upos != syntax::Upos::Noun)
                || counts.iter().any(|c| c.eq_ignore_ascii_case(self.syn_word(t, p)))
        };
        if let Some(p) = patient.filter(|&p| counted(p)) {
            r.count = self.count_node(t, p);
            r.nationality = self.nationality_node(t, p);
            // `29 Chadian soldiers were killed and 58 wounded`: the elided noun's nationality.
            if r.nationality.is_none()
                && rel == "conj"
                && t.parse.tokens.get(p).is_some_and(|w| w.upos == syntax::Upos::Num)
                && let Some(hp) = shared.and_then(|h| t.child(h, &["nsubj:pass", "nsubj", "obj"]))
            {
                r.nationality = self.nationality_node(t, hp);
            }
        }

        r.place = self.place_node(t, v, preps);
        // Attribution: up through conjuncts and clausal complements to a speech verb.
        let mut c = v;
        let mut steps = 0;
        r.date = self.date_node(t, v);
        while steps < 4 {
            steps += 1;
            let Some(h) = t.head(c) else { break };
            match t.rel(c) {
                "conj" | "xcomp" => c = h,
                "ccomp" | "parataxis" if self.lemma_is(t, h, SPEECH_LEMMAS) => {
                    if let Some(s) = t.child(h, &["nsubj"]) {
                        let first = self.tok(t, s);
                        let span = self.subtree_tokens(t, s);
                        r.speaker = first.and(span);
                    }
                    if r.date.is_none() {
                        r.date = self.date_node(t, h);
                    }
                    break;
                }
                _ => break,
            }
        }
        Some(r)
    }

    /// Whether the tree reads extractor token `k` as (inside) the subject of a speech verb.
    pub(super) fn is_speaker(&self, k: usize) -> Option<bool> {
        let t = &self.tree()?;
        let mut i = t.syn_of_tok.get(k).copied().filter(|&i| i != NONE)? as usize;
        for _ in 0..4 {
            let h = t.head(i)?;
            match t.rel(i) {
                "nsubj" => return Some(self.lemma_is(t, h, SPEECH_LEMMAS)),
                "compound" | "flat" | "amod" | "nmod:poss" | "conj" | "det" | "nmod" => i = h,
                _ => return Some(false),
            }
        }
        Some(false)
    }

    /// The extractor tokens the subtree of parse word `i` covers.
    fn subtree_tokens(&self, t: &Tree<'_>, i: usize) -> Option<Range<usize>> {
        let (mut lo, mut hi) = (i, i);
        for j in 0..t.len() {
            let mut k = j;
            let mut steps = 0;
            while k != i && steps < 64 {
                let Some(h) = t.head(k) else { break };
                k = h;
                steps += 1;
            }
            if k == i {
                lo = lo.min(j);
                hi = hi.max(j);
            }
        }
        let a = self.tok(t, lo)?;
        let b = self.tok(t, hi)?;
        Some(a..b + 1)
    }
}

/// Lemmas of speech verbs whose clausal complement is what someone reports.
const SPEECH_LEMMAS: &[&str] =
    &["say", "tell", "announce", "state", "add", "report", "confirm", "claim", "declare"];

impl Sentence<'_> {
    /// Combines the tree's roles with the window rules' for one verb trigger: the tree fills
    /// what the window left empty (agent, count, nationality, place, date) and takes the agent
    /// away from a speaker who is only the source.
    pub(super) fn combine(
        &self,
        tr: &TreeRoles,
        speaker_is_source: bool,
        subject: &mut Option<Group>,
        items: &mut Vec<Item>,
        why: &mut Why,
    ) {
        // `He said Iraq lost 3,000 men ... and 289 captured`: an attribution the tree does not
        // read as the subject of a speech verb is no attribution.
        if matches!(why.subject, Source::Window(r) if r.starts_with("attribution"))
            && let Some(g) = subject.as_ref()
            && self.is_speaker(g.first_tok) == Some(false)
        {
            *subject = None;
            why.subject = Source::Tree("not the subject of a speech verb");
        }
        let spoke = |g: &Group| tr.speaker.as_ref().is_some_and(|s| s.contains(&g.first_tok));
        let has_count = items.iter().any(|i| i.count.is_some() || i.single.is_some());
        if !has_count && let Some(c) = tr.count {
            let k = self.tokens.iter().position(|t| t.count == Some(c as u32));
            match items.first_mut() {
                Some(item) => {
                    item.count = Some(c);
                    item.first_tok = item.first_tok.or(k);
                }
                None => items.push(Item {
                    count: Some(c),
                    first_tok: k,
                    last_tok: k,
                    ..Item::default()
                }),
            }
            why.items = Source::Tree("count of the patient (nummod, nsubj:pass, obj)");
        }
        // Only for a fact with a count: a subject alone says too little to be worth a fact.
        let counted = items.iter().any(|i| i.count.is_some() || i.single.is_some());
        if counted
            && subject.is_none()
            && let Some(a) = tr.agent.as_ref().filter(|a| !(speaker_is_source && spoke(a)))
        {
            *subject = Some(a.clone());
            why.subject = Source::Tree(match (tr.passive, tr.agent_shared) {
                (true, _) => "obl by under a passive",
                (false, true) => "nsubj of the verb it is coordinated with",
                (false, false) => "nsubj of the verb",
            });
        }
        let in_subject = |m: usize| {
            let (Some(g), Some(men)) = (subject.as_ref(), self.mentions.get(m)) else {
                return false;
            };
            g.contains(men.actor)
        };
        if let Some(item) = items.first_mut()
            && item.modifier.is_none()
            && item.prep.is_none()
        {
            if let Some(n) = tr.nationality.filter(|&m| !in_subject(m)) {
                item.modifier = Some(n);
                why.object =
                    Some(Source::Tree("nationality of the patient (amod, compound, poss)"));
            } else if let Some(p) = tr.place.filter(|&m| !in_subject(m)) {
                item.prep = Some(p);
                why.object = Some(Source::Tree("obl with an object preposition"));
            }
        }
        why.tree_date = tr.date;
    }
}
