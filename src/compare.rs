//! Comparison engine: lines up the targets of several plans by indicator.
//!
//! Pure functions over in-memory data (the store produces the input): no I/O.
//!
//! * [`compare`] builds a [`ComparisonTable`]: one row per (indicator, kind),
//!   one column per document, each cell holding every figure that document
//!   sets for that indicator and kind. Stock, increment and rate figures are
//!   never mixed in one row: a city's `新增100家` and another's `总量600家`
//!   land in different rows.
//! * [`coverage`] builds a [`CoverageMatrix`]: which documents set which
//!   indicators, with counts.
//! * [`timeline`] collects one city's figures for one indicator by year.
//!
//! Each cell names a *headline* figure used by charts, chosen by
//! [`headline_index`]: a target before a baseline, then the latest year, then
//! the first figure in document order.
//!
//! Indicator display names come from the catalog through a [`DisplayNames`]
//! callback so this module does not depend on it.
//!
//! ```
//! use planlens::compare::{compare, CompareInput, DocRef, Selection};
//! use planlens::model::{PlanKind, Period, Qualifier, Target, TargetKind, TargetRole};
//!
//! let docs = vec![DocRef { id: 1, city: Some("滨州市".into()), province: None,
//!     kind: PlanKind::AnnualWorkPlan, period: Some(Period::year(2023)), title: None }];
//! let t = Target { quote: "新增高新技术企业100家以上".into(), start: 0, end: 13,
//!     indicator: "高新技术企业".into(), indicator_id: Some("high_tech_enterprises".into()),
//!     value: 100.0, value_high: None, stretch: None, unit: "家".into(), qualifier: Qualifier::AtLeast,
//!     kind: TargetKind::Increment, role: TargetRole::Target, year: Some(2023),
//!     section: "二/(一)".into(), task: Some(0), normalized: None, group: None };
//! let targets = vec![(1, 10, t)];
//! let table = compare(&CompareInput { docs: &docs, targets: &targets }, &Selection::default());
//! assert_eq!(table.rows.len(), 1);
//! assert_eq!(table.rows[0].cells[0].headline().unwrap().label(), "≥100家");
//! ```

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::model::{Normalized, Period, PlanKind, Qualifier, Target, TargetKind, TargetRole};

/// A document as the comparison sees it (a row of the store's documents table).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocRef {
    /// Store id of the document.
    pub id: i64,
    /// Prefecture-level city, e.g. `滨州市`.
    pub city: Option<String>,
    /// Province, e.g. `山东省`.
    pub province: Option<String>,
    /// Plan kind.
    pub kind: PlanKind,
    /// Years covered.
    pub period: Option<Period>,
    /// Plan title.
    pub title: Option<String>,
}

impl DocRef {
    /// Short label: the city (or `#id`) and the period, e.g. `滨州市 2023`.
    pub fn label(&self) -> String {
        let mut s = self.city_label();
        if let Some(p) = self.period {
            let _ = write!(s, " {p}");
        }
        s
    }

    /// The city, or `#id` when the city is unknown.
    pub fn city_label(&self) -> String {
        match &self.city {
            Some(c) if !c.trim().is_empty() => c.trim().to_string(),
            _ => format!("#{}", self.id),
        }
    }
}

/// Everything the comparison reads: documents and their targets.
#[derive(Debug, Clone, Copy)]
pub struct CompareInput<'a> {
    /// Documents.
    pub docs: &'a [DocRef],
    /// Targets as `(document id, target id, target)`.
    pub targets: &'a [(i64, i64, Target)],
}

/// Which documents and indicators to compare; `None` means all.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Selection {
    /// Document ids, in the order columns should appear.
    pub docs: Option<Vec<i64>>,
    /// Cities (`滨州` matches `滨州市`).
    pub cities: Option<Vec<String>>,
    /// Indicator ids, in the order rows should appear.
    pub indicators: Option<Vec<String>>,
    /// List figures that map to no indicator (其他) even when indicators
    /// are selected; they are always listed when none are.
    #[serde(default)]
    pub others: bool,
}

/// Maps an indicator id to its display names `(zh, en)`.
pub type DisplayNames<'a> = &'a dyn Fn(&str) -> (String, String);

/// Another sentence of the same document that states the same target again
/// (in 主要目标 and in a task item): shown once, both sentences reachable.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// Target id of the restatement.
    pub target_id: i64,
    /// Its verbatim quote.
    pub quote: String,
    /// Quote start (character offset).
    pub start: usize,
    /// Quote end (character offset, exclusive).
    pub end: usize,
}

/// One figure of one document, with its provenance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// Document id.
    pub doc_id: i64,
    /// Target id in the store.
    pub target_id: i64,
    /// The indicator phrase as written.
    pub indicator: String,
    /// The figure as written (low end of a range).
    pub value: f64,
    /// High end of a range.
    pub value_high: Option<f64>,
    /// Unit as written.
    pub unit: String,
    /// Bound on the figure.
    pub qualifier: Qualifier,
    /// Stock, increment or rate.
    pub kind: TargetKind,
    /// Target or baseline.
    pub role: TargetRole,
    /// Year the figure refers to, if known.
    pub year: Option<i32>,
    /// The document's period.
    pub period: Option<Period>,
    /// The figure in base units.
    pub normalized: Option<Normalized>,
    /// Verbatim quote.
    pub quote: String,
    /// Quote start (character offset).
    pub start: usize,
    /// Quote end (character offset, exclusive).
    pub end: usize,
    /// Section path.
    pub section: String,
    /// Task item index.
    pub task: Option<usize>,
    /// The restated target's group in its document (`Target::group`).
    #[serde(default)]
    pub group: Option<u32>,
    /// Further sentences stating the same target (same group), in text order.
    #[serde(default)]
    pub mentions: Vec<Mention>,
    /// Whether the user corrected the figure (marked `✎` in text output).
    #[serde(default)]
    pub corrected: bool,
}

/// The mark after a figure the user corrected.
pub const CORRECTED_MARK: &str = "✎";

impl Figure {
    fn new(doc: &DocRef, target_id: i64, t: &Target) -> Figure {
        Figure {
            doc_id: doc.id,
            target_id,
            indicator: t.indicator.clone(),
            value: t.value,
            value_high: t.value_high,
            unit: t.unit.clone(),
            qualifier: t.qualifier,
            kind: t.kind,
            role: t.role,
            year: t.year,
            period: doc.period,
            normalized: t.normalized.clone(),
            quote: t.quote.clone(),
            start: t.start,
            end: t.end,
            section: t.section.clone(),
            task: t.task,
            group: t.group,
            mentions: Vec::new(),
            corrected: false,
        }
    }

    /// The year used to order figures: the stated year, else the end of the
    /// document's period.
    pub fn effective_year(&self) -> Option<i32> {
        self.year.or(self.period.map(|p| p.end))
    }

    /// The figure as written with its qualifier mark and unit, e.g. `≥100家`.
    pub fn label(&self) -> String {
        format!(
            "{}{}",
            format_value(self.value, self.value_high, self.qualifier),
            self.unit
        )
    }
}

/// Qualifier mark placed before a number: `≥`, `≈`, `≤` or nothing.
pub fn qualifier_mark(q: Qualifier) -> &'static str {
    match q {
        Qualifier::AtLeast => "≥",
        Qualifier::About => "≈",
        Qualifier::AtMost => "≤",
        Qualifier::Exact => "",
    }
}

/// Formats a number for people: integers without decimals, others with at
/// most two decimals, thousands never in exponent notation (`1200`, `3.14`).
pub fn format_number(v: f64) -> String {
    if !v.is_finite() {
        return "–".to_string();
    }
    let rounded = (v * 100.0).round() / 100.0;
    if rounded.fract() == 0.0 && rounded.abs() < 1e15 {
        return format!("{}", rounded as i64);
    }
    let s = format!("{rounded:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A figure with its qualifier mark and range, without unit: `≥100`, `1–2`.
pub fn format_value(value: f64, high: Option<f64>, q: Qualifier) -> String {
    let mut s = qualifier_mark(q).to_string();
    s.push_str(&format_number(value));
    if let Some(h) = high {
        s.push('–');
        s.push_str(&format_number(h));
    }
    s
}

/// What a reader must know about a cell that holds several figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CellNote {
    /// Its figures have different qualifiers (`≥100` and `≈120`).
    QualifiersDiffer,
    /// Its figures refer to different years (a baseline and a target).
    YearsDiffer,
}

impl CellNote {
    /// The note in words.
    pub fn label(self, zh: bool) -> &'static str {
        match (self, zh) {
            (CellNote::QualifiersDiffer, true) => "限定词不一",
            (CellNote::QualifiersDiffer, false) => "qualifiers differ",
            (CellNote::YearsDiffer, true) => "年份不一",
            (CellNote::YearsDiffer, false) => "years differ",
        }
    }
}

/// All figures one document sets for one (indicator, kind).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    /// Document id.
    pub doc_id: i64,
    /// Figures in document order.
    pub figures: Vec<Figure>,
    /// Index into `figures` of the headline figure ([`headline_index`]).
    pub headline: Option<usize>,
    /// Whether the figures differ in qualifier or year ([`Cell::compute_notes`]).
    #[serde(default)]
    pub notes: Vec<CellNote>,
}

impl Cell {
    /// The headline figure, if the cell has any figure.
    pub fn headline(&self) -> Option<&Figure> {
        self.headline.and_then(|i| self.figures.get(i))
    }

    /// The notes a cell's figures call for: different qualifiers, different
    /// (effective) years.
    pub fn compute_notes(figures: &[Figure]) -> Vec<CellNote> {
        let mut notes = Vec::new();
        let differ =
            |f: &dyn Fn(&Figure) -> String| figures.windows(2).any(|w| f(&w[0]) != f(&w[1]));
        if differ(&|f| format!("{:?}", f.qualifier)) {
            notes.push(CellNote::QualifiersDiffer);
        }
        if differ(&|f| format!("{:?}", f.effective_year())) {
            notes.push(CellNote::YearsDiffer);
        }
        notes
    }
}

/// Picks the headline figure among `figures`: role target before baseline,
/// then the latest [`Figure::effective_year`] (unknown years last), then the
/// first in document order (smallest start offset). `None` when empty.
pub fn headline_index(figures: &[Figure]) -> Option<usize> {
    let rank = |f: &Figure| (f.role == TargetRole::Target, f.effective_year());
    let mut best: Option<usize> = None;
    for (i, f) in figures.iter().enumerate() {
        best = match best {
            None => Some(i),
            Some(b) => {
                let fb = &figures[b];
                let ord = rank(f).cmp(&rank(fb)).then_with(|| fb.start.cmp(&f.start));
                if ord == Ordering::Greater {
                    Some(i)
                } else {
                    Some(b)
                }
            }
        };
    }
    best
}

/// One row of a comparison table: an indicator measured one way.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// Catalog id of the indicator (`""` for a row of unmapped figures).
    pub indicator_id: String,
    /// For a row of unmapped figures (其他): their indicator phrase as
    /// written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phrase: Option<String>,
    /// Stock, increment or rate.
    pub kind: TargetKind,
    /// One cell per document, aligned with [`ComparisonTable::docs`].
    pub cells: Vec<Cell>,
}

impl Row {
    /// Number of documents with at least one figure in this row.
    pub fn filled(&self) -> usize {
        self.cells.iter().filter(|c| !c.figures.is_empty()).count()
    }
}

/// Indicators × documents, rows grouped by (indicator, kind).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ComparisonTable {
    /// Columns.
    pub docs: Vec<DocRef>,
    /// Rows, ordered by the selection's indicator order (else by id), then
    /// stock, increment, rate.
    pub rows: Vec<Row>,
    /// Rows of figures that map to no catalog indicator (其他), one per
    /// phrase, kind and unit as written; only when no indicators are
    /// selected. Charts never draw them.
    #[serde(default)]
    pub others: Vec<Row>,
}

impl ComparisonTable {
    /// Marks the figures whose target id `is_corrected` says the user
    /// corrected.
    pub fn mark_corrected(&mut self, is_corrected: impl Fn(i64) -> bool) {
        for row in self.rows.iter_mut().chain(&mut self.others) {
            for cell in &mut row.cells {
                for f in &mut cell.figures {
                    f.corrected = is_corrected(f.target_id);
                }
            }
        }
    }

    /// Indices of the rows for `indicator_id` (one per kind present).
    pub fn row_indices(&self, indicator_id: &str) -> Vec<usize> {
        self.rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.indicator_id == indicator_id)
            .map(|(i, _)| i)
            .collect()
    }
}

fn kind_order(k: TargetKind) -> u8 {
    match k {
        TargetKind::Stock => 0,
        TargetKind::Increment => 1,
        TargetKind::Rate => 2,
    }
}

/// `滨州市` and `滨州` name the same city.
fn same_city(a: &str, b: &str) -> bool {
    let strip = |s: &str| {
        let s = s.trim();
        s.strip_suffix('市').unwrap_or(s).to_string()
    };
    let (a, b) = (strip(a), strip(b));
    !a.is_empty() && a == b
}

/// The selected documents, in column order: the selection's order when it
/// lists documents, else by period start (unknown last), city, then id.
fn selected_docs(input: &CompareInput, sel: &Selection) -> Vec<DocRef> {
    let city_ok = |d: &DocRef| match &sel.cities {
        None => true,
        Some(cs) => d
            .city
            .as_deref()
            .is_some_and(|c| cs.iter().any(|s| same_city(c, s))),
    };
    match &sel.docs {
        Some(ids) => {
            let mut seen = Vec::new();
            ids.iter()
                .filter_map(|id| input.docs.iter().find(|d| d.id == *id))
                .filter(|d| city_ok(d))
                .filter(|d| {
                    let fresh = !seen.contains(&d.id);
                    seen.push(d.id);
                    fresh
                })
                .cloned()
                .collect()
        }
        None => {
            let mut docs: Vec<DocRef> = input.docs.iter().filter(|d| city_ok(d)).cloned().collect();
            docs.sort_by(|a, b| {
                let start = |d: &DocRef| d.period.map_or(i32::MAX, |p| p.start);
                start(a)
                    .cmp(&start(b))
                    .then_with(|| a.city_label().cmp(&b.city_label()))
                    .then_with(|| a.id.cmp(&b.id))
            });
            docs
        }
    }
}

fn indicator_rank(sel: &Selection, id: &str) -> (usize, String) {
    let pos = sel
        .indicators
        .as_ref()
        .and_then(|v| v.iter().position(|s| s == id))
        .unwrap_or(usize::MAX);
    (pos, id.to_string())
}

fn indicator_ok(sel: &Selection, id: &str) -> bool {
    sel.indicators
        .as_ref()
        .is_none_or(|v| v.iter().any(|s| s == id))
}

/// Builds the comparison table for the selection. Targets of unknown
/// documents are left out; targets without an indicator id go to
/// [`ComparisonTable::others`] when no indicators are selected.
pub fn compare(input: &CompareInput, sel: &Selection) -> ComparisonTable {
    let docs = selected_docs(input, sel);
    let col: HashMap<i64, usize> = docs.iter().enumerate().map(|(i, d)| (d.id, i)).collect();
    let empty_row = |indicator_id: &str, phrase: Option<&str>, kind: TargetKind| Row {
        indicator_id: indicator_id.to_string(),
        phrase: phrase.map(str::to_string),
        kind,
        cells: docs
            .iter()
            .map(|d| Cell {
                doc_id: d.id,
                figures: Vec::new(),
                headline: None,
                notes: Vec::new(),
            })
            .collect(),
    };
    let mut rows: BTreeMap<((usize, String), u8), Row> = BTreeMap::new();
    let mut others: BTreeMap<(String, u8, String), Row> = BTreeMap::new();
    for (doc_id, target_id, t) in input.targets {
        let Some(&c) = col.get(doc_id) else {
            continue;
        };
        let row = match t.indicator_id.as_deref() {
            Some(id) if indicator_ok(sel, id) => rows
                .entry((indicator_rank(sel, id), kind_order(t.kind)))
                .or_insert_with(|| empty_row(id, None, t.kind)),
            None if sel.indicators.is_none() || sel.others => {
                let phrase = t.indicator.trim();
                others
                    .entry((phrase.to_string(), kind_order(t.kind), t.unit.clone()))
                    .or_insert_with(|| empty_row("", Some(phrase), t.kind))
            }
            _ => continue,
        };
        row.cells[c]
            .figures
            .push(Figure::new(&docs[c], *target_id, t));
    }
    let finish = |rows: Vec<Row>| {
        let mut rows = rows;
        for row in &mut rows {
            for cell in &mut row.cells {
                cell.figures
                    .sort_by(|a, b| a.start.cmp(&b.start).then(a.target_id.cmp(&b.target_id)));
                cell.figures = merge_mentions(std::mem::take(&mut cell.figures));
                cell.headline = headline_index(&cell.figures);
                cell.notes = Cell::compute_notes(&cell.figures);
            }
        }
        rows
    };
    ComparisonTable {
        docs,
        rows: finish(rows.into_values().collect()),
        others: finish(others.into_values().collect()),
    }
}

/// Keeps one figure per restated target (figures in text order): a later
/// figure of the same group becomes a [`Mention`] of the first.
fn merge_mentions(figures: Vec<Figure>) -> Vec<Figure> {
    let mut out: Vec<Figure> = Vec::with_capacity(figures.len());
    for f in figures {
        let first = f
            .group
            .and_then(|g| out.iter_mut().find(|o| o.group == Some(g)));
        match first {
            Some(o) => o.mentions.push(Mention {
                target_id: f.target_id,
                quote: f.quote,
                start: f.start,
                end: f.end,
            }),
            None => out.push(f),
        }
    }
    out
}

/// Which documents set which indicators.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CoverageMatrix {
    /// Columns.
    pub docs: Vec<DocRef>,
    /// Indicator ids (rows): most widely covered first, then by id.
    pub indicators: Vec<String>,
    /// `counts[row][col]`: number of figures document `col` sets for indicator `row`.
    pub counts: Vec<Vec<usize>>,
}

impl CoverageMatrix {
    /// Number of documents that set indicator `row`.
    pub fn docs_covering(&self, row: usize) -> usize {
        self.counts
            .get(row)
            .map_or(0, |r| r.iter().filter(|&&n| n > 0).count())
    }

    /// Number of indicators document `col` sets.
    pub fn indicators_set(&self, col: usize) -> usize {
        self.counts
            .iter()
            .filter(|r| r.get(col).is_some_and(|&n| n > 0))
            .count()
    }
}

/// Builds the coverage matrix for the selection (all kinds and roles count).
pub fn coverage(input: &CompareInput, sel: &Selection) -> CoverageMatrix {
    let docs = selected_docs(input, sel);
    let col: HashMap<i64, usize> = docs.iter().enumerate().map(|(i, d)| (d.id, i)).collect();
    let mut map: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (doc_id, _, t) in input.targets {
        let (Some(id), Some(&c)) = (t.indicator_id.as_deref(), col.get(doc_id)) else {
            continue;
        };
        if !indicator_ok(sel, id) {
            continue;
        }
        map.entry(id.to_string())
            .or_insert_with(|| vec![0; docs.len()])[c] += 1;
    }
    let mut rows: Vec<(String, Vec<usize>)> = map.into_iter().collect();
    rows.sort_by(|a, b| {
        let cov = |r: &Vec<usize>| r.iter().filter(|&&n| n > 0).count();
        match &sel.indicators {
            Some(_) => indicator_rank(sel, &a.0).cmp(&indicator_rank(sel, &b.0)),
            None => cov(&b.1).cmp(&cov(&a.1)).then_with(|| a.0.cmp(&b.0)),
        }
    });
    let (indicators, counts) = rows.into_iter().unzip();
    CoverageMatrix {
        docs,
        indicators,
        counts,
    }
}

/// One figure on a city's timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelinePoint {
    /// Year of the figure ([`Figure::effective_year`]).
    pub year: i32,
    /// Kind of plan it comes from.
    pub plan_kind: PlanKind,
    /// The figure.
    pub figure: Figure,
}

/// One city's figures for one indicator, by year, one series per kind.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Timeline {
    /// The city asked for.
    pub city: String,
    /// Indicator id.
    pub indicator_id: String,
    /// Documents the points come from.
    pub docs: Vec<DocRef>,
    /// Series: (kind, points sorted by year, then document order).
    pub series: Vec<(TargetKind, Vec<TimelinePoint>)>,
}

/// Collects `city`'s figures for `indicator` across its plans. Figures with
/// no year and no document period are left out.
pub fn timeline(input: &CompareInput, city: &str, indicator: &str) -> Timeline {
    let sel = Selection {
        cities: Some(vec![city.to_string()]),
        ..Selection::default()
    };
    let docs = selected_docs(input, &sel);
    let mut by_kind: BTreeMap<u8, (TargetKind, Vec<TimelinePoint>)> = BTreeMap::new();
    let mut used = Vec::new();
    for (doc_id, target_id, t) in input.targets {
        if t.indicator_id.as_deref() != Some(indicator) {
            continue;
        }
        let Some(doc) = docs.iter().find(|d| d.id == *doc_id) else {
            continue;
        };
        let figure = Figure::new(doc, *target_id, t);
        let Some(year) = figure.effective_year() else {
            continue;
        };
        if !used.contains(&doc.id) {
            used.push(doc.id);
        }
        by_kind
            .entry(kind_order(t.kind))
            .or_insert_with(|| (t.kind, Vec::new()))
            .1
            .push(TimelinePoint {
                year,
                plan_kind: doc.kind,
                figure,
            });
    }
    let mut series: Vec<(TargetKind, Vec<TimelinePoint>)> = by_kind.into_values().collect();
    for (_, pts) in &mut series {
        pts.sort_by(|a, b| {
            a.year
                .cmp(&b.year)
                .then(a.figure.doc_id.cmp(&b.figure.doc_id))
                .then(a.figure.start.cmp(&b.figure.start))
        });
    }
    Timeline {
        city: city.to_string(),
        indicator_id: indicator.to_string(),
        docs: docs.into_iter().filter(|d| used.contains(&d.id)).collect(),
        series,
    }
}

/// Display name of a kind: `存量`/`stock`, `新增`/`increment`, `比率`/`rate`.
pub fn kind_name(kind: TargetKind, zh: bool) -> &'static str {
    match (kind, zh) {
        (TargetKind::Stock, true) => "存量",
        (TargetKind::Increment, true) => "新增",
        (TargetKind::Rate, true) => "比率",
        (TargetKind::Stock, false) => "stock",
        (TargetKind::Increment, false) => "increment",
        (TargetKind::Rate, false) => "rate",
    }
}

/// Terminal width of a string: 2 columns for wide (CJK, full-width) characters.
fn display_width(s: &str) -> usize {
    s.chars()
        .map(|c| {
            let u = c as u32;
            let wide = (0x1100..=0x115F).contains(&u)
                || (0x2E80..=0xA4CF).contains(&u)
                || (0xAC00..=0xD7A3).contains(&u)
                || (0xF900..=0xFAFF).contains(&u)
                || (0xFE30..=0xFE4F).contains(&u)
                || (0xFF00..=0xFF60).contains(&u)
                || (0xFFE0..=0xFFE6).contains(&u)
                || (0x20000..=0x3FFFD).contains(&u);
            if wide {
                2
            } else {
                1
            }
        })
        .sum()
}

fn pad(s: &str, width: usize) -> String {
    let mut out = s.to_string();
    for _ in display_width(s)..width {
        out.push(' ');
    }
    out
}

/// The text of one cell: the headline figure (with [`CORRECTED_MARK`] when
/// the user corrected it), `@year` when the year is not the end of the
/// document's period, a `(基期)`/`(baseline)` mark, and `+n` for further
/// figures.
pub fn cell_text(cell: &Cell, zh: bool) -> String {
    let Some(h) = cell.headline() else {
        return String::new();
    };
    let mut s = h.label();
    if h.corrected {
        s.push_str(CORRECTED_MARK);
    }
    if h.role == TargetRole::Baseline {
        s.push_str(if zh { "(基期)" } else { "(baseline)" });
    }
    if let (Some(y), Some(p)) = (h.year, h.period) {
        if y != p.end {
            let _ = write!(s, "@{y}");
        }
    }
    if cell.figures.len() > 1 {
        let _ = write!(s, " +{}", cell.figures.len() - 1);
    }
    for n in &cell.notes {
        let _ = write!(s, " [{}]", n.label(zh));
    }
    s
}

/// Renders the table as aligned plain text (CJK counted as two columns).
pub fn to_text(table: &ComparisonTable, names: DisplayNames, zh: bool) -> String {
    let mut grid: Vec<Vec<String>> = Vec::new();
    let mut head = vec![
        if zh { "指标" } else { "indicator" }.to_string(),
        if zh { "类型" } else { "kind" }.to_string(),
    ];
    head.extend(table.docs.iter().map(DocRef::label));
    grid.push(head);
    for row in &table.rows {
        let (nz, ne) = names(&row.indicator_id);
        let mut line = vec![
            if zh { nz } else { ne },
            kind_name(row.kind, zh).to_string(),
        ];
        line.extend(row.cells.iter().map(|c| cell_text(c, zh)));
        grid.push(line);
    }
    for row in &table.others {
        let phrase = row.phrase.clone().unwrap_or_default();
        let mut line = vec![
            format!("{}: {phrase}", if zh { "其他" } else { "other" }),
            kind_name(row.kind, zh).to_string(),
        ];
        line.extend(row.cells.iter().map(|c| cell_text(c, zh)));
        grid.push(line);
    }
    let cols = grid[0].len();
    let widths: Vec<usize> = (0..cols)
        .map(|i| {
            grid.iter()
                .map(|r| r.get(i).map_or(0, |s| display_width(s)))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for (n, r) in grid.iter().enumerate() {
        let line: Vec<String> = r.iter().zip(&widths).map(|(s, w)| pad(s, *w)).collect();
        out.push_str(line.join("  ").trim_end());
        out.push('\n');
        if n == 0 {
            let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
            out.push_str(&rule.join("  "));
            out.push('\n');
        }
    }
    out
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
}

/// Renders the table as CSV in long form: one line per figure, with
/// provenance and a `headline` column (`1` for the cell's headline figure).
pub fn to_csv(table: &ComparisonTable, names: DisplayNames) -> String {
    let mut out = String::from(
        "indicator_id,indicator_zh,indicator_en,kind,doc_id,city,period,target_id,role,year,\
         qualifier,value,value_high,unit,normalized_value,normalized_unit,headline,indicator,\
         quote,start,end,section,task,cell_notes,corrected\n",
    );
    for row in table.rows.iter().chain(&table.others) {
        let (nz, ne) = match &row.phrase {
            Some(p) => (format!("其他: {p}"), format!("other: {p}")),
            None => names(&row.indicator_id),
        };
        for (cell, doc) in row.cells.iter().zip(&table.docs) {
            for (i, f) in cell.figures.iter().enumerate() {
                let fields = [
                    row.indicator_id.clone(),
                    nz.clone(),
                    ne.clone(),
                    kind_name(f.kind, false).to_string(),
                    f.doc_id.to_string(),
                    doc.city.clone().unwrap_or_default(),
                    opt(doc.period),
                    f.target_id.to_string(),
                    match f.role {
                        TargetRole::Target => "target",
                        TargetRole::Baseline => "baseline",
                    }
                    .to_string(),
                    opt(f.year),
                    match f.qualifier {
                        Qualifier::AtLeast => "at_least",
                        Qualifier::About => "about",
                        Qualifier::AtMost => "at_most",
                        Qualifier::Exact => "exact",
                    }
                    .to_string(),
                    f.value.to_string(),
                    opt(f.value_high),
                    f.unit.clone(),
                    opt(f.normalized.as_ref().map(|n| n.value)),
                    f.normalized
                        .as_ref()
                        .map(|n| n.unit.clone())
                        .unwrap_or_default(),
                    if cell.headline == Some(i) { "1" } else { "0" }.to_string(),
                    f.indicator.clone(),
                    f.quote.clone(),
                    f.start.to_string(),
                    f.end.to_string(),
                    f.section.clone(),
                    opt(f.task),
                    cell.notes
                        .iter()
                        .map(|n| n.label(false))
                        .collect::<Vec<_>>()
                        .join("; "),
                    if f.corrected { "1" } else { "0" }.to_string(),
                ];
                let line: Vec<String> = fields.iter().map(|s| csv_field(s)).collect();
                out.push_str(&line.join(","));
                out.push('\n');
            }
        }
    }
    out
}

/// Renders the table as pretty JSON, each row carrying its display names.
pub fn to_json(table: &ComparisonTable, names: DisplayNames) -> String {
    #[derive(Serialize)]
    struct JsonRow<'a> {
        indicator_zh: String,
        indicator_en: String,
        #[serde(flatten)]
        row: &'a Row,
    }
    #[derive(Serialize)]
    struct JsonTable<'a> {
        docs: &'a [DocRef],
        rows: Vec<JsonRow<'a>>,
        others: &'a [Row],
    }
    let rows = table
        .rows
        .iter()
        .map(|row| {
            let (indicator_zh, indicator_en) = names(&row.indicator_id);
            JsonRow {
                indicator_zh,
                indicator_en,
                row,
            }
        })
        .collect();
    serde_json::to_string_pretty(&JsonTable {
        docs: &table.docs,
        rows,
        others: &table.others,
    })
    .unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}
