//! The `compare` and `chart` commands.

use std::path::Path;

use planlens::chart::{self, ChartData, ChartKind, ChartOptions, Lang, Theme};
use planlens::compare::{self, Selection};
use planlens::present::{self, ChartSpec, CompareData};
use planlens::store::Store;
use planlens::targets::Catalog;

use super::CliError;

/// Output format of `compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TableFormat {
    /// Aligned plain text.
    Table,
    /// CSV, one line per figure with provenance.
    Csv,
    /// JSON.
    Json,
}

/// Splits a comma-separated list; `None` when absent or empty.
pub fn list(arg: &Option<String>) -> Option<Vec<String>> {
    arg.as_ref()
        .map(|s| {
            s.split([',', '，'])
                .map(|x| x.trim().to_string())
                .filter(|x| !x.is_empty())
                .collect::<Vec<_>>()
        })
        .filter(|v| !v.is_empty())
}

/// Builds a selection from the CLI's `--docs`, `--cities`, `--indicators`.
pub fn selection(
    store: &Store,
    docs: &Option<String>,
    cities: &Option<String>,
    indicators: &Option<String>,
) -> Result<Selection, CliError> {
    let docs = match list(docs) {
        None => None,
        Some(sels) => Some(
            sels.iter()
                .map(|s| super::docs::resolve_doc(store, s))
                .collect::<Result<Vec<_>, _>>()?,
        ),
    };
    Ok(Selection {
        docs,
        cities: list(cities),
        indicators: list(indicators),
        others: false,
    })
}

/// Prints the comparison table.
pub fn print_compare(
    store: &Store,
    catalog: &Catalog,
    sel: &Selection,
    format: TableFormat,
    lang: Lang,
) -> Result<(), CliError> {
    let data = CompareData::load(store)?;
    let table = present::comparison(&data, catalog, sel)?;
    let names = present::display_names(catalog);
    match format {
        TableFormat::Table => print!("{}", compare::to_text(&table, &names, lang == Lang::Zh)),
        TableFormat::Csv => print!("{}", compare::to_csv(&table, &names)),
        TableFormat::Json => println!("{}", compare::to_json(&table, &names)),
    }
    Ok(())
}

/// Parses `WxH`, e.g. `1920x1080`.
pub fn parse_size(s: &str) -> Result<(u32, u32), String> {
    let (w, h) = s
        .split_once(['x', 'X', '×'])
        .ok_or_else(|| format!("size {s:?} is not WIDTHxHEIGHT, e.g. 1920x1080"))?;
    let num = |v: &str| {
        v.trim()
            .parse::<u32>()
            .map_err(|_| format!("size {s:?} is not WIDTHxHEIGHT, e.g. 1920x1080"))
    };
    Ok((num(w)?, num(h)?))
}

/// Everything `chart` needs besides the selection.
pub struct ChartArgs<'a> {
    /// Chart kind.
    pub kind: ChartKind,
    /// City of a timeline.
    pub city: Option<String>,
    /// Output file (`.svg` or `.png`).
    pub out: &'a Path,
    /// Size in CSS pixels.
    pub size: (u32, u32),
    /// Theme.
    pub theme: Theme,
    /// Language.
    pub lang: Lang,
    /// PNG scale (1 or 2).
    pub scale: f32,
    /// SVG with text as paths.
    pub text_as_paths: bool,
    /// Draw the theme coverage heatmap with this count instead.
    pub themes: Option<present::ThemeMetric>,
}

/// The documents a themes heatmap shows: `--docs`, else the documents of
/// `--cities`, else all (empty).
fn theme_columns(store: &Store, sel: &Selection) -> Result<Vec<i64>, CliError> {
    if let Some(d) = &sel.docs {
        return Ok(d.clone());
    }
    let Some(cities) = &sel.cities else {
        return Ok(Vec::new());
    };
    let ids: Vec<i64> = store
        .list_documents()?
        .into_iter()
        .filter(|d| {
            d.meta.city.as_deref().is_some_and(|c| {
                cities
                    .iter()
                    .any(|x| c.trim_end_matches('市') == x.trim_end_matches('市'))
            })
        })
        .map(|d| d.id)
        .collect();
    if ids.is_empty() {
        return Err(CliError::Usage(format!(
            "no document of {}",
            cities.join(", ")
        )));
    }
    Ok(ids)
}

/// Renders a chart to a file; the format follows the file's extension.
pub fn write_chart(
    store: &Store,
    catalog: &Catalog,
    selection: Selection,
    args: ChartArgs<'_>,
) -> Result<(), CliError> {
    let ext = args
        .out
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let png = match ext.as_deref() {
        Some("png") => true,
        Some("svg") => false,
        _ => {
            return Err(CliError::Usage(format!(
                "{}: the output must end in .svg or .png",
                args.out.display()
            )))
        }
    };
    let chart_data = match args.themes {
        Some(metric) => {
            let docs = theme_columns(store, &selection)?;
            ChartData::Heatmap(present::theme_heatmap(
                store,
                planlens::themes::Taxonomy::builtin(),
                &docs,
                metric,
                args.lang,
            )?)
        }
        None => {
            let data = CompareData::load(store)?;
            let spec = ChartSpec {
                kind: args.kind,
                selection,
                city: args.city,
                lang: args.lang,
            };
            present::build_chart(&data, catalog, &spec)?
        }
    };
    let opts = ChartOptions {
        width: args.size.0,
        height: args.size.1,
        theme: args.theme,
        lang: args.lang,
        scale: args.scale,
        text_as_paths: args.text_as_paths,
        title: None,
    };
    let bytes = if png {
        chart::render_png(&chart_data, &opts).map_err(present::PresentError::from)?
    } else {
        chart::render_svg(&chart_data, &opts)
            .map_err(present::PresentError::from)?
            .into_bytes()
    };
    std::fs::write(args.out, &bytes)
        .map_err(|e| CliError::Usage(format!("{}: cannot write: {e}", args.out.display())))?;
    println!("wrote {} ({} bytes)", args.out.display(), bytes.len());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("1920x1080"), Ok((1920, 1080)));
        assert_eq!(parse_size("1280×720"), Ok((1280, 720)));
        assert!(parse_size("big").is_err());
        assert!(parse_size("10x").is_err());
    }

    #[test]
    fn lists() {
        assert_eq!(
            list(&Some("a, b,,c".into())),
            Some(vec!["a".into(), "b".into(), "c".into()])
        );
        assert_eq!(
            list(&Some("滨州，日照".into())),
            Some(vec!["滨州".into(), "日照".into()])
        );
        assert_eq!(list(&Some(" ".into())), None);
        assert_eq!(list(&None), None);
    }
}
