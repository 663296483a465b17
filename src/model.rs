//! The document model shared by every stage: metadata, sections, task items,
//! targets and parse warnings.
//!
//! All offsets (`start`, `end`) are character offsets (Unicode scalar values,
//! not bytes) into the decoded text of the document, half-open `[start, end)`.
//! Field names are part of the `planlens extract --json` contract: keep them.

use serde::{Deserialize, Serialize};

/// What kind of plan a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum PlanKind {
    /// 年度工作计划 / 工作要点 / 工作思路: one year.
    AnnualWorkPlan,
    /// 实施方案 / 行动方案.
    ImplementationPlan,
    /// 五年规划 (e.g. “十四五”).
    FiveYearPlan,
    /// Anything else.
    #[default]
    Other,
}

impl PlanKind {
    /// The snake_case name used in JSON, SQL and the manifest.
    pub fn as_str(self) -> &'static str {
        match self {
            PlanKind::AnnualWorkPlan => "annual_work_plan",
            PlanKind::ImplementationPlan => "implementation_plan",
            PlanKind::FiveYearPlan => "five_year_plan",
            PlanKind::Other => "other",
        }
    }

    /// The Chinese name, e.g. `五年规划`.
    pub fn label_zh(self) -> &'static str {
        match self {
            PlanKind::AnnualWorkPlan => "年度工作计划",
            PlanKind::ImplementationPlan => "实施方案",
            PlanKind::FiveYearPlan => "五年规划",
            PlanKind::Other => "其他",
        }
    }

    /// Parses the snake_case name; `None` for an unknown name.
    pub fn parse(s: &str) -> Option<PlanKind> {
        Some(match s {
            "annual_work_plan" => PlanKind::AnnualWorkPlan,
            "implementation_plan" => PlanKind::ImplementationPlan,
            "five_year_plan" => PlanKind::FiveYearPlan,
            "other" => PlanKind::Other,
            _ => return None,
        })
    }
}

/// The years a plan covers: one year (`start == end`) or a span such as 2021–2025.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Period {
    /// First year covered.
    pub start: i32,
    /// Last year covered (equal to `start` for a one-year plan).
    pub end: i32,
}

impl Period {
    /// A one-year period.
    pub fn year(y: i32) -> Period {
        Period { start: y, end: y }
    }
}

impl std::fmt::Display for Period {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.start == self.end {
            write!(f, "{}", self.start)
        } else {
            write!(f, "{}–{}", self.start, self.end)
        }
    }
}

/// Metadata of one plan document, detected from its text and optionally
/// overridden by a manifest.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocumentMeta {
    /// Title of the plan, e.g. `2023年全市科技工作要点`.
    pub title: Option<String>,
    /// Prefecture-level city, e.g. `滨州市`.
    pub city: Option<String>,
    /// Province, e.g. `山东省`.
    pub province: Option<String>,
    /// Plan kind.
    pub kind: PlanKind,
    /// Years covered.
    pub period: Option<Period>,
    /// Issuing body, e.g. `滨州市科学技术局`.
    pub issuer: Option<String>,
    /// Document number (文号), e.g. `滨科字〔2023〕1号`.
    pub doc_number: Option<String>,
    /// Publication date as `YYYY-MM-DD`.
    pub published: Option<String>,
}

impl DocumentMeta {
    /// The title, or for a text without a title line a label built from what
    /// is known, e.g. `临沂市 2021 年度工作计划`.
    pub fn display_title(&self) -> String {
        if let Some(t) = self.title.as_deref().filter(|t| !t.trim().is_empty()) {
            return t.to_string();
        }
        let mut parts = Vec::new();
        if let Some(c) = &self.city {
            parts.push(c.clone());
        }
        if let Some(p) = self.period {
            parts.push(p.to_string());
        }
        parts.push(self.kind.label_zh().to_string());
        parts.join(" ")
    }
}

/// The role a top-level (or any) section plays in a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum SectionRole {
    /// 发展基础, 面临形势, 现状: review of the past and context.
    Background,
    /// 总体要求, 指导思想, 工作思路, 基本原则.
    Guidance,
    /// 主要目标, 发展目标.
    Goals,
    /// 重点任务, 主要任务, or numbered work areas.
    Tasks,
    /// 保障措施, 组织实施.
    Safeguards,
    /// Anything else.
    #[default]
    Other,
}

impl SectionRole {
    /// The snake_case name used in JSON and SQL.
    pub fn as_str(self) -> &'static str {
        match self {
            SectionRole::Background => "background",
            SectionRole::Guidance => "guidance",
            SectionRole::Goals => "goals",
            SectionRole::Tasks => "tasks",
            SectionRole::Safeguards => "safeguards",
            SectionRole::Other => "other",
        }
    }

    /// Parses the snake_case name; `None` for an unknown name.
    pub fn parse(s: &str) -> Option<SectionRole> {
        Some(match s {
            "background" => SectionRole::Background,
            "guidance" => SectionRole::Guidance,
            "goals" => SectionRole::Goals,
            "tasks" => SectionRole::Tasks,
            "safeguards" => SectionRole::Safeguards,
            "other" => SectionRole::Other,
            _ => return None,
        })
    }
}

/// One numbered section of a plan (a node of the outline tree).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// The marker as written, e.g. `一、`, `（三）`, `1.`, `(2)`.
    pub marker: String,
    /// The marker's number as an integer (`三` → 3).
    pub number: u32,
    /// Depth in the tree, 1 for top-level sections.
    pub level: u8,
    /// The heading text (without the marker), e.g. `总体要求`.
    pub title: String,
    /// What the section is for.
    pub role: SectionRole,
    /// Offset of the marker's first character.
    pub start: usize,
    /// End of the section's text (exclusive): where the next sibling or
    /// ancestor's sibling starts, or the end of the plan body.
    pub end: usize,
    /// Index of the parent section in the plan's `sections`, `None` at top level.
    pub parent: Option<usize>,
    /// Path of markers from the root, e.g. `二/(三)/6`: numbers in the
    /// canonical marker forms `一`, `(一)`, `1`, `(1)`.
    pub path: String,
}

/// A task item (任务事项): the deepest numbered unit inside a task area.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskItem {
    /// Index of the section node this item is, in the plan's `sections`.
    pub section: usize,
    /// Section path of the item, e.g. `二/(三)/6`.
    pub path: String,
    /// The item's heading, or its first sentence where it has no heading.
    pub title: String,
    /// The item's full text, verbatim (marker excluded).
    pub text: String,
    /// Offset of the item's first character (its marker).
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
}

/// A non-fatal finding of the parser, stored with the document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParseWarning {
    /// Stable machine-readable code, e.g. `numbering_gap`.
    pub code: String,
    /// Human-readable explanation.
    pub message: String,
    /// Offset the warning refers to, if any.
    pub start: Option<usize>,
}

/// The structure of a plan: its outline and task items.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ParsedPlan {
    /// Section nodes in document order; `parent` indexes into this list.
    pub sections: Vec<Section>,
    /// Task items in document order.
    pub tasks: Vec<TaskItem>,
    /// Parse warnings such as numbering gaps.
    pub warnings: Vec<ParseWarning>,
    /// Character ranges recognised as web-page chrome (kept out of sections).
    pub noise: Vec<(usize, usize)>,
}

/// How a target's figure is bounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// 以上, 突破, 超过, 不低于, 至少, 余, 多.
    AtLeast,
    /// 左右, 约.
    About,
    /// 以内, 不超过.
    AtMost,
    /// No qualifier (ranges are exact too).
    #[default]
    Exact,
}

/// What a figure counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetKind {
    /// A total or level (总量, 达到, 累计).
    Stock,
    /// Something new within the period (新增, 净增, 每年, things built or done).
    Increment,
    /// A percentage, share, intensity, multiple or change in percentage points.
    Rate,
}

/// Whether a figure is a goal or something already achieved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetRole {
    /// A planned figure.
    Target,
    /// An achieved or historical figure.
    Baseline,
}

/// A figure in comparable units.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Normalized {
    /// Value in base units (yuan for money, plain count for counts, percent for %).
    pub value: f64,
    /// Upper end of a range, in base units.
    pub value_high: Option<f64>,
    /// Base unit, e.g. `元`, `家`, `%`, `个百分点`, `平方米`.
    pub unit: String,
}

/// One quantitative figure of a plan, with its provenance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Target {
    /// Verbatim span of the text holding the figure and its indicator.
    pub quote: String,
    /// Offset of the quote's first character.
    pub start: usize,
    /// End of the quote (exclusive).
    pub end: usize,
    /// The noun phrase measured, as written (or joined from the text).
    pub indicator: String,
    /// Canonical indicator id from the catalog, if mapped.
    pub indicator_id: Option<String>,
    /// The figure (the low end of a range).
    pub value: f64,
    /// High end of a range such as `1-2家`.
    pub value_high: Option<f64>,
    /// The higher tier of a two-tier target (`确保8000万元、力争1亿元`), in
    /// `unit`; `value` is then the floor.
    pub stretch: Option<f64>,
    /// Unit as written: 家, 个, 亿元, %, 个百分点, …
    pub unit: String,
    /// Bound on the figure.
    pub qualifier: Qualifier,
    /// Stock, increment or rate.
    pub kind: TargetKind,
    /// Target or baseline.
    pub role: TargetRole,
    /// Year the figure refers to, if known.
    pub year: Option<i32>,
    /// Section path the figure sits in (`""` for the preamble).
    pub section: String,
    /// Index of the task item it sits in, in the plan's `tasks`.
    pub task: Option<usize>,
    /// The figure in comparable base units.
    pub normalized: Option<Normalized>,
    /// Mentions of one target restated in the same document share a group:
    /// the index (in the document's targets) of its first mention; `None`
    /// for a figure mentioned once.
    pub group: Option<u32>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_title_falls_back_to_city_period_and_kind() {
        let mut m = DocumentMeta {
            city: Some("临沂市".into()),
            kind: PlanKind::AnnualWorkPlan,
            period: Some(Period::year(2021)),
            ..Default::default()
        };
        assert_eq!(m.display_title(), "临沂市 2021 年度工作计划");
        m.title = Some("2021年全市科技创新工作思路".into());
        assert_eq!(m.display_title(), "2021年全市科技创新工作思路");
        assert_eq!(DocumentMeta::default().display_title(), "其他");
    }

    #[test]
    fn names_round_trip() {
        for k in [
            PlanKind::AnnualWorkPlan,
            PlanKind::ImplementationPlan,
            PlanKind::FiveYearPlan,
            PlanKind::Other,
        ] {
            assert_eq!(PlanKind::parse(k.as_str()), Some(k));
        }
        for r in [
            SectionRole::Background,
            SectionRole::Guidance,
            SectionRole::Goals,
            SectionRole::Tasks,
            SectionRole::Safeguards,
            SectionRole::Other,
        ] {
            assert_eq!(SectionRole::parse(r.as_str()), Some(r));
        }
    }
}
