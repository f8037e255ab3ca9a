//! The human rendering of a check report: its diagnostics (through [`super::human`]), then a
//! one-line summary.

use crate::check::Summary;
use crate::diag::Diagnostic;
use crate::source::SourceMap;

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `9 claims: 3 supported, 2 contradicted, 0 conflicting, 4 not found; 5 unverified facts`.
pub fn summary_line(s: &Summary) -> String {
    let claims = s.supported + s.contradicted + s.conflicting + s.not_found;
    format!(
        "{}: {} supported, {} contradicted, {} conflicting, {} not found; {}",
        plural(claims, "claim", "claims"),
        s.supported,
        s.contradicted,
        s.conflicting,
        s.not_found,
        plural(s.unverified, "unverified fact", "unverified facts"),
    )
}

/// Every diagnostic rendered rustc-style, then the summary line (`quiet`: the summary alone).
pub fn render_check(
    sources: &SourceMap,
    diags: &[Diagnostic],
    summary: &Summary,
    color: bool,
    quiet: bool,
) -> String {
    let mut out = String::new();
    if !quiet {
        out.push_str(&super::human::render_diagnostics(sources, diags, color));
    }
    out.push_str(&summary_line(summary));
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_counts_claims() {
        let s =
            Summary { supported: 1, contradicted: 2, conflicting: 0, not_found: 1, unverified: 1 };
        assert_eq!(
            summary_line(&s),
            "4 claims: 1 supported, 2 contradicted, 0 conflicting, 1 not found; 1 unverified fact"
        );
    }
}
