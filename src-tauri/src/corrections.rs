//! The corrections' backend: correcting a figure or a document's metadata,
//! undo, restore, history, the list of all corrections and its CSV. Thin
//! adapters over the core's `Store::correct_*` (which keeps the history and
//! applies corrections on every read), like [`crate::backend`].

use planlens::model as core;
use planlens::store::{
    CorrectionAuthor, DocumentChanges, FigureChanges, FigureEdit, Store, TargetFilter,
};

use crate::backend::Backend;
use crate::dto::{DocumentSummary, Lang, TargetDto};
use crate::dto_corrections::*;
use crate::error::AppError;

/// Longest free-text field accepted, in characters.
const MAX_TEXT: usize = 500;

fn text(field: &str, v: Option<String>) -> Result<Option<String>, AppError> {
    let v = v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    if v.as_ref().is_some_and(|s| s.chars().count() > MAX_TEXT) {
        return Err(AppError::InvalidInput(format!(
            "{field} is longer than {MAX_TEXT} characters"
        )));
    }
    Ok(v)
}

fn finite(field: &str, v: f64) -> Result<f64, AppError> {
    if v.is_finite() {
        Ok(v)
    } else {
        Err(AppError::InvalidInput(format!("{field} must be a number")))
    }
}

fn author(a: CorrectionAuthorDto) -> Result<CorrectionAuthor, AppError> {
    Ok(CorrectionAuthor {
        owner: text("owner", a.owner)?,
        note: text("note", a.note)?,
    })
}

impl Backend {
    /// Every catalog indicator (for choosing a figure's indicator), in
    /// catalog order.
    pub fn catalog_indicators(&self, lang: Lang) -> Vec<CatalogIndicator> {
        self.catalog
            .indicators()
            .iter()
            .map(|i| CatalogIndicator {
                id: i.id.clone(),
                label: self.label(&i.id, lang),
            })
            .collect()
    }

    /// The core's edit for a list of field edits; unknown indicators and
    /// numbers that are not finite are refused.
    fn figure_edit(&self, edits: Vec<FigureFieldEdit>) -> Result<FigureEdit, AppError> {
        if edits.is_empty() {
            return Err(AppError::InvalidInput("nothing to correct".into()));
        }
        let mut c = FigureChanges::default();
        let mut merge_into = None;
        for e in edits {
            match e {
                FigureFieldEdit::NotATarget(v) => c.not_a_target = Some(v),
                FigureFieldEdit::IndicatorId(id) => {
                    if let Some(id) = &id {
                        if !self.catalog.indicators().iter().any(|i| &i.id == id) {
                            return Err(AppError::InvalidInput(format!(
                                "unknown indicator id {id:?}"
                            )));
                        }
                    }
                    c.indicator_id = Some(id);
                }
                FigureFieldEdit::Value(v) => c.value = Some(finite("value", v)?),
                FigureFieldEdit::ValueHigh(v) => {
                    c.value_high = Some(v.map(|v| finite("value_high", v)).transpose()?)
                }
                FigureFieldEdit::Unit(u) => {
                    let u = text("unit", Some(u))?
                        .ok_or_else(|| AppError::InvalidInput("the unit is empty".into()))?;
                    c.unit = Some(u);
                }
                FigureFieldEdit::Qualifier(q) => c.qualifier = Some(q.into()),
                FigureFieldEdit::Kind(k) => c.kind = Some(k.into()),
                FigureFieldEdit::Role(r) => c.role = Some(r.into()),
                FigureFieldEdit::Year(y) => {
                    if y.is_some_and(|y| !(1900..=2200).contains(&y)) {
                        return Err(AppError::InvalidInput(format!(
                            "year {} is out of range",
                            y.unwrap_or_default()
                        )));
                    }
                    c.year = Some(y);
                }
                FigureFieldEdit::MergeInto(other) => merge_into = Some(other),
            }
        }
        Ok(FigureEdit {
            changes: c,
            merge_into,
        })
    }

    /// The figure's correction state.
    fn target_state(&self, store: &Store, target_id: i64) -> Result<TargetCorrection, AppError> {
        let document = store.target_document(target_id)?;
        let target = store
            .targets(&TargetFilter {
                document: Some(document),
                include_excluded: true,
                ..TargetFilter::default()
            })?
            .into_iter()
            .find(|t| t.id == target_id)
            .ok_or(planlens::store::StoreError::NoSuchTarget(target_id))?;
        let correction = store.target_correction(target_id)?;
        let history = store
            .target_correction_history(target_id)?
            .into_iter()
            .map(Into::into)
            .collect();
        Ok(TargetCorrection {
            target: TargetDto::from(&target),
            revision: correction.as_ref().map_or(0, |c| c.revision),
            owner: correction.as_ref().and_then(|c| c.owner.clone()),
            updated_at: correction.map(|c| c.updated_at),
            history,
        })
    }

    /// A figure as it reads now, with its correction's revision and history.
    pub fn target_correction(&self, target_id: i64) -> Result<TargetCorrection, AppError> {
        let store = self.store()?;
        self.target_state(&store, target_id)
    }

    /// Corrects a figure: sets the fields edited, as a new revision.
    pub fn correct_target(
        &self,
        target_id: i64,
        edits: Vec<FigureFieldEdit>,
        who: CorrectionAuthorDto,
    ) -> Result<TargetCorrection, AppError> {
        let edit = self.figure_edit(edits)?;
        let who = author(who)?;
        let mut store = self.store()?;
        store.correct_target(target_id, &edit, &who)?;
        self.target_state(&store, target_id)
    }

    /// Undoes the last change of a figure's correction.
    pub fn undo_target_correction(
        &self,
        target_id: i64,
        who: CorrectionAuthorDto,
    ) -> Result<TargetCorrection, AppError> {
        let who = author(who)?;
        let mut store = self.store()?;
        store.undo_target_correction(target_id, &who)?;
        self.target_state(&store, target_id)
    }

    /// Brings back revision `revision` of a figure's correction (0: as
    /// extracted).
    pub fn restore_target_correction(
        &self,
        target_id: i64,
        revision: i64,
        who: CorrectionAuthorDto,
    ) -> Result<TargetCorrection, AppError> {
        let who = author(who)?;
        let mut store = self.store()?;
        store.restore_target_correction(target_id, revision, &who)?;
        self.target_state(&store, target_id)
    }

    fn document_state(
        &self,
        store: &Store,
        document_id: i64,
    ) -> Result<DocumentCorrectionDto, AppError> {
        let summary = store.summary(document_id)?;
        let correction = store.document_correction(document_id)?;
        let changes = store
            .corrections(Some(document_id))?
            .into_iter()
            .find(|e| e.scope == planlens::store::CorrectionScope::Document)
            .map(|e| e.changes.iter().map(Into::into).collect())
            .unwrap_or_default();
        let history = store
            .document_correction_history(document_id)?
            .into_iter()
            .map(Into::into)
            .collect();
        Ok(DocumentCorrectionDto {
            document: DocumentSummary::from(summary),
            changes,
            revision: correction.as_ref().map_or(0, |c| c.revision),
            owner: correction.and_then(|c| c.owner),
            history,
        })
    }

    /// A document as it reads now, with its metadata correction.
    pub fn document_correction(&self, document_id: i64) -> Result<DocumentCorrectionDto, AppError> {
        let store = self.store()?;
        self.document_state(&store, document_id)
    }

    /// Corrects a document's metadata: sets the fields edited (`null`
    /// clears one), as a new revision.
    pub fn correct_document(
        &self,
        document_id: i64,
        edits: Vec<DocumentFieldEdit>,
        who: CorrectionAuthorDto,
    ) -> Result<DocumentCorrectionDto, AppError> {
        if edits.is_empty() {
            return Err(AppError::InvalidInput("nothing to correct".into()));
        }
        let mut c = DocumentChanges::default();
        for e in edits {
            match e {
                DocumentFieldEdit::Title(v) => c.title = Some(text("title", v)?),
                DocumentFieldEdit::City(v) => c.city = Some(text("city", v)?),
                DocumentFieldEdit::Province(v) => c.province = Some(text("province", v)?),
                DocumentFieldEdit::Level(v) => c.level = Some(text("level", v)?),
                DocumentFieldEdit::Kind(k) => c.kind = Some(k.into()),
                DocumentFieldEdit::Period(p) => {
                    if let Some(p) = p {
                        if p.end < p.start || !(1900..=2200).contains(&p.start) || p.end > 2200 {
                            return Err(AppError::InvalidInput(format!(
                                "period {}–{} is not a range of years",
                                p.start, p.end
                            )));
                        }
                    }
                    c.period = Some(p.map(|p| core::Period {
                        start: p.start,
                        end: p.end,
                    }));
                }
                DocumentFieldEdit::Issuer(v) => c.issuer = Some(text("issuer", v)?),
                DocumentFieldEdit::DocNumber(v) => c.doc_number = Some(text("doc_number", v)?),
            }
        }
        let who = author(who)?;
        let mut store = self.store()?;
        store.correct_document(document_id, &c, &who)?;
        self.document_state(&store, document_id)
    }

    /// Undoes the last change of a document's metadata correction.
    pub fn undo_document_correction(
        &self,
        document_id: i64,
        who: CorrectionAuthorDto,
    ) -> Result<DocumentCorrectionDto, AppError> {
        let who = author(who)?;
        let mut store = self.store()?;
        store.undo_document_correction(document_id, &who)?;
        self.document_state(&store, document_id)
    }

    /// Every correction with its context.
    pub fn corrections(&self) -> Result<Vec<CorrectionEntryDto>, AppError> {
        Ok(self
            .store()?
            .corrections(None)?
            .iter()
            .map(Into::into)
            .collect())
    }

    /// Every correction as CSV (what `planlens corrections --csv` prints).
    pub fn corrections_csv(&self) -> Result<String, AppError> {
        let entries = self.store()?.corrections(None)?;
        Ok(planlens::export::corrections_csv(&entries))
    }
}
