//! A generated corpus of plans FOR BENCHMARKING ONLY: the seed plans recombined
//! (task items mixed across seeds, city names from the gazetteer, years shifted)
//! so that thousands of documents differ in bytes, city and period. The texts
//! are not real plans and are never used to judge extraction quality.

use planlens::ingest::{analyze_bytes, Analysis, Context, DEFAULT_MAX_BYTES};
use planlens::metadata::{DivisionKind, Gazetteer};
use planlens::model::{DocumentMeta, Period};
use planlens::seeds::{manifest, SEED_FILES};
use planlens::structure;
use planlens::targets::Catalog;

/// SplitMix64: a small deterministic generator, so every run builds the same corpus.
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

struct Seed {
    text: Vec<char>,
    meta: DocumentMeta,
    /// Task bodies: `(start, end)` character ranges of each task's text.
    bodies: Vec<(usize, usize)>,
    /// Full and short city name as written in the seed.
    city: (String, String),
}

/// One generated document: its file name, bytes and the metadata it is filed under.
pub struct GenDoc {
    /// File name.
    pub name: String,
    /// UTF-8 bytes.
    pub bytes: Vec<u8>,
    /// City, province, kind and period.
    pub meta: DocumentMeta,
}

fn short_name(full: &str) -> String {
    for suffix in ["市", "地区", "盟"] {
        if let Some(s) = full.strip_suffix(suffix) {
            if s.chars().count() >= 2 {
                return s.to_string();
            }
        }
    }
    full.to_string()
}

fn seeds() -> Vec<Seed> {
    let m = manifest();
    SEED_FILES
        .iter()
        .map(|(name, bytes)| {
            let text = String::from_utf8_lossy(bytes)
                .trim_start_matches('\u{feff}')
                .to_string();
            let plan = structure::parse(&text);
            let chars: Vec<char> = text.chars().collect();
            let bodies = plan
                .tasks
                .iter()
                .filter_map(|t| {
                    let n = t.text.chars().count();
                    let start = t.end.checked_sub(n)?;
                    let slice: String = chars.get(start..t.end)?.iter().collect();
                    (slice == t.text && n > 0).then_some((start, t.end))
                })
                .collect();
            let mut meta = DocumentMeta::default();
            m.apply(name, &mut meta);
            let full = meta.city.clone().unwrap_or_default();
            Seed {
                text: chars,
                bodies,
                city: (full.clone(), short_name(&full)),
                meta,
            }
        })
        .collect()
}

fn shift_years(text: &str, delta: i32) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let is_year = i + 4 <= chars.len()
            && chars[i] == '2'
            && chars[i + 1] == '0'
            && chars[i..i + 4].iter().all(|c| c.is_ascii_digit())
            && (i == 0 || !chars[i - 1].is_ascii_digit())
            && chars.get(i + 4).is_none_or(|c| !c.is_ascii_digit());
        if is_year {
            let y: i32 = chars[i..i + 4]
                .iter()
                .collect::<String>()
                .parse()
                .unwrap_or(2020);
            if (2010..=2035).contains(&y) {
                out.push_str(&(y + delta).to_string());
                i += 4;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// Generates `n` documents, deterministically.
pub fn generate(n: usize) -> Vec<GenDoc> {
    let seeds = seeds();
    let pool: Vec<String> = seeds
        .iter()
        .flat_map(|s| {
            s.bodies.iter().map(|&(a, b)| {
                s.text[a..b]
                    .iter()
                    .collect::<String>()
                    .trim_end()
                    .to_string()
            })
        })
        .collect();
    let cities: Vec<(String, String)> = Gazetteer::builtin()
        .divisions()
        .iter()
        .filter(|d| d.kind.is_city() && d.kind != DivisionKind::Municipality)
        .map(|d| (d.name.clone(), d.province.clone()))
        .collect();
    let mut rng = Rng::new(0x5eed_2026);
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let seed = &seeds[i % seeds.len()];
        let (city, province) = cities[rng.below(cities.len())].clone();
        let base_year = seed.meta.period.map_or(2021, |p| p.start);
        let delta = rng.below(8) as i32 - 3;
        // Replace about half of the task bodies by bodies of other seeds' items.
        let mut text = String::new();
        let mut at = 0;
        for &(a, b) in &seed.bodies {
            text.extend(&seed.text[at..a]);
            if rng.below(2) == 0 {
                // Keep the line break that ends the original item.
                let orig: String = seed.text[a..b].iter().collect();
                text.push_str(&pool[rng.below(pool.len())]);
                text.push_str(&orig[orig.trim_end().len()..]);
            } else {
                text.extend(&seed.text[a..b]);
            }
            at = b;
        }
        text.extend(&seed.text[at..]);
        let short = short_name(&city);
        for s in &seeds {
            text = text.replace(&s.city.0, &city).replace(&s.city.1, &short);
        }
        let text = shift_years(&text, delta);
        let year = base_year + delta;
        let header = format!("{city}科学技术局文件\n{short}科发〔{year}〕{}号\n", i + 1);
        let mut meta = seed.meta.clone();
        meta.city = Some(city);
        meta.province = Some(province);
        meta.period = seed.meta.period.map(|p| Period {
            start: p.start + delta,
            end: p.end + delta,
        });
        meta.title = None;
        out.push(GenDoc {
            name: format!("bench_{i:05}.txt"),
            bytes: format!("{header}{text}").into_bytes(),
            meta,
        });
    }
    out
}

/// Analyses a generated document and files it under its generated metadata.
pub fn analyze(doc: &GenDoc, catalog: &Catalog) -> Option<Analysis> {
    let ctx = Context {
        gazetteer: Gazetteer::builtin(),
        manifest: None,
        catalog,
        max_bytes: DEFAULT_MAX_BYTES,
    };
    let mut a = analyze_bytes(&doc.bytes, &doc.name, &ctx).ok()?;
    let title = a.document.title.take();
    a.document = DocumentMeta {
        title,
        ..doc.meta.clone()
    };
    Some(a)
}
