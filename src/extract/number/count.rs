//! Counts: a numeral with its qualifier (`more than 200`, `~400`, ranges), vague counts
//! (`dozens`, `hundreds of`), found at a position or scanned over a text.

use super::*;

/// A count with no number before a plural scale: `dozens`, `hundreds of thousands`.
pub(in crate::extract) fn vague_at(b: &[u8], i: usize) -> Option<(Quantity, usize)> {
    if let Some(e) = phrase_at(b, i, &["a", "couple", "of"]) {
        return Some((Quantity::with(Relation::About, 2), e));
    }
    if let Some(e) = phrase_at(b, i, &["a", "pair", "of"]) {
        return Some((Quantity::exact(2), e));
    }
    // `a handful of`: a few, at most five.
    if let Some(e) = phrase_at(b, i, &["a", "handful"]) {
        let e = phrase_at(b, skip_ws(b, e), &["of"]).unwrap_or(e);
        return Some((Quantity::range(2, 5), e));
    }
    let mut buf = [0u8; 16];
    let (w, e) = word_at(b, i, &mut buf)?;
    let base: i128 = match lookup(w) {
        _ if w == b"tens" => 10,
        Some(W::Scale(m, true)) => m,
        Some(W::Dozen(true)) => 12,
        _ => return None,
    };
    let mut value = base.checked_mul(2)?;
    let mut end = e;
    // `tens of thousands`, `hundreds of thousands`, `thousands of millions`.
    let p = skip_ws(b, e);
    if let Some(e2) = word_is(b, p, "of") {
        let q = skip_ws(b, e2);
        let mut buf2 = [0u8; 16];
        if let Some((w2, e3)) = word_at(b, q, &mut buf2)
            && let Some(W::Scale(m2, true)) = lookup(w2)
            && m2 > base
        {
            value = value.checked_mul(m2)?;
            end = e3;
        }
    }
    if base == 10 && end == e {
        return None; // `tens` alone
    }
    Some((Quantity::with(Relation::Ge, u64::try_from(value).ok()?), end))
}

/// A bare count at `i` (no qualifier): (value, span end).
pub(in crate::extract) fn core_count(
    b: &[u8],
    text: &str,
    i: usize,
    qualified: bool,
) -> Option<(u64, usize)> {
    let n = numeral_at(text, i)?;
    if n.value.mantissa < 0 || not_a_count(b, &n, qualified) {
        return None;
    }
    // A date like `March 23` is read by the date reader; a decimal needs a scale to be a count.
    Some((n.value.to_u64()?, n.span.end))
}

/// Reads the count expression starting at byte `at` (a token start), qualifiers and ranges
/// included: `more than 200`, `between 10 and 20`, `2,000`, `dozens`.
pub fn count_at(text: &str, at: usize) -> Option<NumberMatch> {
    let b = text.as_bytes();
    if at >= b.len() {
        return None;
    }
    // `between X and Y`, `from X to Y`.
    for (open, mid) in [("between", "and"), ("from", "to")] {
        if let Some(e) = word_is(b, at, open) {
            let p = skip_ws(b, e);
            if p > e
                && let Some((lo, e1)) = core_count(b, text, p, true)
            {
                let q = skip_ws(b, e1);
                if let Some(e2) = word_is(b, q, mid) {
                    let r = skip_ws(b, e2);
                    if let Some((hi, e3)) = core_count(b, text, r, true)
                        && hi > lo
                    {
                        return Some(NumberMatch {
                            span: at..e3,
                            quantity: Quantity::range(lo, hi),
                        });
                    }
                }
            }
        }
    }
    let (rel, qend) = match qualifier_at(b, at) {
        Some((rel, e)) => (Some(rel), e),
        None => (None, at),
    };
    let p = if rel.is_some() { skip_ws(b, qend) } else { at };
    if rel.is_none()
        && let Some((vq, e)) = vague_at(b, p)
    {
        return Some(NumberMatch { span: at..e, quantity: vq });
    }
    let (mut q, mut end) = match core_count(b, text, p, rel.is_some()) {
        Some((v, e)) => (Quantity::exact(v), e),
        None => return None,
    };
    if let Some(r) = rel {
        q = Quantity::with(r, q.value);
    }
    // After: `or more`, `or so`, `-odd`, ranges `to`/`-`/`through`, `and less than Y`.
    let a = skip_ws(b, end);
    if matches!(q.relation, Relation::Eq | Relation::About) {
        for (tail, r) in [
            (&["or", "more"][..], Relation::Ge),
            (&["and", "more"][..], Relation::Ge),
            (&["or", "greater"][..], Relation::Ge),
            (&["or", "above"][..], Relation::Ge),
            (&["or", "fewer"][..], Relation::Le),
            (&["or", "less"][..], Relation::Le),
            (&["or", "so"][..], Relation::About),
        ] {
            if let Some(e) = phrase_at(b, a, tail) {
                // Not `200 or greater than 190`, `5000 or less than 6000`: a second bound.
                let f = skip_ws(b, e);
                if word_is(b, f, "than").is_some() || b.get(f).is_some_and(u8::is_ascii_digit) {
                    break;
                }
                return Some(NumberMatch { span: at..e, quantity: Quantity::with(r, q.value) });
            }
        }
        if b.get(end) == Some(&b'-')
            && q.relation == Relation::Eq
            && let Some(e) = word_is(b, end + 1, "odd")
        {
            return Some(NumberMatch {
                span: at..e,
                quantity: Quantity::with(Relation::About, q.value),
            });
        }
        // Ranges.
        let mut r = None;
        if let Some(e) = word_is(b, a, "to").or_else(|| word_is(b, a, "through")) {
            r = Some(skip_ws(b, e));
        } else if matches!(b.get(a), Some(b'-' | b'~')) {
            r = Some(skip_ws(b, a + 1));
        } else if b.get(a..).is_some_and(|s| s.starts_with("–".as_bytes())) {
            r = Some(skip_ws(b, a + 3));
        }
        if let Some(r) = r
            && let Some((hi, e)) = core_count(b, text, r, true)
            && hi > q.value
        {
            return Some(NumberMatch { span: at..e, quantity: Quantity::range(q.value, hi) });
        }
    } else if matches!(q.relation, Relation::Gt | Relation::Ge | Relation::Lt | Relation::Le) {
        // `more than 10 and less than 20`, `at most 100 and at least 20`.
        for joiner in ["and", "but", ","] {
            let joined = if joiner == "," {
                (b.get(a) == Some(&b',')).then_some(a + 1)
            } else {
                word_is(b, a, joiner)
            };
            if let Some(e) = joined {
                let p2 = skip_ws(b, e);
                if let Some((r2, e2)) = qualifier_at(b, p2) {
                    let p3 = skip_ws(b, e2);
                    if let Some((v2, e3)) = core_count(b, text, p3, true)
                        && let Some(range) = combine(q, Quantity::with(r2, v2))
                    {
                        return Some(NumberMatch { span: at..e3, quantity: range });
                    }
                }
            }
        }
        // `more than 5000 or equal to` (but not `... or equal to 6000`)
        if let Some(e) =
            phrase_at(b, a, &["or", "equal", "to"]).or_else(|| phrase_at(b, a, &["or", "equal"]))
            && !b.get(skip_ws(b, e)).is_some_and(u8::is_ascii_digit)
        {
            q.relation = match q.relation {
                Relation::Gt => Relation::Ge,
                Relation::Lt => Relation::Le,
                r => r,
            };
            end = e;
        }
    }
    Some(NumberMatch { span: at..end, quantity: q })
}

/// Two one-sided bounds as an inclusive integer range, when they form one.
pub(in crate::extract) fn combine(a: Quantity, b: Quantity) -> Option<Quantity> {
    let lower = |q: Quantity| match q.relation {
        Relation::Gt => q.value.checked_add(1),
        Relation::Ge => Some(q.value),
        _ => None,
    };
    let upper = |q: Quantity| match q.relation {
        Relation::Lt => q.value.checked_sub(1),
        Relation::Le => Some(q.value),
        _ => None,
    };
    let (lo, hi) = match (lower(a), upper(b), lower(b), upper(a)) {
        (Some(lo), Some(hi), _, _) | (_, _, Some(lo), Some(hi)) => (lo, hi),
        _ => return None,
    };
    (lo <= hi).then(|| Quantity::range(lo, hi))
}

/// True when the word at `i` can begin a count expression (a qualifier, a number word, `a`,
/// `between`, `dozens`): one table lookup that spares the full reader most words of a text.
pub(in crate::extract) fn may_start_count(b: &[u8], i: usize) -> bool {
    let mut buf = [0u8; 16];
    let Some((w, _)) = word_at(b, i, &mut buf) else { return false };
    lookup(w).is_some()
        || BEFORE.iter().any(|(words, _)| words[0].as_bytes() == w)
        || matches!(w, b"tens" | b"between" | b"from" | b"bigger" | b"half")
}

/// Appends every count expression of `text` to `out`, in order, without overlaps (the longest
/// expression at each position). Byte spans are relative to `text`.
pub fn scan_counts(text: &str, out: &mut Vec<NumberMatch>) {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let candidate = match c {
            b'>' | b'<' => true,
            b'0'..=b'9' | b'.' | b'-' => at_boundary(b, i),
            b'a'..=b'z' | b'A'..=b'Z' => at_boundary(b, i) && may_start_count(b, i),
            _ => false,
        };
        if candidate && let Some(m) = count_at(text, i) {
            i = m.span.end.max(i + 1);
            out.push(m);
            continue;
        }
        i = next_start(b, i);
    }
}
