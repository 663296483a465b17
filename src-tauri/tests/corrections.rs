//! The app's corrections against a real database in a temporary folder: a
//! figure marked not a target leaves the comparison, the chart and the CSV,
//! survives a restart and is undone; a corrected indicator and value are
//! marked with what changed; document metadata is corrected and undone; the
//! list of corrections and its CSV; bad edits are refused.

use planlens_app::backend::Backend;
use planlens_app::dto::*;
use planlens_app::dto_corrections::*;
use planlens_app::error::Code;

const KEY_TECH: &str = "key_technologies";

fn open(dir: &tempfile::TempDir) -> Backend {
    Backend::open(&dir.path().join("planlens.db"))
        .expect("open")
        .backend
}

fn doc_of(b: &Backend, city: &str) -> i64 {
    b.list_documents()
        .unwrap()
        .into_iter()
        .find(|d| d.city.as_deref().is_some_and(|c| c.contains(city)))
        .unwrap_or_else(|| panic!("no document of {city}"))
        .id
}

fn who() -> CorrectionAuthorDto {
    CorrectionAuthorDto {
        owner: Some("规划科 王".into()),
        note: Some("表述的是条件，不是目标".into()),
    }
}

fn request(docs: &[i64]) -> CompareRequest {
    request_of(docs, "high_tech_enterprises")
}

fn request_of(docs: &[i64], indicator: &str) -> CompareRequest {
    CompareRequest {
        documents: docs.to_vec(),
        indicators: vec![indicator.into()],
        lang: Lang::Zh,
        include_other: None,
    }
}

fn figures(c: &Comparison) -> Vec<&CompareFigure> {
    c.rows
        .iter()
        .flat_map(|r| r.cells.iter().flat_map(|c| c.figures.iter()))
        .collect()
}

fn chart(docs: &[i64]) -> ChartSpec {
    ChartSpec {
        documents: docs.to_vec(),
        indicator: KEY_TECH.into(),
        theme: ChartTheme::Light,
        width: 960,
        height: 540,
        lang: Lang::Zh,
        themes: None,
    }
}

#[test]
fn a_figure_marked_not_a_target_leaves_compare_and_chart_and_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let b = open(&dir);
    let docs = [doc_of(&b, "日照"), doc_of(&b, "滨州")];
    // 滨州's "取得重大关键技术成果5项以上" counts results, not key
    // technologies tackled: the one figure of its cell.
    let before = b.compare(&request_of(&docs, KEY_TECH)).unwrap();
    let wrong = figures(&before)
        .into_iter()
        .find(|f| f.document_id == docs[1] && f.value == 5.0)
        .expect("滨州's 5 key technologies")
        .target_id;
    let svg = b.chart_svg(&chart(&docs)).unwrap();
    assert!(svg.contains("滨州市"), "the chart shows 滨州 before");

    let state = b
        .correct_target(wrong, vec![FigureFieldEdit::NotATarget(true)], who())
        .unwrap();
    assert!(state.target.not_a_target && state.target.corrected);
    assert_eq!(state.revision, 1);
    assert_eq!(state.owner.as_deref(), Some("规划科 王"));
    assert_eq!(state.history.len(), 1);
    assert_eq!(state.target.changes[0].field, "not_a_target");

    let after = b.compare(&request_of(&docs, KEY_TECH)).unwrap();
    assert!(figures(&after).iter().all(|f| f.target_id != wrong));
    assert!(!b.chart_svg(&chart(&docs)).unwrap().contains("滨州市"));
    // The Reader still shows it, marked, so it can be undone.
    let doc = b.document(docs[1]).unwrap();
    let t = doc.targets.iter().find(|t| t.id == wrong).unwrap();
    assert!(t.not_a_target && t.corrected);

    drop(b);
    let b = open(&dir);
    let after = b.compare(&request_of(&docs, KEY_TECH)).unwrap();
    assert!(
        figures(&after).iter().all(|f| f.target_id != wrong),
        "the correction survives a restart"
    );
    let state = b.target_correction(wrong).unwrap();
    assert!(state.target.not_a_target);
    assert_eq!(state.history.len(), 1);

    let state = b.undo_target_correction(wrong, who()).unwrap();
    assert!(!state.target.not_a_target && !state.target.corrected);
    assert_eq!(state.history.len(), 2);
    assert_eq!(state.history[1].restored_from, Some(0));
    let back = b.compare(&request_of(&docs, KEY_TECH)).unwrap();
    assert!(figures(&back).iter().any(|f| f.target_id == wrong));
    assert!(b.chart_svg(&chart(&docs)).unwrap().contains("滨州市"));
}

#[test]
fn a_corrected_value_and_indicator_are_marked_with_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    let b = open(&dir);
    let docs = [doc_of(&b, "日照"), doc_of(&b, "滨州")];
    let c = b.compare(&request(&docs)).unwrap();
    let f = figures(&c)
        .into_iter()
        .find(|f| f.document_id == docs[1] && f.value == 600.0)
        .unwrap()
        .target_id;
    b.correct_target(
        f,
        vec![
            FigureFieldEdit::Value(650.0),
            FigureFieldEdit::Year(Some(2024)),
            FigureFieldEdit::Qualifier(Qualifier::About),
        ],
        who(),
    )
    .unwrap();
    let c = b.compare(&request(&docs)).unwrap();
    let fig = figures(&c).into_iter().find(|x| x.target_id == f).unwrap();
    assert!(fig.corrected);
    assert_eq!(fig.value, 650.0);
    assert_eq!(fig.year, Some(2024));
    let fields: Vec<(&str, &str, &str)> = fig
        .changes
        .iter()
        .map(|c| (c.field.as_str(), c.before.as_str(), c.after.as_str()))
        .collect();
    assert!(fields.contains(&("value", "600", "650")), "{fields:?}");
    assert!(fields.contains(&("year", "2023", "2024")), "{fields:?}");

    // Another indicator moves it out of the high-tech row; none leaves it unmapped.
    let inds = b.catalog_indicators(Lang::Zh);
    assert!(inds
        .iter()
        .any(|i| i.id == "high_tech_enterprises" && i.label.contains("高新技术企业")));
    let other = inds
        .iter()
        .find(|i| i.id != "high_tech_enterprises")
        .unwrap()
        .id
        .clone();
    b.correct_target(f, vec![FigureFieldEdit::IndicatorId(Some(other))], who())
        .unwrap();
    let c = b.compare(&request(&docs)).unwrap();
    assert!(figures(&c).iter().all(|x| x.target_id != f));
    let s = b
        .correct_target(f, vec![FigureFieldEdit::IndicatorId(None)], who())
        .unwrap();
    assert_eq!(s.target.indicator_id, None);
    assert_eq!(s.history.len(), 3);

    // Restore revision 0: as extracted.
    let s = b
        .restore_target_correction(f, 0, CorrectionAuthorDto::default())
        .unwrap();
    assert!(!s.target.corrected);
    assert_eq!(s.target.value, 600.0);
}

#[test]
fn merging_a_restated_figure_keeps_one() {
    let dir = tempfile::tempdir().unwrap();
    let b = open(&dir);
    let rz = doc_of(&b, "日照");
    let doc = b.document(rz).unwrap();
    let thousands: Vec<i64> = doc
        .targets
        .iter()
        .filter(|t| t.value == 1000.0 && t.indicator_id.as_deref() == Some("high_tech_enterprises"))
        .map(|t| t.id)
        .collect();
    assert!(thousands.len() >= 2, "{thousands:?}");
    let s = b
        .correct_target(
            thousands[1],
            vec![FigureFieldEdit::MergeInto(Some(thousands[0]))],
            who(),
        )
        .unwrap();
    assert_eq!(s.target.merged_into, Some(thousands[0]));
    let err = b
        .correct_target(
            thousands[0],
            vec![FigureFieldEdit::MergeInto(Some(thousands[0]))],
            who(),
        )
        .unwrap_err();
    assert_eq!(err.code(), Code::InvalidInput);
}

#[test]
fn document_metadata_is_corrected_listed_exported_and_undone() {
    let dir = tempfile::tempdir().unwrap();
    let b = open(&dir);
    let d = doc_of(&b, "滨州");
    let s = b
        .correct_document(
            d,
            vec![
                DocumentFieldEdit::City(Some("滨州".into())),
                DocumentFieldEdit::Level(Some("prefecture".into())),
                DocumentFieldEdit::DocNumber(Some("滨科发〔2023〕1号".into())),
                DocumentFieldEdit::Period(Some(Period {
                    start: 2023,
                    end: 2024,
                })),
            ],
            who(),
        )
        .unwrap();
    assert_eq!(s.document.city.as_deref(), Some("滨州"));
    assert_eq!(s.document.level.as_deref(), Some("prefecture"));
    assert!(s.document.corrected);
    assert_eq!(s.revision, 1);
    assert!(s
        .changes
        .iter()
        .any(|c| c.field == "city" && c.before == "滨州市" && c.after == "滨州"));
    let listed = b.list_documents().unwrap();
    let row = listed.iter().find(|x| x.id == d).unwrap();
    assert_eq!(row.doc_number.as_deref(), Some("滨科发〔2023〕1号"));
    assert_eq!(
        row.period,
        Some(Period {
            start: 2023,
            end: 2024
        })
    );

    let all = b.corrections().unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].scope, CorrectionScopeDto::Document);
    let csv = b.corrections_csv().unwrap();
    assert!(csv.starts_with("scope,correction_id,"));
    assert!(
        csv.contains("document,") && csv.contains("滨科发〔2023〕1号"),
        "{csv}"
    );

    let s = b.undo_document_correction(d, who()).unwrap();
    assert!(!s.document.corrected);
    assert_eq!(s.document.city.as_deref(), Some("滨州市"));
    assert_eq!(s.history.len(), 2);
}

#[test]
fn bad_edits_are_refused_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let b = open(&dir);
    let d = doc_of(&b, "滨州");
    let t = b.document(d).unwrap().targets[0].id;
    let cases = [
        vec![],
        vec![FigureFieldEdit::IndicatorId(Some(
            "no_such_indicator".into(),
        ))],
        vec![FigureFieldEdit::Value(f64::NAN)],
        vec![FigureFieldEdit::Unit("  ".into())],
        vec![FigureFieldEdit::Year(Some(99))],
    ];
    for edits in cases {
        let err = b.correct_target(t, edits.clone(), who()).unwrap_err();
        assert_eq!(err.code(), Code::InvalidInput, "{edits:?}");
    }
    assert_eq!(
        b.correct_target(99_999, vec![FigureFieldEdit::NotATarget(true)], who())
            .unwrap_err()
            .code(),
        Code::NotFound
    );
    assert_eq!(
        b.undo_target_correction(t, who()).unwrap_err().code(),
        Code::InvalidInput
    );
    let err = b
        .correct_document(
            d,
            vec![DocumentFieldEdit::Period(Some(Period {
                start: 2025,
                end: 2021,
            }))],
            who(),
        )
        .unwrap_err();
    assert_eq!(err.code(), Code::InvalidInput);
    assert!(b.corrections().unwrap().is_empty());
}
