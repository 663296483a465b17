//! Bad input: every broken file gives one clear error naming the file and
//! the reason, and the database is exactly as before. A batch with broken
//! files imports the good ones and reports each failure.

use std::path::{Path, PathBuf};

use planlens::ingest::{import_paths, Context, IngestError, DEFAULT_MAX_BYTES};
use planlens::metadata::Gazetteer;
use planlens::store::Store;
use planlens::targets::Catalog;
use rusqlite::Connection;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/formats")
        .join(name)
}

/// Every row of every table, as text, for before/after comparison.
fn dump(db: &Path) -> Vec<String> {
    let conn = Connection::open(db).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut out = Vec::new();
    for t in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{t}\"")).unwrap();
        let n = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                let mut s = format!("{t}:");
                for i in 0..n {
                    let v: rusqlite::types::Value = r.get(i)?;
                    s.push_str(&format!("{v:?}|"));
                }
                Ok(s)
            })
            .unwrap();
        for r in rows {
            out.push(r.unwrap());
        }
    }
    out.sort();
    out
}

fn import(db: &Path, paths: &[PathBuf], max_bytes: u64) -> Vec<Result<i64, String>> {
    let catalog = Catalog::builtin();
    let ctx = Context {
        gazetteer: Gazetteer::builtin(),
        manifest: None,
        catalog: &catalog,
        max_bytes,
    };
    let mut store = Store::open(db).unwrap();
    import_paths(&mut store, paths, &ctx)
        .into_iter()
        .map(|r| match r.result {
            Ok((o, _)) => Ok(o.id()),
            Err(e) => Err(e.to_string()),
        })
        .collect()
}

/// Each bad file, with words its message must contain.
fn bad_cases(dir: &Path) -> Vec<(PathBuf, &'static str)> {
    std::fs::write(dir.join("empty.txt"), b"").unwrap();
    std::fs::write(dir.join("empty.docx"), b"").unwrap();
    std::fs::write(dir.join("empty.pdf"), b"").unwrap();
    std::fs::write(dir.join("blank.html"), b"<html><body>  </body></html>").unwrap();
    std::fs::write(
        dir.join("corrupt.docx"),
        b"PK\x03\x04\x14\x00\x00\x00garbage",
    )
    .unwrap();
    let mut ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    ole.resize(4096, 0);
    std::fs::write(dir.join("old_format.doc"), ole).unwrap();
    std::fs::create_dir_all(dir.join("no_plans")).unwrap();
    std::fs::write(dir.join("no_plans/photo.jpg"), b"\xFF\xD8\xFF").unwrap();
    vec![
        (dir.join("empty.txt"), "empty"),
        (dir.join("empty.docx"), "not a Word .docx"),
        (dir.join("empty.pdf"), "PDF"),
        (dir.join("blank.html"), "no text"),
        (dir.join("corrupt.docx"), "corrupt or truncated"),
        (dir.join("does_not_exist.txt"), "no such file"),
        (dir.join("old_format.doc"), "save it as .docx"),
        (dir.join("no_plans"), "no plan files"),
        (fixture("bad/junk.txt"), "binary"),
        (fixture("bad/not_a_docx.docx"), "no word/document.xml"),
        (
            fixture("bad/text_named.docx"),
            "plain text with a .docx name",
        ),
        (fixture("bad/truncated.docx"), "corrupt or truncated"),
        (fixture("bad/truncated.pdf"), "damaged PDF"),
        (fixture("bad/encrypted.pdf"), "encrypted"),
        (fixture("bad/scan.pdf"), "no text layer"),
    ]
}

#[test]
fn each_bad_file_fails_alone_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plans.db");
    let first = import(&db, &[fixture("linyi.txt")], DEFAULT_MAX_BYTES);
    assert!(first[0].is_ok(), "{first:?}");
    let before = dump(&db);
    for (path, reason) in bad_cases(dir.path()) {
        let r = import(&db, std::slice::from_ref(&path), DEFAULT_MAX_BYTES);
        assert_eq!(r.len(), 1, "{path:?}: one report");
        let msg = r[0].as_ref().expect_err("must fail");
        let name = path.file_name().unwrap().to_string_lossy();
        assert!(msg.contains(name.as_ref()), "{msg} does not name {name}");
        assert!(msg.contains(reason), "{msg} does not say {reason}");
        assert!(!msg.contains('\n'), "one line: {msg}");
        assert_eq!(dump(&db), before, "{path:?} changed the database");
    }
}

#[test]
fn size_limit_is_checked_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plans.db");
    let before = {
        Store::open(&db).unwrap();
        dump(&db)
    };
    for f in ["linyi.pdf", "linyi.docx", "sanming.html", "linyi.txt"] {
        let r = import(&db, &[fixture(f)], 1024);
        let msg = r[0].as_ref().unwrap_err();
        assert!(msg.contains("too large") && msg.contains(f), "{msg}");
    }
    assert_eq!(dump(&db), before);
}

#[test]
fn batch_imports_the_good_and_reports_each_bad() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plans.db");
    let cases = bad_cases(dir.path());
    let good = [
        fixture("linyi.docx"),
        fixture("binzhou.pdf"),
        fixture("sanming.html"),
    ];
    let mut paths: Vec<PathBuf> = Vec::new();
    for (i, (bad, _)) in cases.iter().enumerate() {
        paths.push(bad.clone());
        if let Some(g) = good.get(i) {
            paths.push(g.clone());
        }
    }
    let results = import(&db, &paths, DEFAULT_MAX_BYTES);
    assert_eq!(results.len(), cases.len() + good.len());
    assert_eq!(results.iter().filter(|r| r.is_ok()).count(), good.len());
    assert_eq!(results.iter().filter(|r| r.is_err()).count(), cases.len());
    let store = Store::open(&db).unwrap();
    assert!(store.integrity_ok().unwrap());
    let docs = store.list_documents().unwrap();
    let names: Vec<&str> = docs.iter().map(|d| d.source_name.as_str()).collect();
    assert_eq!(names.len(), 3, "{names:?}");
    for g in ["linyi.docx", "binzhou.pdf", "sanming.html"] {
        assert!(names.contains(&g), "{g} missing from {names:?}");
    }
    for d in &docs {
        let expected = match d.source_name.rsplit('.').next() {
            Some("htm") | Some("html") => "html",
            Some(e) => e,
            None => "text",
        };
        assert_eq!(store.document_format(d.id).unwrap(), expected);
    }
}

#[test]
fn folder_of_mixed_formats_is_expanded() {
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans");
    std::fs::create_dir(&plans).unwrap();
    for f in ["sanming.docx", "linyi.pdf", "binzhou.txt"] {
        std::fs::copy(fixture(f), plans.join(f)).unwrap();
    }
    std::fs::write(plans.join("notes.jpg"), b"\xFF\xD8\xFF").unwrap();
    let r = import(&dir.path().join("plans.db"), &[plans], DEFAULT_MAX_BYTES);
    assert_eq!(r.len(), 3, "{r:?}");
    assert!(r.iter().all(Result::is_ok), "{r:?}");
}

#[test]
fn cli_reports_failures_by_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plans.db");
    let out = assert_cmd::Command::cargo_bin("planlens")
        .unwrap()
        .env("PLANLENS_DB", &db)
        .arg("import")
        .arg(fixture("sanming.docx"))
        .arg(fixture("bad/encrypted.pdf"))
        .arg(fixture("bad/scan.pdf"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("encrypted.pdf") && stderr.contains("encrypted"),
        "{stderr}"
    );
    assert!(
        stderr.contains("scan.pdf") && stderr.contains("no text layer"),
        "{stderr}"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("1 of 3 files imported"), "{stdout}");
}

#[test]
fn error_variants_name_the_path() {
    let e = IngestError::EmptyFolder {
        path: PathBuf::from("/tmp/x"),
    };
    assert!(e.to_string().contains(".docx"), "{e}");
}
