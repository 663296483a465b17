//! Metadata detection on invented plan snippets in the styles met in real
//! plans: red-header covers, web pages, bare bodies, other cities, hard
//! negatives.

use planlens::decode::decode_bytes;
use planlens::metadata::{detect, Gazetteer};
use planlens::model::{DocumentMeta, Period, PlanKind};

fn meta(text: &str) -> DocumentMeta {
    detect(text, Gazetteer::builtin())
}

fn span(start: i32, end: i32) -> Option<Period> {
    Some(Period { start, end })
}

#[test]
fn red_header_cover_of_a_five_year_plan() {
    let text = "济南市人民政府办公厅文件\n\
        济政办发〔2021〕18号\n\
        济南市人民政府办公厅\n\
        关于印发济南市“十四五”科技创新规划的通知\n\
        各区县人民政府，市政府各部门：\n\
        现将《济南市“十四五”科技创新规划》印发给你们，请认真贯彻执行。\n\
        济南市人民政府办公厅\n\
        二〇二一年十一月五日\n\
        （此件公开发布）\n\
        济南市“十四五”科技创新规划\n\
        为深入实施创新驱动发展战略，根据《国务院关于印发“十三五”国家科技创新规划的通知》（国发〔2016〕43号），制定本规划。\n\
        一、发展基础\n\
        “十三五”期间，全市高新技术企业达到2000家。\n";
    let m = meta(text);
    assert_eq!(m.title.as_deref(), Some("济南市“十四五”科技创新规划"));
    assert_eq!(m.city.as_deref(), Some("济南市"));
    assert_eq!(m.province.as_deref(), Some("山东省"));
    assert_eq!(m.kind, PlanKind::FiveYearPlan);
    assert_eq!(m.period, span(2021, 2025));
    assert_eq!(m.issuer.as_deref(), Some("济南市人民政府办公厅"));
    assert_eq!(m.doc_number.as_deref(), Some("济政办发〔2021〕18号"));
    assert_eq!(m.published.as_deref(), Some("2021-11-05"));
}

#[test]
fn web_page_with_chrome_and_labelled_fields() {
    let text = "当前位置：首页 > 政务公开 > 通知公告\n\
        索引号：11510700MB1234567X/2022-00012\n\
        发布机构：绵阳市科学技术局  成文日期：2022-02-28  发布日期：2022-03-02\n\
        文号：绵科发[2022]5号\n\
        绵阳市科学技术局关于印发《2022年绵阳市科技工作要点》的通知\n\
        各县（市、区）科技局：现将《2022年绵阳市科技工作要点》印发给你们。\n\
        2022年绵阳市科技工作要点\n\
        2022年全市科技工作的总体要求是：……\n";
    let m = meta(text);
    assert_eq!(m.title.as_deref(), Some("2022年绵阳市科技工作要点"));
    assert_eq!(m.city.as_deref(), Some("绵阳市"));
    assert_eq!(m.province.as_deref(), Some("四川省"));
    assert_eq!(m.kind, PlanKind::AnnualWorkPlan);
    assert_eq!(m.period, span(2022, 2022));
    assert_eq!(m.issuer.as_deref(), Some("绵阳市科学技术局"));
    assert_eq!(m.doc_number.as_deref(), Some("绵科发[2022]5号"));
    // 发布日期 wins over 成文日期.
    assert_eq!(m.published.as_deref(), Some("2022-03-02"));
}

#[test]
fn multi_line_title_with_span_line_is_an_implementation_plan() {
    let text = "宜昌市加快科技创新\n\
        三年行动计划\n\
        （2023—2025年）\n\
        为加快建设区域科技创新中心，结合我市实际，制定本行动计划。\n\
        到2025年，全市高新技术企业达到1500家。\n";
    let m = meta(text);
    assert_eq!(
        m.title.as_deref(),
        Some("宜昌市加快科技创新三年行动计划（2023—2025年）")
    );
    assert_eq!(m.city.as_deref(), Some("宜昌市"));
    assert_eq!(m.province.as_deref(), Some("湖北省"));
    assert_eq!(m.kind, PlanKind::ImplementationPlan);
    assert_eq!(m.period, span(2023, 2025));
}

#[test]
fn implementation_plan_without_span_takes_the_year_of_issue() {
    let text = "株洲市科学技术局关于印发《株洲市科技成果转化实施方案》的通知\n\
        株科发〔2024〕7号\n\
        各县市区科技部门：现将方案印发给你们，请认真落实。\n\
        株洲市科学技术局\n\
        2024年4月8日\n\
        株洲市科技成果转化实施方案\n\
        为促进科技成果转化，制定本方案。\n";
    let m = meta(text);
    assert_eq!(m.title.as_deref(), Some("株洲市科技成果转化实施方案"));
    assert_eq!(m.kind, PlanKind::ImplementationPlan);
    assert_eq!(m.period, span(2024, 2024));
    assert_eq!(m.city.as_deref(), Some("株洲市"));
    assert_eq!(m.published.as_deref(), Some("2024-04-08"));
    assert_eq!(m.doc_number.as_deref(), Some("株科发〔2024〕7号"));
}

#[test]
fn bare_body_annual_plan_mentioning_a_five_year_plan_stays_annual() {
    let text = "2024年是实施“十四五”规划的攻坚之年，也是绍兴高水平建设创新型城市的关键之年。\n\
        一、总体要求\n\
        全市科技工作要以绍兴“科创走廊”建设为牵引，推进绍兴科技创新。\n";
    let m = meta(text);
    assert_eq!(m.title, None);
    assert_eq!(m.kind, PlanKind::AnnualWorkPlan);
    assert_eq!(m.period, span(2024, 2024));
    assert_eq!(m.city.as_deref(), Some("绍兴市"));
    assert_eq!(m.province.as_deref(), Some("浙江省"));
}

#[test]
fn bare_body_five_year_plan_skips_the_review_period() {
    let text = "“十三五”期间，全市科技创新取得显著成效。“十四五”时期是我市加快建设创新型城市的关键时期，为此制定本规划。\n\
        一、发展基础\n\
        芜湖市高新技术企业数量持续增长，芜湖国家创新型城市建设稳步推进。\n";
    let m = meta(text);
    assert_eq!(m.kind, PlanKind::FiveYearPlan);
    assert_eq!(m.period, span(2021, 2025));
    assert_eq!(m.city.as_deref(), Some("芜湖市"));
    assert_eq!(m.province.as_deref(), Some("安徽省"));
}

#[test]
fn weak_short_names_do_not_decide_but_full_names_do() {
    // 中山 is weak (孙中山, 中山大学); the title's full name 中山市 counts.
    let text = "中山市2024年科技创新工作要点\n\
        2024年，全市要深化与中山大学、广州实验室合作，弘扬孙中山先生精神。广州、广州、广州。\n";
    let m = meta(text);
    assert_eq!(m.city.as_deref(), Some("中山市"));
    assert_eq!(m.province.as_deref(), Some("广东省"));
    assert_eq!(m.kind, PlanKind::AnnualWorkPlan);
    assert_eq!(m.period, span(2024, 2024));
}

#[test]
fn province_names_are_not_cities() {
    // 吉林省 is the province; 吉林市 the city; bare 吉林 is ambiguous (weak).
    let text =
        "2023年全市科技工作的总体思路是：落实吉林省委部署，吉林省科技厅支持，吉林吉林吉林。\n\
        吉林市将加快建设创新型城市，吉林市高新区……\n";
    let m = meta(text);
    assert_eq!(m.city.as_deref(), Some("吉林市"));
    assert_eq!(m.province.as_deref(), Some("吉林省"));

    let text = "山东省“十四五”科技创新规划\n为加快建设科技强省，制定本规划。济南、青岛、烟台……\n";
    let m = meta(text);
    assert_eq!(m.city, None, "a provincial plan has no city");
    assert_eq!(m.province.as_deref(), Some("山东省"));
    assert_eq!(m.kind, PlanKind::FiveYearPlan);
    assert_eq!(m.period, span(2021, 2025));
}

#[test]
fn municipalities_are_their_own_province() {
    let text =
        "北京市“十四五”时期国际科技创新中心建设规划\n为加快建设国际科技创新中心，制定本规划。\n";
    let m = meta(text);
    assert_eq!(m.city.as_deref(), Some("北京市"));
    assert_eq!(m.province.as_deref(), Some("北京市"));
    assert_eq!(m.kind, PlanKind::FiveYearPlan);
}

#[test]
fn county_level_city_plan_maps_to_its_prefecture_via_the_body() {
    // 邹城 is a county-level city (not in the gazetteer) under 济宁.
    let text = "邹城市2023年科技创新工作要点\n\
        2023年，全市科技工作要主动融入济宁市创新发展大局，争创济宁市科技创新先进县市区，邹城邹城。\n";
    let m = meta(text);
    assert_eq!(m.city.as_deref(), Some("济宁市"));
    assert_eq!(m.province.as_deref(), Some("山东省"));
    assert_eq!(m.kind, PlanKind::AnnualWorkPlan);
    assert_eq!(m.period, span(2023, 2023));
}

#[test]
fn hard_negatives_in_running_text() {
    let text = "2022年全市科技工作的总体思路是：巩固原有优势，优化山东营商环境，推广元宇宙应用，深化与阿里巴巴合作，长治久安。\n\
        根据中发〔2016〕4号文件精神，2020年3月16日召开会议。\n\
        我市（潍坊）将进一步加强潍坊国家农综区建设，潍坊……\n";
    let m = meta(text);
    assert_eq!(m.city.as_deref(), Some("潍坊市"));
    assert_eq!(
        m.doc_number, None,
        "a 文号 in running text is not the document's"
    );
    assert_eq!(
        m.published, None,
        "a date in running text is not a publication date"
    );
    assert_eq!(m.period, span(2022, 2022));
}

#[test]
fn gbk_file_end_to_end() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/encodings/gbk.txt");
    let d = decode_bytes(&std::fs::read(path).unwrap()).unwrap();
    assert_eq!(d.encoding, "GBK");
    let m = meta(&d.text);
    assert_eq!(m.title.as_deref(), Some("2024年全市科技工作要点"));
    assert_eq!(m.city.as_deref(), Some("东营市"));
    assert_eq!(m.province.as_deref(), Some("山东省"));
    assert_eq!(m.kind, PlanKind::AnnualWorkPlan);
    assert_eq!(m.period, span(2024, 2024));
    assert_eq!(m.issuer.as_deref(), Some("东营市科学技术局"));
    assert_eq!(m.doc_number.as_deref(), Some("东科字〔2024〕3号"));
}

#[test]
fn kinds_from_titles() {
    let cases: &[(&str, PlanKind)] = &[
        ("潍坊市2023年科技工作计划", PlanKind::AnnualWorkPlan),
        ("潍坊市科技工作思路", PlanKind::AnnualWorkPlan),
        (
            "潍坊市科技创新行动计划（2023—2025年）",
            PlanKind::ImplementationPlan,
        ),
        ("潍坊市科技创新行动方案", PlanKind::ImplementationPlan),
        ("潍坊市中长期科技发展规划（2021—2035年）", PlanKind::Other),
        (
            "潍坊市科技创新发展规划（2021—2025年）",
            PlanKind::FiveYearPlan,
        ),
        ("关于加快科技创新的实施意见", PlanKind::Other),
        ("潍坊市科技计划项目管理办法", PlanKind::Other),
    ];
    for (title, kind) in cases {
        let text = format!("{title}\n为推动创新发展，结合实际制定。\n");
        assert_eq!(meta(&text).kind, *kind, "{title}");
        assert_eq!(meta(&text).title.as_deref(), Some(*title), "{title}");
    }
    let m = meta("潍坊市中长期科技发展规划（2021—2035年）\n为推动创新发展，制定本规划。\n");
    assert_eq!(m.period, span(2021, 2035));
}

#[test]
fn degenerate_inputs_do_not_panic() {
    for text in [
        "",
        "\n\n\n",
        "关于印发",
        "关于印发《》的通知",
        "十五",
        "（",
        "2023年",
        "发布时间：",
        "文号：〔2020〕号",
        "局文件",
        "𠮷𠮷𠮷关于印发《𠮷》的通知\n𠮷",
    ] {
        let _ = meta(text);
    }
    assert_eq!(meta("").kind, PlanKind::Other);
}

#[test]
fn issuer_line_above_the_title_is_not_part_of_it() {
    let text = "临沂市科学技术局\n\
        2021年全市科技创新工作要点\n\
        2021年全市科技创新工作的总体思路是：……\n";
    let m = meta(text);
    assert_eq!(m.title.as_deref(), Some("2021年全市科技创新工作要点"));
    assert_eq!(m.issuer.as_deref(), Some("临沂市科学技术局"));
    assert_eq!(m.city.as_deref(), Some("临沂市"));
}

#[test]
fn annual_plan_opening_with_a_review_takes_the_year_ahead() {
    let text = "2022年，全市科技工作取得新成效，高新技术企业达到500家。\
        2023年全市科技工作的总体要求是：坚持创新驱动，建设创新湖州。\n\
        一、主要目标\n湖州……\n";
    let m = meta(text);
    assert_eq!(m.kind, PlanKind::AnnualWorkPlan);
    assert_eq!(m.period, span(2023, 2023));
    assert_eq!(m.city.as_deref(), Some("湖州市"));
}

#[test]
fn summary_and_plan_title_takes_the_later_year() {
    let text = "附件1\n衡水市科技局2022年工作总结和2023年工作计划\n一、2022年工作总结\n";
    let m = meta(text);
    assert_eq!(
        m.title.as_deref(),
        Some("衡水市科技局2022年工作总结和2023年工作计划")
    );
    assert_eq!(m.kind, PlanKind::AnnualWorkPlan);
    assert_eq!(m.period, span(2023, 2023));
    assert_eq!(m.city.as_deref(), Some("衡水市"));
    assert_eq!(m.province.as_deref(), Some("河北省"));
}

#[test]
fn long_form_five_year_plan_name() {
    let text = "【字体：大 中 小】\n\
        黔东南州国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n\
        黔东南州人民政府\n\
        2021年4月2日\n\
        文号：黔东南府发﹝2021﹞3号\n";
    let m = meta(text);
    assert_eq!(m.kind, PlanKind::FiveYearPlan);
    assert_eq!(m.period, span(2021, 2025));
    assert_eq!(m.city.as_deref(), Some("黔东南苗族侗族自治州"));
    assert_eq!(m.province.as_deref(), Some("贵州省"));
    assert_eq!(m.doc_number.as_deref(), Some("黔东南府发﹝2021﹞3号"));
    assert_eq!(m.published.as_deref(), Some("2021-04-02"));
    assert_eq!(m.issuer.as_deref(), Some("黔东南州人民政府"));
}

#[test]
fn partner_municipalities_do_not_outweigh_the_city() {
    let text = "2024年全市科技工作的总体思路是：深化与北京、上海、北京高校合作，对接北京、上海创新资源。\n\
        廊坊市将加快融入京津冀协同创新，廊坊科技……\n";
    let m = meta(text);
    assert_eq!(m.city.as_deref(), Some("廊坊市"));
    assert_eq!(m.province.as_deref(), Some("河北省"));
}

#[test]
fn a_source_inside_a_sentence_is_not_a_field() {
    let text = "2024年全市科技工作的总体思路是：资金来源：市财政局统筹安排。\n淄博……\n";
    let m = meta(text);
    assert_eq!(m.issuer, None);
    assert_eq!(m.city.as_deref(), Some("淄博市"));
}

#[test]
fn page_title_site_suffix_is_dropped() {
    let text =
        "2023年全市科技工作要点_滨州市科学技术局\n2023年是全面贯彻落实党的二十大精神的开局之年。\n";
    let m = meta(text);
    assert_eq!(m.title.as_deref(), Some("2023年全市科技工作要点"));
    assert_eq!(
        m.city.as_deref(),
        Some("滨州市"),
        "the site name still tells the city"
    );
}

#[test]
fn text_starting_with_a_numbered_section_has_no_title() {
    let text = "一、总体要求\n（一）工作思路\n2022年全市科技工作要点明确……\n二、重点任务\n（一）实施科技企业培育计划\n";
    let m = meta(text);
    assert_eq!(m.title, None);
}

#[test]
fn five_year_plan_without_named_period_uses_its_target_year() {
    let text = "榆林市科技创新发展规划\n为加快建设创新型城市，制定本规划。到2025年，全市研发投入强度达到2%。\n";
    let m = meta(text);
    assert_eq!(m.kind, PlanKind::FiveYearPlan);
    assert_eq!(m.period, span(2021, 2025));
    // A target year that closes no five-year period gives no span.
    let text = "榆林市科技创新发展规划\n为加快建设创新型城市，制定本规划。到2027年，全市研发投入强度达到2%。\n";
    assert_eq!(meta(text).period, None);
}
