//! Chart rendering: SVG structure snapshots and PNG pixel checks, on
//! hand-built data modelled on real plans (丹东, 临沂, 日照, 宜宾, 滨州) plus
//! invented cities for the crowded case.
//!
//! Set `PLANLENS_CHART_PREVIEW=1` to write every chart as PNG/SVG into
//! `target/chart-preview/` for a person to look at.

use std::collections::HashMap;

use planlens::chart::{
    render_png, render_svg, BarChart, ChartData, ChartError, ChartKind, ChartOptions, HeatmapChart,
    Lang, MultiplesChart, Theme, TimelineChart,
};
use planlens::compare::{compare, coverage, timeline, CompareInput, DocRef, Selection};
use planlens::model::{Normalized, Period, PlanKind, Qualifier, Target, TargetKind, TargetRole};

struct Fixture {
    docs: Vec<DocRef>,
    targets: Vec<(i64, i64, Target)>,
}

fn doc(id: i64, city: &str, kind: PlanKind, period: Period, title: &str) -> DocRef {
    DocRef {
        id,
        city: Some(city.to_string()),
        province: Some("山东省".to_string()),
        kind,
        period: Some(period),
        title: Some(title.to_string()),
    }
}

#[allow(clippy::too_many_arguments)]
fn target(
    ind: &str,
    value: f64,
    unit: &str,
    q: Qualifier,
    kind: TargetKind,
    role: TargetRole,
    year: i32,
    start: usize,
) -> Target {
    let normalized = match unit {
        "亿元" => Some(Normalized {
            value: value * 1e8,
            value_high: None,
            unit: "元".into(),
        }),
        "万元" => Some(Normalized {
            value: value * 1e4,
            value_high: None,
            unit: "元".into(),
        }),
        "%" => Some(Normalized {
            value,
            value_high: None,
            unit: "%".into(),
        }),
        _ => Some(Normalized {
            value,
            value_high: None,
            unit: unit.into(),
        }),
    };
    Target {
        quote: format!("{ind}{value}{unit}"),
        start,
        end: start + 12,
        indicator: ind.to_string(),
        indicator_id: Some(ind.to_string()),
        value,
        value_high: None,
        stretch: None,
        unit: unit.to_string(),
        qualifier: q,
        kind,
        role,
        year: Some(year),
        section: "二/(一)".into(),
        task: Some(0),
        normalized,
        group: None,
    }
}

fn names(id: &str) -> (String, String) {
    let m: HashMap<&str, (&str, &str)> = HashMap::from([
        ("high_tech", ("高新技术企业", "High-tech enterprises")),
        ("rd_intensity", ("全社会研发经费投入强度", "R&D intensity")),
        ("fiscal_st", ("财政科技支出", "Fiscal S&T spending")),
        (
            "platforms",
            (
                "省级以上科技创新平台（重点实验室、技术创新中心、工程技术研究中心）",
                "Provincial-level or higher S&T innovation platforms",
            ),
        ),
        ("tech_sme", ("科技型中小企业", "Tech-based SMEs")),
    ]);
    m.get(id)
        .map(|(z, e)| (z.to_string(), e.to_string()))
        .unwrap_or_else(|| (id.to_string(), id.to_string()))
}

/// The five seed plans' high-tech enterprise figures, as in the plans.
fn seeds() -> Fixture {
    use PlanKind::*;
    use Qualifier::*;
    use TargetKind::*;
    use TargetRole::*;
    let docs = vec![
        doc(
            1,
            "丹东市",
            ImplementationPlan,
            Period::year(2020),
            "丹东市2020年科技创新工作实施方案",
        ),
        doc(
            2,
            "临沂市",
            AnnualWorkPlan,
            Period::year(2021),
            "2021年全市科技工作思路",
        ),
        doc(
            3,
            "日照市",
            FiveYearPlan,
            Period {
                start: 2021,
                end: 2025,
            },
            "日照市“十四五”科技创新规划",
        ),
        doc(
            4,
            "宜宾市",
            AnnualWorkPlan,
            Period::year(2022),
            "宜宾市2022年科技工作要点",
        ),
        doc(
            5,
            "滨州市",
            AnnualWorkPlan,
            Period::year(2023),
            "2023年全市科技工作要点",
        ),
    ];
    let targets = vec![
        (
            1,
            11,
            target("high_tech", 200.0, "家", AtLeast, Stock, Target, 2020, 300),
        ),
        (
            2,
            21,
            target(
                "high_tech",
                100.0,
                "家",
                AtLeast,
                Increment,
                Target,
                2021,
                410,
            ),
        ),
        (
            3,
            31,
            target("high_tech", 296.0, "家", Exact, Stock, Baseline, 2020, 900),
        ),
        (
            3,
            32,
            target("high_tech", 1000.0, "家", Exact, Stock, Target, 2025, 5200),
        ),
        (
            4,
            41,
            target(
                "high_tech",
                100.0,
                "家",
                AtLeast,
                Increment,
                Target,
                2022,
                700,
            ),
        ),
        (
            5,
            51,
            target(
                "high_tech",
                100.0,
                "家",
                AtLeast,
                Increment,
                Target,
                2023,
                120,
            ),
        ),
        (
            5,
            52,
            target("high_tech", 600.0, "家", AtLeast, Stock, Target, 2023, 140),
        ),
        (
            3,
            33,
            target("rd_intensity", 2.5, "%", About, Rate, Target, 2025, 5300),
        ),
        (
            3,
            34,
            target("rd_intensity", 1.9, "%", Exact, Rate, Baseline, 2020, 950),
        ),
        (
            5,
            53,
            target("rd_intensity", 2.6, "%", AtLeast, Rate, Target, 2023, 160),
        ),
        (
            2,
            22,
            target("rd_intensity", 2.3, "%", Exact, Rate, Target, 2021, 430),
        ),
        (
            3,
            35,
            target(
                "fiscal_st",
                55.15,
                "亿元",
                Exact,
                Stock,
                Baseline,
                2019,
                1000,
            ),
        ),
        (
            5,
            54,
            target(
                "fiscal_st",
                8000.0,
                "万元",
                AtLeast,
                Stock,
                Target,
                2023,
                200,
            ),
        ),
        (
            1,
            12,
            target(
                "platforms",
                15.0,
                "家",
                AtLeast,
                Increment,
                Target,
                2020,
                500,
            ),
        ),
        (
            4,
            42,
            target("platforms", 10.0, "个", Exact, Increment, Target, 2022, 800),
        ),
        (
            5,
            55,
            target(
                "platforms",
                20.0,
                "家",
                AtLeast,
                Increment,
                Target,
                2023,
                260,
            ),
        ),
        (
            4,
            43,
            target("tech_sme", 800.0, "家", AtLeast, Stock, Target, 2022, 900),
        ),
    ];
    Fixture { docs, targets }
}

/// The seeds plus twelve invented cities (crowded case): annual plans 2023.
fn crowded() -> Fixture {
    let mut f = seeds();
    let extra = [
        ("青岛市", 1200.0),
        ("烟台市", 450.0),
        ("潍坊市", 400.0),
        ("济宁市", 260.0),
        ("泰安市", 150.0),
        ("威海市", 180.0),
        ("德州市", 120.0),
        ("聊城市", 100.0),
        ("菏泽市", 150.0),
        ("枣庄市", 80.0),
        ("东营市", 110.0),
        ("黔东南苗族侗族自治州", 30.0),
    ];
    for (i, (city, v)) in extra.iter().enumerate() {
        let id = 100 + i as i64;
        f.docs.push(doc(
            id,
            city,
            PlanKind::AnnualWorkPlan,
            Period::year(2023),
            &format!("{city}2023年科技创新工作要点"),
        ));
        f.targets.push((
            id,
            id * 10,
            target(
                "high_tech",
                *v,
                "家",
                Qualifier::AtLeast,
                TargetKind::Increment,
                TargetRole::Target,
                2023,
                100,
            ),
        ));
        f.targets.push((
            id,
            id * 10 + 1,
            target(
                "rd_intensity",
                2.0 + i as f64 * 0.1,
                "%",
                Qualifier::Exact,
                TargetKind::Rate,
                TargetRole::Target,
                2023,
                300,
            ),
        ));
        if i % 3 == 0 {
            f.targets.push((
                id,
                id * 10 + 2,
                target(
                    "platforms",
                    5.0 + i as f64,
                    "家",
                    Qualifier::AtLeast,
                    TargetKind::Increment,
                    TargetRole::Target,
                    2023,
                    400,
                ),
            ));
        }
    }
    f
}

fn rizhao_timeline(f: &mut Fixture) {
    f.docs.push(doc(
        6,
        "日照市",
        PlanKind::AnnualWorkPlan,
        Period::year(2023),
        "日照市2023年科技工作要点",
    ));
    f.targets.push((
        6,
        61,
        target(
            "high_tech",
            700.0,
            "家",
            Qualifier::AtLeast,
            TargetKind::Stock,
            TargetRole::Target,
            2023,
            50,
        ),
    ));
    f.targets.push((
        6,
        62,
        target(
            "high_tech",
            120.0,
            "家",
            Qualifier::AtLeast,
            TargetKind::Increment,
            TargetRole::Target,
            2023,
            60,
        ),
    ));
}

fn charts() -> Vec<(&'static str, ChartData)> {
    let f = seeds();
    let input = CompareInput {
        docs: &f.docs,
        targets: &f.targets,
    };
    let table = compare(&input, &Selection::default());
    let hi_rows: Vec<usize> = table
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.indicator_id == "high_tech")
        .map(|(i, _)| i)
        .collect();
    let bar = BarChart::from_table(&table, &hi_rows, &names, Lang::Zh).unwrap();
    let multiples = MultiplesChart::from_table(&table, &[], &names, Lang::Zh).unwrap();
    let heat =
        HeatmapChart::from_coverage(&coverage(&input, &Selection::default()), &names, Lang::Zh)
            .unwrap();

    let c = crowded();
    let cin = CompareInput {
        docs: &c.docs,
        targets: &c.targets,
    };
    let sel = Selection {
        indicators: Some(vec!["high_tech".into()]),
        ..Selection::default()
    };
    let ct = compare(&cin, &sel);
    let inc = ct
        .rows
        .iter()
        .position(|r| r.kind == TargetKind::Increment)
        .unwrap();
    let crowded_bar = BarChart::from_table(&ct, &[inc], &names, Lang::Zh).unwrap();
    let crowded_heat =
        HeatmapChart::from_coverage(&coverage(&cin, &Selection::default()), &names, Lang::Zh)
            .unwrap();
    let crowded_multi =
        MultiplesChart::from_table(&compare(&cin, &Selection::default()), &[], &names, Lang::Zh)
            .unwrap();

    let mut t = seeds();
    rizhao_timeline(&mut t);
    let tin = CompareInput {
        docs: &t.docs,
        targets: &t.targets,
    };
    let tl = TimelineChart::from_timeline(&timeline(&tin, "日照", "high_tech"), &names, Lang::Zh)
        .unwrap();

    vec![
        ("bar", ChartData::Bar(bar)),
        ("multiples", ChartData::Multiples(multiples)),
        ("heatmap", ChartData::Heatmap(heat)),
        ("timeline", ChartData::Timeline(tl)),
        ("crowded_bar", ChartData::Bar(crowded_bar)),
        ("crowded_heatmap", ChartData::Heatmap(crowded_heat)),
        ("crowded_multiples", ChartData::Multiples(crowded_multi)),
    ]
}

fn decode(png: &[u8]) -> (u32, u32, Vec<u8>) {
    let dec = png::Decoder::new(std::io::Cursor::new(png));
    let mut reader = dec.read_info().expect("png header");
    let mut buf = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut buf).expect("png frame");
    buf.truncate(info.buffer_size());
    assert_eq!(info.color_type, png::ColorType::Rgba);
    (info.width, info.height, buf)
}

/// Fraction of pixels in the box (fractions of the image) that stand out from
/// the background: darker than it on the light theme, lighter on the dark one.
fn ink(img: &(u32, u32, Vec<u8>), bx: (f64, f64, f64, f64), dark_theme: bool) -> f64 {
    let (w, h, px) = img;
    let (x0, y0) = ((bx.0 * *w as f64) as u32, (bx.1 * *h as f64) as u32);
    let (x1, y1) = ((bx.2 * *w as f64) as u32, (bx.3 * *h as f64) as u32);
    let mut n = 0;
    let mut hit = 0;
    for y in y0..y1 {
        for x in x0..x1 {
            let i = ((y * w + x) * 4) as usize;
            let l = (u32::from(px[i]) + u32::from(px[i + 1]) + u32::from(px[i + 2])) / 3;
            n += 1;
            if (dark_theme && l > 110) || (!dark_theme && l < 150) {
                hit += 1;
            }
        }
    }
    hit as f64 / n.max(1) as f64
}

#[test]
fn every_kind_renders_png_with_title_glyphs_in_both_themes() {
    let preview = std::env::var_os("PLANLENS_CHART_PREVIEW").is_some();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/chart-preview");
    if preview {
        std::fs::create_dir_all(&dir).unwrap();
    }
    for (name, chart) in charts() {
        for theme in [Theme::Light, Theme::Dark] {
            let opts = ChartOptions {
                theme,
                ..ChartOptions::hd()
            };
            let png = render_png(&chart, &opts).unwrap_or_else(|e| panic!("{name}: {e}"));
            let img = decode(&png);
            assert_eq!((img.0, img.1), (1280, 720), "{name}");
            let dark = theme == Theme::Dark;
            // Title band (top-left) carries glyph pixels.
            let title = ink(&img, (0.02, 0.02, 0.5, 0.1), dark);
            assert!(title > 0.02, "{name} {theme:?}: title ink {title}");
            // Whole image is not blank and not all ink.
            let all = ink(&img, (0.0, 0.0, 1.0, 1.0), dark);
            assert!(all > 0.005 && all < 0.6, "{name} {theme:?}: ink {all}");
            if preview {
                std::fs::write(dir.join(format!("{name}_{theme:?}.png")), &png).unwrap();
            }
        }
    }
}

#[test]
fn png_at_double_scale_and_presets() {
    let (_, chart) = charts().remove(0);
    let opts = ChartOptions {
        scale: 2.0,
        ..ChartOptions::hd()
    };
    let img = decode(&render_png(&chart, &opts).unwrap());
    assert_eq!((img.0, img.1), (2560, 1440));
    let img = decode(&render_png(&chart, &ChartOptions::full_hd()).unwrap());
    assert_eq!((img.0, img.1), (1920, 1080));
    // Footnote band (bottom) has glyphs too: sources are never cropped.
    assert!(ink(&img, (0.02, 0.9, 0.6, 1.0), false) > 0.005);
    let odd = ChartOptions {
        width: 800,
        height: 1000,
        ..ChartOptions::hd()
    };
    let img = decode(&render_png(&chart, &odd).unwrap());
    assert_eq!((img.0, img.1), (800, 1000));
}

#[test]
fn invalid_sizes_are_errors_not_panics() {
    let (_, chart) = charts().remove(0);
    for (w, h, s) in [
        (0, 720, 1.0),
        (1280, 0, 1.0),
        (20_000, 720, 1.0),
        (1280, 720, 0.0),
        (1280, 720, f32::NAN),
    ] {
        let opts = ChartOptions {
            width: w,
            height: h,
            scale: s,
            ..ChartOptions::hd()
        };
        assert!(matches!(
            render_png(&chart, &opts),
            Err(ChartError::InvalidSize { .. })
        ));
        assert!(matches!(
            render_svg(&chart, &opts),
            Err(ChartError::InvalidSize { .. })
        ));
    }
    // Tiny but valid: renders or reports a drawing error, never panics.
    let tiny = ChartOptions {
        width: 100,
        height: 100,
        ..ChartOptions::hd()
    };
    let _ = render_png(&chart, &tiny);
}

#[test]
fn svg_keeps_chinese_text_and_units() {
    for (name, chart) in charts() {
        let svg = render_svg(&chart, &ChartOptions::hd()).unwrap();
        assert!(svg.starts_with("<svg"), "{name}");
        assert!(svg.contains("Noto Sans CJK SC"), "{name}");
        assert!(svg.contains("来源："), "{name}: source footnote");
        if chart.kind() != ChartKind::Heatmap {
            assert!(svg.contains("单位："), "{name}: unit caption");
        }
    }
    let (_, bar) = charts().remove(0);
    let svg = render_svg(&bar, &ChartOptions::hd()).unwrap();
    for s in [
        "≥200",
        "≥100",
        "1000",
        "≥600",
        "丹东市",
        "2021–2025",
        "单位：家",
    ] {
        assert!(svg.contains(s), "missing {s}");
    }
}

#[test]
fn text_as_paths_leaves_no_text_elements() {
    let (_, chart) = charts().remove(0);
    let opts = ChartOptions {
        text_as_paths: true,
        ..ChartOptions::hd()
    };
    let svg = render_svg(&chart, &opts).unwrap();
    assert!(!svg.contains("<text"), "text left in flattened SVG");
    // usvg writes each text run as one filled path.
    assert!(svg.matches("<path").count() > 30);
}

#[test]
fn english_labels() {
    let f = seeds();
    let input = CompareInput {
        docs: &f.docs,
        targets: &f.targets,
    };
    let table = compare(&input, &Selection::default());
    let chart =
        ChartData::Multiples(MultiplesChart::from_table(&table, &[], &names, Lang::En).unwrap());
    let opts = ChartOptions {
        lang: Lang::En,
        ..ChartOptions::hd()
    };
    let svg = render_svg(&chart, &opts).unwrap();
    assert!(svg.contains("High-tech enterprises (increment)"));
    assert!(svg.contains("Unit: "));
    assert!(svg.contains("Sources: "));
}

/// Reduces an SVG to its structure: element names with a few attributes,
/// text content kept, coordinates dropped.
fn structure(svg: &str) -> String {
    let mut out = String::new();
    for part in svg.split('<').skip(1) {
        let (tag, rest) = part.split_once('>').unwrap_or((part, ""));
        let name = tag.split_whitespace().next().unwrap_or("");
        if name.starts_with('/') {
            continue;
        }
        out.push_str(name.trim_end_matches('/'));
        for attr in ["text-anchor", "fill", "stroke", "font-weight", "transform"] {
            if let Some(i) = tag.find(&format!(" {attr}=\"")) {
                let v = &tag[i + attr.len() + 3..];
                let v = v.split('"').next().unwrap_or("");
                let v = if attr == "transform" {
                    v.split(',').next().unwrap_or("")
                } else {
                    v
                };
                out.push_str(&format!(" {attr}={v}"));
            }
        }
        let text = rest.trim();
        if !text.is_empty() {
            out.push_str(&format!(" «{text}»"));
        }
        out.push('\n');
    }
    out
}

#[test]
fn svg_structure_snapshots() {
    for (name, chart) in charts() {
        if name.starts_with("crowded") {
            continue;
        }
        let svg = render_svg(&chart, &ChartOptions::hd()).unwrap();
        insta::assert_snapshot!(format!("chart_{name}"), structure(&svg));
    }
}

#[test]
fn write_readme_example_when_asked() {
    if std::env::var_os("PLANLENS_WRITE_EXAMPLE").is_none() {
        return;
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let (_, chart) = charts().remove(0);
    let png = render_png(&chart, &ChartOptions::hd()).unwrap();
    std::fs::create_dir_all(root.join("docs")).unwrap();
    std::fs::write(root.join("docs/chart-example.png"), png).unwrap();
    // Larger and English variants for review, kept out of the repository.
    let dir = root.join("target/chart-preview");
    std::fs::create_dir_all(&dir).unwrap();
    for (name, chart) in charts() {
        let opts = ChartOptions {
            theme: Theme::Dark,
            lang: Lang::En,
            ..ChartOptions::full_hd()
        };
        std::fs::write(
            dir.join(format!("{name}_full_hd_dark.png")),
            render_png(&chart, &opts).unwrap(),
        )
        .unwrap();
    }
}

#[test]
fn degenerate_hand_built_data_never_panics() {
    use planlens::chart::{
        BarSeries, BarValue, Category, HeatmapChart as H, TimePoint, TimeSeries,
    };
    let long = "极长的指标名称".repeat(30);
    let bar = BarChart {
        title: long.clone(),
        unit: String::new(),
        categories: vec![
            Category {
                label: long.clone(),
                sublabel: "2021–2025".into()
            };
            40
        ],
        series: vec![BarSeries {
            name: long.clone(),
            values: vec![
                Some(BarValue {
                    value: f64::NAN,
                    label: "NaN".into(),
                    hollow: false,
                    baseline: Some((f64::INFINITY, "∞".into())),
                }),
                Some(BarValue {
                    value: -5.0,
                    label: "-5".into(),
                    hollow: true,
                    baseline: None,
                }),
            ],
        }],
        notes: vec![long.clone(); 10],
    };
    let empty_bar = BarChart {
        title: String::new(),
        unit: "家".into(),
        categories: vec![],
        series: vec![],
        notes: vec![],
    };
    let heat = H {
        title: long.clone(),
        rows: vec![],
        cols: vec![],
        counts: vec![vec![3]],
        notes: vec![],
    };
    let tl = TimelineChart {
        title: "t".into(),
        unit: "%".into(),
        series: vec![TimeSeries {
            name: "s".into(),
            points: vec![TimePoint {
                year: 2025,
                value: 0.0,
                label: "0".into(),
                hollow: false,
            }],
        }],
        notes: vec![],
    };
    let empty_tl = TimelineChart {
        title: "t".into(),
        unit: "%".into(),
        series: vec![],
        notes: vec![],
    };
    let charts = [
        ChartData::Bar(bar),
        ChartData::Bar(empty_bar.clone()),
        ChartData::Multiples(MultiplesChart {
            title: "m".into(),
            panels: vec![empty_bar; 30],
            notes: vec![],
        }),
        ChartData::Heatmap(heat),
        ChartData::Timeline(tl),
        ChartData::Timeline(empty_tl),
    ];
    for chart in &charts {
        for (w, h) in [(1280, 720), (300, 200), (100, 100)] {
            let opts = ChartOptions {
                width: w,
                height: h,
                ..ChartOptions::hd()
            };
            // Either output or a typed error; never a panic.
            if let Ok(png) = render_png(chart, &opts) {
                assert_eq!(decode(&png).0, w);
            }
        }
    }
}

#[test]
fn png_output_is_deterministic() {
    let (_, chart) = charts().remove(3);
    let opts = ChartOptions {
        width: 640,
        height: 360,
        ..ChartOptions::hd()
    };
    assert_eq!(
        render_png(&chart, &opts).unwrap(),
        render_png(&chart, &opts).unwrap()
    );
    assert_eq!(
        render_svg(&chart, &opts).unwrap(),
        render_svg(&chart, &opts).unwrap()
    );
}
