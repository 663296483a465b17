//! The city gazetteer: China's provincial-level and prefecture-level
//! divisions, and a scanner that finds their names in text.
//!
//! The data lives in `data/gazetteer.tsv` (format described in its header)
//! and is embedded in the binary; [`Gazetteer::parse`] reads the same format
//! from any string, so the list can be extended without touching Rust.

use std::collections::HashMap;
use std::sync::OnceLock;

/// The gazetteer shipped with PlanLens.
const BUILTIN_TSV: &str = include_str!("../../data/gazetteer.tsv");

/// The level and type of an administrative division.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DivisionKind {
    /// 直辖市: provincial level, and a city of itself.
    Municipality,
    /// 省.
    Province,
    /// 自治区.
    AutonomousRegion,
    /// 特别行政区.
    SpecialAdministrativeRegion,
    /// 地级市.
    City,
    /// 地区.
    Prefecture,
    /// 自治州.
    AutonomousPrefecture,
    /// 盟.
    League,
}

impl DivisionKind {
    fn parse(s: &str) -> Option<DivisionKind> {
        Some(match s {
            "municipality" => DivisionKind::Municipality,
            "province" => DivisionKind::Province,
            "autonomous_region" => DivisionKind::AutonomousRegion,
            "sar" => DivisionKind::SpecialAdministrativeRegion,
            "city" => DivisionKind::City,
            "prefecture" => DivisionKind::Prefecture,
            "autonomous_prefecture" => DivisionKind::AutonomousPrefecture,
            "league" => DivisionKind::League,
            _ => return None,
        })
    }

    /// Whether the division is provincial-level (municipalities included).
    pub fn is_provincial(self) -> bool {
        matches!(
            self,
            DivisionKind::Municipality
                | DivisionKind::Province
                | DivisionKind::AutonomousRegion
                | DivisionKind::SpecialAdministrativeRegion
        )
    }

    /// Whether the division counts as a city of a plan: prefecture-level
    /// divisions and the four municipalities.
    pub fn is_city(self) -> bool {
        !self.is_provincial() || self == DivisionKind::Municipality
    }
}

/// One administrative division.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Division {
    /// Full official name, e.g. `滨州市`.
    pub name: String,
    /// Level and type.
    pub kind: DivisionKind,
    /// Full name of the provincial-level division it belongs to (its own
    /// name for provincial rows).
    pub province: String,
    /// Short names, each with whether it is weak (a common word or another
    /// place's name, never counted alone by detection).
    pub aliases: Vec<(String, bool)>,
}

/// A place name found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlaceMention<'g> {
    /// The division named.
    pub division: &'g Division,
    /// Whether the full name was written (`滨州市`) rather than a short one.
    pub full: bool,
    /// Whether the short name written is weak (see [`Division::aliases`]).
    pub weak: bool,
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset after the last character.
    pub end: usize,
}

/// Why a gazetteer file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GazetteerError {
    /// A line without the four tab-separated columns.
    #[error("gazetteer line {line}: expected 4 tab-separated columns, found {found}")]
    Columns {
        /// 1-based line number.
        line: usize,
        /// Number of columns found.
        found: usize,
    },
    /// An unknown value in the `kind` column.
    #[error("gazetteer line {line}: unknown kind {kind:?}")]
    Kind {
        /// 1-based line number.
        line: usize,
        /// The value found.
        kind: String,
    },
    /// A prefecture-level row whose province is not listed before it.
    #[error("gazetteer line {line}: unknown province {province:?}")]
    Province {
        /// 1-based line number.
        line: usize,
        /// The value found.
        province: String,
    },
    /// The same full name twice.
    #[error("gazetteer line {line}: duplicate name {name:?}")]
    Duplicate {
        /// 1-based line number.
        line: usize,
        /// The duplicated name.
        name: String,
    },
}

/// What a scan pattern stands for.
#[derive(Debug, Clone, Copy)]
enum PatternTarget {
    Place {
        division: usize,
        full: bool,
        weak: bool,
    },
    Block,
}

#[derive(Debug, Clone)]
struct Pattern {
    chars: Vec<char>,
    target: PatternTarget,
}

/// All provinces and prefecture-level divisions of China, with a name scanner.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    divisions: Vec<Division>,
    /// Full names and aliases → division indexes.
    by_name: HashMap<String, Vec<usize>>,
    /// First character → patterns starting with it, longest first.
    patterns: HashMap<char, Vec<Pattern>>,
}

impl Gazetteer {
    /// The gazetteer shipped in `data/gazetteer.tsv` (embedded with `include_str!`).
    pub fn builtin() -> &'static Gazetteer {
        static BUILTIN: OnceLock<Gazetteer> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            Gazetteer::parse(BUILTIN_TSV).expect("the embedded gazetteer.tsv is valid (tested)")
        })
    }

    /// Reads a gazetteer in the `data/gazetteer.tsv` format.
    pub fn parse(tsv: &str) -> Result<Gazetteer, GazetteerError> {
        let mut g = Gazetteer {
            divisions: Vec::new(),
            by_name: HashMap::new(),
            patterns: HashMap::new(),
        };
        let mut full_names: HashMap<String, usize> = HashMap::new();
        for (i, raw) in tsv.lines().enumerate() {
            let line = i + 1;
            let trimmed = raw.trim_end_matches('\r');
            if trimmed.trim().is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = trimmed.split('\t').map(str::trim).collect();
            if cols.len() != 4 {
                return Err(GazetteerError::Columns {
                    line,
                    found: cols.len(),
                });
            }
            let (kind, name, aliases, province) = (cols[0], cols[1], cols[2], cols[3]);
            if kind == "block" {
                g.add_pattern(name, PatternTarget::Block);
                continue;
            }
            let kind = DivisionKind::parse(kind).ok_or_else(|| GazetteerError::Kind {
                line,
                kind: kind.to_owned(),
            })?;
            if full_names.contains_key(name) {
                return Err(GazetteerError::Duplicate {
                    line,
                    name: name.to_owned(),
                });
            }
            let province = if kind.is_provincial() {
                name.to_owned()
            } else {
                match full_names.get(province) {
                    Some(&p) if g.divisions[p].kind.is_provincial() => province.to_owned(),
                    _ => {
                        return Err(GazetteerError::Province {
                            line,
                            province: province.to_owned(),
                        })
                    }
                }
            };
            let aliases: Vec<(String, bool)> = aliases
                .split(',')
                .map(str::trim)
                .filter(|a| !a.is_empty() && *a != "-")
                .map(|a| match a.strip_suffix('*') {
                    Some(weak) => (weak.to_owned(), true),
                    None => (a.to_owned(), false),
                })
                .collect();
            let index = g.divisions.len();
            full_names.insert(name.to_owned(), index);
            g.by_name.entry(name.to_owned()).or_default().push(index);
            g.add_pattern(
                name,
                PatternTarget::Place {
                    division: index,
                    full: true,
                    weak: false,
                },
            );
            for (alias, weak) in &aliases {
                g.by_name.entry(alias.clone()).or_default().push(index);
                g.add_pattern(
                    alias,
                    PatternTarget::Place {
                        division: index,
                        full: false,
                        weak: *weak,
                    },
                );
            }
            g.divisions.push(Division {
                name: name.to_owned(),
                kind,
                province,
                aliases,
            });
        }
        for list in g.patterns.values_mut() {
            list.sort_by_key(|p| std::cmp::Reverse(p.chars.len()));
        }
        Ok(g)
    }

    fn add_pattern(&mut self, text: &str, target: PatternTarget) {
        let chars: Vec<char> = text.chars().collect();
        if let Some(&first) = chars.first() {
            self.patterns
                .entry(first)
                .or_default()
                .push(Pattern { chars, target });
        }
    }

    /// All divisions, provincial rows first within each province.
    pub fn divisions(&self) -> &[Division] {
        &self.divisions
    }

    /// Finds a city by full name (`滨州市`) or short name (`滨州`); returns
    /// `(city, province)`. Municipalities are cities of themselves
    /// (`北京` → `("北京市", "北京市")`); province names give `None`.
    pub fn city(&self, name: &str) -> Option<(&str, &str)> {
        let name = name.trim();
        self.by_name
            .get(name)?
            .iter()
            .map(|&i| &self.divisions[i])
            .find(|d| d.kind.is_city())
            .map(|d| (d.name.as_str(), d.province.as_str()))
    }

    /// Finds a provincial-level division by full or short name (`山东省`, `山东`,
    /// `广西`) and returns its full name.
    pub fn province(&self, name: &str) -> Option<&str> {
        let name = name.trim();
        self.by_name
            .get(name)?
            .iter()
            .map(|&i| &self.divisions[i])
            .find(|d| d.kind.is_provincial())
            .map(|d| d.name.as_str())
    }

    /// Finds every place name in `text`, leftmost-longest, skipping block
    /// words (巩固 in 巩固原有) and short names whose last character starts a
    /// block word (东营 in 东营商环境 read as 东+营商). A full city name directly
    /// followed by 场 (`朝阳市场`) is read as a short name plus 市场. Offsets are
    /// character offsets.
    pub fn mentions<'g>(&'g self, text: &str) -> Vec<PlaceMention<'g>> {
        let chars: Vec<char> = text.chars().collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            let Some(pattern) = self.longest_at(&chars, i) else {
                i += 1;
                continue;
            };
            let mut end = i + pattern.chars.len();
            let PatternTarget::Place {
                division,
                mut full,
                mut weak,
            } = pattern.target
            else {
                i = end;
                continue;
            };
            let d = &self.divisions[division];
            if full && d.name.ends_with('市') && chars.get(end) == Some(&'场') {
                // 朝阳市场: a market, unless the short name stands on its own.
                end -= 1;
                full = false;
                let short: String = chars[i..end].iter().collect();
                weak = d
                    .aliases
                    .iter()
                    .find(|(a, _)| *a == short)
                    .is_none_or(|(_, w)| *w);
            }
            if !full && self.block_overlaps_tail(&chars, i, end) {
                i += 1;
                continue;
            }
            out.push(PlaceMention {
                division: d,
                full,
                weak,
                start: i,
                end,
            });
            i = end;
        }
        out
    }

    /// The longest pattern matching at `i`.
    fn longest_at(&self, chars: &[char], i: usize) -> Option<&Pattern> {
        self.patterns
            .get(&chars[i])?
            .iter()
            .find(|p| chars[i..].starts_with(&p.chars))
    }

    /// Whether a block word starts inside `(start, end)` and runs past `end`.
    fn block_overlaps_tail(&self, chars: &[char], start: usize, end: usize) -> bool {
        (start + 1..end).any(|k| {
            self.patterns.get(&chars[k]).is_some_and(|list| {
                list.iter().any(|p| {
                    matches!(p.target, PatternTarget::Block)
                        && k + p.chars.len() > end
                        && chars[k..].starts_with(&p.chars)
                })
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_counts() {
        let g = Gazetteer::builtin();
        let provincial = g
            .divisions()
            .iter()
            .filter(|d| d.kind.is_provincial())
            .count();
        let prefecture = g
            .divisions()
            .iter()
            .filter(|d| !d.kind.is_provincial())
            .count();
        assert_eq!(provincial, 34);
        assert_eq!(prefecture, 333);
    }

    #[test]
    fn bad_rows_are_errors() {
        assert!(matches!(
            Gazetteer::parse("city\t滨州市\t滨州\n"),
            Err(GazetteerError::Columns { line: 1, .. })
        ));
        assert!(matches!(
            Gazetteer::parse("town\t滨州市\t滨州\t山东省\n"),
            Err(GazetteerError::Kind { .. })
        ));
        assert!(matches!(
            Gazetteer::parse("city\t滨州市\t滨州\t山东省\n"),
            Err(GazetteerError::Province { .. })
        ));
    }
}
