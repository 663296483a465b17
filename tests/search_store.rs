//! Full-text search through the store: short and long Chinese queries,
//! filters, character offsets, hard negatives, index maintenance.

mod common;

use planlens::model::{DocumentMeta, ParsedPlan, Period, PlanKind, Section, SectionRole, TaskItem};
use planlens::search::SearchQuery;
use planlens::store::{migrate, NewDocument, Store, StoreError};
use rusqlite::Connection;

fn section(
    title: &str,
    start: usize,
    end: usize,
    level: u8,
    parent: Option<usize>,
    role: SectionRole,
    path: &str,
) -> Section {
    Section {
        marker: String::new(),
        number: 1,
        level,
        title: title.into(),
        role,
        start,
        end,
        parent,
        path: path.into(),
    }
}

/// A small plan: preamble, a goals section, a tasks section with two items,
/// a safeguards section. Offsets are computed from the text.
fn plan_for(text: &str) -> ParsedPlan {
    let pos = |needle: &str| -> usize {
        let b = text.find(needle).expect("needle");
        text[..b].chars().count()
    };
    let n = text.chars().count();
    let (g, t, t1, t2, s) = (pos("一、"), pos("二、"), pos("1."), pos("2."), pos("三、"));
    let item = |sec: usize, start: usize, end: usize, path: &str| TaskItem {
        section: sec,
        path: path.into(),
        title: String::new(),
        text: text.chars().skip(start).take(end - start).collect(),
        start,
        end,
    };
    ParsedPlan {
        sections: vec![
            section("主要目标", g, t, 1, None, SectionRole::Goals, "一"),
            section("重点任务", t, s, 1, None, SectionRole::Tasks, "二"),
            section("", t1, t2, 2, Some(1), SectionRole::Other, "二/1"),
            section("", t2, s, 2, Some(1), SectionRole::Other, "二/2"),
            section("保障措施", s, n, 1, None, SectionRole::Safeguards, "三"),
        ],
        tasks: vec![item(2, t1, t2, "二/1"), item(3, t2, s, "二/2")],
        ..Default::default()
    }
}

fn import(store: &mut Store, city: &str, year: i32, kind: PlanKind, text: &str) -> i64 {
    let meta = DocumentMeta {
        city: Some(city.into()),
        kind,
        period: Some(Period::year(year)),
        ..Default::default()
    };
    let plan = plan_for(text);
    let sha = format!("{city}{year}{}", text.len());
    store
        .import_document(&NewDocument {
            meta: &meta,
            source_name: "t.txt",
            sha256: &sha,
            encoding: "UTF-8",
            text,
            plan: &plan,
            targets: &[],
        })
        .unwrap()
        .id()
}

const A: &str = "前言：全市科技工作。\n一、主要目标\n引进高层次人才100名。\n二、重点任务\n1.建设科技企业孵化器，完善孵化体系。\n2.推进5G基站与AI平台建设。\n三、保障措施\n加强人才保障。";
const B: &str = "概述。\n一、主要目标\n培育高新技术企业。\n二、重点任务\n1.加快科技成果转化，孵，化不相连。\n2.才人不是人才的反序吗？不，这里没有那个词。\n三、保障措施\n强化资金保障。";

fn query(text: &str) -> SearchQuery {
    SearchQuery {
        text: text.into(),
        ..Default::default()
    }
}

fn two_docs() -> (Store, i64, i64) {
    let mut store = Store::open_in_memory().unwrap();
    let a = import(&mut store, "滨州市", 2023, PlanKind::AnnualWorkPlan, A);
    let b = import(&mut store, "丹东市", 2020, PlanKind::ImplementationPlan, B);
    (store, a, b)
}

fn check_offsets(store: &Store, hits: &[planlens::search::SearchHit], literal: &str) {
    for h in hits {
        let text = store.document(h.document_id).unwrap().text;
        assert!(!h.hits.is_empty());
        let found = h.hits.iter().any(|s| {
            let got: String = text.chars().skip(s.start).take(s.end - s.start).collect();
            got.to_lowercase().contains(&literal.to_lowercase())
        });
        assert!(found, "offsets of {literal} in doc {}", h.document_id);
        assert!(h.unit.start <= h.hits[0].start && h.hits[0].end <= h.unit.end);
    }
}

#[test]
fn two_character_query_matches_substrings_only() {
    let (store, a, _b) = two_docs();
    let hits = store.search(&query("人才")).unwrap();
    // 人才 occurs in A (goals and safeguards); in B only as 才人 and 人才 once.
    assert!(hits
        .iter()
        .any(|h| h.document_id == a && h.role == SectionRole::Goals));
    assert!(hits
        .iter()
        .any(|h| h.document_id == a && h.role == SectionRole::Safeguards));
    check_offsets(&store, &hits, "人才");
    // 孵化 in A; B has 孵，化 separated by punctuation: a hard negative.
    let hits = store.search(&query("孵化")).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].document_id, a);
    assert_eq!(hits[0].section_path, "二/1");
    assert!(hits[0].task_id.is_some());
    assert_eq!(hits[0].hits.len(), 2, "孵化器 and 孵化体系");
    check_offsets(&store, &hits, "孵化");
}

#[test]
fn one_character_and_long_phrases() {
    let (store, a, b) = two_docs();
    let hits = store.search(&query("孵")).unwrap();
    let docs: Vec<i64> = hits.iter().map(|h| h.document_id).collect();
    assert!(docs.contains(&a) && docs.contains(&b));
    check_offsets(&store, &hits, "孵");
    let hits = store.search(&query("建设科技企业孵化器")).unwrap();
    assert_eq!(hits.len(), 1);
    check_offsets(&store, &hits, "建设科技企业孵化器");
    // All characters present but not in this order: no hit.
    assert!(store
        .search(&query("孵化器企业科技建设"))
        .unwrap()
        .is_empty());
    // Several terms: all must occur in the unit.
    let hits = store.search(&query("孵化器 体系")).unwrap();
    assert_eq!(hits.len(), 1);
    assert!(store.search(&query("孵化器 资金")).unwrap().is_empty());
}

#[test]
fn latin_and_digits_case_insensitive() {
    let (store, a, _) = two_docs();
    for q in ["5g", "AI", "ai平台", "5G基站"] {
        let hits = store.search(&query(q)).unwrap();
        assert_eq!(hits.len(), 1, "{q}");
        assert_eq!(hits[0].document_id, a);
        check_offsets(&store, &hits, q);
    }
}

#[test]
fn filters() {
    let (store, a, b) = two_docs();
    let mut q = query("保障");
    assert_eq!(store.search(&q).unwrap().len(), 2);
    q.city = Some("丹东".into());
    let hits = store.search(&q).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].document_id, b);
    q.city = None;
    q.year = Some(2023);
    assert_eq!(store.search(&q).unwrap()[0].document_id, a);
    q.year = Some(1999);
    assert!(store.search(&q).unwrap().is_empty());
    q.year = None;
    q.kind = Some(PlanKind::ImplementationPlan);
    assert_eq!(store.search(&q).unwrap()[0].document_id, b);
    let mut q = query("人才");
    q.role = Some(SectionRole::Goals);
    let hits = store.search(&q).unwrap();
    assert!(hits.iter().all(|h| h.role == SectionRole::Goals));
    assert_eq!(hits.len(), 1);
    q.theme = Some("no_such_theme".into());
    assert!(store.search(&q).unwrap().is_empty());
}

#[test]
fn hostile_and_empty_queries() {
    let (store, _, _) = two_docs();
    assert!(matches!(
        store.search(&query("，。 “” ")),
        Err(StoreError::Search(_))
    ));
    for q in [
        "\"",
        "NEAR(人才",
        "人才 OR",
        "AND",
        "*",
        "人才)",
        "^孵化",
        "col:人才",
    ] {
        // Must not be an FTS5 syntax error.
        let r = store.search(&query(q));
        assert!(
            r.is_ok() || matches!(r, Err(StoreError::Search(_))),
            "{q}: {r:?}"
        );
    }
}

#[test]
fn delete_removes_index_rows_and_ranking_prefers_more_hits() {
    let (mut store, a, b) = two_docs();
    let hits = store.search(&query("保障")).unwrap();
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
    store.delete_document(a).unwrap();
    let hits = store.search(&query("保障")).unwrap();
    assert!(hits.iter().all(|h| h.document_id == b));
    assert!(store.search(&query("孵化器")).unwrap().is_empty());
}

#[test]
fn documents_of_an_older_schema_are_indexed_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v4.db");
    {
        let mut conn = Connection::open(&path).unwrap();
        migrate::migrate_to(&mut conn, 4).unwrap();
        conn.execute(
            "INSERT INTO documents (kind, source_name, sha256, encoding, raw_text, imported_at, city)
             VALUES ('other', 'old.txt', 'beef', 'UTF-8', '旧文本提到科技孵化器。', '2020-01-01T00:00:00Z', '丹东市')",
            [],
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    let hits = store.search(&query("孵化器")).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].hits[0].start, 7);
    assert_eq!(hits[0].section_path, "");
    drop(store);
    // Opening again does not duplicate rows.
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.reindex_missing().unwrap(), 0);
    assert_eq!(store.search(&query("孵化器")).unwrap().len(), 1);
}

#[test]
fn seeds_search() {
    let store = common::seeded_store();
    for q in ["人才", "孵化", "科技成果转化", "高新技术企业", "县"] {
        let mut sq = query(q);
        sq.limit = 200;
        let hits = store.search(&sq).unwrap();
        assert!(!hits.is_empty(), "{q}");
        check_offsets(&store, &hits, q);
        let docs: std::collections::BTreeSet<i64> = hits.iter().map(|h| h.document_id).collect();
        if q != "县" {
            assert!(docs.len() >= 3, "{q} in {docs:?}");
        }
    }
    let mut sq = query("人才");
    sq.role = Some(SectionRole::Tasks);
    let hits = store.search(&sq).unwrap();
    assert!(hits.iter().any(|h| h.task_id.is_some()));
}

/// 滨州's goals stand in its unnumbered opening (`…的主要目标是:…`): a hit
/// there has the role goals, not 其他.
#[test]
fn a_hit_in_an_unnumbered_goals_passage_says_goals() {
    let store = common::seeded_store();
    let mut sq = query("规上工业企业研发活动占比");
    sq.limit = 50;
    let hits = store.search(&sq).unwrap();
    let binzhou = store
        .list_documents()
        .unwrap()
        .into_iter()
        .find(|d| d.meta.city.as_deref() == Some("滨州市"))
        .unwrap()
        .id;
    let opening: Vec<_> = hits
        .iter()
        .filter(|h| h.document_id == binzhou && h.task_id.is_none())
        .collect();
    assert!(!opening.is_empty(), "{hits:#?}");
    assert!(
        opening.iter().any(|h| h.role == SectionRole::Goals),
        "{opening:#?}"
    );
}
