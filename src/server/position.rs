//! LSP positions and byte offsets: the position encoding negotiated with the client (UTF-16, as
//! LSP requires by default, or UTF-8 when the client offers it) and the conversion of byte
//! offsets, through the `line-index` crate. Conversions never panic: a position past the end of
//! a line is the line's end, one past the last line the end of the text, an offset inside a
//! character its start.

use line_index::{LineCol, TextSize, WideEncoding, WideLineCol};
use lsp_types::{Position, PositionEncodingKind, Range};

/// The position encoding of a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

impl Encoding {
    /// UTF-8 when the client offers it (`general.positionEncodings`), else UTF-16.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        match offered {
            Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
            _ => Encoding::Utf16,
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }
}

/// A text's line index.
#[derive(Debug, Clone)]
pub struct Lines {
    index: line_index::LineIndex,
}

/// The largest character boundary of `text` at or before `byte`.
fn floor_boundary(text: &str, byte: usize) -> usize {
    let mut b = byte.min(text.len());
    while b > 0 && !text.is_char_boundary(b) {
        b -= 1;
    }
    b
}

fn size(n: usize) -> TextSize {
    TextSize::from(u32::try_from(n).unwrap_or(u32::MAX))
}

impl Lines {
    /// Indexes a text (texts of 4 GiB or more are not indexed past that).
    pub fn new(text: &str) -> Lines {
        let end = floor_boundary(text, (u32::MAX - 1) as usize);
        Lines { index: line_index::LineIndex::new(text.get(..end).unwrap_or_default()) }
    }

    /// The position of a byte offset of `text` (the text this index was built from).
    pub fn position(&self, text: &str, byte: usize, enc: Encoding) -> Position {
        let byte = floor_boundary(text, byte);
        let lc = self.index.try_line_col(size(byte)).unwrap_or(LineCol { line: 0, col: 0 });
        let col = match enc {
            Encoding::Utf8 => lc.col,
            Encoding::Utf16 => {
                self.index.to_wide(WideEncoding::Utf16, lc).map_or(lc.col, |w| w.col)
            }
        };
        Position { line: lc.line, character: col }
    }

    /// The range of a byte span of `text`.
    pub fn range(&self, text: &str, span: &std::ops::Range<usize>, enc: Encoding) -> Range {
        Range {
            start: self.position(text, span.start, enc),
            end: self.position(text, span.end, enc),
        }
    }

    /// The byte offset of a position in `text`.
    pub fn offset(&self, text: &str, pos: Position, enc: Encoding) -> usize {
        let Some(line) = self.index.line(pos.line) else { return text.len() };
        let start = u32::from(line.start()) as usize;
        // The line's end, without its terminator.
        let line_text = text.get(start..u32::from(line.end()) as usize).unwrap_or_default();
        let end = start + line_text.trim_end_matches(['\n', '\r']).len();
        let col = match enc {
            Encoding::Utf8 => Some(pos.character),
            Encoding::Utf16 => self
                .index
                .to_utf8(WideEncoding::Utf16, WideLineCol { line: pos.line, col: pos.character })
                .map(|lc| lc.col),
        };
        let byte = col.map_or(end, |c| start.saturating_add(c as usize)).min(end);
        floor_boundary(text, byte)
    }

    /// The byte span of a range.
    pub fn span(&self, text: &str, range: Range, enc: Encoding) -> std::ops::Range<usize> {
        let start = self.offset(text, range.start, enc);
        let end = self.offset(text, range.end, enc).max(start);
        start..end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_and_utf8_columns_round_trip() {
        let text = "Zürich — “quoted” 17 expelled\nsecond 😀 line\n";
        let lines = Lines::new(text);
        let byte = text.find("17").unwrap_or(0);
        let p16 = lines.position(text, byte, Encoding::Utf16);
        assert_eq!((p16.line, p16.character), (0, 18));
        let p8 = lines.position(text, byte, Encoding::Utf8);
        assert_eq!(p8.character as usize, byte);
        assert_eq!(lines.offset(text, p16, Encoding::Utf16), byte);
        assert_eq!(lines.offset(text, p8, Encoding::Utf8), byte);
        let emoji = text.find("line").unwrap_or(0);
        let p = lines.position(text, emoji, Encoding::Utf16);
        assert_eq!((p.line, p.character), (1, 10));
        assert_eq!(lines.offset(text, p, Encoding::Utf16), emoji);
    }

    #[test]
    fn out_of_range_positions_are_clamped() {
        let text = "ab\ncd";
        let lines = Lines::new(text);
        let far = Position { line: 0, character: 99 };
        assert_eq!(lines.offset(text, far, Encoding::Utf16), 2);
        assert_eq!(lines.offset(text, Position { line: 9, character: 0 }, Encoding::Utf8), 5);
        // Inside a multi-byte character: its start.
        let t = "é";
        assert_eq!(Lines::new(t).offset(t, Position { line: 0, character: 1 }, Encoding::Utf8), 0);
        assert_eq!(Lines::new(t).position(t, 1, Encoding::Utf8).character, 0);
    }
}
