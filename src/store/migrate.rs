//! Schema migrations, tracked with SQLite's `user_version`.
//!
//! Migrations are append-only: never edit or remove one that has shipped, add a
//! new file instead. Each runs in its own transaction together with the bump of
//! `user_version`, so a crash leaves the database at the previous version.

use rusqlite::Connection;

use super::StoreError;

/// The migrations in order; migration `i` brings the schema to version `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_documents.sql"),
    include_str!("migrations/0002_targets.sql"),
    include_str!("migrations/0003_annotations.sql"),
    include_str!("migrations/0004_versions.sql"),
    include_str!("migrations/0005_search.sql"),
    include_str!("migrations/0006_theme_indexes.sql"),
    include_str!("migrations/0007_target_stretch_groups.sql"),
    include_str!("migrations/0008_corrections.sql"),
];

/// The schema version this build writes.
pub fn latest_version() -> u32 {
    MIGRATIONS.len() as u32
}

/// Reads the schema version of a database.
pub fn current_version(conn: &Connection) -> Result<u32, StoreError> {
    Ok(conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
}

/// Brings the schema to `target` (normally [`latest_version`]). Refuses a
/// database written by a newer PlanLens.
pub fn migrate_to(conn: &mut Connection, target: u32) -> Result<(), StoreError> {
    let found = current_version(conn)?;
    if found > latest_version() {
        return Err(StoreError::NewerSchema {
            found,
            supported: latest_version(),
        });
    }
    for version in found..target.min(latest_version()) {
        let tx = conn.transaction()?;
        tx.execute_batch(MIGRATIONS[version as usize])?;
        tx.pragma_update(None, "user_version", version + 1)?;
        tx.commit()?;
    }
    Ok(())
}
