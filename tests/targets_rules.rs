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
