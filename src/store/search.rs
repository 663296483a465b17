//! Full-text index rows (written with each document) and search queries.

use rusqlite::{params, Connection, OptionalExtension};

use super::{Store, StoreError};
use crate::model::{ParsedPlan, PlanKind, SectionRole};
use crate::search::{self, index, segment, SearchHit, SearchQuery, Span, TOKENIZER_VERSION};
use crate::themes::Taxonomy;

/// Characters of context either side of the first hit in a snippet.
const SNIPPET_CONTEXT: usize = 30;

/// Writes the search units of one document (inside the import transaction).
pub(super) fn index_document(
    conn: &Connection,
    id: i64,
    text: &str,
    plan: &ParsedPlan,
) -> Result<(), StoreError> {
    conn.execute("DELETE FROM search_units WHERE document_id = ?1", [id])?;
    let mut unit_stmt = conn.prepare_cached(
        "INSERT INTO search_units (document_id, section_ordinal, task_ordinal, role,
            start_char, end_char) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let mut fts_stmt = conn
        .prepare_cached("INSERT INTO search_fts (rowid, words, bi, uni) VALUES (?1, ?2, ?3, ?4)")?;
    for u in index::units(text, plan) {
        unit_stmt.execute(params![
            id,
            u.section.map(|s| s as i64),
            u.task.map(|t| t as i64),
            u.role.as_str(),
            u.start as i64,
            u.end as i64,
        ])?;
        let rowid = conn.last_insert_rowid();
        let body = index::char_slice(text, u.start, u.end);
        fts_stmt.execute(params![
            rowid,
            segment::word_stream(&body),
            segment::bigrams(&body),
            segment::unigrams(&body),
        ])?;
    }
    classify_tasks(conn, id, plan)?;
    conn.execute(
        "INSERT OR REPLACE INTO search_indexed (document_id, tokenizer) VALUES (?1, ?2)",
        params![id, TOKENIZER_VERSION],
    )?;
    Ok(())
}

/// Computes the themes of a document's task items (replacing earlier ones).
fn classify_tasks(conn: &Connection, id: i64, plan: &ParsedPlan) -> Result<(), StoreError> {
    conn.execute(
        "DELETE FROM task_themes WHERE task_id IN (SELECT id FROM task_items WHERE document_id = ?1)",
        [id],
    )?;
    let taxonomy = Taxonomy::builtin();
    let mut ids =
        conn.prepare_cached("SELECT id, ordinal FROM task_items WHERE document_id = ?1")?;
    let rows: Vec<(i64, i64)> = ids
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let mut ins = conn.prepare_cached(
        "INSERT OR REPLACE INTO task_themes (task_id, theme, confidence) VALUES (?1, ?2, ?3)",
    )?;
    for (task_id, ordinal) in rows {
        let Some(task) = usize::try_from(ordinal)
            .ok()
            .and_then(|o| plan.tasks.get(o))
        else {
            continue;
        };
        for s in taxonomy.classify(&task.title, &task.text) {
            ins.execute(params![task_id, s.theme, s.confidence])?;
        }
    }
    Ok(())
}

/// A theme of a task item.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct TaskTheme {
    /// Theme id.
    pub theme: String,
    /// Confidence in `(0, 1]` (1 for a theme the user added).
    pub confidence: f64,
    /// `auto` (classifier) or `user` (override).
    pub source: String,
}

/// Task items and targets of one document under one theme.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ThemeCoverage {
    /// Document id.
    pub document_id: i64,
    /// Theme id.
    pub theme: String,
    /// Task items with this theme.
    pub tasks: usize,
    /// Targets inside those task items.
    pub targets: usize,
}

impl Store {
    /// The themes in force for a task item, most confident first.
    pub fn task_themes(&self, task_id: i64) -> Result<Vec<TaskTheme>, StoreError> {
        self.task_ref(task_id)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT theme, confidence, source FROM task_themes_effective WHERE task_id = ?1
             ORDER BY confidence DESC, theme",
        )?;
        let rows = stmt.query_map([task_id], |r| {
            Ok(TaskTheme {
                theme: r.get(0)?,
                confidence: r.get(1)?,
                source: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Records the user's decision that a task item has (`assigned`) or has
    /// not a theme. Kept by document bytes and task position, so it survives
    /// re-import of the same file.
    pub fn set_task_theme(
        &mut self,
        task_id: i64,
        theme: &str,
        assigned: bool,
    ) -> Result<(), StoreError> {
        let n = self.conn.execute(
            "INSERT OR REPLACE INTO theme_overrides (sha256, task_ordinal, theme, assigned, set_at)
             SELECT d.sha256, t.ordinal, ?2, ?3, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
             FROM task_items t JOIN documents d ON d.id = t.document_id WHERE t.id = ?1",
            params![task_id, theme, assigned],
        )?;
        if n == 0 {
            return Err(StoreError::NoSuchTask(task_id));
        }
        Ok(())
    }

    /// Forgets the user's decision on a task item's theme.
    pub fn clear_task_theme(&mut self, task_id: i64, theme: &str) -> Result<(), StoreError> {
        self.task_ref(task_id)?;
        self.conn.execute(
            "DELETE FROM theme_overrides WHERE theme = ?2 AND EXISTS (
                SELECT 1 FROM task_items t JOIN documents d ON d.id = t.document_id
                WHERE t.id = ?1 AND d.sha256 = theme_overrides.sha256
                  AND t.ordinal = theme_overrides.task_ordinal)",
            params![task_id, theme],
        )?;
        Ok(())
    }

    /// Documents × themes: task items and targets per theme, for one
    /// document or all.
    pub fn theme_coverage(&self, document: Option<i64>) -> Result<Vec<ThemeCoverage>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT t.document_id, e.theme, count(*),
                    sum((SELECT count(*) FROM targets g
                         WHERE g.document_id = t.document_id AND g.task = t.ordinal))
             FROM task_themes_effective e JOIN task_items t ON t.id = e.task_id
             WHERE ?1 IS NULL OR t.document_id = ?1
             GROUP BY t.document_id, e.theme
             ORDER BY t.document_id, e.theme",
        )?;
        let rows = stmt.query_map([document], |r| {
            Ok(ThemeCoverage {
                document_id: r.get(0)?,
                theme: r.get(1)?,
                tasks: r.get::<_, i64>(2)? as usize,
                targets: r.get::<_, Option<i64>>(3)?.unwrap_or(0) as usize,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Indexes the documents stored before search existed (or with an older
    /// segmentation). Called on open; a no-op when everything is indexed.
    pub fn reindex_missing(&mut self) -> Result<usize, StoreError> {
        let ids: Vec<i64> = {
            let mut stmt = self.conn.prepare(
                "SELECT d.id FROM documents d LEFT JOIN search_indexed s ON s.document_id = d.id
                 WHERE s.tokenizer IS NULL OR s.tokenizer <> ?1 ORDER BY d.id",
            )?;
            let rows = stmt.query_map([TOKENIZER_VERSION], |r| r.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        for &id in &ids {
            let doc = self.document(id)?;
            let tx = self.conn.transaction()?;
            index_document(&tx, id, &doc.text, &doc.plan)?;
            tx.commit()?;
            self.documents_changed();
        }
        Ok(ids.len())
    }

    /// Searches all documents; hits ranked by bm25, best first.
    ///
    /// Returns `limit` hits whenever that many units contain every term
    /// literally: FTS candidates (a bigram phrase can straddle punctuation)
    /// are checked in rank order until `limit` of them pass or none is left.
    pub fn search(&self, q: &SearchQuery) -> Result<Vec<SearchHit>, StoreError> {
        let terms = segment::parse_query(&q.text);
        if terms.is_empty() {
            return Err(search::SearchError::EmptyQuery(q.text.clone()).into());
        }
        let limit = if q.limit == 0 { 20 } else { q.limit };
        let groups = query_groups(q, terms);
        let expr = groups_expr(&groups);
        let city = q
            .city
            .as_deref()
            .map(|c| c.trim_end_matches('市').to_string());
        // Phase 1: every matching unit's id and score, best first. Only small
        // columns, so that ranking never reads document texts; without filters
        // the FTS table alone answers (the unit id is its rowid).
        let unfiltered = city.is_none()
            && q.year.is_none()
            && q.kind.is_none()
            && q.role.is_none()
            && q.theme.is_none()
            && q.exclude_cities.is_empty();
        let candidates: Vec<(i64, f64)> = if unfiltered {
            let mut stmt = self.conn.prepare_cached(
                "SELECT rowid, bm25(search_fts, 2.0, 1.0, 1.0) AS score
                 FROM search_fts WHERE search_fts MATCH ?1
                 ORDER BY score, rowid",
            )?;
            let rows = stmt.query_map([&expr], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<Result<_, _>>()?
        } else {
            let mut stmt = self.conn.prepare_cached(
                "SELECT u.id, bm25(search_fts, 2.0, 1.0, 1.0) AS score
                 FROM search_fts
                 JOIN search_units u ON u.id = search_fts.rowid
                 JOIN documents d ON d.id = u.document_id
                 WHERE search_fts MATCH ?1
                   AND (?2 IS NULL OR d.city = ?2 OR d.city = ?2 || '市')
                   AND (?3 IS NULL OR (d.period_start <= ?3 AND coalesce(d.period_end, d.period_start) >= ?3))
                   AND (?4 IS NULL OR d.kind = ?4)
                   AND (?5 IS NULL OR u.role = ?5)
                   AND (?6 IS NULL OR (u.document_id, u.task_ordinal) IN (
                        SELECT t.document_id, t.ordinal
                        FROM task_themes_effective th JOIN task_items t ON t.id = th.task_id
                        WHERE th.theme = ?6))
                   AND coalesce(rtrim(d.city, '市'), '') NOT IN (
                        SELECT rtrim(value, '市') FROM json_each(?7))
                 ORDER BY score, u.id",
            )?;
            let rows = stmt.query_map(
                params![
                    expr,
                    city,
                    q.year,
                    q.kind.map(PlanKind::as_str),
                    q.role.map(SectionRole::as_str),
                    q.theme,
                    serde_json::to_string(&q.exclude_cities).unwrap_or_else(|_| "[]".into()),
                ],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            rows.collect::<Result<_, _>>()?
        };
        // Phase 2: read candidates in rank order and keep the literal hits.
        let mut stmt = self.conn.prepare_cached(
            "SELECT u.document_id, d.title, d.city, d.kind, d.period_start, s.path, s.title,
                    u.role, t.id, u.start_char, u.end_char,
                    substr(d.raw_text, u.start_char + 1, u.end_char - u.start_char)
             FROM search_units u
             JOIN documents d ON d.id = u.document_id
             LEFT JOIN sections s ON s.document_id = u.document_id AND s.ordinal = u.section_ordinal
             LEFT JOIN task_items t ON t.document_id = u.document_id AND t.ordinal = u.task_ordinal
             WHERE u.id = ?1",
        )?;
        let mut out = Vec::new();
        for (unit_id, score) in candidates {
            if out.len() == limit {
                break;
            }
            let Some(row) = stmt
                .query_row([unit_id], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, Option<String>>(1)?,
                        r.get::<_, Option<String>>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, Option<i32>>(4)?,
                        r.get::<_, Option<String>>(5)?,
                        r.get::<_, Option<String>>(6)?,
                        r.get::<_, String>(7)?,
                        r.get::<_, Option<i64>>(8)?,
                        r.get::<_, i64>(9)?,
                        r.get::<_, i64>(10)?,
                        r.get::<_, String>(11)?,
                    ))
                })
                .optional()?
            else {
                continue;
            };
            let (doc, title, city, kind, year, path, stitle, role, task, start, end, body) = row;
            // The bigram phrase can straddle punctuation; keep only literal hits,
            // and only units where every term (or one of its synonyms) occurs.
            let lower = body.to_lowercase();
            let Some(literals) = literal_hits(&groups, &lower) else {
                continue;
            };
            let local = search::find_terms(&body, &literals);
            let start = start.max(0) as usize;
            let (snippet, highlights) = search::snippet(&body, &local, SNIPPET_CONTEXT);
            let kind = PlanKind::parse(&kind).ok_or(StoreError::InvalidValue {
                column: "documents.kind",
                value: kind.clone(),
            })?;
            let meta = crate::model::DocumentMeta {
                title,
                city: city.clone(),
                kind,
                period: year.map(crate::model::Period::year),
                ..Default::default()
            };
            out.push(SearchHit {
                document_id: doc,
                document_title: meta.display_title(),
                city,
                year,
                kind,
                section_path: path.unwrap_or_default(),
                section_title: stitle.unwrap_or_default(),
                role: SectionRole::parse(&role).unwrap_or_default(),
                task_id: task,
                unit: Span {
                    start,
                    end: end.max(0) as usize,
                },
                score: -score,
                hits: local
                    .iter()
                    .map(|s| Span {
                        start: start + s.start,
                        end: start + s.end,
                    })
                    .collect(),
                snippet,
                highlights,
            });
        }
        Ok(out)
    }
}

/// A query as groups that must all match; a group matches when one of its
/// alternatives does, and an alternative when all its terms occur. Without
/// synonyms every term is a group of one alternative.
type Groups = Vec<Vec<Vec<segment::QueryTerm>>>;

fn query_groups(q: &SearchQuery, terms: Vec<segment::QueryTerm>) -> Groups {
    let expansions = if q.synonyms {
        search::synonyms::expand(
            &q.text,
            &crate::targets::Catalog::builtin(),
            &q.drop_synonyms,
        )
    } else {
        Vec::new()
    };
    let alternatives = |e: &search::synonyms::Expansion| {
        e.phrases
            .iter()
            .map(|p| segment::parse_query(p))
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
    };
    let whole: String = q
        .text
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    if let [e] = expansions.as_slice() {
        if e.term == whole {
            let mut group = vec![terms];
            group.extend(alternatives(e));
            return vec![group];
        }
    }
    terms
        .into_iter()
        .map(|t| {
            let mut group = Vec::new();
            if let Some(e) = expansions.iter().find(|e| e.term == t.literal) {
                group.extend(alternatives(e));
            }
            group.insert(0, vec![t]);
            group
        })
        .collect()
}

fn groups_expr(groups: &Groups) -> String {
    let and = |alt: &[segment::QueryTerm]| segment::match_expr(alt);
    groups
        .iter()
        .map(|g| match g.as_slice() {
            [one] => and(one),
            alts => format!(
                "({})",
                alts.iter()
                    .map(|a| format!("({})", and(a)))
                    .collect::<Vec<_>>()
                    .join(" OR ")
            ),
        })
        .collect::<Vec<_>>()
        .join(" AND ")
}

/// The literals to highlight when every group has an alternative whose
/// terms all occur in `lower` (the unit's text, lowercased); `None` otherwise.
fn literal_hits(groups: &Groups, lower: &str) -> Option<Vec<String>> {
    let mut out = Vec::new();
    for g in groups {
        let mut found = false;
        for alt in g {
            if alt.iter().all(|t| lower.contains(t.literal.as_str())) {
                found = true;
                out.extend(alt.iter().map(|t| t.literal.clone()));
            }
        }
        if !found {
            return None;
        }
    }
    Some(out)
}

/// A task item and where it sits, for listings.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct TaskRef {
    /// `task_items.id`.
    pub task_id: i64,
    /// Its document.
    pub document_id: i64,
    /// Display title of the document.
    pub document_title: String,
    /// City of the document.
    pub city: Option<String>,
    /// Section path, e.g. `二/(三)/6`.
    pub path: String,
    /// Heading or first sentence.
    pub title: String,
    /// Similarity to the query item (1 for the query item itself).
    pub score: f64,
}

impl Store {
    /// Title and text of every task item, for [`crate::similar::SimilarIndex`].
    pub fn task_texts(&self) -> Result<Vec<crate::similar::TaskText>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, document_id, title, body FROM task_items ORDER BY document_id, ordinal",
        )?;
        let rows = stmt.query_map([], |r| {
            let title: String = r.get(2)?;
            let body: String = r.get(3)?;
            Ok(crate::similar::TaskText {
                task_id: r.get(0)?,
                document_id: r.get(1)?,
                text: if body.starts_with(&title) {
                    body
                } else {
                    format!("{title}\n{body}")
                },
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// One task item with its document and path.
    pub fn task_ref(&self, task_id: i64) -> Result<TaskRef, StoreError> {
        let row = self
            .conn
            .prepare_cached(
                "SELECT t.document_id, d.title, d.city, d.kind, d.period_start, t.path, t.title
                 FROM task_items t JOIN documents d ON d.id = t.document_id WHERE t.id = ?1",
            )?
            .query_row([task_id], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, Option<i32>>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, String>(6)?,
                ))
            })
            .optional()?
            .ok_or(StoreError::NoSuchTask(task_id))?;
        let (document_id, title, city, kind, year, path, task_title) = row;
        let meta = crate::model::DocumentMeta {
            title,
            city: city.clone(),
            kind: PlanKind::parse(&kind).unwrap_or_default(),
            period: year.map(crate::model::Period::year),
            ..Default::default()
        };
        Ok(TaskRef {
            task_id,
            document_id,
            document_title: meta.display_title(),
            city,
            path,
            title: task_title,
            score: 1.0,
        })
    }

    /// The `top` task items of other documents most similar to `task_id`
    /// (TF-IDF cosine over jieba words), best first.
    ///
    /// The index is built on first use from the jieba word stream the search
    /// index stores for each task item, and kept until documents change
    /// (through this `Store`, or through another connection to the file).
    pub fn similar_tasks(&self, task_id: i64, top: usize) -> Result<Vec<TaskRef>, StoreError> {
        let found = {
            let cache = self.similar_index()?;
            let index = cache
                .as_ref()
                .map(|c| &c.index)
                .ok_or(StoreError::NoSuchTask(task_id))?;
            index
                .similar(task_id, top)
                .ok_or(StoreError::NoSuchTask(task_id))?
        };
        let mut out = Vec::with_capacity(found.len());
        for s in found {
            let mut r = self.task_ref(s.task_id)?;
            r.score = s.score;
            out.push(r);
        }
        Ok(out)
    }

    /// The distinctive words two task item texts share (see
    /// [`crate::similar::SimilarIndex::distinctive_shared_terms`]): those in
    /// at most a fifth of all task items, rarest first.
    pub fn shared_terms(&self, a: &str, b: &str) -> Result<Vec<String>, StoreError> {
        let cache = self.similar_index()?;
        Ok(match cache.as_ref() {
            Some(c) => c.index.distinctive_shared_terms(a, b, 0.2),
            None => crate::similar::shared_terms(a, b),
        })
    }

    /// The cached similar-task index, rebuilt first if documents changed
    /// since it was built. The returned borrow always holds `Some`.
    fn similar_index(&self) -> Result<std::cell::Ref<'_, Option<SimilarCache>>, StoreError> {
        let data_version = self.data_version()?;
        let fresh = self
            .similar
            .borrow()
            .as_ref()
            .is_some_and(|c| c.generation == self.generation && c.data_version == data_version);
        if !fresh {
            let index = self.build_similar_index()?;
            *self.similar.borrow_mut() = Some(SimilarCache {
                generation: self.generation,
                data_version,
                index,
            });
        }
        Ok(self.similar.borrow())
    }

    /// Builds the similar-task index from the stored word streams: every
    /// task item, with the jieba words of the search units inside it.
    fn build_similar_index(&self) -> Result<crate::similar::SimilarIndex, StoreError> {
        use std::collections::HashMap;
        let mut tasks: Vec<(i64, i64, Vec<String>)> = Vec::new();
        let mut at: HashMap<(i64, i64), usize> = HashMap::new();
        {
            let mut stmt = self.conn.prepare_cached(
                "SELECT id, document_id, ordinal FROM task_items ORDER BY document_id, ordinal",
            )?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                let (id, doc, ordinal): (i64, i64, i64) = (r.get(0)?, r.get(1)?, r.get(2)?);
                at.insert((doc, ordinal), tasks.len());
                tasks.push((id, doc, Vec::new()));
            }
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT u.document_id, u.task_ordinal, f.words
             FROM search_units u JOIN search_fts f ON f.rowid = u.id
             WHERE u.task_ordinal IS NOT NULL",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let key: (i64, i64) = (r.get(0)?, r.get(1)?);
            if let Some(&i) = at.get(&key) {
                let words: String = r.get::<_, Option<String>>(2)?.unwrap_or_default();
                tasks[i].2.push(words);
            }
        }
        Ok(crate::similar::SimilarIndex::from_words(tasks.iter().map(
            |(id, doc, streams)| {
                (
                    *id,
                    *doc,
                    streams.iter().flat_map(|s| s.split_ascii_whitespace()),
                )
            },
        )))
    }
}

/// The similar-task index with the state of the database it was built from.
pub(super) struct SimilarCache {
    generation: u64,
    data_version: i64,
    index: crate::similar::SimilarIndex,
}
