//! Argument parsing and dispatch of the `planlens` commands.

mod charts;
mod corrections;
mod docs;
mod search;
mod table;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use planlens::ingest::{self, Context, DEFAULT_MAX_BYTES};
use planlens::metadata::Gazetteer;
use planlens::store::{self, Store};
use planlens::targets::Catalog;

/// Compare the science-and-technology plans of Chinese cities.
#[derive(Debug, Parser)]
#[command(name = "planlens", version, about)]
pub struct Cli {
    /// Database file [default: per-user data directory, or $PLANLENS_DB].
    #[arg(long, global = true, env = "PLANLENS_DB")]
    pub db: Option<PathBuf>,
    /// Do not load the five seed plans into an empty database.
    #[arg(long, global = true)]
    pub no_seeds: bool,
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import plan files or folders of plan files (one transaction per file).
    Import {
        /// Files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Largest file accepted, in MB.
        #[arg(long, default_value_t = DEFAULT_MAX_BYTES / 1024 / 1024)]
        max_mb: u64,
    },
    /// List the stored documents.
    List {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Show one document: metadata, warnings, outline and task items.
    Show {
        /// Document id, city (e.g. 滨州 or 滨州市) or source file name.
        doc: String,
        /// Print the whole section tree with roles.
        #[arg(long)]
        tree: bool,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Analyse a file without storing it.
    Extract {
        /// The plan file.
        file: PathBuf,
        /// Print one JSON object (document, sections, tasks, targets).
        #[arg(long)]
        json: bool,
    },
    /// List stored targets.
    Targets {
        /// Only this document (id, city or file name).
        #[arg(long)]
        doc: Option<String>,
        /// Only this indicator id.
        #[arg(long)]
        indicator: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Compare documents side by side on indicators.
    Compare {
        /// Documents (ids, cities or file names, comma-separated).
        #[arg(long)]
        docs: Option<String>,
        /// Cities, comma-separated (all their documents).
        #[arg(long, conflicts_with = "docs")]
        cities: Option<String>,
        /// Indicator ids, comma-separated (`planlens indicators` lists them).
        #[arg(long)]
        indicators: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: charts::TableFormat,
        /// Language of the table headers.
        #[arg(long, value_enum, default_value = "zh")]
        lang: LangArg,
    },
    /// Render a chart to an SVG or PNG file.
    Chart {
        /// Chart kind.
        #[arg(long, value_enum, default_value = "bar")]
        kind: KindArg,
        /// Documents (ids, cities or file names, comma-separated).
        #[arg(long)]
        docs: Option<String>,
        /// Cities, comma-separated.
        #[arg(long, conflicts_with = "docs")]
        cities: Option<String>,
        /// Indicator ids, comma-separated.
        #[arg(long)]
        indicators: Option<String>,
        /// The city of a timeline.
        #[arg(long)]
        city: Option<String>,
        /// Output file: FILE.svg or FILE.png.
        #[arg(long)]
        out: PathBuf,
        /// Size in pixels, WIDTHxHEIGHT (presets: 1920x1080, 1280x720).
        #[arg(long, default_value = "1920x1080", value_parser = charts::parse_size)]
        size: (u32, u32),
        /// Theme.
        #[arg(long, value_enum, default_value = "light")]
        theme: ThemeArg,
        /// Label language.
        #[arg(long, value_enum, default_value = "zh")]
        lang: LangArg,
        /// PNG pixel density (2 for projectors and retina screens).
        #[arg(long, default_value_t = 1.0)]
        scale: f32,
        /// SVG: convert text to paths so it looks the same in any program.
        #[arg(long)]
        text_as_paths: bool,
        /// `--kind themes`: count task items or the targets inside them.
        #[arg(long, value_enum, default_value = "tasks")]
        metric: MetricArg,
    },
    /// Full-text search over sections and task items.
    Search(search::SearchArgs),
    /// The task items of other documents most similar to one task item.
    Similar {
        /// Task item id (`task` in `planlens search` output).
        task_id: i64,
        /// How many to show.
        #[arg(long, default_value_t = 5)]
        top: usize,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Theme coverage (documents × themes), or one task item's themes.
    Themes(search::ThemesArgs),
    /// Correct a stored figure (target) the extraction got wrong; kept with
    /// who, when and a history (undo with --undo).
    Correct(corrections::CorrectArgs),
    /// Correct a document's metadata: city, province, level, kind, period,
    /// title, issuer, 文号.
    CorrectDoc(corrections::CorrectDocArgs),
    /// List the corrections (table, --json or --csv).
    Corrections(corrections::ListArgs),
    /// The indicator catalog, unmapped phrases and user mappings.
    Indicators {
        /// List indicator phrases of stored targets that map to no indicator.
        #[arg(long)]
        unmapped: bool,
        #[command(subcommand)]
        action: Option<IndicatorAction>,
    },
}

/// Changes to indicator mappings.
#[derive(Debug, Subcommand)]
pub enum IndicatorAction {
    /// Map an indicator phrase (as written) to a catalog id; applied to stored
    /// targets now and on every future import.
    Map {
        /// The phrase as written, e.g. 科技型中小企业入库数.
        phrase: String,
        /// Catalog id, e.g. tech_smes.
        id: String,
    },
}

/// Label language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LangArg {
    /// 中文.
    Zh,
    /// English.
    En,
}

impl From<LangArg> for planlens::chart::Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::Zh => planlens::chart::Lang::Zh,
            LangArg::En => planlens::chart::Lang::En,
        }
    }
}

/// Chart theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ThemeArg {
    /// Dark text on white.
    Light,
    /// Light text on near-black.
    Dark,
}

/// Chart kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum KindArg {
    /// Grouped bars across documents.
    Bar,
    /// One panel per indicator.
    Multiples,
    /// Documents × indicators coverage.
    Heatmap,
    /// One city's targets over the years.
    Timeline,
    /// Documents × themes of their task items (see `--metric`).
    Themes,
}

/// What the themes heatmap counts.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum MetricArg {
    /// Task items under each theme.
    Tasks,
    /// Targets inside those task items.
    Targets,
}

/// Errors of the CLI layer.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Store(#[from] planlens::store::StoreError),
    #[error(transparent)]
    Ingest(#[from] planlens::ingest::IngestError),
    #[error(transparent)]
    Seeds(#[from] planlens::seeds::SeedError),
    #[error(transparent)]
    Catalog(#[from] planlens::targets::CatalogError),
    #[error(transparent)]
    Present(#[from] planlens::present::PresentError),
    #[error("{0}")]
    Usage(String),
    #[error("cannot write JSON: {0}")]
    Json(#[from] serde_json::Error),
}

/// Runs one command; `Ok` carries the exit code.
pub fn run(cli: Cli) -> Result<ExitCode, CliError> {
    let gazetteer = Gazetteer::builtin();
    if let Command::Extract { file, json } = &cli.command {
        let catalog = Catalog::builtin();
        let ctx = Context {
            gazetteer,
            manifest: None,
            catalog: &catalog,
            max_bytes: DEFAULT_MAX_BYTES,
        };
        let analysis = ingest::analyze_file(file, &ctx)?;
        docs::print_extract(&analysis, *json)?;
        return Ok(ExitCode::SUCCESS);
    }

    let db_path = cli.db.clone().unwrap_or_else(store::default_db_path);
    let mut store = Store::open(&db_path)?;
    let mut catalog = Catalog::builtin();
    for (phrase, id) in store.indicator_mappings()? {
        catalog.add_mapping(&phrase, &id)?;
    }
    let manifest = planlens::seeds::manifest();
    let seed_ctx = Context {
        gazetteer,
        manifest: Some(&manifest),
        catalog: &catalog,
        max_bytes: DEFAULT_MAX_BYTES,
    };
    if !cli.no_seeds {
        let n = planlens::seeds::load_if_empty(&mut store, &seed_ctx)?;
        if n > 0 {
            eprintln!(
                "planlens: new database {}: loaded the {n} seed plans",
                db_path.display()
            );
        }
    }

    match cli.command {
        Command::Extract { .. } => unreachable!("handled above"),
        Command::Import { paths, max_mb } => {
            let ctx = Context {
                gazetteer,
                manifest: None,
                catalog: &catalog,
                max_bytes: max_mb.saturating_mul(1024 * 1024),
            };
            let reports = ingest::import_paths(&mut store, &paths, &ctx);
            Ok(docs::print_import_reports(&reports))
        }
        Command::List { json } => {
            docs::print_list(&store.list_documents()?, json)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Show { doc, tree, json } => {
            let id = docs::resolve_doc(&store, &doc)?;
            docs::print_show(&store, id, tree, json)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Targets {
            doc,
            indicator,
            json,
        } => {
            let document = doc.map(|d| docs::resolve_doc(&store, &d)).transpose()?;
            let filter = store::TargetFilter {
                document,
                indicator,
                unmapped: false,
                include_excluded: true,
            };
            docs::print_targets(&store, &store.targets(&filter)?, json)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Compare {
            docs,
            cities,
            indicators,
            format,
            lang,
        } => {
            let sel = charts::selection(&store, &docs, &cities, &indicators)?;
            charts::print_compare(&store, &catalog, &sel, format, lang.into())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Chart {
            kind,
            docs,
            cities,
            indicators,
            city,
            out,
            size,
            theme,
            lang,
            scale,
            text_as_paths,
            metric,
        } => {
            let sel = charts::selection(&store, &docs, &cities, &indicators)?;
            let args = charts::ChartArgs {
                kind: match kind {
                    KindArg::Bar => planlens::chart::ChartKind::Bar,
                    KindArg::Multiples => planlens::chart::ChartKind::Multiples,
                    KindArg::Heatmap | KindArg::Themes => planlens::chart::ChartKind::Heatmap,
                    KindArg::Timeline => planlens::chart::ChartKind::Timeline,
                },
                themes: matches!(kind, KindArg::Themes).then_some(match metric {
                    MetricArg::Tasks => planlens::present::ThemeMetric::Tasks,
                    MetricArg::Targets => planlens::present::ThemeMetric::Targets,
                }),
                city,
                out: &out,
                size,
                theme: match theme {
                    ThemeArg::Light => planlens::chart::Theme::Light,
                    ThemeArg::Dark => planlens::chart::Theme::Dark,
                },
                lang: lang.into(),
                scale,
                text_as_paths,
            };
            charts::write_chart(&store, &catalog, sel, args)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Search(args) => {
            search::run_search(&store, args)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Similar { task_id, top, json } => {
            search::run_similar(&store, task_id, top, json)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Themes(args) => {
            search::run_themes(&mut store, args)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Correct(args) => {
            corrections::run_correct(&mut store, &catalog, args)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::CorrectDoc(args) => {
            corrections::run_correct_doc(&mut store, args)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Corrections(args) => {
            corrections::run_list(&store, args)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Indicators { unmapped, action } => match action {
            Some(IndicatorAction::Map { phrase, id }) => {
                if !catalog.indicators().iter().any(|i| i.id == id) {
                    return Err(CliError::Usage(format!(
                        "unknown indicator id {id:?}; `planlens indicators` lists them"
                    )));
                }
                let n = store.map_indicator(&phrase, &id)?;
                println!("mapped {phrase:?} → {id} ({n} stored targets updated)");
                Ok(ExitCode::SUCCESS)
            }
            None if unmapped => {
                let rows = store.unmapped_phrases()?;
                let body: Vec<Vec<String>> = rows
                    .iter()
                    .map(|(p, n)| vec![n.to_string(), p.clone()])
                    .collect();
                table::print(&["targets", "indicator phrase"], &body);
                Ok(ExitCode::SUCCESS)
            }
            None => {
                let body: Vec<Vec<String>> = catalog
                    .indicators()
                    .iter()
                    .map(|i| {
                        vec![
                            i.id.clone(),
                            i.name_zh.clone(),
                            i.name_en.clone(),
                            i.unit_family.as_str().to_string(),
                        ]
                    })
                    .collect();
                table::print(&["id", "指标", "indicator", "unit family"], &body);
                Ok(ExitCode::SUCCESS)
            }
        },
    }
}
