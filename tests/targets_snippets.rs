//! Table-driven snippets in the style of municipal S&T plans (new sentences,
//! other cities and indicators than the seeds), with hard negatives.

use planlens::model::{
    DocumentMeta, ParsedPlan, Period, PlanKind, Qualifier, Target, TargetKind, TargetRole,
};
use planlens::targets::{extract, Catalog};

fn annual(y: i32) -> DocumentMeta {
    DocumentMeta {
        kind: PlanKind::AnnualWorkPlan,
        period: Some(Period::year(y)),
        ..Default::default()
    }
}

fn five_year() -> DocumentMeta {
    DocumentMeta {
        kind: PlanKind::FiveYearPlan,
        period: Some(Period {
            start: 2021,
            end: 2025,
        }),
        ..Default::default()
    }
}

fn run(text: &str, meta: &DocumentMeta) -> Vec<Target> {
    extract(text, &ParsedPlan::default(), meta, &Catalog::builtin())
}

/// Expected figure: value, value_high, unit, qualifier, kind, role, year,
/// and a phrase the indicator must contain (or be contained in).
struct Want {
    value: f64,
    high: Option<f64>,
    unit: &'static str,
    q: Qualifier,
    kind: TargetKind,
    role: TargetRole,
    year: Option<i32>,
    indicator: &'static str,
}

#[allow(clippy::too_many_arguments)]
fn w(
    value: f64,
    high: Option<f64>,
    unit: &'static str,
    q: Qualifier,
    kind: TargetKind,
    role: TargetRole,
    year: Option<i32>,
    indicator: &'static str,
) -> Want {
    Want {
        value,
        high,
        unit,
        q,
        kind,
        role,
        year,
        indicator,
    }
}

use Qualifier::{About, AtLeast, AtMost, Exact};
use TargetKind::{Increment, Rate, Stock};
use TargetRole::{Baseline, Target as Tgt};

fn check(text: &str, meta: &DocumentMeta, want: &[Want]) {
    let got = run(text, meta);
    assert_eq!(
        got.len(),
        want.len(),
        "{text}\n got: {:#?}",
        got.iter()
            .map(|t| (&t.quote, t.value, &t.unit))
            .collect::<Vec<_>>()
    );
    let chars: Vec<char> = text.chars().collect();
    for (g, w) in got.iter().zip(want) {
        let ctx = format!("{text}\n -> {g:#?}");
        assert!((g.value - w.value).abs() < 1e-9, "value {ctx}");
        assert_eq!(g.value_high, w.high, "value_high {ctx}");
        assert_eq!(g.unit, w.unit, "unit {ctx}");
        assert_eq!(g.qualifier, w.q, "qualifier {ctx}");
        assert_eq!(g.kind, w.kind, "kind {ctx}");
        assert_eq!(g.role, w.role, "role {ctx}");
        assert_eq!(g.year, w.year, "year {ctx}");
        assert!(
            g.indicator.contains(w.indicator)
                || w.indicator.contains(g.indicator.as_str()) && !g.indicator.is_empty(),
            "indicator {ctx}"
        );
        // Quotes are verbatim, located by character offsets.
        let q: String = chars[g.start..g.end].iter().collect();
        assert_eq!(q, g.quote);
        assert!(g.end - g.start <= 40 || g.quote.chars().count() <= 40);
    }
}

#[test]
fn annual_plan_targets() {
    let m = annual(2024);
    let y = Some(2024);
    check(
        "全年新增国家高新技术企业80家以上,总数达到520家。",
        &m,
        &[
            w(
                80.0,
                None,
                "家",
                AtLeast,
                Increment,
                Tgt,
                y,
                "国家高新技术企业",
            ),
            w(
                520.0,
                None,
                "家",
                Exact,
                Stock,
                Tgt,
                y,
                "国家高新技术企业总数",
            ),
        ],
    );
    check(
        "研发经费投入强度达到2.8%,技术合同成交额突破50亿元。",
        &m,
        &[
            w(2.8, None, "%", Exact, Rate, Tgt, y, "研发经费投入强度"),
            w(50.0, None, "亿元", AtLeast, Stock, Tgt, y, "技术合同成交额"),
        ],
    );
    check(
        "力争培育科技型中小企业300家左右。",
        &m,
        &[w(
            300.0,
            None,
            "家",
            About,
            Increment,
            Tgt,
            y,
            "科技型中小企业",
        )],
    );
    check(
        "建设省级以上重点实验室、工程技术研究中心30家。",
        &m,
        &[w(
            30.0,
            None,
            "家",
            Exact,
            Increment,
            Tgt,
            y,
            "重点实验室、工程技术研究中心",
        )],
    );
    check(
        "高新技术产业产值占规模以上工业总产值比重提高2个百分点。",
        &m,
        &[w(
            2.0,
            None,
            "个百分点",
            Exact,
            Rate,
            Tgt,
            y,
            "占规模以上工业总产值比重",
        )],
    );
    check(
        "组织开展农村实用技术培训2万人次。",
        &m,
        &[w(
            2.0,
            None,
            "万人次",
            Exact,
            Increment,
            Tgt,
            y,
            "农村实用技术培训",
        )],
    );
    check(
        "年内举办两场科技成果对接会。",
        &m,
        &[w(
            2.0,
            None,
            "场",
            Exact,
            Increment,
            Tgt,
            y,
            "科技成果对接会",
        )],
    );
    check(
        "力争3—5家企业进入省级创新型领军企业行列。",
        &m,
        &[w(
            3.0,
            Some(5.0),
            "家",
            Exact,
            Increment,
            Tgt,
            y,
            "企业进入省级创新型领军企业行列",
        )],
    );
    check(
        "新增省级以上科技企业孵化器、众创空间各4家以上。",
        &m,
        &[w(
            4.0,
            None,
            "家",
            AtLeast,
            Increment,
            Tgt,
            y,
            "科技企业孵化器、众创空间",
        )],
    );
    check(
        "认定市级科技企业孵化器5家、众创空间10家。",
        &m,
        &[
            w(
                5.0,
                None,
                "家",
                Exact,
                Increment,
                Tgt,
                y,
                "市级科技企业孵化器",
            ),
            w(10.0, None, "家", Exact, Increment, Tgt, y, "众创空间"),
        ],
    );
    check(
        "争取本年度新增一个省级工程技术研究中心。",
        &m,
        &[w(
            1.0,
            None,
            "个",
            Exact,
            Increment,
            Tgt,
            y,
            "省级工程技术研究中心",
        )],
    );
    check(
        "全年选派科技特派员120名,解决农业生产技术问题300余项。",
        &m,
        &[
            w(120.0, None, "名", Exact, Increment, Tgt, y, "科技特派员"),
            w(
                300.0,
                None,
                "项",
                AtLeast,
                Increment,
                Tgt,
                y,
                "农业生产技术问题",
            ),
        ],
    );
    check(
        "争取省级以上科技项目资金1.5亿元。",
        &m,
        &[w(
            1.5,
            None,
            "亿元",
            Exact,
            Increment,
            Tgt,
            y,
            "省级以上科技项目资金",
        )],
    );
    check(
        "规上工业企业设立研发机构的比例达到三分之一以上。",
        &m,
        &[w(
            1.0 / 3.0,
            None,
            "",
            AtLeast,
            Rate,
            Tgt,
            y,
            "设立研发机构的比例",
        )],
    );
    check(
        "单户企业信用贷款额度500万元以内。",
        &m,
        &[w(
            500.0,
            None,
            "万元",
            AtMost,
            Stock,
            Tgt,
            y,
            "信用贷款额度",
        )],
    );
    check(
        "与12家以上高校院所签订产学研合作协议。",
        &m,
        &[w(12.0, None, "家", AtLeast, Increment, Tgt, y, "高校院所")],
    );
    check(
        "3.举办科技特派员培训班5期以上。",
        &m,
        &[w(
            5.0,
            None,
            "期",
            AtLeast,
            Increment,
            Tgt,
            y,
            "科技特派员培训班",
        )],
    );
    check(
        "(2)新培育省级瞪羚企业3家、独角兽企业1家。",
        &m,
        &[
            w(3.0, None, "家", Exact, Increment, Tgt, y, "省级瞪羚企业"),
            w(1.0, None, "家", Exact, Increment, Tgt, y, "独角兽企业"),
        ],
    );
    check(
        "设立1000万元科技成果转化专项资金,支持不超过3家企业牵头。",
        &m,
        &[
            w(
                1000.0,
                None,
                "万元",
                Exact,
                Increment,
                Tgt,
                y,
                "科技成果转化专项资金",
            ),
            w(3.0, None, "家", AtMost, Stock, Tgt, y, "企业"),
        ],
    );
    check(
        "对首次通过认定的高新技术企业,给予20万元奖励。",
        &m,
        &[w(20.0, None, "万元", Exact, Stock, Tgt, y, "奖励")],
    );
    check(
        "围绕6条重点产业链,新建新型研发机构8家,总数达到30家。",
        &m,
        &[
            w(6.0, None, "条", Exact, Stock, Tgt, y, "重点产业链"),
            w(8.0, None, "家", Exact, Increment, Tgt, y, "新型研发机构"),
            w(30.0, None, "家", Exact, Stock, Tgt, y, "新型研发机构总数"),
        ],
    );
    check(
        "每10万人口高价值发明专利拥有量达到8件。",
        &m,
        &[w(
            8.0,
            None,
            "件",
            Exact,
            Rate,
            Tgt,
            y,
            "高价值发明专利拥有量",
        )],
    );
    check(
        "组织兑现企业研发后补助20项以上。",
        &m,
        &[w(
            20.0,
            None,
            "项",
            AtLeast,
            Increment,
            Tgt,
            y,
            "企业研发后补助",
        )],
    );
    check(
        "至少组建1个产业技术创新联盟。",
        &m,
        &[w(
            1.0,
            None,
            "个",
            AtLeast,
            Increment,
            Tgt,
            y,
            "产业技术创新联盟",
        )],
    );
}

#[test]
fn standing_rules_and_baselines_in_annual_plans() {
    let m = annual(2024);
    check(
        "每年安排科技专项资金不少于3000万元。",
        &m,
        &[w(
            3000.0,
            None,
            "万元",
            AtLeast,
            Increment,
            Tgt,
            Some(2024),
            "科技专项资金",
        )],
    );
    check(
        "截至2023年底,全市高新技术企业达到410家。",
        &m,
        &[w(
            410.0,
            None,
            "家",
            Exact,
            Stock,
            Baseline,
            Some(2023),
            "高新技术企业",
        )],
    );
    check(
        "2023年,全市新增高新技术企业120家。2024年,力争新增高新技术企业150家。",
        &m,
        &[
            w(
                120.0,
                None,
                "家",
                Exact,
                Increment,
                Baseline,
                Some(2023),
                "高新技术企业",
            ),
            w(
                150.0,
                None,
                "家",
                Exact,
                Increment,
                Tgt,
                Some(2024),
                "高新技术企业",
            ),
        ],
    );
    check(
        "继续指导6家省级重点实验室开展绩效评估。",
        &m,
        &[w(
            6.0,
            None,
            "家",
            Exact,
            Stock,
            Baseline,
            Some(2024),
            "省级重点实验室",
        )],
    );
}

#[test]
fn five_year_plan_review_and_goals() {
    let m = five_year();
    let text = "一、发展基础\n“十三五”期间,全市技术合同成交额由2015年的3.2亿元增长到2020年的18.6亿元。高新技术企业由21家增加到148家。累计建成省级以上工程技术研究中心36家。\n二、发展目标\n到2025年,全社会研发经费支出占地区生产总值比重达到2.5%,每万人口高价值发明专利拥有量达到6件,新建市级重点实验室40家左右。";
    check(
        text,
        &m,
        &[
            w(
                3.2,
                None,
                "亿元",
                Exact,
                Stock,
                Baseline,
                Some(2015),
                "技术合同成交额",
            ),
            w(
                18.6,
                None,
                "亿元",
                Exact,
                Stock,
                Baseline,
                Some(2020),
                "技术合同成交额",
            ),
            w(
                21.0,
                None,
                "家",
                Exact,
                Stock,
                Baseline,
                Some(2015),
                "高新技术企业",
            ),
            w(
                148.0,
                None,
                "家",
                Exact,
                Stock,
                Baseline,
                Some(2020),
                "高新技术企业",
            ),
            w(
                36.0,
                None,
                "家",
                Exact,
                Stock,
                Baseline,
                Some(2020),
                "工程技术研究中心",
            ),
            w(
                2.5,
                None,
                "%",
                Exact,
                Rate,
                Tgt,
                Some(2025),
                "占地区生产总值比重",
            ),
            w(
                6.0,
                None,
                "件",
                Exact,
                Rate,
                Tgt,
                Some(2025),
                "每万人口高价值发明专利拥有量",
            ),
            w(
                40.0,
                None,
                "家",
                About,
                Increment,
                Tgt,
                Some(2025),
                "市级重点实验室",
            ),
        ],
    );
}

#[test]
fn growth_comparisons_and_caps() {
    let m = annual(2025);
    let y = Some(2025);
    check(
        "技术合同成交额完成60亿元,同比增长18%。",
        &m,
        &[
            w(60.0, None, "亿元", Exact, Stock, Tgt, y, "技术合同成交额"),
            w(18.0, None, "%", Exact, Rate, Tgt, y, "技术合同成交额增长"),
        ],
    );
    check(
        "研发投入强度达到2.9%,较上年提高0.2个百分点。",
        &m,
        &[
            w(2.9, None, "%", Exact, Rate, Tgt, y, "研发投入强度"),
            w(0.2, None, "个百分点", Exact, Rate, Tgt, y, "研发投入强度"),
        ],
    );
    check(
        "对新认定的省级技术创新中心给予最高100万元补助。",
        &m,
        &[w(
            100.0,
            None,
            "万元",
            AtMost,
            Stock,
            Tgt,
            y,
            "省级技术创新中心",
        )],
    );
    check(
        "每家企业每年最高可申领30万元创新券。",
        &m,
        &[w(30.0, None, "万元", AtMost, Stock, Tgt, y, "每家企业")],
    );
    check(
        "培养青年科技人才800名,服务企业500家次。",
        &m,
        &[
            w(800.0, None, "名", Exact, Increment, Tgt, y, "青年科技人才"),
            w(500.0, None, "家次", Exact, Increment, Tgt, y, "企业"),
        ],
    );
}

#[test]
fn long_range_horizon() {
    let m = five_year();
    check(
        "到2035年,全社会研发投入强度达到4%,高新技术企业达到3000家。",
        &m,
        &[
            w(
                4.0,
                None,
                "%",
                Exact,
                Rate,
                Tgt,
                Some(2035),
                "全社会研发投入强度",
            ),
            w(
                3000.0,
                None,
                "家",
                Exact,
                Stock,
                Tgt,
                Some(2035),
                "高新技术企业",
            ),
        ],
    );
}

#[test]
fn five_year_review_comparisons() {
    let m = five_year();
    let text = "一、发展基础\n2020年,全市研发经费支出达到36.2亿元,占GDP比重为2.1%,比2015年提高0.7个百分点。全省16个设区市中,我市研发投入强度居第5位。省里公布的300家领军企业中我市有9家。\n二、发展目标\n技术合同成交额年均增长12%。";
    check(
        text,
        &m,
        &[
            w(
                36.2,
                None,
                "亿元",
                Exact,
                Stock,
                Baseline,
                Some(2020),
                "研发经费支出",
            ),
            w(
                2.1,
                None,
                "%",
                Exact,
                Rate,
                Baseline,
                Some(2020),
                "占GDP比重",
            ),
            w(
                0.7,
                None,
                "个百分点",
                Exact,
                Rate,
                Baseline,
                Some(2020),
                "占GDP比重",
            ),
            w(
                9.0,
                None,
                "家",
                Exact,
                Stock,
                Baseline,
                Some(2020),
                "领军企业",
            ),
            w(
                12.0,
                None,
                "%",
                Exact,
                Rate,
                Tgt,
                Some(2025),
                "技术合同成交额年均增长",
            ),
        ],
    );
}

#[test]
fn hard_negatives() {
    let m = annual(2024);
    for text in [
        "2024年3月15日印发。",
        "举办第十二届科技活动周。",
        "庆祝建党100周年系列活动。",
        "根据中发〔2023〕37号文件精神。",
        "构建“1+N”政策体系,落实“5+1”产业布局。",
        "研发投入强度居全省第3位,排名前10名。",
        "连续5年获评先进,五年内完成改造。",
        "实施科技创新三年行动计划。",
        "新建5G基站,推广3D打印技术。",
        "技术成熟度达到6级以上。",
        "将该基地打造成一个区域创新高地,推动两个中心建设。",
        "聚焦“建设创新型城市”3项重点任务,压茬推进。",
        "联系电话:0543-3161234。",
        "入选中国百强县。",
        "千家万户受益。",
        "每个县区至少有一次性补助。",
        "3个月内完成验收,一次性奖励。",
        "全国35个重点城市中,排名靠前。",
        "加快科创园3期工程建设。",
        "2023年6月底前完成方案制定,7—9月组织申报。",
        "按照1:1比例配套,提供7×24小时服务。",
        "PM2.5浓度持续下降,建设5G网络。",
        "构建“1个中心+N个分中心”服务体系。",
        "重点抓好以下5个方面工作,分3个阶段推进。",
        "打造10亿元级产业集群,进入全国500强。",
    ] {
        let got = run(text, &m);
        assert!(got.is_empty(), "{text}: {got:#?}");
    }
}

#[test]
fn normalisation_and_catalog_ids() {
    let m = annual(2023);
    let got = run(
        "技术合同登记额达到12亿元,孵化面积新增3.5万平方米,研发投入强度提高0.3个百分点。",
        &m,
    );
    assert_eq!(got.len(), 3);
    let n = got[0].normalized.as_ref().unwrap();
    assert_eq!((n.value, n.unit.as_str()), (1.2e9, "元"));
    assert_eq!(
        got[0].indicator_id.as_deref(),
        Some("tech_contract_turnover")
    );
    let n = got[1].normalized.as_ref().unwrap();
    assert_eq!((n.value, n.unit.as_str()), (35_000.0, "平方米"));
    assert_eq!(got[1].indicator_id.as_deref(), Some("incubation_area"));
    assert_eq!(got[2].normalized.as_ref().unwrap().unit, "个百分点");
    assert_eq!(got[2].indicator_id.as_deref(), Some("rd_intensity_change"));
}

#[test]
fn never_panics_on_odd_input() {
    let m = annual(2023);
    for text in [
        "",
        "5",
        "家",
        "100家以上",
        "到",
        "1-",
        "2/",
        "2/3",
        "由",
        "”5家",
        "新增",
        "三分之",
        "十分之三",
        "𝟙𝟚家 😀 100%",
        "达到１２家",
        "1—2—3个",
        "99999999999999999999999999亿元",
    ] {
        let got = run(text, &m);
        for t in &got {
            assert!(t.start <= t.end && t.end <= text.chars().count(), "{text}");
        }
    }
}

/// Patterns found while measuring the extractor on the held-out plans of
/// `tests/fixtures/heldout/` (new sentences, not copied from them).
#[test]
fn heldout_generalisation_fixes() {
    let m = annual(2024);
    let y = Some(2024);
    // A bound word right before the figure: what precedes it decides the kind.
    check(
        "全年争取中央引导地方科技发展资金超过3000万元。",
        &m,
        &[w(
            3000.0,
            None,
            "万元",
            AtLeast,
            Increment,
            Tgt,
            y,
            "中央引导地方科技发展资金",
        )],
    );
    check(
        "全市有效发明专利总量突破9000件。",
        &m,
        &[w(
            9000.0,
            None,
            "件",
            AtLeast,
            Stock,
            Tgt,
            y,
            "有效发明专利总量",
        )],
    );
    // 突破 followed by a noun is a verb of achievement, not a bound.
    check(
        "突破产业共性关键技术12项以上。",
        &m,
        &[w(
            12.0,
            None,
            "项",
            AtLeast,
            Increment,
            Tgt,
            y,
            "产业共性关键技术",
        )],
    );
    // A part after 其中 is counted like its whole.
    check(
        "引进海外工程师60名,其中外籍专家20名。",
        &m,
        &[
            w(60.0, None, "名", Exact, Increment, Tgt, y, "海外工程师"),
            w(20.0, None, "名", Exact, Increment, Tgt, y, "外籍专家"),
        ],
    );
    check(
        "2023年全市众创空间达到45家,其中国家级备案8家。",
        &m,
        &[
            w(
                45.0,
                None,
                "家",
                Exact,
                Stock,
                Baseline,
                Some(2023),
                "众创空间",
            ),
            w(
                8.0,
                None,
                "家",
                Exact,
                Stock,
                Baseline,
                Some(2023),
                "国家级",
            ),
        ],
    );
    // A Chinese-numeral count closing its clause after the noun.
    check(
        "新组建市级产业创新联盟三个。",
        &m,
        &[w(
            3.0,
            None,
            "个",
            Exact,
            Increment,
            Tgt,
            y,
            "市级产业创新联盟",
        )],
    );
    check(
        "签订科技合作协议12份,与高校共建联合实验室6个。",
        &m,
        &[
            w(12.0, None, "份", Exact, Increment, Tgt, y, "科技合作协议"),
            w(6.0, None, "个", Exact, Increment, Tgt, y, "联合实验室"),
        ],
    );
    check(
        "签约落地科技成果转化项目40项。",
        &m,
        &[w(
            40.0,
            None,
            "项",
            Exact,
            Increment,
            Tgt,
            y,
            "科技成果转化项目",
        )],
    );
    // An event happening to existing things makes the count a target.
    check(
        "推动3家以上企业在科创板上市。",
        &m,
        &[w(3.0, None, "家", AtLeast, Increment, Tgt, y, "企业")],
    );
    check(
        "继续推动8家企业技术中心提档升级。",
        &m,
        &[w(
            8.0,
            None,
            "家",
            Exact,
            Stock,
            Baseline,
            y,
            "企业技术中心",
        )],
    );
    // The size of what follows 的; the preposition 对 is not the indicator.
    check(
        "设立总规模3亿元的天使投资基金。",
        &m,
        &[w(3.0, None, "亿元", Exact, Stock, Tgt, y, "天使投资基金")],
    );
    check(
        "对研发投入增长超过15%的企业给予奖励。",
        &m,
        &[w(15.0, None, "%", AtLeast, Rate, Tgt, y, "研发投入增长")],
    );

    let f = five_year();
    // The starting value of a 由…到 target is a baseline of the base year.
    check(
        "到2025年,规上工业企业研发机构覆盖率由2020年的28%提高到50%。",
        &f,
        &[
            w(
                28.0,
                None,
                "%",
                Exact,
                Rate,
                Baseline,
                Some(2020),
                "研发机构覆盖率",
            ),
            w(
                50.0,
                None,
                "%",
                Exact,
                Rate,
                Tgt,
                Some(2025),
                "研发机构覆盖率",
            ),
        ],
    );
    check(
        "高新技术企业数量由310家增加到600家以上。",
        &f,
        &[
            w(
                310.0,
                None,
                "家",
                Exact,
                Stock,
                Baseline,
                Some(2020),
                "高新技术企业数量",
            ),
            w(
                600.0,
                None,
                "家",
                AtLeast,
                Stock,
                Tgt,
                Some(2025),
                "高新技术企业数量",
            ),
        ],
    );
    // The year of a starting value is not the end value's; nor is the base of a multiple.
    check(
        "2020年全市研发投入强度由2015年的1.1%提高到1.9%。",
        &f,
        &[
            w(
                1.1,
                None,
                "%",
                Exact,
                Rate,
                Baseline,
                Some(2015),
                "研发投入强度",
            ),
            w(
                1.9,
                None,
                "%",
                Exact,
                Rate,
                Baseline,
                Some(2020),
                "研发投入强度",
            ),
        ],
    );
    check(
        "2020年全市高新技术企业达到350家,是2015年的3.5倍。",
        &f,
        &[
            w(
                350.0,
                None,
                "家",
                Exact,
                Stock,
                Baseline,
                Some(2020),
                "高新技术企业",
            ),
            w(
                3.5,
                None,
                "倍",
                Exact,
                Rate,
                Baseline,
                Some(2020),
                "高新技术企业",
            ),
        ],
    );
    // Hard negatives: Chinese numerals as references, articles and slogans.
    for text in [
        "推动两个中心协同发展。",
        "打造成一个开放共享的创新平台。",
        "实施“一区两带三基地”建设。",
        "围绕上述目标,重点抓好以下八个方面的工作。",
        "深入开展“万人助万企”活动。",
        "举办第五届科技成果对接会。",
        "政策兑付时间压缩至15个工作日以内。",
    ] {
        check(text, &m, &[]);
    }
}

/// Text copied from PDF pages: hard-wrapped sentences, full-width
/// punctuation, indicator tables.
#[test]
fn pdf_copies_and_indicator_tables() {
    let f = five_year();
    // A sentence wrapped across lines is read whole; the quote stays verbatim.
    let text = "推进创新主体培育工程，完善梯次培育体系，落实各项普惠性政策，每年新认定科技型企业\n80家以上。";
    let got = run(text, &f);
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(got[0].kind, Increment);
    assert_eq!(got[0].indicator, "科技型企业");
    let chars: Vec<char> = text.chars().collect();
    assert_eq!(
        got[0].quote,
        chars[got[0].start..got[0].end].iter().collect::<String>()
    );
    // A heading line is not joined to the paragraph under it.
    let text = "（一）实施企业研发投入提升行动计划\n规上工业企业研发投入年均增长10％以上。";
    let got = run(text, &f);
    assert_eq!(got.len(), 1);
    assert!(
        got[0].indicator.starts_with("规上工业企业研发投入"),
        "{got:#?}"
    );
    // An indicator table: the base-year column is a baseline, the last a target.
    let text = "表1　主要指标\n序号　指标名称　2020年　2025年　属性\n1　研发投入强度（％）　2.1　≥3.0　预期性\n2　高新技术企业数（家）　300　600　预期性\n\n正文。";
    check(
        text,
        &f,
        &[
            w(
                2.1,
                None,
                "%",
                Exact,
                Rate,
                Baseline,
                Some(2020),
                "研发投入强度",
            ),
            w(
                3.0,
                None,
                "%",
                AtLeast,
                Rate,
                Tgt,
                Some(2025),
                "研发投入强度",
            ),
            w(
                300.0,
                None,
                "家",
                Exact,
                Stock,
                Baseline,
                Some(2020),
                "高新技术企业数",
            ),
            w(
                600.0,
                None,
                "家",
                Exact,
                Stock,
                Tgt,
                Some(2025),
                "高新技术企业数",
            ),
        ],
    );
    // Hard negatives: a comparison set, a ranking move, page numbers.
    for text in [
        "高新区在全国169家国家高新区综合评价中排名第56位。",
        "较上年前移12位。",
        "— 3 —",
    ] {
        check(text, &f, &[]);
    }
}

/// Patterns found on the sixth held-out plan (written after the first round
/// of fixes): semicolon clauses of a review sentence, caps, 分别 lists.
#[test]
fn review_sentences_caps_and_respective_lists() {
    let m = annual(2024);
    let y = Some(2024);
    // A past year opening the sentence governs its clauses after semicolons.
    check(
        "2023年,全市新增众创空间12家;技术合同成交额完成96亿元。全年新增众创空间15家。",
        &m,
        &[
            w(
                12.0,
                None,
                "家",
                Exact,
                Increment,
                Baseline,
                Some(2023),
                "众创空间",
            ),
            w(
                96.0,
                None,
                "亿元",
                Exact,
                Stock,
                Baseline,
                Some(2023),
                "技术合同成交额",
            ),
            w(15.0, None, "家", Exact, Increment, Tgt, y, "众创空间"),
        ],
    );
    // ...but not a target sentence that names the horizon year.
    check(
        "力争2024年底前,研发投入强度达到2.9%;高新技术企业达到900家。",
        &m,
        &[
            w(2.9, None, "%", Exact, Rate, Tgt, y, "研发投入强度"),
            w(900.0, None, "家", Exact, Stock, Tgt, y, "高新技术企业"),
        ],
    );
    // 上限 is an upper bound.
    check(
        "单个项目资助上限300万元。",
        &m,
        &[w(
            300.0,
            None,
            "万元",
            AtMost,
            Stock,
            Tgt,
            y,
            "单个项目资助",
        )],
    );
    // 分别: the n-th figure measures the n-th item; 省级 borrows the head noun.
    check(
        "省级、市级工程技术研究中心分别达到80家、260家。",
        &m,
        &[
            w(
                80.0,
                None,
                "家",
                Exact,
                Stock,
                Tgt,
                y,
                "省级工程技术研究中心",
            ),
            w(
                260.0,
                None,
                "家",
                Exact,
                Stock,
                Tgt,
                y,
                "市级工程技术研究中心",
            ),
        ],
    );
    check(
        "孵化器、众创空间分别新增3家、5家。",
        &m,
        &[
            w(3.0, None, "家", Exact, Increment, Tgt, y, "孵化器"),
            w(5.0, None, "家", Exact, Increment, Tgt, y, "众创空间"),
        ],
    );
    // New investments are increments.
    check(
        "引导基金新投资项目15个以上。",
        &m,
        &[w(
            15.0,
            None,
            "个",
            AtLeast,
            Increment,
            Tgt,
            y,
            "引导基金新投资项目",
        )],
    );
}

/// Growth rates, elided share subjects, 万人 intensities, compound nouns
/// ending in 活动 and quoted catalog phrases.
#[test]
fn growth_shares_and_catalog_variants() {
    let m = annual(2024);
    let y = Some(2024);
    let got = run(
        "高新技术产业增加值增长12%左右,占规上工业增加值比重提高2个百分点。",
        &m,
    );
    assert_eq!(got.len(), 2, "{got:#?}");
    assert_eq!(got[0].indicator, "高新技术产业增加值增长");
    assert_eq!(got[0].qualifier, About);
    assert_eq!(got[1].indicator, "高新技术产业增加值占规上工业增加值比重");
    assert_eq!(
        got[1].indicator_id.as_deref(),
        Some("high_tech_value_added_share_change")
    );
    check(
        "万人发明专利拥有量达到12件,组织开展科技服务活动12次。",
        &m,
        &[
            w(12.0, None, "件", Exact, Rate, Tgt, y, "万人发明专利拥有量"),
            w(12.0, None, "次", Exact, Increment, Tgt, y, "科技服务活动"),
        ],
    );
    let got = run("新增“专精特新”企业二十家。", &m);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].value, 20.0);
    assert_eq!(got[0].indicator_id.as_deref(), Some("specialised_smes"));
}

/// A money threshold qualifying the noun counted after it.
#[test]
fn thresholds_before_counted_nouns() {
    let m = annual(2024);
    let y = Some(2024);
    check(
        "谋划总投资5亿元以上的重大科技项目8个。",
        &m,
        &[
            w(5.0, None, "亿元", AtLeast, Stock, Tgt, y, "总投资"),
            w(8.0, None, "个", Exact, Increment, Tgt, y, "重大科技项目"),
        ],
    );
    check(
        "研发投入1000万元以上的企业达到120家。",
        &m,
        &[
            w(1000.0, None, "万元", AtLeast, Stock, Tgt, y, "研发投入"),
            w(120.0, None, "家", Exact, Stock, Tgt, y, "企业"),
        ],
    );
}

/// A bare per-unit word before the figure: the noun after it is measured.
#[test]
fn per_unit_grants_name_the_grant() {
    let m = annual(2024);
    check(
        "对认定的企业给予每家最高200万元研发补助。",
        &m,
        &[w(
            200.0,
            None,
            "万元",
            AtMost,
            Stock,
            Tgt,
            Some(2024),
            "研发补助",
        )],
    );
}
