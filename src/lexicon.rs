//! The lexicon: every actor and predicate factcheck knows, with all the names it goes by.
//!
//! Built from declarations (`actor ...` / `predicate ...` blocks) in the shipped rule files
//! (`rules/*.claims`, embedded in the binary, see [`shipped_rules`]) and then in the user's own
//! files, in that order. Declaring a name that already exists extends it. Claims and facts refer
//! to actors and predicates by [`ActorId`] / [`PredicateId`] into this table.

use std::collections::HashMap;

use crate::model::{ActorId, PredicateId, Span};
use crate::source::FileId;

/// The shipped rule files, embedded at build time: `(name, text)`.
pub fn shipped_rules() -> &'static [(&'static str, &'static str)] {
    &[
        ("<rules>/predicates.claims", include_str!("../rules/predicates.claims")),
        ("<rules>/countries.claims", include_str!("../rules/countries.claims")),
        ("<rules>/organisations.claims", include_str!("../rules/organisations.claims")),
    ]
}

/// Where a declaration was written.
pub type Origin = Option<(FileId, Span)>;

/// An actor: a country, an organisation, a group.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Actor {
    /// The common English short name: `Russia`, `United States`, `European Union`.
    pub canonical: String,
    /// Other names, matched in articles and accepted in claims: `Russian Federation`, `U.S.`.
    pub aliases: Vec<String>,
    /// Codes (ISO 3166 alpha-2/alpha-3 and the like): accepted in claims, never matched in
    /// articles (`IT`, `NO`, `IN` are English words).
    pub codes: Vec<String>,
    /// Adjective and people forms: `Russian`, `Russians`, `Dutch`.
    pub demonyms: Vec<String>,
    /// Names that stand for the actor by metonymy: capitals and seats (`Moscow`, `the Kremlin`).
    pub metonyms: Vec<String>,
    pub origin: Origin,
    /// Not declared anywhere: an unknown name from a claim, matched by its own text.
    pub ad_hoc: bool,
}

impl Actor {
    pub fn new(canonical: impl Into<String>) -> Self {
        Actor { canonical: canonical.into(), ..Default::default() }
    }

    /// Every name that may denote the actor in an article (not codes).
    pub fn article_names(&self) -> impl Iterator<Item = (&str, NameKind)> {
        std::iter::once((self.canonical.as_str(), NameKind::Name))
            .chain(self.aliases.iter().map(|s| (s.as_str(), NameKind::Name)))
            .chain(self.demonyms.iter().map(|s| (s.as_str(), NameKind::Demonym)))
            .chain(self.metonyms.iter().map(|s| (s.as_str(), NameKind::Metonym)))
    }
}

/// How a name denotes its actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameKind {
    /// Canonical name or alias: `Russia`, `Russian Federation`.
    Name,
    /// `Russian`, `Russians`.
    Demonym,
    /// `Moscow`, `the Kremlin`.
    Metonym,
    /// `RU`, `RUS` (claims only).
    Code,
}

/// A worked example carried by a rule file: the text, and the fact the extractor must read from
/// it (a claim line), or `None` for "no fact".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    pub text: String,
    pub expect: Option<String>,
    pub origin: Origin,
}

/// A predicate: what an actor did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Predicate {
    /// Canonical past-tense name: `expelled`.
    pub canonical: String,
    /// Verb forms: `expel`, `expels`, `expelling`, `expelled`.
    pub verbs: Vec<String>,
    /// Nouns: `expulsion`, `expulsions`.
    pub nouns: Vec<String>,
    /// Multi-word phrases: `declared persona non grata`, `ordered to leave`.
    pub phrases: Vec<String>,
    /// Prepositions that introduce the object: `from` for `withdrew`, `to`, `into` for `deployed`.
    pub object_preps: Vec<String>,
    /// Forms (words or phrases) that name the event only in a sentence that also has one of
    /// `cues`: `died` is `killed` only next to `shot`, `attack`, `shelling`.
    pub cued: Vec<String>,
    /// Single lower-case words that make a `cued` form count: `attack`, `gunmen`, `shelling`.
    pub cues: Vec<String>,
    /// What the predicate counts: the nouns of its object (`troops`, `soldiers`, `personnel`
    /// for `deployed`). When not empty, a verb form whose object noun is another common noun
    /// (`sent 6,000 missiles`, `withdrew their savings`) names no event of this predicate.
    pub counts: Vec<String>,
    /// Verb forms that name the event only when their object is one of `counts` (`contributes
    /// 700 troops`): the word is more often something else (`gas supplies`, `supplied Japan
    /// with oil`, `contributed to the fund`).
    pub counted: Vec<String>,
    /// Words that, right after a form and its object, make it another sense of the word
    /// (`except with responsibility` under `charged`: "charged Cuba with responsibility for the
    /// attacks" is an accusation, no criminal charge).
    pub excepts: Vec<String>,
    /// `jurisdiction in`: prepositions after which a named state is where the event happened,
    /// and so its agent when none is stated (acts of states: `two Americans were arrested in
    /// Turkey` is Turkey arresting them). Not for violence: a bomb in a country is not its act.
    pub jurisdiction: Vec<String>,
    /// `speaker source`: whoever reports the event (`..., the army said`) is the source, never
    /// the agent of a passive (violence: `officials said 300 people had been killed`). By
    /// default (`speaker agent`) the reporting authority is the agent of its own acts.
    pub speaker_is_source: bool,
    pub examples: Vec<Example>,
    pub origin: Origin,
}

impl Predicate {
    pub fn new(canonical: impl Into<String>) -> Self {
        Predicate { canonical: canonical.into(), ..Default::default() }
    }

    /// Every single word that names the predicate in a claim file.
    pub fn claim_words(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.canonical.as_str())
            .chain(self.verbs.iter().map(String::as_str))
            .chain(self.nouns.iter().map(String::as_str))
    }
}

/// All actors and predicates of a run.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lexicon {
    actors: Vec<Actor>,
    predicates: Vec<Predicate>,
    /// Exact name (canonical, alias, code, demonym, metonym) -> actors.
    actor_names: HashMap<String, Vec<(ActorId, NameKind)>>,
    /// Lower-cased name -> actors, for case-insensitive fallback.
    actor_names_folded: HashMap<String, Vec<ActorId>>,
    /// Claim word (canonical, verb form, noun) -> predicate.
    predicate_words: HashMap<String, PredicateId>,
}

fn push_unique(v: &mut Vec<String>, items: impl IntoIterator<Item = String>) {
    for it in items {
        if !v.contains(&it) {
            v.push(it);
        }
    }
}

impl Lexicon {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn actors(&self) -> &[Actor] {
        &self.actors
    }

    pub fn predicates(&self) -> &[Predicate] {
        &self.predicates
    }

    pub fn actor(&self, id: ActorId) -> &Actor {
        &self.actors[id.0 as usize]
    }

    pub fn predicate(&self, id: PredicateId) -> &Predicate {
        &self.predicates[id.0 as usize]
    }

    /// Adds an actor, or merges its names into the actor of the same canonical name.
    pub fn add_actor(&mut self, actor: Actor) -> ActorId {
        let id = match self.actors.iter().position(|a| a.canonical == actor.canonical) {
            Some(i) => {
                let a = &mut self.actors[i];
                push_unique(&mut a.aliases, actor.aliases);
                push_unique(&mut a.codes, actor.codes);
                push_unique(&mut a.demonyms, actor.demonyms);
                push_unique(&mut a.metonyms, actor.metonyms);
                a.ad_hoc &= actor.ad_hoc;
                if a.origin.is_none() {
                    a.origin = actor.origin;
                }
                ActorId(i as u32)
            }
            None => {
                self.actors.push(actor);
                ActorId((self.actors.len() - 1) as u32)
            }
        };
        self.index_actor(id);
        id
    }

    fn index_actor(&mut self, id: ActorId) {
        let a = &self.actors[id.0 as usize];
        let names: Vec<(String, NameKind)> = a
            .article_names()
            .map(|(n, k)| (n.to_string(), k))
            .chain(a.codes.iter().map(|c| (c.clone(), NameKind::Code)))
            .collect();
        for (name, kind) in names {
            let entry = self.actor_names.entry(name.clone()).or_default();
            if !entry.iter().any(|(i, _)| *i == id) {
                entry.push((id, kind));
            }
            let folded = self.actor_names_folded.entry(name.to_lowercase()).or_default();
            if !folded.contains(&id) {
                folded.push(id);
            }
        }
    }

    /// Adds a predicate, or merges its forms into the predicate of the same canonical name.
    pub fn add_predicate(&mut self, pred: Predicate) -> PredicateId {
        let id = match self.predicates.iter().position(|p| p.canonical == pred.canonical) {
            Some(i) => {
                let p = &mut self.predicates[i];
                push_unique(&mut p.verbs, pred.verbs);
                push_unique(&mut p.nouns, pred.nouns);
                push_unique(&mut p.phrases, pred.phrases);
                push_unique(&mut p.object_preps, pred.object_preps);
                push_unique(&mut p.cued, pred.cued);
                push_unique(&mut p.cues, pred.cues);
                push_unique(&mut p.counts, pred.counts);
                push_unique(&mut p.counted, pred.counted);
                push_unique(&mut p.excepts, pred.excepts);
                push_unique(&mut p.jurisdiction, pred.jurisdiction);
                p.speaker_is_source |= pred.speaker_is_source;
                p.examples.extend(pred.examples);
                if p.origin.is_none() {
                    p.origin = pred.origin;
                }
                PredicateId(i as u16)
            }
            None => {
                self.predicates.push(pred);
                PredicateId((self.predicates.len() - 1) as u16)
            }
        };
        let words: Vec<String> =
            self.predicates[id.0 as usize].claim_words().map(str::to_string).collect();
        for w in words {
            self.predicate_words.entry(w).or_insert(id);
        }
        id
    }

    /// Removes a name (alias, code, demonym or metonym) from an actor, for `drop`. Returns false
    /// when the actor has no such name; the canonical name cannot be removed.
    pub fn remove_actor_name(&mut self, id: ActorId, name: &str) -> bool {
        let Some(a) = self.actors.get_mut(id.0 as usize) else { return false };
        if a.canonical == name {
            return false;
        }
        let mut removed = false;
        for v in [&mut a.aliases, &mut a.codes, &mut a.demonyms, &mut a.metonyms] {
            let before = v.len();
            v.retain(|n| n != name);
            removed |= v.len() != before;
        }
        if !removed {
            return false;
        }
        if let Some(entry) = self.actor_names.get_mut(name) {
            entry.retain(|(i, _)| *i != id);
            if entry.is_empty() {
                self.actor_names.remove(name);
            }
        }
        let folded = name.to_lowercase();
        let a = &self.actors[id.0 as usize];
        let still = a
            .article_names()
            .map(|(n, _)| n)
            .chain(a.codes.iter().map(String::as_str))
            .any(|n| n.to_lowercase() == folded);
        if !still && let Some(entry) = self.actor_names_folded.get_mut(&folded) {
            entry.retain(|i| *i != id);
            if entry.is_empty() {
                self.actor_names_folded.remove(&folded);
            }
        }
        true
    }

    /// Removes a form (verb, noun, phrase, object preposition, cued form, cue, counted noun or
    /// exception) from a predicate, for `drop`.
    /// Returns false when the predicate has no such form; the canonical name cannot be removed.
    pub fn remove_predicate_name(&mut self, id: PredicateId, name: &str) -> bool {
        let Some(p) = self.predicates.get_mut(id.0 as usize) else { return false };
        if p.canonical == name {
            return false;
        }
        let mut removed = false;
        for v in [
            &mut p.verbs,
            &mut p.nouns,
            &mut p.phrases,
            &mut p.object_preps,
            &mut p.cued,
            &mut p.cues,
            &mut p.counts,
            &mut p.counted,
            &mut p.excepts,
            &mut p.jurisdiction,
        ] {
            let before = v.len();
            v.retain(|n| n != name);
            removed |= v.len() != before;
        }
        if removed && self.predicate_words.get(name) == Some(&id) {
            self.predicate_words.remove(name);
        }
        removed
    }

    /// Actors a name denotes in a claim file: exact match first, then case-insensitive.
    pub fn resolve_actor(&self, name: &str) -> Vec<ActorId> {
        if let Some(v) = self.actor_names.get(name) {
            return v.iter().map(|(id, _)| *id).collect();
        }
        self.actor_names_folded.get(&name.to_lowercase()).cloned().unwrap_or_default()
    }

    /// The predicate a claim word names (`expel`, `expelled`, `expulsion`).
    pub fn resolve_predicate(&self, word: &str) -> Option<PredicateId> {
        self.predicate_words.get(word).copied()
    }

    /// Looks a canonical predicate name up.
    pub fn predicate_by_name(&self, canonical: &str) -> Option<PredicateId> {
        self.predicates.iter().position(|p| p.canonical == canonical).map(|i| PredicateId(i as u16))
    }

    /// Looks a canonical actor name up.
    pub fn actor_by_name(&self, canonical: &str) -> Option<ActorId> {
        self.actors.iter().position(|a| a.canonical == canonical).map(|i| ActorId(i as u32))
    }

    /// The known actor name closest to `name`, for "did you mean" help.
    pub fn suggest_actor(&self, name: &str) -> Option<&str> {
        best_match(name, self.actor_names.keys().map(String::as_str))
    }

    /// The actor names known now, for [`ActorSuggester::suggest`].
    pub fn actor_suggester(&self) -> ActorSuggester {
        let mut names: Vec<(String, String)> =
            self.actor_names.keys().map(|k| (k.to_lowercase(), k.clone())).collect();
        names.sort();
        ActorSuggester { names }
    }

    /// The known predicate word closest to `word`, for "did you mean" help.
    pub fn suggest_predicate(&self, word: &str) -> Option<&str> {
        best_match(word, self.predicate_words.keys().map(String::as_str))
    }
}

/// The candidate with the highest Jaro-Winkler similarity to `needle`, if it is similar enough.
fn best_match<'a>(needle: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let lower = needle.to_lowercase();
    best_lowered(&lower, candidates.map(|c| (c.to_lowercase(), c)))
}

/// [`best_match`] over candidates lower-cased beforehand, as (lower-cased, name).
fn best_lowered<'a, L: AsRef<str>>(
    lower: &str,
    candidates: impl Iterator<Item = (L, &'a str)>,
) -> Option<&'a str> {
    candidates
        .map(|(l, c)| (strsim::jaro_winkler(lower, l.as_ref()), c))
        .filter(|(score, _)| *score >= 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

/// The actor names known when it was made, lower-cased once: "did you mean" help for many
/// unknown names costs one comparison per name and known name, and names added later (the
/// unknown ones themselves) are never candidates, so a claim with 10,000 unknown actors stays
/// linear in them.
#[derive(Debug, Clone)]
pub struct ActorSuggester {
    names: Vec<(String, String)>,
}

impl ActorSuggester {
    /// The known name closest to `name`, if similar enough.
    pub fn suggest(&self, name: &str) -> Option<&str> {
        let lower = name.to_lowercase();
        best_lowered(&lower, self.names.iter().map(|(l, n)| (l.as_str(), n.as_str())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_and_resolve() {
        let mut lx = Lexicon::new();
        let mut ru = Actor::new("Russia");
        ru.demonyms = vec!["Russian".into()];
        ru.codes = vec!["RU".into()];
        let id = lx.add_actor(ru);
        let mut more = Actor::new("Russia");
        more.metonyms = vec!["Moscow".into()];
        assert_eq!(lx.add_actor(more), id);
        assert_eq!(lx.resolve_actor("Moscow"), vec![id]);
        assert_eq!(lx.resolve_actor("RU"), vec![id]);
        assert_eq!(lx.resolve_actor("russia"), vec![id]);
        let mut p = Predicate::new("expelled");
        p.verbs = vec!["expel".into(), "expels".into()];
        p.nouns = vec!["expulsion".into()];
        let pid = lx.add_predicate(p);
        assert_eq!(lx.resolve_predicate("expulsion"), Some(pid));
        assert_eq!(lx.suggest_predicate("expeled"), Some("expelled"));
    }
}
