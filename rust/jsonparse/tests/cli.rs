//! Runs the built claimbench-jsonparse binary on tests/fixtures/*.json. The expected
//! checksums come from tests/fixtures/expected.py (Python's json module), not from this crate.

use std::path::PathBuf;
use std::process::{Command, Output};

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimbench-jsonparse"))
        .args(args)
        .output()
        .expect("start claimbench-jsonparse")
}

fn lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

const CASES: &[(&str, &str, &str)] = &[
    (
        "tweets-typed",
        "tweets.json",
        "statuses=3 id_sum=9738254160205332483 user_id_sum=9007200441016139 text_bytes=149 \
         counts=18446744074710793 verified=2 replies=2 hashtags=5 hashtag_bytes=19 \
         indices_sum=151 max_id=505874924095815681",
    ),
    (
        "tweets-dom",
        "tweets.json",
        "objects=19 arrays=14 keys=88 key_bytes=712 strings=37 string_bytes=475 ints=32 \
         int_sum=10786465152167431982 floats=5 float_bits=4604515959480053741 true=2 false=1 \
         null=2",
    ),
    // geo.json holds 17-digit decimals that serde_json without float_roundtrip reads one
    // ulp off; coord_bits would then differ.
    (
        "geo-typed",
        "geo.json",
        "features=3 rings=3 points=13 coord_bits=4770978617698329735 name_bytes=43",
    ),
    (
        "geo-dom",
        "geo.json",
        "objects=10 arrays=20 keys=20 key_bytes=135 strings=10 string_bytes=102 ints=0 \
         int_sum=0 floats=26 float_bits=4770978617698329735 true=0 false=0 null=0",
    ),
    (
        "catalog-typed",
        "catalog.json",
        "events=2 event_id_sum=277172686 event_text_bytes=83 topic_ids=5 performances=2 \
         price_amount_sum=156750 prices=2 areas=3 block_ids=4 area_names=4 area_name_bytes=59",
    ),
    (
        "catalog-dom",
        "catalog.json",
        "objects=16 arrays=14 keys=64 key_bytes=538 strings=14 string_bytes=271 ints=28 \
         int_sum=2751600782694 floats=0 float_bits=0 true=0 false=0 null=11",
    ),
];

#[test]
fn every_task_gives_the_expected_checksum() {
    for (task, file, expected) in CASES {
        let input = fixture(file);
        let out = run(&[
            "--task",
            task,
            "--input",
            input.as_str(),
            "--warmup",
            "1",
            "--iterations",
            "2",
        ]);
        assert!(out.status.success(), "{task}: {out:?}");
        let l = lines(&out);
        let phases: Vec<&str> = l.iter().map(|v| v["phase"].as_str().unwrap()).collect();
        assert_eq!(
            phases,
            ["setup", "warmup", "measure", "measure", "done"],
            "{task}"
        );
        let size = std::fs::metadata(&input).unwrap().len();
        assert_eq!(l[0]["input_bytes"].as_u64(), Some(size), "{task}");
        for line in &l[1..4] {
            assert_eq!(line["checksum"], *expected, "{task}");
            assert!(line["ns"].is_u64());
        }
    }
}

#[test]
fn an_input_of_another_shape_fails_with_1() {
    let out = run(&[
        "--task",
        "catalog-typed",
        "--input",
        fixture("geo.json").as_str(),
        "--warmup",
        "0",
        "--iterations",
        "1",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let l = lines(&out);
    assert_eq!(l.len(), 1, "only the setup line: {l:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("does not parse"));
}

#[test]
fn usage_errors_exit_2() {
    let tweets = fixture("tweets.json");
    let tweets = tweets.as_str();
    for args in [
        &[
            "--task",
            "tweets-typed",
            "--warmup",
            "0",
            "--iterations",
            "1",
        ][..],
        &[
            "--task",
            "tweets",
            "--input",
            tweets,
            "--warmup",
            "0",
            "--iterations",
            "1",
        ],
        &[
            "--task",
            "tweets-dom",
            "--input",
            tweets,
            "--param",
            "x=1",
            "--warmup",
            "0",
            "--iterations",
            "1",
        ],
        &[
            "--task",
            "tweets-dom",
            "--input",
            "/nonexistent.json",
            "--warmup",
            "0",
            "--iterations",
            "1",
        ],
        &[
            "--task",
            "tweets-dom",
            "--input",
            tweets,
            "--warmup",
            "0",
            "--iterations",
            "1",
            "--fast",
        ],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}
