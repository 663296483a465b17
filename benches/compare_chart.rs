//! Comparison of 20 documents × 30 indicators, and rendering of every chart
//! kind to SVG and to a 1920×1080 PNG. The corpus is generated here, for
//! benchmarking only: 20 cities, each with one plan setting 30 indicators.

use criterion::{criterion_group, criterion_main, Criterion};
use planlens::chart::{
    render_png, render_svg, BarChart, ChartData, ChartOptions, HeatmapChart, Lang, MultiplesChart,
    TimelineChart,
};
use planlens::compare::{self, CompareInput, DocRef, Selection};
use planlens::model::{Period, PlanKind, Qualifier, Target, TargetKind, TargetRole};
use planlens::targets::{normalize, Catalog};

const CITIES: [&str; 20] = [
    "临沂市",
    "丹东市",
    "日照市",
    "宜宾市",
    "滨州市",
    "淄博市",
    "潍坊市",
    "烟台市",
    "威海市",
    "济宁市",
    "泰安市",
    "德州市",
    "聊城市",
    "菏泽市",
    "枣庄市",
    "东营市",
    "绵阳市",
    "德阳市",
    "乐山市",
    "泸州市",
];

fn corpus(catalog: &Catalog) -> (Vec<DocRef>, Vec<(i64, i64, Target)>) {
    let indicators: Vec<_> = catalog.indicators().iter().take(30).collect();
    let mut docs = Vec::new();
    let mut targets = Vec::new();
    let mut tid = 0;
    for (d, city) in CITIES.iter().enumerate() {
        let id = d as i64 + 1;
        let year = 2020 + (d as i32 % 4);
        docs.push(DocRef {
            id,
            city: Some(city.to_string()),
            province: None,
            kind: PlanKind::AnnualWorkPlan,
            period: Some(Period::year(year)),
            title: Some(format!("{year}年全市科技工作要点")),
        });
        for (i, ind) in indicators.iter().enumerate() {
            let (unit, kind) = match ind.unit_family.as_str() {
                "percent" => ("%", TargetKind::Rate),
                "money" => ("亿元", TargetKind::Stock),
                "points" => ("个百分点", TargetKind::Rate),
                _ => ("家", TargetKind::Increment),
            };
            let value = 10.0 + ((d * 31 + i * 17) % 90) as f64;
            tid += 1;
            targets.push((
                id,
                tid,
                Target {
                    quote: format!("{}达到{value}{unit}", ind.name_zh),
                    start: i * 40,
                    end: i * 40 + 20,
                    indicator: ind.name_zh.clone(),
                    indicator_id: Some(ind.id.clone()),
                    value,
                    value_high: None,
                    stretch: None,
                    unit: unit.to_string(),
                    qualifier: Qualifier::AtLeast,
                    kind,
                    role: TargetRole::Target,
                    year: Some(year),
                    section: format!("一/({})", i + 1),
                    task: Some(i),
                    normalized: normalize(value, None, unit),
                    group: None,
                },
            ));
        }
    }
    (docs, targets)
}

fn bench(c: &mut Criterion) {
    let catalog = Catalog::builtin();
    let (docs, targets) = corpus(&catalog);
    let input = CompareInput {
        docs: &docs,
        targets: &targets,
    };
    let sel = Selection::default();
    let names = planlens::present::display_names(&catalog);
    c.bench_function("compare/20_docs_x_30_indicators", |b| {
        b.iter(|| compare::compare(std::hint::black_box(&input), &sel))
    });

    let table = compare::compare(&input, &sel);
    let first = catalog.indicators()[0].id.clone();
    let bar_rows = table.row_indices(&first);
    let multi_rows: Vec<usize> = (0..6).collect();
    let coverage = compare::coverage(&input, &sel);
    let timeline = compare::timeline(&input, "临沂市", &first);
    let charts = [
        (
            "bar",
            ChartData::Bar(BarChart::from_table(&table, &bar_rows, &names, Lang::Zh).unwrap()),
        ),
        (
            "multiples",
            ChartData::Multiples(
                MultiplesChart::from_table(&table, &multi_rows, &names, Lang::Zh).unwrap(),
            ),
        ),
        (
            "heatmap",
            ChartData::Heatmap(HeatmapChart::from_coverage(&coverage, &names, Lang::Zh).unwrap()),
        ),
        (
            "timeline",
            ChartData::Timeline(TimelineChart::from_timeline(&timeline, &names, Lang::Zh).unwrap()),
        ),
    ];
    let opts = ChartOptions::full_hd();
    let mut group = c.benchmark_group("chart");
    group.sample_size(20);
    for (name, chart) in &charts {
        group.bench_function(format!("{name}/svg"), |b| {
            b.iter(|| render_svg(chart, &opts).unwrap())
        });
        group.bench_function(format!("{name}/png_1920x1080"), |b| {
            b.iter(|| render_png(chart, &opts).unwrap())
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
