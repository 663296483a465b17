//! Property tests: `parse` never panics and its offsets are consistent on
//! arbitrary text, including text made of marker-ish characters.

use planlens::structure::parse;
use proptest::prelude::*;

/// Characters that make up markers, figures, line breaks and page chrome.
const MARKERISH: &[char] = &[
    '一', '二', '三', '四', '五', '十', '百', '零', '〇', '两', '、', '(', ')', '（', '）', '1',
    '2', '3', '9', '0', '１', '.', '．', '。', '；', '：', ':', '%', '\n', '\r', ' ', '\u{3000}',
    '”', '扫', '纠', '错', '政', '策', '解', '读', '|', '在', '取', '得', '成', '绩', '的', '同',
    '时', '发', '展', '基', '础', '重', '点', '任', '务', 'é', '😀', '\u{feff}',
];

fn markerish() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(MARKERISH), 0..400)
        .prop_map(|v| v.into_iter().collect())
}

/// Plan-like text: lines built from markers, headings and figures.
fn planish() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "一、",
        "二、",
        "三、",
        "（一）",
        "(二)",
        "（三）",
        "1.",
        "2．",
        "3、",
        "(1)",
        "（2）",
        "总体要求",
        "重点任务",
        "保障措施",
        "发展基础",
        "建设平台。",
        "达到3.55%。",
        "1-2家",
        "2021.",
        "(2021—2025年)",
        "\n",
        "。",
        "扫一扫在手机打开当前页",
        "\n浏览次数: 来源:x\n",
        "在取得成绩的同时,",
        "政策解读|解读",
    ]);
    prop::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

fn check_invariants(text: &str) {
    let n = text.chars().count();
    let plan = parse(text);
    for (k, s) in plan.sections.iter().enumerate() {
        assert!(
            s.start <= s.end && s.end <= n,
            "section {k} [{},{}) of {n}",
            s.start,
            s.end
        );
        assert!(s.level >= 1);
        match s.parent {
            Some(p) => {
                assert!(p < k, "parent before child");
                let ps = &plan.sections[p];
                assert!(
                    ps.start <= s.start && s.end <= ps.end,
                    "child inside parent"
                );
                assert_eq!(s.level, ps.level + 1);
                assert!(s.path.starts_with(&ps.path));
            }
            None => assert_eq!(s.level, 1),
        }
        if k > 0 {
            assert!(plan.sections[k - 1].start < s.start, "document order");
        }
    }
    for t in &plan.tasks {
        let s = &plan.sections[t.section];
        assert!(
            s.start <= t.start && t.start <= t.end && t.end <= s.end,
            "task inside section"
        );
        assert_eq!(t.path, s.path);
    }
    let mut last = 0;
    for &(s, e) in &plan.noise {
        assert!(
            last <= s && s < e && e <= n,
            "noise sorted, disjoint, on the text"
        );
        last = e;
    }
    for w in &plan.warnings {
        assert!(w.start.is_none_or(|s| s <= n));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_text(text in any::<String>()) {
        check_invariants(&text);
    }

    #[test]
    fn markerish_text(text in markerish()) {
        check_invariants(&text);
    }

    #[test]
    fn planish_text(text in planish()) {
        check_invariants(&text);
    }
}
