//! Shared helpers of the extraction tests: the lexicon (the shipped rules once they are there,
//! a small built-in one with what the seeds need until then), claims built in code, articles.
#![allow(dead_code)]

use factcheck::input::{Article, Format};
use factcheck::lexicon::{Actor, Lexicon, Predicate};
use factcheck::model::{Actors, Claim, DateSpec, PartialDate, Quantity};
use factcheck::source::{FileId, SourceMap};

fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

fn actor(name: &str, aliases: &[&str], demonyms: &[&str], metonyms: &[&str]) -> Actor {
    let mut a = Actor::new(name);
    a.aliases = s(aliases);
    a.demonyms = s(demonyms);
    a.metonyms = s(metonyms);
    a
}

fn predicate(
    name: &str,
    verbs: &[&str],
    nouns: &[&str],
    phrases: &[&str],
    preps: &[&str],
) -> Predicate {
    let mut p = Predicate::new(name);
    p.verbs = s(verbs);
    p.nouns = s(nouns);
    p.phrases = s(phrases);
    p.object_preps = s(preps);
    p
}

/// The actors and predicates the seeds and fixtures need, declared in code.
pub fn builtin_lexicon() -> Lexicon {
    let mut lx = Lexicon::new();
    lx.add_actor(actor(
        "Russia",
        &["Russian Federation"],
        &["Russian", "Russians"],
        &["Moscow", "Kremlin", "the Kremlin"],
    ));
    lx.add_actor(actor("Netherlands", &["Holland"], &["Dutch"], &["The Hague", "Amsterdam"]));
    lx.add_actor(actor("Belgium", &[], &["Belgian", "Belgians"], &[]));
    lx.add_actor(actor("Poland", &[], &["Polish", "Pole", "Poles"], &["Warsaw"]));
    lx.add_actor(actor(
        "United States",
        &["US", "U.S.", "USA", "America", "United States of America"],
        &["American", "Americans"],
        &["Washington", "White House", "Pentagon"],
    ));
    lx.add_actor(actor("European Union", &["EU", "E.U."], &[], &[]));
    lx.add_actor(actor("Germany", &[], &["German", "Germans"], &["Berlin"]));
    lx.add_actor(actor("France", &[], &["French"], &["Paris"]));
    lx.add_actor(actor("Italy", &[], &["Italian", "Italians"], &["Rome"]));
    lx.add_actor(actor("Spain", &[], &["Spanish"], &["Madrid"]));
    lx.add_actor(actor("Slovenia", &[], &["Slovenian", "Slovenians"], &[]));
    lx.add_actor(actor("Ukraine", &[], &["Ukrainian", "Ukrainians"], &["Kyiv", "Kiev"]));
    lx.add_actor(actor(
        "United Kingdom",
        &["UK", "U.K.", "Britain", "Great Britain"],
        &["British"],
        &["London"],
    ));
    lx.add_actor(actor("Chad", &[], &["Chadian", "Chadians"], &["N'Djamena"]));
    lx.add_actor(actor("Iran", &[], &["Iranian", "Iranians"], &["Tehran"]));
    lx.add_actor(actor("Iraq", &[], &["Iraqi", "Iraqis"], &["Baghdad"]));
    lx.add_actor(actor("United Nations", &["UN", "U.N."], &[], &[]));
    lx.add_actor(actor("Philippines", &[], &["Philippine", "Filipino", "Filipinos"], &["Manila"]));
    lx.add_predicate(predicate(
        "expelled",
        &["expel", "expels", "expelling"],
        &["expulsion", "expulsions"],
        &["declared persona non grata", "ordered to leave", "kicked out"],
        &["from"],
    ));
    lx.add_predicate(predicate(
        "withdrew",
        &["withdraw", "withdraws", "withdrawing", "withdrawn", "recalled", "recall", "recalls"],
        &["withdrawal"],
        &["pulled out"],
        &["from"],
    ));
    lx.add_predicate(predicate(
        "deployed",
        &["deploy", "deploys", "deploying"],
        &["deployment"],
        &[],
        &["to", "into"],
    ));
    lx.add_predicate(predicate("killed", &["kill", "kills", "killing"], &[], &[], &[]));
    lx.add_predicate(predicate(
        "wounded",
        &["wound", "wounds", "wounding", "injured", "injure", "injures", "injuring"],
        &[],
        &[],
        &[],
    ));
    lx.add_predicate(predicate(
        "arrested",
        &["arrest", "arrests", "arresting", "detained", "detain", "detains", "detaining"],
        &[],
        &[],
        &[],
    ));
    lx.add_predicate(predicate(
        "charged",
        &["charge", "charges", "charging", "indicted", "indict", "indicts"],
        &[],
        &[],
        &[],
    ));
    lx.add_predicate(predicate(
        "sanctioned",
        &["sanction", "sanctions", "sanctioning", "blacklisted", "blacklist"],
        &[],
        &["imposed sanctions on"],
        &[],
    ));
    lx.add_predicate(predicate(
        "captured",
        &["capture", "captures", "capturing"],
        &[],
        &["taken prisoner"],
        &[],
    ));
    lx
}

/// The shipped rules when they load without errors and hold predicates; the built-in lexicon
/// otherwise (with a note), so that these tests measure the extractor, not the rule files.
pub fn lexicon() -> Lexicon {
    let mut sources = SourceMap::new();
    let loaded = factcheck::lang::load(&mut sources, &[], true);
    if loaded.lexicon.predicates().is_empty() || loaded.has_errors() {
        println!("note: the shipped rules do not load cleanly; using the built-in test lexicon");
        builtin_lexicon()
    } else {
        loaded.lexicon
    }
}

pub fn article(text: &str, date: Option<PartialDate>) -> Article {
    Article::prepare(FileId(0), text, Format::Text, date)
}

fn ids(lx: &Lexicon, names: &[&str]) -> Actors {
    if names.is_empty() {
        return Actors::Any;
    }
    let mut v: Vec<_> = names
        .iter()
        .map(|n| lx.actor_by_name(n).unwrap_or_else(|| panic!("unknown actor {n}")))
        .collect();
    v.sort();
    Actors::Set(v)
}

/// A claim built in code: `claim(&lx, &["Poland"], "expelled", Some(45), &["Russia"], None)`.
pub fn claim(
    lx: &Lexicon,
    subject: &[&str],
    predicate: &str,
    quantity: Option<u64>,
    object: &[&str],
    date: Option<PartialDate>,
) -> Claim {
    Claim {
        file: FileId(0),
        span: 0..0,
        subject: ids(lx, subject),
        subject_span: 0..0,
        negated: false,
        predicate: lx.predicate_by_name(predicate).expect("predicate"),
        predicate_span: 0..0,
        quantity: quantity.map(Quantity::exact),
        quantity_span: None,
        object: ids(lx, object),
        object_span: None,
        date: date.map(DateSpec::On),
        date_span: None,
    }
}

/// Whether the date reader of `extract::date` resolves weekdays and month names yet.
pub fn dates_are_read() -> bool {
    let mut v = Vec::new();
    factcheck::extract::date::scan_dates(
        "on March 23",
        Some(PartialDate::ymd(2022, 3, 29)),
        &mut v,
    );
    !v.is_empty()
}

/// One extractor over [`lexicon`], built once per test binary.
pub fn extractor() -> &'static factcheck::extract::Extractor {
    static EX: std::sync::OnceLock<factcheck::extract::Extractor> = std::sync::OnceLock::new();
    EX.get_or_init(|| factcheck::extract::Extractor::new(&lexicon()))
}
