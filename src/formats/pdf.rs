//! PDF reading: the text layer in reading order, without running headers,
//! footers and page numbers, with lines rejoined into paragraphs.
//!
//! Glyphs and their positions come from `pdf-extract` (over `lopdf`), which
//! maps CID fonts through their ToUnicode tables. Here they are grouped into
//! lines by baseline, lines sorted top to bottom, and:
//! - page furniture is dropped: page-number lines (`- 3 -`, `第3页 共9页`,
//!   `3/9`) in the top or bottom band of a page, and lines that repeat in
//!   that band on at least half of the pages (digits ignored);
//! - lines are joined into paragraphs. A paragraph ends where a line stops
//!   well short of the right margin (more than the three characters that
//!   line-breaking rules may leave), and a new one starts at an indented
//!   line, a line opening with a structure marker (`一、`, `（二）`, `3.`) or
//!   after a larger vertical gap. Pieces are joined without a space
//!   between Chinese characters (a space only between two Latin words);
//! - runs of at least two lines split into the same number (≥ 3) of widely
//!   spaced columns become a table.
//!
//! An encrypted PDF is opened with the empty user password (most "protected"
//! government PDFs only restrict printing or copying); otherwise it is
//! refused. A PDF whose pages carry no text is reported as a scan.

use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

use super::{join_lines, Block, FormatError};

/// One glyph with its position (y grows downwards from the page top).
#[derive(Debug, Clone)]
struct Glyph {
    x: f64,
    y: f64,
    end: f64,
    size: f64,
    text: String,
}

/// A page's glyphs.
#[derive(Debug, Default)]
struct Page {
    width: f64,
    height: f64,
    glyphs: Vec<Glyph>,
    rules: Vec<Rule>,
}

/// A ruling line drawn on a page (table borders), in page coordinates with
/// y growing downwards.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Rule {
    /// Horizontal: y, x from, x to.
    H(f64, f64, f64),
    /// Vertical: x, y from, y to.
    V(f64, f64, f64),
}

#[derive(Default)]
struct Collector {
    pages: Vec<Page>,
    flip: Option<(f64, f64)>,
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        let width = (media_box.urx - media_box.llx).abs();
        let height = (media_box.ury - media_box.lly).abs();
        self.flip = Some((media_box.lly, media_box.ury));
        self.pages.push(Page {
            width,
            height,
            glyphs: Vec::new(),
            rules: Vec::new(),
        });
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        let (Some(page), Some((_, ury))) = (self.pages.last_mut(), self.flip) else {
            return Ok(());
        };
        // The font size vector (size, size) through the text rendering matrix.
        let vx = font_size * (trm.m11 + trm.m21);
        let vy = font_size * (trm.m12 + trm.m22);
        let size = (vx * vy).abs().sqrt();
        let x = trm.m31;
        let y = ury - trm.m32;
        if !(x.is_finite() && y.is_finite() && size.is_finite()) {
            return Ok(());
        }
        let text: String = text.chars().filter(|c| !c.is_control()).collect();
        if text.is_empty() {
            return Ok(());
        }
        page.glyphs.push(Glyph {
            x,
            y,
            end: x + width * size,
            size: if size > 0.0 { size } else { 10.0 },
            text,
        });
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn stroke(
        &mut self,
        ctm: &Transform,
        _colorspace: &pdf_extract::ColorSpace,
        _color: &[f64],
        path: &pdf_extract::Path,
    ) -> Result<(), OutputError> {
        self.add_rules(ctm, path, true);
        Ok(())
    }

    fn fill(
        &mut self,
        ctm: &Transform,
        _colorspace: &pdf_extract::ColorSpace,
        _color: &[f64],
        path: &pdf_extract::Path,
    ) -> Result<(), OutputError> {
        self.add_rules(ctm, path, false);
        Ok(())
    }
}

impl Collector {
    /// Records the straight horizontal and vertical pieces of a path as
    /// rules. Filled shapes count only when thin (a border drawn as a filled
    /// hairline rectangle); stroked rectangles give their four edges.
    fn add_rules(&mut self, ctm: &Transform, path: &pdf_extract::Path, stroked: bool) {
        use pdf_extract::PathOp;
        let (Some(page), Some((_, ury))) = (self.pages.last_mut(), self.flip) else {
            return;
        };
        let pt = |x: f64, y: f64| {
            (
                x * ctm.m11 + y * ctm.m21 + ctm.m31,
                ury - (x * ctm.m12 + y * ctm.m22 + ctm.m32),
            )
        };
        let mut push = |a: (f64, f64), b: (f64, f64)| {
            if ![a.0, a.1, b.0, b.1].iter().all(|v| v.is_finite()) || page.rules.len() > 100_000 {
                return;
            }
            if (a.1 - b.1).abs() < 1.0 && (a.0 - b.0).abs() > 2.0 {
                page.rules
                    .push(Rule::H((a.1 + b.1) / 2.0, a.0.min(b.0), a.0.max(b.0)));
            } else if (a.0 - b.0).abs() < 1.0 && (a.1 - b.1).abs() > 2.0 {
                page.rules
                    .push(Rule::V((a.0 + b.0) / 2.0, a.1.min(b.1), a.1.max(b.1)));
            }
        };
        let mut cur: Option<(f64, f64)> = None;
        let mut start: Option<(f64, f64)> = None;
        for op in &path.ops {
            match *op {
                PathOp::MoveTo(x, y) => {
                    cur = Some(pt(x, y));
                    start = cur;
                }
                PathOp::LineTo(x, y) => {
                    let p = pt(x, y);
                    if stroked {
                        if let Some(c) = cur {
                            push(c, p);
                        }
                    }
                    cur = Some(p);
                }
                PathOp::CurveTo(_, _, _, _, x, y) => cur = Some(pt(x, y)),
                PathOp::Rect(x, y, w, h) => {
                    let (a, b) = (pt(x, y), pt(x + w, y + h));
                    let (x0, x1) = (a.0.min(b.0), a.0.max(b.0));
                    let (y0, y1) = (a.1.min(b.1), a.1.max(b.1));
                    if y1 - y0 < 2.0 {
                        push((x0, (y0 + y1) / 2.0), (x1, (y0 + y1) / 2.0));
                    } else if x1 - x0 < 2.0 {
                        push(((x0 + x1) / 2.0, y0), ((x0 + x1) / 2.0, y1));
                    } else if stroked {
                        push((x0, y0), (x1, y0));
                        push((x0, y1), (x1, y1));
                        push((x0, y0), (x0, y1));
                        push((x1, y0), (x1, y1));
                    }
                }
                PathOp::Close => {
                    if stroked {
                        if let (Some(c), Some(s)) = (cur, start) {
                            push(c, s);
                        }
                    }
                    cur = start;
                }
            }
        }
    }
}

/// A table found from ruling lines.
#[derive(Debug, Clone)]
struct RuledTable {
    top: f64,
    bottom: f64,
    left: f64,
    right: f64,
    rows: Vec<Vec<String>>,
}

/// Sorted distinct values, merging those closer than `tol`.
fn cluster(mut v: Vec<f64>, tol: f64) -> Vec<f64> {
    v.sort_by(|a, b| a.total_cmp(b));
    let mut out: Vec<f64> = Vec::new();
    for x in v {
        match out.last() {
            Some(l) if x - l < tol => {}
            _ => out.push(x),
        }
    }
    out
}

/// Tables drawn with borders: runs of horizontal rules joined by at least
/// two vertical rules. Each band between two horizontal rules is a row,
/// each interval between vertical rules a column; glyphs go to the cell
/// holding their centre.
fn ruled_tables(page: &Page) -> Vec<RuledTable> {
    let hs: Vec<(f64, f64, f64)> = page
        .rules
        .iter()
        .filter_map(|r| match *r {
            Rule::H(y, a, b) => Some((y, a, b)),
            _ => None,
        })
        .collect();
    let vs: Vec<(f64, f64, f64)> = page
        .rules
        .iter()
        .filter_map(|r| match *r {
            Rule::V(x, a, b) => Some((x, a, b)),
            _ => None,
        })
        .collect();
    if hs.len() < 2 || vs.len() < 2 || hs.len() > 5000 || vs.len() > 5000 {
        return Vec::new();
    }
    let ys = cluster(hs.iter().map(|h| h.0).collect(), 1.5);
    // Vertical rules spanning the band between two horizontal lines.
    let crossing = |y0: f64, y1: f64| -> Vec<f64> {
        cluster(
            vs.iter()
                .filter(|v| v.1 <= y0 + 1.5 && v.2 >= y1 - 1.5)
                .map(|v| v.0)
                .collect(),
            1.5,
        )
    };
    let mut tables = Vec::new();
    let mut i = 0;
    while i + 1 < ys.len() {
        let mut j = i;
        while j + 1 < ys.len() && crossing(ys[j], ys[j + 1]).len() >= 2 {
            j += 1;
        }
        if j > i {
            let bands: Vec<(f64, f64)> = (i..j).map(|k| (ys[k], ys[k + 1])).collect();
            let xs = cluster(
                bands.iter().flat_map(|&(a, b)| crossing(a, b)).collect(),
                1.5,
            );
            // Bounded work: a page of hairlines is not a table worth reading.
            if (xs.len() >= 3 || bands.len() >= 2) && bands.len() * xs.len() <= 20_000 {
                let mut rows = Vec::new();
                for &(y0, y1) in &bands {
                    let mut row = Vec::new();
                    for w in xs.windows(2) {
                        let inside: Vec<&Glyph> = page
                            .glyphs
                            .iter()
                            .filter(|g| {
                                let cx = (g.x + g.end.max(g.x)) / 2.0;
                                let cy = g.y - g.size * 0.35;
                                cx > w[0] && cx < w[1] && cy > y0 && cy < y1
                            })
                            .collect();
                        row.push(cell_text(inside));
                    }
                    rows.push(row);
                }
                tables.push(RuledTable {
                    top: ys[i],
                    bottom: ys[j],
                    left: xs[0],
                    right: xs[xs.len() - 1],
                    rows,
                });
            }
        }
        i = j.max(i + 1);
    }
    tables
}

/// The text of one table cell: its glyphs in lines, joined without spaces
/// between Chinese characters.
fn cell_text(glyphs: Vec<&Glyph>) -> String {
    let page = Page {
        width: 0.0,
        height: 0.0,
        glyphs: glyphs.into_iter().cloned().collect(),
        rules: Vec::new(),
    };
    let lines: Vec<String> = page_lines(&page).iter().map(Line::text).collect();
    let parts: Vec<&str> = lines.iter().map(String::as_str).collect();
    join_lines(&parts)
}

/// Reads a PDF's text layer into blocks.
pub fn read(bytes: &[u8]) -> Result<Vec<Block>, FormatError> {
    let pages = catch_unwind(AssertUnwindSafe(|| collect(bytes))).map_err(|_| {
        FormatError::PdfBroken("the PDF reader could not interpret this file".to_string())
    })??;
    let n_pages = pages.len();
    let has_text = pages
        .iter()
        .any(|p| p.glyphs.iter().any(|g| !g.text.trim().is_empty()));
    if !has_text {
        return Err(FormatError::PdfNoText { pages: n_pages });
    }
    Ok(layout(pages))
}

fn collect(bytes: &[u8]) -> Result<Vec<Page>, FormatError> {
    let mut doc = pdf_extract::Document::load_mem(bytes)
        .map_err(|e| FormatError::PdfBroken(e.to_string()))?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(FormatError::PdfEncrypted);
    }
    let mut out = Collector::default();
    pdf_extract::output_doc(&doc, &mut out).map_err(|e| match e {
        OutputError::PdfError(pdf_extract::Error::Decryption(_)) => FormatError::PdfEncrypted,
        e => FormatError::PdfBroken(e.to_string()),
    })?;
    Ok(out.pages)
}

/// A line of a page: glyphs on one baseline, left to right.
#[derive(Debug, Clone)]
struct Line {
    /// Pieces separated by wide gaps (table columns); usually one.
    cells: Vec<String>,
    /// A ruled table standing in this place instead of a line of text.
    table: Option<Vec<Vec<String>>>,
    x: f64,
    end: f64,
    y: f64,
    size: f64,
}

impl Line {
    fn text(&self) -> String {
        let parts: Vec<&str> = self.cells.iter().map(String::as_str).collect();
        join_lines(&parts)
    }
}

fn page_lines(page: &Page) -> Vec<Line> {
    let mut glyphs: Vec<&Glyph> = page.glyphs.iter().collect();
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    // Group by baseline.
    let mut rows: Vec<Vec<&Glyph>> = Vec::new();
    for g in glyphs {
        match rows.last_mut() {
            Some(r) if (r[0].y - g.y).abs() <= r[0].size.max(g.size) * 0.4 => r.push(g),
            _ => rows.push(vec![g]),
        }
    }
    let mut lines = Vec::new();
    for mut r in rows {
        r.sort_by(|a, b| a.x.total_cmp(&b.x));
        let size = median(r.iter().map(|g| g.size).collect()).unwrap_or(10.0);
        let mut cells: Vec<String> = vec![String::new()];
        let mut last_end: Option<f64> = None;
        let mut last_char: Option<char> = None;
        for g in &r {
            if let Some(e) = last_end {
                let gap = g.x - e;
                if gap > size * 2.5 {
                    cells.push(String::new());
                } else if gap > size * 0.2 {
                    let next = g.text.chars().next();
                    if let (Some(a), Some(b)) = (last_char, next) {
                        if !super::is_cjk(a) && !super::is_cjk(b) && a != ' ' && b != ' ' {
                            if let Some(c) = cells.last_mut() {
                                c.push(' ');
                            }
                        }
                    }
                }
            }
            if let Some(c) = cells.last_mut() {
                c.push_str(&g.text);
            }
            last_char = g.text.chars().last();
            last_end = Some(g.end.max(g.x));
        }
        let cells: Vec<String> = cells
            .into_iter()
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty())
            .collect();
        if cells.is_empty() {
            continue;
        }
        lines.push(Line {
            cells,
            table: None,
            x: r.first().map(|g| g.x).unwrap_or(0.0),
            end: r.iter().map(|g| g.end.max(g.x)).fold(0.0, f64::max),
            y: r[0].y,
            size,
        });
    }
    lines
}

fn median(mut v: Vec<f64>) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(|a, b| a.total_cmp(b));
    Some(v[v.len() / 2])
}

/// Whether a line is only a page number: `3`, `- 3 -`, `— 3 —`, `第3页`,
/// `第 3 页 共 9 页`, `3/9`, `Page 3`.
fn is_page_number(s: &str) -> bool {
    let t: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    if t.is_empty() || t.chars().count() > 14 || !t.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let t = t.to_lowercase();
    let t = t.trim_start_matches("page");
    t.chars().all(|c| {
        c.is_ascii_digit()
            || matches!(
                c,
                '-' | '—'
                    | '–'
                    | '－'
                    | '_'
                    | '·'
                    | '•'
                    | '/'
                    | '第'
                    | '页'
                    | '共'
                    | '('
                    | ')'
                    | '（'
                    | '）'
                    | '.'
                    | '|'
                    | ','
            )
    })
}

fn furniture_key(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

/// Lays out all pages as blocks.
/// A page's lines with its ruled tables in their places.
fn page_items(page: &Page) -> Vec<Line> {
    let tables = ruled_tables(page);
    if tables.is_empty() {
        return page_lines(page);
    }
    let outside = Page {
        width: page.width,
        height: page.height,
        glyphs: page
            .glyphs
            .iter()
            .filter(|g| {
                let cx = (g.x + g.end.max(g.x)) / 2.0;
                let cy = g.y - g.size * 0.35;
                !tables
                    .iter()
                    .any(|t| cx > t.left && cx < t.right && cy > t.top && cy < t.bottom)
            })
            .cloned()
            .collect(),
        rules: Vec::new(),
    };
    let mut items = page_lines(&outside);
    for t in tables {
        items.push(Line {
            cells: Vec::new(),
            table: Some(t.rows),
            x: t.left,
            end: t.right,
            y: t.top,
            size: 0.0,
        });
    }
    items.sort_by(|a, b| a.y.total_cmp(&b.y));
    items
}

fn layout(pages: Vec<Page>) -> Vec<Block> {
    let per_page: Vec<(f64, f64, Vec<Line>)> = pages
        .iter()
        .map(|p| (p.width, p.height, page_items(p)))
        .collect();
    // Lines in the top or bottom band that repeat on half the pages.
    let band = |h: f64, y: f64| y < h * 0.1 || y > h * 0.9;
    let mut counts: HashMap<String, usize> = HashMap::new();
    for (_, h, lines) in &per_page {
        let mut seen = std::collections::HashSet::new();
        for l in lines.iter().filter(|l| band(*h, l.y) && l.table.is_none()) {
            let k = furniture_key(&l.text());
            if seen.insert(k.clone()) {
                *counts.entry(k).or_default() += 1;
            }
        }
    }
    let repeat_min = (per_page.len() / 2).max(2);
    let mut kept: Vec<(f64, f64, Vec<Line>)> = Vec::new();
    for (w, h, lines) in per_page {
        let lines: Vec<Line> = lines
            .into_iter()
            .filter(|l| {
                if !band(h, l.y) || l.table.is_some() {
                    return true;
                }
                let t = l.text();
                !(is_page_number(&t)
                    || counts.get(&furniture_key(&t)).copied().unwrap_or(0) >= repeat_min)
            })
            .collect();
        kept.push((w, h, lines));
    }
    // Margins of the body text over the whole document.
    let all: Vec<&Line> = kept
        .iter()
        .flat_map(|(_, _, l)| l.iter())
        .filter(|l| l.table.is_none())
        .collect();
    let left = median(all.iter().map(|l| l.x).collect()).unwrap_or(0.0);
    // The right margin: where most lines end (a few overlong lines of Latin
    // text or tables must not move it).
    let right = {
        let mut ends: Vec<f64> = all.iter().map(|l| l.end).collect();
        ends.sort_by(|a, b| a.total_cmp(b));
        ends.get(ends.len() * 9 / 10).copied().unwrap_or(0.0)
    };
    let body_size = median(all.iter().map(|l| l.size).collect()).unwrap_or(10.0);

    let mut blocks: Vec<Block> = Vec::new();
    let mut para: Vec<String> = Vec::new();
    let mut table: Vec<Vec<String>> = Vec::new();
    let mut prev: Option<(Line, bool)> = None; // (line, first line of its page)
    let flush_para = |para: &mut Vec<String>, blocks: &mut Vec<Block>| {
        if !para.is_empty() {
            let parts: Vec<&str> = para.iter().map(String::as_str).collect();
            blocks.push(Block::Paragraph(join_lines(&parts)));
            para.clear();
        }
    };
    let flush_table = |table: &mut Vec<Vec<String>>, blocks: &mut Vec<Block>| {
        match table.len() {
            0 => {}
            1 => blocks.push(Block::Paragraph(table[0].join(" "))),
            _ => blocks.push(Block::Table(std::mem::take(table))),
        }
        table.clear();
    };
    for (_, _, lines) in kept {
        let mut first = true;
        for line in lines {
            if let Some(rows) = &line.table {
                flush_para(&mut para, &mut blocks);
                flush_table(&mut table, &mut blocks);
                blocks.push(Block::Table(rows.clone()));
                prev = None;
                first = false;
                continue;
            }
            let is_row = line.cells.len() >= 3;
            if is_row {
                flush_para(&mut para, &mut blocks);
                if table.last().is_some_and(|r| r.len() != line.cells.len()) {
                    flush_table(&mut table, &mut blocks);
                }
                table.push(line.cells.clone());
                prev = Some((line, first));
                first = false;
                continue;
            }
            flush_table(&mut table, &mut blocks);
            let size = line.size.max(1.0);
            let starts_new = match &prev {
                None => true,
                Some((p, _)) => {
                    let indented = line.x > left + size * 1.2;
                    // Line-breaking rules (a quote or bracket may not end a
                    // line) and half-width characters leave full lines up to
                    // about three characters short.
                    let short_prev = p.end < right - body_size.max(size) * 3.0;
                    let chars: Vec<char> = line.text().chars().collect();
                    let marker = crate::structure::markers::marker_at(&chars, 0).is_some();
                    let gap = if first {
                        0.0
                    } else {
                        line.y - p.y - p.size.max(size) * 1.9
                    };
                    let size_change = (p.size - size).abs() > body_size * 0.15;
                    indented
                        || marker
                        || short_prev
                        || gap > 0.0
                        || size_change
                        || p.cells.len() > 1
                }
            };
            if starts_new {
                flush_para(&mut para, &mut blocks);
            }
            para.push(line.text());
            prev = Some((line, first));
            first = false;
        }
    }
    flush_table(&mut table, &mut blocks);
    flush_para(&mut para, &mut blocks);
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyphs(text: &str, x: f64, y: f64, size: f64) -> Vec<Glyph> {
        text.chars()
            .enumerate()
            .map(|(i, c)| Glyph {
                x: x + i as f64 * size,
                y,
                end: x + (i + 1) as f64 * size,
                size,
                text: c.to_string(),
            })
            .collect()
    }

    fn page(lines: &[(&str, f64, f64)]) -> Page {
        Page {
            width: 600.0,
            height: 800.0,
            glyphs: lines
                .iter()
                .flat_map(|(t, x, y)| glyphs(t, *x, *y, 10.0))
                .collect(),
            rules: Vec::new(),
        }
    }

    fn paragraphs(b: &[Block]) -> Vec<String> {
        b.iter()
            .map(|b| match b {
                Block::Paragraph(p) => p.clone(),
                Block::Table(t) => format!("{t:?}"),
            })
            .collect()
    }

    #[test]
    fn lines_rejoin_and_furniture_goes() {
        let full = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十";
        let p1 = page(&[
            ("某市科技局文件", 100.0, 40.0),
            ("一、总体要求", 100.0, 100.0),
            (full, 120.0, 120.0),
            ("科技创新。", 100.0, 135.0),
            ("- 1 -", 280.0, 760.0),
        ]);
        let p2 = page(&[
            ("某市科技局文件", 100.0, 40.0),
            (full, 120.0, 100.0),
            (full, 100.0, 115.0),
            ("- 2 -", 280.0, 760.0),
        ]);
        let p3 = page(&[("某市科技局文件", 100.0, 40.0), ("完。", 100.0, 100.0)]);
        let b = layout(vec![p1, p2, p3]);
        assert_eq!(
            paragraphs(&b),
            [
                "一、总体要求".to_string(),
                format!("{full}科技创新。"),
                format!("{full}{full}完。"),
            ]
        );
    }

    #[test]
    fn wide_columns_make_a_table() {
        let p = page(&[
            ("主要指标", 100.0, 100.0),
            ("指标", 100.0, 120.0),
            ("单位", 300.0, 120.0),
            ("2025年", 400.0, 120.0),
            ("研发投入强度", 100.0, 135.0),
            ("%", 300.0, 135.0),
            ("3.0", 400.0, 135.0),
        ]);
        let b = layout(vec![p]);
        assert_eq!(b[0], Block::Paragraph("主要指标".into()));
        assert_eq!(
            b[1],
            Block::Table(vec![
                vec!["指标".into(), "单位".into(), "2025年".into()],
                vec!["研发投入强度".into(), "%".into(), "3.0".into()],
            ])
        );
    }

    #[test]
    fn page_numbers() {
        for s in [
            "3",
            "- 3 -",
            "—3—",
            "第3页",
            "第 3 页 共 9 页",
            "3/9",
            "Page 3",
        ] {
            assert!(is_page_number(s), "{s}");
        }
        for s in ["2025年", "一、总体要求", "3家", ""] {
            assert!(!is_page_number(s), "{s}");
        }
    }

    #[test]
    fn garbage_is_an_error() {
        assert!(matches!(
            read(b"%PDF-1.4\nnonsense"),
            Err(FormatError::PdfBroken(_))
        ));
        assert!(read(b"").is_err());
    }
}
