//! Fixture tests over the five seed plans: task counts, sample titles, and
//! snapshots of the section tree (`path role title [start,end)` per node).

use std::fmt::Write as _;
use std::path::PathBuf;

use planlens::model::{ParsedPlan, SectionRole};
use planlens::structure::parse;

fn seed(name: &str) -> String {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let entry = std::fs::read_dir(&dir)
        .expect("seeds folder")
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with(name))
        .unwrap_or_else(|| panic!("seed {name} missing"));
    std::fs::read_to_string(entry.path()).expect("seed is UTF-8")
}

/// One line per node, then the task items, warnings and noise ranges.
fn render(text: &str, plan: &ParsedPlan) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    for s in &plan.sections {
        let _ = writeln!(
            out,
            "{}{} {} {} [{},{})",
            "  ".repeat(usize::from(s.level.saturating_sub(1))),
            s.path,
            s.role.as_str(),
            s.title,
            s.start,
            s.end
        );
    }
    let _ = writeln!(out, "-- tasks: {}", plan.tasks.len());
    for t in &plan.tasks {
        let _ = writeln!(out, "{} {} [{},{})", t.path, t.title, t.start, t.end);
    }
    let _ = writeln!(out, "-- warnings");
    for w in &plan.warnings {
        let _ = writeln!(out, "{} {} @{:?}", w.code, w.message, w.start);
    }
    let _ = writeln!(out, "-- noise");
    for &(s, e) in &plan.noise {
        let _ = writeln!(
            out,
            "[{s},{e}) {:?}",
            chars[s..e].iter().collect::<String>()
        );
    }
    out
}

fn check(name: &str, tasks: usize) -> (String, ParsedPlan) {
    let text = seed(name);
    let plan = parse(&text);
    insta::assert_snapshot!(name, render(&text, &plan));
    assert_eq!(plan.tasks.len(), tasks, "task items of {name}");
    (text, plan)
}

fn titles(plan: &ParsedPlan) -> Vec<(&str, &str)> {
    plan.tasks
        .iter()
        .map(|t| (t.path.as_str(), t.title.as_str()))
        .collect()
}

fn gap_warnings(plan: &ParsedPlan) -> usize {
    plan.warnings
        .iter()
        .filter(|w| w.code == "numbering_gap")
        .count()
}

#[test]
fn linyi_2021_starts_at_paren_level() {
    let (_, plan) = check("000_", 19);
    let t = titles(&plan);
    assert_eq!(t[0], ("(一)/1", "布局建设高质量的创新创业共同体"));
    assert_eq!(t[14], ("(五)/15", "促进科技金融发展"));
    assert_eq!(t[18], ("(六)/20", "强化党员干部队伍建设"));
    assert_eq!(gap_warnings(&plan), 1, "18 → 20");
    assert!(plan.sections.iter().all(|s| s.role == SectionRole::Tasks));
}

#[test]
fn dandong_2020_tasks_under_heading() {
    let (_, plan) = check("001_", 21);
    let t = titles(&plan);
    assert_eq!(t[0], ("二/(一)/1", "编制全市“十四五”科技创新规划"));
    assert_eq!(t[20], ("二/(八)/21", "加强农业科技园区建设"));
    assert_eq!(gap_warnings(&plan), 0);
    let roles: Vec<SectionRole> = plan
        .sections
        .iter()
        .filter(|s| s.level == 1)
        .map(|s| s.role)
        .collect();
    assert_eq!(
        roles,
        [
            SectionRole::Guidance,
            SectionRole::Tasks,
            SectionRole::Safeguards
        ]
    );
}

#[test]
fn rizhao_five_year_plan() {
    let (_, plan) = check("002_", 37);
    let t = titles(&plan);
    assert_eq!(t[0], ("四/(一)/1", "强化企业创新主体地位"));
    assert_eq!(t[9], ("四/(四)/1", "加快实验室体系布局"));
    assert_eq!(t[36], ("四/(十)/3", "提升为民惠民效能"));
    assert_eq!(gap_warnings(&plan), 1, "一 has no (四)");
    let top: Vec<(&str, SectionRole)> = plan
        .sections
        .iter()
        .filter(|s| s.level == 1)
        .map(|s| (s.title.as_str(), s.role))
        .collect();
    assert_eq!(
        top,
        [
            ("发展基础", SectionRole::Background),
            ("面临形势", SectionRole::Background),
            ("总体要求", SectionRole::Guidance),
            ("主要任务", SectionRole::Tasks),
            ("组织实施", SectionRole::Safeguards),
        ]
    );
    assert_eq!(
        plan.noise.len(),
        3,
        "info bar, correction widget, CMS footer"
    );
}

#[test]
fn yibin_2022_four_levels() {
    let (_, plan) = check("003_", 19);
    let t = titles(&plan);
    assert_eq!(t[0], ("三/(一)", "力争出台“一个意见”,强化科技创新政策引领"));
    assert_eq!(t[4], ("三/(三)/1/(1)", "狠抓高能级创新平台建设"));
    assert_eq!(t[18], ("三/(三)/5/(3)", "加强党风廉政建设"));
    assert_eq!(gap_warnings(&plan), 0);
}

#[test]
fn binzhou_2023_inline_markers() {
    let (text, plan) = check("004_", 23);
    let t = titles(&plan);
    assert_eq!(t[0], ("一/(一)", "强化党对科技工作的全面领导"));
    assert_eq!(t[4], ("二/(一)", "开展全市重点实验室体系重塑提升行动"));
    assert_eq!(t[22], ("六/(三)", "加强科学技术普及和宣传工作"));
    assert_eq!(
        plan.sections[0].title,
        "强化顶层设计,努力构建新时代科技强市建设新局面"
    );
    assert_eq!(gap_warnings(&plan), 0);
    // The trailing 政策解读 links are noise and outside the last section.
    let last = plan.sections.last().expect("sections");
    let tail: String = text.chars().skip(last.end).collect();
    assert!(tail.starts_with("政策解读|"), "{tail}");
}
