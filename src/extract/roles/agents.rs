//! Who acts: the subject to the left (joint subjects by `and`), the agent after `by`, the
//! attribution (`..., the ministry said`), the agent of a noun trigger, and pronouns.

use super::*;

impl<'a> Sentence<'a> {
    /// Whether the mention `m` can be the subject of a verb to its right.
    pub(super) fn can_be_subject(&self, m: usize) -> bool {
        let Some(men) = self.mentions.get(m) else { return false };
        let (s, e) = (men.toks.start, men.toks.end);
        // After a preposition (`the`/`its` skipped), or inside a count (`18 EU diplomats`).
        let mut p = s;
        while p > 0 && self.is(p - 1, &["the", "its", "their"]) {
            p -= 1;
        }
        // `planes from Afghanistan attacked`: an agent noun's origin is the agent.
        let agent_from = p > 1 && self.is(p - 1, &["from"]) && self.is(p - 2, AGENT_NOUNS);
        if p > 0
            && !agent_from
            && (self.is(p - 1, PREPOSITIONS) || self.tokens[p - 1].count.is_some())
        {
            return false;
        }
        let agent_follows = self.agent_follows(e);
        match men.kind {
            // `the Czechs have expelled`, `the British withdrew`: the people stand for their
            // state when the demonym heads its phrase and a verb follows.
            NameKind::Demonym => {
                agent_follows
                    || (s > 0
                        && self.is(s - 1, &["the"])
                        && self.people_form(e - 1)
                        && !self.is(e, &["was", "is", "has", "does"])
                        && self.tokens.get(e).is_some_and(|t| {
                            t.trigger.is_some()
                                || self.is(e, ADVERBS)
                                || self.is(e, BE)
                                || self.is(e, &["did", "do", "does", "would", "could", "may"])
                        }))
            }
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

    /// Whether an agent noun (`ministry`, `forces`) follows within four tokens from `e`, before
    /// any other actor.
    fn agent_follows(&self, e: usize) -> bool {
        (e..(e + 4).min(self.tokens.len()))
            .take_while(|&k| self.tokens[k].actor.is_none())
            .any(|k| self.is(k, AGENT_NOUNS))
    }

    /// Whether the demonym ending at token `k` is a form for a people (`Czechs`, `British`,
    /// `Dutch`, `Swiss`, `Chinese`), not for one person (`the Italian`).
    fn people_form(&self, k: usize) -> bool {
        let w = self.word(k).as_bytes();
        w.ends_with(b"s") || w.ends_with(b"sh") || w.ends_with(b"ch") || w.ends_with(b"ese")
    }

    /// The mention and the actors joined to it by `and` / `,` on its left.
    pub(super) fn group_leftwards(&self, m: usize) -> Group {
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
    pub(super) fn group_rightwards(&self, m: usize) -> Group {
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
    pub(super) fn subject_left(&self, ti: usize, stop: usize) -> Option<Group> {
        let mut k = ti;
        while k > stop {
            k -= 1;
            let Some(m) = self.mention_at(k) else { continue };
            let Some(men) = self.mentions.get(m) else { continue };
            if men.toks.start < stop {
                break;
            }
            // `the Czechs have this spring only expelled`: a people close to its verb.
            let people_far = men.kind == NameKind::Demonym
                && !self.agent_follows(men.toks.end)
                && men.toks.end + 4 < ti;
            if self.can_be_subject(m) && !people_far {
                return Some(self.group_leftwards(m));
            }
            k = men.toks.start;
        }
        None
    }

    /// A lower-case word that is no actor, count, date, trigger, preposition or clause stop:
    /// an adjective or noun inside a noun phrase (`financial` sanctions, `trade` sanctions).
    pub(super) fn plain_lower(&self, k: usize) -> bool {
        self.tokens.get(k).is_some_and(|t| {
            t.kind == Kind::Word
                && t.actor.is_none()
                && t.count.is_none()
                && t.date.is_none()
                && t.trigger.is_none()
        }) && self.word(k).starts_with(|c: char| c.is_lowercase())
            && !self.is(k, PREPOSITIONS)
            && !self.is(k, RIGHT_STOPS)
    }

    /// An agent after `by` in `[from, to)`.
    pub(super) fn by_agent(&self, from: usize, to: usize) -> Option<Group> {
        let mut k = from;
        while k < to {
            if self.is(k, &["by"]) {
                let mut j = k + 1;
                if self.is(j, &["the", "a", "an"]) {
                    j += 1;
                }
                let m = self.mention_starting_at(j)?;
                let men = self.mentions.get(m)?;
                // `by Russian forces`: a demonym with an agent noun.
                if men.kind == NameKind::Demonym && !self.agent_follows(men.toks.end) {
                    return None;
                }
                return Some(self.group_rightwards(m));
            }
            k += 1;
        }
        None
    }

    /// A named state (not a demonym) after one of the predicate's `jurisdiction` prepositions
    /// in `[from, to)`: where an act of state happened, and so whose act it was (`two
    /// Americans were arrested in Turkey`, `Russian diplomats in Sweden were expelled`, `the
    /// arrest of an Iranian official in London`). A possessor is not the place (`in Russia's
    /// embassy in London` is London). The place must belong to the phrase scanned: the scan
    /// stops at punctuation, another trigger, or a preposition that starts another phrase
    /// (`diplomats attached to Nato headquarters in Brussels` is not Belgium's act, `the arrest
    /// of X in England followed by the abduction of Y in Tehran` not Iran's).
    pub(super) fn jurisdiction_agent(
        &self,
        from: usize,
        to: usize,
        preps: &[String],
    ) -> Option<Group> {
        if preps.is_empty() {
            return None;
        }
        for k in from..to.min(self.tokens.len()) {
            let here = preps.iter().any(|p| p.eq_ignore_ascii_case(self.word(k)));
            if !here {
                let t = &self.tokens[k];
                if (k > from && t.trigger.is_some())
                    || matches!(t.kind, Kind::Punct(_))
                    || (self.is(k, PREPOSITIONS) && !self.is(k, &["of", "on", "at", "during"]))
                    || self.is(k, RIGHT_STOPS)
                {
                    break;
                }
                continue;
            }
            let j = if self.is(k + 1, &["the"]) { k + 2 } else { k + 1 };
            let Some(m) = self.mention_starting_at(j) else { continue };
            let Some(men) = self.mentions.get(m) else { continue };
            if men.kind == NameKind::Demonym
                || self.tokens.get(men.toks.end).is_some_and(|t| t.kind == Kind::Possessive)
            {
                continue;
            }
            return Some(Group {
                actors: vec![men.actor],
                span: Some(men.span.clone()),
                first_tok: men.toks.start,
            });
        }
        None
    }

    /// The actor a statement in the sentence is attributed to (`..., the Russian foreign
    /// ministry said`; `Belgium said that ...`).
    pub(super) fn attribution(&self) -> Option<Group> {
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

    /// The actor just before a form of `lose` between `from` and the trigger at `ti`
    /// (`Iraq lost 3,000 men killed`): whose people the trigger's count are.
    pub(super) fn loser(&self, from: usize, ti: usize) -> Option<usize> {
        let k = (from..ti).rev().find(|&k| self.is(k, &["lost", "lose", "loses", "losing"]))?;
        // `Iraq lost`, `Iraq has lost`, `the Iraqi army lost`.
        (k.saturating_sub(4).max(from)..k).rev().find_map(|j| {
            let m = self.mention_at(j)?;
            self.can_be_subject(m).then_some(m)
        })
    }

    /// Nothing but a pronoun (or nothing at all) stands for the subject before the verb.
    pub(super) fn pronoun_before(&self, ti: usize, stop: usize) -> bool {
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

    /// The agent of a noun trigger: a possessive (`Russia's expulsion`), a name or (with
    /// `demonym`) a demonym just before, or before one or two words (`the Dutch expulsion`, `U.S.
    /// trade sanctions`), `by X` after, or the subject of an announcing verb (`Germany and France
    /// announced expulsions`).
    pub(super) fn noun_agent(
        &self,
        ti: usize,
        tj: usize,
        right: usize,
        demonym: bool,
    ) -> Option<Group> {
        if ti >= 1 {
            let mut k = ti - 1;
            // `U.S. trade sanctions`, `EU energy sanctions`: a word or two of the noun between
            // (not a verb: `Tehran have faced sanctions`).
            // The tagger is asked last, only when a name stands before the words (tagging costs).
            let mut words = 0;
            while words < 2 && k >= 1 && self.plain_lower(k) && !self.is(k, NOUN_DETS) {
                k -= 1;
                words += 1;
            }
            let between = k + 1..ti;
            if self.tokens[k].kind == Kind::Possessive && k >= 1 {
                k -= 1;
            }
            if let Some(m) = self.mention_at(k)
                && let Some(men) = self.mentions.get(m)
                && (demonym || men.kind != NameKind::Demonym)
                && !between.clone().any(|w| self.verb_within(&self.tokens[w].span))
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
        // `unveiled a raft of new sanctions`, `has toughened its financial sanctions`: up to two
        // adjectives right before the noun, then its determiners.
        let mut k = ti;
        let mut skipped = 0;
        let mut adjectives = 0;
        while k > 0 && skipped < 6 {
            k -= 1;
            if self.is(k, NOUN_DETS) || (skipped > 0 && self.is(k, &["up"])) {
                skipped += 1;
                continue;
            }
            // `impose the "most severe" sanctions`: quotes around the adjectives.
            if matches!(self.punct(k), Some('"' | '\u{201c}' | '\u{201d}')) {
                continue;
            }
            if skipped == 0
                && adjectives < 2
                && self.plain_lower(k)
                && !self.is(k, ANNOUNCE)
                && !self.is(k, TIGHTEN)
            {
                adjectives += 1;
                continue;
            }
            if self.is(k, ANNOUNCE) || self.is(k, TIGHTEN) {
                let (stop, _) = self.left_stop(k);
                return self.subject_left(k, stop);
            }
            break;
        }
        None
    }
}
