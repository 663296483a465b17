//! The types that cross IPC, with `From` conversions from the core types.
//!
//! The core's types stay free of UI concerns; these mirror what the UI needs
//! and generate `ui/src/platform/bindings.ts` through ts-rs (the `bindings`
//! test fails when the checked-in file drifts). Ids are `i64` in Rust and
//! `number` in TypeScript (SQLite row ids stay far below 2^53).

use planlens::formats::tables::Binding;
use planlens::formats::TableLayout;
use planlens::model as core;
use planlens::store;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What a plan document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PlanKind {
    /// 年度工作计划.
    AnnualWorkPlan,
    /// 实施方案.
    ImplementationPlan,
    /// 五年规划.
    FiveYearPlan,
    /// Anything else.
    Other,
}

impl From<core::PlanKind> for PlanKind {
    fn from(k: core::PlanKind) -> Self {
        match k {
            core::PlanKind::AnnualWorkPlan => PlanKind::AnnualWorkPlan,
            core::PlanKind::ImplementationPlan => PlanKind::ImplementationPlan,
            core::PlanKind::FiveYearPlan => PlanKind::FiveYearPlan,
            core::PlanKind::Other => PlanKind::Other,
        }
    }
}

/// The role of a section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SectionRole {
    /// 发展基础.
    Background,
    /// 总体要求.
    Guidance,
    /// 主要目标.
    Goals,
    /// 重点任务.
    Tasks,
    /// 保障措施.
    Safeguards,
    /// Anything else.
    Other,
}

impl From<core::SectionRole> for SectionRole {
    fn from(r: core::SectionRole) -> Self {
        match r {
            core::SectionRole::Background => SectionRole::Background,
            core::SectionRole::Guidance => SectionRole::Guidance,
            core::SectionRole::Goals => SectionRole::Goals,
            core::SectionRole::Tasks => SectionRole::Tasks,
            core::SectionRole::Safeguards => SectionRole::Safeguards,
            core::SectionRole::Other => SectionRole::Other,
        }
    }
}

/// How a figure is bounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// 以上.
    AtLeast,
    /// 左右.
    About,
    /// 以内.
    AtMost,
    /// Exact.
    Exact,
}

impl From<core::Qualifier> for Qualifier {
    fn from(q: core::Qualifier) -> Self {
        match q {
            core::Qualifier::AtLeast => Qualifier::AtLeast,
            core::Qualifier::About => Qualifier::About,
            core::Qualifier::AtMost => Qualifier::AtMost,
            core::Qualifier::Exact => Qualifier::Exact,
        }
    }
}

/// What a figure counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TargetKind {
    /// A total.
    Stock,
    /// Something new in the period.
    Increment,
    /// A rate or share.
    Rate,
}

impl From<core::TargetKind> for TargetKind {
    fn from(k: core::TargetKind) -> Self {
        match k {
            core::TargetKind::Stock => TargetKind::Stock,
            core::TargetKind::Increment => TargetKind::Increment,
            core::TargetKind::Rate => TargetKind::Rate,
        }
    }
}

/// Goal or achieved figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TargetRole {
    /// Planned.
    Target,
    /// Achieved.
    Baseline,
}

impl From<core::TargetRole> for TargetRole {
    fn from(r: core::TargetRole) -> Self {
        match r {
            core::TargetRole::Target => TargetRole::Target,
            core::TargetRole::Baseline => TargetRole::Baseline,
        }
    }
}

/// Years covered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Period {
    /// First year.
    pub start: i32,
    /// Last year.
    pub end: i32,
}

impl From<core::Period> for Period {
    fn from(p: core::Period) -> Self {
        Period {
            start: p.start,
            end: p.end,
        }
    }
}

/// A document in the library.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DocumentSummary {
    /// Document id.
    #[ts(type = "number")]
    pub id: i64,
    /// Title.
    pub title: Option<String>,
    /// City.
    pub city: Option<String>,
    /// Province.
    pub province: Option<String>,
    /// Plan kind.
    pub kind: PlanKind,
    /// Years covered.
    pub period: Option<Period>,
    /// Issuing body.
    pub issuer: Option<String>,
    /// 文号.
    pub doc_number: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// File it was imported from.
    pub source_name: String,
    /// Import time (UTC).
    pub imported_at: String,
    /// Task items.
    pub tasks: u32,
    /// Targets.
    pub targets: u32,
    /// Parse warnings.
    pub warnings: u32,
    /// Version among documents of the same city, kind and period (1 first).
    pub version: u32,
    /// The document that replaced this one as the next version.
    #[ts(type = "number | null")]
    pub superseded_by: Option<i64>,
    /// Administrative level (prefecture, province, …), when the user set it.
    pub level: Option<String>,
    /// Whether the user corrected its metadata.
    pub corrected: bool,
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl From<store::DocumentSummary> for DocumentSummary {
    fn from(d: store::DocumentSummary) -> Self {
        DocumentSummary {
            id: d.id,
            title: d.meta.title,
            city: d.meta.city,
            province: d.meta.province,
            kind: d.meta.kind.into(),
            period: d.meta.period.map(Into::into),
            issuer: d.meta.issuer,
            doc_number: d.meta.doc_number,
            published: d.meta.published,
            source_name: d.source_name,
            imported_at: d.imported_at,
            tasks: count(d.tasks),
            targets: count(d.targets),
            warnings: count(d.warnings),
            version: u32::try_from(d.version).unwrap_or(1),
            superseded_by: d.superseded_by,
            level: d.level,
            corrected: d.corrected,
        }
    }
}

/// A node of the outline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SectionDto {
    /// Marker as written.
    pub marker: String,
    /// Its number.
    pub number: u32,
    /// Depth, 1 at top level.
    pub level: u8,
    /// Heading.
    pub title: String,
    /// Role.
    pub role: SectionRole,
    /// Start offset (characters).
    pub start: u32,
    /// End offset (characters, exclusive).
    pub end: u32,
    /// Parent index in the list.
    pub parent: Option<u32>,
    /// Section path, e.g. `二/(三)/6`.
    pub path: String,
}

impl From<&core::Section> for SectionDto {
    fn from(s: &core::Section) -> Self {
        SectionDto {
            marker: s.marker.clone(),
            number: s.number,
            level: s.level,
            title: s.title.clone(),
            role: s.role.into(),
            start: count(s.start),
            end: count(s.end),
            parent: s.parent.map(count),
            path: s.path.clone(),
        }
    }
}

/// A task item with its stored id (the anchor of annotations).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TaskDto {
    /// Stored task item id.
    #[ts(type = "number")]
    pub id: i64,
    /// Position among the document's task items.
    pub ordinal: u32,
    /// Index of its section node.
    pub section: u32,
    /// Section path.
    pub path: String,
    /// Heading or first sentence.
    pub title: String,
    /// Full text.
    pub text: String,
    /// Start offset.
    pub start: u32,
    /// End offset.
    pub end: u32,
}

/// A figure in comparable units.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NormalizedDto {
    /// Value in base units.
    pub value: f64,
    /// High end of a range.
    pub value_high: Option<f64>,
    /// Base unit.
    pub unit: String,
}

impl From<&core::Normalized> for NormalizedDto {
    fn from(n: &core::Normalized) -> Self {
        NormalizedDto {
            value: n.value,
            value_high: n.value_high,
            unit: n.unit.clone(),
        }
    }
}

/// A target with its provenance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TargetDto {
    /// Target id.
    #[ts(type = "number")]
    pub id: i64,
    /// Document id.
    #[ts(type = "number")]
    pub document_id: i64,
    /// Verbatim quote.
    pub quote: String,
    /// Start offset.
    pub start: u32,
    /// End offset.
    pub end: u32,
    /// Indicator as written.
    pub indicator: String,
    /// Catalog id.
    pub indicator_id: Option<String>,
    /// Value (low end).
    pub value: f64,
    /// High end.
    pub value_high: Option<f64>,
    /// Unit as written.
    pub unit: String,
    /// Bound.
    pub qualifier: Qualifier,
    /// Stock, increment or rate.
    pub kind: TargetKind,
    /// Target or baseline.
    pub role: TargetRole,
    /// Year.
    pub year: Option<i32>,
    /// Section path.
    pub section: String,
    /// Ordinal of the task item it sits in.
    pub task: Option<u32>,
    /// Comparable value.
    pub normalized: Option<NormalizedDto>,
    /// The indicator-table cell it was read from; `null` for a figure from
    /// running text.
    pub cell: Option<TargetCellDto>,
    /// Whether the user corrected it (the fields above are as corrected).
    pub corrected: bool,
    /// The user marked it as not a target (left out of comparisons).
    pub not_a_target: bool,
    /// The user merged it into this other figure (left out of comparisons).
    #[ts(type = "number | null")]
    pub merged_into: Option<i64>,
    /// What the user changed, as extracted → as corrected (empty when not
    /// corrected).
    pub changes: Vec<crate::dto_corrections::FieldChangeDto>,
}

/// 约束性 (binding) or 预期性 (expected), as plans mark their indicators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BindingDto {
    /// 约束性.
    Binding,
    /// 预期性.
    Expected,
}

/// Where in an indicator table a target was read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TargetCellDto {
    /// Index of the table in the document ([`TableDto::index`]).
    pub table: u32,
    /// Row, from 0 (header rows included).
    pub row: u32,
    /// Column, from 0.
    pub column: u32,
    /// 约束性/预期性, when the row says.
    pub binding: Option<BindingDto>,
}

impl From<&store::TargetCellInfo> for TargetCellDto {
    fn from(c: &store::TargetCellInfo) -> Self {
        TargetCellDto {
            table: count(c.cell.table),
            row: count(c.cell.row),
            column: count(c.cell.column),
            binding: c.binding.map(|b| match b {
                Binding::Binding => BindingDto::Binding,
                Binding::Expected => BindingDto::Expected,
            }),
        }
    }
}

/// One cell of a document table: its text and where it is in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TableCellDto {
    /// Cell text (equal to the text at `start..end`).
    pub text: String,
    /// Start offset.
    pub start: u32,
    /// End offset.
    pub end: u32,
}

/// A table of the document that targets were read from, as laid out in
/// the text (one row a line).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TableDto {
    /// Index of the table in the document, as in [`TargetCellDto::table`].
    pub index: u32,
    /// Offset of the first row.
    pub start: u32,
    /// End of the last row.
    pub end: u32,
    /// Rows of cells (rows may have different lengths).
    pub rows: Vec<Vec<TableCellDto>>,
}

impl From<&(usize, TableLayout)> for TableDto {
    fn from((index, t): &(usize, TableLayout)) -> Self {
        TableDto {
            index: count(*index),
            start: count(t.start),
            end: count(t.end),
            rows: t
                .rows
                .iter()
                .map(|r| {
                    r.iter()
                        .map(|c| TableCellDto {
                            text: c.text.clone(),
                            start: count(c.start),
                            end: count(c.end),
                        })
                        .collect()
                })
                .collect(),
        }
    }
}

impl From<&store::StoredTarget> for TargetDto {
    fn from(s: &store::StoredTarget) -> Self {
        let t = &s.target;
        TargetDto {
            id: s.id,
            document_id: s.document_id,
            quote: t.quote.clone(),
            start: count(t.start),
            end: count(t.end),
            indicator: t.indicator.clone(),
            indicator_id: t.indicator_id.clone(),
            value: t.value,
            value_high: t.value_high,
            unit: t.unit.clone(),
            qualifier: t.qualifier.into(),
            kind: t.kind.into(),
            role: t.role.into(),
            year: t.year,
            section: t.section.clone(),
            task: t.task.map(count),
            normalized: t.normalized.as_ref().map(Into::into),
            cell: s.cell.as_ref().map(Into::into),
            corrected: s.corrected,
            not_a_target: s.excluded == Some(store::Exclusion::NotATarget),
            merged_into: match s.excluded {
                Some(store::Exclusion::MergedInto { target_id }) => Some(target_id),
                _ => None,
            },
            changes: s.changes().iter().map(Into::into).collect(),
        }
    }
}

/// A parse warning.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct WarningDto {
    /// Machine-readable code.
    pub code: String,
    /// Explanation.
    pub message: String,
    /// Offset it refers to.
    pub start: Option<u32>,
}

impl From<&core::ParseWarning> for WarningDto {
    fn from(w: &core::ParseWarning) -> Self {
        WarningDto {
            code: w.code.clone(),
            message: w.message.clone(),
            start: w.start.map(count),
        }
    }
}

/// A document in full, for the Reader.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DocumentDetail {
    /// Metadata and counts.
    pub summary: DocumentSummary,
    /// The text, verbatim.
    pub text: String,
    /// Outline nodes in document order.
    pub sections: Vec<SectionDto>,
    /// Task items in document order.
    pub tasks: Vec<TaskDto>,
    /// Targets in text order.
    pub targets: Vec<TargetDto>,
    /// The tables targets were read from (indicator tables), by index.
    pub tables: Vec<TableDto>,
    /// Parse warnings.
    pub warnings: Vec<WarningDto>,
    /// Character ranges recognised as web-page chrome (shown dimmed).
    pub noise: Vec<(u32, u32)>,
}

/// Outcome of one imported file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ImportStatus {
    /// Stored.
    Imported,
    /// The same bytes were stored before.
    AlreadyPresent,
    /// Not stored.
    Failed,
}

/// Progress of an import, one per file (also the per-file result).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportProgress {
    /// Position of the file, from 0.
    pub index: u32,
    /// Number of files.
    pub total: u32,
    /// File name.
    pub file: String,
    /// Outcome.
    pub status: ImportStatus,
    /// Document id when stored or present.
    #[ts(type = "number | null")]
    pub document_id: Option<i64>,
    /// Why it failed.
    pub message: Option<String>,
}

/// All per-file results of an import.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportReport {
    /// One entry per file.
    pub files: Vec<ImportProgress>,
}

/// An indicator that can be compared.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct IndicatorOption {
    /// Catalog id.
    pub id: String,
    /// Display name in the current language.
    pub label: String,
    /// Most common unit of its figures.
    pub unit: String,
    /// Number of documents with a figure for it.
    pub documents: u32,
}

/// What to compare.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CompareRequest {
    /// Documents (columns), in order.
    #[ts(type = "Array<number>")]
    pub documents: Vec<i64>,
    /// Indicator ids (rows).
    pub indicators: Vec<String>,
    /// Language of labels.
    pub lang: Lang,
    /// Also list the figures that map to no indicator (其他), by phrase.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub include_other: Option<bool>,
}

/// Another sentence stating the same target in the same document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MentionDto {
    /// Target id of the restatement.
    #[ts(type = "number")]
    pub target_id: i64,
    /// Verbatim quote.
    pub quote: String,
    /// Offset of the quote.
    pub start: u32,
}

/// What a reader must know about a cell with several figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CellNoteDto {
    /// The figures have different qualifiers.
    QualifiersDiffer,
    /// The figures refer to different years.
    YearsDiffer,
}

impl From<planlens::compare::CellNote> for CellNoteDto {
    fn from(n: planlens::compare::CellNote) -> Self {
        match n {
            planlens::compare::CellNote::QualifiersDiffer => CellNoteDto::QualifiersDiffer,
            planlens::compare::CellNote::YearsDiffer => CellNoteDto::YearsDiffer,
        }
    }
}

/// A figure in a comparison cell, with its provenance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CompareFigure {
    /// Target id.
    #[ts(type = "number")]
    pub target_id: i64,
    /// Document id.
    #[ts(type = "number")]
    pub document_id: i64,
    /// Verbatim quote.
    pub quote: String,
    /// Offset of the quote.
    pub start: u32,
    /// Value.
    pub value: f64,
    /// High end.
    pub value_high: Option<f64>,
    /// Unit as written.
    pub unit: String,
    /// Bound.
    pub qualifier: Qualifier,
    /// Stock, increment or rate.
    pub kind: TargetKind,
    /// Target or baseline.
    pub role: TargetRole,
    /// Year (or the plan's last year).
    pub year: Option<i32>,
    /// Comparable value.
    pub normalized: Option<NormalizedDto>,
    /// Further sentences stating the same target (shown once).
    pub mentions: Vec<MentionDto>,
    /// Whether the user corrected it.
    pub corrected: bool,
    /// What the user changed, as extracted → as corrected.
    pub changes: Vec<crate::dto_corrections::FieldChangeDto>,
}

/// The figures of one document for one row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CompareCell {
    /// Document id.
    #[ts(type = "number")]
    pub document_id: i64,
    /// Figures in text order.
    pub figures: Vec<CompareFigure>,
    /// Index of the figure charts use.
    pub headline: Option<u32>,
    /// Whether the figures differ in qualifier or year.
    pub notes: Vec<CellNoteDto>,
}

/// One row: an indicator and a kind (stock, increment and rate stay apart).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CompareRow {
    /// Catalog id.
    pub indicator_id: String,
    /// Stock, increment or rate.
    pub kind: TargetKind,
    /// Display name.
    pub label: String,
    /// One cell per document, in column order.
    pub cells: Vec<CompareCell>,
}

/// The comparison table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Comparison {
    /// Columns.
    pub documents: Vec<DocumentSummary>,
    /// Rows.
    pub rows: Vec<CompareRow>,
    /// Rows of figures that map to no indicator (其他), when asked for;
    /// their `indicator_id` is empty and their label names the phrase.
    pub others: Vec<CompareRow>,
}

/// Chart colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ChartTheme {
    /// Light background.
    Light,
    /// Dark background.
    Dark,
}

/// Language of labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// Chinese.
    Zh,
    /// English.
    En,
}

/// A chart to draw; also what a deck slide stores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ChartSpec {
    /// Documents, in column order.
    #[ts(type = "Array<number>")]
    pub documents: Vec<i64>,
    /// Indicator id.
    pub indicator: String,
    /// Colours.
    pub theme: ChartTheme,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Language of labels.
    pub lang: Lang,
    /// Set: draw the theme coverage heatmap of `documents` (all when empty)
    /// counting this, instead of the indicator's chart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub themes: Option<crate::dto_explore::ThemeMetric>,
}

/// Image format of a chart export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// Vector.
    Svg,
    /// Raster.
    Png,
}

/// Text format of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TextFormat {
    /// Comma-separated values.
    Csv,
    /// Markdown.
    Markdown,
}

/// A planner's decision on a task item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AnnotationStatus {
    /// 待定.
    Undecided,
    /// 采纳.
    Adopt,
    /// 借鉴.
    Adapt,
    /// 不适用.
    NotApplicable,
}

impl From<store::AnnotationStatus> for AnnotationStatus {
    fn from(s: store::AnnotationStatus) -> Self {
        match s {
            store::AnnotationStatus::Undecided => AnnotationStatus::Undecided,
            store::AnnotationStatus::Adopt => AnnotationStatus::Adopt,
            store::AnnotationStatus::Adapt => AnnotationStatus::Adapt,
            store::AnnotationStatus::NotApplicable => AnnotationStatus::NotApplicable,
        }
    }
}

impl From<AnnotationStatus> for store::AnnotationStatus {
    fn from(s: AnnotationStatus) -> Self {
        match s {
            AnnotationStatus::Undecided => store::AnnotationStatus::Undecided,
            AnnotationStatus::Adopt => store::AnnotationStatus::Adopt,
            AnnotationStatus::Adapt => store::AnnotationStatus::Adapt,
            AnnotationStatus::NotApplicable => store::AnnotationStatus::NotApplicable,
        }
    }
}

/// The editable content of an annotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AnnotationDraft {
    /// Decision.
    pub status: AnnotationStatus,
    /// 1 (high) to 3 (low).
    pub priority: Option<u8>,
    /// Tags.
    pub tags: Vec<String>,
    /// Note.
    pub note: String,
    /// Owner.
    pub owner: String,
}

impl From<store::AnnotationDraft> for AnnotationDraft {
    fn from(d: store::AnnotationDraft) -> Self {
        AnnotationDraft {
            status: d.status.into(),
            priority: d.priority,
            tags: d.tags,
            note: d.note,
            owner: d.owner,
        }
    }
}

impl From<AnnotationDraft> for store::AnnotationDraft {
    fn from(d: AnnotationDraft) -> Self {
        store::AnnotationDraft {
            status: d.status.into(),
            priority: d.priority,
            tags: d.tags,
            note: d.note,
            owner: d.owner,
        }
    }
}

/// An annotation as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Annotation {
    /// Annotation id.
    #[ts(type = "number")]
    pub id: i64,
    /// Task item it is attached to now.
    #[ts(type = "number | null")]
    pub task_id: Option<i64>,
    /// Content.
    pub draft: AnnotationDraft,
    /// Revision number.
    #[ts(type = "number")]
    pub revision: i64,
    /// Last change (UTC).
    pub updated_at: String,
    /// Its task item is gone from the current version.
    pub orphaned: bool,
}

impl From<store::Annotation> for Annotation {
    fn from(a: store::Annotation) -> Self {
        Annotation {
            id: a.id,
            task_id: a.task_id,
            draft: a.draft.into(),
            revision: a.revision,
            updated_at: a.updated_at,
            orphaned: a.orphaned,
        }
    }
}

/// One revision of an annotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AnnotationRevision {
    /// Revision number.
    #[ts(type = "number")]
    pub revision: i64,
    /// Content.
    pub draft: AnnotationDraft,
    /// When it was saved (UTC).
    pub saved_at: String,
}

impl From<store::AnnotationRevision> for AnnotationRevision {
    fn from(r: store::AnnotationRevision) -> Self {
        AnnotationRevision {
            revision: r.revision,
            draft: r.draft.into(),
            saved_at: r.saved_at,
        }
    }
}

/// Which annotated items to list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AnnotationFilter {
    /// Only this status.
    pub status: Option<AnnotationStatus>,
    /// Only this city.
    pub city: Option<String>,
    /// Only this tag.
    pub tag: Option<String>,
    /// Only this document.
    #[ts(type = "number | null")]
    pub document: Option<i64>,
}

impl From<AnnotationFilter> for store::AnnotationFilter {
    fn from(f: AnnotationFilter) -> Self {
        store::AnnotationFilter {
            status: f.status.map(Into::into),
            city: f.city,
            tag: f.tag,
            document: f.document,
        }
    }
}

/// An annotated task item with its context.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AnnotatedItem {
    /// The annotation.
    pub annotation: Annotation,
    /// Document id.
    #[ts(type = "number")]
    pub document_id: i64,
    /// City.
    pub city: Option<String>,
    /// Document title (corrections applied; city, period and kind when the
    /// plan has no title).
    pub document_title: Option<String>,
    /// The document's period (`2023`, `2021–2025`).
    pub period: Option<String>,
    /// Section path.
    pub path: String,
    /// Task item title.
    pub task_title: String,
    /// Task item text.
    pub task_text: String,
    /// Quotes of its figures.
    pub figures: Vec<String>,
}

impl From<store::AnnotatedItem> for AnnotatedItem {
    fn from(i: store::AnnotatedItem) -> Self {
        AnnotatedItem {
            annotation: i.annotation.into(),
            document_id: i.document_id,
            city: i.city,
            document_title: i.document_title,
            period: i.period,
            path: i.path,
            task_title: i.task_title,
            task_text: i.task_text,
            figures: i.figures,
        }
    }
}

/// A slide of the presenter deck.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Slide {
    /// Slide id.
    #[ts(type = "number")]
    pub id: i64,
    /// Position, from 0.
    #[ts(type = "number")]
    pub position: i64,
    /// Title.
    pub title: String,
    /// The chart, redrawn from current data when shown.
    pub spec: ChartSpec,
    /// When it was added (UTC).
    pub created_at: String,
}

/// The TypeScript declarations of every type above, in dependency order,
/// as checked in at `ui/src/platform/bindings.ts`.
pub fn typescript() -> String {
    use crate::dto_corrections::*;
    use crate::dto_explore::*;
    use crate::error::{ApiError, Code};
    let cfg = ts_rs::Config::default();
    let decls = [
        Code::decl(&cfg),
        ApiError::decl(&cfg),
        PlanKind::decl(&cfg),
        SectionRole::decl(&cfg),
        Qualifier::decl(&cfg),
        TargetKind::decl(&cfg),
        TargetRole::decl(&cfg),
        Period::decl(&cfg),
        DocumentSummary::decl(&cfg),
        SectionDto::decl(&cfg),
        TaskDto::decl(&cfg),
        NormalizedDto::decl(&cfg),
        BindingDto::decl(&cfg),
        TargetCellDto::decl(&cfg),
        TargetDto::decl(&cfg),
        TableCellDto::decl(&cfg),
        TableDto::decl(&cfg),
        WarningDto::decl(&cfg),
        DocumentDetail::decl(&cfg),
        ImportStatus::decl(&cfg),
        ImportProgress::decl(&cfg),
        ImportReport::decl(&cfg),
        IndicatorOption::decl(&cfg),
        Lang::decl(&cfg),
        CompareRequest::decl(&cfg),
        CompareFigure::decl(&cfg),
        MentionDto::decl(&cfg),
        CellNoteDto::decl(&cfg),
        CompareCell::decl(&cfg),
        CompareRow::decl(&cfg),
        Comparison::decl(&cfg),
        ChartTheme::decl(&cfg),
        ChartSpec::decl(&cfg),
        ExportFormat::decl(&cfg),
        TextFormat::decl(&cfg),
        AnnotationStatus::decl(&cfg),
        AnnotationDraft::decl(&cfg),
        Annotation::decl(&cfg),
        AnnotationRevision::decl(&cfg),
        AnnotationFilter::decl(&cfg),
        AnnotatedItem::decl(&cfg),
        Slide::decl(&cfg),
        SearchRequest::decl(&cfg),
        CharSpan::decl(&cfg),
        SearchHitDto::decl(&cfg),
        SynonymDto::decl(&cfg),
        IndicatorName::decl(&cfg),
        SearchResults::decl(&cfg),
        SimilarTask::decl(&cfg),
        TaskSide::decl(&cfg),
        TaskPair::decl(&cfg),
        ThemeInfo::decl(&cfg),
        ThemeSource::decl(&cfg),
        TaskThemeDto::decl(&cfg),
        ThemeDecision::decl(&cfg),
        CoverageCell::decl(&cfg),
        ThemeCoverage::decl(&cfg),
        ThemeTask::decl(&cfg),
        ThemeMetric::decl(&cfg),
        FigureFieldEdit::decl(&cfg),
        DocumentFieldEdit::decl(&cfg),
        CorrectionAuthorDto::decl(&cfg),
        FieldChangeDto::decl(&cfg),
        CorrectionRevisionDto::decl(&cfg),
        TargetCorrection::decl(&cfg),
        DocumentCorrectionDto::decl(&cfg),
        CorrectionScopeDto::decl(&cfg),
        CorrectionEntryDto::decl(&cfg),
        CatalogIndicator::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust types in src-tauri/src/dto.rs and error.rs by ts-rs. Do not edit.\n\
         // Regenerate: UPDATE_BINDINGS=1 cargo test -p planlens-app --lib bindings\n",
    );
    for d in decls {
        out.push('\n');
        out.push_str("export ");
        out.push_str(&d);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fails when `ui/src/platform/bindings.ts` differs from what the Rust
    /// types generate; `UPDATE_BINDINGS=1` rewrites it.
    #[test]
    fn bindings() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../ui/src/platform/bindings.ts"
        );
        let want = typescript();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(path, &want).unwrap();
            return;
        }
        let have = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            have == want,
            "ui/src/platform/bindings.ts is out of date with src-tauri/src/dto.rs; \
             run UPDATE_BINDINGS=1 cargo test -p planlens-app --lib bindings"
        );
    }

    #[test]
    fn ids_are_numbers_in_typescript() {
        let ts = typescript();
        assert!(
            !ts.contains("bigint"),
            "an i64 field lacks #[ts(type = \"number\")]"
        );
    }

    #[test]
    fn every_command_has_a_permission_in_the_capability() {
        let cap: serde_json::Value =
            serde_json::from_str(include_str!("../capabilities/default.json")).unwrap();
        let perms: Vec<&str> = cap["permissions"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|p| p.as_str())
            .collect();
        for c in crate::COMMANDS {
            let p = format!("allow-{}", c.replace('_', "-"));
            assert!(perms.contains(&p.as_str()), "capability lacks {p}");
        }
        assert!(perms
            .iter()
            .all(|p| !p.starts_with("shell:") && !p.starts_with("fs:")));
    }
}
