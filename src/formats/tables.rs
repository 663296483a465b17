//! Indicator tables (主要指标表) read into target records: the one reader for
//! tables of files and tables written as text lines.
//!
//! Five-year plans carry a table of their main indicators with columns such
//! as 指标, 单位, 2020年 (base year), 2025年 (target), 年均增长 and 属性
//! (约束性/预期性). A table comes as a [`TableLayout`], rows of cells with
//! their offsets: from a docx, pdf or html file ([`super::render`]), or from
//! plain text lines such as a table copied from a PDF, where cells are apart
//! by whitespace or `|` ([`text_layouts`]). [`table_targets`] recognises an
//! indicator table by its header row(s), gives each column a role, and turns
//! each data row into a baseline and a target (and an annual-growth rate when
//! there is such a column), each pointing at the cell it was read from. A
//! table without an indicator column and a value column is not an indicator
//! table and yields nothing; its text is left to the ordinary extraction.
//!
//! Cell values understood: `3.5`, `≥3`, `>50`, `3以上`, `1-2`, `1～2`,
//! `5%`, `[10]`/`〔10〕` (cumulative over the period: an increment unless the
//! indicator names a level such as 累计); `—`, `-`, `/` and blanks are
//! skipped.

use serde::Serialize;

use super::{CellSpan, TableLayout};
use crate::model::{DocumentMeta, ParsedPlan, Period, Qualifier, Target, TargetKind, TargetRole};
use crate::targets::{normalize, Catalog};

/// 约束性 (binding) or 预期性 (expected), as plans mark their indicators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Binding {
    /// 约束性.
    Binding,
    /// 预期性.
    Expected,
}

impl Binding {
    /// Lowercase name, as stored.
    pub fn as_str(self) -> &'static str {
        match self {
            Binding::Binding => "binding",
            Binding::Expected => "expected",
        }
    }

    /// The attribute named by [`Binding::as_str`], if `s` is one.
    pub fn parse(s: &str) -> Option<Binding> {
        match s {
            "binding" => Some(Binding::Binding),
            "expected" => Some(Binding::Expected),
            _ => None,
        }
    }

    fn find(s: &str) -> Option<Binding> {
        if s.contains("约束") {
            Some(Binding::Binding)
        } else if s.contains("预期") {
            Some(Binding::Expected)
        } else {
            None
        }
    }
}

/// The table cell a target was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CellRef {
    /// Table index in the document (0-based).
    pub table: usize,
    /// Row index in the table (0-based, header rows included).
    pub row: usize,
    /// Column index (0-based).
    pub column: usize,
}

/// Table provenance of one target of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TargetCell {
    /// Index of the target in the document's targets.
    pub target: usize,
    /// The cell it was read from.
    pub cell: CellRef,
    /// 约束性/预期性, when the row says.
    pub binding: Option<Binding>,
}

/// A target read from a table, with its cell and attribute.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TableTarget {
    /// The record; its `start`/`end` are the cell's offsets.
    pub target: Target,
    /// Where it was read.
    pub cell: CellRef,
    /// 约束性/预期性, when the row says.
    pub binding: Option<Binding>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Column {
    Indicator,
    Unit,
    /// Values of a year; `role` when the header says (基期, 目标), else
    /// decided from the year ([`value_role`]).
    Value {
        role: Option<TargetRole>,
        year: Option<i32>,
    },
    Growth,
    Attribute,
    Other,
}

fn year_in(s: &str) -> Option<i32> {
    let chars: Vec<char> = s.chars().collect();
    for w in chars.windows(4) {
        if w.iter().all(|c| c.is_ascii_digit()) {
            let y: i32 = w.iter().collect::<String>().parse().ok()?;
            if (1990..=2100).contains(&y) {
                return Some(y);
            }
        }
    }
    None
}

fn column_role(header: &str) -> Column {
    let h: String = header.chars().filter(|c| !c.is_whitespace()).collect();
    if h.contains("属性") || h.contains("性质") || h.contains("类型") {
        Column::Attribute
    } else if h.contains("年均") || h.contains("增速") || h.contains("增长率") {
        Column::Growth
    } else if h.contains("单位") {
        Column::Unit
    } else if h.contains("基期") || h.contains("基准") || h.contains("基数") || h.contains("现状")
    {
        Column::Value {
            role: Some(TargetRole::Baseline),
            year: year_in(&h),
        }
    } else if h.contains("目标") || h.contains("规划") || h.contains("预期值") {
        Column::Value {
            role: Some(TargetRole::Target),
            year: year_in(&h),
        }
    } else if let Some(y) = year_in(&h) {
        Column::Value {
            role: None,
            year: Some(y),
        }
    } else if h.contains("指标") || h.contains("名称") || h.contains("项目") {
        Column::Indicator
    } else {
        Column::Other
    }
}

/// A parsed value cell.
#[derive(Debug, Clone, PartialEq)]
struct CellValue {
    value: f64,
    high: Option<f64>,
    qualifier: Qualifier,
    cumulative: bool,
    unit: String,
}

fn parse_number(s: &str) -> Option<(f64, usize)> {
    let mut end = 0;
    let mut seen_digit = false;
    for (i, c) in s.char_indices() {
        if c.is_ascii_digit() {
            seen_digit = true;
            end = i + 1;
        } else if (c == '.' || c == ',') && seen_digit {
            end = i + 1;
        } else {
            break;
        }
    }
    if !seen_digit {
        return None;
    }
    let num: String = s[..end].chars().filter(|c| *c != ',').collect();
    let num = num.trim_end_matches('.');
    num.parse().ok().map(|v| (v, end))
}

fn parse_cell(raw: &str) -> Option<CellValue> {
    let s: String = raw
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' => '.',
            '％' => '%',
            '＞' => '>',
            '＜' => '<',
            '～' | '〜' | '~' | '—' | '–' | '－' => '-',
            o => o,
        })
        .collect();
    let mut rest = s.as_str();
    let mut cumulative = false;
    for (open, close) in [("[", "]"), ("〔", "〕"), ("【", "】")] {
        if let Some(inner) = rest.strip_prefix(open).and_then(|r| r.strip_suffix(close)) {
            rest = inner;
            cumulative = true;
        }
    }
    let mut qualifier = Qualifier::Exact;
    for (p, q) in [
        ("≥", Qualifier::AtLeast),
        (">=", Qualifier::AtLeast),
        (">", Qualifier::AtLeast),
        ("≤", Qualifier::AtMost),
        ("<=", Qualifier::AtMost),
        ("<", Qualifier::AtMost),
        ("约", Qualifier::About),
    ] {
        if let Some(r) = rest.strip_prefix(p) {
            rest = r;
            qualifier = q;
            break;
        }
    }
    let (value, used) = parse_number(rest)?;
    rest = &rest[used..];
    let mut high = None;
    if let Some(r) = rest.strip_prefix('-') {
        if let Some((h, u)) = parse_number(r) {
            if h > value {
                high = Some(h);
            }
            rest = &r[u..];
        }
    }
    for (w, q) in [
        ("以上", Qualifier::AtLeast),
        ("左右", Qualifier::About),
        ("以内", Qualifier::AtMost),
        ("以下", Qualifier::AtMost),
    ] {
        if let Some(r) = rest.strip_suffix(w) {
            rest = r;
            qualifier = q;
        }
    }
    // What is left must be a unit (or nothing); anything else is prose or
    // a date (`2020年`).
    let unit = rest.to_string();
    if unit.chars().count() > 4
        || unit.chars().any(|c| c.is_ascii_digit())
        || unit.starts_with('年')
    {
        return None;
    }
    Some(CellValue {
        value,
        high,
        qualifier,
        cumulative,
        unit,
    })
}

/// Splits `研发投入强度(%)` into the indicator and the unit in brackets.
fn split_unit(s: &str) -> (String, Option<String>) {
    let t = s.trim();
    for (open, close) in [('(', ')'), ('（', '）')] {
        if let Some(stripped) = t.strip_suffix(close) {
            if let Some(i) = stripped.rfind(open) {
                let unit = stripped[i + open.len_utf8()..].trim();
                let name = stripped[..i].trim();
                if !unit.is_empty() && unit.chars().count() <= 6 && !name.is_empty() {
                    return (name.to_string(), Some(unit.replace('％', "%")));
                }
            }
        }
    }
    (t.to_string(), None)
}

/// Strips a leading serial number such as `1.`, `1、`, `(1)`, `①`.
fn strip_serial(s: &str) -> &str {
    let t = s.trim_start();
    let digits = t.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 && digits < 3 {
        let rest = &t[digits..];
        for p in ['.', '、', '．', ' '] {
            if let Some(r) = rest.strip_prefix(p) {
                return r.trim_start();
            }
        }
    }
    if let Some(c) = t.chars().next() {
        if ('①'..='⑳').contains(&c) {
            return t[c.len_utf8()..].trim_start();
        }
    }
    t
}

fn is_rate(unit: &str, indicator: &str) -> bool {
    matches!(unit, "%" | "‰" | "个百分点" | "倍")
        || unit.contains('/')
        || unit.starts_with('每')
        || ["率", "比重", "占比", "强度", "比例", "每万", "人均", "密度"]
            .iter()
            .any(|w| indicator.contains(w))
        || crate::targets::is_intensity(indicator)
}

/// The kind of a table value: a rate by its unit or name; else what the name
/// says (`新增…` an increment, `累计…`/`…数量` a stock); else an increment
/// for a cumulative cell (`[500]`), a stock otherwise.
fn value_kind(unit: &str, indicator: &str, cumulative: bool) -> TargetKind {
    if is_rate(unit, indicator) {
        TargetKind::Rate
    } else if let Some(k) = crate::targets::name_kind(indicator) {
        k
    } else if cumulative {
        TargetKind::Increment
    } else {
        TargetKind::Stock
    }
}

/// The role of a value column: as its header says, else a year before the
/// plan period is a baseline and one within it a target; without a period,
/// the earliest of several year columns is the baseline.
fn value_role(
    role: Option<TargetRole>,
    year: Option<i32>,
    years: &[i32],
    period: Option<Period>,
) -> TargetRole {
    match (role, year, period) {
        (Some(r), _, _) => r,
        (None, Some(y), Some(p)) if y < p.start => TargetRole::Baseline,
        (None, Some(y), None) if years.len() >= 2 && years.iter().min() == Some(&y) => {
            TargetRole::Baseline
        }
        _ => TargetRole::Target,
    }
}

/// Reads the targets of every indicator table. Tables that are not
/// indicator tables yield nothing. The result is in table, row, column order.
pub fn table_targets(
    tables: &[TableLayout],
    plan: &ParsedPlan,
    meta: &DocumentMeta,
    catalog: &Catalog,
) -> Vec<TableTarget> {
    let mut out = Vec::new();
    for (ti, t) in tables.iter().enumerate() {
        out.extend(one_table(ti, t, plan, meta, catalog));
    }
    out
}

/// Whether `c` separates the cells of a table written as text.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || c == '|' || c == '｜'
}

/// The cells of the text line `[start, end)`: runs of characters between
/// separators.
fn text_cells(chars: &[char], start: usize, end: usize) -> Vec<CellSpan> {
    let mut out = Vec::new();
    let mut k = start;
    while k < end {
        while k < end && is_separator(chars[k]) {
            k += 1;
        }
        let s = k;
        while k < end && !is_separator(chars[k]) {
            k += 1;
        }
        if k > s {
            out.push(CellSpan {
                text: chars[s..k].iter().collect(),
                start: s,
                end: k,
            });
        }
    }
    out
}

/// Lines of `chars` as `[start, end)` character ranges, without the break.
fn line_ranges(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut s = 0;
    for (i, &c) in chars.iter().enumerate() {
        if c == '\n' {
            out.push((s, i));
            s = i + 1;
        }
    }
    if s < chars.len() {
        out.push((s, chars.len()));
    }
    out
}

/// Whether the cells of a text line are a header: three or more short
/// column titles, one naming the indicator and one a value column.
fn is_text_header(cells: &[CellSpan]) -> bool {
    if cells.len() < 3 || cells.iter().any(|c| c.text.chars().count() > 12) {
        return false;
    }
    let roles: Vec<Column> = cells.iter().map(|c| column_role(&c.text)).collect();
    roles.contains(&Column::Indicator) && roles.iter().any(|r| matches!(r, Column::Value { .. }))
}

/// Whether the cells of a text line are a row under a header of `width`
/// cells: about as many cells, a name, and a value after it.
fn is_text_row(cells: &[CellSpan], width: usize) -> bool {
    if cells.len() + 2 < width || cells.len() > width + 1 {
        return false;
    }
    let is_name = |c: &CellSpan| {
        c.text
            .chars()
            .any(|ch| ch.is_alphabetic() && !ch.is_ascii())
            && parse_cell(&c.text).is_none()
    };
    cells
        .iter()
        .position(is_name)
        .is_some_and(|n| cells[n + 1..].iter().any(|c| parse_cell(&c.text).is_some()))
}

/// Finds the indicator tables written as text lines (a header line, then
/// one row a line; cells apart by whitespace or `|`) outside the character
/// ranges `skip` (tables a file reader already laid out), as layouts like
/// those of the file readers. Rows are aligned on their last cell: a row
/// with fewer cells than the widest line (a category named only on the
/// first row of its group, no serial number) gets empty cells in front,
/// at its first cell's offset.
pub fn text_layouts(text: &str, skip: &[(usize, usize)]) -> Vec<TableLayout> {
    let chars: Vec<char> = text.chars().collect();
    let lines = line_ranges(&chars);
    let free = |(s, e): (usize, usize)| !skip.iter().any(|&(a, b)| s < b && a < e.max(s + 1));
    let mut out = Vec::new();
    let mut li = 0;
    while li < lines.len() {
        let header = text_cells(&chars, lines[li].0, lines[li].1);
        if !free(lines[li]) || !is_text_header(&header) {
            li += 1;
            continue;
        }
        let width = header.len();
        let mut rows = vec![header];
        let mut next = li + 1;
        while next < lines.len() && free(lines[next]) {
            let row = text_cells(&chars, lines[next].0, lines[next].1);
            if !is_text_row(&row, width) {
                break;
            }
            rows.push(row);
            next += 1;
        }
        let widest = rows.iter().map(Vec::len).max().unwrap_or(0);
        for row in &mut rows {
            let at = row.first().map_or(0, |c| c.start);
            let pad = widest - row.len();
            row.splice(
                0..0,
                (0..pad).map(|_| CellSpan {
                    text: String::new(),
                    start: at,
                    end: at,
                }),
            );
        }
        let layout = TableLayout {
            rows,
            start: lines[li].0,
            end: (lines[next - 1].1 + 1).min(chars.len()),
        };
        if next > li + 1 && is_indicator_table(&layout) {
            out.push(layout);
            li = next;
        } else {
            li += 1;
        }
    }
    out
}

/// Finds the tables that targets were read from again in a document's text,
/// from the cells of those targets: `anchors` are (cell, character offset of
/// the cell's first character). A table laid out by [`super::render`] (one
/// row a line, cells separated by a tab) runs from its first row to its last
/// anchored row and on over the following lines that hold a tab; a table
/// written as text is found again by [`text_layouts`]. A table whose anchors
/// do not all land on their cells is left out, so what is returned always
/// agrees with the stored cells. Returns (table index, layout), by table
/// index.
pub fn layouts_in_text(text: &str, anchors: &[(CellRef, usize)]) -> Vec<(usize, TableLayout)> {
    let chars: Vec<char> = text.chars().collect();
    let lines = line_ranges(&chars);
    let n = chars.len();
    let line_of = |offset: usize| -> Option<usize> {
        let i = lines
            .partition_point(|&(s, _)| s <= offset)
            .checked_sub(1)?;
        (offset <= lines[i].1).then_some(i)
    };
    let has_tab = |i: usize| chars[lines[i].0..lines[i].1].contains(&'\t');
    let row_cells = |i: usize| -> Vec<CellSpan> {
        let (s, e) = lines[i];
        let mut cells = Vec::new();
        let mut at = s;
        for piece in chars[s..e].split(|&c| c == '\t') {
            cells.push(CellSpan {
                text: piece.iter().collect(),
                start: at,
                end: at + piece.len(),
            });
            at += piece.len() + 1;
        }
        cells
    };
    // The table of `mine` as rendered: tab-separated lines.
    let by_tabs = |mine: &[&(CellRef, usize)]| -> Option<TableLayout> {
        let mut first = None;
        for (cell, offset) in mine {
            let row0 = line_of(*offset).and_then(|l| l.checked_sub(cell.row))?;
            if first.is_some_and(|f| f != row0) {
                return None;
            }
            first = Some(row0);
        }
        let row0 = first?;
        let mut last = row0 + mine.iter().map(|(c, _)| c.row).max().unwrap_or(0);
        while last + 1 < lines.len() && has_tab(last + 1) {
            last += 1;
        }
        if last >= lines.len() {
            return None;
        }
        Some(TableLayout {
            rows: (row0..=last).map(row_cells).collect(),
            start: lines[row0].0,
            end: (lines[last].1 + 1).min(n),
        })
    };
    let agrees = |t: &TableLayout, mine: &[&(CellRef, usize)]| {
        mine.iter().all(|(c, offset)| {
            t.rows
                .get(c.row)
                .and_then(|r| r.get(c.column))
                .is_some_and(|cell| cell.start == *offset)
        })
    };
    let mut written: Option<Vec<TableLayout>> = None;

    let mut indices: Vec<usize> = anchors.iter().map(|(c, _)| c.table).collect();
    indices.sort_unstable();
    indices.dedup();
    let mut out = Vec::new();
    for table in indices {
        let mine: Vec<&(CellRef, usize)> =
            anchors.iter().filter(|(c, _)| c.table == table).collect();
        let found = by_tabs(&mine).filter(|t| agrees(t, &mine)).or_else(|| {
            written
                .get_or_insert_with(|| text_layouts(text, &[]))
                .iter()
                .find(|t| agrees(t, &mine))
                .cloned()
        });
        if let Some(t) = found {
            out.push((table, t));
        }
    }
    out
}

/// Whether a table is an indicator table (so that its text is not also read
/// by the ordinary extraction).
pub fn is_indicator_table(t: &TableLayout) -> bool {
    header(t).is_some()
}

/// Header row count and column roles, if this is an indicator table.
fn header(t: &TableLayout) -> Option<(usize, Vec<Column>)> {
    let width = t.rows.iter().map(Vec::len).max()?;
    // Header rows: before the first row with a number in a column past the
    // first two; at most three.
    let first_data = t
        .rows
        .iter()
        .position(|r| r.iter().skip(2).any(|c| parse_cell(&c.text).is_some()))?;
    if first_data == 0 || first_data > 3 {
        return None;
    }
    let mut roles = Vec::with_capacity(width);
    for col in 0..width {
        let mut h = String::new();
        for r in &t.rows[..first_data] {
            if let Some(c) = r.get(col) {
                if !h.contains(c.text.as_str()) {
                    h.push_str(&c.text);
                }
            }
        }
        roles.push(column_role(&h));
    }
    let has_indicator = roles.contains(&Column::Indicator);
    let has_value = roles.iter().any(|r| matches!(r, Column::Value { .. }));
    (has_indicator && has_value).then_some((first_data, roles))
}

fn one_table(
    ti: usize,
    t: &TableLayout,
    plan: &ParsedPlan,
    meta: &DocumentMeta,
    catalog: &Catalog,
) -> Vec<TableTarget> {
    let Some((first_data, columns)) = header(t) else {
        return Vec::new();
    };
    let ind_col = columns
        .iter()
        .rposition(|r| *r == Column::Indicator)
        .unwrap_or(0);
    let unit_col = columns.iter().position(|r| *r == Column::Unit);
    let years: Vec<i32> = columns
        .iter()
        .filter_map(|r| match r {
            Column::Value { year: Some(y), .. } => Some(*y),
            _ => None,
        })
        .collect();
    // Each value column's role and year.
    let values: Vec<Option<(TargetRole, Option<i32>)>> = columns
        .iter()
        .map(|r| match *r {
            Column::Value { role, year } => {
                let role = value_role(role, year, &years, meta.period);
                let year = year.or(match (role, meta.period) {
                    (_, None) => None,
                    (TargetRole::Target, Some(p)) => Some(p.end),
                    (TargetRole::Baseline, Some(p)) => Some(p.start - 1),
                });
                Some((role, year))
            }
            _ => None,
        })
        .collect();
    let growth_year = values
        .iter()
        .flatten()
        .filter(|(r, _)| *r == TargetRole::Target)
        .filter_map(|(_, y)| *y)
        .max()
        .or(meta.period.map(|p| p.end));
    let mut out = Vec::new();
    for (ri, row) in t.rows.iter().enumerate().skip(first_data) {
        let Some(ind_cell) = row.get(ind_col) else {
            continue;
        };
        let (indicator, bracket_unit) = split_unit(strip_serial(&ind_cell.text));
        if indicator.is_empty() || parse_cell(&indicator).is_some() {
            continue;
        }
        let col_unit = unit_col
            .and_then(|c| row.get(c))
            .map(|c| c.text.trim().replace('％', "%"))
            .filter(|u| {
                !u.is_empty() && u.chars().count() <= 6 && !matches!(u.as_str(), "-" | "—" | "/")
            });
        let binding = row.iter().find_map(|c| Binding::find(&c.text));
        for (ci, column) in columns.iter().enumerate() {
            let Some(cell) = row.get(ci) else { continue };
            let (trole, year, growth) = match (column, values[ci]) {
                (_, Some((role, year))) => (role, year, false),
                (Column::Growth, _) => (TargetRole::Target, growth_year, true),
                _ => continue,
            };
            let Some(v) = parse_cell(&cell.text) else {
                continue;
            };
            let (indicator, unit) = if growth {
                (format!("{indicator}年均增长"), "%".to_string())
            } else {
                let unit = col_unit
                    .clone()
                    .or_else(|| bracket_unit.clone())
                    .or_else(|| (!v.unit.is_empty()).then(|| v.unit.clone()))
                    .unwrap_or_default();
                (indicator.clone(), unit)
            };
            let kind = if growth {
                TargetKind::Rate
            } else {
                value_kind(&unit, &indicator, v.cumulative)
            };
            let mapped = catalog.lookup_for(&indicator, &unit, Some(kind));
            let indicator_id = mapped.map(|i| i.id.clone());
            out.push(TableTarget {
                target: Target {
                    quote: cell.text.clone(),
                    start: cell.start,
                    end: cell.end,
                    indicator,
                    indicator_id,
                    value: v.value,
                    value_high: v.high,
                    stretch: None,
                    normalized: crate::targets::comparable(
                        normalize(v.value, v.high, &unit),
                        mapped,
                    ),
                    group: None,
                    unit,
                    qualifier: v.qualifier,
                    kind,
                    role: trole,
                    year,
                    section: crate::targets::section_path(plan, cell.start),
                    task: plan
                        .tasks
                        .iter()
                        .position(|t| t.start <= cell.start && cell.start < t.end),
                },
                cell: CellRef {
                    table: ti,
                    row: ri,
                    column: ci,
                },
                binding,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::{render, Block};
    use crate::model::{Period, PlanKind};

    #[test]
    fn layouts_are_found_again_from_their_anchored_cells() {
        let rows = |r: &[&[&str]]| -> Vec<Vec<String>> {
            r.iter()
                .map(|r| r.iter().map(|c| c.to_string()).collect())
                .collect()
        };
        let (text, tables) = render(&[
            Block::Paragraph("一、主要指标".into()),
            Block::Table(rows(&[&["名称", "说明"], &["甲", "乙"]])),
            Block::Paragraph("表1 主要指标".into()),
            Block::Table(rows(&[
                &["指标", "单位", "2025年", "属性"],
                &["高新技术企业数量", "家", "≥600", "预期性"],
                &["研发经费投入强度", "%", "2.5", "约束性"],
                &["技术合同成交额", "亿元", "30", "预期性"],
            ])),
            Block::Paragraph("注:[ ]内为五年累计数。".into()),
        ]);
        let at = |t: usize, r: usize, c: usize| {
            (
                CellRef {
                    table: t,
                    row: r,
                    column: c,
                },
                tables[t].rows[r][c].start,
            )
        };
        // Anchors in rows 1 and 2 only: the table still runs to its last row.
        let found = layouts_in_text(&text, &[at(1, 1, 2), at(1, 2, 2)]);
        assert_eq!(found, vec![(1, tables[1].clone())]);
        // A table whose anchors disagree with the text is left out.
        let (cell, offset) = at(1, 1, 2);
        assert!(layouts_in_text(&text, &[(cell, offset + 1)]).is_empty());
        let moved = CellRef { row: 2, ..cell };
        assert!(layouts_in_text(&text, &[(cell, offset), (moved, offset)]).is_empty());
        assert!(layouts_in_text(&text, &[(cell, text.chars().count() + 5)]).is_empty());
        assert!(layouts_in_text("", &[(cell, 0)]).is_empty());
    }

    fn table(rows: &[&[&str]]) -> (String, Vec<TableLayout>) {
        render(&[Block::Table(
            rows.iter()
                .map(|r| r.iter().map(|c| c.to_string()).collect())
                .collect(),
        )])
    }

    fn meta() -> DocumentMeta {
        DocumentMeta {
            kind: PlanKind::FiveYearPlan,
            period: Some(Period {
                start: 2021,
                end: 2025,
            }),
            ..Default::default()
        }
    }

    #[test]
    fn indicator_table_rows_become_baseline_and_target() {
        let (text, tables) = table(&[
            &[
                "序号",
                "指标",
                "单位",
                "2020年",
                "2025年",
                "年均增长",
                "属性",
            ],
            &[
                "1",
                "研发经费投入强度",
                "%",
                "2.1",
                "2.8",
                "[0.7]",
                "预期性",
            ],
            &[
                "2",
                "高新技术企业数量",
                "家",
                "296",
                "≥600",
                "15%",
                "预期性",
            ],
            &[
                "3",
                "新增省级以上研发平台",
                "个",
                "—",
                "[50]",
                "—",
                "约束性",
            ],
        ]);
        let ts = table_targets(
            &tables,
            &ParsedPlan::default(),
            &meta(),
            &Catalog::builtin(),
        );
        let chars: Vec<char> = text.chars().collect();
        for t in &ts {
            let s: String = chars[t.target.start..t.target.end].iter().collect();
            assert_eq!(s, t.target.quote);
        }
        type Row<'a> = (String, f64, &'a str, Option<i32>, TargetRole, TargetKind);
        let summary: Vec<Row<'_>> = ts
            .iter()
            .map(|t| {
                (
                    t.target.indicator.clone(),
                    t.target.value,
                    t.target.unit.as_str(),
                    t.target.year,
                    t.target.role,
                    t.target.kind,
                )
            })
            .collect();
        use TargetKind::*;
        use TargetRole::*;
        assert_eq!(
            summary,
            [
                (
                    "研发经费投入强度".into(),
                    2.1,
                    "%",
                    Some(2020),
                    Baseline,
                    Rate
                ),
                (
                    "研发经费投入强度".into(),
                    2.8,
                    "%",
                    Some(2025),
                    Target,
                    Rate
                ),
                (
                    "研发经费投入强度年均增长".into(),
                    0.7,
                    "%",
                    Some(2025),
                    Target,
                    Rate
                ),
                (
                    "高新技术企业数量".into(),
                    296.0,
                    "家",
                    Some(2020),
                    Baseline,
                    Stock
                ),
                (
                    "高新技术企业数量".into(),
                    600.0,
                    "家",
                    Some(2025),
                    Target,
                    Stock
                ),
                (
                    "高新技术企业数量年均增长".into(),
                    15.0,
                    "%",
                    Some(2025),
                    Target,
                    Rate
                ),
                (
                    "新增省级以上研发平台".into(),
                    50.0,
                    "个",
                    Some(2025),
                    Target,
                    Increment
                ),
            ]
        );
        assert_eq!(ts[4].target.qualifier, Qualifier::AtLeast);
        assert_eq!(ts[0].binding, Some(Binding::Expected));
        assert_eq!(ts[6].binding, Some(Binding::Binding));
        assert_eq!(
            ts[1].cell,
            CellRef {
                table: 0,
                row: 1,
                column: 4
            }
        );
    }

    #[test]
    fn two_header_rows_and_units_in_brackets() {
        let (_, tables) = table(&[
            &["指标名称", "基期值", "目标值", "指标属性"],
            &["", "2020年", "2025年", ""],
            &["技术合同成交额（亿元）", "55.15", "100以上", "预期性"],
        ]);
        let ts = table_targets(
            &tables,
            &ParsedPlan::default(),
            &meta(),
            &Catalog::builtin(),
        );
        assert_eq!(ts.len(), 2);
        assert_eq!(ts[0].target.indicator, "技术合同成交额");
        assert_eq!(ts[0].target.unit, "亿元");
        assert_eq!(ts[0].target.role, TargetRole::Baseline);
        assert_eq!(ts[1].target.qualifier, Qualifier::AtLeast);
        assert_eq!(ts[1].target.year, Some(2025));
    }

    #[test]
    fn other_tables_yield_nothing() {
        // A schedule, not an indicator table.
        let (_, tables) = table(&[
            &["任务", "责任单位", "完成时限"],
            &["建设科技园区", "市科技局", "2024年12月"],
        ]);
        assert!(table_targets(
            &tables,
            &ParsedPlan::default(),
            &meta(),
            &Catalog::builtin()
        )
        .is_empty());
        // Numbers but no indicator column.
        let (_, tables) = table(&[&["年份", "2020", "2021"], &["产值", "10", "12"]]);
        assert!(!is_indicator_table(&tables[0]));
    }

    /// (indicator, value, unit, year, role, kind, cell text) of the tables
    /// written as text in `text`.
    fn text_table(text: &str) -> Vec<(String, f64, String, Option<i32>, TargetRole, TargetKind)> {
        let tables = text_layouts(text, &[]);
        let ts = table_targets(
            &tables,
            &ParsedPlan::default(),
            &meta(),
            &Catalog::builtin(),
        );
        let chars: Vec<char> = text.chars().collect();
        for t in &ts {
            let cell = &tables[t.cell.table].rows[t.cell.row][t.cell.column];
            assert_eq!((t.target.start, t.target.end), (cell.start, cell.end));
            let s: String = chars[cell.start..cell.end].iter().collect();
            assert_eq!(s, t.target.quote);
        }
        ts.into_iter()
            .map(|t| {
                (
                    t.target.indicator,
                    t.target.value,
                    t.target.unit,
                    t.target.year,
                    t.target.role,
                    t.target.kind,
                )
            })
            .collect()
    }

    #[test]
    fn tables_written_as_text_lines() {
        use TargetKind::*;
        use TargetRole::*;
        let t = "序号　指标　2020年　2025年　属性\n1　研发投入强度（％）　2.1　≥3.0　预期性\n2　高新技术企业（家）　300　600以上　预期性\n\n正文";
        assert_eq!(
            text_table(t),
            [
                (
                    "研发投入强度".into(),
                    2.1,
                    "%".into(),
                    Some(2020),
                    Baseline,
                    Rate
                ),
                (
                    "研发投入强度".into(),
                    3.0,
                    "%".into(),
                    Some(2025),
                    Target,
                    Rate
                ),
                (
                    "高新技术企业".into(),
                    300.0,
                    "家".into(),
                    Some(2020),
                    Baseline,
                    Stock
                ),
                (
                    "高新技术企业".into(),
                    600.0,
                    "家".into(),
                    Some(2025),
                    Target,
                    Stock
                ),
            ]
        );
        // A unit column, a missing base value.
        let t = "指标名称\t单位\t2020年基数\t2025年目标\n技术合同成交额\t亿元\t—\t80\n";
        assert_eq!(
            text_table(t),
            [(
                "技术合同成交额".into(),
                80.0,
                "亿元".into(),
                Some(2025),
                Target,
                Stock
            )]
        );
        // A category named on the first row of its group only; a five-year
        // total with no base; a name holding an action word (孵化) is a stock.
        let t = "类别 序号 指标名称 单位 2020年 2025年 属性\n\
                 创新投入 1 研发经费投入 亿元 22.6 80 预期性\n\
                 2 科技企业孵化器 家 21 40 预期性\n\
                 创新产出 3 转化科技成果 项 — [500] 预期性\n\
                 注：[ ]内为五年累计数。";
        assert_eq!(
            text_table(t),
            [
                (
                    "研发经费投入".into(),
                    22.6,
                    "亿元".into(),
                    Some(2020),
                    Baseline,
                    Stock
                ),
                (
                    "研发经费投入".into(),
                    80.0,
                    "亿元".into(),
                    Some(2025),
                    Target,
                    Stock
                ),
                (
                    "科技企业孵化器".into(),
                    21.0,
                    "家".into(),
                    Some(2020),
                    Baseline,
                    Stock
                ),
                (
                    "科技企业孵化器".into(),
                    40.0,
                    "家".into(),
                    Some(2025),
                    Target,
                    Stock
                ),
                (
                    "转化科技成果".into(),
                    500.0,
                    "项".into(),
                    Some(2025),
                    Target,
                    Increment
                ),
            ]
        );
    }

    #[test]
    fn text_that_is_no_table() {
        for t in [
            "2020年 2025年\n1 2 3",
            "到2025年,研发投入强度达到2.5%。",
            "序号　指标　2020年　2025年\n一、重点任务\n",
            "",
        ] {
            assert!(text_layouts(t, &[]).is_empty(), "{t}");
        }
        // Lines a file reader laid out are not read again.
        let t = "指标\t2020年\t2025年\n高新技术企业（家）\t300\t600\n";
        assert_eq!(text_layouts(t, &[]).len(), 1);
        assert!(text_layouts(t, &[(0, 5)]).is_empty());
    }

    #[test]
    fn tables_written_as_text_are_found_again() {
        let text = "表1\n类别 指标名称 单位 2020年 2025年\n创新 高新技术企业数量 家 149 400\n科技型中小企业数量 家 168 600\n";
        let tables = text_layouts(text, &[]);
        let ts = table_targets(
            &tables,
            &ParsedPlan::default(),
            &meta(),
            &Catalog::builtin(),
        );
        assert_eq!(ts.len(), 4);
        // The short row gets an empty category cell in front.
        assert_eq!(tables[0].rows[2][0].text, "");
        assert_eq!(ts[2].cell.column, 3);
        let anchors: Vec<(CellRef, usize)> = ts.iter().map(|t| (t.cell, t.target.start)).collect();
        assert_eq!(
            layouts_in_text(text, &anchors),
            vec![(0, tables[0].clone())]
        );
    }

    #[test]
    fn year_columns_take_their_role_from_the_period() {
        // An annual plan: both earlier years are baselines.
        let (_, tables) = table(&[
            &["指标", "单位", "2022年", "2023年", "2024年目标"],
            &["高新技术企业数", "家", "1500", "1860", "2100"],
        ]);
        let annual = DocumentMeta {
            kind: PlanKind::AnnualWorkPlan,
            period: Some(Period::year(2024)),
            ..Default::default()
        };
        let roles: Vec<_> = table_targets(
            &tables,
            &ParsedPlan::default(),
            &annual,
            &Catalog::builtin(),
        )
        .iter()
        .map(|t| (t.target.year, t.target.role))
        .collect();
        use TargetRole::*;
        assert_eq!(
            roles,
            [
                (Some(2022), Baseline),
                (Some(2023), Baseline),
                (Some(2024), Target)
            ]
        );
        // Without a period, the earliest year column is the baseline.
        let roles: Vec<_> = table_targets(
            &tables,
            &ParsedPlan::default(),
            &DocumentMeta::default(),
            &Catalog::builtin(),
        )
        .iter()
        .map(|t| t.target.role)
        .collect();
        assert_eq!(roles, [Baseline, Target, Target]);
    }

    #[test]
    fn cell_values() {
        let v = parse_cell("1～2").unwrap();
        assert_eq!((v.value, v.high), (1.0, Some(2.0)));
        assert_eq!(parse_cell("＞50").unwrap().qualifier, Qualifier::AtLeast);
        assert_eq!(parse_cell("3%").unwrap().unit, "%");
        assert!(parse_cell("〔10〕").unwrap().cumulative);
        assert_eq!(parse_cell("1,200").unwrap().value, 1200.0);
        for s in ["—", "-", "/", "", "市科技局", "2024年12月底前完成"] {
            assert!(parse_cell(s).is_none(), "{s}");
        }
    }
}
