//! Runs every vector of the workloads claimbench-axum serves (workloads/*/vectors.toml).
//!
//! http-json-api runs twice: in process through `app().oneshot()`, and over a real
//! listener on 127.0.0.1:0. http-plaintext runs over the listener only, because hyper
//! adds the `Date` its vectors require while writing to the connection, which an
//! in-process call never reaches.

use axum::body::Body;
use axum::http::Request;
use claimbench_common::vectors::{self, Vector};
use claimbench_common::wire;
use http_body_util::BodyExt;
use std::net::SocketAddr;
use std::time::Duration;
use tower::ServiceExt;

const WORKLOADS: [&str; 2] = ["http-json-api", "http-plaintext"];

/// Sends one vector through the router in process and returns its differences.
async fn run_in_process(v: &Vector) -> Vec<String> {
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

/// Serves `app()` on an ephemeral loopback port for the rest of the test.
async fn serve_on_loopback() -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("local_addr");
    tokio::spawn(async move { axum::serve(listener, claimbench_axum::app()).await });
    addr
}

async fn send(addr: SocketAddr, v: &Vector) -> Result<wire::Response, String> {
    let v = v.clone();
    tokio::task::spawn_blocking(move || wire::send(addr, &v))
        .await
        .expect("client thread")
}

async fn run_on_wire(addr: SocketAddr, v: &Vector) -> Vec<String> {
    match send(addr, v).await {
        Ok(r) => vectors::compare(&v.expect, r.status, &r.headers, &r.body),
        Err(e) => vec![format!("request failed: {e}")],
    }
}

#[tokio::test]
async fn json_api_vectors_in_process() {
    let all = vectors::load_workload("http-json-api").unwrap();
    let mut results = Vec::new();
    for v in &all {
        results.push((v.name.clone(), run_in_process(v).await));
    }
    let n = vectors::summarize("http-json-api", &results).unwrap_or_else(|e| panic!("{e}"));
    eprintln!("http-json-api: {n} vectors passed in process");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_vector_over_tcp() {
    let addr = serve_on_loopback().await;
    let mut failed = Vec::new();
    for workload in WORKLOADS {
        let all = vectors::load_workload(workload).unwrap();
        let mut results = Vec::new();
        for v in &all {
            results.push((v.name.clone(), run_on_wire(addr, v).await));
        }
        match vectors::summarize(workload, &results) {
            Ok(n) => eprintln!("{workload}: {n} vectors passed over TCP"),
            Err(e) => failed.push(e),
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

/// TechEmpower requires a live Date: the header must change from one second to the next.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn plaintext_date_changes() {
    let addr = serve_on_loopback().await;
    let v = vectors::load_workload("http-plaintext")
        .unwrap()
        .into_iter()
        .find(|v| v.expect.headers_present.iter().any(|h| h == "Date"))
        .expect("a vector that requires Date");
    let date = |r: wire::Response| {
        r.headers
            .into_iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("date"))
            .map(|(_, v)| v)
            .expect("Date")
    };
    let first = date(send(addr, &v).await.unwrap());
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let second = date(send(addr, &v).await.unwrap());
    assert_ne!(first, second, "Date did not change after 1.1 s");
}
