//! Speed of search, similar task items, theme classification and import on a
//! generated corpus of >= 2,000 documents (recombined seed plans, benchmark only;
//! see `support/corpus.rs`).
//!
//! `cargo bench --bench search` first prints a plain report (import time,
//! p50/p95 latencies over a fixed query mix, similar-task cold and warm,
//! classification throughput), then runs criterion on a few representative
//! cases. Environment: `PLANLENS_BENCH_DOCS` (default 2000) sets the corpus
//! size; `PLANLENS_BENCH_REPORT_ONLY=1` skips criterion.

#[path = "support/corpus.rs"]
mod corpus;

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput};
use planlens::search::SearchQuery;
use planlens::store::Store;
use planlens::targets::Catalog;
use planlens::themes::Taxonomy;

/// The query mix: (class, query text).
const QUERIES: &[(&str, &str)] = &[
    ("1-char", "县"),
    ("1-char", "园"),
    ("1-char", "奖"),
    ("2-char", "人才"),
    ("2-char", "孵化"),
    ("2-char", "专利"),
    ("2-char", "融资"),
    ("phrase", "科技成果转化"),
    ("phrase", "高新技术企业"),
    ("phrase", "国家级科技企业孵化器"),
    ("phrase", "产学研深度融合"),
    ("multi-term", "人才 引进"),
    ("multi-term", "孵化 平台 建设"),
];

/// Runs of each (query, filter) pair after one unmeasured run.
const RUNS: usize = 5;

/// Warm similar-task queries.
const SIMILAR_QUERIES: usize = 200;

struct Imported {
    docs: usize,
    tasks: Vec<(String, String)>,
    text_bytes: usize,
}

fn percentile(sorted: &[Duration], p: usize) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    // Nearest rank.
    let rank = (p * sorted.len()).div_ceil(100).max(1);
    sorted[rank.min(sorted.len()) - 1]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn summary(label: &str, mut v: Vec<Duration>) {
    v.sort();
    println!(
        "  {label:<28} n={:<5} p50 {:>8.2} ms  p95 {:>8.2} ms  max {:>8.2} ms",
        v.len(),
        ms(percentile(&v, 50)),
        ms(percentile(&v, 95)),
        ms(v.last().copied().unwrap_or_default())
    );
}

fn import(path: &Path, n: usize) -> Imported {
    let t0 = Instant::now();
    let docs = corpus::generate(n);
    let generated = t0.elapsed();
    let catalog = Catalog::builtin();
    let mut store = Store::open(path).expect("open store");
    let (mut analyze, mut write) = (Duration::ZERO, Duration::ZERO);
    let mut imported = Imported {
        docs: 0,
        tasks: Vec::new(),
        text_bytes: 0,
    };
    for d in &docs {
        let t = Instant::now();
        let Some(a) = corpus::analyze(d, &catalog) else {
            continue;
        };
        analyze += t.elapsed();
        let t = Instant::now();
        let (outcome, _) = store
            .import_versioned(&a.as_new_document(), &a.extras())
            .expect("import");
        write += t.elapsed();
        if matches!(outcome, planlens::store::ImportOutcome::Imported(_)) {
            imported.docs += 1;
            imported.text_bytes += a.text.len();
            imported.tasks.extend(
                a.plan
                    .tasks
                    .iter()
                    .map(|t| (t.title.clone(), t.text.clone())),
            );
        }
    }
    let total = analyze + write;
    let mb = imported.text_bytes as f64 / 1e6;
    println!(
        "corpus: {} documents imported of {} generated, {} task items, {:.1} MB of text (generated in {:.1} s)",
        imported.docs,
        docs.len(),
        imported.tasks.len(),
        mb,
        generated.as_secs_f64()
    );
    println!(
        "import: {:.1} s total = analyse {:.1} s + store {:.1} s (search index, themes) -> {:.0} docs/s, {:.2} MB/s",
        total.as_secs_f64(),
        analyze.as_secs_f64(),
        write.as_secs_f64(),
        imported.docs as f64 / total.as_secs_f64(),
        mb / total.as_secs_f64()
    );
    imported
}

/// Reads back a corpus imported by an earlier run.
fn reuse(path: &Path) -> Imported {
    let store = Store::open(path).expect("open store");
    let mut imported = Imported {
        docs: 0,
        tasks: Vec::new(),
        text_bytes: 0,
    };
    for d in store.list_documents().expect("list") {
        let doc = store.document(d.id).expect("document");
        imported.docs += 1;
        imported.text_bytes += doc.text.len();
        imported
            .tasks
            .extend(doc.plan.tasks.into_iter().map(|t| (t.title, t.text)));
    }
    println!(
        "corpus: {} documents reused from {}, {} task items, {:.1} MB of text (import not measured)",
        imported.docs,
        path.display(),
        imported.tasks.len(),
        imported.text_bytes as f64 / 1e6
    );
    imported
}

fn query(text: &str, filter: &str) -> SearchQuery {
    let mut q = SearchQuery {
        text: text.to_string(),
        limit: 20,
        ..Default::default()
    };
    match filter {
        "city" => q.city = Some("滨州".into()),
        "year" => q.year = Some(2022),
        "theme" => q.theme = Some("talent".into()),
        "city+year" => {
            q.city = Some("临沂市".into());
            q.year = Some(2021);
        }
        _ => {}
    }
    q
}

const FILTERS: &[&str] = &["none", "city", "year", "theme", "city+year"];

fn report_search(store: &Store) {
    println!("search (limit 20, {RUNS} runs of each query x filter after one unmeasured run):");
    let mut all = Vec::new();
    let mut by_class: Vec<(&str, Vec<Duration>)> = Vec::new();
    let mut by_filter: Vec<(&str, Vec<Duration>)> = Vec::new();
    let mut slowest: (Duration, String) = (Duration::ZERO, String::new());
    for &(class, text) in QUERIES {
        for &filter in FILTERS {
            let q = query(text, filter);
            let hits = store.search(&q).expect("search").len();
            for _ in 0..RUNS {
                let t = Instant::now();
                black_box(store.search(&q).expect("search"));
                let d = t.elapsed();
                if d > slowest.0 {
                    slowest = (d, format!("{text} / {filter} ({hits} hits)"));
                }
                all.push(d);
                match by_class.iter_mut().find(|(c, _)| *c == class) {
                    Some((_, v)) => v.push(d),
                    None => by_class.push((class, vec![d])),
                }
                match by_filter.iter_mut().find(|(f, _)| *f == filter) {
                    Some((_, v)) => v.push(d),
                    None => by_filter.push((filter, vec![d])),
                }
            }
        }
    }
    summary("all queries", all);
    for (c, v) in by_class {
        summary(&format!("class {c}"), v);
    }
    for (f, v) in by_filter {
        summary(&format!("filter {f}"), v);
    }
    println!(
        "  slowest single run: {:.2} ms, {}",
        ms(slowest.0),
        slowest.1
    );
}

fn task_ids(store: &Store) -> Vec<i64> {
    store
        .task_texts()
        .expect("task texts")
        .into_iter()
        .map(|t| t.task_id)
        .collect()
}

fn report_similar(path: &Path, ids: &[i64]) {
    println!("similar tasks (top 10):");
    let mut rng = corpus::Rng::new(7);
    for round in 1..=3 {
        let store = Store::open(path).expect("open");
        let id = ids[rng.below(ids.len())];
        let t = Instant::now();
        black_box(store.similar_tasks(id, 10).expect("similar"));
        println!(
            "  cold (new connection, first call builds the index) #{round}: {:.1} ms",
            ms(t.elapsed())
        );
    }
    let store = Store::open(path).expect("open");
    let t = Instant::now();
    let texts = store.task_texts().expect("task texts");
    black_box(planlens::similar::SimilarIndex::build(&texts));
    println!(
        "  for comparison, segmenting every task item again with jieba (the build before the cache): {:.0} ms",
        ms(t.elapsed())
    );
    store.similar_tasks(ids[0], 10).expect("similar");
    let mut v = Vec::new();
    for _ in 0..SIMILAR_QUERIES {
        let id = ids[rng.below(ids.len())];
        let t = Instant::now();
        black_box(store.similar_tasks(id, 10).expect("similar"));
        v.push(t.elapsed());
    }
    summary("warm (cached index)", v);
}

fn report_classify(tasks: &[(String, String)]) {
    let taxonomy = Taxonomy::builtin();
    let bytes: usize = tasks.iter().map(|(a, b)| a.len() + b.len()).sum();
    let mut best = Duration::MAX;
    for _ in 0..2 {
        let t = Instant::now();
        for (title, text) in tasks {
            black_box(taxonomy.classify(title, text));
        }
        best = best.min(t.elapsed());
    }
    println!(
        "classify: {} task items ({:.1} MB title+text) in {:.0} ms (best of 2) -> {:.0} items/s, {:.1} MB/s",
        tasks.len(),
        bytes as f64 / 1e6,
        ms(best),
        tasks.len() as f64 / best.as_secs_f64(),
        bytes as f64 / 1e6 / best.as_secs_f64()
    );
}

fn main() {
    let n: usize = std::env::var("PLANLENS_BENCH_DOCS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2000);
    let dir = tempfile::tempdir().expect("temp dir");
    // PLANLENS_BENCH_DB: keep the corpus in this file and reuse it on later
    // runs (the import is then not measured again).
    let kept = std::env::var_os("PLANLENS_BENCH_DB").map(std::path::PathBuf::from);
    let path = kept.clone().unwrap_or_else(|| dir.path().join("bench.db"));
    let imported = match kept.filter(|p| p.exists()) {
        Some(p) => reuse(&p),
        None => import(&path, n),
    };
    let store = Store::open(&path).expect("open");
    let ids = task_ids(&store);
    report_search(&store);
    report_similar(&path, &ids);
    report_classify(&imported.tasks);
    if std::env::var_os("PLANLENS_BENCH_REPORT_ONLY").is_some() {
        return;
    }

    let mut c = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    {
        let mut g = c.benchmark_group("search");
        for (name, text, filter) in [
            ("1char_县", "县", "none"),
            ("2char_人才", "人才", "none"),
            ("phrase_科技成果转化", "科技成果转化", "none"),
            ("2char_孵化_city", "孵化", "city"),
            ("2char_人才_theme", "人才", "theme"),
        ] {
            let q = query(text, filter);
            g.bench_function(name, |b| {
                b.iter(|| black_box(store.search(&q).expect("search")))
            });
        }
        g.finish();
    }
    {
        let mut g = c.benchmark_group("similar");
        let mut rng = corpus::Rng::new(11);
        store.similar_tasks(ids[0], 10).expect("similar");
        g.bench_function("warm_top10", |b| {
            b.iter(|| {
                let id = ids[rng.below(ids.len())];
                black_box(store.similar_tasks(id, 10).expect("similar"))
            })
        });
        g.finish();
    }
    {
        let taxonomy = Taxonomy::builtin();
        let sample = &imported.tasks[..imported.tasks.len().min(2000)];
        let bytes: usize = sample.iter().map(|(a, b)| a.len() + b.len()).sum();
        let mut g = c.benchmark_group("classify");
        g.sample_size(10);
        g.throughput(Throughput::Bytes(bytes as u64));
        g.bench_function("2000_task_items", |b| {
            b.iter(|| {
                for (title, text) in sample {
                    black_box(taxonomy.classify(title, text));
                }
            })
        });
        g.finish();
    }
    c.final_summary();
    drop(store);
    println!("({} documents in {})", imported.docs, path.display());
}
