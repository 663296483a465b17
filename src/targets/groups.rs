//! Restated targets: a figure given again in the same document (in 主要目标
//! and again in a task item) is one target with several mentions, linked by
//! a shared `group`.

use crate::model::Target;

/// Shortest common run of characters that makes two phrases of the same
/// catalog indicator name the same thing (`市级科技特派团` / `农村科技特派团`).
const COMMON_RUN: usize = 4;

/// Length, in characters, of the longest run two phrases share.
fn longest_common_run(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut best = 0;
    let mut prev = vec![0usize; b.len() + 1];
    for x in &a {
        let mut cur = vec![0usize; b.len() + 1];
        for (j, y) in b.iter().enumerate() {
            if x == y {
                cur[j + 1] = prev[j] + 1;
                best = best.max(cur[j + 1]);
            }
        }
        prev = cur;
    }
    best
}

/// Whether two records are mentions of the same target: the same indicator,
/// value, range, stretch, unit, qualifier, kind, role and year. The same
/// indicator is the same non-empty phrase, or the same catalog id when both
/// have one and the phrases share a run of [`COMMON_RUN`] characters (the
/// catalog's ids are broad: `st_events` covers a lecture and an exchange).
fn same_target(a: &Target, b: &Target) -> bool {
    let same_figure = a.value == b.value
        && a.value_high == b.value_high
        && a.stretch == b.stretch
        && a.unit == b.unit
        && a.qualifier == b.qualifier
        && a.kind == b.kind
        && a.role == b.role
        && a.year == b.year;
    // The cheap comparisons first: the common run is computed for few pairs.
    same_figure
        && ((!a.indicator.is_empty() && a.indicator == b.indicator)
            || (matches!((&a.indicator_id, &b.indicator_id), (Some(x), Some(y)) if x == y)
                && longest_common_run(&a.indicator, &b.indicator) >= COMMON_RUN))
}

/// Sets `group` on every record of a document's targets (in their final
/// order): mentions of one target get the index of its first mention, a
/// figure mentioned once gets `None`.
pub fn group_mentions(targets: &mut [Target]) {
    for t in targets.iter_mut() {
        t.group = None;
    }
    for j in 1..targets.len() {
        let Some(i) = (0..j).find(|&i| same_target(&targets[i], &targets[j])) else {
            continue;
        };
        let g = targets[i].group.unwrap_or(i as u32);
        targets[i].group = Some(g);
        targets[j].group = Some(g);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_runs() {
        assert_eq!(longest_common_run("市级科技特派团", "农村科技特派团"), 5);
        assert_eq!(longest_common_run("科技大讲堂", "众创空间经验交流活动"), 0);
        assert_eq!(longest_common_run("", "高新技术企业"), 0);
    }
}
