//! Runs the built claimbench-regex binary on tests/fixtures/haystack.txt. The expected
//! checksums come from tests/fixtures/expected.py (Python's `re`), not from this crate.

use std::path::PathBuf;
use std::process::{Command, Output};

fn fixture() -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/haystack.txt")
        .display()
        .to_string()
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimbench-regex"))
        .args(args)
        .output()
        .expect("start claimbench-regex")
}

fn count(input: &str, params: &[&str]) -> Output {
    let mut args = vec!["--task", "count", "--input", input];
    for p in params {
        args.extend(["--param", *p]);
    }
    args.extend(["--warmup", "1", "--iterations", "2"]);
    run(&args)
}

fn lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

/// The README's patterns (word-boundary in its Rust spelling) and their checksums.
const CASES: &[(&str, &[&str], &str)] = &[
    ("literal", &["pattern=Sherlock"], "matches=2 match_bytes=16"),
    (
        "literal-alternation",
        &["pattern=Sherlock|Watson|Adler|Lestrade|Moriarty|Hudson"],
        "matches=9 match_bytes=59",
    ),
    // Includes "ſherlock": U+017F LONG S folds to s in every engine's simple case folding.
    (
        "case-insensitive",
        &["pattern=(?i)sherlock"],
        "matches=6 match_bytes=49",
    ),
    (
        "char-class-suffix",
        &["pattern=[a-zA-Z]+ing"],
        "matches=16 match_bytes=106",
    ),
    (
        "unicode-letters",
        &[r"pattern=\p{Greek}+|\p{Cyrillic}+"],
        "matches=29 match_bytes=279",
    ),
    (
        "word-boundary",
        &[r"pattern=(?-u:\b)[a-z]{4}(?-u:\b)"],
        "matches=39 match_bytes=156",
    ),
    (
        "date-captures",
        &["pattern=([0-9]{4})-([0-9]{2})-([0-9]{2})", "captures=true"],
        "matches=5 match_bytes=50 group_bytes=40",
    ),
    (
        "email",
        &[r"pattern=[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}"],
        "matches=4 match_bytes=105",
    ),
    (
        "url",
        &["pattern=https?://[a-zA-Z0-9.-]+(/[a-zA-Z0-9._~%/-]*)?"],
        "matches=4 match_bytes=108",
    ),
];

#[test]
fn every_pattern_gives_the_expected_checksum() {
    let input = fixture();
    for (name, params, expected) in CASES {
        let out = count(&input, params);
        assert!(out.status.success(), "{name}: {out:?}");
        let checksums: Vec<String> = lines(&out)
            .iter()
            .filter_map(|l| l["checksum"].as_str().map(String::from))
            .collect();
        assert_eq!(checksums, [*expected; 3], "{name}");
    }
}

#[test]
fn lines_have_the_protocol_shape() {
    let out = count(&fixture(), &["pattern=Sherlock"]);
    let l = lines(&out);
    let phases: Vec<&str> = l.iter().map(|v| v["phase"].as_str().unwrap()).collect();
    let mut expected = vec!["setup"];
    expected.extend(["compile"; 10]);
    expected.extend(["warmup", "measure", "measure", "done"]);
    assert_eq!(phases, expected);
    assert_eq!(l[0]["input_bytes"], 1553);
    assert!(l[1..11].iter().all(|c| c["ns"].as_u64().unwrap() > 0));
    assert_eq!(
        (l[12]["i"].as_u64(), l[13]["i"].as_u64()),
        (Some(0), Some(1))
    );
}

#[test]
fn captures_without_groups_reports_zero_group_bytes() {
    let out = count(&fixture(), &["pattern=Sherlock", "captures=true"]);
    let l = lines(&out);
    assert_eq!(l[11]["checksum"], "matches=2 match_bytes=16 group_bytes=0");
}

#[test]
fn usage_errors_exit_2() {
    let input = fixture();
    for params in [
        &["pattern=(unclosed"][..],
        &["pattern=a", "captures=yes"],
        &["pattern=a", "flags=i"],
        &[],
    ] {
        let out = count(&input, params);
        assert_eq!(out.status.code(), Some(2), "{params:?}");
        assert!(out.stdout.is_empty());
    }
    let out = count("/nonexistent/haystack.txt", &["pattern=a"]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&[
        "--task",
        "count",
        "--param",
        "pattern=a",
        "--warmup",
        "0",
        "--iterations",
        "1",
    ]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_haystack_that_is_not_utf8_fails_with_1() {
    let path = std::env::temp_dir().join(format!("claimbench-regex-{}.bin", std::process::id()));
    std::fs::write(&path, b"Sherlock \xff\xfe Watson").unwrap();
    let out = count(path.to_str().unwrap(), &["pattern=Sherlock"]);
    std::fs::remove_file(&path).unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
}
