//! Importing files through the app's command path (`Backend::import_file`,
//! what the `import_files` command calls) stores exactly what
//! `planlens import` stores: the format, the indicator-table cells with
//! 约束性/预期性, and versions.

use std::path::{Path, PathBuf};

use planlens::formats::tables::Binding;
use planlens::ingest::{self, Context, DEFAULT_MAX_BYTES};
use planlens::metadata::Gazetteer;
use planlens::store::{Store, StoredTargetCell};
use planlens::targets::Catalog;
use planlens_app::backend::Backend;
use planlens_app::dto::{BindingDto, ImportStatus};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/formats")
        .join(name)
}

fn open_app(dir: &Path) -> Backend {
    Backend::open(&dir.join("app.db")).expect("open").backend
}

/// What `planlens import` does: open, load the seeds, import the paths.
fn cli_store(dir: &Path, files: &[PathBuf]) -> (Store, Vec<Option<i64>>) {
    let mut store = Store::open(&dir.join("cli.db")).unwrap();
    let catalog = Catalog::builtin();
    let manifest = planlens::seeds::manifest();
    let seed_ctx = Context {
        gazetteer: Gazetteer::builtin(),
        manifest: Some(&manifest),
        catalog: &catalog,
        max_bytes: DEFAULT_MAX_BYTES,
    };
    planlens::seeds::load_if_empty(&mut store, &seed_ctx).unwrap();
    let ctx = Context {
        manifest: None,
        ..seed_ctx
    };
    let versions = ingest::import_paths(&mut store, files, &ctx)
        .into_iter()
        .map(|r| {
            r.result.expect("imported");
            r.version.map(|v| v.version)
        })
        .collect();
    (store, versions)
}

/// Format, cells, targets and version of a stored document.
type Stored = (String, Vec<StoredTargetCell>, usize, u32);

fn stored(store: &Store, id: i64) -> Stored {
    let targets = store
        .targets(&planlens::store::TargetFilter {
            document: Some(id),
            ..Default::default()
        })
        .unwrap()
        .len();
    let version = store
        .list_documents()
        .unwrap()
        .into_iter()
        .find(|d| d.id == id)
        .unwrap()
        .version;
    (
        store.document_format(id).unwrap(),
        store.target_cells(id).unwrap(),
        targets,
        version as u32,
    )
}

#[test]
fn every_format_is_stored_as_the_cli_stores_it() {
    let cases = [
        ("sanming.txt", "text", 10),
        ("sanming.docx", "docx", 10),
        ("sanming.pdf", "pdf", 10),
        ("sanming.html", "html", 10),
        ("rizhao.docx", "docx", 0),
        ("rizhao.pdf", "pdf", 0),
        ("rizhao.html", "html", 0),
    ];
    for (name, format, cells) in cases {
        let dir = tempfile::tempdir().unwrap();
        let path = fixture(name);
        let app = open_app(dir.path());
        let imported = app.import_file(&path).unwrap();
        assert_eq!(imported.status, ImportStatus::Imported, "{name}");
        let app_store = Store::open(app.path()).unwrap();
        let got = stored(&app_store, imported.document_id);
        assert_eq!(got.0, format, "{name}: format");
        assert_eq!(got.1.len(), cells, "{name}: table cells");
        if cells > 0 {
            assert_eq!(got.1[0].binding, Some(Binding::Expected), "{name}");
            assert_eq!(got.1[9].binding, Some(Binding::Binding), "{name}");
            assert_eq!(got.1[0].cell.row, 1, "{name}");
        }
        // rizhao's docx/pdf/html are new versions of the rizhao seed, as in
        // the CLI.
        let seed_version = name.starts_with("rizhao").then_some(2);
        assert_eq!(imported.version, seed_version, "{name}: version");

        let (cli, versions) = cli_store(dir.path(), std::slice::from_ref(&path));
        let cli_id = cli
            .list_documents()
            .unwrap()
            .into_iter()
            .map(|d| d.id)
            .max()
            .unwrap();
        assert_eq!(versions, vec![seed_version.map(i64::from)], "{name}");
        assert_eq!(got, stored(&cli, cli_id), "{name}: app and CLI differ");

        // The app's document view carries the same targets, each table
        // target with its cell and attribute, and the table itself.
        let detail = app.document(imported.document_id).unwrap();
        assert_eq!(detail.targets.len(), got.2, "{name}");
        let in_cells: Vec<_> = detail.targets.iter().filter(|t| t.cell.is_some()).collect();
        assert_eq!(in_cells.len(), cells, "{name}");
        assert_eq!(detail.tables.len(), usize::from(cells > 0), "{name}");
        for t in &in_cells {
            let c = t.cell.as_ref().unwrap();
            let table = detail.tables.iter().find(|x| x.index == c.table).unwrap();
            let cell = &table.rows[c.row as usize][c.column as usize];
            assert_eq!(
                (cell.start, cell.end, &cell.text),
                (t.start, t.end, &t.quote)
            );
        }
        let bindings: Vec<Option<BindingDto>> = in_cells
            .iter()
            .map(|t| t.cell.as_ref().unwrap().binding)
            .collect();
        if cells > 0 {
            assert_eq!(bindings[0], Some(BindingDto::Expected), "{name}");
            assert_eq!(bindings[9], Some(BindingDto::Binding), "{name}");
        }
    }
}

#[test]
fn a_changed_reimport_in_the_app_is_version_2() {
    let dir = tempfile::tempdir().unwrap();
    let app = open_app(dir.path());
    let v1_path = fixture("sanming.txt");
    let v2_path = dir.path().join("sanming_v2.txt");
    let text = std::fs::read_to_string(&v1_path)
        .unwrap()
        .replace("新建省级重点实验室5个", "新建省级重点实验室6个");
    std::fs::write(&v2_path, text).unwrap();

    let v1 = app.import_file(&v1_path).unwrap();
    assert_eq!((v1.status, v1.version), (ImportStatus::Imported, None));
    let v2 = app.import_file(&v2_path).unwrap();
    assert_eq!((v2.status, v2.version), (ImportStatus::Imported, Some(2)));
    let again = app.import_file(&v2_path).unwrap();
    assert_eq!(
        (again.status, again.document_id, again.version),
        (ImportStatus::AlreadyPresent, v2.document_id, None)
    );
    let docs = app.list_documents().unwrap();
    let old = docs.iter().find(|d| d.id == v1.document_id).unwrap();
    let new = docs.iter().find(|d| d.id == v2.document_id).unwrap();
    assert_eq!((old.version, new.version), (1, 2));
    assert_eq!(old.superseded_by, Some(v2.document_id));

    // The CLI path gives the same versions.
    let (_, versions) = cli_store(dir.path(), &[v1_path, v2_path]);
    assert_eq!(versions, vec![None, Some(2)]);
}
