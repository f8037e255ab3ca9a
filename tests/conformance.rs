//! Conformance of the number and date readers against `../shared/conformance/news_core.jsonl`
//! (cases converted from Recognizers-Text, Duckling, dateparser and TempEval-3; see
//! `../shared/README.md`).
//!
//! Run `cargo test --release --test conformance -- --nocapture`: it prints one line per kind,
//! `conformance: KIND PASSED/TOTAL`, for `count`, `count_range`, `date` and `date_range`, and fails
//! when a kind falls below its floor in [`FLOORS`] (raise the floors as the readers improve; they
//! sit about two points below the current figures). When `../shared` is absent it says so and
//! passes. `FACTCHECK_SHARED=/path/to/shared` reads it from elsewhere (a git worktree).
//!
//! To list the failing cases of a kind: `CONFORMANCE_FAILURES=date cargo test --release --test
//! conformance -- --nocapture` (a comma-separated list of kinds, or `all`); add
//! `CONFORMANCE_CLASS=weekday` to keep one class. `CONFORMANCE_CLASSES=1` adds a
//! `class KIND/CLASS PASSED/TOTAL` line per class of the file (where to work next).
//!
//! What "passed" means. The *target* is the case's `span_start..span_end` (bytes of `input`), or
//! the whole input when the case has none (Duckling cases are one expression each). A case passes
//! when some expression the reader reports *overlaps* the target and has the expected value:
//!
//! - `count`: the numeral normaliser ([`scan_numerals`]) gives exactly `expected.value` (decimals
//!   and negatives included). This measures the normaliser; [`scan_counts`] then drops what is not
//!   a head-count (money, percentages, years, negatives, fractions), which the cases do not test.
//! - `count_range`: [`scan_counts`] gives a quantity admitting the same integers as
//!   `expected.interval`. For two-sided intervals each bound may be read inclusive or as written:
//!   Recognizers-Text writes `between 20 and 30` as `[20,30)`, news means `20..30` inclusive, and
//!   we accept both. Non-integer or negative bounds cannot pass (counts are whole and
//!   non-negative).
//! - `date`: [`scan_dates_lean`] with [`Lean::Clause`] (as the extractor reads: forward in a
//!   future clause, `I will leave in two weeks`) and the case's `ref_date` as the dateline gives
//!   exactly `expected.date`, or `expected.future` where the case gives both readings (`past`
//!   and `future`: the source itself calls the expression ambiguous, and we accept our
//!   documented reading of it). Duckling cases give only the future-leaning reading (its corpus
//!   is an assistant's, which schedules): they, and the `future` reading of ambiguous cases, are
//!   also compared with our [`Lean::Future`] reading, so that a case measures the reading of the
//!   expression and not which way the source leans.
//!   `not resolved` (an impossible date such as `Feb 30`) passes when nothing is reported there.
//! - `date_range`: the reported date (read the same way), as a half-open day range (a year or a month covers all its
//!   days; a range runs to the end of its last day), equals `expected.start..expected.end`.
//!   As for counts, a range's end bound may also be read exclusive: Recognizers-Text writes
//!   `from May to October 2020` as `[2020-05-01, 2020-10-01)` and `Nov 18-Dec 19, 2015` as
//!   `[2015-11-18, 2015-12-19)`, where we (and Duckling, and news) include the end.
//!   Open-ended ranges (`since 2014`, `before 2018`: `start` or `end` is `null`) compare their one
//!   bound the same way, and a one-sided start may also be written exclusive (Recognizers-Text
//!   writes `after January 1, 2007` as from January 1, and `after 2016` as from 2017). Where the source gives a future reading
//!   (Duckling's cases all lean forward; Recognizers-Text's ambiguous ones give `past` and
//!   `future`), our [`Lean::Future`] reading is compared with it too, as for dates. TempEval-3's
//!   parts (`early December`: the month with `mod: START`) pass with a range inside the period.
//!   A `not resolved` case passes when nothing is reported there, as for dates.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use factcheck::extract::date::{Lean, scan_dates_lean};
use factcheck::extract::number::{Decimal, scan_counts, scan_numerals};
use factcheck::model::{DateSpec, PartialDate, Relation};
use serde_json::Value;

/// Minimum passing cases per kind: just below the figures reached (count 233/255, count_range
/// 84/97, date 486/644, date_range 541/898). Raise them as the readers improve. count_range lost
/// two cases by design: `more than thirty years old` is an age, not a count.
const FLOORS: &[(&str, usize)] =
    &[("count", 231), ("count_range", 82), ("date", 484), ("date_range", 539)];

const KINDS: &[&str] = &["count", "count_range", "date", "date_range"];

struct Case<'a> {
    v: &'a Value,
    input: &'a str,
    target: Range<usize>,
    reference: Option<PartialDate>,
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

fn civil(s: &str) -> Option<jiff::civil::Date> {
    factcheck::input::dateline::iso_date(s)?.to_civil()
}

/// `(20,35]`, `[20,)`, `(,100]` as integer inclusive bounds: (lows accepted, highs accepted).
fn interval(s: &str) -> Option<(Vec<u64>, Vec<u64>)> {
    let open_lo = s.starts_with('(');
    let closed_hi = s.ends_with(']');
    let inner = s.get(1..s.len().checked_sub(1)?)?;
    let (lo, hi) = inner.split_once(',')?;
    let int = |t: &str| Decimal::parse(t).and_then(|d| d.to_u64());
    let lows = if lo.is_empty() {
        vec![0]
    } else {
        let n = int(lo)?;
        if open_lo { vec![n + 1, n] } else { vec![n] }
    };
    let highs = if hi.is_empty() {
        vec![u64::MAX]
    } else {
        let n = int(hi)?;
        if closed_hi { vec![n] } else { vec![n.checked_sub(1)?, n] }
    };
    // One-sided intervals must match exactly (`>30` is not `>=30`).
    if lo.is_empty() || hi.is_empty() {
        return Some((lows[..1].to_vec(), highs[..1].to_vec()));
    }
    Some((lows, highs))
}

fn check_count(c: &Case) -> (bool, String) {
    let mut got = Vec::new();
    scan_numerals(c.input, &mut got);
    let want = c.v["expected"]["value"].as_str().and_then(Decimal::parse);
    let ok = got.iter().any(|n| overlaps(&n.span, &c.target) && Some(n.value) == want);
    let shown = got.iter().map(|n| format!("{} @{:?}", n.value, n.span)).collect::<Vec<_>>();
    (ok, shown.join("; "))
}

fn check_count_range(c: &Case) -> (bool, String) {
    let mut got = Vec::new();
    scan_counts(c.input, &mut got);
    let want = c.v["expected"]["interval"].as_str().and_then(interval);
    let ok = want.is_some_and(|(lows, highs)| {
        got.iter().any(|m| {
            let (lo, hi) = m.quantity.interval();
            overlaps(&m.span, &c.target)
                && m.quantity.relation != Relation::About
                && lows.contains(&lo)
                && highs.contains(&hi)
        })
    });
    let shown = got.iter().map(|m| format!("{} @{:?}", m.quantity, m.span)).collect::<Vec<_>>();
    (ok, shown.join("; "))
}

fn dates(c: &Case, lean: Lean) -> Vec<factcheck::extract::date::DateMatch> {
    let mut got = Vec::new();
    scan_dates_lean(c.input, c.reference, lean, &mut got);
    got
}

/// The source's future-leaning reading, when it gives one: all of Duckling's (an assistant's
/// corpus: `July 13-15` on 2013-02-12 is the coming July), and the `future` half of the cases
/// Recognizers-Text marks ambiguous. It is compared with our [`Lean::Future`] reading.
fn future_reading<'a>(c: &Case<'a>) -> Option<&'a Value> {
    let e = &c.v["expected"];
    if c.v["source"].as_str() == Some("duckling") {
        Some(e)
    } else if e["ambiguous"].as_bool() == Some(true) || e["past"].is_object() {
        Some(&e["future"]).filter(|f| f.is_object() || f.is_string())
    } else {
        None
    }
}

fn check_date(c: &Case) -> (bool, String) {
    let got = dates(c, Lean::Clause);
    let want = c.v["expected"]["date"].as_str().unwrap_or("");
    let hits = got.iter().filter(|m| overlaps(&m.span, &c.target));
    let ok = if want == "not resolved" || want == "0001-01-01" {
        hits.count() == 0
    } else {
        // The source's reading, or its other one where it gives both (`past` and `future`).
        let other =
            c.v["expected"]["future"].as_str().filter(|_| c.v["expected"]["past"].is_string());
        let wants: Vec<PartialDate> = [Some(want), other]
            .into_iter()
            .flatten()
            .filter_map(factcheck::input::dateline::iso_date)
            .collect();
        let on = |m: &factcheck::extract::date::DateMatch, w: &PartialDate| {
            overlaps(&m.span, &c.target) && m.date == DateSpec::On(*w)
        };
        hits.into_iter().any(|m| wants.iter().any(|w| on(m, w)))
            || future_reading(c)
                .map(|f| if f.is_object() { &f["date"] } else { f })
                .and_then(Value::as_str)
                .and_then(factcheck::input::dateline::iso_date)
                .is_some_and(|w| dates(c, Lean::Future).iter().any(|m| on(m, &w)))
    };
    let shown = got.iter().map(|m| format!("{} @{:?}", m.date, m.span)).collect::<Vec<_>>();
    (ok, shown.join("; "))
}

/// First day of a partial date, and the day after its last day.
fn day_range(d: &PartialDate) -> Option<(jiff::civil::Date, jiff::civil::Date)> {
    let y = i16::try_from(d.year?).ok()?;
    let span = |s: jiff::civil::Date, e: jiff::civil::Date| Some((s, e.tomorrow().ok()?));
    match (d.month, d.day) {
        (None, _) => {
            let s = jiff::civil::Date::new(y, 1, 1).ok()?;
            span(s, s.last_of_year())
        }
        (Some(m), None) => {
            let s = jiff::civil::Date::new(y, i8::try_from(m).ok()?, 1).ok()?;
            span(s, s.last_of_month())
        }
        (Some(_), Some(_)) => {
            let s = d.to_civil()?;
            span(s, s)
        }
    }
}

/// A half-open day range; `None` for an open end (`since 2010` has no end).
type Days = (Option<jiff::civil::Date>, Option<jiff::civil::Date>);

/// The half-open day ranges a reported date may be compared as: one for a date, two for a range
/// (its end bound included, as we mean it, or excluded, as Recognizers-Text writes `from May to
/// October` and `Nov 18-Dec 19`), and the same for a range with one open end.
fn half_open(spec: &DateSpec) -> Vec<Days> {
    match spec {
        DateSpec::On(d) => day_range(d).into_iter().map(|(s, e)| (Some(s), Some(e))).collect(),
        DateSpec::Between { start, end } => {
            let (Some(s), Some(e)) = (day_range(start), day_range(end)) else { return Vec::new() };
            vec![(Some(s.0), Some(e.1)), (Some(s.0), Some(e.0))]
        }
        DateSpec::Since { start } => {
            day_range(start).map(|s| (Some(s.0), None)).into_iter().collect()
        }
        DateSpec::Until { end } => {
            day_range(end).map(|e| vec![(None, Some(e.1)), (None, Some(e.0))]).unwrap_or_default()
        }
    }
}

/// The expected range; an open end is `null` (`since 2014`: a start and no end).
fn range_of(e: &Value) -> Option<Days> {
    let start = e["start"].as_str().and_then(civil);
    let end = e["end"].as_str().and_then(civil);
    (start.is_some() || end.is_some()).then_some((start, end))
}

/// Whether a reported day range is the expected one. A one-sided start may also be written
/// exclusive, as ends are: Recognizers-Text writes `after January 1, 2007` as from January 1
/// (and `after 2016` as from 2017), where we read the day after.
fn same_days(got: Days, want: Days) -> bool {
    got == want
        || (got.1.is_none()
            && want.1.is_none()
            && want.0.and_then(|s| s.tomorrow().ok()).is_some_and(|s| got.0 == Some(s)))
}

/// TempEval-3 annotates `early December` as the month with `mod: START` (and `MID`, `END`):
/// its range is the whole period, of which the text names a part. A reported range inside that
/// period, and shorter than it, is that part read (Recognizers-Text's `mod` cases give the
/// part's own days and are compared exactly).
fn within_part(c: &Case, got: &[factcheck::extract::date::DateMatch]) -> bool {
    let e = &c.v["expected"];
    if !matches!(e["mod"].as_str(), Some("START" | "MID" | "END")) {
        return false;
    }
    let Some((Some(s), Some(z))) = range_of(e) else { return false };
    got.iter().any(|m| {
        overlaps(&m.span, &c.target)
            && half_open(&m.date).first().is_some_and(|&(a, b)| {
                let (Some(a), Some(b)) = (a, b) else { return false };
                s <= a && b <= z && (a, b) != (s, z)
            })
    })
}

fn check_date_range(c: &Case) -> (bool, String) {
    let got = dates(c, Lean::Clause);
    let e = &c.v["expected"];
    let hits = |got: &[factcheck::extract::date::DateMatch], w| {
        got.iter().any(|m| {
            overlaps(&m.span, &c.target) && half_open(&m.date).into_iter().any(|d| same_days(d, w))
        })
    };
    let ok = if e["value"].as_str() == Some("not resolved") {
        // Nothing to find (`fiscal year 2008`, `SY2008`): passes when no day range is reported
        // as the whole target.
        !got.iter().any(|m| overlaps(&m.span, &c.target))
    } else {
        range_of(e).is_some_and(|w| hits(&got, w))
            || within_part(c, &got)
            || future_reading(c)
                .is_some_and(|f| range_of(f).is_some_and(|w| hits(&dates(c, Lean::Future), w)))
    };
    let shown = got.iter().map(|m| format!("{} @{:?}", m.date, m.span)).collect::<Vec<_>>();
    (ok, shown.join("; "))
}

#[test]
fn conformance() {
    // `FACTCHECK_SHARED` points elsewhere (a worktree whose parent has no `shared/`).
    let shared = std::env::var_os("FACTCHECK_SHARED")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    let path = shared.join("conformance/news_core.jsonl");
    let Ok(text) = std::fs::read_to_string(&path) else {
        println!("conformance: {} not found, skipped", path.display());
        return;
    };
    let show: Vec<String> = std::env::var("CONFORMANCE_FAILURES")
        .map(|s| s.split(',').map(str::to_owned).collect())
        .unwrap_or_default();
    let class_filter = std::env::var("CONFORMANCE_CLASS").ok();
    let mut tally: BTreeMap<&str, (usize, usize)> = KINDS.iter().map(|k| (*k, (0, 0))).collect();
    let mut by_class: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(line).expect("conformance file is JSON lines");
        let kind = v["kind"].as_str().unwrap_or("");
        let Some(entry) = tally.get_mut(kind) else { continue };
        let input = v["input"].as_str().unwrap_or("");
        let target = match (v["span_start"].as_u64(), v["span_end"].as_u64()) {
            (Some(s), Some(e)) => s as usize..e as usize,
            _ => 0..input.len(),
        };
        let reference = v["ref_date"].as_str().and_then(factcheck::input::dateline::iso_date);
        let case = Case { v: &v, input, target, reference };
        let (ok, got) = match kind {
            "count" => check_count(&case),
            "count_range" => check_count_range(&case),
            "date" => check_date(&case),
            _ => check_date_range(&case),
        };
        entry.1 += 1;
        let class = v["class"].as_str().unwrap_or("-");
        let c = by_class.entry(format!("{kind}/{class}")).or_default();
        c.1 += 1;
        c.0 += usize::from(ok);
        if ok {
            entry.0 += 1;
        } else if show.iter().any(|s| s == kind || s == "all") {
            let class = v["class"].as_str().unwrap_or("-");
            if class_filter.as_deref().is_none_or(|c| c == class) {
                println!(
                    "FAIL {kind}/{class} {} | {:?} | span {:?} | ref {} | expected {} | got [{got}]",
                    v["id"].as_str().unwrap_or(""),
                    input,
                    v["span"].as_str().unwrap_or(""),
                    v["ref_date"].as_str().unwrap_or("-"),
                    v["expected"],
                );
            }
        }
    }
    for k in KINDS {
        let (p, t) = tally[k];
        println!("conformance: {k} {p}/{t}");
    }
    if std::env::var_os("CONFORMANCE_CLASSES").is_some() {
        for (c, (p, t)) in &by_class {
            println!("class {c} {p}/{t}");
        }
    }
    for (k, floor) in FLOORS {
        let (p, _) = tally[k];
        assert!(p >= *floor, "conformance: {k} fell to {p}, below its floor {floor}");
    }
}
