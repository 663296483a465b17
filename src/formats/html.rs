//! HTML pages saved from government portals: the article text without
//! navigation, scripts and page chrome.
//!
//! The page is decoded with the charset it declares (`<meta charset>`, common
//! on portals: `gb2312`), or detected like a text file, then parsed with
//! `scraper` (html5ever, the browsers' parsing algorithm; nothing is ever
//! executed). Scripts, styles, forms, `nav`/`header`/`footer`/`aside` and
//! elements whose class or id names page chrome (menus, breadcrumbs, share
//! bars, footers) are dropped. The article is the element with the most
//! text outside links minus a penalty for link text, which prefers the
//! content container over the page body (full of menu links) and over a
//! single paragraph. A heading (`h1`) outside it is kept as the first line.
//!
//! Block elements and `<br>` end lines; whitespace from the source's line
//! wrapping is dropped next to Chinese characters. Data tables (no nested
//! tables, at least two rows with two cells) become [`Block::Table`] with
//! `rowspan`/`colspan` expanded so columns line up; layout tables are read
//! as ordinary containers.

use ego_tree::iter::Edge;
use encoding_rs::Encoding;
use scraper::{ElementRef, Html, Node};

use super::{is_cjk, Block, FormatError};
use crate::decode;

/// Elements never shown as text.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "head", "title", "meta", "link", "nav", "header",
    "footer", "aside", "form", "iframe", "object", "embed", "svg", "canvas", "select", "button",
    "input", "textarea", "map", "audio", "video",
];

/// Class or id words that mark page chrome.
const CHROME: &[&str] = &[
    "nav",
    "menu",
    "breadcrumb",
    "crumb",
    "footer",
    "header",
    "sidebar",
    "share",
    "login",
    "search",
    "copyright",
    "topbar",
    "banner",
    "toolbar",
    "print",
    "weizhi",
    "dqwz",
    "bshare",
    "jiathis",
    "related",
    "xgwz",
    "comment",
];

/// Block-level elements: they end the current line.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "tr",
    "section",
    "article",
    "main",
    "blockquote",
    "pre",
    "hr",
    "center",
    "body",
    "tbody",
    "thead",
    "tfoot",
    "caption",
    "figure",
    "figcaption",
    "address",
];

/// Reads an HTML page into blocks; also returns the encoding it was read as.
pub fn read(bytes: &[u8]) -> Result<(Vec<Block>, String), FormatError> {
    let (source, encoding) = decode_html(bytes)?;
    let doc = Html::parse_document(&source);
    let root = doc.root_element();
    let best = best_container(root).unwrap_or(root);
    let mut blocks = Vec::new();
    if !has_heading(best) {
        if let Some(title) = page_title(root, best) {
            blocks.push(Block::Paragraph(title));
        }
    }
    let mut line = Line::default();
    walk(best, &mut blocks, &mut line);
    // (`walk` flushes at every block end; this catches trailing inline text.)
    line.flush(&mut blocks);
    Ok((blocks, format!("HTML/{encoding}")))
}

/// Decodes with the declared charset, else by detection.
fn decode_html(bytes: &[u8]) -> Result<(String, String), FormatError> {
    if bytes.is_empty() {
        return Err(decode::DecodeError::Empty.into());
    }
    if let Some((enc, name)) = declared_charset(bytes) {
        // A declaration is a claim: trust it only if the bytes agree.
        if let Some(text) = enc.decode_without_bom_handling_and_without_replacement(
            bytes
                .strip_prefix(b"\xEF\xBB\xBF".as_slice())
                .unwrap_or(bytes),
        ) {
            return Ok((text.into_owned(), name.to_string()));
        }
    }
    let d = decode::decode_bytes(bytes)?;
    Ok((d.text, d.encoding.to_string()))
}

/// The declared encoding to decode with, and its name.
fn declared_charset(bytes: &[u8]) -> Option<(&'static Encoding, &'static str)> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let i = head.find("charset")?;
    let rest = head[i + "charset".len()..].trim_start_matches([' ', '=', '"', '\'']);
    let label: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    let enc = Encoding::for_label(label.as_bytes())?;
    // GB2312 and GBK pages are decoded as GB18030, their superset.
    Some(if enc == encoding_rs::GBK {
        (encoding_rs::GB18030, "GBK")
    } else {
        (enc, enc.name())
    })
}

fn tag(e: ElementRef<'_>) -> &str {
    e.value().name()
}

fn is_chrome(e: ElementRef<'_>) -> bool {
    if SKIP.contains(&tag(e)) {
        return true;
    }
    let v = e.value();
    if v.attr("hidden").is_some()
        || v.attr("style").is_some_and(|s| {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            s.to_ascii_lowercase().contains("display:none")
        })
    {
        return true;
    }
    let names = format!(
        "{} {}",
        v.attr("class").unwrap_or_default(),
        v.attr("id").unwrap_or_default()
    )
    .to_ascii_lowercase();
    names
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .any(|w| {
            CHROME
                .iter()
                .any(|c| w == *c || w.starts_with(c) && w.len() <= c.len() + 3)
        })
}

/// The element holding the article: most text outside links, minus a
/// penalty for link text; the deeper element wins a tie. One post-order pass
/// without recursion (pages may nest elements very deeply).
fn best_container(root: ElementRef<'_>) -> Option<ElementRef<'_>> {
    let mut best: Option<(i64, ElementRef<'_>)> = None;
    // (text outside links, text inside links) of each open element.
    let mut stack: Vec<(usize, usize)> = Vec::new();
    let mut skip = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(_) => {
                    let Some(e) = ElementRef::wrap(node) else {
                        continue;
                    };
                    if skip > 0 || is_chrome(e) {
                        skip += 1;
                    } else {
                        stack.push((0, 0));
                    }
                }
                Node::Text(t) if skip == 0 => {
                    if let Some(top) = stack.last_mut() {
                        top.0 += t.chars().filter(|c| !c.is_whitespace()).count();
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                let Some(e) = ElementRef::wrap(node) else {
                    continue;
                };
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let (mut text, mut link) = stack.pop().unwrap_or_default();
                if tag(e) == "a" {
                    link += text;
                    text = 0;
                }
                if text > 0
                    && matches!(
                        tag(e),
                        "div"
                            | "td"
                            | "article"
                            | "section"
                            | "main"
                            | "body"
                            | "center"
                            | "span"
                            | "font"
                    )
                {
                    let score = text as i64 - 2 * link as i64;
                    if best.is_none_or(|(b, _)| score > b) {
                        best = Some((score, e));
                    }
                }
                if let Some(parent) = stack.last_mut() {
                    parent.0 += text;
                    parent.1 += link;
                }
            }
        }
    }
    best.map(|(_, e)| e)
}

fn has_heading(e: ElementRef<'_>) -> bool {
    e.descendants()
        .filter_map(ElementRef::wrap)
        .any(|d| tag(d) == "h1")
}

/// The document title shown outside the article: the first `h1`, else the
/// first element whose class or id names a title (`title`, `biaoti`), not in
/// page chrome, not inside the article, 5–100 characters long.
fn page_title(root: ElementRef<'_>, article: ElementRef<'_>) -> Option<String> {
    let usable = |d: &ElementRef<'_>| {
        !d.ancestors().filter_map(ElementRef::wrap).any(is_chrome)
            && !d.ancestors().any(|a| a.id() == article.id())
    };
    let text_of = |d: ElementRef<'_>| {
        let mut line = Line::default();
        inline_text(d, &mut line);
        let t = line.finish();
        (5..=100).contains(&t.chars().count()).then_some(t)
    };
    let elements = || root.descendants().filter_map(ElementRef::wrap);
    elements()
        .filter(|d| tag(*d) == "h1" && usable(d))
        .find_map(text_of)
        .or_else(|| {
            elements()
                .filter(|d| {
                    let v = d.value();
                    let names = format!(
                        "{} {}",
                        v.attr("class").unwrap_or_default(),
                        v.attr("id").unwrap_or_default()
                    )
                    .to_ascii_lowercase();
                    (names.contains("title") || names.contains("biaoti")) && usable(d)
                })
                .find_map(text_of)
        })
}

/// The line being assembled.
#[derive(Default)]
struct Line {
    text: String,
    /// A whitespace run is pending between the text so far and what follows.
    space: bool,
}

impl Line {
    fn push(&mut self, s: &str) {
        for c in s.chars() {
            if c.is_whitespace() || c == '\u{a0}' || c == '\u{3000}' {
                self.space = true;
                continue;
            }
            if self.space {
                if let Some(last) = self.text.chars().last() {
                    if !is_cjk(last) && !is_cjk(c) {
                        self.text.push(' ');
                    }
                }
                self.space = false;
            }
            self.text.push(c);
        }
    }

    fn finish(&mut self) -> String {
        self.space = false;
        std::mem::take(&mut self.text)
    }

    fn flush(&mut self, blocks: &mut Vec<Block>) {
        let t = self.finish();
        if !t.trim().is_empty() {
            blocks.push(Block::Paragraph(t));
        }
    }
}

/// The text of an element on one line (cells, headings).
fn inline_text(e: ElementRef<'_>, line: &mut Line) {
    let mut skip = 0usize;
    for edge in e.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Text(t) if skip == 0 => line.push(t),
                Node::Element(_) => {
                    let Some(c) = ElementRef::wrap(node) else {
                        continue;
                    };
                    if skip > 0 || is_chrome(c) {
                        skip += 1;
                    } else if matches!(tag(c), "br" | "p" | "div" | "li") {
                        line.space = true;
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if ElementRef::wrap(node).is_some() && skip > 0 {
                    skip -= 1;
                }
            }
        }
    }
}

/// Lays out the article: block elements end lines, data tables become
/// table blocks, chrome is skipped.
fn walk(root: ElementRef<'_>, blocks: &mut Vec<Block>, line: &mut Line) {
    let is_block = |c: ElementRef<'_>| {
        let name = tag(c);
        BLOCK.contains(&name) || matches!(name, "td" | "th")
    };
    let mut skip = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Text(t) if skip == 0 => line.push(t),
                Node::Element(_) => {
                    let Some(c) = ElementRef::wrap(node) else {
                        continue;
                    };
                    if skip > 0 || is_chrome(c) {
                        skip += 1;
                        continue;
                    }
                    if tag(c) == "table" {
                        if let Some(rows) = data_table(c) {
                            line.flush(blocks);
                            blocks.push(Block::Table(rows));
                            skip += 1;
                            continue;
                        }
                    }
                    if is_block(c) {
                        line.flush(blocks);
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                let Some(c) = ElementRef::wrap(node) else {
                    continue;
                };
                if skip > 0 {
                    skip -= 1;
                } else if is_block(c) {
                    line.flush(blocks);
                }
            }
        }
    }
}

/// A data table's rows with spans expanded, or `None` for a layout table.
fn data_table(t: ElementRef<'_>) -> Option<Vec<Vec<String>>> {
    let nested = t
        .descendants()
        .skip(1)
        .filter_map(ElementRef::wrap)
        .any(|d| tag(d) == "table");
    if nested {
        return None;
    }
    let rows: Vec<ElementRef<'_>> = t
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|d| tag(*d) == "tr")
        .collect();
    // Cells still to be filled by a rowspan from above: (column, text, rows left).
    let mut pending: Vec<(usize, String, usize)> = Vec::new();
    let mut out: Vec<Vec<String>> = Vec::new();
    for r in rows {
        let mut row: Vec<String> = Vec::new();
        let cells = r
            .children()
            .filter_map(ElementRef::wrap)
            .filter(|c| matches!(tag(*c), "td" | "th"));
        let fill_pending = |row: &mut Vec<String>, pending: &mut Vec<(usize, String, usize)>| {
            while let Some(p) = pending.iter_mut().find(|p| p.0 == row.len() && p.2 > 0) {
                row.push(p.1.clone());
                p.2 -= 1;
            }
        };
        for cell in cells {
            fill_pending(&mut row, &mut pending);
            let mut line = Line::default();
            inline_text(cell, &mut line);
            let text = line.finish();
            let span = |a: &str| {
                cell.value()
                    .attr(a)
                    .and_then(|v| v.trim().parse::<usize>().ok())
                    .unwrap_or(1)
                    .clamp(1, 50)
            };
            let (colspan, rowspan) = (span("colspan"), span("rowspan"));
            for _ in 0..colspan {
                if rowspan > 1 {
                    pending.push((row.len(), text.clone(), rowspan - 1));
                }
                row.push(text.clone());
            }
        }
        fill_pending(&mut row, &mut pending);
        pending.retain(|p| p.2 > 0);
        out.push(row);
    }
    let wide = out.iter().filter(|r| r.len() >= 2).count();
    (out.len() >= 2 && wide >= 2).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(html: &str) -> Vec<String> {
        read(html.as_bytes())
            .unwrap()
            .0
            .into_iter()
            .map(|b| match b {
                Block::Paragraph(p) => p,
                Block::Table(t) => format!("{t:?}"),
            })
            .collect()
    }

    #[test]
    fn article_without_chrome() {
        let page = r##"<!DOCTYPE html><html><head><meta charset="utf-8"><title>通知_某市人民政府</title>
        <script>document.write("脚本文字不应出现")</script><style>.a{}</style></head><body>
        <div class="top-nav"><a href="/">首页</a><a href="/a">政务公开</a><a href="/b">政策文件</a>
        <a href="/c">互动交流</a><a href="/d">办事服务</a></div>
        <div class="breadcrumb">当前位置:<a href="/">首页</a> &gt; <a href="/z">政策文件</a></div>
        <h1>某市2024年科技工作要点</h1>
        <div class="article"><div id="zoom">
        <p>　　一、总体要求</p>
        <p>　　坚持创新驱动发展,全年新增高新技术企业
        50家以上,研发投入强度达到2.5%。</p>
        <p>（一）强化企业创新主体地位<br>支持企业建设研发机构。</p>
        </div></div>
        <div class="share">分享到:<a href="#">微信</a></div>
        <div class="footer">版权所有:某市人民政府 主办单位:某市政府办公室</div>
        </body></html>"##;
        assert_eq!(
            paras(page),
            [
                "某市2024年科技工作要点",
                "一、总体要求",
                "坚持创新驱动发展,全年新增高新技术企业50家以上,研发投入强度达到2.5%。",
                "（一）强化企业创新主体地位",
                "支持企业建设研发机构。"
            ]
        );
    }

    #[test]
    fn title_in_a_title_div_is_kept() {
        let page = r#"<html><body><div class="nav"><a href="/">首页</a></div>
            <div class="detail-title">某市2023年科技工作要点</div>
            <div class="detail-body"><p>一、总体要求</p><p>全年新增高新技术企业50家以上,研发投入持续增长。</p></div>
            </body></html>"#;
        assert_eq!(
            paras(page),
            [
                "某市2023年科技工作要点",
                "一、总体要求",
                "全年新增高新技术企业50家以上,研发投入持续增长。"
            ]
        );
    }

    #[test]
    fn declared_gb2312_is_honoured() {
        let body = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body><div><p>一、主要目标</p></div></body></html>";
        let (bytes, _, _) = encoding_rs::GBK.encode(body);
        let (blocks, enc) = read(&bytes).unwrap();
        assert_eq!(enc, "HTML/GBK");
        assert_eq!(blocks, [Block::Paragraph("一、主要目标".into())]);
    }

    #[test]
    fn data_table_spans_expand() {
        let page = "<html><body><div><p>主要指标</p><table>
            <tr><th>类别</th><th>指标</th><th>2025年</th></tr>
            <tr><td rowspan=2>创新投入</td><td>研发投入强度(%)</td><td>3</td></tr>
            <tr><td>科技人才(万人)</td><td>12</td></tr></table></div></body></html>";
        let b = read(page.as_bytes()).unwrap().0;
        assert_eq!(
            b[1],
            Block::Table(vec![
                vec!["类别".into(), "指标".into(), "2025年".into()],
                vec!["创新投入".into(), "研发投入强度(%)".into(), "3".into()],
                vec!["创新投入".into(), "科技人才(万人)".into(), "12".into()],
            ])
        );
    }

    #[test]
    fn layout_tables_are_containers() {
        let page = "<html><body><table><tr><td><table><tr><td><a href=/>首页</a><a href=/x>导航</a></td></tr></table></td>
            <td><p>一、总体要求</p><p>正文内容很长很长的一段话。</p></td></tr></table></body></html>";
        assert_eq!(paras(page), ["一、总体要求", "正文内容很长很长的一段话。"]);
    }

    #[test]
    fn deep_nesting_does_not_overflow_the_stack() {
        let depth = 4_000;
        let page = format!(
            "<html><body>{}<p>一、总体要求</p>{}</body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        assert_eq!(paras(&page), ["一、总体要求"]);
    }

    #[test]
    fn no_text_and_binary() {
        assert!(read(b"").is_err());
        assert!(read(b"<html><body><script>x()</script></body></html>")
            .map(|(b, _)| b.is_empty())
            .unwrap_or(true));
        assert!(read(b"\x00\x01\x02<html>").is_err());
    }
}
