//! Coverage heatmap: indicators (rows) × documents (columns).

use plotters::style::RGBColor;

use super::bar::fit_labels;
use super::canvas::{frame, Align, Canvas, Rect, LINE};
use super::font::{text_width, wrap};
use super::theme::{luminance, mix};
use super::{ChartError, HeatmapChart};

/// Draws the heatmap filling the canvas.
pub(crate) fn draw(c: &Canvas, h: &HeatmapChart, title: Option<&str>) -> Result<(), ChartError> {
    let area = frame(c, title.unwrap_or(&h.title), &[], &h.notes)?;
    let pal = c.pal;
    let s = c.sizes;
    let zh = c.zh();
    let nrows = h.rows.len().max(1);
    let ncols = h.cols.len().max(1);

    // Row height decides the label size when there are many rows.
    let header_guess = s.label * LINE * 3.2;
    let row_h_max = (area.height() - header_guess) / nrows as f64;
    let em = (row_h_max / (LINE * 1.15)).min(s.label).max(8.0);
    let lines_per_row = if row_h_max >= em * LINE * 2.2 { 2 } else { 1 };

    // Row label column: as wide as the longest label, at most 30 % of the width.
    let widest = h
        .rows
        .iter()
        .map(|r| text_width(r, em, false))
        .fold(0.0, f64::max);
    let label_w = widest.min(area.width() * 0.3).max(em * 4.0) + em * 0.6;
    let total_caption = if zh { "覆盖" } else { "Plans" };
    let total_w = text_width(&format!("{ncols}/{ncols}"), em, false).max(text_width(
        total_caption,
        em,
        false,
    )) + em * 1.2;
    let gx0 = area.x0 + label_w;
    let gx1 = area.x1 - total_w;
    let col_w = (gx1 - gx0) / ncols as f64;

    // Column labels: shrink until each fits in two lines.
    let (cols, cem) = fit_labels(
        h.cols.iter().map(|c| c.label.as_str()),
        col_w * 0.94,
        s.label.min(em * 1.1),
        s.small * 0.85,
    );
    let sub_em = (cem * 0.85).min(s.small);
    let subs: Vec<Vec<String>> = h
        .cols
        .iter()
        .map(|cat| wrap(&cat.sublabel, col_w * 0.96, sub_em, false, 2))
        .collect();
    let sub_lines = subs.iter().map(Vec::len).max().unwrap_or(0) as f64;
    let max_lines = cols.iter().map(Vec::len).max().unwrap_or(1) as f64;
    let header_h = max_lines * cem * LINE + sub_lines * sub_em * LINE + cem * 0.3;
    let gy0 = area.y0 + header_h;
    let row_h = ((area.y1 - gy0) / nrows as f64).min(em * LINE * 2.6);

    for (k, lines) in cols.iter().enumerate() {
        let cx = gx0 + col_w * (k as f64 + 0.5);
        let after = c.lines(
            lines,
            cx,
            area.y0 + (max_lines - lines.len() as f64) * cem * LINE,
            cem,
            pal.text,
            Align::Center,
            false,
        )?;
        c.lines(&subs[k], cx, after, sub_em, pal.muted, Align::Center, false)?;
    }
    c.text(
        total_caption,
        gx1 + total_w / 2.0,
        gy0 - em * LINE,
        em,
        pal.muted,
        Align::Center,
        false,
    )?;

    let max = h.counts.iter().flatten().copied().max().unwrap_or(0).max(1);
    for (ri, name) in h.rows.iter().enumerate() {
        let y = gy0 + row_h * ri as f64;
        let lines = wrap(name, label_w - em * 0.6, em, false, lines_per_row);
        let block = lines.len() as f64 * em * LINE;
        c.lines(
            &lines,
            area.x0,
            y + (row_h - block) / 2.0 + em * 0.1,
            em,
            pal.text,
            Align::Left,
            false,
        )?;
        let row = h.counts.get(ri);
        let mut covered = 0;
        for k in 0..h.cols.len() {
            let n = row.and_then(|r| r.get(k)).copied().unwrap_or(0);
            let x = gx0 + col_w * k as f64;
            let cell = Rect {
                x0: x + 1.5,
                y0: y + 1.5,
                x1: x + col_w - 1.5,
                y1: y + row_h - 1.5,
            };
            if n == 0 {
                c.rect(cell, pal.grid, false, 1.0)?;
                continue;
            }
            covered += 1;
            let fill = mix(pal.background, pal.heat, 0.3 + 0.7 * n as f64 / max as f64);
            c.rect(cell, fill, true, 1.0)?;
            let ink = if luminance(fill) > 0.55 {
                RGBColor(0x1F, 0x23, 0x28)
            } else {
                RGBColor(0xFF, 0xFF, 0xFF)
            };
            let nem = (em * 0.95).min(row_h * 0.6);
            c.text(
                &n.to_string(),
                x + col_w / 2.0,
                y + (row_h - nem) / 2.0,
                nem,
                ink,
                Align::Center,
                false,
            )?;
        }
        c.text(
            &format!("{covered}/{}", h.cols.len()),
            gx1 + total_w / 2.0,
            y + (row_h - em) / 2.0,
            em,
            pal.text,
            Align::Center,
            false,
        )?;
    }
    Ok(())
}
