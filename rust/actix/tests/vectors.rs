//! Runs every vector of the workloads claimbench-actix serves (workloads/*/vectors.toml).
//!
//! http-json-api runs twice: in process through `actix_web::test::call_service`, and over
//! a real listener on 127.0.0.1:0. http-plaintext runs over the listener only, because
//! actix-http adds the `Date` its vectors require while encoding onto the connection,
//! which an in-process call never reaches.

use actix_web::test::{self, TestRequest};
use actix_web::HttpServer;
use claimbench_common::vectors::{self, Vector};
use claimbench_common::wire;
use std::net::SocketAddr;
use std::time::Duration;

const WORKLOADS: [&str; 2] = ["http-json-api", "http-plaintext"];

#[actix_web::test]
async fn json_api_vectors_in_process() {
    let app = test::init_service(claimbench_actix::app()).await;
    let all = vectors::load_workload("http-json-api").unwrap();
    let mut results = Vec::new();
    for v in &all {
        let mut req = TestRequest::default()
            .method(v.method.parse().expect("method"))
            .uri(&v.path);
        for (name, value) in &v.headers {
            req = req.insert_header((name.as_str(), value.as_str()));
        }
        // As a client on the wire would send it, so the Content-Length check runs too.
        if !v.body.is_empty() || v.method == "POST" {
            req = req.insert_header(("content-length", v.body.len().to_string()));
        }
        let req = req.set_payload(v.body.clone()).to_request();
        let resp = test::call_service(&app, req).await;
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
        let body = test::read_body(resp).await;
        results.push((
            v.name.clone(),
            vectors::compare(&v.expect, status, &headers, &body),
        ));
    }
    let n = vectors::summarize("http-json-api", &results).unwrap_or_else(|e| panic!("{e}"));
    eprintln!("http-json-api: {n} vectors passed in process");
}

/// Serves `app()` on an ephemeral loopback port, on its own actix system thread, for
/// the rest of the test process.
fn serve_on_loopback() -> SocketAddr {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            let server = HttpServer::new(claimbench_actix::app)
                .workers(2)
                .disable_signals()
                .bind(("127.0.0.1", 0))
                .expect("bind");
            tx.send(server.addrs()[0]).expect("send addr");
            server.run().await
        })
    });
    rx.recv().expect("server thread started")
}

fn run_on_wire(addr: SocketAddr, v: &Vector) -> Vec<String> {
    match wire::send(addr, v) {
        Ok(r) => vectors::compare(&v.expect, r.status, &r.headers, &r.body),
        Err(e) => vec![format!("request failed: {e}")],
    }
}

#[test]
fn every_vector_over_tcp() {
    let addr = serve_on_loopback();
    let mut failed = Vec::new();
    for workload in WORKLOADS {
        let all = vectors::load_workload(workload).unwrap();
        let results: Vec<(String, Vec<String>)> = all
            .iter()
            .map(|v| (v.name.clone(), run_on_wire(addr, v)))
            .collect();
        match vectors::summarize(workload, &results) {
            Ok(n) => eprintln!("{workload}: {n} vectors passed over TCP"),
            Err(e) => failed.push(e),
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

/// TechEmpower requires a live Date: the header must change from one second to the next.
#[test]
fn plaintext_date_changes() {
    let addr = serve_on_loopback();
    let v = vectors::load_workload("http-plaintext")
        .unwrap()
        .into_iter()
        .find(|v| v.expect.headers_present.iter().any(|h| h == "Date"))
        .expect("a vector that requires Date");
    let date = || {
        wire::send(addr, &v)
            .unwrap()
            .headers
            .into_iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("date"))
            .map(|(_, v)| v)
            .expect("Date")
    };
    let first = date();
    std::thread::sleep(Duration::from_millis(1100));
    assert_ne!(first, date(), "Date did not change after 1.1 s");
}
