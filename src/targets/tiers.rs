//! Two-tier targets: a floor and a higher stretch figure of the same
//! indicator (`确保8000万元、力争1亿元`, `新增科技型企业30家、努力实现50家`,
//! `保底…冲刺…`, `力争…争取…`) become one record with `stretch`.

use super::verbs::VERBS;
use super::QUOTE_MAX;
use crate::model::Target;

/// Whether the text between two figures makes the second a stretch tier of
/// the first: one separator, a stretch word, link words (the lexicon's
/// `stretch` and `stretch_links`), and no noun
/// (`、力争`, `,努力实现`, `、争取突破`).
fn is_stretch_gap(gap: &str) -> bool {
    let g = gap.trim();
    let g = g.strip_prefix(['、', ',', '，']).unwrap_or(g).trim_start();
    let Some(mut rest) = VERBS
        .stretch
        .iter()
        .find_map(|w| g.strip_prefix(w.as_str()))
    else {
        return false;
    };
    while let Some(r) = VERBS
        .stretch_links
        .iter()
        .find_map(|w| rest.strip_prefix(w.as_str()))
    {
        rest = r;
    }
    rest.trim().is_empty()
}

/// The value of `t` when it is written in the unit of `floor`. Tiers in
/// different units (`确保8000万元、力争1亿元`) stay two figures: a record
/// carries one unit, and a stretch converted to another unit than the one
/// written would no longer be the figure of the text.
fn in_unit_of(floor: &Target, t: &Target) -> Option<f64> {
    (t.unit == floor.unit).then_some(t.value)
}

/// Merges each stretch figure into the floor before it. `spans` holds the
/// `(num_start, end)` of the figure of each record of `out`; `chars` are the
/// characters the rules read, `original` those quotes are cut from.
pub(crate) fn merge(
    chars: &[char],
    original: &[char],
    out: &mut Vec<Target>,
    spans: &mut Vec<(usize, usize)>,
) {
    let mut i = 0;
    while i + 1 < out.len() {
        let gap: String = chars[spans[i].1..spans[i + 1].0].iter().collect();
        let (floor, next) = (&out[i], &out[i + 1]);
        let stretch = (is_stretch_gap(&gap)
            && floor.value_high.is_none()
            && next.value_high.is_none()
            && floor.stretch.is_none())
        .then(|| in_unit_of(floor, next))
        .flatten()
        .filter(|&s| s > floor.value);
        let Some(s) = stretch else {
            i += 1;
            continue;
        };
        let end = next.end.max(floor.end);
        let start = floor
            .start
            .max(end.saturating_sub(QUOTE_MAX))
            .min(spans[i].0);
        let t = &mut out[i];
        t.stretch = Some(s);
        t.start = start;
        t.end = end;
        t.quote = original[start..end].iter().collect();
        out.remove(i + 1);
        spans[i].1 = spans[i + 1].1;
        spans.remove(i + 1);
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stretch_gaps() {
        for g in ["、力争", ",努力实现", "、争取突破", ",冲刺", "、力争达到"] {
            assert!(is_stretch_gap(g), "{g}");
        }
        for g in [
            "、",
            ",力争新增高新技术企业",
            "、科技型中小企业",
            ",争取上级资金",
        ] {
            assert!(!is_stretch_gap(g), "{g}");
        }
    }
}
