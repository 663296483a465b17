//! The indicator catalog: loading, matching rules and user mappings.

use planlens::model::TargetKind;
use planlens::targets::{normalize, Catalog, CatalogError, UnitFamily};

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
        Some(UnitFamily::Count)
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
    let dup = "[[indicator]]\nid='a'\nname_zh='甲'\nname_en='A'\nunit_family='count'\nphrases=['甲']\n\
               [[indicator]]\nid='a'\nname_zh='乙'\nname_en='B'\nunit_family='count'\nphrases=['乙']\n";
    assert!(matches!(
        Catalog::parse(dup),
        Err(CatalogError::DuplicateId(_))
    ));
    let bad_kind = "[[indicator]]\nid='a'\nname_zh='甲'\nname_en='A'\nunit_family='count'\nkind='level'\nphrases=['甲']\n";
    assert!(matches!(
        Catalog::parse(bad_kind),
        Err(CatalogError::UnknownKind { .. })
    ));
    let empty =
        "[[indicator]]\nid='a'\nname_zh='甲'\nname_en='A'\nunit_family='count'\nphrases=['']\n";
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
