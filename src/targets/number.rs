//! Numbers and units as written in plan texts: Arabic figures with decimals,
//! Chinese numerals, magnitude prefixes (`万`, `亿`) and measure words.

use crate::numerals::{digit_value, is_numeral_char};

/// Whether `c` is an Arabic digit (ASCII or full-width).
pub(crate) fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Value of an Arabic digit (ASCII or full-width).
fn digit(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        c.to_digit(10)
    } else if ('０'..='９').contains(&c) {
        Some(c as u32 - '０' as u32)
    } else {
        None
    }
}

/// Parses an Arabic number (`12`, `3.55`) starting at `i`; returns the value
/// and the index just past it.
pub(crate) fn parse_arabic(chars: &[char], i: usize) -> Option<(f64, usize)> {
    let mut j = i;
    let mut int: f64 = 0.0;
    let mut any = false;
    while j < chars.len() {
        match digit(chars[j]) {
            Some(d) => {
                int = int * 10.0 + f64::from(d);
                any = true;
                j += 1;
            }
            None => break,
        }
    }
    if !any {
        return None;
    }
    if j + 1 < chars.len() && matches!(chars[j], '.' | '．') && is_digit(chars[j + 1]) {
        j += 1;
        let mut scale = 0.1;
        while j < chars.len() {
            match digit(chars[j]) {
                Some(d) => {
                    int += f64::from(d) * scale;
                    scale /= 10.0;
                    j += 1;
                }
                None => break,
            }
        }
        // Round away binary noise such as 3.5500000000000003.
        int = (int * 1e9).round() / 1e9;
    }
    Some((int, j))
}

/// Parses a run of Chinese numeral characters starting at `i` (at most six
/// characters); returns the value and the index just past it. Runs made only
/// of magnitude characters (`万`, `千`, `百`) are rejected: `千家万户` is an
/// idiom, not a figure.
pub(crate) fn parse_chinese_run(chars: &[char], i: usize) -> Option<(f64, usize)> {
    let mut j = i;
    while j < chars.len() && j - i < 6 && is_numeral_char(chars[j]) {
        j += 1;
    }
    if j == i {
        return None;
    }
    let run: String = chars[i..j].iter().collect();
    let has_digit = chars[i..j].iter().any(|&c| digit_value(c).is_some()) || chars[i] == '十';
    if !has_digit {
        return None;
    }
    let v = crate::numerals::parse_chinese(&run)?;
    Some((v as f64, j))
}

/// Measure words and units accepted after an Arabic figure, longest first.
/// Magnitude prefixes (`万`, `亿`, `千万`, `百万`) are matched separately.
const BASE_UNITS: &[&str] = &[
    "平方公里",
    "平方米",
    "个百分点",
    "百分点",
    "人次",
    "场次",
    "户次",
    "家次",
    "期",
    "人年",
    "公顷",
    "元",
    "亩",
    "吨",
    "台套",
    "家",
    "份",
    "户",
    "个",
    "项",
    "名",
    "人",
    "次",
    "件",
    "处",
    "所",
    "笔",
    "场",
    "篇",
    "台",
    "套",
    "种",
    "位",
    "座",
    "条",
    "支",
    "倍",
    "%",
    "％",
    "‰",
];

/// Measure words accepted after a Chinese numeral (`一个`, `两家`, `一次`).
const CHINESE_NUMERAL_UNITS: &[&str] =
    &["场次", "个", "家", "次", "项", "名", "场", "所", "处", "件"];

/// Units that cannot take a magnitude prefix.
fn takes_prefix(base: &str) -> bool {
    !matches!(
        base,
        "%" | "％" | "‰" | "个百分点" | "百分点" | "倍" | "人年" | "平方公里"
    )
}

/// What follows a unit and turns it into a duration or a different word
/// (`3个月`, `一次性`, `5个工作日`).
fn unit_breaks(base: &str, rest: &[char]) -> bool {
    let next = rest.first().copied();
    let next2: String = rest.iter().take(2).collect();
    match base {
        "个" => {
            matches!(next, Some('月' | '季' | '小' | '工')) || next2 == "百分" || next2 == "半月"
        }
        "次" => matches!(next, Some('性' | '数')),
        "人" => matches!(next, Some('民' | '口' | '才' | '员')),
        "名" => matches!(next, Some('单' | '称' | '录')),
        "位" => matches!(next, Some('于' | '置' | '数')),
        "所" => matches!(next, Some('属' | '有' | '在' | '需' | '以' | '得' | '谓')),
        "处" => matches!(next, Some('理' | '置' | '于')),
        "条" => matches!(next, Some('件' | '例' | '款')),
        "种" => matches!(next, Some('植' | '子' | '养')),
        "支" => matches!(next, Some('持' | '撑' | '出' | '付')),
        "场" => matches!(next, Some('所' | '景' | '地' | '馆')),
        "台" => matches!(next, Some('阶' | '账')),
        // 培训班5期 counts sessions; 二期工程 names a phase.
        "期" => next.is_some_and(|c| c.is_alphabetic() && !"以左上次".contains(c)),
        "项" => next == Some('目') && rest.get(1) != Some(&'('),
        "件" => matches!(next, Some('事')) && rest.get(1) == Some(&'情'),
        _ => false,
    }
}

fn starts_with_at(chars: &[char], i: usize, s: &str) -> bool {
    let n = s.chars().count();
    i + n <= chars.len() && chars[i..i + n].iter().copied().eq(s.chars())
}

/// Matches a unit (optional magnitude prefix + measure word) at `i`; returns
/// the unit as written and the index just past it.
pub(crate) fn match_unit(chars: &[char], i: usize) -> Option<(String, usize)> {
    let prefixes = ["千万", "百万", "万", "亿", ""];
    for p in prefixes {
        if !starts_with_at(chars, i, p) {
            continue;
        }
        let k = i + p.chars().count();
        for base in BASE_UNITS {
            if !starts_with_at(chars, k, base) {
                continue;
            }
            if !p.is_empty() && !takes_prefix(base) {
                continue;
            }
            // 千万/百万 only make sense for money.
            if (p == "千万" || p == "百万") && *base != "元" {
                continue;
            }
            let end = k + base.chars().count();
            if unit_breaks(base, &chars[end.min(chars.len())..]) {
                continue;
            }
            let unit = if *base == "％" {
                format!("{p}%")
            } else {
                format!("{p}{base}")
            };
            return Some((unit, end));
        }
    }
    None
}

/// Matches a measure word after a Chinese numeral.
pub(crate) fn match_chinese_unit(chars: &[char], i: usize) -> Option<(String, usize)> {
    for base in CHINESE_NUMERAL_UNITS {
        if starts_with_at(chars, i, base) {
            let end = i + base.chars().count();
            if unit_breaks(base, &chars[end.min(chars.len())..]) {
                return None;
            }
            return Some(((*base).to_string(), end));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cs(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn arabic_numbers() {
        assert_eq!(parse_arabic(&cs("3.55%"), 0), Some((3.55, 4)));
        assert_eq!(parse_arabic(&cs("120家"), 0), Some((120.0, 3)));
        assert_eq!(parse_arabic(&cs("１２家"), 0), Some((12.0, 2)));
        assert_eq!(parse_arabic(&cs("5."), 0), Some((5.0, 1)));
        assert_eq!(parse_arabic(&cs("家"), 0), None);
    }

    #[test]
    fn chinese_runs() {
        assert_eq!(parse_chinese_run(&cs("一个"), 0), Some((1.0, 1)));
        assert_eq!(parse_chinese_run(&cs("十个"), 0), Some((10.0, 1)));
        assert_eq!(parse_chinese_run(&cs("千家万户"), 0), None);
    }

    #[test]
    fn units() {
        assert_eq!(match_unit(&cs("亿元以上"), 0), Some(("亿元".into(), 2)));
        assert_eq!(match_unit(&cs("万平方米"), 0), Some(("万平方米".into(), 4)));
        assert_eq!(match_unit(&cs("个百分点"), 0), Some(("个百分点".into(), 4)));
        assert_eq!(match_unit(&cs("人次"), 0), Some(("人次".into(), 2)));
        assert_eq!(match_unit(&cs("％"), 0), Some(("%".into(), 1)));
        assert_eq!(match_unit(&cs("个月"), 0), None);
        assert_eq!(match_unit(&cs("年"), 0), None);
        assert_eq!(match_unit(&cs("万倍"), 0), None);
        assert_eq!(match_chinese_unit(&cs("次性"), 0), None);
    }
}
