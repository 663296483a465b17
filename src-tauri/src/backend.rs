//! Everything the commands do, without Tauri: one `Backend` per database,
//! callable from tests. Each method is a thin adapter from the core's types
//! to the DTOs; the work itself lives in the `planlens` crate.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use planlens::chart::{self, ChartData, ChartKind, ChartOptions, Theme};
use planlens::compare::Selection;
use planlens::ingest::{self, Context, DEFAULT_MAX_BYTES};
use planlens::metadata::Gazetteer;
use planlens::model::Target;
use planlens::present::{self, CompareData};
use planlens::store::{ImportOutcome, Store, TargetFilter};
use planlens::targets::Catalog;

use crate::dto::*;
use crate::dto_corrections::FieldChangeDto;
use crate::error::AppError;

/// The database and the indicator catalog of one running app.
pub struct Backend {
    store: Mutex<Store>,
    pub(crate) catalog: Catalog,
    path: PathBuf,
}

/// What became of one imported file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportedFile {
    /// Stored now or already present.
    pub status: ImportStatus,
    /// The document.
    pub document_id: i64,
    /// Its version number when it was stored as a new version of an earlier
    /// document (2 for the first change).
    pub version: Option<u32>,
}

/// Result of opening: the backend and how many seed plans were loaded.
pub struct Opened {
    /// The backend.
    pub backend: Backend,
    /// Seed plans loaded now (0 unless the database was empty).
    pub seeded: usize,
}

impl Backend {
    /// Opens (creating and migrating) the database at `path`; loads the
    /// five seed plans when it holds no document.
    pub fn open(path: &Path) -> Result<Opened, AppError> {
        let mut store = Store::open(path)?;
        let mut catalog = Catalog::builtin();
        for (phrase, id) in store.indicator_mappings()? {
            catalog.add_mapping(&phrase, &id)?;
        }
        let manifest = planlens::seeds::manifest();
        let ctx = Context {
            gazetteer: Gazetteer::builtin(),
            manifest: Some(&manifest),
            catalog: &catalog,
            max_bytes: DEFAULT_MAX_BYTES,
        };
        let seeded = planlens::seeds::load_if_empty(&mut store, &ctx)?;
        Ok(Opened {
            backend: Backend {
                store: Mutex::new(store),
                catalog,
                path: path.to_path_buf(),
            },
            seeded,
        })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub(crate) fn store(&self) -> Result<MutexGuard<'_, Store>, AppError> {
        self.store
            .lock()
            .map_err(|_| AppError::Internal("the database lock was poisoned".into()))
    }

    /// All documents.
    pub fn list_documents(&self) -> Result<Vec<DocumentSummary>, AppError> {
        Ok(self
            .store()?
            .list_documents()?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// One document in full, with task ids and targets.
    pub fn document(&self, id: i64) -> Result<DocumentDetail, AppError> {
        let (doc, targets, tables) = {
            let store = self.store()?;
            let doc = store.document(id)?;
            // Figures left out of comparisons stay in the Reader, marked, so
            // their correction can be seen and undone.
            let targets = store.targets(&TargetFilter {
                document: Some(id),
                include_excluded: true,
                ..TargetFilter::default()
            })?;
            let tables = store.document_tables(id)?;
            (doc, targets, tables)
        };
        let ids = doc.task_ids.clone();
        if ids.len() != doc.plan.tasks.len() {
            return Err(AppError::Internal(format!(
                "document {id}: {} task ids for {} task items",
                ids.len(),
                doc.plan.tasks.len()
            )));
        }
        let tasks = doc
            .plan
            .tasks
            .iter()
            .zip(ids)
            .enumerate()
            .map(|(ordinal, (t, tid))| TaskDto {
                id: tid,
                ordinal: ordinal as u32,
                section: t.section as u32,
                path: t.path.clone(),
                title: t.title.clone(),
                text: t.text.clone(),
                start: t.start as u32,
                end: t.end as u32,
            })
            .collect();
        Ok(DocumentDetail {
            sections: doc.plan.sections.iter().map(Into::into).collect(),
            tasks,
            targets: targets.iter().map(Into::into).collect(),
            tables: tables.iter().map(Into::into).collect(),
            warnings: doc.plan.warnings.iter().map(Into::into).collect(),
            noise: doc
                .plan
                .noise
                .iter()
                .map(|&(s, e)| (s as u32, e as u32))
                .collect(),
            text: doc.text,
            summary: doc.summary.into(),
        })
    }

    /// Analyses one file (without holding the database) and stores it
    /// through the core's import path ([`ingest::store_analysis`], as
    /// `planlens import`): format, table cells and versions included.
    pub fn import_file(&self, path: &Path) -> Result<ImportedFile, AppError> {
        let ctx = Context {
            gazetteer: Gazetteer::builtin(),
            manifest: None,
            catalog: &self.catalog,
            max_bytes: DEFAULT_MAX_BYTES,
        };
        let analysis = ingest::analyze_file(path, &ctx);
        let report = ingest::store_analysis(&mut *self.store()?, path, analysis);
        let (outcome, _) = report.result?;
        let (status, id) = match outcome {
            ImportOutcome::Imported(id) => (ImportStatus::Imported, id),
            ImportOutcome::AlreadyPresent(id) => (ImportStatus::AlreadyPresent, id),
        };
        Ok(ImportedFile {
            status,
            document_id: id,
            version: report.version.map(|v| v.version as u32),
        })
    }

    /// Deletes a document (annotations stay, anchored to its hash).
    pub fn delete_document(&self, id: i64) -> Result<(), AppError> {
        Ok(self.store()?.delete_document(id)?)
    }

    /// An indicator's display name in `lang` (the catalog's, else its id).
    pub(crate) fn label(&self, id: &str, lang: Lang) -> String {
        let (zh, en) = present::display_names(&self.catalog)(id);
        match lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// Stored targets of `documents` (all documents when empty).
    fn targets_of(&self, documents: &[i64]) -> Result<Vec<(i64, i64, Target)>, AppError> {
        let store = self.store()?;
        let all = if documents.is_empty() {
            store.targets(&TargetFilter::default())?
        } else {
            let mut v = Vec::new();
            for &d in documents {
                store.summary(d)?;
                v.extend(store.targets(&TargetFilter {
                    document: Some(d),
                    ..TargetFilter::default()
                })?);
            }
            v
        };
        Ok(all
            .into_iter()
            .map(|s| (s.document_id, s.id, s.target))
            .collect())
    }

    /// Indicators with figures in `documents`, most widely set first.
    pub fn indicators(
        &self,
        documents: &[i64],
        lang: Lang,
    ) -> Result<Vec<IndicatorOption>, AppError> {
        let targets = self.targets_of(documents)?;
        let mut by: HashMap<&str, (Vec<i64>, HashMap<&str, usize>)> = HashMap::new();
        for (doc, _, t) in &targets {
            let Some(id) = t.indicator_id.as_deref() else {
                continue;
            };
            let e = by.entry(id).or_default();
            if !e.0.contains(doc) {
                e.0.push(*doc);
            }
            *e.1.entry(t.unit.as_str()).or_default() += 1;
        }
        let mut out: Vec<IndicatorOption> = by
            .into_iter()
            .map(|(id, (docs, units))| IndicatorOption {
                id: id.to_string(),
                label: self.label(id, lang),
                unit: units
                    .into_iter()
                    .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
                    .map(|u| u.0.to_string())
                    .unwrap_or_default(),
                documents: docs.len() as u32,
            })
            .collect();
        out.sort_by(|a, b| b.documents.cmp(&a.documents).then(a.id.cmp(&b.id)));
        Ok(out)
    }

    /// The store's documents and targets, and the selection of `documents`
    /// and `indicators`, as the shared `present` path reads them.
    fn data(
        &self,
        documents: &[i64],
        indicators: &[String],
    ) -> Result<(CompareData, Selection, Vec<DocumentSummary>), AppError> {
        if documents.is_empty() {
            return Err(AppError::InvalidInput(
                "choose at least one document".into(),
            ));
        }
        let store = self.store()?;
        let summaries = documents
            .iter()
            .map(|&d| store.summary(d).map(DocumentSummary::from))
            .collect::<Result<Vec<_>, _>>()?;
        let data = CompareData::load(&store)?;
        let sel = Selection {
            docs: Some(documents.to_vec()),
            cities: None,
            indicators: Some(indicators.to_vec()),
            others: false,
        };
        Ok((data, sel, summaries))
    }

    /// The comparison table of documents × indicators.
    pub fn compare(&self, req: &CompareRequest) -> Result<Comparison, AppError> {
        let (data, mut sel, summaries) = self.data(&req.documents, &req.indicators)?;
        sel.others = req.include_other.unwrap_or(false);
        let table = present::comparison(&data, &self.catalog, &sel)?;
        let changes = self.corrected_figures(&req.documents)?;
        let by_id: HashMap<i64, DocumentSummary> =
            summaries.into_iter().map(|s| (s.id, s)).collect();
        let documents = table
            .docs
            .iter()
            .filter_map(|d| by_id.get(&d.id).cloned())
            .collect();
        let rows = table
            .rows
            .iter()
            .map(|r| self.row_dto(r, req.lang, &changes))
            .collect();
        let others = table
            .others
            .iter()
            .map(|r| self.row_dto(r, req.lang, &changes))
            .collect();
        Ok(Comparison {
            documents,
            rows,
            others,
        })
    }

    /// One comparison row for the UI; a 其他 row is labelled by its phrase.
    fn row_dto(
        &self,
        r: &planlens::compare::Row,
        lang: Lang,
        changes: &HashMap<i64, Vec<FieldChangeDto>>,
    ) -> CompareRow {
        let label = match (&r.phrase, lang) {
            (Some(p), Lang::Zh) => format!("其他：{p}"),
            (Some(p), Lang::En) => format!("Other: {p}"),
            (None, _) => self.label(&r.indicator_id, lang),
        };
        CompareRow {
            indicator_id: r.indicator_id.clone(),
            kind: r.kind.into(),
            label,
            cells: r
                .cells
                .iter()
                .map(|c| CompareCell {
                    document_id: c.doc_id,
                    headline: c.headline.map(|h| h as u32),
                    notes: c.notes.iter().map(|&n| n.into()).collect(),
                    figures: c
                        .figures
                        .iter()
                        .map(|f| CompareFigure {
                            target_id: f.target_id,
                            document_id: f.doc_id,
                            quote: f.quote.clone(),
                            start: f.start as u32,
                            value: f.value,
                            value_high: f.value_high,
                            unit: f.unit.clone(),
                            qualifier: f.qualifier.into(),
                            kind: f.kind.into(),
                            role: f.role.into(),
                            year: f.effective_year(),
                            normalized: f.normalized.as_ref().map(Into::into),
                            mentions: f
                                .mentions
                                .iter()
                                .map(|m| MentionDto {
                                    target_id: m.target_id,
                                    quote: m.quote.clone(),
                                    start: m.start as u32,
                                })
                                .collect(),
                            corrected: f.corrected,
                            changes: changes.get(&f.target_id).cloned().unwrap_or_default(),
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    /// What the user changed on each corrected figure of `documents`.
    fn corrected_figures(
        &self,
        documents: &[i64],
    ) -> Result<HashMap<i64, Vec<FieldChangeDto>>, AppError> {
        let store = self.store()?;
        let mut out = HashMap::new();
        for &d in documents {
            for t in store.targets(&TargetFilter {
                document: Some(d),
                ..TargetFilter::default()
            })? {
                if t.corrected {
                    out.insert(t.id, t.changes().iter().map(Into::into).collect());
                }
            }
        }
        Ok(out)
    }

    fn chart_data(&self, spec: &ChartSpec) -> Result<(ChartData, ChartOptions), AppError> {
        if !(64..=8192).contains(&spec.width) || !(64..=8192).contains(&spec.height) {
            return Err(AppError::InvalidInput(format!(
                "chart size {}×{} is out of range",
                spec.width, spec.height
            )));
        }
        let lang = match spec.lang {
            Lang::Zh => chart::Lang::Zh,
            Lang::En => chart::Lang::En,
        };
        let mut opts = ChartOptions {
            width: spec.width,
            height: spec.height,
            theme: match spec.theme {
                ChartTheme::Light => Theme::Light,
                ChartTheme::Dark => Theme::Dark,
            },
            lang,
            scale: 1.0,
            text_as_paths: false,
            title: None,
        };
        if let Some(metric) = spec.themes {
            return Ok((self.theme_heatmap(&spec.documents, metric, lang)?, opts));
        }
        let (data, selection, _) =
            self.data(&spec.documents, std::slice::from_ref(&spec.indicator))?;
        // One indicator may have several rows (stock, increment, rate kept
        // apart): then small multiples, titled by the indicator itself.
        let rows = present::comparison(&data, &self.catalog, &selection)?
            .row_indices(&spec.indicator)
            .len();
        let (kind, title) = if rows > 1 {
            (
                ChartKind::Multiples,
                Some(self.label(&spec.indicator, spec.lang)),
            )
        } else {
            (ChartKind::Bar, None)
        };
        let chart: ChartData = present::build_chart(
            &data,
            &self.catalog,
            &present::ChartSpec {
                kind,
                selection,
                city: None,
                lang,
            },
        )?;
        opts.title = title;
        Ok((chart, opts))
    }

    /// The chart as SVG text.
    pub fn chart_svg(&self, spec: &ChartSpec) -> Result<String, AppError> {
        let (data, opts) = self.chart_data(spec)?;
        Ok(chart::render_svg(&data, &opts)?)
    }

    /// The chart as a file: SVG with text as paths (looks the same in any
    /// program), or PNG at twice the size.
    pub fn chart_file(&self, spec: &ChartSpec, format: ExportFormat) -> Result<Vec<u8>, AppError> {
        let (data, mut opts) = self.chart_data(spec)?;
        Ok(match format {
            ExportFormat::Svg => {
                opts.text_as_paths = true;
                chart::render_svg(&data, &opts)?.into_bytes()
            }
            ExportFormat::Png => {
                opts.scale = 2.0;
                chart::render_png(&data, &opts)?
            }
        })
    }

    /// A task item's annotation.
    pub fn annotation(&self, task_id: i64) -> Result<Option<Annotation>, AppError> {
        Ok(self.store()?.annotation(task_id)?.map(Into::into))
    }

    /// Saves an annotation (a save that changes nothing adds no revision).
    pub fn save_annotation(
        &self,
        task_id: i64,
        draft: AnnotationDraft,
    ) -> Result<Annotation, AppError> {
        if draft.priority.is_some_and(|p| !(1..=3).contains(&p)) {
            return Err(AppError::InvalidInput("priority must be 1, 2 or 3".into()));
        }
        Ok(self
            .store()?
            .save_annotation(task_id, &draft.into())?
            .into())
    }

    /// An annotation's revisions, oldest first.
    pub fn annotation_history(&self, task_id: i64) -> Result<Vec<AnnotationRevision>, AppError> {
        Ok(self
            .store()?
            .annotation_history(task_id)?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// Restores a revision as the newest one.
    pub fn restore_annotation(&self, task_id: i64, revision: i64) -> Result<Annotation, AppError> {
        Ok(self.store()?.restore_annotation(task_id, revision)?.into())
    }

    /// Annotated items with context.
    pub fn annotated_items(
        &self,
        filter: AnnotationFilter,
    ) -> Result<Vec<AnnotatedItem>, AppError> {
        Ok(self
            .store()?
            .annotated_items(&filter.into())?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// Annotated items as CSV or Markdown (the core's export format), status
    /// and priority in words of `lang`.
    pub fn export_annotations(
        &self,
        filter: AnnotationFilter,
        format: TextFormat,
        lang: Lang,
    ) -> Result<String, AppError> {
        let items = self.store()?.annotated_items(&filter.into())?;
        let lang = match lang {
            Lang::Zh => chart::Lang::Zh,
            Lang::En => chart::Lang::En,
        };
        Ok(match format {
            TextFormat::Csv => planlens::export::annotations_csv(&items, lang),
            TextFormat::Markdown => planlens::export::annotations_markdown(&items, lang),
        })
    }

    /// The deck. A slide whose stored spec cannot be read is reported, not skipped.
    pub fn slides(&self) -> Result<Vec<Slide>, AppError> {
        self.store()?
            .slides()?
            .into_iter()
            .map(|s| {
                let spec: ChartSpec = serde_json::from_str(&s.chart_spec).map_err(|e| {
                    AppError::Internal(format!("slide {}: unreadable chart spec: {e}", s.id))
                })?;
                Ok(Slide {
                    id: s.id,
                    position: s.position,
                    title: s.title,
                    spec,
                    created_at: s.created_at,
                })
            })
            .collect()
    }

    /// Appends a chart to the deck.
    pub fn add_slide(&self, title: &str, spec: &ChartSpec) -> Result<Slide, AppError> {
        let json = serde_json::to_string(spec).map_err(|e| AppError::Internal(e.to_string()))?;
        let id = self.store()?.add_slide(title, &json)?;
        self.slides()?
            .into_iter()
            .find(|s| s.id == id)
            .ok_or_else(|| AppError::Internal(format!("slide {id} vanished")))
    }

    /// Removes a slide.
    pub fn remove_slide(&self, id: i64) -> Result<(), AppError> {
        Ok(self.store()?.remove_slide(id)?)
    }

    /// Moves a slide.
    pub fn move_slide(&self, id: i64, position: u32) -> Result<(), AppError> {
        Ok(self.store()?.move_slide(id, position as usize)?)
    }
}
