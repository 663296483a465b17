//! Section paths, task indices and review-section roles from a hand-built
//! `ParsedPlan` (the structure parser is built separately).

use planlens::model::{
    DocumentMeta, ParsedPlan, Period, PlanKind, Section, SectionRole, TargetKind, TargetRole,
    TaskItem,
};
use planlens::targets::{extract, Catalog};

fn char_pos(text: &str, needle: &str) -> usize {
    let b = text.find(needle).expect("needle");
    text[..b].chars().count()
}

#[allow(clippy::too_many_arguments)]
fn section(
    text: &str,
    marker: &str,
    level: u8,
    title: &str,
    role: SectionRole,
    end: usize,
    parent: Option<usize>,
    path: &str,
) -> Section {
    Section {
        marker: marker.to_string(),
        number: 1,
        level,
        title: title.to_string(),
        role,
        start: char_pos(text, &format!("{marker}{title}")),
        end,
        parent,
        path: path.to_string(),
    }
}

#[test]
fn sections_tasks_and_background() {
    let text = "前言。\n一、工作回顾\n全市高新技术企业达到356家。\n二、重点任务\n(一)培育创新主体\n1.壮大科技企业。新增高新技术企业60家以上。\n2.建设创新平台。新建市级重点实验室8家。\n";
    let total = text.chars().count();
    let two = char_pos(text, "二、重点任务");
    let one_one = char_pos(text, "1.壮大");
    let one_two = char_pos(text, "2.建设");
    let sections = vec![
        section(
            text,
            "一、",
            1,
            "工作回顾",
            SectionRole::Background,
            two,
            None,
            "一",
        ),
        section(
            text,
            "二、",
            1,
            "重点任务",
            SectionRole::Tasks,
            total,
            None,
            "二",
        ),
        section(
            text,
            "(一)",
            2,
            "培育创新主体",
            SectionRole::Tasks,
            total,
            Some(1),
            "二/(一)",
        ),
        section(
            text,
            "1.",
            3,
            "壮大科技企业",
            SectionRole::Tasks,
            one_two,
            Some(2),
            "二/(一)/1",
        ),
        section(
            text,
            "2.",
            3,
            "建设创新平台",
            SectionRole::Tasks,
            total,
            Some(2),
            "二/(一)/2",
        ),
    ];
    let tasks = vec![
        TaskItem {
            section: 3,
            path: "二/(一)/1".into(),
            title: "壮大科技企业".into(),
            text: String::new(),
            start: one_one,
            end: one_two,
        },
        TaskItem {
            section: 4,
            path: "二/(一)/2".into(),
            title: "建设创新平台".into(),
            text: String::new(),
            start: one_two,
            end: total,
        },
    ];
    let plan = ParsedPlan {
        sections,
        tasks,
        ..Default::default()
    };
    let meta = DocumentMeta {
        kind: PlanKind::AnnualWorkPlan,
        period: Some(Period::year(2024)),
        ..Default::default()
    };
    let got = extract(text, &plan, &meta, &Catalog::builtin());
    assert_eq!(got.len(), 3, "{got:#?}");

    assert_eq!(got[0].value, 356.0);
    assert_eq!(got[0].section, "一");
    assert_eq!(got[0].task, None);
    assert_eq!(got[0].role, TargetRole::Baseline);
    assert_eq!(got[0].kind, TargetKind::Stock);

    assert_eq!(got[1].value, 60.0);
    assert_eq!(got[1].section, "二/(一)/1");
    assert_eq!(got[1].task, Some(0));
    assert_eq!(got[1].role, TargetRole::Target);
    assert_eq!(
        got[1].indicator_id.as_deref(),
        Some("high_tech_enterprises")
    );

    assert_eq!(got[2].value, 8.0);
    assert_eq!(got[2].section, "二/(一)/2");
    assert_eq!(got[2].task, Some(1));
    assert_eq!(got[2].indicator_id.as_deref(), Some("key_laboratories"));
}

#[test]
fn empty_plan_gives_empty_paths() {
    let meta = DocumentMeta::default();
    let got = extract(
        "新增众创空间5家。",
        &ParsedPlan::default(),
        &meta,
        &Catalog::builtin(),
    );
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].section, "");
    assert_eq!(got[0].task, None);
    assert_eq!(got[0].year, None);
}

#[test]
fn review_heading_found_without_a_plan() {
    // Without sections, a top-level 发展基础 heading still marks baselines.
    let text =
        "一、发展基础\n累计建成院士工作站12家。\n二、主要目标\n到2025年,院士工作站达到20家。";
    let meta = DocumentMeta {
        kind: PlanKind::FiveYearPlan,
        period: Some(Period {
            start: 2021,
            end: 2025,
        }),
        ..Default::default()
    };
    let got = extract(text, &ParsedPlan::default(), &meta, &Catalog::builtin());
    assert_eq!(got.len(), 2);
    assert_eq!(
        (got[0].role, got[0].year),
        (TargetRole::Baseline, Some(2020))
    );
    assert_eq!((got[1].role, got[1].year), (TargetRole::Target, Some(2025)));
    assert_eq!(
        got[1].indicator_id.as_deref(),
        Some("academician_workstations")
    );
}

#[test]
fn period_read_from_the_title_when_metadata_lacks_it() {
    let text = "关于印发《2024年全县科技工作要点》的通知\n全年新增高新技术企业20家。";
    let got = extract(
        text,
        &ParsedPlan::default(),
        &DocumentMeta::default(),
        &Catalog::builtin(),
    );
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].year, Some(2024));

    let text = "某市“十四五”科技创新规划\n一、发展基础\n累计建成众创空间30家。\n二、发展目标\n众创空间达到50家。";
    let got = extract(
        text,
        &ParsedPlan::default(),
        &DocumentMeta::default(),
        &Catalog::builtin(),
    );
    assert_eq!(got.len(), 2);
    assert_eq!(
        (got[0].role, got[0].year),
        (TargetRole::Baseline, Some(2020))
    );
    assert_eq!((got[1].role, got[1].year), (TargetRole::Target, Some(2025)));
}
