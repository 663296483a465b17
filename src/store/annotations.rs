//! The user's annotations on task items, with an append-only history.
//!
//! Every save that changes something appends a revision; restoring an old
//! revision appends a new one with the old content. Nothing is ever deleted.

use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use super::{Store, StoreError};

/// What a planner decided about a task item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum AnnotationStatus {
    /// 待定.
    #[default]
    Undecided,
    /// 采纳: take it over.
    Adopt,
    /// 借鉴: take it over with changes.
    Adapt,
    /// 不适用.
    NotApplicable,
}

impl AnnotationStatus {
    /// The snake_case name used in SQL and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            AnnotationStatus::Undecided => "undecided",
            AnnotationStatus::Adopt => "adopt",
            AnnotationStatus::Adapt => "adapt",
            AnnotationStatus::NotApplicable => "not_applicable",
        }
    }

    /// Parses the snake_case name.
    pub fn parse(s: &str) -> Option<AnnotationStatus> {
        Some(match s {
            "undecided" => AnnotationStatus::Undecided,
            "adopt" => AnnotationStatus::Adopt,
            "adapt" => AnnotationStatus::Adapt,
            "not_applicable" => AnnotationStatus::NotApplicable,
            _ => return None,
        })
    }

    /// The Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            AnnotationStatus::Undecided => "待定",
            AnnotationStatus::Adopt => "采纳",
            AnnotationStatus::Adapt => "借鉴",
            AnnotationStatus::NotApplicable => "不适用",
        }
    }

    /// The English label (the app's wording).
    pub fn label_en(self) -> &'static str {
        match self {
            AnnotationStatus::Undecided => "Undecided",
            AnnotationStatus::Adopt => "Adopt",
            AnnotationStatus::Adapt => "Adapt",
            AnnotationStatus::NotApplicable => "Not applicable",
        }
    }
}

/// The editable content of an annotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct AnnotationDraft {
    /// Decision.
    pub status: AnnotationStatus,
    /// 1 (high) to 3 (low), or none.
    pub priority: Option<u8>,
    /// Free tags.
    pub tags: Vec<String>,
    /// Free text.
    pub note: String,
    /// Who is responsible.
    pub owner: String,
}

/// An annotation as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotation {
    /// Annotation id.
    pub id: i64,
    /// Id of the task item (in `task_items`) it is attached to, if that item
    /// is stored now.
    pub task_id: Option<i64>,
    /// Content.
    #[serde(flatten)]
    pub draft: AnnotationDraft,
    /// Revision number, 1 for the first save.
    pub revision: i64,
    /// Time of the last change (UTC).
    pub updated_at: String,
    /// The task item it was written for is gone from the current version.
    pub orphaned: bool,
}

/// One entry of an annotation's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnnotationRevision {
    /// Revision number.
    pub revision: i64,
    /// Content at that revision.
    #[serde(flatten)]
    pub draft: AnnotationDraft,
    /// When it was saved (UTC).
    pub saved_at: String,
}

/// Which annotated items to list.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct AnnotationFilter {
    /// Only this status.
    pub status: Option<AnnotationStatus>,
    /// Only documents of this city.
    pub city: Option<String>,
    /// Only annotations with this tag.
    pub tag: Option<String>,
    /// Only this document.
    pub document: Option<i64>,
}

/// An annotated task item with its context, for lists and exports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnnotatedItem {
    /// The annotation.
    pub annotation: Annotation,
    /// Document id.
    pub document_id: i64,
    /// City of the document.
    pub city: Option<String>,
    /// Title of the document as shown everywhere (the user's corrections
    /// applied; city, period and kind when the plan has no title).
    pub document_title: Option<String>,
    /// The document's period (`2023`, `2021–2025`), corrections applied.
    pub period: Option<String>,
    /// Section path of the task item.
    pub path: String,
    /// Task item title.
    pub task_title: String,
    /// Task item text.
    pub task_text: String,
    /// Quotes of the figures in the task item.
    pub figures: Vec<String>,
}

const ANNOTATION_COLUMNS: &str = "a.id, t.id, a.status, a.priority, a.tags, a.note, a.owner,
    a.revision, a.updated_at, a.orphaned";

/// Joins an annotation to the stored task item it is anchored to.
const ANCHOR_JOIN: &str = "LEFT JOIN documents d ON d.sha256 = a.document_sha256
    LEFT JOIN task_items t ON t.document_id = d.id AND t.ordinal = a.task_ordinal";

impl Store {
    /// The annotation of a task item, if any.
    pub fn annotation(&self, task_id: i64) -> Result<Option<Annotation>, StoreError> {
        let sql =
            format!("SELECT {ANNOTATION_COLUMNS} FROM annotations a {ANCHOR_JOIN} WHERE t.id = ?1");
        let row = self
            .conn
            .prepare_cached(&sql)?
            .query_row([task_id], annotation_from_row)
            .optional()?;
        row.transpose()
    }

    /// Saves an annotation on a task item. A save that changes nothing adds
    /// no revision.
    pub fn save_annotation(
        &mut self,
        task_id: i64,
        draft: &AnnotationDraft,
    ) -> Result<Annotation, StoreError> {
        let tx = self.conn.transaction()?;
        let anchor: Option<(String, i64, String, String)> = tx
            .query_row(
                "SELECT d.sha256, t.ordinal, t.path, t.title FROM task_items t
                 JOIN documents d ON d.id = t.document_id WHERE t.id = ?1",
                [task_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        let (sha, ordinal, path, title) = anchor.ok_or(StoreError::NoSuchTask(task_id))?;
        let current: Option<(i64, i64, AnnotationDraft)> = tx
            .query_row(
                "SELECT id, revision, status, priority, tags, note, owner FROM annotations
                 WHERE document_sha256 = ?1 AND task_ordinal = ?2",
                params![sha, ordinal],
                |r| Ok((r.get(0)?, r.get(1)?, draft_from_row(r, 2)?)),
            )
            .optional()?;
        let tags = serde_json::to_string(&draft.tags).unwrap_or_else(|_| "[]".into());
        let (id, revision) = match current {
            Some((id, rev, old)) if old == *draft => (id, rev),
            Some((id, rev, _)) => {
                tx.execute(
                    "UPDATE annotations SET status = ?2, priority = ?3, tags = ?4, note = ?5,
                        owner = ?6, revision = ?7, orphaned = 0,
                        updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
                     WHERE id = ?1",
                    params![
                        id,
                        draft.status.as_str(),
                        draft.priority,
                        tags,
                        draft.note,
                        draft.owner,
                        rev + 1
                    ],
                )?;
                (id, rev + 1)
            }
            None => {
                tx.execute(
                    "INSERT INTO annotations (document_sha256, task_ordinal, task_path, task_title,
                        status, priority, tags, note, owner, revision, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 1,
                        strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
                    params![
                        sha,
                        ordinal,
                        path,
                        title,
                        draft.status.as_str(),
                        draft.priority,
                        tags,
                        draft.note,
                        draft.owner
                    ],
                )?;
                (tx.last_insert_rowid(), 1)
            }
        };
        tx.execute(
            "INSERT OR IGNORE INTO annotation_history (annotation_id, revision, status, priority,
                tags, note, owner, saved_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
            params![
                id,
                revision,
                draft.status.as_str(),
                draft.priority,
                tags,
                draft.note,
                draft.owner
            ],
        )?;
        tx.commit()?;
        self.annotation(task_id)?
            .ok_or(StoreError::NoSuchTask(task_id))
    }

    /// The history of a task item's annotation, oldest first.
    pub fn annotation_history(&self, task_id: i64) -> Result<Vec<AnnotationRevision>, StoreError> {
        let Some(a) = self.annotation(task_id)? else {
            return Ok(Vec::new());
        };
        let mut stmt = self.conn.prepare_cached(
            "SELECT revision, status, priority, tags, note, owner, saved_at
             FROM annotation_history WHERE annotation_id = ?1 ORDER BY revision",
        )?;
        let rows = stmt.query_map([a.id], |r| {
            Ok(AnnotationRevision {
                revision: r.get(0)?,
                draft: draft_from_row(r, 1)?,
                saved_at: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Restores an earlier revision by saving its content as a new revision.
    pub fn restore_annotation(
        &mut self,
        task_id: i64,
        revision: i64,
    ) -> Result<Annotation, StoreError> {
        let old = self
            .annotation_history(task_id)?
            .into_iter()
            .find(|r| r.revision == revision)
            .ok_or(StoreError::NoSuchRevision { task_id, revision })?;
        self.save_annotation(task_id, &old.draft)
    }

    /// Annotated task items with their context, in document and item order.
    pub fn annotated_items(
        &self,
        filter: &AnnotationFilter,
    ) -> Result<Vec<AnnotatedItem>, StoreError> {
        let sql = format!(
            "SELECT {ANNOTATION_COLUMNS}, d.id, d.city, d.title, t.path, t.title, t.body
             FROM annotations a {ANCHOR_JOIN}
             WHERE t.id IS NOT NULL
               AND (?1 IS NULL OR a.status = ?1)
               AND (?2 IS NULL OR d.city = ?2 OR d.city = ?2 || '市')
               AND (?3 IS NULL OR d.id = ?3)
             ORDER BY d.city, d.id, t.ordinal"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(
            params![
                filter.status.map(|s| s.as_str()),
                filter.city,
                filter.document
            ],
            |r| {
                Ok((
                    annotation_from_row(r)?,
                    r.get::<_, i64>(10)?,
                    r.get::<_, Option<String>>(11)?,
                    r.get::<_, Option<String>>(12)?,
                    r.get::<_, String>(13)?,
                    r.get::<_, String>(14)?,
                    r.get::<_, String>(15)?,
                ))
            },
        )?;
        let mut out = Vec::new();
        // The document's metadata with the user's corrections, once per document.
        let mut metas: std::collections::HashMap<i64, crate::model::DocumentMeta> =
            std::collections::HashMap::new();
        for row in rows {
            let (annotation, document_id, _city, _title, path, task_title, task_text) = row?;
            let annotation = annotation?;
            if let Some(tag) = &filter.tag {
                if !annotation.draft.tags.iter().any(|t| t == tag) {
                    continue;
                }
            }
            let figures = self.task_figures(document_id, annotation.task_id)?;
            if let std::collections::hash_map::Entry::Vacant(e) = metas.entry(document_id) {
                e.insert(self.summary(document_id)?.meta);
            }
            let meta = &metas[&document_id];
            out.push(AnnotatedItem {
                annotation,
                document_id,
                city: meta.city.clone(),
                document_title: Some(meta.display_title()),
                period: meta.period.map(|p| p.to_string()),
                path,
                task_title,
                task_text,
                figures,
            });
        }
        Ok(out)
    }

    fn task_figures(
        &self,
        document_id: i64,
        task_id: Option<i64>,
    ) -> Result<Vec<String>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT g.quote FROM targets g JOIN task_items t
                ON t.document_id = g.document_id AND t.ordinal = g.task
             WHERE g.document_id = ?1 AND t.id = ?2 ORDER BY g.ordinal",
        )?;
        let rows = stmt.query_map(params![document_id, task_id], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

fn draft_from_row(r: &Row<'_>, at: usize) -> rusqlite::Result<AnnotationDraft> {
    let status: String = r.get(at)?;
    let tags: String = r.get(at + 2)?;
    Ok(AnnotationDraft {
        status: AnnotationStatus::parse(&status).unwrap_or_default(),
        priority: r.get(at + 1)?,
        tags: serde_json::from_str(&tags).unwrap_or_default(),
        note: r.get(at + 3)?,
        owner: r.get(at + 4)?,
    })
}

fn annotation_from_row(r: &Row<'_>) -> rusqlite::Result<Result<Annotation, StoreError>> {
    let status: String = r.get(2)?;
    if AnnotationStatus::parse(&status).is_none() {
        return Ok(Err(StoreError::InvalidValue {
            column: "annotations.status",
            value: status,
        }));
    }
    Ok(Ok(Annotation {
        id: r.get(0)?,
        task_id: r.get(1)?,
        draft: draft_from_row(r, 2)?,
        revision: r.get(7)?,
        updated_at: r.get(8)?,
        orphaned: r.get::<_, i64>(9)? != 0,
    }))
}
