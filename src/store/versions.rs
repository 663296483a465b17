//! Document versions, table provenance of targets, and annotations and theme
//! overrides that follow their task items to a new version.
//!
//! A document whose city, kind and period match a stored one but whose bytes
//! differ is that document's next version. Both are kept. In the same
//! transaction that stores the new version, each annotation of the previous
//! version is matched to a task item of the new one by section path and text
//! similarity (character-bigram Dice coefficient over title and text):
//! - same section path and similarity ≥ [`SAME_PATH_MIN`], or any path and
//!   similarity ≥ [`MOVED_MIN`] (an item that moved), best pairs first, one
//!   annotation per item: the annotation moves to the new item;
//! - otherwise the annotation stays on the old version's item, marked
//!   orphaned. Nothing is deleted; every move is logged in
//!   `annotation_moves`.
//!
//! The user's theme overrides (kept by document SHA-256 and task ordinal)
//! follow the same matching: they are copied to the matched item of the new
//! version, and the old version keeps its own.

use std::collections::HashSet;

use rusqlite::{params, OptionalExtension, Transaction};
use serde::Serialize;

use super::{ImportOutcome, NewDocument, Store, StoreError};
use crate::formats::tables::{self, Binding, CellRef, TargetCell};
use crate::formats::TableLayout;
use crate::model::TaskItem;

/// Least similarity for an annotation to follow an item at the same path.
pub const SAME_PATH_MIN: f64 = 0.5;
/// Least similarity for an annotation to follow an item to another path.
pub const MOVED_MIN: f64 = 0.8;

/// What the store keeps about a document besides its analysis.
#[derive(Debug, Clone, Copy)]
pub struct ImportExtras<'a> {
    /// Format it was read from (`text`, `docx`, `pdf`, `html`).
    pub format: &'a str,
    /// Table provenance of targets, by target index.
    pub cells: &'a [TargetCell],
}

impl Default for ImportExtras<'_> {
    fn default() -> Self {
        ImportExtras {
            format: "text",
            cells: &[],
        }
    }
}

/// The result of storing a new version of a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VersionInfo {
    /// Version number of the new document (2 for the first change).
    pub version: i64,
    /// Id of the version it replaces.
    pub previous_id: i64,
    /// Annotations moved to the new version.
    pub reanchored: usize,
    /// Annotations left on the old version, marked orphaned.
    pub orphaned: usize,
    /// Theme overrides copied to the matching task items of the new version.
    pub theme_overrides: usize,
    /// Figure corrections carried to the figures found again in the new
    /// version.
    pub corrections_carried: usize,
    /// Figure corrections whose figure is gone from the new version: kept on
    /// the old version, marked orphaned.
    pub corrections_orphaned: usize,
}

/// One version of a document, for listings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocumentVersion {
    /// Document id.
    pub id: i64,
    /// Version number, 1 for the first.
    pub version: i64,
    /// Format it was read from.
    pub format: String,
    /// SHA-256 of its bytes.
    pub sha256: String,
    /// When it was imported.
    pub imported_at: String,
}

/// City, kind, period start and end: what makes documents versions of one.
type FamilyKey = (Option<String>, String, Option<i64>, Option<i64>);

/// A target's table cell as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredTargetCell {
    /// Ordinal of the target in its document.
    pub target_ordinal: i64,
    /// The cell.
    pub cell: CellRef,
    /// 约束性/预期性, if known.
    pub binding: Option<Binding>,
}

impl Store {
    /// Stores a document with its extras in one transaction; when it is a
    /// changed version of a stored document, records the version and moves
    /// the annotations (returned as [`VersionInfo`]).
    pub fn import_versioned(
        &mut self,
        doc: &NewDocument<'_>,
        extras: &ImportExtras<'_>,
    ) -> Result<(ImportOutcome, Option<VersionInfo>), StoreError> {
        let tx = self.conn.transaction()?;
        let existing: Option<i64> = tx
            .query_row(
                "SELECT id FROM documents WHERE sha256 = ?1",
                [doc.sha256],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(id) = existing {
            return Ok((ImportOutcome::AlreadyPresent(id), None));
        }
        let previous = previous_version(&tx, doc)?;
        let id = super::documents::insert_document(&tx, doc)?;
        super::documents::insert_plan(&tx, id, doc.plan)?;
        super::targets::insert_targets(&tx, id, doc.targets)?;
        super::search::index_document(&tx, id, doc.text, doc.plan)?;
        let mut stmt = tx.prepare_cached(
            "INSERT INTO target_cells (document_id, target_ordinal, table_index, row_index,
                column_index, binding) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        for c in extras.cells {
            stmt.execute(params![
                id,
                c.target as i64,
                c.cell.table as i64,
                c.cell.row as i64,
                c.cell.column as i64,
                c.binding.map(Binding::as_str)
            ])?;
        }
        drop(stmt);
        let version = match &previous {
            Some((prev_id, _)) => {
                let v: Option<i64> = tx
                    .query_row(
                        "SELECT version FROM document_versions WHERE document_id = ?1",
                        [prev_id],
                        |r| r.get(0),
                    )
                    .optional()?;
                v.unwrap_or(1) + 1
            }
            None => 1,
        };
        tx.execute(
            "INSERT INTO document_versions (document_id, format, version, previous_id,
                previous_sha256) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                id,
                extras.format,
                version,
                previous.as_ref().map(|p| p.0),
                previous.as_ref().map(|p| p.1.clone())
            ],
        )?;
        let info = match previous {
            Some((prev_id, prev_sha)) => {
                let (reanchored, orphaned, theme_overrides) =
                    reanchor(&tx, &prev_sha, prev_id, doc.sha256, &doc.plan.tasks)?;
                let carried = super::corrections::carry::carry_corrections(
                    &tx,
                    &prev_sha,
                    prev_id,
                    doc.sha256,
                    doc.targets,
                )?;
                Some(VersionInfo {
                    version,
                    previous_id: prev_id,
                    reanchored,
                    orphaned,
                    theme_overrides,
                    corrections_carried: carried.figures,
                    corrections_orphaned: carried.orphaned,
                })
            }
            None => None,
        };
        tx.commit()?;
        self.documents_changed();
        Ok((ImportOutcome::Imported(id), info))
    }

    /// All versions of the document `id` belongs to, oldest first.
    pub fn versions(&self, id: i64) -> Result<Vec<DocumentVersion>, StoreError> {
        let key: Option<FamilyKey> = self
            .conn
            .query_row(
                "SELECT city, kind, period_start, period_end FROM documents WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        let (city, kind, start, end) = key.ok_or(StoreError::NoSuchDocument(id))?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT d.id, coalesce(v.version, 1), coalesce(v.format, 'text'), d.sha256,
                d.imported_at
             FROM documents d LEFT JOIN document_versions v ON v.document_id = d.id
             WHERE (d.id = ?1) OR (?2 IS NOT NULL AND ?4 IS NOT NULL AND d.city = ?2
                AND d.kind = ?3 AND d.period_start = ?4 AND d.period_end IS ?5)
             ORDER BY d.id",
        )?;
        let rows = stmt.query_map(params![id, city, kind, start, end], |r| {
            Ok(DocumentVersion {
                id: r.get(0)?,
                version: r.get(1)?,
                format: r.get(2)?,
                sha256: r.get(3)?,
                imported_at: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The table cells targets of a document were read from.
    pub fn target_cells(&self, id: i64) -> Result<Vec<StoredTargetCell>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT target_ordinal, table_index, row_index, column_index, binding
             FROM target_cells WHERE document_id = ?1 ORDER BY target_ordinal",
        )?;
        let rows = stmt.query_map([id], |r| {
            let binding: Option<String> = r.get(4)?;
            Ok(StoredTargetCell {
                target_ordinal: r.get(0)?,
                cell: CellRef {
                    table: r.get::<_, i64>(1)? as usize,
                    row: r.get::<_, i64>(2)? as usize,
                    column: r.get::<_, i64>(3)? as usize,
                },
                binding: binding.as_deref().and_then(Binding::parse),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The tables that targets of a document were read from, found again in
    /// its stored text from their cells (see
    /// [`crate::formats::tables::layouts_in_text`]), with their table index.
    /// Empty for a document without table targets.
    pub fn document_tables(&self, id: i64) -> Result<Vec<(usize, TableLayout)>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.table_index, c.row_index, c.column_index, t.start_char
             FROM target_cells c
             JOIN targets t ON t.document_id = c.document_id AND t.ordinal = c.target_ordinal
             WHERE c.document_id = ?1 ORDER BY c.target_ordinal",
        )?;
        let anchors: Vec<(CellRef, usize)> = stmt
            .query_map([id], |r| {
                Ok((
                    CellRef {
                        table: r.get::<_, i64>(0)?.max(0) as usize,
                        row: r.get::<_, i64>(1)?.max(0) as usize,
                        column: r.get::<_, i64>(2)?.max(0) as usize,
                    },
                    r.get::<_, i64>(3)?.max(0) as usize,
                ))
            })?
            .collect::<Result<_, _>>()?;
        if anchors.is_empty() {
            self.summary(id)?;
            return Ok(Vec::new());
        }
        let text: String =
            self.conn
                .query_row("SELECT raw_text FROM documents WHERE id = ?1", [id], |r| {
                    r.get(0)
                })?;
        Ok(tables::layouts_in_text(&text, &anchors))
    }

    /// The format a document was read from (`text` for documents stored
    /// before formats were recorded).
    pub fn document_format(&self, id: i64) -> Result<String, StoreError> {
        self.summary(id)?;
        let f: Option<String> = self
            .conn
            .query_row(
                "SELECT format FROM document_versions WHERE document_id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()?;
        Ok(f.unwrap_or_else(|| "text".into()))
    }
}

/// The latest stored document with the same city, kind and period.
fn previous_version(
    tx: &Transaction<'_>,
    doc: &NewDocument<'_>,
) -> Result<Option<(i64, String)>, StoreError> {
    let (Some(city), Some(period)) = (doc.meta.city.as_deref(), doc.meta.period) else {
        return Ok(None);
    };
    Ok(tx
        .query_row(
            "SELECT id, sha256 FROM documents WHERE city = ?1 AND kind = ?2
                AND period_start = ?3 AND period_end = ?4 AND sha256 <> ?5
             ORDER BY id DESC LIMIT 1",
            params![
                city,
                doc.meta.kind.as_str(),
                period.start,
                period.end,
                doc.sha256
            ],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// One task item of the previous version that carries something of the
/// user's: an annotation, theme overrides, or both.
struct OldItem {
    ordinal: i64,
    path: String,
    /// Title and text, for the similarity.
    text: String,
}

/// Matches old task items to the new version's task items: same section path
/// and similarity ≥ [`SAME_PATH_MIN`], or similarity ≥ [`MOVED_MIN`]; best
/// pairs first, each item used once. Returns, per old item, the index of its
/// new item and the score.
fn match_items(olds: &[OldItem], tasks: &[TaskItem]) -> Vec<Option<(usize, f64)>> {
    let new_texts: Vec<String> = tasks
        .iter()
        .map(|t| format!("{}{}", t.title, t.text))
        .collect();
    // Every acceptable pair, best first.
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (oi, o) in olds.iter().enumerate() {
        for (ti, t) in tasks.iter().enumerate() {
            let sim = similarity(&o.text, &new_texts[ti]);
            let same_path = t.path == o.path;
            if (same_path && sim >= SAME_PATH_MIN) || sim >= MOVED_MIN {
                // A match at the same path wins a tie.
                let score = sim + if same_path { 0.05 } else { 0.0 };
                pairs.push((score, oi, ti));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut matched = vec![None; olds.len()];
    let mut used_new = HashSet::new();
    for (score, oi, ti) in pairs {
        if matched[oi].is_some() || used_new.contains(&ti) {
            continue;
        }
        used_new.insert(ti);
        matched[oi] = Some((ti, score.min(1.0)));
    }
    matched
}

/// The previous version's task items that carry an annotation or a theme
/// override, by ordinal, with their path and text (an annotation whose item
/// is gone keeps the path and title it recorded).
fn old_items(
    tx: &Transaction<'_>,
    prev_sha: &str,
    prev_id: i64,
) -> Result<Vec<OldItem>, StoreError> {
    let mut stmt = tx.prepare_cached(
        "WITH marked(ordinal) AS (
             SELECT task_ordinal FROM annotations WHERE document_sha256 = ?1
             UNION SELECT task_ordinal FROM theme_overrides WHERE sha256 = ?1)
         SELECT m.ordinal, coalesce(t.path, a.task_path, ''),
                coalesce(t.title, a.task_title, ''), coalesce(t.body, '')
         FROM marked m
         LEFT JOIN task_items t ON t.document_id = ?2 AND t.ordinal = m.ordinal
         LEFT JOIN annotations a ON a.document_sha256 = ?1 AND a.task_ordinal = m.ordinal
         ORDER BY m.ordinal",
    )?;
    let rows = stmt.query_map(params![prev_sha, prev_id], |r| {
        let title: String = r.get(2)?;
        let body: String = r.get(3)?;
        Ok(OldItem {
            ordinal: r.get(0)?,
            path: r.get(1)?,
            text: format!("{title}{body}"),
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Carries the user's work from the previous version to the new one, by one
/// matching of task items ([`match_items`]): annotations move to the matching
/// items (the rest stay, marked orphaned); theme overrides are copied to the
/// matching items (the old version keeps its own; an item without a match
/// gets none, and the new bytes' own overrides, if any, win). Returns
/// (annotations moved, annotations orphaned, theme overrides copied).
fn reanchor(
    tx: &Transaction<'_>,
    prev_sha: &str,
    prev_id: i64,
    new_sha: &str,
    tasks: &[TaskItem],
) -> Result<(usize, usize, usize), StoreError> {
    let olds = old_items(tx, prev_sha, prev_id)?;
    if olds.is_empty() {
        return Ok((0, 0, 0));
    }
    let matched = match_items(&olds, tasks);
    let target = |ordinal: i64| {
        olds.iter()
            .position(|o| o.ordinal == ordinal)
            .and_then(|oi| matched[oi])
    };

    let annotations: Vec<(i64, i64)> = tx
        .prepare_cached(
            "SELECT id, task_ordinal FROM annotations WHERE document_sha256 = ?1 ORDER BY id",
        )?
        .query_map([prev_sha], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let (mut moved, mut orphaned) = (0, 0);
    for (id, ordinal) in annotations {
        match target(ordinal) {
            Some((ti, score)) => {
                let t = &tasks[ti];
                tx.execute(
                    "UPDATE annotations SET document_sha256 = ?2, task_ordinal = ?3,
                        task_path = ?4, task_title = ?5, orphaned = 0 WHERE id = ?1",
                    params![id, new_sha, ti as i64, t.path, t.title],
                )?;
                log_move(tx, id, prev_sha, ordinal, Some((new_sha, ti as i64)), score)?;
                moved += 1;
            }
            None => {
                tx.execute("UPDATE annotations SET orphaned = 1 WHERE id = ?1", [id])?;
                log_move(tx, id, prev_sha, ordinal, None, 0.0)?;
                orphaned += 1;
            }
        }
    }

    let overrides: Vec<(i64, String, bool, String)> = tx
        .prepare_cached(
            "SELECT task_ordinal, theme, assigned, set_at FROM theme_overrides
             WHERE sha256 = ?1 ORDER BY task_ordinal, theme",
        )?
        .query_map([prev_sha], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?
        .collect::<Result<_, _>>()?;
    let mut copied = 0;
    for (ordinal, theme, assigned, set_at) in overrides {
        if let Some((ti, _)) = target(ordinal) {
            copied += tx.execute(
                "INSERT OR IGNORE INTO theme_overrides (sha256, task_ordinal, theme, assigned,
                    set_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![new_sha, ti as i64, theme, assigned, set_at],
            )?;
        }
    }
    Ok((moved, orphaned, copied))
}

fn log_move(
    tx: &Transaction<'_>,
    annotation: i64,
    from_sha: &str,
    from_ordinal: i64,
    to: Option<(&str, i64)>,
    similarity: f64,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO annotation_moves (annotation_id, from_sha256, from_ordinal, to_sha256,
            to_ordinal, similarity, moved_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
        params![
            annotation,
            from_sha,
            from_ordinal,
            to.map(|t| t.0),
            to.map(|t| t.1),
            similarity
        ],
    )?;
    Ok(())
}

/// Dice coefficient of the character bigrams of two texts, ignoring
/// whitespace and punctuation; 1.0 for equal texts.
pub fn similarity(a: &str, b: &str) -> f64 {
    fn grams(s: &str) -> Vec<(char, char)> {
        let chars: Vec<char> = s.chars().filter(|c| c.is_alphanumeric()).collect();
        let mut g: Vec<(char, char)> = chars.windows(2).map(|w| (w[0], w[1])).collect();
        g.sort_unstable();
        g
    }
    let (ga, gb) = (grams(a), grams(b));
    if ga.is_empty() && gb.is_empty() {
        let (x, y): (String, String) = (
            a.chars().filter(|c| c.is_alphanumeric()).collect(),
            b.chars().filter(|c| c.is_alphanumeric()).collect(),
        );
        return if x == y { 1.0 } else { 0.0 };
    }
    // Multiset intersection of two sorted lists.
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < ga.len() && j < gb.len() {
        match ga[i].cmp(&gb[j]) {
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    2.0 * common as f64 / (ga.len() + gb.len()) as f64
}

#[cfg(test)]
mod tests {
    use super::similarity;

    #[test]
    fn similarity_bounds() {
        assert_eq!(
            similarity("支持企业建设研发机构", "支持企业建设研发机构"),
            1.0
        );
        assert_eq!(similarity("", ""), 1.0);
        assert_eq!(similarity("研发", "人才"), 0.0);
        let s = similarity("支持企业建设研发机构。", "支持企业新建研发机构100家。");
        assert!(s > 0.5 && s < 1.0, "{s}");
    }
}
