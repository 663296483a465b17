//! From a file on disk to an analysed document, and into the store.
//!
//! [`analyze_document`] runs the whole pipeline on a file of any format
//! without storing anything: read the format ([`formats`]: text, docx, pdf,
//! html) → detect metadata (→ manifest overrides) → parse structure →
//! extract targets from the text and from indicator tables.
//! [`analyze_bytes`] is the same for plain text only. [`import_file`]
//! analyses one file and stores it in its own transaction (the CLI and the
//! desktop app both import through it); [`import_paths`] expands folders and
//! imports each file, reporting per file; one bad file never stops the
//! others and never changes the database. A changed version of a stored document (same city, kind
//! and period, different bytes) is stored as its next version and the
//! user's annotations follow the task items that still match.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::decode::{self, DecodeError};
use crate::formats::tables::TargetCell;
use crate::formats::{self, Format, FormatError, TableLayout};
use crate::metadata::{self, Gazetteer, Manifest};
use crate::model::{DocumentMeta, ParsedPlan, Target};
use crate::store::{ImportExtras, ImportOutcome, NewDocument, Store, StoreError, VersionInfo};
use crate::structure;
use crate::targets::{self, Catalog};

/// Files larger than this are refused unless the caller sets another limit.
pub const DEFAULT_MAX_BYTES: u64 = 50 * 1024 * 1024;

/// File endings read when importing a folder.
pub const PLAN_EXTENSIONS: &[&str] = formats::EXTENSIONS;

/// Why a file could not be analysed or imported. Every variant names the file.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The path does not exist.
    #[error("{path}: no such file or folder")]
    NotFound {
        /// The path.
        path: PathBuf,
    },
    /// The file could not be read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// Underlying error.
        source: std::io::Error,
    },
    /// The file is over the size limit.
    #[error("{path}: file is too large ({size} bytes; the limit is {limit} bytes)")]
    TooLarge {
        /// The path.
        path: PathBuf,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The bytes are not a plan text.
    #[error("{path}: {source}")]
    Decode {
        /// The path.
        path: PathBuf,
        /// What is wrong with the bytes.
        source: DecodeError,
    },
    /// The file is a docx, pdf or html file that cannot be read.
    #[error("{path}: {source}")]
    Format {
        /// The path.
        path: PathBuf,
        /// What is wrong with it.
        source: FormatError,
    },
    /// A folder holds no plan files.
    #[error("{path}: folder holds no plan files (looked for .{exts})", exts = PLAN_EXTENSIONS.join(", ."))]
    EmptyFolder {
        /// The folder.
        path: PathBuf,
    },
    /// Storing failed; the database is unchanged.
    #[error("{path}: could not be stored: {source}")]
    Store {
        /// The path.
        path: PathBuf,
        /// Underlying error.
        source: StoreError,
    },
}

/// What the pipeline needs besides the bytes.
pub struct Context<'a> {
    /// City and province names.
    pub gazetteer: &'a Gazetteer,
    /// Per-file metadata overrides, if any.
    pub manifest: Option<&'a Manifest>,
    /// Indicator catalog (with the user's mappings added).
    pub catalog: &'a Catalog,
    /// Largest file accepted, in bytes.
    pub max_bytes: u64,
}

/// A fully analysed document, not yet stored.
#[derive(Debug, Clone, Serialize)]
pub struct Analysis {
    /// Metadata.
    pub document: DocumentMeta,
    /// File name it was read from.
    pub source_name: String,
    /// SHA-256 of the bytes.
    pub sha256: String,
    /// Encoding the bytes were decoded from.
    pub encoding: String,
    /// Decoded text, verbatim.
    #[serde(skip)]
    pub text: String,
    /// Structure.
    pub plan: ParsedPlan,
    /// Targets (from the text and from indicator tables), in text order.
    pub targets: Vec<Target>,
    /// Format the file was read as.
    pub format: Format,
    /// Tables of the document (laid out by the file reader, then indicator
    /// tables written as text lines) and where their cells are in `text`.
    #[serde(skip)]
    pub tables: Vec<TableLayout>,
    /// Table provenance of the targets read from indicator tables.
    pub table_cells: Vec<TargetCell>,
}

impl Analysis {
    /// The document as the store takes it.
    pub fn as_new_document(&self) -> NewDocument<'_> {
        NewDocument {
            meta: &self.document,
            source_name: &self.source_name,
            sha256: &self.sha256,
            encoding: &self.encoding,
            text: &self.text,
            plan: &self.plan,
            targets: &self.targets,
        }
    }

    /// What the store keeps besides the document: format and table cells.
    pub fn extras(&self) -> ImportExtras<'_> {
        ImportExtras {
            format: self.format.as_str(),
            cells: &self.table_cells,
        }
    }
}

/// Runs decode → metadata → structure → targets on plain-text bytes already
/// in memory. For files of any format use [`analyze_document`].
pub fn analyze_bytes(
    bytes: &[u8],
    source_name: &str,
    ctx: &Context<'_>,
) -> Result<Analysis, DecodeError> {
    let decoded = decode::decode_bytes(bytes)?;
    let extracted = formats::Extracted {
        text: decoded.text,
        format: Format::Text,
        encoding: decoded.encoding.to_string(),
        tables: Vec::new(),
    };
    Ok(analyze_extracted(bytes, extracted, source_name, ctx))
}

/// Runs the pipeline on a file's bytes of any supported format (text, docx,
/// pdf, html), recognised from the bytes and `source_name`.
pub fn analyze_document(
    bytes: &[u8],
    source_name: &str,
    ctx: &Context<'_>,
) -> Result<Analysis, FormatError> {
    let extracted = formats::extract(bytes, source_name)?;
    Ok(analyze_extracted(bytes, extracted, source_name, ctx))
}

fn analyze_extracted(
    bytes: &[u8],
    extracted: formats::Extracted,
    source_name: &str,
    ctx: &Context<'_>,
) -> Analysis {
    let text = extracted.text;
    let mut meta = metadata::detect(&text, ctx.gazetteer);
    if let Some(m) = ctx.manifest {
        m.apply(source_name, &mut meta);
    }
    let plan = structure::parse(&text);
    let found = targets::extract_document(&text, extracted.tables, &plan, &meta, ctx.catalog);
    Analysis {
        document: meta,
        source_name: source_name.to_string(),
        sha256: decode::sha256_hex(bytes),
        encoding: extracted.encoding,
        text,
        plan,
        targets: found.targets,
        format: extracted.format,
        tables: found.tables,
        table_cells: found.cells,
    }
}

/// Reads and analyses one file, checking existence and size first.
pub fn analyze_file(path: &Path, ctx: &Context<'_>) -> Result<Analysis, IngestError> {
    let meta = std::fs::metadata(path).map_err(|e| io_error(path, e))?;
    if meta.len() > ctx.max_bytes {
        return Err(IngestError::TooLarge {
            path: path.to_path_buf(),
            size: meta.len(),
            limit: ctx.max_bytes,
        });
    }
    let bytes = std::fs::read(path).map_err(|e| io_error(path, e))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    analyze_document(&bytes, &name, ctx).map_err(|source| match source {
        FormatError::Decode(source) => IngestError::Decode {
            path: path.to_path_buf(),
            source,
        },
        source => IngestError::Format {
            path: path.to_path_buf(),
            source,
        },
    })
}

fn io_error(path: &Path, e: std::io::Error) -> IngestError {
    if e.kind() == std::io::ErrorKind::NotFound {
        IngestError::NotFound {
            path: path.to_path_buf(),
        }
    } else {
        IngestError::Io {
            path: path.to_path_buf(),
            source: e,
        }
    }
}

/// The outcome of importing one file.
#[derive(Debug)]
pub struct FileReport {
    /// The file.
    pub path: PathBuf,
    /// Stored (or already present) with its summary line, or why not.
    pub result: Result<(ImportOutcome, Analysis), IngestError>,
    /// When the file was stored as a new version of an earlier document:
    /// which, and what became of the annotations.
    pub version: Option<VersionInfo>,
}

/// Expands folders (one level of plan files, sorted by name) and keeps files
/// as given. A folder without plan files is reported as an error.
pub fn expand_paths(paths: &[PathBuf]) -> Vec<Result<PathBuf, IngestError>> {
    let mut out = Vec::new();
    for p in paths {
        if !p.is_dir() {
            out.push(Ok(p.clone()));
            continue;
        }
        let entries = match std::fs::read_dir(p) {
            Ok(e) => e,
            Err(e) => {
                out.push(Err(io_error(p, e)));
                continue;
            }
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|f| f.is_file() && has_plan_extension(f))
            .collect();
        files.sort();
        if files.is_empty() {
            out.push(Err(IngestError::EmptyFolder { path: p.clone() }));
        }
        out.extend(files.into_iter().map(Ok));
    }
    out
}

fn has_plan_extension(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| PLAN_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Imports files and folders; each file in its own transaction, through
/// [`import_file`].
pub fn import_paths(store: &mut Store, paths: &[PathBuf], ctx: &Context<'_>) -> Vec<FileReport> {
    expand_paths(paths)
        .into_iter()
        .map(|entry| match entry {
            Err(e) => FileReport {
                path: error_path(&e),
                result: Err(e),
                version: None,
            },
            Ok(path) => import_file(store, &path, ctx),
        })
        .collect()
}

/// Analyses one file and stores it in its own transaction: the one import
/// path of the CLI and the desktop app. Same as [`analyze_file`] followed by
/// [`store_analysis`].
pub fn import_file(store: &mut Store, path: &Path, ctx: &Context<'_>) -> FileReport {
    let analysis = analyze_file(path, ctx);
    store_analysis(store, path, analysis)
}

/// Stores the analysis of the file at `path` (or reports why there is
/// none) with everything the store keeps: format, table cells, and, for a
/// changed version of a stored document, the version with its annotations
/// and theme overrides carried over. Lets a caller analyse without holding
/// the store, then store.
pub fn store_analysis(
    store: &mut Store,
    path: &Path,
    analysis: Result<Analysis, IngestError>,
) -> FileReport {
    let mut version = None;
    let result = analysis.and_then(|a| {
        store
            .import_versioned(&a.as_new_document(), &a.extras())
            .map(|(o, v)| {
                version = v;
                (o, a)
            })
            .map_err(|source| IngestError::Store {
                path: path.to_path_buf(),
                source,
            })
    });
    FileReport {
        path: path.to_path_buf(),
        result,
        version,
    }
}

fn error_path(e: &IngestError) -> PathBuf {
    match e {
        IngestError::NotFound { path }
        | IngestError::Io { path, .. }
        | IngestError::TooLarge { path, .. }
        | IngestError::Decode { path, .. }
        | IngestError::Format { path, .. }
        | IngestError::EmptyFolder { path }
        | IngestError::Store { path, .. } => path.clone(),
    }
}
