//! From the store to comparison tables and charts: the one path the CLI and
//! the desktop app share, so what the UI shows is what a presenter exports.
//!
//! A [`ChartSpec`] names what to draw (kind, documents or cities, indicators);
//! it is plain data (serde), so a presenter deck stores it and redraws the
//! slide from current data at any size.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::chart::{
    BarChart, ChartData, ChartError, ChartKind, HeatmapChart, Lang, MultiplesChart, TimelineChart,
};
use crate::compare::{self, CompareInput, ComparisonTable, CoverageMatrix, DocRef, Selection};
use crate::model::Target;
use crate::store::{Store, StoreError, TargetFilter};
use crate::targets::Catalog;

/// Indicators shown by default in a bar chart when none are chosen.
const DEFAULT_BAR_INDICATORS: usize = 1;
/// Indicators shown by default in small multiples when none are chosen.
const DEFAULT_MULTIPLES_INDICATORS: usize = 6;

/// What can go wrong between the store and a chart.
#[derive(Debug, thiserror::Error)]
pub enum PresentError {
    /// Reading the store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Building or rendering the chart failed.
    #[error(transparent)]
    Chart(#[from] ChartError),
    /// An indicator id that the catalog does not know.
    #[error("unknown indicator id {0:?}")]
    UnknownIndicator(String),
    /// The selection holds no figure to draw.
    #[error("nothing to chart: the selected documents set none of the selected indicators")]
    NothingToChart,
    /// A timeline needs one city and one indicator.
    #[error("a timeline needs one city (--city) and one indicator (--indicators)")]
    TimelineNeedsCityAndIndicator,
}

/// What to chart, independent of size and theme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChartSpec {
    /// Chart kind.
    pub kind: ChartKind,
    /// Which documents, cities and indicators.
    #[serde(default)]
    pub selection: Selection,
    /// The city of a timeline.
    #[serde(default)]
    pub city: Option<String>,
    /// Label language.
    #[serde(default)]
    pub lang: Lang,
}

/// Documents and targets of a store, in the form the comparison reads.
#[derive(Debug, Clone, Default)]
pub struct CompareData {
    /// Documents.
    pub docs: Vec<DocRef>,
    /// `(document id, target id, target)`, with the user's corrections
    /// applied; figures the user left out of comparisons are not here.
    pub targets: Vec<(i64, i64, Target)>,
    /// Ids of the targets the user corrected.
    pub corrected: HashSet<i64>,
}

impl CompareData {
    /// Reads every document and target from the store.
    pub fn load(store: &Store) -> Result<CompareData, StoreError> {
        let docs = CompareData::load_documents(store)?;
        let mut corrected = HashSet::new();
        let targets = store
            .targets(&TargetFilter::default())?
            .into_iter()
            .map(|t| {
                if t.corrected {
                    corrected.insert(t.id);
                }
                (t.document_id, t.id, t.target)
            })
            .collect();
        Ok(CompareData {
            docs,
            targets,
            corrected,
        })
    }

    /// Every document of the store as a comparison column.
    pub fn load_documents(store: &Store) -> Result<Vec<DocRef>, StoreError> {
        Ok(store
            .list_documents()?
            .into_iter()
            .map(|d| DocRef {
                id: d.id,
                city: d.meta.city,
                province: d.meta.province,
                kind: d.meta.kind,
                period: d.meta.period,
                title: d.meta.title,
            })
            .collect())
    }

    /// The borrowed view the comparison functions take.
    pub fn input(&self) -> CompareInput<'_> {
        CompareInput {
            docs: &self.docs,
            targets: &self.targets,
        }
    }
}

/// Display names `(zh, en)` of indicator ids, from the catalog; an unknown id
/// is shown as itself.
pub fn display_names(catalog: &Catalog) -> impl Fn(&str) -> (String, String) + '_ {
    move |id: &str| {
        catalog
            .indicators()
            .iter()
            .find(|i| i.id == id)
            .map(|i| (i.name_zh.clone(), i.name_en.clone()))
            .unwrap_or_else(|| (id.to_string(), id.to_string()))
    }
}

/// Checks that every selected indicator id is in the catalog.
pub fn check_indicators(catalog: &Catalog, sel: &Selection) -> Result<(), PresentError> {
    for id in sel.indicators.iter().flatten() {
        if !catalog.indicators().iter().any(|i| &i.id == id) {
            return Err(PresentError::UnknownIndicator(id.clone()));
        }
    }
    Ok(())
}

/// The comparison table of a selection.
pub fn comparison(
    data: &CompareData,
    catalog: &Catalog,
    sel: &Selection,
) -> Result<ComparisonTable, PresentError> {
    check_indicators(catalog, sel)?;
    let mut table = compare::compare(&data.input(), sel);
    table.mark_corrected(|id| data.corrected.contains(&id));
    Ok(table)
}

/// The coverage matrix of a selection.
pub fn coverage(
    data: &CompareData,
    catalog: &Catalog,
    sel: &Selection,
) -> Result<CoverageMatrix, PresentError> {
    check_indicators(catalog, sel)?;
    Ok(compare::coverage(&data.input(), sel))
}

/// Builds the chart a spec asks for.
pub fn build_chart(
    data: &CompareData,
    catalog: &Catalog,
    spec: &ChartSpec,
) -> Result<ChartData, PresentError> {
    let names = display_names(catalog);
    let sel = &spec.selection;
    check_indicators(catalog, sel)?;
    let chart = match spec.kind {
        ChartKind::Heatmap => {
            let cov = compare::coverage(&data.input(), sel);
            if cov.indicators.is_empty() || cov.docs.is_empty() {
                return Err(PresentError::NothingToChart);
            }
            ChartData::Heatmap(HeatmapChart::from_coverage(&cov, &names, spec.lang)?)
        }
        ChartKind::Timeline => {
            let (Some(city), Some([indicator])) = (&spec.city, sel.indicators.as_deref()) else {
                return Err(PresentError::TimelineNeedsCityAndIndicator);
            };
            let tl = compare::timeline(&data.input(), city, indicator);
            if tl.series.iter().all(|(_, pts)| pts.is_empty()) {
                return Err(PresentError::NothingToChart);
            }
            ChartData::Timeline(TimelineChart::from_timeline(&tl, &names, spec.lang)?)
        }
        ChartKind::Bar | ChartKind::Multiples => {
            let table = compare::compare(&data.input(), sel);
            let default_n = if spec.kind == ChartKind::Bar {
                DEFAULT_BAR_INDICATORS
            } else {
                DEFAULT_MULTIPLES_INDICATORS
            };
            let rows = chart_rows(&table, sel, default_n);
            if rows.is_empty() {
                return Err(PresentError::NothingToChart);
            }
            if spec.kind == ChartKind::Bar {
                ChartData::Bar(BarChart::from_table(&table, &rows, &names, spec.lang)?)
            } else {
                ChartData::Multiples(MultiplesChart::from_table(
                    &table, &rows, &names, spec.lang,
                )?)
            }
        }
    };
    Ok(chart)
}

/// Rows to draw: those of the chosen indicators, or else the rows of the
/// `default_n` indicators set by the most documents.
fn chart_rows(table: &ComparisonTable, sel: &Selection, default_n: usize) -> Vec<usize> {
    let filled = |r: &usize| table.rows[*r].filled() > 0;
    if let Some(ids) = &sel.indicators {
        return ids
            .iter()
            .flat_map(|id| table.row_indices(id))
            .filter(filled)
            .collect();
    }
    let mut ids: Vec<(&str, usize)> = Vec::new();
    for row in &table.rows {
        match ids.iter_mut().find(|(id, _)| *id == row.indicator_id) {
            Some((_, n)) => *n = (*n).max(row.filled()),
            None => ids.push((&row.indicator_id, row.filled())),
        }
    }
    ids.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    ids.into_iter()
        .filter(|(_, n)| *n > 0)
        .take(default_n)
        .flat_map(|(id, _)| table.row_indices(id))
        .filter(filled)
        .collect()
}

/// Which count a theme coverage heatmap shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ThemeMetric {
    /// Task items under each theme.
    #[default]
    Tasks,
    /// Targets inside those task items.
    Targets,
}

/// The theme coverage heatmap of `documents` (all when empty): the themes of
/// `taxonomy` (rows, in taxonomy order) × documents (columns).
pub fn theme_heatmap(
    store: &Store,
    taxonomy: &crate::themes::Taxonomy,
    documents: &[i64],
    metric: ThemeMetric,
    lang: Lang,
) -> Result<HeatmapChart, PresentError> {
    let docs: Vec<DocRef> = CompareData::load_documents(store)?
        .into_iter()
        .filter(|d| documents.is_empty() || documents.contains(&d.id))
        .collect();
    let cov = store.theme_coverage(None)?;
    let themes = taxonomy.themes();
    let counts: Vec<Vec<usize>> = themes
        .iter()
        .map(|t| {
            docs.iter()
                .map(|d| {
                    cov.iter()
                        .find(|c| c.document_id == d.id && c.theme == t.id)
                        .map_or(0, |c| match metric {
                            ThemeMetric::Tasks => c.tasks,
                            ThemeMetric::Targets => c.targets,
                        })
                })
                .collect()
        })
        .collect();
    if docs.is_empty() || counts.iter().flatten().all(|&n| n == 0) {
        return Err(PresentError::NothingToChart);
    }
    let names: Vec<(String, String)> = themes
        .iter()
        .map(|t| (t.zh.clone(), t.en.clone()))
        .collect();
    Ok(HeatmapChart::from_themes(
        &docs,
        &names,
        counts,
        metric == ThemeMetric::Targets,
        lang,
    )?)
}
