//! Task items by theme, for the coverage view's "click a cell" listing, and
//! one task item's text for side-by-side reading.

use rusqlite::{params, OptionalExtension};

use super::{Store, StoreError};

/// A task item under a theme, with its text.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ThemedTask {
    /// `task_items.id`.
    pub task_id: i64,
    /// Its document.
    pub document_id: i64,
    /// Section path, e.g. `二/(三)/6`.
    pub path: String,
    /// Heading or first sentence.
    pub title: String,
    /// Full text of the item.
    pub body: String,
    /// Character offset of the item in the document text.
    pub start: usize,
    /// Confidence of the theme (1 for a theme the user added).
    pub confidence: f64,
    /// `auto` (classifier) or `user` (override).
    pub source: String,
    /// Targets inside the item.
    pub targets: usize,
}

/// One task item's text and place.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct TaskText {
    /// `task_items.id`.
    pub task_id: i64,
    /// Its document.
    pub document_id: i64,
    /// Position among the document's task items.
    pub ordinal: usize,
    /// Section path.
    pub path: String,
    /// Heading or first sentence.
    pub title: String,
    /// Full text of the item.
    pub body: String,
    /// Character offset of the item in the document text.
    pub start: usize,
}

impl Store {
    /// The task items with theme `theme` in force, in the given documents
    /// (all when empty), by document then position.
    pub fn theme_tasks(
        &self,
        theme: &str,
        documents: &[i64],
    ) -> Result<Vec<ThemedTask>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT t.id, t.document_id, t.path, t.title, t.body, t.start_char,
                    e.confidence, e.source,
                    (SELECT count(*) FROM targets g
                     WHERE g.document_id = t.document_id AND g.task = t.ordinal)
             FROM task_themes_effective e JOIN task_items t ON t.id = e.task_id
             WHERE e.theme = ?1
             ORDER BY t.document_id, t.ordinal",
        )?;
        let rows = stmt.query_map(params![theme], |r| {
            Ok(ThemedTask {
                task_id: r.get(0)?,
                document_id: r.get(1)?,
                path: r.get(2)?,
                title: r.get(3)?,
                body: r.get(4)?,
                start: r.get::<_, i64>(5)?.max(0) as usize,
                confidence: r.get(6)?,
                source: r.get(7)?,
                targets: r.get::<_, i64>(8)?.max(0) as usize,
            })
        })?;
        let mut out = Vec::new();
        for row in rows {
            let t = row?;
            if documents.is_empty() || documents.contains(&t.document_id) {
                out.push(t);
            }
        }
        Ok(out)
    }

    /// One task item's text and place.
    pub fn task_text(&self, task_id: i64) -> Result<TaskText, StoreError> {
        self.conn
            .prepare_cached(
                "SELECT document_id, ordinal, path, title, body, start_char
                 FROM task_items WHERE id = ?1",
            )?
            .query_row([task_id], |r| {
                Ok(TaskText {
                    task_id,
                    document_id: r.get(0)?,
                    ordinal: r.get::<_, i64>(1)?.max(0) as usize,
                    path: r.get(2)?,
                    title: r.get(3)?,
                    body: r.get(4)?,
                    start: r.get::<_, i64>(5)?.max(0) as usize,
                })
            })
            .optional()?
            .ok_or(StoreError::NoSuchTask(task_id))
    }
}
