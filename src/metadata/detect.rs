//! Metadata detection from a plan's text alone.
//!
//! The head of a plan text (the first lines, before the body starts) carries
//! most metadata: web-page fields (`发布部门:`, `发布时间:`, `政策文号:`,
//! `信息来源:`), a red-header cover (`XX局文件`, a 文号 line, `XX关于印发《…》的
//! 通知`, a signature and date) and the title. Detection reads those first and
//! falls back on the opening of the body (`2022年是…之年`, `制定本规划`) and on
//! place-name counts over the whole text.
//!
//! Decisions:
//! - `title` is a title line found in the head (joined over up to three
//!   lines), or the document named by a 关于印发《…》的通知 cover. A text that
//!   starts directly with its body has no title: `None` (no title is made
//!   up; callers can label such a plan from city, period and kind).
//! - `city` is the first city named in the title, else in the issuer, else
//!   the city named most often in the text (weak short names such as 中山 or
//!   吉林 never count alone). A title or issuer naming only a province gives a
//!   provincial plan: province set, city `None`.
//! - `period`: a span in the title or the head (`(2021—2025年)`), else
//!   `十四五` → 2021–2025 for five-year plans, else the plan year for annual
//!   plans (title year, `2022年是…`, `2021年全市…工作`), else the year of issue
//!   (publication date or 文号 year) for annual and implementation plans.

use std::sync::LazyLock;

use regex::Regex;

use super::gazetteer::{Gazetteer, PlaceMention};
use crate::model::{DocumentMeta, Period, PlanKind};
use crate::numerals::parse_chinese;

/// How many non-empty lines count as the head of a document.
const HEAD_LINES: usize = 24;
/// How many characters of a long head line are looked at.
const HEAD_LINE_CHARS: usize = 400;
/// How many characters of the body count as its opening.
const OPENING_CHARS: usize = 600;

static RE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:19|20)\d{2})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?").unwrap()
});
static RE_DATE_CN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([〇零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日").unwrap()
});
static RE_DOC_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\p{Han}A-Za-z]{1,14}\s*[〔\[［(（【﹝]\s*((?:19|20)\d{2})\s*[〕\]］)）】﹞]\s*第?\s*\d{1,5}\s*号")
        .unwrap()
});
static RE_SPAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:19|20)\d{2})\s*年?\s*(?:[-—–－~～]+|至|到)\s*((?:19|20)\d{2})\s*年?").unwrap()
});
static RE_PAREN_SPAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[(（]\s*((?:19|20)\d{2})\s*年?\s*(?:[-—–－~～]+|至|到)\s*((?:19|20)\d{2})\s*年?度?\s*[)）]")
        .unwrap()
});
static RE_YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"((?:19|20)\d{2})\s*年").unwrap());
static RE_FIVE_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"十([一二三四五六七八九])个?五").unwrap());
/// Opening phrases of an annual plan: `2022年是…`, `2021年全市科技创新工作的总体思路`.
static RE_ANNUAL_OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*((?:19|20)\d{2})\s*年\s*(?:是|[，,]|(?:全市|全区|全县|全州|全盟|全省|我市|我区|我县|市|区|县)?[^。；;，,]{0,16}?工作(?:的|要点|思路|总体|主要|计划|安排|重点))")
        .unwrap()
});
static RE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(信息来源|来源|发布部门|发文机关|发文单位|发布机构|发布机关|发布时间|发布日期|公开日期|发文日期|成文日期|印发日期|政策文号|发文字号|文号)\s*[:：]\s*")
        .unwrap()
});

/// Suffixes of issuing bodies.
const ORG_SUFFIXES: &[&str] = &[
    "局",
    "委员会",
    "委",
    "人民政府",
    "政府",
    "办公室",
    "办公厅",
    "厅",
    "部",
    "中心",
    "小组",
    "科协",
    "协会",
    "管委会",
    "院",
    "所",
];

/// Words that end a title and tell its kind, checked by last occurrence.
const TITLE_KEYWORDS: &[(&str, TitleWord)] = &[
    ("工作要点", TitleWord::Annual),
    ("要点", TitleWord::Annual),
    ("工作思路", TitleWord::Annual),
    ("工作安排", TitleWord::Annual),
    ("年度工作", TitleWord::Annual),
    ("工作计划", TitleWord::Plan),
    ("行动计划", TitleWord::Plan),
    ("计划", TitleWord::Plan),
    ("实施方案", TitleWord::Implementation),
    ("行动方案", TitleWord::Implementation),
    ("工作方案", TitleWord::Implementation),
    ("方案", TitleWord::Implementation),
    ("规划纲要", TitleWord::Five),
    ("规划", TitleWord::Five),
    ("纲要", TitleWord::Five),
    ("意见", TitleWord::Other),
    ("办法", TitleWord::Other),
    ("细则", TitleWord::Other),
    ("规定", TitleWord::Other),
    ("决定", TitleWord::Other),
    ("措施", TitleWord::Other),
    ("报告", TitleWord::Other),
    ("总结", TitleWord::Other),
    ("公告", TitleWord::Other),
    ("通知", TitleWord::Other),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TitleWord {
    Annual,
    /// 计划: annual for one year, implementation when multi-year.
    Plan,
    Implementation,
    Five,
    Other,
}

/// The head of a document: its first non-empty lines, trimmed.
struct Head {
    lines: Vec<String>,
}

/// What the head analysis found.
#[derive(Default)]
struct HeadInfo {
    title: Option<String>,
    /// Index of the last head line belonging to the title or cover.
    title_end: Option<usize>,
    cover_issuer: Option<String>,
    header_issuer: Option<String>,
    signature_issuer: Option<String>,
    signature_date: Option<String>,
    doc_number: Option<String>,
}

/// Detects a document's metadata from its text alone.
///
/// Never panics; fields it cannot establish are `None` (kind `Other`).
pub fn detect(text: &str, gazetteer: &Gazetteer) -> DocumentMeta {
    let norm = normalize(text);
    let head = Head::new(&norm);
    let labels = labelled_fields(&head);
    let info = analyse_head(&head, &norm);

    let title = info.title.clone();
    let issuer = labels
        .issuer
        .clone()
        .or_else(|| info.cover_issuer.clone())
        .or_else(|| info.header_issuer.clone())
        .or_else(|| info.signature_issuer.clone())
        .or_else(|| labels.source.clone());
    let doc_number = labels
        .doc_number
        .clone()
        .or_else(|| info.doc_number.clone());
    let published = labels
        .published
        .clone()
        .or_else(|| labels.written.clone())
        .or_else(|| info.signature_date.clone())
        .or_else(|| cover_signature_date(&norm, info.cover_issuer.as_deref()));

    let opening = body_opening(&head, &info, &norm);
    let kind = detect_kind(title.as_deref(), &opening, &norm);
    let issue_year = published
        .as_deref()
        .and_then(|p| p.get(..4))
        .and_then(|y| y.parse::<i32>().ok())
        .or_else(|| doc_number.as_deref().and_then(doc_number_year));
    let period = detect_period(kind, title.as_deref(), &head, &opening, issue_year);

    let (city, province) =
        detect_place(gazetteer, &norm, title.as_deref(), issuer.as_deref(), &info);

    DocumentMeta {
        title,
        city,
        province,
        kind,
        period,
        issuer,
        doc_number,
        published,
    }
}

/// Full-width digits and letters to ASCII, ○ as 〇 in dates; everything
/// else unchanged (detection reports no offsets, so this is safe).
fn normalize(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            '○' => '〇',
            '\u{FEFF}' => ' ',
            _ => c,
        })
        .collect()
}

/// Trims ASCII and ideographic whitespace.
fn trim(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}')
}

/// The first `n` characters of `s` (char-boundary safe).
fn prefix_chars(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

impl Head {
    fn new(text: &str) -> Head {
        let lines = text
            .lines()
            .map(trim)
            .filter(|l| !l.is_empty())
            .take(HEAD_LINES)
            .map(|l| prefix_chars(l, HEAD_LINE_CHARS).to_owned())
            .collect();
        Head { lines }
    }
}

/// Values of labelled web-page fields in the head.
#[derive(Default)]
struct Labels {
    issuer: Option<String>,
    source: Option<String>,
    published: Option<String>,
    written: Option<String>,
    doc_number: Option<String>,
}

fn labelled_fields(head: &Head) -> Labels {
    let mut out = Labels::default();
    for line in &head.lines {
        for cap in RE_LABEL.captures_iter(line) {
            let (Some(label), Some(whole)) = (cap.get(1), cap.get(0)) else {
                continue;
            };
            // A field label stands at the line start or after a separator;
            // 资金来源： in a sentence is not one.
            let before = line[..whole.start()].chars().next_back();
            if before.is_some_and(|c| {
                !(c.is_whitespace() || "|｜】]）)丨/".contains(c) || c == '\u{3000}')
            }) {
                continue;
            }
            let rest = &line[whole.end()..];
            // The value runs to the next whitespace or the next label.
            let next_label = RE_LABEL.find(rest).map_or(rest.len(), |m| m.start());
            let value = &rest[..next_label];
            let word = trim(value.split(char::is_whitespace).next().unwrap_or(""));
            match label.as_str() {
                "发布部门" | "发文机关" | "发文单位" | "发布机构" | "发布机关" => {
                    if out.issuer.is_none() && is_org(word) {
                        out.issuer = Some(word.to_owned());
                    }
                }
                "信息来源" | "来源" => {
                    if out.source.is_none() && is_org(word) {
                        out.source = Some(word.to_owned());
                    }
                }
                "发布时间" | "发布日期" | "公开日期" | "发文日期" => {
                    if out.published.is_none() {
                        out.published = parse_date_at_start(value);
                    }
                }
                "成文日期" | "印发日期" => {
                    if out.written.is_none() {
                        out.written = parse_date_at_start(value);
                    }
                }
                _ => {
                    if out.doc_number.is_none() {
                        out.doc_number = doc_number_at_start(trim(value));
                    }
                }
            }
        }
    }
    out
}

/// Whether a string looks like the name of an issuing body.
fn is_org(s: &str) -> bool {
    let n = s.chars().count();
    (3..=40).contains(&n)
        && s.chars()
            .all(|c| !c.is_ascii_punctuation() && !"，。；：、".contains(c))
        && ORG_SUFFIXES.iter().any(|suf| s.ends_with(suf))
}

/// A date `YYYY-MM-DD` at the start of `s` (after whitespace).
fn parse_date_at_start(s: &str) -> Option<String> {
    let s = trim(s);
    if let Some(c) = RE_DATE.captures(s) {
        if c.get(0)?.start() == 0 {
            return ymd(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
        }
    }
    if let Some(c) = RE_DATE_CN.captures(s) {
        if c.get(0)?.start() == 0 {
            return cn_date(&c);
        }
    }
    None
}

/// A line that is a date and nothing else (a signature date).
fn date_line(line: &str) -> Option<String> {
    let l = trim(line);
    for re in [&*RE_DATE, &*RE_DATE_CN] {
        if let Some(c) = re.captures(l) {
            let m = c.get(0)?;
            if m.start() == 0 && trim(&l[m.end()..]).is_empty() {
                return if std::ptr::eq(re, &*RE_DATE) {
                    ymd(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
                } else {
                    cn_date(&c)
                };
            }
        }
    }
    None
}

fn cn_date(c: &regex::Captures<'_>) -> Option<String> {
    let year = parse_chinese(&c[1])?;
    let month = parse_chinese(&c[2])?;
    let day = parse_chinese(&c[3])?;
    ymd(
        i32::try_from(year).ok()?,
        u32::try_from(month).ok()?,
        u32::try_from(day).ok()?,
    )
}

/// Formats a valid calendar date as `YYYY-MM-DD`.
fn ymd(y: i32, m: u32, d: u32) -> Option<String> {
    let s = format!("{y:04}-{m:02}-{d:02}");
    valid_ymd(&s).then_some(s)
}

/// Whether `s` is a valid `YYYY-MM-DD` date between 1949 and 2100.
pub(crate) fn valid_ymd(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let (Ok(y), Ok(m), Ok(d)) = (
        s[..4].parse::<i32>(),
        s[5..7].parse::<u32>(),
        s[8..].parse::<u32>(),
    ) else {
        return false;
    };
    if !(1949..=2100).contains(&y) || !(1..=12).contains(&m) || d == 0 {
        return false;
    }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    d <= days
}

/// A 文号 at the start of `s`, e.g. `滨科字〔2023〕1号`.
fn doc_number_at_start(s: &str) -> Option<String> {
    RE_DOC_NUMBER
        .find(trim(s))
        .map(|m| m.as_str().chars().filter(|c| !c.is_whitespace()).collect())
}

/// The year inside a 文号.
fn doc_number_year(s: &str) -> Option<i32> {
    RE_DOC_NUMBER.captures(s)?.get(1)?.as_str().parse().ok()
}

/// Lines of web-page chrome or header fields that are never a title.
fn is_chrome_line(line: &str) -> bool {
    const MARKERS: &[&str] = &[
        "浏览次数",
        "文字大小",
        "字号",
        "字体",
        "阅读次数",
        "当前位置",
        "首页",
        "打印",
        "关闭",
        "分享",
        "索引号",
        "主题分类",
        "有效性",
        "扫一扫",
        "来源:",
        "来源：",
        "发布时间",
        "发布日期",
        "发布部门",
        "政策文号",
        "发文字号",
        "发文机关",
        "成文日期",
        "访问量",
        "点击",
    ];
    MARKERS.iter().any(|m| line.contains(m))
        || RE_LABEL.find(line).is_some_and(|m| m.start() == 0)
        || (line.starts_with('【') && line.ends_with('】'))
        || line.contains('>')
        || line.contains('»')
        || (line.starts_with(['(', '（']) && line.ends_with([')', '）']) && line.contains("发布"))
}

/// Whether a line is short, unpunctuated and free of section markers, i.e.
/// could be (part of) a title.
fn title_shaped(line: &str) -> bool {
    let n = line.chars().count();
    (2..=80).contains(&n)
        && !line.contains(['。', '；', ';', '：', ':', '，', ','])
        && !starts_with_section_marker(line)
        && !is_chrome_line(line)
}

fn starts_with_section_marker(line: &str) -> bool {
    let mut chars = line.chars();
    let first = chars.next().unwrap_or(' ');
    if first == '(' || first == '（' {
        return chars
            .next()
            .is_some_and(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c));
    }
    let numeral_run: String = line
        .chars()
        .take_while(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c))
        .collect();
    if numeral_run.is_empty() {
        return false;
    }
    let after = line[numeral_run.len()..].chars().next();
    matches!(after, Some('、' | '.' | '．' | '是'))
}

/// The last title keyword in a title, if any.
fn title_word(title: &str) -> Option<TitleWord> {
    let mut best: Option<(usize, usize, TitleWord)> = None;
    for (kw, word) in TITLE_KEYWORDS {
        if let Some(pos) = title.rfind(kw) {
            let end = pos + kw.len();
            // Latest ending wins; on a tie the longer keyword.
            if best.is_none_or(|(e, l, _)| end > e || (end == e && kw.len() > l)) {
                best = Some((end, kw.len(), *word));
            }
        }
    }
    best.map(|(_, _, w)| w)
}

/// Analyses the head: cover letter, title, header issuer, signature, 文号.
fn analyse_head(head: &Head, full_text: &str) -> HeadInfo {
    let mut info = HeadInfo::default();
    let lines = &head.lines;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].as_str();
        if info.doc_number.is_none() {
            if let Some(d) = doc_number_at_start(line) {
                // A 文号 line (possibly followed by 签发人 and the like).
                let rest_len = line.chars().count() - d.chars().count();
                if rest_len <= 12 || line.contains("签发") {
                    info.doc_number = Some(d);
                    i += 1;
                    continue;
                }
            }
        }
        if info.title.is_none() {
            if let Some(stem) = line.strip_suffix("文件") {
                if is_org(stem) || stem.ends_with("人民政府办公室") {
                    info.header_issuer = Some(stem.to_owned());
                    i += 1;
                    continue;
                }
            }
        }
        if info.title.is_none() {
            // The issuer may stand alone on the line before 关于印发….
            let split_issuer = is_org(line)
                && lines
                    .get(i + 1)
                    .is_some_and(|next| next.starts_with("关于"));
            let at = if split_issuer { i + 1 } else { i };
            if let Some((issuer, inner, last)) = cover_letter(lines, at) {
                info.cover_issuer = issuer.or_else(|| split_issuer.then(|| line.to_owned()));
                info.title = Some(prefer_quoted_form(&inner, full_text));
                info.title_end = Some(last);
                i = last + 1;
                continue;
            }
        }
        if info.title.is_some() {
            // After the title: look for a signature (issuer line + date line).
            if info.signature_date.is_none() {
                if let Some(d) = date_line(line) {
                    info.signature_date = Some(d);
                    if i > 0 && is_org(&lines[i - 1]) {
                        info.signature_issuer = Some(lines[i - 1].clone());
                    }
                }
            }
            i += 1;
            continue;
        }
        if is_chrome_line(line) || date_line(line).is_some() || is_short_label(line) {
            i += 1;
            continue;
        }
        if is_org(line) && title_word(line).is_none() {
            // A bare issuer line above the title (site or department name).
            info.header_issuer.get_or_insert_with(|| line.to_owned());
            i += 1;
            continue;
        }
        if title_shaped(line) {
            if let Some((title, last)) = title_from(lines, i) {
                info.title = Some(title);
                info.title_end = Some(last);
                i = last + 1;
                continue;
            }
        }
        // Body text or a numbered section before any title: the document
        // has no title line.
        if line.chars().count() > 40
            || line.contains(['。', '：', ':'])
            || starts_with_section_marker(line)
        {
            break;
        }
        i += 1;
    }
    info
}

/// Short category words a page may put above the text (`政策`, `通知公告`).
fn is_short_label(line: &str) -> bool {
    let attachment = line.strip_prefix("附件").is_some_and(|r| {
        r.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ':' | '：' | ' '))
    });
    attachment || (line.chars().count() <= 4 && title_word(line).is_none())
}

/// A title starting at line `i`: up to three title-shaped lines, the last of
/// which carries a title keyword, plus a following `(2021—2025年)` line.
fn title_from(lines: &[String], i: usize) -> Option<(String, usize)> {
    let mut title = String::new();
    let mut last = None;
    for (k, line) in lines.iter().enumerate().skip(i).take(3) {
        if !title_shaped(line) || date_line(line).is_some() {
            break;
        }
        if k > i && !title.is_empty() && title_word(&title).is_some() {
            break;
        }
        title.push_str(line);
        if title_word(line).is_some() {
            last = Some(k);
            break;
        }
    }
    let mut last = last?;
    let mut title = strip_site_name(&title).to_owned();
    if let Some(next) = lines.get(last + 1) {
        let n = trim(next);
        if RE_PAREN_SPAN
            .find(n)
            .is_some_and(|m| m.start() == 0 && m.end() == n.len())
        {
            title.push_str(n);
            last += 1;
        }
    }
    Some((title, last))
}

/// A page title's site-name suffix removed: `2023年全市科技工作要点_滨州市科学
/// 技术局` → `2023年全市科技工作要点` (kept when the first part has no title word).
fn strip_site_name(title: &str) -> &str {
    for sep in ["_", "｜", "|", " - ", " — ", "--"] {
        if let Some(pos) = title.find(sep) {
            let first = trim(&title[..pos]);
            if title_word(first).is_some() {
                return first;
            }
        }
    }
    title
}

/// A cover letter `XX关于印发《…》的通知` starting at line `i` (joined over up
/// to three lines): returns (issuer before 关于, the document's name, last line).
fn cover_letter(lines: &[String], i: usize) -> Option<(Option<String>, String, usize)> {
    let first = lines[i].as_str();
    if !(first.contains("印发") || first.contains("转发")) || first.contains('。') {
        return None;
    }
    let mut joined = String::new();
    let mut last = i;
    for (k, line) in lines.iter().enumerate().skip(i).take(3) {
        if k > i && (line.chars().count() > 60 || line.contains('。')) {
            break;
        }
        joined.push_str(line);
        last = k;
        if joined.contains("通知") {
            break;
        }
    }
    let notice = joined.find("通知")?;
    let head = &joined[..notice];
    let verb = head.find("印发").or_else(|| head.find("转发"))?;
    let issuer = head[..verb]
        .strip_suffix("关于")
        .map(trim)
        .filter(|s| is_org(s))
        .map(str::to_owned);
    let mut inner = trim(&head[verb + "印发".len()..]);
    inner = inner.strip_suffix('的').unwrap_or(inner);
    let inner = match (inner.find('《'), inner.find('》')) {
        (Some(a), Some(b)) if a < b => &inner[a + '《'.len_utf8()..b],
        _ => inner,
    };
    let inner = trim(inner);
    if inner.chars().count() < 4 {
        return None;
    }
    Some((issuer, inner.to_owned(), last))
}

/// The same name as quoted in 《…》 somewhere in the text's first part, if
/// it differs only in whitespace (keeps `A 引领B` spacing as written).
fn prefer_quoted_form(name: &str, text: &str) -> String {
    let squash = |s: &str| -> String { s.chars().filter(|c| !c.is_whitespace()).collect() };
    let target = squash(name);
    let area = prefix_chars(text, 4000);
    let mut rest = area;
    while let Some(a) = rest.find('《') {
        let after = &rest[a + '《'.len_utf8()..];
        let Some(b) = after.find('》') else { break };
        let quoted = &after[..b];
        if quoted != name && squash(quoted) == target {
            return trim(quoted).to_owned();
        }
        rest = &after[b..];
    }
    name.to_owned()
}

/// The signature date right after the cover issuer's name in running text
/// (`滨州市科学技术局2023年2月25日`).
fn cover_signature_date(text: &str, issuer: Option<&str>) -> Option<String> {
    let issuer = issuer?;
    let area = prefix_chars(text, 3000);
    let mut from = 0;
    while let Some(pos) = area[from..].find(issuer) {
        let after = &area[from + pos + issuer.len()..];
        if let Some(d) = parse_date_at_start(prefix_chars(after, 20)) {
            return Some(d);
        }
        from += pos + issuer.len();
    }
    None
}

/// The opening of the body: text after the title/cover (or from the start),
/// skipping chrome lines, up to [`OPENING_CHARS`].
fn body_opening(head: &Head, info: &HeadInfo, text: &str) -> String {
    let start = info.title_end.map_or(0, |e| e + 1);
    let mut out = String::new();
    for line in head.lines.iter().skip(start) {
        if is_chrome_line(line) || date_line(line).is_some() || is_org(line) {
            continue;
        }
        out.push_str(line);
        out.push('\n');
        if out.chars().count() >= OPENING_CHARS {
            break;
        }
    }
    if out.is_empty() {
        out = prefix_chars(text, OPENING_CHARS).to_owned();
    }
    // A cover letter inline with the body (one long line): start after the
    // embedded title if it is repeated.
    if let Some(t) = &info.title {
        if let Some(pos) = out.rfind(t.as_str()) {
            let after = &out[pos + t.len()..];
            if after.chars().count() > 20 {
                out = after.to_owned();
            }
        }
    }
    prefix_chars(&out, OPENING_CHARS).to_owned()
}

/// Plan kind from the title, else from the opening of the body.
fn detect_kind(title: Option<&str>, opening: &str, text: &str) -> PlanKind {
    if let Some(t) = title {
        if let Some(word) = title_word(t) {
            return match word {
                TitleWord::Annual => PlanKind::AnnualWorkPlan,
                TitleWord::Implementation => PlanKind::ImplementationPlan,
                TitleWord::Five => {
                    match title_span(t) {
                        Some(p) if p.end - p.start > 6 => PlanKind::Other, // 中长期规划
                        _ => PlanKind::FiveYearPlan,
                    }
                }
                TitleWord::Plan => {
                    if title_span(t).is_some_and(|p| p.end > p.start)
                        || t.contains("三年")
                        || t.contains("五年")
                        || t.contains("行动计划") && RE_YEAR.find(t).is_none()
                    {
                        PlanKind::ImplementationPlan
                    } else {
                        PlanKind::AnnualWorkPlan
                    }
                }
                TitleWord::Other => {
                    if t.contains("年度") {
                        PlanKind::AnnualWorkPlan
                    } else {
                        PlanKind::Other
                    }
                }
            };
        }
        if t.contains("年度") {
            return PlanKind::AnnualWorkPlan;
        }
    }
    let opening = opening.trim_start();
    if RE_ANNUAL_OPENING.is_match(opening) {
        return PlanKind::AnnualWorkPlan;
    }
    let phrases: &[(&str, PlanKind)] = &[
        ("工作要点如下", PlanKind::AnnualWorkPlan),
        ("本要点", PlanKind::AnnualWorkPlan),
        ("本规划", PlanKind::FiveYearPlan),
        ("实施方案", PlanKind::ImplementationPlan),
        ("本方案", PlanKind::ImplementationPlan),
        ("行动方案", PlanKind::ImplementationPlan),
        ("行动计划", PlanKind::ImplementationPlan),
    ];
    let first_phrase = |area: &str| {
        phrases
            .iter()
            .filter_map(|(p, k)| area.find(p).map(|pos| (pos, *k)))
            .min_by_key(|(pos, _)| *pos)
            .map(|(_, k)| k)
    };
    first_phrase(opening)
        .or_else(|| first_phrase(prefix_chars(text, 3000)))
        .unwrap_or(PlanKind::Other)
}

/// A year span in a title, e.g. `（2021—2025年）`, or `十四五`.
fn title_span(title: &str) -> Option<Period> {
    span_in(title).or_else(|| five_year_in(title))
}

/// The first plausible `YYYY—YYYY` span in `s`.
fn span_in(s: &str) -> Option<Period> {
    RE_SPAN.captures_iter(s).find_map(|c| {
        let a: i32 = c[1].parse().ok()?;
        let b: i32 = c[2].parse().ok()?;
        (a < b && b - a <= 30).then_some(Period { start: a, end: b })
    })
}

/// `十N五` → the N-th five-year plan's years (十四五 → 2021–2025).
fn five_year_in(s: &str) -> Option<Period> {
    let c = RE_FIVE_YEAR.captures(s)?;
    let n = 10 + i32::try_from(parse_chinese(&c[1])?).ok()?;
    // The 3rd plan began in 1966; every later one five years after.
    let start = 1966 + 5 * (n - 3);
    Some(Period {
        start,
        end: start + 4,
    })
}

/// The last year in a title (`2023年全市科技工作要点`; `2022年工作总结和2023年
/// 工作计划` → 2023), digits or Chinese.
fn title_year(title: &str) -> Option<i32> {
    if let Some(c) = RE_YEAR.captures_iter(title).last() {
        return c[1].parse().ok();
    }
    static RE_CN_YEAR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"([〇零一二三四五六七八九]{4})\s*年").unwrap());
    let c = RE_CN_YEAR.captures_iter(title).last()?;
    let y = i32::try_from(parse_chinese(&c[1])?).ok()?;
    (1949..=2100).contains(&y).then_some(y)
}

/// Years covered, by kind (see the module docs).
fn detect_period(
    kind: PlanKind,
    title: Option<&str>,
    head: &Head,
    opening: &str,
    issue_year: Option<i32>,
) -> Option<Period> {
    let title_span = title.and_then(span_in);
    let head_span = || {
        let joined = head.lines.join("\n");
        RE_PAREN_SPAN
            .captures(prefix_chars(&joined, 1500))
            .and_then(|c| {
                let a: i32 = c[1].parse().ok()?;
                let b: i32 = c[2].parse().ok()?;
                (a < b && b - a <= 30).then_some(Period { start: a, end: b })
            })
    };
    match kind {
        PlanKind::FiveYearPlan => title_span
            .or_else(|| title.and_then(five_year_in))
            .or_else(head_span)
            .or_else(|| opening_five_year(opening))
            .or_else(|| target_year_span(opening)),
        PlanKind::AnnualWorkPlan => title
            .and_then(title_year)
            .or_else(|| forward_year(opening))
            .or_else(|| {
                RE_ANNUAL_OPENING
                    .captures(opening.trim_start())
                    .and_then(|c| c[1].parse().ok())
            })
            .or_else(|| opening_first_year(opening))
            .or(issue_year)
            .map(Period::year),
        PlanKind::ImplementationPlan => title_span
            .or_else(head_span)
            .or_else(|| title.and_then(title_year).map(Period::year))
            .or_else(|| issue_year.map(Period::year)),
        PlanKind::Other => title_span.or_else(|| title.and_then(title_year).map(Period::year)),
    }
}

/// A `十四五` named as the plan's period in the opening (`“十四五”时期`,
/// `“十四五”规划`), not a review such as `“十三五”期间`.
fn opening_five_year(opening: &str) -> Option<Period> {
    let mut rest = opening;
    while let Some(m) = RE_FIVE_YEAR.find(rest) {
        let after = prefix_chars(&rest[m.end()..], 6);
        if after.contains("时期") || after.contains("规划") {
            return five_year_in(m.as_str());
        }
        rest = &rest[m.end()..];
    }
    None
}

/// The year an annual plan's opening looks ahead to: `2023年是…`,
/// `2023年全市科技工作的总体要求`, `2023年重点工作安排` (skipping a review
/// such as `2022年，全市科技工作取得新成效`).
fn forward_year(opening: &str) -> Option<i32> {
    static RE_FORWARD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"((?:19|20)\d{2})\s*年(?:是|(?:全市|全区|全县|全州|我市|我区|我县)?[^。；;，,]{0,12}?工作的?(?:总体思路|总体要求|主要目标|目标任务|工作思路|要点|重点|安排|计划))")
            .unwrap()
    });
    RE_FORWARD.captures(opening)?[1].parse().ok()
}

/// A five-year span ending at the first `到2025年` target in the opening, when
/// that year closes a five-year-plan period (ends in 0 or 5).
fn target_year_span(opening: &str) -> Option<Period> {
    static RE_TARGET: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"到\s*((?:19|20)\d{2})\s*年").unwrap());
    let end: i32 = RE_TARGET.captures(opening)?[1].parse().ok()?;
    (end % 5 == 0).then_some(Period {
        start: end - 4,
        end,
    })
}

/// The first year named in the opening sentence of an annual plan.
fn opening_first_year(opening: &str) -> Option<i32> {
    let sentence = opening.split(['。', '\n']).next().unwrap_or("");
    RE_YEAR.captures(sentence)?[1].parse().ok()
}

/// City and province (see the module docs).
fn detect_place(
    gazetteer: &Gazetteer,
    text: &str,
    title: Option<&str>,
    issuer: Option<&str>,
    info: &HeadInfo,
) -> (Option<String>, Option<String>) {
    let strong = |m: &PlaceMention<'_>| m.full || !m.weak;
    let mut province_hint: Option<String> = None;
    let header = info.header_issuer.as_deref();
    for source in [title, issuer, header].into_iter().flatten() {
        let found = gazetteer.mentions(source);
        if let Some(m) = found
            .iter()
            .find(|m| strong(m) && m.division.kind.is_city())
        {
            return (
                Some(m.division.name.clone()),
                Some(m.division.province.clone()),
            );
        }
        if province_hint.is_none() {
            province_hint = found
                .iter()
                .find(|m| strong(m) && m.division.kind.is_provincial())
                .map(|m| m.division.name.clone());
        }
    }
    if province_hint.is_some() {
        return (None, province_hint);
    }
    // Most mentioned city in the text; ties go to the earliest mentioned.
    // A full name weighs twice a short one; the municipalities (北京, 上海 …)
    // half, as other cities' plans cite them often as partners.
    let mentions = gazetteer.mentions(text);
    let mut counts: Vec<(&str, &str, usize, usize)> = Vec::new();
    for m in mentions
        .iter()
        .filter(|m| strong(m) && m.division.kind.is_city())
    {
        let mut weight = if m.full { 4 } else { 2 };
        if m.division.kind.is_provincial() {
            weight /= 2;
        }
        match counts.iter_mut().find(|c| c.0 == m.division.name) {
            Some(c) => c.2 += weight,
            None => counts.push((&m.division.name, &m.division.province, weight, m.start)),
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.2.cmp(&b.2).then(b.3.cmp(&a.3)))
        .map_or((None, None), |(c, p, _, _)| {
            (Some(c.to_owned()), Some(p.to_owned()))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_year_numbers() {
        assert_eq!(
            five_year_in("十四五"),
            Some(Period {
                start: 2021,
                end: 2025
            })
        );
        assert_eq!(
            five_year_in("十三五"),
            Some(Period {
                start: 2016,
                end: 2020
            })
        );
        assert_eq!(
            five_year_in("十五五"),
            Some(Period {
                start: 2026,
                end: 2030
            })
        );
        assert_eq!(
            five_year_in("十一五"),
            Some(Period {
                start: 2006,
                end: 2010
            })
        );
    }

    #[test]
    fn dates() {
        assert_eq!(
            parse_date_at_start(" 2021-10-27 11:23"),
            Some("2021-10-27".into())
        );
        assert_eq!(
            parse_date_at_start("2023年02月25日"),
            Some("2023-02-25".into())
        );
        assert_eq!(date_line("二〇二〇年三月十六日"), Some("2020-03-16".into()));
        assert_eq!(date_line("2020年3月16日"), Some("2020-03-16".into()));
        assert_eq!(date_line("2020年2月30日"), None);
        assert_eq!(date_line("2020年3月16日召开"), None);
        assert!(valid_ymd("2024-02-29"));
        assert!(!valid_ymd("2023-02-29"));
        assert!(!valid_ymd("2023-2-9"));
    }

    #[test]
    fn doc_numbers() {
        assert_eq!(
            doc_number_at_start("丹科发〔2020〕2号"),
            Some("丹科发〔2020〕2号".into())
        );
        assert_eq!(
            doc_number_at_start("滨科字[2023]1号"),
            Some("滨科字[2023]1号".into())
        );
        assert_eq!(
            doc_number_at_start("日政办发（2021）15号"),
            Some("日政办发（2021）15号".into())
        );
        assert_eq!(
            doc_number_at_start("鲁科字〔 2022 〕 8号"),
            Some("鲁科字〔2022〕8号".into())
        );
        assert_eq!(doc_number_at_start("中发37号"), None);
        assert_eq!(doc_number_year("丹科发〔2020〕2号"), Some(2020));
    }

    #[test]
    fn section_markers() {
        assert!(starts_with_section_marker("一、总体要求"));
        assert!(starts_with_section_marker("（一）工作思路"));
        assert!(starts_with_section_marker("1.布局建设"));
        assert!(!starts_with_section_marker("2023年全市科技工作要点"));
        assert!(!starts_with_section_marker("十四五规划"));
    }
}
