//! Runs the built claimbench-workerpool binary with both runtimes. The pipeline's expected
//! checksum comes from tests/fixtures/expected.py (Python), not from this crate.

use std::path::PathBuf;
use std::process::{Command, Output};

const EVENTS_CHECKSUM: &str =
    "valid=14 invalid=16 users=10 value_sum=3123457255 user_hash=17539389857385548759";

fn events() -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/events.jsonl")
        .display()
        .to_string()
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimbench-workerpool"))
        .args(args)
        .output()
        .expect("start claimbench-workerpool")
}

fn lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

#[test]
fn pipeline_checksum_is_the_same_for_every_pool_shape() {
    let input = events();
    for runtime in ["threads", "tokio"] {
        for (workers, capacity) in [("1", "1"), ("2", "4"), ("3", "1024")] {
            let workers_param = format!("workers={workers}");
            let capacity_param = format!("capacity={capacity}");
            let out = run(&[
                "--runtime",
                runtime,
                "--task",
                "pipeline",
                "--input",
                input.as_str(),
                "--param",
                workers_param.as_str(),
                "--param",
                capacity_param.as_str(),
                "--warmup",
                "1",
                "--iterations",
                "2",
            ]);
            assert!(
                out.status.success(),
                "{runtime} {workers} {capacity}: {out:?}"
            );
            let l = lines(&out);
            let phases: Vec<&str> = l.iter().map(|v| v["phase"].as_str().unwrap()).collect();
            assert_eq!(phases, ["setup", "warmup", "measure", "measure", "done"]);
            for line in &l[1..4] {
                assert_eq!(
                    line["checksum"], EVENTS_CHECKSUM,
                    "{runtime} {workers} {capacity}"
                );
            }
        }
    }
}

#[test]
fn pipeline_defaults_its_parameters() {
    let out = run(&[
        "--runtime=tokio",
        "--task",
        "pipeline",
        "--input",
        events().as_str(),
        "--warmup",
        "0",
        "--iterations",
        "1",
    ]);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(lines(&out)[1]["checksum"], EVENTS_CHECKSUM);
}

#[test]
fn idle_tasks_report_memory_and_completions() {
    for runtime in ["threads", "tokio"] {
        let out = run(&[
            "--runtime",
            runtime,
            "--task",
            "idle-tasks",
            "--param",
            "count=200",
            "--warmup",
            "0",
            "--iterations",
            "2",
        ]);
        assert!(out.status.success(), "{runtime}: {out:?}");
        let l = lines(&out);
        assert_eq!(l[0]["input_bytes"], 0);
        for line in &l[1..3] {
            assert_eq!(line["phase"], "measure");
            assert_eq!(line["checksum"], "tasks=200", "{runtime}");
            assert!(line["ns"].as_u64().unwrap() > 0);
            let before = line["rss_before"].as_i64().unwrap();
            let after = line["rss_after"].as_i64().unwrap();
            assert!(before > 0 && after > 0);
            assert_eq!(
                line["bytes_per_task"].as_i64().unwrap(),
                (after - before) / 200
            );
        }
        assert_eq!(l[3]["phase"], "done");
    }
}

#[test]
fn usage_errors_exit_2() {
    let input = events();
    let input = input.as_str();
    let tail = ["--warmup", "0", "--iterations", "1"];
    let cases: Vec<Vec<&str>> = vec![
        vec!["--task", "pipeline", "--input", input],
        vec!["--runtime", "rayon", "--task", "pipeline", "--input", input],
        vec![
            "--task",
            "pipeline",
            "--input",
            input,
            "--runtime",
            "threads",
        ],
        vec![
            "--runtime",
            "threads",
            "--task",
            "pipeline",
            "--input",
            input,
            "--param",
            "workers=0",
        ],
        vec![
            "--runtime",
            "tokio",
            "--task",
            "pipeline",
            "--input",
            input,
            "--param",
            "capacity=0",
        ],
        vec![
            "--runtime",
            "tokio",
            "--task",
            "pipeline",
            "--input",
            input,
            "--param",
            "count=5",
        ],
        vec![
            "--runtime",
            "tokio",
            "--task",
            "idle-tasks",
            "--param",
            "workers=2",
        ],
        vec![
            "--runtime",
            "tokio",
            "--task",
            "idle-tasks",
            "--input",
            input,
        ],
        vec!["--runtime", "threads", "--task", "pipeline"],
    ];
    for mut args in cases {
        args.extend(tail);
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).starts_with("error: "),
            "{args:?}"
        );
    }
}
