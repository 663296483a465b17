//! Plain-text tables that line up with Chinese (double-width) characters.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Longest a cell may be before it is cut with `…`, in display columns.
const MAX_CELL: usize = 48;

/// Renders a table with a header row, columns separated by two spaces.
pub fn render(header: &[&str], rows: &[Vec<String>]) -> String {
    let cells: Vec<Vec<String>> = std::iter::once(header.iter().map(|s| s.to_string()).collect())
        .chain(rows.iter().map(|r| r.iter().map(|c| clip(c)).collect()))
        .collect();
    let cols = header.len();
    let widths: Vec<usize> = (0..cols)
        .map(|c| {
            cells
                .iter()
                .map(|r| r.get(c).map_or(0, |s| s.width()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in &cells {
        let mut line = String::new();
        for (c, w) in widths.iter().enumerate() {
            let cell = row.get(c).map_or("", |s| s.as_str());
            line.push_str(cell);
            if c + 1 < cols {
                line.push_str(&" ".repeat(w - cell.width() + 2));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Prints [`render`] to standard output.
pub fn print(header: &[&str], rows: &[Vec<String>]) {
    print!("{}", render(header, rows));
}

fn clip(s: &str) -> String {
    let s = s.replace(['\n', '\r'], " ");
    if s.width() <= MAX_CELL {
        return s;
    }
    let mut out = String::new();
    let mut width = 0;
    for ch in s.chars() {
        let w = ch.width().unwrap_or(0);
        // Leave one column for the ellipsis.
        if width + w + 1 > MAX_CELL {
            break;
        }
        width += w;
        out.push(ch);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_wide_characters() {
        let t = render(
            &["id", "city"],
            &[
                vec!["1".into(), "滨州市".into()],
                vec!["22".into(), "x".into()],
            ],
        );
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines[0], "id  city");
        assert_eq!(lines[1], "1   滨州市");
        assert_eq!(lines[2], "22  x");
    }

    #[test]
    fn clips_long_cells() {
        let long = "很".repeat(100);
        let t = render(&["a"], &[vec![long]]);
        assert!(t.lines().nth(1).unwrap().width() <= MAX_CELL);
        assert!(t.contains('…'));
    }
}
