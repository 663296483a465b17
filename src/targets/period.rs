//! A fallback for the plan period when the metadata does not give one: read
//! from the title zone (`“十四五”…规划`, `(2023—2025年)`, `2024年…工作要点`,
//! `〔2020〕` document numbers). Used only for the `year` of targets.

use crate::model::{Period, PlanKind};

/// How far into the text the title zone reaches, in characters.
const TITLE_ZONE: usize = 800;

/// Five-year plan names and their periods.
const FIVE_YEAR: &[(&str, i32)] = &[
    ("十一五", 2006),
    ("十二五", 2011),
    ("十三五", 2016),
    ("十四五", 2021),
    ("十五五", 2026),
    ("十六五", 2031),
];

/// Words that, shortly after `YYYY年`, mark the plan's own year.
const ANNUAL_CUES: &[&str] = &[
    "工作要点",
    "工作思路",
    "总体思路",
    "工作计划",
    "工作安排",
    "重点工作",
    "工作任务",
    "年是",
    "科技工作",
    "科技创新工作",
    "要点",
    "计划",
];

fn four_digit_year(chars: &[char], k: usize) -> Option<i32> {
    if k + 4 > chars.len()
        || !chars[k..k + 4].iter().all(|c| c.is_ascii_digit())
        || (k > 0 && chars[k - 1].is_ascii_digit())
        || chars.get(k + 4).is_some_and(|c| c.is_ascii_digit())
    {
        return None;
    }
    let y: String = chars[k..k + 4].iter().collect();
    y.parse().ok().filter(|v| (1990..=2100).contains(v))
}

/// The plan kind and period read from the title zone of `chars`, if any.
pub(crate) fn infer(chars: &[char]) -> Option<(PlanKind, Period)> {
    let zone = &chars[..chars.len().min(TITLE_ZONE)];
    let text: String = zone.iter().collect();
    let lines: Vec<&str> = text.lines().collect();

    // 1. A five-year plan named in a short title line.
    for line in &lines {
        // A title, not a sentence or a task item that mentions a plan.
        let sentence = line.contains([',', '，', '。', ';', '；'])
            || line.trim_start().starts_with(|c: char| c.is_ascii_digit());
        if line.chars().count() <= 60 && line.contains("规划") && !sentence {
            for (name, start) in FIVE_YEAR {
                if line.contains(name) {
                    return Some((
                        PlanKind::FiveYearPlan,
                        Period {
                            start: *start,
                            end: start + 4,
                        },
                    ));
                }
            }
        }
    }
    // 2. A span such as (2023—2025年) in a title line of a plan.
    for line in &lines {
        let lc: Vec<char> = line.chars().collect();
        if lc.len() > 80
            || !["方案", "规划", "计划", "行动"]
                .iter()
                .any(|w| line.contains(w))
        {
            continue;
        }
        for k in 0..lc.len() {
            if let Some(a) = four_digit_year(&lc, k) {
                if lc
                    .get(k + 4)
                    .is_some_and(|&c| matches!(c, '—' | '-' | '–' | '~' | '至' | '－'))
                {
                    if let Some(b) = four_digit_year(&lc, k + 5) {
                        if b > a && b - a <= 10 && lc.get(k + 9) == Some(&'年') {
                            return Some((
                                PlanKind::ImplementationPlan,
                                Period { start: a, end: b },
                            ));
                        }
                    }
                }
            }
        }
    }
    // 3. 2024年全市科技工作要点 / 2022年是…: an annual plan.
    for k in 0..zone.len() {
        let Some(y) = four_digit_year(zone, k) else {
            continue;
        };
        if zone.get(k + 4) != Some(&'年') {
            continue;
        }
        // A date (2020年3月16日) is not a plan title.
        if zone.get(k + 5).is_some_and(|c| c.is_ascii_digit()) {
            continue;
        }
        let after: String = zone[k + 4..zone.len().min(k + 24)].iter().collect();
        if ANNUAL_CUES.iter().any(|w| after.contains(w)) {
            return Some((PlanKind::AnnualWorkPlan, Period::year(y)));
        }
    }
    // 4. The year of the document number (〔2020〕) or of the first date.
    for k in 0..zone.len() {
        if let Some(y) = four_digit_year(zone, k) {
            let bracket = k > 0 && matches!(zone[k - 1], '〔' | '[' | '［' | '(' | '（');
            let date = zone.get(k + 4) == Some(&'年')
                && zone.get(k + 5).is_some_and(|c| c.is_ascii_digit());
            if bracket || date {
                return Some((PlanKind::Other, Period::year(y)));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str) -> Option<(PlanKind, Period)> {
        infer(&s.chars().collect::<Vec<_>>())
    }

    #[test]
    fn five_year_titles() {
        assert_eq!(
            run("泰安市“十四五”科技创新规划\n一、发展基础"),
            Some((
                PlanKind::FiveYearPlan,
                Period {
                    start: 2021,
                    end: 2025
                }
            ))
        );
    }

    #[test]
    fn spans_and_annual_titles() {
        assert_eq!(
            run("科技创新三年行动方案(2023—2025年)\n一、目标"),
            Some((
                PlanKind::ImplementationPlan,
                Period {
                    start: 2023,
                    end: 2025
                }
            ))
        );
        assert_eq!(
            run("发布时间:2024年01月05日\n关于印发《2024年全市科技工作要点》的通知"),
            Some((PlanKind::AnnualWorkPlan, Period::year(2024)))
        );
        // 十四五 mentioned in a sentence of an annual plan is not its title.
        assert_eq!(
            run("1.编制全市“十四五”科技创新规划。\n2022年是实施“十四五”规划奋进之年,全市科技工作要紧紧围绕…"),
            Some((PlanKind::AnnualWorkPlan, Period::year(2022)))
        );
    }

    #[test]
    fn document_numbers_and_nothing() {
        assert_eq!(
            run("某市科技局文件\n某科发〔2020〕2号\n关于印发实施方案的通知"),
            Some((PlanKind::Other, Period::year(2020)))
        );
        assert_eq!(run("没有年份的文本"), None);
    }
}
