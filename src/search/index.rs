//! Cutting a parsed document into search units.
//!
//! The units partition the document text: a cut at every section start, so
//! each character belongs to exactly one unit and a hit is never reported
//! twice. A unit carries its innermost section (for path and role) and the
//! task item it lies in, if any. Text before the first section (a plan's
//! unnumbered opening) is cut again where a sentence names the plan's goals
//! (`2023年全市科技工作的主要目标是:…`): from there on its role is goals, so
//! a hit in such a passage says where it is.

use crate::model::{ParsedPlan, SectionRole};
use crate::structure::roles::RoleTable;

/// One unit of indexed text: `[start, end)` in character offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// First character.
    pub start: usize,
    /// End (exclusive).
    pub end: usize,
    /// Index of the innermost section containing the unit (`None`: text
    /// before the first section).
    pub section: Option<usize>,
    /// Index into `plan.tasks` of the task item containing the unit.
    pub task: Option<usize>,
    /// Role of the section, or of its nearest ancestor with a known role.
    pub role: SectionRole,
}

/// The units of a document whose text has `text_chars` characters. Units
/// without any letter, digit or CJK character are left out.
pub fn units(text: &str, plan: &ParsedPlan) -> Vec<Unit> {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let mut cuts: Vec<usize> = vec![0, n];
    for s in &plan.sections {
        cuts.push(s.start.min(n));
        cuts.push(s.end.min(n));
    }
    for t in &plan.tasks {
        cuts.push(t.start.min(n));
        cuts.push(t.end.min(n));
    }
    let opening_end = plan
        .sections
        .iter()
        .map(|s| s.start)
        .min()
        .unwrap_or(n)
        .min(n);
    let goals_from = goals_passage(&chars[..opening_end]);
    cuts.extend(goals_from);
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::new();
    for w in cuts.windows(2) {
        let (start, end) = (w[0], w[1]);
        if !chars[start..end].iter().any(|c| c.is_alphanumeric()) {
            continue;
        }
        // Innermost section: the containing one that starts last (deepest on ties).
        let section = plan
            .sections
            .iter()
            .enumerate()
            .filter(|(_, s)| s.start <= start && end <= s.end)
            .max_by_key(|(_, s)| (s.start, s.level))
            .map(|(i, _)| i);
        let task = plan
            .tasks
            .iter()
            .enumerate()
            .filter(|(_, t)| t.start <= start && end <= t.end)
            .max_by_key(|(_, t)| t.start)
            .map(|(i, _)| i);
        let role = match (section, goals_from) {
            (None, Some(g)) if start >= g && end <= opening_end => SectionRole::Goals,
            _ => role_of(plan, section),
        };
        out.push(Unit {
            start,
            end,
            section,
            task,
            role,
        });
    }
    out
}

/// Where the goals passage of a plan's unnumbered opening starts: the start
/// of the first sentence naming the goals (`主要目标`, `工作目标`, … from
/// `data/section_roles.toml`), if any.
fn goals_passage(opening: &[char]) -> Option<usize> {
    let table = RoleTable::builtin().ok()?;
    let keywords = table.keywords(SectionRole::Goals);
    let mut start = 0;
    for (i, &c) in opening.iter().enumerate() {
        let last = i + 1 == opening.len();
        if matches!(c, '。' | '\n' | '！' | '？') || last {
            let sentence: String = opening[start..=i].iter().collect();
            if keywords.iter().any(|k| sentence.contains(k.as_str())) {
                return Some(start);
            }
            start = i + 1;
        }
    }
    None
}

fn role_of(plan: &ParsedPlan, mut section: Option<usize>) -> SectionRole {
    let mut guard = 0;
    while let Some(i) = section {
        let Some(s) = plan.sections.get(i) else { break };
        if s.role != SectionRole::Other {
            return s.role;
        }
        section = s.parent.filter(|&p| p != i);
        guard += 1;
        if guard > plan.sections.len() {
            break;
        }
    }
    SectionRole::Other
}

/// The characters `[start, end)` of `text` (clamped; never panics).
pub fn char_slice(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Section, TaskItem};

    fn section(
        start: usize,
        end: usize,
        level: u8,
        parent: Option<usize>,
        role: SectionRole,
    ) -> Section {
        Section {
            marker: String::new(),
            number: 1,
            level,
            title: String::new(),
            role,
            start,
            end,
            parent,
            path: String::new(),
        }
    }

    #[test]
    fn units_partition_the_text() {
        let text = "前言文字。一、重点任务（一）人才引进。加强人才。二、保障措施强化保障";
        let n = text.chars().count();
        let plan = ParsedPlan {
            sections: vec![
                section(5, 19, 1, None, SectionRole::Tasks),
                section(11, 19, 2, Some(0), SectionRole::Other),
                section(19, n, 1, None, SectionRole::Safeguards),
            ],
            tasks: vec![TaskItem {
                section: 1,
                path: "一/(一)".into(),
                title: "人才引进".into(),
                text: String::new(),
                start: 11,
                end: 19,
            }],
            ..Default::default()
        };
        let u = units(text, &plan);
        assert_eq!(u.len(), 4);
        assert_eq!(
            (u[0].start, u[0].section, u[0].role),
            (0, None, SectionRole::Other)
        );
        assert_eq!(
            (u[2].start, u[2].task, u[2].role),
            (11, Some(0), SectionRole::Tasks)
        );
        assert_eq!(u[3].role, SectionRole::Safeguards);
        assert_eq!(u.last().map(|u| u.end), Some(n));
        for w in u.windows(2) {
            assert!(w[0].end <= w[1].start);
        }
    }

    #[test]
    fn an_unnumbered_goals_passage_says_it_is_the_goals() {
        let text = "关于印发工作要点的通知。全年工作的主要目标是:新增高新技术企业100家以上。一、重点任务加强人才";
        let n = text.chars().count();
        let first = text.chars().take_while(|&c| c != '一').count();
        let plan = ParsedPlan {
            sections: vec![section(first, n, 1, None, SectionRole::Tasks)],
            ..Default::default()
        };
        let u = units(text, &plan);
        assert_eq!(u[0].role, SectionRole::Other, "the notice");
        assert_eq!(u[1].role, SectionRole::Goals, "{u:?}");
        assert_eq!(char_slice(text, u[1].start, u[1].start + 4), "全年工作");
        assert_eq!(u[1].end, first);
        assert_eq!(u[2].role, SectionRole::Tasks);
    }

    #[test]
    fn out_of_range_offsets_do_not_panic() {
        let plan = ParsedPlan {
            sections: vec![section(3, 999, 1, Some(0), SectionRole::Other)],
            ..Default::default()
        };
        let u = units("短文本内容", &plan);
        assert!(!u.is_empty());
        assert_eq!(char_slice("短文本", 1, 99), "文本");
        assert_eq!(char_slice("短文本", 5, 2), "");
    }
}
