//! The repository around a run: `factcheck.toml` ([`config`]), which files a run reads
//! ([`discover`], with
//! user-facing [`paths`]), baselines of accepted findings ([`baseline`]) and the suppression directives
//! of articles applied to a report ([`suppress`]).

pub mod baseline;
pub mod config;
pub mod discover;
pub mod paths;
pub mod suppress;
