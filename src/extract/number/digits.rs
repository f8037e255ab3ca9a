//! Numbers written in digits: `4`, `1,269`, `4 000`, `4.5`, `1.2m`, `3bn`.

use super::*;

// ---------------------------------------------------------------------------------------------
// Digits

/// The width of a no-break (U+00A0), narrow no-break (U+202F) or thin (U+2009) space at `i`.
pub(in crate::extract) fn group_space(b: &[u8], i: usize) -> Option<usize> {
    match b.get(i..i + 3)? {
        [0xC2, 0xA0, _] => Some(2),
        [0xE2, 0x80, 0xAF | 0x89] => Some(3),
        _ => None,
    }
}

/// A number written with digits at `i`: (value, end, bare digits, integer digits were grouped).
pub(in crate::extract) fn digits_at(b: &[u8], i: usize) -> Option<(Decimal, usize, bool)> {
    let digit = |k: usize| b.get(k).is_some_and(u8::is_ascii_digit);
    let run = |mut k: usize| {
        while digit(k) {
            k += 1;
        }
        k
    };
    let acc = |m: i128, r: std::ops::Range<usize>| -> Option<i128> {
        let mut m = m;
        for &c in b.get(r)? {
            m = m.checked_mul(10)?.checked_add(i128::from(c - b'0'))?;
        }
        Some(m)
    };
    let (mut mant, mut scale): (i128, u32) = (0, 0);
    let mut bare = true;
    let mut end;
    if digit(i) {
        let e1 = run(i);
        mant = acc(0, i..e1)?;
        end = e1;
        let first_len = e1 - i;
        // Comma groups: thousands (1,234,567), Indian (12,34,567) or a decimal comma (1,3).
        if b.get(end) == Some(&b',') && digit(end + 1) {
            let mut groups: [usize; 8] = [0; 8];
            let mut n = 0;
            let mut k = end;
            while b.get(k) == Some(&b',') && digit(k + 1) && n < groups.len() {
                let e = run(k + 1);
                groups[n] = e - k - 1;
                n += 1;
                k = e;
            }
            let gs = &groups[..n];
            let thousands = first_len <= 3 && gs.iter().all(|&g| g == 3);
            let indian = first_len <= 2
                && gs.len() >= 2
                && gs.last() == Some(&3)
                && gs[..gs.len() - 1].iter().all(|&g| g == 2);
            if thousands || indian {
                let mut p = end;
                while b.get(p) == Some(&b',') && digit(p + 1) {
                    let e = run(p + 1);
                    mant = acc(mant, p + 1..e)?;
                    p = e;
                }
                end = p;
                bare = false;
            } else if n == 1
                && gs[0] <= 2
                && !(b.get(end + 1 + gs[0]) == Some(&b'.') && digit(end + 2 + gs[0]))
            {
                // Decimal comma: `1,3`, `5,00`.
                let e = end + 1 + gs[0];
                mant = acc(mant, end + 1..e)?;
                scale = u32::try_from(gs[0]).ok()?;
                end = e;
                bare = false;
            }
        } else if first_len <= 3 && group_space(b, end).is_some_and(|w| run(end + w) == end + w + 3)
        {
            // `40 000` with a no-break or thin space (never a plain space: `March 23 150`).
            let mut p = end;
            while let Some(w) = group_space(b, p).filter(|&w| run(p + w) == p + w + 3) {
                mant = acc(mant, p + w..p + w + 3)?;
                p += w + 3;
            }
            end = p;
            bare = false;
        } else if first_len <= 3 && b.get(end) == Some(&b'.') && run(end + 1) == end + 4 {
            // European grouping `1.111,11`: dot groups of three, then a decimal comma.
            let mut p = end;
            while b.get(p) == Some(&b'.') && run(p + 1) == p + 4 {
                p += 4;
            }
            if b.get(p) == Some(&b',') && digit(p + 1) {
                let e = run(p + 1);
                let mut m = mant;
                let mut q = end;
                while q < p {
                    m = acc(m, q + 1..q + 4)?;
                    q += 4;
                }
                mant = acc(m, p + 1..e)?;
                scale = u32::try_from(e - p - 1).ok()?;
                end = e;
                bare = false;
            }
        }
    } else if b.get(i) == Some(&b'.') && digit(i + 1) {
        end = i;
    } else {
        return None;
    }
    // Decimal point.
    if scale == 0 && b.get(end) == Some(&b'.') && digit(end + 1) {
        let e = run(end + 1);
        let dotted = (b.get(e) == Some(&b'.') && digit(e + 1))
            || (i >= 2 && b[i - 1] == b'.' && b[i - 2].is_ascii_digit());
        if !dotted {
            mant = acc(mant, end + 1..e)?;
            scale = u32::try_from(e - end - 1).ok()?;
            end = e;
            bare = false;
        } else if end == i {
            return None;
        }
    }
    let mut value = Decimal { mantissa: mant, scale }.normalized();
    // Letters right after the digits: a scale suffix, or not a number (3rd, 1980s, 5pm, 10km).
    if b.get(end).is_some_and(u8::is_ascii_alphabetic) {
        let mut buf = [0u8; 16];
        let mut j = end;
        while j < b.len() && b[j].is_ascii_alphabetic() {
            j += 1;
        }
        if j - end > 4 || b.get(j).is_some_and(|&c| c.is_ascii_digit()) {
            return None;
        }
        let raw = &b[end..j];
        for (k, &c) in raw.iter().enumerate() {
            buf[k] = c.to_ascii_lowercase();
        }
        let s = attached_scale(&buf[..j - end], raw)?;
        value = value.checked_mul_int(s)?;
        end = j;
        bare = false;
    } else if b.get(end).is_some_and(|&c| is_alnum(c)) {
        return None;
    }
    Some((value, end, bare))
}
