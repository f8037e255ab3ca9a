//! Baselines: adopt factcheck on an existing archive by recording today's findings and then
//! reporting only new ones.
//!
//! `factcheck check --write-baseline FILE` writes every finding's fingerprint; `factcheck check
//! --baseline FILE` drops the findings whose fingerprint is in the file. A fingerprint is the
//! SHA-256 of the finding's kind, the root-relative path of the file it is in, the claim as
//! written and the article's evidence text, the two texts with runs of whitespace collapsed to
//! one space. It does not contain line numbers or offsets, so editing other paragraphs, re-wrapping
//! lines or moving a paragraph keeps it; changing the sentence itself or the claim makes it new.
//! Identical findings in one file (the same sentence twice) are told apart by an occurrence index:
//! a baseline with two of them silences two, and a third is new.
//!
//! The file is JSON (`{"version": 1, "findings": [...]}`), sorted so that it diffs well in git;
//! each entry also carries the kind, file and texts for the people reading those diffs.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::check::{Report, Verdict};
use crate::source::{FileId, SourceMap};

/// The baseline format version this factcheck reads and writes.
pub const VERSION: u32 = 1;

/// What identifies a finding across edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FindingKey<'a> {
    /// The kind's name (`contradicted`, `unverified`, ...).
    pub kind: &'a str,
    /// The file the finding is in (its primary location), relative to the root, `/`-separated.
    pub file: &'a str,
    /// The claim as written, when the finding is about a claim.
    pub claim: Option<&'a str>,
    /// The article text of the evidence, when there is one.
    pub evidence: Option<&'a str>,
}

impl FindingKey<'_> {
    /// The fingerprint: hex SHA-256 of the normalised fields.
    pub fn fingerprint(&self) -> String {
        let mut h = Sha256::new();
        for part in [Some(self.kind), Some(self.file), self.claim, self.evidence] {
            match part {
                Some(p) => {
                    h.update(b"+");
                    h.update(normalize(p).as_bytes());
                }
                None => h.update(b"-"),
            }
            h.update([0u8]);
        }
        h.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// Collapses runs of whitespace to one space and trims.
fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One recorded finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub fingerprint: String,
    /// 0 for the first finding with this fingerprint, 1 for the second, ...
    #[serde(default)]
    pub occurrence: u32,
    pub kind: String,
    pub file: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
}

/// A baseline file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<Entry>,
}

/// Why a baseline could not be read or written.
#[derive(Debug)]
pub enum BaselineError {
    /// The file could not be read.
    Io { path: PathBuf, error: std::io::Error },
    /// The file could not be written (`--write-baseline` into a missing directory, ...).
    Write { path: PathBuf, error: std::io::Error },
    /// The file is not a baseline (not JSON, or not of this shape).
    Corrupt { path: PathBuf, error: String },
    /// Written by another version of the format.
    Version { path: PathBuf, found: u32 },
}

impl fmt::Display for BaselineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BaselineError::Io { path, error } if error.kind() == std::io::ErrorKind::NotFound => {
                write!(
                    f,
                    "baseline {} does not exist (create it with --write-baseline {})",
                    path.display(),
                    path.display()
                )
            }
            BaselineError::Io { path, error } => {
                write!(f, "cannot access baseline {}: {error}", path.display())
            }
            BaselineError::Write { path, error } => {
                write!(f, "cannot write baseline {}: {error}", path.display())
            }
            BaselineError::Corrupt { path, error } => write!(
                f,
                "{} is not a factcheck baseline ({error}); write it again with --write-baseline",
                path.display()
            ),
            BaselineError::Version { path, found } => write!(
                f,
                "baseline {} has version {found}, this factcheck reads version {VERSION}; write \
                 it again with --write-baseline",
                path.display()
            ),
        }
    }
}

impl std::error::Error for BaselineError {}

impl Baseline {
    /// A baseline of `findings`, in the order the run reported them (the order decides the
    /// occurrence indexes).
    pub fn from_findings<'a>(findings: impl IntoIterator<Item = FindingKey<'a>>) -> Self {
        let mut counts: HashMap<String, u32> = HashMap::new();
        let mut entries: Vec<Entry> = findings
            .into_iter()
            .map(|k| {
                let fingerprint = k.fingerprint();
                let n = counts.entry(fingerprint.clone()).or_insert(0);
                let occurrence = *n;
                *n += 1;
                Entry {
                    fingerprint,
                    occurrence,
                    kind: k.kind.to_string(),
                    file: k.file.to_string(),
                    claim: k.claim.map(normalize),
                    evidence: k.evidence.map(normalize),
                }
            })
            .collect();
        entries.sort_by(|a, b| {
            (&a.file, &a.kind, &a.fingerprint, a.occurrence).cmp(&(
                &b.file,
                &b.kind,
                &b.fingerprint,
                b.occurrence,
            ))
        });
        Baseline { version: VERSION, findings: entries }
    }

    /// Parses a baseline's JSON text.
    pub fn parse(path: &Path, text: &str) -> Result<Self, BaselineError> {
        #[derive(Deserialize)]
        struct Versioned {
            version: u32,
        }
        let corrupt = |e: serde_json::Error| BaselineError::Corrupt {
            path: path.to_path_buf(),
            error: e.to_string(),
        };
        let v: Versioned = serde_json::from_str(text).map_err(corrupt)?;
        if v.version != VERSION {
            return Err(BaselineError::Version { path: path.to_path_buf(), found: v.version });
        }
        serde_json::from_str(text).map_err(corrupt)
    }

    /// Reads a baseline file.
    pub fn read(path: &Path) -> Result<Self, BaselineError> {
        let bytes = std::fs::read(path)
            .map_err(|error| BaselineError::Io { path: path.to_path_buf(), error })?;
        let text = String::from_utf8(bytes).map_err(|e| BaselineError::Corrupt {
            path: path.to_path_buf(),
            error: format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()),
        })?;
        Self::parse(path, &text)
    }

    /// The baseline as pretty JSON with a final newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    /// Writes the baseline, replacing `path` atomically (a temporary file in the same directory,
    /// then renamed), so an interrupted run never leaves half a baseline.
    pub fn write(&self, path: &Path) -> Result<(), BaselineError> {
        let io = |error: std::io::Error| BaselineError::Write { path: path.to_path_buf(), error };
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(io)?;
        std::io::Write::write_all(&mut tmp, self.to_json().as_bytes()).map_err(io)?;
        tmp.persist(path).map_err(|e| io(e.error))?;
        Ok(())
    }

    /// A filter that tells the findings of a new run that are in this baseline.
    pub fn matcher(&self) -> Matcher {
        let known = self.findings.iter().map(|e| (e.fingerprint.clone(), e.occurrence)).collect();
        Matcher { known, seen: HashMap::new() }
    }
}

/// Tells known findings from new ones; feed it a run's findings in the order they are reported.
#[derive(Debug, Clone)]
pub struct Matcher {
    known: HashSet<(String, u32)>,
    seen: HashMap<String, u32>,
}

impl Matcher {
    /// True when the finding is in the baseline (and so is not reported).
    pub fn is_known(&mut self, key: &FindingKey<'_>) -> bool {
        let fp = key.fingerprint();
        let n = self.seen.entry(fp.clone()).or_insert(0);
        let occurrence = *n;
        *n += 1;
        self.known.contains(&(fp, occurrence))
    }
}

/// A finding of a check report, owned, as the baseline sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Owned {
    kind: &'static str,
    file: String,
    claim: Option<String>,
    evidence: Option<String>,
}

impl Owned {
    fn key(&self) -> FindingKey<'_> {
        FindingKey {
            kind: self.kind,
            file: &self.file,
            claim: self.claim.as_deref(),
            evidence: self.evidence.as_deref(),
        }
    }
}

/// The report's findings in report order: claims that are not supported (kind = verdict, file =
/// the claim file, the claim's text, the contradicting facts' text), then unverified facts
/// (file = the article, the fact's text). `path` gives a file's root-relative path.
fn report_findings(
    report: &Report,
    sources: &SourceMap,
    path: &dyn Fn(FileId) -> String,
) -> (Vec<Option<Owned>>, Vec<Owned>) {
    let text = |file: FileId, span: &std::ops::Range<usize>| {
        sources.get(file).slice(span).unwrap_or_default().to_string()
    };
    let claims = report
        .claims
        .iter()
        .map(|c| {
            if c.verdict == Verdict::Supported {
                return None;
            }
            let against: Vec<String> = c
                .evidence
                .iter()
                .filter(|e| !e.supports)
                .map(|e| text(e.fact.file, &e.fact.span))
                .collect();
            Some(Owned {
                kind: c.verdict.as_str(),
                file: path(c.claim.file),
                claim: Some(text(c.claim.file, &c.claim.span)),
                evidence: (!against.is_empty()).then(|| against.join("\n")),
            })
        })
        .collect();
    let facts = report
        .unverified
        .iter()
        .map(|f| Owned {
            kind: "unverified",
            file: path(f.file),
            claim: None,
            evidence: Some(text(f.file, &f.span)),
        })
        .collect();
    (claims, facts)
}

/// The fingerprint of every finding of `report`, as a baseline records it: one for each claim
/// (`None` for a supported claim), one for each unverified fact. The N-th identical finding
/// after the first has `:N` appended.
pub fn fingerprints(
    report: &Report,
    sources: &SourceMap,
    path: &dyn Fn(FileId) -> String,
) -> (Vec<Option<String>>, Vec<String>) {
    let (claims, facts) = report_findings(report, sources, path);
    let mut seen: HashMap<String, u32> = HashMap::new();
    let mut print = |o: &Owned| {
        let fp = o.key().fingerprint();
        let n = seen.entry(fp.clone()).or_insert(0);
        let out = if *n == 0 { fp } else { format!("{fp}:{n}") };
        *n += 1;
        out
    };
    let claims = claims.iter().map(|c| c.as_ref().map(&mut print)).collect();
    let facts = facts.iter().map(print).collect();
    (claims, facts)
}

impl Baseline {
    /// A baseline of every finding of `report` (whatever the severities: a kind that is `off`
    /// today is recorded too). `path` gives a file's path relative to the root.
    pub fn from_report(
        report: &Report,
        sources: &SourceMap,
        path: &dyn Fn(FileId) -> String,
    ) -> Self {
        let (claims, facts) = report_findings(report, sources, path);
        Self::from_findings(claims.iter().flatten().chain(&facts).map(Owned::key))
    }

    /// Drops from `report` the findings this baseline records; returns how many.
    pub fn filter_report(
        &self,
        report: &mut Report,
        sources: &SourceMap,
        path: &dyn Fn(FileId) -> String,
    ) -> usize {
        let (claims, facts) = report_findings(report, sources, path);
        let mut m = self.matcher();
        let keep_claims: Vec<bool> =
            claims.iter().map(|c| c.as_ref().is_none_or(|c| !m.is_known(&c.key()))).collect();
        let keep_facts: Vec<bool> = facts.iter().map(|f| !m.is_known(&f.key())).collect();
        let dropped = keep_claims.iter().chain(&keep_facts).filter(|k| !**k).count();
        report.retain(
            |i, _| keep_claims.get(i).copied().unwrap_or(true),
            |j, _| keep_facts.get(j).copied().unwrap_or(true),
        );
        dropped
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_baseline_that_cannot_be_written_says_so() {
        let b = Baseline::from_findings(Vec::new());
        let e = b.write(Path::new("/nonexistent-dir/sub/b.json")).unwrap_err().to_string();
        assert!(e.starts_with("cannot write baseline /nonexistent-dir/sub/b.json"), "{e}");
        assert!(!e.contains("does not exist (create it"), "{e}");
    }

    use super::*;

    fn key<'a>(evidence: &'a str) -> FindingKey<'a> {
        FindingKey {
            kind: "unverified",
            file: "drafts/a.md",
            claim: None,
            evidence: Some(evidence),
        }
    }

    #[test]
    fn fingerprint_survives_rewrapping_not_rewording() {
        let a = key("Poland expelled 45\n  Russian diplomats.").fingerprint();
        let b = key("Poland expelled 45 Russian   diplomats.").fingerprint();
        let c = key("Poland expelled 46 Russian diplomats.").fingerprint();
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(a.len(), 64);
        let other_file =
            FindingKey { file: "drafts/b.md", ..key("Poland expelled 45 Russian diplomats.") };
        assert_ne!(other_file.fingerprint(), b);
        let claim_vs_evidence =
            FindingKey { kind: "unverified", file: "x", claim: Some("a"), evidence: None };
        let evidence_vs_claim =
            FindingKey { kind: "unverified", file: "x", claim: None, evidence: Some("a") };
        assert_ne!(claim_vs_evidence.fingerprint(), evidence_vs_claim.fingerprint());
    }

    #[test]
    fn only_new_findings_and_extra_duplicates_pass() {
        let base = Baseline::from_findings([key("A 1."), key("A 1."), key("B 2.")]);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("baseline.json");
        base.write(&path).unwrap();
        let read = Baseline::read(&path).unwrap();
        assert_eq!(read, base);
        let mut m = read.matcher();
        let run = [key("B 2."), key("A 1."), key("C 3."), key("A 1."), key("A 1.")];
        let new: Vec<bool> = run.iter().map(|k| !m.is_known(k)).collect();
        assert_eq!(new, [false, false, true, false, true]);
    }

    #[test]
    fn missing_corrupt_and_other_versions_are_clear_errors() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nope.json");
        let e = Baseline::read(&missing).unwrap_err().to_string();
        assert!(e.contains("does not exist") && e.contains("--write-baseline"), "{e}");
        let p = Path::new("b.json");
        let e = Baseline::parse(p, "{not json").unwrap_err().to_string();
        assert!(e.starts_with("b.json is not a factcheck baseline"), "{e}");
        let e = Baseline::parse(p, "{\"version\": 2, \"findings\": []}").unwrap_err().to_string();
        assert!(e.contains("version 2"), "{e}");
        let e = Baseline::parse(p, "{\"version\": 1}").unwrap_err().to_string();
        assert!(e.contains("missing field `findings`"), "{e}");
        assert!(Baseline::parse(p, "{\"version\": 1, \"findings\": []}").is_ok());
    }

    fn fact(file: FileId, span: std::ops::Range<usize>) -> crate::model::Fact {
        crate::model::Fact::bare(file, span)
    }

    #[test]
    fn report_round_trip_survives_unrelated_edits() {
        let before = "Intro.\n\nPoland expelled 45.\n\nEstonia expelled 3.\n";
        let after = "New intro paragraph.\n\nMore.\n\nPoland expelled\n45.\n\nEstonia expelled 3.\n\nLatvia expelled 2.\n";
        let report_of = |src: &str, needles: &[&str]| {
            let mut sources = SourceMap::new();
            let a = sources.add("drafts/a.md", src.to_string());
            let unverified = needles
                .iter()
                .map(|n| {
                    let i = src.find(n).unwrap();
                    fact(a, i..i + n.len())
                })
                .collect();
            (Report { unverified, ..Report::default() }, sources)
        };
        let path = |_: FileId| "drafts/a.md".to_string();
        let (r0, s0) = report_of(before, &["Poland expelled 45.", "Estonia expelled 3."]);
        let base = Baseline::from_report(&r0, &s0, &path);
        assert_eq!(base.findings.len(), 2);
        let (mut r1, s1) = report_of(
            after,
            &["Poland expelled\n45.", "Estonia expelled 3.", "Latvia expelled 2."],
        );
        r1.summary.unverified = 3;
        assert_eq!(base.filter_report(&mut r1, &s1, &path), 2);
        assert_eq!(r1.unverified.len(), 1);
        assert_eq!(
            &s1.get(r1.unverified[0].file).text[r1.unverified[0].span.clone()],
            "Latvia expelled 2."
        );
        assert_eq!(r1.summary.unverified, 1);
    }

    #[test]
    fn json_is_sorted_and_versioned() {
        let b = Baseline::from_findings([
            FindingKey { kind: "unverified", file: "z.md", claim: None, evidence: Some("x") },
            FindingKey {
                kind: "contradicted",
                file: "a.md",
                claim: Some("C"),
                evidence: Some("y"),
            },
        ]);
        let json = b.to_json();
        assert!(json.starts_with("{\n  \"version\": 1,"));
        assert!(json.find("a.md").unwrap() < json.find("z.md").unwrap());
    }
}
