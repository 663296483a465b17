//! Finds figures: a number (Arabic, Chinese numeral, range or fraction) with
//! its unit and any qualifier, skipping dates, ordinals, rankings, durations,
//! document numbers and numbers inside slogans or programme names.

use super::number::{is_digit, match_chinese_unit, match_unit, parse_arabic, parse_chinese_run};
use crate::model::Qualifier;
use crate::numerals::is_numeral_char;

/// One figure found in the text, before classification.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Figure {
    /// Offset of the first character of the number (or of a leading qualifier word).
    pub num_start: usize,
    /// Offset just past the unit and any trailing qualifier.
    pub end: usize,
    /// The value (low end of a range).
    pub value: f64,
    /// High end of a range.
    pub value_high: Option<f64>,
    /// Unit as written (`""` for a fraction).
    pub unit: String,
    /// Qualifier read around the figure.
    pub qualifier: Qualifier,
}

/// Nouns naming parts of the plan itself or of an argument (`5个方面`,
/// `3个阶段`, `4项重点任务`): counted, but never targets.
const ABSTRACT_PARTS: &[&str] = &[
    "方面",
    "阶段",
    "环节",
    "维度",
    "层面",
    "步骤",
    "原则",
    "重点任务",
    "主要任务",
    "重点工作",
    "要点",
    "部分",
    "坚持",
    "突出",
    "关键",
    "着力点",
    "抓手",
    "意识",
    "自信",
    "维护",
];

/// Characters that join the two ends of a range.
fn is_range_sep(c: char) -> bool {
    matches!(c, '-' | '—' | '–' | '~' | '～' | '至' | '到' | '－')
}

/// Verbs after which a small Chinese-numeral count is a real figure
/// (`新增一个`, `举办一次`), rather than an article (`打造成一个`).
const CHINESE_TRIGGERS: &[&str] = &[
    "新增", "新建", "举办", "组织", "策划", "召开", "开展", "建设", "建立", "组建", "培育", "引进",
    "争取", "设立", "成立", "办好", "承办", "完成", "实施",
];

fn ends_with_at(chars: &[char], end: usize, s: &str) -> bool {
    let n = s.chars().count();
    if end < n {
        return false;
    }
    chars[end - n..end].iter().copied().eq(s.chars())
}

fn starts_with_at(chars: &[char], i: usize, s: &str) -> bool {
    let n = s.chars().count();
    i + n <= chars.len() && chars[i..i + n].iter().copied().eq(s.chars())
}

/// Qualifier words written after the unit.
fn trailing_qualifier(chars: &[char], i: usize) -> Option<(Qualifier, usize)> {
    for (w, q) in [
        ("以上", Qualifier::AtLeast),
        ("及以上", Qualifier::AtLeast),
        ("左右", Qualifier::About),
        ("上下", Qualifier::About),
        ("以内", Qualifier::AtMost),
        ("以下", Qualifier::AtMost),
    ] {
        if starts_with_at(chars, i, w) {
            return Some((q, i + w.chars().count()));
        }
    }
    None
}

/// Qualifier words written before the number; most specific first.
pub(crate) fn leading_qualifier(chars: &[char], start: usize) -> Option<Qualifier> {
    // Allow one filler character such as 到 in 超过到 or 达 in 突破达.
    for (w, q) in [
        ("不超过", Qualifier::AtMost),
        ("不高于", Qualifier::AtMost),
        ("不多于", Qualifier::AtMost),
        ("控制在", Qualifier::AtMost),
        ("不低于", Qualifier::AtLeast),
        ("不少于", Qualifier::AtLeast),
        ("不下于", Qualifier::AtLeast),
        ("突破", Qualifier::AtLeast),
        ("超过", Qualifier::AtLeast),
        ("至少", Qualifier::AtLeast),
        ("最低", Qualifier::AtLeast),
        ("最高", Qualifier::AtMost),
        ("最多", Qualifier::AtMost),
        ("上限为", Qualifier::AtMost),
        ("上限", Qualifier::AtMost),
        ("高于", Qualifier::AtLeast),
        ("多于", Qualifier::AtLeast),
        ("超", Qualifier::AtLeast),
        ("逾", Qualifier::AtLeast),
        ("约", Qualifier::About),
        ("大约", Qualifier::About),
        ("近", Qualifier::About),
    ] {
        if ends_with_at(chars, start, w) {
            return Some(q);
        }
    }
    None
}

/// `至少建立1家`, `最高可申领50万元`: a bound separated from the number by a
/// short verb (up to three Chinese characters).
fn verb_after_at_least(chars: &[char], start: usize) -> Option<Qualifier> {
    for k in 1..=3 {
        if start < k
            || !chars[start - k..start]
                .iter()
                .all(|c| c.is_alphabetic() && !c.is_ascii())
        {
            break;
        }
        for (w, q) in [
            ("至少", Qualifier::AtLeast),
            ("不低于", Qualifier::AtLeast),
            ("不少于", Qualifier::AtLeast),
            ("最高", Qualifier::AtMost),
            ("最多", Qualifier::AtMost),
            ("不超过", Qualifier::AtMost),
        ] {
            if ends_with_at(chars, start - k, w) {
                return Some(q);
            }
        }
    }
    None
}

/// Whether the number at `start` is an ordinal, ranking, reference or part of
/// a code or slogan, judging from what precedes it.
fn bad_prefix(chars: &[char], start: usize) -> bool {
    let prev = if start > 0 {
        Some(chars[start - 1])
    } else {
        None
    };
    match prev {
        Some(c) if c.is_ascii_alphanumeric() || c == '.' || c == '+' || c == '/' => return true,
        // 每10万人口: a denominator, not a figure.
        Some('第' | '前' | '#' | '号' | '〕' | ']' | '每') => return true,
        _ => {}
    }
    // 全省第1, 排名前10, 第2位 are rankings even with a space before the number.
    ends_with_at(chars, start, "排名") || ends_with_at(chars, start, "位列")
}

/// Whether what follows the figure makes it part of a code, formula or slogan.
fn bad_suffix(chars: &[char], end: usize) -> bool {
    match chars.get(end) {
        Some(c) if c.is_ascii_alphanumeric() || *c == '+' => true,
        Some('强') => true, // 百强, 50强 are rankings
        _ => false,
    }
}

/// Finds every figure in `chars`.
pub(crate) fn scan(chars: &[char]) -> Vec<Figure> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_digit(c) && !(i > 0 && is_digit(chars[i - 1])) {
            match scan_arabic(chars, i) {
                Some(f) => {
                    i = f.end;
                    out.push(f);
                }
                None => {
                    i += 1;
                    while i < chars.len() && (is_digit(chars[i]) || chars[i] == '.') {
                        i += 1;
                    }
                }
            }
            continue;
        }
        if is_numeral_char(c) && !(i > 0 && is_numeral_char(chars[i - 1])) {
            if let Some(f) = scan_chinese(chars, i) {
                i = f.end;
                out.push(f);
                continue;
            }
        }
        i += 1;
    }
    out
}

fn scan_arabic(chars: &[char], i: usize) -> Option<Figure> {
    if bad_prefix(chars, i) {
        return None;
    }
    let (mut value, mut j) = parse_arabic(chars, i)?;
    // Thousands separators: 1,200家 (a group of exactly three digits).
    while value < 1000.0
        && value.fract() == 0.0
        && chars.get(j) == Some(&',')
        && chars
            .get(j + 1..j + 4)
            .is_some_and(|g| g.iter().all(|c| c.is_ascii_digit()))
        && !chars.get(j + 4).is_some_and(|c| c.is_ascii_digit())
        && chars.get(j + 4).is_some_and(|&c| {
            match_unit(chars, j + 4).is_some() || c == ',' || c == '.' || c == '余' || c == '多'
        })
    {
        let (g, k) = parse_arabic(chars, j + 1)?;
        value = value * 1000.0 + g;
        j = k;
        if chars.get(j) != Some(&',') {
            break;
        }
    }
    // A fraction such as 2/3 (not a date such as 10/27).
    if chars.get(j) == Some(&'/') && chars.get(j + 1).is_some_and(|&c| is_digit(c)) {
        let (den, k) = parse_arabic(chars, j + 1)?;
        if den > value && value > 0.0 && den <= 10.0 && value.fract() == 0.0 {
            if bad_suffix(chars, k) || chars.get(k) == Some(&'/') {
                return None;
            }
            let (qualifier, end) = match trailing_qualifier(chars, k) {
                Some((q, e)) => (q, e),
                None => (leading_qualifier(chars, i).unwrap_or_default(), k),
            };
            return Some(Figure {
                num_start: i,
                end,
                value: value / den,
                value_high: None,
                unit: String::new(),
                qualifier,
            });
        }
        return None;
    }
    let mut value_high = None;
    if j + 1 < chars.len() && is_range_sep(chars[j]) {
        let mut k = j + 1;
        // 1——2 with a doubled dash.
        if k < chars.len() && chars[k] == chars[j] && chars[j] == '—' {
            k += 1;
        }
        if k < chars.len() && is_digit(chars[k]) {
            if let Some((hi, k2)) = parse_arabic(chars, k) {
                if hi > value && match_unit_after(chars, k2).is_some() {
                    value_high = Some(hi);
                    j = k2;
                }
            }
        }
    }
    let mut qualifier = Qualifier::Exact;
    if matches!(chars.get(j), Some('余' | '多')) && value_high.is_none() {
        qualifier = Qualifier::AtLeast;
        j += 1;
    }
    // 1.2万余人: the 余 sits between the magnitude and the measure word.
    let (unit, mut unit_end) = match match_unit(chars, j) {
        Some(u) => u,
        None if matches!(chars.get(j), Some('万' | '亿'))
            && matches!(chars.get(j + 1), Some('余' | '多'))
            && value_high.is_none() =>
        {
            let (base, e) = match_unit(chars, j + 2)?;
            qualifier = Qualifier::AtLeast;
            (format!("{}{base}", chars[j]), e)
        }
        None => return None,
    };
    // 3%-5%: a range with the unit on both ends.
    if value_high.is_none()
        && unit_end + 1 < chars.len()
        && is_range_sep(chars[unit_end])
        && is_digit(chars[unit_end + 1])
    {
        if let Some((hi, k)) = parse_arabic(chars, unit_end + 1) {
            if hi > value {
                if let Some((u2, e2)) = match_unit(chars, k) {
                    if u2 == unit {
                        value_high = Some(hi);
                        unit_end = e2;
                    }
                }
            }
        }
    }
    // 以下5个方面, 3个阶段: counts of the text's own parts, not targets.
    if matches!(unit.as_str(), "个" | "项" | "条" | "种")
        && ABSTRACT_PARTS
            .iter()
            .any(|w| starts_with_at(chars, unit_end, w))
    {
        return None;
    }
    // 前移12位, 上升3位: a move in a ranking.
    if unit == "位"
        && [
            "前移", "后移", "上升", "下降", "前进", "后退", "提升", "跃升", "提高",
        ]
        .iter()
        .any(|w| ends_with_at(chars, i, w))
    {
        return None;
    }
    // 50强 is a ranking, 1+N a formula, 百亿元级 a size class.
    if matches!(chars.get(unit_end), Some('+' | '强' | '级')) {
        return None;
    }
    // 1个中心+N个分中心: a structure formula.
    if chars[unit_end..chars.len().min(unit_end + 5)]
        .iter()
        .any(|&c| c == '+' || c == '＋')
    {
        return None;
    }
    // After a closing quote, a count followed by a noun counts the parts of a
    // slogan or programme (`“科创中心”4项重点任务`), not a target.
    if i > 0 && matches!(chars[i - 1], '”' | '"') {
        let next = chars.get(unit_end).copied();
        if next.is_some_and(|c| c.is_alphabetic() && !"以左上余多".contains(c)) {
            return None;
        }
    }
    let mut end = unit_end;
    if let Some((q, e)) = trailing_qualifier(chars, unit_end) {
        if value_high.is_none() {
            qualifier = q;
        }
        end = e;
    } else if qualifier == Qualifier::Exact && value_high.is_none() {
        qualifier = leading_qualifier(chars, i)
            .or_else(|| verb_after_at_least(chars, i))
            .unwrap_or_default();
    }
    Some(Figure {
        num_start: i,
        end,
        value,
        value_high,
        unit,
        qualifier,
    })
}

fn match_unit_after(chars: &[char], j: usize) -> Option<(String, usize)> {
    let j = if matches!(chars.get(j), Some('余' | '多')) {
        j + 1
    } else {
        j
    };
    match_unit(chars, j)
}

/// `三分之二以上` (a fraction, unit `""`) and `百分之五十` (50 %).
fn chinese_fraction(chars: &[char], i: usize) -> Option<Figure> {
    let mut j = i;
    while j < chars.len() && j - i < 4 && crate::numerals::is_numeral_char(chars[j]) {
        j += 1;
    }
    if !starts_with_at(chars, j, "分之") {
        return None;
    }
    let den_text: String = chars[i..j].iter().collect();
    let den = crate::numerals::parse_chinese(&den_text)? as f64;
    let (num, k) = parse_chinese_run(chars, j + 2)?;
    if den <= 0.0 || num <= 0.0 || num >= den {
        return None;
    }
    let (unit, value) = if den == 100.0 {
        ("%".to_string(), num)
    } else {
        (String::new(), num / den)
    };
    let (qualifier, end) = match trailing_qualifier(chars, k) {
        Some((q, e)) => (q, e),
        None => (leading_qualifier(chars, i).unwrap_or_default(), k),
    };
    Some(Figure {
        num_start: i,
        end,
        value,
        value_high: None,
        unit,
        qualifier,
    })
}

/// Clause punctuation that may close a trailing Chinese-numeral count.
fn is_clause_punct(c: char) -> bool {
    matches!(
        c,
        ',' | ';'
            | '。'
            | '、'
            | '\n'
            | ')'
            | '!'
            | '\u{ff0c}'
            | '\u{ff1b}'
            | '\u{ff09}'
            | '\u{ff01}'
    )
}

/// Whether a trigger verb opens the clause holding offset `i`, at most 20
/// characters before it, with no other figure in between.
fn trigger_in_clause(chars: &[char], i: usize) -> bool {
    let floor = i.saturating_sub(20);
    let mut k = i;
    while k > floor
        && (chars[k - 1] == '、' || !is_clause_punct(chars[k - 1]))
        && chars[k - 1] != ':'
    {
        if is_digit(chars[k - 1]) {
            return false;
        }
        k -= 1;
    }
    let clause: String = chars[k..i].iter().collect();
    CHINESE_TRIGGERS.iter().any(|t| clause.contains(t))
}

fn scan_chinese(chars: &[char], i: usize) -> Option<Figure> {
    if i > 0
        && matches!(
            chars[i - 1],
            '第' | '“' | '"' | '每' | '前' | '这' | '那' | '哪' | '成' | '为' | '是' | '个'
        )
    {
        return None;
    }
    if let Some(f) = chinese_fraction(chars, i) {
        return Some(f);
    }
    let triggered = CHINESE_TRIGGERS.iter().any(|t| ends_with_at(chars, i, t));
    if !triggered && !trigger_in_clause(chars, i) {
        return None;
    }
    let (value, j) = parse_chinese_run(chars, i)?;
    let (unit, unit_end) = match_chinese_unit(chars, j)?;
    if matches!(chars.get(unit_end), Some('+' | '”' | '"')) {
        return None;
    }
    // `新培育省级新型研发机构两家。`: after its noun, a Chinese-numeral count
    // closes the clause; elsewhere (`两个中心`) it is a reference.
    if !triggered {
        let mut k = unit_end;
        if let Some((_, e)) = trailing_qualifier(chars, k) {
            k = e;
        }
        if !chars.get(k).is_none_or(|&c| is_clause_punct(c)) {
            return None;
        }
    }
    let (qualifier, end) = match trailing_qualifier(chars, unit_end) {
        Some((q, e)) => (q, e),
        None => (Qualifier::Exact, unit_end),
    };
    Some(Figure {
        num_start: i,
        end,
        value,
        value_high: None,
        unit,
        qualifier,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figs(s: &str) -> Vec<(f64, Option<f64>, String, Qualifier)> {
        let cs: Vec<char> = s.chars().collect();
        scan(&cs)
            .into_iter()
            .map(|f| (f.value, f.value_high, f.unit, f.qualifier))
            .collect()
    }

    #[test]
    fn plain_and_qualified() {
        assert_eq!(
            figs("新增企业30家以上"),
            vec![(30.0, None, "家".into(), Qualifier::AtLeast)]
        );
        assert_eq!(
            figs("引进人才200余名"),
            vec![(200.0, None, "名".into(), Qualifier::AtLeast)]
        );
        assert_eq!(
            figs("总量突破800家"),
            vec![(800.0, None, "家".into(), Qualifier::AtLeast)]
        );
        assert_eq!(
            figs("建设3—5个中心"),
            vec![(3.0, Some(5.0), "个".into(), Qualifier::Exact)]
        );
        assert_eq!(
            figs("比例达到1/2以上"),
            vec![(0.5, None, "".into(), Qualifier::AtLeast)]
        );
    }

    #[test]
    fn policy_caps() {
        assert_eq!(
            figs("给予最高50万元奖励"),
            vec![(50.0, None, "万元".into(), Qualifier::AtMost)]
        );
    }

    #[test]
    fn separators_and_ranges() {
        assert_eq!(
            figs("入库企业达到1,200家"),
            vec![(1200.0, None, "家".into(), Qualifier::Exact)]
        );
        assert_eq!(
            figs("增长3%-5%"),
            vec![(3.0, Some(5.0), "%".into(), Qualifier::Exact)]
        );
        assert_eq!(
            figs("引进人才1.2万余人"),
            vec![(1.2, None, "万人".into(), Qualifier::AtLeast)]
        );
        // A clause comma, not a thousands separator.
        assert_eq!(figs("全省第1,2020年").len(), 0);
    }

    #[test]
    fn negatives() {
        assert!(figs("2022年10月").is_empty());
        assert!(figs("全省第1位").is_empty());
        assert!(figs("第31批").is_empty());
        assert!(figs("“5+1”产业").is_empty());
        assert!(figs("建设5G基站").is_empty());
        assert!(figs("连续3年").is_empty());
        assert!(figs("3个月内").is_empty());
        assert!(figs("打造成一个平台").is_empty());
        assert!(figs("两个中心").is_empty());
        assert!(figs("发布日期2021/10/27").is_empty());
        assert!(figs("打造10亿元级产业集群").is_empty());
        assert!(figs("重点抓好以下5个方面工作").is_empty());
        assert!(figs("分3个阶段推进").is_empty());
        assert_eq!(figs("每10万人口拥有量达到8件").len(), 1);
        assert!(figs("进入500强").is_empty());
    }

    #[test]
    fn chinese_fractions() {
        let f = figs("覆盖率达到三分之二以上");
        assert_eq!(f.len(), 1);
        assert!((f[0].0 - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!((f[0].2.as_str(), f[0].3), ("", Qualifier::AtLeast));
        assert_eq!(
            figs("占比达到百分之六十"),
            vec![(60.0, None, "%".into(), Qualifier::Exact)]
        );
        assert!(figs("十分之十").is_empty());
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(
            figs("年内举办一次对接会"),
            vec![(1.0, None, "次".into(), Qualifier::Exact)]
        );
        assert_eq!(
            figs("新增两家孵化器"),
            vec![(2.0, None, "家".into(), Qualifier::Exact)]
        );
    }
}
