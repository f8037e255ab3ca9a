//! The source database: every file factcheck read (claim files, rule files, articles), by id,
//! with line/column lookup for byte offsets.
//!
//! Every span in factcheck is a byte range into [`SourceFile::text`], which is the file exactly as
//! it is on disk (it must be valid UTF-8). Implements `codespan_reporting::files::Files` so the
//! reporters render diagnostics straight from it.

use std::ops::Range;

use codespan_reporting::files::{self, Files};

/// Index of a file in [`SourceMap`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(pub u32);

/// Line starts and character checkpoints of a text: 1-based line and column (in characters) of
/// any byte offset in time independent of the line's length.
///
/// Counting the characters from the start of the line on every lookup is quadratic on a long
/// line with many spans (a 10 MB article on one line, with a fact every hundred bytes, took
/// minutes); the checkpoints (the number of characters before every [`LineIndex::BLOCK`]-th
/// byte) bound each lookup to counting at most two blocks.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    /// Byte offset of the start of each line (the first is 0); a line ends after `\n`, or after
    /// a `\r` that no `\n` follows.
    line_starts: Vec<usize>,
    /// `checkpoints[k]`: characters in the text's first `k * BLOCK` bytes.
    checkpoints: Vec<usize>,
}

impl LineIndex {
    /// Bytes between two character checkpoints.
    pub const BLOCK: usize = 1024;

    /// Indexes `text` (one pass).
    pub fn new(text: &str) -> Self {
        // Lines end with `\n`, `\r\n` or a lone `\r`, as in the claim language.
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            if bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n') {
                line_starts.push(i + 1);
            }
        }
        let mut checkpoints = Vec::with_capacity(text.len() / Self::BLOCK + 1);
        let mut chars = 0;
        checkpoints.push(0);
        for block in text.as_bytes().chunks(Self::BLOCK) {
            chars += count_chars(block);
            checkpoints.push(chars);
        }
        LineIndex { line_starts, checkpoints }
    }

    /// 0-based line index of a byte offset.
    pub fn line_index(&self, byte: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= byte).saturating_sub(1)
    }

    /// Byte offset where the 0-based line `line` starts, if there is such a line.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.line_starts.get(line).copied()
    }

    /// Number of lines (an empty text has one).
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// 1-based line and 1-based column (in characters) of a byte offset in `text`, the text this
    /// index was built from. An offset past the end is the end; an offset inside a character
    /// counts bytes from the start of its line. A byte-order mark at the start of a line is not
    /// a column.
    pub fn line_col(&self, text: &str, byte: usize) -> (usize, usize) {
        let byte = byte.min(text.len());
        let line = self.line_index(byte);
        let start = self.line_start(line).unwrap_or(0).min(byte);
        if !text.is_char_boundary(byte) || !text.is_char_boundary(start) {
            return (line + 1, byte - start + 1);
        }
        let mut col = self.chars_before(text, byte).saturating_sub(self.chars_before(text, start));
        if byte >= start + 3 && text.get(start..).is_some_and(|s| s.starts_with('\u{feff}')) {
            col -= 1;
        }
        (line + 1, col + 1)
    }

    /// Characters in `text[..byte]`.
    fn chars_before(&self, text: &str, byte: usize) -> usize {
        let block = byte / Self::BLOCK;
        let from = block * Self::BLOCK;
        let before = self.checkpoints.get(block).copied().unwrap_or(0);
        before + text.as_bytes().get(from..byte).map_or(0, count_chars)
    }
}

/// Characters in a run of UTF-8 bytes (cut anywhere): the bytes that do not continue a
/// character.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

/// One file's name (as given by the user, or `<rules>/actors.claims` for embedded rules) and text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The name reports use: the path as given, or `<rules>/NAME` for an embedded rule file.
    pub name: String,
    /// The file's text exactly as on disk.
    pub text: String,
    lines: LineIndex,
}

impl SourceFile {
    /// A file with its line index.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let lines = LineIndex::new(&text);
        SourceFile { name: name.into(), text, lines }
    }

    /// 0-based line index of a byte offset.
    pub fn line_index(&self, byte: usize) -> usize {
        self.lines.line_index(byte)
    }

    /// 1-based line and 1-based column (in characters) of a byte offset; see
    /// [`LineIndex::line_col`].
    pub fn line_col(&self, byte: usize) -> (usize, usize) {
        self.lines.line_col(&self.text, byte)
    }

    /// Byte range of the 0-based line `line`, without its line terminator.
    pub fn line_range(&self, line: usize) -> Option<Range<usize>> {
        let start = self.lines.line_start(line)?;
        let end = self.lines.line_start(line + 1).unwrap_or(self.text.len());
        let slice = self.text.get(start..end)?;
        let trimmed = slice.trim_end_matches(['\n', '\r']).len();
        Some(start..start + trimmed)
    }

    /// Number of lines (an empty file has one).
    pub fn line_count(&self) -> usize {
        self.lines.line_count()
    }
}

/// All files of one run.
#[derive(Debug, Default, Clone)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a file (its text exactly as on disk) and returns its id.
    pub fn add(&mut self, name: impl Into<String>, text: impl Into<String>) -> FileId {
        let id = FileId(self.files.len() as u32);
        self.files.push(SourceFile::new(name, text));
        id
    }

    /// The file with this id (ids come from [`SourceMap::add`] on this map).
    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    /// Every file with its id, in the order added.
    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files.iter().enumerate().map(|(i, f)| (FileId(i as u32), f))
    }

    /// Number of files.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// True when no file was added.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

impl<'a> Files<'a> for SourceMap {
    type FileId = FileId;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<&'a str, files::Error> {
        self.files.get(id.0 as usize).map(|f| f.name.as_str()).ok_or(files::Error::FileMissing)
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, files::Error> {
        self.files.get(id.0 as usize).map(|f| f.text.as_str()).ok_or(files::Error::FileMissing)
    }

    fn line_index(&'a self, id: FileId, byte_index: usize) -> Result<usize, files::Error> {
        let f = self.files.get(id.0 as usize).ok_or(files::Error::FileMissing)?;
        Ok(f.line_index(byte_index))
    }

    /// Through [`LineIndex`]: the trait's default counts the line's characters on every call,
    /// which is quadratic when many diagnostics sit on one long line.
    fn column_number(
        &'a self,
        id: FileId,
        _line_index: usize,
        byte_index: usize,
    ) -> Result<usize, files::Error> {
        let f = self.files.get(id.0 as usize).ok_or(files::Error::FileMissing)?;
        Ok(f.line_col(byte_index).1)
    }

    fn line_range(&'a self, id: FileId, line_index: usize) -> Result<Range<usize>, files::Error> {
        let f = self.files.get(id.0 as usize).ok_or(files::Error::FileMissing)?;
        let start = f.lines.line_start(line_index).ok_or(files::Error::LineTooLarge {
            given: line_index,
            max: f.lines.line_count().saturating_sub(1),
        })?;
        let end = f.lines.line_start(line_index + 1).unwrap_or(f.text.len());
        Ok(start..end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        let f = SourceFile::new("a", "ab\n“x” y\n");
        assert_eq!(f.line_col(0), (1, 1));
        assert_eq!(f.line_col(3), (2, 1));
        let y = f.text.find('y').unwrap();
        assert_eq!(f.line_col(y), (2, 5));
        assert_eq!(f.line_range(1), Some(3..f.text.len() - 1));
    }

    /// The column as it was computed before [`LineIndex`]: count the line's characters.
    fn naive(text: &str, byte: usize) -> (usize, usize) {
        let byte = byte.min(text.len());
        let all = text.as_bytes();
        let bytes = &all[..byte];
        // A line ends after `\n`, or after a `\r` that no `\n` follows.
        let ends =
            |i: usize| all[i] == b'\n' || (all[i] == b'\r' && all.get(i + 1) != Some(&b'\n'));
        let start = (0..bytes.len()).rev().find(|&i| ends(i)).map_or(0, |i| i + 1);
        let line = (0..start).filter(|&i| ends(i)).count();
        let col = text
            .get(start..byte)
            .map(|s| s.strip_prefix('\u{feff}').unwrap_or(s).chars().count())
            .unwrap_or(byte - start);
        (line + 1, col + 1)
    }

    #[test]
    fn long_lines_use_checkpoints() {
        let line = "é“x” ".repeat(3 * LineIndex::BLOCK);
        let text = format!("\u{feff}a\n{line}\n{line}end");
        let f = SourceFile::new("a", text.as_str());
        for byte in (0..=text.len() + 2).step_by(97).chain([text.len() - 3, text.len()]) {
            assert_eq!(f.line_col(byte), naive(&text, byte), "byte {byte}");
        }
    }

    #[test]
    fn many_lookups_on_one_long_line_are_fast() {
        // 4 MB on one line, a lookup every 100 bytes: quadratic counting took minutes here.
        let text = "Poland expelled 45 diplomats, ".repeat(140_000);
        let f = SourceFile::new("a", text.as_str());
        let mut last = (0, 0);
        for byte in (0..text.len()).step_by(100) {
            last = f.line_col(byte);
        }
        assert_eq!(last.0, 1);
        assert_eq!(last.1, (text.len() - 1) / 100 * 100 + 1);
    }

    proptest::proptest! {
        /// Any text, any offset: the same line and column as counting characters.
        #[test]
        fn line_col_is_naive_line_col(
            text in "(\\PC|[\n\r\u{feff}é“])*",
            picks in proptest::collection::vec(0usize..4000, 1..20),
        ) {
            let f = SourceFile::new("a", text.as_str());
            for p in picks {
                let byte = p % (text.len() + 2);
                proptest::prop_assert_eq!(f.line_col(byte), naive(&text, byte));
            }
        }
    }

    #[test]
    fn byte_order_mark_is_not_a_column() {
        let f = SourceFile::new("a", "\u{feff}Russia expelled 3 Iran\n");
        assert_eq!(f.line_col(3), (1, 1));
        assert_eq!(f.line_col(10), (1, 8));
    }
}
