//! Dates relative to the reference: `today`, `yesterday`, `last week`, `earlier this month`,
//! rolling periods (`the past two weeks`), offsets (`two days ago`, `3 days from today`) and
//! the nth weekday of a month.

use super::*;

/// Expressions relative to the reference. `Some((None, _))`: recognised but unresolvable.
pub(in crate::extract) fn relative_at(
    b: &[u8],
    at: usize,
    r: Option<Civil>,
    fwd: bool,
) -> Option<(Option<DateSpec>, usize)> {
    if b.get(at).is_some_and(u8::is_ascii_digit) {
        return offset_ago(b, at, r, fwd).or_else(|| nth_of_month(b, at, r, fwd));
    }
    if let Some(x) = nth_of_month(b, at, r, fwd).or_else(|| after_next(b, at, r)) {
        return Some(x);
    }
    let mut buf = [0u8; 16];
    let (w, we) = word_at(b, at, &mut buf)?;
    let single = |off: i64| r.and_then(|r| add_days(r, off)).map(on);
    match w {
        b"today" | b"tonight" => return Some((single(0), we)),
        b"yesterday" => return Some((single(-1), we)),
        b"tomorrow" | b"tmrw" => return Some((single(1), we)),
        _ => {}
    }
    for (words, off) in [
        (&["the", "day", "before", "yesterday"][..], -2),
        (&["the", "day", "after", "tomorrow"][..], 2),
        (&["day", "before", "yesterday"][..], -2),
        (&["day", "after", "tomorrow"][..], 2),
        (&["the", "day", "after", "tmrw"][..], 2),
        (&["last", "night"][..], -1),
        (&["this", "morning"][..], 0),
        (&["this", "afternoon"][..], 0),
        (&["this", "evening"][..], 0),
    ] {
        if let Some(e) = phrase_at(b, at, words) {
            return Some((single(off), e));
        }
    }
    // `earlier this month`, `later this year`.
    for (first, later) in [("earlier", false), ("later", true)] {
        if word_is(b, at, first).is_some() {
            for unit in ["week", "month", "year"] {
                if let Some(e) = phrase_at(b, at, &[first, "this", unit]) {
                    let spec = r.and_then(|r| {
                        let (s, end) = period(r, unit, 0)?;
                        Some(if later { between(r, end) } else { between(s, r) })
                    });
                    return Some((spec, e));
                }
            }
        }
    }
    // `last week`, `this month`, `next year`, `last Tuesday`, `this past Friday`.
    let mut p = at;
    let mut offset: i64 = match w {
        b"last" | b"previous" => -1,
        b"this" | b"current" => 0,
        b"next" | b"coming" | b"following" | b"upcoming" => 1,
        b"past" => -2,
        _ => return offset_ago(b, at, r, fwd),
    };
    // `last week Sunday`, `next week on Tuesday`, `previous week - Monday`.
    if let Some(e) = phrase_at(b, at, &[std::str::from_utf8(w).unwrap_or(""), "week"]) {
        let mut q = skip_ws(b, e);
        if b.get(q) == Some(&b'-') {
            q = skip_ws(b, q + 1);
        } else if let Some(e2) = word_is(b, q, "on") {
            q = skip_ws(b, e2);
        }
        if q > e
            && let Some((wd, false, we2)) = weekday_at(b, q)
        {
            let off = if offset == -2 { -1 } else { offset };
            let spec = r.and_then(|r| add_days(week_start(r)?, 7 * off + i64::from(wd))).map(on);
            return Some((spec, we2));
        }
    }
    p = skip_ws(b, we).max(p);
    if p == we {
        return None;
    }
    if offset == 0 && word_is(b, p, "past").is_some() {
        offset = -2;
        p = skip_ws(b, word_is(b, p, "past")?);
    }
    // `coming Friday`, `this coming Friday`, `this upcoming Friday`: the first after `R`.
    let mut coming = matches!(w, b"coming" | b"upcoming");
    if offset == 0 && (word_is(b, p, "coming").is_some() || word_is(b, p, "upcoming").is_some()) {
        offset = 1;
        coming = true;
        let e = word_is(b, p, "coming").or_else(|| word_is(b, p, "upcoming"))?;
        p = skip_ws(b, e);
    }
    // Rolling periods: `the past two weeks`, `the last 3 years`, `the past week`.
    if offset < 0
        && let Some(x) = rolling(b, p, r, w == b"past")
    {
        return Some(x);
    }
    let mut buf2 = [0u8; 16];
    let (u, ue) = word_at(b, p, &mut buf2)?;
    if let Some((wd, false)) = weekday_name(u) {
        let spec = r.and_then(|r| match offset {
            -2 => weekday_before(r, wd, true).map(on),
            // Leaning forward, `this Monday` is the coming one (on or after `R`).
            0 if fwd && w == b"this" => {
                add_days(r, i64::from((wd - r.weekday().to_monday_zero_offset()).rem_euclid(7)))
                    .map(on)
            }
            1 if coming => add_days(r, 1)
                .and_then(|t| {
                    add_days(t, i64::from((wd - t.weekday().to_monday_zero_offset()).rem_euclid(7)))
                })
                .map(on),
            _ => {
                let ws = add_days(week_start(r)?, 7 * offset)?;
                add_days(ws, i64::from(wd)).map(on)
            }
        });
        return Some((spec, ue));
    }
    let unit: &str = match u {
        b"week" => "week",
        b"month" => "month",
        b"year" | b"yr" => "year",
        b"weekend" => "weekend",
        _ => return None,
    };
    if offset == -2 {
        return None; // `this past week`
    }
    let spec = r.and_then(|r| match unit {
        "weekend" => {
            let sat = add_days(week_start(r)?, 5 + 7 * offset)?;
            Some(between(sat, add_days(sat, 1)?))
        }
        "week" => {
            let (s, e) = period(r, "week", offset)?;
            Some(between(s, e))
        }
        "month" => add_months(r.first_of_month(), offset).map(month_of),
        _ => Some(year_of(i32::from(r.year()) + offset as i32)),
    });
    Some((spec, ue))
}

/// `(past|last) N days|weeks|months|years` (and `past week` without a number): from `R` minus
/// the period to `R`.
pub(in crate::extract) fn rolling(
    b: &[u8],
    p: usize,
    r: Option<Civil>,
    past: bool,
) -> Option<(Option<DateSpec>, usize)> {
    let (n, ne) = match small_numeral(b, p) {
        Some((n, e)) if word_is(b, p, "a").is_none() && word_is(b, p, "an").is_none() => (n, e),
        _ if past => (1, p),
        _ => return None,
    };
    let q = if ne == p { p } else { skip_ws(b, ne) };
    let mut buf = [0u8; 16];
    let (u, ue) = word_at(b, q, &mut buf)?;
    let plural = u.ends_with(b"s");
    if (ne == p) == plural {
        return None; // `past weeks`, `last 3 week`
    }
    // `the past two quarters`, `the last 3 quarters`: whole quarters before `R`'s (what a
    // company or an economy last reported), not a rolling window.
    if matches!(u, b"quarter" | b"quarters") {
        let spec = r.and_then(|r| {
            let q0 = civil(i32::from(r.year()), (r.month() as u8 - 1) / 3 * 3 + 1, 1)?;
            Some(between(add_months(q0, -3 * n)?, add_days(q0, -1)?))
        });
        return Some((spec, ue));
    }
    let spec = r.and_then(|r| {
        let start = add_units(r, -n, u)?;
        Some(between(start, r))
    });
    is_unit(u).then_some((spec, ue))
}

/// A small count at `p`: `a`/`an`, digits or words (`two`, `twenty-one`).
pub(in crate::extract) fn small_numeral(b: &[u8], p: usize) -> Option<(i64, usize)> {
    if let Some(e) = word_is(b, p, "a").or_else(|| word_is(b, p, "an")) {
        return Some((1, e));
    }
    // A bounded window keeps this linear (no re-validation of the whole text per word).
    let w = b.get(p..b.len().min(p + 96))?;
    let s = match std::str::from_utf8(w) {
        Ok(s) => s,
        Err(e) => std::str::from_utf8(w.get(..e.valid_up_to())?).ok()?,
    };
    let num = numeral_at(s, 0)?;
    let n = i64::try_from(num.value.to_u64()?).ok()?;
    (n <= 10_000).then_some((n, p + num.span.end))
}

/// First and last day of the week/month/year of `r`, shifted by `offset` periods.
pub(in crate::extract) fn period(r: Civil, unit: &str, offset: i64) -> Option<(Civil, Civil)> {
    match unit {
        "week" => {
            let s = add_days(week_start(r)?, 7 * offset)?;
            Some((s, add_days(s, 6)?))
        }
        "month" => {
            let s = add_months(r.first_of_month(), offset)?;
            Some((s, s.last_of_month()))
        }
        _ => {
            let s = add_years(r.first_of_year(), offset)?;
            Some((s, s.last_of_year()))
        }
    }
}

/// `two days ago`, `a week ago`, `3 months ago`.
pub(in crate::extract) fn offset_ago(
    b: &[u8],
    at: usize,
    r: Option<Civil>,
    fwd: bool,
) -> Option<(Option<DateSpec>, usize)> {
    if let Some(x) = compound_ago(b, at, r) {
        return Some(x);
    }
    // `the day before Christmas`, `the day after May 3` count one day (the anchor is read below:
    // `the day after the attack` gives nothing).
    let the_day = word_is(b, at, "the").filter(|&e| word_is(b, skip_ws(b, e), "day").is_some());
    let (n, ne) = match the_day {
        Some(e) => (1, e),
        None => small_numeral(b, at)?,
    };
    let p = skip_ws(b, ne);
    let mut buf = [0u8; 16];
    let (u, ue) = word_at(b, p, &mut buf)?;
    // `two Sundays ago`, `3 Fridays from now`: the nth such weekday before or after `R`.
    if let Some(stem) = u.strip_suffix(b"s")
        && let Some((wd, false)) = weekday_name(stem)
    {
        let q = skip_ws(b, ue);
        let (dir, e) = match word_is(b, q, "ago") {
            Some(e) => (-1, e),
            None => (1, phrase_at(b, q, &["from", "now"]).or_else(|| word_is(b, q, "hence"))?),
        };
        let spec = r.and_then(|r| {
            let first = if dir < 0 { weekday_before(r, wd, true)? } else { weekday_after(r, wd)? };
            add_days(first, dir * 7 * (n - 1)).map(on)
        });
        return Some((spec, e));
    }
    let days_per: Option<i64> = match u {
        b"day" | b"days" => Some(1),
        b"week" | b"weeks" => Some(7),
        b"fortnight" | b"fortnights" => Some(14),
        b"month" | b"months" | b"year" | b"years" => None,
        _ => return None,
    };
    let q = skip_ws(b, ue);
    if the_day.is_some() && word_is(b, q, "before").or_else(|| word_is(b, q, "after")).is_none() {
        return None;
    }
    // `ago`, `hence`, `from now`, `from today`, `from tomorrow`, `before yesterday`.
    let mut sign = -1;
    let mut base = 0;
    let e = if let Some(e) = word_is(b, q, "ago") {
        e
    } else if let Some(e) = word_is(b, q, "hence").or_else(|| phrase_at(b, q, &["from", "now"])) {
        sign = 1;
        e
    } else {
        let (dir, e1) = if let Some(e1) = word_is(b, q, "from").or_else(|| word_is(b, q, "after")) {
            (1, e1)
        } else {
            (-1, word_is(b, q, "before")?)
        };
        let p2 = skip_ws(b, e1);
        let mut buf2 = [0u8; 16];
        let (w2, e2) = word_at(b, p2, &mut buf2).unwrap_or((b"", p2));
        sign = dir;
        base = match w2 {
            b"today" => 0,
            b"tomorrow" | b"tmrw" => 1,
            b"yesterday" => -1,
            _ => {
                // `3 days after January 12`, `16 days from 01/02/2018`.
                // `two weeks before Christmas`: from that day.
                let m = date_at_civil(b, p2, r, fwd)?;
                let DateSpec::On(d) = m.date else { return None };
                let day = d.to_civil()?;
                let spec = match days_per {
                    Some(k) => add_days(day, sign * n.checked_mul(k)?),
                    None if u.starts_with(b"month") => add_months(day, sign * n),
                    None => add_years(day, sign * n),
                };
                return Some((spec.map(on), m.span.end));
            }
        };
        e2
    };
    // A count of years back or ahead of now names a year (`six years ago`: TempEval-3 reads
    // news so); of months, weeks or days, or from a named day (`3 years from today`), a day.
    let from_day = word_is(b, q, "from").is_some() && phrase_at(b, q, &["from", "now"]).is_none();
    let spec = r.and_then(|r| {
        let r = add_days(r, base)?;
        match days_per {
            Some(k) => add_days(r, sign * n.checked_mul(k)?).map(on),
            None if u.starts_with(b"month") => add_months(r, sign * n).map(on),
            None if from_day => add_years(r, sign * n).map(on),
            None => add_years(r, sign * n).map(|d| year_of(i32::from(d.year()))),
        }
    });
    Some((spec, e))
}

/// `the 20th of next month`, `the 15th day of this month`, `the first Monday of March`,
/// `last Friday of October`, `the second Monday of next month`.
pub(in crate::extract) fn nth_of_month(
    b: &[u8],
    at: usize,
    r: Option<Civil>,
    fwd: bool,
) -> Option<(Option<DateSpec>, usize)> {
    let mut p = word_is(b, at, "the").map_or(at, |e| skip_ws(b, e));
    // Ordinal: day number or weekday rank.
    let mut buf = [0u8; 16];
    let (rank, re): (i8, usize) = if let Some((w, e)) = word_at(b, p, &mut buf)
        && w == b"last"
    {
        (-1, e)
    } else {
        let (d, e) = day_at(b, p)?;
        (i8::try_from(d).ok()?, e)
    };
    p = skip_ws(b, re);
    let wd = weekday_at(b, p).filter(|x| !x.1);
    let day_word = word_is(b, p, "day");
    let after = match (wd, day_word) {
        (Some((_, _, e)), _) => e,
        (None, Some(e)) => e,
        (None, None) => re,
    };
    // `the last day of October` is a day; `last of` alone is not.
    if wd.is_none() && rank < 1 && !(rank == -1 && day_word.is_some()) {
        return None;
    }
    let q = skip_ws(b, after);
    let e_of = word_is(b, q, "of").or_else(|| word_is(b, q, "in"))?;
    let mut m = skip_ws(b, e_of);
    if let Some(e) = word_is(b, m, "the") {
        m = skip_ws(b, e);
    }
    // The month: relative (`next month`) or named (`March`, `March 2014`).
    let mut month: Option<Option<Civil>> = None;
    let mut end = m;
    for (w, off) in
        [("next", 1), ("this", 0), ("current", 0), ("last", -1), ("previous", -1), ("following", 1)]
    {
        if let Some(e) = phrase_at(b, m, &[w, "month"]) {
            month = Some(r.and_then(|r| add_months(r.first_of_month(), off)));
            end = e;
        }
    }
    if month.is_none() && wd.is_none() && day_word.is_none() {
        return None; // `the 4th of July`: an explicit date
    }
    if month.is_none() {
        if let Some(e) = word_is(b, m, "month") {
            month = Some(r.map(|r| r.first_of_month()));
            end = e;
        } else if let Some((ex, e)) = month_first(b, m) {
            let first = match ex {
                Ex::Ym(y, mo) => civil(y, mo, 1),
                Ex::M(mo) | Ex::Md(mo, _) if matches!(ex, Ex::M(_)) => month_start(mo, r, fwd),
                _ => None,
            };
            month = Some(first);
            end = e;
        } else if let Some((mo, e)) = month_at(b, m) {
            month = Some(month_start(mo, r, fwd));
            end = e;
        }
    }
    let month = month?;
    let spec = month.and_then(|first| match wd {
        Some((w, _, _)) => {
            let weekday = jiff::civil::Weekday::from_monday_zero_offset(w).ok()?;
            first.nth_weekday_of_month(rank, weekday).ok().map(on)
        }
        None if rank == -1 => Some(on(first.last_of_month())),
        None => {
            civil(i32::from(first.year()), first.month() as u8, u8::try_from(rank).ok()?).map(on)
        }
    });
    Some((spec, end))
}

/// `the next day`, `the following day`, `the previous day`, `the day before`, `the day after`
/// (not `the day after the attack`, which counts from an event), `a day later`, `two weeks
/// later`, `a fortnight earlier`, `three days afterwards`: the offset in days from the day it
/// follows, and the end.
pub(in crate::extract) fn next_day_at(b: &[u8], at: usize) -> Option<(i64, usize)> {
    for (words, off) in [
        (&["the", "next", "day"][..], 1),
        (&["the", "following", "day"][..], 1),
        (&["the", "previous", "day"][..], -1),
    ] {
        if let Some(e) = phrase_at(b, at, words) {
            return Some((off, e));
        }
    }
    // `N days|weeks|fortnights later|earlier|afterwards`.
    if let Some((n, ne)) = small_numeral(b, at) {
        let p = skip_ws(b, ne);
        let mut buf = [0u8; 16];
        if p > ne
            && let Some((u, ue)) = word_at(b, p, &mut buf)
        {
            let per = match u {
                b"day" | b"days" => 1,
                b"week" | b"weeks" => 7,
                b"fortnight" | b"fortnights" => 14,
                _ => 0,
            };
            let q = skip_ws(b, ue);
            let later = word_is(b, q, "later").or_else(|| word_is(b, q, "afterwards"));
            let dir = match (later, word_is(b, q, "earlier")) {
                (Some(e), _) => Some((1, e)),
                (None, Some(e)) => Some((-1, e)),
                _ => None,
            };
            if per > 0
                && q > ue
                && let Some((sign, e)) = dir
            {
                return Some((sign * n.checked_mul(per)?, e));
            }
        }
    }
    for (words, off) in [(&["the", "day", "before"][..], -1), (&["the", "day", "after"][..], 1)] {
        if let Some(e) = phrase_at(b, at, words) {
            let p = skip_ws(b, e);
            let mut buf = [0u8; 16];
            let ok = match word_at(b, p, &mut buf) {
                Some((w, _)) if p > e => {
                    matches!(w, b"and" | b"but" | b"or" | b"when" | b"as" | b"at" | b"in" | b"on")
                }
                _ => !b.get(p).is_some_and(|&c| is_alnum(c)),
            };
            return ok.then_some((off, e));
        }
    }
    None
}

/// `in two weeks`, `in 3 days`, `in a month`, `in ten years`: the reference plus the period,
/// read only when leaning forward (otherwise as often a duration: `killed 30 in two weeks`),
/// except with `time` after it (`in two weeks' time`, `in a fortnight's time`), which is never
/// a duration: the third value says so.
pub(in crate::extract) fn in_period(
    b: &[u8],
    at: usize,
    r: Option<Civil>,
) -> Option<(Option<DateSpec>, usize, bool)> {
    let p = skip_ws(b, word_is(b, at, "in")?);
    let mut buf = [0u8; 16];
    let (n, u, mut ue) = numeral_unit(b, p, &mut buf)?;
    let spec = r.and_then(|r| add_units(r, n, u));
    // `weeks'`, `fortnight's`, `month’s` then `time`.
    let mut q = ue;
    for mark in [&b"'s"[..], b"'", "’s".as_bytes(), "’".as_bytes()] {
        if b.get(q..).is_some_and(|t| t.starts_with(mark)) {
            q += mark.len();
            break;
        }
    }
    let q2 = skip_ws(b, q);
    let time = q2 > q || q > ue;
    let time = time && word_is(b, q2, "time").inspect(|&e| ue = e).is_some();
    is_unit(u).then_some((spec.map(on), ue, time))
}

/// A small count and the word after it (`two weeks`, `10 months`): the count, the word (in
/// `buf`) and the end of the word.
fn numeral_unit<'a>(b: &[u8], p: usize, buf: &'a mut [u8; 16]) -> Option<(i64, &'a [u8], usize)> {
    let (n, ne) = small_numeral(b, p)?;
    let q = skip_ws(b, ne);
    if q == ne {
        return None;
    }
    let (u, ue) = word_at(b, q, buf)?;
    Some((n, u, ue))
}

/// `within two weeks`, `within the next 10 months` (from `R`), `the next three days`, `next 5
/// years`, `the coming two weeks` (from the day after `R`) to `R` plus the period: read only
/// when leaning forward, like `in two weeks`.
pub(in crate::extract) fn ahead_at(
    b: &[u8],
    at: usize,
    r: Option<Civil>,
) -> Option<(Option<DateSpec>, usize)> {
    let (within, mut p) = match word_is(b, at, "within") {
        Some(e) => (true, skip_ws(b, e)),
        None => (false, at),
    };
    p = word_is(b, p, "the").map_or(p, |e| skip_ws(b, e));
    let next = word_is(b, p, "next").or_else(|| word_is(b, p, "coming"));
    match next {
        Some(e) => p = skip_ws(b, e),
        None if within => {}
        None => return None,
    }
    if !within && (word_is(b, p, "a").is_some() || word_is(b, p, "an").is_some()) {
        return None; // `the next a` is no period; `next week` is the calendar week
    }
    let mut buf = [0u8; 16];
    let (n, u, ue) = numeral_unit(b, p, &mut buf)?;
    if !is_unit(u) {
        return None;
    }
    let spec = r.and_then(|r| {
        let end = add_units(r, n, u)?;
        Some(if within { between(r, end) } else { between(add_days(r, 1)?, end) })
    });
    Some((spec, ue))
}

/// `the week after next`, `the month after the next`, `the year after next`, `the weekend
/// after next`, `Friday after next` (the Friday of next week), `March after next` (the second
/// March after `R`'s month).
pub(in crate::extract) fn after_next(
    b: &[u8],
    at: usize,
    r: Option<Civil>,
) -> Option<(Option<DateSpec>, usize)> {
    let p = word_is(b, at, "the").map_or(at, |e| skip_ws(b, e));
    let mut buf = [0u8; 16];
    let (u, ue) = word_at(b, p, &mut buf)?;
    let wd = weekday_name(u).filter(|x| !x.1).map(|x| x.0);
    let month = month_name(u).filter(|x| !x.1).map(|x| x.0);
    if wd.is_none() && month.is_none() && !matches!(u, b"week" | b"weekend" | b"month" | b"year") {
        return None;
    }
    let q = skip_ws(b, ue);
    let e = phrase_at(b, q, &["after", "next"])
        .or_else(|| phrase_at(b, q, &["after", "the", "next"]))?;
    let spec = r.and_then(|r| {
        if let Some(wd) = wd {
            return add_days(week_start(r)?, 7 + i64::from(wd)).map(on);
        }
        if let Some(m) = month {
            let ry = i32::from(r.year());
            let y = if m > r.month() as u8 { ry + 1 } else { ry + 2 };
            return Some(DateSpec::On(PartialDate { year: Some(y), month: Some(m), day: None }));
        }
        match u {
            b"week" => period(r, "week", 2).map(|(s, e)| between(s, e)),
            b"weekend" => {
                let sat = add_days(week_start(r)?, 19)?;
                Some(between(sat, add_days(sat, 1)?))
            }
            b"month" => add_months(r.first_of_month(), 2).map(month_of),
            _ => Some(year_of(i32::from(r.year()) + 2)),
        }
    });
    Some((spec, e))
}

/// The first day of month `m` without a year, as [`resolve_lean`] reads the month.
fn month_start(m: u8, r: Option<Civil>, fwd: bool) -> Option<Civil> {
    match resolve_lean(Ex::M(m), r, fwd)? {
        DateSpec::On(PartialDate { year: Some(y), month: Some(m), .. }) => civil(y, m, 1),
        _ => None,
    }
}

/// `2 years 1 month 21 days ago`, `a year and two months from now`: two or more counted units
/// (years, months, weeks, days; each at most once), then `ago`, `hence`, `later` or
/// `from now`: the day that far before or after `R`.
fn compound_ago(b: &[u8], at: usize, r: Option<Civil>) -> Option<(Option<DateSpec>, usize)> {
    let mut parts = [0i64; 4];
    let (mut p, mut last, mut count) = (at, 0usize, 0);
    let e = loop {
        let (n, ne) = small_numeral(b, p)?;
        let mut buf = [0u8; 16];
        let (u, ue) = word_at(b, skip_ws(b, ne), &mut buf)?;
        let unit = match u.strip_suffix(b"s").unwrap_or(u) {
            b"year" => 0,
            b"month" => 1,
            b"week" => 2,
            b"day" => 3,
            _ => return None,
        };
        if count > 0 && (unit == last || parts[unit] != 0) {
            return None;
        }
        (parts[unit], last, count) = (n, unit, count + 1);
        let mut q = skip_ws(b, ue);
        if b.get(q) == Some(&b',') {
            q = skip_ws(b, q + 1);
        }
        if let Some(e) = word_is(b, q, "and") {
            q = skip_ws(b, e);
        }
        if count >= 2 {
            let end = word_is(b, q, "ago")
                .map(|e| (-1, e))
                .or_else(|| word_is(b, q, "hence").map(|e| (1, e)))
                .or_else(|| word_is(b, q, "later").map(|e| (1, e)))
                .or_else(|| phrase_at(b, q, &["from", "now"]).map(|e| (1, e)));
            if let Some(x) = end {
                break x;
            }
        }
        p = q;
    };
    let (sign, end) = e;
    let spec = r.and_then(|r| {
        let d = add_years(r, sign * parts[0])?;
        let d = add_months(d, sign * parts[1])?;
        add_days(d, sign * (7 * parts[2] + parts[3])).map(on)
    });
    Some((spec, end))
}

/// A date anaphor: `that year`, `that month`, `that day`, `that same day`, `the same year`
/// (not `that week`, `the same week`: a week is no [`PartialDate`]). The grain (0: year, 1:
/// month, 2: day) and the end.
pub(in crate::extract) fn anaphor_at(b: &[u8], at: usize) -> Option<(u8, usize)> {
    let mut p = match word_is(b, at, "that") {
        Some(e) => {
            let q = skip_ws(b, e);
            word_is(b, q, "same").map_or(q, |e2| skip_ws(b, e2))
        }
        None => skip_ws(b, word_is(b, skip_ws(b, word_is(b, at, "the")?), "same")?),
    };
    if p == at {
        return None;
    }
    let mut buf = [0u8; 16];
    let (w, e) = word_at(b, p, &mut buf)?;
    p = e;
    let grain = match w {
        b"year" => 0,
        b"month" => 1,
        b"day" => 2,
        _ => return None,
    };
    Some((grain, p))
}

/// `d` kept to a grain (0: the year, 1: the month, 2: the day), when it states that much.
pub(in crate::extract) fn to_grain(d: PartialDate, grain: u8) -> Option<PartialDate> {
    let year = Some(d.year?);
    Some(match grain {
        0 => PartialDate { year, month: None, day: None },
        1 => PartialDate { year, month: Some(d.month?), day: None },
        _ => PartialDate { year, month: Some(d.month?), day: Some(d.day?) },
    })
}
