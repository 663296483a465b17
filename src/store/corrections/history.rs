//! The append-only history shared by figure and document corrections.
//!
//! Every change appends a revision. Undo brings back the content before the
//! revision in force (following earlier undos, so undo twice goes back two
//! steps); restore brings back any revision. Both append; nothing is deleted.

use rusqlite::{params, OptionalExtension, Transaction};

use super::CorrectionAuthor;
use crate::store::StoreError;

/// Which kind of correction a history row belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Scope {
    /// `figure_corrections`.
    Figure,
    /// `document_corrections`.
    Document,
}

impl Scope {
    pub(super) fn as_str(self) -> &'static str {
        match self {
            Scope::Figure => "figure",
            Scope::Document => "document",
        }
    }

    fn table(self) -> &'static str {
        match self {
            Scope::Figure => "figure_corrections",
            Scope::Document => "document_corrections",
        }
    }
}

/// Saves `changes` (JSON) as the next revision of correction `id`, in its
/// row and in the history. `restored_from` names the revision brought back
/// by an undo or restore.
pub(super) fn save_revision(
    tx: &Transaction<'_>,
    scope: Scope,
    id: i64,
    changes: &str,
    author: &CorrectionAuthor,
    restored_from: Option<i64>,
) -> Result<i64, StoreError> {
    let sql = format!("SELECT revision FROM {} WHERE id = ?1", scope.table());
    let current: i64 = tx.query_row(&sql, [id], |r| r.get(0))?;
    let revision = current + 1;
    let sql = format!(
        "UPDATE {} SET changes = ?2, owner = ?3, note = ?4, revision = ?5,
            updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?1",
        scope.table()
    );
    tx.execute(
        &sql,
        params![id, changes, author.owner, author.note, revision],
    )?;
    append(tx, scope, id, revision, changes, author, restored_from)?;
    Ok(revision)
}

/// Appends one history row.
pub(super) fn append(
    tx: &Transaction<'_>,
    scope: Scope,
    id: i64,
    revision: i64,
    changes: &str,
    author: &CorrectionAuthor,
    restored_from: Option<i64>,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO correction_history (scope, correction_id, revision, changes, owner, note,
            restored_from, saved_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
        params![
            scope.as_str(),
            id,
            revision,
            changes,
            author.owner,
            author.note,
            restored_from
        ],
    )?;
    Ok(())
}

/// Copies the whole history of correction `from` to correction `to` (a
/// correction carried to a new version of its document).
pub(super) fn copy(
    tx: &Transaction<'_>,
    scope: Scope,
    from: i64,
    to: i64,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO correction_history (scope, correction_id, revision, changes, owner, note,
            restored_from, saved_at)
         SELECT scope, ?3, revision, changes, owner, note, restored_from, saved_at
         FROM correction_history WHERE scope = ?1 AND correction_id = ?2",
        params![scope.as_str(), from, to],
    )?;
    Ok(())
}

/// The content (JSON) of `revision`; `{}` for revision 0 (as extracted).
pub(super) fn content_at(
    tx: &Transaction<'_>,
    scope: Scope,
    id: i64,
    revision: i64,
) -> Result<Option<String>, StoreError> {
    if revision == 0 {
        return Ok(Some("{}".into()));
    }
    Ok(tx
        .query_row(
            "SELECT changes FROM correction_history
             WHERE scope = ?1 AND correction_id = ?2 AND revision = ?3",
            params![scope.as_str(), id, revision],
            |r| r.get(0),
        )
        .optional()?)
}

/// The revision an undo goes back to: the one before the revision in force
/// (a revision made by undo or restore stands for the one it brought back).
/// `None` when already back at the figure or document as extracted.
pub(super) fn undo_target(
    tx: &Transaction<'_>,
    scope: Scope,
    id: i64,
) -> Result<Option<i64>, StoreError> {
    let last: Option<(i64, Option<i64>)> = tx
        .query_row(
            "SELECT revision, restored_from FROM correction_history
             WHERE scope = ?1 AND correction_id = ?2 ORDER BY revision DESC LIMIT 1",
            params![scope.as_str(), id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let in_force = last.map_or(0, |(rev, from)| from.unwrap_or(rev));
    Ok((in_force > 0).then_some(in_force - 1))
}

/// All revisions of a correction, oldest first, with their changes read.
pub(super) fn revisions<C: serde::de::DeserializeOwned>(
    conn: &rusqlite::Connection,
    scope: Scope,
    id: i64,
) -> Result<Vec<super::CorrectionRevision<C>>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT revision, changes, owner, note, restored_from, saved_at FROM correction_history
         WHERE scope = ?1 AND correction_id = ?2 ORDER BY revision",
    )?;
    let rows = stmt.query_map(params![scope.as_str(), id], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get(5)?,
        ))
    })?;
    rows.map(|row| {
        let (revision, changes, owner, note, restored_from, saved_at) = row?;
        Ok(super::CorrectionRevision {
            revision,
            changes: super::apply::parse_changes(&changes)?,
            owner,
            note,
            restored_from,
            saved_at,
        })
    })
    .collect()
}
