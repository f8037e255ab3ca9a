//! A small CoNLL-U reader: sentences (blocks between blank lines) with their lines kept as
//! written, and the syntactic words (lines whose ID is an integer; multiword-token ranges `1-2`
//! and empty nodes `1.1` are kept as lines but are not words).

/// One line of a block: where it starts in the file and its text (without the newline).
#[derive(Debug, Clone, Copy)]
pub struct Line<'a> {
    pub start: usize,
    pub text: &'a str,
}

/// A syntactic word: its line's number in the block and its ten columns.
#[derive(Debug, Clone)]
pub struct Word<'a> {
    pub line: usize,
    pub cols: [&'a str; 10],
}

impl<'a> Word<'a> {
    pub fn form(&self) -> &'a str {
        self.cols[1]
    }
}

/// One sentence.
#[derive(Debug, Clone, Default)]
pub struct Block<'a> {
    pub lines: Vec<Line<'a>>,
    pub words: Vec<Word<'a>>,
}

/// A line the reader cannot use, with its 1-based line number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub line: usize,
    pub message: String,
}

/// Splits a CoNLL-U text into blocks. Word lines must have ten tab-separated columns.
pub fn read(text: &str) -> Result<Vec<Block<'_>>, Error> {
    let mut blocks = Vec::new();
    let mut block = Block::default();
    let mut start = 0;
    for (n, raw) in text.split_inclusive('\n').enumerate() {
        let line = raw.trim_end_matches(['\n', '\r']);
        let here = start;
        start += raw.len();
        if line.trim().is_empty() {
            if !block.lines.is_empty() {
                blocks.push(std::mem::take(&mut block));
            }
            continue;
        }
        let idx = block.lines.len();
        block.lines.push(Line { start: here, text: line });
        if line.starts_with('#') {
            continue;
        }
        let id = line.split('\t').next().unwrap_or("");
        if id.contains(['-', '.']) {
            continue;
        }
        if id.parse::<u32>().is_err() {
            return Err(Error { line: n + 1, message: format!("ID \"{id}\" is not a number") });
        }
        let mut cols = [""; 10];
        let mut k = 0;
        for c in line.split('\t') {
            if k == 10 {
                k += 1;
                break;
            }
            cols[k] = c;
            k += 1;
        }
        if k != 10 {
            return Err(Error {
                line: n + 1,
                message: format!("expected 10 tab-separated columns, found {k}"),
            });
        }
        block.words.push(Word { line: idx, cols });
    }
    if !block.lines.is_empty() {
        blocks.push(block);
    }
    Ok(blocks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_skip_ranges_and_empty_nodes() {
        let t = "# text = don't\n1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tdo\tdo\tAUX\tVBP\t_\t0\troot\t_\t_\n\
                 2\tn't\tnot\tPART\tRB\t_\t1\tadvmod\t_\t_\n2.1\tx\t_\t_\t_\t_\t_\t_\t_\t_\n\n";
        let b = read(t).unwrap_or_default();
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].lines.len(), 5);
        assert_eq!(b[0].words.iter().map(Word::form).collect::<Vec<_>>(), ["do", "n't"]);
        assert_eq!(read("1\tx\n").err().map(|e| e.line), Some(1));
    }
}
