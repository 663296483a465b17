//! Saving, undoing and restoring the corrections of documents' metadata.

use rusqlite::{params, OptionalExtension, Transaction};

use super::apply::parse_changes;
use super::history::{self, Scope};
use super::{CorrectionAuthor, CorrectionRevision, DocumentChanges, DocumentCorrection};
use crate::store::{Store, StoreError};

fn sha_of(conn: &rusqlite::Connection, document_id: i64) -> Result<String, StoreError> {
    conn.query_row(
        "SELECT sha256 FROM documents WHERE id = ?1",
        [document_id],
        |r| r.get(0),
    )
    .optional()?
    .ok_or(StoreError::NoSuchDocument(document_id))
}

fn current(
    conn: &rusqlite::Connection,
    sha: &str,
) -> Result<Option<(i64, DocumentChanges)>, StoreError> {
    let row: Option<(i64, String)> = conn
        .query_row(
            "SELECT id, changes FROM document_corrections WHERE document_sha256 = ?1",
            [sha],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    row.map(|(id, c)| Ok((id, parse_changes(&c)?))).transpose()
}

fn ensure(tx: &Transaction<'_>, sha: &str) -> Result<i64, StoreError> {
    if let Some((id, _)) = current(tx, sha)? {
        return Ok(id);
    }
    tx.execute(
        "INSERT INTO document_corrections (document_sha256, changes, revision, updated_at)
         VALUES (?1, '{}', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
        params![sha],
    )?;
    Ok(tx.last_insert_rowid())
}

/// A `document_corrections` row with the id of its stored document.
type DocumentRow = (
    String,
    String,
    Option<String>,
    Option<String>,
    i64,
    String,
    Option<i64>,
    Option<i64>,
);

impl Store {
    /// The correction of a stored document's metadata, if any.
    pub fn document_correction(
        &self,
        document_id: i64,
    ) -> Result<Option<DocumentCorrection>, StoreError> {
        let sha = sha_of(&self.conn, document_id)?;
        match current(&self.conn, &sha)? {
            Some((id, _)) => self.document_correction_by_id(id).map(Some),
            None => Ok(None),
        }
    }

    /// A document correction by its id.
    pub fn document_correction_by_id(&self, id: i64) -> Result<DocumentCorrection, StoreError> {
        let (sha, changes, owner, note, revision, updated_at, carried_from, document_id): DocumentRow = self.conn.query_row(
            "SELECT c.document_sha256, c.changes, c.owner, c.note, c.revision, c.updated_at,
                c.carried_from, (SELECT id FROM documents d WHERE d.sha256 = c.document_sha256)
             FROM document_corrections c WHERE c.id = ?1",
            [id],
            |r| {
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
            },
        )?;
        Ok(DocumentCorrection {
            id,
            document_id,
            document_sha256: sha,
            changes: parse_changes(&changes)?,
            owner,
            note,
            revision,
            updated_at,
            carried_from,
        })
    }

    /// Corrects a document's metadata: sets the fields `edit` sets on top of
    /// its current correction, as a new revision (none if nothing changes).
    pub fn correct_document(
        &mut self,
        document_id: i64,
        edit: &DocumentChanges,
        author: &CorrectionAuthor,
    ) -> Result<DocumentCorrection, StoreError> {
        let tx = self.conn.transaction()?;
        let sha = sha_of(&tx, document_id)?;
        let existing = current(&tx, &sha)?;
        let before = existing.as_ref().map(|e| e.1.clone()).unwrap_or_default();
        let mut changes = before.clone();
        changes.merge(edit);
        let id = match &existing {
            Some((id, _)) => *id,
            None => ensure(&tx, &sha)?,
        };
        if existing.is_none() || changes != before {
            let json = serde_json::to_string(&changes).unwrap_or_else(|_| "{}".into());
            history::save_revision(&tx, Scope::Document, id, &json, author, None)?;
        }
        tx.commit()?;
        self.documents_changed();
        self.document_correction_by_id(id)
    }

    /// Undoes the last change of a document's correction (undo again to go
    /// further back), as a new revision.
    pub fn undo_document_correction(
        &mut self,
        document_id: i64,
        author: &CorrectionAuthor,
    ) -> Result<DocumentCorrection, StoreError> {
        let tx = self.conn.transaction()?;
        let sha = sha_of(&tx, document_id)?;
        let nothing = || StoreError::NothingToUndo(format!("document {document_id}"));
        let (id, _) = current(&tx, &sha)?.ok_or_else(nothing)?;
        let back = history::undo_target(&tx, Scope::Document, id)?.ok_or_else(nothing)?;
        let content = history::content_at(&tx, Scope::Document, id, back)?.ok_or_else(nothing)?;
        history::save_revision(&tx, Scope::Document, id, &content, author, Some(back))?;
        tx.commit()?;
        self.documents_changed();
        self.document_correction_by_id(id)
    }

    /// Brings back an earlier revision of a document's correction (0: as
    /// detected), as a new revision.
    pub fn restore_document_correction(
        &mut self,
        document_id: i64,
        revision: i64,
        author: &CorrectionAuthor,
    ) -> Result<DocumentCorrection, StoreError> {
        let tx = self.conn.transaction()?;
        let sha = sha_of(&tx, document_id)?;
        let missing = || StoreError::NoSuchCorrectionRevision {
            what: format!("document {document_id}"),
            revision,
        };
        let (id, _) = current(&tx, &sha)?.ok_or_else(missing)?;
        let content =
            history::content_at(&tx, Scope::Document, id, revision)?.ok_or_else(missing)?;
        history::save_revision(&tx, Scope::Document, id, &content, author, Some(revision))?;
        tx.commit()?;
        self.documents_changed();
        self.document_correction_by_id(id)
    }

    /// The history of a document's correction, oldest first.
    pub fn document_correction_history(
        &self,
        document_id: i64,
    ) -> Result<Vec<CorrectionRevision<DocumentChanges>>, StoreError> {
        let sha = sha_of(&self.conn, document_id)?;
        let Some((id, _)) = current(&self.conn, &sha)? else {
            return Ok(Vec::new());
        };
        history::revisions(&self.conn, Scope::Document, id)
    }
}
