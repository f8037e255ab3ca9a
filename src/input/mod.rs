//! Reading articles: plain text and its dateline, Markdown masking, suppression directives, and
//! JSON Lines archives.
//!
//! Dependencies point one way: [`article`] prepares the reading text with [`markdown`] and
//! [`suppress`], which read dates with [`dateline`]; [`jsonl`] reads archives and dates with
//! [`dateline`]. Nothing here knows about extraction or checking, except the finding kinds
//! a suppression directive names.

pub mod article;
pub mod dateline;
pub mod jsonl;
pub mod markdown;
pub mod suppress;

pub use article::Article;

/// How an article file is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
}

impl Format {
    /// `.md`, `.markdown`, `.mdx` are Markdown; anything else is plain text.
    pub fn from_path(path: &std::path::Path) -> Self {
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("md" | "markdown" | "mdx") => Format::Markdown,
            _ => Format::Text,
        }
    }
}
