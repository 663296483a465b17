//! The one error type of the shell and its IPC form `{code, message}`.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A small, stable classification of errors that the UI mirrors
/// (`ui/src/platform/errors.ts`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Code {
    /// A document, task item, revision or slide does not exist.
    NotFound,
    /// The request itself is wrong (bad id list, bad priority, bad file).
    InvalidInput,
    /// A file could not be read or written.
    Io,
    /// The database failed or is from a newer PlanLens.
    Database,
    /// A bug.
    Internal,
}

/// An error as it crosses IPC.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ApiError {
    /// Classification.
    pub code: Code,
    /// Human-readable explanation (English, from the core).
    pub message: String,
}

/// Everything a command can fail with.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] planlens::store::StoreError),
    /// Loading the seed plans failed.
    #[error(transparent)]
    Seed(#[from] planlens::seeds::SeedError),
    /// Importing a file failed.
    #[error(transparent)]
    Ingest(#[from] planlens::ingest::IngestError),
    /// Drawing a chart failed.
    #[error(transparent)]
    Chart(#[from] planlens::chart::ChartError),
    /// The comparison or chart request cannot be met.
    #[error(transparent)]
    Present(#[from] planlens::present::PresentError),
    /// The indicator catalog could not take a stored mapping.
    #[error(transparent)]
    Catalog(#[from] planlens::targets::CatalogError),
    /// Reading or writing a file failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// Direct SQLite access (task ids) failed.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The request is wrong.
    #[error("{0}")]
    InvalidInput(String),
    /// Something that must not happen.
    #[error("{0}")]
    Internal(String),
}

impl AppError {
    /// The code the UI sees.
    pub fn code(&self) -> Code {
        use planlens::ingest::IngestError as I;
        use planlens::present::PresentError as P;
        use planlens::store::StoreError as S;
        match self {
            AppError::Store(S::NoSuchDocument(_))
            | AppError::Store(S::NoSuchTask(_))
            | AppError::Store(S::NoSuchRevision { .. })
            | AppError::Store(S::NoSuchSlide(_))
            | AppError::Store(S::NoSuchTarget(_))
            | AppError::Store(S::NoSuchCorrectionRevision { .. }) => Code::NotFound,
            AppError::Store(S::Search(_))
            | AppError::Store(S::MergeNotAllowed(_))
            | AppError::Store(S::NothingToUndo(_)) => Code::InvalidInput,
            AppError::Present(P::Store(e)) => AppError::store_code(e),
            AppError::Store(_) | AppError::Sqlite(_) | AppError::Seed(_) => Code::Database,
            AppError::Present(_) => Code::InvalidInput,
            AppError::Ingest(I::NotFound { .. }) => Code::NotFound,
            AppError::Ingest(I::Io { .. }) | AppError::Io(_) => Code::Io,
            AppError::Ingest(I::Store { .. }) => Code::Database,
            AppError::Ingest(_) | AppError::InvalidInput(_) | AppError::Chart(_) => {
                Code::InvalidInput
            }
            AppError::Catalog(_) | AppError::Internal(_) => Code::Internal,
        }
    }

    fn store_code(e: &planlens::store::StoreError) -> Code {
        use planlens::store::StoreError as S;
        match e {
            S::NoSuchDocument(_)
            | S::NoSuchTask(_)
            | S::NoSuchRevision { .. }
            | S::NoSuchSlide(_) => Code::NotFound,
            _ => Code::Database,
        }
    }

    /// The IPC form.
    pub fn to_api(&self) -> ApiError {
        ApiError {
            code: self.code(),
            message: self.to_string(),
        }
    }
}

impl Serialize for AppError {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.to_api().serialize(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_cross_ipc_as_code_and_message() {
        let e = AppError::Store(planlens::store::StoreError::NoSuchDocument(7));
        let v = serde_json::to_value(&e).unwrap();
        assert_eq!(v["code"], "not_found");
        assert!(v["message"].as_str().unwrap().contains('7'));
        let e = AppError::InvalidInput("priority must be 1, 2 or 3".into());
        assert_eq!(serde_json::to_value(&e).unwrap()["code"], "invalid_input");
        let e = AppError::Io(std::io::Error::other("disk full"));
        assert_eq!(e.to_api().code, Code::Io);
        let e = AppError::Store(planlens::search::SearchError::EmptyQuery("，".into()).into());
        assert_eq!(e.to_api().code, Code::InvalidInput);
    }
}
