//! The automata the extractor runs: one over every predicate trigger (verb forms, nouns,
//! phrases; ASCII case-insensitive, so ALL-CAPS headlines match) and two over every actor name
//! that may appear in an article (canonical names, aliases, demonyms, metonyms; never codes):
//! a case-sensitive one for ordinary sentences and a case-insensitive one for sentences written
//! entirely in capitals. All are built once, in [`super::Extractor::new`].

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::lexicon::{Lexicon, NameKind};
use crate::model::{ActorId, PredicateId};

/// How a trigger names its predicate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Past tense or past participle: `expelled`, `withdrawn`.
    Past,
    /// Present participle or gerund: `expelling`.
    Ing,
    /// Base or third-person form: `expel`, `expels`.
    Base,
    /// A noun: `expulsion`.
    Noun,
}

/// What one trigger pattern stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Trigger {
    pub predicate: PredicateId,
    pub form: Form,
    /// The pattern has a pronoun object inside (`ordered them to leave`): the people it is done
    /// to were named before the trigger.
    pub pronoun_object: bool,
    /// The word is also listed as a noun (`arrests`, `sanctions`): read as a noun after a
    /// determiner, a possessive or a preposition.
    pub also_noun: bool,
    /// A `cued` form (`died`, `deaths`): the event only in a sentence with one of the
    /// predicate's `cue` words, and never done by whoever reports it.
    pub cued: bool,
    /// A `counted` form (`contributes`): the event only when its object is one of what the
    /// predicate counts (`contributes 700 troops`, not `gas supplies`).
    pub counted: bool,
}

/// One name an actor goes by in articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Name {
    pub actor: ActorId,
    pub kind: NameKind,
}

/// The compiled automata.
#[derive(Debug, Clone)]
pub struct Automata {
    pub triggers: Option<AhoCorasick>,
    pub trigger_info: Vec<Trigger>,
    pub names: Option<AhoCorasick>,
    pub names_folded: Option<AhoCorasick>,
    pub name_info: Vec<Name>,
}

/// Pronouns that may stand between the verb of a phrase and the rest (`ordered them to leave`).
const PHRASE_PRONOUNS: &[&str] = &["them", "him", "her", "it"];

fn verb_form(word: &str, canonical: &str) -> Form {
    let w = word.to_ascii_lowercase();
    if w == canonical || w.ends_with("ed") || w.ends_with("en") || w.ends_with("wn") {
        Form::Past
    } else if w.ends_with("ing") {
        Form::Ing
    } else {
        Form::Base
    }
}

/// The form of a phrase, from its first word: a noun when that word is one of the predicate's
/// nouns or ends like one (`imposition of sanctions`, `deployment of troops`), else a verb form.
fn phrase_form(first: &str, canonical: &str, nouns: &[String]) -> Form {
    let w = first.to_ascii_lowercase();
    let noun_ending =
        ["tion", "sion", "ment"].iter().any(|e| w.len() > e.len() + 2 && w.ends_with(e));
    if noun_ending || nouns.iter().any(|n| n.eq_ignore_ascii_case(&w)) {
        Form::Noun
    } else {
        verb_form(&w, canonical)
    }
}

/// A name as matched in text: a leading `the` is dropped (`the Kremlin` matches `Kremlin`, and
/// `the Netherlands` is found by `Netherlands`).
fn strip_the(name: &str) -> &str {
    let n = name.trim();
    for p in ["the ", "The "] {
        if let Some(rest) = n.strip_prefix(p)
            && !rest.trim().is_empty()
        {
            return rest.trim();
        }
    }
    n
}

/// Builds a leftmost-longest automaton; `None` only for a rule set too large to compile, which
/// then matches nothing rather than panicking.
fn build(patterns: &[String], fold: bool) -> Option<AhoCorasick> {
    // A full DFA: the fastest search, and the automata are small (a few thousand states).
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(fold)
        .kind(Some(AhoCorasickKind::DFA))
        .build(patterns)
        .ok()
}

impl Automata {
    pub fn new(lexicon: &Lexicon) -> Self {
        let mut pats: Vec<String> = Vec::new();
        let mut info: Vec<Trigger> = Vec::new();
        let add = |p: String, t: Trigger, pats: &mut Vec<String>, info: &mut Vec<Trigger>| {
            let p = p.trim().to_string();
            if p.is_empty() || pats.iter().any(|q| q.eq_ignore_ascii_case(&p)) {
                return;
            }
            pats.push(p);
            info.push(t);
        };
        for (i, pred) in lexicon.predicates().iter().enumerate() {
            let id = PredicateId(i as u16);
            let canonical = pred.canonical.to_ascii_lowercase();
            for v in std::iter::once(&pred.canonical).chain(pred.verbs.iter()) {
                let t = Trigger {
                    predicate: id,
                    form: verb_form(v, &canonical),
                    pronoun_object: false,
                    also_noun: pred.nouns.iter().any(|n| n.eq_ignore_ascii_case(v)),
                    cued: false,
                    counted: false,
                };
                add(v.clone(), t, &mut pats, &mut info);
            }
            for n in &pred.nouns {
                let t = Trigger {
                    predicate: id,
                    form: Form::Noun,
                    pronoun_object: false,
                    also_noun: true,
                    cued: false,
                    counted: false,
                };
                add(n.clone(), t, &mut pats, &mut info);
            }
            for ph in &pred.phrases {
                let words: Vec<&str> = ph.split_whitespace().collect();
                let Some((first, rest)) = words.split_first() else { continue };
                let form = phrase_form(first, &canonical, &pred.nouns);
                let t = Trigger {
                    predicate: id,
                    form,
                    pronoun_object: false,
                    also_noun: false,
                    cued: false,
                    counted: false,
                };
                add(words.join(" "), t, &mut pats, &mut info);
                if rest.is_empty() {
                    continue;
                }
                let tail = rest.join(" ");
                // `declared "persona non grata"`: the rest of the phrase quoted.
                for (open, close) in [("\"", "\""), ("\u{201c}", "\u{201d}")] {
                    add(format!("{first} {open}{tail}{close}"), t, &mut pats, &mut info);
                }
                // `ordered them to leave`: a pronoun object after the verb.
                for pro in PHRASE_PRONOUNS {
                    let t = Trigger { pronoun_object: true, ..t };
                    add(format!("{first} {pro} {tail}"), t, &mut pats, &mut info);
                    add(format!("{first} {pro} \"{tail}\""), t, &mut pats, &mut info);
                }
            }
            // Counted forms: verbs that are the event only with a counted object (`took
            // prisoners`: the verb, with its own noun).
            for item in &pred.counted {
                let Some(v) = item.split_whitespace().next() else { continue };
                let t = Trigger {
                    predicate: id,
                    form: verb_form(v, &canonical),
                    pronoun_object: false,
                    also_noun: false,
                    cued: false,
                    counted: true,
                };
                add(v.to_string(), t, &mut pats, &mut info);
            }
            // Cued forms: a participle (`died`) reads as a verb whose patient comes before it;
            // anything else (`deaths`, `dead`, `death toll`) as a noun.
            for c in &pred.cued {
                let c = c.split_whitespace().collect::<Vec<_>>().join(" ");
                let w = c.to_ascii_lowercase();
                let form = if w.contains(' ') {
                    Form::Noun
                } else if w.ends_with("ed") || w.ends_with("en") {
                    Form::Past
                } else if w.ends_with("ing") {
                    Form::Ing
                } else {
                    Form::Noun
                };
                let t = Trigger {
                    predicate: id,
                    form,
                    pronoun_object: false,
                    also_noun: false,
                    cued: true,
                    counted: false,
                };
                add(c, t, &mut pats, &mut info);
            }
        }
        let triggers = build(&pats, true);

        let mut names: Vec<String> = Vec::new();
        let mut name_info: Vec<Name> = Vec::new();
        for (i, actor) in lexicon.actors().iter().enumerate() {
            for (n, kind) in actor.article_names() {
                let n = strip_the(n);
                // Names must hold a letter; `names` is searched case-sensitively, so the same
                // text may appear with different case.
                if !n.chars().any(char::is_alphabetic) || names.iter().any(|m| m == n) {
                    continue;
                }
                names.push(n.to_string());
                name_info.push(Name { actor: ActorId(i as u32), kind });
            }
        }
        Automata {
            triggers,
            trigger_info: info,
            names: build(&names, false),
            names_folded: build(&names, true),
            name_info,
        }
    }
}
