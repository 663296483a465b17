//! SVG to PNG with resvg, and SVG text to paths, using only the embedded font.

use std::sync::{Arc, OnceLock};

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{self, fontdb};

use super::font::{BOLD, FAMILY, REGULAR};
use super::{ChartError, ChartOptions};

/// A font database holding only the embedded faces, with every generic
/// family mapped to them (so no text silently vanishes).
fn database() -> Arc<fontdb::Database> {
    static DB: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = fontdb::Database::new();
        db.load_font_data(REGULAR.to_vec());
        db.load_font_data(BOLD.to_vec());
        db.set_sans_serif_family(FAMILY);
        db.set_serif_family(FAMILY);
        db.set_monospace_family(FAMILY);
        db.set_cursive_family(FAMILY);
        db.set_fantasy_family(FAMILY);
        Arc::new(db)
    })
    .clone()
}

fn parse(svg: &str) -> Result<usvg::Tree, ChartError> {
    let opt = usvg::Options {
        font_family: FAMILY.to_string(),
        fontdb: database(),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &opt).map_err(|e| ChartError::Svg(e.to_string()))
}

/// Rewrites `svg` with every text element converted to paths.
pub(crate) fn flatten_text(svg: &str) -> Result<String, ChartError> {
    let tree = parse(svg)?;
    Ok(tree.to_string(&usvg::WriteOptions::default()))
}

/// Rasterises `svg` at `opts.scale`.
pub(crate) fn to_png(svg: &str, opts: &ChartOptions) -> Result<Vec<u8>, ChartError> {
    let tree = parse(svg)?;
    let scale = opts.scale;
    let w = (opts.width as f32 * scale).round() as u32;
    let h = (opts.height as f32 * scale).round() as u32;
    let mut pixmap = Pixmap::new(w, h).ok_or(ChartError::InvalidSize {
        width: opts.width,
        height: opts.height,
        scale,
    })?;
    resvg::render(
        &tree,
        Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| ChartError::Png(e.to_string()))
}
