//! Full-text search over the sections and task items of all documents.
//!
//! Text is cut into units ([`index::units`]) and each unit is indexed in
//! SQLite FTS5 as three token streams ([`segment`]): jieba words, character
//! bigrams and character unigrams, so that one- and two-character queries
//! (人才, 孵化) match as well as long phrases. The store
//! ([`crate::store::Store::search`]) ranks hits with bm25; this module turns a
//! hit into character offsets and a highlighted snippet.

pub mod index;
pub mod segment;
pub mod synonyms;

use serde::Serialize;

use crate::model::{PlanKind, SectionRole};

/// Version of the segmentation; bump it to have every document re-indexed
/// on the next open.
pub const TOKENIZER_VERSION: i64 = 1;

/// A search request.
#[derive(Debug, Clone, Default)]
pub struct SearchQuery {
    /// The query text: terms separated by spaces, all must occur.
    pub text: String,
    /// Only this city (`滨州` or `滨州市`).
    pub city: Option<String>,
    /// Only documents whose period covers this year.
    pub year: Option<i32>,
    /// Only this plan kind.
    pub kind: Option<PlanKind>,
    /// Only text under sections of this role.
    pub role: Option<SectionRole>,
    /// Only task items classified under this theme id.
    pub theme: Option<String>,
    /// Most hits returned (0: 20).
    pub limit: usize,
    /// Also find the phrases of a catalog indicator the query names
    /// ([`synonyms::expand`]).
    pub synonyms: bool,
    /// Synonym phrases the user removed.
    pub drop_synonyms: Vec<String>,
    /// Leave out documents of these cities (`滨州` or `滨州市`).
    pub exclude_cities: Vec<String>,
}

/// A half-open character range `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span {
    /// First character.
    pub start: usize,
    /// End (exclusive).
    pub end: usize,
}

/// One search hit: a unit of a document's text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    /// Document id.
    pub document_id: i64,
    /// Display title of the document.
    pub document_title: String,
    /// City of the document.
    pub city: Option<String>,
    /// First year of the document's period.
    pub year: Option<i32>,
    /// Plan kind.
    pub kind: PlanKind,
    /// Path of the innermost section (`""` before the first section).
    pub section_path: String,
    /// Title of the innermost section.
    pub section_title: String,
    /// Role of the section.
    pub role: SectionRole,
    /// `task_items.id` of the task item the hit lies in.
    pub task_id: Option<i64>,
    /// The unit's range in the document text.
    pub unit: Span,
    /// bm25 relevance, higher is better.
    pub score: f64,
    /// Every occurrence of a query term, in document character offsets.
    pub hits: Vec<Span>,
    /// A window of text around the first occurrence.
    pub snippet: String,
    /// The occurrences inside `snippet`, in snippet character offsets.
    pub highlights: Vec<Span>,
}

/// What can go wrong in a search.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The query has no letter, digit or CJK character.
    #[error("the query {0:?} has nothing to search for")]
    EmptyQuery(String),
}

/// Occurrences of the terms in `text` (character offsets, sorted, merged
/// when overlapping). Latin letters match case-insensitively.
pub fn find_terms(text: &str, terms: &[String]) -> Vec<Span> {
    let lower: Vec<char> = text
        .chars()
        .map(|c| c.to_lowercase().next().unwrap_or(c))
        .collect();
    let mut spans = Vec::new();
    for term in terms {
        let t: Vec<char> = term.chars().collect();
        if t.is_empty() || t.len() > lower.len() {
            continue;
        }
        for i in 0..=lower.len() - t.len() {
            if lower[i..i + t.len()] == t[..] {
                spans.push(Span {
                    start: i,
                    end: i + t.len(),
                });
            }
        }
    }
    spans.sort_by_key(|s| (s.start, s.end));
    let mut merged: Vec<Span> = Vec::new();
    for s in spans {
        match merged.last_mut() {
            Some(m) if s.start <= m.end => m.end = m.end.max(s.end),
            _ => merged.push(s),
        }
    }
    merged
}

/// A snippet of `text` around the first span: up to `context` characters
/// either side, line breaks folded to spaces, with the spans inside it.
pub fn snippet(text: &str, spans: &[Span], context: usize) -> (String, Vec<Span>) {
    let chars: Vec<char> = text.chars().collect();
    let Some(first) = spans.first() else {
        let s: String = chars.iter().take(2 * context).collect();
        return (fold(&s), Vec::new());
    };
    let from = first.start.saturating_sub(context);
    let to = (first.end + context).min(chars.len());
    let s: String = chars[from.min(to)..to].iter().collect();
    let inside = spans
        .iter()
        .filter(|sp| sp.start >= from && sp.end <= to)
        .map(|sp| Span {
            start: sp.start - from,
            end: sp.end - from,
        })
        .collect();
    (fold(&s), inside)
}

fn fold(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c == '\n' || c == '\r' || c == '\t' {
                ' '
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_terms_char_offsets() {
        let text = "一、加强人才引进。引进AI人才";
        let s = find_terms(text, &["人才".into(), "ai".into()]);
        assert_eq!(
            s,
            vec![Span { start: 4, end: 6 }, Span { start: 11, end: 15 }]
        );
        assert!(find_terms("", &["人".into()]).is_empty());
        assert!(find_terms("人", &["人才".into()]).is_empty());
    }

    #[test]
    fn snippet_window() {
        let text = "甲乙丙丁\n孵化器建设戊己庚";
        let spans = find_terms(text, &["孵化".into()]);
        let (s, h) = snippet(text, &spans, 2);
        assert_eq!(s, "丁 孵化器建");
        assert_eq!(h, vec![Span { start: 2, end: 4 }]);
        let (s, h) = snippet("短", &[], 5);
        assert_eq!((s.as_str(), h.len()), ("短", 0));
    }
}
