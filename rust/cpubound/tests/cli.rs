//! Runs the built claimbench-cpubound binary as the harness does and checks its lines.

use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimbench-cpubound"))
        .args(args)
        .output()
        .expect("start claimbench-cpubound")
}

fn lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

fn checksums(out: &Output) -> Vec<String> {
    lines(out)
        .iter()
        .filter_map(|l| l["checksum"].as_str().map(String::from))
        .collect()
}

#[test]
fn nbody_1000_steps_prints_the_published_energies() {
    let out = run(&[
        "--task",
        "nbody",
        "--param",
        "steps=1000",
        "--warmup",
        "1",
        "--iterations",
        "2",
    ]);
    assert!(out.status.success(), "{out:?}");
    let l = lines(&out);
    let phases: Vec<&str> = l.iter().map(|v| v["phase"].as_str().unwrap()).collect();
    assert_eq!(phases, ["setup", "warmup", "measure", "measure", "done"]);
    assert_eq!(l[0]["input_bytes"], 0);
    assert!(l[0]["ns"].is_u64());
    for (line, i) in l[1..4].iter().zip([0, 0, 1]) {
        assert_eq!(line["i"], i);
        assert!(line["ns"].as_u64().unwrap() > 0);
    }
    assert_eq!(
        checksums(&out),
        ["energy_before=-0.169075164 energy_after=-0.169087605"; 3]
    );
}

#[test]
fn spectral_norm_100_prints_the_published_norm() {
    let out = run(&[
        "--task",
        "spectral-norm",
        "--param",
        "n=100",
        "--warmup",
        "0",
        "--iterations",
        "1",
    ]);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(checksums(&out), ["norm=1.274219991"]);
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &[
            "--task",
            "nbody",
            "--param",
            "steps=10",
            "--warmup",
            "0",
            "--iterations",
            "1",
            "--bogus",
        ][..],
        &[
            "--task",
            "nbody",
            "--param",
            "size=10",
            "--warmup",
            "0",
            "--iterations",
            "1",
        ],
        &[
            "--task",
            "nbody",
            "--param",
            "steps=ten",
            "--warmup",
            "0",
            "--iterations",
            "1",
        ],
        &["--task", "nbody", "--warmup", "0", "--iterations", "1"],
        &[
            "--task",
            "spectral-norm",
            "--param",
            "n=0",
            "--warmup",
            "0",
            "--iterations",
            "1",
        ],
        &["--task", "fannkuch", "--warmup", "0", "--iterations", "1"],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).starts_with("error: "));
    }
}

#[test]
fn hold_keeps_running_after_done_until_stdin_closes() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimbench-cpubound"))
        .args([
            "--task",
            "nbody",
            "--param",
            "steps=1",
            "--warmup",
            "0",
            "--iterations",
            "1",
            "--hold",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = BufReader::new(child.stdout.take().unwrap());
    let last = stdout
        .lines()
        .map(Result::unwrap)
        .find(|l| l == r#"{"phase":"done"}"#);
    assert!(last.is_some());
    // Nothing on stdin has closed yet, so the runner must still be alive.
    std::thread::sleep(std::time::Duration::from_millis(50));
    assert!(child.try_wait().unwrap().is_none());
    drop(child.stdin.take());
    assert!(child.wait().unwrap().success());
}
