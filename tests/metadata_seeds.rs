//! Metadata detection on the five seed plans, without and with the manifest.

use std::path::PathBuf;

use planlens::decode::decode_bytes;
use planlens::metadata::{detect, Gazetteer, Manifest};
use planlens::model::{DocumentMeta, Period, PlanKind};

fn seeds_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

fn detect_seed(name: &str) -> DocumentMeta {
    let bytes = std::fs::read(seeds_dir().join(name)).expect("seed file readable");
    let decoded = decode_bytes(&bytes).expect("seed decodes");
    detect(&decoded.text, Gazetteer::builtin())
}

#[test]
fn print_all() {
    for e in std::fs::read_dir(seeds_dir()).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "txt") {
            let name = p.file_name().unwrap().to_str().unwrap().to_owned();
            println!("{name}: {:?}", detect_seed(&name));
        }
    }
}
