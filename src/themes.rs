//! Themes of task items: a small taxonomy kept as data (`data/themes.toml`)
//! and a weighted-keyword classifier. An item may have several themes, each
//! with a confidence in `(0, 1)`.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

/// The built-in taxonomy file.
pub const BUILTIN_THEMES: &str = include_str!("../data/themes.toml");

/// What can go wrong reading a taxonomy.
#[derive(Debug, thiserror::Error)]
pub enum ThemeError {
    /// The file is not valid TOML of the expected shape.
    #[error("invalid themes file: {0}")]
    Toml(#[from] toml::de::Error),
    /// Two themes share an id.
    #[error("duplicate theme id {0:?}")]
    DuplicateId(String),
    /// A keyword weight is not a positive finite number, or a keyword is empty.
    #[error("theme {theme:?}: bad keyword {keyword:?}")]
    BadKeyword {
        /// Theme id.
        theme: String,
        /// The keyword.
        keyword: String,
    },
}

/// One theme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Theme {
    /// Stable id, e.g. `talent`.
    pub id: String,
    /// Chinese name.
    pub zh: String,
    /// English name.
    pub en: String,
    /// Phrase → weight.
    pub keywords: BTreeMap<String, f64>,
}

#[derive(Debug, Deserialize)]
struct RawFile {
    min_score: f64,
    relative: f64,
    theme: Vec<Theme>,
}

/// A theme assigned to a text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThemeScore {
    /// Theme id.
    pub theme: String,
    /// Confidence in `(0, 1)`.
    pub confidence: f64,
}

/// A set of themes and the assignment thresholds.
#[derive(Debug, Clone, PartialEq)]
pub struct Taxonomy {
    themes: Vec<Theme>,
    min_score: f64,
    relative: f64,
    /// Per theme: keywords sorted longest first.
    sorted: Vec<Vec<(Vec<char>, f64)>>,
}

static BUILTIN: LazyLock<Taxonomy> = LazyLock::new(|| {
    // Checked by the `builtin_parses` test; an empty taxonomy is the only
    // fallback that cannot panic.
    Taxonomy::parse(BUILTIN_THEMES).unwrap_or_else(|_| Taxonomy {
        themes: Vec::new(),
        min_score: 1.0,
        relative: 1.0,
        sorted: Vec::new(),
    })
});

impl Taxonomy {
    /// The taxonomy of `data/themes.toml`.
    pub fn builtin() -> &'static Taxonomy {
        &BUILTIN
    }

    /// Parses a taxonomy in the format of `data/themes.toml`.
    pub fn parse(text: &str) -> Result<Taxonomy, ThemeError> {
        let raw: RawFile = toml::from_str(text)?;
        let mut seen = std::collections::HashSet::new();
        let mut sorted = Vec::new();
        for t in &raw.theme {
            if !seen.insert(t.id.clone()) {
                return Err(ThemeError::DuplicateId(t.id.clone()));
            }
            let mut ks = Vec::new();
            for (k, w) in &t.keywords {
                if k.trim().is_empty() || !w.is_finite() || *w <= 0.0 {
                    return Err(ThemeError::BadKeyword {
                        theme: t.id.clone(),
                        keyword: k.clone(),
                    });
                }
                ks.push((k.chars().collect::<Vec<char>>(), *w));
            }
            ks.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
            sorted.push(ks);
        }
        Ok(Taxonomy {
            themes: raw.theme,
            min_score: raw.min_score,
            relative: raw.relative,
            sorted,
        })
    }

    /// The themes in file order.
    pub fn themes(&self) -> &[Theme] {
        &self.themes
    }

    /// The theme with this id.
    pub fn get(&self, id: &str) -> Option<&Theme> {
        self.themes.iter().find(|t| t.id == id)
    }

    /// Raw score of each theme for a task item (heading counts twice).
    pub fn scores(&self, title: &str, text: &str) -> Vec<f64> {
        let title: Vec<char> = title.chars().collect();
        let text: Vec<char> = text.chars().collect();
        self.sorted
            .iter()
            .map(|ks| 2.0 * score_in(ks, &title) + score_in(ks, &text))
            .collect()
    }

    /// The themes of a task item, best first.
    pub fn classify(&self, title: &str, text: &str) -> Vec<ThemeScore> {
        let scores = self.scores(title, text);
        let best = scores.iter().copied().fold(0.0, f64::max);
        let mut out: Vec<ThemeScore> = self
            .themes
            .iter()
            .zip(&scores)
            .filter(|(_, &s)| s >= self.min_score && s >= self.relative * best)
            .map(|(t, &s)| ThemeScore {
                theme: t.id.clone(),
                confidence: 1.0 - (-s / 6.0).exp(),
            })
            .collect();
        out.sort_by(|a, b| b.confidence.total_cmp(&a.confidence));
        out
    }
}

/// Sum of keyword weights, each keyword counted at most 3 times, characters
/// already counted for a longer keyword not counted again.
fn score_in(keywords: &[(Vec<char>, f64)], text: &[char]) -> f64 {
    let mut used = vec![false; text.len()];
    let mut total = 0.0;
    for (k, w) in keywords {
        if k.is_empty() || k.len() > text.len() {
            continue;
        }
        let mut n = 0;
        let mut i = 0;
        while i + k.len() <= text.len() && n < 3 {
            if text[i..i + k.len()] == k[..] && !used[i..i + k.len()].iter().any(|&u| u) {
                used[i..i + k.len()].iter_mut().for_each(|u| *u = true);
                n += 1;
                i += k.len();
            } else {
                i += 1;
            }
        }
        total += f64::from(n) * w;
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_parses() {
        let t = Taxonomy::parse(BUILTIN_THEMES).unwrap();
        assert_eq!(t.themes().len(), 12);
        assert_eq!(Taxonomy::builtin().themes().len(), 12);
    }

    #[test]
    fn classify_examples() {
        let t = Taxonomy::builtin();
        let ids = |title: &str, text: &str| -> Vec<String> {
            t.classify(title, text)
                .into_iter()
                .map(|s| s.theme)
                .collect()
        };
        assert_eq!(
            ids("加强高层次人才引进", "引进领军人才和创新团队20个。")[0],
            "talent"
        );
        assert!(ids(
            "完善科技金融服务",
            "设立天使投资引导基金，扩大科技贷款规模。"
        )
        .contains(&"finance".to_string()));
        assert!(ids("推进乡村振兴", "选派科技特派员服务农业农村。")
            .contains(&"agriculture".to_string()));
        // Hard negatives: no theme for empty or generic text.
        assert!(ids("", "").is_empty());
        assert!(ids("其他", "做好各项工作。").is_empty());
    }

    #[test]
    fn longer_keyword_shadows_inner_one() {
        let ks = vec![
            ("高新技术企业".chars().collect(), 3.0),
            ("企业".chars().collect(), 0.5),
        ];
        let text: Vec<char> = "高新技术企业".chars().collect();
        assert_eq!(score_in(&ks, &text), 3.0);
    }

    #[test]
    fn bad_files_are_errors() {
        assert!(Taxonomy::parse(
            "min_score = 1\nrelative = 0.5\n[[theme]]\nid='a'\nzh='a'\nen='a'\nkeywords={'x'=-1.0}"
        )
        .is_err());
        assert!(Taxonomy::parse("nonsense").is_err());
    }
}
