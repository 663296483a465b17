//! The format readers never panic: arbitrary bytes under every file name,
//! and real fixtures with bytes flipped or cut off, give a result or a
//! `FormatError`, and every result's offsets are inside its text.

use std::path::Path;

use planlens::formats::extract;
use proptest::prelude::*;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/formats")
            .join(name),
    )
    .unwrap()
}

fn check(bytes: &[u8], name: &str) {
    if let Ok(e) = extract(bytes, name) {
        let n = e.text.chars().count();
        for t in &e.tables {
            assert!(t.start <= t.end && t.end <= n);
            for row in &t.rows {
                for c in row {
                    assert!(c.start <= c.end && c.end <= n);
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048),
                       name in prop::sample::select(vec!["a.docx", "a.pdf", "a.html", "a.txt", "a"])) {
        check(&bytes, name);
    }

    #[test]
    fn flipped_bytes_in_real_files(
        which in prop::sample::select(vec!["sanming.docx", "sanming.pdf", "sanming.html"]),
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
    ) {
        let mut bytes = fixture(which);
        for (i, b) in flips {
            let at = i.index(bytes.len());
            bytes[at] = b;
        }
        check(&bytes, which);
    }

    #[test]
    fn cut_real_files(
        which in prop::sample::select(vec!["linyi.docx", "sanming.pdf", "sanming.html"]),
        cut in any::<prop::sample::Index>(),
    ) {
        let bytes = fixture(which);
        check(&bytes[..cut.index(bytes.len())], which);
    }
}
