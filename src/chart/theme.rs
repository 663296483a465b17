//! Colour themes: light and dark, with the Okabe–Ito colour-blind-safe palette.

use plotters::style::RGBColor;
use serde::{Deserialize, Serialize};

/// Light or dark background.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// Dark text on white.
    #[default]
    Light,
    /// Light text on near-black.
    Dark,
}

/// The colours a chart is drawn with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    /// Background.
    pub background: RGBColor,
    /// Titles, labels and values.
    pub text: RGBColor,
    /// Secondary text: periods, footnotes, axis units.
    pub muted: RGBColor,
    /// Grid lines.
    pub grid: RGBColor,
    /// Axis lines.
    pub axis: RGBColor,
    /// Series colours in order (Okabe–Ito).
    pub series: [RGBColor; 7],
    /// Heatmap colour for the highest count (lowest is `background`).
    pub heat: RGBColor,
}

impl Theme {
    /// The palette of this theme.
    pub fn palette(self) -> Palette {
        // Okabe & Ito (2008): blue, orange, bluish green, vermillion,
        // reddish purple, sky blue, yellow. Black is left out: it vanishes on dark.
        let series = [
            RGBColor(0x00, 0x72, 0xB2),
            RGBColor(0xE6, 0x9F, 0x00),
            RGBColor(0x00, 0x9E, 0x73),
            RGBColor(0xD5, 0x5E, 0x00),
            RGBColor(0xCC, 0x79, 0xA7),
            RGBColor(0x56, 0xB4, 0xE9),
            RGBColor(0xF0, 0xE4, 0x42),
        ];
        match self {
            Theme::Light => Palette {
                background: RGBColor(0xFF, 0xFF, 0xFF),
                text: RGBColor(0x1F, 0x23, 0x28),
                muted: RGBColor(0x5C, 0x63, 0x6E),
                grid: RGBColor(0xE3, 0xE6, 0xEA),
                axis: RGBColor(0x8A, 0x91, 0x9C),
                series,
                heat: RGBColor(0x00, 0x72, 0xB2),
            },
            Theme::Dark => Palette {
                background: RGBColor(0x17, 0x1A, 0x1F),
                text: RGBColor(0xF1, 0xF3, 0xF5),
                muted: RGBColor(0xAE, 0xB5, 0xBF),
                grid: RGBColor(0x33, 0x38, 0x40),
                axis: RGBColor(0x6E, 0x76, 0x81),
                series: [
                    RGBColor(0x56, 0xB4, 0xE9),
                    series[1],
                    series[2],
                    series[3],
                    series[4],
                    RGBColor(0x00, 0x72, 0xB2),
                    series[6],
                ],
                heat: RGBColor(0x56, 0xB4, 0xE9),
            },
        }
    }
}

/// Linear blend from `a` (t = 0) to `b` (t = 1).
pub fn mix(a: RGBColor, b: RGBColor, t: f64) -> RGBColor {
    let t = t.clamp(0.0, 1.0);
    let f = |x: u8, y: u8| (f64::from(x) + (f64::from(y) - f64::from(x)) * t).round() as u8;
    RGBColor(f(a.0, b.0), f(a.1, b.1), f(a.2, b.2))
}

/// Relative luminance (0 dark … 1 light), to pick a readable text colour.
pub fn luminance(c: RGBColor) -> f64 {
    (0.2126 * f64::from(c.0) + 0.7152 * f64::from(c.1) + 0.0722 * f64::from(c.2)) / 255.0
}
