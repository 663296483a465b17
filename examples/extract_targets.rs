//! Prints the targets of a plan text as JSON: `{"targets":[...]}`.
//!
//! Usage: `cargo run --example extract_targets -- FILE`. For the seed files
//! the plan kind and period come from `seeds/seeds.toml` (matched by file
//! name); for any other file `DocumentMeta::default()` is used. The plan
//! structure is left empty (section paths are then `""`).

use planlens::model::{DocumentMeta, ParsedPlan, Period, PlanKind};
use planlens::targets::{extract, Catalog};
use std::path::Path;

/// Reads kind and period for `file_name` from a seed manifest, if listed.
fn meta_from_manifest(manifest: &str, file_name: &str) -> Option<DocumentMeta> {
    let value: toml::Value = toml::from_str(manifest).ok()?;
    let seeds = value.get("seed")?.as_array()?;
    let seed = seeds
        .iter()
        .find(|s| s.get("file").and_then(|f| f.as_str()) == Some(file_name))?;
    let get_str = |k: &str| seed.get(k).and_then(|v| v.as_str()).map(str::to_string);
    let get_int = |k: &str| {
        seed.get(k)
            .and_then(|v| v.as_integer())
            .and_then(|v| i32::try_from(v).ok())
    };
    let period = match (get_int("period_start"), get_int("period_end")) {
        (Some(s), Some(e)) => Some(Period { start: s, end: e }),
        (Some(s), None) => Some(Period::year(s)),
        _ => None,
    };
    Some(DocumentMeta {
        title: get_str("title"),
        city: get_str("city"),
        province: get_str("province"),
        kind: get_str("kind")
            .and_then(|k| PlanKind::parse(&k))
            .unwrap_or_default(),
        period,
        issuer: get_str("issuer"),
        doc_number: get_str("doc_number"),
        published: get_str("published"),
    })
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: extract_targets FILE")?;
    let path = Path::new(&path);
    let bytes = std::fs::read(path)?;
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
    let text = String::from_utf8_lossy(bytes);
    let file_name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let manifest_path = path.with_file_name("seeds.toml");
    let meta = std::fs::read_to_string(&manifest_path)
        .ok()
        .and_then(|m| meta_from_manifest(&m, file_name))
        .unwrap_or_default();
    let targets = extract(&text, &ParsedPlan::default(), &meta, &Catalog::builtin());
    let out = serde_json::json!({ "targets": targets });
    println!("{}", serde_json::to_string(&out)?);
    Ok(())
}
