//! DTOs of the explore views: full-text search, similar task items side by
//! side, and theme coverage with overrides. Part of the generated bindings
//! (see [`crate::dto::typescript`]).

use planlens::search as core_search;
use planlens::store;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::dto::{DocumentSummary, PlanKind, SectionRole};

/// A search request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SearchRequest {
    /// Terms separated by spaces; all must occur.
    pub query: String,
    /// Only this city.
    pub city: Option<String>,
    /// Only documents whose period covers this year.
    pub year: Option<i32>,
    /// Only this plan kind.
    pub kind: Option<PlanKind>,
    /// Only under sections of this role.
    pub role: Option<SectionRole>,
    /// Only task items of this theme id.
    pub theme: Option<String>,
    /// Most hits (0: 20).
    pub limit: u32,
    /// Also find the phrases of a catalog indicator the query names.
    #[serde(default)]
    pub synonyms: bool,
    /// Synonym phrases the user removed.
    #[serde(default)]
    pub drop_synonyms: Vec<String>,
    /// Leave out documents of these cities.
    #[serde(default)]
    pub exclude_cities: Vec<String>,
}

/// A query term widened to the phrases of the catalog indicator it names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SynonymDto {
    /// The term (or the whole query).
    pub term: String,
    /// Names of the indicators it names, in the request's language order
    /// (Chinese, English).
    pub indicators: Vec<IndicatorName>,
    /// The phrases searched besides the term.
    pub phrases: Vec<String>,
    /// Phrases the user removed.
    pub dropped: Vec<String>,
}

/// A catalog indicator by name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct IndicatorName {
    /// Catalog id.
    pub id: String,
    /// Chinese name.
    pub zh: String,
    /// English name.
    pub en: String,
}

impl From<core_search::synonyms::Expansion> for SynonymDto {
    fn from(e: core_search::synonyms::Expansion) -> Self {
        SynonymDto {
            term: e.term,
            indicators: e
                .indicators
                .into_iter()
                .map(|i| IndicatorName {
                    id: i.id,
                    zh: i.name_zh,
                    en: i.name_en,
                })
                .collect(),
            phrases: e.phrases,
            dropped: e.dropped,
        }
    }
}

/// What a search found, and the synonyms it searched.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SearchResults {
    /// Hits, best first.
    pub hits: Vec<SearchHitDto>,
    /// The query terms widened to an indicator's phrases.
    pub synonyms: Vec<SynonymDto>,
}

/// A half-open character range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CharSpan {
    /// First character.
    pub start: u32,
    /// End (exclusive).
    pub end: u32,
}

impl From<core_search::Span> for CharSpan {
    fn from(s: core_search::Span) -> Self {
        CharSpan {
            start: u32::try_from(s.start).unwrap_or(u32::MAX),
            end: u32::try_from(s.end).unwrap_or(u32::MAX),
        }
    }
}

/// One search hit: a section or task item of a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SearchHitDto {
    /// Document id.
    #[ts(type = "number")]
    pub document_id: i64,
    /// Display title of the document.
    pub document_title: String,
    /// City.
    pub city: Option<String>,
    /// First year of the period.
    pub year: Option<i32>,
    /// Plan kind.
    pub kind: PlanKind,
    /// Path of the section.
    pub section_path: String,
    /// Title of the section.
    pub section_title: String,
    /// Role of the section.
    pub role: SectionRole,
    /// The task item the hit lies in.
    #[ts(type = "number | null")]
    pub task_id: Option<i64>,
    /// The unit's range in the document text.
    pub unit: CharSpan,
    /// Relevance (bm25), higher is better.
    pub score: f64,
    /// Occurrences of the terms, in document offsets.
    pub hits: Vec<CharSpan>,
    /// Text around the first occurrence.
    pub snippet: String,
    /// Occurrences inside the snippet, in snippet offsets.
    pub highlights: Vec<CharSpan>,
}

impl From<core_search::SearchHit> for SearchHitDto {
    fn from(h: core_search::SearchHit) -> Self {
        SearchHitDto {
            document_id: h.document_id,
            document_title: h.document_title,
            city: h.city,
            year: h.year,
            kind: h.kind.into(),
            section_path: h.section_path,
            section_title: h.section_title,
            role: h.role.into(),
            task_id: h.task_id,
            unit: h.unit.into(),
            score: h.score,
            hits: h.hits.into_iter().map(Into::into).collect(),
            snippet: h.snippet,
            highlights: h.highlights.into_iter().map(Into::into).collect(),
        }
    }
}

/// A task item of another document similar to the query item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SimilarTask {
    /// Task item id.
    #[ts(type = "number")]
    pub task_id: i64,
    /// Its document.
    #[ts(type = "number")]
    pub document_id: i64,
    /// Display title of the document.
    pub document_title: String,
    /// City.
    pub city: Option<String>,
    /// Section path.
    pub path: String,
    /// Heading or first sentence.
    pub title: String,
    /// Cosine similarity in `[0, 1]`.
    pub score: f64,
}

impl From<store::TaskRef> for SimilarTask {
    fn from(r: store::TaskRef) -> Self {
        SimilarTask {
            task_id: r.task_id,
            document_id: r.document_id,
            document_title: r.document_title,
            city: r.city,
            path: r.path,
            title: r.title,
            score: r.score,
        }
    }
}

/// One side of a side-by-side reading.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TaskSide {
    /// Task item id.
    #[ts(type = "number")]
    pub task_id: i64,
    /// Its document.
    #[ts(type = "number")]
    pub document_id: i64,
    /// Display title of the document.
    pub document_title: String,
    /// City.
    pub city: Option<String>,
    /// Section path.
    pub path: String,
    /// Heading or first sentence.
    pub title: String,
    /// Full text of the item.
    pub body: String,
    /// Offset of the item in the document text (for the Reader).
    pub start: u32,
    /// Where the shared terms occur in `body`.
    pub shared: Vec<CharSpan>,
}

/// Two task items side by side with the content words they share.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TaskPair {
    /// The query item.
    pub left: TaskSide,
    /// The other item.
    pub right: TaskSide,
    /// Shared content words, longest first.
    pub terms: Vec<String>,
}

/// A theme of the taxonomy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ThemeInfo {
    /// Stable id.
    pub id: String,
    /// Chinese name.
    pub zh: String,
    /// English name.
    pub en: String,
}

impl From<&planlens::themes::Theme> for ThemeInfo {
    fn from(t: &planlens::themes::Theme) -> Self {
        ThemeInfo {
            id: t.id.clone(),
            zh: t.zh.clone(),
            en: t.en.clone(),
        }
    }
}

/// Who decided a theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ThemeSource {
    /// The keyword classifier.
    Auto,
    /// The user (an override).
    User,
}

impl ThemeSource {
    fn parse(s: &str) -> ThemeSource {
        if s == "user" {
            ThemeSource::User
        } else {
            ThemeSource::Auto
        }
    }
}

/// A theme in force for a task item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TaskThemeDto {
    /// Theme id.
    pub theme: String,
    /// Confidence in `(0, 1]` (1 when the user added it).
    pub confidence: f64,
    /// Classifier or user.
    pub source: ThemeSource,
}

impl From<store::TaskTheme> for TaskThemeDto {
    fn from(t: store::TaskTheme) -> Self {
        TaskThemeDto {
            source: ThemeSource::parse(&t.source),
            theme: t.theme,
            confidence: t.confidence,
        }
    }
}

/// What the user decides about one theme of one task item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ThemeDecision {
    /// The item has the theme.
    Add,
    /// The item does not have the theme.
    Remove,
    /// Back to the classifier's decision.
    Reset,
}

/// Task items and targets of one document under one theme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CoverageCell {
    /// Document id.
    #[ts(type = "number")]
    pub document_id: i64,
    /// Theme id.
    pub theme: String,
    /// Task items with the theme.
    pub tasks: u32,
    /// Targets inside them.
    pub targets: u32,
}

/// Documents × themes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ThemeCoverage {
    /// Columns.
    pub documents: Vec<DocumentSummary>,
    /// Rows, in taxonomy order.
    pub themes: Vec<ThemeInfo>,
    /// Non-empty cells.
    pub cells: Vec<CoverageCell>,
}

/// A task item under a theme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ThemeTask {
    /// Task item id.
    #[ts(type = "number")]
    pub task_id: i64,
    /// Its document.
    #[ts(type = "number")]
    pub document_id: i64,
    /// Section path.
    pub path: String,
    /// Heading or first sentence.
    pub title: String,
    /// Full text.
    pub body: String,
    /// Offset in the document text.
    pub start: u32,
    /// Confidence of the theme.
    pub confidence: f64,
    /// Classifier or user.
    pub source: ThemeSource,
    /// Targets inside the item.
    pub targets: u32,
}

impl From<store::ThemedTask> for ThemeTask {
    fn from(t: store::ThemedTask) -> Self {
        ThemeTask {
            task_id: t.task_id,
            document_id: t.document_id,
            path: t.path,
            title: t.title,
            body: t.body,
            start: u32::try_from(t.start).unwrap_or(u32::MAX),
            confidence: t.confidence,
            source: ThemeSource::parse(&t.source),
            targets: u32::try_from(t.targets).unwrap_or(u32::MAX),
        }
    }
}

/// What a theme heatmap counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ThemeMetric {
    /// Task items.
    Tasks,
    /// Targets inside them.
    Targets,
}

impl From<ThemeMetric> for planlens::present::ThemeMetric {
    fn from(m: ThemeMetric) -> Self {
        match m {
            ThemeMetric::Tasks => planlens::present::ThemeMetric::Tasks,
            ThemeMetric::Targets => planlens::present::ThemeMetric::Targets,
        }
    }
}

impl From<PlanKind> for planlens::model::PlanKind {
    fn from(k: PlanKind) -> Self {
        match k {
            PlanKind::AnnualWorkPlan => planlens::model::PlanKind::AnnualWorkPlan,
            PlanKind::ImplementationPlan => planlens::model::PlanKind::ImplementationPlan,
            PlanKind::FiveYearPlan => planlens::model::PlanKind::FiveYearPlan,
            PlanKind::Other => planlens::model::PlanKind::Other,
        }
    }
}

impl From<SectionRole> for planlens::model::SectionRole {
    fn from(r: SectionRole) -> Self {
        use planlens::model::SectionRole as R;
        match r {
            SectionRole::Background => R::Background,
            SectionRole::Guidance => R::Guidance,
            SectionRole::Goals => R::Goals,
            SectionRole::Tasks => R::Tasks,
            SectionRole::Safeguards => R::Safeguards,
            SectionRole::Other => R::Other,
        }
    }
}
