//! What the coverage view reads: task items by theme (with overrides), one
//! task item's text, and the themes heatmap drawn from the same counts.

mod common;

use planlens::chart::{self, ChartData, ChartOptions, Lang};
use planlens::present::{self, ThemeMetric};
use planlens::store::Store;
use planlens::themes::Taxonomy;

fn seeded() -> Store {
    common::seeded_store()
}

#[test]
fn theme_tasks_agree_with_coverage_counts() {
    let store = seeded();
    let cov = store.theme_coverage(None).unwrap();
    assert!(!cov.is_empty());
    for c in &cov {
        let items = store.theme_tasks(&c.theme, &[c.document_id]).unwrap();
        assert_eq!(items.len(), c.tasks, "{c:?}");
        assert_eq!(items.iter().map(|t| t.targets).sum::<usize>(), c.targets);
        for t in &items {
            assert_eq!(t.document_id, c.document_id);
            assert!(t.confidence > 0.0 && t.confidence <= 1.0);
            let text = store.task_text(t.task_id).unwrap();
            assert_eq!(
                (text.title.as_str(), text.body.as_str()),
                (t.title.as_str(), t.body.as_str())
            );
            // The stored offset points at the item (its marker first) in the
            // verbatim text.
            let doc = store.document(t.document_id).unwrap();
            let window: String = doc.text.chars().skip(t.start).take(12).collect();
            let head: String = t.body.chars().take(4).collect();
            assert!(window.contains(&head), "{window:?} vs {head:?}");
        }
    }
    // All documents at once is the union of the per-document lists.
    let theme = &cov[0].theme;
    let all = store.theme_tasks(theme, &[]).unwrap();
    let per_doc: usize = cov
        .iter()
        .filter(|c| &c.theme == theme)
        .map(|c| c.tasks)
        .sum();
    assert_eq!(all.len(), per_doc);
}

#[test]
fn overrides_show_in_the_listing_and_the_heatmap() {
    let mut store = seeded();
    let doc = store.list_documents().unwrap()[0].id;
    let finance = "finance";
    assert!(Taxonomy::builtin().get(finance).is_some());
    let before = store.theme_tasks(finance, &[doc]).unwrap();
    let task = store.document(doc).unwrap().task_ids[0];
    let had = before.iter().any(|t| t.task_id == task);
    store.set_task_theme(task, finance, !had).unwrap();
    let after = store.theme_tasks(finance, &[doc]).unwrap();
    assert_eq!(
        after.len(),
        if had {
            before.len() - 1
        } else {
            before.len() + 1
        }
    );
    if !had {
        let added = after.iter().find(|t| t.task_id == task).unwrap();
        assert_eq!((added.source.as_str(), added.confidence), ("user", 1.0));
    }
    let row = Taxonomy::builtin()
        .themes()
        .iter()
        .position(|t| t.id == finance)
        .unwrap();
    let map = present::theme_heatmap(
        &store,
        Taxonomy::builtin(),
        &[doc],
        ThemeMetric::Tasks,
        Lang::Zh,
    )
    .unwrap();
    assert_eq!(map.cols.len(), 1);
    assert_eq!(map.counts[row][0], after.len());
    assert!(store.task_text(-5).is_err());
}

#[test]
fn heatmap_counts_tasks_or_targets_and_renders() {
    let store = seeded();
    let tax = Taxonomy::builtin();
    let tasks = present::theme_heatmap(&store, tax, &[], ThemeMetric::Tasks, Lang::En).unwrap();
    let targets = present::theme_heatmap(&store, tax, &[], ThemeMetric::Targets, Lang::En).unwrap();
    assert_eq!(tasks.rows.len(), tax.themes().len());
    assert_eq!(tasks.cols.len(), 5);
    assert_eq!(tasks.rows[0], tax.themes()[0].en);
    let cov = store.theme_coverage(None).unwrap();
    let total_tasks: usize = cov.iter().map(|c| c.tasks).sum();
    let total_targets: usize = cov.iter().map(|c| c.targets).sum();
    assert_eq!(tasks.counts.iter().flatten().sum::<usize>(), total_tasks);
    assert_eq!(
        targets.counts.iter().flatten().sum::<usize>(),
        total_targets
    );
    assert_ne!(tasks.title, targets.title);
    let svg = chart::render_svg(&ChartData::Heatmap(tasks), &ChartOptions::hd()).unwrap();
    assert!(
        svg.contains("Talent") || svg.contains("<path"),
        "labels drawn"
    );
    // Only unknown documents selected: nothing to draw, said plainly.
    let err =
        present::theme_heatmap(&store, tax, &[9999], ThemeMetric::Tasks, Lang::Zh).unwrap_err();
    assert!(
        matches!(err, present::PresentError::NothingToChart),
        "{err}"
    );
}

#[test]
fn themes_chart_through_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    let svg = dir.path().join("themes.svg");
    let run = |args: &[&str]| {
        assert_cmd::Command::cargo_bin("planlens")
            .unwrap()
            .arg("--db")
            .arg(&db)
            .args(args)
            .output()
            .unwrap()
    };
    let out = run(&[
        "chart",
        "--kind",
        "themes",
        "--metric",
        "targets",
        "--cities",
        "滨州,日照",
        "--lang",
        "en",
        "--out",
        svg.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.contains("<svg") && text.contains("Targets under each theme"));
    let out = run(&[
        "chart", "--kind", "themes", "--cities", "火星", "--out", "x.svg",
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("火星"));
}
