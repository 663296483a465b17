//! `.docx` (Office Open XML) reading: paragraphs in order, automatic list
//! numbering turned back into text markers, tables as rows of cells.
//!
//! Word often stores a heading's `一、` or `（一）` or `1.` as list numbering
//! (`w:numPr` pointing into `word/numbering.xml`, directly or through the
//! paragraph style) rather than as text. The structure parser needs the
//! marker in the text, so each numbered paragraph gets its marker rebuilt
//! from the level's number format and text pattern (`%1、`, `（%1）`, `%1.%2`),
//! with counters kept per list the way Word does. Deleted revisions, field
//! instructions and the fallback copies of text boxes are skipped.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use quick_xml::XmlVersion;

use super::{Block, FormatError, MAX_UNPACKED_BYTES};
use crate::structure::markers::chinese_number;

/// Reads a `.docx` file into blocks.
pub fn read(bytes: &[u8]) -> Result<Vec<Block>, FormatError> {
    if !bytes.starts_with(b"PK") {
        let what = match crate::decode::decode_bytes(bytes) {
            Ok(_) => "it is plain text with a .docx name".to_string(),
            Err(e) => format!("it is not a ZIP container ({e})"),
        };
        return Err(FormatError::NotDocx(what));
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| FormatError::CorruptZip(e.to_string()))?;
    let document = read_part(&mut zip, "word/document.xml")?.ok_or_else(|| {
        let names: Vec<String> = zip
            .file_names()
            .take(3)
            .flatten()
            .map(|n| n.to_string())
            .collect();
        FormatError::NotDocx(format!(
            "the ZIP archive has no word/document.xml (it holds {})",
            if names.is_empty() {
                "nothing".to_string()
            } else {
                names.join(", ")
            }
        ))
    })?;
    let numbering = match read_part(&mut zip, "word/numbering.xml")? {
        Some(x) => parse_numbering(&x)?,
        None => Numbering::default(),
    };
    let styles = match read_part(&mut zip, "word/styles.xml")? {
        Some(x) => parse_styles(&x)?,
        None => HashMap::new(),
    };
    parse_document(&document, &numbering, &styles)
}

fn read_part(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, FormatError> {
    let mut file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(FormatError::CorruptZip(format!("{name}: {e}"))),
    };
    if file.size() > MAX_UNPACKED_BYTES {
        return Err(FormatError::TooLargeUnpacked {
            what: name.to_string(),
            size: file.size(),
        });
    }
    let mut buf = Vec::new();
    (&mut file)
        .take(MAX_UNPACKED_BYTES + 1)
        .read_to_end(&mut buf)
        .map_err(|e| FormatError::CorruptZip(format!("{name}: {e}")))?;
    if buf.len() as u64 > MAX_UNPACKED_BYTES {
        return Err(FormatError::TooLargeUnpacked {
            what: name.to_string(),
            size: buf.len() as u64,
        });
    }
    String::from_utf8(buf)
        .map(Some)
        .map_err(|e| FormatError::DocxXml(format!("{name} is not UTF-8: {e}")))
}

/// One list level's definition.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Level {
    start: u32,
    fmt: String,
    text: String,
}

/// `word/numbering.xml`: abstract lists and the concrete lists using them.
#[derive(Debug, Default)]
struct Numbering {
    /// abstractNumId → levels by ilvl.
    abstracts: HashMap<String, HashMap<u8, Level>>,
    /// numId → (abstractNumId, start overrides by ilvl).
    nums: HashMap<String, (String, HashMap<u8, u32>)>,
}

fn local(name: &str) -> &str {
    match name.rfind(':') {
        Some(i) => &name[i + 1..],
        None => name,
    }
}

fn attr(e: &BytesStart<'_>, key: &str) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (local(a.key.as_ref()) == key).then(|| {
            a.normalized_value(XmlVersion::Implicit1_0)
                .map(|v| v.into_owned())
                .unwrap_or_else(|_| a.value.to_string())
        })
    })
}

fn xml_error(part: &str, r: &Reader<&[u8]>, e: impl std::fmt::Display) -> FormatError {
    FormatError::DocxXml(format!("{part}: {e} at byte {}", r.buffer_position()))
}

fn parse_numbering(xml: &str) -> Result<Numbering, FormatError> {
    let mut r = Reader::from_str(xml);
    let mut n = Numbering::default();
    let mut abs: Option<String> = None;
    let mut num: Option<String> = None;
    let mut lvl: Option<(u8, Level)> = None;
    let mut override_lvl: Option<u8> = None;
    loop {
        let ev = r
            .read_event()
            .map_err(|e| xml_error("numbering.xml", &r, e))?;
        match ev {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(ev, Event::Empty(_));
                match local(e.name().as_ref()) {
                    "abstractNum" if !empty => abs = attr(e, "abstractNumId"),
                    "num" if !empty => num = attr(e, "numId"),
                    "lvl" if !empty => {
                        let i = attr(e, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                        lvl = Some((
                            i,
                            Level {
                                start: 1,
                                ..Level::default()
                            },
                        ));
                    }
                    "lvlOverride" if !empty => {
                        override_lvl = attr(e, "ilvl").and_then(|v| v.parse().ok())
                    }
                    "start" => {
                        if let (Some((_, l)), Some(v)) = (lvl.as_mut(), attr(e, "val")) {
                            l.start = v.parse().unwrap_or(1);
                        }
                    }
                    "numFmt" => {
                        if let (Some((_, l)), Some(v)) = (lvl.as_mut(), attr(e, "val")) {
                            l.fmt = v;
                        }
                    }
                    "lvlText" => {
                        if let (Some((_, l)), Some(v)) = (lvl.as_mut(), attr(e, "val")) {
                            l.text = v;
                        }
                    }
                    "abstractNumId" => {
                        if let (Some(id), Some(v)) = (num.as_ref(), attr(e, "val")) {
                            n.nums.entry(id.clone()).or_default().0 = v;
                        }
                    }
                    "startOverride" => {
                        if let (Some(id), Some(i), Some(v)) =
                            (num.as_ref(), override_lvl, attr(e, "val"))
                        {
                            let s = v.parse().unwrap_or(1);
                            n.nums.entry(id.clone()).or_default().1.insert(i, s);
                        }
                    }
                    _ => {}
                }
            }
            Event::End(ref e) => match local(e.name().as_ref()) {
                "lvl" => {
                    // Levels inside a lvlOverride belong to the num, not the
                    // abstract list; they are rare and ignored.
                    if let (Some(a), Some((i, l))) = (abs.as_ref(), lvl.take()) {
                        if num.is_none() {
                            n.abstracts.entry(a.clone()).or_default().insert(i, l);
                        }
                    }
                }
                "abstractNum" => abs = None,
                "num" => num = None,
                "lvlOverride" => override_lvl = None,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(n)
}

/// Paragraph styles that carry numbering: styleId → (numId, ilvl).
type StyleNumbering = HashMap<String, (Option<String>, Option<u8>, Option<String>)>;

fn parse_styles(xml: &str) -> Result<StyleNumbering, FormatError> {
    let mut r = Reader::from_str(xml);
    let mut out: StyleNumbering = HashMap::new();
    let mut style: Option<String> = None;
    loop {
        let ev = r.read_event().map_err(|e| xml_error("styles.xml", &r, e))?;
        match ev {
            Event::Start(ref e) | Event::Empty(ref e) => match local(e.name().as_ref()) {
                "style" if matches!(ev, Event::Start(_)) => style = attr(e, "styleId"),
                "basedOn" => {
                    if let (Some(s), Some(v)) = (style.as_ref(), attr(e, "val")) {
                        out.entry(s.clone()).or_default().2 = Some(v);
                    }
                }
                "numId" => {
                    if let (Some(s), Some(v)) = (style.as_ref(), attr(e, "val")) {
                        out.entry(s.clone()).or_default().0 = Some(v);
                    }
                }
                "ilvl" => {
                    if let (Some(s), Some(v)) = (style.as_ref(), attr(e, "val")) {
                        out.entry(s.clone()).or_default().1 = v.parse().ok();
                    }
                }
                _ => {}
            },
            Event::End(ref e) if local(e.name().as_ref()) == "style" => style = None,
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// Numbering of a paragraph style, following `basedOn` a few steps.
fn style_numbering(styles: &StyleNumbering, id: &str) -> (Option<String>, Option<u8>) {
    let mut cur = Some(id.to_string());
    let (mut num, mut lvl) = (None, None);
    for _ in 0..8 {
        let Some(s) = cur.take().and_then(|c| styles.get(&c)) else {
            break;
        };
        num = num.or_else(|| s.0.clone());
        lvl = lvl.or(s.1);
        cur = s.2.clone();
    }
    (num, lvl)
}

/// Running list counters, per abstract list.
#[derive(Default)]
struct Counters {
    by_list: HashMap<String, [Option<u32>; 9]>,
    started_nums: std::collections::HashSet<String>,
}

impl Counters {
    /// The marker for the next paragraph of list `num_id` at `ilvl`, or
    /// `None` when the list is unknown, a bullet, or unnumbered.
    fn next(&mut self, n: &Numbering, num_id: &str, ilvl: u8) -> Option<String> {
        if num_id == "0" {
            return None;
        }
        let (abs_id, overrides) = n.nums.get(num_id)?;
        let levels = n.abstracts.get(abs_id)?;
        let ilvl = ilvl.min(8);
        let level = levels.get(&ilvl)?;
        let counters = self.by_list.entry(abs_id.clone()).or_insert([None; 9]);
        if self.started_nums.insert(num_id.to_string()) {
            for (i, s) in overrides {
                if let Some(c) = counters.get_mut(*i as usize) {
                    *c = s.checked_sub(1);
                }
            }
        }
        let i = ilvl as usize;
        counters[i] = Some(match counters[i] {
            Some(c) => c.saturating_add(1),
            None => level.start,
        });
        for c in counters.iter_mut().skip(i + 1) {
            *c = None;
        }
        if level.fmt == "bullet" || level.fmt == "none" {
            return None;
        }
        let mut out = String::new();
        let mut chars = level.text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '%' {
                if let Some(d) = chars.peek().and_then(|d| d.to_digit(10)) {
                    chars.next();
                    let k = (d as usize).saturating_sub(1).min(8);
                    let fmt = levels
                        .get(&(k as u8))
                        .map(|l| l.fmt.as_str())
                        .unwrap_or("decimal");
                    let v = counters[k]
                        .unwrap_or_else(|| levels.get(&(k as u8)).map(|l| l.start).unwrap_or(1));
                    out.push_str(&format_number(v, fmt));
                    continue;
                }
            }
            out.push(c);
        }
        Some(out)
    }
}

/// Formats a list counter in a Word number format.
fn format_number(n: u32, fmt: &str) -> String {
    const CIRCLED: &str = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";
    const STEMS: &str = "甲乙丙丁戊己庚辛壬癸";
    const BRANCHES: &str = "子丑寅卯辰巳午未申酉戌亥";
    match fmt {
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand"
        | "ideographDigital" => chinese_number(n),
        "chineseLegalSimplified" => chinese_number(n)
            .chars()
            .map(|c| match c {
                '一' => '壹',
                '二' => '贰',
                '三' => '叁',
                '四' => '肆',
                '五' => '伍',
                '六' => '陆',
                '七' => '柒',
                '八' => '捌',
                '九' => '玖',
                '十' => '拾',
                '百' => '佰',
                '千' => '仟',
                o => o,
            })
            .collect(),
        "ideographTraditional" => cyclic(STEMS, n),
        "ideographZodiac" => cyclic(BRANCHES, n),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            CIRCLED
                .chars()
                .nth(n as usize - 1)
                .map(String::from)
                .unwrap_or_default()
        }
        "decimalEnclosedParen" => format!("({n})"),
        "decimalEnclosedFullstop" => format!("{n}."),
        "decimalZero" if n < 10 => format!("0{n}"),
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c))
            .collect(),
        "upperLetter" => letters(n, b'A'),
        "lowerLetter" => letters(n, b'a'),
        "upperRoman" => roman(n),
        "lowerRoman" => roman(n).to_lowercase(),
        _ => n.to_string(),
    }
}

fn cyclic(set: &str, n: u32) -> String {
    let v: Vec<char> = set.chars().collect();
    let i = (n.max(1) as usize - 1) % v.len();
    v[i].to_string()
}

fn letters(n: u32, base: u8) -> String {
    if n > 26 * 8 {
        return n.to_string();
    }
    let n = n.max(1) - 1;
    let c = (base + (n % 26) as u8) as char;
    std::iter::repeat_n(c, (n / 26) as usize + 1).collect()
}

fn roman(mut n: u32) -> String {
    if n == 0 || n >= 4000 {
        return n.to_string();
    }
    const T: &[(u32, &str)] = &[
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for &(v, r) in T {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

/// A paragraph being read.
#[derive(Default)]
struct Para {
    text: String,
    num_id: Option<String>,
    ilvl: Option<u8>,
    style: Option<String>,
}

/// Reading state for tables, which may nest.
struct TableFrame {
    rows: Vec<Vec<String>>,
    cell: Option<Vec<String>>,
    /// Grid columns the open cell spans (`w:gridSpan`).
    span: usize,
}

fn parse_document(
    xml: &str,
    numbering: &Numbering,
    styles: &StyleNumbering,
) -> Result<Vec<Block>, FormatError> {
    let mut r = Reader::from_str(xml);
    let mut blocks = Vec::new();
    let mut counters = Counters::default();
    let mut tables: Vec<TableFrame> = Vec::new();
    // Paragraphs being read; a text box inside a paragraph nests another.
    let mut paras: Vec<Para> = Vec::new();
    let mut in_text = false;
    // Depth inside content that is not shown: deleted runs, field
    // instructions, Fallback copies of text boxes.
    let mut hidden = 0usize;
    let mut in_ppr = false;
    loop {
        let ev = r
            .read_event()
            .map_err(|e| xml_error("document.xml", &r, e))?;
        match ev {
            Event::Start(ref e) => {
                let name = local(e.name().as_ref()).to_string();
                if hidden > 0 {
                    if matches!(name.as_str(), "del" | "instrText" | "Fallback" | "delText") {
                        hidden += 1;
                    }
                    continue;
                }
                match name.as_str() {
                    "del" | "instrText" | "Fallback" | "delText" => hidden += 1,
                    "tbl" => tables.push(TableFrame {
                        rows: Vec::new(),
                        cell: None,
                        span: 1,
                    }),
                    "tr" => {
                        if let Some(t) = tables.last_mut() {
                            t.rows.push(Vec::new());
                        }
                    }
                    "tc" => {
                        if let Some(t) = tables.last_mut() {
                            t.cell = Some(Vec::new());
                            t.span = 1;
                        }
                    }
                    "p" if paras.len() < 64 => paras.push(Para::default()),
                    "pPr" => in_ppr = true,
                    "t" => in_text = true,
                    _ => {}
                }
            }
            Event::Empty(ref e) => {
                if hidden > 0 {
                    continue;
                }
                if local(e.name().as_ref()) == "gridSpan" {
                    if let Some(t) = tables.last_mut() {
                        t.span = attr(e, "val")
                            .and_then(|v| v.parse().ok())
                            .unwrap_or(1)
                            .clamp(1, 64);
                    }
                    continue;
                }
                let Some(p) = paras.last_mut() else { continue };
                match local(e.name().as_ref()) {
                    "tab" if !in_ppr => p.text.push('\t'),
                    "br" | "cr" => p.text.push('\n'),
                    "numId" if in_ppr => p.num_id = attr(e, "val"),
                    "ilvl" if in_ppr => p.ilvl = attr(e, "val").and_then(|v| v.parse().ok()),
                    "pStyle" if in_ppr => p.style = attr(e, "val"),
                    "noBreakHyphen" => p.text.push('-'),
                    "sym" => {
                        if let Some(c) = attr(e, "char")
                            .and_then(|h| u32::from_str_radix(&h, 16).ok())
                            .and_then(char::from_u32)
                            .filter(|c| !('\u{E000}'..='\u{F8FF}').contains(c))
                        {
                            p.text.push(c);
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(ref t) if in_text && hidden == 0 => {
                if let Some(p) = paras.last_mut() {
                    p.text.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(ref g) if in_text && hidden == 0 => {
                if let Some(p) = paras.last_mut() {
                    if let Some(c) = resolve_entity(g) {
                        p.text.push(c);
                    }
                }
            }
            Event::CData(ref t) if in_text && hidden == 0 => {
                if let Some(p) = paras.last_mut() {
                    p.text.push_str(&t.xml10_content());
                }
            }
            Event::End(ref e) => {
                let name = local(e.name().as_ref()).to_string();
                if hidden > 0 {
                    if matches!(name.as_str(), "del" | "instrText" | "Fallback" | "delText") {
                        hidden -= 1;
                    }
                    continue;
                }
                match name.as_str() {
                    "t" => in_text = false,
                    "pPr" => in_ppr = false,
                    "p" => {
                        if let Some(p) = paras.pop() {
                            let text = finish_paragraph(p, numbering, styles, &mut counters);
                            match tables.last_mut().and_then(|t| t.cell.as_mut()) {
                                Some(cell) => cell.push(text),
                                None => {
                                    for line in text.split('\n') {
                                        blocks.push(Block::Paragraph(line.to_string()));
                                    }
                                }
                            }
                        }
                    }
                    "tc" => {
                        if let Some(t) = tables.last_mut() {
                            let cell = t.cell.take().unwrap_or_default();
                            let joined: Vec<&str> = cell.iter().map(|s| s.trim()).collect();
                            let joined = super::join_lines(&joined);
                            // A merged cell fills the grid columns it spans.
                            let cells = std::iter::once(joined)
                                .chain(std::iter::repeat_n(String::new(), t.span - 1));
                            match t.rows.last_mut() {
                                Some(row) => row.extend(cells),
                                None => t.rows.push(cells.collect()),
                            }
                        }
                    }
                    "tbl" => {
                        if let Some(t) = tables.pop() {
                            match tables.last_mut().and_then(|o| o.cell.as_mut()) {
                                // A table inside a cell: its rows become lines of the cell.
                                Some(cell) => {
                                    for row in t.rows {
                                        cell.push(row.join(" "));
                                    }
                                }
                                None => blocks.push(Block::Table(t.rows)),
                            }
                        }
                    }
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(blocks)
}

fn resolve_entity(g: &quick_xml::events::BytesRef<'_>) -> Option<char> {
    if let Ok(Some(c)) = g.resolve_char_ref() {
        return Some(c);
    }
    match g.as_ref() {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    }
}

fn finish_paragraph(
    p: Para,
    numbering: &Numbering,
    styles: &StyleNumbering,
    counters: &mut Counters,
) -> String {
    let (style_num, style_lvl) = p
        .style
        .as_deref()
        .map(|s| style_numbering(styles, s))
        .unwrap_or((None, None));
    let num_id = p.num_id.or(style_num);
    let ilvl = p.ilvl.or(style_lvl).unwrap_or(0);
    let pieces: Vec<&str> = p.text.split('\t').collect();
    let text = super::join_lines(&pieces);
    let marker = num_id.and_then(|id| counters.next(numbering, &id, ilvl));
    match marker {
        Some(m) if !text.trim().is_empty() => format!("{m}{}", text.trim_start()),
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NUMBERING: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
 <w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
 </w:abstractNum>
 <w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
 </w:abstractNum>
 <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
 <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
 <w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
</w:numbering>"#;

    fn para(num: Option<(u8, u8)>, text: &str) -> String {
        let ppr = num
            .map(|(id, l)| {
                format!(r#"<w:pPr><w:numPr><w:ilvl w:val="{l}"/><w:numId w:val="{id}"/></w:numPr></w:pPr>"#)
            })
            .unwrap_or_default();
        format!("<w:p>{ppr}<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
    }

    fn doc(body: &str) -> String {
        format!(
            r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
        )
    }

    fn texts(blocks: &[Block]) -> Vec<String> {
        blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph(p) => p.clone(),
                Block::Table(t) => format!("{t:?}"),
            })
            .collect()
    }

    #[test]
    fn numbering_becomes_markers() {
        let n = parse_numbering(NUMBERING).unwrap();
        let body = [
            para(Some((1, 0)), "总体要求"),
            para(Some((1, 1)), "指导思想"),
            para(Some((1, 1)), "主要目标"),
            para(Some((1, 2)), "到2025年,研发投入强度达到3%。"),
            para(None, "正文段落。"),
            para(Some((1, 0)), "重点任务"),
            para(Some((1, 1)), "强化创新平台"),
            para(Some((2, 0)), "项目符号不产生标记"),
        ]
        .concat();
        let b = parse_document(&doc(&body), &n, &HashMap::new()).unwrap();
        assert_eq!(
            texts(&b),
            [
                "一、总体要求",
                "（一）指导思想",
                "（二）主要目标",
                "1.到2025年,研发投入强度达到3%。",
                "正文段落。",
                "二、重点任务",
                "（一）强化创新平台",
                "项目符号不产生标记"
            ]
        );
    }

    #[test]
    fn start_override_and_unknown_lists() {
        let n = parse_numbering(NUMBERING).unwrap();
        let body = [
            para(Some((3, 0)), "保障措施"),
            para(Some((9, 0)), "未知列表"),
        ]
        .concat();
        let b = parse_document(&doc(&body), &n, &HashMap::new()).unwrap();
        assert_eq!(texts(&b), ["五、保障措施", "未知列表"]);
    }

    #[test]
    fn style_numbering_is_followed() {
        let n = parse_numbering(NUMBERING).unwrap();
        let styles = parse_styles(
            r#"<w:styles xmlns:w="x"><w:style w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
            <w:style w:styleId="H1b"><w:basedOn w:val="H1"/></w:style></w:styles>"#,
        )
        .unwrap();
        let body =
            r#"<w:p><w:pPr><w:pStyle w:val="H1b"/></w:pPr><w:r><w:t>发展基础</w:t></w:r></w:p>"#;
        let b = parse_document(&doc(body), &n, &styles).unwrap();
        assert_eq!(texts(&b), ["一、发展基础"]);
    }

    #[test]
    fn deleted_text_fields_and_tables() {
        let body = r#"<w:p><w:r><w:t>保留</w:t></w:r><w:del><w:r><w:delText>删除</w:delText></w:r></w:del>
            <w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:t>文字&amp;符号</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>单位</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:p><w:r><w:t>研发经费</w:t></w:r></w:p><w:p><w:r><w:t>投入强度</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>%</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#;
        let b = parse_document(&doc(body), &Numbering::default(), &HashMap::new()).unwrap();
        assert_eq!(b[0], Block::Paragraph("保留文字&符号".into()));
        assert_eq!(
            b[1],
            Block::Table(vec![
                vec!["指标".into(), "单位".into()],
                vec!["研发经费投入强度".into(), "%".into()]
            ])
        );
    }

    #[test]
    fn text_boxes_spans_and_tabs() {
        let body = r#"<w:p><w:r><w:t>一、</w:t></w:r><w:r><w:tab/><w:t>总体要求</w:t></w:r>
            <w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>
            <mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>
            <w:r><w:t>(续)</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>2025年</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>属性</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:p><w:r><w:t>目标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>增速</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>"#;
        let b = parse_document(&doc(body), &Numbering::default(), &HashMap::new()).unwrap();
        assert_eq!(
            texts(&b),
            [
                "文本框",
                "一、总体要求(续)",
                r#"[["2025年", "", "属性"], ["目标", "增速", ""]]"#
            ]
        );
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        assert!(matches!(read(b""), Err(FormatError::NotDocx(_))));
        assert!(matches!(
            read("一、总体要求".as_bytes()),
            Err(FormatError::NotDocx(_))
        ));
        assert!(matches!(
            read(b"PK\x03\x04garbage"),
            Err(FormatError::CorruptZip(_))
        ));
        assert!(parse_document(
            "<w:document><w:body><w:p>",
            &Numbering::default(),
            &HashMap::new()
        )
        .is_ok());
        assert!(parse_document("<a></b>", &Numbering::default(), &HashMap::new()).is_err());
    }

    #[test]
    fn number_formats() {
        assert_eq!(format_number(11, "chineseCounting"), "十一");
        assert_eq!(format_number(3, "ideographTraditional"), "丙");
        assert_eq!(format_number(2, "decimalEnclosedCircle"), "②");
        assert_eq!(format_number(4, "upperRoman"), "IV");
        assert_eq!(format_number(28, "lowerLetter"), "bb");
        assert_eq!(format_number(12, "decimalFullWidth"), "１２");
        assert_eq!(format_number(0, "ideographTraditional"), "甲");
    }
}
