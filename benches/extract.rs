//! Extraction throughput over the concatenated seed plans.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use planlens::model::{DocumentMeta, ParsedPlan, Period, PlanKind};
use planlens::targets::{extract, Catalog};

fn seeds() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect::<Vec<_>>()
        .join("\n")
}

fn bench_extract(c: &mut Criterion) {
    let text = seeds();
    let catalog = Catalog::builtin();
    let plan = ParsedPlan::default();
    let meta = DocumentMeta {
        kind: PlanKind::FiveYearPlan,
        period: Some(Period {
            start: 2021,
            end: 2025,
        }),
        ..Default::default()
    };
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("seeds", |b| {
        b.iter(|| extract(std::hint::black_box(&text), &plan, &meta, &catalog))
    });
    group.finish();
}

criterion_group!(benches, bench_extract);
criterion_main!(benches);
