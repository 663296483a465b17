//! The user's corrections of what extraction got wrong: on a figure (not a
//! target, its indicator, value, unit, qualifier, kind, role, year, or merged
//! with another figure of the same document) and on a document's metadata.
//!
//! Corrections are kept like annotations: by the document's SHA-256, never
//! by a foreign key, with who and when and an append-only history
//! (`correction_history`) that undo and restore add to. They overlay the
//! stored records and never rewrite them: [`Store::targets`] and the document
//! summaries apply them on every read. A figure correction is anchored by the
//! figure as extracted ([`FigureAnchor`]), which survives re-import and is
//! found again in a new version of the document ([`carry`]).
//!
//! [`Store::targets`]: super::Store::targets

mod apply;
pub(super) mod carry;
mod documents;
mod figures;
mod history;
mod listing;

use serde::{Deserialize, Deserializer, Serialize};

use crate::model::{Period, PlanKind, Qualifier, TargetKind, TargetRole};

pub use apply::apply_figure_changes;
pub(super) use apply::{apply_document_changes, apply_figure_corrections, parse_changes};
pub use listing::{CorrectionEntry, CorrectionScope, FieldChange};

/// Reads a present JSON value, `null` included, as `Some`: tells "set to
/// none" (`Some(None)`) from "not corrected" (absent, `None`).
fn present<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}

/// Who made a correction and why.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorrectionAuthor {
    /// Who (free text), if given.
    pub owner: Option<String>,
    /// Why (free text), if given.
    pub note: Option<String>,
}

/// Where a figure correction is anchored: the figure as extracted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureAnchor {
    /// The figure's quote.
    pub quote: String,
    /// Its value as extracted.
    pub value: f64,
    /// Its unit as extracted.
    pub unit: String,
    /// Its section path (the task item's path for a figure inside one).
    pub path: String,
    /// Which of identical figures at that path (0 for the first).
    pub occurrence: i64,
}

impl FigureAnchor {
    /// Same figure text (quote, value, unit), wherever it is.
    fn same_figure(&self, other: &FigureAnchor) -> bool {
        self.quote == other.quote
            && self.value.to_bits() == other.value.to_bits()
            && self.unit == other.unit
    }
}

/// The corrected fields of a figure; absent fields stay as extracted.
/// `Some(None)` sets a field that may be empty to none.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FigureChanges {
    /// The figure is not a target at all (left out of comparisons).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_a_target: Option<bool>,
    /// Catalog indicator id, or none.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub indicator_id: Option<Option<String>>,
    /// The figure (low end of a range).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// High end of a range, or none.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub value_high: Option<Option<f64>>,
    /// Unit as it should read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Bound on the figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
    /// Stock, increment or rate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<TargetKind>,
    /// Target or baseline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<TargetRole>,
    /// Year, or none.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub year: Option<Option<i32>>,
    /// The figure is the same target as this other figure of the document,
    /// which is kept (this one is hidden from comparisons).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merge_into: Option<FigureAnchor>,
}

impl FigureChanges {
    /// Whether nothing is corrected.
    pub fn is_empty(&self) -> bool {
        *self == FigureChanges::default()
    }

    /// Whether the figure is left out of comparisons.
    pub fn excludes(&self) -> bool {
        self.not_a_target == Some(true) || self.merge_into.is_some()
    }
}

/// A change to a figure's corrections: the fields to set (in `changes`,
/// whose `merge_into` is ignored) and the figure to merge it into.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FigureEdit {
    /// Fields to set. `not_a_target: Some(false)` withdraws that mark.
    #[serde(flatten)]
    pub changes: FigureChanges,
    /// Merge into this target id (`Some(None)` withdraws a merge).
    #[serde(default, deserialize_with = "present")]
    pub merge_into: Option<Option<i64>>,
}

/// The corrected fields of a document's metadata; absent fields stay as
/// detected. `Some(None)` clears a field.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocumentChanges {
    /// Title.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub title: Option<Option<String>>,
    /// City.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub city: Option<Option<String>>,
    /// Province.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub province: Option<Option<String>>,
    /// Administrative level (prefecture, province, district, county; free
    /// text).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub level: Option<Option<String>>,
    /// Plan kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<PlanKind>,
    /// Years covered.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub period: Option<Option<Period>>,
    /// Issuing body.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub issuer: Option<Option<String>>,
    /// 文号.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub doc_number: Option<Option<String>>,
}

impl DocumentChanges {
    /// Whether nothing is corrected.
    pub fn is_empty(&self) -> bool {
        *self == DocumentChanges::default()
    }

    /// Sets the fields `edit` sets.
    pub fn merge(&mut self, edit: &DocumentChanges) {
        fn set<T: Clone>(to: &mut Option<T>, from: &Option<T>) {
            if from.is_some() {
                to.clone_from(from);
            }
        }
        set(&mut self.title, &edit.title);
        set(&mut self.city, &edit.city);
        set(&mut self.province, &edit.province);
        set(&mut self.level, &edit.level);
        set(&mut self.kind, &edit.kind);
        set(&mut self.period, &edit.period);
        set(&mut self.issuer, &edit.issuer);
        set(&mut self.doc_number, &edit.doc_number);
    }
}

/// A figure's correction as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureCorrection {
    /// Correction id.
    pub id: i64,
    /// The stored target it applies to, if its document is stored.
    pub target_id: Option<i64>,
    /// SHA-256 of the document.
    pub document_sha256: String,
    /// The figure as extracted.
    pub anchor: FigureAnchor,
    /// What is corrected now.
    pub changes: FigureChanges,
    /// Who made the last change.
    pub owner: Option<String>,
    /// Note of the last change.
    pub note: Option<String>,
    /// Revision number, 1 for the first.
    pub revision: i64,
    /// Time of the last change (UTC).
    pub updated_at: String,
    /// The figure was not found again in a newer version of the document.
    pub orphaned: bool,
    /// The correction of the previous version this one was carried from.
    pub carried_from: Option<i64>,
}

/// A document's correction as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentCorrection {
    /// Correction id.
    pub id: i64,
    /// The stored document it applies to, if stored.
    pub document_id: Option<i64>,
    /// SHA-256 of the document.
    pub document_sha256: String,
    /// What is corrected now.
    pub changes: DocumentChanges,
    /// Who made the last change.
    pub owner: Option<String>,
    /// Note of the last change.
    pub note: Option<String>,
    /// Revision number, 1 for the first.
    pub revision: i64,
    /// Time of the last change (UTC).
    pub updated_at: String,
    /// The correction of the previous version this one was carried from.
    pub carried_from: Option<i64>,
}

/// One entry of a correction's history.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CorrectionRevision<C> {
    /// Revision number.
    pub revision: i64,
    /// What was corrected at that revision.
    pub changes: C,
    /// Who saved it.
    pub owner: Option<String>,
    /// Its note.
    pub note: Option<String>,
    /// The revision an undo or restore brought back (0: as extracted);
    /// `None` for an edit.
    pub restored_from: Option<i64>,
    /// When it was saved (UTC).
    pub saved_at: String,
}

/// Why a stored target is left out of comparisons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Exclusion {
    /// The user marked it as not a target.
    NotATarget,
    /// The user merged it into another figure of the same document.
    MergedInto {
        /// The figure kept.
        target_id: i64,
    },
}

/// Another mention of a target: a figure the user merged into it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// Target id of the merged figure.
    pub target_id: i64,
    /// Its quote.
    pub quote: String,
    /// Quote start (character offset).
    pub start: usize,
    /// Quote end (character offset, exclusive).
    pub end: usize,
}
