//! Reading plan files of every format into plain text plus tables.
//!
//! [`extract`] recognises a file by its bytes (and, for HTML, its name):
//! plain text (any encoding [`crate::decode`] knows), `.docx` (a ZIP holding
//! `word/document.xml`), PDF with a text layer, and HTML pages saved from
//! government portals. Each reader turns the file into [`Block`]s —
//! paragraphs and tables — which [`render`] lays out as text: one paragraph a
//! line, one table row a line with cells separated by a tab. The character
//! offsets of every table cell in that text are kept ([`TableLayout`]), so a
//! target read from a cell points back at it.
//!
//! No reader runs code from the file (HTML scripts are dropped, never run),
//! and none panics on malformed input: every failure is a [`FormatError`].
//!
//! ```
//! use planlens::formats::{extract, Format};
//! let page = "<html><body><nav>首页</nav><div class=content><p>一、总体要求</p>\
//!             <p>全年新增高新技术企业50家以上。</p></div></body></html>";
//! let e = extract(page.as_bytes(), "plan.html").unwrap();
//! assert_eq!(e.format, Format::Html);
//! assert_eq!(e.text, "一、总体要求\n全年新增高新技术企业50家以上。\n");
//! ```

pub mod docx;
pub mod html;
pub mod pdf;
pub mod tables;

use crate::decode::{self, DecodeError};

/// A file format PlanLens reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Plain text in UTF-8, UTF-16 or the GB family.
    Text,
    /// Office Open XML word-processing document.
    Docx,
    /// PDF with a text layer.
    Pdf,
    /// HTML page.
    Html,
}

impl Format {
    /// Lowercase name, as stored.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Docx => "docx",
            Format::Pdf => "pdf",
            Format::Html => "html",
        }
    }
}

/// File endings PlanLens imports from a folder.
pub const EXTENSIONS: &[&str] = &["txt", "text", "md", "docx", "pdf", "html", "htm"];

/// Why a file could not be read as a plan. Messages name the reason; the
/// caller adds the file name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    /// Plain text (or an HTML page) that could not be decoded.
    #[error("{0}")]
    Decode(#[from] DecodeError),
    /// A ZIP container that cannot be opened (truncated or corrupt).
    #[error("corrupt or truncated ZIP/DOCX file: {0}")]
    CorruptZip(String),
    /// A ZIP file (or a file named `.docx`) that is not a Word document.
    #[error("not a Word .docx document: {0}")]
    NotDocx(String),
    /// The document XML inside a `.docx` is malformed.
    #[error("damaged .docx document: {0}")]
    DocxXml(String),
    /// A password-protected PDF.
    #[error("the PDF is encrypted (password-protected); save an unprotected copy first")]
    PdfEncrypted,
    /// A PDF that cannot be parsed.
    #[error("damaged PDF: {0}")]
    PdfBroken(String),
    /// A PDF whose pages carry no text (a scan).
    #[error("the PDF has no text layer ({pages} page(s) of images or blank pages, probably a scan); run OCR on it or use the original document")]
    PdfNoText {
        /// Number of pages.
        pages: usize,
    },
    /// A document with no readable text at all.
    #[error("the {format} file contains no text")]
    NoText {
        /// Format name.
        format: &'static str,
    },
    /// A format PlanLens does not read (legacy binary office files).
    #[error("{0}")]
    Unsupported(&'static str),
    /// A part of the file is larger than PlanLens accepts once unpacked.
    #[error("{what} is too large once unpacked ({size} bytes)")]
    TooLargeUnpacked {
        /// The part.
        what: String,
        /// Its size.
        size: u64,
    },
}

/// A piece of document content before layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// One paragraph of running text.
    Paragraph(String),
    /// A table: rows of cell texts.
    Table(Vec<Vec<String>>),
}

/// One table cell as laid out in the text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CellSpan {
    /// Cell text.
    pub text: String,
    /// Character offset of the cell's first character.
    pub start: usize,
    /// End (exclusive), in characters.
    pub end: usize,
}

/// Where one table sits in the text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TableLayout {
    /// Rows of cells.
    pub rows: Vec<Vec<CellSpan>>,
    /// Character offset of the first row.
    pub start: usize,
    /// End of the last row (exclusive).
    pub end: usize,
}

/// A file read as text.
#[derive(Debug, Clone, PartialEq)]
pub struct Extracted {
    /// The text, paragraphs on their own lines.
    pub text: String,
    /// The file's format.
    pub format: Format,
    /// For text and HTML the character encoding; for other formats the
    /// format name (`DOCX`, `PDF`).
    pub encoding: String,
    /// Tables, in document order.
    pub tables: Vec<TableLayout>,
}

/// Largest unpacked XML part of a `.docx` accepted (guards against ZIP bombs).
pub const MAX_UNPACKED_BYTES: u64 = 200 * 1024 * 1024;

/// Recognises the format from the leading bytes and the file name.
///
/// A ZIP archive is a `.docx` candidate whatever its name; `%PDF-` marks a PDF
/// (also after a little leading junk, as some portals serve it); HTML is
/// recognised by its name or by markup at the start of the text.
pub fn detect(bytes: &[u8], name: &str) -> Format {
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") || ext == "docx" {
        return Format::Docx;
    }
    let head = &bytes[..bytes.len().min(1024)];
    if head.windows(5).any(|w| w == b"%PDF-") || ext == "pdf" {
        return Format::Pdf;
    }
    if ext == "html" || ext == "htm" || ext == "shtml" || looks_like_html(head) {
        return Format::Html;
    }
    Format::Text
}

fn looks_like_html(head: &[u8]) -> bool {
    let s = String::from_utf8_lossy(head).to_ascii_lowercase();
    let s = s.trim_start_matches('\u{feff}').trim_start();
    s.starts_with("<!doctype html")
        || s.starts_with("<html")
        || s.starts_with("<?xml") && s.contains("<html")
}

/// Reads a plan file of any supported format. `name` is the file name (used
/// for the format only).
pub fn extract(bytes: &[u8], name: &str) -> Result<Extracted, FormatError> {
    if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return Err(FormatError::Unsupported(
            "a legacy binary Word/WPS (.doc/.wps) document: PlanLens reads .docx; save it as .docx first",
        ));
    }
    let format = detect(bytes, name);
    match format {
        Format::Text => {
            let d = decode::decode_bytes(bytes)?;
            Ok(Extracted {
                text: d.text,
                format,
                encoding: d.encoding.to_string(),
                tables: Vec::new(),
            })
        }
        Format::Docx => {
            let blocks = docx::read(bytes)?;
            finish(blocks, format, "DOCX".to_string())
        }
        Format::Pdf => {
            let blocks = pdf::read(bytes)?;
            finish(blocks, format, "PDF".to_string())
        }
        Format::Html => {
            let (blocks, encoding) = html::read(bytes)?;
            finish(blocks, format, encoding)
        }
    }
}

fn finish(blocks: Vec<Block>, format: Format, encoding: String) -> Result<Extracted, FormatError> {
    let (text, tables) = render(&blocks);
    if text.trim().is_empty() {
        return Err(FormatError::NoText {
            format: match format {
                Format::Text => "text",
                Format::Docx => "DOCX",
                Format::Pdf => "PDF",
                Format::Html => "HTML",
            },
        });
    }
    Ok(Extracted {
        text,
        format,
        encoding,
        tables,
    })
}

/// Lays blocks out as text: each paragraph on its own line, each table row
/// on its own line with cells separated by a tab (tabs and line breaks inside
/// cells become spaces). Returns the text and where each table's cells are.
pub fn render(blocks: &[Block]) -> (String, Vec<TableLayout>) {
    let mut text = String::new();
    let mut pos = 0usize;
    let mut tables = Vec::new();
    for b in blocks {
        match b {
            Block::Paragraph(p) => {
                let p = p.trim_end();
                if p.trim().is_empty() {
                    continue;
                }
                text.push_str(p);
                text.push('\n');
                pos += p.chars().count() + 1;
            }
            Block::Table(rows) => {
                let start = pos;
                let mut laid = Vec::new();
                for row in rows {
                    if row.iter().all(|c| c.trim().is_empty()) {
                        continue;
                    }
                    let mut cells = Vec::new();
                    for (i, cell) in row.iter().enumerate() {
                        if i > 0 {
                            text.push('\t');
                            pos += 1;
                        }
                        let clean = clean_cell(cell);
                        let n = clean.chars().count();
                        text.push_str(&clean);
                        cells.push(CellSpan {
                            text: clean,
                            start: pos,
                            end: pos + n,
                        });
                        pos += n;
                    }
                    text.push('\n');
                    pos += 1;
                    laid.push(cells);
                }
                if !laid.is_empty() {
                    tables.push(TableLayout {
                        rows: laid,
                        start,
                        end: pos,
                    });
                }
            }
        }
    }
    (text, tables)
}

/// A cell's text on one line: inner line breaks and tabs are joined without
/// a space between Chinese characters and with one space otherwise.
fn clean_cell(cell: &str) -> String {
    let parts: Vec<&str> = cell
        .split(['\n', '\r', '\t'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    join_lines(&parts)
}

/// Joins pieces of one paragraph: no space where either side is a CJK
/// character or punctuation, one space between two Latin words or numbers.
pub(crate) fn join_lines(parts: &[&str]) -> String {
    let mut out = String::new();
    for p in parts {
        if let (Some(a), Some(b)) = (out.chars().last(), p.chars().next()) {
            if a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric() {
                out.push(' ');
            }
        }
        out.push_str(p);
    }
    out
}

/// Whether a character is a CJK ideograph or full-width punctuation.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x303F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF
        | 0x20000..=0x2FA1F)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn render_keeps_cell_offsets() {
        let blocks = vec![
            Block::Paragraph("表1 主要指标".into()),
            Block::Table(vec![
                vec!["指标".into(), "单位".into()],
                vec!["研发经费\n投入强度".into(), "%".into()],
            ]),
        ];
        let (text, tables) = render(&blocks);
        assert_eq!(text, "表1 主要指标\n指标\t单位\n研发经费投入强度\t%\n");
        let chars: Vec<char> = text.chars().collect();
        for row in &tables[0].rows {
            for c in row {
                let s: String = chars[c.start..c.end].iter().collect();
                assert_eq!(s, c.text);
            }
        }
        assert_eq!(tables[0].start, 8);
        assert_eq!(tables[0].end, chars.len());
    }

    #[test]
    fn detect_by_bytes_and_name() {
        assert_eq!(detect(b"%PDF-1.7\n", "a.txt"), Format::Pdf);
        assert_eq!(detect(b"PK\x03\x04xx", "a.bin"), Format::Docx);
        assert_eq!(detect("一、总体要求".as_bytes(), "a.docx"), Format::Docx);
        assert_eq!(detect(b"<!DOCTYPE html><html>", "a"), Format::Html);
        assert_eq!(detect("<p>x</p>".as_bytes(), "a.htm"), Format::Html);
        assert_eq!(detect("一、总体要求".as_bytes(), "a.txt"), Format::Text);
        // Text mentioning markup later on is still text.
        assert_eq!(detect("说明:<html>标签".as_bytes(), "a.txt"), Format::Text);
    }

    #[test]
    fn join_lines_adds_no_space_between_chinese() {
        assert_eq!(join_lines(&["科技", "创新"]), "科技创新");
        assert_eq!(join_lines(&["R&D", "2025"]), "R&D 2025");
        assert_eq!(join_lines(&["达到", "3%"]), "达到3%");
    }
}
