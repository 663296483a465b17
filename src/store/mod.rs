//! SQLite storage of documents, their structure, targets and user mappings.
//!
//! One [`Store`] wraps one connection. The schema is migrated on open
//! ([`migrate`]); WAL journaling and foreign keys are on. Every imported
//! document is written in one transaction: all of it or nothing.

pub mod annotations;
pub mod corrections;
mod deck;
mod documents;
pub mod migrate;
mod search;
mod targets;
mod themes;
mod versions;

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use rusqlite::Connection;
use serde::Serialize;

use crate::model::{DocumentMeta, ParsedPlan, Target};

pub use annotations::{
    AnnotatedItem, Annotation, AnnotationDraft, AnnotationFilter, AnnotationRevision,
    AnnotationStatus,
};
pub use corrections::{
    CorrectionAuthor, CorrectionEntry, CorrectionRevision, CorrectionScope, DocumentChanges,
    DocumentCorrection, Exclusion, FieldChange, FigureAnchor, FigureChanges, FigureCorrection,
    FigureEdit, Mention,
};
pub use deck::Slide;
pub use search::{TaskRef, TaskTheme, ThemeCoverage};
pub use targets::TargetFilter;
pub use themes::{TaskText, ThemedTask};
pub use versions::{DocumentVersion, ImportExtras, StoredTargetCell, VersionInfo};

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// An SQLite error.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The database was written by a newer PlanLens.
    #[error("database schema version {found} is newer than this PlanLens supports ({supported}); upgrade PlanLens")]
    NewerSchema {
        /// Version found in the file.
        found: u32,
        /// Latest version this build knows.
        supported: u32,
    },
    /// The database file's folder could not be created.
    #[error("cannot create the database folder {path}: {source}")]
    CreateDir {
        /// Folder that could not be created.
        path: PathBuf,
        /// Underlying error.
        source: std::io::Error,
    },
    /// No document has this id.
    #[error("no document with id {0}")]
    NoSuchDocument(i64),
    /// No task item has this id.
    #[error("no task item with id {0}")]
    NoSuchTask(i64),
    /// No target has this id.
    #[error("no target with id {0}")]
    NoSuchTarget(i64),
    /// A merge of two figures that cannot be one target.
    #[error("cannot merge: {0}")]
    MergeNotAllowed(String),
    /// Undo with nothing left to undo.
    #[error("nothing to undo on {0}")]
    NothingToUndo(String),
    /// A correction has no such revision.
    #[error("the correction of {what} has no revision {revision}")]
    NoSuchCorrectionRevision {
        /// `target N` or `document N`.
        what: String,
        /// Revision asked for.
        revision: i64,
    },
    /// The annotation of a task item has no such revision.
    #[error("task item {task_id} has no annotation revision {revision}")]
    NoSuchRevision {
        /// Task item id.
        task_id: i64,
        /// Revision asked for.
        revision: i64,
    },
    /// The search query is unusable.
    #[error(transparent)]
    Search(#[from] crate::search::SearchError),
    /// No slide has this id.
    #[error("no slide with id {0}")]
    NoSuchSlide(i64),
    /// A stored value could not be read back (corrupt or foreign data).
    #[error("invalid stored value in {column}: {value}")]
    InvalidValue {
        /// Column that held it.
        column: &'static str,
        /// The value.
        value: String,
    },
}

/// A document ready to be stored: its analysis plus where it came from.
#[derive(Debug, Clone, Copy)]
pub struct NewDocument<'a> {
    /// Metadata (detected and overridden).
    pub meta: &'a DocumentMeta,
    /// File name it was read from.
    pub source_name: &'a str,
    /// SHA-256 of the source bytes, lowercase hex.
    pub sha256: &'a str,
    /// Encoding the bytes were decoded from.
    pub encoding: &'a str,
    /// The decoded text, verbatim.
    pub text: &'a str,
    /// Its structure.
    pub plan: &'a ParsedPlan,
    /// Its targets.
    pub targets: &'a [Target],
}

/// Result of storing a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "status", content = "id", rename_all = "snake_case")]
pub enum ImportOutcome {
    /// Newly stored under this id.
    Imported(i64),
    /// The same bytes were stored before under this id; nothing changed.
    AlreadyPresent(i64),
}

impl ImportOutcome {
    /// The document id either way.
    pub fn id(self) -> i64 {
        match self {
            ImportOutcome::Imported(id) | ImportOutcome::AlreadyPresent(id) => id,
        }
    }
}

/// A stored document's metadata and counts, for listings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentSummary {
    /// Document id.
    pub id: i64,
    /// Metadata.
    #[serde(flatten)]
    pub meta: DocumentMeta,
    /// File name it was imported from.
    pub source_name: String,
    /// SHA-256 of the source bytes.
    pub sha256: String,
    /// Encoding of the source bytes.
    pub encoding: String,
    /// When it was imported (UTC, RFC 3339).
    pub imported_at: String,
    /// Number of task items.
    pub tasks: usize,
    /// Number of parse warnings.
    pub warnings: usize,
    /// Number of targets.
    pub targets: usize,
    /// Version number among documents of the same city, kind and period
    /// (1 for the first import).
    pub version: i64,
    /// The stored document that replaced this one as the next version, if any.
    pub superseded_by: Option<i64>,
    /// Administrative level (prefecture, province, district, county), when
    /// the user gave it.
    pub level: Option<String>,
    /// Whether the user corrected the metadata (see [`Store::correct_document`]).
    pub corrected: bool,
}

/// A target as stored, with its ids.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredTarget {
    /// Target id.
    pub id: i64,
    /// Document it belongs to.
    pub document_id: i64,
    /// The record.
    #[serde(flatten)]
    pub target: Target,
    /// The indicator-table cell it was read from; `None` for a figure from
    /// running text.
    pub cell: Option<TargetCellInfo>,
    /// Whether the user corrected it: `target` then holds the corrected
    /// record and `original` the one extracted.
    pub corrected: bool,
    /// Why it is left out of comparisons (not a target, merged into another
    /// figure); `None` for a figure compared.
    pub excluded: Option<Exclusion>,
    /// The record as extracted, when corrected.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub original: Option<Target>,
    /// Figures the user merged into this one: its other mentions.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub merged: Vec<Mention>,
    /// Id of its correction (see [`Store::target_correction`]), if any.
    pub correction_id: Option<i64>,
}

/// Where in an indicator table (主要指标表) a target was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TargetCellInfo {
    /// Table, row and column (0-based; rows count header rows).
    #[serde(flatten)]
    pub cell: crate::formats::tables::CellRef,
    /// 约束性 (`binding`) or 预期性 (`expected`), when the row says.
    pub binding: Option<crate::formats::tables::Binding>,
}

/// A stored document in full.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredDocument {
    /// Metadata and counts.
    #[serde(flatten)]
    pub summary: DocumentSummary,
    /// The text, verbatim.
    pub text: String,
    /// Sections, task items, warnings, noise ranges.
    pub plan: ParsedPlan,
    /// Database ids of `plan.tasks`, in the same order (for annotations).
    pub task_ids: Vec<i64>,
}

/// The PlanLens database.
pub struct Store {
    conn: Connection,
    /// Bumped whenever this `Store` writes or deletes documents or their task
    /// items; keys the in-memory caches together with `PRAGMA data_version`
    /// (which only moves on other connections' commits).
    generation: u64,
    /// The similar-task index, built on first use (see [`Store::similar_tasks`]).
    similar: RefCell<Option<search::SimilarCache>>,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and migrates it.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::CreateDir {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        let conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        Self::setup(conn)
    }

    /// Opens a private in-memory database (for tests and `extract`).
    pub fn open_in_memory() -> Result<Store, StoreError> {
        Self::setup(Connection::open_in_memory()?)
    }

    fn setup(mut conn: Connection) -> Result<Store, StoreError> {
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        migrate::migrate_to(&mut conn, migrate::latest_version())?;
        let mut store = Store {
            conn,
            generation: 0,
            similar: RefCell::new(None),
        };
        store.reindex_missing()?;
        Ok(store)
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        migrate::current_version(&self.conn)
    }

    /// Whether no document has been stored yet.
    pub fn is_empty(&self) -> Result<bool, StoreError> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM documents", [], |r| r.get(0))?;
        Ok(n == 0)
    }

    /// Records that this `Store` changed documents or task items, so that
    /// caches built from them are rebuilt on next use.
    fn documents_changed(&mut self) {
        self.generation = self.generation.wrapping_add(1);
    }

    /// `PRAGMA data_version`: changes when another connection commits.
    fn data_version(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// Runs `PRAGMA integrity_check`; `Ok(true)` when the file is sound.
    pub fn integrity_ok(&self) -> Result<bool, StoreError> {
        let s: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        Ok(s == "ok")
    }
}

/// The default database path: `PLANLENS_DB` if set, else `planlens.db` in the
/// per-user data directory (e.g. `~/.local/share/planlens/`).
pub fn default_db_path() -> PathBuf {
    if let Some(p) = std::env::var_os("PLANLENS_DB").filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    directories::ProjectDirs::from("org", "PlanLens", "planlens")
        .map(|d| d.data_dir().join("planlens.db"))
        .unwrap_or_else(|| PathBuf::from("planlens.db"))
}
