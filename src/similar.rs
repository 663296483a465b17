//! Similar task items across documents: TF-IDF cosine over jieba words.
//!
//! Features are the jieba words of a task item's title and text, without
//! one-character words and bare numbers (particles and figures say nothing
//! of the topic). Weights are `(1 + ln tf) · idf` with a smoothed
//! `idf = ln((N + 1) / (df + 1)) + 1`, vectors are L2-normalised and
//! compared by dot product. Items of the same document are never returned.

use std::collections::HashMap;

use serde::Serialize;

use crate::search::segment;

/// A task item to index.
#[derive(Debug, Clone, PartialEq)]
pub struct TaskText {
    /// `task_items.id`.
    pub task_id: i64,
    /// Its document.
    pub document_id: i64,
    /// Title and text.
    pub text: String,
}

/// One similar task item.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Similar {
    /// `task_items.id`.
    pub task_id: i64,
    /// Its document.
    pub document_id: i64,
    /// Cosine similarity in `[0, 1]`.
    pub score: f64,
}

/// TF-IDF vectors of a set of task items.
#[derive(Debug, Clone, Default)]
pub struct SimilarIndex {
    items: Vec<(i64, i64)>,
    positions: HashMap<i64, usize>,
    /// For each item, its word ids, ascending.
    terms: Vec<Vec<u32>>,
    /// For each word id, the items containing it (ascending) with the word's
    /// normalised weight there.
    postings: Vec<Vec<(u32, f64)>>,
    /// Word → id, for document frequencies of given words.
    vocab: HashMap<String, u32, FastHash>,
}

/// FNV-1a: word ids are looked up millions of times when the index is built,
/// and the keys come from our own database, so a fast unkeyed hash is fine.
#[derive(Default)]
struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FastHash = std::hash::BuildHasherDefault<Fnv>;

/// Whether a word is a feature: two or more characters and not a number.
fn is_feature(w: &str) -> bool {
    w.chars().nth(1).is_some() && !w.chars().all(|c| c.is_ascii_digit() || c == '.')
}

/// The features of a text: content words (two or more characters, not a number).
pub fn features(text: &str) -> Vec<String> {
    segment::words(text)
        .into_iter()
        .filter(|w| is_feature(w))
        .collect()
}

/// The content words two texts share, longest first (ties in order of
/// first appearance in `a`), for highlighting them side by side.
pub fn shared_terms(a: &str, b: &str) -> Vec<String> {
    let in_b: std::collections::HashSet<String> = features(b).into_iter().collect();
    let mut seen = std::collections::HashSet::new();
    let mut out: Vec<String> = features(a)
        .into_iter()
        .filter(|w| in_b.contains(w) && seen.insert(w.clone()))
        .collect();
    out.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    out
}

impl SimilarIndex {
    /// Builds the index of `items` (segmenting each text with jieba).
    pub fn build(items: &[TaskText]) -> SimilarIndex {
        let words: Vec<Vec<String>> = items.iter().map(|it| features(&it.text)).collect();
        SimilarIndex::from_words(
            items
                .iter()
                .zip(&words)
                .map(|(it, w)| (it.task_id, it.document_id, w.iter().map(String::as_str))),
        )
    }

    /// Builds the index from words already segmented, as
    /// `(task_id, document_id, words)`; words that are not features (one
    /// character, numbers) are skipped, so the jieba word stream of the
    /// search index can be passed as it is. A task id given twice keeps its
    /// first entry for lookups.
    pub fn from_words<'a, I, W>(items: I) -> SimilarIndex
    where
        I: IntoIterator<Item = (i64, i64, W)>,
        W: IntoIterator<Item = &'a str>,
    {
        let mut vocab: HashMap<&'a str, u32, FastHash> = HashMap::default();
        let mut ids: Vec<(i64, i64)> = Vec::new();
        let mut counts: Vec<Vec<(u32, u32)>> = Vec::new();
        let mut df: Vec<u32> = Vec::new();
        let mut seq: Vec<u32> = Vec::new();
        for (task_id, document_id, words) in items {
            seq.clear();
            for w in words.into_iter().filter(|w| is_feature(w)) {
                let next = vocab.len() as u32;
                seq.push(*vocab.entry(w).or_insert(next));
            }
            // Term frequencies: runs of equal ids after sorting.
            seq.sort_unstable();
            let mut tf: Vec<(u32, u32)> = Vec::new();
            for &id in &seq {
                match tf.last_mut() {
                    Some((last, n)) if *last == id => *n += 1,
                    _ => tf.push((id, 1)),
                }
            }
            df.resize(vocab.len(), 0);
            for (id, _) in &tf {
                df[*id as usize] += 1;
            }
            ids.push((task_id, document_id));
            counts.push(tf);
        }
        let n = ids.len() as f64;
        let vectors: Vec<Vec<(u32, f64)>> = counts
            .into_iter()
            .map(|tf| {
                let mut v: Vec<(u32, f64)> = tf
                    .into_iter()
                    .map(|(id, c)| {
                        let d = f64::from(df.get(id as usize).copied().unwrap_or(1));
                        let idf = ((n + 1.0) / (d + 1.0)).ln() + 1.0;
                        (id, (1.0 + f64::from(c).ln()) * idf)
                    })
                    .collect();
                let norm = v.iter().map(|(_, x)| x * x).sum::<f64>().sqrt();
                if norm > 0.0 {
                    for e in &mut v {
                        e.1 /= norm;
                    }
                }
                v.sort_unstable_by_key(|e| e.0);
                v
            })
            .collect();
        let mut postings: Vec<Vec<(u32, f64)>> =
            df.iter().map(|&d| Vec::with_capacity(d as usize)).collect();
        for (i, v) in vectors.iter().enumerate() {
            for &(id, w) in v {
                if let Some(p) = postings.get_mut(id as usize) {
                    p.push((i as u32, w));
                }
            }
        }
        let terms = vectors
            .into_iter()
            .map(|v| v.into_iter().map(|(id, _)| id).collect())
            .collect();
        let mut positions = HashMap::with_capacity(ids.len());
        for (i, (t, _)) in ids.iter().enumerate() {
            positions.entry(*t).or_insert(i);
        }
        SimilarIndex {
            items: ids,
            positions,
            terms,
            postings,
            vocab: vocab
                .into_iter()
                .map(|(w, id)| (w.to_string(), id))
                .collect(),
        }
    }

    /// The share of indexed items that contain `word` (0 for a word never seen).
    pub fn item_share(&self, word: &str) -> f64 {
        match self.vocab.get(word) {
            Some(&id) if !self.items.is_empty() => {
                self.postings.get(id as usize).map_or(0, Vec::len) as f64 / self.items.len() as f64
            }
            _ => 0.0,
        }
    }

    /// The content words `a` and `b` share that are distinctive: found in at
    /// most `max_share` of the indexed items (so 科技, 创新, 推进 do not
    /// drown the words that make two items alike). Rarest first.
    pub fn distinctive_shared_terms(&self, a: &str, b: &str, max_share: f64) -> Vec<String> {
        let mut out: Vec<(f64, String)> = shared_terms(a, b)
            .into_iter()
            .map(|w| (self.item_share(&w), w))
            .filter(|(share, _)| *share <= max_share)
            .collect();
        out.sort_by(|x, y| {
            x.0.total_cmp(&y.0)
                .then_with(|| y.1.chars().count().cmp(&x.1.chars().count()))
        });
        out.into_iter().map(|(_, w)| w).collect()
    }

    /// Number of indexed items.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether no item is indexed.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The `top` items most similar to `task_id` in other documents, best
    /// first, with a score above zero; `None` when `task_id` is not indexed.
    pub fn similar(&self, task_id: i64, top: usize) -> Option<Vec<Similar>> {
        let q = *self.positions.get(&task_id)?;
        let doc = self.items[q].1;
        let query: Vec<(u32, f64)> = self.terms[q]
            .iter()
            .filter_map(|&id| {
                let p = self.postings.get(id as usize)?;
                let at = p.binary_search_by_key(&(q as u32), |e| e.0).ok()?;
                Some((id, p[at].1))
            })
            .collect();
        let mut out: Vec<Similar> = Vec::new();
        if query.is_empty() || top == 0 {
            return Some(out);
        }
        // Accumulate the dot products over the postings of the query's words,
        // so only items sharing a word with it are visited.
        let mut acc = vec![0.0f64; self.items.len()];
        for &(id, wq) in &query {
            for &(i, w) in self
                .postings
                .get(id as usize)
                .map_or(&[][..], Vec::as_slice)
            {
                acc[i as usize] += wq * w;
            }
        }
        for (i, score) in acc.into_iter().enumerate() {
            let (t, d) = self.items[i];
            if d != doc && score > 0.0 {
                out.push(Similar {
                    task_id: t,
                    document_id: d,
                    score: score.min(1.0),
                });
            }
        }
        let order =
            |a: &Similar, b: &Similar| b.score.total_cmp(&a.score).then(a.task_id.cmp(&b.task_id));
        if out.len() > top {
            out.select_nth_unstable_by(top - 1, order);
            out.truncate(top);
        }
        out.sort_by(order);
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(task_id: i64, document_id: i64, text: &str) -> TaskText {
        TaskText {
            task_id,
            document_id,
            text: text.into(),
        }
    }

    #[test]
    fn ranks_topical_match_first_and_skips_same_document() {
        let idx = SimilarIndex::build(&[
            t(1, 1, "建设科技企业孵化器和众创空间，完善孵化体系。"),
            t(2, 1, "支持众创空间和孵化器发展。"),
            t(3, 2, "推动众创空间、科技企业孵化器提质增效。"),
            t(4, 2, "加强农业科技特派员队伍建设。"),
            t(5, 3, "引进高层次人才和创新团队。"),
        ]);
        let s = idx.similar(1, 5).unwrap();
        assert_eq!(s[0].task_id, 3);
        assert!(s.iter().all(|x| x.document_id != 1));
        assert!(s.iter().all(|x| x.score > 0.0 && x.score <= 1.0));
        assert!(idx.similar(99, 3).is_none());
    }

    #[test]
    fn shared_terms_are_common_content_words() {
        let a = "支持科技企业孵化器建设，完善孵化服务体系。";
        let b = "推动科技企业孵化器提质增效，发展众创空间。";
        let s = shared_terms(a, b);
        assert!(s.iter().any(|w| w.contains("孵化器")), "{s:?}");
        assert!(!s.iter().any(|w| w == "众创空间" || w == "服务"), "{s:?}");
        assert!(s
            .windows(2)
            .all(|p| p[0].chars().count() >= p[1].chars().count()));
        assert!(shared_terms("人才", "资金").is_empty());
        assert!(shared_terms("", "").is_empty());
    }

    #[test]
    fn distinctive_terms_leave_out_words_most_items_use() {
        let idx = SimilarIndex::build(&[
            t(1, 1, "推进科技特派员制度，推进科技创新。"),
            t(2, 2, "深化科技特派员制度改革，推进科技创新。"),
            t(3, 3, "推进科技成果转化，科技创新。"),
            t(4, 4, "推进科技金融，科技创新。"),
        ]);
        assert_eq!(idx.item_share("推进"), 1.0);
        assert_eq!(idx.item_share("从未出现"), 0.0);
        let all = shared_terms(
            "推进科技特派员制度，推进科技创新。",
            "深化科技特派员制度改革，推进科技创新。",
        );
        let rare = idx.distinctive_shared_terms(
            "推进科技特派员制度，推进科技创新。",
            "深化科技特派员制度改革，推进科技创新。",
            0.5,
        );
        assert!(all.iter().any(|w| w == "推进"), "{all:?}");
        assert!(!rare.iter().any(|w| w == "推进" || w == "科技"), "{rare:?}");
        assert!(rare.iter().any(|w| w.contains("特派员")), "{rare:?}");
        assert!(rare.iter().all(|w| idx.item_share(w) <= 0.5));
    }

    #[test]
    fn empty_and_featureless_items() {
        let idx = SimilarIndex::build(&[t(1, 1, "，。"), t(2, 2, "1 2 3"), t(3, 3, "")]);
        assert_eq!(idx.similar(1, 3).unwrap(), vec![]);
        assert!(SimilarIndex::build(&[]).is_empty());
    }
}
