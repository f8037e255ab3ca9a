//! Tests of the parent module.

use super::*;

fn num(s: &str) -> Option<String> {
    numeral_at(s, 0).map(|n| format!("{} {}", n.value, &s[n.span]))
}

fn counts(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    scan_counts(s, &mut out);
    out.iter().map(|m| format!("{} [{}]", m.quantity, &s[m.span.clone()])).collect()
}

#[test]
fn digits() {
    assert_eq!(num("1,269 people").as_deref(), Some("1269 1,269"));
    assert_eq!(num("10,000").as_deref(), Some("10000 10,000"));
    assert_eq!(num("4.800").as_deref(), Some("4.8 4.800"));
    assert_eq!(num(".08").as_deref(), Some("0.08 .08"));
    assert_eq!(num("192.168.1.2").as_deref(), Some("192 192"));
    assert_eq!(num("-9.5").as_deref(), Some("-9.5 -9.5"));
    assert_eq!(num("12,34,567.89").as_deref(), Some("1234567.89 12,34,567.89"));
    assert_eq!(num("1.111,11").as_deref(), Some("1111.11 1.111,11"));
    assert_eq!(num("1,3").as_deref(), Some("1.3 1,3"));
    assert_eq!(num("22,24,26").as_deref(), Some("22 22"));
    assert_eq!(num("3rd"), None);
    assert_eq!(num("1980s"), None);
}

#[test]
fn scales() {
    assert_eq!(num("1.2bn").as_deref(), Some("1200000000 1.2bn"));
    assert_eq!(num("10 million").as_deref(), Some("10000000 10 million"));
    assert_eq!(num("2.5 million").as_deref(), Some("2500000 2.5 million"));
    assert_eq!(num("10k").as_deref(), Some("10000 10k"));
    assert_eq!(num("1,674.5 million").as_deref(), Some("1674500000 1,674.5 million"));
    assert_eq!(num("10 m").as_deref(), Some("10 10"));
}

#[test]
fn words() {
    assert_eq!(num("two").as_deref(), Some("2 two"));
    assert_eq!(num("Twenty-six people").as_deref(), Some("26 Twenty-six"));
    assert_eq!(num("TWENTY-SIX").as_deref(), Some("26 TWENTY-SIX"));
    assert_eq!(num("a dozen").as_deref(), Some("12 a dozen"));
    assert_eq!(num("half a  dozen").as_deref(), Some("6 half a  dozen"));
    assert_eq!(num("a hundred").as_deref(), Some("100 a hundred"));
    assert_eq!(num("one thousand two hundred").as_deref(), Some("1200 one thousand two hundred"));
    assert_eq!(num("one hundred and sixty-one").as_deref(), Some("161 one hundred and sixty-one"));
    assert_eq!(
        num("two hundred and two thousand").as_deref(),
        Some("202000 two hundred and two thousand")
    );
    assert_eq!(
        num("three hundred and two dozens").as_deref(),
        Some("324 three hundred and two dozens")
    );
    assert_eq!(num("two point two million").as_deref(), Some("2200000 two point two million"));
    assert_eq!(
        num("4 thousand 3 hundred and 21").as_deref(),
        Some("4321 4 thousand 3 hundred and 21")
    );
    assert_eq!(num("minus five point five").as_deref(), Some("-5.5 minus five point five"));
    assert_eq!(num("fifty - two").as_deref(), Some("52 fifty - two"));
    assert_eq!(
        num("three thousand millions").as_deref(),
        Some("3000000000 three thousand millions")
    );
    assert_eq!(num("one and"), Some("1 one".into()));
}

#[test]
fn qualifiers() {
    assert_eq!(counts("a total of 38 diplomats"), ["38 [a total of 38]"]);
    assert_eq!(counts("more than 200 people"), [">200 [more than 200]"]);
    assert_eq!(counts("over 1,000"), [">1000 [over 1,000]"]);
    assert_eq!(counts("at least 45 were"), [">=45 [at least 45]"]);
    assert_eq!(counts("about 40"), ["~40 [about 40]"]);
    assert_eq!(counts("AROUND 40"), ["~40 [AROUND 40]"]);
    assert_eq!(counts("an estimated 2.5 million"), ["~2500000 [an estimated 2.5 million]"]);
    assert_eq!(counts("some 300 troops"), ["~300 [some 300]"]);
    assert_eq!(counts("nearly 300"), ["<300 [nearly 300]"]);
    assert_eq!(counts("almost two dozen"), ["<24 [almost two dozen]"]);
    assert_eq!(counts("up to 700 workers"), ["<=700 [up to 700]"]);
    assert_eq!(counts("fewer than a thousand"), ["<1000 [fewer than a thousand]"]);
    assert_eq!(counts("200 or more"), [">=200 [200 or more]"]);
    assert_eq!(counts("approximately 150"), ["~150 [approximately 150]"]);
    assert_eq!(counts("roughly 150"), ["~150 [roughly 150]"]);
    assert_eq!(counts("less than 20"), ["<20 [less than 20]"]);
    assert_eq!(counts("under 20"), ["<20 [under 20]"]);
    assert_eq!(counts("no more than 20"), ["<=20 [no more than 20]"]);
    assert_eq!(counts("MORE THAN 200 DIPLOMATS"), [">200 [MORE THAN 200]"]);
    assert_eq!(counts("a hundred diplomats"), ["100 [a hundred]"]);
}

#[test]
fn ranges() {
    assert_eq!(counts("10 to 20 people"), ["10..20 [10 to 20]"]);
    assert_eq!(counts("10-20 people"), ["10..20 [10-20]"]);
    assert_eq!(counts("between 10 and 20 people"), ["10..20 [between 10 and 20]"]);
    assert_eq!(counts("from ten to twenty"), ["10..20 [from ten to twenty]"]);
    assert_eq!(counts("more than 10 and less than 20"), ["11..19 [more than 10 and less than 20]"]);
}

#[test]
fn vague() {
    assert_eq!(counts("dozens of diplomats"), [">=24 [dozens]"]);
    assert_eq!(counts("hundreds of thousands of people"), [">=200000 [hundreds of thousands]"]);
    assert_eq!(counts("tens of thousands"), [">=20000 [tens of thousands]"]);
    assert_eq!(counts("a couple of weeks"), ["~2 [a couple of]"]);
}

#[test]
fn not_counts() {
    assert!(counts("in 2022").is_empty());
    assert!(counts("10% of").is_empty());
    assert!(counts("10 percent").is_empty());
    assert!(counts("$5m fine").is_empty());
    assert!(counts("£20").is_empty());
    assert!(counts("the 3rd time").is_empty());
    assert!(counts("at 5pm").is_empty());
    assert!(counts("at 5 p.m.").is_empty());
    assert!(counts("at 10:30").is_empty());
    assert!(counts("the 1980s").is_empty());
    assert!(counts("COVID-19 cases").is_empty());
    assert!(counts("March 23, 2022.").is_empty() || counts("March 23, 2022.") == ["23 [23]"]);
    assert!(counts("dated 2022-03-29 in").is_empty());
    assert_eq!(counts("2,000 troops"), ["2000 [2,000]"]);
    assert_eq!(counts("2000 troops"), ["2000 [2000]"]);
    assert_eq!(counts("Poland expelled 45 Russian diplomats"), ["45 [45]"]);
}

#[test]
fn long_inputs_finish() {
    // Linear scan: a long run of numbers, words and spaces is read once.
    let s = "more than 1,000 and about two hundred and six, 1.2.3 ".repeat(20_000);
    let mut out = Vec::new();
    scan_counts(&s, &mut out);
    assert!(out.len() >= 20_000);
    let spaces = format!("more{}than 5", " ".repeat(100_000));
    assert_eq!(counts(&spaces).len(), 1);
}

#[test]
fn no_panic_on_junk() {
    let junk = ",".repeat(10_000);
    assert!(counts(&junk).is_empty());
    let s = "1,2,3,4,5,6,7,8,9,0,1,2,3,4,5 99999999999999999999999999999999999999999999 trillion trillion";
    let _ = counts(s);
    let _ = counts("é1é two-é -. . 1. 1,");
    let mut v = Vec::new();
    scan_numerals("\u{0}\u{ff}1\u{2009}%", &mut v);
}

#[test]
fn ages_are_not_counts() {
    assert!(counts("a 41-year-old man").is_empty());
    assert!(counts("a 41 year old man").is_empty());
    assert!(counts("he was 41 years old").is_empty());
    assert!(counts("the man, aged 41, was").is_empty());
    assert!(counts("Bracy, 21, was charged").is_empty());
    assert_eq!(counts("In all, 21, or more"), ["21 [21]"]);
    assert_eq!(counts("killed 41 people"), ["41 [41]"]);
}

#[test]
fn news_count_wordings() {
    assert_eq!(counts("a handful of diplomats"), ["2..5 [a handful of]"]);
    assert_eq!(counts("dozens of people"), [">=24 [dozens]"]);
    assert_eq!(counts("the toll - now nearly 200 - rose"), ["<200 [nearly 200]"]);
    assert_eq!(counts("only two were expelled"), ["2 [two]"]);
    assert_eq!(counts("among them 30 children"), ["30 [30]"]);
    assert_eq!(counts("six of them"), ["6 [six]"]);
    assert_eq!(counts("raised the death toll to 31"), ["31 [31]"]);
    assert_eq!(counts("bringing the number to over 5,000"), [">5000 [over 5,000]"]);
}

fn part(s: &str, at: &str) -> Part {
    let i = s.find(at).unwrap_or(0);
    let m = count_at(s, i).map(|m| m.span).unwrap_or(i..i);
    count_part(s, &m)
}

#[test]
fn parts() {
    assert_eq!(part("212 people, among them 30 children, had been killed", "30"), Part::Subset);
    assert_eq!(part("killed 500, including 210 children", "210"), Part::Subset);
    assert_eq!(part("six of them were expelled", "six"), Part::Subset);
    assert_eq!(part("20 died, of whom 12 were children", "12"), Part::Subset);
    let s = "one of the three men charged";
    assert_eq!(part(s, "one"), Part::Member { group: 11..16 });
    assert_eq!(part("raised the death toll to 31", "31"), Part::Whole);
    assert_eq!(part("17 diplomats were expelled", "17"), Part::Whole);
}
