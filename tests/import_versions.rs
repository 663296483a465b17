//! Re-importing a changed version of a document: a new version is recorded
//! and annotations follow the task items that still match (by section path
//! and text similarity); those whose item disappeared stay, marked orphaned.

use planlens::store::{AnnotationDraft, AnnotationStatus, ImportOutcome, Store};

mod common;
use common::{fixture, import};

fn note(text: &str) -> AnnotationDraft {
    AnnotationDraft {
        status: AnnotationStatus::Adopt,
        priority: Some(1),
        tags: vec!["对标".into()],
        note: text.into(),
        owner: "规划科".into(),
    }
}

/// The task id of the item titled `title` in document `doc`.
fn task_id(store: &Store, doc: i64, title: &str) -> i64 {
    let d = store.document(doc).unwrap();
    let i = d
        .plan
        .tasks
        .iter()
        .position(|t| t.title == title)
        .unwrap_or_else(|| panic!("no task {title}"));
    d.task_ids[i]
}

#[test]
fn annotations_follow_changed_items_and_orphans_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("plans.db")).unwrap();
    let v1_path = fixture("sanming.txt");
    let r1 = import(&mut store, &v1_path);
    let (ImportOutcome::Imported(v1), _) = r1.result.as_ref().map(|(o, _)| (*o, ())).unwrap()
    else {
        panic!("not imported")
    };
    assert!(r1.version.is_none());

    // Annotate: an item that will be edited, one that will move to another
    // number, and one that will be deleted.
    let edited = task_id(&store, v1, "实施高新技术企业倍增计划");
    let moved = task_id(&store, v1, "发展新型研发机构");
    let deleted = task_id(&store, v1, "深化产学研合作");
    store.save_annotation(edited, &note("重点对标")).unwrap();
    store
        .save_annotation(edited, &note("重点对标,已修订"))
        .unwrap();
    store.save_annotation(moved, &note("参考")).unwrap();
    store.save_annotation(deleted, &note("不适用本市")).unwrap();

    // Version 2: a figure changed, a new item inserted before 发展新型研发机构
    // (which becomes number 3), 深化产学研合作 removed.
    let v1_text = std::fs::read_to_string(&v1_path).unwrap();
    let v2_text = v1_text
        .replace("每年新增高新技术企业60家以上", "每年新增高新技术企业80家以上")
        .replace(
            "2.发展新型研发机构。",
            "2.建设科技创新券平台。推动科技创新券跨区域通用通兑,扩大服务范围。\n3.发展新型研发机构。",
        )
        .replace(
            "3.提升科技企业孵化器",
            "4.提升科技企业孵化器",
        )
        .lines()
        .filter(|l| !l.starts_with("2.深化产学研合作"))
        .collect::<Vec<_>>()
        .join("\n");
    assert_ne!(v1_text, v2_text);
    let v2_path = dir.path().join("sanming_v2.txt");
    std::fs::write(&v2_path, &v2_text).unwrap();
    let r2 = import(&mut store, &v2_path);
    let v2 = r2.result.as_ref().unwrap().0.id();
    assert_ne!(v1, v2);
    let info = r2.version.expect("recorded as a new version");
    assert_eq!(info.version, 2);
    assert_eq!(info.previous_id, v1);
    assert_eq!((info.reanchored, info.orphaned), (2, 1));

    // Both versions are kept and listed as versions of one document.
    let versions = store.versions(v2).unwrap();
    assert_eq!(
        versions
            .iter()
            .map(|v| (v.id, v.version))
            .collect::<Vec<_>>(),
        [(v1, 1), (v2, 2)]
    );
    // Listings say which version a document is and what replaced it.
    let s1 = store.summary(v1).unwrap();
    let s2 = store.summary(v2).unwrap();
    assert_eq!((s1.version, s1.superseded_by), (1, Some(v2)));
    assert_eq!((s2.version, s2.superseded_by), (2, None));
    let listed: Vec<(i64, i64)> = store
        .list_documents()
        .unwrap()
        .iter()
        .map(|d| (d.id, d.version))
        .collect();
    assert!(listed.contains(&(v1, 1)) && listed.contains(&(v2, 2)));

    // The edited item: same path, similar text → the annotation moved, with
    // its history.
    let e2 = task_id(&store, v2, "实施高新技术企业倍增计划");
    let a = store
        .annotation(e2)
        .unwrap()
        .expect("annotation followed the item");
    assert_eq!(a.draft.note, "重点对标,已修订");
    assert!(!a.orphaned);
    assert_eq!(store.annotation_history(e2).unwrap().len(), 2);
    // The moved item: now number 3, same text → followed.
    let m2 = task_id(&store, v2, "发展新型研发机构");
    assert_eq!(store.annotation(m2).unwrap().unwrap().draft.note, "参考");
    // The new item has none.
    let n2 = task_id(&store, v2, "建设科技创新券平台");
    assert!(store.annotation(n2).unwrap().is_none());
    // The deleted item: its annotation stays on version 1, orphaned.
    let d1 = store.annotation(deleted).unwrap().expect("never deleted");
    assert!(d1.orphaned);
    assert_eq!(d1.draft.note, "不适用本市");
    // Listings still show it, marked.
    let all = store.annotated_items(&Default::default()).unwrap();
    assert_eq!(all.len(), 3);
    assert_eq!(all.iter().filter(|i| i.annotation.orphaned).count(), 1);

    // Importing version 2 again changes nothing; importing version 1 again
    // is recognised as already present.
    let again = import(&mut store, &v2_path);
    assert_eq!(again.result.unwrap().0, ImportOutcome::AlreadyPresent(v2));
    let old = import(&mut store, &v1_path);
    assert_eq!(old.result.unwrap().0, ImportOutcome::AlreadyPresent(v1));
    assert!(store.integrity_ok().unwrap());
}

#[test]
fn a_new_version_in_another_format_is_a_version_too() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("plans.db")).unwrap();
    let a = import(&mut store, &fixture("sanming.txt"));
    let v1 = a.result.unwrap().0.id();
    let t = task_id(&store, v1, "争创国家级创新平台");
    store.save_annotation(t, &note("跟踪")).unwrap();
    let b = import(&mut store, &fixture("sanming.docx"));
    let info = b.version.expect("same city, kind and period");
    assert_eq!((info.version, info.reanchored, info.orphaned), (2, 1, 0));
    let v2 = b.result.unwrap().0.id();
    assert_eq!(store.document_format(v2).unwrap(), "docx");
    let t2 = task_id(&store, v2, "争创国家级创新平台");
    assert_eq!(store.annotation(t2).unwrap().unwrap().draft.note, "跟踪");
    // The table targets keep their cells.
    let cells = store.target_cells(v2).unwrap();
    assert_eq!(cells.len(), 10);
    assert_eq!(cells[0].cell.row, 1);
    // Deleting the newer version makes the older one current again.
    assert_eq!(store.summary(v1).unwrap().superseded_by, Some(v2));
    store.delete_document(v2).unwrap();
    assert_eq!(store.summary(v1).unwrap().superseded_by, None);
}

#[test]
fn cli_reimport_asks_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plans.db");
    let v2 = dir.path().join("sanming_v2.txt");
    let text = std::fs::read_to_string(fixture("sanming.txt"))
        .unwrap()
        .replace("新建省级重点实验室5个", "新建省级重点实验室6个");
    std::fs::write(&v2, text).unwrap();
    for (i, p) in [fixture("sanming.txt"), v2].into_iter().enumerate() {
        let out = assert_cmd::Command::cargo_bin("planlens")
            .unwrap()
            .env("PLANLENS_DB", &db)
            .arg("import")
            .arg(&p)
            .write_stdin("")
            .output()
            .unwrap();
        assert!(out.status.success());
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(
            stdout.contains("new version 2 of document"),
            i == 1,
            "{stdout}"
        );
    }
    let out = assert_cmd::Command::cargo_bin("planlens")
        .unwrap()
        .env("PLANLENS_DB", &db)
        .arg("list")
        .output()
        .unwrap();
    let list = String::from_utf8_lossy(&out.stdout);
    assert!(list.lines().next().unwrap().contains("version"), "{list}");
    assert!(list.contains("(replaced by "), "{list}");
    let store = Store::open(&db).unwrap();
    // (The CLI may also have loaded the bundled seed plans into a new database.)
    let docs: Vec<_> = store
        .list_documents()
        .unwrap()
        .into_iter()
        .filter(|d| d.source_name.starts_with("sanming"))
        .collect();
    assert_eq!(docs.len(), 2);
    assert_eq!(store.versions(docs[0].id).unwrap().len(), 2);
}

#[test]
fn migration_4_applies_to_a_version_3_database_with_documents() {
    use planlens::store::migrate;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plans.db");
    {
        let mut conn = rusqlite::Connection::open(&db).unwrap();
        migrate::migrate_to(&mut conn, 3).unwrap();
        conn.execute(
            "INSERT INTO documents (title, city, kind, period_start, period_end, source_name,
                sha256, encoding, raw_text, imported_at)
             VALUES ('某市2021年科技工作要点', '三明市', 'annual_work_plan', 2021, 2021, 'old.txt',
                'abc', 'UTF-8', '一、总体要求', '2021-01-01T00:00:00Z')",
            [],
        )
        .unwrap();
    }
    let store = Store::open(&db).unwrap();
    assert_eq!(store.schema_version().unwrap(), migrate::latest_version());
    let id = store.list_documents().unwrap()[0].id;
    // A document stored before versions existed is version 1 of plain text.
    assert_eq!(store.document_format(id).unwrap(), "text");
    let v = store.versions(id).unwrap();
    assert_eq!((v.len(), v[0].version), (1, 1));
    assert!(store.target_cells(id).unwrap().is_empty());
    drop(store);
    // Opening again changes nothing.
    let store = Store::open(&db).unwrap();
    assert_eq!(store.versions(id).unwrap().len(), 1);
}
