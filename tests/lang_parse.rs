//! Parser unit tests: the shape of the syntax tree, the spans of every part, error recovery,
//! and the awkward inputs (CRLF, BOM, tabs, non-ASCII names, unterminated quotes, empty files).

use factcheck::lang::ast::*;
use factcheck::lang::parse;
use factcheck::model::{DateSpec, PartialDate, Quantity, Relation};

fn claim(src: &str) -> ClaimNode {
    let (file, errors) = parse(src);
    assert!(errors.is_empty(), "{errors:?}");
    match file.lines.into_iter().next().map(|l| l.kind) {
        Some(LineKind::Claim(c)) => c,
        other => panic!("not a claim: {other:?}"),
    }
}

fn at<'a>(src: &'a str, span: &std::ops::Range<usize>) -> &'a str {
    &src[span.clone()]
}

fn names(l: &ActorList) -> Vec<(&str, bool)> {
    match l {
        ActorList::Any(_) => vec![("_", false)],
        ActorList::Names { names, .. } => {
            names.iter().map(|n| (n.text.as_str(), n.quoted)).collect()
        }
    }
}

#[test]
fn claim_parts_and_spans() {
    let src = "Netherlands and Belgium expelled 1,269 \"European Union\" 2022-03-29  # note";
    let c = claim(src);
    assert_eq!(names(&c.subject), vec![("Netherlands", false), ("Belgium", false)]);
    assert_eq!(at(src, &c.subject.span()), "Netherlands and Belgium");
    assert_eq!(at(src, &c.predicate.span), "expelled");
    let q = c.quantity.unwrap();
    assert_eq!(q.value, Quantity::exact(1269));
    assert!(q.separators);
    assert_eq!(at(src, &q.span), "1,269");
    let o = c.object.unwrap();
    assert_eq!(names(&o), vec![("European Union", true)]);
    assert_eq!(at(src, &o.span()), "\"European Union\"");
    let d = c.date.unwrap();
    assert_eq!(d.value, DateSpec::On(PartialDate::ymd(2022, 3, 29)));
    assert_eq!(at(src, &d.span), "2022-03-29");
    assert_eq!(
        at(src, &c.span),
        "Netherlands and Belgium expelled 1,269 \"European Union\" 2022-03-29"
    );
    let (file, _) = parse(src);
    assert_eq!(at(src, file.lines[0].comment.as_ref().unwrap()), "# note");
}

#[test]
fn quantities_in_every_form() {
    let cases = [
        ("17", Quantity::exact(17)),
        (">17", Quantity::with(Relation::Gt, 17)),
        (">= 17", Quantity::with(Relation::Ge, 17)),
        ("<17", Quantity::with(Relation::Lt, 17)),
        ("<=17", Quantity::with(Relation::Le, 17)),
        ("~1,000", Quantity::with(Relation::About, 1000)),
        ("10..20", Quantity::range(10, 20)),
        ("over 5", Quantity::with(Relation::Gt, 5)),
        ("more than 200", Quantity::with(Relation::Gt, 200)),
        ("at least 3", Quantity::with(Relation::Ge, 3)),
        ("under 4", Quantity::with(Relation::Lt, 4)),
        ("fewer than 4", Quantity::with(Relation::Lt, 4)),
        ("less than 4", Quantity::with(Relation::Lt, 4)),
        ("at most 9", Quantity::with(Relation::Le, 9)),
        ("about 30", Quantity::with(Relation::About, 30)),
        ("around 30", Quantity::with(Relation::About, 30)),
        ("approximately 30", Quantity::with(Relation::About, 30)),
        ("exactly 30", Quantity::exact(30)),
    ];
    for (text, want) in cases {
        let src = format!("Russia expelled {text} Poland");
        let q = claim(&src).quantity.unwrap();
        assert_eq!(q.value, want, "{text}");
        assert_eq!(at(&src, &q.span), text);
        assert_eq!(q.words.is_some(), text.starts_with(|c: char| c.is_ascii_lowercase()), "{text}");
    }
}

#[test]
fn dates_in_every_form() {
    let p = |y, m, d| PartialDate { year: y, month: m, day: d };
    let cases = [
        ("2022", DateSpec::On(p(Some(2022), None, None))),
        ("2022-03", DateSpec::On(p(Some(2022), Some(3), None))),
        ("2024-02-29", DateSpec::On(p(Some(2024), Some(2), Some(29)))),
        ("--04-15", DateSpec::On(p(None, Some(4), Some(15)))),
        ("--04", DateSpec::On(p(None, Some(4), None))),
        (
            "2022-03..2022-04",
            DateSpec::Between {
                start: p(Some(2022), Some(3), None),
                end: p(Some(2022), Some(4), None),
            },
        ),
    ];
    for (text, want) in cases {
        let src = format!("Russia expelled _ {text}");
        assert_eq!(claim(&src).date.unwrap().value, want, "{text}");
    }
    // A bare number right after the predicate is the quantity.
    let c = claim("Russia expelled 2022");
    assert_eq!(c.quantity.unwrap().value, Quantity::exact(2022));
    assert!(c.date.is_none());
    // After a quantity, a year is the date.
    let c = claim("Russia expelled 5 2022");
    assert_eq!(c.date.unwrap().value, DateSpec::On(p(Some(2022), None, None)));
}

#[test]
fn negation_any_and_lists() {
    let c = claim("United Kingdom not expelled Russia 2022-04");
    assert!(c.not.is_some());
    let c = claim("_ arrested 12 _");
    assert!(matches!(c.subject, ActorList::Any(_)));
    assert!(matches!(c.object, Some(ActorList::Any(_))));
    let c = claim("Germany, France, and Italy expelled 3 Russia");
    let ActorList::Names { names, joins, .. } = &c.subject else { panic!() };
    assert_eq!(names.len(), 3);
    assert!(!joins[0].is_and());
    assert!(joins[1].is_and());
}

#[test]
fn non_ascii_names() {
    let c = claim("São Tomé expelled 1 Ōita 2022");
    assert_eq!(names(&c.subject), vec![("São Tomé", false)]);
    assert_eq!(names(&c.object.unwrap()), vec![("Ōita", false)]);
    let c = claim("\"Côte d'Ivoire\" expelled 1 _");
    assert_eq!(names(&c.subject), vec![("Côte d'Ivoire", true)]);
    // Unquoted, `d'Ivoire` is not a name word: the error points at it.
    let (_, errors) = parse("Côte d'Ivoire expelled 1 _");
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].span, 6..14);
}

#[test]
fn declarations() {
    let src = "actor \"Wagner Group\"\n  alias Wagner, PMC Wagner\n  drop X\npredicate expelled\n\tverb expel, expels\n  example \"Poland expelled 45.\" => Poland expelled 45 Russia\n  example \"x\" => nothing\narticles a/*.md, \"b/{c,d}.md\"\n";
    let (file, errors) = parse(src);
    assert!(errors.is_empty(), "{errors:?}");
    let kinds: Vec<&LineKind> = file.lines.iter().map(|l| &l.kind).collect();
    let LineKind::Header(h) = kinds[0] else { panic!() };
    assert_eq!(
        (h.kind, h.name.text.as_str(), h.name.quoted),
        (HeaderKind::Actor, "Wagner Group", true)
    );
    let LineKind::Property(p) = kinds[1] else { panic!() };
    let PropertyValue::Items(items) = &p.value else { panic!() };
    assert_eq!(items.iter().map(|i| i.text.as_str()).collect::<Vec<_>>(), ["Wagner", "PMC Wagner"]);
    assert_eq!(at(src, &items[1].span), "PMC Wagner");
    let LineKind::Property(p) = kinds[5] else { panic!() };
    let PropertyValue::Example(ex) = &p.value else { panic!() };
    assert_eq!(ex.text.text, "Poland expelled 45.");
    assert_eq!(at(src, &ex.expect_span), "Poland expelled 45 Russia");
    let LineKind::Property(p) = kinds[6] else { panic!() };
    let PropertyValue::Example(ex) = &p.value else { panic!() };
    assert!(ex.expect.is_none());
    let LineKind::Articles(a) = kinds[7] else { panic!() };
    assert_eq!(
        a.globs.iter().map(|g| g.text.as_str()).collect::<Vec<_>>(),
        ["a/*.md", "b/{c,d}.md"]
    );
}

#[test]
fn every_bad_line_is_reported_and_parsing_continues() {
    let src = "Netherlands 17 Russia\nRussia expelled 2022-02-30\nRussia expelled 3 Poland\n\"open\nalias X\nBelgium expelled 4 Russia\n";
    let (file, errors) = parse(src);
    assert_eq!(errors.len(), 4, "{errors:?}");
    let lines: Vec<usize> =
        errors.iter().map(|e| src[..e.span.start].matches('\n').count() + 1).collect();
    assert_eq!(lines, [1, 2, 4, 5]);
    assert!(matches!(file.lines[2].kind, LineKind::Claim(_)));
    assert!(matches!(file.lines[5].kind, LineKind::Claim(_)));
    assert!(matches!(file.lines[0].kind, LineKind::Error));
    assert_eq!(
        errors[0].message,
        "expected a predicate (a lower-case word) after the subject, found `17`"
    );
    assert_eq!(at(src, &errors[1].span), "30");
    assert_eq!(at(src, &errors[2].span), "\"open");
}

#[test]
fn line_endings_bom_tabs_and_empty_files() {
    let (file, errors) = parse("");
    assert!(errors.is_empty() && file.lines.is_empty());
    let (file, _) = parse("\n");
    assert_eq!(file.lines.len(), 1);
    let src = "\u{feff}Russia\texpelled\t3 Poland\r\n\r\n# c\r\n";
    let (file, errors) = parse(src);
    assert!(errors.is_empty(), "{errors:?}");
    assert!(file.bom && file.crlf);
    assert_eq!(file.lines.len(), 3);
    assert_eq!(at(src, &file.lines[0].span), "Russia\texpelled\t3 Poland");
    assert_eq!(file.lines[0].span.start, 3);
    assert!(matches!(file.lines[1].kind, LineKind::Blank));
    assert_eq!(at(src, file.lines[2].comment.as_ref().unwrap()), "# c");
}

#[test]
fn hash_inside_quotes_is_not_a_comment() {
    let src = "\"Team #1\" expelled 3 _ # real";
    let (file, errors) = parse(src);
    assert!(errors.is_empty());
    assert_eq!(at(src, file.lines[0].comment.as_ref().unwrap()), "# real");
}
