//! Normalisation of figures to comparable base units: money to 元, areas to
//! 平方米, magnitude prefixes (`万`, `亿`) applied to counts, ‰ and fractions
//! to %, while % and 个百分点 stay distinct.

use crate::model::Normalized;

/// The family a unit belongs to; figures are comparable within a family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitFamily {
    /// Counts of things or people (家, 个, 项, 名, 人次, 件, …).
    Count,
    /// Money (元, 万元, 亿元).
    Money,
    /// A percentage level or share (%, ‰, or a plain fraction such as `2/3`).
    Percent,
    /// A change in percentage points (个百分点).
    Points,
    /// An area (平方米, 万平方米, 亩).
    Area,
    /// Full-time equivalents (人年).
    PersonYears,
    /// A multiple (倍).
    Ratio,
    /// A mass (吨).
    Mass,
}

impl UnitFamily {
    /// The family of a unit as written; `None` for an unknown unit.
    pub fn of(unit: &str) -> Option<UnitFamily> {
        let base = strip_prefix(unit).1;
        Some(match base {
            "元" => UnitFamily::Money,
            "%" | "％" | "‰" | "" => UnitFamily::Percent,
            "个百分点" | "百分点" => UnitFamily::Points,
            "平方米" | "平方公里" | "亩" | "公顷" => UnitFamily::Area,
            "人年" => UnitFamily::PersonYears,
            "倍" => UnitFamily::Ratio,
            "吨" => UnitFamily::Mass,
            "家" | "户" | "个" | "项" | "名" | "人" | "台套" | "人次" | "场次" | "户次"
            | "家次" | "期" | "次" | "件" | "处" | "所" | "笔" | "场" | "篇" | "台" | "套"
            | "种" | "位" | "座" | "条" | "支" => UnitFamily::Count,
            _ => return None,
        })
    }

    /// The snake_case name used in the catalog file.
    pub fn as_str(self) -> &'static str {
        match self {
            UnitFamily::Count => "count",
            UnitFamily::Money => "money",
            UnitFamily::Percent => "percent",
            UnitFamily::Points => "points",
            UnitFamily::Area => "area",
            UnitFamily::PersonYears => "person_years",
            UnitFamily::Ratio => "ratio",
            UnitFamily::Mass => "mass",
        }
    }
}

/// Splits a magnitude prefix off a unit: `亿元` → (1e8, `元`).
fn strip_prefix(unit: &str) -> (f64, &str) {
    for (p, m) in [("千万", 1e7), ("百万", 1e6), ("万", 1e4), ("亿", 1e8)] {
        if let Some(rest) = unit.strip_prefix(p) {
            if !rest.is_empty() {
                return (m, rest);
            }
        }
    }
    (1.0, unit)
}

/// Normalised (comparable) value: money to 元, counts with magnitude
/// prefixes expanded, ‰ and fractions to %, areas to 平方米; % and
/// 个百分点 are kept distinct, ranges are kept. `None` for an unknown unit
/// or a non-finite value.
///
/// ```
/// use planlens::targets::normalize;
/// let n = normalize(2.5, None, "亿元").unwrap();
/// assert_eq!((n.value, n.unit.as_str()), (250_000_000.0, "元"));
/// let n = normalize(1.0, Some(2.0), "万平方米").unwrap();
/// assert_eq!((n.value, n.value_high, n.unit.as_str()), (10_000.0, Some(20_000.0), "平方米"));
/// ```
pub fn normalize(value: f64, value_high: Option<f64>, unit: &str) -> Option<Normalized> {
    if !value.is_finite() || value_high.is_some_and(|v| !v.is_finite()) {
        return None;
    }
    let unit = unit.trim();
    let family = UnitFamily::of(unit)?;
    let (mult, base) = strip_prefix(unit);
    let (factor, out_unit) = match (family, base) {
        (UnitFamily::Percent, "‰") => (0.1, "%"),
        (UnitFamily::Percent, "") => (100.0, "%"),
        (UnitFamily::Percent, _) => (1.0, "%"),
        (UnitFamily::Points, _) => (1.0, "个百分点"),
        (UnitFamily::Area, "平方公里") => (1e6, "平方米"),
        (UnitFamily::Area, "亩") => (10_000.0 / 15.0, "平方米"),
        (UnitFamily::Area, "公顷") => (1e4, "平方米"),
        (_, b) => (1.0, b),
    };
    let f = mult * factor;
    let round = |v: f64| (v * f * 1e6).round() / 1e6;
    Some(Normalized {
        value: round(value),
        value_high: value_high.map(round),
        unit: out_unit.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_and_counts() {
        assert_eq!(normalize(5000.0, None, "万元").unwrap().value, 5e7);
        assert_eq!(normalize(3.0, None, "元").unwrap().value, 3.0);
        let n = normalize(1.2, None, "万人次").unwrap();
        assert_eq!((n.value, n.unit.as_str()), (12_000.0, "人次"));
        assert_eq!(
            normalize(1.0, Some(2.0), "家").unwrap().value_high,
            Some(2.0)
        );
    }

    #[test]
    fn percent_points_fraction() {
        assert_eq!(normalize(3.5, None, "%").unwrap().unit, "%");
        assert_eq!(normalize(1.5, None, "个百分点").unwrap().unit, "个百分点");
        let n = normalize(2.0 / 3.0, None, "").unwrap();
        assert_eq!(n.unit, "%");
        assert!((n.value - 66.666667).abs() < 1e-6);
        assert_eq!(normalize(80.0, None, "万平方米").unwrap().value, 800_000.0);
        assert_eq!(normalize(1.0, None, "光年"), None);
        assert_eq!(normalize(f64::NAN, None, "家"), None);
    }
}
