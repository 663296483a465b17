//! Unit families of catalog indicators: what a figure counts, read from its
//! unit. A figure maps to a catalog indicator only when the indicator's family
//! admits the figure's unit, so persons (名) never share a row with teams
//! (个团队) and a count of firms (家) never lands under a count of items (项).

use super::normalize::UnitFamily;

/// What an indicator counts or measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    /// Enterprises, institutions, platforms (家, 户, 个, 所, 座, 处).
    Organisations,
    /// People (名, 人, 位).
    Persons,
    /// Person-times, as in training and services (人次).
    PersonTimes,
    /// Teams (支, 个).
    Teams,
    /// Projects, results, patents, agreements (项, 件, 个, 份, 篇, 种, 台, 套, 条).
    Items,
    /// Events and sessions (次, 场, 场次, 期).
    Events,
    /// Transactions such as loans (笔).
    Transactions,
    /// Money (元, 万元, 亿元).
    Money,
    /// A percentage level or share.
    Percent,
    /// A change in percentage points.
    Points,
    /// An area.
    Area,
    /// Full-time equivalents (人年).
    PersonYears,
    /// A multiple (倍).
    Ratio,
    /// A mass (吨).
    Mass,
}

/// Every family, in the order of the catalog documentation.
pub const ALL: [Family; 14] = [
    Family::Organisations,
    Family::Persons,
    Family::PersonTimes,
    Family::Teams,
    Family::Items,
    Family::Events,
    Family::Transactions,
    Family::Money,
    Family::Percent,
    Family::Points,
    Family::Area,
    Family::PersonYears,
    Family::Ratio,
    Family::Mass,
];

impl Family {
    /// The snake_case name used in `data/indicators.toml`.
    pub fn as_str(self) -> &'static str {
        match self {
            Family::Organisations => "organisations",
            Family::Persons => "persons",
            Family::PersonTimes => "person_times",
            Family::Teams => "teams",
            Family::Items => "items",
            Family::Events => "events",
            Family::Transactions => "transactions",
            Family::Money => "money",
            Family::Percent => "percent",
            Family::Points => "points",
            Family::Area => "area",
            Family::PersonYears => "person_years",
            Family::Ratio => "ratio",
            Family::Mass => "mass",
        }
    }

    /// Parses the snake_case name; `None` for an unknown name.
    pub fn parse(s: &str) -> Option<Family> {
        ALL.into_iter().find(|f| f.as_str() == s)
    }

    /// The measure words a count family admits (empty for measured families).
    pub fn count_units(self) -> &'static [&'static str] {
        match self {
            Family::Organisations => &["家", "户", "个", "所", "座", "处"],
            Family::Persons => &["名", "人", "位"],
            Family::PersonTimes => &["人次"],
            Family::Teams => &["支", "个"],
            Family::Items => &["项", "件", "个", "份", "篇", "种", "台", "套", "台套", "条"],
            Family::Events => &["次", "场", "场次", "期"],
            Family::Transactions => &["笔"],
            _ => &[],
        }
    }

    /// The unit figures of a count family are compared in: its measure words
    /// count the same thing (`个` and `家` of platforms, `场` and `次` of
    /// events). `None` for measured families, which normalise on their own.
    pub fn comparison_unit(self) -> Option<&'static str> {
        Some(match self {
            Family::Organisations => "家",
            Family::Persons => "名",
            Family::PersonTimes => "人次",
            Family::Teams => "个",
            Family::Items => "项",
            Family::Events => "次",
            Family::Transactions => "笔",
            _ => return None,
        })
    }

    /// The coarse unit family of the measured families.
    fn measured(self) -> Option<UnitFamily> {
        Some(match self {
            Family::Money => UnitFamily::Money,
            Family::Percent => UnitFamily::Percent,
            Family::Points => UnitFamily::Points,
            Family::Area => UnitFamily::Area,
            Family::PersonYears => UnitFamily::PersonYears,
            Family::Ratio => UnitFamily::Ratio,
            Family::Mass => UnitFamily::Mass,
            _ => return None,
        })
    }

    /// Whether a figure in `unit` (as written, `万人次` included) can be a
    /// figure of this family.
    pub fn admits(self, unit: &str) -> bool {
        let unit = unit.trim();
        match self.measured() {
            Some(coarse) => UnitFamily::of(unit) == Some(coarse),
            None => self.count_units().contains(&count_base(unit)),
        }
    }

    /// Whether this family is a rate (percent, points, ratio) whose phrases
    /// name a numerator and a denominator rather than a counted noun.
    pub fn is_rate(self) -> bool {
        matches!(self, Family::Percent | Family::Points | Family::Ratio)
    }
}

/// The measure word of a count unit without a magnitude prefix:
/// `万人次` → `人次`.
pub fn count_base(unit: &str) -> &str {
    for p in ["千万", "百万", "万", "亿"] {
        if let Some(rest) = unit.strip_prefix(p) {
            if !rest.is_empty() {
                return rest;
            }
        }
    }
    unit
}

/// The families a unit can belong to (`个` is ambiguous: organisations,
/// teams or items).
pub fn families_of(unit: &str) -> Vec<Family> {
    ALL.into_iter().filter(|f| f.admits(unit)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_and_families() {
        assert!(Family::Organisations.admits("家"));
        assert!(Family::Organisations.admits("户"));
        assert!(!Family::Organisations.admits("名"));
        assert!(Family::Persons.admits("万人"));
        assert!(!Family::Persons.admits("人次"));
        assert!(Family::PersonTimes.admits("万人次"));
        assert!(Family::Money.admits("亿元"));
        assert!(!Family::Money.admits("%"));
        assert!(Family::Percent.admits("%"));
        assert!(Family::Points.admits("个百分点"));
        assert!(!Family::Teams.admits("名"));
        assert_eq!(
            families_of("个"),
            vec![Family::Organisations, Family::Teams, Family::Items]
        );
        for f in ALL {
            assert_eq!(Family::parse(f.as_str()), Some(f));
        }
    }
}
