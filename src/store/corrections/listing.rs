//! The list of all corrections with their context, for review and export.

use std::collections::HashMap;

use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use super::apply::parse_changes;
use super::{DocumentChanges, Exclusion, FigureAnchor, FigureChanges};
use crate::compare::format_number;
use crate::model::{Period, PlanKind, Target};
use crate::store::{Store, StoreError, StoredTarget, TargetFilter};

/// What a correction is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CorrectionScope {
    /// A figure (a stored target).
    Figure,
    /// A document's metadata.
    Document,
}

/// One corrected field: as extracted and as corrected, for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    /// Field name (`indicator_id`, `value`, `city`, …).
    pub field: String,
    /// As extracted or detected (`—` for none, `?` when unknown because
    /// the document is not stored).
    pub before: String,
    /// As corrected.
    pub after: String,
}

/// A correction with its context.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CorrectionEntry {
    /// Correction id (per scope).
    pub id: i64,
    /// Figure or document.
    pub scope: CorrectionScope,
    /// The stored document it applies to, if stored.
    pub document_id: Option<i64>,
    /// The document for people: city, period and id, or the start of its
    /// SHA-256 when it is not stored.
    pub document: String,
    /// SHA-256 of the document.
    pub sha256: String,
    /// The stored target (figure corrections whose figure is stored).
    pub target_id: Option<i64>,
    /// The figure's quote (figure corrections).
    pub quote: Option<String>,
    /// The corrected fields.
    pub changes: Vec<FieldChange>,
    /// Who made the last change.
    pub owner: Option<String>,
    /// Note of the last change.
    pub note: Option<String>,
    /// Revision number.
    pub revision: i64,
    /// Time of the last change (UTC).
    pub updated_at: String,
    /// The figure was not found again in a newer version of the document.
    pub orphaned: bool,
    /// The correction of the previous version this one was carried from.
    pub carried_from: Option<i64>,
}

const NONE: &str = "—";

fn name<T: Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn opt<T, F: Fn(&T) -> String>(v: &Option<T>, f: F) -> String {
    v.as_ref().map_or_else(|| NONE.to_string(), f)
}

fn figure_fields(
    before: Option<&Target>,
    anchor: &FigureAnchor,
    c: &FigureChanges,
    merged_into: Option<i64>,
) -> Vec<FieldChange> {
    let unknown = || "?".to_string();
    let b = |f: &dyn Fn(&Target) -> String| before.map_or_else(unknown, f);
    let mut out = Vec::new();
    let mut push = |field: &str, before: String, after: String| {
        out.push(FieldChange {
            field: field.into(),
            before,
            after,
        })
    };
    if let Some(v) = c.not_a_target {
        push(
            "not_a_target",
            "target".into(),
            if v { "not a target" } else { "target" }.into(),
        );
    }
    if let Some(v) = &c.indicator_id {
        push(
            "indicator_id",
            b(&|t| opt(&t.indicator_id, String::clone)),
            opt(v, String::clone),
        );
    }
    if let Some(v) = c.value {
        push("value", format_number(anchor.value), format_number(v));
    }
    if let Some(v) = c.value_high {
        push(
            "value_high",
            b(&|t| opt(&t.value_high, |x| format_number(*x))),
            opt(&v, |x| format_number(*x)),
        );
    }
    if let Some(v) = &c.unit {
        push("unit", anchor.unit.clone(), v.clone());
    }
    if let Some(v) = c.qualifier {
        push("qualifier", b(&|t| name(&t.qualifier)), name(&v));
    }
    if let Some(v) = c.kind {
        push("kind", b(&|t| name(&t.kind)), name(&v));
    }
    if let Some(v) = c.role {
        push("role", b(&|t| name(&t.role)), name(&v));
    }
    if let Some(v) = c.year {
        push(
            "year",
            b(&|t| opt(&t.year, i32::to_string)),
            opt(&v, i32::to_string),
        );
    }
    if let Some(m) = &c.merge_into {
        let after = match merged_into {
            Some(id) => format!("same target as #{id} «{}»", m.quote),
            None => format!("same target as «{}» (not found)", m.quote),
        };
        push("merge_into", "separate".into(), after);
    }
    out
}

/// A document's metadata as detected, from its row.
struct Detected {
    title: Option<String>,
    city: Option<String>,
    province: Option<String>,
    kind: String,
    period: Option<Period>,
    issuer: Option<String>,
    doc_number: Option<String>,
}

fn document_fields(d: Option<&Detected>, c: &DocumentChanges) -> Vec<FieldChange> {
    let mut out = Vec::new();
    let text = |v: &Option<String>| opt(v, String::clone);
    let b = |f: &dyn Fn(&Detected) -> String| d.map_or_else(|| "?".to_string(), f);
    let mut push = |field: &str, before: String, after: String| {
        out.push(FieldChange {
            field: field.into(),
            before,
            after,
        })
    };
    for (field, before, after) in [
        ("title", b(&|d| text(&d.title)), &c.title),
        ("city", b(&|d| text(&d.city)), &c.city),
        ("province", b(&|d| text(&d.province)), &c.province),
        ("level", NONE.to_string(), &c.level),
        ("issuer", b(&|d| text(&d.issuer)), &c.issuer),
        ("doc_number", b(&|d| text(&d.doc_number)), &c.doc_number),
    ] {
        if let Some(v) = after {
            push(field, before, text(v));
        }
    }
    if let Some(k) = c.kind {
        push("kind", b(&|d| d.kind.clone()), k.as_str().to_string());
    }
    if let Some(p) = c.period {
        push(
            "period",
            b(&|d| opt(&d.period, Period::to_string)),
            opt(&p, Period::to_string),
        );
    }
    out
}

impl Store {
    /// Every correction (of `document` only, when given) with its context:
    /// document, figure quote, before → after, who, when, orphaned. Ordered
    /// by document, the document's own correction first, then by id.
    pub fn corrections(&self, document: Option<i64>) -> Result<Vec<CorrectionEntry>, StoreError> {
        let docs: HashMap<String, (i64, String)> = self
            .list_documents()?
            .into_iter()
            .map(|d| {
                let mut label = d.meta.city.clone().unwrap_or_else(|| NONE.into());
                if let Some(p) = d.meta.period {
                    label.push_str(&format!(" {p}"));
                }
                label.push_str(&format!(" #{}", d.id));
                (d.sha256, (d.id, label))
            })
            .collect();
        let doc_of = |sha: &str| match docs.get(sha) {
            Some((id, label)) => (Some(*id), label.clone()),
            None => (None, format!("not stored ({})", &sha[..sha.len().min(12)])),
        };
        let mut out = Vec::new();

        let mut stmt = self.conn.prepare_cached(
            "SELECT id, document_sha256, changes, owner, note, revision, updated_at, carried_from
             FROM document_corrections ORDER BY id",
        )?;
        type DocRow = (
            i64,
            String,
            String,
            Option<String>,
            Option<String>,
            i64,
            String,
            Option<i64>,
        );
        let rows: Vec<DocRow> = stmt
            .query_map([], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                    r.get(7)?,
                ))
            })?
            .collect::<Result<_, _>>()?;
        for (id, sha, changes, owner, note, revision, updated_at, carried_from) in rows {
            let (document_id, label) = doc_of(&sha);
            if document.is_some() && document != document_id {
                continue;
            }
            let changes: DocumentChanges = parse_changes(&changes)?;
            if changes.is_empty() {
                continue;
            }
            let detected = self.detected(&sha)?;
            out.push(CorrectionEntry {
                id,
                scope: CorrectionScope::Document,
                document_id,
                document: label,
                sha256: sha,
                target_id: None,
                quote: None,
                changes: document_fields(detected.as_ref(), &changes),
                owner,
                note,
                revision,
                updated_at,
                orphaned: false,
                carried_from,
            });
        }

        let mut stmt = self.conn.prepare_cached(
            "SELECT id, document_sha256, quote, value, unit, path, occurrence, changes, owner,
                note, revision, updated_at, orphaned, carried_from
             FROM figure_corrections ORDER BY id",
        )?;
        type FigRow = (
            i64,
            String,
            FigureAnchor,
            String,
            (Option<String>, Option<String>, i64, String),
            (bool, Option<i64>),
        );
        let rows: Vec<FigRow> = stmt
            .query_map([], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    FigureAnchor {
                        quote: r.get(2)?,
                        value: r.get(3)?,
                        unit: r.get(4)?,
                        path: r.get(5)?,
                        occurrence: r.get(6)?,
                    },
                    r.get(7)?,
                    (r.get(8)?, r.get(9)?, r.get(10)?, r.get(11)?),
                    (r.get::<_, i64>(12)? != 0, r.get(13)?),
                ))
            })?
            .collect::<Result<_, _>>()?;
        let mut targets: HashMap<i64, Vec<StoredTarget>> = HashMap::new();
        for (id, sha, anchor, changes, (owner, note, revision, updated_at), (orphaned, from)) in
            rows
        {
            let (document_id, label) = doc_of(&sha);
            if document.is_some() && document != document_id {
                continue;
            }
            let changes: FigureChanges = parse_changes(&changes)?;
            if changes.is_empty() {
                continue;
            }
            let stored = match document_id {
                Some(d) => {
                    if let std::collections::hash_map::Entry::Vacant(e) = targets.entry(d) {
                        e.insert(self.targets(&TargetFilter {
                            document: Some(d),
                            include_excluded: true,
                            ..TargetFilter::default()
                        })?);
                    }
                    targets[&d].iter().find(|t| t.correction_id == Some(id))
                }
                None => None,
            };
            let before = stored.map(|t| t.original.as_ref().unwrap_or(&t.target));
            let merged_into = match stored.and_then(|t| t.excluded) {
                Some(Exclusion::MergedInto { target_id }) => Some(target_id),
                _ => None,
            };
            out.push(CorrectionEntry {
                id,
                scope: CorrectionScope::Figure,
                document_id,
                document: label,
                sha256: sha,
                target_id: stored.map(|t| t.id),
                quote: Some(anchor.quote.clone()),
                changes: figure_fields(before, &anchor, &changes, merged_into),
                owner,
                note,
                revision,
                updated_at,
                orphaned,
                carried_from: from,
            });
        }
        out.sort_by_key(|e| {
            (
                e.document_id.is_none(),
                e.document_id,
                e.scope == CorrectionScope::Figure,
                e.id,
            )
        });
        Ok(out)
    }

    fn detected(&self, sha: &str) -> Result<Option<Detected>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT title, city, province, kind, period_start, period_end, issuer, doc_number
                 FROM documents WHERE sha256 = ?1",
                params![sha],
                |r| {
                    let start: Option<i32> = r.get(4)?;
                    let end: Option<i32> = r.get(5)?;
                    let kind: String = r.get(3)?;
                    Ok(Detected {
                        title: r.get(0)?,
                        city: r.get(1)?,
                        province: r.get(2)?,
                        kind: PlanKind::parse(&kind).map_or(kind, |k| k.as_str().to_string()),
                        period: start.map(|s| Period {
                            start: s,
                            end: end.unwrap_or(s),
                        }),
                        issuer: r.get(6)?,
                        doc_number: r.get(7)?,
                    })
                },
            )
            .optional()?)
    }
}

impl StoredTarget {
    /// What the user changed on this figure, field by field (as extracted →
    /// as corrected), for people: a figure left out of comparisons first
    /// (`not_a_target`, or `merge_into` naming the figure kept), then each
    /// field that differs from the extraction. Empty when not corrected.
    pub fn changes(&self) -> Vec<FieldChange> {
        let mut out = Vec::new();
        let mut push = |field: &str, before: String, after: String| {
            out.push(FieldChange {
                field: field.into(),
                before,
                after,
            })
        };
        match self.excluded {
            Some(Exclusion::NotATarget) => {
                push("not_a_target", "target".into(), "not a target".into())
            }
            Some(Exclusion::MergedInto { target_id }) => push(
                "merge_into",
                "separate".into(),
                format!("same target as #{target_id}"),
            ),
            None => {}
        }
        let Some(o) = &self.original else {
            return out;
        };
        let t = &self.target;
        let num = |v: &Option<f64>| opt(v, |x| format_number(*x));
        if o.indicator_id != t.indicator_id {
            push(
                "indicator_id",
                opt(&o.indicator_id, String::clone),
                opt(&t.indicator_id, String::clone),
            );
        }
        if o.value.to_bits() != t.value.to_bits() {
            push("value", format_number(o.value), format_number(t.value));
        }
        if o.value_high != t.value_high {
            push("value_high", num(&o.value_high), num(&t.value_high));
        }
        if o.unit != t.unit {
            push("unit", o.unit.clone(), t.unit.clone());
        }
        if o.qualifier != t.qualifier {
            push("qualifier", name(&o.qualifier), name(&t.qualifier));
        }
        if o.kind != t.kind {
            push("kind", name(&o.kind), name(&t.kind));
        }
        if o.role != t.role {
            push("role", name(&o.role), name(&t.role));
        }
        if o.year != t.year {
            push(
                "year",
                opt(&o.year, i32::to_string),
                opt(&t.year, i32::to_string),
            );
        }
        out
    }
}
