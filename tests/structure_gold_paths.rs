//! Cross-check against the hand-labelled gold targets: every gold `quote`,
//! located as the scorer does (`find` from the previous position), must lie
//! in a deepest section whose path equals the gold `section` (`""` = the
//! preamble before the first marker).
//!
//! The gold files live in `../shared/gold/targets` beside the crate (CI clones
//! `shared/` there; a nested worktree also looks in `../../shared`); the test fails when they are absent.

use std::path::{Path, PathBuf};

use planlens::model::ParsedPlan;
use planlens::structure::parse;

/// `../shared/gold/targets` from the crate root; a git worktree nested one
/// level deeper (`wt/<name>/`) looks one folder further up.
fn gold_dir() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let near = root.join("../shared/gold/targets");
    let far = root.join("../../shared/gold/targets");
    if !near.is_dir() && far.is_dir() {
        far
    } else {
        near
    }
}

/// Character offset of byte offset `b` in `text`.
fn char_offset(text: &str, b: usize) -> usize {
    text[..b].chars().count()
}

/// Path of the deepest section holding `[s, e)`, `""` when none does.
fn deepest_path(plan: &ParsedPlan, s: usize, e: usize) -> String {
    plan.sections
        .iter()
        .filter(|x| x.start <= s && e <= x.end)
        .max_by_key(|x| x.level)
        .map(|x| x.path.clone())
        .unwrap_or_default()
}

/// The one accepted difference: 日照's heading `(四)` is missing from the
/// text, so figures the gold labels `一/(四)` sit in `一/(三)` for the parser.
fn known_exception(doc: &str, gold: &str, got: &str) -> bool {
    doc.starts_with("002_") && gold == "一/(四)" && got == "一/(三)"
}

#[test]
fn gold_quotes_sit_in_their_gold_sections() {
    let dir = gold_dir();
    // A gold check whose data is missing fails: it must never pass silently.
    assert!(
        dir.is_dir(),
        "{} not found: put the shared folder beside the checkout (or in ../../shared for a nested worktree)",
        dir.display()
    );
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("gold dir readable")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no gold files in {}", dir.display());
    let (mut checked, mut excepted) = (0usize, 0usize);
    let mut mismatches = Vec::new();
    for gold_file in files {
        let stem = gold_file
            .file_stem()
            .expect("file name")
            .to_string_lossy()
            .to_string();
        let text_path = seeds.join(format!("{stem}.txt"));
        let text = std::fs::read_to_string(&text_path)
            .unwrap_or_else(|e| panic!("no seed text for gold file {stem}: {e}"));
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
        let gold: Vec<serde_json::Value> =
            serde_json::from_str(&std::fs::read_to_string(&gold_file).expect("gold readable"))
                .expect("gold is JSON");
        let plan = parse(&text);
        let mut cursor = 0usize; // byte offset
        for g in gold {
            let quote = g["quote"].as_str().expect("quote");
            let want = g["section"].as_str().expect("section");
            let b = text[cursor..]
                .find(quote)
                .map(|i| i + cursor)
                .or_else(|| text.find(quote))
                .unwrap_or_else(|| panic!("{stem}: gold quote not in text: {quote}"));
            cursor = b;
            let s = char_offset(&text, b);
            let e = s + quote.chars().count();
            let got = deepest_path(&plan, s, e);
            checked += 1;
            if got == want {
                continue;
            }
            if known_exception(&stem, want, &got) {
                excepted += 1;
                continue;
            }
            mismatches.push(format!("{stem}: {quote:?} gold {want:?} parsed {got:?}"));
        }
    }
    eprintln!("gold section paths: {checked} checked, {excepted} in the known 日照 (四) gap");
    assert!(
        mismatches.is_empty(),
        "{} mismatches:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
    assert!(excepted <= 5, "the known exception covers only 日照's (四)");
}
