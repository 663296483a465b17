//! The user's theme overrides on task items follow their items to a new
//! version of the document, by the same matching as annotations (section
//! path and text similarity); an item that disappeared passes its overrides
//! to no other item, and the old version keeps its own.

use std::path::{Path, PathBuf};

use planlens::store::{AnnotationDraft, AnnotationStatus, Store};

mod common;
use common::{fixture, import};

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

/// (theme, source) of the themes in force, sorted.
fn themes(store: &Store, task: i64) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = store
        .task_themes(task)
        .unwrap()
        .into_iter()
        .map(|t| (t.theme, t.source))
        .collect();
    v.sort();
    v
}

/// Themes the user added, over all task items of a document.
fn user_themes(store: &Store, doc: i64) -> Vec<(String, String)> {
    let d = store.document(doc).unwrap();
    let mut out = Vec::new();
    for (t, id) in d.plan.tasks.iter().zip(&d.task_ids) {
        for (theme, source) in themes(store, *id) {
            if source == "user" {
                out.push((t.title.clone(), theme));
            }
        }
    }
    out.sort();
    out
}

/// sanming.txt edited: a figure changed in 实施高新技术企业倍增计划, a new item
/// inserted before 发展新型研发机构 (which becomes number 3), 深化产学研合作
/// deleted.
fn version_2(dir: &Path) -> PathBuf {
    let v1_text = std::fs::read_to_string(fixture("sanming.txt")).unwrap();
    let v2_text = v1_text
        .replace("每年新增高新技术企业60家以上", "每年新增高新技术企业80家以上")
        .replace(
            "2.发展新型研发机构。",
            "2.建设科技创新券平台。推动科技创新券跨区域通用通兑,扩大服务范围。\n3.发展新型研发机构。",
        )
        .replace("3.提升科技企业孵化器", "4.提升科技企业孵化器")
        .lines()
        .filter(|l| !l.starts_with("2.深化产学研合作"))
        .collect::<Vec<_>>()
        .join("\n");
    assert_ne!(v1_text, v2_text);
    let path = dir.join("sanming_v2.txt");
    std::fs::write(&path, v2_text).unwrap();
    path
}

#[test]
fn overrides_follow_moved_and_edited_items_and_not_deleted_ones() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("plans.db")).unwrap();
    let v1 = import(&mut store, &fixture("sanming.txt"))
        .result
        .unwrap()
        .0
        .id();

    let edited = task_id(&store, v1, "实施高新技术企业倍增计划");
    let moved = task_id(&store, v1, "发展新型研发机构");
    let deleted = task_id(&store, v1, "深化产学研合作");
    // The moved item: one theme added, one automatic theme removed.
    let removed = themes(&store, moved)
        .into_iter()
        .find(|(t, s)| s == "auto" && t != "finance")
        .expect("the item has an automatic theme")
        .0;
    store.set_task_theme(moved, "finance", true).unwrap();
    store.set_task_theme(moved, &removed, false).unwrap();
    // The edited item: an override and an annotation.
    store.set_task_theme(edited, "cooperation", true).unwrap();
    store
        .save_annotation(
            edited,
            &AnnotationDraft {
                status: AnnotationStatus::Adopt,
                priority: None,
                tags: vec![],
                note: "对标".into(),
                owner: String::new(),
            },
        )
        .unwrap();
    // The deleted item: an override that must not land anywhere.
    store.set_task_theme(deleted, "agriculture", true).unwrap();
    let v1_user = user_themes(&store, v1);

    let r2 = import(&mut store, &version_2(dir.path()));
    let v2 = r2.result.as_ref().unwrap().0.id();
    let info = r2.version.expect("a new version");
    assert_eq!(info.version, 2);
    assert_eq!((info.reanchored, info.orphaned), (1, 0));
    assert_eq!(info.theme_overrides, 3, "finance, -{removed}, cooperation");

    // The moved item, now number 3, carries both decisions.
    let m2 = task_id(&store, v2, "发展新型研发机构");
    let t = themes(&store, m2);
    assert!(t.contains(&("finance".into(), "user".into())), "{t:?}");
    assert!(!t.iter().any(|(th, _)| *th == removed), "{t:?}");
    // The edited item carries its override, next to its annotation.
    let e2 = task_id(&store, v2, "实施高新技术企业倍增计划");
    assert!(themes(&store, e2).contains(&("cooperation".into(), "user".into())));
    assert_eq!(store.annotation(e2).unwrap().unwrap().draft.note, "对标");
    // Nothing else of version 2 has a theme the user added: the deleted
    // item's override went nowhere; the inserted item (now number 2, where
    // 发展新型研发机构 was) got nothing.
    assert_eq!(
        user_themes(&store, v2),
        vec![
            ("发展新型研发机构".to_string(), "finance".to_string()),
            (
                "实施高新技术企业倍增计划".to_string(),
                "cooperation".to_string()
            ),
        ]
    );
    let new_item = task_id(&store, v2, "建设科技创新券平台");
    assert!(themes(&store, new_item).iter().all(|(_, s)| s == "auto"));
    // Version 1 keeps its own decisions.
    assert_eq!(user_themes(&store, v1), v1_user);
    assert!(themes(&store, deleted).contains(&("agriculture".into(), "user".into())));
    assert!(store.integrity_ok().unwrap());
}

#[test]
fn overrides_of_the_new_bytes_win_over_carried_ones() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("plans.db")).unwrap();
    let v1 = import(&mut store, &fixture("sanming.txt"))
        .result
        .unwrap()
        .0
        .id();
    let v2_path = version_2(dir.path());
    // Version 2 was imported before, given a decision, and deleted.
    let early = import(&mut store, &v2_path).result.unwrap().0.id();
    let item = task_id(&store, early, "发展新型研发机构");
    store.set_task_theme(item, "finance", false).unwrap();
    store.delete_document(early).unwrap();
    // Meanwhile version 1 says the opposite.
    let old = task_id(&store, v1, "发展新型研发机构");
    store.set_task_theme(old, "finance", true).unwrap();

    let v2 = import(&mut store, &v2_path).result.unwrap().0.id();
    let m2 = task_id(&store, v2, "发展新型研发机构");
    assert!(!themes(&store, m2).iter().any(|(t, _)| t == "finance"));
}

#[test]
fn a_document_without_overrides_or_annotations_imports_as_before() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("plans.db")).unwrap();
    import(&mut store, &fixture("sanming.txt")).result.unwrap();
    let r2 = import(&mut store, &version_2(dir.path()));
    let info = r2.version.unwrap();
    assert_eq!(
        (info.reanchored, info.orphaned, info.theme_overrides),
        (0, 0, 0)
    );
}
