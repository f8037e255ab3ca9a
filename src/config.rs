//! `factcheck.toml`: which claim files and articles a repository checks, with which severities.
