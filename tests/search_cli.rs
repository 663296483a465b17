//! The `search`, `similar` and `themes` commands, each in a fresh database
//! loaded with the seeds.

use assert_cmd::Command;
use serde_json::Value;

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("planlens").unwrap();
        c.env("PLANLENS_DB", self.dir.path().join("planlens.db"));
        c
    }

    fn run(&self, args: &[&str]) -> (bool, String, String) {
        let out = self.cmd().args(args).output().unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    fn json(&self, args: &[&str]) -> Value {
        let (ok, out, err) = self.run(args);
        assert!(ok, "{args:?}: {err}");
        serde_json::from_str(&out).unwrap()
    }
}

#[test]
fn search_json_and_text() {
    let env = Env::new();
    let v = env.json(&["search", "孵化", "--json"]);
    assert_eq!(v["synonyms"].as_array().unwrap().len(), 0);
    let hits = v["hits"].as_array().unwrap();
    assert!(!hits.is_empty());
    for h in hits {
        assert!(h["hits"][0]["start"].as_u64().is_some());
        assert!(h["snippet"].as_str().unwrap().contains("孵化"));
    }
    let hits = env.json(&[
        "search", "人才", "--city", "滨州", "--role", "tasks", "--json",
    ]);
    assert!(hits["hits"]
        .as_array()
        .unwrap()
        .iter()
        .all(|h| h["city"] == "滨州市" && h["role"] == "tasks"));
    let (ok, out, _) = env.run(&["search", "孵化", "--limit", "2"]);
    assert!(ok);
    assert!(out.contains("【孵化】"), "{out}");
    let (ok, _, err) = env.run(&["search", "人才", "--kind", "nonsense"]);
    assert!(!ok && err.contains("unknown kind"));
    let (ok, _, err) = env.run(&["search", "，。"]);
    assert!(!ok && err.contains("nothing to search for"), "{err}");
}

#[test]
fn search_widens_an_indicator_to_its_phrases_and_excludes_cities() {
    let env = Env::new();
    let with = env.json(&["search", "研发投入强度", "--limit", "200", "--json"]);
    let syn = &with["synonyms"][0];
    assert_eq!(syn["term"], "研发投入强度");
    let phrases: Vec<&str> = syn["phrases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert!(phrases.contains(&"投入强度"), "{phrases:?}");
    let without = env.json(&[
        "search",
        "研发投入强度",
        "--limit",
        "200",
        "--no-synonyms",
        "--json",
    ]);
    assert_eq!(without["synonyms"].as_array().unwrap().len(), 0);
    let n_with = with["hits"].as_array().unwrap().len();
    let n_without = without["hits"].as_array().unwrap().len();
    assert!(n_with > n_without, "{n_with} vs {n_without}");
    // Every hit without synonyms is found with them too.
    for h in without["hits"].as_array().unwrap() {
        assert!(with["hits"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["unit"] == h["unit"] && w["document_id"] == h["document_id"]));
    }
    let dropped = env.json(&[
        "search",
        "研发投入强度",
        "--drop-synonym",
        "投入强度",
        "--json",
    ]);
    assert_eq!(dropped["synonyms"][0]["dropped"][0], "投入强度");
    let (ok, out, _) = env.run(&["search", "研发投入强度"]);
    assert!(ok && out.contains("synonyms of 研发投入强度"), "{out}");

    let all = env.json(&["search", "企业", "--limit", "500", "--json"]);
    let cities = |v: &Value| -> std::collections::BTreeSet<String> {
        v["hits"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|h| h["city"].as_str().map(String::from))
            .collect()
    };
    let before = cities(&all);
    assert!(before.contains("滨州市") && before.len() > 2, "{before:?}");
    let ex = env.json(&[
        "search",
        "企业",
        "--limit",
        "500",
        "--exclude-city",
        "滨州",
        "--exclude-city",
        "日照市",
        "--json",
    ]);
    let after = cities(&ex);
    assert!(
        !after.contains("滨州市") && !after.contains("日照市"),
        "{after:?}"
    );
    assert_eq!(after.len(), before.len() - 2, "{before:?} {after:?}");
}

#[test]
fn similar_and_themes() {
    let env = Env::new();
    let hit = env.json(&["search", "孵化器", "--role", "tasks", "--json"]);
    let task = hit["hits"][0]["task_id"].as_i64().unwrap().to_string();
    let v = env.json(&["similar", &task, "--top", "3", "--json"]);
    let sim = v["similar"].as_array().unwrap();
    assert!(!sim.is_empty() && sim.len() <= 3);
    assert!(sim
        .iter()
        .all(|s| s["document_id"] != v["task"]["document_id"]));
    let (ok, _, err) = env.run(&["similar", "999999"]);
    assert!(!ok && err.contains("999999"));

    let (ok, out, _) = env.run(&["themes"]);
    assert!(
        ok && out.contains("talent") && out.contains("科技人才"),
        "{out}"
    );
    let cov = env.json(&["themes", "--doc", "滨州", "--json"]);
    assert!(!cov.as_array().unwrap().is_empty());
    let v = env.json(&["themes", "--task", &task, "--add", "finance", "--json"]);
    assert!(v["themes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|t| t["theme"] == "finance" && t["source"] == "user"));
    // Persisted: a new process sees it.
    let v = env.json(&["themes", "--task", &task, "--json"]);
    assert!(v["themes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|t| t["theme"] == "finance"));
    let v = env.json(&["themes", "--task", &task, "--remove", "finance", "--json"]);
    assert!(!v["themes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|t| t["theme"] == "finance"));
    let (ok, _, err) = env.run(&["themes", "--task", &task, "--add", "astrology"]);
    assert!(!ok && err.contains("unknown theme"));
    // `show` prints the task ids that `similar` and `themes --task` take.
    let doc = v["task"]["document_id"].as_i64().unwrap().to_string();
    let (ok, out, _) = env.run(&["show", &doc]);
    assert!(ok && out.contains(&format!("(task {task})")), "{out}");
}
