//! The similar-task index is cached in the `Store` and rebuilt when documents
//! change, whether through the same `Store` or another connection.

mod common;

use planlens::ingest::{analyze_bytes, Context, DEFAULT_MAX_BYTES};
use planlens::metadata::Gazetteer;
use planlens::similar::SimilarIndex;
use planlens::store::{Store, StoreError};
use planlens::targets::Catalog;

/// A small work plan; `body` is the text of its first task item.
fn plan_text(city: &str, year: i32, body: &str) -> String {
    format!(
        "{city}{year}年科技工作要点\n一、重点任务\n1.{body}\n2.加强农业科技特派员队伍建设，服务乡村振兴。\n二、保障措施\n强化组织领导，抓好工作落实。\n"
    )
}

fn import(store: &mut Store, name: &str, text: &str) -> i64 {
    let catalog = Catalog::builtin();
    let ctx = Context {
        gazetteer: Gazetteer::builtin(),
        manifest: None,
        catalog: &catalog,
        max_bytes: DEFAULT_MAX_BYTES,
    };
    let a = analyze_bytes(text.as_bytes(), name, &ctx).unwrap();
    assert!(!a.plan.tasks.is_empty(), "no task items parsed in {text}");
    store.import_document(&a.as_new_document()).unwrap().id()
}

fn first_task(store: &Store, doc: i64) -> i64 {
    store.document(doc).unwrap().task_ids[0]
}

fn similar_docs(store: &Store, task: i64) -> Vec<i64> {
    store
        .similar_tasks(task, 10)
        .unwrap()
        .into_iter()
        .map(|r| r.document_id)
        .collect()
}

const INCUBATORS: &str = "建设科技企业孵化器和众创空间，完善孵化服务体系，推动孵化器提质增效。";

#[test]
fn import_and_delete_through_the_same_store_refresh_the_index() {
    let mut store = Store::open_in_memory().unwrap();
    let a = import(&mut store, "a.txt", &plan_text("滨州市", 2023, INCUBATORS));
    let b = import(
        &mut store,
        "b.txt",
        &plan_text("日照市", 2022, "引进高层次人才和创新团队。"),
    );
    let query = first_task(&store, a);
    // Built and cached while only documents a and b exist.
    let before = similar_docs(&store, query);
    assert!(before.iter().all(|d| *d == b), "{before:?}");

    let c = import(&mut store, "c.txt", &plan_text("临沂市", 2021, INCUBATORS));
    let after = similar_docs(&store, query);
    assert_eq!(after.first(), Some(&c), "{before:?} -> {after:?}");
    // The new document's items are queryable too.
    let new_task = first_task(&store, c);
    assert_eq!(similar_docs(&store, new_task).first(), Some(&a));

    store.delete_document(c).unwrap();
    assert!(!similar_docs(&store, query).contains(&c));
    assert!(matches!(
        store.similar_tasks(new_task, 3),
        Err(StoreError::NoSuchTask(_))
    ));
}

#[test]
fn writes_through_another_connection_refresh_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("planlens.db");
    let mut writer = Store::open(&path).unwrap();
    let a = import(&mut writer, "a.txt", &plan_text("滨州市", 2023, INCUBATORS));
    import(
        &mut writer,
        "b.txt",
        &plan_text("日照市", 2022, "引进高层次人才和创新团队。"),
    );
    let reader = Store::open(&path).unwrap();
    let query = first_task(&reader, a);
    let before = similar_docs(&reader, query);

    let c = import(&mut writer, "c.txt", &plan_text("临沂市", 2021, INCUBATORS));
    let after = similar_docs(&reader, query);
    assert_eq!(after.first(), Some(&c), "{before:?} -> {after:?}");
    let new_task = first_task(&reader, c);
    assert_eq!(similar_docs(&reader, new_task).first(), Some(&a));

    writer.delete_document(c).unwrap();
    assert!(!similar_docs(&reader, query).contains(&c));
}

#[test]
fn stored_word_streams_give_the_same_ranking_as_segmenting_again() {
    let store = common::seeded_store();
    let texts = store.task_texts().unwrap();
    let fresh = SimilarIndex::build(&texts);
    let mut same_top = 0;
    for t in &texts {
        let cached: Vec<i64> = store
            .similar_tasks(t.task_id, 1)
            .unwrap()
            .iter()
            .map(|r| r.task_id)
            .collect();
        let direct: Vec<i64> = fresh
            .similar(t.task_id, 1)
            .unwrap()
            .iter()
            .map(|s| s.task_id)
            .collect();
        same_top += usize::from(cached == direct);
    }
    // Both read the same jieba words; only the item markers (`1.`, `（一）`)
    // that the stored units include may tip a close call.
    assert!(
        same_top * 10 >= texts.len() * 9,
        "{same_top} of {} agree",
        texts.len()
    );
}

#[test]
fn store_stays_send() {
    fn send<T: Send>() {}
    send::<Store>();
}
