//! factcheck: checks the facts stated in news articles against hand-written claim files.
//!
//! The pipeline: claim and rule files are parsed by [`lang`] into declarations (which build the
//! [`lexicon::Lexicon`]) and [`model::Claim`]s; articles are prepared by [`article`] (and
//! [`markdown`]) and read by [`extract`] into [`model::Fact`]s; [`check`] compares claims with
//! facts; everything reported is a [`diag::Diagnostic`] or a [`check::Report`], rendered by
//! [`report`]. The library never prints; [`cli`] is the only place that does.

pub mod article;
pub mod baseline;
pub mod check;
pub mod cli;
pub mod config;
pub mod diag;
pub mod discover;
pub mod extract;
pub mod lang;
pub mod lexicon;
pub mod lint;
pub mod markdown;
pub mod model;
pub mod report;
pub mod source;
pub mod suppress;
pub mod syntax;
