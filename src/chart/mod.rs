//! Presentation-quality charts: grouped bars, small multiples, coverage
//! heatmap and timeline, as SVG (for the UI) or PNG (for slides).
//!
//! Build a [`ChartData`] from the comparison engine's output
//! ([`BarChart::from_table`], [`MultiplesChart::from_table`],
//! [`HeatmapChart::from_coverage`], [`TimelineChart::from_timeline`]), then
//! call [`render_svg`] or [`render_png`] with [`ChartOptions`].
//!
//! Text uses the embedded Noto Sans CJK SC subset ([`font`]); PNGs are
//! rasterised by resvg with a font database holding only that font, so the
//! output does not depend on the machine's fonts. Colours follow the
//! Okabe–Ito palette ([`theme`]).
//!
//! Value units: a chart shows values in the unit as written when all its
//! figures share it; otherwise in the common normalised unit (money in
//! 亿元/万元/元 chosen by magnitude); figures in a minority unit that cannot be
//! converted are left out and counted in the footnote.

mod bar;
mod canvas;
pub mod font;
mod heatmap;
mod raster;
pub mod theme;
mod timeline;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::compare::{
    format_value, kind_name, ComparisonTable, CoverageMatrix, DisplayNames, Figure, Timeline,
};
use crate::model::TargetRole;

pub use theme::Theme;

/// Errors of chart building and rendering.
#[derive(Debug, Clone, Error, PartialEq)]
pub enum ChartError {
    /// There is nothing to draw.
    #[error("no data to chart: {0}")]
    Empty(String),
    /// Width or height out of range (100–10000 pixels) or bad scale.
    #[error("invalid chart size {width}×{height} at scale {scale}")]
    InvalidSize {
        /// Requested width.
        width: u32,
        /// Requested height.
        height: u32,
        /// Requested scale.
        scale: f32,
    },
    /// A row or series index does not exist.
    #[error("no such table row: {0}")]
    NoSuchRow(usize),
    /// The embedded font could not be loaded.
    #[error("font error: {0}")]
    Font(String),
    /// plotters failed while drawing.
    #[error("drawing failed: {0}")]
    Draw(String),
    /// The SVG could not be parsed back (rasterising or flattening text).
    #[error("SVG error: {0}")]
    Svg(String),
    /// PNG encoding failed.
    #[error("PNG encoding failed: {0}")]
    Png(String),
}

/// Which chart a [`ChartData`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChartKind {
    /// Grouped bar chart.
    Bar,
    /// Small multiples: one panel per indicator.
    Multiples,
    /// Coverage heatmap.
    Heatmap,
    /// A city's targets over the years.
    Timeline,
}

/// Label language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// Chinese.
    #[default]
    Zh,
    /// English.
    En,
}

/// How to render a chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChartOptions {
    /// Width in CSS pixels.
    pub width: u32,
    /// Height in CSS pixels.
    pub height: u32,
    /// Light or dark.
    pub theme: Theme,
    /// Language of the captions the renderer adds (unit caption, legend
    /// notes). Indicator names, titles and footnotes are chosen when the
    /// [`ChartData`] is built (the builders take a [`Lang`] too).
    pub lang: Lang,
    /// PNG pixel density: 1 or 2 (the PNG is `width·scale × height·scale`).
    pub scale: f32,
    /// SVG only: convert text to paths so it looks the same without the font.
    pub text_as_paths: bool,
    /// Overrides the chart's own title.
    pub title: Option<String>,
}

impl Default for ChartOptions {
    fn default() -> Self {
        ChartOptions::full_hd()
    }
}

impl ChartOptions {
    /// 1920×1080, light, Chinese, scale 1.
    pub fn full_hd() -> ChartOptions {
        ChartOptions {
            width: 1920,
            height: 1080,
            theme: Theme::Light,
            lang: Lang::Zh,
            scale: 1.0,
            text_as_paths: false,
            title: None,
        }
    }

    /// 1280×720, light, Chinese, scale 1.
    pub fn hd() -> ChartOptions {
        ChartOptions {
            width: 1280,
            height: 720,
            ..ChartOptions::full_hd()
        }
    }

    fn validate(&self) -> Result<(), ChartError> {
        let ok = (100..=10_000).contains(&self.width)
            && (100..=10_000).contains(&self.height)
            && self.scale.is_finite()
            && (0.25..=4.0).contains(&self.scale);
        if ok {
            Ok(())
        } else {
            Err(ChartError::InvalidSize {
                width: self.width,
                height: self.height,
                scale: self.scale,
            })
        }
    }
}

/// A category on the x axis: a document (city, with its period below).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Category {
    /// Main label, e.g. `滨州市`.
    pub label: String,
    /// Second line, e.g. `2023` or `2021–2025`.
    pub sublabel: String,
}

/// One bar.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BarValue {
    /// Height in the chart's unit.
    pub value: f64,
    /// Label above the bar, e.g. `≥100`.
    pub label: String,
    /// The figure is a baseline (achieved), drawn hollow.
    pub hollow: bool,
    /// A baseline figure of the same cell, drawn as a tick across the bar:
    /// (value in the chart's unit, label such as `2020: 296`).
    pub baseline: Option<(f64, String)>,
}

/// One series of bars (one colour).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BarSeries {
    /// Legend name.
    pub name: String,
    /// One value per category.
    pub values: Vec<Option<BarValue>>,
}

/// Grouped bar chart: categories (documents) × series (indicator rows).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BarChart {
    /// Title.
    pub title: String,
    /// Unit of every value, shown on the axis.
    pub unit: String,
    /// Categories.
    pub categories: Vec<Category>,
    /// Series.
    pub series: Vec<BarSeries>,
    /// Footnote lines (sources, omissions).
    pub notes: Vec<String>,
}

/// Small multiples: one bar panel per indicator row, each with its own unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MultiplesChart {
    /// Title.
    pub title: String,
    /// Panels (their `notes` are not drawn; the chart's are).
    pub panels: Vec<BarChart>,
    /// Footnote lines.
    pub notes: Vec<String>,
}

/// Coverage heatmap: rows × columns of counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HeatmapChart {
    /// Title.
    pub title: String,
    /// Row labels (indicators).
    pub rows: Vec<String>,
    /// Columns (documents).
    pub cols: Vec<Category>,
    /// `counts[row][col]`.
    pub counts: Vec<Vec<usize>>,
    /// Footnote lines.
    pub notes: Vec<String>,
}

/// One point of a timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimePoint {
    /// Year.
    pub year: i32,
    /// Value in the chart's unit.
    pub value: f64,
    /// Label, e.g. `≥200`.
    pub label: String,
    /// Baseline (achieved) figure: drawn hollow.
    pub hollow: bool,
}

/// One line of a timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeSeries {
    /// Legend name.
    pub name: String,
    /// Points by year.
    pub points: Vec<TimePoint>,
}

/// A city's figures for one indicator over the years.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineChart {
    /// Title.
    pub title: String,
    /// Unit of every value.
    pub unit: String,
    /// Series (one per kind).
    pub series: Vec<TimeSeries>,
    /// Footnote lines.
    pub notes: Vec<String>,
}

/// Everything a chart needs, independent of size and theme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ChartData {
    /// Grouped bars.
    Bar(BarChart),
    /// Small multiples.
    Multiples(MultiplesChart),
    /// Coverage heatmap.
    Heatmap(HeatmapChart),
    /// Timeline.
    Timeline(TimelineChart),
}

impl ChartData {
    /// The chart's kind.
    pub fn kind(&self) -> ChartKind {
        match self {
            ChartData::Bar(_) => ChartKind::Bar,
            ChartData::Multiples(_) => ChartKind::Multiples,
            ChartData::Heatmap(_) => ChartKind::Heatmap,
            ChartData::Timeline(_) => ChartKind::Timeline,
        }
    }
}

/// Renders a chart as an SVG document.
pub fn render_svg(chart: &ChartData, opts: &ChartOptions) -> Result<String, ChartError> {
    let svg = render_svg_text(chart, opts)?;
    if opts.text_as_paths {
        raster::flatten_text(&svg)
    } else {
        Ok(svg)
    }
}

/// Renders a chart as a PNG of `width·scale × height·scale` pixels.
pub fn render_png(chart: &ChartData, opts: &ChartOptions) -> Result<Vec<u8>, ChartError> {
    let svg = render_svg_text(chart, opts)?;
    raster::to_png(&svg, opts)
}

fn render_svg_text(chart: &ChartData, opts: &ChartOptions) -> Result<String, ChartError> {
    opts.validate()?;
    let mut buf = String::new();
    {
        let c = canvas::Canvas::new(&mut buf, opts)?;
        match chart {
            ChartData::Bar(b) => bar::draw_bar_chart(&c, b, opts.title.as_deref())?,
            ChartData::Multiples(m) => bar::draw_multiples(&c, m, opts.title.as_deref())?,
            ChartData::Heatmap(h) => heatmap::draw(&c, h, opts.title.as_deref())?,
            ChartData::Timeline(t) => timeline::draw(&c, t, opts.title.as_deref())?,
        }
        c.finish()?;
    }
    Ok(buf)
}

/// How figures of one chart are expressed in one unit.
#[derive(Debug, Clone, PartialEq)]
struct UnitPlan {
    /// Unit shown on the axis.
    unit: String,
    /// `Some(divisor)`: use normalised values divided by it; `None`: values as written.
    divisor: Option<f64>,
    /// Normalised base unit the figures must have when `divisor` is set.
    base: String,
}

impl UnitPlan {
    /// Chooses the unit for `figs` (see the module docs). Returns the plan
    /// and whether each figure can be shown.
    fn choose(figs: &[&Figure]) -> (UnitPlan, Vec<bool>) {
        let written = figs.first().map(|f| f.unit.clone()).unwrap_or_default();
        if figs.iter().all(|f| f.unit == written) {
            return (
                UnitPlan {
                    unit: written,
                    divisor: None,
                    base: String::new(),
                },
                vec![true; figs.len()],
            );
        }
        // Most common normalised base unit.
        let mut counts: Vec<(String, usize)> = Vec::new();
        for f in figs {
            if let Some(n) = &f.normalized {
                match counts.iter_mut().find(|(u, _)| *u == n.unit) {
                    Some(e) => e.1 += 1,
                    None => counts.push((n.unit.clone(), 1)),
                }
            }
        }
        counts.sort_by_key(|e| std::cmp::Reverse(e.1));
        let Some((base, _)) = counts.first().cloned() else {
            // Nothing normalised: keep the most common written unit.
            let mut wc: Vec<(String, usize)> = Vec::new();
            for f in figs {
                match wc.iter_mut().find(|(u, _)| *u == f.unit) {
                    Some(e) => e.1 += 1,
                    None => wc.push((f.unit.clone(), 1)),
                }
            }
            wc.sort_by_key(|e| std::cmp::Reverse(e.1));
            let unit = wc.first().map(|w| w.0.clone()).unwrap_or_default();
            let keep = figs.iter().map(|f| f.unit == unit).collect();
            return (
                UnitPlan {
                    unit,
                    divisor: None,
                    base: String::new(),
                },
                keep,
            );
        };
        let keep: Vec<bool> = figs
            .iter()
            .map(|f| f.normalized.as_ref().is_some_and(|n| n.unit == base))
            .collect();
        let max = figs
            .iter()
            .zip(&keep)
            .filter(|(_, k)| **k)
            .filter_map(|(f, _)| f.normalized.as_ref().map(|n| n.value.abs()))
            .fold(0.0, f64::max);
        let (unit, divisor) = if base == "元" {
            if max >= 1e8 {
                ("亿元".to_string(), 1e8)
            } else if max >= 1e4 {
                ("万元".to_string(), 1e4)
            } else {
                ("元".to_string(), 1.0)
            }
        } else {
            (base.clone(), 1.0)
        };
        (
            UnitPlan {
                unit,
                divisor: Some(divisor),
                base,
            },
            keep,
        )
    }

    /// Value and high end of `f` in this plan's unit.
    fn convert(&self, f: &Figure) -> Option<(f64, Option<f64>)> {
        match self.divisor {
            None => (f.unit == self.unit).then_some((f.value, f.value_high)),
            Some(d) => f
                .normalized
                .as_ref()
                .filter(|n| n.unit == self.base)
                .map(|n| (n.value / d, n.value_high.map(|h| h / d))),
        }
    }
}

fn omitted_note(n: usize, zh: bool) -> Option<String> {
    (n > 0).then(|| {
        if zh {
            format!("另有 {n} 个数值因单位不同未显示。")
        } else {
            format!("{n} figure(s) in other units not shown.")
        }
    })
}

fn category(doc: &crate::compare::DocRef) -> Category {
    Category {
        label: doc.city_label(),
        sublabel: doc.period.map(|p| p.to_string()).unwrap_or_default(),
    }
}

fn row_name(names: DisplayNames, id: &str, kind: crate::model::TargetKind, lang: Lang) -> String {
    let (zh, en) = names(id);
    match lang {
        Lang::Zh => format!("{zh}（{}）", kind_name(kind, true)),
        Lang::En => format!("{en} ({})", kind_name(kind, false)),
    }
}

impl BarChart {
    /// Builds a grouped bar chart from rows `rows` of `table` (all rows when
    /// empty): one series per row, one category per document that has a
    /// figure in any of them. Each bar is the cell's headline figure; a
    /// baseline in the same cell becomes a tick across the bar.
    pub fn from_table(
        table: &ComparisonTable,
        rows: &[usize],
        names: DisplayNames,
        lang: Lang,
    ) -> Result<BarChart, ChartError> {
        let idx: Vec<usize> = if rows.is_empty() {
            (0..table.rows.len()).collect()
        } else {
            rows.to_vec()
        };
        if let Some(&bad) = idx.iter().find(|&&i| i >= table.rows.len()) {
            return Err(ChartError::NoSuchRow(bad));
        }
        let zh = lang == Lang::Zh;
        let cols: Vec<usize> = (0..table.docs.len())
            .filter(|&c| {
                idx.iter()
                    .any(|&r| table.rows[r].cells[c].headline().is_some())
            })
            .collect();
        if cols.is_empty() {
            return Err(ChartError::Empty(
                "the selected rows have no figures".into(),
            ));
        }
        // All headline figures and cell baselines decide the unit together.
        let mut figs: Vec<&Figure> = Vec::new();
        for &r in &idx {
            for &c in &cols {
                let cell = &table.rows[r].cells[c];
                figs.extend(cell.headline());
                figs.extend(cell_baseline(cell));
            }
        }
        let (plan, _) = UnitPlan::choose(&figs);
        let mut omitted = 0;
        let series: Vec<BarSeries> = idx
            .iter()
            .map(|&r| {
                let row = &table.rows[r];
                let values = cols
                    .iter()
                    .map(|&c| {
                        let cell = &row.cells[c];
                        let h = cell.headline()?;
                        let v = bar_value(&plan, h, cell_baseline(cell));
                        if v.is_none() {
                            omitted += 1;
                        }
                        v
                    })
                    .collect();
                BarSeries {
                    name: row_name(names, &row.indicator_id, row.kind, lang),
                    values,
                }
            })
            .collect();
        // Drop documents whose figures could all not be shown in the unit.
        let shown: Vec<bool> = (0..cols.len())
            .map(|k| series.iter().any(|s| s.values[k].is_some()))
            .collect();
        let cols: Vec<usize> = cols
            .iter()
            .zip(&shown)
            .filter(|(_, s)| **s)
            .map(|(c, _)| *c)
            .collect();
        let series: Vec<BarSeries> = series
            .into_iter()
            .map(|s| BarSeries {
                name: s.name,
                values: s
                    .values
                    .into_iter()
                    .zip(&shown)
                    .filter(|(_, k)| **k)
                    .map(|(v, _)| v)
                    .collect(),
            })
            .collect();
        if cols.is_empty() {
            return Err(ChartError::Empty("no figure is in a common unit".into()));
        }
        let title = if series.len() == 1 {
            series[0].name.clone()
        } else {
            let ns: Vec<String> = idx
                .iter()
                .map(|&r| names(&table.rows[r].indicator_id))
                .map(|(z, e)| if zh { z } else { e })
                .collect();
            let mut uniq: Vec<String> = Vec::new();
            for n in ns {
                if !uniq.contains(&n) {
                    uniq.push(n);
                }
            }
            uniq.join(if zh { "、" } else { ", " })
        };
        let docs: Vec<_> = cols.iter().map(|&c| table.docs[c].clone()).collect();
        let mut notes = vec![canvas::source_note(&docs, zh)];
        notes.extend(omitted_note(omitted, zh));
        Ok(BarChart {
            title,
            unit: plan.unit,
            categories: docs.iter().map(category).collect(),
            series,
            notes,
        })
    }
}

/// The baseline figure of a cell whose headline is a target, if any: the
/// latest baseline, first in document order on ties.
fn cell_baseline(cell: &crate::compare::Cell) -> Option<&Figure> {
    let h = cell.headline()?;
    if h.role != TargetRole::Target {
        return None;
    }
    let bases: Vec<Figure> = cell
        .figures
        .iter()
        .filter(|f| f.role == TargetRole::Baseline)
        .cloned()
        .collect();
    let i = crate::compare::headline_index(&bases)?;
    cell.figures
        .iter()
        .filter(|f| f.role == TargetRole::Baseline)
        .nth(i)
}

fn bar_value(plan: &UnitPlan, h: &Figure, base: Option<&Figure>) -> Option<BarValue> {
    let (v, hi) = plan.convert(h)?;
    let baseline = base.and_then(|b| {
        let (bv, bh) = plan.convert(b)?;
        let label = format_value(bv, bh, b.qualifier);
        Some((
            bv,
            match b.effective_year() {
                Some(y) => format!("{y}: {label}"),
                None => label,
            },
        ))
    });
    Some(BarValue {
        value: hi.map_or(v, |h| (v + h) / 2.0),
        label: format_value(v, hi, h.qualifier),
        hollow: h.role == TargetRole::Baseline,
        baseline,
    })
}

impl MultiplesChart {
    /// One panel per row of `table` that has figures (all rows when `rows`
    /// is empty), each panel with its own unit and only the documents that
    /// set that indicator.
    pub fn from_table(
        table: &ComparisonTable,
        rows: &[usize],
        names: DisplayNames,
        lang: Lang,
    ) -> Result<MultiplesChart, ChartError> {
        let idx: Vec<usize> = if rows.is_empty() {
            (0..table.rows.len()).collect()
        } else {
            rows.to_vec()
        };
        let zh = lang == Lang::Zh;
        let mut panels = Vec::new();
        let mut used_cols: Vec<usize> = Vec::new();
        let mut omitted = 0;
        for &r in &idx {
            let sub = ComparisonTable {
                docs: table.docs.clone(),
                rows: vec![table.rows.get(r).ok_or(ChartError::NoSuchRow(r))?.clone()],
                others: Vec::new(),
            };
            match BarChart::from_table(&sub, &[0], names, lang) {
                Ok(mut p) => {
                    omitted += p.notes.len().saturating_sub(1);
                    p.notes.clear();
                    for (c, cell) in sub.rows[0].cells.iter().enumerate() {
                        if !cell.figures.is_empty() && !used_cols.contains(&c) {
                            used_cols.push(c);
                        }
                    }
                    panels.push(p);
                }
                Err(ChartError::Empty(_)) => {}
                Err(e) => return Err(e),
            }
        }
        if panels.is_empty() {
            return Err(ChartError::Empty("no row has figures".into()));
        }
        used_cols.sort_unstable();
        let docs: Vec<_> = used_cols.iter().map(|&c| table.docs[c].clone()).collect();
        let mut notes = vec![canvas::source_note(&docs, zh)];
        if omitted > 0 {
            notes.push(if zh {
                "部分数值因单位不同未显示。".into()
            } else {
                "Some figures in other units are not shown.".into()
            });
        }
        Ok(MultiplesChart {
            title: if zh {
                "主要指标目标值对比".into()
            } else {
                "Key indicator targets compared".into()
            },
            panels,
            notes,
        })
    }
}

impl HeatmapChart {
    /// Builds the coverage heatmap: indicators × documents.
    pub fn from_coverage(
        cov: &CoverageMatrix,
        names: DisplayNames,
        lang: Lang,
    ) -> Result<HeatmapChart, ChartError> {
        if cov.indicators.is_empty() || cov.docs.is_empty() {
            return Err(ChartError::Empty("the coverage matrix is empty".into()));
        }
        let zh = lang == Lang::Zh;
        Ok(HeatmapChart {
            title: if zh {
                "各文件量化指标覆盖情况".into()
            } else {
                "Which plans set which indicators".into()
            },
            rows: cov
                .indicators
                .iter()
                .map(|id| {
                    let (z, e) = names(id);
                    if zh {
                        z
                    } else {
                        e
                    }
                })
                .collect(),
            cols: cov.docs.iter().map(category).collect(),
            counts: cov.counts.clone(),
            notes: vec![
                if zh {
                    "格中数字：该文件为该指标设定的数值个数。".into()
                } else {
                    "Cell: number of figures the plan sets for the indicator.".into()
                },
                canvas::source_note(&cov.docs, zh),
            ],
        })
    }
}

impl HeatmapChart {
    /// Builds the theme coverage heatmap: themes (rows, as `(zh, en)` names)
    /// × documents; `counts[theme][doc]` are task items, or targets inside
    /// them when `targets` is set.
    pub fn from_themes(
        docs: &[crate::compare::DocRef],
        themes: &[(String, String)],
        counts: Vec<Vec<usize>>,
        targets: bool,
        lang: Lang,
    ) -> Result<HeatmapChart, ChartError> {
        if docs.is_empty() || themes.is_empty() {
            return Err(ChartError::Empty("no documents or no themes".into()));
        }
        let zh = lang == Lang::Zh;
        let note = match (zh, targets) {
            (true, false) => "格中数字：该文件中属于该主题的任务条目数（一条可属多个主题）。",
            (true, true) => "格中数字：该文件中属于该主题的任务条目所含量化指标数。",
            (false, false) => {
                "Cell: task items of the plan under the theme (an item may have several themes)."
            }
            (false, true) => {
                "Cell: quantitative targets inside the plan's task items under the theme."
            }
        };
        Ok(HeatmapChart {
            title: match (zh, targets) {
                (true, false) => "各文件重点任务的主题分布".into(),
                (true, true) => "各主题下的量化指标数".into(),
                (false, false) => "Themes of the plans' task items".into(),
                (false, true) => "Targets under each theme".into(),
            },
            rows: themes
                .iter()
                .map(|(z, e)| if zh { z.clone() } else { e.clone() })
                .collect(),
            cols: docs.iter().map(category).collect(),
            counts,
            notes: vec![note.into(), canvas::source_note(docs, zh)],
        })
    }
}

impl TimelineChart {
    /// Builds a timeline: one series per kind, points at their years.
    pub fn from_timeline(
        tl: &Timeline,
        names: DisplayNames,
        lang: Lang,
    ) -> Result<TimelineChart, ChartError> {
        let zh = lang == Lang::Zh;
        let figs: Vec<&Figure> = tl
            .series
            .iter()
            .flat_map(|(_, p)| p.iter().map(|p| &p.figure))
            .collect();
        if figs.is_empty() {
            return Err(ChartError::Empty(format!(
                "{} has no figures for {}",
                tl.city, tl.indicator_id
            )));
        }
        let (plan, _) = UnitPlan::choose(&figs);
        let mut omitted = 0;
        let series = tl
            .series
            .iter()
            .map(|(kind, pts)| TimeSeries {
                name: if zh {
                    kind_name(*kind, true).to_string()
                } else {
                    kind_name(*kind, false).to_string()
                },
                points: pts
                    .iter()
                    .filter_map(|p| {
                        let Some((v, hi)) = plan.convert(&p.figure) else {
                            omitted += 1;
                            return None;
                        };
                        Some(TimePoint {
                            year: p.year,
                            value: hi.map_or(v, |h| (v + h) / 2.0),
                            label: format_value(v, hi, p.figure.qualifier),
                            hollow: p.figure.role == TargetRole::Baseline,
                        })
                    })
                    .collect(),
            })
            .filter(|s| !s.points.is_empty())
            .collect();
        let (z, e) = names(&tl.indicator_id);
        let mut notes = vec![canvas::source_note(&tl.docs, zh)];
        notes.extend(omitted_note(omitted, zh));
        Ok(TimelineChart {
            title: if zh {
                format!("{}：{}", tl.city, z)
            } else {
                format!("{}: {}", tl.city, e)
            },
            unit: plan.unit,
            series,
            notes,
        })
    }
}
