//! Page-noise detection: web-page chrome (info bars, share and print buttons,
//! CMS signatures, link lists, footers) that portals add around a plan.
//!
//! The rules are data: `data/noise_rules.toml` (format documented in its
//! header) is compiled into the binary and loaded once. Noise stays in the raw
//! text; [`NoiseRules::find`] only reports it as character ranges.

use std::sync::OnceLock;

use regex::Regex;
use serde::Deserialize;

/// The built-in rule file.
const BUILTIN_RULES: &str = include_str!("../../data/noise_rules.toml");

/// Default `max_chars` of a `line` rule.
const DEFAULT_MAX_CHARS: usize = 120;

/// Why a noise-rule file could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum RulesError {
    /// The file is not valid TOML or misses a required key.
    #[error("noise rules are not valid TOML: {0}")]
    Toml(#[from] toml::de::Error),
    /// A rule's `pattern` is not a valid regular expression.
    #[error("noise rule `{name}` has an invalid pattern: {source}")]
    Pattern {
        /// The rule's name.
        name: String,
        /// The regex compiler's complaint.
        #[source]
        source: regex::Error,
    },
    /// A rule's `scope` is not `line`, `match` or `rest_of_line`.
    #[error(
        "noise rule `{name}` has unknown scope `{scope}` (expected line, match or rest_of_line)"
    )]
    Scope {
        /// The rule's name.
        name: String,
        /// The scope as written.
        scope: String,
    },
    /// Two rules share a name.
    #[error("duplicate noise rule name `{0}`")]
    Duplicate(String),
}

/// What part of a line becomes noise when a rule matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The whole line (only for lines of at most `max_chars` characters).
    Line,
    /// Each match.
    Match,
    /// From the first match to the end of the line.
    RestOfLine,
}

/// One compiled noise rule.
#[derive(Debug, Clone)]
pub struct NoiseRule {
    /// The rule's name from the data file.
    pub name: String,
    /// What becomes noise on a match.
    pub scope: Scope,
    /// Longest line (in characters) a `line` rule applies to.
    pub max_chars: usize,
    regex: Regex,
}

/// A compiled set of noise rules.
#[derive(Debug, Clone)]
pub struct NoiseRules {
    rules: Vec<NoiseRule>,
    /// Longest `max_chars` of any `line` rule.
    longest_line_rule: usize,
}

#[derive(Deserialize)]
struct RawFile {
    #[serde(default)]
    rule: Vec<RawRule>,
}

#[derive(Deserialize)]
struct RawRule {
    name: String,
    pattern: String,
    scope: String,
    max_chars: Option<usize>,
    #[allow(dead_code)]
    note: Option<String>,
}

impl NoiseRules {
    /// Compiles rules from the TOML format of `data/noise_rules.toml`.
    pub fn from_toml(src: &str) -> Result<NoiseRules, RulesError> {
        let raw: RawFile = toml::from_str(src)?;
        let mut rules: Vec<NoiseRule> = Vec::with_capacity(raw.rule.len());
        for r in raw.rule {
            if rules.iter().any(|x| x.name == r.name) {
                return Err(RulesError::Duplicate(r.name));
            }
            let scope = match r.scope.as_str() {
                "line" => Scope::Line,
                "match" => Scope::Match,
                "rest_of_line" => Scope::RestOfLine,
                _ => {
                    return Err(RulesError::Scope {
                        name: r.name,
                        scope: r.scope,
                    })
                }
            };
            let regex = Regex::new(&r.pattern).map_err(|source| RulesError::Pattern {
                name: r.name.clone(),
                source,
            })?;
            rules.push(NoiseRule {
                name: r.name,
                scope,
                max_chars: r.max_chars.unwrap_or(DEFAULT_MAX_CHARS),
                regex,
            });
        }
        let longest_line_rule = rules
            .iter()
            .filter(|r| r.scope == Scope::Line)
            .map(|r| r.max_chars)
            .max()
            .unwrap_or(0);
        Ok(NoiseRules {
            rules,
            longest_line_rule,
        })
    }

    /// The rules compiled from `data/noise_rules.toml` (loaded once).
    pub fn builtin() -> Result<&'static NoiseRules, &'static RulesError> {
        static RULES: OnceLock<Result<NoiseRules, RulesError>> = OnceLock::new();
        RULES
            .get_or_init(|| NoiseRules::from_toml(BUILTIN_RULES))
            .as_ref()
    }

    /// The rules, in file order.
    pub fn rules(&self) -> &[NoiseRule] {
        &self.rules
    }

    /// Character ranges of noise in `text`, sorted and merged.
    pub fn find(&self, text: &str) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = Vec::new();
        let mut char_pos = 0usize;
        for raw_line in text.split('\n') {
            let line_start = char_pos;
            let line_chars = raw_line.chars().count();
            char_pos += line_chars + 1; // the '\n'
            let line = raw_line.strip_suffix('\r').unwrap_or(raw_line);
            let len = if line.len() < raw_line.len() {
                line_chars - 1
            } else {
                line_chars
            };
            if line.trim().is_empty() {
                continue;
            }
            // Each regex runs alone: single regexes get literal prefilters,
            // which a `RegexSet` over all rules would not.
            let short = len <= self.longest_line_rule;
            for (i, rule) in self.rules.iter().enumerate() {
                let applies = match rule.scope {
                    Scope::Line => short && len <= rule.max_chars,
                    Scope::Match | Scope::RestOfLine => true,
                };
                if applies && rule.regex.is_match(line) {
                    self.apply(i, line, line_start, len, &mut out);
                }
            }
        }
        if out.len() < 2 {
            return out;
        }
        let chars: Vec<char> = text.chars().collect();
        merge(out, &chars)
    }

    fn apply(
        &self,
        i: usize,
        line: &str,
        line_start: usize,
        len: usize,
        out: &mut Vec<(usize, usize)>,
    ) {
        let rule = &self.rules[i];
        match rule.scope {
            Scope::Line => {
                if len <= rule.max_chars {
                    out.push((line_start, line_start + len));
                }
            }
            Scope::Match => {
                // Byte → char offsets, counted incrementally (matches are in order).
                let (mut byte, mut ch) = (0usize, line_start);
                let mut advance = |to: usize| {
                    ch += line[byte..to].chars().count();
                    byte = to;
                    ch
                };
                for m in rule.regex.find_iter(line) {
                    if m.start() < m.end() {
                        let s = advance(m.start());
                        let e = advance(m.end());
                        out.push((s, e));
                    }
                }
            }
            Scope::RestOfLine => {
                if let Some(m) = rule.regex.find(line) {
                    let s = line_start + line[..m.start()].chars().count();
                    out.push((s, line_start + len));
                }
            }
        }
    }
}

/// Sorts ranges and merges those that overlap or are separated only by
/// whitespace (consecutive noise lines become one range).
fn merge(mut ranges: Vec<(usize, usize)>, chars: &[char]) -> Vec<(usize, usize)> {
    ranges.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (s, e) in ranges {
        match out.last_mut() {
            Some(last)
                if s <= last.1
                    || chars
                        .get(last.1..s)
                        .is_some_and(|gap| gap.iter().all(|c| c.is_whitespace())) =>
            {
                last.1 = last.1.max(e)
            }
            _ => out.push((s, e)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn noise(text: &str) -> Vec<String> {
        let rules = NoiseRules::builtin().expect("built-in rules load");
        let chars: Vec<char> = text.chars().collect();
        rules
            .find(text)
            .into_iter()
            .map(|(s, e)| chars[s..e].iter().collect())
            .collect()
    }

    #[test]
    fn builtin_rules_load() {
        let rules = NoiseRules::builtin().expect("built-in rules load");
        assert!(rules.rules().len() >= 10);
    }

    #[test]
    fn info_bar_and_footer_lines() {
        let t = "某市规划\n\n浏览次数: 信息来源:某市人民政府 发布时间: 2021-10-27 11:23 文字大小:\n正文。\nProduced By 大汉网络 大汉版通发布系统\n";
        assert_eq!(
            noise(t),
            vec![
                "浏览次数: 信息来源:某市人民政府 发布时间: 2021-10-27 11:23 文字大小:",
                "Produced By 大汉网络 大汉版通发布系统"
            ]
        );
    }

    #[test]
    fn widgets() {
        assert_eq!(
            noise("纠错(JST)请求出现异常!"),
            vec!["纠错(JST)请求出现异常!"]
        );
        assert_eq!(
            noise("扫一扫在手机打开当前页"),
            vec!["扫一扫在手机打开当前页"]
        );
        assert_eq!(
            noise("【打印本页】 【关闭窗口】"),
            vec!["【打印本页】 【关闭窗口】"]
        );
        assert_eq!(
            noise("正文内容。【字体：大 中 小】"),
            vec!["【字体：大 中 小】"]
        );
        assert_eq!(
            noise("上一篇：关于印发某某的通知"),
            vec!["上一篇：关于印发某某的通知"]
        );
        assert_eq!(
            noise("版权所有：某市科学技术局 鲁ICP备05012345号"),
            vec!["版权所有：某市科学技术局 鲁ICP备05012345号"]
        );
    }

    #[test]
    fn disclosure_fields_and_labels() {
        let t = "通知\n政策\n发布部门:某市科学技术局\n发布时间:2023年02月25日\n政策文号:某科字〔2023〕1号\n有效性:政策是否有效未知,请慎用\n各单位:";
        assert_eq!(noise(t).len(), 1, "consecutive lines merge: {:?}", noise(t));
        assert!(noise(t)[0].starts_with("政策\n发布部门"));
        assert!(noise(t)[0].ends_with("请慎用"));
    }

    #[test]
    fn trailing_link_list_glued_to_body() {
        let t = "树立科技创新工作新景象。政策解读|部门解读《要点》政策解读|专家解读《要点》";
        assert_eq!(
            noise(t),
            vec!["政策解读|部门解读《要点》政策解读|专家解读《要点》"]
        );
    }

    #[test]
    fn page_numbers_of_pdf_copies() {
        let t = "建设平台。\n— 4 —\n- 12 -\n第3页 共12页\n3/12\n新增企业20家。\n2025年\n3.5\n";
        assert_eq!(noise(t), vec!["— 4 —\n- 12 -\n第3页 共12页\n3/12"]);
    }

    #[test]
    fn body_text_is_not_noise() {
        // Hard negatives: words that also appear in chrome, inside real sentences.
        let t = "科技成果来源广泛,发布时间节点由各县区确定。\n加强政策解读和宣传,关闭落后产能,打印技术攻关。\n主办中国创新挑战赛等活动10场次以上。\n下一步,重点推进平台建设。";
        assert!(noise(t).is_empty(), "{:?}", noise(t));
    }

    #[test]
    fn long_lines_skip_line_rules() {
        let long = format!("来源:{}", "科技创新".repeat(100));
        assert!(noise(&long).is_empty());
    }

    #[test]
    fn bad_rule_files_are_errors() {
        assert!(matches!(
            NoiseRules::from_toml("[[rule]]\nname='a'\npattern='('\nscope='line'"),
            Err(RulesError::Pattern { .. })
        ));
        assert!(matches!(
            NoiseRules::from_toml("[[rule]]\nname='a'\npattern='x'\nscope='page'"),
            Err(RulesError::Scope { .. })
        ));
        assert!(matches!(
            NoiseRules::from_toml("[[rule]]\nname='a'\npattern='x'\nscope='line'\n[[rule]]\nname='a'\npattern='y'\nscope='line'"),
            Err(RulesError::Duplicate(_))
        ));
        assert!(matches!(
            NoiseRules::from_toml("[[rule]]\nname='a'"),
            Err(RulesError::Toml(_))
        ));
    }
}
