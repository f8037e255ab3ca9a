//! Batch runs over JSON Lines (`--jsonl FILE|-`): the reading, the extraction and the writing
//! overlap. A reader thread reads chunks of lines, rayon parses and handles each chunk in
//! parallel, and a writer thread consumes the results in input order; bounded channels keep at
//! most a few chunks in memory, whatever the size of the input.
//!
//! Every line that is not an article reaches the writer as a [`LineError`], in its place, so
//! that it becomes one error record in the output stream (see docs/batch.md).

use std::sync::mpsc::sync_channel;

use rayon::prelude::*;

use super::Failure;
use crate::input::jsonl::{JsonlArticle, LineError, Reader};

/// Lines per parallel chunk.
pub const CHUNK: usize = 512;

/// Chunks in flight between two stages.
const DEPTH: usize = 2;

/// Streams `reader` through `handle` (in parallel, a chunk at a time) into `sink` (in input
/// order, on its own thread). A read error of the file ends the stream and is returned after
/// what came before it was written; an error of `sink` (a closed output) stops the run.
pub fn stream<T: Send>(
    reader: Reader,
    handle: &(dyn Fn(JsonlArticle) -> T + Sync),
    sink: &mut (dyn FnMut(Result<T, LineError>) -> Result<(), Failure> + Send),
) -> Result<(), Failure> {
    stream_indexed(reader, &|_, a| handle(a), sink)
}

/// [`stream`], telling `handle` the place of each article's line among the lines of the file
/// that are not blank (0 for the first): the sink receives exactly one result for each of
/// them, in that order, so `handle` knows which result it makes.
pub fn stream_indexed<T: Send>(
    mut reader: Reader,
    handle: &(dyn Fn(usize, JsonlArticle) -> T + Sync),
    sink: &mut (dyn FnMut(Result<T, LineError>) -> Result<(), Failure> + Send),
) -> Result<(), Failure> {
    let (lines_tx, lines_rx) = sync_channel::<Result<Vec<(usize, Vec<u8>)>, String>>(DEPTH);
    let (done_tx, done_rx) = sync_channel::<Vec<Result<T, LineError>>>(DEPTH);
    let name = reader.name().to_string();
    std::thread::scope(|s| {
        s.spawn(move || {
            loop {
                let chunk = reader.chunk(CHUNK);
                let end = matches!(&chunk, Ok(c) if c.is_empty()) || chunk.is_err();
                if lines_tx.send(chunk).is_err() || end {
                    break;
                }
            }
        });
        let writer = s.spawn(move || -> Result<(), Failure> {
            for chunk in done_rx {
                for r in chunk {
                    sink(r)?;
                }
            }
            Ok(())
        });
        let mut read_error = None;
        let mut seen = 0;
        for chunk in lines_rx {
            let chunk = match chunk {
                Ok(c) if c.is_empty() => break,
                Ok(c) => c,
                Err(e) => {
                    read_error = Some(e);
                    break;
                }
            };
            let base = seen;
            seen += chunk.len();
            let done: Vec<Result<T, LineError>> = chunk
                .into_par_iter()
                .enumerate()
                .map(|(i, (n, bytes))| {
                    crate::input::jsonl::parse_line(&name, n, &bytes).map(|a| handle(base + i, a))
                })
                .collect();
            if done_tx.send(done).is_err() {
                break;
            }
        }
        drop(done_tx);
        let written = writer.join().unwrap_or_else(|_| Err(Failure("the writer failed".into())));
        written?;
        match read_error {
            Some(e) => Err(Failure(e)),
            None => Ok(()),
        }
    })
}
