//! `Store::search` returns `limit` hits whenever that many literal hits exist,
//! even when the best-ranked FTS candidates are bigram matches that straddle
//! punctuation (and so are dropped by the literal check).

use planlens::ingest::{analyze_bytes, Context, DEFAULT_MAX_BYTES};
use planlens::metadata::Gazetteer;
use planlens::search::SearchQuery;
use planlens::store::Store;
use planlens::targets::Catalog;

const STRADDLING: usize = 170;
const LITERAL: usize = 25;

/// One plan whose task items mostly hold `科技，技人才` (the bigrams of 科技人才
/// in a row, but not the term) and a few hold 科技人才 in a longer text.
fn corpus() -> Store {
    let mut text = String::from("滨州市2023年科技工作要点\n一、重点任务\n");
    let mut n = 0;
    for i in 0..STRADDLING + LITERAL {
        n += 1;
        if i % 7 == 3 && i / 7 < LITERAL {
            text.push_str(&format!(
                "{n}.围绕主导产业需求，完善引进培育机制，加强科技人才队伍建设，落实配套服务政策，提升企业创新能力和区域竞争力。\n"
            ));
        } else {
            text.push_str(&format!("{n}.发展科技，技人才。科技，技人才。\n"));
        }
    }
    text.push_str("二、保障措施\n强化组织领导。\n");
    let catalog = Catalog::builtin();
    let ctx = Context {
        gazetteer: Gazetteer::builtin(),
        manifest: None,
        catalog: &catalog,
        max_bytes: DEFAULT_MAX_BYTES,
    };
    let a = analyze_bytes(text.as_bytes(), "limit.txt", &ctx).unwrap();
    assert_eq!(a.plan.tasks.len(), STRADDLING + LITERAL);
    let mut store = Store::open_in_memory().unwrap();
    store.import_document(&a.as_new_document()).unwrap();
    store
}

fn literal_units(store: &Store) -> usize {
    store
        .search(&SearchQuery {
            text: "科技人才".into(),
            limit: 10_000,
            ..Default::default()
        })
        .unwrap()
        .len()
}

#[test]
fn limit_is_reached_when_enough_literal_hits_exist() {
    let store = corpus();
    let total = literal_units(&store);
    assert!(total >= 20, "{total} literal hits");
    for limit in [1, 5, 10, 20] {
        let hits = store
            .search(&SearchQuery {
                text: "科技人才".into(),
                limit,
                ..Default::default()
            })
            .unwrap();
        assert_eq!(hits.len(), limit, "limit {limit}");
        assert!(hits.iter().all(|h| h.snippet.contains("科技人才")));
        assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
    }
    // The default limit (0 means 20) is reached as well.
    let hits = store
        .search(&SearchQuery {
            text: "科技人才".into(),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(hits.len(), 20);
}

#[test]
fn all_literal_hits_and_no_others_when_fewer_than_limit() {
    let store = corpus();
    let total = literal_units(&store);
    let hits = store
        .search(&SearchQuery {
            text: "科技人才".into(),
            limit: total + 50,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(hits.len(), total);
    let mut units: Vec<_> = hits.iter().map(|h| (h.unit.start, h.unit.end)).collect();
    units.dedup();
    assert_eq!(units.len(), total);
    // The straddling units are many, so the literal check really filtered.
    let bigram_only = store
        .search(&SearchQuery {
            text: "技人才".into(),
            limit: 10_000,
            ..Default::default()
        })
        .unwrap()
        .len();
    assert!(bigram_only >= STRADDLING, "{bigram_only}");
}
