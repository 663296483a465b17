//! Text context around a figure: sentence and clause boundaries, the clause
//! text before a figure, the phrase after it, stated years, and the review
//! (background) regions of a plan.

use super::scan::Figure;
use crate::model::{ParsedPlan, SectionRole};

/// Ends a sentence.
pub(crate) fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | ';' | '；' | '!' | '！' | '?' | '？' | '\n' | '\r')
}

/// Stands in for a line break inside a sentence (a hard wrap of text copied
/// from a PDF page) in the characters the rules read.
pub(crate) const SOFT_BREAK: char = '\u{200B}';

/// Offsets of the line breaks that wrap a sentence rather than end it: the
/// line before is long (at least 20 characters), is not a heading (no marker
/// at its start) and does not end with sentence or colon punctuation; the
/// next line starts with text, not a marker; neither line is a table row
/// (cells apart by wide or repeated spaces).
pub(crate) fn soft_breaks(chars: &[char]) -> Vec<usize> {
    use crate::structure::markers::marker_at;
    let mut out = Vec::new();
    let mut line_start = 0;
    for i in 0..chars.len() {
        if chars[i] != '\n' {
            continue;
        }
        let start = line_start;
        line_start = i + 1;
        let line = &chars[start..i];
        let Some(&last) = line.iter().rev().find(|c| !c.is_whitespace()) else {
            continue;
        };
        let next_end = chars[i + 1..]
            .iter()
            .position(|&c| c == '\n')
            .map_or(chars.len(), |p| i + 1 + p);
        let next = &chars[i + 1..next_end];
        let tabular = |l: &[char]| {
            l.contains(&'\u{3000}') || l.contains(&'\t') || l.windows(2).any(|w| w == [' ', ' '])
        };
        let text_start = |l: &[char]| {
            l.first()
                .is_some_and(|&c| c.is_alphanumeric() || matches!(c, '“' | '"' | '《'))
        };
        if line.len() >= 20
            && !is_sentence_end(last)
            && !matches!(last, ':' | '：')
            && marker_at(chars, start).is_none()
            && text_start(next)
            && marker_at(chars, i + 1).is_none()
            && !tabular(line)
            && !tabular(next)
        {
            out.push(i);
        }
    }
    out
}

/// Ends a clause inside a sentence.
pub(crate) fn is_clause_end(c: char) -> bool {
    is_sentence_end(c) || matches!(c, ',' | '，' | ':' | '：')
}

/// Start of the full sentence holding offset `i`: like [`sentence_start`],
/// but a semicolon does not end it.
pub(crate) fn full_sentence_start(chars: &[char], i: usize) -> usize {
    let mut k = i.min(chars.len());
    while k > 0 && (!is_sentence_end(chars[k - 1]) || matches!(chars[k - 1], ';' | '；')) {
        k -= 1;
    }
    k
}

/// The year that opens `text` (`2023年,全市…`), if any; not the start of a
/// span (`2016年以来`).
pub(crate) fn lead_year(text: &[char]) -> Option<i32> {
    let k = text.iter().position(|c| !c.is_whitespace())?;
    let t = &text[k..];
    if t.len() < 5 || !t[..4].iter().all(|c| c.is_ascii_digit()) || t[4] != '年' {
        return None;
    }
    if ["以来", "起", "开始", "至今", "是", "为", "要", "将"]
        .iter()
        .any(|w| starts_with(t, 5, w))
    {
        return None;
    }
    t[..4].iter().collect::<String>().parse().ok()
}

/// Start of the sentence holding offset `i`.
pub(crate) fn sentence_start(chars: &[char], i: usize) -> usize {
    let mut k = i.min(chars.len());
    while k > 0 && !is_sentence_end(chars[k - 1]) {
        k -= 1;
    }
    k
}

/// The span `[start, num_start)` of text before figure `idx` that belongs to
/// it: back to the previous clause mark or figure, and across `、` when the
/// enumerated piece before it holds no figure (`新增孵化器、众创空间各5家`).
pub(crate) fn segment_start(chars: &[char], figs: &[Figure], idx: usize) -> usize {
    let f = &figs[idx];
    let prev_end = if idx > 0 { figs[idx - 1].end } else { 0 };
    let floor = prev_end.min(f.num_start);
    let mut k = f.num_start;
    loop {
        while k > floor && !is_clause_end(chars[k - 1]) && chars[k - 1] != '、' {
            k -= 1;
        }
        if k > floor && chars[k - 1] == '、' {
            // Look at the piece before the 、: extend only if it holds no figure.
            let mut m = k - 1;
            while m > floor && !is_clause_end(chars[m - 1]) && chars[m - 1] != '、' {
                m -= 1;
            }
            let has_fig = figs[..idx]
                .iter()
                .any(|g| g.num_start >= m && g.num_start < k);
            // A piece that starts right after the previous figure is that
            // figure's own phrase (`5家省级中心、50家市级中心`).
            let after_prev = idx > 0 && m == floor && floor == prev_end;
            if has_fig || after_prev || m == k - 1 {
                return k;
            }
            k -= 1;
            continue;
        }
        return k;
    }
}

/// Skips a list or section marker at `start` (`1.`, `2、`, `(3)`, `（一）`,
/// `一、`), returning where the text proper begins (never past `end`).
pub(crate) fn skip_list_marker(chars: &[char], start: usize, end: usize) -> usize {
    let is_num = |c: char| c.is_ascii_digit() || crate::numerals::is_numeral_char(c);
    let mut k = start;
    while k < end && chars[k].is_whitespace() {
        k += 1;
    }
    if k < end && matches!(chars[k], '(' | '（') {
        let mut j = k + 1;
        while j < end && j - k <= 3 && is_num(chars[j]) {
            j += 1;
        }
        if j > k + 1 && j < end && matches!(chars[j], ')' | '）') {
            return j + 1;
        }
        return k;
    }
    let mut j = k;
    while j < end && j - k < 3 && is_num(chars[j]) {
        j += 1;
    }
    if j > k && j < end && matches!(chars[j], '.' | '．' | '、') {
        // Not a decimal number such as 1.5.
        if !(chars[j] == '.' && chars.get(j + 1).is_some_and(|c| c.is_ascii_digit())) {
            return j + 1;
        }
    }
    k
}

/// The phrase after a figure, up to the next clause mark (at most 24 chars).
pub(crate) fn after_phrase(chars: &[char], end: usize) -> String {
    let mut k = end;
    while k < chars.len() && k - end < 24 && !is_clause_end(chars[k]) && chars[k] != '、' {
        k += 1;
    }
    // Keep enumerations of nouns (孵化器、众创空间) when they continue the phrase.
    if k < chars.len() && chars[k] == '、' && k > end {
        let mut m = k + 1;
        while m < chars.len() && m - end < 30 && !is_clause_end(chars[m]) {
            m += 1;
        }
        if !chars[k + 1..m].iter().any(|&c| super::number::is_digit(c)) {
            k = m;
        }
    }
    // Stop where the next figure begins (`星创天地和34家农科驿站`).
    if let Some(d) = chars[end..k]
        .iter()
        .position(|&c| super::number::is_digit(c))
    {
        k = end + d;
    }
    let s: String = chars[end..k].iter().collect();
    s.trim_end_matches(['和', '与', '及', '、', '或'])
        .to_string()
}

/// The last year stated as `YYYY年` in `[from, to)`, if any.
pub(crate) fn last_year(chars: &[char], from: usize, to: usize) -> Option<i32> {
    let to = to.min(chars.len());
    let mut found = None;
    let mut k = from;
    while k + 4 < to + 1 && k + 4 <= chars.len() {
        if k + 4 < chars.len()
            && chars[k..k + 4].iter().all(|c| c.is_ascii_digit())
            && chars[k + 4] == '年'
            && k + 4 < to
            && (k == 0 || !chars[k - 1].is_ascii_digit())
            // 比2015年提高: a comparison base, not the figure's year.
            && !(k > 0 && matches!(chars[k - 1], '比' | '较'))
            // 是2015年的4.2倍: the base of a multiple, not the figure's year.
            && !(k > 0
                && matches!(chars[k - 1], '是' | '为')
                && (starts_with(chars, k + 5, "的")
                    || starts_with(chars, k + 5, "末的")
                    || starts_with(chars, k + 5, "底的")))
            // 2016年以来: the start of a span, not the year reported.
            && !["以来", "起", "开始", "至今"]
                .iter()
                .any(|w| starts_with(chars, k + 5, w))
        {
            let y: String = chars[k..k + 4].iter().collect();
            if let Ok(v) = y.parse::<i32>() {
                if (1949..=2100).contains(&v) {
                    found = Some(v);
                }
            }
            k += 4;
        } else {
            k += 1;
        }
    }
    found
}

/// The last horizon year stated as `到YYYY年` / `至YYYY年` in `[from, to)`.
pub(crate) fn horizon_year(chars: &[char], from: usize, to: usize) -> Option<i32> {
    let to = to.min(chars.len());
    let mut found = None;
    let mut k = from;
    while k + 5 < to {
        if matches!(chars[k], '到' | '至')
            && chars[k + 1..k + 5].iter().all(|c| c.is_ascii_digit())
            && chars[k + 5] == '年'
        {
            let y: String = chars[k + 1..k + 5].iter().collect();
            found = y.parse::<i32>().ok().or(found);
            k += 5;
        } else {
            k += 1;
        }
    }
    found
}

/// Whether the phrase after a figure makes it the size of a comparison set
/// (`全省16个设区市中,我市…`, `列出的237家企业中我市仅有3家`).
pub(crate) fn is_comparison_set(after: &str) -> bool {
    let t = after.trim_end();
    t.ends_with('中')
        || [
            "中我市",
            "中本市",
            "中全市",
            "中我区",
            "中我县",
            "中排名",
            "中排",
            "中位居",
            "中位列",
            "中居",
        ]
        .iter()
        .any(|w| t.contains(w))
}

/// An average of a wider area or a peer group, close before a figure
/// (`全省平均水平的`, `全国平均水平`, `全省平均高`, `同类城市平均值的`).
static AVERAGE_BASE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?:(?:全国|全省|全市|全区|国家|省|市|地区|行业|同行业|同类城市|同类地区|同类)平均(?:水平|值|数)?|平均(?:水平|值|数))(?P<tail>[^,，。;；、]{0,4})$",
    )
    .expect("valid regex")
});

/// Whether the figure measures the distance to or the multiple of an
/// average (`为全省平均水平的1.5倍`, `高于全国平均水平3件`): a descriptive
/// comparison with a moving external base, not a target of its own, so the
/// mapping never gives it a catalog indicator (`mapping.rs`). Own averages (`平均每家…30家`,
/// `年平均增长8%`) and own figures beside an average
/// (`达到2.5%,高于全国平均水平`) are kept.
pub(crate) fn is_average_comparison(before: &str) -> bool {
    AVERAGE_BASE.captures(before.trim_end()).is_some_and(|c| {
        let tail = c.name("tail").map_or("", |m| m.as_str());
        !["增长", "增速", "增幅", "增加"]
            .iter()
            .any(|w| tail.contains(w))
    })
}

fn starts_with(chars: &[char], i: usize, s: &str) -> bool {
    let n = s.chars().count();
    i + n <= chars.len() && chars[i..i + n].iter().copied().eq(s.chars())
}

/// Words in a top-level heading that mark a review of the past.
const BACKGROUND_WORDS: &[&str] = &[
    "完成情况",
    "工作情况",
    "主要成效",
    "取得成效",
    "进展情况",
    "总结",
    "发展现状",
    "发展基础",
    "现状",
    "回顾",
    "成就",
    "成效",
    "基础与形势",
    "面临形势",
    "发展环境",
    "工作总结",
];

/// Character ranges of review sections (发展基础, 现状, …): the plan's
/// background sections and top-level `一、` / `第一章` review headings found
/// in the text.
pub(crate) fn background_ranges(chars: &[char], plan: &ParsedPlan) -> Vec<(usize, usize)> {
    // Sections the structure parser marked as background, plus top-level
    // review headings found in the text (a safety net for parsers that miss
    // a role).
    let mut out: Vec<(usize, usize)> = plan
        .sections
        .iter()
        .filter(|s| s.role == SectionRole::Background)
        .map(|s| (s.start, s.end))
        .collect();
    // Top-level markers: a Chinese numeral then 、 at a line or sentence start.
    let mut heads: Vec<(usize, String)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let at_start = i == 0 || is_sentence_end(chars[i - 1]) || chars[i - 1] == ' ';
        if at_start && (crate::numerals::digit_value(chars[i]).is_some() || chars[i] == '十') {
            let mut j = i;
            while j < chars.len() && j - i < 3 && crate::numerals::is_numeral_char(chars[j]) {
                j += 1;
            }
            if j < chars.len() && chars[j] == '、' {
                let mut k = j + 1;
                while k < chars.len() && k - j < 24 && !is_clause_end(chars[k]) {
                    k += 1;
                }
                heads.push((i, chars[j + 1..k].iter().collect()));
                i = k;
                continue;
            }
        }
        // 第一章 发展基础 / 第二部分 …
        if at_start && chars[i] == '第' {
            let mut j = i + 1;
            while j < chars.len() && j - i <= 3 && crate::numerals::is_numeral_char(chars[j]) {
                j += 1;
            }
            let unit_len = if starts_with(chars, j, "部分") {
                2
            } else if j < chars.len() && chars[j] == '章' {
                1
            } else {
                0
            };
            if j > i + 1 && unit_len > 0 {
                let j = j + unit_len - 1;
                let mut k = j + 1;
                while k < chars.len() && k - j < 24 && !is_clause_end(chars[k]) {
                    k += 1;
                }
                heads.push((i, chars[j + 1..k].iter().collect()));
                i = k;
                continue;
            }
        }
        i += 1;
    }
    for (n, (start, title)) in heads.iter().enumerate() {
        if BACKGROUND_WORDS.iter().any(|w| title.contains(w)) {
            let end = heads.get(n + 1).map_or(chars.len(), |h| h.0);
            out.push((*start, end));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_markers() {
        for (s, k) in [
            ("1.新增", 2),
            ("(3)建设", 3),
            ("（一）培育", 3),
            ("二、目标", 2),
            ("新增", 0),
        ] {
            let cs: Vec<char> = s.chars().collect();
            assert_eq!(skip_list_marker(&cs, 0, cs.len()), k, "{s}");
        }
    }

    #[test]
    fn years() {
        let cs: Vec<char> = "由2015年的39家提高到2020年的".chars().collect();
        assert_eq!(last_year(&cs, 0, 9), Some(2015));
        assert_eq!(last_year(&cs, 0, cs.len()), Some(2020));
        let cs: Vec<char> = "2015—2019年度".chars().collect();
        assert_eq!(last_year(&cs, 0, cs.len()), Some(2019));
        let cs: Vec<char> = "2016年以来,比2015年".chars().collect();
        assert_eq!(last_year(&cs, 0, cs.len()), None);
    }

    #[test]
    fn background_from_headings() {
        let text = "前言\n一、发展基础\n成绩\n二、总体要求\n目标";
        let cs: Vec<char> = text.chars().collect();
        let r = background_ranges(&cs, &ParsedPlan::default());
        assert_eq!(r, vec![(3, 13)]);
        let text = "第一章 发展现状\n成绩\n第二章 总体要求\n目标";
        let cs: Vec<char> = text.chars().collect();
        let r = background_ranges(&cs, &ParsedPlan::default());
        assert_eq!(r, vec![(0, 12)]);
    }
}
