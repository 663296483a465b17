//! The indicator catalog: canonical indicators with their names, unit family,
//! expected kind and the phrasings plans use for them, plus user mappings.
//!
//! Matching is by phrase containment with unit-family compatibility (a `%`
//! figure never maps to a count indicator); the longest phrase wins, and
//! among equally long phrases the indicator whose kind fits the figure.

use super::normalize::UnitFamily;
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
    /// Unit family of its figures.
    pub unit_family: UnitFamily,
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

fn parse_family(id: &str, s: &str) -> Result<UnitFamily, CatalogError> {
    Ok(match s {
        "count" => UnitFamily::Count,
        "money" => UnitFamily::Money,
        "percent" => UnitFamily::Percent,
        "points" => UnitFamily::Points,
        "area" => UnitFamily::Area,
        "person_years" => UnitFamily::PersonYears,
        "ratio" => UnitFamily::Ratio,
        "mass" => UnitFamily::Mass,
        _ => {
            return Err(CatalogError::UnknownUnitFamily {
                id: id.to_string(),
                family: s.to_string(),
            })
        }
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
    pub fn lookup_for(
        &self,
        indicator_phrase: &str,
        unit: &str,
        kind: Option<TargetKind>,
    ) -> Option<&Indicator> {
        let family = UnitFamily::of(unit)?;
        let phrase = indicator_phrase.trim();
        if let Some(&i) = self.mappings.get(phrase) {
            let ind = &self.indicators[i];
            if ind.unit_family == family {
                return Some(ind);
            }
        }
        // Quotation marks vary (`“专精特新”企业`, `专精特新企业`).
        let bare = without_quotes(phrase);
        let mut best: Option<(usize, bool, &Indicator)> = None;
        for (ind, phrases) in self
            .indicators
            .iter()
            .zip(&self.bare_phrases)
            .filter(|(i, _)| i.unit_family == family)
        {
            let Some(len) = phrases
                .iter()
                .filter(|(p, _)| p.len() <= bare.len() && bare.contains(p.as_str()))
                .map(|&(_, n)| n)
                .max()
            else {
                continue;
            };
            let fits = kind.is_some() && ind.kind == kind;
            let better = match best {
                None => true,
                Some((bl, bf, _)) => len > bl || (len == bl && fits && !bf),
            };
            if better {
                best = Some((len, fits, ind));
            }
        }
        best.map(|b| b.2)
    }

    /// All indicators, in file order.
    pub fn indicators(&self) -> &[Indicator] {
        &self.indicators
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
