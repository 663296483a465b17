//! The correction commands: `correct`, `correct-doc`, `corrections`.

use clap::{ArgGroup, Args, ValueEnum};

use planlens::model::{Period, PlanKind, Qualifier, TargetKind, TargetRole};
use planlens::store::{
    CorrectionAuthor, CorrectionRevision, CorrectionScope, DocumentChanges, FigureChanges,
    FigureEdit, Store, StoredTarget, TargetFilter,
};
use planlens::targets::Catalog;

use super::{docs, table, CliError};

/// Bound on a figure.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum QualifierArg {
    /// 以上, 不低于 (≥).
    AtLeast,
    /// 左右, 约 (≈).
    About,
    /// 以内, 不超过 (≤).
    AtMost,
    /// No bound.
    Exact,
}

/// What a figure counts.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum KindArg {
    /// A total or level.
    Stock,
    /// Something new within the period.
    Increment,
    /// A percentage, share or multiple.
    Rate,
}

/// Goal or achieved figure.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum RoleArg {
    /// A planned figure.
    Target,
    /// An achieved or historical figure.
    Baseline,
}

/// `planlens correct`.
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("change").required(true).multiple(true).args([
    "not_a_target", "indicator", "value", "value_high", "unit", "qualifier", "kind", "role",
    "year", "merge_into", "unmerge", "undo", "restore", "history",
])))]
pub struct CorrectArgs {
    /// Target id (`planlens targets` shows them).
    pub target_id: i64,
    /// The figure is not a target: leave it out of comparisons.
    #[arg(long)]
    pub not_a_target: bool,
    /// Catalog indicator id, or `none`.
    #[arg(long, value_name = "ID|none")]
    pub indicator: Option<String>,
    /// The figure (low end of a range).
    #[arg(long)]
    pub value: Option<f64>,
    /// High end of a range, or `none`.
    #[arg(long, value_name = "V|none")]
    pub value_high: Option<String>,
    /// Unit as it should read (家, 亿元, %, …).
    #[arg(long)]
    pub unit: Option<String>,
    /// Bound on the figure.
    #[arg(long, value_enum)]
    pub qualifier: Option<QualifierArg>,
    /// Stock, increment or rate.
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,
    /// Target or baseline.
    #[arg(long, value_enum)]
    pub role: Option<RoleArg>,
    /// Year the figure refers to, or `none`.
    #[arg(long, value_name = "Y|none")]
    pub year: Option<String>,
    /// The same target as this other figure of the document (kept; this one
    /// is hidden from comparisons and listed as its second mention).
    #[arg(long, value_name = "TARGET_ID")]
    pub merge_into: Option<i64>,
    /// Withdraw a merge.
    #[arg(long, conflicts_with = "merge_into")]
    pub unmerge: bool,
    /// Undo the last change of this figure's correction.
    #[arg(long, conflicts_with_all = ["not_a_target", "indicator", "value", "value_high", "unit",
        "qualifier", "kind", "role", "year", "merge_into", "unmerge", "restore"])]
    pub undo: bool,
    /// Bring back revision N of the correction (0: as extracted).
    #[arg(long, value_name = "N", conflicts_with_all = ["not_a_target", "indicator", "value",
        "value_high", "unit", "qualifier", "kind", "role", "year", "merge_into", "unmerge"])]
    pub restore: Option<i64>,
    /// Print the correction's history.
    #[arg(long)]
    pub history: bool,
    /// Who corrects.
    #[arg(long)]
    pub owner: Option<String>,
    /// Why.
    #[arg(long)]
    pub note: Option<String>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// `planlens correct-doc`.
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("change").required(true).multiple(true).args([
    "city", "province", "level", "kind", "year", "period", "title", "issuer", "doc_number",
    "undo", "restore", "history",
])))]
pub struct CorrectDocArgs {
    /// Document id, city or file name.
    pub doc: String,
    /// City (`""` clears).
    #[arg(long)]
    pub city: Option<String>,
    /// Province (`""` clears).
    #[arg(long)]
    pub province: Option<String>,
    /// Level: prefecture, province, district, county or free text (`""` clears).
    #[arg(long)]
    pub level: Option<String>,
    /// Plan kind: annual_work_plan, implementation_plan, five_year_plan,
    /// other (or 年度工作计划, 实施方案, 五年规划, 其他).
    #[arg(long)]
    pub kind: Option<String>,
    /// A one-year plan's year.
    #[arg(long, conflicts_with = "period")]
    pub year: Option<i32>,
    /// Years covered, e.g. 2021-2025 (`none` clears).
    #[arg(long)]
    pub period: Option<String>,
    /// Title (`""` clears).
    #[arg(long)]
    pub title: Option<String>,
    /// Issuing body (`""` clears).
    #[arg(long)]
    pub issuer: Option<String>,
    /// 文号 (`""` clears).
    #[arg(long)]
    pub doc_number: Option<String>,
    /// Undo the last change of this document's correction.
    #[arg(long, conflicts_with_all = ["city", "province", "level", "kind", "year", "period",
        "title", "issuer", "doc_number", "restore"])]
    pub undo: bool,
    /// Bring back revision N of the correction (0: as detected).
    #[arg(long, value_name = "N", conflicts_with_all = ["city", "province", "level", "kind",
        "year", "period", "title", "issuer", "doc_number"])]
    pub restore: Option<i64>,
    /// Print the correction's history.
    #[arg(long)]
    pub history: bool,
    /// Who corrects.
    #[arg(long)]
    pub owner: Option<String>,
    /// Why.
    #[arg(long)]
    pub note: Option<String>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// `planlens corrections`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only this document (id, city or file name).
    #[arg(long)]
    pub doc: Option<String>,
    /// Print JSON.
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Print CSV, one line per corrected field.
    #[arg(long)]
    pub csv: bool,
}

fn usage(msg: String) -> CliError {
    CliError::Usage(msg)
}

/// `none` (any case) as `None`, else the parsed value.
fn nullable<T: std::str::FromStr>(flag: &str, s: &str) -> Result<Option<T>, CliError> {
    if s.eq_ignore_ascii_case("none") {
        return Ok(None);
    }
    s.trim()
        .parse()
        .map(Some)
        .map_err(|_| usage(format!("--{flag} {s:?} is neither a number nor none")))
}

/// `""` as `None`.
fn text(s: &Option<String>) -> Option<Option<String>> {
    s.as_ref()
        .map(|s| Some(s.trim().to_string()).filter(|s| !s.is_empty()))
}

fn author(owner: &Option<String>, note: &Option<String>) -> CorrectionAuthor {
    CorrectionAuthor {
        owner: owner.clone(),
        note: note.clone(),
    }
}

/// Runs `planlens correct`.
pub fn run_correct(store: &mut Store, catalog: &Catalog, a: CorrectArgs) -> Result<(), CliError> {
    let who = author(&a.owner, &a.note);
    let changes = FigureChanges {
        not_a_target: a.not_a_target.then_some(true),
        indicator_id: match a.indicator.as_deref() {
            None => None,
            Some(s) if s.eq_ignore_ascii_case("none") => Some(None),
            Some(id) => {
                if !catalog.indicators().iter().any(|i| i.id == id) {
                    return Err(usage(format!(
                        "unknown indicator id {id:?}; `planlens indicators` lists them"
                    )));
                }
                Some(Some(id.to_string()))
            }
        },
        value: a.value,
        value_high: a
            .value_high
            .as_deref()
            .map(|s| nullable("value-high", s))
            .transpose()?,
        unit: a.unit.clone(),
        qualifier: a.qualifier.map(|q| match q {
            QualifierArg::AtLeast => Qualifier::AtLeast,
            QualifierArg::About => Qualifier::About,
            QualifierArg::AtMost => Qualifier::AtMost,
            QualifierArg::Exact => Qualifier::Exact,
        }),
        kind: a.kind.map(|k| match k {
            KindArg::Stock => TargetKind::Stock,
            KindArg::Increment => TargetKind::Increment,
            KindArg::Rate => TargetKind::Rate,
        }),
        role: a.role.map(|r| match r {
            RoleArg::Target => TargetRole::Target,
            RoleArg::Baseline => TargetRole::Baseline,
        }),
        year: a.year.as_deref().map(|s| nullable("year", s)).transpose()?,
        merge_into: None,
    };
    let edit = FigureEdit {
        changes,
        merge_into: if a.unmerge {
            Some(None)
        } else {
            a.merge_into.map(Some)
        },
    };
    let id = a.target_id;
    let correction = if a.undo {
        Some(store.undo_target_correction(id, &who)?)
    } else if let Some(rev) = a.restore {
        Some(store.restore_target_correction(id, rev, &who)?)
    } else if edit != FigureEdit::default() {
        Some(store.correct_target(id, &edit, &who)?)
    } else {
        None
    };
    if a.history {
        return print_history(&store.target_correction_history(id)?, a.json);
    }
    let Some(c) = correction else {
        return Ok(());
    };
    let target = effective_target(store, id)?;
    if a.json {
        let v = serde_json::json!({ "correction": c, "target": target });
        println!("{}", serde_json::to_string_pretty(&v)?);
        return Ok(());
    }
    println!(
        "target {id}: correction revision {}{}",
        c.revision,
        c.owner
            .as_deref()
            .map(|o| format!(" by {o}"))
            .unwrap_or_default()
    );
    if let Some(t) = target {
        println!("  now: {}", describe_target(&t));
    }
    Ok(())
}

/// The target with corrections applied, excluded or not.
fn effective_target(store: &Store, id: i64) -> Result<Option<StoredTarget>, CliError> {
    let Some(c) = store.target_correction(id)? else {
        return Ok(None);
    };
    let doc = store
        .list_documents()?
        .into_iter()
        .find(|d| d.sha256 == c.document_sha256)
        .map(|d| d.id);
    Ok(store
        .targets(&TargetFilter {
            document: doc,
            include_excluded: true,
            ..TargetFilter::default()
        })?
        .into_iter()
        .find(|t| t.id == id))
}

/// One line about a stored target: figure, kind, role, year, indicator and
/// whether it is compared.
pub fn describe_target(t: &StoredTarget) -> String {
    let g = &t.target;
    let mut s = format!(
        "{}{} · {} · {} · {} · {}",
        planlens::compare::format_value(g.value, g.value_high, g.qualifier),
        g.unit,
        serde_name(&g.kind),
        serde_name(&g.role),
        g.year.map_or("—".to_string(), |y| y.to_string()),
        g.indicator_id.as_deref().unwrap_or("—"),
    );
    if t.corrected {
        s.push(' ');
        s.push_str(planlens::compare::CORRECTED_MARK);
    }
    if let Some(note) = status(t) {
        s.push_str(&format!(" ({note})"));
    }
    s
}

/// Why a target is left out of comparisons, for people.
pub fn status(t: &StoredTarget) -> Option<String> {
    match t.excluded? {
        planlens::store::Exclusion::NotATarget => Some("not a target".into()),
        planlens::store::Exclusion::MergedInto { target_id } => {
            Some(format!("merged into #{target_id}"))
        }
    }
}

fn serde_name<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn parse_kind(s: &str) -> Result<PlanKind, CliError> {
    let s = s.trim();
    PlanKind::parse(s)
        .or_else(|| {
            [
                PlanKind::AnnualWorkPlan,
                PlanKind::ImplementationPlan,
                PlanKind::FiveYearPlan,
                PlanKind::Other,
            ]
            .into_iter()
            .find(|k| k.label_zh() == s)
        })
        .ok_or_else(|| {
            usage(format!(
                "unknown plan kind {s:?}: annual_work_plan, implementation_plan, five_year_plan or other"
            ))
        })
}

fn parse_period(s: &str) -> Result<Option<Period>, CliError> {
    if s.eq_ignore_ascii_case("none") {
        return Ok(None);
    }
    let bad = || {
        usage(format!(
            "period {s:?} is not YEAR or YEAR-YEAR, e.g. 2021-2025"
        ))
    };
    let (a, b) = match s.split_once(['-', '–', '—', '~']) {
        Some((a, b)) => (a, b),
        None => (s, s),
    };
    let a: i32 = a.trim().parse().map_err(|_| bad())?;
    let b: i32 = b.trim().parse().map_err(|_| bad())?;
    if b < a {
        return Err(bad());
    }
    Ok(Some(Period { start: a, end: b }))
}

/// Runs `planlens correct-doc`.
pub fn run_correct_doc(store: &mut Store, a: CorrectDocArgs) -> Result<(), CliError> {
    let id = docs::resolve_doc(store, &a.doc)?;
    let who = author(&a.owner, &a.note);
    let edit = DocumentChanges {
        title: text(&a.title),
        city: text(&a.city),
        province: text(&a.province),
        level: text(&a.level),
        kind: a.kind.as_deref().map(parse_kind).transpose()?,
        period: match (a.year, a.period.as_deref()) {
            (Some(y), _) => Some(Some(Period::year(y))),
            (None, Some(p)) => Some(parse_period(p)?),
            (None, None) => None,
        },
        issuer: text(&a.issuer),
        doc_number: text(&a.doc_number),
    };
    let changed = if a.undo {
        Some(store.undo_document_correction(id, &who)?)
    } else if let Some(rev) = a.restore {
        Some(store.restore_document_correction(id, rev, &who)?)
    } else if !edit.is_empty() {
        Some(store.correct_document(id, &edit, &who)?)
    } else {
        None
    };
    if a.history {
        return print_history(&store.document_correction_history(id)?, a.json);
    }
    let Some(c) = changed else {
        return Ok(());
    };
    let s = store.summary(id)?;
    if a.json {
        let v = serde_json::json!({ "correction": c, "document": s });
        println!("{}", serde_json::to_string_pretty(&v)?);
        return Ok(());
    }
    println!("document {id}: correction revision {}", c.revision);
    let m = &s.meta;
    let field = |k: &str, v: Option<&str>| println!("  {k:<10} {}", v.unwrap_or("—"));
    field("title", m.title.as_deref());
    field("city", m.city.as_deref());
    field("province", m.province.as_deref());
    field("level", s.level.as_deref());
    field("kind", Some(m.kind.label_zh()));
    field("period", m.period.map(|p| p.to_string()).as_deref());
    field("issuer", m.issuer.as_deref());
    field("number", m.doc_number.as_deref());
    Ok(())
}

fn scope_name(s: CorrectionScope) -> &'static str {
    match s {
        CorrectionScope::Figure => "figure",
        CorrectionScope::Document => "document",
    }
}

/// Runs `planlens corrections`.
pub fn run_list(store: &Store, a: ListArgs) -> Result<(), CliError> {
    let doc = a
        .doc
        .as_deref()
        .map(|d| docs::resolve_doc(store, d))
        .transpose()?;
    let entries = store.corrections(doc)?;
    if a.json {
        println!("{}", serde_json::to_string_pretty(&entries)?);
        return Ok(());
    }
    if a.csv {
        print!("{}", planlens::export::corrections_csv(&entries));
        return Ok(());
    }
    let rows: Vec<Vec<String>> = entries
        .iter()
        .map(|e| {
            let state = match (e.orphaned, e.carried_from) {
                (true, _) => "orphaned".to_string(),
                (false, Some(f)) => format!("carried from {f}"),
                (false, None) => String::new(),
            };
            vec![
                scope_name(e.scope).to_string(),
                e.document.clone(),
                e.target_id.map(|t| t.to_string()).unwrap_or_default(),
                e.quote.clone().unwrap_or_default(),
                e.changes
                    .iter()
                    .map(|c| format!("{}: {} → {}", c.field, c.before, c.after))
                    .collect::<Vec<_>>()
                    .join("; "),
                e.owner.clone().unwrap_or_default(),
                e.updated_at.clone(),
                state,
            ]
        })
        .collect();
    table::print(
        &[
            "scope", "document", "target", "quote", "change", "who", "when", "state",
        ],
        &rows,
    );
    Ok(())
}

/// Prints a correction's revisions (JSON, or a table).
fn print_history<C: serde::Serialize>(
    history: &[CorrectionRevision<C>],
    json: bool,
) -> Result<(), CliError> {
    if json {
        println!("{}", serde_json::to_string_pretty(history)?);
        return Ok(());
    }
    let rows: Vec<Vec<String>> = history
        .iter()
        .map(|r| {
            vec![
                r.revision.to_string(),
                serde_json::to_string(&r.changes).unwrap_or_default(),
                r.restored_from
                    .map(|f| format!("← {f}"))
                    .unwrap_or_default(),
                r.owner.clone().unwrap_or_default(),
                r.note.clone().unwrap_or_default(),
                r.saved_at.clone(),
            ]
        })
        .collect();
    table::print(
        &["rev", "changes", "restored", "who", "note", "when"],
        &rows,
    );
    Ok(())
}
