//! Store tests: migrations from every earlier version, atomic imports,
//! de-duplication, mappings. Each test uses its own temporary database.

use planlens::model::{
    DocumentMeta, ParseWarning, ParsedPlan, Period, PlanKind, Qualifier, Section, SectionRole,
    Target, TargetKind, TargetRole, TaskItem,
};
use planlens::store::{
    migrate, CorrectionAuthor, DocumentChanges, FigureChanges, FigureEdit, ImportOutcome,
    NewDocument, Store, StoreError, TargetFilter,
};
use rusqlite::Connection;

fn sample_plan() -> ParsedPlan {
    ParsedPlan {
        sections: vec![
            Section {
                marker: "一、".into(),
                number: 1,
                level: 1,
                title: "重点任务".into(),
                role: SectionRole::Tasks,
                start: 0,
                end: 30,
                parent: None,
                path: "一".into(),
            },
            Section {
                marker: "1.".into(),
                number: 1,
                level: 2,
                title: "培育高新技术企业".into(),
                role: SectionRole::Tasks,
                start: 7,
                end: 30,
                parent: Some(0),
                path: "一/1".into(),
            },
        ],
        tasks: vec![TaskItem {
            section: 1,
            path: "一/1".into(),
            title: "培育高新技术企业".into(),
            text: "培育高新技术企业。新增高新技术企业50家。".into(),
            start: 7,
            end: 30,
        }],
        warnings: vec![ParseWarning {
            code: "numbering_gap".into(),
            message: "item 2 missing".into(),
            start: Some(7),
        }],
        noise: vec![(30, 35)],
    }
}

fn sample_target(value: f64) -> Target {
    Target {
        quote: "新增高新技术企业50家".into(),
        start: 16,
        end: 27,
        indicator: "高新技术企业".into(),
        indicator_id: None,
        value,
        value_high: None,
        stretch: None,
        unit: "家".into(),
        qualifier: Qualifier::Exact,
        kind: TargetKind::Increment,
        role: TargetRole::Target,
        year: Some(2024),
        section: "一/1".into(),
        task: Some(0),
        normalized: None,
        group: None,
    }
}

fn meta() -> DocumentMeta {
    DocumentMeta {
        title: Some("2024年全市科技工作要点".into()),
        city: Some("淄博市".into()),
        province: Some("山东省".into()),
        kind: PlanKind::AnnualWorkPlan,
        period: Some(Period::year(2024)),
        ..Default::default()
    }
}

fn import(store: &mut Store, sha: &str, targets: &[Target]) -> Result<ImportOutcome, StoreError> {
    let plan = sample_plan();
    let m = meta();
    store.import_document(&NewDocument {
        meta: &m,
        source_name: "plan.txt",
        sha256: sha,
        encoding: "UTF-8",
        text: "一、重点任务\n1.培育高新技术企业。新增高新技术企业50家。\n扫一扫在手机打开",
        plan: &plan,
        targets,
    })
}

#[test]
fn fresh_database_is_at_latest_version_and_empty() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("sub/dir/p.db")).unwrap();
    assert_eq!(store.schema_version().unwrap(), migrate::latest_version());
    assert!(store.is_empty().unwrap());
    assert!(store.integrity_ok().unwrap());
}

#[test]
fn opening_twice_is_a_no_op() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.db");
    {
        let mut s = Store::open(&path).unwrap();
        import(&mut s, "aa", &[sample_target(50.0)]).unwrap();
    }
    let s = Store::open(&path).unwrap();
    assert_eq!(s.schema_version().unwrap(), migrate::latest_version());
    assert_eq!(s.list_documents().unwrap().len(), 1);
}

#[test]
fn migrates_from_every_earlier_version_keeping_documents() {
    for from in 0..migrate::latest_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        {
            let mut conn = Connection::open(&path).unwrap();
            migrate::migrate_to(&mut conn, from).unwrap();
            assert_eq!(migrate::current_version(&conn).unwrap(), from);
            if from >= 1 {
                conn.execute(
                    "INSERT INTO documents (kind, source_name, sha256, encoding, raw_text, imported_at, city)
                     VALUES ('other', 'old.txt', 'beef', 'UTF-8', '旧文本', '2020-01-01T00:00:00Z', '丹东市')",
                    [],
                )
                .unwrap();
            }
            if from >= 3 {
                conn.execute(
                    "INSERT INTO annotations (document_sha256, task_ordinal, task_path, task_title,
                        status, tags, note, owner, revision, updated_at)
                     VALUES ('beef', 0, '一/1', '任务', 'adopt', '[]', '参考', '', 1,
                        '2020-01-01T00:00:00Z')",
                    [],
                )
                .unwrap();
            }
            if from >= 2 {
                conn.execute(
                    "INSERT INTO targets (document_id, ordinal, quote, start_char, end_char,
                        indicator, value, unit, qualifier, kind, role, section_path)
                     VALUES (1, 0, '新增企业5家', 0, 6, '企业', 5, '家', 'exact', 'increment',
                        'target', '')",
                    [],
                )
                .unwrap();
            }
        }
        let store = Store::open(&path).unwrap();
        assert_eq!(
            store.schema_version().unwrap(),
            migrate::latest_version(),
            "from v{from}"
        );
        let docs = store.list_documents().unwrap();
        if from >= 1 {
            assert_eq!(docs.len(), 1, "from v{from}");
            assert_eq!(docs[0].meta.city.as_deref(), Some("丹东市"));
            assert_eq!(store.document(docs[0].id).unwrap().text, "旧文本");
        } else {
            assert!(docs.is_empty());
        }
        let targets = store.targets(&TargetFilter::default()).unwrap();
        assert_eq!(targets.len(), usize::from(from >= 2), "from v{from}");
        for t in &targets {
            // Columns added by later migrations read as absent.
            assert_eq!(t.target.value, 5.0);
            assert_eq!(t.target.stretch, None);
            assert_eq!(t.target.group, None);
            assert!(!t.corrected && t.excluded.is_none());
        }
        if from >= 3 {
            let n: i64 = Connection::open(&path)
                .unwrap()
                .query_row("SELECT count(*) FROM annotations", [], |r| r.get(0))
                .unwrap();
            assert_eq!(n, 1, "from v{from}: the annotation is kept");
        }
        // The migrated database takes corrections (version 8).
        let mut store = store;
        if from >= 1 {
            assert!(!docs[0].corrected && docs[0].level.is_none());
            store
                .correct_document(
                    docs[0].id,
                    &DocumentChanges {
                        level: Some(Some("prefecture".into())),
                        ..Default::default()
                    },
                    &CorrectionAuthor::default(),
                )
                .unwrap();
            assert_eq!(
                store.summary(docs[0].id).unwrap().level.as_deref(),
                Some("prefecture")
            );
        }
        if from >= 2 {
            let id = targets[0].id;
            let edit = FigureEdit {
                changes: FigureChanges {
                    value: Some(6.0),
                    ..Default::default()
                },
                merge_into: None,
            };
            store
                .correct_target(id, &edit, &CorrectionAuthor::default())
                .unwrap();
            let t = &store.targets(&TargetFilter::default()).unwrap()[0];
            assert_eq!((t.target.value, t.corrected), (6.0, true));
        }
        assert!(store.integrity_ok().unwrap());
    }
}

#[test]
fn refuses_a_newer_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    {
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", 999).unwrap();
    }
    match Store::open(&path) {
        Err(StoreError::NewerSchema { found: 999, .. }) => {}
        Err(e) => panic!("unexpected error {e}"),
        Ok(_) => panic!("opened a newer schema"),
    }
}

#[test]
fn round_trips_a_document() {
    let mut store = Store::open_in_memory().unwrap();
    let id = import(&mut store, "abc", &[sample_target(50.0)]).unwrap();
    let ImportOutcome::Imported(id) = id else {
        panic!("not imported")
    };
    let doc = store.document(id).unwrap();
    assert_eq!(doc.plan, sample_plan());
    assert_eq!(doc.summary.meta, meta());
    assert_eq!(doc.summary.tasks, 1);
    assert_eq!(doc.summary.warnings, 1);
    assert_eq!(doc.summary.targets, 1);
    assert!(doc.text.ends_with("扫一扫在手机打开"));
    let targets = store.targets(&TargetFilter::default()).unwrap();
    assert_eq!(targets.len(), 1);
    assert_eq!(targets[0].target, sample_target(50.0));
}

#[test]
fn round_trips_two_tier_and_restated_targets() {
    let mut store = Store::open_in_memory().unwrap();
    let two_tier = Target {
        stretch: Some(80.0),
        ..sample_target(50.0)
    };
    let first = Target {
        group: Some(1),
        ..sample_target(60.0)
    };
    let again = Target {
        start: 30,
        end: 41,
        ..first.clone()
    };
    let written = vec![two_tier, first, again];
    import(&mut store, "tiers", &written).unwrap();
    let read: Vec<Target> = store
        .targets(&TargetFilter::default())
        .unwrap()
        .into_iter()
        .map(|t| t.target)
        .collect();
    assert_eq!(read, written);
}

#[test]
fn same_bytes_twice_is_a_no_op() {
    let mut store = Store::open_in_memory().unwrap();
    let first = import(&mut store, "same", &[]).unwrap();
    let second = import(&mut store, "same", &[]).unwrap();
    assert!(matches!(first, ImportOutcome::Imported(_)));
    assert_eq!(second, ImportOutcome::AlreadyPresent(first.id()));
    assert_eq!(store.list_documents().unwrap().len(), 1);
}

#[test]
fn a_failing_import_leaves_nothing_behind() {
    let mut store = Store::open_in_memory().unwrap();
    import(&mut store, "good", &[sample_target(1.0)]).unwrap();
    // NaN is stored as NULL by SQLite, which violates `value NOT NULL` after
    // the document, sections and tasks rows were already written.
    let err = import(
        &mut store,
        "bad",
        &[sample_target(2.0), sample_target(f64::NAN)],
    );
    assert!(err.is_err());
    let docs = store.list_documents().unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].sha256, "good");
    assert_eq!(store.targets(&TargetFilter::default()).unwrap().len(), 1);
    assert!(store.integrity_ok().unwrap());
}

#[test]
fn indicator_mappings_apply_to_stored_targets() {
    let mut store = Store::open_in_memory().unwrap();
    import(&mut store, "m", &[sample_target(50.0)]).unwrap();
    assert_eq!(
        store.unmapped_phrases().unwrap(),
        vec![("高新技术企业".to_string(), 1)]
    );
    assert_eq!(
        store
            .map_indicator("高新技术企业", "high_tech_enterprises")
            .unwrap(),
        1
    );
    assert!(store.unmapped_phrases().unwrap().is_empty());
    let f = TargetFilter {
        indicator: Some("high_tech_enterprises".into()),
        ..Default::default()
    };
    assert_eq!(store.targets(&f).unwrap().len(), 1);
    assert_eq!(
        store.indicator_mappings().unwrap(),
        vec![(
            "高新技术企业".to_string(),
            "high_tech_enterprises".to_string()
        )]
    );
}

#[test]
fn delete_removes_everything_of_a_document() {
    let mut store = Store::open_in_memory().unwrap();
    let id = import(&mut store, "d", &[sample_target(5.0)]).unwrap().id();
    store.delete_document(id).unwrap();
    assert!(store.is_empty().unwrap());
    assert!(store.targets(&TargetFilter::default()).unwrap().is_empty());
    assert!(matches!(
        store.delete_document(id),
        Err(StoreError::NoSuchDocument(_))
    ));
}

mod annotations {
    use super::*;
    use planlens::store::{AnnotationDraft, AnnotationFilter, AnnotationStatus};

    fn draft(status: AnnotationStatus, note: &str) -> AnnotationDraft {
        AnnotationDraft {
            status,
            priority: Some(1),
            tags: vec!["人才".into(), "2025".into()],
            note: note.into(),
            owner: "王工".into(),
        }
    }

    fn setup() -> (Store, i64, i64) {
        let mut store = Store::open_in_memory().unwrap();
        let doc = import(&mut store, "ann", &[sample_target(50.0)])
            .unwrap()
            .id();
        let task = store.document(doc).unwrap().task_ids[0];
        (store, doc, task)
    }

    #[test]
    fn save_and_read_back() {
        let (mut store, _, task) = setup();
        assert_eq!(store.annotation(task).unwrap(), None);
        let a = store
            .save_annotation(task, &draft(AnnotationStatus::Adopt, "值得采纳"))
            .unwrap();
        assert_eq!(a.revision, 1);
        assert_eq!(a.task_id, Some(task));
        assert_eq!(a.draft.note, "值得采纳");
        assert_eq!(store.annotation(task).unwrap(), Some(a));
    }

    #[test]
    fn unchanged_save_adds_no_revision_and_history_is_append_only() {
        let (mut store, _, task) = setup();
        store
            .save_annotation(task, &draft(AnnotationStatus::Adopt, "a"))
            .unwrap();
        store
            .save_annotation(task, &draft(AnnotationStatus::Adopt, "a"))
            .unwrap();
        store
            .save_annotation(task, &draft(AnnotationStatus::Adapt, "b"))
            .unwrap();
        let h = store.annotation_history(task).unwrap();
        assert_eq!(h.iter().map(|r| r.revision).collect::<Vec<_>>(), vec![1, 2]);
        let restored = store.restore_annotation(task, 1).unwrap();
        assert_eq!(restored.revision, 3);
        assert_eq!(restored.draft.note, "a");
        assert_eq!(store.annotation_history(task).unwrap().len(), 3);
        assert!(store.restore_annotation(task, 99).is_err());
    }

    #[test]
    fn annotations_survive_delete_and_reimport_of_the_same_bytes() {
        let (mut store, doc, task) = setup();
        store
            .save_annotation(task, &draft(AnnotationStatus::Adopt, "keep me"))
            .unwrap();
        store.delete_document(doc).unwrap();
        let doc2 = import(&mut store, "ann", &[sample_target(50.0)])
            .unwrap()
            .id();
        let task2 = store.document(doc2).unwrap().task_ids[0];
        let a = store
            .annotation(task2)
            .unwrap()
            .expect("annotation reattached");
        assert_eq!(a.draft.note, "keep me");
        assert_eq!(store.annotation_history(task2).unwrap().len(), 1);
    }

    #[test]
    fn lists_annotated_items_with_context_and_filters() {
        let (mut store, doc, task) = setup();
        store
            .save_annotation(task, &draft(AnnotationStatus::Adapt, "n"))
            .unwrap();
        let all = store.annotated_items(&AnnotationFilter::default()).unwrap();
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].document_id, doc);
        assert_eq!(all[0].city.as_deref(), Some("淄博市"));
        assert_eq!(all[0].path, "一/1");
        assert_eq!(all[0].figures, vec!["新增高新技术企业50家".to_string()]);
        let f = |status, city: Option<&str>, tag: Option<&str>| AnnotationFilter {
            status,
            city: city.map(Into::into),
            tag: tag.map(Into::into),
            document: None,
        };
        assert_eq!(
            store
                .annotated_items(&f(
                    Some(AnnotationStatus::Adapt),
                    Some("淄博"),
                    Some("人才")
                ))
                .unwrap()
                .len(),
            1
        );
        assert!(store
            .annotated_items(&f(Some(AnnotationStatus::Adopt), None, None))
            .unwrap()
            .is_empty());
        assert!(store
            .annotated_items(&f(None, Some("滨州"), None))
            .unwrap()
            .is_empty());
        assert!(store
            .annotated_items(&f(None, None, Some("金融")))
            .unwrap()
            .is_empty());
    }

    #[test]
    fn deck_keeps_order() {
        let mut store = Store::open_in_memory().unwrap();
        let a = store
            .add_slide("高新技术企业", "{\"kind\":\"bar\"}")
            .unwrap();
        let b = store
            .add_slide("研发投入强度", "{\"kind\":\"bar\"}")
            .unwrap();
        let c = store.add_slide("覆盖", "{\"kind\":\"heatmap\"}").unwrap();
        store.move_slide(c, 0).unwrap();
        let order: Vec<i64> = store.slides().unwrap().iter().map(|s| s.id).collect();
        assert_eq!(order, vec![c, a, b]);
        store.remove_slide(a).unwrap();
        let s = store.slides().unwrap();
        assert_eq!(
            s.iter().map(|s| (s.id, s.position)).collect::<Vec<_>>(),
            vec![(c, 0), (b, 1)]
        );
        assert!(store.remove_slide(a).is_err());
    }
}
