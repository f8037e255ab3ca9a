//! A progress bar on stderr for long runs (many articles, or `--jsonl`), drawn only when stderr
//! is a terminal and `TERM` is not `dumb`: pipes, files and CI logs get nothing, and stdout (the
//! report) is never touched.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Below this many files a run is short and gets no bar.
pub const MIN_FILES: u64 = 20;

/// A progress bar that is either drawn on stderr or hidden.
#[derive(Debug)]
pub struct Progress {
    bar: ProgressBar,
}

impl Progress {
    /// A bar over `total` files, drawn when there are at least [`MIN_FILES`] of them.
    pub fn files(total: usize, what: &str) -> Self {
        let total = total as u64;
        Self::build(Some(total), what, total >= MIN_FILES)
    }

    /// A bar over a run's `total` articles: drawn when there are many, or always when they
    /// come from JSON Lines (`jsonl`: archive-scale runs).
    pub fn for_run(total: usize, jsonl: bool, what: &str) -> Self {
        let total = total as u64;
        Self::build(Some(total), what, jsonl || total >= MIN_FILES)
    }

    /// A spinner over a stream of unknown length (`--jsonl`): articles read so far.
    pub fn stream(what: &str) -> Self {
        Self::build(None, what, true)
    }

    /// A bar that never draws.
    pub fn hidden() -> Self {
        Progress { bar: ProgressBar::hidden() }
    }

    fn build(total: Option<u64>, what: &str, long: bool) -> Self {
        if !(long && stderr_is_terminal()) {
            return Self::hidden();
        }
        let (bar, template) = match total {
            Some(n) => (ProgressBar::new(n), "{spinner} {msg} [{bar:30}] {pos}/{len} ({eta})"),
            None => (ProgressBar::no_length(), "{spinner} {msg} {pos} ({per_sec})"),
        };
        if let Ok(style) = ProgressStyle::with_template(template) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_draw_target(ProgressDrawTarget::stderr());
        bar.set_message(what.to_string());
        bar.enable_steady_tick(Duration::from_millis(120));
        Progress { bar }
    }

    /// One more file (or article) done.
    pub fn inc(&self) {
        self.bar.inc(1);
    }

    /// Whether anything is drawn.
    pub fn is_visible(&self) -> bool {
        !self.bar.is_hidden()
    }

    /// Prints a line above the bar (or plainly, when hidden) on stderr.
    pub fn println(&self, line: &str) {
        if self.is_visible() {
            self.bar.println(line);
        } else {
            say!("{line}");
        }
    }

    /// Removes the bar before the report is printed.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.bar.finish_and_clear();
    }
}

fn stderr_is_terminal() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_runs_and_non_terminals_draw_nothing() {
        assert!(!Progress::files(3, "checking").is_visible());
        // Under `cargo test` stderr is captured, not a terminal.
        if !std::io::stderr().is_terminal() {
            assert!(!Progress::files(1000, "checking").is_visible());
            assert!(!Progress::stream("reading").is_visible());
        }
    }
}
