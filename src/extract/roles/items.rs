//! Who is acted on, and how many: the counted items after or before the trigger (`45 Russian
//! diplomats`, `21 diplomats from Belgium and 15 from the Netherlands`), single persons, object
//! prepositions, gapped lists (`Germany 40, France 35`).

use super::*;

impl<'a> Sentence<'a> {
    /// The actor named next in a list that goes on at token `k`: after a comma, `and` or both
    /// (`, and the Netherlands`), with an optional `the`.
    fn next_listed(&self, k: usize) -> Option<usize> {
        let mut j = k;
        if self.punct(j) == Some(',') {
            j += 1;
        }
        if self.is(j, &["and"]) {
            j += 1;
        }
        if j == k {
            return None;
        }
        if self.is(j, &["the"]) {
            j += 1;
        }
        self.mention_starting_at(j)
    }

    /// The places listed after one that ends at token `k` (`Romania, Bulgaria, Hungary and
    /// Slovakia`), and the end of the last. The clause ends at the first comma or `and`
    /// (`right_end`); the list runs on past it.
    pub(super) fn places_listed(&self, k: usize) -> (Vec<usize>, usize) {
        let mut places = Vec::new();
        let mut e = k;
        while e < self.tokens.len() {
            let Some(nm) = self.next_listed(e) else { break };
            let Some(next) = self.mentions.get(nm) else { break };
            if next.kind == NameKind::Demonym
                || self.tokens.get(next.toks.end).is_some_and(|t| t.count.is_some())
            {
                break;
            }
            places.push(nm);
            e = next.toks.end;
        }
        (places, e)
    }

    /// Places listed after a colon that ends an object preposition's phrase after a passive
    /// at `tj` (`stationed in four member states on Nato's eastern flank: Poland, Estonia, Latvia
    /// and Lithuania`): the first, and the rest.
    pub(super) fn colon_places(&self, tj: usize, preps: &[String]) -> Option<(usize, Vec<usize>)> {
        let mut prep = false;
        let end = (tj + 15).min(self.tokens.len());
        let colon =
            (tj..end).take_while(|&k| self.punct(k).is_none_or(|c| c == ':')).find(|&k| {
                prep |= preps.iter().any(|p| p.eq_ignore_ascii_case(self.word(k)));
                self.punct(k) == Some(':')
            })?;
        if !prep {
            return None;
        }
        let j = if self.is(colon + 1, &["the"]) { colon + 2 } else { colon + 1 };
        let m = self.mention_starting_at(j)?;
        let men = self.mentions.get(m)?;
        if men.kind == NameKind::Demonym {
            return None;
        }
        let (places, _) = self.places_listed(men.toks.end);
        (!places.is_empty()).then_some((m, places))
    }

    /// The subject of a passive `hit with` (`slapped with`) before a noun trigger at `ti`
    /// (`Russia has been hit with 65 new sanctions`): the one it was done to.
    pub(super) fn hit_with_target(&self, ti: usize, stop: usize) -> Option<usize> {
        let mut k = ti;
        let mut steps = 0;
        while k > stop && steps < 5 && !self.is(k - 1, &["with"]) {
            k -= 1;
            steps += 1;
            let t = &self.tokens[k];
            if !(t.count.is_some() || self.is(k, NOUN_DETS) || self.plain_lower(k)) {
                return None;
            }
        }
        let w = k.checked_sub(1).filter(|&w| w > stop && self.is(w, &["with"]))?;
        if !self.is(w - 1, &["hit", "slapped"]) {
            return None;
        }
        let aux = self.passive_aux(w - 1)?;
        let m = self.mention_at(aux.checked_sub(1)?)?;
        (self.mentions.get(m)?.kind != NameKind::Demonym).then_some(m)
    }

    /// A place of a state starting at token `j` (after the preposition and its article): `the
    /// Ukrainian capital` (a demonym before a place noun), `the shattered outskirts of Kyiv` (a
    /// place noun, perhaps after one or two adjectives, and `of` a name).
    pub(super) fn place_at(&self, j: usize) -> Option<usize> {
        if let Some(m) = self.mention_starting_at(j) {
            let men = self.mentions.get(m)?;
            return (men.kind == NameKind::Demonym && self.is(men.toks.end, PLACES)).then_some(m);
        }
        let mut k = j;
        while k < j + 2 && !self.is(k, PLACES) {
            if !self.plain_lower(k) {
                return None;
            }
            k += 1;
        }
        if !(self.is(k, PLACES) && self.is(k + 1, &["of"])) {
            return None;
        }
        let n = if self.is(k + 2, &["the"]) { k + 3 } else { k + 2 };
        let m = self.mention_starting_at(n)?;
        (self.mentions.get(m)?.kind != NameKind::Demonym).then_some(m)
    }

    /// A place starts at token `j` (after an article): [`Self::place_at`], or a name that no
    /// common noun follows (`of Iraq,`; not `of the Paris climate deal`).
    pub(super) fn place_follows(&self, j: usize) -> bool {
        let j = if self.is(j, &["the"]) { j + 1 } else { j };
        if self.place_at(j).is_some() {
            return true;
        }
        let Some(m) = self.mention_starting_at(j) else { return false };
        let Some(men) = self.mentions.get(m) else { return false };
        let e = men.toks.end;
        men.kind != NameKind::Demonym
            && !self.tokens.get(e).is_some_and(|t| {
                t.kind == Kind::Word
                    && t.actor.is_none()
                    && t.date.is_none()
                    && self.word(e).starts_with(|c: char| c.is_lowercase())
                    && !self.is(e, PREPOSITIONS)
                    && !self.is(e, RIGHT_STOPS)
            })
    }

    pub(super) fn is_unit_count(&self, c: usize) -> bool {
        if c >= self.counts.len() {
            return true;
        }
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
        false
    }

    /// Counted items from token `k` (after skipping determiners) up to `end`.
    pub(super) fn items_from(&self, mut k: usize, end: usize, preps: &[String]) -> Vec<Item> {
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
            if k < end
                && preps.iter().any(|p| p.eq_ignore_ascii_case(self.word(k)))
                && let Some((p, m)) = self.object_after_prep(k, end, preps)
                && let Some(men) = self.mentions.get(m)
            {
                item.prep = Some(m);
                item.prep_from = self.is(p, &["from"]);
                k = men.toks.end;
                item.last_tok = Some(k - 1);
                // `to Romania, Bulgaria, Hungary and Slovakia`: one more place each.
                let (places, e) = self.places_listed(k);
                if !places.is_empty() {
                    item.last_tok = Some(e - 1);
                    let base = item.clone();
                    items.push(item);
                    for p in places {
                        items.push(Item {
                            count: None,
                            single: None,
                            prep: Some(p),
                            coordinated: true,
                            ..base.clone()
                        });
                    }
                    break;
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
    /// A subset named right after a counted item, before `limit`: `5,000 civilians, including
    /// 210 children`, `12 people, among them three children`, `19 people, eight of them
    /// affiliated with the firm`. Gold lists subsets as facts of their own.
    pub(super) fn subset_after(&self, item: &Item, limit: usize, preps: &[String]) -> Option<Item> {
        item.count?;
        let limit = limit.min(self.tokens.len());
        let mut k = item.last_tok? + 1;
        // The counted noun (`civilians`), at most three words.
        let mut words = 0;
        while k < limit
            && words < 3
            && self.tokens[k].kind == Kind::Word
            && self.tokens[k].count.is_none()
        {
            if self.is(k, &["including", "among"]) {
                break;
            }
            k += 1;
            words += 1;
        }
        if self.punct(k) == Some(',') {
            k += 1;
        }
        let start = if self.is(k, &["including"]) {
            k + 1
        } else if self.is(k, &["among"]) && self.is(k + 1, &["them", "whom"]) {
            k + 2
        } else if self.tokens.get(k).is_some_and(|t| t.count.is_some())
            && self.is(k + 1, &["of"])
            && self.is(k + 2, &["them", "whom"])
        {
            k
        } else {
            return None;
        };
        let c = self.tokens.get(start)?.count?;
        if start >= limit || self.is_unit_count(c as usize) {
            return None;
        }
        let mut sub = self.items_from(start, limit, preps).into_iter().next()?;
        sub.count?;
        // `eight of them`: the people are the set's.
        if sub.modifier.is_none() {
            sub.modifier = item.modifier;
        }
        Some(sub)
    }

    pub(super) fn items_before(&self, from: usize, to: usize, preps: &[String]) -> Vec<Item> {
        // The counted noun phrase nearest the verb: a participle between two counts ends the
        // first one's clause (`Four people died and 40 were injured`).
        let mut first_count = None;
        // `Since Slovenia has only eight diplomats in Moscow, 33 of ... were asked to leave`: an
        // opening subordinate clause ends at its comma, and its counts with it.
        let subordinate =
            (from..to).find(|&k| self.tokens[k].kind == Kind::Word).is_some_and(|k| {
                self.is(
                    k,
                    &[
                        "since", "although", "though", "while", "because", "as", "after", "before",
                        "when", "whereas",
                    ],
                )
            });
        for k in from..to {
            let t = &self.tokens[k];
            if subordinate && self.punct(k) == Some(',') {
                first_count = None;
                continue;
            }
            if t.count.is_some_and(|c| !self.is_unit_count(c as usize)) {
                // `40 soldiers, and another 12 were captured`: `another` starts a new group.
                if k > 0 && self.is(k - 1, &["another", "further"]) {
                    first_count = Some(k);
                }
                first_count.get_or_insert(k);
            } else if t.count.is_none() && t.actor.is_none() && {
                let w = self.word(k);
                // `were reported dead`: a link, not a participle of its own.
                w.len() > 3 && w.ends_with("ed") && !one_of(w, DEAD_LINKS)
            } {
                first_count = None;
            }
        }
        // `Arnold Bracy, 21, was charged`: an age after a name (no count: the number reader
        // takes it for an age), one person.
        if first_count.is_none()
            && let Some(c) = (from.max(2)..to).rev().find(|&k| {
                let w = self.word(k);
                !w.is_empty()
                    && w.len() <= 3
                    && w.bytes().all(|b| b.is_ascii_digit())
                    && self.punct(k - 1) == Some(',')
                    && self.punct(k + 1) == Some(',')
                    && self.word(k - 2).starts_with(|ch: char| ch.is_ascii_uppercase())
                    && self.tokens[k - 2].actor.is_none()
            })
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
        // `an Iranian official was arrested`, `A second U.S. Marine has been charged`: one; not
        // `Manafort and a business associate were indicted` (two).
        if let Some(item) =
            to.checked_sub(1).filter(|&k| k >= from).and_then(|k| self.one_person(k, from))
        {
            let mut s = item.first_tok.unwrap_or(to);
            let mut steps = 0;
            while s > from
                && steps < 4
                && (self.is(s - 1, &["a", "an", "the", "his", "her", "their", "its"])
                    || self.plain_lower(s - 1))
            {
                s -= 1;
                steps += 1;
            }
            if s == 0 || !self.is(s - 1, &["and"]) {
                return vec![item];
            }
        }
        // `Kherson's mayor, Ihor Kolykhaiev, was arrested`: the person before a name set off
        // by commas.
        if to > from && to >= 2 && self.punct(to - 1) == Some(',') {
            let mut k = to - 1;
            while k > from
                && self.tokens[k - 1].kind == Kind::Word
                && self.tokens[k - 1].actor.is_none()
                && self.word(k - 1).starts_with(|c: char| c.is_uppercase())
            {
                k -= 1;
            }
            if k < to - 1
                && k > from + 1
                && self.punct(k - 1) == Some(',')
                && let Some(item) = self.one_person(k - 2, from)
            {
                return vec![item];
            }
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
        self.relative_antecedent(from, to).into_iter().collect()
    }

    /// The one person a relative clause right before a passive is about: `Sayfullo Saipov, who
    /// was charged`, `a business associate who was charged`, `Paul Manafort, who ran the
    /// campaign, was charged`, and any word a singular `who was` / `is` / `has` follows
    /// (`Grossman, who was arrested February 17`) (`to` is the passive's auxiliary).
    fn relative_antecedent(&self, from: usize, to: usize) -> Option<Item> {
        let k = to.checked_sub(1).filter(|&k| k >= from)?;
        // `Manafort and Gates, who were indicted`: more than one.
        if self.is(to, &["were", "are", "have"]) {
            return None;
        }
        let who = if self.is(k, &["who"]) {
            k
        } else if self.punct(k) == Some(',') {
            // Back over the relative clause, within its commas.
            let lo = k.saturating_sub(20).max(from + 1);
            let w = (lo..k)
                .rev()
                .take_while(|&j| self.punct(j).is_none_or(|c| c == '\'' || c == '\u{2019}'))
                .find(|&j| self.is(j, &["who"]))?;
            (self.punct(w - 1) == Some(',')).then_some(w)?
        } else {
            return None;
        };
        let mut a = who.checked_sub(1)?;
        if self.punct(a) == Some(',') {
            a = a.checked_sub(1)?;
        }
        if a < from {
            return None;
        }
        if let Some(item) = self.one_person(a, from) {
            return Some(item);
        }
        let t = self.tokens.get(a)?;
        let name = t.kind == Kind::Word
            && t.actor.is_none()
            && t.count.is_none()
            && t.date.is_none()
            && self.word(a).starts_with(|c: char| c.is_uppercase())
            && a > from
            && self.word(a - 1).starts_with(|c: char| c.is_uppercase());
        // `a business associate`: a singular noun phrase.
        let singular = t.kind == Kind::Word
            && t.actor.is_none()
            && t.count.is_none()
            && !self.word(a).ends_with('s')
            && (a.saturating_sub(2).max(from)..a).any(|j| self.is(j, &["a", "an"]));
        // `Grossman, who was arrested`: the verb right after `who` is singular.
        let singular_verb = who + 1 == to
            && self.is(to, &["was", "is", "has"])
            && t.kind == Kind::Word
            && t.count.is_none();
        (name || singular || singular_verb).then_some(Item {
            single: Some(a),
            first_tok: Some(a),
            last_tok: Some(a),
            ..Item::default()
        })
    }

    /// A singular person noun at `k` heading its noun phrase (`an Iranian official`, `a second
    /// U.S. Marine`), as an item counting one, with the actor modifying it (no further left than
    /// `from`).
    pub(super) fn one_person(&self, k: usize, from: usize) -> Option<Item> {
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
    pub(super) fn object_may_follow(&self, k: usize) -> bool {
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

    /// A count at token `k` that starts another item of a list (`15 from the Netherlands`), not
    /// a part (`one of the largest`).
    pub(super) fn list_item_at(&self, k: usize) -> bool {
        let Some(c) = self.tokens.get(k).and_then(|t| t.count) else { return false };
        let mut e = k;
        while self.tokens.get(e).is_some_and(|t| t.count == Some(c)) {
            e += 1;
        }
        !self.is(e, &["of"])
    }

    /// An actor after an object preposition of the predicate in `[from, to)`.
    pub(super) fn prep_after(&self, from: usize, to: usize, preps: &[String]) -> Option<usize> {
        let to = to.min(self.tokens.len());
        (from..to).find_map(|k| {
            if !preps.iter().any(|p| p.eq_ignore_ascii_case(self.word(k))) {
                return None;
            }
            let j = if self.is(k + 1, &["the"]) { k + 2 } else { k + 1 };
            if let Some(m) = self.place_at(j) {
                return Some(m);
            }
            let m = self.mention_starting_at(j)?;
            (self.mentions.get(m)?.kind != NameKind::Demonym).then_some(m)
        })
    }

    /// The gapped list after a fact's count ending at token `last`: `, Germany 40, France 35
    /// ... and Luxembourg one`, as (mention, count) pairs.
    pub(super) fn gapped(&self, last: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let n = self.tokens.len();
        let mut k = last + 1;
        let mut words = 0;
        // `Latvia (expelled 4) and Estonia (2)`: the first item's closing parenthesis.
        if self.punct(k) == Some(')') {
            k += 1;
        }
        // The rest of the first item's noun phrase, up to its comma.
        while k < n && self.punct(k) != Some(',') && !self.is(k, &["and"]) {
            if words >= 4 || self.punct(k).is_some() || self.tokens[k].actor.is_some() {
                return out;
            }
            k += 1;
            words += 1;
        }
        while let Some(m) = self.next_listed(k) {
            let Some(men) = self.mentions.get(m) else { break };
            if men.kind == NameKind::Demonym {
                break;
            }
            // `the Netherlands (17)`: the count in parentheses.
            let paren = self.punct(men.toks.end) == Some('(');
            let e = men.toks.end + usize::from(paren);
            let Some(c) = self.tokens.get(e).and_then(|t| t.count) else { break };
            if self.is_unit_count(c as usize) {
                break;
            }
            let mut ce = e;
            while ce < n && self.tokens[ce].count == Some(c) {
                ce += 1;
            }
            if paren {
                if self.punct(ce) != Some(')') {
                    break;
                }
                ce += 1;
            }
            out.push((m, c as usize));
            k = ce;
        }
        out
    }

    /// One person before a cued noun across its links (`a U.S. adviser was among the dead`,
    /// `U.S. ADVISER SAID DEAD`): an item counting one, its actor the modifier.
    pub(super) fn one_before_links(&self, ti: usize, stop: usize) -> Option<Item> {
        let mut k = ti;
        while k > stop && (self.is(k - 1, DEAD_LINKS) || self.is(k - 1, &["the", "said"])) {
            k -= 1;
        }
        if k == ti || k <= stop {
            return None;
        }
        self.one_person(k - 1, stop)
    }

    /// The object preposition and the actor after it, starting at the preposition at `k` (`to
    /// Poland`, `from the Netherlands`): the preposition and the mention. When what follows is
    /// a noun phrase that is no actor (`to a force it commands in Lithuania`) or an actor
    /// modifying a noun after a determiner (`to the NATO battlegroup in Lithuania`), another object preposition a
    /// few words on in the clause names the place; without one the modifier is kept (`from the
    /// US embassy`).
    pub(super) fn object_after_prep(
        &self,
        k: usize,
        end: usize,
        preps: &[String],
    ) -> Option<(usize, usize)> {
        let is_prep = |q: usize| preps.iter().any(|p| p.eq_ignore_ascii_case(self.word(q)));
        let limit = (k + 10).min(end);
        let mut fallback = None;
        let mut p = k;
        loop {
            let mut j = p + 1;
            let det = self.is(j, &["the", "a", "an"]);
            if det {
                j += 1;
            }
            if let Some(m) = self.place_at(j) {
                return Some((p, m));
            }
            if j < end
                && let Some(m) = self.mention_starting_at(j)
                && let Some(men) = self.mentions.get(m)
                && men.kind != NameKind::Demonym
            {
                let e = men.toks.end;
                // `send to Ukraine rocket systems`: without a determiner the actor is no modifier.
                let modifies = det
                    && self.tokens.get(e).is_some_and(|t| {
                        t.kind == Kind::Word
                            && t.actor.is_none()
                            && t.count.is_none()
                            && t.date.is_none()
                            && self.word(e).starts_with(|c: char| c.is_lowercase())
                            && !self.is(e, PREPOSITIONS)
                            && !self.is(e, RIGHT_STOPS)
                    });
                if !modifies {
                    return Some((p, m));
                }
                fallback.get_or_insert((p, m));
                j = e;
            }
            // The next object preposition of the clause, if any.
            let mut q = j;
            loop {
                let Some(t) = self.tokens.get(q).filter(|_| q < limit) else { return fallback };
                if t.kind != Kind::Word
                    || t.count.is_some()
                    || t.trigger.is_some()
                    || t.date.is_some()
                    || self.is(q, RIGHT_STOPS)
                {
                    return fallback;
                }
                if is_prep(q) {
                    break;
                }
                q += 1;
            }
            p = q;
        }
    }

    /// The first token of the count `count_before` finds before the verb at `ti` (`two men
    /// charged`, `40 HURT`).
    pub(super) fn count_start_before(&self, ti: usize) -> Option<usize> {
        if !self.count_before(ti) {
            return None;
        }
        let k = ti.checked_sub(1)?;
        let mut c = if self.tokens[k].count.is_some() { k } else { k.checked_sub(1)? };
        let id = self.tokens[c].count;
        while c > 0 && self.tokens[c - 1].count == id {
            c -= 1;
        }
        Some(c)
    }

    /// Whether the count starting at token `c` before a noun at `ti..tj` counts the events the
    /// noun names (`four arrests`, `11 arrests for`): right before the noun, no money or year
    /// (`a 22.8 mln dlr charge`, `dollars 232m`, `a one-time charge`, `its 1986 charge`), and
    /// no `of` after the noun (`two charges of fraud`: what was charged).
    pub(super) fn counts_events(&self, c: usize, ti: usize, tj: usize) -> bool {
        let Some(id) = self.tokens.get(c).and_then(|t| t.count) else { return false };
        let mut e = c;
        while self.tokens.get(e).is_some_and(|t| t.count == Some(id)) {
            e += 1;
        }
        const MONEY: &[&str] = &[
            "dollars", "dollar", "dlrs", "dlr", "mln", "bln", "billion", "million", "bn", "euro",
            "euros", "pounds", "pound", "stg", "cts", "ct", "cent", "cents", "yen", "francs",
        ];
        let money = (c > 0 && (self.is(c - 1, MONEY) || self.punct(c - 1) == Some('$')))
            || (c..e).any(|k| {
                let w = self.word(k);
                self.is(k, MONEY)
                    || w.contains('-')
                    || (w.starts_with(|ch: char| ch.is_ascii_digit())
                        && w.ends_with(|ch: char| ch.is_ascii_alphabetic()))
            });
        let last = self.word(e.saturating_sub(1));
        let year = last.len() == 4
            && last.bytes().all(|b| b.is_ascii_digit())
            && (last.starts_with("19") || last.starts_with("20"));
        e == ti && !money && !year && !self.is(tj, &["of"])
    }

    /// `none of`, `nobody`, `no one` in the few words before a passive's auxiliary at `to`:
    /// the patient is nobody (`None of the three men's clients were charged`).
    pub(super) fn none_before(&self, from: usize, to: usize) -> bool {
        (to.saturating_sub(8).max(from)..to).any(|k| {
            (self.is(k, &["none"]) && (self.is(k + 1, &["of"]) || k + 1 == to))
                || self.is(k, &["nobody", "no-one"])
                || (self.is(k, &["no"]) && self.is(k + 1, &["one"]))
        })
    }

    /// The place `where` stands for: `Estonia, where Britain has 1,700 personnel deployed`
    /// (a name, a comma and `where` between the clause start `stop` and the trigger `ti`).
    pub(super) fn where_antecedent(&self, stop: usize, ti: usize) -> Option<usize> {
        let w =
            (stop.max(2).max(ti.saturating_sub(10))..ti).rev().find(|&k| self.is(k, &["where"]))?;
        if self.punct(w - 1) != Some(',') || (w..ti).any(|k| self.punct(k).is_some()) {
            return None;
        }
        let m = self.mention_at(w - 2)?;
        (self.mentions.get(m)?.kind != NameKind::Demonym).then_some(m)
    }

    /// A count (and perhaps one noun or demonym) right before a verb with no auxiliary: an
    /// elliptic passive (`40 HURT`, `and 58 wounded`, `Two Britons captured`).
    pub(super) fn count_before(&self, ti: usize) -> bool {
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

    /// The first token of a count a few words before a noun trigger at `ti` (`80 deaths`,
    /// `claimed 2,400 lives`, `cost 1,269 Libyan lives`, `five children were among the dead`),
    /// not across a preposition, a punctuation mark or another trigger.
    pub(super) fn count_before_noun(&self, ti: usize, stop: usize) -> Option<usize> {
        let mut k = ti;
        let mut words = 0;
        while k > stop && words < 4 {
            k -= 1;
            let t = &self.tokens[k];
            if let Some(c) = t.count {
                if self.is_unit_count(c as usize) {
                    return None;
                }
                while k > stop && self.tokens[k - 1].count == Some(c) {
                    k -= 1;
                }
                return Some(k);
            }
            if let Some(m) = t.actor.and_then(|m| self.mentions.get(m as usize)) {
                k = m.toks.start;
                words += 1;
                continue;
            }
            if t.kind != Kind::Word
                || t.trigger.is_some()
                || (self.is(k, PREPOSITIONS) && !self.is(k, &["among", "of"]))
                || self.is(k, RIGHT_STOPS)
            {
                return None;
            }
            // `were among the dead`, `were reported dead`: links, not words of the noun phrase.
            if !self.is(k, DEAD_LINKS) {
                words += 1;
            }
        }
        None
    }
}
