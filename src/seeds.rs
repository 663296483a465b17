//! The five seed plans, embedded in the binary, and their manifest.
//!
//! On first use of an empty database they are loaded automatically so the
//! app and the CLI show real plans out of the box.

use crate::ingest::{self, Context};
use crate::metadata::Manifest;
use crate::store::{ImportOutcome, Store, StoreError};

/// The seed files as `(file name, bytes)`, byte-identical to `seeds/`.
pub const SEED_FILES: &[(&str, &[u8])] = &[
    (
        "000_266969992b6f303a.txt",
        include_bytes!("../seeds/000_266969992b6f303a.txt"),
    ),
    (
        "001_8331b1006bbfa050.txt",
        include_bytes!("../seeds/001_8331b1006bbfa050.txt"),
    ),
    (
        "002_c325e9ed9f6e60ac.txt",
        include_bytes!("../seeds/002_c325e9ed9f6e60ac.txt"),
    ),
    (
        "003_27e5c5696a234904.txt",
        include_bytes!("../seeds/003_27e5c5696a234904.txt"),
    ),
    (
        "004_9b903e7d49bf6925.txt",
        include_bytes!("../seeds/004_9b903e7d49bf6925.txt"),
    ),
];

/// The seed manifest text (`seeds/seeds.toml`).
pub const MANIFEST_TOML: &str = include_str!("../seeds/seeds.toml");

/// The parsed seed manifest.
pub fn manifest() -> Manifest {
    // The embedded manifest is covered by a test; a broken one is a build bug.
    Manifest::parse(MANIFEST_TOML).expect("seeds/seeds.toml is valid")
}

/// Why the seeds could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    /// A seed did not decode (a build bug).
    #[error("seed {name}: {source}")]
    Decode {
        /// Seed file name.
        name: &'static str,
        /// What went wrong.
        source: crate::decode::DecodeError,
    },
    /// Storing failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Loads the seeds into `store` if it holds no document yet; returns how
/// many were stored (0 when the store was not empty).
pub fn load_if_empty(store: &mut Store, ctx: &Context<'_>) -> Result<usize, SeedError> {
    if !store.is_empty()? {
        return Ok(0);
    }
    let mut n = 0;
    for (name, bytes) in SEED_FILES {
        let a = ingest::analyze_bytes(bytes, name, ctx)
            .map_err(|source| SeedError::Decode { name, source })?;
        if let (ImportOutcome::Imported(_), _) =
            store.import_versioned(&a.as_new_document(), &a.extras())?
        {
            n += 1;
        }
    }
    Ok(n)
}
