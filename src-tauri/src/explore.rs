//! The explore views' backend: search, similar task items side by side,
//! theme coverage and theme overrides. Thin adapters over the core, like
//! [`crate::backend`].

use planlens::chart::{ChartData, HeatmapChart};
use planlens::present;
use planlens::search::{self as core_search, SearchQuery};
use planlens::store::Store;
use planlens::targets::Catalog;
use planlens::themes::Taxonomy;

use crate::backend::Backend;
use crate::dto::DocumentSummary;
use crate::dto_explore::*;
use crate::error::AppError;

/// Most hits one search returns.
const MAX_HITS: u32 = 200;
/// Longest query accepted, in characters.
const MAX_QUERY_CHARS: usize = 200;
/// Most similar items one request returns.
const MAX_SIMILAR: u32 = 50;

impl Backend {
    /// Full-text search.
    pub fn search(&self, req: &SearchRequest) -> Result<SearchResults, AppError> {
        if let Some(t) = &req.theme {
            known_theme(t)?;
        }
        if req.query.chars().count() > MAX_QUERY_CHARS {
            return Err(AppError::InvalidInput(format!(
                "the query is longer than {MAX_QUERY_CHARS} characters"
            )));
        }
        let q = SearchQuery {
            text: req.query.clone(),
            city: req.city.clone().filter(|c| !c.trim().is_empty()),
            year: req.year,
            kind: req.kind.map(Into::into),
            role: req.role.map(Into::into),
            theme: req.theme.clone(),
            limit: req.limit.min(MAX_HITS) as usize,
            synonyms: req.synonyms,
            drop_synonyms: req.drop_synonyms.clone(),
            exclude_cities: req
                .exclude_cities
                .iter()
                .filter(|c| !c.trim().is_empty())
                .cloned()
                .collect(),
        };
        let hits = self
            .store()?
            .search(&q)?
            .into_iter()
            .map(Into::into)
            .collect();
        let synonyms = if q.synonyms {
            core_search::synonyms::expand(&q.text, &Catalog::builtin(), &q.drop_synonyms)
                .into_iter()
                .map(Into::into)
                .collect()
        } else {
            Vec::new()
        };
        Ok(SearchResults { hits, synonyms })
    }

    /// The task items of other documents most similar to `task_id`.
    pub fn similar_tasks(&self, task_id: i64, top: u32) -> Result<Vec<SimilarTask>, AppError> {
        let top = top.clamp(1, MAX_SIMILAR) as usize;
        Ok(self
            .store()?
            .similar_tasks(task_id, top)?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// Two task items side by side, with the content words they share
    /// located in each text.
    pub fn task_pair(&self, left: i64, right: i64) -> Result<TaskPair, AppError> {
        let store = self.store()?;
        let (l, r) = (side(&store, left)?, side(&store, right)?);
        let terms = store.shared_terms(&l.body, &r.body)?;
        let locate = |mut s: TaskSide| {
            s.shared = core_search::find_terms(&s.body, &terms)
                .into_iter()
                .map(Into::into)
                .collect();
            s
        };
        Ok(TaskPair {
            left: locate(l),
            right: locate(r),
            terms,
        })
    }

    /// The taxonomy.
    pub fn themes(&self) -> Vec<ThemeInfo> {
        Taxonomy::builtin()
            .themes()
            .iter()
            .map(Into::into)
            .collect()
    }

    /// Documents × themes.
    pub fn theme_coverage(&self) -> Result<ThemeCoverage, AppError> {
        let store = self.store()?;
        let documents: Vec<DocumentSummary> = store
            .list_documents()?
            .into_iter()
            .map(Into::into)
            .collect();
        let cells = store
            .theme_coverage(None)?
            .into_iter()
            .map(|c| CoverageCell {
                document_id: c.document_id,
                theme: c.theme,
                tasks: u32::try_from(c.tasks).unwrap_or(u32::MAX),
                targets: u32::try_from(c.targets).unwrap_or(u32::MAX),
            })
            .collect();
        Ok(ThemeCoverage {
            documents,
            themes: self.themes(),
            cells,
        })
    }

    /// Task items with a theme, in the given documents (all when empty).
    pub fn theme_tasks(&self, theme: &str, documents: &[i64]) -> Result<Vec<ThemeTask>, AppError> {
        known_theme(theme)?;
        Ok(self
            .store()?
            .theme_tasks(theme, documents)?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// The themes in force for a task item.
    pub fn task_themes(&self, task_id: i64) -> Result<Vec<TaskThemeDto>, AppError> {
        Ok(self
            .store()?
            .task_themes(task_id)?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// Records the user's decision on a theme of a task item; returns the
    /// themes now in force.
    pub fn set_task_theme(
        &self,
        task_id: i64,
        theme: &str,
        decision: ThemeDecision,
    ) -> Result<Vec<TaskThemeDto>, AppError> {
        known_theme(theme)?;
        {
            let mut store = self.store()?;
            match decision {
                ThemeDecision::Add => store.set_task_theme(task_id, theme, true)?,
                ThemeDecision::Remove => store.set_task_theme(task_id, theme, false)?,
                ThemeDecision::Reset => store.clear_task_theme(task_id, theme)?,
            }
        }
        self.task_themes(task_id)
    }

    /// The theme coverage heatmap of `documents` (all when empty).
    pub(crate) fn theme_heatmap(
        &self,
        documents: &[i64],
        metric: ThemeMetric,
        lang: planlens::chart::Lang,
    ) -> Result<ChartData, AppError> {
        let map: HeatmapChart = present::theme_heatmap(
            &*self.store()?,
            Taxonomy::builtin(),
            documents,
            metric.into(),
            lang,
        )?;
        Ok(ChartData::Heatmap(map))
    }
}

fn known_theme(id: &str) -> Result<(), AppError> {
    Taxonomy::builtin()
        .require(id)
        .map(|_| ())
        .map_err(|e| AppError::InvalidInput(e.to_string()))
}

fn side(store: &Store, task_id: i64) -> Result<TaskSide, AppError> {
    let r = store.task_ref(task_id)?;
    let t = store.task_text(task_id)?;
    Ok(TaskSide {
        task_id,
        document_id: r.document_id,
        document_title: r.document_title,
        city: r.city,
        path: t.path,
        title: t.title,
        body: t.body,
        start: u32::try_from(t.start).unwrap_or(u32::MAX),
        shared: Vec::new(),
    })
}
