//! Feature hashing: every feature is one `u64`, made by mixing a template number with the
//! values it combines (word hashes, tag and label numbers, counts). Nothing is allocated: words
//! are hashed character by character, lowercased on the fly.
//!
//! The hash is fixed (not `std`'s randomised one), so a model trained on one machine scores the
//! same features on another.

/// Mixes one more value into a feature hash (FxHash's step, then a multiply).
#[inline]
pub fn mix(h: u64, v: u64) -> u64 {
    (h.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
}

/// A feature from a template number and up to three values. Never 0 (0 marks an empty slot).
#[inline]
pub fn feat(template: u64, a: u64, b: u64, c: u64) -> u64 {
    let h = mix(mix(mix(mix(0x9e37_79b9_7f4a_7c15, template), a), b), c);
    finish(h) | 1
}

/// splitmix64's finaliser: spreads the bits before a table index is taken from them.
#[inline]
pub fn finish(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Hash of a string's characters, lowercased.
pub fn lower(s: &str) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for c in s.chars() {
        for l in c.to_lowercase() {
            h = mix(h, l as u64);
        }
    }
    finish(h)
}

/// Hash of a string's characters as written.
pub fn exact(s: &str) -> u64 {
    let mut h = 0x8422_2325_cbf2_9ce4u64;
    for c in s.chars() {
        h = mix(h, c as u64);
    }
    finish(h)
}

/// Hash of the last `n` characters, lowercased (the whole word when it is shorter).
pub fn suffix(s: &str, n: usize) -> u64 {
    let start = s.char_indices().rev().nth(n.saturating_sub(1)).map_or(0, |(i, _)| i);
    mix(lower(&s[start..]), n as u64)
}

/// Hash of the first `n` characters, lowercased.
pub fn prefix(s: &str, n: usize) -> u64 {
    let end = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
    mix(lower(&s[..end]), 100 + n as u64)
}

/// The word's shape with runs collapsed: `Xx`, `X.X.`, `d,d`, `d.d`, `x-x`, ... (`lowercase`
/// reads an ALL-CAPS word as if it were lowercase).
pub fn shape(s: &str, lowercase: bool) -> u64 {
    let mut h = 0x2545_f491_4f6c_dd1du64;
    let mut last = '\0';
    let mut n = 0;
    for c in s.chars() {
        let k = if c.is_uppercase() && !lowercase {
            'X'
        } else if c.is_alphabetic() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else if c.is_whitespace() {
            ' '
        } else if (c as u32) < 0x2000 {
            c
        } else {
            '*'
        };
        if k != last {
            h = mix(h, k as u64);
            last = k;
            n += 1;
            if n > 8 {
                break;
            }
        }
    }
    finish(h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_collapse_runs_and_lowercasing_is_on_the_fly() {
        assert_eq!(shape("Russia", false), shape("Ab", false));
        assert_ne!(shape("Russia", false), shape("RUSSIA", false));
        assert_eq!(shape("RUSSIA", true), shape("russia", false));
        assert_eq!(shape("1,269", false), shape("4,000", false));
        assert_eq!(lower("RUSSIA"), lower("russia"));
        assert_eq!(suffix("Expelled", 3), suffix("led", 3));
        assert_eq!(suffix("", 3), suffix("", 3));
        assert_eq!(prefix("é", 2), prefix("É", 2));
        assert_ne!(feat(1, 2, 3, 4), 0);
    }
}
