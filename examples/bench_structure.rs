fn main() {
    let mut text = String::new();
    for e in std::fs::read_dir("seeds").unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "txt") {
            text.push_str(&std::fs::read_to_string(p).unwrap());
            text.push('\n');
        }
    }
    let big = text.repeat(200);
    let mb = big.len() as f64 / 1e6;
    let t = std::time::Instant::now();
    let rules = planlens::structure::noise::NoiseRules::builtin().unwrap();
    let n = rules.find(&big);
    println!(
        "noise {:.1} MB/s ({} ranges)",
        mb / t.elapsed().as_secs_f64(),
        n.len()
    );
    let t = std::time::Instant::now();
    let c: Vec<char> = big.chars().collect();
    println!(
        "chars {:.1} MB/s {}",
        mb / t.elapsed().as_secs_f64(),
        c.len()
    );
    let t = std::time::Instant::now();
    let plan = planlens::structure::parse(&big);
    let dt = t.elapsed().as_secs_f64();
    println!(
        "parse {:.1} MB/s, {} sections",
        mb / dt,
        plan.sections.len()
    );
}
