//! `planlens correct`, `correct-doc` and `corrections` against a temporary
//! database with the seed plans.

use std::path::PathBuf;

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

    /// Runs a command that must succeed; its standard output.
    fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Runs a command that must fail; its standard error.
    fn fails(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).output().unwrap();
        assert!(!out.status.success(), "{args:?} succeeded");
        String::from_utf8(out.stderr).unwrap()
    }

    fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(args)).unwrap()
    }

    /// Id of the seed target of `doc` whose quote contains `needle`.
    fn target(&self, doc: &str, needle: &str) -> String {
        self.json(&["targets", "--doc", doc, "--json"])
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["quote"].as_str().unwrap().contains(needle))
            .unwrap_or_else(|| panic!("no target quoting {needle}"))["id"]
            .to_string()
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

const HT: &[&str] = &[
    "compare",
    "--docs",
    "滨州",
    "--indicators",
    "high_tech_enterprises",
];

#[test]
fn a_corrected_figure_shows_in_compare_with_the_mark_and_undo_reverts_it() {
    let env = Env::new();
    let id = env.target("滨州", "新增高新技术企业100家");
    assert!(env.ok(HT).contains("≥100家"));
    let out = env.ok(&[
        "correct",
        &id,
        "--value",
        "120",
        "--owner",
        "规划科",
        "--note",
        "原文",
    ]);
    assert!(out.contains("≥120家"), "{out}");
    let table = env.ok(HT);
    assert!(table.contains("≥120家✎"), "{table}");
    let csv = env.ok(&[HT, &["--format", "csv"]].concat());
    assert!(csv.lines().next().unwrap().ends_with(",corrected"));
    assert!(csv
        .lines()
        .any(|l| l.contains("新增高新技术企业100家") && l.ends_with(",1")));

    let list = env.ok(&["corrections"]);
    assert!(
        list.contains("value: 100 → 120") && list.contains("规划科"),
        "{list}"
    );
    let csv = env.ok(&["corrections", "--csv"]);
    assert!(csv.starts_with("scope,correction_id,document_id,document,target_id,quote,field"));
    assert!(csv.contains(",value,100,120,规划科,原文,"), "{csv}");
    let history = env.json(&["correct", &id, "--history", "--json"]);
    assert_eq!(history.as_array().unwrap().len(), 1);

    env.ok(&["correct", &id, "--undo"]);
    let table = env.ok(HT);
    assert!(table.contains("≥100家") && !table.contains('✎'), "{table}");
    let err = env.fails(&["correct", &id, "--undo"]);
    assert!(err.contains("nothing to undo"), "{err}");
}

#[test]
fn not_a_target_leaves_compare_and_is_flagged_in_targets() {
    let env = Env::new();
    let id = env.target("滨州", "新增高新技术企业100家");
    env.ok(&["correct", &id, "--not-a-target"]);
    let json = env.ok(&[HT, &["--format", "json"]].concat());
    assert!(!json.contains(&format!("\"target_id\": {id},")), "{json}");
    let listed = env.ok(&["targets", "--doc", "滨州"]);
    let line = listed
        .lines()
        .find(|l| l.starts_with(&format!("{id} ")))
        .unwrap();
    assert!(
        line.contains("not a target") && line.contains('✎'),
        "{line}"
    );
    // The indicator can be changed, and set to none.
    let other = env.target("滨州", "总量突破600家");
    env.ok(&["correct", &other, "--indicator", "tech_smes"]);
    let t = env.json(&[
        "targets",
        "--doc",
        "滨州",
        "--indicator",
        "tech_smes",
        "--json",
    ]);
    assert!(t
        .as_array()
        .unwrap()
        .iter()
        .any(|x| x["id"] == other.parse::<i64>().unwrap() && x["corrected"] == true));
    env.ok(&["correct", &other, "--indicator", "none"]);
    let all = env.ok(&["compare", "--docs", "滨州"]);
    assert!(all.contains("其他: 高新技术企业总量"), "{all}");
}

#[test]
fn a_document_correction_renames_the_comparison_column() {
    let env = Env::new();
    let id = env
        .json(&["list", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["city"] == "滨州市")
        .unwrap()["id"]
        .to_string();
    let table = |env: &Env| {
        env.ok(&[
            "compare",
            "--docs",
            &id,
            "--indicators",
            "high_tech_enterprises",
        ])
    };
    env.ok(&[
        "correct-doc",
        "滨州",
        "--city",
        "滨州新区",
        "--level",
        "district",
    ]);
    assert!(table(&env).contains("滨州新区 2023"));
    // The corrected city names the document now.
    let show = env.ok(&["show", "滨州新区"]);
    assert!(show.contains("district"), "{show}");
    env.ok(&["correct-doc", "滨州新区", "--period", "2023-2025"]);
    assert!(table(&env).contains("滨州新区 2023–2025"));
    env.ok(&["correct-doc", &id, "--undo"]);
    env.ok(&["correct-doc", &id, "--undo"]);
    assert!(table(&env).contains("滨州市 2023"));
}

#[test]
fn a_plan_of_a_city_the_gazetteer_does_not_know_can_be_fixed() {
    let env = Env::new();
    let path = env.path("plan.txt");
    std::fs::write(
        &path,
        "2024年科技工作要点\n一、重点任务\n(一)培育企业。新增高新技术企业30家以上。\n",
    )
    .unwrap();
    let out = env.ok(&["import", path.to_str().unwrap()]);
    let id = out
        .split("→ id ")
        .nth(1)
        .and_then(|s| s.split(':').next())
        .unwrap()
        .to_string();
    let list = env.json(&["list", "--json"]);
    let doc = list
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == id.parse::<i64>().unwrap())
        .unwrap();
    assert!(doc["city"].is_null());
    env.ok(&[
        "correct-doc",
        &id,
        "--city",
        "青禾市",
        "--province",
        "山东省",
        "--level",
        "prefecture",
        "--kind",
        "年度工作计划",
        "--year",
        "2024",
    ]);
    let table = env.ok(&[
        "compare",
        "--cities",
        "青禾",
        "--indicators",
        "high_tech_enterprises",
    ]);
    assert!(table.contains("青禾市 2024"), "{table}");
    assert!(table.contains("≥30家"), "{table}");
}

#[test]
fn unknown_ids_name_themselves_and_change_nothing() {
    let env = Env::new();
    let id = env.target("滨州", "新增高新技术企业100家");
    env.ok(&["correct", &id, "--year", "2024"]);
    let before = (
        env.ok(&["corrections", "--json"]),
        env.ok(&["targets", "--json"]),
        env.ok(&["list", "--json"]),
    );
    for (args, needle) in [
        (vec!["correct", "987654", "--not-a-target"], "987654"),
        (
            vec!["correct", &id, "--indicator", "no_such_indicator"],
            "no_such_indicator",
        ),
        (vec!["correct", &id, "--merge-into", "987654"], "987654"),
        (
            vec!["correct", &id, "--value", "5", "--year", "soon"],
            "soon",
        ),
        (vec!["correct-doc", "987654", "--city", "某市"], "987654"),
        (vec!["correct-doc", "不存在", "--city", "某市"], "不存在"),
        (vec!["correct-doc", "滨州", "--kind", "weekly"], "weekly"),
        (vec!["corrections", "--doc", "987654"], "987654"),
    ] {
        let err = env.fails(&args);
        assert_eq!(err.trim().lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(needle), "{args:?}: {err}");
    }
    let after = (
        env.ok(&["corrections", "--json"]),
        env.ok(&["targets", "--json"]),
        env.ok(&["list", "--json"]),
    );
    assert_eq!(before, after);
}
