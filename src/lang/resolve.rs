//! Resolution: from parsed files to the [`Lexicon`], [`Claim`]s, scopes and diagnostics.
//!
//! Two passes over all files in order (shipped rules first): the first builds the lexicon from
//! every declaration (so a claim may use an actor declared further down or in another file), the
//! second resolves every claim's names and predicate. The checks that look at all claims at once
//! (duplicates, conflicting quantities) run in the linter, over what this returns.

use std::collections::HashMap;

use crate::diag::{Diagnostic, Severity, code};
use crate::lang::ast::{self, ActorList, HeaderKind, LineKind, PropertyKind, PropertyValue};
use crate::lang::parse::{ParseError, parse};
use crate::lang::{Loaded, Scope};
use crate::lexicon::{Actor, Example, Lexicon, Predicate, shipped_rules};
use crate::model::{ActorId, Actors, Claim, Span};
use crate::source::{FileId, SourceMap};

/// Turns a parse error of `file` into a diagnostic.
pub fn parse_diagnostic(file: FileId, e: &ParseError) -> Diagnostic {
    let severity = crate::diag::check(e.code).map(|c| c.severity).unwrap_or(Severity::Error);
    let mut d = Diagnostic::new(e.code, severity, file, e.span.clone(), e.message.clone())
        .with_label(e.label.clone());
    if let Some(h) = &e.help {
        d = d.with_help(h.clone());
    }
    if let Some((span, msg)) = &e.related {
        d = d.with_secondary(file, span.clone(), msg.clone());
    }
    d
}

/// A declaration being read: its header and the properties seen so far.
enum Decl {
    Actor(Actor, Vec<ast::Item>),
    Predicate(Predicate, Vec<ast::Item>),
    /// The header had an error: its properties are ignored.
    Broken,
}

pub(super) fn load(sources: &mut SourceMap, files: &[FileId], shipped: bool) -> Loaded {
    let mut order: Vec<FileId> = Vec::new();
    if shipped {
        for (name, text) in shipped_rules() {
            order.push(sources.add(*name, *text));
        }
    }
    order.extend_from_slice(files);

    let mut parsed: Vec<(FileId, ast::File)> = Vec::with_capacity(order.len());
    let mut diags: Vec<Diagnostic> = Vec::new();
    for &id in &order {
        let (file, errors) = parse(&sources.get(id).text);
        diags.extend(errors.iter().map(|e| parse_diagnostic(id, e)));
        parsed.push((id, file));
    }

    let mut lexicon = Lexicon::new();
    for (id, file) in &parsed {
        declarations(&mut lexicon, *id, &sources.get(*id).text, file, &mut diags);
    }

    let suggester = lexicon.actor_suggester();
    let mut r = Resolver { lexicon, diags, suggestions: HashMap::new(), suggester };
    let mut claims = Vec::new();
    let mut scopes = Vec::new();
    for (id, file) in &parsed {
        for line in &file.lines {
            match &line.kind {
                LineKind::Claim(c) => {
                    if let Some(claim) = r.claim(*id, c) {
                        claims.push(claim);
                    }
                }
                LineKind::Articles(a) => scopes.push(Scope {
                    file: *id,
                    globs: a.globs.iter().map(|g| g.text.clone()).collect(),
                    span: line.code.clone(),
                }),
                _ => {}
            }
        }
    }
    let mut loaded =
        Loaded { lexicon: r.lexicon, claims, scopes, diagnostics: r.diags, files: order };
    loaded.sort_diagnostics();
    loaded
}

/// Pass 1: the declarations of one file, into the lexicon.
fn declarations(
    lexicon: &mut Lexicon,
    file: FileId,
    text: &str,
    parsed: &ast::File,
    diags: &mut Vec<Diagnostic>,
) {
    let mut cur: Option<Decl> = None;
    for line in &parsed.lines {
        let origin = Some((file, line.code.clone()));
        match &line.kind {
            LineKind::Header(h) => {
                finish(lexicon, file, cur.take(), diags);
                cur = Some(match h.kind {
                    HeaderKind::Actor => {
                        let mut a = Actor::new(h.name.text.clone());
                        a.origin = origin;
                        Decl::Actor(a, Vec::new())
                    }
                    HeaderKind::Predicate => {
                        let mut p = Predicate::new(h.name.text.clone());
                        p.origin = origin;
                        Decl::Predicate(p, Vec::new())
                    }
                });
            }
            LineKind::Property(p) => add_property(cur.as_mut(), p, text, origin),
            LineKind::Claim(_) | LineKind::Articles(_) => {
                finish(lexicon, file, cur.take(), diags);
            }
            LineKind::Error => {
                let code = text.get(line.code.clone()).unwrap_or("");
                let first = code.split_whitespace().next().unwrap_or("");
                if first == "actor" || first == "predicate" {
                    finish(lexicon, file, cur.take(), diags);
                    cur = Some(Decl::Broken);
                } else if first == "articles"
                    || first.chars().next().is_some_and(|c| !c.is_lowercase())
                {
                    // A broken claim or `articles` line ends the declaration (as in the parser).
                    finish(lexicon, file, cur.take(), diags);
                }
            }
            LineKind::Blank => {}
        }
    }
    finish(lexicon, file, cur, diags);
}

fn add_property(
    cur: Option<&mut Decl>,
    p: &ast::Property,
    text: &str,
    origin: crate::lexicon::Origin,
) {
    let items = |v: &PropertyValue| -> Vec<String> {
        match v {
            PropertyValue::Items(items) => items.iter().map(|i| i.text.clone()).collect(),
            PropertyValue::Example(_) => Vec::new(),
        }
    };
    match cur {
        Some(Decl::Actor(a, drops)) => match p.kind {
            PropertyKind::Alias => a.aliases.extend(items(&p.value)),
            PropertyKind::Code => a.codes.extend(items(&p.value)),
            PropertyKind::Demonym => a.demonyms.extend(items(&p.value)),
            PropertyKind::Metonym => a.metonyms.extend(items(&p.value)),
            PropertyKind::Drop => {
                if let PropertyValue::Items(i) = &p.value {
                    drops.extend(i.iter().cloned());
                }
            }
            _ => {}
        },
        Some(Decl::Predicate(pr, drops)) => match p.kind {
            PropertyKind::Verb => pr.verbs.extend(items(&p.value)),
            PropertyKind::Noun => pr.nouns.extend(items(&p.value)),
            PropertyKind::Phrase => pr.phrases.extend(items(&p.value)),
            PropertyKind::Object => pr.object_preps.extend(items(&p.value)),
            PropertyKind::Cued => pr.cued.extend(items(&p.value)),
            PropertyKind::Cue => pr.cues.extend(items(&p.value)),
            PropertyKind::Counts => pr.counts.extend(items(&p.value)),
            PropertyKind::Counted => pr.counted.extend(items(&p.value)),
            PropertyKind::Except => pr.excepts.extend(items(&p.value)),
            PropertyKind::Jurisdiction => pr.jurisdiction.extend(items(&p.value)),
            PropertyKind::Speaker => {
                if let Some(last) = items(&p.value).last() {
                    pr.speaker_is_source = last == "source";
                }
            }
            PropertyKind::Drop => {
                if let PropertyValue::Items(i) = &p.value {
                    drops.extend(i.iter().cloned());
                }
            }
            PropertyKind::Example => {
                if let PropertyValue::Example(ex) = &p.value {
                    let expect = ex
                        .expect
                        .as_ref()
                        .map(|_| text.get(ex.expect_span.clone()).unwrap_or("").to_string());
                    pr.examples.push(Example { text: ex.text.text.clone(), expect, origin });
                }
            }
            _ => {}
        },
        Some(Decl::Broken) | None => {}
    }
}

/// Adds a finished declaration to the lexicon and applies its `drop`s.
fn finish(lexicon: &mut Lexicon, file: FileId, decl: Option<Decl>, diags: &mut Vec<Diagnostic>) {
    let useless = |item: &ast::Item, canonical: &str| {
        let msg = if item.text == canonical {
            format!("cannot drop the canonical name \"{canonical}\"")
        } else {
            format!("\"{canonical}\" has no name \"{}\" to drop", item.text)
        };
        Diagnostic::warning(code::USELESS_DROP, file, item.span.clone(), msg)
            .with_label("nothing dropped")
    };
    match decl {
        Some(Decl::Actor(a, drops)) => {
            let canonical = a.canonical.clone();
            let id = lexicon.add_actor(a);
            for d in &drops {
                if !lexicon.remove_actor_name(id, &d.text) {
                    diags.push(useless(d, &canonical));
                }
            }
        }
        Some(Decl::Predicate(p, drops)) => {
            let canonical = p.canonical.clone();
            let id = lexicon.add_predicate(p);
            for d in &drops {
                if !lexicon.remove_predicate_name(id, &d.text) {
                    diags.push(useless(d, &canonical));
                }
            }
        }
        Some(Decl::Broken) | None => {}
    }
}

/// Unknown actor names that get a "did you mean" (the first ones of a run).
const MAX_SUGGESTIONS: usize = 200;

struct Resolver {
    lexicon: Lexicon,
    diags: Vec<Diagnostic>,
    /// "Did you mean" for unknown names, computed before the name became an ad-hoc actor.
    suggestions: HashMap<String, Option<String>>,
    /// The declared names, the candidates of "did you mean".
    suggester: crate::lexicon::ActorSuggester,
}

impl Resolver {
    fn claim(&mut self, file: FileId, c: &ast::ClaimNode) -> Option<Claim> {
        let subject = self.actors(file, &c.subject);
        let object = c.object.as_ref().map(|o| self.actors(file, o)).unwrap_or(Actors::Any);
        let Some(predicate) = self.lexicon.resolve_predicate(&c.predicate.text) else {
            let word = &c.predicate.text;
            let mut d = Diagnostic::error(
                code::UNKNOWN_PREDICATE,
                file,
                c.predicate.span.clone(),
                format!("unknown predicate \"{word}\""),
            )
            .with_label("not a declared predicate");
            d = match self.lexicon.suggest_predicate(word) {
                Some(s) => d.with_help(format!("did you mean \"{s}\"?")),
                None => d.with_help(format!(
                    "declare it in a rule file: `predicate {word}` with its `verb` and `noun` forms"
                )),
            };
            self.diags.push(d);
            return None;
        };
        Some(Claim {
            file,
            span: c.span.clone(),
            subject,
            subject_span: c.subject.span(),
            negated: c.not.is_some(),
            predicate,
            predicate_span: c.predicate.span.clone(),
            quantity: c.quantity.as_ref().map(|q| q.value),
            quantity_span: c.quantity.as_ref().map(|q| q.span.clone()),
            object,
            object_span: c.object.as_ref().map(ActorList::span),
            date: c.date.as_ref().map(|d| d.value),
            date_span: c.date.as_ref().map(|d| d.span.clone()),
        })
    }

    fn actors(&mut self, file: FileId, list: &ActorList) -> Actors {
        let ActorList::Names { names, joins, .. } = list else { return Actors::Any };
        let mut ids = Vec::new();
        let mut i = 0;
        while let Some(n) = names.get(i) {
            // `A and B` that is itself a known name is one actor.
            if let (Some(j), Some(m)) = (joins.get(i), names.get(i + 1))
                && j.is_and()
                && !n.quoted
                && !m.quoted
            {
                let joined = format!("{} and {}", n.text, m.text);
                if let Some(id) = self.known(&joined) {
                    ids.push(id);
                    i += 2;
                    continue;
                }
            }
            ids.push(self.name(file, &n.text, n.span.clone()));
            i += 1;
        }
        ids.sort();
        ids.dedup();
        Actors::Set(ids)
    }

    /// The declared (not ad-hoc) actor a name denotes, if exactly one.
    fn known(&self, name: &str) -> Option<ActorId> {
        let ids = self.lexicon.resolve_actor(name);
        ids.first().copied().filter(|id| !self.lexicon.actor(*id).ad_hoc)
    }

    fn name(&mut self, file: FileId, text: &str, span: Span) -> ActorId {
        let mut ids = self.lexicon.resolve_actor(text);
        // A name that is one actor's canonical name means that actor, whoever else it is an
        // alias of.
        if ids.len() > 1 {
            let canonical: Vec<ActorId> = ids
                .iter()
                .copied()
                .filter(|id| self.lexicon.actor(*id).canonical == text)
                .collect();
            if canonical.len() == 1 {
                ids = canonical;
            }
        }
        match ids.as_slice() {
            [] => {
                // "Did you mean" for the first names only: past that many unknown names
                // they are no typos, and comparing each with every known name would make a
                // claim with 10,000 actors quadratic.
                let suggestion = if self.suggestions.len() < MAX_SUGGESTIONS {
                    self.suggester.suggest(text).map(str::to_string)
                } else {
                    None
                };
                self.suggestions.insert(text.to_string(), suggestion);
                let mut a = Actor::new(text);
                a.ad_hoc = true;
                a.origin = Some((file, span.clone()));
                let id = self.lexicon.add_actor(a);
                self.unknown(file, text, span);
                id
            }
            [id] => {
                if self.lexicon.actor(*id).ad_hoc {
                    self.unknown(file, text, span);
                }
                *id
            }
            [first, ..] => {
                let names: Vec<String> = ids
                    .iter()
                    .map(|id| format!("\"{}\"", self.lexicon.actor(*id).canonical))
                    .collect();
                let chosen = self.lexicon.actor(*first).canonical.clone();
                self.diags.push(
                    Diagnostic::warning(
                        code::AMBIGUOUS_ACTOR,
                        file,
                        span,
                        format!("\"{text}\" may be any of {}", names.join(", ")),
                    )
                    .with_label(format!("read as \"{chosen}\""))
                    .with_help("write the canonical name of the actor you mean"),
                );
                *first
            }
        }
    }

    fn unknown(&mut self, file: FileId, text: &str, span: Span) {
        let mut d = Diagnostic::warning(
            code::UNKNOWN_ACTOR,
            file,
            span,
            format!("unknown actor \"{text}\""),
        )
        .with_label("no declaration knows this name");
        d = match self.suggestions.get(text).cloned().flatten() {
            Some(s) => d.with_help(format!("did you mean \"{s}\"?")),
            None => d.with_help(format!(
                "it is matched by its own text; declare it (`actor {}`) to give it other names",
                crate::lang::display::quote_if_needed(text)
            )),
        };
        self.diags.push(d);
    }
}
