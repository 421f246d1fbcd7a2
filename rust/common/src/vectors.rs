//! Loads workloads/*/vectors.toml and checks a response against a vector's expectation.

use crate::json::{self, Json};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One request and the response it must produce.
#[derive(Debug, Clone)]
pub struct Vector {
    pub name: String,
    pub method: String,
    pub path: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub expect: Expect,
}

#[derive(Debug, Clone, Default)]
pub struct Expect {
    pub status: u16,
    pub content_type: Option<String>,
    pub headers: Vec<(String, String)>,
    /// Header names that must be present, with any value.
    pub headers_present: Vec<String>,
    pub body_json: Option<Json>,
    /// The exact bytes of the body.
    pub body: Option<Vec<u8>>,
}

// deny_unknown_fields so a misspelt key in vectors.toml fails loudly instead of
// silently weakening a check.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    vector: Vec<RawVector>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVector {
    name: String,
    method: String,
    path: String,
    #[serde(default)]
    headers: BTreeMap<String, String>,
    body: Option<String>,
    body_hex: Option<String>,
    body_repeat: Option<RawRepeat>,
    expect: RawExpect,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRepeat {
    #[serde(default)]
    prefix: String,
    text: String,
    count: usize,
    #[serde(default)]
    suffix: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExpect {
    status: u16,
    content_type: Option<String>,
    #[serde(default)]
    headers: BTreeMap<String, String>,
    #[serde(default)]
    headers_present: Vec<String>,
    body_json: Option<String>,
    body: Option<String>,
}

fn decode_hex(s: &str) -> Result<Vec<u8>, String> {
    let s: String = s.split_whitespace().collect();
    if !s.len().is_multiple_of(2) {
        return Err(format!("odd-length hex {s:?}"));
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).map_err(|e| format!("hex {s:?}: {e}")))
        .collect()
}

fn convert(raw: RawVector) -> Result<Vector, String> {
    let name = raw.name;
    let err = |msg: String| format!("vector {name:?}: {msg}");
    let body = match (raw.body, raw.body_hex, raw.body_repeat) {
        (None, None, None) => Vec::new(),
        (Some(text), None, None) => text.into_bytes(),
        (None, Some(hex), None) => decode_hex(&hex).map_err(err)?,
        (None, None, Some(r)) => {
            format!("{}{}{}", r.prefix, r.text.repeat(r.count), r.suffix).into_bytes()
        }
        _ => return Err(err("more than one of body, body_hex, body_repeat".into())),
    };
    let body_json = match raw.expect.body_json {
        Some(text) => {
            Some(json::parse(text.as_bytes()).map_err(|e| err(format!("body_json: {e}")))?)
        }
        None => None,
    };
    if body_json.is_some() && raw.expect.body.is_some() {
        return Err(err("expect has both body and body_json".into()));
    }
    Ok(Vector {
        method: raw.method,
        path: raw.path,
        headers: raw.headers.into_iter().collect(),
        body,
        expect: Expect {
            status: raw.expect.status,
            content_type: raw.expect.content_type,
            headers: raw.expect.headers.into_iter().collect(),
            headers_present: raw.expect.headers_present,
            body_json,
            body: raw.expect.body.map(String::into_bytes),
        },
        name,
    })
}

/// Parses the text of a vectors file.
pub fn parse(text: &str) -> Result<Vec<Vector>, String> {
    let file: RawFile = toml::from_str(text).map_err(|e| e.to_string())?;
    file.vector.into_iter().map(convert).collect()
}

/// Loads a vectors file.
pub fn load(path: &Path) -> Result<Vec<Vector>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    parse(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// The first directory at or above `start` that contains `workloads/`.
pub fn find_repo_root(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .find(|d| d.join("workloads").is_dir())
        .map(Path::to_path_buf)
}

/// The repository root, found from the crate being built or tested.
pub fn repo_root() -> PathBuf {
    // Cargo sets CARGO_MANIFEST_DIR at run time for tests; the compile-time value
    // is the fallback when the binary runs outside cargo.
    let start = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    find_repo_root(&start)
        .unwrap_or_else(|| panic!("no workloads/ directory above {}", start.display()))
}

/// The path of a workload's vectors file, as named by its workload.toml.
pub fn workload_vectors_path(workload: &str) -> Result<PathBuf, String> {
    #[derive(Deserialize)]
    struct Workload {
        vectors: String,
    }
    let dir = repo_root().join("workloads").join(workload);
    let path = dir.join("workload.toml");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let w: Workload = toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(dir.join(w.vectors))
}

/// Loads the vectors of a workload by its id, e.g. "http-json-api" or "http-plaintext".
///
/// Also counts the `[[vector]]` lines of the file and fails if the loader produced a
/// different number, and fails on an empty file: both guard against a loader (or a TOML
/// edit) that silently drops vectors.
pub fn load_workload(workload: &str) -> Result<Vec<Vector>, String> {
    let path = workload_vectors_path(workload)?;
    let all = load(&path)?;
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let declared = text.lines().filter(|l| l.trim() == "[[vector]]").count();
    if all.len() != declared || all.is_empty() {
        return Err(format!(
            "{}: loaded {} of {declared} declared vectors",
            path.display(),
            all.len()
        ));
    }
    Ok(all)
}

/// The ids of the repository's workloads whose workload.toml says `kind = KIND`
/// (e.g. "http": the workloads these vectors describe), sorted.
pub fn workload_ids(kind: &str) -> Result<Vec<String>, String> {
    #[derive(Deserialize)]
    struct Workload {
        kind: Option<String>,
    }
    let dir = repo_root().join("workloads");
    let mut ids = Vec::new();
    for entry in std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        let file = path.join("workload.toml");
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        let w: Workload = toml::from_str(&text).map_err(|e| format!("{}: {e}", file.display()))?;
        if w.kind.as_deref() == Some(kind) {
            if let Some(id) = path.file_name() {
                ids.push(id.to_string_lossy().into_owned());
            }
        }
    }
    ids.sort();
    Ok(ids)
}

/// Sums up a run: `Ok(n)` when all `n` vectors matched, else an error that names every
/// failing vector with its differences. `results` holds (vector name, differences).
pub fn summarize(workload: &str, results: &[(String, Vec<String>)]) -> Result<usize, String> {
    let failures: Vec<String> = results
        .iter()
        .filter(|(_, diffs)| !diffs.is_empty())
        .map(|(name, diffs)| format!("{workload}/{name}:\n    {}", diffs.join("\n    ")))
        .collect();
    if failures.is_empty() {
        Ok(results.len())
    } else {
        Err(format!(
            "{} of {} {workload} vectors failed:\n  {}",
            failures.len(),
            results.len(),
            failures.join("\n  ")
        ))
    }
}

fn media_type(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// Describes every way `actual` is not JSON-equal to `expected`, at JSON paths.
fn json_diff(path: &str, expected: &Json, actual: &Json, out: &mut Vec<String>) {
    match (expected, actual) {
        (Json::Obj(e), Json::Obj(a)) => {
            for (k, ev) in e {
                match a.get(k) {
                    Some(av) => json_diff(&format!("{path}.{k}"), ev, av, out),
                    None => out.push(format!("body {path}.{k}: missing, expected {ev}")),
                }
            }
            for k in a.keys().filter(|k| !e.contains_key(*k)) {
                out.push(format!("body {path}.{k}: unexpected key"));
            }
        }
        (Json::Arr(e), Json::Arr(a)) if e.len() == a.len() => {
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                json_diff(&format!("{path}[{i}]"), ev, av, out);
            }
        }
        // Json::Num compares as f64, so 19 equals 19.0.
        (e, a) if e == a => {}
        (e, a) => out.push(format!("body {path}: expected {e}, got {a}")),
    }
}

/// Compares a response with an expectation; empty when it matches.
/// Header names are matched case-insensitively; repeated headers are joined with ", ".
pub fn compare(
    expect: &Expect,
    status: u16,
    headers: &[(String, String)],
    body: &[u8],
) -> Vec<String> {
    let mut diffs = Vec::new();
    let header = |name: &str| -> Option<String> {
        let values: Vec<&str> = headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .collect();
        (!values.is_empty()).then(|| values.join(", "))
    };
    if status != expect.status {
        diffs.push(format!("status: expected {}, got {status}", expect.status));
    }
    if let Some(want) = &expect.content_type {
        match header("content-type") {
            Some(got) if media_type(&got) == media_type(want) => {}
            got => diffs.push(format!("content-type: expected {want:?}, got {got:?}")),
        }
    }
    for (name, want) in &expect.headers {
        match header(name) {
            Some(got) if &got == want => {}
            got => diffs.push(format!("header {name}: expected {want:?}, got {got:?}")),
        }
    }
    for name in &expect.headers_present {
        if header(name).is_none() {
            diffs.push(format!("header {name}: expected present, got none"));
        }
    }
    if let Some(want) = &expect.body {
        if body != want.as_slice() {
            let show =
                |b: &[u8]| -> String { String::from_utf8_lossy(b).chars().take(200).collect() };
            diffs.push(format!(
                "body: expected exactly {:?} ({} bytes), got {:?} ({} bytes)",
                show(want),
                want.len(),
                show(body),
                body.len()
            ));
        }
    }
    if let Some(want) = &expect.body_json {
        match json::parse(body) {
            Ok(got) => json_diff("$", want, &got, &mut diffs),
            Err(e) => {
                let shown: String = String::from_utf8_lossy(body).chars().take(200).collect();
                diffs.push(format!(
                    "body: expected JSON {want}, got unparsable {shown:?} ({e})"
                ));
            }
        }
    }
    diffs
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"
[[vector]]
name = "ok"
method = "POST"
path = "/items"
headers = { "Content-Type" = "application/json" }
body = '{"name":"widget","price":10.5}'
[vector.expect]
status = 200
content_type = "application/json"
headers = { "X-Check" = "yes" }
body_json = '{"status":"created","tax":1.995}'

[[vector]]
name = "hex-and-repeat"
method = "GET"
path = "/"
body_hex = "ff00"
[vector.expect]
status = 404
"#;

    fn hdrs(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    fn ok_vector() -> Vector {
        parse(SAMPLE).unwrap().remove(0)
    }

    #[test]
    fn parses_every_body_form() {
        let v = parse(SAMPLE).unwrap();
        assert_eq!(v.len(), 2);
        assert_eq!(v[0].body, br#"{"name":"widget","price":10.5}"#);
        assert_eq!(v[1].body, vec![0xff, 0x00]);
        let r = parse(
            "[[vector]]\nname='r'\nmethod='POST'\npath='/'\n\
             body_repeat={prefix='<',text='ab',count=3,suffix='>'}\n[vector.expect]\nstatus=1\n",
        )
        .unwrap();
        assert_eq!(r[0].body, b"<ababab>");
    }

    #[test]
    fn rejects_bad_vectors() {
        assert!(parse("[[vector]]\nname='x'\nmethod='GET'\npath='/'\nbody='a'\nbody_hex='00'\n[vector.expect]\nstatus=1\n").is_err());
        assert!(parse(
            "[[vector]]\nname='x'\nmethod='GET'\npath='/'\n[vector.expect]\nstatus=1\nstauts=2\n"
        )
        .is_err());
    }

    #[test]
    fn matching_response_has_no_differences() {
        let v = ok_vector();
        let headers = hdrs(&[
            ("content-type", "Application/JSON; charset=utf-8"),
            ("x-check", "yes"),
        ]);
        // Key order, whitespace and 1.995 vs 1.9950 do not matter.
        let body = br#" { "tax" : 1.9950, "status": "created" } "#;
        assert_eq!(
            compare(&v.expect, 200, &headers, body),
            Vec::<String>::new()
        );
    }

    #[test]
    fn integer_and_float_are_equal_numbers() {
        let mut e = ok_vector().expect;
        e.body_json = Some(json::parse(br#"{"tax":19.0}"#).unwrap());
        e.content_type = None;
        e.headers.clear();
        assert!(compare(&e, 200, &[], br#"{"tax":19}"#).is_empty());
        assert!(compare(&e, 200, &[], br#"{"tax":1.9e1}"#).is_empty());
        // One ULP apart: serde_json's default parser would call these equal.
        e.body_json = Some(json::parse(br#"{"tax":1.8999999999999998e-08}"#).unwrap());
        assert!(compare(&e, 200, &[], br#"{"tax":1.8999999999999998e-8}"#).is_empty());
        assert_eq!(compare(&e, 200, &[], br#"{"tax":1.9e-8}"#).len(), 1);
    }

    #[test]
    fn planted_mismatches_are_reported() {
        let v = ok_vector();
        let headers = hdrs(&[("content-type", "text/plain"), ("x-check", "no")]);
        let diffs = compare(
            &v.expect,
            201,
            &headers,
            br#"{"status":"created","tax":2.0,"x":1}"#,
        );
        let has = |s: &str| diffs.iter().any(|d| d.contains(s));
        assert!(has("status: expected 200, got 201"), "{diffs:?}");
        assert!(has("body $.tax: expected 1.995, got 2.0"), "{diffs:?}");
        assert!(has("content-type"), "{diffs:?}");
        assert!(has("header X-Check"), "{diffs:?}");
        assert!(has("$.x: unexpected key"), "{diffs:?}");
        assert_eq!(diffs.len(), 5, "{diffs:?}");
    }

    #[test]
    fn missing_pieces_are_reported() {
        let v = ok_vector();
        let diffs = compare(&v.expect, 200, &[], b"");
        assert_eq!(diffs.len(), 3, "{diffs:?}");
        let diffs = compare(
            &v.expect,
            200,
            &hdrs(&[("content-type", "application/json"), ("x-check", "yes")]),
            br#"{"status":"created"}"#,
        );
        assert_eq!(
            diffs,
            vec!["body $.tax: missing, expected 1.995".to_string()]
        );
    }

    const PLAIN: &str = r#"
[[vector]]
name = "plain"
method = "GET"
path = "/plaintext"
[vector.expect]
status = 200
content_type = "text/plain"
body = "Hello, World!"
headers_present = ["Server", "Date"]
"#;

    fn plain_vector() -> Vector {
        parse(PLAIN).unwrap().remove(0)
    }

    #[test]
    fn parses_exact_body_and_headers_present() {
        let e = plain_vector().expect;
        assert_eq!(e.body.as_deref(), Some(&b"Hello, World!"[..]));
        assert_eq!(e.headers_present, vec!["Server", "Date"]);
        assert!(e.body_json.is_none());
        // Absent keys mean no check.
        let e = ok_vector().expect;
        assert!(e.body.is_none());
        assert!(e.headers_present.is_empty());
    }

    #[test]
    fn exact_body_and_headers_present_match() {
        let e = plain_vector().expect;
        let headers = hdrs(&[
            ("Content-Type", "text/plain; charset=utf-8"),
            ("server", "x"),
            ("DATE", "Thu, 01 Jan 2026 00:00:00 GMT"),
        ]);
        assert_eq!(
            compare(&e, 200, &headers, b"Hello, World!"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn planted_body_mismatch_is_reported() {
        let e = plain_vector().expect;
        let headers = hdrs(&[
            ("content-type", "text/plain"),
            ("server", "x"),
            ("date", "d"),
        ]);
        for bad in [
            &b"Hello, World!\n"[..],
            b"Hello, World",
            b"hello, world!",
            b"",
        ] {
            let diffs = compare(&e, 200, &headers, bad);
            assert_eq!(diffs.len(), 1, "{bad:?}: {diffs:?}");
            assert!(diffs[0].starts_with("body: expected exactly"), "{diffs:?}");
        }
        // body is exact bytes, not JSON: equal JSON with other bytes still differs.
        let mut j = e.clone();
        j.body = Some(b"{\"a\":1}".to_vec());
        assert_eq!(compare(&j, 200, &headers, b"{ \"a\": 1 }").len(), 1);
    }

    #[test]
    fn planted_missing_header_is_reported() {
        let e = plain_vector().expect;
        let headers = hdrs(&[("content-type", "text/plain"), ("server", "x")]);
        assert_eq!(
            compare(&e, 200, &headers, b"Hello, World!"),
            vec!["header Date: expected present, got none".to_string()]
        );
        let diffs = compare(
            &e,
            200,
            &hdrs(&[("content-type", "text/plain")]),
            b"Hello, World!",
        );
        assert_eq!(diffs.len(), 2, "{diffs:?}");
        assert!(
            diffs.iter().any(|d| d.starts_with("header Server:")),
            "{diffs:?}"
        );
        // An empty value is still present.
        let headers = hdrs(&[("content-type", "text/plain"), ("server", ""), ("date", "")]);
        assert!(compare(&e, 200, &headers, b"Hello, World!").is_empty());
    }

    #[test]
    fn rejects_bad_new_keys() {
        // Both body forms at once, a misspelt new key, and a wrong type.
        for bad in [
            "body = 'x'\nbody_json = '{}'\n",
            "header_present = ['Date']\n",
            "headers_present = 'Date'\n",
            "body_exact = 'x'\n",
        ] {
            let text = format!(
                "[[vector]]\nname='x'\nmethod='GET'\npath='/'\n[vector.expect]\nstatus=1\n{bad}"
            );
            assert!(parse(&text).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn summary_names_failing_vectors() {
        let ok = vec![("a".to_string(), vec![]), ("b".to_string(), vec![])];
        assert_eq!(summarize("w", &ok), Ok(2));
        let bad = vec![
            ("a".to_string(), vec![]),
            (
                "b".to_string(),
                vec!["status: expected 200, got 500".to_string()],
            ),
        ];
        let e = summarize("w", &bad).unwrap_err();
        assert!(e.starts_with("1 of 2 w vectors failed"), "{e}");
        assert!(e.contains("w/b:\n    status: expected 200, got 500"), "{e}");
        assert!(!e.contains("w/a"), "{e}");
    }

    #[test]
    fn finds_repo_root() {
        let root = repo_root();
        assert!(root.join("workloads").is_dir());
        assert!(workload_vectors_path("http-json-api").unwrap().is_file());
    }

    #[test]
    fn loads_every_http_workload_by_id() {
        let ids = workload_ids("http").unwrap();
        for want in ["http-json-api", "http-plaintext"] {
            assert!(ids.iter().any(|i| i == want), "{ids:?}");
        }
        for id in &ids {
            let v = load_workload(id).unwrap_or_else(|e| panic!("{id}: {e}"));
            assert!(!v.is_empty(), "{id}");
        }
        let plain = load_workload("http-plaintext").unwrap();
        assert!(plain.iter().any(|v| v.expect.body.is_some()));
        assert!(plain.iter().any(|v| !v.expect.headers_present.is_empty()));
        assert!(load_workload("no-such-workload").is_err());
    }
}
