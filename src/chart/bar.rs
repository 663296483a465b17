//! Grouped bar charts and small multiples.

use super::canvas::{frame, nice_ticks, Align, Canvas, LegendItem, Rect, Swatch, LINE};
use super::font::{text_width, wrap};
use super::theme::luminance;
use super::{BarChart, ChartError, MultiplesChart};
use crate::compare::format_number;
use plotters::style::RGBColor;

/// Type sizes for one panel; small multiples use smaller ones.
#[derive(Debug, Clone, Copy)]
struct PanelType {
    label: f64,
    value: f64,
    small: f64,
}

fn legend_for(c: &Canvas, charts: &[&BarChart], with_series: bool) -> Vec<LegendItem> {
    let zh = c.zh();
    let mut items = Vec::new();
    if with_series {
        if let Some(first) = charts.first() {
            for (i, s) in first.series.iter().enumerate() {
                items.push(LegendItem {
                    name: s.name.clone(),
                    color: c.pal.series[i % c.pal.series.len()],
                    swatch: Swatch::Bar,
                });
            }
        }
    }
    let values = || {
        charts
            .iter()
            .flat_map(|b| b.series.iter().flat_map(|s| s.values.iter().flatten()))
    };
    if values().any(|v| v.hollow) {
        items.push(LegendItem {
            name: if zh {
                "空心：基期值（已实现）".into()
            } else {
                "Hollow: baseline (achieved)".into()
            },
            color: c.pal.muted,
            swatch: Swatch::Hollow,
        });
    }
    if values().any(|v| v.baseline.is_some()) {
        items.push(LegendItem {
            name: if zh {
                "横线：基期值".into()
            } else {
                "Tick: baseline".into()
            },
            color: c.pal.text,
            swatch: Swatch::Tick,
        });
    }
    items
}

/// Draws a grouped bar chart filling the canvas.
pub(crate) fn draw_bar_chart(
    c: &Canvas,
    b: &BarChart,
    title: Option<&str>,
) -> Result<(), ChartError> {
    let legend = legend_for(c, &[b], b.series.len() > 1);
    let area = frame(c, title.unwrap_or(&b.title), &legend, &b.notes)?;
    let s = c.sizes;
    let t = PanelType {
        label: s.label,
        value: s.value,
        small: s.small,
    };
    draw_panel(c, area, b, t, None)
}

/// Draws small multiples: a grid of panels, each with its own title and unit.
pub(crate) fn draw_multiples(
    c: &Canvas,
    m: &MultiplesChart,
    title: Option<&str>,
) -> Result<(), ChartError> {
    let refs: Vec<&BarChart> = m.panels.iter().collect();
    let legend = legend_for(c, &refs, false);
    let area = frame(c, title.unwrap_or(&m.title), &legend, &m.notes)?;
    let n = m.panels.len().max(1);
    // Choose the grid whose panels are closest to 4:3.
    let (mut cols, mut best) = (1usize, f64::MAX);
    for k in 1..=n {
        let rows = n.div_ceil(k);
        let ratio = (area.width() / k as f64) / (area.height() / rows as f64);
        let score = (ratio.ln() - (4.0f64 / 3.0).ln()).abs();
        if score < best {
            best = score;
            cols = k;
        }
    }
    let rows = n.div_ceil(cols);
    let gap = c.sizes.margin * 0.6;
    let pw = (area.width() - gap * (cols as f64 - 1.0)) / cols as f64;
    let ph = (area.height() - gap * (rows as f64 - 1.0)) / rows as f64;
    let shrink = (ph / (area.height() * 0.9)).clamp(0.8, 1.0);
    let s = c.sizes;
    let t = PanelType {
        label: (s.label * shrink).max(11.0),
        value: (s.value * shrink).max(10.0),
        small: (s.small * shrink).max(10.0),
    };
    for (i, p) in m.panels.iter().enumerate() {
        let (r, k) = (i / cols, i % cols);
        let x0 = area.x0 + k as f64 * (pw + gap);
        let y0 = area.y0 + r as f64 * (ph + gap);
        let rect = Rect {
            x0,
            y0,
            x1: x0 + pw,
            y1: y0 + ph,
        };
        draw_panel(c, rect, p, t, Some(&p.title))?;
    }
    Ok(())
}

/// Draws one bar panel inside `r`, with an optional panel title.
fn draw_panel(
    c: &Canvas,
    r: Rect,
    b: &BarChart,
    t: PanelType,
    panel_title: Option<&str>,
) -> Result<(), ChartError> {
    let pal = c.pal;
    let zh = c.zh();
    let mut top = r.y0;
    if let Some(pt) = panel_title {
        let lines = wrap(pt, r.width(), t.label, true, 2);
        top = c.lines(&lines, r.x0, top, t.label, pal.text, Align::Left, true)?;
    }
    // Unit caption.
    let unit = if b.unit.is_empty() {
        String::new()
    } else if zh {
        format!("单位：{}", b.unit)
    } else {
        format!("Unit: {}", b.unit)
    };
    c.text(&unit, r.x0, top, t.small, pal.muted, Align::Left, false)?;
    top += t.small * LINE + t.small * 0.3;

    let ncat = b.categories.len().max(1);
    let nser = b.series.len().max(1);

    // Value range, including baseline ticks.
    let vals = b.series.iter().flat_map(|s| s.values.iter().flatten());
    let (mut lo, mut hi) = (0.0f64, 0.0f64);
    for v in vals {
        for x in [Some(v.value), v.baseline.as_ref().map(|b| b.0)]
            .into_iter()
            .flatten()
        {
            if x.is_finite() {
                lo = lo.min(x);
                hi = hi.max(x);
            }
        }
    }
    let ticks = nice_ticks(lo, hi, 5);
    let (ymin, ymax) = (ticks[0], *ticks.last().unwrap_or(&1.0));
    let tick_labels: Vec<String> = ticks.iter().map(|v| format_number(*v)).collect();
    let axis_w = tick_labels
        .iter()
        .map(|l| text_width(l, t.small, false))
        .fold(0.0, f64::max)
        + t.small * 0.8;
    let px0 = r.x0 + axis_w;
    let px1 = r.x1;
    let slot = (px1 - px0) / ncat as f64;

    // Category labels: shrink (not below the small size) until most fit in
    // two lines; the rest wrap to three and are cut with `…` beyond that.
    // Slots too narrow for that get one rotated line per category instead.
    let (labels, em) = fit_labels(
        b.categories.iter().map(|c| c.label.as_str()),
        slot * 0.94,
        t.label,
        t.small,
    );
    let sub_em = (em * 0.85).min(t.small);
    let subs: Vec<Vec<String>> = b
        .categories
        .iter()
        .map(|cat| wrap(&cat.sublabel, slot * 0.96, sub_em, false, 2))
        .collect();
    // Rotate when slots cannot hold two ideographs, or when more than a
    // quarter of the labels would be cut or wrap beyond two lines; a lone
    // long name (e.g. an autonomous prefecture) just wraps to three lines.
    let n = labels.len().max(1);
    let bad = labels
        .iter()
        .filter(|l| l.len() > 2 || l.iter().any(|x| x.ends_with('…') || x.chars().count() < 2))
        .count();
    let bad_sub = subs
        .iter()
        .filter(|l| l.len() > 1 || l.iter().any(|x| x.ends_with('…')))
        .count();
    let crowded = slot * 0.94 < 2.2 * em || bad * 4 > n || bad_sub * 4 > n;
    let rot_em = t.small.min(slot * 0.7).max(8.0);
    let rot_max = (r.height() * 0.3).max(rot_em * 3.0);
    let rot_labels: Vec<String> = b
        .categories
        .iter()
        .map(|cat| {
            let full = if cat.sublabel.is_empty() {
                cat.label.clone()
            } else {
                format!("{} {}", cat.label, cat.sublabel)
            };
            super::font::ellipsize(&full, rot_max, rot_em, false, false)
        })
        .collect();
    let max_lines = labels.iter().map(Vec::len).max().unwrap_or(1) as f64;
    let sub_lines = subs.iter().map(Vec::len).max().unwrap_or(0) as f64;
    let xlab_h = if crowded {
        rot_labels
            .iter()
            .map(|l| text_width(l, rot_em, false))
            .fold(0.0, f64::max)
            + rot_em * 0.8
    } else {
        max_lines * em * LINE + sub_lines * sub_em * LINE + em * 0.4
    };
    let py1 = r.y1 - xlab_h;

    // Value labels: horizontal if they fit over their bar, else rotated.
    let group = (slot * if nser == 1 { 0.62 } else { 0.8 }).min(t.label * 4.5 * nser as f64);
    let bw = group / nser as f64;
    let mut vem = t.value;
    let widest = |em: f64| {
        b.series
            .iter()
            .flat_map(|s| s.values.iter().flatten())
            .map(|v| text_width(&v.label, em, false))
            .fold(0.0, f64::max)
    };
    let room = if nser == 1 { slot * 0.92 } else { bw * 1.0 };
    while widest(vem) > room && vem > t.value * 0.72 {
        vem *= 0.92;
    }
    let rotated = widest(vem) > room;
    let head = if rotated {
        widest(vem) + vem * 0.5
    } else {
        vem * LINE
    };
    let py0 = top + head;
    if py1 - py0 < 20.0 {
        return Err(ChartError::Draw("canvas too small for this chart".into()));
    }
    let y_of = |v: f64| py1 - (v - ymin) / (ymax - ymin) * (py1 - py0);

    // Grid and tick labels.
    for (v, l) in ticks.iter().zip(&tick_labels) {
        let y = y_of(*v);
        c.line(&[(px0, y), (px1, y)], pal.grid, 1.0)?;
        c.text(
            l,
            px0 - t.small * 0.4,
            y - t.small * 0.5,
            t.small,
            pal.muted,
            Align::Right,
            false,
        )?;
    }
    let y0 = y_of(0.0);

    for (k, cat_lines) in labels.iter().enumerate() {
        let cx = px0 + slot * (k as f64 + 0.5);
        if crowded {
            let w = text_width(&rot_labels[k], rot_em, false);
            c.text_up(&rot_labels[k], cx, py1 + rot_em * 0.5 + w, rot_em, pal.text)?;
        } else {
            let after = c.lines(
                cat_lines,
                cx,
                py1 + em * 0.35,
                em,
                pal.text,
                Align::Center,
                false,
            )?;
            c.lines(&subs[k], cx, after, sub_em, pal.muted, Align::Center, false)?;
        }
        for (si, ser) in b.series.iter().enumerate() {
            let Some(v) = ser.values.get(k).and_then(Option::as_ref) else {
                continue;
            };
            let color = pal.series[si % pal.series.len()];
            let x0 = cx - group / 2.0 + bw * si as f64 + bw * 0.06;
            let x1 = x0 + bw * 0.88;
            let yv = y_of(v.value);
            let bar = Rect {
                x0,
                y0: yv.min(y0),
                x1,
                y1: yv.max(y0),
            };
            if v.hollow {
                c.rect(bar, color, false, (bw * 0.06).clamp(2.0, 5.0))?;
            } else {
                c.rect(bar, color, true, 1.0)?;
            }
            if let Some((bv, bl)) = &v.baseline {
                let yb = y_of(*bv);
                c.line(
                    &[(x0 - bw * 0.04, yb), (x1 + bw * 0.04, yb)],
                    pal.text,
                    (vem * 0.16).max(2.0),
                )?;
                let bem = t.small * 0.9;
                let fits = text_width(bl, bem, false) <= (x1 - x0) * 0.94 && (y0 - yb) > bem * 1.5;
                if fits && !v.hollow {
                    let ink = if luminance(color) > 0.55 {
                        RGBColor(0x1F, 0x23, 0x28)
                    } else {
                        RGBColor(0xFF, 0xFF, 0xFF)
                    };
                    c.text(
                        bl,
                        (x0 + x1) / 2.0,
                        yb + bem * 0.35,
                        bem,
                        ink,
                        Align::Center,
                        false,
                    )?;
                }
            }
            let lx = (x0 + x1) / 2.0;
            let ly = yv.min(y0);
            if rotated {
                c.text_up(&v.label, lx, ly - vem * 0.3, vem, pal.text)?;
            } else {
                c.text(
                    &v.label,
                    lx,
                    ly - vem * 1.2,
                    vem,
                    pal.text,
                    Align::Center,
                    false,
                )?;
            }
        }
    }
    c.line(&[(px0, y0), (px1, y0)], pal.axis, 2.0)?;
    Ok(())
}

/// Wraps category labels into `width`: starts at `em`, shrinks by 10 % steps
/// (not below `min_em`) while any label needs more than two lines, then
/// allows three lines. Returns the lines and the size chosen.
pub(crate) fn fit_labels<'a>(
    labels: impl Iterator<Item = &'a str> + Clone,
    width: f64,
    em: f64,
    min_em: f64,
) -> (Vec<Vec<String>>, f64) {
    let mut em = em;
    loop {
        let wrapped: Vec<Vec<String>> = labels
            .clone()
            .map(|l| wrap(l, width, em, false, 3))
            .collect();
        let too_long = wrapped
            .iter()
            .any(|l| l.len() > 2 || l.last().is_some_and(|x| x.ends_with('…')));
        if !too_long || em * 0.9 < min_em {
            return (wrapped, em);
        }
        em *= 0.9;
    }
}
