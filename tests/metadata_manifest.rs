//! The manifest: parsing, validation and applying overrides.

use planlens::metadata::{Manifest, ManifestError};
use planlens::model::{DocumentMeta, Period, PlanKind};

#[test]
fn parses_the_seed_manifest_format_and_applies_overrides() {
    let m = Manifest::parse(
        r#"
        # comment
        [[seed]]
        file = "a.txt"
        city = "丹东市"
        kind = "implementation_plan"
        period_start = 2020
        period_end = 2020
        doc_number = "丹科发〔2020〕2号"
        published = "2020-03-16"

        [[seed]]
        file = "b.txt"
        title = "某市“十四五”科技创新规划"
        period_start = 2021
        period_end = 2025
        issuer = "某市人民政府"
        province = "山东省"
        "#,
    )
    .unwrap();
    assert_eq!(m.entries().len(), 2);

    let mut meta = DocumentMeta {
        title: Some("检测到的标题".into()),
        city: Some("大连市".into()),
        province: Some("辽宁省".into()),
        ..DocumentMeta::default()
    };
    m.apply("a.txt", &mut meta);
    assert_eq!(
        meta.title.as_deref(),
        Some("检测到的标题"),
        "absent keys keep detected values"
    );
    assert_eq!(meta.city.as_deref(), Some("丹东市"));
    assert_eq!(meta.province.as_deref(), Some("辽宁省"));
    assert_eq!(meta.kind, PlanKind::ImplementationPlan);
    assert_eq!(meta.period, Some(Period::year(2020)));
    assert_eq!(meta.doc_number.as_deref(), Some("丹科发〔2020〕2号"));
    assert_eq!(meta.published.as_deref(), Some("2020-03-16"));

    // A path is reduced to its file name.
    let mut meta = DocumentMeta::default();
    m.apply("/data/plans/b.txt", &mut meta);
    assert_eq!(meta.title.as_deref(), Some("某市“十四五”科技创新规划"));
    assert_eq!(
        meta.period,
        Some(Period {
            start: 2021,
            end: 2025
        })
    );
    assert_eq!(meta.issuer.as_deref(), Some("某市人民政府"));
    assert_eq!(meta.province.as_deref(), Some("山东省"));

    // No entry: nothing changes.
    let before = DocumentMeta::default();
    let mut meta = before.clone();
    m.apply("c.txt", &mut meta);
    assert_eq!(meta, before);
}

#[test]
fn city_override_fixes_the_province_from_the_gazetteer() {
    let m = Manifest::parse("[[seed]]\nfile = \"x.txt\"\ncity = \"宜宾市\"\n").unwrap();
    let mut meta = DocumentMeta {
        city: Some("临沂市".into()),
        province: Some("山东省".into()),
        ..DocumentMeta::default()
    };
    m.apply("x.txt", &mut meta);
    assert_eq!(meta.city.as_deref(), Some("宜宾市"));
    assert_eq!(meta.province.as_deref(), Some("四川省"));
}

#[test]
fn period_start_alone_is_one_year() {
    let m = Manifest::parse("[[seed]]\nfile = \"x.txt\"\nperiod_start = 2022\n").unwrap();
    let mut meta = DocumentMeta::default();
    m.apply("x.txt", &mut meta);
    assert_eq!(meta.period, Some(Period::year(2022)));
}

#[test]
fn invalid_manifests_are_errors() {
    let err = |s: &str| Manifest::parse(s).unwrap_err();
    assert!(matches!(err("[[seed]\nfile="), ManifestError::Toml(_)));
    assert!(
        matches!(err("[[seed]]\ncity = \"滨州市\"\n"), ManifestError::Toml(_)),
        "file is required"
    );
    assert!(
        matches!(
            err("[[seed]]\nfile = \"a\"\ncty = \"滨州市\"\n"),
            ManifestError::Toml(_)
        ),
        "unknown key"
    );
    assert!(matches!(
        err("[[seed]]\nfile = \"a\"\n[[seed]]\nfile = \"a\"\n"),
        ManifestError::DuplicateFile(_)
    ));
    assert!(matches!(
        err("[[seed]]\nfile = \"d/a\"\n"),
        ManifestError::FileName(_)
    ));
    assert!(matches!(
        err("[[seed]]\nfile = \"a\"\nkind = \"annual\"\n"),
        ManifestError::Kind { .. }
    ));
    assert!(matches!(
        err("[[seed]]\nfile = \"a\"\nperiod_start = 2025\nperiod_end = 2021\n"),
        ManifestError::Period { .. }
    ));
    assert!(matches!(
        err("[[seed]]\nfile = \"a\"\nperiod_end = 2021\n"),
        ManifestError::Period { .. }
    ));
    assert!(matches!(
        err("[[seed]]\nfile = \"a\"\npublished = \"2023-02-30\"\n"),
        ManifestError::Date { .. }
    ));
    assert!(matches!(
        err("[[seed]]\nfile = \"a\"\npublished = \"2023/02/03\"\n"),
        ManifestError::Date { .. }
    ));
    // An empty manifest is valid.
    assert!(Manifest::parse("").unwrap().entries().is_empty());
}
