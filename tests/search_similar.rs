//! `similar` on the seed plans: precision@3 against hand-labelled pairs
//! (`tests/fixtures/similar_pairs.toml`), and the store API's contract.

mod common;

use std::collections::HashMap;

use planlens::store::{Store, StoreError};
use serde::Deserialize;

#[derive(Deserialize)]
struct Fixture {
    query: Vec<Query>,
}

#[derive(Deserialize)]
struct Query {
    file: String,
    path: String,
    relevant: Vec<String>,
}

/// A seeded store and a map "file:path" → task id.
pub fn seeded() -> (Store, HashMap<String, i64>) {
    let store = common::seeded_store();
    let ids = common::task_ids(&store);
    (store, ids)
}

#[test]
fn precision_at_3_on_labelled_pairs() {
    let (store, ids) = seeded();
    let fx: Fixture =
        toml::from_str(&std::fs::read_to_string("tests/fixtures/similar_pairs.toml").unwrap())
            .unwrap();
    let mut total = 0.0;
    for q in &fx.query {
        let key = format!("{}:{}", q.file, q.path);
        let id = *ids.get(&key).unwrap_or_else(|| panic!("no task {key}"));
        let relevant: Vec<i64> = q
            .relevant
            .iter()
            .map(|r| *ids.get(r).unwrap_or_else(|| panic!("no task {r}")))
            .collect();
        let got = store.similar_tasks(id, 3).unwrap();
        let hits = got.iter().filter(|s| relevant.contains(&s.task_id)).count();
        // Precision@3, out of at most the number of relevant items.
        let p = hits as f64 / relevant.len().min(3) as f64;
        eprintln!("{key}: {hits}/{} → {p:.2}", relevant.len().min(3));
        total += p;
        assert!(got
            .iter()
            .all(|s| s.document_id != store.task_ref(id).unwrap().document_id));
    }
    let p3 = total / fx.query.len() as f64;
    eprintln!("precision@3 over {} queries: {p3:.3}", fx.query.len());
    assert!(p3 >= 0.6, "precision@3 {p3:.3}");
}

#[test]
fn unknown_task_is_an_error() {
    let (store, _) = seeded();
    assert!(matches!(
        store.similar_tasks(999_999, 3),
        Err(StoreError::NoSuchTask(999_999))
    ));
    assert!(matches!(
        store.task_ref(-1),
        Err(StoreError::NoSuchTask(-1))
    ));
}
