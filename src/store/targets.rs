//! Reading and writing targets and the user's indicator mappings.

use rusqlite::{params, Row, Transaction};

use super::{Store, StoreError, StoredTarget, TargetCellInfo};
use crate::formats::tables::{Binding, CellRef};
use crate::model::{Normalized, Qualifier, Target, TargetKind, TargetRole};

/// Which targets to list.
#[derive(Debug, Clone, Default)]
pub struct TargetFilter {
    /// Only this document.
    pub document: Option<i64>,
    /// Only this canonical indicator id.
    pub indicator: Option<String>,
    /// Only targets whose indicator is not mapped to the catalog.
    pub unmapped: bool,
    /// Also the figures the user left out of comparisons (not a target,
    /// merged into another figure), flagged by [`StoredTarget::excluded`].
    pub include_excluded: bool,
}

/// Columns of a stored target (`t`) and of its table cell (`c`, if any).
const TARGET_COLUMNS: &str = "t.id, t.document_id, t.quote, t.start_char, t.end_char,
    t.indicator, t.indicator_id, t.value, t.value_high, t.unit, t.qualifier, t.kind, t.role,
    t.year, t.section_path, t.task, t.norm_value, t.norm_value_high, t.norm_unit,
    t.stretch, t.mention_group, c.table_index, c.row_index, c.column_index, c.binding,
    d.sha256";

pub(super) fn insert_targets(
    tx: &Transaction<'_>,
    id: i64,
    targets: &[Target],
) -> Result<(), StoreError> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO targets (document_id, ordinal, quote, start_char, end_char, indicator,
            indicator_id, value, value_high, unit, qualifier, kind, role, year, section_path, task,
            norm_value, norm_value_high, norm_unit, stretch, mention_group)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
            ?19, ?20, ?21)",
    )?;
    for (i, t) in targets.iter().enumerate() {
        stmt.execute(params![
            id,
            i as i64,
            t.quote,
            t.start as i64,
            t.end as i64,
            t.indicator,
            t.indicator_id,
            t.value,
            t.value_high,
            t.unit,
            enum_name(&t.qualifier),
            enum_name(&t.kind),
            enum_name(&t.role),
            t.year,
            t.section,
            t.task.map(|x| x as i64),
            t.normalized.as_ref().map(|n| n.value),
            t.normalized.as_ref().and_then(|n| n.value_high),
            t.normalized.as_ref().map(|n| n.unit.clone()),
            t.stretch,
            t.group,
        ])?;
    }
    Ok(())
}

impl Store {
    /// Targets matching `filter`, in document then text order, with the
    /// user's corrections applied (see [`super::corrections`]): the one read
    /// path of comparisons, charts, decks and exports. Figures the user left
    /// out of comparisons come only with [`TargetFilter::include_excluded`].
    pub fn targets(&self, filter: &TargetFilter) -> Result<Vec<StoredTarget>, StoreError> {
        let sql = format!(
            "SELECT {TARGET_COLUMNS} FROM targets t
             JOIN documents d ON d.id = t.document_id
             LEFT JOIN target_cells c
               ON c.document_id = t.document_id AND c.target_ordinal = t.ordinal
             WHERE (?1 IS NULL OR t.document_id = ?1)
             ORDER BY t.document_id, t.ordinal"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params![filter.document], |r| {
            Ok((r.get::<_, String>(25)?, target_from_row(r)?))
        })?;
        let mut raw = Vec::new();
        for r in rows {
            let (sha, t) = r?;
            raw.push((sha, t?));
        }
        let all = super::corrections::apply_figure_corrections(
            &self.conn,
            raw,
            filter.document.is_some(),
        )?;
        Ok(all
            .into_iter()
            .filter(|t| filter.include_excluded || t.excluded.is_none())
            .filter(|t| filter.indicator.is_none() || t.target.indicator_id == filter.indicator)
            .filter(|t| !filter.unmapped || t.target.indicator_id.is_none())
            .collect())
    }

    /// The document a stored target belongs to.
    pub fn target_document(&self, target_id: i64) -> Result<i64, StoreError> {
        use rusqlite::OptionalExtension;
        self.conn
            .query_row(
                "SELECT document_id FROM targets WHERE id = ?1",
                [target_id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(StoreError::NoSuchTarget(target_id))
    }

    /// Records that `phrase` (an indicator as written) means catalog indicator
    /// `indicator_id`, and applies it to the stored targets with that phrase.
    /// Returns how many stored targets were updated.
    pub fn map_indicator(&mut self, phrase: &str, indicator_id: &str) -> Result<usize, StoreError> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO indicator_mappings (phrase, indicator_id, created_at)
             VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
             ON CONFLICT(phrase) DO UPDATE SET indicator_id = excluded.indicator_id,
                created_at = excluded.created_at",
            params![phrase, indicator_id],
        )?;
        let n = tx.execute(
            "UPDATE targets SET indicator_id = ?2 WHERE indicator = ?1",
            params![phrase, indicator_id],
        )?;
        tx.commit()?;
        Ok(n)
    }

    /// The user's indicator mappings as `(phrase, indicator_id)`, by phrase.
    pub fn indicator_mappings(&self) -> Result<Vec<(String, String)>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT phrase, indicator_id FROM indicator_mappings ORDER BY phrase",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Indicator phrases of stored targets that map to no catalog indicator,
    /// with how many targets use each, most frequent first.
    pub fn unmapped_phrases(&self) -> Result<Vec<(String, usize)>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT indicator, count(*) FROM targets WHERE indicator_id IS NULL
             GROUP BY indicator ORDER BY count(*) DESC, indicator",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as usize)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// The snake_case serde name of a unit enum value (`AtLeast` → `at_least`).
fn enum_name<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn parse_enum<T: serde::de::DeserializeOwned>(
    column: &'static str,
    s: String,
) -> Result<T, StoreError> {
    serde_json::from_value(serde_json::Value::String(s.clone()))
        .map_err(|_| StoreError::InvalidValue { column, value: s })
}

fn target_from_row(r: &Row<'_>) -> rusqlite::Result<Result<StoredTarget, StoreError>> {
    let qualifier: String = r.get(10)?;
    let kind: String = r.get(11)?;
    let role: String = r.get(12)?;
    let norm_value: Option<f64> = r.get(16)?;
    let norm_unit: Option<String> = r.get(18)?;
    let normalized = match (norm_value, norm_unit) {
        (Some(value), Some(unit)) => Some(Normalized {
            value,
            value_high: r.get(17)?,
            unit,
        }),
        _ => None,
    };
    let parsed = (|| -> Result<(Qualifier, TargetKind, TargetRole), StoreError> {
        Ok((
            parse_enum("targets.qualifier", qualifier)?,
            parse_enum("targets.kind", kind)?,
            parse_enum("targets.role", role)?,
        ))
    })();
    let (qualifier, kind, role) = match parsed {
        Ok(v) => v,
        Err(e) => return Ok(Err(e)),
    };
    let cell = match (
        r.get::<_, Option<i64>>(21)?,
        r.get::<_, Option<i64>>(22)?,
        r.get::<_, Option<i64>>(23)?,
    ) {
        (Some(table), Some(row), Some(column)) => Some(TargetCellInfo {
            cell: CellRef {
                table: table.max(0) as usize,
                row: row.max(0) as usize,
                column: column.max(0) as usize,
            },
            binding: r
                .get::<_, Option<String>>(24)?
                .as_deref()
                .and_then(Binding::parse),
        }),
        _ => None,
    };
    Ok(Ok(StoredTarget {
        id: r.get(0)?,
        document_id: r.get(1)?,
        target: Target {
            quote: r.get(2)?,
            start: r.get::<_, i64>(3)? as usize,
            end: r.get::<_, i64>(4)? as usize,
            indicator: r.get(5)?,
            indicator_id: r.get(6)?,
            value: r.get(7)?,
            value_high: r.get(8)?,
            stretch: r.get(19)?,
            unit: r.get(9)?,
            qualifier,
            kind,
            role,
            year: r.get(13)?,
            section: r.get(14)?,
            task: r.get::<_, Option<i64>>(15)?.map(|x| x as usize),
            normalized,
            group: r.get(20)?,
        },
        cell,
        corrected: false,
        excluded: None,
        original: None,
        merged: Vec::new(),
        correction_id: None,
    }))
}
