//! Indicator tables (主要指标表) read into target records.
//!
//! Five-year plans carry a table of their main indicators with columns such
//! as 指标, 单位, 2020年 (base year), 2025年 (target), 年均增长 and 属性
//! (约束性/预期性). [`table_targets`] recognises such a table by its header
//! row(s), gives each column a role, and turns each data row into a baseline
//! and a target (and an annual-growth rate when there is such a column), each
//! pointing at the cell it was read from. A table without an indicator
//! column and a value column is not an indicator table and yields nothing;
//! its text is left to the ordinary extraction.
//!
//! Cell values understood: `3.5`, `≥3`, `>50`, `3以上`, `1-2`, `1～2`,
//! `5%`, `[10]`/`〔10〕` (cumulative over the period: an increment);
//! `—`, `-`, `/` and blanks are skipped.

use serde::Serialize;

use super::{CellSpan, TableLayout};
use crate::model::{DocumentMeta, ParsedPlan, Qualifier, Target, TargetKind, TargetRole};
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
    Value { role: TargetRole, year: Option<i32> },
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
            role: TargetRole::Baseline,
            year: year_in(&h),
        }
    } else if h.contains("目标") || h.contains("规划") || h.contains("预期值") {
        Column::Value {
            role: TargetRole::Target,
            year: year_in(&h),
        }
    } else if let Some(y) = year_in(&h) {
        // Role decided once all year columns are known.
        Column::Value {
            role: TargetRole::Target,
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

/// Finds the tables that targets were read from again in a document's text,
/// as [`super::render`] laid them out (one row a line, cells separated by a
/// tab), from the cells of those targets: `anchors` are (cell, character
/// offset of the cell's first character). Each table runs from its first row
/// to its last anchored row and on over the following lines that hold a tab.
/// A table whose anchors do not all land on their cells is left out, so what
/// is returned always agrees with the stored cells. Returns (table index,
/// layout), by table index.
pub fn layouts_in_text(text: &str, anchors: &[(CellRef, usize)]) -> Vec<(usize, TableLayout)> {
    // Lines as (start, end) character offsets, without the line break.
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    let mut n = 0;
    for c in text.chars() {
        if c == '\n' {
            lines.push((start, n));
            start = n + 1;
        }
        n += 1;
    }
    if start < n {
        lines.push((start, n));
    }
    let chars: Vec<char> = text.chars().collect();
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

    let mut indices: Vec<usize> = anchors.iter().map(|(c, _)| c.table).collect();
    indices.sort_unstable();
    indices.dedup();
    let mut out = Vec::new();
    'tables: for table in indices {
        let mine: Vec<&(CellRef, usize)> =
            anchors.iter().filter(|(c, _)| c.table == table).collect();
        let mut first = None;
        for (cell, offset) in &mine {
            let Some(row0) = line_of(*offset).and_then(|l| l.checked_sub(cell.row)) else {
                continue 'tables;
            };
            if first.is_some_and(|f| f != row0) {
                continue 'tables;
            }
            first = Some(row0);
        }
        let Some(row0) = first else { continue };
        let mut last = row0 + mine.iter().map(|(c, _)| c.row).max().unwrap_or(0);
        while last + 1 < lines.len() && has_tab(last + 1) {
            last += 1;
        }
        if last >= lines.len() {
            continue;
        }
        let rows: Vec<Vec<CellSpan>> = (row0..=last).map(row_cells).collect();
        let agrees = mine.iter().all(|(c, offset)| {
            rows.get(c.row)
                .and_then(|r| r.get(c.column))
                .is_some_and(|cell| cell.start == *offset)
        });
        if agrees {
            let end = (lines[last].1 + 1).min(n);
            out.push((
                table,
                TableLayout {
                    rows,
                    start: lines[row0].0,
                    end,
                },
            ));
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
    // Year columns without an explicit role: the earliest is the baseline
    // when there are several.
    let years: Vec<i32> = roles
        .iter()
        .filter_map(|r| match r {
            Column::Value { year: Some(y), .. } => Some(*y),
            _ => None,
        })
        .collect();
    if years.len() >= 2 {
        let min = years.iter().min().copied();
        for (col, r) in roles.iter_mut().enumerate() {
            if let Column::Value { role, year } = r {
                let head: String = t.rows[..first_data]
                    .iter()
                    .filter_map(|row| row.get(col).map(|c| c.text.clone()))
                    .collect();
                let explicit = ["目标", "规划", "预期值", "基期", "基准", "基数", "现状"]
                    .iter()
                    .any(|w| head.contains(w));
                if !explicit && *year == min {
                    *role = TargetRole::Baseline;
                }
            }
        }
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
    let Some((first_data, roles)) = header(t) else {
        return Vec::new();
    };
    let ind_col = roles
        .iter()
        .rposition(|r| *r == Column::Indicator)
        .unwrap_or(0);
    let unit_col = roles.iter().position(|r| *r == Column::Unit);
    let target_year = meta.period.map(|p| p.end);
    let base_year = meta.period.map(|p| p.start - 1);
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
        let growth_target = roles
            .iter()
            .filter_map(|r| match r {
                Column::Value {
                    role: TargetRole::Target,
                    year,
                } => Some(*year),
                _ => None,
            })
            .max()
            .flatten()
            .or(target_year);
        for (ci, role) in roles.iter().enumerate() {
            let Some(cell) = row.get(ci) else { continue };
            let (trole, year, growth) = match *role {
                Column::Value { role, year } => (
                    role,
                    year.or(match role {
                        TargetRole::Target => target_year,
                        TargetRole::Baseline => base_year,
                    }),
                    false,
                ),
                Column::Growth => (TargetRole::Target, growth_target, true),
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
            let kind = if growth || is_rate(&unit, &indicator) {
                TargetKind::Rate
            } else if v.cumulative
                || indicator.starts_with("新增")
                || indicator.contains("累计新增")
            {
                TargetKind::Increment
            } else {
                TargetKind::Stock
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
                    section: section_path(plan, cell.start),
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

/// Path of the innermost section holding `pos` (`""` for the preamble).
fn section_path(plan: &ParsedPlan, pos: usize) -> String {
    plan.sections
        .iter()
        .filter(|s| s.start <= pos && pos < s.end)
        .max_by_key(|s| (s.level, s.start))
        .map(|s| s.path.clone())
        .unwrap_or_default()
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
