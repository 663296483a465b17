//! General extraction rules of issue #11, each on sentences written for this
//! file (not taken from the seeds): things that already exist, the year of a
//! `到…年` clause, numbered points, two-tier targets, comparisons with an
//! average and restated targets.

use planlens::model::{DocumentMeta, ParsedPlan, Period, PlanKind, Target, TargetKind, TargetRole};
use planlens::targets::{extract, Catalog};

fn annual(y: i32) -> DocumentMeta {
    DocumentMeta {
        kind: PlanKind::AnnualWorkPlan,
        period: Some(Period::year(y)),
        ..Default::default()
    }
}

fn multi_year(start: i32, end: i32) -> DocumentMeta {
    DocumentMeta {
        kind: PlanKind::ImplementationPlan,
        period: Some(Period { start, end }),
        ..Default::default()
    }
}

fn run(text: &str, meta: &DocumentMeta) -> Vec<Target> {
    extract(text, &ParsedPlan::default(), meta, &Catalog::builtin())
}

/// The one figure of `text` with value `v`.
fn fig(text: &str, meta: &DocumentMeta, v: f64) -> Target {
    let got = run(text, meta);
    let mut hits = got.iter().filter(|t| (t.value - v).abs() < 1e-9);
    let t = hits
        .next()
        .unwrap_or_else(|| panic!("no figure {v} in {text}: {got:#?}"))
        .clone();
    assert!(hits.next().is_none(), "two figures {v} in {text}");
    t
}

fn kind_role(text: &str, meta: &DocumentMeta, v: f64) -> (TargetKind, TargetRole) {
    let t = fig(text, meta, v);
    (t.kind, t.role)
}

use TargetKind::{Increment, Stock};
use TargetRole::{Baseline, Target as Tgt};

// ---- 1. things that already exist ----------------------------------------

#[test]
fn existing_things_are_baseline_stocks() {
    let m = annual(2025);
    for (text, v) in [
        ("全市现有省级工程技术研究中心86家,将进一步优化布局。", 86.0),
        ("我区已有院士工作站12家,力争新增3家。", 12.0),
        ("依托4家高校院所共建中试基地。", 4.0),
        ("持续支持18家已建成的产业技术研究院提升能力。", 18.0),
        ("指导6家在建的新型研发机构完善运行机制。", 6.0),
        ("深化与9家金融机构的合作协议,扩大科技信贷规模。", 9.0),
        ("现已认定瞪羚企业45家。", 45.0),
        ("继续推动11家省级技术创新中心提质增效。", 11.0),
    ] {
        assert_eq!(kind_role(text, &m, v), (Stock, Baseline), "{text}");
    }
}

#[test]
fn actions_on_new_things_stay_targets() {
    let m = annual(2025);
    for (text, v, kind) in [
        // Hard negative: 推动 alone starts something new.
        ("推动100家规上企业建立研发机构。", 100.0, Increment),
        ("推动8家科技型企业在北交所上市。", 8.0, Increment),
        ("我区已有院士工作站12家,力争新增3家。", 3.0, Increment),
        ("在现有基础上新增众创空间5家。", 5.0, Increment),
        ("继续推动6家企业获批省级技术创新中心。", 6.0, Increment),
        ("依托龙头企业新建中试基地4个。", 4.0, Increment),
    ] {
        assert_eq!(kind_role(text, &m, v), (kind, Tgt), "{text}");
    }
}

// ---- 2. the year of a 到…年 clause ----------------------------------------

fn years(text: &str, meta: &DocumentMeta) -> Vec<(f64, Option<i32>)> {
    run(text, meta).iter().map(|t| (t.value, t.year)).collect()
}

#[test]
fn a_horizon_clause_gives_its_year_until_the_next_one() {
    let m = multi_year(2024, 2028);
    assert_eq!(
        years(
            "到2026年,高新技术企业达到500家,研发投入强度达到2.8%;到2028年,高新技术企业达到800家。",
            &m
        ),
        vec![(500.0, Some(2026)), (2.8, Some(2026)), (800.0, Some(2028))]
    );
    // A semicolon does not end the clause's reach; the full stop does.
    assert_eq!(
        years(
            "至2025年底,科技型中小企业达到1200家;技术合同成交额突破60亿元。新增省级研发平台20个。",
            &m
        ),
        vec![(1200.0, Some(2025)), (60.0, Some(2025)), (20.0, Some(2028))]
    );
    // So does a line break (a new paragraph).
    assert_eq!(
        years("到2027年,建成孵化器15家\n培育技术经纪人200名。", &m),
        vec![(15.0, Some(2027)), (200.0, Some(2028))]
    );
    // A horizon beyond the period still wins; none gives the end year.
    assert_eq!(
        years("到2035年,研发投入强度达到3.5%;高新技术企业达到1500家。", &m),
        vec![(3.5, Some(2035)), (1500.0, Some(2035))]
    );
    assert_eq!(
        years("全市高新技术企业达到900家。", &m),
        vec![(900.0, Some(2028))]
    );
}

#[test]
fn a_horizon_clause_in_an_annual_plan_keeps_the_plan_year() {
    assert_eq!(
        years("到年底,新增高新技术企业60家。", &annual(2024)),
        vec![(60.0, Some(2024))]
    );
}

// ---- 3. numbered points ----------------------------------------------------

fn indicators(text: &str, meta: &DocumentMeta) -> Vec<(f64, String)> {
    run(text, meta)
        .iter()
        .map(|t| (t.value, t.indicator.clone()))
        .collect()
}

#[test]
fn enumeration_markers_and_manner_verbs_are_no_indicator() {
    let m = annual(2024);
    for (text, v, want) in [
        ("三是研发投入强度达到2.6%。", 2.6, "研发投入强度"),
        ("五是努力新增发明专利300件。", 300.0, "发明专利"),
        (
            "其二,着力培育科技型中小企业150家。",
            150.0,
            "科技型中小企业",
        ),
        (
            "第三,全力推动技术合同成交额突破25亿元。",
            25.0,
            "技术合同成交额",
        ),
        (
            "十是积极争取省级以上科技项目40项。",
            40.0,
            "省级以上科技项目",
        ),
    ] {
        let t = fig(text, &m, v);
        assert_eq!(t.indicator, want, "{text}");
    }
    // The phrase after the marker, not the marker plus a character.
    for (text, want) in [
        (
            "一是做强创新平台。四是积极争取上级科技资金,确保达到6000万元。",
            "上级科技资金",
        ),
        ("二是积极培育,力争达到50家。", ""),
        ("六是积极对接,努力实现70项。", ""),
    ] {
        for (_, ind) in indicators(text, &m) {
            assert_eq!(ind, want, "{text}");
        }
    }
}

// ---- 4. two-tier targets ---------------------------------------------------

#[test]
fn floor_and_stretch_make_one_record() {
    let m = annual(2024);
    for (text, value, unit, stretch, indicator) in [
        (
            "新增科技型企业30家、努力实现50家。",
            30.0,
            "家",
            50.0,
            "科技型企业",
        ),
        (
            "保底引进高层次人才200名,冲刺300名。",
            200.0,
            "名",
            300.0,
            "高层次人才",
        ),
        (
            "力争技术合同成交额达到40亿元、争取突破50亿元。",
            40.0,
            "亿元",
            50.0,
            "技术合同成交额",
        ),
        (
            "确保研发投入强度达到2.6%、力争2.8%。",
            2.6,
            "%",
            2.8,
            "研发投入强度",
        ),
    ] {
        let got = run(text, &m);
        assert_eq!(got.len(), 1, "{text}: {got:#?}");
        let t = &got[0];
        assert_eq!(
            (t.value, t.unit.as_str(), t.stretch),
            (value, unit, Some(stretch)),
            "{text}"
        );
        assert_eq!(t.indicator, indicator, "{text}");
        // The span covers both figures.
        let chars: Vec<char> = text.chars().collect();
        let quote: String = chars[t.start..t.end].iter().collect();
        assert_eq!(quote, t.quote);
        let last_digit = text
            .char_indices()
            .filter(|(_, c)| c.is_ascii_digit())
            .count();
        let digits_in_quote = quote.chars().filter(char::is_ascii_digit).count();
        assert_eq!(digits_in_quote, last_digit, "{text}: {quote}");
    }
}

#[test]
fn separate_figures_are_not_tiers() {
    let m = annual(2024);
    for text in [
        "新增高新技术企业30家、科技型中小企业50家。",
        "确保研发投入强度达到2.5%,力争新增高新技术企业50家。",
        "争取国家和省级科技项目不少于150项,争取上级资金2.5亿元。",
        "确保新增孵化器100家、力争80家。",
        "确保建设1—2个平台、力争3个。",
        // Tiers in different units stay two figures, each in its own unit.
        "四是积极争取上级项目资金,确保达到8000万元、力争1亿元。",
    ] {
        let got = run(text, &m);
        assert_eq!(got.len(), 2, "{text}: {got:#?}");
        assert!(got.iter().all(|t| t.stretch.is_none()), "{text}");
    }
}

#[test]
fn stretch_is_in_the_json_contract() {
    let t = &run("新增科技型企业30家。", &annual(2024))[0];
    let v = serde_json::to_value(t).unwrap();
    assert_eq!(v["stretch"], serde_json::Value::Null);
    let t = &run("新增科技型企业30家、力争50家。", &annual(2024))[0];
    let v = serde_json::to_value(t).unwrap();
    assert_eq!(v["stretch"], serde_json::json!(50.0));
}

// ---- 5. comparisons with an average ----------------------------------------

#[test]
fn comparisons_with_an_average_are_figures_never_mapped() {
    let m = multi_year(2021, 2025);
    for text in [
        "研发投入强度为全省平均水平的1.5倍。",
        "每万人口发明专利拥有量高于全国平均水平3件。",
        "高新技术产业增加值占比比全省平均高2个百分点。",
        "人才密度达到同类城市平均值的1.2倍以上。",
    ] {
        let got = run(text, &m);
        assert_eq!(got.len(), 1, "{text}: {got:#?}");
        assert_eq!(got[0].indicator_id, None, "{text}: {got:#?}");
    }
    // The city's own figures beside an average, and own averages, map.
    for (text, v) in [
        ("研发投入强度达到2.5%,高于全国平均水平。", 2.5),
        ("平均每家孵化器服务企业达到30家。", 30.0),
        ("规上工业增加值年平均增长8%。", 8.0),
    ] {
        let got = run(text, &m);
        assert_eq!(got.len(), 1, "{text}: {got:#?}");
        assert_eq!(got[0].value, v, "{text}");
    }
    let got = run("研发投入强度达到2.5%,高于全国平均水平。", &m);
    assert_eq!(got[0].indicator_id.as_deref(), Some("rd_intensity"));
}

// ---- 6. one target, one group ----------------------------------------------

#[test]
fn restated_targets_share_a_group() {
    let text = "一、主要目标\n全年新增高新技术企业120家以上,技术合同成交额达到45亿元。\n\
                二、重点任务\n1.培育企业。新增高新技术企业120家以上。\n\
                2.建设平台。新增高新技术企业80家。技术合同成交额达到45亿元。\n\
                3.引进人才。新增高新技术企业120家。";
    let got = run(text, &annual(2024));
    let groups: Vec<(f64, Option<u32>)> = got.iter().map(|t| (t.value, t.group)).collect();
    assert_eq!(
        groups,
        vec![
            (120.0, Some(0)),
            (45.0, Some(1)),
            (120.0, Some(0)),
            (80.0, None),
            (45.0, Some(1)),
            // Same figure, another qualifier (no 以上): another target.
            (120.0, None),
        ]
    );
    let v = serde_json::to_value(&got[3]).unwrap();
    assert_eq!(v["group"], serde_json::Value::Null);
    assert_eq!(serde_json::to_value(&got[2]).unwrap()["group"], 0);
}

#[test]
fn different_years_or_roles_are_different_targets() {
    let m = multi_year(2024, 2028);
    let got = run(
        "到2026年,高新技术企业达到500家。到2028年,高新技术企业达到500家。",
        &m,
    );
    assert!(got.iter().all(|t| t.group.is_none()), "{got:#?}");
    let got = run("全市现有众创空间40家。到2028年,众创空间达到40家。", &m);
    assert_eq!(got.len(), 2);
    assert!(got.iter().all(|t| t.group.is_none()), "{got:#?}");
}

#[test]
fn a_shared_catalog_id_alone_does_not_group() {
    // Both map to the catalog's broad event indicator, with the same value.
    let got = run(
        "举办一次院士论坛。\n组织一次校企项目推介会。",
        &annual(2024),
    );
    assert_eq!(got.len(), 2, "{got:#?}");
    assert_eq!(got[0].indicator_id, got[1].indicator_id);
    assert!(got.iter().all(|t| t.group.is_none()), "{got:#?}");
}
