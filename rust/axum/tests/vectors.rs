//! Runs every vector of workloads/http-json-api/vectors.toml against `app()` in process.

use axum::body::Body;
use axum::http::Request;
use claimbench_common::vectors::{self, Vector};
use http_body_util::BodyExt;
use tower::ServiceExt;

const WORKLOAD: &str = "http-json-api";

/// Sends one vector and returns its differences from the expectation.
async fn run(v: &Vector) -> Vec<String> {
    let mut req = Request::builder()
        .method(v.method.as_str())
        .uri(v.path.as_str());
    for (name, value) in &v.headers {
        req = req.header(name, value);
    }
    let req = req.body(Body::from(v.body.clone())).expect("request");
    let resp = claimbench_axum::app()
        .oneshot(req)
        .await
        .expect("infallible");
    let status = resp.status().as_u16();
    let headers: Vec<(String, String)> = resp
        .headers()
        .iter()
        .map(|(n, v)| {
            (
                n.to_string(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect();
    let body = resp.into_body().collect().await.expect("body").to_bytes();
    vectors::compare(&v.expect, status, &headers, &body)
}

#[tokio::test]
async fn every_vector_passes() {
    let path = vectors::workload_vectors_path(WORKLOAD).unwrap();
    let all = vectors::load(&path).unwrap();
    // Guards against a loader that silently drops vectors.
    let declared = std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .filter(|l| l.trim() == "[[vector]]")
        .count();
    assert_eq!(
        all.len(),
        declared,
        "loaded {} of {declared} vectors",
        all.len()
    );
    assert!(!all.is_empty());

    let mut failures = Vec::new();
    for v in &all {
        let diffs = run(v).await;
        if !diffs.is_empty() {
            failures.push(format!("{}:\n    {}", v.name, diffs.join("\n    ")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} vectors failed:\n  {}",
        failures.len(),
        all.len(),
        failures.join("\n  ")
    );
    eprintln!("{} vectors passed", all.len());
}
