//! Timeline: one city's figures for one indicator over the years.

use super::canvas::{frame, nice_ticks, Align, Canvas, LegendItem, Rect, Swatch, LINE};
use super::font::text_width;
use super::{ChartError, TimelineChart};
use crate::compare::format_number;

/// Draws the timeline filling the canvas.
pub(crate) fn draw(c: &Canvas, tl: &TimelineChart, title: Option<&str>) -> Result<(), ChartError> {
    let pal = c.pal;
    let s = c.sizes;
    let zh = c.zh();
    let mut legend: Vec<LegendItem> = tl
        .series
        .iter()
        .enumerate()
        .map(|(i, ser)| LegendItem {
            name: ser.name.clone(),
            color: pal.series[i % pal.series.len()],
            swatch: Swatch::Dot,
        })
        .collect();
    if tl.series.iter().flat_map(|s| &s.points).any(|p| p.hollow) {
        legend.push(LegendItem {
            name: if zh {
                "空心：基期值（已实现）".into()
            } else {
                "Hollow: baseline (achieved)".into()
            },
            color: pal.muted,
            swatch: Swatch::Hollow,
        });
    }
    let area = frame(c, title.unwrap_or(&tl.title), &legend, &tl.notes)?;

    let pts = || tl.series.iter().flat_map(|s| s.points.iter());
    let (ymin_y, ymax_y) = pts().fold((i32::MAX, i32::MIN), |(a, b), p| {
        (a.min(p.year), b.max(p.year))
    });
    if ymin_y > ymax_y {
        return Err(ChartError::Empty("timeline has no points".into()));
    }
    let (lo, hi) = pts().fold((0.0f64, 0.0f64), |(a, b), p| {
        (a.min(p.value), b.max(p.value))
    });
    let ticks = nice_ticks(lo, hi, 5);
    let (vmin, vmax) = (ticks[0], *ticks.last().unwrap_or(&1.0));

    let unit = if tl.unit.is_empty() {
        String::new()
    } else if zh {
        format!("单位：{}", tl.unit)
    } else {
        format!("Unit: {}", tl.unit)
    };
    c.text(
        &unit,
        area.x0,
        area.y0,
        s.small,
        pal.muted,
        Align::Left,
        false,
    )?;
    let tick_labels: Vec<String> = ticks.iter().map(|v| format_number(*v)).collect();
    let axis_w = tick_labels
        .iter()
        .map(|l| text_width(l, s.small, false))
        .fold(0.0, f64::max)
        + s.small;
    let plot = Rect {
        x0: area.x0 + axis_w,
        y0: area.y0 + s.small * LINE + s.value * LINE * 1.2,
        x1: area.x1 - s.label,
        y1: area.y1 - s.label * LINE * 1.4,
    };
    if plot.height() < 20.0 || plot.width() < 20.0 {
        return Err(ChartError::Draw("canvas too small for this chart".into()));
    }
    let y0 = f64::from(ymin_y) - 0.5;
    let y1 = f64::from(ymax_y) + 0.5;
    let x_of = |year: i32| plot.x0 + (f64::from(year) - y0) / (y1 - y0) * plot.width();
    let y_of = |v: f64| plot.y1 - (v - vmin) / (vmax - vmin) * plot.height();

    for (v, l) in ticks.iter().zip(&tick_labels) {
        let y = y_of(*v);
        c.line(&[(plot.x0, y), (plot.x1, y)], pal.grid, 1.0)?;
        c.text(
            l,
            plot.x0 - s.small * 0.4,
            y - s.small * 0.5,
            s.small,
            pal.muted,
            Align::Right,
            false,
        )?;
    }
    // Year ticks: every year when they fit, else every 2nd, 5th …
    let span = (ymax_y - ymin_y + 1).max(1);
    let year_w = text_width("2025", s.label, false) * 1.6;
    let step = [1, 2, 5, 10, 20, 50]
        .into_iter()
        .find(|st| f64::from(span / st + 1) * year_w <= plot.width())
        .unwrap_or(100);
    for y in ymin_y..=ymax_y {
        if (y - ymin_y) % step == 0 {
            c.text(
                &y.to_string(),
                x_of(y),
                plot.y1 + s.label * 0.4,
                s.label,
                pal.text,
                Align::Center,
                false,
            )?;
        }
    }
    c.line(&[(plot.x0, y_of(0.0)), (plot.x1, y_of(0.0))], pal.axis, 2.0)?;

    // Lines, then points, then labels placed to avoid each other.
    let r = (s.value * 0.32).max(4.0);
    let mut placed: Vec<Rect> = Vec::new();
    for (i, ser) in tl.series.iter().enumerate() {
        let color = pal.series[i % pal.series.len()];
        let line: Vec<(f64, f64)> = ser
            .points
            .iter()
            .filter(|p| !p.hollow)
            .map(|p| (x_of(p.year), y_of(p.value)))
            .collect();
        if line.len() > 1 {
            c.line(&line, color, (s.value * 0.12).max(2.0))?;
        }
        for p in &ser.points {
            let (x, y) = (x_of(p.year), y_of(p.value));
            if p.hollow {
                c.circle((x, y), r, pal.background, true, 1.0)?;
                c.circle((x, y), r, color, false, (r * 0.4).max(2.0))?;
            } else {
                c.circle((x, y), r, color, true, 1.0)?;
            }
            let em = s.value;
            let w = text_width(&p.label, em, false);
            let candidates = [
                y - r - em * 1.25,
                y + r + em * 0.2,
                y - r - em * 2.5,
                y + r + em * 1.45,
            ];
            let mut chosen = candidates[0];
            for cy in candidates {
                let bx = Rect {
                    x0: x - w / 2.0,
                    y0: cy,
                    x1: x + w / 2.0,
                    y1: cy + em,
                };
                let clash = placed
                    .iter()
                    .any(|o| bx.x0 < o.x1 && o.x0 < bx.x1 && bx.y0 < o.y1 && o.y0 < bx.y1);
                if !clash && cy >= area.y0 + s.small * LINE && cy + em <= plot.y1 {
                    chosen = cy;
                    break;
                }
            }
            placed.push(Rect {
                x0: x - w / 2.0,
                y0: chosen,
                x1: x + w / 2.0,
                y1: chosen + em,
            });
            c.text(&p.label, x, chosen, em, pal.text, Align::Center, false)?;
        }
    }
    Ok(())
}
