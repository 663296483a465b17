//! Decoding of the fixture files in tests/fixtures/encodings (made by
//! make_fixtures.py there) and of the seed plans.

use std::path::PathBuf;

use planlens::decode::{decode_bytes, sha256_hex, BinaryEvidence, DecodeError};

fn fixture(name: &str) -> Vec<u8> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/encodings")
        .join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// The text every multi-encoding fixture holds (see make_fixtures.py).
fn expected_text() -> String {
    String::from_utf8(fixture("utf8.txt")).unwrap()
}

#[test]
fn utf8_without_bom() {
    let d = decode_bytes(&fixture("utf8.txt")).unwrap();
    assert_eq!(d.encoding, "UTF-8");
    assert!(!d.had_bom);
    assert!(d.text.starts_with("东营市科学技术局"));
}

#[test]
fn utf8_bom_is_dropped_and_nothing_else_changes() {
    let d = decode_bytes(&fixture("utf8_bom.txt")).unwrap();
    assert_eq!(d.encoding, "UTF-8");
    assert!(d.had_bom);
    // Verbatim: CRLF line endings are kept.
    assert_eq!(d.text, expected_text());
    assert!(d.text.contains("\r\n"));
}

#[test]
fn utf16_with_bom() {
    for (name, enc) in [
        ("utf16le_bom.txt", "UTF-16LE"),
        ("utf16be_bom.txt", "UTF-16BE"),
    ] {
        let d = decode_bytes(&fixture(name)).unwrap();
        assert_eq!(d.encoding, enc, "{name}");
        assert!(d.had_bom);
        assert_eq!(d.text, expected_text(), "{name}");
    }
}

#[test]
fn utf16_without_bom_is_recognised_by_its_nul_pattern() {
    let d = decode_bytes(&fixture("utf16le_nobom.txt")).unwrap();
    assert_eq!(d.encoding, "UTF-16LE");
    assert!(!d.had_bom);
    assert_eq!(d.text, expected_text());
}

#[test]
fn gbk_gb2312_gb18030_are_detected() {
    let d = decode_bytes(&fixture("gbk.txt")).unwrap();
    assert_eq!(d.encoding, "GBK");
    assert_eq!(d.text, expected_text());

    let d = decode_bytes(&fixture("gb2312.txt")).unwrap();
    assert_eq!(d.encoding, "GBK");
    assert_eq!(d.text, "丹东市科技局文件\n丹科发〔2020〕2号\n");

    let d = decode_bytes(&fixture("gb18030.txt")).unwrap();
    assert_eq!(d.encoding, "GB18030");
    assert!(d.text.starts_with("𠮷字"));
}

#[test]
fn empty_and_blank_are_rejected() {
    assert_eq!(decode_bytes(&fixture("empty.txt")), Err(DecodeError::Empty));
    assert_eq!(decode_bytes(&fixture("blank.txt")), Err(DecodeError::Blank));
    assert_eq!(
        decode_bytes(&fixture("bom_only.txt")),
        Err(DecodeError::Blank)
    );
    assert_eq!(DecodeError::Empty.to_string(), "file is empty");
}

#[test]
fn binary_files_are_rejected() {
    let e = decode_bytes(&fixture("nul.bin")).unwrap_err();
    assert_eq!(
        e,
        DecodeError::Binary(BinaryEvidence::NulBytes { offset: 8 })
    );
    assert_eq!(
        e.to_string(),
        "looks like a binary file (NUL bytes at offset 8)"
    );
    for name in ["fake.pdf", "fake.png", "fake.docx"] {
        let e = decode_bytes(&fixture(name)).unwrap_err();
        assert!(
            matches!(e, DecodeError::Binary(BinaryEvidence::Signature(_))),
            "{name}: {e}"
        );
    }
    assert!(decode_bytes(&fixture("fake.pdf"))
        .unwrap_err()
        .to_string()
        .contains("PDF"));
    let e = decode_bytes(&fixture("controls.txt")).unwrap_err();
    assert!(matches!(
        e,
        DecodeError::Binary(BinaryEvidence::ControlCharacters { offset: 2, .. })
    ));
}

#[test]
fn undecodable_input_is_rejected() {
    let e = decode_bytes(&fixture("latin1.txt")).unwrap_err();
    assert_eq!(
        e,
        DecodeError::Undecodable {
            utf8_error_offset: 1
        }
    );
    assert!(e
        .to_string()
        .starts_with("not valid text in any supported encoding (UTF-8, UTF-16, GB18030)"));
    assert!(matches!(
        decode_bytes(&fixture("bad_after_bom.txt")),
        Err(DecodeError::InvalidAfterBom {
            encoding: "UTF-8",
            offset: 9
        })
    ));
    assert!(matches!(
        decode_bytes(&fixture("odd_utf16.txt")),
        Err(DecodeError::InvalidAfterBom {
            encoding: "UTF-16LE",
            ..
        })
    ));
}

#[test]
fn seeds_decode_as_utf8_verbatim() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|x| x == "txt") {
            let bytes = std::fs::read(&path).unwrap();
            let d = decode_bytes(&bytes).unwrap();
            assert_eq!(d.encoding, "UTF-8");
            let raw = std::str::from_utf8(&bytes).unwrap();
            assert_eq!(d.text, raw.strip_prefix('\u{feff}').unwrap_or(raw));
            n += 1;
        }
    }
    assert_eq!(n, 5);
}

#[test]
fn sha256_is_lowercase_hex() {
    assert_eq!(
        sha256_hex(b"abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
}
