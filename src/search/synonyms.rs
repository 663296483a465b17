//! Indicator synonyms: a query that names a catalog indicator (its Chinese
//! name or one of its phrases in `data/indicators.toml`, such as 研发投入强度)
//! also finds the indicator's other phrases (研发经费投入强度, 投入强度,
//! 占地区生产总值比重, …). The user can drop any of them.

use serde::Serialize;

use crate::targets::Catalog;

/// A catalog indicator a query term names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NamedIndicator {
    /// Catalog id.
    pub id: String,
    /// Chinese name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
}

/// One query term (or the whole query) widened to an indicator's phrases.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Expansion {
    /// The query term as written (lowercased), or the whole query.
    pub term: String,
    /// The indicators it names.
    pub indicators: Vec<NamedIndicator>,
    /// The phrases searched besides the term, catalog order, without the
    /// dropped ones.
    pub phrases: Vec<String>,
    /// Phrases of those indicators the user dropped.
    pub dropped: Vec<String>,
}

/// How a phrase or query is compared: quotation marks and spaces dropped,
/// Latin letters lowercased.
fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '"' | '“' | '”' | '\'' | '‘' | '’'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The name without its explanation in brackets: `研发投入强度(研发经费占GDP比重)`
/// → `研发投入强度`.
fn name_stem(name: &str) -> &str {
    name.split(['(', '（']).next().unwrap_or(name).trim()
}

/// The expansion of one term, if it names any indicator.
fn expand_term(term: &str, catalog: &Catalog, drop: &[String]) -> Option<Expansion> {
    let key = norm(term);
    if key.chars().count() < 2 {
        return None;
    }
    let dropped_keys: Vec<String> = drop.iter().map(|d| norm(d)).collect();
    let mut indicators = Vec::new();
    let mut phrases: Vec<String> = Vec::new();
    let mut dropped: Vec<String> = Vec::new();
    for ind in catalog.indicators() {
        let names = norm(&ind.name_zh) == key
            || norm(name_stem(&ind.name_zh)) == key
            || ind.phrases.iter().any(|p| norm(p) == key);
        if !names {
            continue;
        }
        indicators.push(NamedIndicator {
            id: ind.id.clone(),
            name_zh: ind.name_zh.clone(),
            name_en: ind.name_en.clone(),
        });
        let stem = name_stem(&ind.name_zh).to_string();
        for p in std::iter::once(&stem).chain(&ind.phrases) {
            let shown: String = p
                .chars()
                .filter(|c| !matches!(c, '"' | '“' | '”'))
                .collect();
            let k = norm(&shown);
            // A phrase holding the term (研发投入强度变化) finds nothing more.
            if k.contains(&key)
                || k.is_empty()
                || phrases.iter().chain(&dropped).any(|q| norm(q) == k)
            {
                continue;
            }
            if dropped_keys.contains(&k) {
                dropped.push(shown);
            } else {
                phrases.push(shown);
            }
        }
    }
    if indicators.is_empty() {
        return None;
    }
    Some(Expansion {
        term: key,
        indicators,
        phrases,
        dropped,
    })
}

/// The expansions of a query: the whole query when it names an indicator
/// (`R&D投入强度`), else each of its space-separated terms that does.
/// `drop` lists phrases the user removed.
pub fn expand(query: &str, catalog: &Catalog, drop: &[String]) -> Vec<Expansion> {
    if let Some(e) = expand_term(query, catalog, drop) {
        return vec![e];
    }
    query
        .split_whitespace()
        .filter_map(|t| expand_term(t, catalog, drop))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rd_intensity_names_its_phrases() {
        let c = Catalog::builtin();
        let e = expand("研发投入强度", &c, &[]);
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].term, "研发投入强度");
        assert!(e[0].indicators.iter().any(|i| i.id == "rd_intensity"));
        assert!(e[0].phrases.contains(&"投入强度".to_string()));
        assert!(e[0].phrases.contains(&"研发经费投入强度".to_string()));
        assert!(!e[0].phrases.contains(&"研发投入强度".to_string()));
        // Phrases that contain the term add nothing and are not listed.
        assert!(e[0].phrases.iter().all(|p| !p.contains("研发投入强度")));
        let e = expand("研发投入强度", &c, &["投入强度".into()]);
        assert!(!e[0].phrases.contains(&"投入强度".to_string()));
        assert_eq!(e[0].dropped, vec!["投入强度".to_string()]);
    }

    #[test]
    fn other_words_are_left_alone() {
        let c = Catalog::builtin();
        assert!(expand("深化", &c, &[]).is_empty());
        assert!(expand("改革 开放", &c, &[]).is_empty());
        // One term of several.
        let e = expand("滨州 研发投入强度", &c, &[]);
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].term, "研发投入强度");
    }
}
