//! The repository around a run: `factcheck.toml` ([`config`]), which files a run reads
//! ([`discover`], with user-facing [`paths`]), baselines of accepted findings ([`baseline`]),
//! the suppression directives of articles applied to a report ([`suppress`]), and one check run
//! from texts already read to diagnostics, shared by `check` and the language server
//! ([`pipeline`]), with what one run hands to the next ([`cache`]: the extractor, articles'
//! facts).

pub mod baseline;
pub mod cache;
pub mod config;
pub mod discover;
pub mod paths;
pub mod pipeline;
pub mod suppress;
