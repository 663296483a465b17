//! decode → structure → targets over arbitrary bytes, and the docx and html
//! readers over the same bytes. The first byte picks the entry point so one
//! corpus exercises all of them. PDF is left out: its reader is a
//! third-party crate whose panics are caught by `catch_unwind` in
//! `formats::pdf`, which libFuzzer's abort-on-panic would not let through.
#![no_main]

use libfuzzer_sys::fuzz_target;
use planlens::ingest::{analyze_bytes, analyze_document, Context, DEFAULT_MAX_BYTES};
use planlens::metadata::Gazetteer;
use planlens::targets::Catalog;

fuzz_target!(|data: &[u8]| {
    let catalog = Catalog::builtin();
    let ctx = Context {
        gazetteer: Gazetteer::builtin(),
        manifest: None,
        catalog: &catalog,
        max_bytes: DEFAULT_MAX_BYTES,
    };
    let (mode, rest) = match data.split_first() {
        Some((m, r)) => (*m, r),
        None => return,
    };
    let result = match mode % 3 {
        0 => analyze_bytes(rest, "fuzz.txt", &ctx).ok(),
        1 => analyze_document(rest, "fuzz.html", &ctx).ok(),
        _ => analyze_document(rest, "fuzz.docx", &ctx).ok(),
    };
    if let Some(a) = result {
        // Invariants every consumer relies on: offsets inside the text and
        // quotes equal to the text they point at.
        let chars: Vec<char> = a.text.chars().collect();
        for t in &a.targets {
            assert!(t.start <= t.end && t.end <= chars.len());
            let q: String = chars[t.start..t.end].iter().collect();
            assert_eq!(q, t.quote);
        }
        for s in &a.plan.sections {
            assert!(s.start <= s.end && s.end <= chars.len());
        }
    }
});
