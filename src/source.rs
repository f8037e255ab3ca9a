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
///
/// A file can keep only some of its lines ([`SourceFile::keep_lines`]): an article of a
/// `check --jsonl` archive keeps the lines its reports point at (its facts' sentences, its
/// diagnostics), not its whole text, so that memory does not grow with the archive. Such a file
/// answers every question in the file's own byte offsets ([`SourceFile::slice`],
/// [`SourceFile::line_col`], [`SourceFile::line_range`]) for the lines it kept; its `text` is
/// empty.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The name reports use: the path as given, or `<rules>/NAME` for an embedded rule file.
    pub name: String,
    /// The file's text exactly as on disk; empty when the file keeps only some lines (read
    /// those with [`SourceFile::slice`]).
    pub text: String,
    /// Over `text`, or over the kept lines' text.
    lines: LineIndex,
    kept: Option<Box<Kept>>,
}

/// The lines a file kept, and where they were in the file.
#[derive(Debug, Clone)]
struct Kept {
    /// The file's length and number of lines.
    len: usize,
    line_count: usize,
    /// The kept lines, each run of them followed by a `\n`.
    text: String,
    /// Runs of whole lines, in file order, apart from each other.
    segments: Vec<Segment>,
}

/// A run of whole lines kept: bytes `start..start + len` of the file, at `at` in the kept text;
/// `line` is the file's 0-based index of its first line.
#[derive(Debug, Clone, Copy)]
struct Segment {
    start: usize,
    at: usize,
    len: usize,
    line: usize,
}

impl SourceFile {
    /// A file with its line index.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let lines = LineIndex::new(&text);
        SourceFile { name: name.into(), text, lines, kept: None }
    }

    /// The file keeping only the lines that `spans` touch (a span ending at a line's start does
    /// not touch that line); the rest of its text is dropped. Every span in those lines reads
    /// as before.
    pub fn keep_lines<'a>(self, spans: impl IntoIterator<Item = &'a Range<usize>>) -> Self {
        if self.kept.is_some() {
            return self;
        }
        let len = self.text.len();
        let line_end = |l: usize| self.lines.line_start(l + 1).unwrap_or(len);
        let mut runs: Vec<(usize, usize)> = spans
            .into_iter()
            .filter(|s| s.start <= len)
            .map(|s| {
                let first = self.lines.line_index(s.start);
                let last = self.lines.line_index(s.end.min(len).saturating_sub(1).max(s.start));
                (first, last)
            })
            .collect();
        runs.sort_unstable();
        let mut text = String::new();
        let mut segments: Vec<Segment> = Vec::new();
        let mut runs = runs.into_iter().peekable();
        while let Some((first, mut last)) = runs.next() {
            while let Some(&(f, l)) = runs.peek() {
                if f > last + 1 {
                    break;
                }
                last = last.max(l);
                runs.next();
            }
            let start = self.lines.line_start(first).unwrap_or(len);
            let end = line_end(last);
            let Some(lines) = self.text.get(start..end) else { continue };
            segments.push(Segment { start, at: text.len(), len: end - start, line: first });
            text.push_str(lines);
            // A line start in the kept text: a `\r` ending the run pairs with this `\n`.
            text.push('\n');
        }
        let kept = Kept { len, line_count: self.lines.line_count(), text, segments };
        let lines =
            if kept.text.is_empty() { LineIndex::default() } else { LineIndex::new(&kept.text) };
        SourceFile { name: self.name, text: String::new(), lines, kept: Some(Box::new(kept)) }
    }

    /// Whether the file kept none of its lines ([`SourceFile::keep_lines`] with no span).
    pub fn keeps_nothing(&self) -> bool {
        self.kept.as_ref().is_some_and(|k| k.segments.is_empty())
    }

    /// Whether the file keeps only some of its lines ([`SourceFile::keep_lines`]).
    pub fn is_partial(&self) -> bool {
        self.kept.is_some()
    }

    /// The file's length in bytes.
    pub fn len(&self) -> usize {
        self.kept.as_ref().map_or(self.text.len(), |k| k.len)
    }

    /// Whether the file is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The segment of a partial file holding the file's byte `byte` (its end included).
    fn segment(kept: &Kept, byte: usize) -> Option<&Segment> {
        let i = kept.segments.partition_point(|s| s.start <= byte).checked_sub(1)?;
        kept.segments.get(i).filter(|s| byte <= s.start + s.len)
    }

    /// Where a span of the file is in the text this file holds (`text`, or the kept lines); `None`
    /// for a span of a partial file outside its kept lines.
    pub fn local(&self, span: &Range<usize>) -> Option<Range<usize>> {
        let Some(kept) = &self.kept else {
            return (span.start <= span.end && span.end <= self.text.len()).then(|| span.clone());
        };
        let seg = Self::segment(kept, span.start)?;
        (span.start <= span.end && span.end <= seg.start + seg.len)
            .then(|| seg.at + (span.start - seg.start)..seg.at + (span.end - seg.start))
    }

    /// The text of a span of the file; `None` when it is not the file's (outside it, inside a
    /// character, or outside the kept lines of a partial file).
    pub fn slice(&self, span: &Range<usize>) -> Option<&str> {
        match &self.kept {
            None => self.text.get(span.clone()),
            Some(k) => k.text.get(self.local(span)?),
        }
    }

    /// The text this file holds: `text`, or the kept lines of a partial file (what
    /// [`SourceFile::local`] spans index).
    pub fn held(&self) -> &str {
        self.kept.as_ref().map_or(self.text.as_str(), |k| k.text.as_str())
    }

    /// The file's 0-based line of a 0-based line of the held text ([`SourceFile::held`]).
    pub fn held_line_to_line(&self, held_line: usize) -> usize {
        let Some(kept) = &self.kept else { return held_line };
        let start = self.lines.line_start(held_line).unwrap_or(usize::MAX);
        let i = kept.segments.partition_point(|s| s.at <= start);
        match i.checked_sub(1).and_then(|i| kept.segments.get(i)) {
            Some(seg) => seg.line + held_line.saturating_sub(self.lines.line_index(seg.at)),
            None => held_line,
        }
    }

    /// 0-based line index of a byte offset (of a partial file: in a kept line; elsewhere the
    /// line of the kept text before it).
    pub fn line_index(&self, byte: usize) -> usize {
        let Some(kept) = &self.kept else { return self.lines.line_index(byte) };
        let i = kept.segments.partition_point(|s| s.start <= byte);
        let Some(seg) = i.checked_sub(1).and_then(|i| kept.segments.get(i)) else { return 0 };
        // A byte past the run is its last line's, except at the end of a run that ends the
        // file: that is the file's last line (the empty one after a final newline).
        let last =
            if seg.start + seg.len == kept.len { seg.len } else { seg.len.saturating_sub(1) };
        let local = seg.at + (byte - seg.start).min(last);
        seg.line + self.lines.line_index(local) - self.lines.line_index(seg.at)
    }

    /// 1-based line and 1-based column (in characters) of a byte offset; see
    /// [`LineIndex::line_col`]. In a partial file, an offset outside the kept lines is the
    /// start of its line.
    pub fn line_col(&self, byte: usize) -> (usize, usize) {
        let Some(kept) = &self.kept else { return self.lines.line_col(&self.text, byte) };
        let Some(seg) = Self::segment(kept, byte.min(kept.len)) else {
            return (self.line_index(byte) + 1, 1);
        };
        let local = seg.at + (byte.min(kept.len) - seg.start);
        let (line, col) = self.lines.line_col(&kept.text, local);
        (seg.line + line - self.lines.line_index(seg.at), col)
    }

    /// Byte range of the 0-based line `line`, without its line terminator (`None` past the
    /// end, or for a line a partial file did not keep).
    pub fn line_range(&self, line: usize) -> Option<Range<usize>> {
        let Some(kept) = &self.kept else {
            return held_line_range(&self.lines, &self.text, line);
        };
        let i = kept.segments.partition_point(|s| s.line <= line).checked_sub(1)?;
        let seg = kept.segments.get(i)?;
        let local = self.lines.line_index(seg.at) + (line - seg.line);
        let r = held_line_range(&self.lines, &kept.text, local)?;
        // The line after the run is not kept, unless it is the file's last (empty) line.
        let inside = r.start < seg.at + seg.len || seg.start + seg.len == kept.len;
        (inside && line < kept.line_count)
            .then(|| seg.start + (r.start - seg.at)..seg.start + (r.end - seg.at))
    }

    /// Number of lines (an empty file has one).
    pub fn line_count(&self) -> usize {
        self.kept.as_ref().map_or_else(|| self.lines.line_count(), |k| k.line_count)
    }
}

/// The range of a 0-based line of `text` (indexed by `lines`), without its terminator.
fn held_line_range(lines: &LineIndex, text: &str, line: usize) -> Option<Range<usize>> {
    let start = lines.line_start(line)?;
    let end = lines.line_start(line + 1).unwrap_or(text.len());
    let slice = text.get(start..end)?;
    let trimmed = slice.trim_end_matches(['\n', '\r']).len();
    Some(start..start + trimmed)
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

    /// Adds a file already built (a partial one, see [`SourceFile::keep_lines`]) and returns
    /// its id.
    pub fn push(&mut self, file: SourceFile) -> FileId {
        let id = FileId(self.files.len() as u32);
        self.files.push(file);
        id
    }

    /// The id the next file added will have.
    pub fn next_id(&self) -> FileId {
        FileId(self.files.len() as u32)
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

/// For codespan-reporting, in the coordinates of the text each file holds
/// ([`SourceFile::held`]): a file's own offsets, except for a file that kept only some lines,
/// whose spans go through [`SourceFile::local`] first (`report::human` does); line numbers are
/// the file's.
impl<'a> Files<'a> for SourceMap {
    type FileId = FileId;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<&'a str, files::Error> {
        self.files.get(id.0 as usize).map(|f| f.name.as_str()).ok_or(files::Error::FileMissing)
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, files::Error> {
        self.files.get(id.0 as usize).map(SourceFile::held).ok_or(files::Error::FileMissing)
    }

    fn line_index(&'a self, id: FileId, byte_index: usize) -> Result<usize, files::Error> {
        let f = self.files.get(id.0 as usize).ok_or(files::Error::FileMissing)?;
        Ok(f.lines.line_index(byte_index))
    }

    fn line_number(&'a self, id: FileId, line_index: usize) -> Result<usize, files::Error> {
        let f = self.files.get(id.0 as usize).ok_or(files::Error::FileMissing)?;
        Ok(f.held_line_to_line(line_index) + 1)
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
        Ok(f.lines.line_col(f.held(), byte_index).1)
    }

    fn line_range(&'a self, id: FileId, line_index: usize) -> Result<Range<usize>, files::Error> {
        let f = self.files.get(id.0 as usize).ok_or(files::Error::FileMissing)?;
        let start = f.lines.line_start(line_index).ok_or(files::Error::LineTooLarge {
            given: line_index,
            max: f.lines.line_count().saturating_sub(1),
        })?;
        let end = f.lines.line_start(line_index + 1).unwrap_or(f.held().len());
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
