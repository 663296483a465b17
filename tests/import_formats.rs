//! Real docx, pdf and html files (made with LibreOffice from seed plans and
//! from a plan of our own with an indicator table, committed under
//! `tests/fixtures/formats/`) read into the same structure and targets as
//! their plain-text originals.

use std::path::{Path, PathBuf};

use planlens::formats::tables::Binding;
use planlens::formats::Format;
use planlens::ingest::{analyze_file, Analysis, Context, DEFAULT_MAX_BYTES};
use planlens::metadata::Gazetteer;
use planlens::model::{Qualifier, TargetKind, TargetRole};
use planlens::targets::Catalog;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/formats")
        .join(name)
}

fn analyze(name: &str) -> Analysis {
    let catalog = Catalog::builtin();
    let ctx = Context {
        gazetteer: Gazetteer::builtin(),
        manifest: None,
        catalog: &catalog,
        max_bytes: DEFAULT_MAX_BYTES,
    };
    analyze_file(&fixture(name), &ctx).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// (path, title) pairs.
type Titles = Vec<(String, String)>;

/// Section paths and titles, task paths and titles.
fn structure(a: &Analysis) -> (Titles, Titles) {
    (
        a.plan
            .sections
            .iter()
            .map(|s| (s.path.clone(), s.title.clone()))
            .collect(),
        a.plan
            .tasks
            .iter()
            .map(|t| (t.path.clone(), t.title.clone()))
            .collect(),
    )
}

type TargetKey = (String, String, String, String, String, Option<i32>, String);

fn targets(a: &Analysis) -> Vec<TargetKey> {
    a.targets
        .iter()
        .map(|t| {
            (
                t.indicator.clone(),
                format!("{}", t.value),
                t.unit.clone(),
                format!("{:?}", t.kind),
                format!("{:?}", t.role),
                t.year,
                t.section.clone(),
            )
        })
        .collect()
}

fn assert_same(original: &Analysis, other: &Analysis, name: &str) {
    let (s0, t0) = structure(original);
    let (s1, t1) = structure(other);
    assert_eq!(s0, s1, "{name}: sections differ");
    assert_eq!(t0, t1, "{name}: task items differ");
    assert_eq!(targets(original), targets(other), "{name}: targets differ");
    assert_eq!(original.document.city, other.document.city, "{name}: city");
    assert_eq!(original.document.kind, other.document.kind, "{name}: kind");
    assert_eq!(
        original.document.period, other.document.period,
        "{name}: period"
    );
    // Every quote is the text it points at.
    let chars: Vec<char> = other.text.chars().collect();
    for t in &other.targets {
        let q: String = chars[t.start..t.end].iter().collect();
        assert_eq!(q, t.quote, "{name}");
    }
}

#[test]
fn seed_docx_matches_text() {
    for stem in ["linyi", "dandong", "rizhao", "yibin", "binzhou"] {
        let txt = analyze(&format!("{stem}.txt"));
        let docx = analyze(&format!("{stem}.docx"));
        assert_eq!(docx.format, Format::Docx);
        assert!(!txt.targets.is_empty());
        assert_same(&txt, &docx, &format!("{stem}.docx"));
    }
}

#[test]
fn seed_pdf_matches_text() {
    for stem in ["linyi", "rizhao", "binzhou"] {
        let txt = analyze(&format!("{stem}.txt"));
        let pdf = analyze(&format!("{stem}.pdf"));
        assert_eq!(pdf.format, Format::Pdf);
        assert_same(&txt, &pdf, &format!("{stem}.pdf"));
    }
}

#[test]
fn seed_html_matches_text() {
    for stem in ["linyi", "rizhao"] {
        let txt = analyze(&format!("{stem}.txt"));
        let html = analyze(&format!("{stem}.html"));
        assert_eq!(html.format, Format::Html);
        assert_eq!(html.encoding, "HTML/GBK");
        assert_same(&txt, &html, &format!("{stem}.html"));
    }
}

/// Targets not read from a table cell.
fn text_targets(a: &Analysis) -> Vec<TargetKey> {
    let from_cells: Vec<usize> = a.table_cells.iter().map(|c| c.target).collect();
    targets(a)
        .into_iter()
        .enumerate()
        .filter(|(i, _)| !from_cells.contains(i))
        .map(|(_, t)| t)
        .collect()
}

/// Targets of the plain-text original outside its table lines (lines with a
/// tab).
fn text_targets_outside_table(a: &Analysis) -> Vec<TargetKey> {
    let lines: Vec<(usize, &str)> = {
        let mut pos = 0;
        a.text
            .split('\n')
            .map(|l| {
                let s = pos;
                pos += l.chars().count() + 1;
                (s, l)
            })
            .collect()
    };
    let in_table = |start: usize| {
        lines
            .iter()
            .rev()
            .find(|(s, _)| *s <= start)
            .is_some_and(|(_, l)| l.contains('\t'))
    };
    targets(a)
        .into_iter()
        .zip(&a.targets)
        .filter(|(_, t)| !in_table(t.start))
        .map(|(k, _)| k)
        .collect()
}

#[test]
fn own_plan_with_numbering_and_indicator_table() {
    let txt = analyze("sanming.txt");
    let expected_structure = structure(&txt);
    assert!(
        expected_structure.1.len() >= 8,
        "{:?}",
        expected_structure.1
    );
    let expected_text_targets = text_targets_outside_table(&txt);
    // The text file's table (tab-separated lines) is read like the others.
    for name in ["sanming.docx", "sanming.pdf", "sanming.html", "sanming.txt"] {
        let a = analyze(name);
        assert_eq!(structure(&a), expected_structure, "{name}: structure");
        assert_eq!(
            text_targets(&a),
            expected_text_targets,
            "{name}: text targets"
        );
        assert_eq!(a.document.city.as_deref(), Some("三明市"), "{name}");
        // The indicator table: 4 rows, baseline/target/growth where given.
        type Row = (String, f64, String, Option<i32>, TargetRole, TargetKind);
        let table: Vec<Row> = a
            .table_cells
            .iter()
            .map(|c| {
                let t = &a.targets[c.target];
                (
                    t.indicator.clone(),
                    t.value,
                    t.unit.clone(),
                    t.year,
                    t.role,
                    t.kind,
                )
            })
            .collect();
        use TargetKind::*;
        use TargetRole::*;
        let s = |x: &str| x.to_string();
        assert_eq!(
            table,
            [
                (
                    s("全社会研发经费投入强度"),
                    1.6,
                    s("%"),
                    Some(2020),
                    Baseline,
                    Rate
                ),
                (
                    s("全社会研发经费投入强度"),
                    2.5,
                    s("%"),
                    Some(2025),
                    Target,
                    Rate
                ),
                (
                    s("全社会研发经费投入强度年均增长"),
                    0.9,
                    s("%"),
                    Some(2025),
                    Target,
                    Rate
                ),
                (
                    s("高新技术企业数量"),
                    296.0,
                    s("家"),
                    Some(2020),
                    Baseline,
                    Stock
                ),
                (
                    s("高新技术企业数量"),
                    600.0,
                    s("家"),
                    Some(2025),
                    Target,
                    Stock
                ),
                (
                    s("高新技术企业数量年均增长"),
                    15.2,
                    s("%"),
                    Some(2025),
                    Target,
                    Rate
                ),
                (
                    s("技术合同成交额"),
                    12.5,
                    s("亿元"),
                    Some(2020),
                    Baseline,
                    Stock
                ),
                (
                    s("技术合同成交额"),
                    30.0,
                    s("亿元"),
                    Some(2025),
                    Target,
                    Stock
                ),
                (
                    s("技术合同成交额年均增长"),
                    19.1,
                    s("%"),
                    Some(2025),
                    Target,
                    Rate
                ),
                (
                    s("新增省级以上研发平台"),
                    50.0,
                    s("个"),
                    Some(2025),
                    Target,
                    Increment
                ),
            ],
            "{name}: table targets"
        );
        let hte = &a.targets[a.table_cells[4].target];
        assert_eq!(hte.qualifier, Qualifier::AtLeast, "{name}");
        assert_eq!(
            hte.indicator_id.as_deref(),
            Some("high_tech_enterprises"),
            "{name}"
        );
        assert_eq!(a.table_cells[0].binding, Some(Binding::Expected), "{name}");
        assert_eq!(a.table_cells[9].binding, Some(Binding::Binding), "{name}");
        // Provenance: the quote is the cell's text, at the cell's offsets.
        let chars: Vec<char> = a.text.chars().collect();
        for c in &a.table_cells {
            let t = &a.targets[c.target];
            let cell = &a.tables[c.cell.table].rows[c.cell.row][c.cell.column];
            assert_eq!((t.start, t.end), (cell.start, cell.end), "{name}");
            assert_eq!(chars[t.start..t.end].iter().collect::<String>(), t.quote);
        }
    }
}

#[test]
fn html_page_chrome_is_dropped() {
    let a = analyze("sanming.html");
    assert_eq!(a.format, Format::Html);
    assert_eq!(a.encoding, "HTML/GBK");
    for chrome in [
        "首页",
        "当前位置",
        "分享到",
        "版权所有",
        "统计代码",
        "请输入关键字",
        "年度报告",
    ] {
        assert!(!a.text.contains(chrome), "{chrome} left in the text");
    }
    assert!(a.text.starts_with("三明市“十四五”科技创新发展规划\n"));
}

#[test]
fn pdf_running_header_and_page_numbers_are_dropped() {
    let a = analyze("sanming.pdf");
    assert!(!a.text.contains("三明市科学技术局文件"), "{}", a.text);
    assert!(
        !a.text.lines().any(|l| l.trim().starts_with("- ")),
        "{}",
        a.text
    );
    // Paragraphs were rejoined: no line break inside a sentence of the body.
    assert!(a.text.contains(
        "建立高新技术企业培育库,对入库企业给予分类指导和精准服务,每年新增高新技术企业60家以上"
    ));
}
