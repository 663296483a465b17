//! Unit tests of the structure parser on hand-written plan snippets.

use super::*;

fn paths(text: &str) -> Vec<String> {
    parse(text).sections.into_iter().map(|s| s.path).collect()
}

fn titles(text: &str) -> Vec<String> {
    parse(text).sections.into_iter().map(|s| s.title).collect()
}

fn codes(plan: &ParsedPlan) -> Vec<&str> {
    plan.warnings.iter().map(|w| w.code.as_str()).collect()
}

fn slice(text: &str, s: usize, e: usize) -> String {
    text.chars().skip(s).take(e - s).collect()
}

#[test]
fn line_headings_and_levels() {
    let t = "一、总体要求\n（一）指导思想\n坚持创新。\n（二）主要目标\n到2025年,研发投入强度达到3.2%。\n二、重点任务\n（一）建设平台\n1.布局实验室。新建5家。\n2．培育中心。\n（二）培育企业\n1、实施倍增计划。\n（1）建立培育库。\n（2）强化服务。\n三、保障措施\n加强组织领导。";
    assert_eq!(
        paths(t),
        [
            "一",
            "一/(一)",
            "一/(二)",
            "二",
            "二/(一)",
            "二/(一)/1",
            "二/(一)/2",
            "二/(二)",
            "二/(二)/1",
            "二/(二)/1/(1)",
            "二/(二)/1/(2)",
            "三"
        ]
    );
    let plan = parse(t);
    let levels: Vec<u8> = plan.sections.iter().map(|s| s.level).collect();
    assert_eq!(levels, [1, 2, 2, 1, 2, 3, 3, 2, 3, 4, 4, 1]);
    assert_eq!(plan.sections[9].parent, Some(8));
    assert_eq!(plan.sections[9].marker, "（1）");
    assert_eq!(plan.sections[6].marker, "2．");
    assert!(plan.warnings.is_empty(), "{:?}", plan.warnings);
    let tasks: Vec<&str> = plan.tasks.iter().map(|t| t.path.as_str()).collect();
    assert_eq!(
        tasks,
        ["二/(一)/1", "二/(一)/2", "二/(二)/1/(1)", "二/(二)/1/(2)"]
    );
    assert_eq!(plan.tasks[0].title, "布局实验室");
    assert_eq!(plan.tasks[0].text, "布局实验室。新建5家。");
    assert_eq!(
        slice(t, plan.tasks[0].start, plan.tasks[0].end),
        "1.布局实验室。新建5家。"
    );
}

#[test]
fn plan_may_start_at_paren_level() {
    let t = "2021年工作思路是:坚持创新。\n(一)强化平台建设\n1.建设实验室。\n2.培育中心。\n(二)培育企业\n3.实施计划。";
    assert_eq!(paths(t), ["(一)", "(一)/1", "(一)/2", "(二)", "(二)/3"]);
    let plan = parse(t);
    assert_eq!(plan.sections[0].level, 1);
    assert_eq!(
        plan.tasks.len(),
        3,
        "no task heading: numbered areas are tasks"
    );
    assert!(plan.warnings.is_empty(), "continued numbering is no gap");
}

#[test]
fn inline_markers_after_sentence_ends() {
    let t = "各单位:现印发给你们。一、加强平台建设。新建重点实验室5家以上。(一)做强实验室。布局3-5个。(二)做强中心。新增2.37亿元。二、培育企业。(一)实施倍增计划。力争新增100家。";
    assert_eq!(paths(t), ["一", "一/(一)", "一/(二)", "二", "二/(一)"]);
    assert_eq!(titles(t)[1], "做强实验室");
}

#[test]
fn paren_marker_glued_to_heading_without_full_stop() {
    let t = "通知如下。一、强化顶层设计,构建新局面(一)强化党的领导。坚持领导。(二)强化法治保障。制定方案。二、搭建平台(一)开展行动。";
    assert_eq!(paths(t), ["一", "一/(一)", "一/(二)", "二", "二/(一)"]);
    assert_eq!(titles(t)[0], "强化顶层设计,构建新局面");
    assert_eq!(titles(t)[3], "搭建平台");
}

#[test]
fn figures_never_start_sections() {
    let t = "一、主要目标\n研发投入强度达到3.55%。2.37亿元用于研发。1.5个百分点以上。力争1-2家企业上市。\n2021.10起实施。2023年完成。第1批项目。\n规划(2021—2025年)及《管理办法（试行）》和(2023)报告。\n二、重点任务\n重点做好工作。";
    assert_eq!(paths(t), ["一", "二"]);
}

#[test]
fn random_numbers_inside_sentences_are_not_markers() {
    // `3.` after a sentence end but out of sequence, `一、二、三产业`
    // enumerations, and `1、2号线` lists.
    let t = "一、重点任务\n1.建设平台。推进建设。3.实施方案另行制定。\n2.推进一、二、三产业融合。建设1、2号线。\n3.强化服务。";
    assert_eq!(paths(t), ["一", "一/1", "一/2", "一/3"]);
}

#[test]
fn inline_numbers_out_of_sequence_are_rejected() {
    let t = "一、总体要求。坚持创新。三、这不是标题。(三)也不是。";
    assert_eq!(paths(t), ["一"]);
}

#[test]
fn numbering_gaps_are_warnings() {
    let t = "一、基础\n(一)平台\n内容。\n(二)企业\n内容。\n(四)人才\n内容。\n二、任务\n1.甲。\n2.乙。\n4.丁。";
    let plan = parse(t);
    assert_eq!(
        paths(t),
        [
            "一",
            "一/(一)",
            "一/(二)",
            "一/(四)",
            "二",
            "二/1",
            "二/2",
            "二/4"
        ]
    );
    assert_eq!(codes(&plan), ["numbering_gap", "numbering_gap"]);
    assert!(plan.warnings[0].message.contains("(三)"));
    assert_eq!(plan.warnings[1].start, Some(plan.sections[7].start));
}

#[test]
fn heading_with_body_on_same_line() {
    let t = "(一)平台\n1.布局建设高质量的创新创业共同体。强化需求牵引。\n2.标题用冒号:正文。\n3.没有句号的很长的标题文字一二三四五六七八九十一二三四五六七八九十,继续写下去一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十";
    let ts = titles(t);
    assert_eq!(ts[1], "布局建设高质量的创新创业共同体");
    assert_eq!(ts[2], "标题用冒号");
    assert_eq!(
        ts[3],
        "没有句号的很长的标题文字一二三四五六七八九十一二三四五六七八九十"
    );
}

#[test]
fn noise_is_kept_out_of_sections() {
    let t = "某市规划\n浏览次数: 信息来源:某市 发布时间: 2021-10-27 文字大小:\n一、重点任务\n1.建设平台。\n纠错(JST)请求出现异常!\n续写内容。\n2.培育企业。\n扫一扫在手机打开当前页\n上一篇：1.关于印发某某的通知\n【打印本页】【关闭窗口】\n";
    let plan = parse(t);
    assert_eq!(paths(t), ["一", "一/1", "一/2"]);
    assert_eq!(plan.noise.len(), 3);
    let last = plan.sections.last().expect("sections");
    assert_eq!(slice(t, last.start, last.end).trim_end(), "2.培育企业。");
    // Noise in the middle of an item stays in its raw text.
    assert!(plan.tasks[0].text.contains("纠错"));
}

#[test]
fn page_numbers_end_no_task_item() {
    let t = "一、重点任务\n1.建设平台。\n\n— 2 —\n2.培育企业。\n第3页 共4页\n3.引进人才。";
    let plan = parse(t);
    assert_eq!(paths(t), ["一", "一/1", "一/2", "一/3"]);
    assert_eq!(plan.tasks[0].text, "建设平台。");
    assert_eq!(plan.tasks[1].text, "培育企业。");
}

#[test]
fn roles_inherit_and_default_to_tasks() {
    let t = "一、发展基础\n(一)成绩\n内容。\n二、总体要求\n(一)指导思想\n内容。\n(二)发展目标\n内容。\n三、培育创新主体\n(一)企业\n内容。\n四、建设创新平台\n内容。\n五、保障措施\n(一)加强组织领导\n内容。";
    let plan = parse(t);
    let roles: Vec<&str> = plan.sections.iter().map(|s| s.role.as_str()).collect();
    assert_eq!(
        roles,
        [
            "background",
            "background",
            "guidance",
            "guidance",
            "goals",
            "tasks",
            "tasks",
            "tasks",
            "safeguards",
            "safeguards"
        ]
    );
    let tasks: Vec<&str> = plan.tasks.iter().map(|t| t.path.as_str()).collect();
    assert_eq!(
        tasks,
        ["三/(一)", "四"],
        "a task area without children is one item"
    );
}

#[test]
fn explicit_task_heading_limits_tasks() {
    let t = "一、总体要求\n内容。\n二、重点任务\n(一)甲\n内容。\n三、重大项目安排\n内容。\n四、保障措施\n内容。";
    let plan = parse(t);
    let tasks: Vec<&str> = plan.tasks.iter().map(|t| t.path.as_str()).collect();
    assert_eq!(tasks, ["二/(一)"]);
    assert_eq!(plan.sections[3].role, SectionRole::Other);
}

#[test]
fn closing_paragraph_of_a_background_review() {
    let t = "一、发展基础\n概述。\n(一)平台\n建成10家。\n(二)人才\n引进50名。\n在取得成绩的同时,还存在一些不足:仅有2家。\n二、重点任务\n(一)建设平台\n内容。";
    let plan = parse(t);
    let two = &plan.sections[2];
    assert_eq!(two.path, "一/(二)");
    assert_eq!(slice(t, two.start, two.end), "(二)人才\n引进50名。\n");
    assert!(slice(t, plan.sections[0].start, plan.sections[0].end).contains("仅有2家"));
}

#[test]
fn closing_paragraph_stays_in_a_subsection_on_challenges() {
    let t = "第一章 发展基础\n第一节 发展成效\n建成10家。\n第二节 面临形势\n机遇前所未有。同时也要看到,研发投入强度仍然偏低。\n第二章 重点任务\n内容。";
    let plan = parse(t);
    let two = &plan.sections[2];
    assert_eq!(two.path, "第一章/第二节");
    assert!(slice(t, two.start, two.end).contains("研发投入强度仍然偏低"));
}

#[test]
fn closing_phrase_outside_background_changes_nothing() {
    let t = "一、重点任务\n(一)平台\n内容。\n在取得成绩的同时,继续推进。\n二、保障措施\n内容。";
    let plan = parse(t);
    assert_eq!(plan.sections[1].end, plan.sections[2].start);
}

#[test]
fn full_width_and_spaced_markers() {
    let t = "\u{3000}\u{3000}一、 总体要求\n\u{3000}\u{3000}（一） 指导思想\n内容。\n（十一）第十一项\n内容。";
    assert_eq!(paths(t), ["一", "一/(一)", "一/(十一)"]);
    assert_eq!(titles(t)[1], "指导思想");
    let plan = parse(t);
    assert_eq!(
        plan.sections[0].start, 2,
        "start is the marker, after indentation"
    );
    assert_eq!(codes(&plan), ["numbering_gap", "no_task_items"]);
}

#[test]
fn empty_and_markerless_texts() {
    assert_eq!(parse(""), ParsedPlan::default());
    let plan = parse("这是一段没有编号的说明文字。");
    assert!(plan.sections.is_empty());
    assert_eq!(codes(&plan), ["no_sections"]);
    let plan = parse("一、发展基础\n内容。");
    assert_eq!(codes(&plan), ["no_task_items"]);
}

#[test]
fn crlf_line_breaks() {
    let t = "一、总体要求\r\n内容。\r\n二、重点任务\r\n1.建设平台。\r\n";
    assert_eq!(paths(t), ["一", "二", "二/1"]);
    assert_eq!(titles(t), ["总体要求", "重点任务", "建设平台"]);
}

#[test]
fn chapters_of_long_plans() {
    let t = "第一章 发展基础\n第一节 主要成绩\n一、平台建设\n建成10家。\n第二章 主要任务\n第一节 提升企业能力\n一、强化主体地位\n内容。\n二、培育企业梯队\n内容。\n第二节 建设平台\n内容。如第一章所述。\n第三章 保障措施\n内容。";
    assert_eq!(
        paths(t),
        [
            "第一章",
            "第一章/第一节",
            "第一章/第一节/一",
            "第二章",
            "第二章/第一节",
            "第二章/第一节/一",
            "第二章/第一节/二",
            "第二章/第二节",
            "第三章"
        ]
    );
    let plan = parse(t);
    let tasks: Vec<&str> = plan.tasks.iter().map(|t| t.path.as_str()).collect();
    assert_eq!(
        tasks,
        ["第二章/第一节/一", "第二章/第一节/二", "第二章/第二节"]
    );
}

#[test]
fn numbering_going_back_is_a_warning() {
    let t = "一、任务\n1.甲。\n2.乙。\n1.丙。";
    let plan = parse(t);
    assert_eq!(paths(t), ["一", "一/1", "一/2", "一/1"]);
    assert_eq!(codes(&plan), ["numbering_out_of_order"]);
}

#[test]
fn table_of_contents_is_kept_out() {
    let t = "某市科技创新规划\n目  录\n第一章 发展基础…………1\n第二章 主要任务…………5\n第三章 保障措施…………9\n第一章 发展基础\n内容。\n第二章 主要任务\n一、建设平台\n内容。\n第三章 保障措施\n内容。";
    let plan = parse(t);
    assert_eq!(
        paths(t),
        ["第一章", "第二章", "第二章/一", "第三章"],
        "TOC lines are not sections"
    );
    assert_eq!(plan.noise.len(), 1);
    let (s, e) = plan.noise[0];
    assert!(slice(t, s, e).starts_with("目  录"));
    assert!(slice(t, s, e).ends_with("…………9\n"));
    assert!(plan.warnings.is_empty(), "{:?}", plan.warnings);
}

#[test]
fn a_toc_without_a_repeated_heading_is_ignored() {
    let t = "目录\n一、总体要求\n二、重点任务\n1.建设平台。";
    assert!(parse(t).noise.is_empty());
}

#[test]
fn inline_list_in_the_preamble_is_not_the_top_level() {
    let t = "主要目标是:1.新增高新技术企业100家;2.研发投入强度达到3%。一、强化平台建设。(一)建设实验室。内容。二、培育企业。(一)实施倍增。内容。";
    assert_eq!(paths(t), ["一", "一/(一)", "二", "二/(一)"]);
}
