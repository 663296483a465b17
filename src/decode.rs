//! Input decoding: turns a plan file's bytes into text.
//!
//! Plan texts come as UTF-8 (with or without a byte-order mark), UTF-16 with
//! a byte-order mark, or in the legacy Chinese encodings GB2312/GBK/GB18030.
//! [`decode_bytes`] detects which without being told and rejects input that
//! is not a plan text at all: empty or blank files, binary files (NUL bytes,
//! control characters, PDF/ZIP/image signatures) and bytes that are valid in
//! none of the supported encodings.
//!
//! The decoded text is kept verbatim: only a leading byte-order mark is
//! dropped (for UTF-8 exactly as the scorer's `read_text` does), so character
//! offsets computed on it match every other tool. Line endings and all other
//! characters are left alone.
//!
//! ```
//! use planlens::decode::decode_bytes;
//! let d = decode_bytes("\u{feff}2023年全市科技工作要点".as_bytes()).unwrap();
//! assert_eq!(d.text, "2023年全市科技工作要点");
//! assert_eq!(d.encoding, "UTF-8");
//! assert!(d.had_bom);
//! ```

use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE};
use sha2::{Digest, Sha256};

/// Text decoded from a plan file's bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The decoded text, verbatim except for a dropped byte-order mark.
    pub text: String,
    /// Encoding the bytes were read as: `UTF-8`, `UTF-16LE`, `UTF-16BE`,
    /// `GBK` (two-byte GB text) or `GB18030` (uses four-byte sequences).
    pub encoding: &'static str,
    /// Whether the bytes started with a byte-order mark.
    pub had_bom: bool,
}

/// Evidence that input is a binary file rather than text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BinaryEvidence {
    /// A known binary file signature (magic bytes), e.g. `PDF document`.
    Signature(&'static str),
    /// NUL bytes, the first at this byte offset.
    NulBytes {
        /// Byte offset of the first NUL byte.
        offset: usize,
    },
    /// Too many control characters in the decoded text.
    ControlCharacters {
        /// Number of control characters found.
        count: usize,
        /// Character offset of the first one.
        offset: usize,
    },
}

impl std::fmt::Display for BinaryEvidence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BinaryEvidence::Signature(what) => write!(f, "{what} signature"),
            BinaryEvidence::NulBytes { offset } => write!(f, "NUL bytes at offset {offset}"),
            BinaryEvidence::ControlCharacters { count, offset } => write!(
                f,
                "{count} control characters, the first at character offset {offset}"
            ),
        }
    }
}

/// Why bytes could not be read as a plan text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// Zero bytes.
    #[error("file is empty")]
    Empty,
    /// Decodes to nothing but whitespace (or only a byte-order mark).
    #[error("file contains only whitespace")]
    Blank,
    /// Looks like a binary file.
    #[error("looks like a binary file ({0})")]
    Binary(BinaryEvidence),
    /// Starts with a byte-order mark but the rest is not valid in that encoding.
    #[error("starts with a {encoding} byte-order mark but is not valid {encoding} (error at byte offset {offset})")]
    InvalidAfterBom {
        /// Encoding announced by the byte-order mark.
        encoding: &'static str,
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// Valid in none of the supported encodings.
    #[error("not valid text in any supported encoding (UTF-8, UTF-16, GB18030); invalid UTF-8 at byte offset {utf8_error_offset}")]
    Undecodable {
        /// Byte offset where UTF-8 decoding failed.
        utf8_error_offset: usize,
    },
}

/// Known binary file signatures checked before any decoding.
const SIGNATURES: &[(&[u8], &str)] = &[
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/XLSX)"),
    (b"PK\x05\x06", "ZIP archive"),
    (
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
        "OLE2 (DOC/XLS/WPS) document",
    ),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xFF\xD8\xFF", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"RIFF", "RIFF (WebP/WAV/AVI) file"),
    (b"\x1F\x8B", "gzip archive"),
    (b"Rar!\x1A\x07", "RAR archive"),
    (b"7z\xBC\xAF\x27\x1C", "7-Zip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xFD7zXZ\x00", "xz archive"),
    (b"\x7FELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"{\\rtf", "RTF document"),
];

/// Decodes a plan file's bytes.
///
/// Accepts UTF-8 (with or without BOM), UTF-16 LE/BE with BOM (and BOM-less
/// UTF-16 whose NUL bytes all fall on one parity), and GB2312/GBK/GB18030,
/// detected by a strict decode whose output must read as Chinese. Rejects empty,
/// whitespace-only, binary (signatures, NUL bytes, control characters) and
/// undecodable input. Never panics.
pub fn decode_bytes(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    let decoded = decode_raw(bytes)?;
    check_text(&decoded.text)?;
    Ok(decoded)
}

/// Decodes without the final text checks (blank, control characters).
fn decode_raw(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return match std::str::from_utf8(rest) {
            Ok(s) => Ok(Decoded {
                text: s.to_owned(),
                encoding: "UTF-8",
                had_bom: true,
            }),
            Err(e) => Err(DecodeError::InvalidAfterBom {
                encoding: "UTF-8",
                offset: 3 + e.valid_up_to(),
            }),
        };
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return decode_utf16(rest, UTF_16LE, true).map_err(|offset| DecodeError::InvalidAfterBom {
            encoding: "UTF-16LE",
            offset: offset + 2,
        });
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return decode_utf16(rest, UTF_16BE, true).map_err(|offset| DecodeError::InvalidAfterBom {
            encoding: "UTF-16BE",
            offset: offset + 2,
        });
    }
    for (magic, what) in SIGNATURES {
        if bytes.starts_with(magic) {
            return Err(DecodeError::Binary(BinaryEvidence::Signature(what)));
        }
    }
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        if let Some(d) = bomless_utf16(bytes) {
            return Ok(d);
        }
        return Err(DecodeError::Binary(BinaryEvidence::NulBytes {
            offset: nul,
        }));
    }
    let utf8_error_offset = match std::str::from_utf8(bytes) {
        Ok(s) => {
            return Ok(Decoded {
                text: s.to_owned(),
                encoding: "UTF-8",
                had_bom: false,
            })
        }
        Err(e) => e.valid_up_to(),
    };
    // Besides Unicode only the GB family is supported: a plan text is Chinese.
    // The GB18030 decoder also reads GBK and GB2312. A strict decode can still
    // succeed on bytes of another legacy encoding (Big5, Shift_JIS, Latin-1),
    // producing mojibake; such output is rejected by its character mix.
    if let Some(text) = GB18030.decode_without_bom_handling_and_without_replacement(bytes) {
        if looks_like_chinese(&text) {
            let encoding = if has_four_byte_gb18030(bytes) {
                "GB18030"
            } else {
                "GBK"
            };
            return Ok(Decoded {
                text: text.into_owned(),
                encoding,
                had_bom: false,
            });
        }
    }
    Err(DecodeError::Undecodable { utf8_error_offset })
}

/// Decodes UTF-16 content after its BOM; `Err(byte offset)` when invalid.
fn decode_utf16(rest: &[u8], encoding: &'static Encoding, had_bom: bool) -> Result<Decoded, usize> {
    if !rest.len().is_multiple_of(2) {
        return Err(rest.len() - 1);
    }
    match encoding.decode_without_bom_handling_and_without_replacement(rest) {
        Some(text) => Ok(Decoded {
            text: text.into_owned(),
            encoding: encoding.name(),
            had_bom,
        }),
        None => Err(first_utf16_error(rest, encoding == UTF_16BE)),
    }
}

/// Byte offset of the first unpaired surrogate in UTF-16 data.
fn first_utf16_error(rest: &[u8], big_endian: bool) -> usize {
    let units: Vec<u16> = rest
        .chunks_exact(2)
        .map(|c| {
            if big_endian {
                u16::from_be_bytes([c[0], c[1]])
            } else {
                u16::from_le_bytes([c[0], c[1]])
            }
        })
        .collect();
    let mut offset = 0;
    for r in char::decode_utf16(units.iter().copied()) {
        match r {
            Ok(c) => offset += 2 * c.len_utf16(),
            Err(_) => return offset,
        }
    }
    offset
}

/// Recognises UTF-16 without a BOM: even length, every NUL byte on the same
/// parity (the high byte of ASCII characters), and a clean decode.
fn bomless_utf16(bytes: &[u8]) -> Option<Decoded> {
    if !bytes.len().is_multiple_of(2) || bytes.len() < 4 {
        return None;
    }
    let nul_even = bytes.iter().step_by(2).filter(|&&b| b == 0).count();
    let nul_odd = bytes.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let encoding = match (nul_even, nul_odd) {
        (0, n) if n > 0 => UTF_16LE,
        (n, 0) if n > 0 => UTF_16BE,
        _ => return None,
    };
    let d = decode_utf16(bytes, encoding, false).ok()?;
    // The decode must read as text: no NUL or other control characters.
    if d.text.chars().any(is_suspicious_control) {
        return None;
    }
    Some(d)
}

/// Whether decoded non-ASCII text is mostly Chinese characters and
/// punctuation (at least 85%), as a correctly decoded GB text is.
fn looks_like_chinese(text: &str) -> bool {
    let mut non_ascii = 0usize;
    let mut chinese = 0usize;
    for c in text.chars().filter(|c| !c.is_ascii()) {
        non_ascii += 1;
        if matches!(c as u32,
            0x4E00..=0x9FFF       // CJK unified ideographs
            | 0x3400..=0x4DBF     // extension A
            | 0x3000..=0x303F     // CJK symbols and punctuation
            | 0xFF00..=0xFFEF     // full-width forms
            | 0x2000..=0x206F     // general punctuation (“” — …)
            | 0x2460..=0x24FF     // circled numbers
            | 0x2160..=0x217F     // Roman numerals
            | 0x00B7 | 0x00D7 | 0x00B0 | 0x2103 | 0x2236)
        {
            chinese += 1;
        }
    }
    non_ascii == 0 || chinese * 100 >= non_ascii * 85
}

/// Whether GB bytes use GB18030's four-byte sequences (beyond GBK).
fn has_four_byte_gb18030(bytes: &[u8]) -> bool {
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
        } else if (0x81..=0xFE).contains(&b)
            && bytes
                .get(i + 1)
                .is_some_and(|b2| (0x30..=0x39).contains(b2))
        {
            return true;
        } else {
            i += 2;
        }
    }
    false
}

/// Control characters that do not belong in a plain text (tab, line feed,
/// carriage return, form feed and vertical tab do).
fn is_suspicious_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0B' | '\x0C')
}

/// Rejects blank text and text with too many control characters.
fn check_text(text: &str) -> Result<(), DecodeError> {
    if text.chars().all(|c| c.is_whitespace() || c == '\u{FEFF}') {
        return Err(DecodeError::Blank);
    }
    let mut count = 0;
    let mut first = None;
    let mut total = 0;
    for (i, c) in text.chars().enumerate() {
        total += 1;
        if is_suspicious_control(c) {
            count += 1;
            first.get_or_insert(i);
        }
    }
    // Stray control characters are tolerated in scraped pages; more than one
    // in fifty characters means binary.
    if count * 50 > total {
        return Err(DecodeError::Binary(BinaryEvidence::ControlCharacters {
            count,
            offset: first.unwrap_or(0),
        }));
    }
    Ok(())
}

/// SHA-256 of bytes as lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest.iter() {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_byte_detection() {
        assert!(!has_four_byte_gb18030(&[0xB9, 0xA4, 0x41]));
        assert!(has_four_byte_gb18030(&[0x41, 0x81, 0x30, 0x81, 0x30]));
    }

    #[test]
    fn sha_of_empty() {
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }
}
