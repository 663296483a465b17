//! Applying corrections on read: the overlay over stored targets and
//! document metadata.

use std::collections::HashMap;

use rusqlite::{params, Connection};

use super::{DocumentChanges, Exclusion, FigureAnchor, FigureChanges, Mention};
use crate::model::{DocumentMeta, Target};
use crate::store::{StoreError, StoredTarget};
use crate::targets::normalize;

/// The anchors of a document's targets, in the same order.
pub(super) fn anchors_of<'a>(targets: impl IntoIterator<Item = &'a Target>) -> Vec<FigureAnchor> {
    number_anchors(
        targets
            .into_iter()
            .map(|t| (t.quote.clone(), t.value, t.unit.clone(), t.section.clone())),
    )
}

/// Anchors of figures given as `(quote, value, unit, path)` in document
/// order, numbering identical ones.
pub(super) fn number_anchors(
    figures: impl IntoIterator<Item = (String, f64, String, String)>,
) -> Vec<FigureAnchor> {
    let mut seen: HashMap<(String, u64, String, String), i64> = HashMap::new();
    figures
        .into_iter()
        .map(|(quote, value, unit, path)| {
            let n = seen
                .entry((quote.clone(), value.to_bits(), unit.clone(), path.clone()))
                .or_insert(0);
            let occurrence = *n;
            *n += 1;
            FigureAnchor {
                quote,
                value,
                unit,
                path,
                occurrence,
            }
        })
        .collect()
}

/// A figure with its corrections applied. A new value or unit is normalised
/// again.
pub fn apply_figure_changes(t: &Target, c: &FigureChanges) -> Target {
    let mut out = t.clone();
    if let Some(v) = &c.indicator_id {
        out.indicator_id.clone_from(v);
    }
    if let Some(v) = c.value {
        out.value = v;
    }
    if let Some(v) = c.value_high {
        out.value_high = v;
    }
    if let Some(v) = &c.unit {
        out.unit.clone_from(v);
    }
    if c.value.is_some() || c.value_high.is_some() || c.unit.is_some() {
        out.normalized = normalize(out.value, out.value_high, &out.unit);
    }
    if let Some(v) = c.qualifier {
        out.qualifier = v;
    }
    if let Some(v) = c.kind {
        out.kind = v;
    }
    if let Some(v) = c.role {
        out.role = v;
    }
    if let Some(v) = c.year {
        out.year = v;
    }
    out
}

/// Applies a document's corrections to its metadata and level.
pub(in crate::store) fn apply_document_changes(
    meta: &mut DocumentMeta,
    level: &mut Option<String>,
    c: &DocumentChanges,
) {
    fn set<T: Clone>(to: &mut T, from: &Option<T>) {
        if let Some(v) = from {
            to.clone_from(v);
        }
    }
    set(&mut meta.title, &c.title);
    set(&mut meta.city, &c.city);
    set(&mut meta.province, &c.province);
    set(level, &c.level);
    set(&mut meta.kind, &c.kind);
    set(&mut meta.period, &c.period);
    set(&mut meta.issuer, &c.issuer);
    set(&mut meta.doc_number, &c.doc_number);
}

/// The figure corrections of one document (or of all when `sha` is `None`),
/// by document SHA-256: anchor, correction id and changes.
pub(super) type CorrectionsBySha = HashMap<String, Vec<(FigureAnchor, i64, FigureChanges)>>;

pub(super) fn load_figure_corrections(
    conn: &Connection,
    sha: Option<&str>,
) -> Result<CorrectionsBySha, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, document_sha256, quote, value, unit, path, occurrence, changes
         FROM figure_corrections WHERE ?1 IS NULL OR document_sha256 = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map(params![sha], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            FigureAnchor {
                quote: r.get(2)?,
                value: r.get(3)?,
                unit: r.get(4)?,
                path: r.get(5)?,
                occurrence: r.get(6)?,
            },
            r.get::<_, String>(7)?,
        ))
    })?;
    let mut out: CorrectionsBySha = HashMap::new();
    for row in rows {
        let (id, sha, anchor, changes) = row?;
        let changes = parse_changes(&changes)?;
        out.entry(sha).or_default().push((anchor, id, changes));
    }
    Ok(out)
}

pub(in crate::store) fn parse_changes<T: serde::de::DeserializeOwned>(
    s: &str,
) -> Result<T, StoreError> {
    serde_json::from_str(s).map_err(|_| StoreError::InvalidValue {
        column: "corrections.changes",
        value: s.to_string(),
    })
}

/// Applies the figure corrections to stored targets: `rows` are every
/// target of each document they hold, in document then ordinal order, with
/// the document's SHA-256.
pub(in crate::store) fn apply_figure_corrections(
    conn: &Connection,
    rows: Vec<(String, StoredTarget)>,
    one_document: bool,
) -> Result<Vec<StoredTarget>, StoreError> {
    let sha = if one_document {
        rows.first().map(|(s, _)| s.as_str())
    } else {
        None
    };
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let corrections = load_figure_corrections(conn, sha)?;
    let mut out = Vec::with_capacity(rows.len());
    let mut rows = rows.into_iter().peekable();
    while let Some((sha, first)) = rows.next() {
        let mut doc = vec![first];
        while let Some((_, t)) = rows.next_if(|(s, _)| *s == sha) {
            doc.push(t);
        }
        if let Some(list) = corrections.get(&sha) {
            apply_to_document(&mut doc, list);
        }
        out.extend(doc);
    }
    Ok(out)
}

fn apply_to_document(doc: &mut [StoredTarget], list: &[(FigureAnchor, i64, FigureChanges)]) {
    let anchors = anchors_of(doc.iter().map(|t| &t.target));
    let index_of = |a: &FigureAnchor| anchors.iter().position(|x| x == a);
    let mut merges = Vec::new();
    for (anchor, id, changes) in list {
        let Some(i) = index_of(anchor) else {
            continue;
        };
        let t = &mut doc[i];
        t.correction_id = Some(*id);
        if changes.is_empty() {
            continue;
        }
        let corrected = apply_figure_changes(&t.target, changes);
        t.original = Some(std::mem::replace(&mut t.target, corrected));
        t.corrected = true;
        if changes.not_a_target == Some(true) {
            t.excluded = Some(Exclusion::NotATarget);
        }
        if let Some(kept) = changes.merge_into.as_ref().and_then(index_of) {
            if kept != i {
                merges.push((i, kept));
            }
        }
    }
    for (i, kept) in merges {
        let group = doc[kept].target.group.unwrap_or(kept as u32);
        doc[kept].target.group = Some(group);
        let kept_id = doc[kept].id;
        let merged = &mut doc[i];
        merged.target.group = Some(group);
        if merged.excluded.is_none() {
            merged.excluded = Some(Exclusion::MergedInto { target_id: kept_id });
        }
        let mention = Mention {
            target_id: doc[i].id,
            quote: doc[i].target.quote.clone(),
            start: doc[i].target.start,
            end: doc[i].target.end,
        };
        doc[kept].merged.push(mention);
    }
}
