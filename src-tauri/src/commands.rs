//! The IPC commands: argument plumbing over [`Backend`], work on the
//! blocking pool, dialogs opened from Rust. No business logic here.

use std::path::PathBuf;
use std::sync::Arc;

use tauri::{AppHandle, Emitter, State};
use tauri_plugin_dialog::{DialogExt, FilePath};

use crate::backend::Backend;
use crate::dto::*;
use crate::dto_corrections::*;
use crate::dto_explore::*;
use crate::error::{ApiError, AppError, Code};
use crate::AppState;

/// The event emitted once per imported file.
pub const IMPORT_PROGRESS_EVENT: &str = "import-progress";

type Res<T> = Result<T, ApiError>;

/// Runs `f` on the blocking pool with the backend.
async fn blocking<T, F>(state: State<'_, AppState>, f: F) -> Res<T>
where
    T: Send + 'static,
    F: FnOnce(&Backend) -> Result<T, AppError> + Send + 'static,
{
    let backend: Arc<Backend> = state.backend()?;
    tauri::async_runtime::spawn_blocking(move || f(&backend).map_err(|e| e.to_api()))
        .await
        .map_err(|e| ApiError {
            code: Code::Internal,
            message: format!("background task failed: {e}"),
        })?
}

fn file_path(p: FilePath) -> Res<PathBuf> {
    p.into_path().map_err(|e| ApiError {
        code: Code::InvalidInput,
        message: format!("not a local file: {e}"),
    })
}

/// Lists the documents.
#[tauri::command(rename_all = "snake_case")]
pub async fn list_documents(state: State<'_, AppState>) -> Res<Vec<DocumentSummary>> {
    blocking(state, |b| b.list_documents()).await
}

/// One document in full.
#[tauri::command(rename_all = "snake_case")]
pub async fn get_document(state: State<'_, AppState>, id: i64) -> Res<DocumentDetail> {
    blocking(state, move |b| b.document(id)).await
}

/// Picks files in the native dialog and imports them one by one, emitting
/// progress per file; `None` when the dialog was cancelled.
#[tauri::command(rename_all = "snake_case")]
pub async fn import_files(app: AppHandle, state: State<'_, AppState>) -> Res<Option<ImportReport>> {
    let backend = state.backend()?;
    let dialog = app.dialog().clone();
    let picked = tauri::async_runtime::spawn_blocking(move || {
        dialog
            .file()
            .add_filter("Plan text", planlens::ingest::PLAN_EXTENSIONS)
            .blocking_pick_files()
    })
    .await
    .map_err(|e| ApiError {
        code: Code::Internal,
        message: e.to_string(),
    })?;
    let Some(files) = picked else {
        return Ok(None);
    };
    let paths = files.into_iter().map(file_path).collect::<Res<Vec<_>>>()?;
    let total = paths.len() as u32;
    let mut report = ImportReport { files: Vec::new() };
    for (index, path) in paths.into_iter().enumerate() {
        let b = backend.clone();
        let p = path.clone();
        let result = tauri::async_runtime::spawn_blocking(move || b.import_file(&p))
            .await
            .map_err(|e| ApiError {
                code: Code::Internal,
                message: e.to_string(),
            })?;
        let file = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        let progress = match result {
            Ok(imported) => ImportProgress {
                index: index as u32,
                total,
                file,
                status: imported.status,
                document_id: Some(imported.document_id),
                message: None,
            },
            Err(e) => ImportProgress {
                index: index as u32,
                total,
                file,
                status: ImportStatus::Failed,
                document_id: None,
                message: Some(e.to_string()),
            },
        };
        // The UI also gets the full report at the end; a lost event only
        // delays the progress bar.
        let _ = app.emit(IMPORT_PROGRESS_EVENT, &progress);
        report.files.push(progress);
    }
    Ok(Some(report))
}

/// Deletes a document.
#[tauri::command(rename_all = "snake_case")]
pub async fn delete_document(state: State<'_, AppState>, id: i64) -> Res<()> {
    blocking(state, move |b| b.delete_document(id)).await
}

/// Indicators with figures in the documents.
#[tauri::command(rename_all = "snake_case")]
pub async fn list_indicators(
    state: State<'_, AppState>,
    documents: Vec<i64>,
    lang: Lang,
) -> Res<Vec<IndicatorOption>> {
    blocking(state, move |b| b.indicators(&documents, lang)).await
}

/// The comparison table.
#[tauri::command(rename_all = "snake_case")]
pub async fn compare(state: State<'_, AppState>, request: CompareRequest) -> Res<Comparison> {
    blocking(state, move |b| b.compare(&request)).await
}

/// The chart as SVG text.
#[tauri::command(rename_all = "snake_case")]
pub async fn chart_svg(state: State<'_, AppState>, spec: ChartSpec) -> Res<String> {
    blocking(state, move |b| b.chart_svg(&spec)).await
}

/// Asks where to save and writes `bytes` there; the path written, `None`
/// when cancelled.
async fn save_dialog(
    app: &AppHandle,
    name: String,
    filter: (&'static str, &'static [&'static str]),
    bytes: Vec<u8>,
) -> Res<Option<String>> {
    // Test hook for the end-to-end test, which cannot drive a native
    // dialog: with PLANLENS_SAVE_DIR set, files are written there under the
    // suggested name, without asking.
    if let Some(dir) = std::env::var_os("PLANLENS_SAVE_DIR").filter(|d| !d.is_empty()) {
        let path = PathBuf::from(dir).join(&name);
        std::fs::write(&path, bytes).map_err(|e| AppError::Io(e).to_api())?;
        return Ok(Some(path.display().to_string()));
    }
    let dialog = app.dialog().clone();
    tauri::async_runtime::spawn_blocking(move || -> Res<Option<String>> {
        let Some(target) = dialog
            .file()
            .set_file_name(&name)
            .add_filter(filter.0, filter.1)
            .blocking_save_file()
        else {
            return Ok(None);
        };
        let path = file_path(target)?;
        std::fs::write(&path, bytes).map_err(|e| AppError::Io(e).to_api())?;
        Ok(Some(path.display().to_string()))
    })
    .await
    .map_err(|e| ApiError {
        code: Code::Internal,
        message: e.to_string(),
    })?
}

/// Saves the chart as PNG or SVG through the save dialog.
#[tauri::command(rename_all = "snake_case")]
pub async fn export_chart(
    app: AppHandle,
    state: State<'_, AppState>,
    spec: ChartSpec,
    format: ExportFormat,
) -> Res<Option<String>> {
    let stem = if spec.themes.is_some() {
        "themes"
    } else {
        "chart"
    };
    let bytes = blocking(state, move |b| b.chart_file(&spec, format)).await?;
    let (name, filter): (String, (&'static str, &'static [&'static str])) = match format {
        ExportFormat::Png => (format!("{stem}.png"), ("PNG", &["png"])),
        ExportFormat::Svg => (format!("{stem}.svg"), ("SVG", &["svg"])),
    };
    save_dialog(&app, name, filter, bytes).await
}

/// Saves text the UI produced (the comparison table) through the save dialog.
#[tauri::command(rename_all = "snake_case")]
pub async fn save_text(
    app: AppHandle,
    suggested_name: String,
    format: TextFormat,
    content: String,
) -> Res<Option<String>> {
    let name: String = suggested_name
        .chars()
        .filter(|c| !matches!(c, '/' | '\\' | '\0'))
        .collect();
    save_dialog(&app, name, text_filter(format), content.into_bytes()).await
}

fn text_filter(format: TextFormat) -> (&'static str, &'static [&'static str]) {
    match format {
        TextFormat::Csv => ("CSV", &["csv"]),
        TextFormat::Markdown => ("Markdown", &["md"]),
    }
}

/// A task item's annotation.
#[tauri::command(rename_all = "snake_case")]
pub async fn get_annotation(state: State<'_, AppState>, task_id: i64) -> Res<Option<Annotation>> {
    blocking(state, move |b| b.annotation(task_id)).await
}

/// Saves an annotation.
#[tauri::command(rename_all = "snake_case")]
pub async fn save_annotation(
    state: State<'_, AppState>,
    task_id: i64,
    draft: AnnotationDraft,
) -> Res<Annotation> {
    blocking(state, move |b| b.save_annotation(task_id, draft)).await
}

/// An annotation's history.
#[tauri::command(rename_all = "snake_case")]
pub async fn annotation_history(
    state: State<'_, AppState>,
    task_id: i64,
) -> Res<Vec<AnnotationRevision>> {
    blocking(state, move |b| b.annotation_history(task_id)).await
}

/// Restores a revision.
#[tauri::command(rename_all = "snake_case")]
pub async fn restore_annotation(
    state: State<'_, AppState>,
    task_id: i64,
    revision: i64,
) -> Res<Annotation> {
    blocking(state, move |b| b.restore_annotation(task_id, revision)).await
}

/// Annotated items.
#[tauri::command(rename_all = "snake_case")]
pub async fn list_annotations(
    state: State<'_, AppState>,
    filter: AnnotationFilter,
) -> Res<Vec<AnnotatedItem>> {
    blocking(state, move |b| b.annotated_items(filter)).await
}

/// Exports annotated items through the save dialog.
#[tauri::command(rename_all = "snake_case")]
pub async fn export_annotations(
    app: AppHandle,
    state: State<'_, AppState>,
    filter: AnnotationFilter,
    format: TextFormat,
    lang: Lang,
) -> Res<Option<String>> {
    let text = blocking(state, move |b| b.export_annotations(filter, format, lang)).await?;
    let name = match format {
        TextFormat::Csv => "annotations.csv",
        TextFormat::Markdown => "annotations.md",
    };
    save_dialog(
        &app,
        name.to_string(),
        text_filter(format),
        text.into_bytes(),
    )
    .await
}

/// The deck.
#[tauri::command(rename_all = "snake_case")]
pub async fn list_slides(state: State<'_, AppState>) -> Res<Vec<Slide>> {
    blocking(state, |b| b.slides()).await
}

/// Appends a slide.
#[tauri::command(rename_all = "snake_case")]
pub async fn add_slide(state: State<'_, AppState>, title: String, spec: ChartSpec) -> Res<Slide> {
    blocking(state, move |b| b.add_slide(&title, &spec)).await
}

/// Removes a slide.
#[tauri::command(rename_all = "snake_case")]
pub async fn remove_slide(state: State<'_, AppState>, id: i64) -> Res<()> {
    blocking(state, move |b| b.remove_slide(id)).await
}

/// Moves a slide.
#[tauri::command(rename_all = "snake_case")]
pub async fn move_slide(state: State<'_, AppState>, id: i64, position: u32) -> Res<()> {
    blocking(state, move |b| b.move_slide(id, position)).await
}

/// Full-text search.
#[tauri::command(rename_all = "snake_case")]
pub async fn search(state: State<'_, AppState>, request: SearchRequest) -> Res<SearchResults> {
    blocking(state, move |b| b.search(&request)).await
}

/// Task items of other documents similar to one.
#[tauri::command(rename_all = "snake_case")]
pub async fn similar_tasks(
    state: State<'_, AppState>,
    task_id: i64,
    top: u32,
) -> Res<Vec<SimilarTask>> {
    blocking(state, move |b| b.similar_tasks(task_id, top)).await
}

/// Two task items side by side with their shared terms.
#[tauri::command(rename_all = "snake_case")]
pub async fn task_pair(state: State<'_, AppState>, left: i64, right: i64) -> Res<TaskPair> {
    blocking(state, move |b| b.task_pair(left, right)).await
}

/// The theme taxonomy.
#[tauri::command(rename_all = "snake_case")]
pub async fn list_themes(state: State<'_, AppState>) -> Res<Vec<ThemeInfo>> {
    blocking(state, |b| Ok(b.themes())).await
}

/// The theme coverage table.
#[tauri::command(rename_all = "snake_case")]
pub async fn theme_coverage(state: State<'_, AppState>) -> Res<ThemeCoverage> {
    blocking(state, |b| b.theme_coverage()).await
}

/// Task items under a theme.
#[tauri::command(rename_all = "snake_case")]
pub async fn theme_tasks(
    state: State<'_, AppState>,
    theme: String,
    documents: Vec<i64>,
) -> Res<Vec<ThemeTask>> {
    blocking(state, move |b| b.theme_tasks(&theme, &documents)).await
}

/// The themes of a task item.
#[tauri::command(rename_all = "snake_case")]
pub async fn task_themes(state: State<'_, AppState>, task_id: i64) -> Res<Vec<TaskThemeDto>> {
    blocking(state, move |b| b.task_themes(task_id)).await
}

/// Overrides (or resets) a theme of a task item.
#[tauri::command(rename_all = "snake_case")]
pub async fn set_task_theme(
    state: State<'_, AppState>,
    task_id: i64,
    theme: String,
    decision: ThemeDecision,
) -> Res<Vec<TaskThemeDto>> {
    blocking(state, move |b| b.set_task_theme(task_id, &theme, decision)).await
}

/// Called once by the UI when the Library first shows documents. With
/// `PLANLENS_STARTUP_LOG` set, prints the time since launch to stderr (read by
/// `scripts/bench_startup.sh`).
#[tauri::command(rename_all = "snake_case")]
pub fn app_ready() {
    if std::env::var_os("PLANLENS_STARTUP_LOG").is_some() {
        eprintln!(
            "planlens: library shown {} ms after launch (pid {})",
            crate::millis_since_start(),
            std::process::id()
        );
    }
}

/// Every catalog indicator (to choose a figure's indicator).
#[tauri::command(rename_all = "snake_case")]
pub async fn catalog_indicators(
    state: State<'_, AppState>,
    lang: Lang,
) -> Res<Vec<CatalogIndicator>> {
    blocking(state, move |b| Ok(b.catalog_indicators(lang))).await
}

/// A figure as it reads now, with its correction's history.
#[tauri::command(rename_all = "snake_case")]
pub async fn target_correction(
    state: State<'_, AppState>,
    target_id: i64,
) -> Res<TargetCorrection> {
    blocking(state, move |b| b.target_correction(target_id)).await
}

/// Corrects a figure.
#[tauri::command(rename_all = "snake_case")]
pub async fn correct_target(
    state: State<'_, AppState>,
    target_id: i64,
    edits: Vec<FigureFieldEdit>,
    author: CorrectionAuthorDto,
) -> Res<TargetCorrection> {
    blocking(state, move |b| b.correct_target(target_id, edits, author)).await
}

/// Undoes the last change of a figure's correction.
#[tauri::command(rename_all = "snake_case")]
pub async fn undo_target_correction(
    state: State<'_, AppState>,
    target_id: i64,
    author: CorrectionAuthorDto,
) -> Res<TargetCorrection> {
    blocking(state, move |b| b.undo_target_correction(target_id, author)).await
}

/// Brings back a revision of a figure's correction (0: as extracted).
#[tauri::command(rename_all = "snake_case")]
pub async fn restore_target_correction(
    state: State<'_, AppState>,
    target_id: i64,
    revision: i64,
    author: CorrectionAuthorDto,
) -> Res<TargetCorrection> {
    blocking(state, move |b| {
        b.restore_target_correction(target_id, revision, author)
    })
    .await
}

/// A document's metadata correction.
#[tauri::command(rename_all = "snake_case")]
pub async fn document_correction(
    state: State<'_, AppState>,
    document_id: i64,
) -> Res<DocumentCorrectionDto> {
    blocking(state, move |b| b.document_correction(document_id)).await
}

/// Corrects a document's metadata.
#[tauri::command(rename_all = "snake_case")]
pub async fn correct_document(
    state: State<'_, AppState>,
    document_id: i64,
    edits: Vec<DocumentFieldEdit>,
    author: CorrectionAuthorDto,
) -> Res<DocumentCorrectionDto> {
    blocking(state, move |b| {
        b.correct_document(document_id, edits, author)
    })
    .await
}

/// Undoes the last change of a document's metadata correction.
#[tauri::command(rename_all = "snake_case")]
pub async fn undo_document_correction(
    state: State<'_, AppState>,
    document_id: i64,
    author: CorrectionAuthorDto,
) -> Res<DocumentCorrectionDto> {
    blocking(state, move |b| {
        b.undo_document_correction(document_id, author)
    })
    .await
}

/// Every correction with its context.
#[tauri::command(rename_all = "snake_case")]
pub async fn list_corrections(state: State<'_, AppState>) -> Res<Vec<CorrectionEntryDto>> {
    blocking(state, |b| b.corrections()).await
}

/// Exports every correction as CSV through the save dialog.
#[tauri::command(rename_all = "snake_case")]
pub async fn export_corrections(app: AppHandle, state: State<'_, AppState>) -> Res<Option<String>> {
    let text = blocking(state, |b| b.corrections_csv()).await?;
    save_dialog(
        &app,
        "corrections.csv".to_string(),
        text_filter(TextFormat::Csv),
        text.into_bytes(),
    )
    .await
}
