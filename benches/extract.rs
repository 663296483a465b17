//! Throughput of structure parsing and target extraction over the seed plans,
//! in bytes of UTF-8 text per second (criterion reports MiB/s).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use planlens::ingest::{analyze_bytes, Context, DEFAULT_MAX_BYTES};
use planlens::metadata::{self, Gazetteer};
use planlens::seeds::SEED_FILES;
use planlens::structure;
use planlens::targets::{extract, Catalog};

fn bench_extract(c: &mut Criterion) {
    let texts: Vec<String> = SEED_FILES
        .iter()
        .map(|(_, b)| {
            String::from_utf8_lossy(b)
                .trim_start_matches('\u{feff}')
                .to_string()
        })
        .collect();
    let bytes: u64 = texts.iter().map(|t| t.len() as u64).sum();
    let catalog = Catalog::builtin();
    let gazetteer = Gazetteer::builtin();
    let metas: Vec<_> = texts
        .iter()
        .map(|t| metadata::detect(t, gazetteer))
        .collect();
    let plans: Vec<_> = texts.iter().map(|t| structure::parse(t)).collect();

    let mut group = c.benchmark_group("seeds");
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("parse", |b| {
        b.iter(|| {
            for t in &texts {
                std::hint::black_box(structure::parse(t));
            }
        })
    });
    group.bench_function("extract", |b| {
        b.iter(|| {
            for ((t, p), m) in texts.iter().zip(&plans).zip(&metas) {
                std::hint::black_box(extract(t, p, m, &catalog));
            }
        })
    });
    group.bench_function("parse_and_extract", |b| {
        b.iter(|| {
            for (t, m) in texts.iter().zip(&metas) {
                let plan = structure::parse(t);
                std::hint::black_box(extract(t, &plan, m, &catalog));
            }
        })
    });
    let ctx = Context {
        gazetteer,
        manifest: None,
        catalog: &catalog,
        max_bytes: DEFAULT_MAX_BYTES,
    };
    group.bench_function("whole_pipeline", |b| {
        b.iter(|| {
            for (name, raw) in SEED_FILES {
                std::hint::black_box(analyze_bytes(raw, name, &ctx).ok());
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench_extract);
criterion_main!(benches);
