//! The indicator phrase of a figure: the noun phrase it measures, read from
//! the clause before it (`新增高新技术企业100家` → `高新技术企业`) or, when a
//! verb directly precedes the figure, from the phrase after it
//! (`引进1000名以上海外专业人才` → `海外专业人才`).

use super::verbs::VERBS;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Verbs of plan sentences; the indicator starts after the last one (the
/// lexicon's groups `new`, `action`, `framing` and `level_verbs`).
static PHRASE_VERBS: LazyLock<Vec<&'static str>> = LazyLock::new(|| VERBS.phrase_verbs().collect());

/// Suffixes that turn a verb into a noun (`登记额`, `申请量`, `孵化面积`).
const NOMINAL_SUFFIXES: &[&str] = &[
    "额", "量", "率", "数", "费", "者", "面积", "规模", "金额", "总额", "周期", "效率", "能力",
    "活动",
];

/// Link words between an indicator and its figure, dropped from the end.
const TRAILING: &[&str] = &[
    "中我市",
    "中本市",
    "中全市",
    "我市",
    "本市",
    "可申领",
    "可获得",
    "完成",
    "同比",
    "比上年",
    "较上年",
    "比上年度",
    "较上年度",
    "最高",
    "上限为",
    "上限",
    "最低",
    "最多",
    "给予",
    "共计",
    "达到了",
    "达到",
    "已达",
    "达",
    "突破",
    "超过",
    "不低于",
    "不少于",
    "不超过",
    "至少",
    "超",
    "约",
    "为",
    "是",
    "提高到",
    "提高",
    "增长到",
    "增长",
    "增加到",
    "增加",
    "提升到",
    "提升",
    "增至",
    "降至",
    "降低",
    "下降",
    "实现",
    "力争",
    "确保",
    "努力",
    "全力",
    "着力",
    "保底",
    "冲刺",
    "保持在",
    "稳定在",
    "控制在",
    "由",
    "从",
    "共",
    "累计",
    "仅有",
    "仅",
    "有",
    "总计",
    "合计",
    "各",
    "等",
    "年均",
    "在",
    "到",
    "与",
    "和",
    "的",
    "年内",
    "全年",
    "新增",
    "净增",
    "本年度",
    "左右",
    "近",
    "逾",
    "高于",
    "计",
    "均",
    "分别",
];

/// Words dropped from the start of an indicator.
const LEADING: &[&str] = &[
    "的",
    "其中",
    "每年",
    "全市",
    "全县",
    "全区",
    "全省",
    "我市",
    "全年",
    "年内",
    "本年度",
    "力争",
    "确保",
    "争取",
    "同时",
    "并",
    "共",
    "累计",
    "此外",
    "另外",
    "重点",
    "积极",
    "努力",
    "全力",
    "着力",
    "保底",
    "冲刺",
    "实现",
    "完成",
    "推动",
];

/// Drops an enumeration marker from the start of a phrase: `一是`…`十是`,
/// `第一,`, `其一,` (not `第一批`).
fn strip_enumeration_marker(s: &str) -> Option<&str> {
    let numeral = |c: char| "一二三四五六七八九十".contains(c);
    let mut chars = s.char_indices();
    let (_, first) = chars.next()?;
    if numeral(first) {
        // 一是 … 十是, 十一是
        let end = s.find(|c: char| !numeral(c))?;
        return s[end..].strip_prefix('是');
    }
    let rest = s.strip_prefix('第').or_else(|| s.strip_prefix('其'))?;
    let end = rest.find(|c: char| !numeral(c))?;
    if end == 0 {
        return None;
    }
    let after = &rest[end..];
    let punct = after.chars().next()?;
    if ",，、:：.．".contains(punct) || punct == '是' {
        return Some(&after[punct.len_utf8()..]);
    }
    None
}

fn strip_suffix_any<'a>(s: &'a str, words: &[&str]) -> Option<&'a str> {
    words
        .iter()
        .filter(|w| s.ends_with(*w))
        .max_by_key(|w| w.len())
        .map(|w| &s[..s.len() - w.len()])
}

fn strip_prefix_any<'a>(s: &'a str, words: &[&str]) -> Option<&'a str> {
    words
        .iter()
        .filter(|w| s.starts_with(*w))
        .max_by_key(|w| w.len())
        .map(|w| &s[w.len()..])
}

/// Drops time references such as `2019年度`, `2015年底`, `“十二五”末` from the end.
fn strip_time_suffix(s: &str) -> Option<&str> {
    let mut t = s;
    for w in ["年度", "年底", "年末", "年"] {
        if let Some(r) = t.strip_suffix(w) {
            let digits = r.chars().rev().take_while(|c| c.is_ascii_digit()).count();
            if digits == 4 {
                let mut r = &r[..r.len() - 4];
                // A year range such as 2015—2019.
                for sep in ['—', '-', '–', '至', '~'] {
                    if let Some(r2) = r.strip_suffix(sep) {
                        let d2 = r2.chars().rev().take_while(|c| c.is_ascii_digit()).count();
                        if d2 == 4 {
                            r = &r2[..r2.len() - 4];
                        }
                    }
                }
                // 比2015年 / 较2020年: a comparison base.
                let r = r.strip_suffix(['比', '较']).unwrap_or(r);
                return Some(r);
            }
        }
    }
    for w in ["末", "底", "初", "期间", "以来", "时期"] {
        if let Some(r) = t.strip_suffix(w) {
            if r.ends_with('”') || r.ends_with('"') {
                t = r;
                let open = t.rfind(['“', '"']).filter(|&p| p + 1 < t.len() || p == 0);
                if let Some(p) = open {
                    let inner = &t[p..];
                    if inner.contains('五') || inner.chars().any(|c| c.is_ascii_digit()) {
                        return Some(&t[..p]);
                    }
                }
            }
        }
    }
    None
}

/// Drops a leading time reference such as `到2025年`, `2015—2019年度`,
/// `“十三五”期间`, `每年`.
fn strip_time_prefix(s: &str) -> Option<&str> {
    let mut t = s;
    for w in ["截至", "截止", "到", "至", "在"] {
        if let Some(r) = t.strip_prefix(w) {
            if r.starts_with(|c: char| c.is_ascii_digit()) || r.starts_with(['“', '"']) {
                t = r;
                break;
            }
        }
    }
    let digits = t.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits == 4 {
        let mut r = &t[4..];
        if let Some(r2) = r.strip_prefix(['—', '-', '–', '至', '~']) {
            if r2.chars().take_while(|c| c.is_ascii_digit()).count() == 4 {
                r = &r2[4..];
            }
        }
        if let Some(r) = r.strip_prefix('年') {
            let r = ["年度", "度", "底", "末", "以来", "全年", "上半年"]
                .iter()
                .find_map(|w| r.strip_prefix(*w))
                .unwrap_or(r);
            return Some(r.trim_start_matches([',', '，', ' ']));
        }
        return None;
    }
    if let Some(r) = t.strip_prefix(['“', '"']) {
        if let Some(close) = r.find(['”', '"']) {
            let inner = &r[..close];
            if inner.starts_with('十') && inner.ends_with('五') && inner.chars().count() <= 4 {
                let qlen = r[close..].chars().next().map_or(1, char::len_utf8);
                let rest = &r[close + qlen..];
                let rest = ["期间", "以来", "末", "初", "时期"]
                    .iter()
                    .find_map(|w| rest.strip_prefix(*w))
                    .unwrap_or(rest);
                return Some(rest.trim_start_matches([',', '，', ' ']));
            }
        }
    }
    for w in ["每年", "每季度", "每月", "每双月", "全年", "年内"] {
        if let Some(r) = t.strip_prefix(w) {
            return Some(r);
        }
    }
    if t.len() != s.len() {
        return Some(t);
    }
    None
}

/// Trims link words, time references and fillers from both ends of a phrase.
pub(crate) fn trim(s: &str) -> String {
    let mut t = s.trim();
    loop {
        let before = t.len();
        // Keep growth rates whole: 研发经费支出年均增长.
        if ["年均增长", "年均增速", "增长率"]
            .iter()
            .any(|w| t.ends_with(w) && t.len() > w.len())
        {
            break;
        }
        if let Some(r) = strip_suffix_any(t, TRAILING) {
            t = r;
        }
        if let Some(r) = strip_time_suffix(t) {
            t = r;
        }
        t = t.trim_end_matches([' ', '\u{3000}']);
        if t.len() == before {
            break;
        }
    }
    loop {
        let before = t.len();
        if let Some(r) = strip_enumeration_marker(t) {
            t = r;
        }
        if let Some(r) = strip_prefix_any(t, LEADING) {
            t = r;
        }
        if let Some(r) = strip_time_prefix(t) {
            t = r;
        }
        // `对年度研发费用增长…的企业`: the preposition, not 对外/对口/对接.
        if let Some(r) = t.strip_prefix('对') {
            if r.chars().count() >= 2 && !r.starts_with(['外', '口', '接', '标', '比', '象', '话'])
            {
                t = r;
            }
        }
        t = t.trim_start_matches([' ', '\u{3000}', '(', ')']);
        if t.len() == before {
            break;
        }
    }
    t.to_string()
}

/// Byte offset just past the last verb in `s`, if any.
pub(crate) fn after_last_verb(s: &str) -> Option<usize> {
    // Walk end positions from the right; the first verb ending there that is
    // not part of a compound noun wins.
    let mut end = s.len();
    loop {
        let head = &s[..end];
        let last = head.chars().next_back()?;
        if let Some(verbs) = VERBS_BY_LAST.get(&last) {
            if verbs.iter().any(|v| head.ends_with(v)) {
                let rest = &s[end..];
                if !NOMINAL_SUFFIXES.iter().any(|n| rest.starts_with(n)) {
                    return Some(end);
                }
            }
        }
        end -= last.len_utf8();
    }
}

/// [`PHRASE_VERBS`] indexed by their last character.
static VERBS_BY_LAST: LazyLock<HashMap<char, Vec<&'static str>>> = LazyLock::new(|| {
    let mut m: HashMap<char, Vec<&'static str>> = HashMap::new();
    for &v in PHRASE_VERBS.iter() {
        if let Some(c) = v.chars().next_back() {
            m.entry(c).or_default().push(v);
        }
    }
    m
});

/// Cleans the phrase after a figure: drops a leading 的/、, cuts it at the
/// first predicate (not at its very start) and drops unbalanced closing
/// quotes or brackets.
fn clean_after(s: &str) -> String {
    let mut t = s.trim_start_matches(['的', '、', ' ']);
    // Predicates that end the noun phrase (the lexicon's `after_stops`).
    let cut = VERBS
        .after_stops
        .iter()
        .filter_map(|w| t.find(w.as_str()))
        .filter(|&p| t[..p].chars().count() >= 2)
        .min();
    if let Some(p) = cut {
        t = &t[..p];
    }
    let mut out = t.to_string();
    for (open, close) in [('“', '”'), ('(', ')'), ('（', '）'), ('《', '》')] {
        while out.ends_with(close) && out.matches(close).count() > out.matches(open).count() {
            out.pop();
        }
    }
    out
}

/// Whether a phrase after a figure starts a noun phrase (not a verb, link
/// word, qualifier or another figure).
pub(crate) fn is_noun_start(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    if !(first.is_alphabetic() || first == '“' || first == '"') || first.is_ascii_digit() {
        return false;
    }
    if PHRASE_VERBS
        .iter()
        .chain(TRAILING)
        .any(|w| s.starts_with(w))
        || ["以", "左", "上下", "增", "提", "下降", "降"]
            .iter()
            .any(|w| s.starts_with(w))
    {
        return false;
    }
    !s.chars().take(6).any(|c| c.is_ascii_digit())
}

/// Chooses the indicator from the text before the figure (`before`, the
/// figure's own clause segment) and the phrase after it (`after`).
/// Returns `None` when neither gives one, so that the caller can inherit one.
pub(crate) fn choose(before: &str, after: &str, rate: bool) -> Option<String> {
    let trimmed = trim(before);
    let core = match after_last_verb(&trimmed) {
        Some(p) => trim(&trimmed[p..]),
        None => trimmed.clone(),
    };
    // A bare compound such as 登记额 (from 技术合同认定登记额) names too
    // little: keep the whole phrase.
    let core = if core.chars().count() <= 3
        && NOMINAL_SUFFIXES.iter().any(|n| core.ends_with(n))
        && trimmed.len() > core.len()
    {
        trimmed.clone()
    } else {
        core
    };
    // `推动30%以上的规上企业建立研发机构`: a share of what follows 的.
    let share_of = rate && after.starts_with('的');
    // `设立规模2亿元的科技创新基金`: the size of what follows 的.
    let size_of = !rate && after.starts_with('的') && before.trim_end().ends_with("规模");
    let after = clean_after(after);
    let after_ok = (!rate || share_of) && is_noun_start(&after);
    if size_of && after_ok {
        return Some(after);
    }
    // `给予每家最高500万元研发补助`: a bare per-unit word names no indicator.
    let per_unit = core.starts_with('每') && core.chars().count() == 2;
    if per_unit && !rate && is_noun_start(&after) {
        return Some(after);
    }
    let raw = before.trim_end();
    if after_ok
        && ["等", "和", "及", "与", "的", "或"]
            .iter()
            .any(|w| raw.ends_with(w))
    {
        return Some(after);
    }
    if !core.is_empty() {
        return Some(core);
    }
    if after_ok {
        return Some(after);
    }
    // A noun phrase that starts with a verb (`实施100个引进国外智力项目`).
    let after_loose = !rate
        && !after.is_empty()
        && !["以", "左", "上下"].iter().any(|w| after.starts_with(w))
        && !TRAILING.iter().any(|w| after.starts_with(w));
    if after_loose {
        return Some(after);
    }
    if !trimmed.is_empty() {
        return Some(trimmed);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn before_phrases() {
        assert_eq!(
            choose("新增高新技术企业", "", false).unwrap(),
            "高新技术企业"
        );
        assert_eq!(
            choose("科技型中小企业达到", "", false).unwrap(),
            "科技型中小企业"
        );
        assert_eq!(
            choose("研发经费占GDP比重由2015年度的", "", true).unwrap(),
            "研发经费占GDP比重"
        );
        assert_eq!(choose("是“十二五”末的", "", true), None);
        assert_eq!(choose("完成招商引资", "", false).unwrap(), "招商引资");
    }

    #[test]
    fn shares_of_what_follows() {
        assert_eq!(choose("推动", "的规上企业", true).unwrap(), "规上企业");
        assert_eq!(
            choose("研发投入强度达到", "", true).unwrap(),
            "研发投入强度"
        );
    }

    #[test]
    fn after_phrases() {
        assert_eq!(
            choose("引进", "海外专业人才", false).unwrap(),
            "海外专业人才"
        );
        assert_eq!(
            choose("力争", "企业在科创板上市", false).unwrap(),
            "企业在科创板上市"
        );
    }
}
