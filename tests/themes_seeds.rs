//! Theme classification on the seed plans against hand labels
//! (`tests/fixtures/themes_labels.toml`), user overrides and coverage.

mod common;

use std::collections::HashMap;

use planlens::ingest::{Context, DEFAULT_MAX_BYTES};
use planlens::metadata::Gazetteer;
use planlens::store::Store;
use planlens::targets::Catalog;
use planlens::themes::Taxonomy;
use serde::Deserialize;

#[derive(Deserialize)]
struct Fixture {
    items: Vec<Item>,
}

#[derive(Deserialize)]
struct Item {
    file: String,
    path: String,
    themes: Vec<String>,
}

fn seeded() -> (Store, HashMap<String, i64>) {
    let store = common::seeded_store();
    let ids = common::task_ids(&store);
    (store, ids)
}

#[test]
fn accuracy_on_labelled_items() {
    let (store, ids) = seeded();
    let fx: Fixture =
        toml::from_str(&std::fs::read_to_string("tests/fixtures/themes_labels.toml").unwrap())
            .unwrap();
    let taxonomy = Taxonomy::builtin();
    let (mut top1, mut tp, mut fp, mut fn_) = (0, 0, 0, 0);
    for it in &fx.items {
        for t in &it.themes {
            assert!(taxonomy.get(t).is_some(), "unknown theme {t}");
        }
        let key = format!("{}:{}", it.file, it.path);
        let id = *ids.get(&key).unwrap_or_else(|| panic!("no task {key}"));
        let got: Vec<String> = store
            .task_themes(id)
            .unwrap()
            .into_iter()
            .map(|t| t.theme)
            .collect();
        if got.first().is_some_and(|g| it.themes.contains(g)) {
            top1 += 1;
        }
        tp += got.iter().filter(|g| it.themes.contains(g)).count();
        fp += got.iter().filter(|g| !it.themes.contains(g)).count();
        fn_ += it.themes.iter().filter(|g| !got.contains(g)).count();
        eprintln!("{key}: gold {:?} got {got:?}", it.themes);
    }
    let n = fx.items.len() as f64;
    let acc = top1 as f64 / n;
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    eprintln!(
        "{} items: top-1 accuracy {acc:.3}, precision {precision:.3}, recall {recall:.3}",
        fx.items.len()
    );
    assert!(fx.items.len() >= 40);
    assert!(acc >= 0.7, "top-1 accuracy {acc:.3}");
    assert!(recall >= 0.6, "recall {recall:.3}");
}

#[test]
fn overrides_persist_across_reopen_and_reimport() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let catalog = Catalog::builtin();
    let manifest = planlens::seeds::manifest();
    let ctx = Context {
        gazetteer: Gazetteer::builtin(),
        manifest: Some(&manifest),
        catalog: &catalog,
        max_bytes: DEFAULT_MAX_BYTES,
    };
    let (doc, task) = {
        let mut store = Store::open(&path).unwrap();
        planlens::seeds::load_if_empty(&mut store, &ctx).unwrap();
        let d = store.list_documents().unwrap()[0].id;
        let task = store.document(d).unwrap().task_ids[0];
        let before: Vec<String> = store
            .task_themes(task)
            .unwrap()
            .into_iter()
            .map(|t| t.theme)
            .collect();
        let remove = before.first().cloned().unwrap_or_else(|| "talent".into());
        store.set_task_theme(task, "finance", true).unwrap();
        store.set_task_theme(task, &remove, false).unwrap();
        let after: Vec<String> = store
            .task_themes(task)
            .unwrap()
            .into_iter()
            .map(|t| t.theme)
            .collect();
        assert!(after.contains(&"finance".to_string()));
        assert!(!after.contains(&remove) || remove == "finance");
        (d, task)
    };
    let mut store = Store::open(&path).unwrap();
    let t = store.task_themes(task).unwrap();
    assert!(t.iter().any(|t| t.theme == "finance" && t.source == "user"));
    // Delete and re-import the same bytes: the decision comes back.
    let name = store.summary(doc).unwrap().source_name;
    store.delete_document(doc).unwrap();
    assert!(store.task_themes(task).is_err());
    let (_, bytes) = planlens::seeds::SEED_FILES
        .iter()
        .find(|(n, _)| *n == name)
        .unwrap();
    let a = planlens::ingest::analyze_bytes(bytes, &name, &ctx).unwrap();
    let new_doc = store.import_document(&a.as_new_document()).unwrap().id();
    let new_task = store.document(new_doc).unwrap().task_ids[0];
    let t = store.task_themes(new_task).unwrap();
    assert!(t.iter().any(|t| t.theme == "finance" && t.source == "user"));
    store.clear_task_theme(new_task, "finance").unwrap();
    let t = store.task_themes(new_task).unwrap();
    assert!(!t.iter().any(|t| t.source == "user" && t.theme == "finance"));
}

#[test]
fn coverage_counts_tasks_and_targets() {
    let (store, _) = seeded();
    let all = store.theme_coverage(None).unwrap();
    assert!(!all.is_empty());
    let docs = store.list_documents().unwrap();
    for d in &docs {
        let one = store.theme_coverage(Some(d.id)).unwrap();
        assert!(one.iter().all(|c| c.document_id == d.id && c.tasks > 0));
        let total_tasks: usize = one.iter().map(|c| c.tasks).sum();
        assert!(total_tasks >= d.tasks / 2, "most task items get a theme");
    }
    let mut q = planlens::search::SearchQuery {
        text: "人才".into(),
        theme: Some("talent".into()),
        limit: 100,
        ..Default::default()
    };
    let hits = store.search(&q).unwrap();
    assert!(!hits.is_empty() && hits.iter().all(|h| h.task_id.is_some()));
    q.theme = Some("governance".into());
    assert!(store.search(&q).unwrap().len() < hits.len());
}
