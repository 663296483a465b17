//! Carrying corrections to a new version of their document.
//!
//! In the transaction that stores the new version, each figure correction of
//! the previous version looks for its figure again among the new targets:
//! the same quote, value and unit, at the same path and occurrence if there
//! is one, else at the same path, else anywhere (an item renumbered), each
//! new figure taken once. Found, the correction is copied to the new version
//! with its history (the old version keeps its own, so both stay correct in
//! comparisons); a merge is carried only when the figure it merges into is
//! found too. Not found, it stays on the old version, marked orphaned. The
//! document's metadata correction is copied as it is.

use std::collections::HashSet;

use rusqlite::{params, Transaction};

use super::apply::{anchors_of, parse_changes};
use super::figures::document_anchors;
use super::history::{self, Scope};
use super::{FigureAnchor, FigureChanges};
use crate::model::Target;
use crate::store::StoreError;

/// What happened to the previous version's corrections.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(in crate::store) struct Carried {
    /// Figure corrections copied to the new version.
    pub figures: usize,
    /// Figure corrections whose figure is gone, left orphaned.
    pub orphaned: usize,
}

/// The index in `new` of the figure `a` is found again as (see the module
/// documentation), skipping `used`.
fn find_again(a: &FigureAnchor, new: &[FigureAnchor], used: &HashSet<usize>) -> Option<usize> {
    let free = |j: &usize| !used.contains(j) && a.same_figure(&new[*j]);
    let all = 0..new.len();
    all.clone()
        .filter(free)
        .find(|&j| new[j].path == a.path && new[j].occurrence == a.occurrence)
        .or_else(|| all.clone().filter(free).find(|&j| new[j].path == a.path))
        .or_else(|| all.clone().find(free))
}

type OldCorrection = (i64, FigureAnchor, String);

pub(in crate::store) fn carry_corrections(
    tx: &Transaction<'_>,
    prev_sha: &str,
    prev_id: i64,
    new_sha: &str,
    new_targets: &[Target],
) -> Result<Carried, StoreError> {
    let mut carried = Carried::default();
    carry_document(tx, prev_sha, new_sha)?;
    let olds: Vec<OldCorrection> = tx
        .prepare_cached(
            "SELECT id, quote, value, unit, path, occurrence, changes FROM figure_corrections
             WHERE document_sha256 = ?1 ORDER BY id",
        )?
        .query_map([prev_sha], |r| {
            Ok((
                r.get(0)?,
                FigureAnchor {
                    quote: r.get(1)?,
                    value: r.get(2)?,
                    unit: r.get(3)?,
                    path: r.get(4)?,
                    occurrence: r.get(5)?,
                },
                r.get(6)?,
            ))
        })?
        .collect::<Result<_, _>>()?;
    if olds.is_empty() {
        return Ok(carried);
    }
    // Only corrections whose figure the old version still has are carried.
    let old_anchors: Vec<FigureAnchor> = document_anchors(tx, prev_id)?
        .into_iter()
        .map(|(_, a)| a)
        .collect();
    let new = anchors_of(new_targets);
    let mut used = HashSet::new();
    for (id, anchor, json) in olds {
        let mut changes: FigureChanges = parse_changes(&json)?;
        if changes.is_empty() || !old_anchors.contains(&anchor) {
            continue;
        }
        let found = find_again(&anchor, &new, &used);
        let merge = match &changes.merge_into {
            None => Some(None),
            Some(m) => find_again(m, &new, &HashSet::new()).map(|j| Some(new[j].clone())),
        };
        let (Some(j), Some(merge)) = (found, merge) else {
            tx.execute(
                "UPDATE figure_corrections SET orphaned = 1 WHERE id = ?1",
                [id],
            )?;
            carried.orphaned += 1;
            continue;
        };
        used.insert(j);
        changes.merge_into = merge;
        let a = &new[j];
        let n = tx.execute(
            "INSERT OR IGNORE INTO figure_corrections (document_sha256, quote, value, unit, path,
                occurrence, changes, owner, note, revision, updated_at, carried_from)
             SELECT ?2, ?3, ?4, ?5, ?6, ?7, ?8, owner, note, revision, updated_at, id
             FROM figure_corrections WHERE id = ?1",
            params![
                id,
                new_sha,
                a.quote,
                a.value,
                a.unit,
                a.path,
                a.occurrence,
                serde_json::to_string(&changes).unwrap_or_else(|_| "{}".into())
            ],
        )?;
        if n == 1 {
            history::copy(tx, Scope::Figure, id, tx.last_insert_rowid())?;
            carried.figures += 1;
        }
    }
    Ok(carried)
}

/// Copies the previous version's document correction, unless the new bytes
/// have their own.
fn carry_document(tx: &Transaction<'_>, prev_sha: &str, new_sha: &str) -> Result<(), StoreError> {
    let n = tx.execute(
        "INSERT OR IGNORE INTO document_corrections (document_sha256, changes, owner, note,
            revision, updated_at, carried_from)
         SELECT ?2, changes, owner, note, revision, updated_at, id
         FROM document_corrections WHERE document_sha256 = ?1",
        params![prev_sha, new_sha],
    )?;
    if n == 1 {
        let from: i64 = tx.query_row(
            "SELECT id FROM document_corrections WHERE document_sha256 = ?1",
            [prev_sha],
            |r| r.get(0),
        )?;
        history::copy(tx, Scope::Document, from, tx.last_insert_rowid())?;
    }
    Ok(())
}
