//! Targets read from an indicator table carry their cell when read back:
//! the stored targets (`targets --json` of the CLI) and the table itself,
//! found again in the stored text exactly as the import laid it out.

use std::path::{Path, PathBuf};

use planlens::formats::tables::Binding;
use planlens::ingest::{import_paths, Context, DEFAULT_MAX_BYTES};
use planlens::metadata::Gazetteer;
use planlens::store::{Store, TargetFilter};
use planlens::targets::Catalog;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/formats")
        .join(name)
}

#[test]
fn stored_targets_carry_their_cells_and_tables_are_found_again() {
    let catalog = Catalog::builtin();
    let ctx = Context {
        gazetteer: Gazetteer::builtin(),
        manifest: None,
        catalog: &catalog,
        max_bytes: DEFAULT_MAX_BYTES,
    };
    for name in ["sanming.docx", "sanming.pdf", "sanming.html", "sanming.txt"] {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("plans.db")).unwrap();
        let report = import_paths(&mut store, &[fixture(name)], &ctx)
            .pop()
            .unwrap();
        let (outcome, analysis) = report.result.unwrap();
        let id = outcome.id();
        let stored = store
            .targets(&TargetFilter {
                document: Some(id),
                ..TargetFilter::default()
            })
            .unwrap();
        assert_eq!(stored.len(), analysis.targets.len(), "{name}");
        let with_cell: Vec<_> = stored.iter().filter(|t| t.cell.is_some()).collect();
        assert_eq!(with_cell.len(), analysis.table_cells.len(), "{name}");
        for c in &analysis.table_cells {
            let s = &stored[c.target];
            let cell = s.cell.expect("a table target has its cell");
            assert_eq!((cell.cell, cell.binding), (c.cell, c.binding), "{name}");
        }
        // Figures from running text have none.
        assert!(stored
            .iter()
            .enumerate()
            .all(|(i, t)| t.cell.is_some() == analysis.table_cells.iter().any(|c| c.target == i)));

        // The text file's table, tab-separated lines, is read like the others.
        assert_eq!(analysis.table_cells.len(), 10, "{name}");
        let tables = store.document_tables(id).unwrap();
        assert_eq!(tables.len(), 1, "{name}");
        let (index, layout) = &tables[0];
        assert_eq!(
            layout, &analysis.tables[*index],
            "{name}: the table as laid out"
        );
        assert_eq!(layout.rows[0][1].text, "指标", "{name}");
        // Each table target sits in its cell.
        for t in &with_cell {
            let c = t.cell.unwrap().cell;
            let span = &layout.rows[c.row][c.column];
            assert_eq!((span.start, span.end), (t.target.start, t.target.end));
            assert_eq!(span.text, t.target.quote);
        }
    }
}

#[test]
fn cli_targets_json_carries_the_cell() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plans.db");
    let run = |args: &[&str]| {
        let out = assert_cmd::Command::cargo_bin("planlens")
            .unwrap()
            .env("PLANLENS_DB", &db)
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        out.stdout
    };
    run(&["import", fixture("sanming.docx").to_str().unwrap()]);
    let json: serde_json::Value =
        serde_json::from_slice(&run(&["targets", "--doc", "三明", "--json"])).unwrap();
    let all = json.as_array().unwrap();
    let (table, prose): (Vec<_>, Vec<_>) = all.iter().partition(|t| !t["cell"].is_null());
    assert_eq!(table.len(), 10);
    assert!(!prose.is_empty());
    assert!(prose
        .iter()
        .all(|t| t.get("cell") == Some(&serde_json::Value::Null)));
    let hte = table
        .iter()
        .find(|t| t["indicator_id"] == "high_tech_enterprises" && t["role"] == "target")
        .expect("高新技术企业数量 2025");
    assert_eq!(hte["cell"]["table"], 0);
    assert_eq!(hte["cell"]["row"], 2);
    assert_eq!(hte["cell"]["column"], 4);
    assert_eq!(hte["cell"]["binding"], Binding::Expected.as_str());
    let platforms = table
        .iter()
        .filter(|t| t["cell"]["binding"] == Binding::Binding.as_str())
        .count();
    assert_eq!(platforms, 1, "新增省级以上研发平台 is 约束性");
}
