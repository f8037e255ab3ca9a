//! Who did what to whom: role assignment in one sentence around each trigger.
//!
//! The sentence arrives tokenized, with its actor mentions, counts, dates and trigger hits
//! already found and marked on the tokens, and with its dependency parse ([`Tree`], from
//! [`crate::syntax`]; trigger sentences only). For each trigger the roles are first read by a
//! handful of rules over a small window of tokens (no backtracking), then, for a verb trigger,
//! completed from the tree ([`tree`]): the window rules decide, the tree fills what they left
//! empty and corrects one thing. Measured on the gold set, the tree alone is less accurate than
//! the window rules (parser errors on news: headlines, long lists, coordination), so it never
//! overrides a part the window found, except as listed under **tree**.
//!
//! - **active** (`Poland expelled 45 Russian diplomats`, `is expelling`, `will expel`, `has
//!   decided to expel`): the subject is the nearest actor to the left that can be a subject
//!   (not after a preposition, a demonym only with an agent noun such as `ministry`,
//!   `officials`, `forces`), joined with actors before it by `and` (`Germany and France`,
//!   `Germany, France and Italy`): a joint subject, never split (`a total of 38`). The
//!   quantity and object follow the verb: `45 Russian diplomats` (demonym -> Russia),
//!   `US diplomats`, `Russia's ambassador`, or an object preposition of the predicate
//!   (`withdrew ... from Iran`, `deployed ... to Poland`).
//! - **passive** (`29 Chadian soldiers were killed`, `... by X`): the patient before the verb,
//!   the agent after `by`, else the state where an act of state happened (the predicate's
//!   `jurisdiction` prepositions: `were arrested in Turkey`), or else the attribution (`"...,"
//!   the Russian foreign ministry said`). `the Czechs have expelled`: a people with `the` right
//!   before its verb stands for its state.
//! - **nouns** (`the expulsion of 17 diplomats ... was announced by the Dutch foreign minister`,
//!   `Germany and France announced expulsions of 75 Russian diplomats`): `of` + the patient;
//!   the agent from `by`, a possessive, or the subject of an announcing verb before the noun.
//! - **lists** (`21 diplomats from Belgium and 15 from the Netherlands`): one fact an item.
//! - **from X**: X is whose people they are when someone else is the subject
//!   (`Russia is expelling 36 diplomats from two European countries`), and the expeller when X
//!   is the subject or nobody else is (`the expulsion of 17 diplomats from the Netherlands was
//!   announced by the Dutch foreign minister`).
//! - **modality**: `could`, `would`, `threatened to`, `called for`, `urged`, `considering`,
//!   `if`, questions: no fact. **Negation** (`has not expelled`, `did not`) and **refusal**
//!   (`declined to`, `refused to`, `failed to`): a negated fact, without a count.
//! - **elided noun** (`29 Chadian soldiers were killed and 58 wounded`, `killed 384 Libyans and
//!   captured 48`): a bare count coordinated with the verb before takes that one's nationality.
//! - **subsets** (`5,000 civilians, including 210 children`, `19 people, eight of them`,
//!   `among them three children`): the subset is a fact of its own.
//! - **disjunction** (`killed or wounded 1,500 Iraqi soldiers`): one count shared by verbs
//!   joined by `or` is an upper bound of each ([`disjunction`]).
//! - **tree** ([`tree`]): the count of the patient (`nummod` of the `obj` / `nsubj:pass`), its
//!   nationality (`amod`/`compound`/`nmod:poss`), the place (`obl` with an object preposition)
//!   and the date (`obl`/`obl:tmod` of the verb, else of the speech verb whose `ccomp` it is)
//!   fill an empty part; the agent (`nsubj`, `obl` + `by` under a passive, the subject of the
//!   verb it is coordinated with or the `xcomp` of, the noun an `acl:relcl` modifies) fills an
//!   empty subject of a fact with a count; and an attribution (`He said Iraq lost ... and 289
//!   captured`) the tree does not read as the subject of a speech verb is dropped.
//!
//! Every rule that fills a part names itself in the [`Trace`] (`factcheck extract --explain`).

use std::ops::Range;

use super::date::DateMatch;
use super::explain::{Fill, Part, Skip, Source};
use super::names::{Form, Trigger};
use super::number::NumberMatch;
use super::tokens::{Kind, Token};
use crate::lexicon::{Lexicon, NameKind, Predicate};
use crate::model::{ActorId, Fact, Quantity, Span};
use crate::source::FileId;

mod agents;
mod clause;
mod disjunction;
mod items;
mod tree;
mod words;

pub use tree::{LazyTree, Tree};

use words::*;

/// An actor named in the sentence.
#[derive(Debug, Clone)]
pub struct Mention {
    pub span: Span,
    pub actor: ActorId,
    pub kind: NameKind,
    /// Token indices it covers.
    pub toks: Range<usize>,
}

/// A trigger hit in the sentence.
#[derive(Debug, Clone)]
pub struct Hit {
    pub span: Span,
    pub trigger: Trigger,
    pub toks: Range<usize>,
}

/// One sentence, analysed.
pub struct Sentence<'a> {
    pub text: &'a str,
    pub file: FileId,
    pub span: Span,
    /// The sentence just before (empty when there is none next to it): a `cue` word there
    /// counts too (`... 29 soldiers were killed. His deputy was among the dead.`).
    pub before: Span,
    pub tokens: &'a [Token],
    pub mentions: &'a [Mention],
    pub counts: &'a [NumberMatch],
    pub dates: &'a [DateMatch],
    pub hits: &'a [Hit],
    pub lexicon: &'a Lexicon,
    /// The dependency parse, when the sentence was parsed.
    pub tree: Option<LazyTree<'a>>,
}

/// What the role rules did with each hit of a sentence, for [`super::explain`].
#[derive(Debug, Default)]
pub struct Trace {
    /// Hits (indices into [`Sentence::hits`]) that gave no fact, and why.
    pub skipped: Vec<(usize, Skip)>,
    /// For each fact the sentence gave, in order: its hit and where its parts came from.
    pub facts: Vec<(usize, Vec<Fill>)>,
}

/// Which rules filled the subject and the items of a hit.
#[derive(Debug, Clone, Copy)]
struct Why {
    subject: Source,
    items: Source,
    object: Option<Source>,
    /// The date the tree found for the verb (an index into the dates), used when the window
    /// found none.
    tree_date: Option<usize>,
}

/// A group of actors acting together, with where they were named.
#[derive(Debug, Clone, Default)]
struct Group {
    actors: Vec<ActorId>,
    span: Option<Span>,
    first_tok: usize,
}

impl Group {
    fn contains(&self, a: ActorId) -> bool {
        self.actors.contains(&a)
    }
}

/// One counted item: `21 diplomats from Belgium`.
#[derive(Debug, Clone, Default)]
struct Item {
    count: Option<usize>,
    /// A singular person noun standing for a count of one (`a Marine`, `the ambassador`): its
    /// token, used when there is no `count`.
    single: Option<usize>,
    /// Actor modifying the noun (`Russian` diplomats, `US` diplomats, `Russia's` ambassador).
    modifier: Option<usize>,
    /// Actor after an object preposition (`from Belgium`, `to Poland`).
    prep: Option<usize>,
    /// The preposition was `from`.
    prep_from: bool,
    /// Another actor coordinated with the first after the preposition (`to Romania, Bulgaria
    /// and Hungary`): a fact of its own, without the count.
    coordinated: bool,
    first_tok: Option<usize>,
    last_tok: Option<usize>,
}

impl<'a> Sentence<'a> {
    /// For each hit, whether it is a `counted` form whose object is not one of its nouns
    /// (`took place`): no trigger.
    pub fn idle_counted(&self) -> Vec<bool> {
        self.hits
            .iter()
            .map(|hit| {
                let (ti, tj) = (hit.toks.start, hit.toks.end);
                hit.trigger.counted
                    && !(ti < tj
                        && tj <= self.tokens.len()
                        && self.counts_own(
                            ti,
                            tj,
                            self.right_end(tj).max(tj),
                            self.lexicon.predicate(hit.trigger.predicate),
                        ))
            })
            .collect()
    }

    /// Reads the facts of the sentence into `out`.
    pub fn facts(&self, out: &mut Vec<Fact>, mut trace: Option<&mut Trace>) {
        let skip = |trace: &mut Option<&mut Trace>, h: usize, why: Skip| {
            if let Some(t) = trace.as_deref_mut() {
                t.skipped.push((h, why));
            }
        };
        if self.is_question() {
            for h in 0..self.hits.len() {
                skip(&mut trace, h, Skip::Question);
            }
            return;
        }
        let first_new = out.len();
        let mut attribution: Option<Option<Group>> = None;
        // Whose people the previous passive counted (`29 Chadian soldiers were killed ...`).
        let mut prev_modifier: Option<usize> = None;
        for (hi, hit) in self.hits.iter().enumerate() {
            let (ti, tj) = (hit.toks.start, hit.toks.end);
            if ti >= tj || tj > self.tokens.len() {
                continue;
            }
            let pred = self.lexicon.predicate(hit.trigger.predicate);
            let preps = &pred.object_preps;
            let coordinated_modifier = prev_modifier.take();
            // `26 people died`: a cued form is the event only with a cue word in the sentence
            // (`in the attack`, `gunmen`); without one it may be an accident or an illness.
            let cued = hit.trigger.cued;
            // `deaths from Covid-19`, `died of cancer`: a cause named after the word is the
            // cause; a cue in the sentence before does not make it violence.
            let cause = self.is(tj, &["from", "of"]);
            if cued && !self.has_cue(&pred.cues, !cause) {
                skip(&mut trace, hi, Skip::NoCue);
                continue;
            }
            // `the dead man's brother`, `its dead soldiers`: a cued word before a noun is an
            // adjective, no statement of deaths (`the death toll rose`, `the dead were` are).
            if cued
                && tj == ti + 1
                && ti > 0
                && self.is(ti - 1, ADJ_DETS)
                && self.tokens.get(tj).is_some_and(|t| t.kind == Kind::Word && t.count.is_none())
                && !self.is(tj, PREPOSITIONS)
                && !self.is(tj, RIGHT_STOPS)
                && !self.is(tj, BE)
                && !self.is(tj, TOLL_LINKS)
            {
                skip(&mut trace, hi, Skip::Adjective);
                continue;
            }
            let (stop, hypothetical) = self.left_stop(ti);
            if hypothetical {
                skip(&mut trace, hi, Skip::Hypothetical);
                continue;
            }
            let Some(mut negated) = self.polarity(ti, stop) else {
                skip(&mut trace, hi, Skip::Modality);
                continue;
            };
            let right = self.right_end(tj).max(tj);
            // `charged Cuba with responsibility for`: another sense of the word.
            if self.except_after(tj, &pred.excepts) {
                skip(&mut trace, hi, Skip::Except);
                continue;
            }
            let mut form = hit.trigger.form;
            // `Turkey's arrests`, `no arrests`, `new sanctions`: the noun.
            if form != Form::Noun
                && hit.trigger.also_noun
                && ti > 0
                && (self.is(ti - 1, ADJ_DETS)
                    || self.is(ti - 1, &["no", "new", "further", "more", "mass", "fresh"])
                    || self.tokens[ti - 1].kind == Kind::Possessive
                    || (self.is(ti - 1, PREPOSITIONS) && !self.is(ti - 1, &["to"]))
                    || self.modified_after_of(ti))
            {
                form = Form::Noun;
            }
            // `Moscow faced unprecedented western sanctions`, `respond to the U.S. sanctions`: a
            // word that is also a noun, tagged as no verb, is the noun; not after a noun that
            // acts (`Russian forces capture Chernobyl`: the tagger errs in run-on headlines).
            // Read so, it counts only what the verb would (`the largest recall involves 155,465
            // vehicles`), a count before it only right before (`four arrests`; not money, `a
            // 22.8 mln dlr charge`, nor `two charges of fraud`), and no demonym before it is its
            // agent (`Japanese sanctions`).
            let tagged_noun = form == Form::Base
                && hit.trigger.also_noun
                && self.tree.is_some()
                && !(ti > 0 && (self.is(ti - 1, FORCES) || self.is(ti - 1, AGENT_NOUNS)))
                && !self.verb_within(&hit.span);
            if tagged_noun {
                if self.counts_other(tj, right, &pred.counts) {
                    skip(&mut trace, hi, Skip::NounUse);
                    continue;
                }
                form = Form::Noun;
            }
            let mut subject: Option<Group>;
            let mut items: Vec<Item>;
            let mut why = Why {
                subject: Source::Window("subject to the left"),
                items: Source::Window("count and object after the verb"),
                object: None,
                tree_date: None,
            };
            let mut noun_from_is_agent = false;
            let mut passive = false;
            match form {
                Form::Noun => {
                    // `Iran sanctions evasion`, `an arrest warrant`: the noun modifies another.
                    if self.is(tj, NOUN_HEADS) {
                        skip(&mut trace, hi, Skip::Modifier);
                        continue;
                    }
                    if self.modal_after(tj, right) {
                        skip(&mut trace, hi, Skip::ModalNoun);
                        continue;
                    }
                    why.items = Source::Window("of + count and object after the noun");
                    // Whoever confirms deaths did not cause them: a cued noun's agent is only
                    // the one after `by` (`deaths caused by Russian shelling`).
                    subject = if cued {
                        why.subject = Source::Window("by + agent after the noun");
                        // Right after the noun or `caused by`, not `given by` (a source).
                        let mut b = tj;
                        while b < right && self.is(b, &["caused", "inflicted"]) {
                            b += 1;
                        }
                        if self.is(b, &["by"]) { self.by_agent(b, right.max(tj)) } else { None }
                    } else {
                        why.subject =
                            Source::Window("noun agent (possessive, by, announcing verb)");
                        self.noun_agent(ti, tj, right, !tagged_noun)
                    };
                    // `the arrest of an Iranian official in London` (not `the official in
                    // charge of ... in Washington`: a noun right after a preposition).
                    if subject.is_none() && !cued && !(ti > 0 && self.is(ti - 1, PREPOSITIONS)) {
                        subject = self.jurisdiction_agent(tj, right, &pred.jurisdiction);
                        why.subject = Source::Window("the state where it happened (in X)");
                    }
                    let mut start = if self.is(tj, &["of"]) { tj + 1 } else { tj };
                    // `the death toll rose to 31`, `stood at 12`.
                    if cued {
                        while start < right
                            && self.tokens[start].count.is_none()
                            && self.is(start, TOLL_LINKS)
                        {
                            start += 1;
                        }
                    }
                    let mut found =
                        if start < right { self.items_from(start, right, preps) } else { vec![] };
                    // `80 deaths`, `claimed 2,400 lives`, `five children were among the dead`.
                    if !found.iter().any(|i| i.count.is_some())
                        && let Some(c) = self.count_before_noun(ti, stop)
                        && (!tagged_noun || self.counts_events(c, ti, tj))
                    {
                        let before = self.items_before(c, ti, preps);
                        if before.iter().any(|i| i.count.is_some()) {
                            found = before;
                            why.items = Source::Window("count before the noun");
                        }
                    }
                    // `a U.S. adviser was among the dead`: one.
                    if cued
                        && !found.iter().any(|i| i.count.is_some() || i.single.is_some())
                        && let Some(item) = self.one_before_links(ti, stop)
                    {
                        found = vec![item];
                    }
                    // `Russia has been hit with 65 new sanctions by the UK`: the target.
                    if !found.iter().any(|i| i.modifier.is_some() || i.prep.is_some())
                        && let Some(m) = self.hit_with_target(ti, stop)
                    {
                        match found.first_mut() {
                            Some(item) => item.modifier = Some(m),
                            None => found.push(Item { modifier: Some(m), ..Item::default() }),
                        }
                        why.object = Some(Source::Window("subject of `was hit with`"));
                    }
                    items = found;
                    noun_from_is_agent = subject.is_none() && !cued;
                }
                _ => {
                    // `sent 6,000 missiles to Ukraine`: the predicate counts other nouns.
                    if !cued && self.counts_other(tj, right, &pred.counts) {
                        continue;
                    }
                    // `contributes 700 troops`: a `counted` form needs a counted object.
                    if hit.trigger.counted && !self.counts_own(ti, tj, right, pred) {
                        continue;
                    }
                    // `the expelled diplomats`: an adjective, not a statement.
                    if form == Form::Past
                        && ti > 0
                        && self.is(ti - 1, ADJ_DETS)
                        && self.tokens.get(tj).is_some_and(|t| t.kind == Kind::Word)
                        && !self.is(tj, PREPOSITIONS)
                    {
                        skip(&mut trace, hi, Skip::Adjective);
                        continue;
                    }
                    // `over charges of espionage`: a noun after a preposition or determiner.
                    if form == Form::Base
                        && ti > 0
                        && (self.is(ti - 1, ADJ_DETS)
                            || (self.is(ti - 1, PREPOSITIONS) && !self.is(ti - 1, &["to"])))
                    {
                        skip(&mut trace, hi, Skip::NounUse);
                        continue;
                    }
                    let aux = if form == Form::Past { self.passive_aux(ti) } else { None };
                    // A cued verb (`died`) has no object: what it counts comes before it.
                    let reduced = cued
                        || aux.is_none()
                            && ((form == Form::Past && self.is(tj, &["by"]))
                                || self.count_before(ti)
                                || (form == Form::Past
                                    && ti > 0
                                    && self.is(ti - 1, ONE_PERSON)
                                    && !self.object_may_follow(tj)));
                    if (aux.is_some() || reduced) && hit.trigger.counted {
                        continue;
                    }
                    if aux.is_some() || reduced {
                        passive = true;
                        let before = aux.unwrap_or(ti);
                        subject = self.by_agent(tj, right);
                        why.subject = Source::Window("by + agent after a passive");
                        why.items = Source::Window("patient before a passive");
                        let mut from = self.previous_trigger_end(ti).max(stop);
                        // `one of the two men charged`: a participle right after its counted
                        // noun counts that noun.
                        if aux.is_none()
                            && !cued
                            && let Some(c) = self.count_start_before(ti)
                        {
                            from = from.max(c);
                        }
                        let mut found = self.items_before(from, before, preps);
                        // `None of the three men were charged`: a denial.
                        if !negated && self.none_before(from, before) {
                            negated = true;
                        }
                        // `are deployed in Estonia`, `were withdrawn from Iraq`: the place after;
                        // `to be dispatched to Romania, Bulgaria and Hungary`, `stationed in four
                        // states on Nato's flank: Poland, Estonia, Latvia and Lithuania`: each.
                        let place = match self.prep_after(tj, right, preps) {
                            Some(p) => {
                                let end = self.mentions.get(p).map_or(tj, |m| m.toks.end);
                                Some((p, self.places_listed(end).0))
                            }
                            None => self.colon_places(tj, preps),
                        };
                        if let Some((p, places)) = place {
                            match found.first_mut() {
                                Some(item) if item.prep.is_none() => {
                                    item.prep = Some(p);
                                    item.prep_from = false;
                                }
                                Some(_) => {}
                                None => found.push(Item { prep: Some(p), ..Item::default() }),
                            }
                            if found.len() == 1 && found[0].prep == Some(p) {
                                for q in places {
                                    found.push(Item {
                                        prep: Some(q),
                                        coordinated: true,
                                        ..Item::default()
                                    });
                                }
                            }
                        }
                        // `29 Chadian soldiers were killed and 58 wounded`: the elided noun is the
                        // one the coordinated passive before counted.
                        if let [item] = found.as_mut_slice()
                            && item.modifier.is_none()
                            && item.prep.is_none()
                            && item.count.is_some()
                            && item.last_tok.is_some_and(|k| k + 1 == ti)
                            && item.first_tok.is_some_and(|k| k > 0 && self.is(k - 1, &["and"]))
                            && let Some(m) = coordinated_modifier
                        {
                            item.modifier = Some(m);
                            why.object = Some(Source::Window("elided noun of a coordinated count"));
                        }
                        prev_modifier = found.first().and_then(|i| i.modifier);
                        items = found;
                        // `Britain has 900 troops stationed in Estonia`: the subject of `has`.
                        if subject.is_none()
                            && aux.is_none()
                            && let Some(c) = items.first().and_then(|i| i.first_tok)
                            && c > stop
                            && self.is(c - 1, &["has", "have", "had"])
                        {
                            subject = self.subject_left(c - 1, stop);
                            why.subject = Source::Window("subject of has before the count");
                        }
                        // `Russian diplomats in Sweden were expelled`, `arrested in Turkey`.
                        if subject.is_none() {
                            let patient = items.first().and_then(|i| i.first_tok).unwrap_or(before);
                            subject = self
                                .jurisdiction_agent(patient, before, &pred.jurisdiction)
                                .or_else(|| self.jurisdiction_agent(tj, right, &pred.jurisdiction));
                            why.subject = Source::Window("the state where it happened (in X)");
                        }
                        if subject.is_none() && !cued && !pred.speaker_is_source {
                            subject = attribution.get_or_insert_with(|| self.attribution()).clone();
                            why.subject = Source::Window("attribution (X said)");
                        }
                    } else {
                        subject = self.subject_left(ti, stop);
                        let subj_end = subject
                            .as_ref()
                            .and_then(|g| g.span.clone())
                            .and_then(|s| self.tokens.iter().position(|t| t.span.start >= s.end))
                            .unwrap_or(stop);
                        let after = self.items_from(tj, right, preps);
                        let has_count = after.iter().any(|i| i.count.is_some());
                        items = if hit.trigger.pronoun_object && !has_count {
                            why.items = Source::Window("people named before the phrase");
                            self.items_before(subj_end.max(stop), ti, preps)
                        } else {
                            after
                        };
                        // `killed 384 Libyans and captured 48 in fighting`: a bare count after a
                        // verb coordinated with the one before counts that one's people.
                        if let [item] = items.as_mut_slice()
                            && item.modifier.is_none()
                            && item.prep.is_none()
                            && item.count.is_some()
                            && ti > 0
                            && self.is(ti - 1, &["and"])
                            && item.last_tok.is_some_and(|k| self.bare_count_end(k))
                            && let Some(m) = coordinated_modifier
                        {
                            item.modifier = Some(m);
                            why.object = Some(Source::Window("elided noun of a coordinated count"));
                        }
                        prev_modifier = items.first().and_then(|i| i.modifier);
                        if subject.is_none() && self.pronoun_before(ti, stop) {
                            subject = attribution.get_or_insert_with(|| self.attribution()).clone();
                            why.subject = Source::Window("attribution (X said it ...)");
                        }
                    }
                }
            }
            // `Estonia, where Britain has 1,700 personnel deployed`: the place `where` stands for,
            // for a predicate whose object is where (`in`).
            if preps.iter().any(|p| p.eq_ignore_ascii_case("in"))
                && !items.iter().any(|i| i.prep.is_some())
                && let Some(m) = self.where_antecedent(stop, ti)
            {
                match items.first_mut() {
                    Some(item) => item.prep = Some(m),
                    None => items.push(Item { prep: Some(m), ..Item::default() }),
                }
                why.object = Some(Source::Window("the place `where` stands for"));
            }
            // `Iraq lost 3,000 men killed`, `Syria lost 40 soldiers, and another 12 were
            // captured`: the side that lost them is whose people they were, not the agent.
            if let Some(m) = self.loser(stop, ti) {
                let actor = self.mentions.get(m).map(|x| x.actor);
                if subject.as_ref().is_some_and(|g| actor.is_some_and(|a| g.contains(a))) {
                    subject = None;
                    why.subject = Source::Window("none: the subject lost the people");
                }
                if let Some(item) = items.first_mut()
                    && item.modifier.is_none()
                    && item.prep.is_none()
                {
                    item.modifier = Some(m);
                    why.object = Some(Source::Window("the side that lost them"));
                }
            }
            // `5,000 civilians, including 210 children`: the subset too.
            if let [item] = items.as_slice()
                && let Some(last) = item.last_tok
            {
                // Before the verb for a passive; after it, past the clause's comma, up to the
                // next trigger.
                let next = self.hits.get(hi + 1).map_or(self.tokens.len(), |h| h.toks.start);
                let limit = if last < ti { ti } else { next.max(right) };
                if let Some(sub) = self.subset_after(item, limit, preps) {
                    items.push(sub);
                }
            }
            // The tree only where the window rules left a part open (parsing costs).
            // Only what the tree can give: a count the window missed (a number near the
            // verb), the `by` agent of a counted fact without one, or a check of an
            // attribution.
            let counted = items.iter().any(|i| i.count.is_some() || i.single.is_some());
            let open = if counted {
                match &subject {
                    None => (hit.toks.end..self.tokens.len()).any(|k| self.is(k, &["by"])),
                    Some(_) => {
                        matches!(why.subject, Source::Window(r) if r.starts_with("attribution"))
                    }
                }
            } else {
                // The patient's count is near its verb: up to 12 words before (`100,000 people
                // are believed to have been killed`), 6 after (`killed or wounded more than
                // 4,000`); a number further away is another phrase's.
                (ti.saturating_sub(12)..(ti + 7).min(self.tokens.len()))
                    .any(|k| self.tokens[k].count.is_some_and(|c| !self.is_unit_count(c as usize)))
            };
            if form != Form::Noun
                && open
                && let Some(tr) = self.tree_roles(hit, preps, &pred.counts)
            {
                self.combine(&tr, pred.speaker_is_source, &mut subject, &mut items, &mut why);
            }
            // `Poland has expelled 45 Russian diplomats, Germany 40, France 35 ...`: gapping.
            let gaps = match (&subject, items.as_slice()) {
                (Some(g), [item])
                    if !passive && form != Form::Noun && !negated && g.actors.len() == 1 =>
                {
                    item.count.and(item.last_tok).map(|t| self.gapped(t)).unwrap_or_default()
                }
                _ => Vec::new(),
            };
            let before = out.len();
            self.emit(
                hit,
                subject,
                items,
                Flags { negated, noun: form == Form::Noun, passive, noun_from_is_agent },
                stop..right,
                &mut why.tree_date,
                out,
            );
            if let Some(t) = trace.as_deref_mut() {
                if out.len() == before {
                    t.skipped.push((hi, Skip::NoRoles));
                }
                for f in &out[before..] {
                    t.facts.push((hi, self.fills(f, &why)));
                }
            }
            if out.len() == before + 1
                && let Some(base) = out.last().cloned()
            {
                for (m, c) in gaps {
                    let (Some(men), Some(cm)) = (self.mentions.get(m), self.counts.get(c)) else {
                        continue;
                    };
                    let mut f = base.clone();
                    f.subject = vec![men.actor];
                    f.subject_span = Some(men.span.clone());
                    f.quantity = Some(cm.quantity);
                    f.quantity_span = Some(cm.span.clone());
                    f.object.retain(|a| *a != men.actor);
                    out.push(f);
                    if let Some(t) = trace.as_deref_mut() {
                        let mut w = why;
                        w.subject = Source::Window("gapping (Germany 40, France 35)");
                        w.items = w.subject;
                        let fl = self.fills(out.last().unwrap_or(&base), &w);
                        t.facts.push((hi, fl));
                    }
                }
            }
        }
        self.share_disjoined(out, first_new, trace.as_deref_mut());
        subsume(out, first_new, trace);
    }

    #[allow(clippy::too_many_arguments)]
    fn emit(
        &self,
        hit: &Hit,
        subject: Option<Group>,
        items: Vec<Item>,
        flags: Flags,
        clause: Range<usize>,
        tree_date: &mut Option<usize>,
        out: &mut Vec<Fact>,
    ) {
        let Flags { negated, noun, passive, noun_from_is_agent } = flags;
        let (stop, right) = (clause.start, clause.end);
        let mut subject = subject.unwrap_or_default();
        let mut items = items;
        if items.is_empty() {
            items.push(Item::default());
        }
        // `the expulsion of 17 diplomats from the Netherlands`: with no other agent, X is it.
        let forces_first = items
            .first()
            .and_then(|i| i.modifier)
            .and_then(|m| self.mentions.get(m))
            .is_some_and(|men| self.is(men.toks.end, FORCES));
        if noun_from_is_agent
            && !forces_first
            && subject.actors.is_empty()
            && let Some(p) = items.first().filter(|i| i.prep_from).and_then(|i| i.prep)
            && let Some(men) = self.mentions.get(p)
        {
            subject.actors = vec![men.actor];
            subject.span = Some(men.span.clone());
            subject.first_tok = men.toks.start;
        }
        // `the withdrawal of 1,000 American troops from Iraq`: their own forces.
        // Likewise `1,700 British personnel are deployed in Estonia` (a passive with a place).
        if (noun_from_is_agent || passive)
            && subject.actors.is_empty()
            && let Some(item) = items.first_mut()
            && (noun_from_is_agent || item.prep.is_some())
            && let Some(m) = item.modifier
            && let Some(men) = self.mentions.get(m)
            && self.is(men.toks.end, FORCES)
        {
            subject.actors = vec![men.actor];
            subject.span = Some(men.span.clone());
            subject.first_tok = men.toks.start;
            item.modifier = None;
        }
        let counted = items.iter().filter(|i| i.count.is_some() || i.single.is_some()).count();
        // Dates anywhere in the clause (`In 2018 Britain expelled 23`), and around the subject.
        let ext_start = if subject.actors.is_empty() { stop } else { subject.first_tok.min(stop) };
        let ext_start = items.iter().filter_map(|i| i.first_tok).fold(ext_start, usize::min);
        let date = match self.date_near(ext_start, right.max(hit.toks.end), hit.toks.start) {
            // The window's date, when it found one (the tree's is then not used).
            Some(d) => {
                *tree_date = None;
                Some(d)
            }
            None => *tree_date,
        };
        for item in &items {
            if counted > 0 && item.count.is_none() && item.single.is_none() && !item.coordinated {
                continue;
            }
            let mention = |m: Option<usize>| m.and_then(|m| self.mentions.get(m));
            let modifier = mention(item.modifier).filter(|m| !subject.contains(m.actor));
            let prep = mention(item.prep).filter(|m| !subject.contains(m.actor));
            let object = modifier.or(prep);
            let count = match item.count.and_then(|c| self.counts.get(c)) {
                Some(c) => Some((c.quantity, c.span.clone())),
                None => item
                    .single
                    .and_then(|k| self.tokens.get(k))
                    .map(|t| (Quantity::exact(1), t.span.clone())),
            };
            // A fact needs an agent, a count, a denial, or (for a verb) whom it was done to.
            let verb = !noun && passive;
            if subject.actors.is_empty()
                && count.is_none()
                && !negated
                && !(verb && object.is_some())
            {
                continue;
            }
            let date_m = date.and_then(|d| self.dates.get(d));
            // `since January 2, when Chadian troops overran a garrison`: the date the `when`
            // clause follows.
            let when = if date_m.is_none() { self.when_date(stop) } else { None };
            let (date_v, date_span) = match (date_m, when) {
                (Some(d), _) => (Some(d.date), Some(d.span.clone())),
                (None, Some((d, span))) => (Some(d), Some(span)),
                (None, None) => (None, None),
            };
            out.push(Fact {
                file: self.file,
                span: self.span.clone(),
                subject: subject.actors.clone(),
                predicate: hit.trigger.predicate,
                quantity: if negated { None } else { count.as_ref().map(|c| c.0) },
                object: object.map(|m| vec![m.actor]).unwrap_or_default(),
                date: date_v,
                negated,
                subject_span: subject.span.clone(),
                predicate_span: hit.span.clone(),
                quantity_span: if negated { None } else { count.map(|c| c.1) },
                object_span: object.map(|m| m.span.clone()),
                date_span,
            });
        }
    }
}

/// The voice and kind of a hit, for [`Sentence::emit`].
#[derive(Debug, Clone, Copy)]
struct Flags {
    negated: bool,
    noun: bool,
    passive: bool,
    noun_from_is_agent: bool,
}

impl Sentence<'_> {
    /// Where each stated part of `f` came from.
    fn fills(&self, f: &Fact, why: &Why) -> Vec<Fill> {
        let mut v = Vec::new();
        let mut add = |part, source, span: &Option<Span>, stated: bool| {
            if stated {
                v.push(Fill { part, source, span: span.clone() });
            }
        };
        add(Part::Subject, why.subject, &f.subject_span, !f.subject.is_empty());
        add(Part::Quantity, why.items, &f.quantity_span, f.quantity.is_some());
        add(Part::Object, why.object.unwrap_or(why.items), &f.object_span, !f.object.is_empty());
        let tree_date = why.tree_date.and_then(|d| self.dates.get(d)).map(|d| &d.span);
        let date = if tree_date.is_some() && tree_date == f.date_span.as_ref() {
            Source::Tree("date the verb (or its speech verb) heads")
        } else {
            Source::Window("date nearest the trigger in its clause")
        };
        add(Part::Date, date, &f.date_span, f.date.is_some());
        add(
            Part::Negation,
            Source::Window("negation or refusal before the verb"),
            &None,
            f.negated,
        );
        v
    }
}

/// Removes `out[i]` and its trace entry (`trace.facts` runs parallel to `out[from..]`); a hit
/// left with no fact is recorded as skipped, for `why`.
fn drop_fact(out: &mut Vec<Fact>, from: usize, i: usize, trace: Option<&mut Trace>, why: Skip) {
    out.remove(i);
    if let Some(t) = trace
        && i - from < t.facts.len()
    {
        let (h, _) = t.facts.remove(i - from);
        if !t.facts.iter().any(|(k, _)| *k == h) {
            t.skipped.push((h, why));
        }
    }
}

/// Drops facts of one sentence that another fact of the same sentence says more fully (and
/// their trace entries, which run parallel to `out[from..]`).
fn subsume(out: &mut Vec<Fact>, from: usize, mut trace: Option<&mut Trace>) {
    if out.len() <= from + 1 {
        return;
    }
    let covers = |big: &Fact, small: &Fact| {
        big.predicate == small.predicate
            && big.negated == small.negated
            && (small.subject.is_empty() || small.subject == big.subject)
            && (small.quantity.is_none() || small.quantity == big.quantity)
            && (small.object.is_empty() || small.object == big.object)
            && (small.date.is_none() || small.date == big.date)
    };
    let mut i = from;
    while i < out.len() {
        let dominated = (from..out.len())
            .any(|j| j != i && covers(&out[j], &out[i]) && (!covers(&out[i], &out[j]) || j < i));
        if dominated {
            drop_fact(out, from, i, trace.as_deref_mut(), Skip::Subsumed);
        } else {
            i += 1;
        }
    }
}
