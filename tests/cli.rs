//! End-to-end tests of the `planlens` command line, each against its own
//! temporary database.

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

    fn db(&self) -> PathBuf {
        self.dir.path().join("planlens.db")
    }

    fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("planlens").unwrap();
        c.env("PLANLENS_DB", self.db());
        c
    }

    fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.dir.path().join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&p, bytes).unwrap();
        p
    }

    fn json(&self, args: &[&str]) -> Value {
        let out = self.cmd().args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    }

    fn doc_count(&self) -> usize {
        self.json(&["list", "--json"]).as_array().unwrap().len()
    }
}

/// A small annual plan of a city that is not among the seeds.
const ZIBO_PLAN: &str = "淄博市科学技术局关于印发《2024年全市科技工作要点》的通知\n\
2024年全市科技工作要点\n\
2024年全市科技工作的总体思路是:坚持创新驱动发展。\n\
一、强化企业创新主体地位\n\
(一)培育科技型企业。新增高新技术企业120家以上,科技型中小企业入库突破1500家。\n\
(二)提升研发投入。全社会研发投入强度达到3.2%。\n\
二、建设高能级创新平台\n\
(一)布局重点实验室。新建省级重点实验室3家。\n\
(二)发展孵化载体。新增众创空间5家左右。\n";

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn first_use_loads_the_five_seed_plans() {
    let env = Env::new();
    let docs = env.json(&["list", "--json"]);
    let docs = docs.as_array().unwrap();
    assert_eq!(docs.len(), 5);
    let by_city: std::collections::BTreeMap<String, u64> = docs
        .iter()
        .map(|d| {
            (
                d["city"].as_str().unwrap().to_string(),
                d["tasks"].as_u64().unwrap(),
            )
        })
        .collect();
    let expected: std::collections::BTreeMap<String, u64> = [
        ("临沂市", 19),
        ("丹东市", 21),
        ("日照市", 37),
        ("宜宾市", 19),
        ("滨州市", 23),
    ]
    .into_iter()
    .map(|(c, n)| (c.to_string(), n))
    .collect();
    assert_eq!(by_city, expected);
    // A second run does not load them again.
    assert_eq!(env.doc_count(), 5);
}

#[test]
fn list_prints_a_table() {
    let env = Env::new();
    let out = env.cmd().arg("list").output().unwrap();
    assert!(out.status.success());
    let s = stdout(&out);
    assert!(s.lines().next().unwrap().starts_with("id"));
    for city in ["临沂市", "丹东市", "日照市", "宜宾市", "滨州市"] {
        assert!(s.contains(city), "{city} missing in\n{s}");
    }
}

#[test]
fn no_seeds_flag_keeps_the_database_empty() {
    let env = Env::new();
    let out = env
        .cmd()
        .args(["--no-seeds", "list", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(stdout(&out).trim(), "[]");
}

#[test]
fn import_a_new_plan_then_again_is_a_no_op() {
    let env = Env::new();
    let f = env.file("zibo_2024.txt", ZIBO_PLAN.as_bytes());
    let out = env.cmd().arg("import").arg(&f).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("imported"));
    assert!(stdout(&out).contains("淄博市"));
    assert_eq!(env.doc_count(), 6);

    let out = env.cmd().arg("import").arg(&f).output().unwrap();
    assert!(out.status.success());
    assert!(stdout(&out).contains("unchanged"), "{}", stdout(&out));
    assert_eq!(env.doc_count(), 6);

    let shown = env.json(&["show", "淄博", "--json"]);
    assert_eq!(shown["document"]["city"], "淄博市");
    assert_eq!(shown["document"]["province"], "山东省");
    assert_eq!(shown["document"]["kind"], "annual_work_plan");
    assert_eq!(shown["tasks"].as_array().unwrap().len(), 4);
    // Task items carry the ids that `similar`, `themes --task` and the text
    // output use.
    assert!(shown["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .all(|t| t["id"].as_i64().is_some_and(|id| id > 0)));
}

/// `planlens compare --format json | head -1`: a closed pipe ends the command
/// quietly, without a panic or a backtrace.
#[cfg(unix)]
#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::Read;
    use std::process::Stdio;
    let env = Env::new();
    assert_eq!(env.doc_count(), 5);
    // More than a pipe buffer holds, so the writer does meet the closed pipe.
    let full = env
        .cmd()
        .args(["compare", "--format", "json"])
        .output()
        .unwrap();
    assert!(full.stdout.len() > 128 * 1024, "{}", full.stdout.len());
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("planlens"))
        .env("PLANLENS_DB", env.db())
        .args(["compare", "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read one byte, then close our end of the pipe.
    let mut stdout = child.stdout.take().unwrap();
    let mut one = [0u8; 1];
    stdout.read_exact(&mut one).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert!(!err.contains("Broken pipe"), "{err}");
}

#[test]
fn bad_files_get_a_clear_error_and_leave_the_database_as_it_was() {
    let env = Env::new();
    assert_eq!(env.doc_count(), 5);
    let empty = env.file("empty.txt", b"");
    let binary = env.file(
        "binary.txt",
        &[0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0xff, 0x00],
    );
    let missing = env.dir.path().join("nope.txt");
    for (path, reason) in [
        (&empty, "empty"),
        (&binary, "binary"),
        (&missing, "no such file"),
    ] {
        let out = env.cmd().arg("import").arg(path).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{}", path.display());
        let err = stderr(&out);
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        assert!(err.contains(&name), "error does not name the file: {err}");
        assert!(
            err.to_lowercase().contains(reason),
            "error does not say {reason}: {err}"
        );
    }
    assert_eq!(env.doc_count(), 5);
}

#[test]
fn a_batch_with_a_bad_file_imports_the_others() {
    let env = Env::new();
    let folder = env.dir.path().join("batch");
    env.file("batch/a_zibo.txt", ZIBO_PLAN.as_bytes());
    env.file("batch/b_empty.txt", b"   \n");
    env.file(
        "batch/c_gbk.txt",
        &encode_gb18030(
            "2024年全市科技工作要点\n一、重点任务\n(一)培育企业。新增高新技术企业80家。\n",
        ),
    );
    let out = env.cmd().arg("import").arg(&folder).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("b_empty.txt"));
    assert!(stdout(&out).contains("2 of 3 files"), "{}", stdout(&out));
    assert_eq!(env.doc_count(), 7);
}

#[test]
fn a_folder_without_plan_files_is_an_error() {
    let env = Env::new();
    let folder = env.dir.path().join("nothing");
    std::fs::create_dir_all(&folder).unwrap();
    env.file("nothing/image.png", b"\x89PNG");
    let out = env.cmd().arg("import").arg(&folder).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no plan files"), "{}", stderr(&out));
}

#[test]
fn files_over_the_size_limit_are_refused() {
    let env = Env::new();
    let big = env.file("big.txt", &vec![b'a'; 2 * 1024 * 1024]);
    let out = env
        .cmd()
        .args(["import", "--max-mb", "1"])
        .arg(&big)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("too large"), "{}", stderr(&out));
    assert_eq!(env.doc_count(), 5);
}

#[test]
fn extract_prints_the_json_contract_with_char_offsets() {
    let env = Env::new();
    let f = env.file("zibo.txt", ZIBO_PLAN.as_bytes());
    let v = env.json(&["extract", f.to_str().unwrap(), "--json"]);
    for key in ["document", "sections", "tasks", "targets"] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    let chars: Vec<char> = ZIBO_PLAN.chars().collect();
    let slice = |s: &Value, e: &Value| -> String {
        chars[s.as_u64().unwrap() as usize..e.as_u64().unwrap() as usize]
            .iter()
            .collect()
    };
    for s in v["sections"].as_array().unwrap() {
        for key in [
            "marker", "number", "level", "title", "role", "start", "end", "parent",
        ] {
            assert!(s.get(key).is_some(), "section lacks {key}");
        }
        assert!(slice(&s["start"], &s["end"]).starts_with(s["marker"].as_str().unwrap()));
    }
    let tasks = v["tasks"].as_array().unwrap();
    assert_eq!(tasks.len(), 4);
    for t in tasks {
        for key in ["section", "title", "text", "start", "end"] {
            assert!(t.get(key).is_some(), "task lacks {key}");
        }
    }
    let targets = v["targets"].as_array().unwrap();
    assert!(targets.len() >= 4, "{targets:?}");
    for t in targets {
        assert_eq!(slice(&t["start"], &t["end"]), t["quote"].as_str().unwrap());
    }
    let ht = targets
        .iter()
        .find(|t| t["value"] == 120.0)
        .expect("高新技术企业120家");
    assert_eq!(ht["unit"], "家");
    assert_eq!(ht["qualifier"], "at_least");
    assert_eq!(ht["kind"], "increment");
    assert_eq!(ht["year"], 2024);
    // extract stores nothing.
    assert!(!env.db().exists());
}

#[test]
fn extract_of_a_missing_file_names_it() {
    let env = Env::new();
    let out = env
        .cmd()
        .args(["extract", "/no/such/plan.txt", "--json"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(stderr(&out).contains("/no/such/plan.txt"));
}

#[test]
fn show_prints_the_tree_and_task_items() {
    let env = Env::new();
    let out = env.cmd().args(["show", "滨州", "--tree"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let s = stdout(&out);
    assert!(s.contains("滨科字〔2023〕1号"), "{s}");
    assert!(s.contains("[tasks]"));
    assert!(s.contains("task items:"));
    let out = env.cmd().args(["show", "上海"]).output().unwrap();
    assert!(!out.status.success());
    assert!(stderr(&out).contains("no document matches"));
}

#[test]
fn targets_and_indicator_mapping() {
    let env = Env::new();
    let all = env.json(&["targets", "--json"]);
    assert!(all.as_array().unwrap().len() > 100);
    let binzhou = env.json(&["targets", "--doc", "滨州", "--json"]);
    assert!(binzhou
        .as_array()
        .unwrap()
        .iter()
        .any(|t| t["value"] == 3.55 && t["unit"] == "%"));

    let out = env
        .cmd()
        .args(["indicators", "--unmapped"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let first_phrase = stdout(&out)
        .lines()
        .nth(1)
        .and_then(|l| l.split_whitespace().nth(1))
        .map(str::to_string);
    let ids = env.cmd().arg("indicators").output().unwrap();
    let some_id = stdout(&ids)
        .lines()
        .nth(1)
        .and_then(|l| l.split_whitespace().next())
        .unwrap()
        .to_string();
    if let Some(phrase) = first_phrase {
        let out = env
            .cmd()
            .args(["indicators", "map", &phrase, &some_id])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        let mapped = env.json(&["targets", "--indicator", &some_id, "--json"]);
        assert!(mapped
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["indicator"] == phrase.as_str()));
    }
    let out = env
        .cmd()
        .args(["indicators", "map", "某指标", "no_such_id"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(stderr(&out).contains("unknown indicator id"));
}

fn encode_gb18030(s: &str) -> Vec<u8> {
    let (bytes, _, _) = encoding_rs::GB18030.encode(s);
    bytes.into_owned()
}
