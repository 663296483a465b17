//! Quantitative target extraction.
//!
//! [`extract`] finds every figure of a plan that is a planning target or a
//! reported achievement (`新增高新技术企业100家以上`, `研发投入强度达到3.55%`,
//! `由2015年的39家提高到2020年的296家`), reads its indicator phrase,
//! qualifier, kind, role and year, maps it to a canonical [`Indicator`] of the
//! [`Catalog`] and normalises its value ([`normalize`]).
//!
//! Stages: `scan` (figures with units, skipping dates, ordinals, rankings,
//! durations and slogans) → `indicator` (the noun phrase measured) →
//! `classify` (kind, role, year) → catalog lookup → normalisation, then
//! two-tier targets are merged (`tiers`), indicator tables are read by the
//! one table reader ([`crate::formats::tables`], see [`extract_document`])
//! and restated mentions grouped (`groups`). All rules are linguistic (units, verbs, qualifiers, context
//! words; the verbs in one lexicon, `data/verbs.toml`); none depends on a
//! particular document.
//!
//! ```
//! use planlens::model::{DocumentMeta, ParsedPlan, PlanKind, Period};
//! use planlens::targets::{extract, Catalog};
//! let meta = DocumentMeta { kind: PlanKind::AnnualWorkPlan, period: Some(Period::year(2024)), ..Default::default() };
//! let text = "全年新增高新技术企业50家以上,技术合同成交额达到30亿元。";
//! let ts = extract(text, &ParsedPlan::default(), &meta, &Catalog::builtin());
//! assert_eq!(ts.len(), 2);
//! assert_eq!(ts[0].indicator, "高新技术企业");
//! assert_eq!(ts[1].indicator_id.as_deref(), Some("tech_contract_turnover"));
//! ```

mod catalog;
mod classify;
mod context;
mod family;
mod groups;
mod indicator;
mod mapping;
mod normalize;
mod number;
mod period;
mod scan;
mod tiers;
mod verbs;

pub use catalog::{Catalog, CatalogError, Indicator};
pub(crate) use classify::{is_intensity, name_kind};
pub use family::{families_of, Family};
pub use groups::group_mentions;
pub use normalize::{normalize, UnitFamily};

use crate::formats::tables::{self, TargetCell};
use crate::formats::TableLayout;
use crate::model::{
    DocumentMeta, Normalized, ParsedPlan, PlanKind, Target, TargetKind, TargetRole,
};
use context::{after_phrase, is_clause_end, is_sentence_end, last_year, sentence_start};

/// Shortest and longest quote, in characters.
const QUOTE_MIN: usize = 10;
const QUOTE_MAX: usize = 40;

/// Extracts every quantitative target and baseline figure of a plan, from
/// its running text and from the indicator tables written in it as text.
/// `plan` gives sections and task items (for `Target.section` path and `Target.task` index; may be
/// empty, then section = "" and task = None); `meta` gives the plan kind and period (for `year`).
pub fn extract(
    text: &str,
    plan: &ParsedPlan,
    meta: &DocumentMeta,
    catalog: &Catalog,
) -> Vec<Target> {
    extract_document(text, Vec::new(), plan, meta, catalog).targets
}

/// The targets of a document and the tables some of them were read from.
#[derive(Debug, Clone, PartialEq)]
pub struct Extraction {
    /// Every target, in text order, restated ones grouped.
    pub targets: Vec<Target>,
    /// The tables of the document: those given, then the indicator tables
    /// written as text lines elsewhere ([`tables::text_layouts`]).
    pub tables: Vec<TableLayout>,
    /// The cell of each target read from an indicator table.
    pub cells: Vec<TargetCell>,
}

/// Like [`extract`], for a document whose file reader laid out `tables`
/// (docx, pdf, html; none for text). Every indicator table, given or written
/// as text, is read by [`tables::table_targets`]; figures of running text
/// inside one are not kept.
pub fn extract_document(
    text: &str,
    tables: Vec<TableLayout>,
    plan: &ParsedPlan,
    meta: &DocumentMeta,
    catalog: &Catalog,
) -> Extraction {
    let original: Vec<char> = text.chars().collect();
    // The rules read wrapped sentences whole; quotes come from the original.
    let mut chars = original.clone();
    for i in context::soft_breaks(&original) {
        chars[i] = context::SOFT_BREAK;
    }
    // Without a period in the metadata, read one from the title zone so that
    // years can still be given.
    let inferred;
    let meta = match (meta.period, period::infer(&chars)) {
        (None, Some((kind, p))) => {
            inferred = DocumentMeta {
                kind: if meta.kind == PlanKind::Other {
                    kind
                } else {
                    meta.kind
                },
                period: Some(p),
                ..meta.clone()
            };
            &inferred
        }
        _ => meta,
    };
    let figs = scan::scan(&chars);
    let background = context::background_ranges(&chars, plan);
    let mut out: Vec<Target> = Vec::with_capacity(figs.len());
    // `(num_start, end)` of the figure of each record of `out`.
    let mut spans: Vec<(usize, usize)> = Vec::with_capacity(figs.len());
    // Indicator of the previous figure and the sentence it sits in.
    let mut last: Option<(usize, String)> = None;
    // Earlier figures of the current sentence.
    let mut sentence_figs: Vec<SentenceFigure> = Vec::new();
    let mut figs_sentence = usize::MAX;
    for idx in 0..figs.len() {
        let f = &figs[idx];
        let seg_start = context::segment_start(&chars, &figs, idx);
        let seg_start = context::skip_list_marker(&chars, seg_start, f.num_start);
        let sent_start = sentence_start(&chars, f.num_start);
        let before: String = chars[seg_start..f.num_start].iter().collect();
        let after = after_phrase(&chars, f.end);
        if !classify::is_rate_unit(&f.unit) && context::is_comparison_set(&after) {
            continue;
        }
        let inherited = last
            .as_ref()
            .filter(|(s, _)| *s == sent_start)
            .map(|(_, ind)| ind.as_str());
        let (mut indicator, from_after) =
            read_indicator(&chars, f, &before, &after, inherited, sent_start, seg_start);
        if let Some(item) = respectively(&chars, &figs, idx, sent_start) {
            indicator = item;
        }
        indicator.retain(|c| c != context::SOFT_BREAK);

        let scopes = kind_scopes(&chars, &before, &indicator, sent_start, seg_start);
        let scope_refs: Vec<&str> = scopes.iter().map(String::as_str).collect();
        let mut kind = classify::kind(&f.unit, &indicator, f.qualifier, &scope_refs, &after);
        if kind != TargetKind::Rate && classify::acts_on_existing(&before, &after) {
            // 继续推动7家重点实验室…建设: existing things, counted as a level.
            kind = TargetKind::Stock;
        }
        if figs_sentence != sent_start {
            sentence_figs.clear();
            figs_sentence = sent_start;
        }
        // `谋划总投资2亿元以上的重大项目10个`: the money figure qualifies the
        // noun; the verb before it, not its measure word, decides the count.
        if kind != TargetKind::Rate && before.trim_start().starts_with('的') {
            if let Some(prev) = sentence_figs.last().filter(|p| p.unit != f.unit) {
                let lead: String = chars[prev.seg_start..prev.num_start].iter().collect();
                let lead = indicator::trim(&lead);
                if let Some(v) = indicator::after_last_verb(&lead) {
                    kind = classify::kind(
                        &f.unit,
                        &indicator,
                        f.qualifier,
                        &[before.as_str(), &lead[..v]],
                        &after,
                    );
                }
            }
        }
        // `培育30家,其中…5家`: a part counted like the whole it belongs to.
        let clause0 = clause_start(&chars, f.num_start, sent_start);
        let clause: String = chars[clause0..f.num_start].iter().collect();
        if kind != TargetKind::Rate && clause.trim_start().starts_with("其中") {
            if let Some(whole) = sentence_figs
                .iter()
                .rev()
                .find(|p| p.unit == f.unit && p.seg_start < clause0)
            {
                kind = whole.kind;
            }
        }

        let in_bg = background
            .iter()
            .any(|&(s, e)| f.num_start >= s && f.num_start < e);
        let sentence_before: String = chars[sent_start..f.num_start].iter().collect();
        let from = is_from_value(&before);
        let mut role = classify::role(
            in_bg,
            &before,
            &after,
            &sentence_before,
            meta.period.map(|p| p.start),
        );
        if from {
            // `由2020年的1.31%提高到2.0%`: the starting value is already reached.
            role = TargetRole::Baseline;
        }
        // `2023年,全市…达到3.4%;高新技术企业总数达到1860家`: a past year
        // opening the full sentence governs its clauses after semicolons too.
        let full_start = context::full_sentence_start(&chars, f.num_start);
        let mut lead = None;
        if role == TargetRole::Target && full_start < sent_start {
            let full_before: String = chars[full_start..f.num_start].iter().collect();
            if let (Some(y), Some(p)) = (
                context::lead_year(&chars[full_start..sent_start]),
                meta.period,
            ) {
                if y < p.start
                    && context::lead_year(&chars[sent_start..f.num_start]).is_none()
                    && !["力争", "目标", "确保"]
                        .iter()
                        .any(|w| full_before.contains(w))
                {
                    role = TargetRole::Baseline;
                    lead = Some(y);
                }
            }
        }
        let own_year = last_year(&chars, seg_start, f.num_start);
        // The end value of `由2015年的0.92%提高到1.31%`: the year stated for
        // the starting value is not its own.
        let sentence_end = match sentence_figs.last() {
            Some(p) if p.from && is_to_value(&before) => p.seg_start,
            _ => seg_start,
        };
        let mut year = classify::year(
            meta,
            &classify::YearInput {
                role,
                own_year,
                sentence_year: last_year(&chars, sent_start, sentence_end),
                own_before: &before,
                from_value: own_year.is_none() && from,
                in_background: in_bg,
                // A `到2026年,…` clause reaches over semicolons to the end
                // of the full sentence or paragraph; a later one replaces it.
                horizon: context::horizon_year(&chars, full_start, f.num_start),
            },
        );
        if let Some(y) = lead {
            year = Some(own_year.unwrap_or(y));
        }
        sentence_figs.push(SentenceFigure {
            unit: f.unit.clone(),
            kind,
            seg_start,
            num_start: f.num_start,
            from,
        });

        let (start, end) = quote_span(&chars, seg_start, f, from_after.then_some(after.as_str()));
        let lead: String = chars[clause0.min(seg_start)..seg_start].iter().collect();
        let sentence: String = chars[sent_start.min(seg_start)..seg_start].iter().collect();
        let mapped = catalog.map(&mapping::FigureContext {
            phrase: &indicator,
            unit: &f.unit,
            kind,
            qualifier: f.qualifier,
            clause: &lead,
            sentence: &sentence,
            before: &before,
            after: &after,
        });
        let indicator_id = mapped.map(|i| i.id.clone());
        let normalized = comparable(normalize(f.value, f.value_high, &f.unit), mapped);
        last = Some((sent_start, indicator.clone()));
        spans.push((f.num_start, f.end));
        out.push(Target {
            quote: original[start..end].iter().collect(),
            start,
            end,
            indicator,
            indicator_id,
            value: f.value,
            value_high: f.value_high,
            stretch: None,
            unit: f.unit.clone(),
            qualifier: f.qualifier,
            kind,
            role,
            year,
            section: section_path(plan, f.num_start),
            task: plan
                .tasks
                .iter()
                .position(|t| f.num_start >= t.start && f.num_start < t.end),
            normalized,
            group: None,
        });
    }
    tiers::merge(&chars, &original, &mut out, &mut spans);

    let mut tables = tables;
    let laid: Vec<(usize, usize)> = tables.iter().map(|t| (t.start, t.end)).collect();
    tables.extend(tables::text_layouts(text, &laid));
    let table_ranges: Vec<(usize, usize)> = tables
        .iter()
        .filter(|t| tables::is_indicator_table(t))
        .map(|t| (t.start, t.end))
        .collect();
    out.retain(|t| {
        !table_ranges
            .iter()
            .any(|&(s, e)| t.start >= s && t.start < e)
    });
    let mut merged: Vec<(Target, Option<tables::TableTarget>)> =
        out.into_iter().map(|t| (t, None)).collect();
    merged.extend(
        tables::table_targets(&tables, plan, meta, catalog)
            .into_iter()
            .map(|t| (t.target.clone(), Some(t))),
    );
    merged.sort_by_key(|(t, _)| t.start);
    let mut cells = Vec::new();
    let mut targets = Vec::with_capacity(merged.len());
    for (i, (t, from_table)) in merged.into_iter().enumerate() {
        if let Some(c) = from_table {
            cells.push(TargetCell {
                target: i,
                cell: c.cell,
                binding: c.binding,
            });
        }
        targets.push(t);
    }
    // Group ids are indexes into the final list.
    group_mentions(&mut targets);
    Extraction {
        targets,
        tables,
        cells,
    }
}

/// The normalised figure in its indicator's comparison unit, where the
/// catalog lists one (`100户` of enterprises is compared as `100家`).
pub fn comparable(n: Option<Normalized>, indicator: Option<&Indicator>) -> Option<Normalized> {
    let mut n = n?;
    if let Some(u) = indicator.and_then(Indicator::comparison_unit) {
        n.unit = u.to_string();
    }
    Some(n)
}

/// Reads the indicator of figure `f`; also tells whether it was taken from
/// the phrase after the figure (the quote then extends over it).
fn read_indicator(
    chars: &[char],
    f: &scan::Figure,
    before: &str,
    after: &str,
    inherited: Option<&str>,
    sent_start: usize,
    seg_start: usize,
) -> (String, bool) {
    let rate_unit = classify::is_rate_unit(&f.unit);
    let (indicator, from_after) = match indicator::choose(before, after, rate_unit) {
        Some(ind) => {
            let t = indicator::trim(before);
            let verb_last = t.is_empty() || indicator::after_last_verb(&t) == Some(t.len());
            let from_after = verb_last && after.starts_with(ind.as_str());
            (ind, from_after)
        }
        None => {
            let ind = inherited
                .map(str::to_string)
                .or_else(|| previous_clause_phrase(chars, sent_start, seg_start))
                .unwrap_or_default();
            (ind, false)
        }
    };
    // `同比增长23.4%` after `技术合同成交额86.5亿元`: the growth of the
    // inherited indicator.
    if rate_unit
        && f.unit != "个百分点"
        && inherited == Some(indicator.as_str())
        && ["增长", "增速", "增幅"].iter().any(|w| before.contains(w))
        && !["增长到", "增加到", "提高到"]
            .iter()
            .any(|w| before.contains(w))
        && !indicator.ends_with("增长")
    {
        let growth = if before.contains("年均") {
            "年均增长"
        } else {
            "增长"
        };
        return (format!("{indicator}{growth}"), from_after);
    }
    // `高新技术产业增加值增长12%`: a growth rate, not the level's share.
    let own = before.trim_end();
    if rate_unit
        && f.unit != "个百分点"
        && ["增长", "增速", "增幅"].iter().any(|w| own.ends_with(w))
        && !indicator.is_empty()
        && !["增长", "增速", "增幅", "增长率"]
            .iter()
            .any(|w| indicator.ends_with(w))
    {
        let growth = if own.ends_with("年均增长") {
            "年均增长"
        } else {
            "增长"
        };
        return (format!("{indicator}{growth}"), from_after);
    }
    // `…增加值增长12%,占规上工业增加值比重提高2个百分点`: the share of the
    // subject named before.
    if let Some(prev) = inherited {
        if indicator.starts_with('占') {
            let subject = prev
                .trim_end_matches("年均增长")
                .trim_end_matches("增长")
                .trim_end_matches("增速");
            return (format!("{subject}{indicator}"), from_after);
        }
    }
    // A bare generic noun (`总数达到520家`) belongs to the subject named by
    // the previous figure of the sentence.
    match inherited {
        Some(prev) if is_generic_noun(&indicator) && !prev.ends_with(indicator.as_str()) => {
            (format!("{prev}{indicator}"), from_after)
        }
        _ => (indicator, from_after),
    }
}

/// Texts inspected by the kind rules, nearest first: the figure's own
/// segment, its lead-in within the clause, then (for elliptical clauses
/// only) the earlier clauses of the sentence.
fn kind_scopes(
    chars: &[char],
    before: &str,
    indicator: &str,
    sent_start: usize,
    seg_start: usize,
) -> Vec<String> {
    let clause0 = clause_start(chars, seg_start.max(sent_start), sent_start).min(seg_start);
    let mut scopes: Vec<String> = vec![before.to_string()];
    if clause0 < seg_start {
        scopes.push(chars[clause0..seg_start].iter().collect());
    }
    let mut earlier: Vec<String> = Vec::new();
    let mut k = clause0;
    while k > sent_start {
        let s = clause_start(chars, k - 1, sent_start);
        earlier.push(chars[s..k].iter().collect());
        k = s;
    }
    // Elliptical: `其中发明专利128项` after `共申请专利195项`, `市级5家以上`
    // after `新备案…省级…3家以上`, `贷款金额…` after `办理…贷款37笔`.
    let head: String = indicator.chars().take(2).collect();
    let elliptical = before.trim_start().starts_with("其中")
        || indicator.ends_with('级')
        || indicator.ends_with("级以上")
        || indicator::trim(before).is_empty()
        || (head.chars().count() == 2 && earlier.first().is_some_and(|c| c.contains(&head)));
    if elliptical {
        scopes.extend(earlier);
    }
    scopes
}

/// `省级、市级企业技术中心分别达到210家、650家`: the n-th figure after 分别
/// measures the n-th item of the enumeration before it (when the counts
/// agree); an elliptical level
/// (`省级`) takes the head noun of the last item.
fn respectively(
    chars: &[char],
    figs: &[scan::Figure],
    idx: usize,
    sent_start: usize,
) -> Option<String> {
    let f = &figs[idx];
    let clause0 = clause_start(chars, f.num_start, sent_start);
    let text: String = chars[clause0..f.num_start].iter().collect();
    let p = text.find("分别")?;
    let mark = clause0 + text[..p].chars().count();
    let n = figs[..idx]
        .iter()
        .filter(|g| g.num_start > mark && g.num_start < f.num_start)
        .count();
    let t = indicator::trim(&text[..p]);
    let core = match indicator::after_last_verb(&t) {
        Some(q) => t[q..].to_string(),
        None => t,
    };
    let items: Vec<&str> = core.split('、').filter(|s| !s.is_empty()).collect();
    // As many figures as items (not `各区县、功能区分别建设1—2家`).
    let clause_end = (f.end..chars.len())
        .find(|&k| is_clause_end(chars[k]))
        .unwrap_or(chars.len());
    let listed = figs
        .iter()
        .filter(|g| g.num_start > mark && g.num_start < clause_end)
        .count();
    if items.len() < 2 || n >= items.len() || listed != items.len() {
        return None;
    }
    let mut item = items[n].to_string();
    let last = items[items.len() - 1];
    if n + 1 < items.len() && item.chars().count() <= 4 && item.ends_with('级') {
        if let Some(q) = last.find('级') {
            item.push_str(&last[q + '级'.len_utf8()..]);
        }
    }
    Some(item)
}

/// A figure seen earlier in the current sentence.
struct SentenceFigure {
    unit: String,
    kind: TargetKind,
    seg_start: usize,
    num_start: usize,
    /// The starting value of a `由X…到Y` pair.
    from: bool,
}

/// Whether the figure is the end value of `由X…到Y` (`提高到1.31%`).
fn is_to_value(before: &str) -> bool {
    let t = before
        .trim_end_matches(['的', ' '])
        .trim_end_matches(|c: char| c.is_ascii_digit() || "年度底末".contains(c));
    t.ends_with('到') || t.ends_with('至')
}

/// Whether the figure is the starting value of `由X…到Y` (`比重由1.23%`).
fn is_from_value(before: &str) -> bool {
    let t = before
        .trim_end_matches(['的', ' '])
        .trim_end_matches(|c: char| c.is_ascii_digit() || "年度底末".contains(c));
    t.ends_with('由') || t.ends_with('从')
}

/// Nouns that name a measure but not what is measured.
fn is_generic_noun(s: &str) -> bool {
    matches!(
        s,
        "总数"
            | "总量"
            | "数量"
            | "规模"
            | "比重"
            | "占比"
            | "总额"
            | "余额"
            | "总值"
            | "金额"
            | "比例"
    )
}

/// Start of the clause holding offset `i`, not before `floor`.
fn clause_start(chars: &[char], i: usize, floor: usize) -> usize {
    let mut k = i.min(chars.len());
    while k > floor && !is_clause_end(chars[k - 1]) {
        k -= 1;
    }
    k
}

/// The subject of the previous clause, for elliptical clauses such as
/// `认定高新技术企业,力争年内达到200户`.
fn previous_clause_phrase(chars: &[char], sent_start: usize, seg_start: usize) -> Option<String> {
    let here = clause_start(chars, seg_start, sent_start);
    if here <= sent_start {
        return None;
    }
    let prev = clause_start(chars, here - 1, sent_start);
    let text: String = chars[prev..here - 1].iter().collect();
    // Cut at the predicate: 入库企业数量实现倍增 → 入库企业数量.
    let mut head = text.as_str();
    for w in ["实现", "力争", "确保", "保持", "达到", "突破"] {
        if let Some(p) = head.find(w) {
            if p > 0 {
                head = &head[..p];
            }
        }
    }
    let t = indicator::trim(head);
    let core = match indicator::after_last_verb(&t) {
        Some(p) if p < t.len() => t[p..].to_string(),
        // A bare verb phrase (`二是积极培育`) names nothing measured.
        Some(_) => String::new(),
        None => t,
    };
    (!core.is_empty()).then_some(core)
}

/// Chooses the quote: from the figure's segment (or the phrase after it)
/// to the figure, 10–40 characters, never across a line break.
fn quote_span(
    chars: &[char],
    seg_start: usize,
    f: &scan::Figure,
    after: Option<&str>,
) -> (usize, usize) {
    let mut end = f.end;
    if let Some(a) = after {
        end = (f.end + a.chars().count()).min(f.end + QUOTE_MAX / 2);
    }
    let mut start = seg_start
        .max(end.saturating_sub(QUOTE_MAX))
        .min(f.num_start);
    while start < f.num_start && chars[start].is_whitespace() {
        start += 1;
    }
    // Widen to the minimum length, first to the left, then to the right.
    while end - start < QUOTE_MIN && start > 0 && !is_sentence_end(chars[start - 1]) {
        start -= 1;
    }
    while end - start < QUOTE_MIN && end < chars.len() && !is_sentence_end(chars[end]) {
        end += 1;
    }
    (start, end)
}

/// Path of the deepest section containing `pos`, `""` when none.
pub(crate) fn section_path(plan: &ParsedPlan, pos: usize) -> String {
    plan.sections
        .iter()
        .filter(|s| pos >= s.start && pos < s.end)
        .max_by_key(|s| s.level)
        .map(|s| s.path.clone())
        .unwrap_or_default()
}
