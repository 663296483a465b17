//! Indicator tables (`序号 指标名称 2020年 2025年 指标属性`, one row per
//! indicator) as plain text copied from a page: cells apart by whitespace
//! (full-width spaces, tabs, spaces) or `|`. A header row names the year of
//! each value column; each row gives an indicator, its unit (in brackets
//! after the name, or in a `单位` column) and one value per year column.

use crate::model::Qualifier;

/// One value of an indicator table.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TableFigure {
    /// Start of the row's indicator cell.
    pub row_start: usize,
    /// Offset of the value's first character.
    pub num_start: usize,
    /// Offset just past the value cell.
    pub end: usize,
    pub value: f64,
    pub unit: String,
    pub qualifier: Qualifier,
    /// The indicator name without its unit.
    pub indicator: String,
    /// The year named by the value's column header.
    pub year: i32,
    /// The column is the first of several year columns (a base value).
    pub first_column: bool,
}

/// A cell of a line: character range and text.
struct Cell {
    start: usize,
    end: usize,
    text: String,
}

fn is_separator(c: char) -> bool {
    c.is_whitespace() || c == '|' || c == '｜'
}

/// Splits `[start, end)` into cells.
fn cells(chars: &[char], start: usize, end: usize) -> Vec<Cell> {
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
            out.push(Cell {
                start: s,
                end: k,
                text: chars[s..k].iter().collect(),
            });
        }
    }
    out
}

/// The year of a header cell such as `2020年`, `2025年目标`, `2020年基数`.
fn header_year(cell: &str) -> Option<i32> {
    let digits: String = cell.chars().take(4).collect();
    if digits.chars().count() != 4 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let y: i32 = digits.parse().ok()?;
    let rest: String = cell.chars().skip(4).collect();
    let rest = rest.strip_prefix('年').unwrap_or(&rest);
    let rest = rest
        .trim_start_matches(['末', '底'])
        .trim_start_matches(['(', '（'])
        .trim_end_matches([')', '）']);
    let plain = rest.chars().count() <= 4 && rest.chars().all(|c| !c.is_ascii_digit());
    ((1990..=2100).contains(&y) && plain).then_some(y)
}

/// A value cell: `2.6`, `≥80`, `1000以上`, `300左右`.
fn value_cell(cell: &str) -> Option<(f64, Qualifier)> {
    let mut t = cell.trim();
    let mut q = Qualifier::Exact;
    for (p, pq) in [
        ("≥", Qualifier::AtLeast),
        (">", Qualifier::AtLeast),
        ("＞", Qualifier::AtLeast),
        ("≤", Qualifier::AtMost),
        ("<", Qualifier::AtMost),
        ("＜", Qualifier::AtMost),
        ("约", Qualifier::About),
    ] {
        if let Some(r) = t.strip_prefix(p) {
            t = r;
            q = pq;
        }
    }
    for (s, sq) in [
        ("以上", Qualifier::AtLeast),
        ("左右", Qualifier::About),
        ("以内", Qualifier::AtMost),
    ] {
        if let Some(r) = t.strip_suffix(s) {
            t = r;
            q = sq;
        }
    }
    let t = t.trim_end_matches(['%', '％']);
    let ok = !t.is_empty()
        && t.chars().all(|c| c.is_ascii_digit() || c == '.')
        && t.chars().next().is_some_and(|c| c.is_ascii_digit())
        && t.matches('.').count() <= 1;
    if !ok {
        return None;
    }
    t.parse::<f64>().ok().map(|v| (v, q))
}

/// Splits `名称（单位）` into name and unit.
fn name_and_unit(cell: &str) -> (String, Option<String>) {
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(stripped) = cell.strip_suffix(close) {
            if let Some(p) = stripped.rfind(open) {
                let unit = stripped[p + open.len_utf8()..].trim().replace('％', "%");
                let name = stripped[..p].trim().to_string();
                if !unit.is_empty() && unit.chars().count() <= 6 && !name.is_empty() {
                    return (name, Some(unit));
                }
            }
        }
    }
    (cell.to_string(), None)
}

/// Whether a cell names an indicator (holds a CJK character).
fn is_name_cell(cell: &str) -> bool {
    cell.chars().any(|c| c.is_alphabetic() && !c.is_ascii())
        && value_cell(cell).is_none()
        && header_year(cell).is_none()
}

/// Lines of `chars` as `[start, end)` ranges.
fn lines(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut s = 0;
    for (i, &c) in chars.iter().enumerate() {
        if c == '\n' {
            out.push((s, i));
            s = i + 1;
        }
    }
    out.push((s, chars.len()));
    out
}

/// Finds the values of every indicator table in `chars`.
pub(crate) fn scan_tables(chars: &[char]) -> Vec<TableFigure> {
    let mut out = Vec::new();
    let ls = lines(chars);
    let mut li = 0;
    while li < ls.len() {
        let header = cells(chars, ls[li].0, ls[li].1);
        let years: Vec<(usize, i32)> = header
            .iter()
            .enumerate()
            .filter_map(|(k, c)| header_year(&c.text).map(|y| (k, y)))
            .collect();
        let has_name_column = header.iter().any(|c| is_name_cell(&c.text));
        if years.len() < 2 || !has_name_column {
            li += 1;
            continue;
        }
        let unit_col = header.iter().position(|c| c.text == "单位");
        let first_year = years.iter().map(|&(_, y)| y).min().unwrap_or(0);
        li += 1;
        // Rows follow the header until a line that is not a row.
        while li < ls.len() {
            let row = cells(chars, ls[li].0, ls[li].1);
            let Some(rows) = read_row(&row, &header, &years, unit_col, first_year) else {
                break;
            };
            out.extend(rows);
            li += 1;
        }
    }
    out
}

/// Reads one table row, aligned with the header from the right (a row may
/// lack a serial-number cell); `None` when the line is not a row.
fn read_row(
    row: &[Cell],
    header: &[Cell],
    years: &[(usize, i32)],
    unit_col: Option<usize>,
    first_year: i32,
) -> Option<Vec<TableFigure>> {
    let name_idx = row.iter().position(|c| is_name_cell(&c.text))?;
    if row.len() > header.len() + 1 || row.len() + 2 < header.len() {
        return None;
    }
    let (name, unit_in_name) = name_and_unit(&row[name_idx].text);
    // Cell `j` of the row sits under header cell `j + shift`.
    let shift = header.len() as isize - row.len() as isize;
    let at = |hk: usize| -> Option<&Cell> {
        let j = hk as isize - shift;
        (j > name_idx as isize)
            .then(|| row.get(j as usize))
            .flatten()
    };
    let unit = match (unit_in_name, unit_col) {
        (Some(u), _) => u,
        (None, Some(uc)) => at(uc)
            .or_else(|| row.get(name_idx + 1))
            .map(|c| c.text.replace('％', "%"))?,
        (None, None) => return None,
    };
    let mut out = Vec::new();
    let mut any_value = false;
    for &(hk, year) in years {
        let Some(cell) = at(hk) else { continue };
        let Some((value, qualifier)) = value_cell(&cell.text) else {
            // `—`, `/`, `倍增`: no figure in this column.
            continue;
        };
        any_value = true;
        out.push(TableFigure {
            row_start: row[name_idx].start,
            num_start: cell.start,
            end: cell.end,
            value,
            unit: unit.clone(),
            qualifier,
            indicator: name.clone(),
            year,
            first_column: year == first_year,
        });
    }
    any_value.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(s: &str) -> Vec<(String, f64, String, i32, Qualifier)> {
        let cs: Vec<char> = s.chars().collect();
        scan_tables(&cs)
            .into_iter()
            .map(|f| (f.indicator, f.value, f.unit, f.year, f.qualifier))
            .collect()
    }

    #[test]
    fn rows_under_a_year_header() {
        let t = "序号　指标　2020年　2025年　属性\n1　研发投入强度（％）　2.1　≥3.0　预期性\n2　高新技术企业（家）　300　600以上　预期性\n\n正文";
        assert_eq!(
            scan(t),
            vec![
                (
                    "研发投入强度".into(),
                    2.1,
                    "%".into(),
                    2020,
                    Qualifier::Exact
                ),
                (
                    "研发投入强度".into(),
                    3.0,
                    "%".into(),
                    2025,
                    Qualifier::AtLeast
                ),
                (
                    "高新技术企业".into(),
                    300.0,
                    "家".into(),
                    2020,
                    Qualifier::Exact
                ),
                (
                    "高新技术企业".into(),
                    600.0,
                    "家".into(),
                    2025,
                    Qualifier::AtLeast
                ),
            ]
        );
    }

    #[test]
    fn unit_column_and_missing_values() {
        let t = "指标名称\t单位\t2020年基数\t2025年目标\n技术合同成交额\t亿元\t—\t80\n";
        assert_eq!(
            scan(t),
            vec![(
                "技术合同成交额".into(),
                80.0,
                "亿元".into(),
                2025,
                Qualifier::Exact
            )]
        );
    }

    #[test]
    fn not_tables() {
        assert!(scan("2020年 2025年\n1 2 3").is_empty());
        assert!(scan("到2025年,研发投入强度达到2.5%。").is_empty());
        assert!(scan("序号　指标　2020年　2025年\n一、重点任务\n").is_empty());
        assert!(scan("").is_empty());
    }
}
