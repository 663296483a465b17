//! The indicator catalog: loading, matching rules and user mappings.

use planlens::model::TargetKind;
use planlens::targets::{normalize, Catalog, CatalogError, Family};

#[test]
fn builtin_covers_the_required_indicators() {
    let c = Catalog::builtin();
    for id in [
        "high_tech_enterprises",
        "tech_smes",
        "rd_expenditure",
        "rd_intensity",
        "industrial_firms_rd_activity_share",
        "industrial_firms_rd_institution_share",
        "tech_contract_turnover",
        "high_tech_industry_output",
        "high_tech_industry_share",
        "st_progress_contribution",
        "fiscal_st_share",
        "incubators",
        "maker_spaces",
        "key_laboratories",
        "tech_innovation_centres",
        "new_rd_institutions",
        "st_commissioners",
        "talent_introduced",
        "achievements_transferred",
        "patents_per_10k",
        "rd_personnel_per_10k",
        "st_projects",
        "funding_from_higher_levels",
        "st_loans",
        "st_funds",
        "key_technologies",
        "training",
        "cooperation_agreements",
    ] {
        assert!(c.indicators().iter().any(|i| i.id == id), "{id}");
    }
}

#[test]
fn unit_family_gates_matching() {
    let c = Catalog::builtin();
    // A % figure never maps to a count indicator.
    assert_eq!(c.lookup("高新技术企业", "%"), None);
    assert_eq!(
        c.lookup("高新技术企业", "家").map(|i| i.unit_family),
        Some(Family::Organisations)
    );
    // Persons never map to a teams indicator, nor teams to persons.
    assert_eq!(
        c.lookup("科技特派团", "个").map(|i| i.id.as_str()),
        Some("st_commissioner_teams")
    );
    assert_eq!(c.lookup("科技特派团", "名"), None);
    assert_eq!(c.lookup("科技特派员", "个"), None);
    // The catalog phrase must be the head noun: tenants are not maker spaces.
    assert_eq!(c.lookup("众创空间入驻企业", "家"), None);
    assert_eq!(c.lookup("省高新技术企业创新能力百强企业", "家"), None);
    assert_eq!(
        c.lookup("高新技术企业总数", "家").map(|i| i.id.as_str()),
        Some("high_tech_enterprises")
    );
    // An enumeration maps only when all its items name the same indicator.
    assert_eq!(c.lookup("市级重点实验室、技术创新中心", "家"), None);
    assert_eq!(
        c.lookup("省级以上众创空间、星创天地", "家")
            .map(|i| i.id.as_str()),
        Some("maker_spaces")
    );
    // Balances and flows of money are different indicators.
    assert_eq!(
        c.lookup("科技成果转化贷款余额", "亿元")
            .map(|i| i.id.as_str()),
        Some("st_loan_balance")
    );
    assert_eq!(
        c.lookup("科技贷款", "亿元").map(|i| i.id.as_str()),
        Some("st_loans")
    );
    // 户 and 家 are the same unit for enterprises.
    assert_eq!(
        c.lookup("高新技术企业", "户")
            .and_then(|i| i.comparison_unit()),
        Some("家")
    );
    assert_eq!(
        c.lookup("全社会研发经费支出", "亿元")
            .map(|i| i.id.as_str()),
        Some("rd_expenditure")
    );
    assert_eq!(c.lookup("技术合同成交额", "家"), None);
    assert_eq!(c.lookup("高新技术企业", "光年"), None);
}

#[test]
fn longest_phrase_wins_and_kind_breaks_ties() {
    let c = Catalog::builtin();
    assert_eq!(
        c.lookup("省级科技企业孵化器、众创空间", "家")
            .map(|i| i.id.as_str()),
        Some("incubators_and_maker_spaces")
    );
    assert_eq!(
        c.lookup("研发经费支出占地区生产总值比重", "%")
            .map(|i| i.id.as_str()),
        Some("rd_intensity")
    );
    assert_eq!(
        c.lookup_for("高新技术企业", "家", Some(TargetKind::Increment))
            .map(|i| i.id.as_str()),
        Some("high_tech_enterprises")
    );
    assert_eq!(
        c.lookup_for("高新技术企业", "家", Some(TargetKind::Stock))
            .map(|i| i.id.as_str()),
        Some("high_tech_enterprises")
    );
}

#[test]
fn user_mappings() {
    let mut c = Catalog::builtin();
    assert_eq!(c.lookup("雏鹰企业", "家"), None);
    c.add_mapping("雏鹰企业", "high_tech_enterprises").unwrap();
    assert_eq!(
        c.lookup("雏鹰企业", "家").map(|i| i.id.as_str()),
        Some("high_tech_enterprises")
    );
    // Mappings respect the unit family too.
    assert_eq!(c.lookup("雏鹰企业", "%"), None);
    assert!(matches!(
        c.add_mapping("雏鹰企业", "no_such_id"),
        Err(CatalogError::UnknownId(_))
    ));
}

#[test]
fn parse_errors() {
    let dup = "[[indicator]]\nid='a'\nname_zh='甲'\nname_en='A'\nunit_family='items'\nphrases=['甲']\n\
               [[indicator]]\nid='a'\nname_zh='乙'\nname_en='B'\nunit_family='items'\nphrases=['乙']\n";
    assert!(matches!(
        Catalog::parse(dup),
        Err(CatalogError::DuplicateId(_))
    ));
    let bad_kind = "[[indicator]]\nid='a'\nname_zh='甲'\nname_en='A'\nunit_family='items'\nkind='level'\nphrases=['甲']\n";
    assert!(matches!(
        Catalog::parse(bad_kind),
        Err(CatalogError::UnknownKind { .. })
    ));
    let empty =
        "[[indicator]]\nid='a'\nname_zh='甲'\nname_en='A'\nunit_family='items'\nphrases=['']\n";
    assert!(matches!(Catalog::parse(empty), Err(CatalogError::Empty(_))));
    assert_eq!(Catalog::parse("").unwrap().indicators().len(), 0);
}

#[test]
fn normalisation_table() {
    /// Value, high end and unit as written, then normalised.
    type Case = (
        f64,
        Option<f64>,
        &'static str,
        f64,
        Option<f64>,
        &'static str,
    );
    let cases: &[Case] = &[
        (5000.0, None, "万元", 5e7, None, "元"),
        (2.37, None, "亿元", 2.37e8, None, "元"),
        (80.0, None, "万平方米", 8e5, None, "平方米"),
        (1.0, Some(2.0), "家", 1.0, Some(2.0), "家"),
        (3.55, None, "%", 3.55, None, "%"),
        (1.5, None, "个百分点", 1.5, None, "个百分点"),
        (7.6, None, "倍", 7.6, None, "倍"),
        (70.0, None, "人年", 70.0, None, "人年"),
        (5.0, None, "‰", 0.5, None, "%"),
    ];
    for &(v, hi, unit, nv, nhi, nunit) in cases {
        let n = normalize(v, hi, unit).unwrap();
        assert!((n.value - nv).abs() < 1e-6, "{unit}");
        assert_eq!(n.value_high, nhi, "{unit}");
        assert_eq!(n.unit, nunit, "{unit}");
    }
}

/// Every catalog entry documents its scope with examples and negatives:
/// the figure of each example maps to the entry, no figure of a negative
/// does.
#[test]
fn every_entry_maps_its_examples_and_none_of_its_negatives() {
    use planlens::model::{DocumentMeta, ParsedPlan, Period, PlanKind};
    use planlens::targets::extract;
    let c = Catalog::builtin();
    let meta = DocumentMeta {
        kind: PlanKind::AnnualWorkPlan,
        period: Some(Period::year(2024)),
        ..Default::default()
    };
    let mut failures = Vec::new();
    for ind in c.indicators() {
        assert!(!ind.scope.is_empty(), "{}: no scope", ind.id);
        assert!(!ind.examples.is_empty(), "{}: no example", ind.id);
        assert!(!ind.negatives.is_empty(), "{}: no negative", ind.id);
        for ex in &ind.examples {
            let ts = extract(ex, &ParsedPlan::default(), &meta, &c);
            if !ts
                .iter()
                .any(|t| t.indicator_id.as_deref() == Some(ind.id.as_str()))
            {
                let got: Vec<_> = ts
                    .iter()
                    .map(|t| format!("{} {:?}", t.indicator, t.indicator_id))
                    .collect();
                failures.push(format!("{}: example not mapped: {ex} → {got:?}", ind.id));
            }
        }
        for neg in &ind.negatives {
            let ts = extract(neg, &ParsedPlan::default(), &meta, &c);
            if ts
                .iter()
                .any(|t| t.indicator_id.as_deref() == Some(ind.id.as_str()))
            {
                failures.push(format!("{}: negative mapped: {neg}", ind.id));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
