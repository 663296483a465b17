//! Reading and writing documents with their sections, task items, warnings
//! and noise ranges.

use rusqlite::{params, OptionalExtension, Row, Transaction};

use super::{DocumentSummary, ImportOutcome, NewDocument, Store, StoreError, StoredDocument};
use crate::model::{
    DocumentMeta, ParseWarning, ParsedPlan, Period, PlanKind, Section, SectionRole, TaskItem,
};

const SUMMARY_SQL: &str = "SELECT d.id, d.title, d.city, d.province, d.kind, d.period_start,
        d.period_end, d.issuer, d.doc_number, d.published, d.source_name, d.sha256, d.encoding,
        d.imported_at,
        (SELECT count(*) FROM task_items t WHERE t.document_id = d.id),
        (SELECT count(*) FROM parse_warnings w WHERE w.document_id = d.id),
        (SELECT count(*) FROM targets g WHERE g.document_id = d.id),
        coalesce((SELECT v.version FROM document_versions v WHERE v.document_id = d.id), 1),
        (SELECT min(n.document_id) FROM document_versions n
         JOIN documents nd ON nd.id = n.document_id WHERE n.previous_id = d.id),
        (SELECT c.changes FROM document_corrections c WHERE c.document_sha256 = d.sha256)
    FROM documents d";

impl Store {
    /// Stores a document in one transaction. The same bytes (by SHA-256)
    /// stored before are not stored again: [`ImportOutcome::AlreadyPresent`].
    /// A changed version of a stored document is recorded as its next version
    /// and annotations move to it (see [`Store::import_versioned`]). Records
    /// the format as plain text, without table cells: files are imported
    /// through [`crate::ingest::import_file`], which keeps both.
    pub fn import_document(&mut self, doc: &NewDocument<'_>) -> Result<ImportOutcome, StoreError> {
        self.import_versioned(doc, &super::ImportExtras::default())
            .map(|(o, _)| o)
    }

    /// All documents, ordered by city then period, with the user's
    /// corrections of their metadata applied.
    pub fn list_documents(&self) -> Result<Vec<DocumentSummary>, StoreError> {
        let sql = format!("{SUMMARY_SQL} ORDER BY d.city, d.period_start, d.id");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([], summary_from_row)?;
        let mut out = Vec::new();
        for r in rows {
            out.push(r??);
        }
        out.sort_by(|a, b| {
            (&a.meta.city, a.meta.period.map(|p| p.start), a.id).cmp(&(
                &b.meta.city,
                b.meta.period.map(|p| p.start),
                b.id,
            ))
        });
        Ok(out)
    }

    /// One document's summary, with the user's corrections applied.
    pub fn summary(&self, id: i64) -> Result<DocumentSummary, StoreError> {
        let sql = format!("{SUMMARY_SQL} WHERE d.id = ?1");
        self.conn
            .prepare_cached(&sql)?
            .query_row([id], summary_from_row)
            .optional()?
            .ok_or(StoreError::NoSuchDocument(id))?
    }

    /// One document in full: summary, text and structure.
    pub fn document(&self, id: i64) -> Result<StoredDocument, StoreError> {
        let summary = self.summary(id)?;
        let text: String =
            self.conn
                .query_row("SELECT raw_text FROM documents WHERE id = ?1", [id], |r| {
                    r.get(0)
                })?;
        let plan = self.plan(id)?;
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id FROM task_items WHERE document_id = ?1 ORDER BY ordinal")?;
        let task_ids = stmt
            .query_map([id], |r| r.get(0))?
            .collect::<Result<Vec<i64>, _>>()?;
        Ok(StoredDocument {
            summary,
            text,
            plan,
            task_ids,
        })
    }

    /// Deletes a document with everything that hangs on it.
    pub fn delete_document(&mut self, id: i64) -> Result<(), StoreError> {
        let n = self
            .conn
            .execute("DELETE FROM documents WHERE id = ?1", [id])?;
        if n == 0 {
            return Err(StoreError::NoSuchDocument(id));
        }
        self.documents_changed();
        Ok(())
    }

    fn plan(&self, id: i64) -> Result<ParsedPlan, StoreError> {
        let mut plan = ParsedPlan::default();
        let mut stmt = self.conn.prepare_cached(
            "SELECT marker, number, level, title, role, start_char, end_char, parent, path
             FROM sections WHERE document_id = ?1 ORDER BY ordinal",
        )?;
        for row in stmt.query_map([id], |r| {
            Ok((
                Section {
                    marker: r.get(0)?,
                    number: r.get(1)?,
                    level: r.get(2)?,
                    title: r.get(3)?,
                    role: SectionRole::Other,
                    start: r.get::<_, i64>(5)? as usize,
                    end: r.get::<_, i64>(6)? as usize,
                    parent: r.get::<_, Option<i64>>(7)?.map(|p| p as usize),
                    path: r.get(8)?,
                },
                r.get::<_, String>(4)?,
            ))
        })? {
            let (mut section, role) = row?;
            section.role = SectionRole::parse(&role).ok_or(StoreError::InvalidValue {
                column: "sections.role",
                value: role,
            })?;
            plan.sections.push(section);
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT section, path, title, body, start_char, end_char
             FROM task_items WHERE document_id = ?1 ORDER BY ordinal",
        )?;
        for row in stmt.query_map([id], |r| {
            Ok(TaskItem {
                section: r.get::<_, i64>(0)? as usize,
                path: r.get(1)?,
                title: r.get(2)?,
                text: r.get(3)?,
                start: r.get::<_, i64>(4)? as usize,
                end: r.get::<_, i64>(5)? as usize,
            })
        })? {
            plan.tasks.push(row?);
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT code, message, start_char FROM parse_warnings WHERE document_id = ?1 ORDER BY id",
        )?;
        for row in stmt.query_map([id], |r| {
            Ok(ParseWarning {
                code: r.get(0)?,
                message: r.get(1)?,
                start: r.get::<_, Option<i64>>(2)?.map(|s| s as usize),
            })
        })? {
            plan.warnings.push(row?);
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT start_char, end_char FROM noise_ranges WHERE document_id = ?1 ORDER BY start_char",
        )?;
        for row in stmt.query_map([id], |r| {
            Ok((r.get::<_, i64>(0)? as usize, r.get::<_, i64>(1)? as usize))
        })? {
            plan.noise.push(row?);
        }
        Ok(plan)
    }
}

pub(super) fn insert_document(
    tx: &Transaction<'_>,
    doc: &NewDocument<'_>,
) -> Result<i64, StoreError> {
    let m = doc.meta;
    tx.execute(
        "INSERT INTO documents (title, city, province, kind, period_start, period_end, issuer,
            doc_number, published, source_name, sha256, encoding, raw_text, imported_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,
            strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
        params![
            m.title,
            m.city,
            m.province,
            m.kind.as_str(),
            m.period.map(|p| p.start),
            m.period.map(|p| p.end),
            m.issuer,
            m.doc_number,
            m.published,
            doc.source_name,
            doc.sha256,
            doc.encoding,
            doc.text,
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

pub(super) fn insert_plan(
    tx: &Transaction<'_>,
    id: i64,
    plan: &ParsedPlan,
) -> Result<(), StoreError> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO sections (document_id, ordinal, parent, marker, number, level, title, role,
            path, start_char, end_char) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    for (i, s) in plan.sections.iter().enumerate() {
        stmt.execute(params![
            id,
            i as i64,
            s.parent.map(|p| p as i64),
            s.marker,
            s.number,
            s.level,
            s.title,
            s.role.as_str(),
            s.path,
            s.start as i64,
            s.end as i64,
        ])?;
    }
    let mut stmt = tx.prepare_cached(
        "INSERT INTO task_items (document_id, ordinal, section, path, title, body, start_char,
            end_char) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for (i, t) in plan.tasks.iter().enumerate() {
        stmt.execute(params![
            id,
            i as i64,
            t.section as i64,
            t.path,
            t.title,
            t.text,
            t.start as i64,
            t.end as i64,
        ])?;
    }
    let mut stmt = tx.prepare_cached(
        "INSERT INTO parse_warnings (document_id, code, message, start_char) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for w in &plan.warnings {
        stmt.execute(params![id, w.code, w.message, w.start.map(|s| s as i64)])?;
    }
    let mut stmt = tx.prepare_cached(
        "INSERT INTO noise_ranges (document_id, start_char, end_char) VALUES (?1, ?2, ?3)",
    )?;
    for (s, e) in &plan.noise {
        stmt.execute(params![id, *s as i64, *e as i64])?;
    }
    Ok(())
}

fn summary_from_row(r: &Row<'_>) -> rusqlite::Result<Result<DocumentSummary, StoreError>> {
    let kind: String = r.get(4)?;
    let start: Option<i32> = r.get(5)?;
    let end: Option<i32> = r.get(6)?;
    let changes: Option<String> = r.get(19)?;
    let changes: Option<super::DocumentChanges> = match changes
        .map(|c| super::corrections::parse_changes::<super::DocumentChanges>(&c))
        .transpose()
    {
        Ok(c) => c.filter(|c| !c.is_empty()),
        Err(e) => return Ok(Err(e)),
    };
    let Some(kind_parsed) = PlanKind::parse(&kind) else {
        return Ok(Err(StoreError::InvalidValue {
            column: "documents.kind",
            value: kind,
        }));
    };
    let mut summary = DocumentSummary {
        id: r.get(0)?,
        meta: DocumentMeta {
            title: r.get(1)?,
            city: r.get(2)?,
            province: r.get(3)?,
            kind: kind_parsed,
            period: start.map(|s| Period {
                start: s,
                end: end.unwrap_or(s),
            }),
            issuer: r.get(7)?,
            doc_number: r.get(8)?,
            published: r.get(9)?,
        },
        source_name: r.get(10)?,
        sha256: r.get(11)?,
        encoding: r.get(12)?,
        imported_at: r.get(13)?,
        tasks: r.get::<_, i64>(14)? as usize,
        warnings: r.get::<_, i64>(15)? as usize,
        targets: r.get::<_, i64>(16)? as usize,
        version: r.get(17)?,
        superseded_by: r.get(18)?,
        level: None,
        corrected: changes.is_some(),
    };
    if let Some(c) = &changes {
        super::corrections::apply_document_changes(&mut summary.meta, &mut summary.level, c);
    }
    Ok(Ok(summary))
}
