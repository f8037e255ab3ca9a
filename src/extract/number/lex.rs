//! Bytes and words: ASCII word boundaries, words compared in place (no allocation), and the
//! number words (`one` ... `ninety`, `hundred`, `million`, `dozen`).

// ---------------------------------------------------------------------------------------------
// Bytes and words

///
/// Non-ASCII bytes count as letters, except UTF-8 continuation bytes and the lead bytes of
/// Latin-1 punctuation (`C2`: no-break space, `£`) and of general punctuation, currency and
/// symbols (`E2`: dashes, curly quotes, thin spaces, `€`), so `1000–5000` and `40 000` split
/// where they should while `é1` does not start a number.
pub(in crate::extract) fn is_alnum(c: u8) -> bool {
    c.is_ascii_alphanumeric() || (c >= 0xC3 && c != 0xE2)
}

/// Whether `text[start..end]` is glued to a letter or digit by a format character
/// (`4<U+200B>5`, see [`crate::extract::tokens::is_format`]): then it is part of a word, not a
/// number on its own, and reading `4` (or `5`) would be wrong.
pub(in crate::extract) fn glued_by_format(text: &str, start: usize, end: usize) -> bool {
    use crate::extract::tokens::is_format;
    let mut after = text.get(end..).unwrap_or("").chars();
    let mut before = text.get(..start).unwrap_or("").chars().rev();
    let glued = |it: &mut dyn Iterator<Item = char>| {
        it.next().is_some_and(is_format) && it.next().is_some_and(char::is_alphanumeric)
    };
    glued(&mut after) || glued(&mut before)
}

/// True when a token may start at `i` (start of text or after a non-alphanumeric byte).
pub(in crate::extract) fn at_boundary(b: &[u8], i: usize) -> bool {
    i == 0 || b.get(i - 1).is_some_and(|&c| !is_alnum(c))
}

/// Skips spaces, tabs and single newlines (hard-wrapped lines).
pub(in crate::extract) fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while let Some(&c) = b.get(i) {
        if c == b' ' || c == b'\t' || c == b'\n' || c == b'\r' {
            i += 1;
        } else if c == 0xC2 && b.get(i + 1) == Some(&0xA0) {
            i += 2; // no-break space
        } else {
            break;
        }
    }
    i
}

/// The ASCII word at `i` (letters only), lowercased into `buf`; returns (word, end).
pub(in crate::extract) fn word_at<'a>(
    b: &[u8],
    i: usize,
    buf: &'a mut [u8; 16],
) -> Option<(&'a [u8], usize)> {
    let mut j = i;
    while j < b.len() && b[j].is_ascii_alphabetic() {
        j += 1;
    }
    if j == i || j - i > buf.len() || b.get(j).is_some_and(|&c| c.is_ascii_digit() || is_alnum(c)) {
        return None;
    }
    for (k, &c) in b[i..j].iter().enumerate() {
        buf[k] = c.to_ascii_lowercase();
    }
    Some((&buf[..j - i], j))
}

/// True when the word at `i` is `w` (lowercase), followed by a non-letter; returns its end.
pub(in crate::extract) fn word_is(b: &[u8], i: usize, w: &str) -> Option<usize> {
    let mut buf = [0u8; 16];
    let (got, end) = word_at(b, i, &mut buf)?;
    (got == w.as_bytes()).then_some(end)
}

/// Matches a sequence of words separated by whitespace; returns the end of the last one.
pub(in crate::extract) fn phrase_at(b: &[u8], i: usize, words: &[&str]) -> Option<usize> {
    let mut pos = i;
    let mut end = i;
    for (k, w) in words.iter().enumerate() {
        if k > 0 {
            let p = skip_ws(b, end);
            if p == end {
                return None;
            }
            pos = p;
        }
        end = word_is(b, pos, w)?;
    }
    Some(end)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::extract) enum W {
    /// zero..nineteen
    Unit(u8),
    /// twenty..ninety
    Tens(u8),
    Hundred,
    /// thousand, million, ... (`plural`: thousands)
    Scale(i128, bool),
    Dozen(bool),
    And,
    Point,
    A,
    Half,
    Minus,
}

/// The number word `w` (lowercase), if it is one.
pub(in crate::extract) fn is_number_word(w: &[u8]) -> bool {
    lookup(w).is_some()
}

pub(in crate::extract) fn lookup(w: &[u8]) -> Option<W> {
    use W::*;
    Some(match w {
        b"zero" | b"nought" | b"naught" => Unit(0),
        b"one" => Unit(1),
        b"two" => Unit(2),
        b"three" => Unit(3),
        b"four" => Unit(4),
        b"five" => Unit(5),
        b"six" => Unit(6),
        b"seven" => Unit(7),
        b"eight" => Unit(8),
        b"nine" => Unit(9),
        b"ten" => Unit(10),
        b"eleven" => Unit(11),
        b"twelve" => Unit(12),
        b"thirteen" => Unit(13),
        b"fourteen" => Unit(14),
        b"fifteen" => Unit(15),
        b"sixteen" => Unit(16),
        b"seventeen" => Unit(17),
        b"eighteen" => Unit(18),
        b"nineteen" => Unit(19),
        b"twenty" => Tens(20),
        b"thirty" => Tens(30),
        b"forty" | b"fourty" => Tens(40),
        b"fifty" => Tens(50),
        b"sixty" => Tens(60),
        b"seventy" => Tens(70),
        b"eighty" => Tens(80),
        b"ninety" => Tens(90),
        b"hundred" => Hundred,
        b"hundreds" => Scale(100, true),
        b"thousand" => Scale(1_000, false),
        b"thousands" => Scale(1_000, true),
        b"million" | b"mn" | b"mln" | b"mil" | b"mio" => Scale(1_000_000, false),
        b"millions" => Scale(1_000_000, true),
        b"billion" | b"bn" | b"bln" => Scale(1_000_000_000, false),
        b"billions" => Scale(1_000_000_000, true),
        b"trillion" | b"tn" | b"tln" | b"trn" => Scale(1_000_000_000_000, false),
        b"trillions" => Scale(1_000_000_000_000, true),
        b"lakh" | b"lac" | b"lakhs" | b"lacs" | b"lkh" | b"lkhs" => Scale(100_000, false),
        b"crore" | b"crores" | b"cr" | b"koti" | b"krore" | b"krores" | b"kr" => {
            Scale(10_000_000, false)
        }
        b"dozen" | b"dz" | b"doz" => Dozen(false),
        b"dozens" | b"dzs" | b"dozs" => Dozen(true),
        b"and" => And,
        b"point" => Point,
        b"a" | b"an" => A,
        b"half" => Half,
        b"minus" | b"negative" => Minus,
        _ => return None,
    })
}

/// A suffix written right after digits: `10k`, `1.2bn`, `3M`, `10G`.
pub(in crate::extract) fn attached_scale(w: &[u8], raw: &[u8]) -> Option<i128> {
    Some(match w {
        b"k" => 1_000,
        b"m" | b"mm" | b"mn" | b"mln" | b"mil" => 1_000_000,
        b"b" | b"bn" | b"bln" => 1_000_000_000,
        b"g" if raw == b"G" => 1_000_000_000,
        b"tn" | b"tln" | b"trn" => 1_000_000_000_000,
        _ => return None,
    })
}
