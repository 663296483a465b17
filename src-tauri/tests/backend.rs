//! The shell's backend against a real database in a temporary folder: seeds
//! on first open, documents with task ids, comparison and chart, annotations
//! that survive reopening and re-import, the deck.

use planlens_app::backend::Backend;
use planlens_app::dto::*;
use planlens_app::error::Code;

fn open(dir: &tempfile::TempDir) -> (Backend, usize) {
    let o = Backend::open(&dir.path().join("planlens.db")).expect("open");
    (o.backend, o.seeded)
}

fn draft(status: AnnotationStatus, note: &str) -> AnnotationDraft {
    AnnotationDraft {
        status,
        priority: Some(1),
        tags: vec!["企业培育".into()],
        note: note.into(),
        owner: "科技局规划科".into(),
    }
}

#[test]
fn first_open_loads_the_five_seed_plans_once() {
    let dir = tempfile::tempdir().unwrap();
    let (b, seeded) = open(&dir);
    assert_eq!(seeded, 5);
    let docs = b.list_documents().unwrap();
    assert_eq!(docs.len(), 5);
    assert!(docs.iter().all(|d| d.city.is_some()));
    drop(b);
    let (b, seeded) = open(&dir);
    assert_eq!(seeded, 0);
    assert_eq!(b.list_documents().unwrap().len(), 5);
}

#[test]
fn documents_carry_task_ids_and_targets_inside_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let (b, _) = open(&dir);
    for d in b.list_documents().unwrap() {
        let doc = b.document(d.id).unwrap();
        assert_eq!(doc.tasks.len() as u32, d.tasks);
        let chars = doc.text.chars().count() as u32;
        let mut ids: Vec<i64> = doc.tasks.iter().map(|t| t.id).collect();
        ids.dedup();
        assert_eq!(ids.len(), doc.tasks.len());
        for t in &doc.targets {
            assert!(t.start <= t.end && t.end <= chars, "{t:?}");
            let quote: String = doc
                .text
                .chars()
                .skip(t.start as usize)
                .take((t.end - t.start) as usize)
                .collect();
            assert_eq!(quote, t.quote);
        }
    }
    let err = b.document(99_999).unwrap_err();
    assert_eq!(err.code(), Code::NotFound);
}

#[test]
fn compares_two_cities_on_high_tech_enterprises_and_draws_the_chart() {
    let dir = tempfile::tempdir().unwrap();
    let (b, _) = open(&dir);
    let docs = b.list_documents().unwrap();
    let all: Vec<i64> = docs.iter().map(|d| d.id).collect();
    let inds = b.indicators(&all, Lang::Zh).unwrap();
    let hte = inds
        .iter()
        .find(|i| i.id == "high_tech_enterprises")
        .expect("high-tech enterprises among the seed indicators");
    assert!(hte.documents >= 2, "{hte:?}");
    assert!(hte.label.contains("高新技术企业"));
    let with: Vec<i64> = all
        .iter()
        .copied()
        .filter(|&d| {
            b.compare(&CompareRequest {
                documents: vec![d],
                indicators: vec![hte.id.clone()],
                lang: Lang::Zh,
                include_other: None,
            })
            .is_ok_and(|c| c.rows.iter().any(|r| !r.cells[0].figures.is_empty()))
        })
        .take(2)
        .collect();
    assert_eq!(with.len(), 2);
    let c = b
        .compare(&CompareRequest {
            documents: with.clone(),
            indicators: vec![hte.id.clone()],
            lang: Lang::Zh,
            include_other: None,
        })
        .unwrap();
    assert!(c.others.is_empty(), "其他 only when asked for");
    assert_eq!(c.documents.len(), 2);
    assert!(!c.rows.is_empty());
    for r in &c.rows {
        assert_eq!(r.cells.len(), 2);
        for cell in &r.cells {
            for f in &cell.figures {
                assert_eq!(f.kind, r.kind);
            }
        }
    }
    let spec = ChartSpec {
        documents: with,
        indicator: hte.id.clone(),
        theme: ChartTheme::Dark,
        width: 960,
        height: 540,
        lang: Lang::Zh,
        themes: None,
    };
    let svg = b.chart_svg(&spec).unwrap();
    assert!(svg.contains("<svg"));
    let png = b.chart_file(&spec, ExportFormat::Png).unwrap();
    assert_eq!(&png[1..4], b"PNG");
    let bad = ChartSpec { width: 1, ..spec };
    assert_eq!(b.chart_svg(&bad).unwrap_err().code(), Code::InvalidInput);
}

/// Compare in the app says what it shows: a restated target once with its
/// other sentence, cells whose figures differ carry notes, and the figures
/// that map to no indicator are listed under 其他 by phrase when asked for.
#[test]
fn compare_shows_mentions_notes_and_other_figures() {
    let dir = tempfile::tempdir().unwrap();
    let (b, _) = open(&dir);
    let all: Vec<i64> = b.list_documents().unwrap().iter().map(|d| d.id).collect();
    let c = b
        .compare(&CompareRequest {
            documents: all,
            indicators: vec!["high_tech_enterprises".into()],
            lang: Lang::Zh,
            include_other: Some(true),
        })
        .unwrap();
    let figs: Vec<&CompareFigure> = c
        .rows
        .iter()
        .flat_map(|r| r.cells.iter().flat_map(|cell| &cell.figures))
        .collect();
    assert!(
        figs.iter().any(|f| f.mentions.len() == 1),
        "滨州 restates its target"
    );
    assert!(c
        .rows
        .iter()
        .flat_map(|r| &r.cells)
        .any(|cell| cell.notes.contains(&CellNoteDto::YearsDiffer)));
    assert!(!c.others.is_empty());
    assert!(c
        .others
        .iter()
        .all(|r| r.indicator_id.is_empty() && r.label.starts_with("其他：")));
    assert!(c.others.iter().any(|r| r.label.contains("入驻企业")));
}

#[test]
fn annotations_keep_history_across_restart_and_reimport() {
    let dir = tempfile::tempdir().unwrap();
    let (b, _) = open(&dir);
    let doc = b
        .list_documents()
        .unwrap()
        .into_iter()
        .find(|d| d.tasks > 0)
        .unwrap();
    let task = b.document(doc.id).unwrap().tasks[0].id;
    b.save_annotation(task, draft(AnnotationStatus::Adopt, "可直接采纳"))
        .unwrap();
    b.save_annotation(task, draft(AnnotationStatus::Adapt, "结合本市产业基础借鉴"))
        .unwrap();
    let bad = AnnotationDraft {
        priority: Some(9),
        ..draft(AnnotationStatus::Adopt, "")
    };
    assert_eq!(
        b.save_annotation(task, bad).unwrap_err().code(),
        Code::InvalidInput
    );
    drop(b);

    let (b, _) = open(&dir);
    let a = b
        .annotation(task)
        .unwrap()
        .expect("annotation after restart");
    assert_eq!(a.draft.status, AnnotationStatus::Adapt);
    let h = b.annotation_history(task).unwrap();
    assert_eq!(h.iter().map(|r| r.revision).collect::<Vec<_>>(), vec![1, 2]);
    let restored = b.restore_annotation(task, 1).unwrap();
    assert_eq!(restored.revision, 3);
    assert_eq!(restored.draft.note, "可直接采纳");

    // Delete and import the same bytes again: the annotation comes back.
    let seed = dir.path().join(&doc.source_name);
    let bytes = planlens::seeds::SEED_FILES
        .iter()
        .find(|(n, _)| *n == doc.source_name)
        .map(|(_, b)| *b)
        .expect("seed bytes");
    std::fs::write(&seed, bytes).unwrap();
    b.delete_document(doc.id).unwrap();
    let imported = b.import_file(&seed).unwrap();
    let new_id = imported.document_id;
    assert_eq!(imported.status, ImportStatus::Imported);
    let new_task = b.document(new_id).unwrap().tasks[0].id;
    let back = b.annotation(new_task).unwrap().expect("re-anchored");
    assert_eq!(back.draft.note, "可直接采纳");
    assert_eq!(
        b.import_file(&seed).unwrap().status,
        ImportStatus::AlreadyPresent
    );

    let items = b.annotated_items(AnnotationFilter::default()).unwrap();
    assert_eq!(items.len(), 1);
    let csv = b
        .export_annotations(AnnotationFilter::default(), TextFormat::Csv, Lang::Zh)
        .unwrap();
    assert!(csv.contains("可直接采纳"));
    let md = b
        .export_annotations(AnnotationFilter::default(), TextFormat::Markdown, Lang::En)
        .unwrap();
    assert!(md.contains("- Status: "), "{md}");
    assert!(!md.contains("· —"), "{md}");
    assert!(!md.contains("adopt") && !md.contains("undecided"), "{md}");
}

#[test]
fn import_reports_bad_files_by_code() {
    let dir = tempfile::tempdir().unwrap();
    let (b, _) = open(&dir);
    let missing = b.import_file(&dir.path().join("nope.txt")).unwrap_err();
    assert_eq!(missing.code(), Code::NotFound);
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, b"").unwrap();
    assert_eq!(
        b.import_file(&empty).unwrap_err().code(),
        Code::InvalidInput
    );
    assert_eq!(b.list_documents().unwrap().len(), 5);
}

#[test]
fn the_deck_persists_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let (b, _) = open(&dir);
    let ids: Vec<i64> = b
        .list_documents()
        .unwrap()
        .iter()
        .map(|d| d.id)
        .take(2)
        .collect();
    let spec = |ind: &str| ChartSpec {
        documents: ids.clone(),
        indicator: ind.into(),
        theme: ChartTheme::Light,
        width: 1280,
        height: 720,
        lang: Lang::Zh,
        themes: None,
    };
    let a = b
        .add_slide("高新技术企业", &spec("high_tech_enterprises"))
        .unwrap();
    let c = b.add_slide("研发投入强度", &spec("rd_intensity")).unwrap();
    b.move_slide(c.id, 0).unwrap();
    drop(b);
    let (b, _) = open(&dir);
    let slides = b.slides().unwrap();
    assert_eq!(
        slides.iter().map(|s| s.id).collect::<Vec<_>>(),
        vec![c.id, a.id]
    );
    assert_eq!(slides[1].spec, spec("high_tech_enterprises"));
    b.remove_slide(c.id).unwrap();
    assert_eq!(b.slides().unwrap().len(), 1);
    assert_eq!(b.remove_slide(c.id).unwrap_err().code(), Code::NotFound);
}
