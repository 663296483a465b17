//! detect never panics: truncated seeds, random character soup.

use planlens::metadata::{detect, Gazetteer};

#[test]
fn every_prefix_and_suffix_of_the_seeds() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|x| x != "txt") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let chars: Vec<char> = text.chars().collect();
        for cut in (0..chars.len()).step_by(173) {
            let prefix: String = chars[..cut].iter().collect();
            let suffix: String = chars[cut..].iter().collect();
            let _ = detect(&prefix, Gazetteer::builtin());
            let _ = detect(&suffix, Gazetteer::builtin());
        }
    }
}

#[test]
fn random_character_soup() {
    const ALPHABET: &[char] = &[
        '关', '于', '印', '发', '《', '》', '的', '通', '知', '十', '四', '五', '年', '月', '日',
        '〔', '〕', '号', '市', '省', '局', '文', '件', '规', '划', '要', '点', '方', '案', '是',
        '2', '0', '1', '9', '—', '（', '）', '：', ':', '\n', '\r', ' ', '\u{3000}', '吉', '林',
        '中', '山', '东', '营', '商', '〇', '二', '𠮷', '\u{feff}', '发', '布', '时', '间',
    ];
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    for _ in 0..400 {
        let mut s = String::new();
        for _ in 0..(state % 120) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            s.push(ALPHABET[(state % ALPHABET.len() as u64) as usize]);
        }
        let _ = detect(&s, Gazetteer::builtin());
    }
}
