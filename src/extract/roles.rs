//! Who did what to whom: role assignment in one sentence around each trigger.
//!
//! The sentence arrives tokenized, with its actor mentions, counts, dates and trigger hits
//! already found and marked on the tokens. For each trigger the roles are read by a handful of
//! rules over a small window of tokens (no parsing, no backtracking):
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
//!   the agent after `by`, or else the attribution (`"...," the Russian foreign ministry said`).
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

use std::ops::Range;

use super::date::DateMatch;
use super::names::{Form, Trigger};
use super::number::NumberMatch;
use super::tokens::{Kind, Token};
use crate::lexicon::{Lexicon, NameKind};
use crate::model::{ActorId, Fact, Quantity, Span};
use crate::source::FileId;

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
    pub tokens: &'a [Token],
    pub mentions: &'a [Mention],
    pub counts: &'a [NumberMatch],
    pub dates: &'a [DateMatch],
    pub hits: &'a [Hit],
    pub lexicon: &'a Lexicon,
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
    first_tok: Option<usize>,
    last_tok: Option<usize>,
}

const PREPOSITIONS: &[&str] = &[
    "of",
    "from",
    "in",
    "to",
    "into",
    "against",
    "for",
    "with",
    "on",
    "at",
    "over",
    "between",
    "towards",
    "toward",
    "across",
    "including",
    "like",
    "by",
    "than",
    "about",
    "among",
    "within",
    "outside",
    "inside",
    "near",
    "via",
    "per",
    "under",
    "through",
    "throughout",
    "during",
    "without",
    "upon",
    "onto",
    "out",
    "off",
    "around",
    "amongst",
    "behind",
    "beyond",
];

const LEFT_STOPS: &[&str] = &[
    "after", "while", "when", "before", "because", "although", "though", "whereas", "but", "until",
    "unless", "if", "whether", "whilst", "once",
];

const RIGHT_STOPS: &[&str] = &[
    "after",
    "amid",
    "amidst",
    "while",
    "because",
    "following",
    "as",
    "since",
    "before",
    "when",
    "where",
    "which",
    "who",
    "whom",
    "whose",
    "but",
    "although",
    "despite",
    "though",
    "until",
    "whereas",
    "saying",
    "said",
    "says",
    "and",
    "or",
    "citing",
    "accusing",
    "alleging",
];

/// Words that before a trigger mean it did not (yet) happen: no fact.
const BLOCKERS: &[&str] = &[
    "could",
    "would",
    "might",
    "may",
    "should",
    "must",
    "can",
    "cannot",
    "can't",
    "couldn't",
    "wouldn't",
    "shouldn't",
    "mightn't",
    "threatened",
    "threatens",
    "threaten",
    "threatening",
    "plans",
    "plan",
    "planned",
    "planning",
    "wants",
    "want",
    "wanted",
    "wanting",
    "seeks",
    "seek",
    "sought",
    "seeking",
    "considering",
    "consider",
    "considers",
    "considered",
    "urged",
    "urges",
    "urge",
    "urging",
    "asked",
    "asks",
    "ask",
    "asking",
    "proposed",
    "proposes",
    "propose",
    "proposing",
    "vowed",
    "vows",
    "vow",
    "promised",
    "promises",
    "pledged",
    "pledges",
    "intends",
    "intend",
    "intended",
    "aims",
    "aim",
    "aimed",
    "hopes",
    "hope",
    "hoped",
    "call",
    "calls",
    "called",
    "calling",
    "demanded",
    "demands",
    "demand",
    "demanding",
    "if",
    "whether",
    "unless",
    "avoid",
    "avoided",
    "avoiding",
    "against",
    "ready",
    "prepared",
    "possible",
    "potential",
    "yet",
    "without",
    "reluctant",
    "warned",
    "warns",
    "warning",
    "mulling",
    "weighing",
    "debating",
    "discussing",
    "discussed",
    "rejected",
    "rejects",
    "ruled",
    "denied",
    "denies",
    "deny",
    "opposed",
    "opposes",
    "oppose",
    "resisted",
    "resist",
    "imminent",
    "likely",
    "expected",
    "rumoured",
    "rumored",
    "alleged",
    "allegedly",
    "feared",
    "fear",
    "fears",
    "veto",
    "vetoes",
    "vetoed",
    "vetoing",
];

/// Words that, followed by `to` before the trigger, say the actor did not do it: a negated fact
/// (`Italy and Spain have so far declined to expel`, `refused to`, `failed to`).
const REFUSALS: &[&str] = &[
    "declined",
    "declines",
    "decline",
    "declining",
    "refused",
    "refuses",
    "refuse",
    "refusing",
    "failed",
    "fails",
    "fail",
];

/// Words that make the trigger a denial: a negated fact.
const NEGATORS: &[&str] = &["not", "never", "no", "neither", "nor"];

/// Auxiliaries of the passive.
const BE: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "am", "get", "gets", "got", "gotten",
    "getting",
];

/// Words allowed between an auxiliary and the verb.
const ADVERBS: &[&str] = &[
    "also",
    "already",
    "not",
    "never",
    "now",
    "since",
    "so",
    "far",
    "just",
    "all",
    "both",
    "then",
    "reportedly",
    "recently",
    "subsequently",
    "formally",
    "previously",
    "allegedly",
    "effectively",
    "immediately",
    "eventually",
    "finally",
    "mostly",
    "each",
    "too",
    "have",
    "has",
    "had",
    "will",
    "shall",
];

/// Nouns whose demonym or name before them makes a state an agent.
const AGENT_NOUNS: &[&str] = &[
    "government",
    "governments",
    "ministry",
    "ministries",
    "minister",
    "ministers",
    "official",
    "officials",
    "authorities",
    "authority",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "forces",
    "force",
    "troops",
    "military",
    "militaries",
    "army",
    "armies",
    "navy",
    "police",
    "president",
    "premier",
    "leader",
    "leaders",
    "leadership",
    "court",
    "courts",
    "prosecutor",
    "prosecutors",
    "embassy",
    "security",
    "soldiers",
    "militants",
    "rebels",
    "guerrillas",
    "parliament",
    "cabinet",
    "regime",
    "state",
    "officers",
    "administration",
    "department",
    "office",
    "agency",
    "agencies",
    "services",
    "service",
    "warplanes",
    "jets",
    "aircraft",
    "gunmen",
    "fighters",
    "commission",
    "council",
    "chancellor",
    "king",
    "junta",
    "judges",
    "judge",
    "diplomacy",
    "secretary",
    "intelligence",
    "counterintelligence",
    "coastguard",
    "guards",
    "guard",
    "border",
    "drones",
    "artillery",
    "missiles",
    "bombers",
    "air",
    "missile",
    "strike",
    "strikes",
    "airstrike",
    "airstrikes",
    "attack",
    "attacks",
    "shelling",
    "raid",
    "raids",
    "bombardment",
    "offensive",
    "rocket",
    "rockets",
    "shells",
    "marines",
    "paratroopers",
    "personnel",
    "units",
    "unit",
    "warships",
    "ships",
    "submarine",
];

/// Nouns of the forces a state sends or pulls out: `1,000 American troops`.
const FORCES: &[&str] = &[
    "troops",
    "soldiers",
    "forces",
    "personnel",
    "marines",
    "paratroopers",
    "servicemen",
    "servicemembers",
    "military",
    "units",
    "battalions",
    "brigades",
    "warships",
    "jets",
];

/// Speech verbs that attribute a statement to their subject.
const SPEECH: &[&str] = &[
    "said",
    "says",
    "say",
    "announced",
    "announces",
    "stated",
    "states",
    "added",
    "told",
    "confirmed",
    "confirms",
    "informed",
    "declared",
    "reported",
    "reports",
    "according",
];

/// Verbs whose object noun's agent is their subject: `X announced expulsions of ...`.
const ANNOUNCE: &[&str] = &[
    "announced",
    "announce",
    "announces",
    "announcing",
    "ordered",
    "order",
    "orders",
    "ordering",
    "made",
    "make",
    "makes",
    "carried",
    "carries",
    "began",
    "begin",
    "begins",
    "launched",
    "unveiled",
    "approved",
    "approves",
    "confirmed",
    "confirms",
    "decided",
    "completed",
    "stepped",
    "conducted",
    "imposed",
    "imposes",
    "imposing",
    "ordering",
];

/// Words skipped between an announcing verb and its noun (`announced the mass expulsion`).
const NOUN_DETS: &[&str] = &[
    "the",
    "a",
    "an",
    "its",
    "their",
    "his",
    "her",
    "new",
    "further",
    "more",
    "mass",
    "fresh",
    "immediate",
    "retaliatory",
    "tit-for-tat",
    "out",
    "first",
    "second",
    "latest",
    "another",
    "wave",
    "of",
    "sweeping",
    "several",
    "additional",
];

/// Words skipped before a count after the verb (`expelled a further 10`).
const COUNT_DETS: &[&str] = &[
    "a",
    "an",
    "the",
    "another",
    "further",
    "some",
    "its",
    "their",
    "his",
    "her",
    "all",
    "of",
    "at",
    "least",
    "total",
    "additional",
    "other",
    "only",
    "just",
    "nearly",
    "almost",
    "roughly",
];

/// Words after a number that make it something other than a count of people or things done
/// to (`two weeks`, `50 percent`, `5 mln dlrs`).
const UNITS: &[&str] = &[
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "hour",
    "hours",
    "minute",
    "minutes",
    "second",
    "seconds",
    "percent",
    "pct",
    "per",
    "%",
    "dollars",
    "dlrs",
    "euros",
    "pounds",
    "yen",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "metres",
    "meters",
    "tonnes",
    "tons",
    "barrels",
    "shares",
    "cts",
    "cents",
    "mln",
    "billion",
    "bln",
    "am",
    "pm",
    "a.m",
    "p.m",
    "o'clock",
    "times",
    "decades",
    "decade",
    "centuries",
    "century",
    "kg",
    "mph",
    "feet",
    "foot",
    "acres",
    "hectares",
    "th",
    "st",
    "nd",
    "rd",
    "gmt",
    "bst",
    "round",
    "rounds",
];

/// Nouns that count people: `a group of`, `dozens of`.
const COLLECTIVES: &[&str] = &[
    "group",
    "groups",
    "number",
    "total",
    "dozens",
    "dozen",
    "hundreds",
    "thousands",
    "scores",
    "team",
    "delegation",
    "couple",
    "handful",
    "pair",
    "batch",
    "contingent",
    "contingents",
    "unit",
    "units",
    "battalion",
    "battalions",
    "brigade",
    "brigades",
    "company",
    "staff",
];

/// Singular nouns of one person: `a Marine was charged`, `an Iranian official was arrested`,
/// `BLACK POLICEMAN KILLED` count one.
const ONE_PERSON: &[&str] = &[
    "man",
    "woman",
    "boy",
    "girl",
    "person",
    "civilian",
    "citizen",
    "national",
    "resident",
    "soldier",
    "marine",
    "sailor",
    "pilot",
    "officer",
    "official",
    "policeman",
    "policewoman",
    "diplomat",
    "ambassador",
    "envoy",
    "consul",
    "attache",
    "spy",
    "agent",
    "journalist",
    "reporter",
    "photographer",
    "worker",
    "employee",
    "translator",
    "interpreter",
    "executive",
    "businessman",
    "businesswoman",
    "trader",
    "banker",
    "captain",
    "colonel",
    "lieutenant",
    "sergeant",
    "corporal",
    "commander",
    "guard",
    "activist",
    "student",
    "teacher",
    "doctor",
    "priest",
    "suspect",
    "defector",
    "militant",
    "rebel",
    "guerrilla",
    "fighter",
    "gunman",
    "bomber",
    "leader",
    "politician",
    "lawmaker",
    "mayor",
    "governor",
    "oligarch",
    "tycoon",
    "dissident",
    "opponent",
    "critic",
    "volunteer",
    "mercenary",
    "contractor",
    "aide",
    "adviser",
    "advisor",
];

/// Determiners that make a past participle an adjective: `the expelled diplomats`.
const ADJ_DETS: &[&str] = &["the", "a", "an", "these", "those", "its", "their", "his", "her"];

const PRONOUNS: &[&str] = &["it", "they", "we", "he", "she", "which", "who", "that"];

fn one_of(w: &str, list: &[&str]) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

impl<'a> Sentence<'a> {
    fn word(&self, i: usize) -> &'a str {
        match self.tokens.get(i) {
            Some(t) if matches!(t.kind, Kind::Word | Kind::Possessive) => {
                self.text.get(t.span.clone()).unwrap_or("")
            }
            _ => "",
        }
    }

    fn is(&self, i: usize, list: &[&str]) -> bool {
        let w = self.word(i);
        !w.is_empty() && one_of(w, list)
    }

    fn punct(&self, i: usize) -> Option<char> {
        match self.tokens.get(i)?.kind {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }

    fn mention_at(&self, i: usize) -> Option<usize> {
        self.tokens.get(i)?.actor.map(|m| m as usize)
    }

    fn mention_starting_at(&self, i: usize) -> Option<usize> {
        let m = self.mention_at(i)?;
        (self.mentions.get(m)?.toks.start == i).then_some(m)
    }

    /// A sentence that asks rather than states.
    fn is_question(&self) -> bool {
        self.tokens.iter().rev().find_map(|t| match t.kind {
            Kind::Punct('"' | '\'' | '\u{201d}' | '\u{2019}' | ')') => None,
            Kind::Punct(c) => Some(c == '?'),
            _ => Some(false),
        }) == Some(true)
    }

    /// The first token of the clause the trigger at `ti` is in, looking left, and whether the
    /// word that stopped the scan makes the clause hypothetical (`if`, `unless`, `whether`).
    fn left_stop(&self, ti: usize) -> (usize, bool) {
        let mut k = ti;
        while k > 0 {
            k -= 1;
            if matches!(self.punct(k), Some(';' | ':' | '\u{2014}' | '\u{2013}' | '?' | '!')) {
                return (k + 1, false);
            }
            if self.is(k, LEFT_STOPS) {
                return (k + 1, self.is(k, &["if", "unless", "whether"]));
            }
            if self.tokens.get(k).is_some_and(|t| t.trigger.is_some()) && ti - k > 12 {
                return (k + 1, false);
            }
        }
        (0, false)
    }

    /// One past the last token of the clause that follows the trigger ending at `tj`.
    fn right_end(&self, tj: usize) -> usize {
        let n = self.tokens.len();
        let mut k = tj;
        while k < n {
            let t = &self.tokens[k];
            if t.trigger.is_some() {
                return k;
            }
            match t.kind {
                Kind::Punct(',') => {
                    // A list of counts goes on: `21 from Belgium, 15 from the Netherlands`.
                    let next = if self.is(k + 1, &["and"]) { k + 2 } else { k + 1 };
                    if !self.list_item_at(next) {
                        return k;
                    }
                }
                Kind::Punct(';' | ':' | '(' | ')' | '\u{2014}' | '\u{2013}' | '?' | '!' | '.') => {
                    return k;
                }
                Kind::Word => {
                    let w = self.word(k);
                    if one_of(w, &["and", "or"]) {
                        // `and 15 from the Netherlands` continues a list; `and wounded` does not.
                        if self.tokens.get(k + 1).is_some_and(|t| t.count.is_some()) {
                            k += 1;
                            continue;
                        }
                        return k;
                    }
                    if one_of(w, RIGHT_STOPS) && t.count.is_none() && t.date.is_none() {
                        return k;
                    }
                    if w.eq_ignore_ascii_case("in")
                        && self.is(k + 1, &["retaliation", "response", "protest", "reprisal"])
                    {
                        return k;
                    }
                }
                _ => {}
            }
            k += 1;
        }
        n
    }

    /// Whether the mention `m` can be the subject of a verb to its right.
    fn can_be_subject(&self, m: usize) -> bool {
        let Some(men) = self.mentions.get(m) else { return false };
        let (s, e) = (men.toks.start, men.toks.end);
        // After a preposition (`the`/`its` skipped), or inside a count (`18 EU diplomats`).
        let mut p = s;
        while p > 0 && self.is(p - 1, &["the", "its", "their"]) {
            p -= 1;
        }
        if p > 0 && (self.is(p - 1, PREPOSITIONS) || self.tokens[p - 1].count.is_some()) {
            return false;
        }
        let agent_follows = (e..(e + 4).min(self.tokens.len()))
            .take_while(|&k| self.tokens[k].actor.is_none())
            .any(|k| self.is(k, AGENT_NOUNS));
        match men.kind {
            NameKind::Demonym => agent_follows,
            _ => {
                // `Moscow's foreign envoys`: a possessor, unless of an agent.
                if self.tokens.get(e).is_some_and(|t| t.kind == Kind::Possessive) {
                    return agent_follows;
                }
                // `US diplomats expelled`: a modifier of the people counted.
                if self.is(e, &["diplomats", "diplomat", "envoys", "nationals", "citizens"]) {
                    return false;
                }
                true
            }
        }
    }

    /// The mention and the actors joined to it by `and` / `,` on its left.
    fn group_leftwards(&self, m: usize) -> Group {
        let mut g = Group::default();
        let Some(men) = self.mentions.get(m) else { return g };
        g.actors.push(men.actor);
        let mut span = men.span.clone();
        let mut first = men.toks.start;
        let mut joined_by_and = false;
        loop {
            let mut k = first;
            // `the Netherlands and Belgium`: skip the article of the next name.
            let sep = k.checked_sub(1);
            let Some(sep) = sep else { break };
            let is_and = self.is(sep, &["and", "&"]);
            let is_comma = self.punct(sep) == Some(',');
            if !(is_and || (is_comma && joined_by_and)) {
                break;
            }
            k = sep;
            if k > 0 && self.is(k - 1, &["the"]) && self.mention_at(k - 1).is_none() {
                // `X and the Y`: nothing to skip on this side; `the` belongs to the right.
            }
            let Some(prev) = k.checked_sub(1).and_then(|i| self.mention_at(i)) else { break };
            let Some(pm) = self.mentions.get(prev) else { break };
            if pm.kind == NameKind::Demonym {
                break;
            }
            if !g.actors.contains(&pm.actor) {
                g.actors.push(pm.actor);
            }
            span.start = pm.span.start;
            first = pm.toks.start;
            joined_by_and |= is_and;
        }
        // Sorted, as actor sets are everywhere (claims, compat, display).
        g.actors.sort();
        g.span = Some(span);
        g.first_tok = first;
        g
    }

    /// The mention and the actors joined to it by `and` on its right (`by Germany and France`).
    fn group_rightwards(&self, m: usize) -> Group {
        let mut g = Group::default();
        let Some(men) = self.mentions.get(m) else { return g };
        g.actors.push(men.actor);
        g.first_tok = men.toks.start;
        let mut span = men.span.clone();
        let mut end = men.toks.end;
        while self.is(end, &["and"]) || self.punct(end) == Some(',') {
            let mut k = end + 1;
            if self.is(k, &["the"]) {
                k += 1;
            }
            let Some(nm) = self.mention_starting_at(k) else { break };
            let Some(next) = self.mentions.get(nm) else { break };
            if !g.actors.contains(&next.actor) {
                g.actors.push(next.actor);
            }
            span.end = next.span.end;
            end = next.toks.end;
        }

        g.actors.sort();
        g.span = Some(span);
        g
    }

    /// The subject of a verb at token `ti`: the nearest actor to its left in the clause that
    /// can be a subject, with the actors coordinated with it.
    fn subject_left(&self, ti: usize, stop: usize) -> Option<Group> {
        let mut k = ti;
        while k > stop {
            k -= 1;
            let Some(m) = self.mention_at(k) else { continue };
            let Some(men) = self.mentions.get(m) else { continue };
            if men.toks.start < stop {
                break;
            }
            if self.can_be_subject(m) {
                return Some(self.group_leftwards(m));
            }
            k = men.toks.start;
        }
        None
    }

    /// An agent after `by` in `[from, to)`.
    fn by_agent(&self, from: usize, to: usize) -> Option<Group> {
        let mut k = from;
        while k < to {
            if self.is(k, &["by"]) {
                let mut j = k + 1;
                if self.is(j, &["the", "a", "an"]) {
                    j += 1;
                }
                let m = self.mention_starting_at(j)?;
                let men = self.mentions.get(m)?;
                if men.kind == NameKind::Demonym && !self.can_be_subject(m) {
                    return None;
                }
                return Some(self.group_rightwards(m));
            }
            k += 1;
        }
        None
    }

    /// The actor a statement in the sentence is attributed to (`..., the Russian foreign
    /// ministry said`; `Belgium said that ...`).
    fn attribution(&self) -> Option<Group> {
        for k in 0..self.tokens.len() {
            if !self.is(k, SPEECH) {
                continue;
            }
            // `X said`: an actor within four tokens before.
            let lo = k.saturating_sub(5);
            let mut j = k;
            while j > lo {
                j -= 1;
                if matches!(self.punct(j), Some(',' | '"' | '\u{201d}' | '\u{201c}')) {
                    break;
                }
                if let Some(m) = self.mention_at(j) {
                    if self.can_be_subject(m) {
                        return Some(self.group_leftwards(m));
                    }
                    break;
                }
            }
            // `said the Russian foreign ministry`.
            let mut j = k + 1;
            if self.is(j, &["the"]) {
                j += 1;
            }
            if let Some(m) = self.mention_starting_at(j)
                && self.can_be_subject(m)
            {
                return Some(self.group_rightwards(m));
            }
        }
        None
    }

    fn is_unit_count(&self, c: usize) -> bool {
        let Some(cm) = self.counts.get(c) else { return true };
        let last = self.tokens.iter().rposition(|t| t.count == Some(c as u32));
        let Some(last) = last else { return true };
        let next = last + 1;
        if self.is(next, UNITS) || self.punct(next) == Some('%') {
            return true;
        }
        let first = self.tokens.iter().position(|t| t.count == Some(c as u32)).unwrap_or(last);
        if first > 0 && matches!(self.punct(first - 1), Some('$' | '\u{a3}' | '\u{20ac}')) {
            return true;
        }
        let _ = cm;
        false
    }

    /// Counted items from token `k` (after skipping determiners) up to `end`.
    fn items_from(&self, mut k: usize, end: usize, preps: &[String]) -> Vec<Item> {
        let mut items = Vec::new();
        let mut skipped = 0;
        while k < end
            && skipped < 3
            && self.tokens[k].count.is_none()
            && self.is(k, COUNT_DETS)
            && self.tokens[k].actor.is_none()
        {
            k += 1;
            skipped += 1;
        }
        loop {
            let mut item = Item::default();
            let mut words = 0;
            // `imposing sanctions on 67 Russians`: the object preposition before a count.
            let mut after_prep = false;
            if k + 1 < end
                && preps.iter().any(|p| p.eq_ignore_ascii_case(self.word(k)))
                && self.tokens[k + 1].count.is_some_and(|c| !self.is_unit_count(c as usize))
            {
                k += 1;
                after_prep = true;
            }
            while k < end && words < 6 {
                let t = &self.tokens[k];
                if let Some(c) = t.count {
                    if item.count.is_some() || item.modifier.is_some() {
                        break;
                    }
                    if !self.is_unit_count(c as usize) {
                        item.count = Some(c as usize);
                        item.first_tok.get_or_insert(k);
                    }
                    while k < end && self.tokens[k].count == Some(c) {
                        k += 1;
                    }
                    item.last_tok = Some(k - 1);
                    continue;
                }
                if let Some(m) = t.actor {
                    let m = m as usize;
                    let Some(men) = self.mentions.get(m) else { break };
                    if item.modifier.is_none() {
                        item.modifier = Some(m);
                        item.first_tok.get_or_insert(k);
                    }
                    k = men.toks.end.max(k + 1);
                    item.last_tok = Some(k - 1);
                    continue;
                }
                match t.kind {
                    Kind::Possessive => {
                        k += 1;
                        continue;
                    }
                    Kind::Punct('-') => {
                        k += 1;
                        continue;
                    }
                    Kind::Punct(_) => break,
                    _ => {}
                }
                if t.trigger.is_some() || self.is(k, PREPOSITIONS) || self.is(k, RIGHT_STOPS) {
                    break;
                }
                if self.is(k, &["and", "or", "that", "to"]) {
                    break;
                }
                // `detained a U.S. worker in Istanbul`: one person.
                if item.count.is_none()
                    && item.single.is_none()
                    && t.actor.is_none()
                    && self.is(k, ONE_PERSON)
                    && !self.object_may_follow(k + 1)
                {
                    item.single = Some(k);
                    item.first_tok.get_or_insert(k);
                    item.last_tok = Some(k);
                }
                // `a group of Russian officials`, `dozens of Russian diplomats`.
                if self.is(k + 1, &["of"]) && self.is(k, COLLECTIVES) {
                    k += 2;
                    words += 2;
                    continue;
                }
                k += 1;
                words += 1;
            }
            // An object preposition: `from Belgium`, `to Poland`.
            if k < end && preps.iter().any(|p| p.eq_ignore_ascii_case(self.word(k))) {
                let mut j = k + 1;
                if self.is(j, &["the"]) {
                    j += 1;
                }
                if j < end
                    && let Some(m) = self.mention_starting_at(j)
                    && let Some(men) = self.mentions.get(m)
                    && men.kind != NameKind::Demonym
                {
                    item.prep = Some(m);
                    item.prep_from = self.is(k, &["from"]);
                    k = men.toks.end;
                    item.last_tok = Some(k - 1);
                }
            }
            // After the preposition the count is of targets only when they are named
            // (`on 67 Russians`), not of places (`to 8 countries`).
            if after_prep && item.modifier.is_none() {
                item.count = None;
            }
            let useful = item.count.is_some()
                || item.single.is_some()
                || item.modifier.is_some()
                || item.prep.is_some();
            if useful {
                items.push(item);
            }
            // A list goes on: `and 15 from the Netherlands`, `, 15 from ...`.
            let mut j = k;
            if self.punct(j) == Some(',') {
                j += 1;
            }
            if self.is(j, &["and"]) {
                j += 1;
            }
            if j > k && j < end && self.list_item_at(j) && useful {
                k = j;
                continue;
            }
            break;
        }
        items
    }

    /// The patient named before a passive verb (or before `ordered them to leave`): counted
    /// items in `[from, to)`, or an actor right before the verb (`Russian diplomats were`).
    fn items_before(&self, from: usize, to: usize, preps: &[String]) -> Vec<Item> {
        // The counted noun phrase nearest the verb: a participle between two counts ends the
        // first one's clause (`Four people died and 40 were injured`).
        let mut first_count = None;
        for k in from..to {
            let t = &self.tokens[k];
            if t.count.is_some_and(|c| !self.is_unit_count(c as usize)) {
                first_count.get_or_insert(k);
            } else if t.count.is_none() && t.actor.is_none() && {
                let w = self.word(k);
                w.len() > 3 && w.ends_with("ed")
            } {
                first_count = None;
            }
        }
        // `Arnold Bracy, 21, was charged`: an age after a name, one person.
        if let Some(c) = first_count
            && c >= 2
            && self.punct(c - 1) == Some(',')
            && self.word(c - 2).starts_with(|ch: char| ch.is_ascii_uppercase())
            && self.tokens[c - 2].actor.is_none()
            && self.punct(c + 1) == Some(',')
        {
            return vec![Item {
                single: Some(c - 2),
                first_tok: Some(c - 2),
                last_tok: Some(c - 2),
                ..Item::default()
            }];
        }
        if let Some(c) = first_count {
            // Start the noun phrase at its determiners' end; keep the modifier before the count
            // out (it would be the subject).
            let items = self.items_from(c, to, preps);
            if !items.is_empty() {
                return items;
            }
        }
        // `an Iranian official was arrested`, `A second U.S. Marine has been charged`: one.
        if let Some(item) =
            to.checked_sub(1).filter(|&k| k >= from).and_then(|k| self.one_person(k, from))
        {
            return vec![item];
        }
        // `Russian diplomats were expelled`, `19 Russians were`, `diplomats from Russia were`.
        for back in 1..=2 {
            let Some(k) = to.checked_sub(back) else { break };
            if k < from {
                break;
            }
            if let Some(m) = self.mention_at(k)
                && let Some(men) = self.mentions.get(m)
            {
                if back == 2 && self.tokens.get(k + 1).is_none_or(|t| t.kind != Kind::Word) {
                    break;
                }
                return vec![Item {
                    modifier: Some(m),
                    first_tok: Some(men.toks.start),
                    last_tok: Some(men.toks.end - 1),
                    ..Item::default()
                }];
            }
        }
        Vec::new()
    }

    /// A singular person noun at `k` heading its noun phrase (`an Iranian official`, `a second
    /// U.S. Marine`), as an item counting one, with the actor modifying it (no further left than
    /// `from`).
    fn one_person(&self, k: usize, from: usize) -> Option<Item> {
        if !self.is(k, ONE_PERSON) || self.tokens.get(k)?.actor.is_some() {
            return None;
        }
        let mut item =
            Item { single: Some(k), first_tok: Some(k), last_tok: Some(k), ..Item::default() };
        let mut j = k;
        let mut steps = 0;
        while j > from && steps < 5 {
            j -= 1;
            steps += 1;
            let t = &self.tokens[j];
            if let Some(m) = t.actor {
                let m = m as usize;
                let men = self.mentions.get(m)?;
                item.modifier.get_or_insert(m);
                item.first_tok = Some(men.toks.start);
                j = men.toks.start;
                continue;
            }
            if t.count.is_some()
                || t.kind != Kind::Word
                || self.is(j, PREPOSITIONS)
                || self.is(j, ADJ_DETS)
                || t.trigger.is_some()
            {
                break;
            }
        }
        Some(item)
    }

    /// Whether the word at `k` can start the object of an active verb (`killed two`, `arrested
    /// the`, `charged Smith`): when it cannot, a participle after a person noun is passive
    /// (`BLACK POLICEMAN KILLED IN SOWETO`).
    fn object_may_follow(&self, k: usize) -> bool {
        let Some(t) = self.tokens.get(k) else { return false };
        if t.count.is_some() || t.actor.is_some() {
            return true;
        }
        t.kind == Kind::Word
            && !self.is(k, PREPOSITIONS)
            && !self.is(k, RIGHT_STOPS)
            && t.date.is_none()
            && t.trigger.is_none()
    }

    /// The first token of the auxiliary chain before a past participle at `ti`, when the verb is
    /// passive (`were killed`, `have been expelled`, `are being expelled`).
    fn passive_aux(&self, ti: usize) -> Option<usize> {
        let mut k = ti;
        let mut found = None;
        let mut steps = 0;
        while k > 0 && steps < 4 {
            k -= 1;
            steps += 1;
            if self.is(k, BE) {
                found = Some(k);
                continue;
            }
            if self.is(k, ADVERBS) || self.word(k).to_ascii_lowercase().ends_with("ly") {
                continue;
            }
            if self.word(k).ends_with("n't") || self.word(k).ends_with("n\u{2019}t") {
                continue;
            }
            break;
        }
        found.map(|f| {
            // Include `have`/`has`/`will` before `been`/`be`.
            let mut s = f;
            while s > 0 && self.is(s - 1, ADVERBS) {
                s -= 1;
            }
            s
        })
    }

    /// Modality and negation in the few tokens before `ti` (after `stop`): `Some(true)` for a
    /// denial, `Some(false)` for nothing to worry about, `None` for no fact at all.
    fn polarity(&self, ti: usize, stop: usize) -> Option<bool> {
        let lo = ti.saturating_sub(6).max(stop);
        let mut negated = false;
        let mut k = ti;
        while k > lo {
            k -= 1;
            let t = &self.tokens[k];
            if t.actor.is_some() {
                // `urged Romania to expel`, `called on Romania to expel`: asked, not done.
                let mut j = k;
                while j > 0 && self.tokens[j - 1].actor.is_some() {
                    j -= 1;
                }
                let asked = j > 0
                    && (self.is(j - 1, BLOCKERS)
                        || (j > 1 && self.is(j - 1, &["on", "upon"]) && self.is(j - 2, BLOCKERS)));
                if asked && self.is(ti - 1, &["to"]) {
                    return None;
                }
                break;
            }
            if let Kind::Punct(c) = t.kind {
                if matches!(c, ',' | ';' | ':' | '(' | ')') {
                    break;
                }
                continue;
            }
            let w = self.word(k);
            if one_of(w, REFUSALS) {
                // `declined to expel`: a refusal is a denial; `declined the request`, no fact.
                if k + 1 < ti && self.is(k + 1, &["to"]) {
                    negated = true;
                    continue;
                }
                return None;
            }
            if one_of(w, BLOCKERS) {
                return None;
            }
            // `did not support proposals for ... sanctions`: the denial is of another head.
            if one_of(w, &["for", "of", "about", "over", "with"]) {
                break;
            }
            if one_of(w, NEGATORS) || w.ends_with("n't") || w.ends_with("n\u{2019}t") {
                negated = true;
            }
        }
        Some(negated)
    }

    /// The noun trigger is the subject of a modal (`Expulsions of Russian diplomats would only
    /// invite retaliation`): a hypothetical, no fact. Looks from `tj` to the first comma.
    fn modal_after(&self, tj: usize, right: usize) -> bool {
        let end = right.max(tj).min(tj + 10).min(self.tokens.len());
        for k in tj..end {
            if self.punct(k) == Some(',') {
                return false;
            }
            if self.tokens[k].date.is_none() && self.is(k, &["would", "could", "might", "should"]) {
                return true;
            }
        }
        false
    }

    /// A Reuters dateline inside the text (`MANILA, March 20 - Rebels killed ...`): the date the
    /// story was filed, not the date of what it tells.
    fn is_dateline(&self, d: usize) -> bool {
        let first = self.tokens.iter().position(|t| t.date == Some(d as u32));
        let last = self.tokens.iter().rposition(|t| t.date == Some(d as u32));
        let (Some(first), Some(last)) = (first, last) else { return false };
        first > 0
            && self.punct(first - 1) == Some(',')
            && matches!(self.punct(last + 1), Some('-' | '\u{2013}' | '\u{2014}'))
    }

    fn date_near(&self, from: usize, to: usize, ti: usize) -> Option<usize> {
        let mut best: Option<(usize, usize)> = None;
        for k in from..to.min(self.tokens.len()) {
            if let Some(d) = self.tokens[k].date
                && !self.is_dateline(d as usize)
                && !(k > 0
                    && self.tokens[k - 1].date != Some(d)
                    && self.is(k - 1, SPEECH)
                    && k < ti)
            {
                let dist = k.abs_diff(ti);
                if best.is_none_or(|(bd, _)| dist < bd) {
                    best = Some((dist, d as usize));
                }
            }
        }
        best.map(|(_, d)| d)
    }

    /// Reads the facts of the sentence into `out`.
    pub fn facts(&self, out: &mut Vec<Fact>) {
        if self.is_question() {
            return;
        }
        let first_new = out.len();
        let mut attribution: Option<Option<Group>> = None;
        for hit in self.hits {
            let (ti, tj) = (hit.toks.start, hit.toks.end);
            if ti >= tj || tj > self.tokens.len() {
                continue;
            }
            let pred = self.lexicon.predicate(hit.trigger.predicate);
            let preps = &pred.object_preps;
            let (stop, hypothetical) = self.left_stop(ti);
            if hypothetical {
                continue;
            }
            let Some(negated) = self.polarity(ti, stop) else { continue };
            let right = self.right_end(tj).max(tj);
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
            let mut subject: Option<Group>;
            let items: Vec<Item>;
            let mut noun_from_is_agent = false;
            let mut passive = false;
            match form {
                Form::Noun => {
                    if self.modal_after(tj, right) {
                        continue;
                    }
                    subject = self.noun_agent(ti, tj, right);
                    let start = if self.is(tj, &["of"]) { tj + 1 } else { tj };
                    items =
                        if start < right { self.items_from(start, right, preps) } else { vec![] };
                    noun_from_is_agent = subject.is_none();
                }
                _ => {
                    // `the expelled diplomats`: an adjective, not a statement.
                    if form == Form::Past
                        && ti > 0
                        && self.is(ti - 1, ADJ_DETS)
                        && self.tokens.get(tj).is_some_and(|t| t.kind == Kind::Word)
                        && !self.is(tj, PREPOSITIONS)
                    {
                        continue;
                    }
                    // `over charges of espionage`: a noun after a preposition or determiner.
                    if form == Form::Base
                        && ti > 0
                        && (self.is(ti - 1, ADJ_DETS)
                            || (self.is(ti - 1, PREPOSITIONS) && !self.is(ti - 1, &["to"])))
                    {
                        continue;
                    }
                    let aux = if form == Form::Past { self.passive_aux(ti) } else { None };
                    let reduced = aux.is_none()
                        && ((form == Form::Past && self.is(tj, &["by"]))
                            || self.count_before(ti)
                            || (form == Form::Past
                                && ti > 0
                                && self.is(ti - 1, ONE_PERSON)
                                && !self.object_may_follow(tj)));
                    if aux.is_some() || reduced {
                        passive = true;
                        let before = aux.unwrap_or(ti);
                        subject = self.by_agent(tj, right);
                        let from = self.previous_trigger_end(ti).max(stop);
                        let mut found = self.items_before(from, before, preps);
                        // `are deployed in Estonia`, `were withdrawn from Iraq`: the place after.
                        if let Some(p) = self.prep_after(tj, right, preps) {
                            match found.first_mut() {
                                Some(item) if item.prep.is_none() => {
                                    item.prep = Some(p);
                                    item.prep_from = false;
                                }
                                Some(_) => {}
                                None => found.push(Item { prep: Some(p), ..Item::default() }),
                            }
                        }
                        items = found;
                        if subject.is_none() {
                            subject = attribution.get_or_insert_with(|| self.attribution()).clone();
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
                            self.items_before(subj_end.max(stop), ti, preps)
                        } else {
                            after
                        };
                        if subject.is_none() && self.pronoun_before(ti, stop) {
                            subject = attribution.get_or_insert_with(|| self.attribution()).clone();
                        }
                    }
                }
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
                negated,
                form == Form::Noun,
                passive,
                noun_from_is_agent,
                stop,
                right,
                out,
            );
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
                }
            }
        }
        subsume(out, first_new);
    }

    /// Whether the trigger at `ti` ends a noun phrase of modifiers after `of` / `for` (`the
    /// package of western sanctions`, `proposals for European energy sanctions`): a noun.
    fn modified_after_of(&self, ti: usize) -> bool {
        let mut k = ti;
        let mut modifiers = 0;
        while k > 0 && modifiers < 3 {
            k -= 1;
            if self.is(k, &["of", "for"]) {
                return modifiers > 0;
            }
            let t = &self.tokens[k];
            if let Some(m) = t.actor.and_then(|m| self.mentions.get(m as usize)) {
                if m.kind != NameKind::Demonym {
                    return false;
                }
                k = m.toks.start;
            } else if t.kind != Kind::Word
                || t.count.is_some()
                || t.trigger.is_some()
                || self.is(k, PREPOSITIONS)
                || self.is(k, ADVERBS)
                || self.is(k, BE)
            {
                return false;
            }
            modifiers += 1;
        }
        false
    }

    /// A count at token `k` that starts another item of a list (`15 from the Netherlands`), not
    /// a part (`one of the largest`).
    fn list_item_at(&self, k: usize) -> bool {
        let Some(c) = self.tokens.get(k).and_then(|t| t.count) else { return false };
        let mut e = k;
        while self.tokens.get(e).is_some_and(|t| t.count == Some(c)) {
            e += 1;
        }
        !self.is(e, &["of"])
    }

    /// An actor after an object preposition of the predicate in `[from, to)`.
    fn prep_after(&self, from: usize, to: usize, preps: &[String]) -> Option<usize> {
        let to = to.min(self.tokens.len());
        (from..to).find_map(|k| {
            if !preps.iter().any(|p| p.eq_ignore_ascii_case(self.word(k))) {
                return None;
            }
            let j = if self.is(k + 1, &["the"]) { k + 2 } else { k + 1 };
            let m = self.mention_starting_at(j)?;
            (self.mentions.get(m)?.kind != NameKind::Demonym).then_some(m)
        })
    }

    /// The gapped list after a fact's count ending at token `last`: `, Germany 40, France 35
    /// ... and Luxembourg one`, as (mention, count) pairs.
    fn gapped(&self, last: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let n = self.tokens.len();
        let mut k = last + 1;
        let mut words = 0;
        // The rest of the first item's noun phrase, up to its comma.
        while k < n && self.punct(k) != Some(',') {
            if words >= 4 || self.punct(k).is_some() || self.tokens[k].actor.is_some() {
                return out;
            }
            k += 1;
            words += 1;
        }
        loop {
            let mut j = k;
            if self.punct(j) == Some(',') {
                j += 1;
            }
            if self.is(j, &["and"]) {
                j += 1;
            }
            if j == k {
                break;
            }
            if self.is(j, &["the"]) {
                j += 1;
            }
            let Some(m) = self.mention_starting_at(j) else { break };
            let Some(men) = self.mentions.get(m) else { break };
            if men.kind == NameKind::Demonym {
                break;
            }
            let e = men.toks.end;
            let Some(c) = self.tokens.get(e).and_then(|t| t.count) else { break };
            if self.is_unit_count(c as usize) {
                break;
            }
            let mut ce = e;
            while ce < n && self.tokens[ce].count == Some(c) {
                ce += 1;
            }
            out.push((m, c as usize));
            k = ce;
        }
        out
    }

    /// One past the last token of the nearest trigger of another predicate before `ti`, or 0.
    fn previous_trigger_end(&self, ti: usize) -> usize {
        let own = self.tokens[ti].trigger.and_then(|h| self.hits.get(h as usize));
        let own = own.map(|h| h.trigger.predicate);
        (0..ti)
            .rev()
            .find(|&k| {
                let other = self.tokens[k].trigger.and_then(|h| self.hits.get(h as usize));
                other.is_some_and(|h| Some(h.trigger.predicate) != own)
            })
            .map_or(0, |k| k + 1)
    }

    /// A count (and perhaps one noun or demonym) right before a verb with no auxiliary: an
    /// elliptic passive (`40 HURT`, `and 58 wounded`, `Two Britons captured`).
    fn count_before(&self, ti: usize) -> bool {
        let Some(k) = ti.checked_sub(1) else { return false };
        let counted =
            |i: usize| self.tokens[i].count.is_some_and(|c| !self.is_unit_count(c as usize));
        if counted(k) {
            return true;
        }
        // `3 gunmen killed 5`: a count after the verb makes it active.
        let count_after = self.tokens.get(ti + 1).is_some_and(|t| t.count.is_some())
            || self.tokens.iter().skip(ti).take(3).any(|t| t.count.is_some());
        let noun = self.tokens[k].actor.is_some() || self.tokens[k].kind == Kind::Word;
        noun && k > 0 && counted(k - 1) && !count_after
    }

    /// Nothing but a pronoun (or nothing at all) stands for the subject before the verb.
    fn pronoun_before(&self, ti: usize, stop: usize) -> bool {
        let mut k = ti;
        while k > stop {
            k -= 1;
            if self.is(k, ADVERBS)
                || self.is(k, &["will", "to", "decided", "is", "are", "was", "were"])
            {
                continue;
            }
            if matches!(self.punct(k), Some('"' | '\u{201c}')) {
                return true;
            }
            return self.is(k, PRONOUNS);
        }
        true
    }

    /// The agent of a noun trigger: a possessive (`Russia's expulsion`), a name or demonym just
    /// before (`the Dutch expulsion`), `by X` after, or the subject of an announcing verb
    /// (`Germany and France announced expulsions`).
    fn noun_agent(&self, ti: usize, tj: usize, right: usize) -> Option<Group> {
        if ti >= 1 {
            let mut k = ti - 1;
            if self.tokens[k].kind == Kind::Possessive && k >= 1 {
                k -= 1;
            }
            if let Some(m) = self.mention_at(k)
                && let Some(men) = self.mentions.get(m)
            {
                let before = men.toks.start;
                let in_count = before > 0 && self.tokens[before - 1].count.is_some();
                if !in_count {
                    return Some(self.group_leftwards(m));
                }
            }
        }
        if let Some(g) = self.by_agent(tj, right.max(tj)) {
            return Some(g);
        }
        // `was announced by ...` after the noun phrase.
        if let Some(g) = self.by_agent(tj, self.tokens.len().min(right + 4)) {
            return Some(g);
        }
        let mut k = ti;
        let mut skipped = 0;
        while k > 0 && skipped < 4 {
            k -= 1;
            if self.is(k, NOUN_DETS) {
                skipped += 1;
                continue;
            }
            if self.is(k, ANNOUNCE) {
                let (stop, _) = self.left_stop(k);
                return self.subject_left(k, stop);
            }
            break;
        }
        None
    }

    #[allow(clippy::too_many_arguments)]
    fn emit(
        &self,
        hit: &Hit,
        subject: Option<Group>,
        items: Vec<Item>,
        negated: bool,
        noun: bool,
        passive: bool,
        noun_from_is_agent: bool,
        stop: usize,
        right: usize,
        out: &mut Vec<Fact>,
    ) {
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
        let date = self.date_near(ext_start, right.max(hit.toks.end), hit.toks.start);
        for item in &items {
            if counted > 0 && item.count.is_none() && item.single.is_none() {
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
            out.push(Fact {
                file: self.file,
                span: self.span.clone(),
                subject: subject.actors.clone(),
                predicate: hit.trigger.predicate,
                quantity: if negated { None } else { count.as_ref().map(|c| c.0) },
                object: object.map(|m| vec![m.actor]).unwrap_or_default(),
                date: date_m.map(|d| d.date),
                negated,
                subject_span: subject.span.clone(),
                predicate_span: hit.span.clone(),
                quantity_span: if negated { None } else { count.map(|c| c.1) },
                object_span: object.map(|m| m.span.clone()),
                date_span: date_m.map(|d| d.span.clone()),
            });
        }
    }
}

/// Drops facts of one sentence that another fact of the same sentence says more fully.
fn subsume(out: &mut Vec<Fact>, from: usize) {
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
            out.remove(i);
        } else {
            i += 1;
        }
    }
}
