//! DTOs of the user's corrections: of a figure (not a target, indicator,
//! value, unit, qualifier, kind, role, year, merged into another figure) and
//! of a document's metadata. Part of the generated bindings (see
//! [`crate::dto::typescript`]).
//!
//! An edit is a list of field edits (`{field, value}`), so "set to none"
//! (`value: null`) is never confused with "leave as it is" (the field is not
//! in the list).

use planlens::model as core;
use planlens::store;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::dto::{Period, PlanKind, Qualifier, TargetDto, TargetKind, TargetRole};

/// One corrected field of a figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "field", content = "value", rename_all = "snake_case")]
pub enum FigureFieldEdit {
    /// The figure is not a target (`false` withdraws the mark).
    NotATarget(bool),
    /// Catalog indicator id, or none.
    IndicatorId(Option<String>),
    /// The figure (low end of a range).
    Value(f64),
    /// High end of a range, or none.
    ValueHigh(Option<f64>),
    /// Unit as it should read.
    Unit(String),
    /// Bound on the figure.
    Qualifier(Qualifier),
    /// Stock, increment or rate.
    Kind(TargetKind),
    /// Target or baseline.
    Role(TargetRole),
    /// Year, or none.
    Year(Option<i32>),
    /// The same target as this other figure of the document (`null`
    /// withdraws a merge).
    MergeInto(#[ts(type = "number | null")] Option<i64>),
}

/// One corrected field of a document's metadata (`null` clears it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "field", content = "value", rename_all = "snake_case")]
pub enum DocumentFieldEdit {
    /// Title.
    Title(Option<String>),
    /// City.
    City(Option<String>),
    /// Province.
    Province(Option<String>),
    /// Administrative level (prefecture, province, district, county; free text).
    Level(Option<String>),
    /// Plan kind.
    Kind(PlanKind),
    /// Years covered.
    Period(Option<Period>),
    /// Issuing body.
    Issuer(Option<String>),
    /// 文号.
    DocNumber(Option<String>),
}

/// Who corrects and why.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CorrectionAuthorDto {
    /// Who (remembered by the UI).
    pub owner: Option<String>,
    /// Why.
    pub note: Option<String>,
}

impl From<CorrectionAuthorDto> for store::CorrectionAuthor {
    fn from(a: CorrectionAuthorDto) -> Self {
        let clean = |s: Option<String>| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
        store::CorrectionAuthor {
            owner: clean(a.owner),
            note: clean(a.note),
        }
    }
}

/// One corrected field for people: as extracted → as corrected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FieldChangeDto {
    /// Field (`not_a_target`, `indicator_id`, `value`, `city`, …).
    pub field: String,
    /// As extracted or detected (`—` for none).
    pub before: String,
    /// As corrected.
    pub after: String,
}

impl From<&store::FieldChange> for FieldChangeDto {
    fn from(c: &store::FieldChange) -> Self {
        FieldChangeDto {
            field: c.field.clone(),
            before: c.before.clone(),
            after: c.after.clone(),
        }
    }
}

/// One entry of a correction's history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CorrectionRevisionDto {
    /// Revision number (1 first).
    #[ts(type = "number")]
    pub revision: i64,
    /// The corrected fields at that revision, `field: value` for people
    /// (empty: as extracted).
    pub fields: Vec<String>,
    /// Who saved it.
    pub owner: Option<String>,
    /// Its note.
    pub note: Option<String>,
    /// The revision an undo or restore brought back (0: as extracted);
    /// `null` for an edit.
    #[ts(type = "number | null")]
    pub restored_from: Option<i64>,
    /// When (UTC).
    pub saved_at: String,
}

/// The fields of a stored changes object as `field: value` lines.
fn fields_of<C: Serialize>(changes: &C) -> Vec<String> {
    let v = serde_json::to_value(changes).unwrap_or_default();
    let Some(map) = v.as_object() else {
        return Vec::new();
    };
    map.iter()
        .map(|(k, v)| {
            let v = match v {
                serde_json::Value::Null => "—".to_string(),
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Object(o) if k == "merge_into" => o
                    .get("quote")
                    .and_then(|q| q.as_str())
                    .map(|q| format!("«{q}»"))
                    .unwrap_or_default(),
                serde_json::Value::Object(o) if k == "period" => {
                    match (o.get("start"), o.get("end")) {
                        (Some(a), Some(b)) if a == b => a.to_string(),
                        (Some(a), Some(b)) => format!("{a}–{b}"),
                        _ => String::new(),
                    }
                }
                other => other.to_string(),
            };
            format!("{k}: {v}")
        })
        .collect()
}

impl<C: Serialize> From<store::CorrectionRevision<C>> for CorrectionRevisionDto {
    fn from(r: store::CorrectionRevision<C>) -> Self {
        CorrectionRevisionDto {
            revision: r.revision,
            fields: fields_of(&r.changes),
            owner: r.owner,
            note: r.note,
            restored_from: r.restored_from,
            saved_at: r.saved_at,
        }
    }
}

/// A figure's correction state: the figure as it reads now (corrections
/// applied, excluded or not), its latest revision and its history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TargetCorrection {
    /// The figure now (with `corrected`, `not_a_target`, `merged_into` and
    /// `changes`).
    pub target: TargetDto,
    /// Revision number of the correction (0: never corrected).
    #[ts(type = "number")]
    pub revision: i64,
    /// Who made the last change.
    pub owner: Option<String>,
    /// When (UTC), if corrected.
    pub updated_at: Option<String>,
    /// The history, oldest first.
    pub history: Vec<CorrectionRevisionDto>,
}

/// A document's metadata correction state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DocumentCorrectionDto {
    /// The document as it reads now.
    pub document: crate::dto::DocumentSummary,
    /// The detected metadata the user changed, as extracted → as corrected.
    pub changes: Vec<FieldChangeDto>,
    /// Revision number of the correction (0: never corrected).
    #[ts(type = "number")]
    pub revision: i64,
    /// Who made the last change.
    pub owner: Option<String>,
    /// The history, oldest first.
    pub history: Vec<CorrectionRevisionDto>,
}

/// What a correction is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CorrectionScopeDto {
    /// A figure.
    Figure,
    /// A document's metadata.
    Document,
}

/// A correction in the list of all corrections.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CorrectionEntryDto {
    /// Correction id (per scope).
    #[ts(type = "number")]
    pub id: i64,
    /// Figure or document.
    pub scope: CorrectionScopeDto,
    /// The stored document, if stored.
    #[ts(type = "number | null")]
    pub document_id: Option<i64>,
    /// The document for people.
    pub document: String,
    /// The stored figure (figure corrections).
    #[ts(type = "number | null")]
    pub target_id: Option<i64>,
    /// Its quote (figure corrections).
    pub quote: Option<String>,
    /// The corrected fields.
    pub changes: Vec<FieldChangeDto>,
    /// Who made the last change.
    pub owner: Option<String>,
    /// Note of the last change.
    pub note: Option<String>,
    /// Revision number.
    #[ts(type = "number")]
    pub revision: i64,
    /// When (UTC).
    pub updated_at: String,
    /// The figure is gone from a newer version of the document.
    pub orphaned: bool,
}

impl From<&store::CorrectionEntry> for CorrectionEntryDto {
    fn from(e: &store::CorrectionEntry) -> Self {
        CorrectionEntryDto {
            id: e.id,
            scope: match e.scope {
                store::CorrectionScope::Figure => CorrectionScopeDto::Figure,
                store::CorrectionScope::Document => CorrectionScopeDto::Document,
            },
            document_id: e.document_id,
            document: e.document.clone(),
            target_id: e.target_id,
            quote: e.quote.clone(),
            changes: e.changes.iter().map(Into::into).collect(),
            owner: e.owner.clone(),
            note: e.note.clone(),
            revision: e.revision,
            updated_at: e.updated_at.clone(),
            orphaned: e.orphaned,
        }
    }
}

/// A catalog indicator, for choosing a figure's indicator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CatalogIndicator {
    /// Catalog id.
    pub id: String,
    /// Display name in the requested language.
    pub label: String,
}

impl From<Qualifier> for core::Qualifier {
    fn from(q: Qualifier) -> Self {
        match q {
            Qualifier::AtLeast => core::Qualifier::AtLeast,
            Qualifier::About => core::Qualifier::About,
            Qualifier::AtMost => core::Qualifier::AtMost,
            Qualifier::Exact => core::Qualifier::Exact,
        }
    }
}

impl From<TargetKind> for core::TargetKind {
    fn from(k: TargetKind) -> Self {
        match k {
            TargetKind::Stock => core::TargetKind::Stock,
            TargetKind::Increment => core::TargetKind::Increment,
            TargetKind::Rate => core::TargetKind::Rate,
        }
    }
}

impl From<TargetRole> for core::TargetRole {
    fn from(r: TargetRole) -> Self {
        match r {
            TargetRole::Target => core::TargetRole::Target,
            TargetRole::Baseline => core::TargetRole::Baseline,
        }
    }
}
