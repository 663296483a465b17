//! Output of the document commands: import reports, list, show, extract, targets.

use std::process::ExitCode;

use serde_json::json;

use planlens::ingest::{Analysis, FileReport};
use planlens::model::{DocumentMeta, Target};
use planlens::store::{DocumentSummary, ImportOutcome, Store, StoredTarget};

use super::{table, CliError};

/// Finds a document by id, city (`滨州` or `滨州市`) or source file name.
pub fn resolve_doc(store: &Store, sel: &str) -> Result<i64, CliError> {
    let docs = store.list_documents()?;
    if let Ok(id) = sel.parse::<i64>() {
        if docs.iter().any(|d| d.id == id) {
            return Ok(id);
        }
        return Err(CliError::Usage(format!("no document with id {id}")));
    }
    let matches: Vec<&DocumentSummary> = docs
        .iter()
        .filter(|d| {
            d.source_name == sel
                || d.meta
                    .city
                    .as_deref()
                    .is_some_and(|c| c == sel || c.trim_end_matches('市') == sel)
        })
        .collect();
    match matches.as_slice() {
        [one] => Ok(one.id),
        [] => Err(CliError::Usage(format!(
            "no document matches {sel:?} (give an id, a city or a file name; `planlens list` shows them)"
        ))),
        many => Err(CliError::Usage(format!(
            "{sel:?} matches {} documents (ids {}); give an id",
            many.len(),
            many.iter()
                .map(|d| d.id.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

/// Prints the per-file import report; exit code 1 if any file failed.
pub fn print_import_reports(reports: &[FileReport]) -> ExitCode {
    let mut failed = 0;
    for r in reports {
        match &r.result {
            Ok((ImportOutcome::Imported(id), a)) => {
                println!(
                    "imported  {}  → id {id}: {} · {} task items · {} targets · {} warnings",
                    r.path.display(),
                    describe(&a.document),
                    a.plan.tasks.len(),
                    a.targets.len(),
                    a.plan.warnings.len()
                );
                if let Some(v) = &r.version {
                    println!(
                        "          new version {} of document {}: {} annotations moved, {} kept on the old version as orphaned",
                        v.version, v.previous_id, v.reanchored, v.orphaned
                    );
                    if v.theme_overrides > 0 {
                        println!(
                            "          {} theme overrides carried over to the matching task items",
                            v.theme_overrides
                        );
                    }
                }
            }
            Ok((ImportOutcome::AlreadyPresent(id), _)) => println!(
                "unchanged {}  = id {id}: the same file was imported before",
                r.path.display()
            ),
            Err(e) => {
                failed += 1;
                eprintln!("failed    {e}");
            }
        }
    }
    let ok = reports.len() - failed;
    println!(
        "{ok} of {} files imported or already present, {failed} failed",
        reports.len()
    );
    if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn describe(m: &DocumentMeta) -> String {
    format!(
        "{} {} {}",
        m.city.as_deref().unwrap_or("?"),
        m.period
            .map(|p| p.to_string())
            .unwrap_or_else(|| "?".into()),
        m.kind.label_zh()
    )
}

/// Prints the document list.
pub fn print_list(docs: &[DocumentSummary], json: bool) -> Result<(), CliError> {
    if json {
        println!("{}", serde_json::to_string_pretty(docs)?);
        return Ok(());
    }
    let rows: Vec<Vec<String>> = docs
        .iter()
        .map(|d| {
            vec![
                d.id.to_string(),
                d.meta.city.clone().unwrap_or_default(),
                d.meta.province.clone().unwrap_or_default(),
                d.meta.kind.label_zh().to_string(),
                d.meta.period.map(|p| p.to_string()).unwrap_or_default(),
                if d.corrected {
                    format!(
                        "{} {}",
                        d.meta.display_title(),
                        planlens::compare::CORRECTED_MARK
                    )
                } else {
                    d.meta.display_title()
                },
                d.tasks.to_string(),
                d.targets.to_string(),
                d.warnings.to_string(),
                match d.superseded_by {
                    Some(next) => format!("{} (replaced by {next})", d.version),
                    None => d.version.to_string(),
                },
            ]
        })
        .collect();
    table::print(
        &[
            "id", "city", "province", "kind", "period", "title", "tasks", "targets", "warnings",
            "version",
        ],
        &rows,
    );
    Ok(())
}

/// Prints one document.
pub fn print_show(store: &Store, id: i64, tree: bool, json: bool) -> Result<(), CliError> {
    let doc = store.document(id)?;
    if json {
        let targets = store.targets(&planlens::store::TargetFilter {
            document: Some(id),
            ..Default::default()
        })?;
        // Task items with the ids every other command uses.
        let tasks: Vec<serde_json::Value> = doc
            .plan
            .tasks
            .iter()
            .zip(&doc.task_ids)
            .map(|(t, id)| {
                let mut v = serde_json::to_value(t)?;
                if let Some(o) = v.as_object_mut() {
                    o.insert("id".into(), json!(id));
                }
                Ok(v)
            })
            .collect::<Result<_, serde_json::Error>>()?;
        let v = json!({
            "document": doc.summary,
            "sections": doc.plan.sections,
            "tasks": tasks,
            "warnings": doc.plan.warnings,
            "targets": targets,
        });
        println!("{}", serde_json::to_string_pretty(&v)?);
        return Ok(());
    }
    let s = &doc.summary;
    let m = &s.meta;
    let field = |k: &str, v: Option<&str>| println!("{k:<10} {}", v.unwrap_or("—"));
    field("id", Some(&s.id.to_string()));
    field("title", m.title.as_deref());
    field("city", m.city.as_deref());
    field("province", m.province.as_deref());
    field("level", s.level.as_deref());
    field("kind", Some(m.kind.label_zh()));
    field("period", m.period.map(|p| p.to_string()).as_deref());
    field("issuer", m.issuer.as_deref());
    field("number", m.doc_number.as_deref());
    field("published", m.published.as_deref());
    field("source", Some(&s.source_name));
    field("sha256", Some(&s.sha256));
    field("imported", Some(&s.imported_at));
    if s.corrected {
        field(
            "corrected",
            Some("metadata corrected by the user (`planlens corrections --doc ID`)"),
        );
    }
    println!(
        "{:<10} {} task items, {} targets, {} warnings",
        "counts", s.tasks, s.targets, s.warnings
    );
    for w in &doc.plan.warnings {
        println!("warning    [{}] {}", w.code, w.message);
    }
    println!();
    if tree {
        for sec in &doc.plan.sections {
            let indent = "  ".repeat(sec.level.saturating_sub(1) as usize);
            println!(
                "{indent}{} {}  [{}] [{}, {})",
                sec.marker,
                sec.title,
                sec.role.as_str(),
                sec.start,
                sec.end
            );
        }
        println!();
    }
    println!("task items:");
    for (i, t) in doc.plan.tasks.iter().enumerate() {
        let id = doc.task_ids.get(i).map(|id| format!("  (task {id})"));
        println!(
            "{:>4}  {:<14} {}{}",
            i + 1,
            t.path,
            t.title,
            id.unwrap_or_default()
        );
    }
    Ok(())
}

/// Prints the analysis of a file (`extract`). The JSON keys are a contract
/// used by external scoring scripts.
pub fn print_extract(a: &Analysis, json: bool) -> Result<(), CliError> {
    if json {
        let v = json!({
            "document": {
                "title": a.document.title,
                "city": a.document.city,
                "province": a.document.province,
                "kind": a.document.kind,
                "period": a.document.period,
                "issuer": a.document.issuer,
                "doc_number": a.document.doc_number,
                "published": a.document.published,
                "source_name": a.source_name,
                "sha256": a.sha256,
                "encoding": a.encoding,
                "chars": a.text.chars().count(),
            },
            "sections": a.plan.sections,
            "tasks": a.plan.tasks,
            "warnings": a.plan.warnings,
            "targets": a.targets,
        });
        println!("{}", serde_json::to_string(&v)?);
        return Ok(());
    }
    println!("{}: {}", a.source_name, describe(&a.document));
    println!(
        "{} sections, {} task items, {} targets, {} warnings",
        a.plan.sections.len(),
        a.plan.tasks.len(),
        a.targets.len(),
        a.plan.warnings.len()
    );
    print_target_rows(a.targets.iter().map(|t| (None, t)));
    Ok(())
}

/// Prints stored targets.
pub fn print_targets(store: &Store, targets: &[StoredTarget], json: bool) -> Result<(), CliError> {
    if json {
        println!("{}", serde_json::to_string_pretty(targets)?);
        return Ok(());
    }
    let cities: std::collections::HashMap<i64, String> = store
        .list_documents()?
        .into_iter()
        .map(|d| (d.id, d.meta.city.unwrap_or_else(|| format!("#{}", d.id))))
        .collect();
    let body: Vec<Vec<String>> = targets
        .iter()
        .map(|t| {
            let mut row = vec![t.id.to_string()];
            row.extend(target_row(cities.get(&t.document_id).cloned(), &t.target));
            row[2].push_str(if t.corrected {
                planlens::compare::CORRECTED_MARK
            } else {
                ""
            });
            row.push(super::corrections::status(t).unwrap_or_default());
            row
        })
        .collect();
    table::print(
        &[
            "id",
            "city",
            "figure",
            "kind",
            "role",
            "year",
            "indicator id",
            "indicator",
            "quote",
            "left out",
        ],
        &body,
    );
    Ok(())
}

fn target_row(city: Option<String>, t: &Target) -> Vec<String> {
    vec![
        city.unwrap_or_default(),
        figure(t),
        serde_name(&t.kind),
        serde_name(&t.role),
        t.year.map(|y| y.to_string()).unwrap_or_default(),
        t.indicator_id.clone().unwrap_or_else(|| "—".into()),
        t.indicator.clone(),
        t.quote.clone(),
    ]
}

fn print_target_rows<'a>(rows: impl Iterator<Item = (Option<String>, &'a Target)>) {
    let body: Vec<Vec<String>> = rows.map(|(city, t)| target_row(city, t)).collect();
    table::print(
        &[
            "city",
            "figure",
            "kind",
            "role",
            "year",
            "indicator id",
            "indicator",
            "quote",
        ],
        &body,
    );
}

/// A figure with its qualifier mark and unit: `≥100家`, `≈5家`, `1–2家`.
fn figure(t: &Target) -> String {
    let value = planlens::compare::format_value(t.value, t.value_high, t.qualifier);
    format!("{value}{}", t.unit)
}

fn serde_name<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}
