//! Metadata detection on the five seed plans, without and with the manifest.

use std::path::PathBuf;

use planlens::decode::decode_bytes;
use planlens::metadata::{detect, Gazetteer, Manifest};
use planlens::model::{DocumentMeta, Period, PlanKind};

fn seeds_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

fn detect_seed(name: &str) -> DocumentMeta {
    let bytes = std::fs::read(seeds_dir().join(name)).expect("seed file readable");
    let decoded = decode_bytes(&bytes).expect("seed decodes");
    detect(&decoded.text, Gazetteer::builtin())
}

fn manifest() -> Manifest {
    let text = std::fs::read_to_string(seeds_dir().join("seeds.toml")).unwrap();
    Manifest::parse(&text).expect("seeds.toml is valid")
}

/// (file, city, province, kind, start, end)
const EXPECTED: &[(&str, &str, &str, PlanKind, i32, i32)] = &[
    (
        "000_266969992b6f303a.txt",
        "临沂市",
        "山东省",
        PlanKind::AnnualWorkPlan,
        2021,
        2021,
    ),
    (
        "001_8331b1006bbfa050.txt",
        "丹东市",
        "辽宁省",
        PlanKind::ImplementationPlan,
        2020,
        2020,
    ),
    (
        "002_c325e9ed9f6e60ac.txt",
        "日照市",
        "山东省",
        PlanKind::FiveYearPlan,
        2021,
        2025,
    ),
    (
        "003_27e5c5696a234904.txt",
        "宜宾市",
        "四川省",
        PlanKind::AnnualWorkPlan,
        2022,
        2022,
    ),
    (
        "004_9b903e7d49bf6925.txt",
        "滨州市",
        "山东省",
        PlanKind::AnnualWorkPlan,
        2023,
        2023,
    ),
];

#[test]
fn detection_alone_gets_city_province_kind_period_right() {
    for &(file, city, province, kind, start, end) in EXPECTED {
        let m = detect_seed(file);
        assert_eq!(m.city.as_deref(), Some(city), "{file}");
        assert_eq!(m.province.as_deref(), Some(province), "{file}");
        assert_eq!(m.kind, kind, "{file}");
        assert_eq!(m.period, Some(Period { start, end }), "{file}");
    }
}

#[test]
fn detection_alone_agrees_with_every_manifest_fact() {
    let manifest = manifest();
    assert_eq!(manifest.entries().len(), 5);
    for entry in manifest.entries() {
        let detected = detect_seed(&entry.file);
        let mut overridden = detected.clone();
        manifest.apply(&entry.file, &mut overridden);
        assert_eq!(detected, overridden, "{}", entry.file);
    }
}

#[test]
fn titles_issuers_numbers_and_dates() {
    let m = detect_seed("000_266969992b6f303a.txt");
    assert_eq!(m.title, None, "000 starts with its body");
    assert_eq!(m.issuer, None);

    let m = detect_seed("001_8331b1006bbfa050.txt");
    assert_eq!(
        m.title.as_deref(),
        Some("提升科技创新支撑作用 引领丹东高质量发展实施方案")
    );
    assert_eq!(m.issuer.as_deref(), Some("丹东市科技局"));
    assert_eq!(m.doc_number.as_deref(), Some("丹科发〔2020〕2号"));
    assert_eq!(m.published.as_deref(), Some("2020-03-16"));

    let m = detect_seed("002_c325e9ed9f6e60ac.txt");
    assert_eq!(m.title.as_deref(), Some("日照市“十四五”科技创新发展规划"));
    assert_eq!(m.issuer.as_deref(), Some("日照市人民政府"));
    assert_eq!(m.doc_number, None);
    assert_eq!(m.published.as_deref(), Some("2021-10-27"));

    let m = detect_seed("003_27e5c5696a234904.txt");
    assert_eq!(m.title, None, "003 starts with its body");

    let m = detect_seed("004_9b903e7d49bf6925.txt");
    assert_eq!(m.title.as_deref(), Some("2023年全市科技工作要点"));
    assert_eq!(m.issuer.as_deref(), Some("滨州市科学技术局"));
    assert_eq!(m.doc_number.as_deref(), Some("滨科字〔2023〕1号"));
    assert_eq!(m.published.as_deref(), Some("2023-02-25"));
}
