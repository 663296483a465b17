//! Section markers: `一、`, `(一)`/`（一）`, `1.`/`1．`/`1、`, `(1)`/`（1）`,
//! and the ordinal headings of long plans: `第一部分`/`第一篇`, `第一章`, `第一节`.
//!
//! [`marker_at`] only checks the marker's own shape and what follows it (a
//! figure such as `3.55%` or an enumeration such as `一、二、三产业` is not a
//! marker). Whether a well-formed marker really starts a section depends on
//! what precedes it and on numbering consistency; the tree builder decides.

use crate::numerals;

/// The four marker styles, each with its canonical path form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MarkerStyle {
    /// `一、` (canonical `一`).
    ChineseComma,
    /// `(一)` or `（一）` (canonical `(一)`).
    ChineseParen,
    /// `1.`, `1．` or `1、` (canonical `1`).
    ArabicDot,
    /// `(1)` or `（1）` (canonical `(1)`).
    ArabicParen,
    /// `第一部分` or `第一篇` (canonical `第一部分`).
    Part,
    /// `第一章` (canonical `第一章`).
    Chapter,
    /// `第一节` (canonical `第一节`).
    Subchapter,
}

impl MarkerStyle {
    /// All styles, in a fixed order (used to index per-style state).
    pub const ALL: [MarkerStyle; 7] = [
        MarkerStyle::ChineseComma,
        MarkerStyle::ChineseParen,
        MarkerStyle::ArabicDot,
        MarkerStyle::ArabicParen,
        MarkerStyle::Part,
        MarkerStyle::Chapter,
        MarkerStyle::Subchapter,
    ];

    /// Position of the style in [`MarkerStyle::ALL`].
    pub fn index(self) -> usize {
        match self {
            MarkerStyle::ChineseComma => 0,
            MarkerStyle::ChineseParen => 1,
            MarkerStyle::ArabicDot => 2,
            MarkerStyle::ArabicParen => 3,
            MarkerStyle::Part => 4,
            MarkerStyle::Chapter => 5,
            MarkerStyle::Subchapter => 6,
        }
    }

    /// Whether the marker is enclosed in parentheses.
    pub fn is_paren(self) -> bool {
        matches!(self, MarkerStyle::ChineseParen | MarkerStyle::ArabicParen)
    }

    /// The canonical path form of number `n` in this style.
    ///
    /// ```
    /// use planlens::structure::markers::MarkerStyle;
    /// assert_eq!(MarkerStyle::ChineseComma.canonical(12), "十二");
    /// assert_eq!(MarkerStyle::ChineseParen.canonical(3), "(三)");
    /// assert_eq!(MarkerStyle::ArabicDot.canonical(6), "6");
    /// assert_eq!(MarkerStyle::ArabicParen.canonical(2), "(2)");
    /// assert_eq!(MarkerStyle::Chapter.canonical(4), "第四章");
    /// ```
    pub fn canonical(self, n: u32) -> String {
        match self {
            MarkerStyle::ChineseComma => chinese_number(n),
            MarkerStyle::ChineseParen => format!("({})", chinese_number(n)),
            MarkerStyle::ArabicDot => n.to_string(),
            MarkerStyle::ArabicParen => format!("({n})"),
            MarkerStyle::Part => format!("第{}部分", chinese_number(n)),
            MarkerStyle::Chapter => format!("第{}章", chinese_number(n)),
            MarkerStyle::Subchapter => format!("第{}节", chinese_number(n)),
        }
    }
}

/// A well-formed marker found at some offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marker {
    /// The marker's style.
    pub style: MarkerStyle,
    /// Its number (`三` → 3).
    pub number: u32,
    /// Its length in characters (`（十二）` → 4).
    pub len: usize,
}

/// Largest number accepted in a marker (years such as `2021.` are refused).
pub const MAX_NUMBER: u32 = 199;

/// Writes `n` (1..=999) as a Chinese numeral the way plans number sections.
///
/// ```
/// use planlens::structure::markers::chinese_number;
/// assert_eq!(chinese_number(1), "一");
/// assert_eq!(chinese_number(10), "十");
/// assert_eq!(chinese_number(14), "十四");
/// assert_eq!(chinese_number(20), "二十");
/// assert_eq!(chinese_number(105), "一百零五");
/// assert_eq!(chinese_number(110), "一百一十");
/// ```
pub fn chinese_number(n: u32) -> String {
    const D: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    if n == 0 || n >= 1000 {
        return n.to_string();
    }
    let (h, t, u) = (n / 100, (n / 10) % 10, n % 10);
    let mut s = String::new();
    if h > 0 {
        s.push(D[h as usize]);
        s.push('百');
        if t == 0 && u > 0 {
            s.push('零');
        }
    }
    if t > 0 {
        if !(t == 1 && h == 0) {
            s.push(D[t as usize]);
        }
        s.push('十');
    }
    if u > 0 {
        s.push(D[u as usize]);
    }
    s
}

fn is_open_paren(c: char) -> bool {
    c == '(' || c == '（'
}

fn is_close_paren(c: char) -> bool {
    c == ')' || c == '）'
}

/// Value of an ASCII or full-width decimal digit.
pub fn arabic_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// Characters used in Chinese section numbers (no 两, 万 or financial forms).
fn is_marker_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百' | '零' | '〇'
    )
}

/// Reads a run of `pred` characters of at most `max` starting at `i`.
fn run(chars: &[char], i: usize, max: usize, pred: impl Fn(char) -> bool) -> usize {
    chars
        .iter()
        .skip(i)
        .take(max + 1)
        .take_while(|&&c| pred(c))
        .count()
}

fn arabic_value(chars: &[char]) -> Option<u32> {
    let mut v: u32 = 0;
    for &c in chars {
        v = v.checked_mul(10)?.checked_add(arabic_digit(c)?)?;
    }
    Some(v)
}

fn chinese_value(chars: &[char]) -> Option<u32> {
    if matches!(chars.first(), Some('零' | '〇')) {
        return None;
    }
    let s: String = chars.iter().collect();
    numerals::parse_chinese(&s).and_then(|v| u32::try_from(v).ok())
}

/// Recognises a marker's shape at `i` (no context before it is checked).
///
/// ```
/// use planlens::structure::markers::{marker_at, MarkerStyle};
/// let c: Vec<char> = "（十二）加强合作".chars().collect();
/// let m = marker_at(&c, 0).unwrap();
/// assert_eq!((m.style, m.number, m.len), (MarkerStyle::ChineseParen, 12, 4));
/// let c: Vec<char> = "3.55%".chars().collect();
/// assert!(marker_at(&c, 0).is_none());
/// ```
pub fn marker_at(chars: &[char], i: usize) -> Option<Marker> {
    let first = *chars.get(i)?;
    let (style, number, len) = if first == '第' {
        ordinal_heading(chars, i)?
    } else if is_open_paren(first) {
        let d = run(chars, i + 1, 3, |c| arabic_digit(c).is_some());
        let z = run(chars, i + 1, 5, is_marker_numeral);
        let (style, n) = if (1..=3).contains(&d) {
            (MarkerStyle::ArabicParen, d)
        } else if (1..=5).contains(&z) {
            (MarkerStyle::ChineseParen, z)
        } else {
            return None;
        };
        if !is_close_paren(*chars.get(i + 1 + n)?) {
            return None;
        }
        let digits = &chars[i + 1..i + 1 + n];
        let number = match style {
            MarkerStyle::ArabicParen => arabic_value(digits)?,
            _ => chinese_value(digits)?,
        };
        (style, number, n + 2)
    } else if arabic_digit(first).is_some() {
        let d = run(chars, i, 3, |c| arabic_digit(c).is_some());
        if d > 3 || !matches!(chars.get(i + d)?, '.' | '．' | '、') {
            return None;
        }
        if arabic_digit(chars[i]) == Some(0) {
            return None;
        }
        (
            MarkerStyle::ArabicDot,
            arabic_value(&chars[i..i + d])?,
            d + 1,
        )
    } else if is_marker_numeral(first) {
        let z = run(chars, i, 5, is_marker_numeral);
        if z > 5 || *chars.get(i + z)? != '、' {
            return None;
        }
        (
            MarkerStyle::ChineseComma,
            chinese_value(&chars[i..i + z])?,
            z + 1,
        )
    } else {
        return None;
    };
    if number == 0 || number > MAX_NUMBER {
        return None;
    }
    if !follows_well(chars, i + len, style) {
        return None;
    }
    Some(Marker { style, number, len })
}

/// `第一章`, `第2节`, `第三部分`, `第一篇` at `i` (which holds `第`).
fn ordinal_heading(chars: &[char], i: usize) -> Option<(MarkerStyle, u32, usize)> {
    let d = run(chars, i + 1, 3, |c| arabic_digit(c).is_some());
    let z = run(chars, i + 1, 5, is_marker_numeral);
    let n = if (1..=3).contains(&d) {
        d
    } else if (1..=5).contains(&z) {
        z
    } else {
        return None;
    };
    let digits = &chars[i + 1..i + 1 + n];
    let number = if d > 0 {
        arabic_value(digits)?
    } else {
        chinese_value(digits)?
    };
    let rest = i + 1 + n;
    let (style, suffix) = match (chars.get(rest), chars.get(rest + 1)) {
        (Some('章'), _) => (MarkerStyle::Chapter, 1),
        (Some('节'), _) => (MarkerStyle::Subchapter, 1),
        (Some('篇'), _) => (MarkerStyle::Part, 1),
        (Some('部'), Some('分')) => (MarkerStyle::Part, 2),
        _ => return None,
    };
    Some((style, number, 1 + n + suffix))
}

/// Checks what follows a marker: a heading or body, not a figure, a closing
/// punctuation mark or another list number (`一、二、三产业`, `1、2号线`).
fn follows_well(chars: &[char], after: usize, style: MarkerStyle) -> bool {
    let mut j = after;
    while j < chars.len() && matches!(chars[j], ' ' | '\t' | '\u{3000}' | '\u{a0}') {
        j += 1;
    }
    let Some(&next) = chars.get(j) else {
        return false;
    };
    if matches!(
        next,
        '，' | ',' | '。' | '、' | '；' | ';' | '：' | ':' | '）' | ')' | '%' | '％' | '.' | '．'
    ) {
        return false;
    }
    match style {
        MarkerStyle::ArabicDot | MarkerStyle::ArabicParen => {
            if j == after && arabic_digit(next).is_some() {
                return false;
            }
            // An enumeration such as `1、2、3` or `(1)(2)` restarting at once.
            if let Some(m) = marker_shape_only(chars, j) {
                return m != style;
            }
            true
        }
        MarkerStyle::ChineseComma | MarkerStyle::ChineseParen => {
            if let Some(m) = marker_shape_only(chars, j) {
                return m != style;
            }
            true
        }
        // `第一章的…`, `第一节中…`: a reference, not a heading.
        MarkerStyle::Part | MarkerStyle::Chapter | MarkerStyle::Subchapter => !matches!(
            next,
            '的' | '中' | '所' | '规' | '和' | '与' | '及' | '至' | '到' | '、'
        ),
    }
}

/// The style of a marker-shaped token at `i`, without the follow-up check.
fn marker_shape_only(chars: &[char], i: usize) -> Option<MarkerStyle> {
    let first = *chars.get(i)?;
    if is_open_paren(first) {
        let d = run(chars, i + 1, 3, |c| arabic_digit(c).is_some());
        let z = run(chars, i + 1, 5, is_marker_numeral);
        let n = d.max(z);
        if n == 0 || n > 5 || !is_close_paren(*chars.get(i + 1 + n)?) {
            return None;
        }
        Some(if d > 0 {
            MarkerStyle::ArabicParen
        } else {
            MarkerStyle::ChineseParen
        })
    } else if arabic_digit(first).is_some() {
        let d = run(chars, i, 3, |c| arabic_digit(c).is_some());
        (d <= 3 && matches!(chars.get(i + d)?, '、' | '.' | '．')).then_some(MarkerStyle::ArabicDot)
    } else if is_marker_numeral(first) {
        let z = run(chars, i, 5, is_marker_numeral);
        (z <= 5 && *chars.get(i + z)? == '、').then_some(MarkerStyle::ChineseComma)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Option<(MarkerStyle, u32, usize)> {
        let c: Vec<char> = s.chars().collect();
        marker_at(&c, 0).map(|m| (m.style, m.number, m.len))
    }

    #[test]
    fn all_styles() {
        use MarkerStyle::*;
        assert_eq!(m("一、总体要求"), Some((ChineseComma, 1, 2)));
        assert_eq!(m("十二、保障措施"), Some((ChineseComma, 12, 3)));
        assert_eq!(m("二十一、其他"), Some((ChineseComma, 21, 4)));
        assert_eq!(m("(一)工作思路"), Some((ChineseParen, 1, 3)));
        assert_eq!(m("（十）科技赋能"), Some((ChineseParen, 10, 3)));
        assert_eq!(m("（十一）科技赋能"), Some((ChineseParen, 11, 4)));
        assert_eq!(m("1.布局建设"), Some((ArabicDot, 1, 2)));
        assert_eq!(m("12．加快"), Some((ArabicDot, 12, 3)));
        assert_eq!(m("3、实施"), Some((ArabicDot, 3, 2)));
        assert_eq!(m("１．全角"), Some((ArabicDot, 1, 2)));
        assert_eq!(m("(2)狠抓"), Some((ArabicParen, 2, 3)));
        assert_eq!(m("（13）狠抓"), Some((ArabicParen, 13, 4)));
        assert_eq!(m("1. 空格后标题"), Some((ArabicDot, 1, 2)));
        assert_eq!(m("第一章 发展基础"), Some((Chapter, 1, 3)));
        assert_eq!(m("第十二章　保障措施"), Some((Chapter, 12, 4)));
        assert_eq!(m("第2节 创新平台"), Some((Subchapter, 2, 3)));
        assert_eq!(m("第三部分 重点任务"), Some((Part, 3, 4)));
        assert_eq!(m("第一篇 总论"), Some((Part, 1, 3)));
    }

    #[test]
    fn ordinal_references_are_not_markers() {
        for s in [
            "第1批",
            "第一章的规定",
            "第二节中",
            "第一、二章",
            "第七届",
            "第12位",
            "第一",
        ] {
            assert_eq!(m(s), None, "{s}");
        }
    }

    #[test]
    fn figures_are_not_markers() {
        for s in [
            "3.55%",
            "2.37亿元",
            "1.5个百分点",
            "1-2家",
            "2021.",
            "2021.10",
            "2023年",
            "(2021—2025年)",
            "（试行）",
            "(2023)",
            "(R&D)",
            "0.5倍",
            "10.5",
            "1、2号线",
            "一、二、三产业",
            "(1)(2)",
            "1.",
            "一、",
            "(一)",
            "一是",
            "第1批",
            "两、",
            "(零)",
            "1,",
            "(一),",
        ] {
            assert_eq!(m(s), None, "{s}");
        }
    }

    #[test]
    fn canonical_forms() {
        assert_eq!(MarkerStyle::ChineseComma.canonical(3), "三");
        assert_eq!(MarkerStyle::ChineseParen.canonical(10), "(十)");
        assert_eq!(MarkerStyle::ArabicDot.canonical(20), "20");
        assert_eq!(MarkerStyle::ArabicParen.canonical(1), "(1)");
        assert_eq!(chinese_number(99), "九十九");
        assert_eq!(chinese_number(100), "一百");
        assert_eq!(chinese_number(0), "0");
    }

    #[test]
    fn numerals_round_trip() {
        for n in 1..=199u32 {
            let c: Vec<char> = format!("{}、标题", chinese_number(n)).chars().collect();
            assert_eq!(marker_at(&c, 0).map(|m| m.number), Some(n), "{n}");
        }
    }
}
