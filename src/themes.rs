//! Themes of task items: a small taxonomy kept as data (`data/themes.toml`)
//! and a weighted-keyword classifier. An item may have several themes, each
//! with a confidence in `(0, 1)`.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
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
    /// No theme has this id.
    #[error("unknown theme {id:?}; known: {known}")]
    Unknown {
        /// The id asked for.
        id: String,
        /// The known ids, comma-separated.
        known: String,
    },
    /// The keyword matcher could not be built.
    #[error("theme keywords: {0}")]
    Matcher(String),
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
#[derive(Debug, Clone)]
pub struct Taxonomy {
    themes: Vec<Theme>,
    min_score: f64,
    relative: f64,
    /// Per theme: keyword weights, longest keyword first.
    weights: Vec<Vec<f64>>,
    /// Every distinct keyword of every theme, found in one pass (`None`
    /// only for the empty fallback taxonomy).
    matcher: Option<AhoCorasick>,
    /// For each matcher pattern: the `(theme, rank)` keywords it is.
    uses: Vec<Vec<(usize, usize)>>,
}

static BUILTIN: LazyLock<Taxonomy> = LazyLock::new(|| {
    // Checked by the `builtin_parses` test; an empty taxonomy is the only
    // fallback that cannot panic.
    Taxonomy::parse(BUILTIN_THEMES).unwrap_or_else(|_| Taxonomy {
        themes: Vec::new(),
        min_score: 1.0,
        relative: 1.0,
        weights: Vec::new(),
        matcher: None,
        uses: Vec::new(),
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
        let mut weights = Vec::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut uses: Vec<Vec<(usize, usize)>> = Vec::new();
        for (ti, t) in raw.theme.iter().enumerate() {
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
                ks.push((k.as_str(), *w));
            }
            ks.sort_by(|a, b| {
                b.0.chars()
                    .count()
                    .cmp(&a.0.chars().count())
                    .then(a.0.cmp(b.0))
            });
            for (rank, (k, _)) in ks.iter().enumerate() {
                let p = match patterns.iter().position(|x| x == k) {
                    Some(p) => p,
                    None => {
                        patterns.push((*k).to_string());
                        uses.push(Vec::new());
                        patterns.len() - 1
                    }
                };
                uses[p].push((ti, rank));
            }
            weights.push(ks.iter().map(|(_, w)| *w).collect());
        }
        let matcher =
            AhoCorasick::new(&patterns).map_err(|e| ThemeError::Matcher(e.to_string()))?;
        Ok(Taxonomy {
            themes: raw.theme,
            min_score: raw.min_score,
            relative: raw.relative,
            weights,
            matcher: Some(matcher),
            uses,
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

    /// The theme with this id, or an error naming the known ids.
    pub fn require(&self, id: &str) -> Result<&Theme, ThemeError> {
        self.get(id).ok_or_else(|| ThemeError::Unknown {
            id: id.to_string(),
            known: self
                .themes
                .iter()
                .map(|t| t.id.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        })
    }

    /// Raw score of each theme for a task item (heading counts twice).
    pub fn scores(&self, title: &str, text: &str) -> Vec<f64> {
        let title = self.scores_in(title);
        let text = self.scores_in(text);
        title.iter().zip(&text).map(|(a, b)| 2.0 * a + b).collect()
    }

    /// Each theme's score in one text: every occurrence of every keyword is
    /// found in one pass, then [`score_occurrences`] applies the counting
    /// rule per theme.
    fn scores_in(&self, text: &str) -> Vec<f64> {
        // occurrences[theme][rank]: (start, end) byte ranges, by start.
        let mut occurrences: Vec<Vec<Vec<(usize, usize)>>> = self
            .weights
            .iter()
            .map(|w| vec![Vec::new(); w.len()])
            .collect();
        let Some(matcher) = &self.matcher else {
            return vec![0.0; self.weights.len()];
        };
        for m in matcher.find_overlapping_iter(text) {
            for &(theme, rank) in &self.uses[m.pattern().as_usize()] {
                occurrences[theme][rank].push((m.start(), m.end()));
            }
        }
        occurrences
            .iter_mut()
            .zip(&self.weights)
            .map(|(occ, w)| score_occurrences(occ, w, text.len()))
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

/// Sum of keyword weights (keywords longest first, `occurrences[rank]` their
/// byte ranges), each keyword counted at most 3 times, and text already
/// counted for a longer keyword (or an earlier occurrence) not counted again.
fn score_occurrences(occurrences: &mut [Vec<(usize, usize)>], weights: &[f64], len: usize) -> f64 {
    if occurrences.iter().all(Vec::is_empty) {
        return 0.0;
    }
    let mut used = vec![false; len];
    let mut total = 0.0;
    for (occ, w) in occurrences.iter_mut().zip(weights) {
        occ.sort_unstable();
        let mut n = 0;
        for &(a, b) in occ.iter() {
            if n == 3 {
                break;
            }
            if !used[a..b].iter().any(|&u| u) {
                used[a..b].iter_mut().for_each(|u| *u = true);
                n += 1;
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

    fn taxonomy(keywords: &str) -> Taxonomy {
        Taxonomy::parse(&format!(
            "min_score = 1\nrelative = 0.5\n[[theme]]\nid='a'\nzh='a'\nen='a'\nkeywords={{{keywords}}}\n\
             [[theme]]\nid='b'\nzh='b'\nen='b'\nkeywords={{'企业'=1.0}}"
        ))
        .unwrap()
    }

    #[test]
    fn longer_keyword_shadows_inner_one() {
        let t = taxonomy("'高新技术企业'=3.0, '企业'=0.5");
        // Theme a: the inner 企业 is not counted again; theme b counts it.
        assert_eq!(t.scores_in("高新技术企业"), vec![3.0, 1.0]);
        assert_eq!(t.scores_in("高新技术企业和企业"), vec![3.5, 2.0]);
    }

    #[test]
    fn a_keyword_counts_at_most_three_times_without_overlaps() {
        let t = taxonomy("'孵化'=1.0, '化器'=0.25");
        assert_eq!(t.scores_in("孵化孵化孵化孵化"), vec![3.0, 0.0]);
        // 孵化器: two keywords of equal length overlap; the first in code
        // point order (化器) takes the characters, 孵化 is not counted.
        assert_eq!(t.scores_in("孵化器"), vec![0.25, 0.0]);
        assert_eq!(t.scores_in("化器"), vec![0.25, 0.0]);
        let aa = taxonomy("'啊啊'=1.0");
        // Overlapping occurrences of one keyword count once per stretch.
        assert_eq!(aa.scores_in("啊啊啊"), vec![1.0, 0.0]);
        assert_eq!(aa.scores_in("啊啊啊啊"), vec![2.0, 0.0]);
        assert_eq!(aa.scores_in(""), vec![0.0, 0.0]);
    }

    /// The scorer before the one-pass matcher: each keyword searched on its
    /// own, longest first.
    fn reference_score(keywords: &[(&str, f64)], text: &str) -> f64 {
        let mut ks: Vec<(Vec<char>, f64)> = keywords
            .iter()
            .map(|(k, w)| (k.chars().collect(), *w))
            .collect();
        ks.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        let text: Vec<char> = text.chars().collect();
        let mut used = vec![false; text.len()];
        let mut total = 0.0;
        for (k, w) in &ks {
            let (mut n, mut i) = (0, 0);
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

    proptest::proptest! {
        #[test]
        fn one_pass_scores_equal_the_keyword_by_keyword_scores(
            picks in proptest::collection::vec(0usize..12, 0..40)
        ) {
            // Text made of keyword pieces, so overlaps and repeats are common.
            const PIECES: [&str; 12] = ["孵化", "孵化器", "化器", "科技", "科技金融", "金融", "人才", "，", "企业", "高新技术企业", "技术", "a"];
            let text: String = picks.iter().map(|&i| PIECES[i]).collect();
            let t = Taxonomy::builtin();
            let one_pass = t.scores_in(&text);
            for (theme, got) in t.themes().iter().zip(&one_pass) {
                let ks: Vec<(&str, f64)> = theme.keywords.iter().map(|(k, w)| (k.as_str(), *w)).collect();
                let want = reference_score(&ks, &text);
                proptest::prop_assert!((got - want).abs() < 1e-9, "{} on {text:?}: {got} vs {want}", theme.id);
            }
        }
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
