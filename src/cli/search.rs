//! The `search` command (and, below, `similar` and `themes`).

use planlens::model::{PlanKind, SectionRole};
use planlens::search::synonyms::{self, Expansion};
use planlens::search::{SearchHit, SearchQuery};
use planlens::store::Store;
use planlens::targets::Catalog;

use super::CliError;

/// Filters of `planlens search`, as typed.
#[derive(Debug, Clone, clap::Args)]
pub struct SearchArgs {
    /// Query: terms separated by spaces, all must occur (e.g. 人才 孵化).
    #[arg(required = true)]
    pub query: Vec<String>,
    /// Only this city (滨州 or 滨州市).
    #[arg(long)]
    pub city: Option<String>,
    /// Only documents covering this year.
    #[arg(long)]
    pub year: Option<i32>,
    /// Only this plan kind: annual_work_plan, implementation_plan, five_year_plan, other.
    #[arg(long)]
    pub kind: Option<String>,
    /// Only this section role: background, guidance, goals, tasks, safeguards, other.
    #[arg(long)]
    pub role: Option<String>,
    /// Only task items of this theme id (`planlens themes` lists them).
    #[arg(long)]
    pub theme: Option<String>,
    /// Leave out documents of this city (repeatable: --exclude-city 滨州 --exclude-city 日照).
    #[arg(long = "exclude-city", value_name = "CITY")]
    pub exclude_city: Vec<String>,
    /// Search only the words typed: a query naming a catalog indicator
    /// (研发投入强度) is not widened to the indicator's other phrases.
    #[arg(long)]
    pub no_synonyms: bool,
    /// Do not search this synonym phrase (repeatable).
    #[arg(long = "drop-synonym", value_name = "PHRASE")]
    pub drop_synonym: Vec<String>,
    /// Most hits shown.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// Print JSON: `{"synonyms": [...], "hits": [...]}`.
    #[arg(long)]
    pub json: bool,
}

/// Runs `planlens search`.
pub fn run_search(store: &Store, a: SearchArgs) -> Result<(), CliError> {
    let kind = a
        .kind
        .as_deref()
        .map(|k| {
            PlanKind::parse(k).ok_or_else(|| {
                CliError::Usage(format!(
                    "unknown kind {k:?}: annual_work_plan, implementation_plan, five_year_plan or other"
                ))
            })
        })
        .transpose()?;
    let role = a
        .role
        .as_deref()
        .map(|r| {
            SectionRole::parse(r).ok_or_else(|| {
                CliError::Usage(format!(
                    "unknown role {r:?}: background, guidance, goals, tasks, safeguards or other"
                ))
            })
        })
        .transpose()?;
    let q = SearchQuery {
        text: a.query.join(" "),
        city: a.city,
        year: a.year,
        kind,
        role,
        theme: a.theme,
        limit: a.limit,
        synonyms: !a.no_synonyms,
        drop_synonyms: a.drop_synonym,
        exclude_cities: a.exclude_city,
    };
    let hits = store.search(&q)?;
    let synonyms = if q.synonyms {
        synonyms::expand(&q.text, &Catalog::builtin(), &q.drop_synonyms)
    } else {
        Vec::new()
    };
    if a.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({
                "synonyms": synonyms,
                "hits": hits,
            }))?
        );
    } else {
        print_synonyms(&synonyms);
        print_hits(&hits);
    }
    Ok(())
}

fn print_synonyms(expansions: &[Expansion]) {
    for e in expansions {
        let names: Vec<&str> = e.indicators.iter().map(|i| i.id.as_str()).collect();
        println!(
            "synonyms of {} ({}): {}{}",
            e.term,
            names.join(", "),
            e.phrases.join(", "),
            if e.dropped.is_empty() {
                String::new()
            } else {
                format!(" (dropped: {})", e.dropped.join(", "))
            }
        );
    }
    if !expansions.is_empty() {
        println!("(--no-synonyms searches only the words typed)");
    }
}

fn print_hits(hits: &[SearchHit]) {
    if hits.is_empty() {
        println!("no hits");
        return;
    }
    for h in hits {
        let task = h.task_id.map(|t| format!(" task {t}")).unwrap_or_default();
        let path = if h.section_path.is_empty() {
            "(preamble)".to_string()
        } else {
            format!("{} {}", h.section_path, h.section_title)
        };
        println!(
            "[{:.2}] doc {} {} · {} · {}{} · chars {}",
            h.score,
            h.document_id,
            h.document_title,
            path,
            h.role.as_str(),
            task,
            h.hits
                .first()
                .map(|s| format!("{}–{}", s.start, s.end))
                .unwrap_or_default()
        );
        println!("    {}", highlight(&h.snippet, &h.highlights));
    }
}

/// Marks the highlights of a snippet with 【】.
fn highlight(snippet: &str, spans: &[planlens::search::Span]) -> String {
    let mut out = String::new();
    for (i, c) in snippet.chars().enumerate() {
        if spans.iter().any(|s| s.start == i) {
            out.push('【');
        }
        out.push(c);
        if spans.iter().any(|s| s.end == i + 1) {
            out.push('】');
        }
    }
    out
}

/// Runs `planlens similar`.
pub fn run_similar(store: &Store, task_id: i64, top: usize, json: bool) -> Result<(), CliError> {
    let query = store.task_ref(task_id)?;
    let similar = store.similar_tasks(task_id, top)?;
    if json {
        let v = serde_json::json!({ "task": query, "similar": similar });
        println!("{}", serde_json::to_string_pretty(&v)?);
        return Ok(());
    }
    println!(
        "task {} · {} · {} {}",
        query.task_id, query.document_title, query.path, query.title
    );
    if similar.is_empty() {
        println!("no similar task items in other documents");
        return Ok(());
    }
    let rows: Vec<Vec<String>> = similar
        .iter()
        .map(|s| {
            vec![
                format!("{:.3}", s.score),
                s.task_id.to_string(),
                s.document_title.clone(),
                s.path.clone(),
                s.title.clone(),
            ]
        })
        .collect();
    super::table::print(&["score", "task", "document", "path", "title"], &rows);
    Ok(())
}

/// What `planlens themes` does.
#[derive(Debug, Clone, clap::Args)]
pub struct ThemesArgs {
    /// Only this document (id, city or file name).
    #[arg(long)]
    pub doc: Option<String>,
    /// Show (or, with --add/--remove/--reset, change) the themes of this task item.
    #[arg(long)]
    pub task: Option<i64>,
    /// Give the task item this theme (kept across re-imports).
    #[arg(long, requires = "task")]
    pub add: Option<String>,
    /// Take this theme from the task item (kept across re-imports).
    #[arg(long, requires = "task", conflicts_with = "add")]
    pub remove: Option<String>,
    /// Forget your decision on this theme for the task item.
    #[arg(long, requires = "task", conflicts_with_all = ["add", "remove"])]
    pub reset: Option<String>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// Runs `planlens themes`.
pub fn run_themes(store: &mut Store, a: ThemesArgs) -> Result<(), CliError> {
    let taxonomy = planlens::themes::Taxonomy::builtin();
    let known = |id: &str| -> Result<(), CliError> {
        taxonomy
            .require(id)
            .map(|_| ())
            .map_err(|e| CliError::Usage(e.to_string()))
    };
    if let Some(task) = a.task {
        if let Some(t) = &a.add {
            known(t)?;
            store.set_task_theme(task, t, true)?;
        }
        if let Some(t) = &a.remove {
            known(t)?;
            store.set_task_theme(task, t, false)?;
        }
        if let Some(t) = &a.reset {
            store.clear_task_theme(task, t)?;
        }
        let r = store.task_ref(task)?;
        let themes = store.task_themes(task)?;
        if a.json {
            let v = serde_json::json!({ "task": r, "themes": themes });
            println!("{}", serde_json::to_string_pretty(&v)?);
        } else {
            println!(
                "task {} · {} · {} {}",
                r.task_id, r.document_title, r.path, r.title
            );
            let rows: Vec<Vec<String>> = themes
                .iter()
                .map(|t| {
                    let zh = taxonomy.get(&t.theme).map_or("", |x| x.zh.as_str());
                    vec![
                        t.theme.clone(),
                        zh.to_string(),
                        format!("{:.2}", t.confidence),
                        t.source.clone(),
                    ]
                })
                .collect();
            super::table::print(&["theme", "主题", "confidence", "source"], &rows);
        }
        return Ok(());
    }
    let doc = a
        .doc
        .as_deref()
        .map(|d| super::docs::resolve_doc(store, d))
        .transpose()?;
    let cov = store.theme_coverage(doc)?;
    if a.json {
        println!("{}", serde_json::to_string_pretty(&cov)?);
        return Ok(());
    }
    let docs: Vec<_> = store
        .list_documents()?
        .into_iter()
        .filter(|d| doc.is_none_or(|id| id == d.id))
        .collect();
    let mut header: Vec<String> = vec!["theme".into(), "主题".into()];
    header.extend(docs.iter().map(|d| {
        format!(
            "{} {}",
            d.meta.city.as_deref().unwrap_or("?"),
            d.meta
                .period
                .map(|p| p.start.to_string())
                .unwrap_or_default()
        )
    }));
    let rows: Vec<Vec<String>> = taxonomy
        .themes()
        .iter()
        .map(|t| {
            let mut row = vec![t.id.clone(), t.zh.clone()];
            for d in &docs {
                let c = cov
                    .iter()
                    .find(|c| c.document_id == d.id && c.theme == t.id);
                row.push(c.map_or("·".to_string(), |c| format!("{} ({})", c.tasks, c.targets)));
            }
            row
        })
        .collect();
    let header_refs: Vec<&str> = header.iter().map(String::as_str).collect();
    super::table::print(&header_refs, &rows);
    println!("cells: task items (targets in them)");
    Ok(())
}
