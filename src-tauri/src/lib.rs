//! # PlanLens desktop shell
//!
//! A thin Tauri v2 layer over the `planlens` core: it opens the database in
//! the app data directory (or `PLANLENS_DB`), loads the seed plans on first
//! start, and registers one command per UI need. The work is done by
//! [`backend::Backend`] (testable without a webview), which adapts core types
//! to the IPC types in [`dto`]. Errors cross IPC as `{code, message}`
//! ([`error::ApiError`]).
//!
//! Long work (imports, charts) runs on the blocking thread pool, never on the
//! UI thread; imports emit an `import-progress` event per file. Native
//! dialogs are opened from Rust, so the webview needs no file or dialog
//! permission at all.

pub mod backend;
pub mod commands;
pub mod corrections;
pub mod dto;
pub mod dto_corrections;
pub mod dto_explore;
pub mod error;
pub mod explore;

mod command_names;
pub use command_names::COMMANDS;

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};
use std::time::Instant;

use tauri::Manager;

use crate::backend::Backend;
use crate::error::AppError;

/// The managed state: the backend, or why it could not be opened (shown
/// by every command instead of crashing at start).
pub struct AppState {
    backend: Result<Arc<Backend>, error::ApiError>,
}

impl AppState {
    /// The backend, or the opening error.
    pub fn backend(&self) -> Result<Arc<Backend>, error::ApiError> {
        self.backend.clone()
    }
}

/// Where the database lives: `PLANLENS_DB` if set, else `planlens.db` in
/// the app data directory.
fn db_path(app: &tauri::AppHandle) -> Result<PathBuf, AppError> {
    if let Some(p) = std::env::var_os("PLANLENS_DB").filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    let dir = app
        .path()
        .app_data_dir()
        .map_err(|e| AppError::Internal(format!("no app data directory: {e}")))?;
    Ok(dir.join("planlens.db"))
}

static STARTED: OnceLock<Instant> = OnceLock::new();

/// Milliseconds since [`run`] was called (for the start-up benchmark).
pub fn millis_since_start() -> u128 {
    STARTED.get().map_or(0, |t| t.elapsed().as_millis())
}

/// Builds and runs the app.
pub fn run() {
    STARTED.get_or_init(Instant::now);
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            let opened = db_path(app.handle()).and_then(|p| Backend::open(&p));
            let backend = match opened {
                Ok(o) => {
                    if o.seeded > 0 {
                        eprintln!(
                            "planlens: new database {}: loaded the {} seed plans",
                            o.backend.path().display(),
                            o.seeded
                        );
                    }
                    Ok(Arc::new(o.backend))
                }
                Err(e) => {
                    eprintln!("planlens: cannot open the database: {e}");
                    Err(e.to_api())
                }
            };
            app.manage(AppState { backend });
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::list_documents,
            commands::get_document,
            commands::import_files,
            commands::delete_document,
            commands::list_indicators,
            commands::compare,
            commands::chart_svg,
            commands::export_chart,
            commands::save_text,
            commands::get_annotation,
            commands::save_annotation,
            commands::annotation_history,
            commands::restore_annotation,
            commands::list_annotations,
            commands::export_annotations,
            commands::list_slides,
            commands::add_slide,
            commands::remove_slide,
            commands::move_slide,
            commands::search,
            commands::similar_tasks,
            commands::task_pair,
            commands::list_themes,
            commands::theme_coverage,
            commands::theme_tasks,
            commands::task_themes,
            commands::set_task_theme,
            commands::catalog_indicators,
            commands::target_correction,
            commands::correct_target,
            commands::undo_target_correction,
            commands::restore_target_correction,
            commands::document_correction,
            commands::correct_document,
            commands::undo_document_correction,
            commands::list_corrections,
            commands::export_corrections,
            commands::app_ready,
        ])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("planlens: the app failed: {e}");
        std::process::exit(1);
    }
}
