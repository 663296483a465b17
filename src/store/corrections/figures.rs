//! Saving, undoing and restoring the corrections of figures.

use rusqlite::{params, OptionalExtension, Transaction};

use super::apply::{number_anchors, parse_changes};
use super::history::{self, Scope};
use super::{
    CorrectionAuthor, CorrectionRevision, FigureAnchor, FigureChanges, FigureCorrection, FigureEdit,
};
use crate::store::{Store, StoreError};

/// A stored target's document and the anchors of all the document's
/// targets, with their ids.
struct Located {
    sha: String,
    anchor: FigureAnchor,
    others: Vec<(i64, FigureAnchor)>,
}

/// The anchors of every target of a document, with their ids, in order.
pub(super) fn document_anchors(
    conn: &rusqlite::Connection,
    document_id: i64,
) -> Result<Vec<(i64, FigureAnchor)>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, quote, value, unit, section_path FROM targets
         WHERE document_id = ?1 ORDER BY ordinal",
    )?;
    let rows: Vec<(i64, (String, f64, String, String))> = stmt
        .query_map([document_id], |r| {
            Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
        })?
        .collect::<Result<_, _>>()?;
    let ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
    let anchors = number_anchors(rows.into_iter().map(|r| r.1));
    Ok(ids.into_iter().zip(anchors).collect())
}

fn locate(conn: &rusqlite::Connection, target_id: i64) -> Result<Located, StoreError> {
    let doc: Option<(i64, String)> = conn
        .query_row(
            "SELECT t.document_id, d.sha256 FROM targets t JOIN documents d ON d.id = t.document_id
             WHERE t.id = ?1",
            [target_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let (document_id, sha) = doc.ok_or(StoreError::NoSuchTarget(target_id))?;
    let others = document_anchors(conn, document_id)?;
    let anchor = others
        .iter()
        .find(|(id, _)| *id == target_id)
        .map(|(_, a)| a.clone())
        .ok_or(StoreError::NoSuchTarget(target_id))?;
    Ok(Located {
        sha,
        anchor,
        others,
    })
}

/// The id and changes of the correction at an anchor.
fn current(
    conn: &rusqlite::Connection,
    sha: &str,
    a: &FigureAnchor,
) -> Result<Option<(i64, FigureChanges)>, StoreError> {
    let row: Option<(i64, String)> = conn
        .query_row(
            "SELECT id, changes FROM figure_corrections
             WHERE document_sha256 = ?1 AND quote = ?2 AND value = ?3 AND unit = ?4
               AND path = ?5 AND occurrence = ?6",
            params![sha, a.quote, a.value, a.unit, a.path, a.occurrence],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    row.map(|(id, c)| Ok((id, parse_changes(&c)?))).transpose()
}

/// The correction row at an anchor, created empty (revision 0) if missing.
fn ensure(tx: &Transaction<'_>, sha: &str, a: &FigureAnchor) -> Result<i64, StoreError> {
    if let Some((id, _)) = current(tx, sha, a)? {
        return Ok(id);
    }
    tx.execute(
        "INSERT INTO figure_corrections (document_sha256, quote, value, unit, path, occurrence,
            changes, revision, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, '{}', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
        params![sha, a.quote, a.value, a.unit, a.path, a.occurrence],
    )?;
    Ok(tx.last_insert_rowid())
}

fn to_json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "{}".into())
}

impl Store {
    /// The correction of a stored target, if any.
    pub fn target_correction(
        &self,
        target_id: i64,
    ) -> Result<Option<FigureCorrection>, StoreError> {
        let l = locate(&self.conn, target_id)?;
        let Some((id, _)) = current(&self.conn, &l.sha, &l.anchor)? else {
            return Ok(None);
        };
        self.figure_correction_by_id(id).map(Some)
    }

    /// A figure correction by its id.
    pub fn figure_correction_by_id(&self, id: i64) -> Result<FigureCorrection, StoreError> {
        let row = self.conn.query_row(
            "SELECT c.document_sha256, c.quote, c.value, c.unit, c.path, c.occurrence, c.changes,
                c.owner, c.note, c.revision, c.updated_at, c.orphaned, c.carried_from,
                (SELECT id FROM documents d WHERE d.sha256 = c.document_sha256)
             FROM figure_corrections c WHERE c.id = ?1",
            [id],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    FigureAnchor {
                        quote: r.get(1)?,
                        value: r.get(2)?,
                        unit: r.get(3)?,
                        path: r.get(4)?,
                        occurrence: r.get(5)?,
                    },
                    r.get::<_, String>(6)?,
                    (r.get(7)?, r.get(8)?, r.get(9)?, r.get(10)?),
                    (
                        r.get::<_, i64>(11)? != 0,
                        r.get(12)?,
                        r.get::<_, Option<i64>>(13)?,
                    ),
                ))
            },
        )?;
        let (sha, anchor, changes, (owner, note, revision, updated_at), (orphaned, from, doc)) =
            row;
        let target_id = match doc {
            Some(d) => document_anchors(&self.conn, d)?
                .into_iter()
                .find(|(_, a)| *a == anchor)
                .map(|(id, _)| id),
            None => None,
        };
        Ok(FigureCorrection {
            id,
            target_id,
            document_sha256: sha,
            anchor,
            changes: parse_changes(&changes)?,
            owner,
            note,
            revision,
            updated_at,
            orphaned,
            carried_from: from,
        })
    }

    /// Corrects a stored target: sets the fields `edit` sets on top of its
    /// current correction, as a new revision. An edit that changes nothing
    /// adds no revision. A merge must name another figure of the same
    /// document that is not itself merged away.
    pub fn correct_target(
        &mut self,
        target_id: i64,
        edit: &FigureEdit,
        author: &CorrectionAuthor,
    ) -> Result<FigureCorrection, StoreError> {
        let tx = self.conn.transaction()?;
        let l = locate(&tx, target_id)?;
        let (mut changes, existing) = match current(&tx, &l.sha, &l.anchor)? {
            Some((id, c)) => (c, Some(id)),
            None => (FigureChanges::default(), None),
        };
        let before = changes.clone();
        let e = &edit.changes;
        fn set<T: Clone>(to: &mut Option<T>, from: &Option<T>) {
            if from.is_some() {
                to.clone_from(from);
            }
        }
        set(&mut changes.not_a_target, &e.not_a_target);
        if changes.not_a_target == Some(false) {
            changes.not_a_target = None;
        }
        set(&mut changes.indicator_id, &e.indicator_id);
        set(&mut changes.value, &e.value);
        set(&mut changes.value_high, &e.value_high);
        set(&mut changes.unit, &e.unit);
        set(&mut changes.qualifier, &e.qualifier);
        set(&mut changes.kind, &e.kind);
        set(&mut changes.role, &e.role);
        set(&mut changes.year, &e.year);
        match edit.merge_into {
            None => {}
            Some(None) => changes.merge_into = None,
            Some(Some(other)) => {
                changes.merge_into = Some(merge_anchor(&tx, &l, target_id, other)?);
            }
        }
        let id = match existing {
            Some(id) => id,
            None => ensure(&tx, &l.sha, &l.anchor)?,
        };
        if existing.is_none() || before != changes {
            history::save_revision(&tx, Scope::Figure, id, &to_json(&changes), author, None)?;
        }
        tx.commit()?;
        self.figure_correction_by_id(id)
    }

    /// Undoes the last change of a target's correction (undo again to go
    /// further back), as a new revision.
    pub fn undo_target_correction(
        &mut self,
        target_id: i64,
        author: &CorrectionAuthor,
    ) -> Result<FigureCorrection, StoreError> {
        let tx = self.conn.transaction()?;
        let l = locate(&tx, target_id)?;
        let nothing = || StoreError::NothingToUndo(format!("target {target_id}"));
        let (id, _) = current(&tx, &l.sha, &l.anchor)?.ok_or_else(nothing)?;
        let back = history::undo_target(&tx, Scope::Figure, id)?.ok_or_else(nothing)?;
        let content = history::content_at(&tx, Scope::Figure, id, back)?.ok_or_else(nothing)?;
        history::save_revision(&tx, Scope::Figure, id, &content, author, Some(back))?;
        tx.commit()?;
        self.figure_correction_by_id(id)
    }

    /// Brings back an earlier revision of a target's correction (0: as
    /// extracted), as a new revision.
    pub fn restore_target_correction(
        &mut self,
        target_id: i64,
        revision: i64,
        author: &CorrectionAuthor,
    ) -> Result<FigureCorrection, StoreError> {
        let tx = self.conn.transaction()?;
        let l = locate(&tx, target_id)?;
        let missing = || StoreError::NoSuchCorrectionRevision {
            what: format!("target {target_id}"),
            revision,
        };
        let (id, _) = current(&tx, &l.sha, &l.anchor)?.ok_or_else(missing)?;
        let content = history::content_at(&tx, Scope::Figure, id, revision)?.ok_or_else(missing)?;
        history::save_revision(&tx, Scope::Figure, id, &content, author, Some(revision))?;
        tx.commit()?;
        self.figure_correction_by_id(id)
    }

    /// The history of a target's correction, oldest first.
    pub fn target_correction_history(
        &self,
        target_id: i64,
    ) -> Result<Vec<CorrectionRevision<FigureChanges>>, StoreError> {
        let l = locate(&self.conn, target_id)?;
        let Some((id, _)) = current(&self.conn, &l.sha, &l.anchor)? else {
            return Ok(Vec::new());
        };
        history::revisions(&self.conn, Scope::Figure, id)
    }
}

/// The anchor of the figure `other` that `target_id` is merged into, after
/// checking the merge: same document, not itself, `other` not merged away,
/// and nothing merged into `target_id`.
fn merge_anchor(
    tx: &Transaction<'_>,
    l: &Located,
    target_id: i64,
    other: i64,
) -> Result<FigureAnchor, StoreError> {
    let refuse = |why: String| StoreError::MergeNotAllowed(why);
    if other == target_id {
        return Err(refuse(format!(
            "target {target_id} cannot be merged into itself"
        )));
    }
    let Some((_, anchor)) = l.others.iter().find(|(id, _)| *id == other) else {
        let exists: Option<i64> = tx
            .query_row("SELECT id FROM targets WHERE id = ?1", [other], |r| {
                r.get(0)
            })
            .optional()?;
        return Err(match exists {
            Some(_) => refuse(format!(
                "target {other} is in another document than target {target_id}"
            )),
            None => StoreError::NoSuchTarget(other),
        });
    };
    if let Some((_, c)) = current(tx, &l.sha, anchor)? {
        if c.merge_into.is_some() {
            return Err(refuse(format!(
                "target {other} is itself merged into another figure"
            )));
        }
    }
    let mut stmt =
        tx.prepare_cached("SELECT changes FROM figure_corrections WHERE document_sha256 = ?1")?;
    let all: Vec<String> = stmt
        .query_map([&l.sha], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for c in all {
        let c: FigureChanges = parse_changes(&c)?;
        if c.merge_into.as_ref() == Some(&l.anchor) {
            return Err(refuse(format!(
                "other figures are merged into target {target_id}; merge them into {other} instead"
            )));
        }
    }
    Ok(anchor.clone())
}
