//! `lang::load` (through `lint::load`, which adds the whole-file checks): building the lexicon from declarations in order, `drop`, examples, name
//! resolution (aliases, `A and B` names, ad-hoc actors), scopes and the diagnostics of a load.

use factcheck::lang::Loaded;
use factcheck::lexicon::shipped_rules;
use factcheck::model::Actors;
use factcheck::source::SourceMap;

const RULES: &str = "\
actor Russia
  code RU
  demonym Russian
  metonym Moscow, the Kremlin
actor \"Bosnia and Herzegovina\"
actor Netherlands
  alias Holland
predicate expelled
  verb expel
  noun expulsion
  example \"Poland expelled 45 Russian diplomats.\" => Poland expelled 45 Russia
";

fn load(files: &[(&str, &str)]) -> (SourceMap, Loaded) {
    let mut sources = SourceMap::new();
    let ids: Vec<_> = files.iter().map(|(n, t)| sources.add(*n, *t)).collect();
    let loaded = factcheck::lint::load(&mut sources, &ids, false);
    (sources, loaded)
}

fn codes(l: &Loaded) -> Vec<&'static str> {
    l.diagnostics.iter().map(|d| d.code).collect()
}

fn names(l: &Loaded, a: &Actors) -> Vec<String> {
    match a {
        Actors::Any => vec!["_".into()],
        Actors::Set(ids) => ids.iter().map(|i| l.lexicon.actor(*i).canonical.clone()).collect(),
    }
}

#[test]
fn shipped_rules_are_added_first() {
    let mut sources = SourceMap::new();
    let id = sources.add("a.claims", "");
    let loaded = factcheck::lint::load(&mut sources, &[id], true);
    assert_eq!(sources.len(), 1 + shipped_rules().len());
    assert!(!loaded.has_errors(), "{:?}", loaded.diagnostics);
}

#[test]
fn shipped_rules_are_in_canonical_layout() {
    for (name, text) in shipped_rules() {
        match factcheck::lang::format::format(text) {
            Ok(f) => {
                assert!(f == *text, "{name} is not in the canonical layout (run factcheck fmt)")
            }
            Err(e) => panic!("{name} has syntax errors: {e:?}"),
        }
    }
}

#[test]
fn claims_resolve_through_the_lexicon() {
    let (_, l) = load(&[
        ("rules.claims", RULES),
        (
            "a.claims",
            "Holland and RU expel 3 Bosnia and Herzegovina\nRussia, Russia expulsion 1 _\n",
        ),
    ]);
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    let c = &l.claims[0];
    let mut subject = names(&l, &c.subject);
    subject.sort();
    assert_eq!(subject, ["Netherlands", "Russia"]);
    assert_eq!(names(&l, &c.object), ["Bosnia and Herzegovina"]);
    assert_eq!(l.lexicon.predicate(c.predicate).canonical, "expelled");
    // Sorted and deduplicated.
    assert_eq!(names(&l, &l.claims[1].subject), ["Russia"]);
    if let Actors::Set(ids) = &c.subject {
        assert!(ids.windows(2).all(|w| w[0] < w[1]));
    }
}

#[test]
fn unknown_names() {
    let (_, l) = load(&[
        ("rules.claims", RULES),
        ("a.claims", "Rusia expelled 3 \"police\"\nRussia expeled 3 _\n"),
    ]);
    assert_eq!(codes(&l), ["FC004", "FC004", "FC005"]);
    assert_eq!(l.diagnostics[0].help.as_deref(), Some("did you mean \"Russia\"?"));
    assert_eq!(l.diagnostics[2].help.as_deref(), Some("did you mean \"expelled\"?"));
    // The unknown actor is an ad-hoc actor matched by its own text; the claim with an unknown
    // predicate is left out.
    assert_eq!(l.claims.len(), 1);
    let Actors::Set(ids) = &l.claims[0].subject else { panic!() };
    let a = l.lexicon.actor(ids[0]);
    assert!(a.ad_hoc);
    assert_eq!(a.canonical, "Rusia");
    assert!(l.has_errors());
}

#[test]
fn ambiguous_names() {
    let rules = "actor Congo\nactor \"DR Congo\"\n  alias Congo, The Congo\nactor \"Republic of the Congo\"\n  alias The Congo\npredicate expelled\n";
    let (_, l) =
        load(&[("r.claims", rules), ("a.claims", "Congo expelled 1 _\nThe Congo expelled 2 _\n")]);
    // `Congo` is one actor's canonical name: not ambiguous.
    assert_eq!(codes(&l), ["FC012"]);
    assert_eq!(names(&l, &l.claims[0].subject), ["Congo"]);
    assert_eq!(names(&l, &l.claims[1].subject), ["DR Congo"]);
}

#[test]
fn declarations_extend_and_drop() {
    let user = "actor Russia\n  alias Russian Federation\n  drop the Kremlin, Nope\npredicate expelled\n  phrase ordered to leave\n  example \"x\" => nothing\n";
    let (_, l) = load(&[("rules.claims", RULES), ("user.claims", user)]);
    assert_eq!(codes(&l), ["FC011"]);
    let ru = l.lexicon.actor(l.lexicon.actor_by_name("Russia").unwrap());
    assert_eq!(ru.aliases, ["Russian Federation"]);
    assert_eq!(ru.metonyms, ["Moscow"]);
    assert!(l.lexicon.resolve_actor("the Kremlin").is_empty());
    let p = l.lexicon.predicate(l.lexicon.predicate_by_name("expelled").unwrap());
    assert_eq!(p.phrases, ["ordered to leave"]);
    assert_eq!(p.examples.len(), 2);
    assert_eq!(p.examples[0].expect.as_deref(), Some("Poland expelled 45 Russia"));
    assert_eq!(p.examples[1].expect, None);
    assert!(p.examples[0].origin.is_some());
}

#[test]
fn declarations_apply_to_claims_above_them() {
    let (_, l) = load(&[("a.claims", "Wagner captured 3 _\nactor Wagner\npredicate captured\n")]);
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    assert_eq!(l.claims.len(), 1);
}

#[test]
fn scopes_and_diagnostic_order() {
    let (_, l) = load(&[
        ("rules.claims", RULES),
        (
            "b.claims",
            "articles drafts/*.md, x.txt\nRussia expelled 3 Holland 2022\nRussia expelled 3 Holland 2022\n",
        ),
        (
            "a.claims",
            "Russia expelled 3 Holland 2022\nRussia expelled 4 Holland 2022\nbad line here\n",
        ),
    ]);
    assert_eq!(l.scopes.len(), 1);
    assert_eq!(l.scopes[0].globs, ["drafts/*.md", "x.txt"]);
    // b's duplicate, then a's conflict and syntax error, in file order and by position; the
    // claims of a and b do not clash: they apply to different articles.
    assert_eq!(codes(&l), ["FC006", "FC007", "FC001"]);
}
