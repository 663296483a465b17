//! Comparison engine: grouping, headline rule, selection, coverage,
//! timeline and table rendering, on hand-built data.

use planlens::compare::{
    cell_text, compare, coverage, format_number, format_value, headline_index, timeline, to_csv,
    to_json, to_text, CompareInput, DocRef, Selection,
};
use planlens::model::{Period, PlanKind, Qualifier, Target, TargetKind, TargetRole};

fn doc(id: i64, city: &str, period: Period) -> DocRef {
    DocRef {
        id,
        city: Some(city.into()),
        province: None,
        kind: if period.start == period.end {
            PlanKind::AnnualWorkPlan
        } else {
            PlanKind::FiveYearPlan
        },
        period: Some(period),
        title: Some(format!("{city}科技工作要点")),
    }
}

fn t(
    ind: Option<&str>,
    value: f64,
    kind: TargetKind,
    role: TargetRole,
    year: Option<i32>,
    start: usize,
) -> Target {
    Target {
        quote: format!("高新技术企业{value}家"),
        start,
        end: start + 10,
        indicator: "高新技术企业".into(),
        indicator_id: ind.map(str::to_string),
        value,
        value_high: None,
        stretch: None,
        unit: "家".into(),
        qualifier: Qualifier::AtLeast,
        kind,
        role,
        year,
        section: "二/(一)/1".into(),
        task: Some(3),
        normalized: None,
        group: None,
    }
}

fn names(id: &str) -> (String, String) {
    match id {
        "high_tech" => ("高新技术企业".into(), "High-tech enterprises".into()),
        other => (other.into(), other.into()),
    }
}

struct Data {
    docs: Vec<DocRef>,
    targets: Vec<(i64, i64, Target)>,
}

fn data() -> Data {
    use TargetKind::*;
    use TargetRole::*;
    Data {
        docs: vec![
            doc(5, "滨州市", Period::year(2023)),
            doc(
                3,
                "日照市",
                Period {
                    start: 2021,
                    end: 2025,
                },
            ),
            doc(1, "丹东市", Period::year(2020)),
            doc(6, "日照市", Period::year(2023)),
        ],
        targets: vec![
            (
                5,
                51,
                t(Some("high_tech"), 100.0, Increment, Target, Some(2023), 120),
            ),
            (
                5,
                52,
                t(Some("high_tech"), 600.0, Stock, Target, Some(2023), 140),
            ),
            (
                3,
                31,
                t(Some("high_tech"), 296.0, Stock, Baseline, Some(2020), 900),
            ),
            (
                3,
                32,
                t(Some("high_tech"), 1000.0, Stock, Target, Some(2025), 5200),
            ),
            (
                1,
                11,
                t(Some("high_tech"), 200.0, Stock, Target, Some(2020), 300),
            ),
            (1, 12, t(None, 15.0, Increment, Target, Some(2020), 500)),
            (1, 13, t(Some("rd_intensity"), 2.3, Rate, Target, None, 600)),
            (6, 61, t(Some("high_tech"), 700.0, Stock, Target, None, 50)),
            (
                99,
                991,
                t(Some("high_tech"), 5.0, Stock, Target, Some(2020), 1),
            ),
        ],
    }
}

#[test]
fn rows_keep_stock_and_increment_apart() {
    let d = data();
    let table = compare(
        &CompareInput {
            docs: &d.docs,
            targets: &d.targets,
        },
        &Selection::default(),
    );
    let keys: Vec<(&str, TargetKind)> = table
        .rows
        .iter()
        .map(|r| (r.indicator_id.as_str(), r.kind))
        .collect();
    assert_eq!(
        keys,
        vec![
            ("high_tech", TargetKind::Stock),
            ("high_tech", TargetKind::Increment),
            ("rd_intensity", TargetKind::Rate)
        ]
    );
    // Columns by period start, then city (code point order: 日 before 滨).
    let ids: Vec<i64> = table.docs.iter().map(|d| d.id).collect();
    assert_eq!(ids, vec![1, 3, 6, 5]);
    let binzhou = table.docs.iter().position(|d| d.id == 5).unwrap();
    assert_eq!(
        table.rows[0].cells[binzhou].headline().unwrap().value,
        600.0
    );
    assert_eq!(
        table.rows[1].cells[binzhou].headline().unwrap().value,
        100.0
    );
    // Unmapped indicators and unknown documents are not compared.
    assert!(table
        .rows
        .iter()
        .flat_map(|r| &r.cells)
        .flat_map(|c| &c.figures)
        .all(|f| f.target_id != 12 && f.target_id != 991));
}

#[test]
fn headline_prefers_target_then_latest_year_then_document_order() {
    let d = data();
    let table = compare(
        &CompareInput {
            docs: &d.docs,
            targets: &d.targets,
        },
        &Selection::default(),
    );
    let rizhao = table.docs.iter().position(|x| x.id == 3).unwrap();
    let cell = &table.rows[0].cells[rizhao];
    assert_eq!(cell.figures.len(), 2, "both figures stay visible");
    let h = cell.headline().unwrap();
    assert_eq!((h.value, h.role), (1000.0, TargetRole::Target));
    assert_eq!(h.target_id, 32);
    assert_eq!(h.quote, "高新技术企业1000家");
    assert_eq!((h.start, h.end, h.task), (5200, 5210, Some(3)));

    // Same role: the later year wins; same year: the earlier offset wins.
    let docref = doc(9, "临沂市", Period::year(2021));
    let mk = |v, y, s| {
        let table = compare(
            &CompareInput {
                docs: std::slice::from_ref(&docref),
                targets: &[(
                    9,
                    1,
                    t(Some("x"), v, TargetKind::Stock, TargetRole::Target, y, s),
                )],
            },
            &Selection::default(),
        );
        table.rows[0].cells[0].figures[0].clone()
    };
    let figs = vec![
        mk(1.0, Some(2021), 50),
        mk(2.0, Some(2025), 90),
        mk(3.0, Some(2025), 70),
    ];
    assert_eq!(headline_index(&figs), Some(2));
    let only_baselines = vec![mk(1.0, Some(2019), 10), mk(2.0, Some(2019), 5)];
    assert_eq!(headline_index(&only_baselines), Some(1));
    assert_eq!(headline_index(&[]), None);
    // A missing year falls back to the end of the document's period.
    assert_eq!(mk(1.0, None, 0).effective_year(), Some(2021));
}

#[test]
fn selection_filters_and_orders() {
    let d = data();
    let input = CompareInput {
        docs: &d.docs,
        targets: &d.targets,
    };
    let sel = Selection {
        docs: Some(vec![5, 1, 5, 42]),
        cities: None,
        indicators: Some(vec!["rd_intensity".into(), "high_tech".into()]),
        others: false,
    };
    let table = compare(&input, &sel);
    assert_eq!(
        table.docs.iter().map(|d| d.id).collect::<Vec<_>>(),
        vec![5, 1]
    );
    assert_eq!(table.rows[0].indicator_id, "rd_intensity");
    let sel = Selection {
        cities: Some(vec!["日照".into()]),
        ..Selection::default()
    };
    let table = compare(&input, &sel);
    assert_eq!(
        table.docs.iter().map(|d| d.id).collect::<Vec<_>>(),
        vec![3, 6]
    );
    let sel = Selection {
        cities: Some(vec!["".into()]),
        ..Selection::default()
    };
    assert!(compare(&input, &sel).docs.is_empty());
}

#[test]
fn coverage_counts_figures_per_document() {
    let d = data();
    let cov = coverage(
        &CompareInput {
            docs: &d.docs,
            targets: &d.targets,
        },
        &Selection::default(),
    );
    assert_eq!(
        cov.indicators,
        vec!["high_tech".to_string(), "rd_intensity".to_string()]
    );
    let col = |id| cov.docs.iter().position(|x| x.id == id).unwrap();
    assert_eq!(cov.counts[0][col(3)], 2);
    assert_eq!(cov.counts[0][col(5)], 2);
    assert_eq!(cov.counts[1][col(5)], 0);
    assert_eq!(cov.docs_covering(0), 4);
    assert_eq!(cov.docs_covering(1), 1);
    assert_eq!(cov.indicators_set(col(1)), 2);
    assert_eq!(cov.docs_covering(7), 0);
}

#[test]
fn timeline_by_kind_and_year() {
    let d = data();
    let tl = timeline(
        &CompareInput {
            docs: &d.docs,
            targets: &d.targets,
        },
        "日照市",
        "high_tech",
    );
    assert_eq!(tl.series.len(), 1);
    let (kind, pts) = &tl.series[0];
    assert_eq!(*kind, TargetKind::Stock);
    let years: Vec<i32> = pts.iter().map(|p| p.year).collect();
    assert_eq!(years, vec![2020, 2023, 2025]);
    assert_eq!(
        pts[1].figure.value, 700.0,
        "year from the 2023 plan's period"
    );
    assert_eq!(pts[0].figure.role, TargetRole::Baseline);
    assert_eq!(tl.docs.len(), 2);
    let none = timeline(
        &CompareInput {
            docs: &d.docs,
            targets: &d.targets,
        },
        "青岛",
        "high_tech",
    );
    assert!(none.series.is_empty());
}

#[test]
fn text_csv_and_json() {
    let d = data();
    let table = compare(
        &CompareInput {
            docs: &d.docs,
            targets: &d.targets,
        },
        &Selection::default(),
    );
    let text = to_text(&table, &names, true);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("指标"));
    assert!(lines[0].contains("日照市 2021–2025"));
    assert!(
        lines[2].contains("高新技术企业")
            && lines[2].contains("存量")
            && lines[2].contains("≥1000家 +1")
    );
    assert!(text.contains("≥600家"));
    let en = to_text(&table, &names, false);
    assert!(en.contains("High-tech enterprises") && en.contains("increment"));

    let csv = to_csv(&table, &names);
    let rows: Vec<&str> = csv.lines().collect();
    // Seven mapped figures and one unmapped figure, listed under 其他.
    assert_eq!(rows.len(), 1 + 7 + 1, "one line per compared figure");
    assert_eq!(table.others.len(), 1);
    assert!(rows[8].starts_with(",其他: 高新技术企业,other: 高新技术企业,increment,"));
    assert!(rows[0].starts_with("indicator_id,indicator_zh"));
    assert!(csv.contains("high_tech,高新技术企业,High-tech enterprises,stock,3,日照市,2021–2025,31,baseline,2020,at_least,296,"));
    assert_eq!(
        csv.lines()
            .filter(|l| l.contains(",1,高新技术企业,"))
            .count(),
        7,
        "one headline per filled cell (six catalog cells, one 其他 cell)"
    );

    let json: serde_json::Value = serde_json::from_str(&to_json(&table, &names)).unwrap();
    assert_eq!(json["rows"][0]["indicator_zh"], "高新技术企业");
    assert_eq!(json["rows"][0]["kind"], "stock");
    assert_eq!(json["docs"].as_array().unwrap().len(), 4);
}

#[test]
fn csv_escapes_quotes_and_commas() {
    let docs = vec![doc(1, "滨州市", Period::year(2023))];
    let mut tg = t(
        Some("x"),
        1.0,
        TargetKind::Stock,
        TargetRole::Target,
        Some(2023),
        0,
    );
    tg.quote = "建成\"示范区\",共1个".into();
    let table = compare(
        &CompareInput {
            docs: &docs,
            targets: &[(1, 1, tg)],
        },
        &Selection::default(),
    );
    let csv = to_csv(&table, &names);
    assert!(csv.contains("\"建成\"\"示范区\"\",共1个\""));
}

#[test]
fn number_formatting_for_people() {
    assert_eq!(format_number(1e9), "1000000000");
    assert_eq!(format_number(55.15), "55.15");
    assert_eq!(format_number(2.0 / 3.0), "0.67");
    assert_eq!(format_number(-1.5), "-1.5");
    assert_eq!(format_number(f64::NAN), "–");
    assert_eq!(format_value(100.0, None, Qualifier::AtLeast), "≥100");
    assert_eq!(format_value(5.0, None, Qualifier::About), "≈5");
    assert_eq!(format_value(1.0, Some(2.0), Qualifier::Exact), "1–2");
    assert_eq!(format_value(3.0, None, Qualifier::AtMost), "≤3");
}

#[test]
fn cell_text_marks_baselines_and_other_years() {
    let docs = vec![doc(
        3,
        "日照市",
        Period {
            start: 2021,
            end: 2025,
        },
    )];
    let targets = vec![(
        3,
        1,
        t(
            Some("x"),
            296.0,
            TargetKind::Stock,
            TargetRole::Baseline,
            Some(2020),
            0,
        ),
    )];
    let table = compare(
        &CompareInput {
            docs: &docs,
            targets: &targets,
        },
        &Selection::default(),
    );
    assert_eq!(
        cell_text(&table.rows[0].cells[0], true),
        "≥296家(基期)@2020"
    );
    assert_eq!(
        cell_text(&table.rows[0].cells[0], false),
        "≥296家(baseline)@2020"
    );
}

#[test]
fn empty_input_gives_empty_outputs() {
    let input = CompareInput {
        docs: &[],
        targets: &[],
    };
    let table = compare(&input, &Selection::default());
    assert!(table.rows.is_empty() && table.docs.is_empty());
    assert_eq!(to_text(&table, &names, true).lines().count(), 2);
    assert!(coverage(&input, &Selection::default())
        .indicators
        .is_empty());
    assert!(timeline(&input, "滨州", "x").series.is_empty());
}
