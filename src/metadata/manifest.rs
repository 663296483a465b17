//! The seed manifest: per-file metadata that overrides what detection finds.
//!
//! Format (see `seeds/seeds.toml`): one `[[seed]]` table per file with a
//! required `file` key and optional `city`, `province`, `kind`,
//! `period_start`, `period_end`, `issuer`, `doc_number`, `published`
//! (`YYYY-MM-DD`) and `title`. Unknown keys are errors, so a typo cannot
//! silently drop an override.

use std::collections::HashSet;

use serde::Deserialize;

use super::detect::valid_ymd;
use super::gazetteer::Gazetteer;
use crate::model::{DocumentMeta, Period, PlanKind};

/// One manifest entry: overrides for one file.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManifestEntry {
    /// File name the entry applies to (no directory).
    pub file: String,
    /// City override, e.g. `滨州市`.
    pub city: Option<String>,
    /// Province override, e.g. `山东省`.
    pub province: Option<String>,
    /// Plan kind override, as its snake_case name.
    pub kind: Option<String>,
    /// First year covered. Alone, it means a one-year period.
    pub period_start: Option<i32>,
    /// Last year covered; requires `period_start`.
    pub period_end: Option<i32>,
    /// Issuer override.
    pub issuer: Option<String>,
    /// Document number override.
    pub doc_number: Option<String>,
    /// Publication date override, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Title override.
    pub title: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ManifestFile {
    #[serde(default)]
    seed: Vec<ManifestEntry>,
}

/// Why a manifest could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ManifestError {
    /// Not valid TOML, or keys that do not belong to the format.
    #[error("manifest is not valid: {0}")]
    Toml(String),
    /// Two entries for the same file.
    #[error("manifest lists {0:?} twice")]
    DuplicateFile(String),
    /// An empty `file` key or one containing a directory.
    #[error("manifest entry has an invalid file name {0:?} (expected a bare file name)")]
    FileName(String),
    /// A `kind` that is not one of the plan kinds.
    #[error("manifest entry {file:?}: unknown kind {kind:?} (expected annual_work_plan, implementation_plan, five_year_plan or other)")]
    Kind {
        /// The entry's file.
        file: String,
        /// The value found.
        kind: String,
    },
    /// A period with `period_end` only, an end before the start, or
    /// implausible years.
    #[error("manifest entry {file:?}: invalid period ({detail})")]
    Period {
        /// The entry's file.
        file: String,
        /// What is wrong.
        detail: String,
    },
    /// A `published` value that is not a valid `YYYY-MM-DD` date.
    #[error("manifest entry {file:?}: published must be a YYYY-MM-DD date, found {value:?}")]
    Date {
        /// The entry's file.
        file: String,
        /// The value found.
        value: String,
    },
}

/// The seed manifest (`seeds/seeds.toml` format): overrides by file name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Manifest {
    entries: Vec<ManifestEntry>,
}

impl Manifest {
    /// Parses and validates a manifest.
    pub fn parse(toml_text: &str) -> Result<Manifest, ManifestError> {
        let file: ManifestFile =
            toml::from_str(toml_text).map_err(|e| ManifestError::Toml(e.to_string()))?;
        let mut seen = HashSet::new();
        for e in &file.seed {
            let name = e.file.trim();
            if name.is_empty() || name.contains('/') || name.contains('\\') {
                return Err(ManifestError::FileName(e.file.clone()));
            }
            if !seen.insert(name.to_owned()) {
                return Err(ManifestError::DuplicateFile(name.to_owned()));
            }
            if let Some(kind) = &e.kind {
                if PlanKind::parse(kind).is_none() {
                    return Err(ManifestError::Kind {
                        file: e.file.clone(),
                        kind: kind.clone(),
                    });
                }
            }
            let period_error = |detail: String| ManifestError::Period {
                file: e.file.clone(),
                detail,
            };
            match (e.period_start, e.period_end) {
                (None, Some(_)) => {
                    return Err(period_error("period_end without period_start".into()))
                }
                (Some(s), end) => {
                    let end = end.unwrap_or(s);
                    if !(1949..=2100).contains(&s) || !(1949..=2100).contains(&end) {
                        return Err(period_error(format!("years {s}–{end} out of range")));
                    }
                    if end < s {
                        return Err(period_error(format!("end {end} before start {s}")));
                    }
                }
                (None, None) => {}
            }
            if let Some(p) = &e.published {
                if !valid_ymd(p) {
                    return Err(ManifestError::Date {
                        file: e.file.clone(),
                        value: p.clone(),
                    });
                }
            }
        }
        Ok(Manifest { entries: file.seed })
    }

    /// All entries, in file order.
    pub fn entries(&self) -> &[ManifestEntry] {
        &self.entries
    }

    /// The entry for a file name (a path is reduced to its last component).
    pub fn entry(&self, file_name: &str) -> Option<&ManifestEntry> {
        let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
        self.entries.iter().find(|e| e.file.trim() == base)
    }

    /// Applies the entry for `file_name` (if any) on top of detected metadata.
    ///
    /// Every key present replaces the detected value. When the entry sets a
    /// city but no province, the province is taken from the built-in
    /// gazetteer (if it knows the city), so the two cannot disagree.
    pub fn apply(&self, file_name: &str, meta: &mut DocumentMeta) {
        let Some(e) = self.entry(file_name) else {
            return;
        };
        if let Some(t) = &e.title {
            meta.title = Some(t.clone());
        }
        if let Some(c) = &e.city {
            meta.city = Some(c.clone());
            if e.province.is_none() {
                if let Some((_, p)) = Gazetteer::builtin().city(c) {
                    meta.province = Some(p.to_owned());
                }
            }
        }
        if let Some(p) = &e.province {
            meta.province = Some(p.clone());
        }
        if let Some(k) = e.kind.as_deref().and_then(PlanKind::parse) {
            meta.kind = k;
        }
        if let Some(s) = e.period_start {
            meta.period = Some(Period {
                start: s,
                end: e.period_end.unwrap_or(s),
            });
        }
        if let Some(i) = &e.issuer {
            meta.issuer = Some(i.clone());
        }
        if let Some(d) = &e.doc_number {
            meta.doc_number = Some(d.clone());
        }
        if let Some(p) = &e.published {
            meta.published = Some(p.clone());
        }
    }
}
