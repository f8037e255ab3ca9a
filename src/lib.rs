//! factcheck: checks the facts stated in news articles against hand-written claim files.
//!
//! The pipeline: claim and rule files are parsed by [`lang`] into declarations (which build the
//! [`lexicon::Lexicon`]) and [`model::Claim`]s; articles are read by [`input`]
//! and [`extract`] finds the [`model::Fact`]s they state; [`check`] compares claims with facts;
//! [`workspace`] holds the repository around a run (config, discovery, baselines); everything reported is a [`diag::Diagnostic`] or a [`check::Report`], rendered by
//! [`report`]. The library never prints; [`cli`] is the only place that does.

pub mod check;
pub mod cli;
pub mod codes;
pub mod diag;
pub mod extract;
pub mod input;
pub mod lang;
pub mod lexicon;
pub mod lint;
pub mod model;
pub mod pipeline;
pub mod report;
pub mod server;
pub mod source;
pub mod workspace;
