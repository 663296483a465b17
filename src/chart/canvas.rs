//! Drawing primitives over a plotters SVG drawing area, and the frame every
//! chart shares: background, title, legend and source footnote.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::FontTransform;

use super::font::{self, text_width, wrap, PLOTTERS_EM, SVG_FAMILY};
use super::theme::Palette;
use super::{ChartError, ChartOptions, Lang};

/// A rectangle in pixels: left, top, right, bottom.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }
    pub fn height(&self) -> f64 {
        self.y1 - self.y0
    }
}

/// Horizontal alignment of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    Left,
    Center,
    Right,
}

/// Type sizes (pixels per em) derived from the chart size.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Sizes {
    pub title: f64,
    pub label: f64,
    pub value: f64,
    pub small: f64,
    pub margin: f64,
}

impl Sizes {
    /// Sizes for a `width × height` canvas: 1920×1080 gets a 52 px title and
    /// 30 px labels; smaller canvases scale down, never below legible minima.
    pub fn for_canvas(width: u32, height: u32) -> Sizes {
        let s = (f64::from(width) / 1920.0).min(f64::from(height) / 1080.0);
        Sizes {
            title: (52.0 * s).max(16.0),
            label: (30.0 * s).max(11.0),
            value: (28.0 * s).max(10.0),
            small: (22.0 * s).max(9.0),
            margin: (56.0 * s).max(12.0),
        }
    }
}

/// Canvas: a plotters drawing area with float coordinates and theme colours.
pub(crate) struct Canvas<'a> {
    pub area: DrawingArea<SVGBackend<'a>, Shift>,
    pub pal: Palette,
    pub sizes: Sizes,
    pub lang: Lang,
    pub width: f64,
    pub height: f64,
}

fn px(v: f64) -> i32 {
    if v.is_finite() {
        v.round().clamp(-1e6, 1e6) as i32
    } else {
        0
    }
}

fn draw_err<E: std::error::Error + Send + Sync>(e: DrawingAreaErrorKind<E>) -> ChartError {
    ChartError::Draw(e.to_string())
}

impl<'a> Canvas<'a> {
    pub fn new(buf: &'a mut String, opts: &ChartOptions) -> Result<Canvas<'a>, ChartError> {
        font::ensure_registered()?;
        let area = SVGBackend::with_string(buf, (opts.width, opts.height)).into_drawing_area();
        let pal = opts.theme.palette();
        area.fill(&pal.background).map_err(draw_err)?;
        Ok(Canvas {
            area,
            pal,
            sizes: Sizes::for_canvas(opts.width, opts.height),
            lang: opts.lang,
            width: f64::from(opts.width),
            height: f64::from(opts.height),
        })
    }

    pub fn zh(&self) -> bool {
        self.lang == Lang::Zh
    }

    pub fn rect(
        &self,
        r: Rect,
        color: RGBColor,
        filled: bool,
        stroke: f64,
    ) -> Result<(), ChartError> {
        let style = if filled {
            color.filled()
        } else {
            color.stroke_width(px(stroke).max(1) as u32)
        };
        self.area
            .draw(&Rectangle::new(
                [(px(r.x0), px(r.y0)), (px(r.x1), px(r.y1))],
                style,
            ))
            .map_err(draw_err)
    }

    pub fn line(&self, pts: &[(f64, f64)], color: RGBColor, width: f64) -> Result<(), ChartError> {
        let pts: Vec<(i32, i32)> = pts.iter().map(|&(x, y)| (px(x), px(y))).collect();
        self.area
            .draw(&PathElement::new(
                pts,
                color.stroke_width(px(width).max(1) as u32),
            ))
            .map_err(draw_err)
    }

    pub fn circle(
        &self,
        c: (f64, f64),
        r: f64,
        color: RGBColor,
        filled: bool,
        stroke: f64,
    ) -> Result<(), ChartError> {
        let style = if filled {
            color.filled()
        } else {
            color.stroke_width(px(stroke).max(1) as u32)
        };
        self.area
            .draw(&Circle::new((px(c.0), px(c.1)), px(r).max(1), style))
            .map_err(draw_err)
    }

    /// Draws one line of text whose top edge is at `y` (or, rotated, whose
    /// start is at `(x, y)` reading upwards).
    #[allow(clippy::too_many_arguments)]
    pub fn text(
        &self,
        s: &str,
        x: f64,
        y: f64,
        em: f64,
        color: RGBColor,
        align: Align,
        bold: bool,
    ) -> Result<(), ChartError> {
        if s.is_empty() {
            return Ok(());
        }
        let h = match align {
            Align::Left => HPos::Left,
            Align::Center => HPos::Center,
            Align::Right => HPos::Right,
        };
        let style = if bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        let ts = TextStyle::from((SVG_FAMILY, em * PLOTTERS_EM, style).into_font())
            .color(&color)
            .pos(Pos::new(h, VPos::Top));
        self.area
            .draw_text(s, &ts, (px(x), px(y + 0.1 * em)))
            .map_err(draw_err)
    }

    /// Draws text rotated 90° anticlockwise, its start at the bottom `(x, y)`,
    /// its vertical centre line at `x`.
    pub fn text_up(
        &self,
        s: &str,
        x: f64,
        y: f64,
        em: f64,
        color: RGBColor,
    ) -> Result<(), ChartError> {
        let ts = TextStyle::from((SVG_FAMILY, em * PLOTTERS_EM, FontStyle::Normal).into_font())
            .color(&color)
            .transform(FontTransform::Rotate270)
            .pos(Pos::new(HPos::Left, VPos::Center));
        self.area
            .draw_text(s, &ts, (px(x), px(y)))
            .map_err(draw_err)
    }

    /// Draws wrapped lines from top `y`; returns the y below the last line.
    #[allow(clippy::too_many_arguments)]
    pub fn lines(
        &self,
        lines: &[String],
        x: f64,
        y: f64,
        em: f64,
        color: RGBColor,
        align: Align,
        bold: bool,
    ) -> Result<f64, ChartError> {
        let mut y = y;
        for l in lines {
            self.text(l, x, y, em, color, align, bold)?;
            y += em * LINE;
        }
        Ok(y)
    }

    pub fn finish(self) -> Result<(), ChartError> {
        self.area.present().map_err(draw_err)
    }
}

/// Line height as a multiple of the em size.
pub(crate) const LINE: f64 = 1.3;

/// One legend entry: a swatch style and a name.
#[derive(Debug, Clone)]
pub(crate) struct LegendItem {
    pub name: String,
    pub color: RGBColor,
    pub swatch: Swatch,
}

/// Legend swatch shapes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Swatch {
    Bar,
    Hollow,
    Tick,
    Dot,
}

/// Draws the frame: title (wrapped, at most two lines), legend (wrapped over
/// rows), footnote (at most three lines at the bottom). Returns the free
/// plot area between them.
pub(crate) fn frame(
    c: &Canvas,
    title: &str,
    legend: &[LegendItem],
    notes: &[String],
) -> Result<Rect, ChartError> {
    let s = c.sizes;
    let m = s.margin;
    let inner = c.width - 2.0 * m;
    let title_lines = wrap(title, inner, s.title, true, 2);
    let mut y = c.lines(
        &title_lines,
        m,
        m * 0.7,
        s.title,
        c.pal.text,
        Align::Left,
        true,
    )?;
    y += s.label * 0.3;

    if !legend.is_empty() {
        let em = s.label * 0.9;
        let sw = em * 1.2;
        let mut x = m;
        for item in legend {
            let name = font::ellipsize(&item.name, inner - sw - em * 0.5, em, false, false);
            let w = sw + em * 0.4 + text_width(&name, em, false) + em * 1.4;
            if x > m && x + w > c.width - m {
                x = m;
                y += em * LINE;
            }
            let cy = y + em * 0.55;
            let pal = c.pal;
            match item.swatch {
                Swatch::Bar => c.rect(
                    Rect {
                        x0: x,
                        y0: cy - sw * 0.4,
                        x1: x + sw,
                        y1: cy + sw * 0.4,
                    },
                    item.color,
                    true,
                    1.0,
                )?,
                Swatch::Hollow => {
                    c.rect(
                        Rect {
                            x0: x,
                            y0: cy - sw * 0.4,
                            x1: x + sw,
                            y1: cy + sw * 0.4,
                        },
                        pal.background,
                        true,
                        1.0,
                    )?;
                    c.rect(
                        Rect {
                            x0: x,
                            y0: cy - sw * 0.4,
                            x1: x + sw,
                            y1: cy + sw * 0.4,
                        },
                        item.color,
                        false,
                        (em * 0.12).max(1.5),
                    )?
                }
                Swatch::Tick => {
                    c.line(&[(x, cy), (x + sw, cy)], item.color, (em * 0.2).max(2.0))?
                }
                Swatch::Dot => {
                    c.line(&[(x, cy), (x + sw, cy)], item.color, (em * 0.12).max(1.5))?;
                    c.circle((x + sw / 2.0, cy), em * 0.3, item.color, true, 1.0)?
                }
            }
            c.text(
                &name,
                x + sw + em * 0.4,
                y,
                em,
                c.pal.text,
                Align::Left,
                false,
            )?;
            x += w;
        }
        y += em * LINE + s.label * 0.4;
    }

    let note_lines: Vec<String> = notes
        .iter()
        .flat_map(|n| wrap(n, inner, s.small, false, 3))
        .take(4)
        .collect();
    let foot_h = note_lines.len() as f64 * s.small * LINE;
    let foot_y = c.height - m * 0.6 - foot_h;
    c.lines(
        &note_lines,
        m,
        foot_y,
        s.small,
        c.pal.muted,
        Align::Left,
        false,
    )?;

    Ok(Rect {
        x0: m,
        y0: y,
        x1: c.width - m,
        y1: foot_y - s.small * 0.8,
    })
}

/// A "nice" axis: ticks at 1, 2, 2.5 or 5 × 10^k covering `[lo, hi]`.
pub(crate) fn nice_ticks(lo: f64, hi: f64, target: usize) -> Vec<f64> {
    let (lo, hi) = if lo.is_finite() && hi.is_finite() {
        (lo.min(0.0), hi.max(0.0))
    } else {
        (0.0, 1.0)
    };
    let span = if hi - lo > 0.0 { hi - lo } else { 1.0 };
    let raw = span / target.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    let start = (lo / step).floor() as i64;
    let end = (hi / step).ceil() as i64;
    let end = if end == start { start + 1 } else { end };
    (start..=end).map(|i| i as f64 * step).collect()
}

/// Footnote naming the source documents.
///
/// Up to six documents are named with their titles; more are listed by city
/// and period so the footnote stays within its lines.
pub(crate) fn source_note(docs: &[crate::compare::DocRef], zh: bool) -> String {
    let with_titles = docs.len() <= 6;
    let items: Vec<String> = docs
        .iter()
        .map(|d| match &d.title {
            Some(t) if with_titles && !t.trim().is_empty() => {
                if zh {
                    format!("{}《{}》", d.city_label(), t.trim())
                } else {
                    format!("{} “{}”", d.city_label(), t.trim())
                }
            }
            _ => d.label(),
        })
        .collect();
    if zh {
        format!("来源：{}", items.join("；"))
    } else {
        format!("Sources: {}", items.join("; "))
    }
}
