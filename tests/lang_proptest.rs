//! Property tests of the formatter: on generated valid claim files (claims in every quantity and
//! date form, declarations, examples, comments, runs of blank lines, odd spacing), `fmt` is
//! idempotent and keeps the meaning (a projection of the syntax tree without spans: claims,
//! declarations, examples, scope, comments). On arbitrary text, parsing and formatting never
//! panic, and whatever parses without errors formats idempotently and meaning-preservingly.

use factcheck::lang::ast::{self, ActorList, LineKind, PropertyValue};
use factcheck::lang::{format::format, parse};
use factcheck::model::{DateSpec, Quantity};
use proptest::prelude::*;

// ---- the meaning of a file ----

#[derive(Debug, Clone, PartialEq, Eq)]
enum ListM {
    Any,
    /// Names, and the indices `i` where names `i` and `i + 1` form a bare `and` pair (which the
    /// lexicon may read as one actor).
    Names(Vec<String>, Vec<usize>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct ClaimM {
    subject: ListM,
    negated: bool,
    predicate: String,
    quantity: Option<Quantity>,
    object: Option<ListM>,
    date: Option<DateSpec>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum M {
    Claim(ClaimM),
    Header(String, String),
    Property(String, Vec<String>),
    Example(String, Option<ClaimM>),
    Articles(Vec<String>),
    Comment(String),
}

fn list(l: &ActorList) -> ListM {
    match l {
        ActorList::Any(_) => ListM::Any,
        ActorList::Names { names, joins, .. } => {
            let pairs = (0..joins.len())
                .filter(|&i| joins[i].is_and() && !names[i].quoted && !names[i + 1].quoted)
                .collect();
            ListM::Names(names.iter().map(|n| n.text.clone()).collect(), pairs)
        }
    }
}

fn claim(c: &ast::ClaimNode) -> ClaimM {
    ClaimM {
        subject: list(&c.subject),
        negated: c.not.is_some(),
        predicate: c.predicate.text.clone(),
        quantity: c.quantity.as_ref().map(|q| q.value),
        object: c.object.as_ref().map(list),
        date: c.date.as_ref().map(|d| d.value),
    }
}

fn meaning(src: &str) -> Vec<M> {
    let (file, errors) = parse(src);
    assert!(errors.is_empty(), "errors in {src:?}: {errors:?}");
    let mut out = Vec::new();
    for line in &file.lines {
        match &line.kind {
            LineKind::Claim(c) => out.push(M::Claim(claim(c))),
            LineKind::Header(h) => {
                out.push(M::Header(h.kind.keyword().into(), h.name.text.clone()))
            }
            LineKind::Property(p) => match &p.value {
                PropertyValue::Items(items) => out.push(M::Property(
                    p.kind.keyword().into(),
                    items.iter().map(|i| i.text.clone()).collect(),
                )),
                PropertyValue::Example(ex) => {
                    out.push(M::Example(ex.text.text.clone(), ex.expect.as_ref().map(claim)))
                }
            },
            LineKind::Articles(a) => {
                out.push(M::Articles(a.globs.iter().map(|g| g.text.clone()).collect()))
            }
            LineKind::Blank | LineKind::Error => {}
        }
        if let Some(c) = &line.comment {
            out.push(M::Comment(src[c.clone()].to_string()));
        }
    }
    out
}

fn check_fmt(src: &str) -> Result<(), TestCaseError> {
    let once = match format(src) {
        Ok(f) => f,
        Err(e) => return Err(TestCaseError::fail(format!("errors in {src:?}: {e:?}"))),
    };
    let twice = format(&once).map_err(|e| TestCaseError::fail(format!("{once:?}: {e:?}")))?;
    prop_assert_eq!(&twice, &once, "not idempotent; input {:?}", src);
    prop_assert_eq!(meaning(&once), meaning(src), "meaning changed; formatted {:?}", once);
    Ok(())
}

// ---- generators ----

fn ws() -> impl Strategy<Value = &'static str> {
    prop_oneof![8 => Just(" "), 1 => Just("  "), 1 => Just("\t")]
}

fn bare_name() -> impl Strategy<Value = String> {
    const WORDS: &[&str] = &[
        "Russia",
        "United",
        "States",
        "G7",
        "U.S.",
        "São",
        "Tomé",
        "EU",
        "Netherlands",
        "1st",
        "Herzegovina",
        "Bosnia",
        "O'Brien",
        "Côte",
    ];
    prop::collection::vec(prop::sample::select(WORDS), 1..4).prop_map(|w| w.join(" "))
}

fn quoted_text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 ,#\"\\\\.'é_-]{1,14}".prop_filter("not blank", |s| !s.trim().is_empty())
}

fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        if c == '"' || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

fn name() -> impl Strategy<Value = String> {
    prop_oneof![3 => bare_name(), 1 => bare_name().prop_map(|n| quote(&n)), 1 => quoted_text().prop_map(|n| quote(&n))]
}

fn actor_list() -> impl Strategy<Value = String> {
    let join = prop::sample::select(&[", ", " and ", ", and ", " , ", " and  "][..]);
    prop_oneof![
        1 => Just("_".to_string()),
        4 => (name(), prop::collection::vec((join, name()), 0..3)).prop_map(|(first, rest)| {
            let mut s = first;
            for (j, n) in rest {
                s.push_str(j);
                s.push_str(&n);
            }
            s
        }),
    ]
}

fn with_commas(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn quantity() -> impl Strategy<Value = String> {
    let n = 1u64..2_000_000;
    const FORMS: &[&str] = &[
        "",
        ">",
        ">=",
        "<",
        "<=",
        "~",
        "> ",
        "over ",
        "more than ",
        "at least ",
        "under ",
        "fewer than ",
        "less than ",
        "at most ",
        "about ",
        "around ",
        "approximately ",
        "exactly ",
    ];
    prop_oneof![
        4 => (prop::sample::select(FORMS), n.clone(), any::<bool>())
            .prop_map(|(f, n, c)| format!("{f}{}", if c { with_commas(n) } else { n.to_string() })),
        1 => (n.clone(), 0u64..1000).prop_map(|(a, d)| format!("{a}..{}", a + d)),
    ]
}

fn date() -> impl Strategy<Value = (String, bool)> {
    // (text, is it digits only: then it needs a quantity or an object before it)
    let y = 1990i32..2030;
    let m = 1u8..13;
    let d = 1u8..29;
    prop_oneof![
        y.clone().prop_map(|y| (format!("{y}"), true)),
        (y.clone(), m.clone()).prop_map(|(y, m)| (format!("{y}-{m:02}"), false)),
        (y.clone(), m.clone(), d.clone())
            .prop_map(|(y, m, d)| (format!("{y}-{m:02}-{d:02}"), false)),
        (m.clone(), d.clone()).prop_map(|(m, d)| (format!("--{m:02}-{d:02}"), false)),
        (y.clone(), 0i32..3).prop_map(|(y, k)| (format!("{y}..{}", y + k), true)),
        (y, m, 0u8..3)
            .prop_map(|(y, m, k)| (format!("{y}-{m:02}..{y}-{:02}", (m + k).min(12)), false)),
    ]
}

fn claim_line() -> impl Strategy<Value = String> {
    let pred = prop::sample::select(&["expelled", "expel", "killed", "withdrew", "arrested"][..]);
    (
        actor_list(),
        any::<bool>(),
        pred,
        prop::option::of(quantity()),
        prop::option::of(actor_list()),
        prop::option::of(date()),
        ws(),
    )
        .prop_map(|(s, not, p, q, o, d, w)| {
            let mut parts = vec![s];
            if not {
                parts.push("not".into());
            }
            parts.push(p.into());
            let has_q = q.is_some();
            if let Some(q) = q {
                parts.push(q);
            }
            let mut o = o;
            if let Some((_, digits)) = &d
                && *digits
                && !has_q
                && o.is_none()
            {
                o = Some("_".into());
            }
            if let Some(o) = o {
                parts.push(o);
            }
            if let Some((d, _)) = d {
                parts.push(d);
            }
            parts.join(w)
        })
}

fn item() -> impl Strategy<Value = String> {
    let bare = prop::sample::select(
        &[
            "Russian Federation",
            "the Kremlin",
            "Moscow",
            "RU",
            "d'Ivoire",
            "U.S.",
            "ordered  to leave",
        ][..],
    )
    .prop_map(str::to_string);
    prop_oneof![3 => bare, 1 => quoted_text().prop_map(|s| quote(&s))]
}

fn items() -> impl Strategy<Value = String> {
    prop::collection::vec(item(), 1..4).prop_map(|v| v.join(" ,  "))
}

fn declaration() -> impl Strategy<Value = Vec<String>> {
    let actor_props = prop::sample::select(&["alias", "code", "demonym", "metonym", "drop"][..]);
    let words = prop::sample::select(&["expel", "expels", "expulsion", "from"][..]);
    prop_oneof![
        (
            prop_oneof![bare_name(), quoted_text().prop_map(|s| quote(&s))],
            prop::collection::vec((actor_props, items()), 0..4)
        )
            .prop_map(|(n, props)| {
                let mut v = vec![format!("actor {n}")];
                v.extend(props.into_iter().map(|(k, i)| format!("\t{k}   {i}")));
                v
            }),
        (
            prop::collection::vec(words, 1..3),
            items(),
            quoted_text(),
            prop::option::of(claim_line())
        )
            .prop_map(|(verbs, phrases, text, expect)| {
                vec![
                    "predicate expelled".to_string(),
                    format!("  verb {}", verbs.join(",")),
                    format!("    phrase {phrases}"),
                    format!(
                        "  example {}=>{}",
                        quote(&text),
                        expect.unwrap_or_else(|| "nothing".into())
                    ),
                ]
            }),
    ]
}

fn comment() -> impl Strategy<Value = String> {
    "# [a-z \"#,]{0,10}".prop_map(|s| s)
}

fn file() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        6 => (claim_line(), prop::option::of(comment())).prop_map(|(c, k)| match k {
            Some(k) => vec![format!("{c}   {k}")],
            None => vec![c],
        }),
        2 => declaration(),
        1 => comment().prop_map(|c| vec![c]),
        1 => (0usize..4).prop_map(|n| vec![String::new(); n]),
        1 => Just(vec!["   ".to_string()]),
    ];
    (
        prop::option::of(items()),
        prop::collection::vec(line, 0..12),
        prop::sample::select(&["\n", "\r\n"][..]),
        any::<bool>(),
    )
        .prop_map(|(articles, lines, nl, final_nl)| {
            let mut all: Vec<String> = Vec::new();
            if let Some(a) = articles {
                all.push(format!("articles {a}"));
            }
            all.extend(lines.into_iter().flatten());
            let mut s = all.join(nl);
            if final_nl {
                s.push_str(nl);
            }
            s
        })
}

/// Text made of claim-language fragments and junk, for the no-panic test.
fn junk() -> impl Strategy<Value = String> {
    let frag = prop_oneof![
        Just("Russia".to_string()),
        Just(" ".to_string()),
        Just("expelled".to_string()),
        Just("\"".to_string()),
        Just("\\".to_string()),
        Just(",".to_string()),
        Just("#".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\t".to_string()),
        Just("..".to_string()),
        Just("2022-02-30".to_string()),
        Just("--04".to_string()),
        Just("_".to_string()),
        Just("and".to_string()),
        Just("not".to_string()),
        Just("actor".to_string()),
        Just("  alias".to_string()),
        Just("example".to_string()),
        Just("=>".to_string()),
        Just("articles".to_string()),
        Just("\u{feff}".to_string()),
        Just("more than".to_string()),
        "[0-9,.>~<=-]{1,8}",
        any::<String>(),
    ];
    prop::collection::vec(frag, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn fmt_is_idempotent_and_keeps_meaning(src in file()) {
        check_fmt(&src)?;
    }

    #[test]
    fn never_panics(src in junk()) {
        let (_file, _errors) = parse(&src);
        if format(&src).is_ok() {
            check_fmt(&src)?;
        }
        let mut sources = factcheck::source::SourceMap::new();
        let id = sources.add("junk.claims", src.clone());
        let loaded = factcheck::lang::load(&mut sources, &[id], false);
        for d in &loaded.diagnostics {
            prop_assert!(d.primary.span.end <= src.len());
            prop_assert!(src.is_char_boundary(d.primary.span.start));
            prop_assert!(src.is_char_boundary(d.primary.span.end));
        }
        let _ = factcheck::report::render_diagnostics(&sources, &loaded.diagnostics, false);
    }
}

#[test]
fn big_inputs_do_not_panic() {
    let commas = ",".repeat(10_000);
    for src in [
        commas.clone(),
        format!("Russia expelled {commas}"),
        format!("actor X\n  alias {commas}"),
        "Russia expelled 1".repeat(5_000),
        "\"".repeat(10_001),
        "Russia and ".repeat(5_000),
    ] {
        let _ = parse(&src);
        let _ = format(&src);
    }
}
