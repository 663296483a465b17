//! Parse + extract throughput measured in CPU time rather than wall time, so
//! the figure stays meaningful on a machine busy with other work:
//! `cargo run --release --example cpu_throughput [ROUNDS]`.
//! Reads this process's user+system CPU time from `/proc/self/stat` (Linux).

use planlens::metadata::{self, Gazetteer};
use planlens::seeds::SEED_FILES;
use planlens::structure;
use planlens::targets::{extract, Catalog};

/// User + system CPU seconds of this process, from `/proc/self/stat`.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which is in parentheses).
    let rest = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    // utime and stime are fields 14 and 15 of the whole line: 11 and 12 here.
    (ticks(11) + ticks(12)) / 100.0
}

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(200);
    let texts: Vec<String> = SEED_FILES
        .iter()
        .map(|(_, b)| {
            String::from_utf8_lossy(b)
                .trim_start_matches('\u{feff}')
                .to_string()
        })
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let catalog = Catalog::builtin();
    let metas: Vec<_> = texts
        .iter()
        .map(|t| metadata::detect(t, Gazetteer::builtin()))
        .collect();
    let t0 = cpu_seconds();
    let mut figures = 0;
    for _ in 0..rounds {
        for (t, m) in texts.iter().zip(&metas) {
            let plan = structure::parse(t);
            figures += extract(t, &plan, m, &catalog).len();
        }
    }
    let cpu = cpu_seconds() - t0;
    let mib = (bytes * rounds) as f64 / (1024.0 * 1024.0);
    println!(
        "parse+extract: {rounds} rounds × {bytes} bytes in {cpu:.2} s CPU = {:.1} MiB/s ({figures} figures)",
        mib / cpu
    );
}
