//! Context rules of the conservative canonical mapping: a figure maps to a
//! catalog indicator only when the thing it counts *is* that indicator's
//! object. The catalog ([`super::Catalog::lookup_for`]) checks the phrase and
//! the unit; this module checks what the sentence says around the figure:
//!
//! - **beneficiaries and pools**: `支持20家以上科技型中小企业…申报项目`,
//!   `遴选400家科技型企业作为培育对象` count firms supported or selected,
//!   not a level or an increase of the indicator;
//! - **per-unit quotas**: `每个区县…建立1家`, `众创空间、星创天地各2家`,
//!   `单户企业…贷款额度2000万元` are per district, per type or per firm;
//! - **thresholds and ceilings**: `研发投入500万元以上的企业`,
//!   `300万元以内实行无抵押贷款` describe a class or a limit;
//! - **comparisons with an average**: `为全省平均水平的1.5倍`;
//! - **required verbs**: an indicator such as talent *introduced* needs its
//!   verb (`引进`) before the figure.
//!
//! When a rule fires the figure keeps its phrase and stays unmapped: a
//! comparison must never put unlike things in one row.

use super::catalog::{Catalog, Indicator};
use super::family::Family;
use super::verbs::VERBS;
use crate::model::{Qualifier, TargetKind};

/// What the mapping reads around one figure.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FigureContext<'a> {
    /// The indicator phrase read for the figure.
    pub phrase: &'a str,
    /// Unit as written.
    pub unit: &'a str,
    /// The figure's kind.
    pub kind: TargetKind,
    /// The figure's qualifier.
    pub qualifier: Qualifier,
    /// Text of the clause before the figure's segment (from the clause start).
    pub clause: &'a str,
    /// Text of the sentence before the figure's segment, read for required
    /// verbs when the clause is elliptical (`其中发明专利24项`).
    pub sentence: &'a str,
    /// Text of the figure's own segment before the number.
    pub before: &'a str,
    /// Text right after the figure's unit and qualifier.
    pub after: &'a str,
}

/// Words that make a count a per-unit quota (per district, firm or item).
const PER_UNIT: &[&str] = &[
    "每个",
    "每家",
    "每户",
    "每项",
    "每所",
    "每县",
    "每区",
    "每镇",
    "单户",
    "单个",
    "单家",
    "单笔",
    "单项",
    "单台",
    "各县",
    "各区",
    "各市",
    "各镇",
    "各乡",
    "各园区",
    "各功能区",
    "各开发区",
    "功能区各",
    "区县各",
];

/// Words that make a money figure a per-firm ceiling, a grant or a limit.
const MONEY_LIMITS: &[&str] = &["最高", "上限", "额度", "给予", "一次性"];

/// Nouns that follow `…的` when a figure describes a class (`500万元以上的企业`).
const CLASS_NOUNS: &[&str] = &[
    "企业", "项目", "单位", "主体", "机构", "团队", "人才", "产品",
];

impl Catalog {
    /// The indicator a figure maps to, with the context rules of this module
    /// applied before the phrase lookup.
    pub(crate) fn map(&self, fig: &FigureContext<'_>) -> Option<&Indicator> {
        if blocked(fig) {
            return None;
        }
        // `其中发明专利24项`, `…,100名海外高端人才`: a clause without a verb
        // of its own is governed by the verbs of the sentence before it.
        let own = format!("{}{}", fig.clause, fig.before);
        let inherited = !fig.phrase.is_empty()
            && !fig.before.contains(fig.phrase)
            && !fig.after.starts_with(fig.phrase);
        let elliptical = inherited
            || own.trim_start().starts_with("其中")
            || !VERBS
                .counting
                .iter()
                .chain(&VERBS.beneficiary)
                .any(|v| own.contains(v.as_str()));
        let lead = if elliptical {
            format!("{}{}", fig.sentence, fig.before)
        } else {
            format!("{}{}", fig.clause, fig.before)
        };
        self.lookup_with(fig.phrase, fig.unit, Some(fig.kind), &lead)
    }
}

/// Whether the figure's context says it is not a figure of any indicator's
/// object.
fn blocked(fig: &FigureContext<'_>) -> bool {
    let rate = Family::Percent.admits(fig.unit)
        || Family::Points.admits(fig.unit)
        || Family::Ratio.admits(fig.unit);
    let money = Family::Money.admits(fig.unit);
    let near = format!("{}{}", fig.before, fig.after);
    if near.contains("平均水平")
        || fig.after.starts_with("平均")
        || super::context::is_average_comparison(fig.before)
    {
        return true;
    }
    if describes_class(fig.after) {
        return true;
    }
    if rate {
        return false;
    }
    let lead = lead_before_phrase(fig.before, fig.phrase);
    if last_verb_is_beneficiary(&format!("{}{}", fig.clause, lead)) {
        return true;
    }
    if fig.after.contains("作为") && fig.after.contains("对象") {
        return true;
    }
    let clause = format!("{}{}", fig.clause, fig.before);
    if PER_UNIT.iter().any(|w| clause.contains(w)) || fig.before.trim_end().ends_with('各') {
        return true;
    }
    if money {
        if MONEY_LIMITS.iter().any(|w| clause.contains(w)) {
            return true;
        }
        // `300万元以内实行无抵押贷款`: a limit stated before what it limits.
        let phrase_after = !fig.phrase.is_empty() && !fig.before.contains(fig.phrase);
        if fig.qualifier == Qualifier::AtMost && phrase_after {
            return true;
        }
    }
    false
}

/// `500万元以上的企业`, `不低于3%的企业`: the figure delimits a class of
/// things rather than counting them.
fn describes_class(after: &str) -> bool {
    let rest = after.trim_start_matches(['以', '上', '下', '内']);
    rest.strip_prefix('的')
        .is_some_and(|r| CLASS_NOUNS.iter().any(|n| r.starts_with(n)))
}

/// The part of the segment before the indicator phrase (all of it when the
/// phrase comes after the figure).
fn lead_before_phrase<'a>(before: &'a str, phrase: &str) -> &'a str {
    match (!phrase.is_empty()).then(|| before.rfind(phrase)).flatten() {
        Some(p) => &before[..p],
        None => before,
    }
}

/// Whether the last verb of `lead` (of the lexicon's beneficiary and counting verbs)
/// makes the counted things beneficiaries.
fn last_verb_is_beneficiary(lead: &str) -> bool {
    let last = |verbs: &[String]| {
        verbs
            .iter()
            .filter_map(|v| lead.rfind(v.as_str()).map(|p| p + v.len()))
            .max()
    };
    match (last(&VERBS.beneficiary), last(&VERBS.counting)) {
        (Some(b), Some(a)) => b > a,
        (Some(_), None) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig<'a>(
        phrase: &'a str,
        unit: &'a str,
        before: &'a str,
        after: &'a str,
    ) -> FigureContext<'a> {
        FigureContext {
            phrase,
            unit,
            kind: TargetKind::Increment,
            qualifier: Qualifier::AtLeast,
            clause: "",
            sentence: "",
            before,
            after,
        }
    }

    #[test]
    fn beneficiaries_pools_quotas_and_classes_are_blocked() {
        assert!(blocked(&fig(
            "科技型中小企业",
            "家",
            "支持",
            "科技型中小企业联合高校申报"
        )));
        assert!(blocked(&fig(
            "科技型企业",
            "家",
            "每年择优遴选",
            "科技型企业作为重点培育对象"
        )));
        assert!(blocked(&fig(
            "市实验室",
            "家",
            "每个区县、功能区各建立",
            "市实验室"
        )));
        assert!(blocked(&fig("众创空间", "家", "新建众创空间各", "")));
        assert!(blocked(&fig(
            "研发投入",
            "万元",
            "研发投入",
            "的企业给予奖励"
        )));
        assert!(blocked(&fig(
            "贷款额度",
            "万元",
            "单户企业贷款额度达到",
            ""
        )));
        assert!(!blocked(&fig("高新技术企业", "家", "新增高新技术企业", "")));
        assert!(!blocked(&fig(
            "高新技术企业",
            "家",
            "支持企业申报,新增高新技术企业",
            ""
        )));
        assert!(!blocked(&fig(
            "高新技术企业",
            "家",
            "每年新增高新技术企业",
            ""
        )));
    }
}
