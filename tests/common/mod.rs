//! Helpers shared by integration tests.

use std::collections::HashMap;

use planlens::ingest::{Context, DEFAULT_MAX_BYTES};
use planlens::metadata::Gazetteer;
use planlens::store::Store;
use planlens::targets::Catalog;

/// An in-memory store holding the five seed plans.
#[allow(dead_code)] // not every test file that includes this module uses it
pub fn seeded_store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let catalog = Catalog::builtin();
    let manifest = planlens::seeds::manifest();
    let ctx = Context {
        gazetteer: Gazetteer::builtin(),
        manifest: Some(&manifest),
        catalog: &catalog,
        max_bytes: DEFAULT_MAX_BYTES,
    };
    assert_eq!(planlens::seeds::load_if_empty(&mut store, &ctx).unwrap(), 5);
    store
}

/// Task ids by `"source file:section path"`.
#[allow(dead_code)] // not every test file that includes this module uses it
pub fn task_ids(store: &Store) -> HashMap<String, i64> {
    let mut ids = HashMap::new();
    for d in store.list_documents().unwrap() {
        let doc = store.document(d.id).unwrap();
        for (t, id) in doc.plan.tasks.iter().zip(&doc.task_ids) {
            ids.insert(format!("{}:{}", d.source_name, t.path), *id);
        }
    }
    ids
}

/// A file of `tests/fixtures/formats`.
#[allow(dead_code)] // not every test file that includes this module uses it
pub fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/formats")
        .join(name)
}

/// Imports one file the way the CLI and the app do, without a manifest.
#[allow(dead_code)] // not every test file that includes this module uses it
pub fn import(store: &mut Store, path: &std::path::Path) -> planlens::ingest::FileReport {
    let catalog = Catalog::builtin();
    let ctx = Context {
        gazetteer: Gazetteer::builtin(),
        manifest: None,
        catalog: &catalog,
        max_bytes: DEFAULT_MAX_BYTES,
    };
    planlens::ingest::import_paths(store, &[path.to_path_buf()], &ctx)
        .pop()
        .unwrap()
}
