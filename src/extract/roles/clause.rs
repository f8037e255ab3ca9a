//! The clause around a trigger: token helpers, where the clause stops on the left and right, the
//! passive auxiliary, polarity and modality by scope, the date nearest the trigger, and where the
//! previous trigger ends.

use super::*;

impl<'a> Sentence<'a> {
    pub(super) fn word(&self, i: usize) -> &'a str {
        match self.tokens.get(i) {
            Some(t) if matches!(t.kind, Kind::Word | Kind::Possessive) => {
                self.text.get(t.span.clone()).unwrap_or("")
            }
            _ => "",
        }
    }

    pub(super) fn is(&self, i: usize, list: &[&str]) -> bool {
        let w = self.word(i);
        !w.is_empty() && one_of(w, list)
    }

    pub(super) fn punct(&self, i: usize) -> Option<char> {
        match self.tokens.get(i)?.kind {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }

    pub(super) fn mention_at(&self, i: usize) -> Option<usize> {
        self.tokens.get(i)?.actor.map(|m| m as usize)
    }

    pub(super) fn mention_starting_at(&self, i: usize) -> Option<usize> {
        let m = self.mention_at(i)?;
        (self.mentions.get(m)?.toks.start == i).then_some(m)
    }

    /// A sentence that asks rather than states.
    pub(super) fn is_question(&self) -> bool {
        self.tokens.iter().rev().find_map(|t| match t.kind {
            Kind::Punct('"' | '\'' | '\u{201d}' | '\u{2019}' | ')') => None,
            Kind::Punct(c) => Some(c == '?'),
            _ => Some(false),
        }) == Some(true)
    }

    /// The first token of the clause the trigger at `ti` is in, looking left, and whether the
    /// word that stopped the scan makes the clause hypothetical (`if`, `unless`, `whether`).
    pub(super) fn left_stop(&self, ti: usize) -> (usize, bool) {
        let mut k = ti;
        while k > 0 {
            k -= 1;
            if matches!(self.punct(k), Some(';' | ':' | '\u{2014}' | '\u{2013}' | '?' | '!')) {
                return (k + 1, false);
            }
            if self.is(k, LEFT_STOPS) {
                return (k + 1, self.is(k, &["if", "unless", "whether"]));
            }
            // A `counted` form ends no clause (as in `right_end`): `the administration pulled 60
            // percent of embassy personnel and ordered ..., expelling 15 diplomats`.
            if self.plain_trigger(k) && ti - k > 12 {
                return (k + 1, false);
            }
        }
        (0, false)
    }

    /// A trigger at token `k` that is not a `counted` form: a `counted` form is no event by
    /// itself (`send more military supplies`: a head of the object, not a new clause).
    pub(super) fn plain_trigger(&self, k: usize) -> bool {
        self.tokens
            .get(k)
            .and_then(|t| t.trigger)
            .and_then(|h| self.hits.get(h as usize))
            .is_some_and(|h| !h.trigger.counted)
    }

    /// Whether one of a predicate's `except` phrases follows the trigger ending at `tj` within
    /// the next ten words of its sentence (`charged Cuba with responsibility for`).
    pub(super) fn except_after(&self, tj: usize, phrases: &[String]) -> bool {
        let end = (tj + 10).min(self.tokens.len());
        (tj..end).take_while(|&k| !matches!(self.punct(k), Some('.' | ';' | ':' | '?' | '!'))).any(
            |k| {
                phrases.iter().any(|ph| {
                    let mut n = 0;
                    let all = ph.split_whitespace().enumerate().all(|(i, w)| {
                        n += 1;
                        self.word(k + i).eq_ignore_ascii_case(w)
                    });
                    all && n > 0
                })
            },
        )
    }

    /// Whether the count ending at token `k` stands alone, with no noun after it (`captured 48
    /// in fighting`, `and 58 wounded`, `Latvia 13.`).
    pub(super) fn bare_count_end(&self, k: usize) -> bool {
        self.tokens.get(k).is_some_and(|t| t.count.is_some())
            && match self.tokens.get(k + 1) {
                None => true,
                Some(t) => {
                    matches!(t.kind, Kind::Punct(_))
                        || t.trigger.is_some()
                        || self.is(k + 1, PREPOSITIONS)
                        || self.is(k + 1, RIGHT_STOPS)
                        || self.is(k + 1, &["and", "or", "but"])
                }
            }
    }

    /// One past the last token of the clause that follows the trigger ending at `tj`.
    pub(super) fn right_end(&self, tj: usize) -> usize {
        let n = self.tokens.len();
        let mut k = tj;
        while k < n {
            let t = &self.tokens[k];
            if self.plain_trigger(k) {
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

    /// The first token of the auxiliary chain before a past participle at `ti`, when the verb is
    /// passive (`were killed`, `have been expelled`, `are being expelled`).
    pub(super) fn passive_aux(&self, ti: usize) -> Option<usize> {
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
    pub(super) fn polarity(&self, ti: usize, stop: usize) -> Option<bool> {
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
    pub(super) fn modal_after(&self, tj: usize, right: usize) -> bool {
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
    pub(super) fn is_dateline(&self, d: usize) -> bool {
        let first = self.tokens.iter().position(|t| t.date == Some(d as u32));
        let last = self.tokens.iter().rposition(|t| t.date == Some(d as u32));
        let (Some(first), Some(last)) = (first, last) else { return false };
        first > 0
            && self.punct(first - 1) == Some(',')
            && matches!(self.punct(last + 1), Some('-' | '\u{2013}' | '\u{2014}'))
    }

    /// The date a `when` clause starting at `stop` follows (`since January 2, when ...`,
    /// `in 2002, when ...`): the clause's date, a day, month or year (`since X` as `X`).
    pub(super) fn when_date(&self, stop: usize) -> Option<(crate::model::DateSpec, Span)> {
        if stop < 3 || !self.is(stop - 1, &["when"]) || self.punct(stop - 2) != Some(',') {
            return None;
        }
        let d = self.tokens[stop - 3].date? as usize;
        if self.is_dateline(d) {
            return None;
        }
        let m = self.dates.get(d)?;
        let first = self.tokens.iter().position(|t| t.date == Some(d as u32))?;
        let since = first > 0 && self.is(first - 1, &["since"]) || self.is(first, &["since"]);
        let date = match m.date {
            crate::model::DateSpec::On(p) => crate::model::DateSpec::On(p),
            crate::model::DateSpec::Since { start } if since => crate::model::DateSpec::On(start),
            _ => return None,
        };
        Some((date, m.span.clone()))
    }

    pub(super) fn date_near(&self, from: usize, to: usize, ti: usize) -> Option<usize> {
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

    /// Whether the trigger at `ti` ends a noun phrase of modifiers after `of` / `for` (`the
    /// package of western sanctions`, `proposals for European energy sanctions`): a noun.
    pub(super) fn modified_after_of(&self, ti: usize) -> bool {
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

    /// One past the last token of the nearest trigger of another predicate before `ti`, or 0.
    pub(super) fn previous_trigger_end(&self, ti: usize) -> usize {
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

    /// Whether a word of the sentence, or (with `before`) of the sentence just before, is one
    /// of `cues`.
    pub(super) fn has_cue(&self, cues: &[String], before: bool) -> bool {
        // In lower case (a capital may start a name: `Gun Violence Archive`), or in a headline
        // in capitals.
        let cue = |w: &str| {
            let caps = w.len() > 1 && !w.bytes().any(|b| b.is_ascii_lowercase());
            !w.is_empty() && cues.iter().any(|c| c == w || (caps && c.eq_ignore_ascii_case(w)))
        };
        // The sentence before tells of the same event (`... were killed when guerrillas
        // attacked. A U.S. adviser was among the dead.`).
        let prev = if before { self.text.get(self.before.clone()).unwrap_or("") } else { "" };
        (0..self.tokens.len()).any(|k| cue(self.word(k)))
            || prev.split(|c: char| !c.is_alphanumeric()).any(cue)
    }

    /// Whether the object after a verb form at `from..to` is a common noun the predicate does
    /// not count (its `counts` list): `sent 6,000 missiles to Ukraine`, `is sending satellite
    /// photographs`, `withdrew their savings`. The object's head is its last common noun before
    /// a preposition, a conjunction, punctuation or a participle (`troops stationed in`);
    /// numbers, actors (`Russian` diplomats), names (`Stinger` missiles) and adverbs
    /// (`yesterday`, `quickly`) are not heads. No head (`deployed to Estonia`, `sent 250`):
    /// nothing to object to.
    pub(super) fn counts_other(&self, from: usize, to: usize, counts: &[String]) -> bool {
        if counts.is_empty() {
            return false;
        }
        // `pulled out of Iraq`, `pulled out of the Chadian border town`: a place, no object.
        if self.is(from, &["of"]) && self.place_follows(from + 1) {
            return false;
        }
        self.object_head(from, to, false)
            .is_some_and(|h| !counts.iter().any(|c| c.eq_ignore_ascii_case(h)))
    }

    /// Whether the object after a `counted` form at `from..to` has a head and it is one of
    /// `counts` (`contributes 700 troops`): `gas supplies to Poland` and `supplied Japan with
    /// oil` are not the event.
    ///
    /// The nouns are those of the `counted` items of the verb at `verb` (`counted took
    /// prisoners, took hostages`), or, for a verb listed alone, the predicate's `counts`. The
    /// head before `of` counts too (`took 120 prisoners of war`).
    pub(super) fn counts_own(&self, verb: usize, from: usize, to: usize, pred: &Predicate) -> bool {
        let v = self.word(verb);
        let own = |h: &str| {
            let mut paired = false;
            for item in &pred.counted {
                let mut words = item.split_whitespace();
                if words.next().is_some_and(|w| w.eq_ignore_ascii_case(v))
                    && let Some(noun) = words.next()
                {
                    paired = true;
                    if noun.eq_ignore_ascii_case(h) {
                        return true;
                    }
                }
            }
            !paired && pred.counts.iter().any(|c| c.eq_ignore_ascii_case(h))
        };
        self.object_head(from, to, true).is_some_and(own)
            || self.object_head(from, to, false).is_some_and(own)
    }

    /// The head of the object after a verb form at `from..to` (see [`Self::counts_other`]).
    /// With `before_of`, the head before an `of` (`prisoners` of war).
    fn object_head(&self, from: usize, to: usize, before_of: bool) -> Option<&'a str> {
        let caps = crate::extract::all_caps(self.text.get(self.span.clone()).unwrap_or(""));
        let mut head: Option<&str> = None;
        for k in from..to.min(from + 12).min(self.tokens.len()) {
            let t = &self.tokens[k];
            if t.kind != Kind::Word || t.date.is_some() || self.plain_trigger(k) {
                break;
            }
            if t.count.is_some() || t.actor.is_some() {
                continue;
            }
            let w = self.word(k);
            if w == "of" {
                if before_of && head.is_some() {
                    break;
                }
                continue;
            }
            // `supplied Japan with oil`: after the receiver, what is given.
            if w == "with" && k > from && self.tokens[k - 1].actor.is_some() {
                continue;
            }
            if one_of(w, PREPOSITIONS) || one_of(w, OBJECT_STOPS) {
                break;
            }
            let lower = w.chars().next().is_some_and(char::is_lowercase);
            if !caps && !lower {
                continue;
            }
            let adverb = one_of(w, NOT_HEADS) || (w.len() > 4 && w.ends_with("ly"));
            if adverb {
                continue;
            }
            // A participle after the head starts a new phrase: `troops stationed in`.
            if head.is_some() && (w.ends_with("ed") || w.ends_with("ing")) {
                break;
            }
            head = Some(w);
        }
        head
    }
}
