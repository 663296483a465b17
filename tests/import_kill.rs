//! Atomicity: the importing process is killed (SIGKILL) in the middle of a
//! large batch. The database must open, pass `PRAGMA integrity_check`, hold
//! every document that had been committed before the kill, and no document
//! only partly written.

#![cfg(unix)]

use std::collections::HashSet;
use std::path::Path;
use std::process::{Command, Stdio};

use planlens::ingest::{analyze_bytes, Context, DEFAULT_MAX_BYTES};
use planlens::metadata::Gazetteer;
use planlens::store::Store;
use planlens::targets::Catalog;
use rusqlite::{Connection, OpenFlags};

const FILES: usize = 150;

fn committed(db: &Path) -> Option<HashSet<String>> {
    let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY).ok()?;
    let mut stmt = conn.prepare("SELECT sha256 FROM documents").ok()?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0)).ok()?;
    rows.collect::<Result<_, _>>().ok()
}

#[test]
fn sigkill_mid_import_leaves_a_sound_database() {
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans");
    std::fs::create_dir(&plans).unwrap();
    let base = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/002_c325e9ed9f6e60ac.txt"),
    )
    .unwrap();
    // Distinct bytes for every file: each is stored (as the next version of
    // the same plan, which also exercises the version bookkeeping).
    for i in 0..FILES {
        let text = format!("{base}\n附:第{i}号修订,新增高新技术企业{i}家。\n");
        std::fs::write(plans.join(format!("plan_{i:04}.txt")), text).unwrap();
    }
    let db = dir.path().join("plans.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_planlens"))
        .env("PLANLENS_DB", &db)
        .arg("import")
        .arg(&plans)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until part of the batch is committed, then kill.
    let mut seen = HashSet::new();
    loop {
        if let Some(s) = committed(&db) {
            seen = s;
        }
        let ours = seen.len();
        if ours >= 12 {
            break;
        }
        if let Ok(Some(status)) = child.try_wait() {
            panic!("import finished before it could be killed: {status}");
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();

    let store = Store::open(&db).unwrap();
    assert!(store.integrity_ok().unwrap());
    let docs = store.list_documents().unwrap();
    let stored: HashSet<String> = docs.iter().map(|d| d.sha256.clone()).collect();
    assert!(seen.is_subset(&stored), "a committed document was lost");
    assert!(
        docs.len() < FILES,
        "the kill came after the whole batch ({} documents)",
        docs.len()
    );
    // Every stored document is complete: its structure and targets are
    // those of its text.
    let catalog = Catalog::builtin();
    let ctx = Context {
        gazetteer: Gazetteer::builtin(),
        manifest: None,
        catalog: &catalog,
        max_bytes: DEFAULT_MAX_BYTES,
    };
    for d in &docs {
        let full = store.document(d.id).unwrap();
        let a = analyze_bytes(full.text.as_bytes(), &d.source_name, &ctx).unwrap();
        assert_eq!(
            full.plan.sections.len(),
            a.plan.sections.len(),
            "{}",
            d.source_name
        );
        assert_eq!(
            full.plan.tasks.len(),
            a.plan.tasks.len(),
            "{}",
            d.source_name
        );
        assert!(d.tasks > 0 && d.targets > 0, "{} is empty", d.source_name);
        if d.source_name.starts_with("plan_") {
            assert_eq!(d.targets, a.targets.len(), "{}", d.source_name);
            assert_eq!(
                store
                    .versions(d.id)
                    .unwrap()
                    .iter()
                    .filter(|v| v.id == d.id)
                    .count(),
                1
            );
        }
    }
    // And the interrupted batch can simply be run again.
    let status = Command::new(env!("CARGO_BIN_EXE_planlens"))
        .env("PLANLENS_DB", &db)
        .arg("import")
        .arg(&plans)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let store = Store::open(&db).unwrap();
    let n = store
        .list_documents()
        .unwrap()
        .iter()
        .filter(|d| d.source_name.starts_with("plan_"))
        .count();
    assert_eq!(n, FILES);
}
