//! Turning Chinese text into FTS5 token streams, and queries into FTS5
//! expressions.
//!
//! Three streams are indexed per unit of text (see `ARCHITECTURE.md`):
//! `words` (jieba words, for ranking whole-word hits higher), `bi` (character
//! bigrams of every CJK run plus every Latin/digit run as one token) and
//! `uni` (every CJK character plus every Latin/digit run). A query term of two
//! or more characters becomes a phrase of consecutive bigrams, which matches
//! exactly the texts that contain the term as a substring; a one-character
//! term looks in `uni`.

use std::sync::OnceLock;

use jieba_rs::Jieba;

/// The shared segmenter; loading the dictionary is done once, on first use.
pub fn jieba() -> &'static Jieba {
    static JIEBA: OnceLock<Jieba> = OnceLock::new();
    JIEBA.get_or_init(Jieba::new)
}

/// Whether `c` is a CJK ideograph (segmented by character).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Whether `c` belongs to a Latin/digit token (letters of other scripts too).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_cjk(c)
}

/// A maximal run of token characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Run {
    /// CJK ideographs.
    Cjk(Vec<char>),
    /// Letters and digits of other scripts, lowercased.
    Word(String),
}

/// Splits text into runs of CJK characters and of other letters/digits;
/// everything else (punctuation, spaces) separates runs.
pub fn runs(text: &str) -> Vec<Run> {
    let mut out = Vec::new();
    let mut cjk: Vec<char> = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if is_cjk(c) {
            if !word.is_empty() {
                out.push(Run::Word(std::mem::take(&mut word)));
            }
            cjk.push(c);
        } else if is_word_char(c) {
            if !cjk.is_empty() {
                out.push(Run::Cjk(std::mem::take(&mut cjk)));
            }
            word.extend(c.to_lowercase());
        } else {
            if !word.is_empty() {
                out.push(Run::Word(std::mem::take(&mut word)));
            }
            if !cjk.is_empty() {
                out.push(Run::Cjk(std::mem::take(&mut cjk)));
            }
        }
    }
    if !word.is_empty() {
        out.push(Run::Word(word));
    }
    if !cjk.is_empty() {
        out.push(Run::Cjk(cjk));
    }
    out
}

/// Space-separated unigram stream: each CJK character, each Latin/digit run.
pub fn unigrams(text: &str) -> String {
    let mut toks: Vec<String> = Vec::new();
    for r in runs(text) {
        match r {
            Run::Cjk(cs) => toks.extend(cs.iter().map(|c| c.to_string())),
            Run::Word(w) => toks.push(w),
        }
    }
    toks.join(" ")
}

fn bigram_tokens(runs: &[Run]) -> Vec<String> {
    let mut toks = Vec::new();
    for r in runs {
        match r {
            Run::Cjk(cs) if cs.len() == 1 => toks.push(cs[0].to_string()),
            Run::Cjk(cs) => toks.extend(cs.windows(2).map(|w| w.iter().collect::<String>())),
            Run::Word(w) => toks.push(w.clone()),
        }
    }
    toks
}

/// Space-separated bigram stream: the overlapping character pairs of each
/// CJK run (a lone character stands for itself), each Latin/digit run.
pub fn bigrams(text: &str) -> String {
    bigram_tokens(&runs(text)).join(" ")
}

/// jieba words of `text` (search mode, no HMM), lowercased, punctuation
/// dropped, as a list.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for piece in text.split(|c: char| !(is_cjk(c) || is_word_char(c))) {
        if piece.is_empty() {
            continue;
        }
        for w in jieba().cut(piece, false) {
            let w = w.word.trim();
            if !w.is_empty() {
                out.push(w.to_lowercase());
            }
        }
    }
    out
}

/// Space-separated jieba word stream.
pub fn word_stream(text: &str) -> String {
    words(text).join(" ")
}

/// One query term after normalisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryTerm {
    /// The term as it must appear in the text (lowercased for Latin letters).
    pub literal: String,
    /// The FTS5 expression matching it.
    pub expr: String,
}

fn quote(tokens: &[String]) -> String {
    // Tokens hold only letters and digits, so they never contain a quote.
    format!("\"{}\"", tokens.join(" "))
}

/// Splits a user query into terms: whitespace separates terms, and so does
/// punctuation inside a term. Returns no terms for a query without letters,
/// digits or CJK characters.
pub fn parse_query(query: &str) -> Vec<QueryTerm> {
    let mut out = Vec::new();
    for raw in query.split(|c: char| !(is_cjk(c) || is_word_char(c))) {
        let rs = runs(raw);
        if rs.is_empty() {
            continue;
        }
        let literal: String = raw.chars().flat_map(char::to_lowercase).collect();
        let expr = if let [Run::Cjk(cs)] = rs.as_slice() {
            if cs.len() == 1 {
                format!("uni : {}", quote(&[cs[0].to_string()]))
            } else {
                bigram_expr(&rs, raw)
            }
        } else {
            bigram_expr(&rs, raw)
        };
        out.push(QueryTerm { literal, expr });
    }
    out
}

fn bigram_expr(rs: &[Run], raw: &str) -> String {
    let bi = quote(&bigram_tokens(rs));
    let ws = words(raw);
    if ws.is_empty() {
        format!("bi : {bi}")
    } else {
        // The word phrase only matches where the bigram phrase does too; it
        // is there so that bm25 ranks whole-word hits higher.
        format!("(bi : {bi} OR words : {})", quote(&ws))
    }
}

/// The FTS5 MATCH expression of a parsed query: all terms must match.
pub fn match_expr(terms: &[QueryTerm]) -> String {
    terms
        .iter()
        .map(|t| t.expr.as_str())
        .collect::<Vec<_>>()
        .join(" AND ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_split_scripts_and_punctuation() {
        assert_eq!(
            runs("建设5G基站，AI赋能"),
            vec![
                Run::Cjk(vec!['建', '设']),
                Run::Word("5g".into()),
                Run::Cjk(vec!['基', '站']),
                Run::Word("ai".into()),
                Run::Cjk(vec!['赋', '能']),
            ]
        );
        assert!(runs("，。、 ——").is_empty());
    }

    #[test]
    fn streams() {
        assert_eq!(unigrams("人才，引进"), "人 才 引 进");
        assert_eq!(bigrams("人才引进。强"), "人才 才引 引进 强");
        assert_eq!(bigrams(""), "");
        let w = words("加快科技成果转化");
        assert!(w.contains(&"科技成果".to_string()) || w.contains(&"成果".to_string()));
    }

    #[test]
    fn query_terms() {
        let t = parse_query("人才  孵化器");
        assert_eq!(t.len(), 2);
        assert!(t[0].expr.contains("bi : \"人才\""));
        assert!(t[1].expr.contains("bi : \"孵化 化器\""));
        let t = parse_query("县");
        assert_eq!(t[0].expr, "uni : \"县\"");
        assert!(parse_query("，。 \"*").is_empty());
        // FTS5 syntax in the query is neutralised.
        let t = parse_query("NEAR(a\" OR b)");
        assert!(t.iter().all(|t| !t.literal.contains('"')));
    }
}
