//! Chinese numerals: `三` → 3, `十一` → 11, `两千三百` → 2300, `一万` → 10000.
//!
//! Shared by the structure parser (section markers such as `十二、`) and the
//! target extractor (figures such as `一个`, `两家`, `十个`).

/// Value of a single Chinese digit character (`零`/`〇` → 0 … `九` → 9, `两` → 2).
pub fn digit_value(c: char) -> Option<u64> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// Value of a unit character below 万 (`十` → 10, `百` → 100, `千` → 1000).
fn small_unit_value(c: char) -> Option<u64> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        _ => return None,
    })
}

/// Whether `c` can appear in a Chinese numeral.
pub fn is_numeral_char(c: char) -> bool {
    digit_value(c).is_some() || small_unit_value(c).is_some() || c == '万' || c == '亿'
}

/// Parses a whole string as a Chinese numeral; `None` if it is not one.
///
/// ```
/// use planlens::numerals::parse_chinese;
/// assert_eq!(parse_chinese("十二"), Some(12));
/// assert_eq!(parse_chinese("二十"), Some(20));
/// assert_eq!(parse_chinese("一百零五"), Some(105));
/// assert_eq!(parse_chinese("两千"), Some(2000));
/// assert_eq!(parse_chinese("三万五千"), Some(35000));
/// assert_eq!(parse_chinese("二〇二一"), Some(2021));
/// assert_eq!(parse_chinese("abc"), None);
/// ```
pub fn parse_chinese(s: &str) -> Option<u64> {
    if s.is_empty() || !s.chars().all(is_numeral_char) {
        return None;
    }
    // Digit strings without units, e.g. 二〇二一 (a year read digit by digit).
    if s.chars().count() > 1 && s.chars().all(|c| digit_value(c).is_some()) {
        let mut v: u64 = 0;
        for c in s.chars() {
            v = v.checked_mul(10)?.checked_add(digit_value(c)?)?;
        }
        return Some(v);
    }
    let mut total: u64 = 0; // completed 亿 groups
    let mut section: u64 = 0; // completed 万 groups within the current 亿 group
    let mut group: u64 = 0; // value below 万
    let mut digit: Option<u64> = None;
    for c in s.chars() {
        if let Some(d) = digit_value(c) {
            digit = Some(d);
        } else if let Some(u) = small_unit_value(c) {
            group += digit.unwrap_or(1) * u;
            digit = None;
        } else if c == '万' {
            let below = group + digit.unwrap_or(0);
            section += below.max(1) * 10_000;
            group = 0;
            digit = None;
        } else if c == '亿' {
            let below = section + group + digit.unwrap_or(0);
            total += below.max(1) * 100_000_000;
            section = 0;
            group = 0;
            digit = None;
        }
    }
    Some(total + section + group + digit.unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_numbers() {
        let cases = [
            ("一", 1),
            ("九", 9),
            ("十", 10),
            ("十一", 11),
            ("十九", 19),
            ("二十", 20),
            ("二十三", 23),
            ("九十九", 99),
            ("一百", 100),
            ("一百零五", 105),
            ("一百一十", 110),
            ("两", 2),
            ("两百", 200),
        ];
        for (s, v) in cases {
            assert_eq!(parse_chinese(s), Some(v), "{s}");
        }
    }

    #[test]
    fn large_numbers() {
        assert_eq!(parse_chinese("一千"), Some(1000));
        assert_eq!(parse_chinese("三千五百"), Some(3500));
        assert_eq!(parse_chinese("一万"), Some(10_000));
        assert_eq!(parse_chinese("十万"), Some(100_000));
        assert_eq!(parse_chinese("一亿"), Some(100_000_000));
        assert_eq!(parse_chinese("三亿五千万"), Some(350_000_000));
    }

    #[test]
    fn not_numerals() {
        assert_eq!(parse_chinese(""), None);
        assert_eq!(parse_chinese("个"), None);
        assert_eq!(parse_chinese("十个"), None);
        assert_eq!(parse_chinese("3"), None);
    }
}
