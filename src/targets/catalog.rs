//! The indicator catalog: canonical indicators with their names, unit family,
//! expected kind and the phrasings plans use for them, plus user mappings.
//!
//! Matching is conservative (see [`Catalog::lookup_for`]): the indicator's
//! family must admit the figure's unit (persons never map to teams, firms
//! never to items), and a catalog phrase must be the *head* of the figure's
//! indicator phrase (its end, after generic words such as 数量 or 总数), so
//! `众创空间入驻企业` (tenants) does not map to maker spaces. Rate phrases
//! (`…占GDP比重`) name a numerator and a denominator and match by
//! containment. The longest phrase wins, and among equally long phrases the
//! indicator whose kind fits the figure. Context rules that look beyond the
//! phrase (beneficiaries, per-unit quotas, thresholds) live in
//! [`super::mapping`].

use super::family::Family;
use crate::model::TargetKind;
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// The catalog shipped with PlanLens.
const BUILTIN: &str = include_str!("../../data/indicators.toml");

/// The shipped catalog, parsed once. The file is checked by a unit test; an
/// empty catalog stands in rather than a panic should it ever be broken.
static BUILTIN_CATALOG: LazyLock<Catalog> =
    LazyLock::new(|| Catalog::parse(BUILTIN).unwrap_or_default());

/// An error reading a catalog or adding a mapping.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    /// The TOML text could not be parsed.
    #[error("catalog is not valid TOML: {0}")]
    Toml(#[from] toml::de::Error),
    /// An indicator names a unit family that does not exist.
    #[error("indicator `{id}`: unknown unit family `{family}`")]
    UnknownUnitFamily {
        /// The indicator id.
        id: String,
        /// The family as written.
        family: String,
    },
    /// An indicator names a kind that does not exist.
    #[error("indicator `{id}`: unknown kind `{kind}`")]
    UnknownKind {
        /// The indicator id.
        id: String,
        /// The kind as written.
        kind: String,
    },
    /// Two indicators share an id.
    #[error("duplicate indicator id `{0}`")]
    DuplicateId(String),
    /// An indicator has an empty id, name or phrase.
    #[error("indicator `{0}`: empty id, name or phrase")]
    Empty(String),
    /// A mapping names an indicator that is not in the catalog.
    #[error("no indicator with id `{0}`")]
    UnknownId(String),
    /// An indicator lists a unit its family does not admit.
    #[error("indicator `{id}`: unit `{unit}` is outside its unit family")]
    UnitOutsideFamily {
        /// The indicator id.
        id: String,
        /// The unit as written.
        unit: String,
    },
    /// A mapping has an empty phrase.
    #[error("mapping phrase is empty")]
    EmptyPhrase,
}

/// A canonical indicator.
#[derive(Debug, Clone, PartialEq)]
pub struct Indicator {
    /// Stable id, e.g. `high_tech_enterprises`.
    pub id: String,
    /// Chinese name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// What its figures count or measure.
    pub unit_family: Family,
    /// Units admitted, the first being the unit figures are compared in
    /// (`["家", "户"]`: 户 and 家 are the same for enterprises); empty for
    /// every unit of the family.
    pub units: Vec<String>,
    /// Verbs one of which must lead to the figure (`引进` for talent
    /// introduced); empty for no such condition.
    pub verbs: Vec<String>,
    /// Whether a money indicator is a balance (余额) rather than a total.
    pub balance: bool,
    /// For a share written `X占Y比重`: words one of which must name X
    /// (`研发` for R&D intensity), so that `高新技术产业增加值占地区生产总值比重`
    /// does not map to R&D intensity; empty for no such condition.
    pub subjects: Vec<String>,
    /// What counts and what does not, in words.
    pub scope: String,
    /// Sentences whose figure must map to this indicator (tested).
    pub examples: Vec<String>,
    /// Sentences whose figure must not map to this indicator (tested).
    pub negatives: Vec<String>,
    /// Expected kind, if fixed.
    pub kind: Option<TargetKind>,
    /// Phrasings, matched by containment in the indicator phrase of a figure.
    pub phrases: Vec<String>,
}

#[derive(Deserialize)]
struct RawFile {
    #[serde(default)]
    indicator: Vec<RawIndicator>,
}

#[derive(Deserialize)]
struct RawIndicator {
    id: String,
    name_zh: String,
    name_en: String,
    unit_family: String,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    phrases: Vec<String>,
    #[serde(default)]
    units: Vec<String>,
    #[serde(default)]
    verbs: Vec<String>,
    #[serde(default)]
    balance: bool,
    #[serde(default)]
    subjects: Vec<String>,
    #[serde(default)]
    scope: String,
    #[serde(default)]
    examples: Vec<String>,
    #[serde(default)]
    negatives: Vec<String>,
}

/// The indicator catalog.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    indicators: Vec<Indicator>,
    /// Per indicator, its phrases without quotation marks with their length
    /// in characters, computed once (lookups run for every figure).
    bare_phrases: Vec<Vec<(String, usize)>>,
    /// User mappings: exact phrase → index into `indicators`.
    mappings: HashMap<String, usize>,
}

fn parse_family(id: &str, s: &str) -> Result<Family, CatalogError> {
    Family::parse(s).ok_or_else(|| CatalogError::UnknownUnitFamily {
        id: id.to_string(),
        family: s.to_string(),
    })
}

fn parse_kind(id: &str, s: &str) -> Result<TargetKind, CatalogError> {
    Ok(match s {
        "stock" => TargetKind::Stock,
        "increment" => TargetKind::Increment,
        "rate" => TargetKind::Rate,
        _ => {
            return Err(CatalogError::UnknownKind {
                id: id.to_string(),
                kind: s.to_string(),
            })
        }
    })
}

impl Catalog {
    /// The catalog shipped in `data/indicators.toml`.
    pub fn builtin() -> Catalog {
        BUILTIN_CATALOG.clone()
    }

    /// Parses a catalog in the format of `data/indicators.toml`.
    pub fn parse(toml_text: &str) -> Result<Catalog, CatalogError> {
        let raw: RawFile = toml::from_str(toml_text)?;
        let mut seen = HashSet::new();
        let mut indicators = Vec::with_capacity(raw.indicator.len());
        for r in raw.indicator {
            if r.id.trim().is_empty()
                || r.name_zh.trim().is_empty()
                || r.phrases.iter().any(|p| p.trim().is_empty())
            {
                return Err(CatalogError::Empty(r.id));
            }
            if !seen.insert(r.id.clone()) {
                return Err(CatalogError::DuplicateId(r.id));
            }
            let unit_family = parse_family(&r.id, &r.unit_family)?;
            if let Some(u) = r.units.iter().find(|u| !unit_family.admits(u)) {
                return Err(CatalogError::UnitOutsideFamily {
                    id: r.id,
                    unit: u.clone(),
                });
            }
            let kind = r
                .kind
                .as_deref()
                .map(|k| parse_kind(&r.id, k))
                .transpose()?;
            indicators.push(Indicator {
                id: r.id,
                name_zh: r.name_zh,
                name_en: r.name_en,
                unit_family,
                units: r.units,
                verbs: r.verbs,
                balance: r.balance,
                subjects: r.subjects,
                scope: r.scope.trim().to_string(),
                examples: r.examples,
                negatives: r.negatives,
                kind,
                phrases: r
                    .phrases
                    .into_iter()
                    .map(|p| p.trim().to_string())
                    .collect(),
            });
        }
        let bare_phrases = indicators
            .iter()
            .map(|ind| {
                ind.phrases
                    .iter()
                    .map(|p| {
                        let bare = without_quotes(p);
                        let n = bare.chars().count();
                        (bare, n)
                    })
                    .collect()
            })
            .collect();
        Ok(Catalog {
            indicators,
            bare_phrases,
            mappings: HashMap::new(),
        })
    }

    /// Adds a user mapping phrase → indicator id (stored by the app in SQLite,
    /// applied on import). An exact match of the phrase takes precedence over
    /// the catalog phrasings.
    pub fn add_mapping(&mut self, phrase: &str, id: &str) -> Result<(), CatalogError> {
        let phrase = phrase.trim();
        if phrase.is_empty() {
            return Err(CatalogError::EmptyPhrase);
        }
        let idx = self
            .indicators
            .iter()
            .position(|i| i.id == id)
            .ok_or_else(|| CatalogError::UnknownId(id.to_string()))?;
        self.mappings.insert(phrase.to_string(), idx);
        Ok(())
    }

    /// Canonical indicator for a phrase as written, if any.
    pub fn lookup(&self, indicator_phrase: &str, unit: &str) -> Option<&Indicator> {
        self.lookup_for(indicator_phrase, unit, None)
    }

    /// Like [`Catalog::lookup`], preferring among equally specific matches
    /// the indicator whose kind is `kind`.
    ///
    /// A user mapping of the exact phrase wins. Otherwise an indicator
    /// matches when its family admits `unit` (and `unit` is among its
    /// `units`, where listed) and one of its phrases is the head of the
    /// indicator phrase: the phrase ends with it once generic measure words
    /// (数量, 总数, 立项, …) are dropped. An enumeration (`A、B`) maps only when
    /// every item that names something maps to the same indicator. Rate
    /// indicators match by containment. A phrase comparing with an average
    /// (`低于全省平均水平`) never maps.
    pub fn lookup_for(
        &self,
        indicator_phrase: &str,
        unit: &str,
        kind: Option<TargetKind>,
    ) -> Option<&Indicator> {
        self.lookup_with(indicator_phrase, unit, kind, indicator_phrase)
    }

    /// Like [`Catalog::lookup_for`], with the text leading to the figure
    /// (its clause), where an indicator's required verbs are looked for.
    pub fn lookup_with(
        &self,
        indicator_phrase: &str,
        unit: &str,
        kind: Option<TargetKind>,
        lead: &str,
    ) -> Option<&Indicator> {
        let unit = unit.trim();
        let phrase = indicator_phrase.trim();
        if let Some(&i) = self.mappings.get(phrase) {
            let ind = &self.indicators[i];
            if ind.admits(unit) {
                return Some(ind);
            }
        }
        // Quotation marks vary (`“专精特新”企业`, `专精特新企业`).
        let bare = without_quotes(phrase);
        if bare.contains("平均") {
            return None;
        }
        let candidates: Vec<(&Indicator, &Vec<(String, usize)>)> = self
            .indicators
            .iter()
            .zip(&self.bare_phrases)
            .filter(|(i, _)| i.admits(unit))
            .collect();
        let verbs_ok =
            |i: &Indicator| i.verbs.is_empty() || i.verbs.iter().any(|v| lead.contains(v.as_str()));
        let found = Self::lookup_phrase(&candidates, &bare, kind)?;
        // An indicator whose verbs are missing keeps its head noun: the
        // figure stays unmapped rather than falling to a less specific one.
        let ind = found.into_iter().find(|i| verbs_ok(i))?;
        if let Some(p) = bare.find('占') {
            let subject = &bare[..p];
            if !ind.subjects.is_empty()
                && !subject.is_empty()
                && !ind.subjects.iter().any(|w| subject.contains(w.as_str()))
            {
                return None;
            }
        }
        if !ind.unit_family.is_rate() && SECTOR_WORDS.iter().any(|w| bare.contains(w)) {
            return None;
        }
        Some(ind)
    }

    /// The indicators of `candidates` that `bare` names, all equally
    /// specific, best kind fit first.
    fn lookup_phrase<'c>(
        candidates: &[(&'c Indicator, &Vec<(String, usize)>)],
        bare: &str,
        kind: Option<TargetKind>,
    ) -> Option<Vec<&'c Indicator>> {
        if let Some(found) = best_match(candidates, bare, kind, true) {
            return Some(found);
        }
        // `“院士专家论坛”等产学研对接活动`: the items before 等 are examples
        // of the head after it.
        if let Some(p) = bare.rfind('等') {
            let head = &bare[p + '等'.len_utf8()..];
            if bare[..p].contains('、') && !head.is_empty() {
                return best_match(candidates, head, kind, false);
            }
        }
        // `省级以上众创空间、星创天地`: every item names the same indicator;
        // short leading items are levels or places (`省、市、县三级…`);
        // the last item may hold the last two (`A、B和C`).
        let mut items: Vec<&str> = bare.split('、').filter(|p| !p.is_empty()).collect();
        if items.len() >= 2 {
            if let Some(last) = items.pop() {
                items.extend(last.split(['和', '及', '与']).filter(|p| !p.is_empty()));
            }
        }
        if items.len() < 2 {
            return None;
        }
        let (last, rest) = items.split_last()?;
        let found = best_match(candidates, last, kind, false)?;
        for item in rest {
            match best_match(candidates, item, kind, false) {
                Some(other) if other[0].id == found[0].id => {}
                None if item.chars().count() <= 4 => {}
                _ => return None,
            }
        }
        Some(found)
    }

    /// All indicators, in file order.
    pub fn indicators(&self) -> &[Indicator] {
        &self.indicators
    }
}

/// Generic words that may follow the head noun of an indicator phrase
/// (`高新技术企业总数`, `省级科技计划项目立项`).
const TRAILING_GENERIC: &[&str] = &[
    "拥有量",
    "预计",
    "数量",
    "总数",
    "总量",
    "总额",
    "金额",
    "个数",
    "数",
    "立项",
    "支持",
    "高质量",
];

/// Words that make the head noun a subset by sector (`海洋领域高新技术企业`):
/// not comparable with the city's total.
const SECTOR_WORDS: &[&str] = &["领域", "行业"];

/// The phrase and its forms without trailing generic words, longest first.
fn heads(phrase: &str) -> Vec<&str> {
    let mut out = vec![phrase];
    let mut cur = phrase;
    while let Some(w) = TRAILING_GENERIC
        .iter()
        .find(|w| cur.len() > w.len() && cur.ends_with(*w))
    {
        cur = &cur[..cur.len() - w.len()];
        out.push(cur);
    }
    out
}

/// The indicators among `candidates` whose phrase is the head of `phrase`
/// (or, for rates, inside it) with the longest such phrase, those whose
/// kind is `kind` first; `enumerations` lets a catalog phrase with `、`
/// match a whole enumeration.
fn best_match<'c>(
    candidates: &[(&'c Indicator, &Vec<(String, usize)>)],
    phrase: &str,
    kind: Option<TargetKind>,
    enumerations: bool,
) -> Option<Vec<&'c Indicator>> {
    let heads = heads(phrase);
    let mut found: Vec<(usize, &Indicator)> = Vec::new();
    for &(ind, phrases) in candidates {
        let matches = |p: &str| {
            if ind.unit_family.is_rate() {
                phrase.contains(p)
            } else {
                heads.iter().any(|h| h.ends_with(p))
            }
        };
        if let Some(len) = phrases
            .iter()
            .filter(|(p, _)| p.len() <= phrase.len())
            .filter(|(p, _)| {
                if enumerations {
                    // A whole enumeration matches only a catalog enumeration.
                    !phrase.contains('、') || p.contains('、')
                } else {
                    !p.contains('、')
                }
            })
            .filter(|(p, _)| matches(p))
            .map(|&(_, n)| n)
            .max()
        {
            found.push((len, ind));
        }
    }
    let best = found.iter().map(|&(n, _)| n).max()?;
    let mut out: Vec<&Indicator> = found
        .into_iter()
        .filter(|&(n, _)| n == best)
        .map(|(_, i)| i)
        .collect();
    // Stable: file order among equals, the kind's fit first.
    out.sort_by_key(|i| !(kind.is_some() && i.kind == kind));
    Some(out)
}

impl Indicator {
    /// Whether a figure in `unit` can be a figure of this indicator.
    pub fn admits(&self, unit: &str) -> bool {
        let unit = unit.trim();
        self.unit_family.admits(unit)
            && (self.units.is_empty()
                || self
                    .units
                    .iter()
                    .any(|u| u == super::family::count_base(unit)))
    }

    /// The unit figures of this indicator are compared in: the first of its
    /// listed units, else its count family's (`户` and `家` both become `家`).
    pub fn comparison_unit(&self) -> Option<&str> {
        self.units
            .first()
            .map(String::as_str)
            .or(self.unit_family.comparison_unit())
    }
}

/// `phrase` without quotation marks.
fn without_quotes(phrase: &str) -> String {
    phrase
        .chars()
        .filter(|c| !matches!(c, '“' | '”' | '"' | '‘' | '’' | '\''))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_parses() {
        let c = Catalog::parse(BUILTIN).expect("builtin catalog");
        assert!(c.indicators().len() >= 30);
    }

    #[test]
    fn errors() {
        assert!(matches!(
            Catalog::parse(
                "[[indicator]]\nid='a'\nname_zh='甲'\nname_en='A'\nunit_family='x'\nphrases=['甲']"
            ),
            Err(CatalogError::UnknownUnitFamily { .. })
        ));
        assert!(matches!(
            Catalog::parse("[[indicator"),
            Err(CatalogError::Toml(_))
        ));
        let mut c = Catalog::builtin();
        assert!(matches!(
            c.add_mapping("x", "nope"),
            Err(CatalogError::UnknownId(_))
        ));
        assert!(matches!(
            c.add_mapping(" ", "nope"),
            Err(CatalogError::EmptyPhrase)
        ));
    }
}
