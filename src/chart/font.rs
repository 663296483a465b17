//! The embedded CJK font: registration with plotters, text measurement and
//! line wrapping.
//!
//! Charts use one family only, a subset of Noto Sans CJK SC shipped in
//! `data/fonts/` (see its README). Text is measured with the font's own
//! advance widths so labels can be wrapped and placed without overlap.

use std::sync::OnceLock;

use plotters::style::{FontDesc, FontFamily, FontStyle};

use super::ChartError;

/// Family name inside the embedded font files.
pub const FAMILY: &str = "Noto Sans CJK SC";

/// The `font-family` list written into SVG: the embedded family first, then
/// common CJK system fonts for viewers that do not have it.
pub(crate) const SVG_FAMILY: &str =
    "Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif";

/// Noto Sans CJK SC Regular, subset (OpenType/CFF).
pub static REGULAR: &[u8] = include_bytes!("../../data/fonts/NotoSansCJKsc-Subset-Regular.otf");
/// Noto Sans CJK SC Bold, subset (OpenType/CFF).
pub static BOLD: &[u8] = include_bytes!("../../data/fonts/NotoSansCJKsc-Subset-Bold.otf");

/// plotters sizes text by line height; one em is `size / 1.24` in its SVG
/// output. Factor from a plotters size to an em size.
pub(crate) const PLOTTERS_EM: f64 = 1.24;

/// Measurement calibration: em widths per unit of plotters' measured width,
/// for regular and bold (plotters scales glyphs by line height, not em).
fn calibration() -> Result<(f64, f64), ChartError> {
    static CAL: OnceLock<Result<(f64, f64), ChartError>> = OnceLock::new();
    CAL.get_or_init(|| {
        plotters::style::register_font(SVG_FAMILY, FontStyle::Normal, REGULAR)
            .map_err(|_| ChartError::Font("embedded regular face does not parse".into()))?;
        plotters::style::register_font(SVG_FAMILY, FontStyle::Bold, BOLD)
            .map_err(|_| ChartError::Font("embedded bold face does not parse".into()))?;
        // Ten ideographs are exactly ten ems wide in Noto Sans CJK.
        let probe = "一二三四五六七八九十";
        let measure = |style| {
            FontDesc::new(FontFamily::Name(SVG_FAMILY), 1000.0, style)
                .box_size(probe)
                .map_err(|e| ChartError::Font(e.to_string()))
                .and_then(|(w, _)| {
                    if w == 0 {
                        Err(ChartError::Font("embedded font has no advances".into()))
                    } else {
                        Ok(10_000.0 / f64::from(w))
                    }
                })
        };
        Ok((measure(FontStyle::Normal)?, measure(FontStyle::Bold)?))
    })
    .clone()
}

/// Makes sure the embedded faces are registered with plotters.
pub(crate) fn ensure_registered() -> Result<(), ChartError> {
    calibration().map(|_| ())
}

/// Width in pixels of `text` set at `em` pixels per em.
pub fn text_width(text: &str, em: f64, bold: bool) -> f64 {
    let Ok((reg, bld)) = calibration() else {
        // Fallback estimate: ideographs one em, the rest about half.
        return text
            .chars()
            .map(|c| if (c as u32) < 0x2E80 { 0.55 } else { 1.0 })
            .sum::<f64>()
            * em;
    };
    let style = if bold {
        FontStyle::Bold
    } else {
        FontStyle::Normal
    };
    let w = FontDesc::new(FontFamily::Name(SVG_FAMILY), 1000.0, style)
        .box_size(text)
        .map(|(w, _)| f64::from(w))
        .unwrap_or(0.0);
    w * if bold { bld } else { reg } * em / 1000.0
}

/// Closing punctuation that must not start a line.
fn no_line_start(c: char) -> bool {
    "，。、；：？！）》」』】〕”’,.;:?!)]}%…·".contains(c)
}

/// Opening punctuation that must not end a line.
fn no_line_end(c: char) -> bool {
    "（《「『【〔“‘([{".contains(c)
}

/// Splits text into unbreakable units: Latin words and numbers stay whole,
/// every other character is its own unit, punctuation sticks to its neighbour.
fn units(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut glue_next = false;
    for c in text.chars() {
        let word = c.is_ascii_alphanumeric() || "._-+/%'’≥≤≈".contains(c);
        let join = match out.last() {
            Some(last) => {
                glue_next
                    || no_line_start(c)
                    || (word
                        && last
                            .chars()
                            .last()
                            .is_some_and(|p| p.is_ascii_alphanumeric() || "._-+/≥≤≈".contains(p)))
            }
            None => false,
        };
        if join {
            if let Some(last) = out.last_mut() {
                last.push(c);
            }
        } else {
            out.push(c.to_string());
        }
        glue_next = no_line_end(c);
    }
    out
}

/// Wraps `text` into lines no wider than `max_width` at `em`, breaking
/// between ideographs and at spaces, never inside a Latin word or number
/// unless it alone is too wide. At most `max_lines` lines; the last is cut
/// with `…` when text remains.
pub fn wrap(text: &str, max_width: f64, em: f64, bold: bool, max_lines: usize) -> Vec<String> {
    let max_lines = max_lines.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut overflow = false;
    for u in units(text.trim()) {
        let candidate = format!("{cur}{u}");
        if cur.is_empty() || text_width(candidate.trim_end(), em, bold) <= max_width {
            cur = candidate;
            continue;
        }
        if lines.len() + 1 == max_lines {
            overflow = true;
            break;
        }
        lines.push(cur.trim_end().to_string());
        cur = u.trim_start().to_string();
    }
    if !cur.trim().is_empty() {
        lines.push(cur.trim_end().to_string());
    }
    // Hard-cut any single unit that is still too wide (a long Latin word).
    if let Some(last) = lines.last_mut() {
        if overflow || text_width(last, em, bold) > max_width {
            *last = ellipsize(last, max_width, em, bold, overflow);
        }
    }
    lines
}

/// Cuts `s` so that it plus `…` fits in `max_width`. `force` adds `…` even
/// when `s` already fits (text was dropped after it).
pub fn ellipsize(s: &str, max_width: f64, em: f64, bold: bool, force: bool) -> String {
    if !force && text_width(s, em, bold) <= max_width {
        return s.to_string();
    }
    let mut chars: Vec<char> = s.chars().collect();
    loop {
        let t: String = chars.iter().collect::<String>() + "…";
        if chars.is_empty() || text_width(&t, em, bold) <= max_width {
            return t;
        }
        chars.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ideographs_are_one_em() {
        let w = text_width("高新技术企业", 20.0, false);
        assert!((w - 120.0).abs() < 1.5, "{w}");
        let digits = text_width("100", 20.0, false);
        assert!(digits > 15.0 && digits < 45.0, "{digits}");
    }

    #[test]
    fn wraps_between_ideographs_and_keeps_numbers_whole() {
        let lines = wrap(
            "规模以上工业企业研发机构覆盖率2025年达到50%",
            130.0,
            20.0,
            false,
            5,
        );
        assert!(lines.len() > 1);
        assert!(
            lines.iter().all(|l| text_width(l, 20.0, false) <= 130.5),
            "{lines:?}"
        );
        assert!(lines.iter().any(|l| l.contains("2025")), "{lines:?}");
        assert_eq!(
            lines.concat(),
            "规模以上工业企业研发机构覆盖率2025年达到50%"
        );
    }

    #[test]
    fn closing_punctuation_never_starts_a_line() {
        for w in [40.0, 60.0, 80.0, 100.0] {
            for l in wrap("企业，平台。人才、资金（基金）", w, 20.0, false, 10) {
                assert!(!l.starts_with(['，', '。', '、', '）']), "{l}");
            }
        }
    }

    #[test]
    fn truncates_with_ellipsis() {
        let lines = wrap(
            "一二三四五六七八九十一二三四五六七八九十",
            100.0,
            20.0,
            false,
            2,
        );
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'));
        assert!(text_width(&lines[1], 20.0, false) <= 100.5);
    }

    #[test]
    fn empty_and_tiny_widths_do_not_panic() {
        assert!(wrap("", 100.0, 20.0, false, 2).is_empty());
        let l = wrap("Supercalifragilistic", 5.0, 20.0, true, 1);
        assert_eq!(l.len(), 1);
    }
}
