//! The plan structure parser: page noise, the section tree and task items.
//!
//! [`parse`] turns a plan's decoded text into a [`ParsedPlan`]:
//!
//! 1. **Noise** ([`noise`]): web-page chrome found by the data-driven rules of
//!    `data/noise_rules.toml` is reported as character ranges, and so is a
//!    table of contents (`目录` and the headings listed before the body). Markers inside
//!    noise are ignored and trailing noise is left out of the last section.
//! 2. **Markers** ([`markers`]): `一、`, `(一)`, `1.`, `(1)` in their half- and
//!    full-width variants, and `第一部分`, `第一章`, `第一节` in long plans. A marker at the start of a line is always taken; a
//!    marker inside a line (documents that lost their line breaks) only after
//!    a sentence end (`。`, `；`, `：` …) and only when its number continues the
//!    numbering at some level (the next sibling, `1` of a new level, or the
//!    continuation of a plan-wide count). A parenthesised marker glued to a
//!    heading that has no full stop (`一、强化顶层设计(一)强化党的领导。`) is
//!    taken when its number is exactly the expected one.
//! 3. **Tree**: levels follow the order in which marker styles first appear,
//!    so a plan may start at `(一)`. Numbering gaps become `numbering_gap`
//!    warnings (`numbering_out_of_order` when a number goes back), never
//!    errors.
//! 4. **Roles** ([`roles`]): short headings are matched against the keyword
//!    table in `data/section_roles.toml`; children inherit their ancestor's
//!    role; without any task heading, top-level sections with no role are task
//!    areas.
//! 5. **Task items**: leaf sections whose role is `tasks`.
//!
//! All offsets are character offsets. The parser never panics and runs in
//! linear time over a `Vec<char>`.
//!
//! ```
//! use planlens::model::SectionRole;
//! let text = "一、总体要求\n坚持创新驱动。\n二、重点任务\n1.建设平台。新建实验室5家。\n2.培育企业。2.5万家企业入库。\n三、保障措施\n加强组织领导。";
//! let plan = planlens::structure::parse(text);
//! let paths: Vec<&str> = plan.sections.iter().map(|s| s.path.as_str()).collect();
//! assert_eq!(paths, ["一", "二", "二/1", "二/2", "三"]);
//! assert_eq!(plan.sections[1].role, SectionRole::Tasks);
//! assert_eq!(plan.tasks.len(), 2);
//! assert_eq!(plan.tasks[0].title, "建设平台");
//! ```

pub mod markers;
pub mod noise;
pub mod roles;

use crate::model::{ParseWarning, ParsedPlan, Section, SectionRole, TaskItem};
use markers::{marker_at, Marker, MarkerStyle};
use noise::NoiseRules;
use roles::RoleTable;

/// Longest title kept; longer headings are cut at a comma before this.
const MAX_TITLE_CHARS: usize = 60;

/// Longest heading (in characters) a glued parenthesised marker may follow.
const MAX_GLUED_HEADING: usize = 60;

/// Parses a plan's decoded text into its outline, task items, warnings and noise ranges.
pub fn parse(text: &str) -> ParsedPlan {
    let chars: Vec<char> = text.chars().collect();
    let mut warnings = Vec::new();
    let mut noise = match NoiseRules::builtin() {
        Ok(rules) => rules.find(text),
        Err(e) => {
            warnings.push(warning("rules_unavailable", e.to_string(), None));
            Vec::new()
        }
    };
    if let Some(toc) = table_of_contents(&chars) {
        noise.push(toc);
        noise = merge_ranges(noise);
    }
    let body_end = body_end(&chars, &noise);
    let mut builder = TreeBuilder::new(&chars, body_end);
    builder.scan(&noise);
    let TreeBuilder {
        mut sections,
        aux,
        warnings: tree_warnings,
        ..
    } = builder;
    warnings.extend(tree_warnings);
    fill_titles(&chars, &mut sections, &aux);
    match RoleTable::builtin() {
        Ok(table) => {
            assign_roles(table, &mut sections);
            close_background_reviews(table, &chars, &mut sections, &noise);
        }
        Err(e) => warnings.push(warning("rules_unavailable", e.to_string(), None)),
    }
    let tasks = task_items(&chars, &sections, &aux, &noise);
    if sections.is_empty() && chars.iter().any(|c| !c.is_whitespace()) {
        warnings.push(warning(
            "no_sections",
            "no numbered section markers found".to_string(),
            None,
        ));
    } else if !sections.is_empty() && tasks.is_empty() {
        warnings.push(warning(
            "no_task_items",
            "no section was recognised as a task area".to_string(),
            None,
        ));
    }
    ParsedPlan {
        sections,
        tasks,
        warnings,
        noise,
    }
}

fn warning(code: &str, message: String, start: Option<usize>) -> ParseWarning {
    ParseWarning {
        code: code.to_string(),
        message,
        start,
    }
}

/// Sorts ranges and merges overlapping ones.
fn merge_ranges(mut ranges: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    ranges.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (s, e) in ranges {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// Lines of `chars` as `(start, end)` offsets, line breaks excluded.
fn lines(chars: &[char]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut pos = 0;
    std::iter::from_fn(move || {
        if pos > chars.len() || (pos == chars.len() && pos > 0) {
            return None;
        }
        let start = pos;
        let mut end = start;
        while end < chars.len() && chars[end] != '\n' {
            end += 1;
        }
        pos = end + 1;
        let trimmed = if end > start && chars[end - 1] == '\r' {
            end - 1
        } else {
            end
        };
        Some((start, trimmed))
    })
}

/// A heading line reduced for comparison: no spaces, dot leaders or page number.
fn toc_key(line: &[char]) -> String {
    let mut key: Vec<char> = line
        .iter()
        .copied()
        .filter(|c| !c.is_whitespace() && !matches!(c, '.' | '…' | '·' | '．' | '-' | '—' | '_'))
        .collect();
    while key.last().is_some_and(|c| c.is_ascii_digit()) {
        key.pop();
    }
    key.into_iter().collect()
}

/// A table of contents (`目录` line, then the headings, up to where the first
/// heading appears again as the body starts) as a range kept out of sections.
fn table_of_contents(chars: &[char]) -> Option<(usize, usize)> {
    const MAX_LINES_BEFORE: usize = 60;
    const MAX_TOC_LINES: usize = 300;
    let mut it = lines(chars).take(MAX_LINES_BEFORE + MAX_TOC_LINES);
    let (toc_start, _) = it.by_ref().take(MAX_LINES_BEFORE).find(|&(s, e)| {
        let key: String = chars[s..e].iter().filter(|c| !c.is_whitespace()).collect();
        key == "目录"
    })?;
    let mut first: Option<String> = None;
    for (s, e) in it {
        let key = toc_key(&chars[s..e]);
        if key.is_empty() {
            continue;
        }
        match &first {
            None => first = Some(key),
            Some(f) if *f == key => return Some((toc_start, s)),
            Some(_) => {}
        }
    }
    None
}

/// End of the plan body: the text length minus trailing noise and whitespace.
fn body_end(chars: &[char], noise: &[(usize, usize)]) -> usize {
    let mut end = chars.len();
    let mut k = noise.len();
    loop {
        while end > 0 && chars[end - 1].is_whitespace() {
            end -= 1;
        }
        // Skip noise ranges lying wholly at or after `end`.
        while k > 0 && noise[k - 1].0 >= end {
            k -= 1;
        }
        match k.checked_sub(1).map(|i| noise[i]) {
            Some((s, e)) if e >= end && s < end => {
                end = s;
                k -= 1;
            }
            _ => break,
        }
    }
    end
}

/// What the tree builder keeps per section besides the public fields.
#[derive(Debug, Clone, Copy)]
struct Aux {
    style: MarkerStyle,
    rank: u8,
    /// Offset just after the marker.
    marker_end: usize,
}

/// How a candidate marker is preceded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Boundary {
    /// Start of the text or of a line (spaces allowed).
    LineStart,
    /// After a sentence end or colon, possibly behind a closing quote.
    Sentence,
    /// Anywhere else.
    None,
}

fn is_inline_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\u{a0}')
}

fn is_terminator(c: char) -> bool {
    matches!(c, '。' | '；' | ';' | '！' | '!' | '？' | '?' | '：' | ':')
}

fn boundary_before(chars: &[char], i: usize) -> Boundary {
    let mut j = i;
    while j > 0 && is_inline_space(chars[j - 1]) {
        j -= 1;
    }
    if j == 0 {
        return Boundary::LineStart;
    }
    let p = chars[j - 1];
    if p == '\n' || p == '\r' {
        return Boundary::LineStart;
    }
    if is_terminator(p) {
        return Boundary::Sentence;
    }
    if matches!(p, '”' | '’' | '」' | '』' | '"') && j >= 2 && is_terminator(chars[j - 2]) {
        return Boundary::Sentence;
    }
    Boundary::None
}

/// Builds the section tree in one pass over the text.
struct TreeBuilder<'a> {
    chars: &'a [char],
    body_end: usize,
    sections: Vec<Section>,
    aux: Vec<Aux>,
    warnings: Vec<ParseWarning>,
    /// Rank (0 = top) of each style, by first appearance.
    rank: [Option<u8>; MarkerStyle::ALL.len()],
    next_rank: u8,
    /// Last number seen per style anywhere in the plan.
    last_number: [Option<u32>; MarkerStyle::ALL.len()],
    /// Indices of the open sections, outermost first.
    stack: Vec<usize>,
}

/// The verdict on a candidate marker.
enum Verdict {
    Accept,
    AcceptWithGap(String),
    /// Accepted, but numbered at or below the previous sibling.
    AcceptBackward(String),
    Reject,
}

impl<'a> TreeBuilder<'a> {
    fn new(chars: &'a [char], body_end: usize) -> Self {
        TreeBuilder {
            chars,
            body_end,
            sections: Vec::new(),
            aux: Vec::new(),
            warnings: Vec::new(),
            rank: [None; MarkerStyle::ALL.len()],
            next_rank: 0,
            last_number: [None; MarkerStyle::ALL.len()],
            stack: Vec::new(),
        }
    }

    fn scan(&mut self, noise: &[(usize, usize)]) {
        let chars = self.chars;
        let mut ni = 0; // next noise range that may contain or follow `i`
        let mut i = 0;
        while i < self.body_end {
            while ni < noise.len() && noise[ni].1 <= i {
                ni += 1;
            }
            if ni < noise.len() && noise[ni].0 <= i {
                i = noise[ni].1;
                continue;
            }
            let c = chars[i];
            let plausible = c == '('
                || c == '（'
                || c == '第'
                || markers::arabic_digit(c).is_some()
                || matches!(
                    c,
                    '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
                );
            if !plausible {
                i += 1;
                continue;
            }
            let boundary = boundary_before(chars, i);
            if boundary == Boundary::None && c != '(' && c != '（' {
                i += 1;
                continue;
            }
            let Some(m) = marker_at(chars, i) else {
                i += 1;
                continue;
            };
            // The marker must lie wholly in the body and outside noise.
            let m_end = i + m.len;
            if m_end > self.body_end || (ni < noise.len() && noise[ni].0 < m_end) {
                i += 1;
                continue;
            }
            match self.judge(m, boundary, i) {
                Verdict::Reject => i += 1,
                Verdict::Accept => {
                    self.open(m, i);
                    i = m_end;
                }
                Verdict::AcceptWithGap(msg) => {
                    self.warnings.push(warning("numbering_gap", msg, Some(i)));
                    self.open(m, i);
                    i = m_end;
                }
                Verdict::AcceptBackward(msg) => {
                    self.warnings
                        .push(warning("numbering_out_of_order", msg, Some(i)));
                    self.open(m, i);
                    i = m_end;
                }
            }
        }
        while let Some(k) = self.stack.pop() {
            self.sections[k].end = self.body_end;
        }
    }

    /// Number of the open section of `style`, if one is open.
    fn open_number(&self, style: MarkerStyle) -> Option<u32> {
        self.stack
            .iter()
            .rev()
            .map(|&k| (k, self.aux[k].style))
            .find(|&(_, s)| s == style)
            .map(|(k, _)| self.sections[k].number)
    }

    /// Whether `i` directly follows the heading of the innermost open section
    /// (no sentence end in between and not far away).
    fn glued_to_heading(&self, i: usize) -> bool {
        let Some(&k) = self.stack.last() else {
            return false;
        };
        let from = self.aux[k].marker_end;
        i >= from
            && i - from <= MAX_GLUED_HEADING
            && !self.chars[from..i]
                .iter()
                .any(|&c| is_terminator(c) || c == '\n' || c == '\r')
    }

    fn judge(&self, m: Marker, boundary: Boundary, i: usize) -> Verdict {
        let canon = |n: u32| m.style.canonical(n);
        if boundary == Boundary::None && !(m.style.is_paren() && self.glued_to_heading(i)) {
            return Verdict::Reject;
        }
        // Before the first section, an inline `1.` or `(1)` is a list in the
        // preamble (`通知如下：1.…`), not the plan's top level: taking it would
        // push every later `一、` below it.
        if self.stack.is_empty()
            && boundary != Boundary::LineStart
            && matches!(m.style, MarkerStyle::ArabicDot | MarkerStyle::ArabicParen)
        {
            return Verdict::Reject;
        }
        let Some(_) = self.rank[m.style.index()] else {
            // A style seen for the first time: a new, deeper level.
            return if m.number == 1 {
                Verdict::Accept
            } else if boundary == Boundary::LineStart && m.number <= 10 {
                Verdict::AcceptWithGap(format!(
                    "numbering starts at {} instead of {}",
                    canon(m.number),
                    canon(1)
                ))
            } else {
                Verdict::Reject
            };
        };
        if let Some(n) = self.open_number(m.style) {
            // A sibling of an open section.
            let expected = n + 1;
            if m.number == expected {
                Verdict::Accept
            } else if m.number > expected && boundary == Boundary::LineStart {
                Verdict::AcceptWithGap(format!(
                    "{} follows {}: {} missing",
                    canon(m.number),
                    canon(n),
                    gap_list(m.style, expected, m.number)
                ))
            } else if m.number <= n && boundary == Boundary::LineStart {
                Verdict::AcceptBackward(format!(
                    "{} follows {}: numbering goes back",
                    canon(m.number),
                    canon(n)
                ))
            } else {
                Verdict::Reject
            }
        } else {
            // A known style opening again under a new parent: restart at 1 or
            // continue a plan-wide count.
            let continues = self.last_number[m.style.index()].map(|l| l + 1);
            if m.number == 1 || Some(m.number) == continues {
                Verdict::Accept
            } else if boundary == Boundary::LineStart {
                let after = continues.unwrap_or(1);
                Verdict::AcceptWithGap(if m.number > after {
                    format!(
                        "{} opens a level expected to start at {} or {}: {} missing",
                        canon(m.number),
                        canon(1),
                        canon(after),
                        gap_list(m.style, after, m.number)
                    )
                } else {
                    format!(
                        "{} opens a level expected to start at {} or {}",
                        canon(m.number),
                        canon(1),
                        canon(after)
                    )
                })
            } else {
                Verdict::Reject
            }
        }
    }

    fn open(&mut self, m: Marker, i: usize) {
        let rank = match self.rank[m.style.index()] {
            Some(r) => r,
            None => {
                let r = self.next_rank;
                self.rank[m.style.index()] = Some(r);
                self.next_rank += 1;
                r
            }
        };
        while let Some(&top) = self.stack.last() {
            if self.aux[top].rank >= rank {
                self.sections[top].end = i;
                self.stack.pop();
            } else {
                break;
            }
        }
        let parent = self.stack.last().copied();
        let canon = m.style.canonical(m.number);
        let (level, path) = match parent {
            Some(p) => (
                self.sections[p].level.saturating_add(1),
                format!("{}/{}", self.sections[p].path, canon),
            ),
            None => (1, canon),
        };
        self.last_number[m.style.index()] = Some(m.number);
        self.sections.push(Section {
            marker: self.chars[i..i + m.len].iter().collect(),
            number: m.number,
            level,
            title: String::new(),
            role: SectionRole::Other,
            start: i,
            end: self.body_end,
            parent,
            path,
        });
        self.aux.push(Aux {
            style: m.style,
            rank,
            marker_end: i + m.len,
        });
        self.stack.push(self.sections.len() - 1);
    }
}

/// The missing numbers `from..to` in canonical form, e.g. `(四)` or `19, 20`.
fn gap_list(style: MarkerStyle, from: u32, to: u32) -> String {
    let missing: Vec<String> = (from..to.min(from + 5))
        .map(|n| style.canonical(n))
        .collect();
    let mut s = missing.join(", ");
    if to > from + 5 {
        s.push_str(", …");
    }
    s
}

/// Fills each section's title: the heading up to the first `。`, `：` or line
/// end, stopping at the next marker; cut at a comma when too long.
fn fill_titles(chars: &[char], sections: &mut [Section], aux: &[Aux]) {
    for k in 0..sections.len() {
        let limit = sections
            .get(k + 1)
            .map_or(sections[k].end, |s| s.start)
            .min(sections[k].end)
            .max(aux[k].marker_end);
        let mut a = aux[k].marker_end;
        while a < limit && chars[a].is_whitespace() {
            a += 1;
        }
        let mut b = a;
        while b < limit
            && !matches!(
                chars[b],
                '。' | '：' | ':' | '；' | ';' | '！' | '!' | '？' | '?' | '\n' | '\r'
            )
        {
            b += 1;
        }
        let mut end = b;
        if end - a > MAX_TITLE_CHARS {
            let window = a..a + MAX_TITLE_CHARS;
            end = window
                .clone()
                .rev()
                .find(|&x| x > a + 8 && matches!(chars[x], '，' | ',' | '、'))
                .unwrap_or(window.end);
        }
        while end > a && (chars[end - 1].is_whitespace() || matches!(chars[end - 1], '，' | ',')) {
            end -= 1;
        }
        sections[k].title = chars[a..end].iter().collect();
    }
}

/// Assigns roles: keyword headings, inheritance, and task areas by default.
fn assign_roles(table: &RoleTable, sections: &mut [Section]) {
    let own: Vec<Option<SectionRole>> = sections
        .iter()
        .map(|s| table.role_of_title(&s.title))
        .collect();
    let has_task_heading = own.contains(&Some(SectionRole::Tasks));
    for k in 0..sections.len() {
        let inherited = sections[k].parent.map(|p| sections[p].role);
        sections[k].role = match (own[k], inherited) {
            (Some(r), _) => r,
            (None, Some(r)) => r,
            (None, None) if !has_task_heading => SectionRole::Tasks,
            (None, None) => SectionRole::Other,
        };
    }
}

/// A paragraph such as `在取得成绩的同时,…还存在一些不足` after the last
/// subsection of a background section sums up the whole review: it is cut
/// from that subsection (and its descendants) and left to the top-level one,
/// unless that subsection is itself about challenges or problems.
fn close_background_reviews(
    table: &RoleTable,
    chars: &[char],
    sections: &mut [Section],
    noise: &[(usize, usize)],
) {
    for top in 0..sections.len() {
        if sections[top].parent.is_some() || sections[top].role != SectionRole::Background {
            continue;
        }
        let top_end = sections[top].end;
        // The last section inside this top-level section.
        let last = (top + 1..sections.len())
            .take_while(|&k| sections[k].start < top_end)
            .last();
        let Some(last) = last else { continue };
        // A last subsection on challenges or problems (面临形势, 存在问题)
        // is where such a paragraph belongs.
        if ["形势", "挑战", "问题", "不足", "短板", "机遇"]
            .iter()
            .any(|w| sections[last].title.contains(w))
        {
            continue;
        }
        let from = sections[last].start + sections[last].marker.chars().count();
        let Some(p) = (from..top_end).find(|&p| {
            let at_paragraph =
                p > 0 && matches!(chars[p - 1], '\n' | '\r' | '。') && !chars[p].is_whitespace();
            at_paragraph
                && !in_ranges(noise, p)
                && table.is_closing_paragraph(
                    &chars[p..(p + 24).min(chars.len())]
                        .iter()
                        .collect::<String>(),
                )
        }) else {
            continue;
        };
        for s in sections[top + 1..=last].iter_mut() {
            if s.start < p && p < s.end {
                s.end = p;
            }
        }
    }
}

/// Whether `p` lies in one of the sorted, disjoint `ranges`.
fn in_ranges(ranges: &[(usize, usize)], p: usize) -> bool {
    let k = ranges.partition_point(|&(s, _)| s <= p);
    k > 0 && p < ranges[k - 1].1
}

/// Task items: leaf sections whose role is `tasks`. A task ends before
/// trailing whitespace and page noise (`— 4 —` of a PDF page); noise in the
/// middle of an item stays in its raw text.
fn task_items(
    chars: &[char],
    sections: &[Section],
    aux: &[Aux],
    noise: &[(usize, usize)],
) -> Vec<TaskItem> {
    let mut has_child = vec![false; sections.len()];
    for s in sections {
        if let Some(p) = s.parent {
            has_child[p] = true;
        }
    }
    let mut tasks = Vec::new();
    for (k, s) in sections.iter().enumerate() {
        if has_child[k] || s.role != SectionRole::Tasks {
            continue;
        }
        let mut end = s.end;
        while end > s.start && (chars[end - 1].is_whitespace() || in_ranges(noise, end - 1)) {
            end -= 1;
        }
        let mut a = aux[k].marker_end.min(end);
        while a < end && chars[a].is_whitespace() {
            a += 1;
        }
        tasks.push(TaskItem {
            section: k,
            path: s.path.clone(),
            title: s.title.clone(),
            text: chars[a..end].iter().collect(),
            start: s.start,
            end,
        });
    }
    tasks
}

#[cfg(test)]
mod tests;
