//! The built-in gazetteer: completeness, lookups and the name scanner.

use planlens::metadata::{DivisionKind, Gazetteer};

fn g() -> &'static Gazetteer {
    Gazetteer::builtin()
}

#[test]
fn has_all_provincial_and_prefecture_level_divisions() {
    let d = g().divisions();
    let count = |k: DivisionKind| d.iter().filter(|x| x.kind == k).count();
    assert_eq!(count(DivisionKind::Municipality), 4);
    assert_eq!(count(DivisionKind::Province), 23);
    assert_eq!(count(DivisionKind::AutonomousRegion), 5);
    assert_eq!(count(DivisionKind::SpecialAdministrativeRegion), 2);
    assert_eq!(count(DivisionKind::City), 293);
    assert_eq!(count(DivisionKind::Prefecture), 7);
    assert_eq!(count(DivisionKind::AutonomousPrefecture), 30);
    assert_eq!(count(DivisionKind::League), 3);
    // Every prefecture-level division belongs to a listed province.
    for x in d.iter().filter(|x| !x.kind.is_provincial()) {
        assert!(g().province(&x.province).is_some(), "{}", x.name);
        assert!(!x.aliases.is_empty(), "{} has a short name", x.name);
    }
}

#[test]
fn per_province_counts() {
    let per = |p: &str| {
        g().divisions()
            .iter()
            .filter(|x| !x.kind.is_provincial() && x.province == p)
            .count()
    };
    for (p, n) in [
        ("河北省", 11),
        ("山西省", 11),
        ("内蒙古自治区", 12),
        ("辽宁省", 14),
        ("吉林省", 9),
        ("黑龙江省", 13),
        ("江苏省", 13),
        ("浙江省", 11),
        ("安徽省", 16),
        ("福建省", 9),
        ("江西省", 11),
        ("山东省", 16),
        ("河南省", 17),
        ("湖北省", 13),
        ("湖南省", 14),
        ("广东省", 21),
        ("广西壮族自治区", 14),
        ("海南省", 4),
        ("四川省", 21),
        ("贵州省", 9),
        ("云南省", 16),
        ("西藏自治区", 7),
        ("陕西省", 10),
        ("甘肃省", 14),
        ("青海省", 8),
        ("宁夏回族自治区", 5),
        ("新疆维吾尔自治区", 14),
    ] {
        assert_eq!(per(p), n, "{p}");
    }
}

#[test]
fn city_lookup_by_full_and_short_name() {
    assert_eq!(g().city("滨州市"), Some(("滨州市", "山东省")));
    assert_eq!(g().city("滨州"), Some(("滨州市", "山东省")));
    assert_eq!(g().city("丹东"), Some(("丹东市", "辽宁省")));
    assert_eq!(g().city("宜宾"), Some(("宜宾市", "四川省")));
    assert_eq!(g().city("延边"), Some(("延边朝鲜族自治州", "吉林省")));
    assert_eq!(g().city("恩施州"), Some(("恩施土家族苗族自治州", "湖北省")));
    assert_eq!(g().city("海南州"), Some(("海南藏族自治州", "青海省")));
    assert_eq!(g().city("阿克苏"), Some(("阿克苏地区", "新疆维吾尔自治区")));
    assert_eq!(g().city("兴安盟"), Some(("兴安盟", "内蒙古自治区")));
    assert_eq!(g().city("吉林"), Some(("吉林市", "吉林省")));
    assert_eq!(g().city("北京"), Some(("北京市", "北京市")));
    assert_eq!(g().city("重庆市"), Some(("重庆市", "重庆市")));
    // Provinces are not cities; 莱芜 was merged into 济南 in 2019.
    assert_eq!(g().city("山东省"), None);
    assert_eq!(g().city("山东"), None);
    assert_eq!(g().city("海南"), None);
    assert_eq!(g().city("莱芜"), None);
    assert_eq!(g().city(""), None);
    assert_eq!(g().province("广西"), Some("广西壮族自治区"));
    assert_eq!(g().province("吉林"), Some("吉林省"));
    assert_eq!(g().province("滨州"), None);
}

fn found(text: &str) -> Vec<(String, bool, bool)> {
    g().mentions(text)
        .iter()
        .map(|m| (m.division.name.clone(), m.full, m.weak))
        .collect()
}

#[test]
fn scanner_prefers_longest_and_skips_block_words() {
    assert_eq!(found("马鞍山市"), vec![("马鞍山市".into(), true, false)]);
    assert_eq!(found("鞍山"), vec![("鞍山市".into(), false, false)]);
    assert_eq!(
        found("吉林省吉林市"),
        vec![
            ("吉林省".into(), true, false),
            ("吉林市".into(), true, false),
        ]
    );
    // 山东 wins over 东营 (leftmost); 营商 hides 东营 after a non-name.
    assert_eq!(found("山东营商环境"), vec![("山东省".into(), false, false)]);
    assert!(found("优化华东营商环境").is_empty());
    assert!(found("巩固原有优势").is_empty());
    assert!(found("推广元宇宙").is_empty());
    assert!(found("创新乡村振兴").is_empty());
    assert!(found("长治久安").is_empty());
    assert!(found("阿里巴巴").is_empty());
    assert!(found("建设美丽水乡").is_empty(), "丽水");
    assert!(found("提升经营口碑").is_empty(), "营口");
    assert!(found("加强沟通化解矛盾").is_empty(), "通化");
    assert!(found("国内江河").is_empty(), "内江");
    // 武汉 then 中心, not 汉中.
    assert_eq!(found("武汉中心"), vec![("武汉市".into(), false, false)]);
    // 广西 then 安全, not 西安.
    assert_eq!(
        found("广西安全"),
        vec![("广西壮族自治区".into(), false, false)]
    );
    // A market, not a city's full name.
    assert_eq!(found("朝阳市场"), vec![("朝阳市".into(), false, true)]);
    assert_eq!(found("深圳市场"), vec![("深圳市".into(), false, false)]);
}

#[test]
fn scanner_offsets_are_characters() {
    let m = g().mentions("“十四五”期间临沂市");
    assert_eq!(m.len(), 1);
    assert_eq!((m[0].start, m[0].end), (7, 10));
}
