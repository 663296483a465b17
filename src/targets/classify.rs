//! Kind (stock / increment / rate), role (target / baseline) and year of a
//! figure, following the labelling conventions of the gold set: rate units
//! first, then explicit newness, then levels and totals, then verbs of
//! creation or action, else a bare count of existing things (stock).

use super::verbs::VERBS;
use crate::model::{DocumentMeta, PlanKind, Qualifier, TargetKind, TargetRole};
use regex::Regex;
use std::sync::LazyLock;

/// A set of literal words, compiled once into one matcher.
struct WordSet(LazyLock<Regex>);

impl WordSet {
    fn contains_any(&self, text: &str) -> bool {
        self.0.is_match(text)
    }
}

/// Builds the matcher of a word list (literals, escaped).
fn word_regex<'a>(words: impl Iterator<Item = &'a str>) -> Regex {
    let alt: Vec<String> = words.map(regex::escape).collect();
    // The lists are literals, so the pattern is always valid.
    Regex::new(&alt.join("|")).unwrap_or_else(|_| Regex::new("$^").expect("empty regex"))
}

/// Explicit newness or a recurring period (kind rule 2).
static EXPLICIT_NEW_SET: WordSet = WordSet(LazyLock::new(|| word_regex(VERBS.explicit_new())));
/// Levels and totals (kind rule 3).
static STOCK_SET: WordSet = WordSet(LazyLock::new(|| word_regex(VERBS.level_words())));
/// Level nouns that can follow a money figure (`形成20亿元以上产值`).
static STOCK_AFTER_SET: WordSet = WordSet(LazyLock::new(|| {
    word_regex(VERBS.level_after.iter().map(String::as_str))
}));
/// Creating, obtaining or doing something within the period (kind rule 4).
static ACTION_SET: WordSet = WordSet(LazyLock::new(|| word_regex(VERBS.actions())));
/// Verbs of `after` that count as actions (`等7家高校在本市建立研究院`).
static ACTION_AFTER_SET: WordSet = WordSet(LazyLock::new(|| {
    word_regex(VERBS.action_after.iter().map(String::as_str))
}));
/// Events that happen to the things counted within the period (`推动5家企业上市`,
/// `…建立研发机构`): the count is then a target even of existing things.
static EVENT_AFTER_SET: WordSet = WordSet(LazyLock::new(|| {
    word_regex(VERBS.event_after.iter().map(String::as_str))
}));

/// The kind an indicator's name alone gives (the name cell of an indicator
/// table, a noun phrase: action words inside it, such as 孵化 in 孵化器, are
/// no verbs): explicit newness (`新增`, `每年`) an increment, level words
/// (`累计`, `数量`) a stock, else `None`.
pub(crate) fn name_kind(name: &str) -> Option<TargetKind> {
    if EXPLICIT_NEW_SET.contains_any(name) {
        Some(TargetKind::Increment)
    } else if STOCK_SET.contains_any(name) {
        Some(TargetKind::Stock)
    } else {
        None
    }
}

/// Units that make a figure a rate.
pub(crate) fn is_rate_unit(unit: &str) -> bool {
    matches!(unit, "%" | "‰" | "个百分点" | "百分点" | "倍" | "")
}

/// Per-capita intensities (`每万人口…拥有量`, `每万名就业人员中研发人员数`).
pub(crate) fn is_intensity(indicator: &str) -> bool {
    ["每万", "每千", "每百", "每十万", "人均"]
        .iter()
        .any(|w| indicator.contains(w))
        // 万人发明专利拥有量, 万人口高价值发明专利拥有量: 每 left out.
        || indicator.starts_with("万人")
        || indicator.starts_with("万名")
        || indicator
            .match_indices('每')
            .any(|(p, c)| indicator[p + c.len()..].starts_with(|d: char| d.is_ascii_digit()))
}

/// Decides the kind of a figure. `scopes` are the texts to inspect, nearest
/// first: the figure's own clause segment, then earlier clauses of the sentence.
pub(crate) fn kind(
    unit: &str,
    indicator: &str,
    qualifier: Qualifier,
    scopes: &[&str],
    after: &str,
) -> TargetKind {
    if is_rate_unit(unit) || is_intensity(indicator) {
        return TargetKind::Rate;
    }
    // A grant or subsidy amount (`给予20万元奖励`, `补助最高50万元`) is a
    // policy parameter, a level.
    let own = scopes.first().map_or("", |s| s.trim_end());
    let own = own.strip_suffix("最高").unwrap_or(own);
    if unit.ends_with('元')
        && ["给予", "奖励", "补助", "补贴", "资助", "奖补"]
            .iter()
            .any(|w| own.ends_with(w))
    {
        return TargetKind::Stock;
    }
    if qualifier == Qualifier::AtMost {
        // An upper limit (贷款额度300万元以内) is a threshold, a level.
        return TargetKind::Stock;
    }
    let money = unit.ends_with('元');
    // `总数突破2300家`, `获得经费支持超过2亿元`: a bound word right before the
    // figure qualifies it; what precedes it decides the kind, and with no
    // other cue the figure is a total.
    if let Some(body) = strip_lower_bound(own) {
        if EXPLICIT_NEW_SET.contains_any(body) {
            return TargetKind::Increment;
        }
        if STOCK_SET.contains_any(body) {
            return TargetKind::Stock;
        }
        if ACTION_SET.contains_any(body) {
            return TargetKind::Increment;
        }
        return TargetKind::Stock;
    }
    for (n, scope) in scopes.iter().enumerate() {
        let own = n == 0;
        if EXPLICIT_NEW_SET.contains_any(scope) {
            return TargetKind::Increment;
        }
        // 达 alone links a level only right before the figure (登记额达18亿元),
        // not inside 发达 or 达成.
        let linked_by_da = own && scope.trim_end().ends_with('达');
        if linked_by_da
            || STOCK_SET.contains_any(scope)
            || (own && money && STOCK_AFTER_SET.contains_any(after))
        {
            return TargetKind::Stock;
        }
        if ACTION_SET.contains_any(scope) || (own && ACTION_AFTER_SET.contains_any(after)) {
            return TargetKind::Increment;
        }
    }
    TargetKind::Stock
}

/// The own segment without a lower-bound word right before the figure
/// (`突破`, `超过`, `超`), or `None` when there is none.
fn strip_lower_bound(own: &str) -> Option<&str> {
    ["突破", "超过", "超"]
        .iter()
        .find_map(|w| own.strip_suffix(w))
}

/// Characters before `现有` that make it part of another word (实现有效,
/// 发现有).
const NOT_BEFORE_XIANYOU: &[char] = &['实', '表', '发', '体', '出'];

/// Words after an existence marker that turn the clause into a target
/// (`已有研发机构的企业`, `在现有基础上新增`).
const TARGET_AFTER_MARKER: &[&str] = &[
    "的", "基础", "力争", "确保", "争取", "新增", "增加", "提高", "提升", "增长", "突破", "实现",
];

/// Prepositions between such a verb and the figure (`落实与5家金融机构`).
const PREPOSITIONS: &[char] = &['与', '和', '同', '跟', '对'];

/// States of the things counted, written as an attribute after the figure
/// (`5家筹建的…`, `6家在建的…`, `18家已建成的…`).
static EXISTING_STATE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:已\p{Han}{1,3}|现有|现存|在[建孵研营册库运]|筹建|筹备)的")
        .expect("valid regex")
});

/// Whether the own segment states that the things counted exist already:
/// an existence marker with no target word or relative clause after it
/// (`现有…86家`, `已有院士工作站12家`, not `已有研发机构的企业`).
fn states_existing(own: &str) -> bool {
    let Some((p, w)) = VERBS
        .existence
        .iter()
        .filter_map(|w| own.rfind(w.as_str()).map(|p| (p, w.as_str())))
        .max_by_key(|&(p, _)| p)
    else {
        return false;
    };
    let pre = &own[..p];
    let part_of_word = match w {
        "已" => pre.ends_with('而') || pre.ends_with("不得"),
        "现有" => pre.ends_with(NOT_BEFORE_XIANYOU),
        _ => false,
    };
    let rest = &own[p + w.len()..];
    !part_of_word && !TARGET_AFTER_MARKER.iter().any(|t| rest.contains(t))
}

/// Whether the verb right before the figure continues work on existing
/// things (`继续推动`, `持续支持`): a continuation word and one short verb.
fn continues_existing(own: &str) -> bool {
    VERBS.continuation.iter().any(|w| {
        own.rfind(w.as_str()).is_some_and(|p| {
            let verb = &own[p + w.len()..];
            let n = verb.chars().count();
            (1..=3).contains(&n)
                && verb.chars().all(|c| c.is_alphabetic() && !c.is_ascii())
                && !EXPLICIT_NEW_SET.contains_any(verb)
        })
    })
}

/// Whether the figure is the object of a verb that needs an existing object
/// (`依托4家`, `深化与9家`).
fn object_of_existing_verb(own: &str) -> bool {
    let v = own.trim_end_matches(PREPOSITIONS);
    VERBS
        .existing_object
        .iter()
        .any(|w| v.ends_with(w.as_str()))
}

/// Whether the figure counts things that already exist: stated as existing
/// (`现有`, `已有`, `已建成`, `现已认定`), the object of a verb that needs an
/// existing object (`依托`, `落实与`, `深化与`), or of a continued action
/// (`继续推动`) or described as existing after the figure (`筹建的`,
/// `在建的`). For the last two, `after` (the phrase after the figure) naming an
/// event that happens to the things counted (`…上市`, `…获批…`, `…建立…`)
/// makes the count a target. `推动100家规上企业建立研发机构` is a target.
pub(crate) fn acts_on_existing(own_before: &str, after: &str) -> bool {
    let own = own_before.trim_end();
    if states_existing(own) || object_of_existing_verb(own) {
        return true;
    }
    (continues_existing(own) || EXISTING_STATE_AFTER.is_match(after))
        && !EVENT_AFTER_SET.contains_any(after)
}

/// Decides whether a figure is a baseline: inside a review section, after a
/// verb acting on existing things, or stated as already achieved.
pub(crate) fn role(
    in_background: bool,
    own_before: &str,
    after: &str,
    sentence_before: &str,
    period_start: Option<i32>,
) -> TargetRole {
    if in_background {
        return TargetRole::Baseline;
    }
    // A sentence opening with a past year reports results: `2023年,全市新增…`.
    let lead = sentence_before.trim_start();
    let lead_year: String = lead.chars().take(4).collect();
    if let (Ok(y), Some(start)) = (lead_year.parse::<i32>(), period_start) {
        let rest: String = lead.chars().skip(4).take(1).collect();
        if rest == "年" && y < start && !sentence_before.contains("力争") {
            return TargetRole::Baseline;
        }
    }
    if acts_on_existing(own_before, after) {
        return TargetRole::Baseline;
    }
    if ["截至", "截止", "已达", "已经达到", "已建成", "目前已"]
        .iter()
        .any(|w| sentence_before.contains(w))
    {
        return TargetRole::Baseline;
    }
    TargetRole::Target
}

/// Inputs to [`year`].
pub(crate) struct YearInput<'a> {
    pub role: TargetRole,
    /// Year stated in the figure's own clause segment (`由2015年的`).
    pub own_year: Option<i32>,
    /// Year stated earlier in the sentence.
    pub sentence_year: Option<i32>,
    /// The own segment, to spot `由…` starting values and `每年` rules.
    pub own_before: &'a str,
    /// The figure is the starting value of a `由X…到Y` pair.
    pub from_value: bool,
    /// The figure lies in a review (background) part of the plan.
    pub in_background: bool,
    /// The last horizon (`到2026年`, `至2035年`) stated earlier in the full
    /// sentence (semicolons do not end it).
    pub horizon: Option<i32>,
}

/// Decides the year a figure refers to.
pub(crate) fn year(meta: &DocumentMeta, y: &YearInput<'_>) -> Option<i32> {
    let period = meta.period;
    match y.role {
        TargetRole::Target => match (meta.kind, period) {
            // A long-range vision beyond the plan period (`到2035年`).
            (_, Some(p)) if y.horizon.is_some_and(|h| h > p.end) => y.horizon,
            (PlanKind::AnnualWorkPlan, Some(p)) => Some(p.start),
            // A milestone inside a multi-year period (`到2026年,…` in a
            // 2024—2028 plan).
            (_, Some(p)) if y.horizon.is_some_and(|h| (p.start..=p.end).contains(&h)) => y.horizon,
            (_, Some(p)) => Some(p.end),
            (_, None) => y.horizon.or(y.own_year).or(y.sentence_year),
        },
        TargetRole::Baseline => {
            if let Some(v) = y.own_year {
                return Some(v);
            }
            let Some(p) = period else {
                return y.sentence_year;
            };
            if meta.kind == PlanKind::AnnualWorkPlan {
                return Some(y.sentence_year.unwrap_or(p.start));
            }
            if y.from_value && !y.in_background {
                // The starting value of a target: the plan's base year.
                return Some(p.start - 1);
            }
            if y.from_value {
                let span = p.end - p.start + 1;
                return Some(p.start - span - 1);
            }
            if let Some(v) = y.sentence_year {
                return Some(v);
            }
            if y.own_before.contains("每年") {
                return None;
            }
            Some(p.start - 1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_in_rule_order() {
        let k = |unit, scopes: &[&str]| kind(unit, "", Qualifier::Exact, scopes, "");
        assert_eq!(k("%", &["新增"]), TargetKind::Rate);
        assert_eq!(
            k("万元", &["每年财政资金支持规模达到"]),
            TargetKind::Increment
        );
        assert_eq!(k("家", &["总量突破"]), TargetKind::Stock);
        assert_eq!(k("家", &["认定"]), TargetKind::Increment);
        assert_eq!(k("家", &["累计建设院士工作站"]), TargetKind::Stock);
        assert_eq!(k("家", &["市级以上科技创新平台"]), TargetKind::Stock);
        assert_eq!(
            k("项", &["其中发明专利", "共申请专利195项,"]),
            TargetKind::Increment
        );
    }
}
