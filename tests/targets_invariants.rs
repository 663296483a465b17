//! Invariants over the seed plans and arbitrary cuts of them: quotes are
//! verbatim character spans, offsets are in order and in range, values are
//! finite, and no input makes extraction panic.

use planlens::model::{DocumentMeta, ParsedPlan, Period, PlanKind};
use planlens::targets::{extract, Catalog};

fn seed_texts() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("seeds folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("utf-8 seed"))
        .collect()
}

fn check_invariants(text: &str, meta: &DocumentMeta, catalog: &Catalog) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let targets = extract(text, &ParsedPlan::default(), meta, catalog);
    let mut prev_start = 0;
    for t in &targets {
        assert!(t.start < t.end && t.end <= chars.len(), "{t:?}");
        let q: String = chars[t.start..t.end].iter().collect();
        assert_eq!(q, t.quote);
        assert!(t.quote.chars().count() <= 40, "{}", t.quote);
        assert!(t.start >= prev_start || t.end > prev_start, "order: {t:?}");
        prev_start = t.start;
        assert!(t.value.is_finite());
        if let Some(h) = t.value_high {
            assert!(h > t.value);
        }
        assert!(t.normalized.is_some(), "unit {:?} not normalised", t.unit);
        if let Some(id) = &t.indicator_id {
            assert!(catalog.indicators().iter().any(|i| &i.id == id));
        }
    }
    targets.len()
}

#[test]
fn seeds_hold_invariants() {
    let catalog = Catalog::builtin();
    let meta = DocumentMeta {
        kind: PlanKind::FiveYearPlan,
        period: Some(Period {
            start: 2021,
            end: 2025,
        }),
        ..Default::default()
    };
    let total: usize = seed_texts()
        .iter()
        .map(|t| check_invariants(t, &meta, &catalog))
        .sum();
    assert!(total > 100, "only {total} figures in the seeds");
}

#[test]
fn arbitrary_cuts_never_panic() {
    let catalog = Catalog::builtin();
    let meta = DocumentMeta::default();
    for text in seed_texts() {
        let chars: Vec<char> = text.chars().collect();
        let n = chars.len();
        let mut start = 0;
        while start < n {
            for len in [1usize, 2, 3, 7, 13, 31, 97] {
                let end = (start + len).min(n);
                let cut: String = chars[start..end].iter().collect();
                check_invariants(&cut, &meta, &catalog);
            }
            start += 37;
        }
    }
}
