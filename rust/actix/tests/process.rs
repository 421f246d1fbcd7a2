//! Runs the claimbench-actix binary as the harness does: flags, the stderr-only
//! "listening on" line, a request, and exit 0 soon after SIGTERM or SIGINT.

use claimbench_common::vectors;
use claimbench_common::wire;
use std::io::{BufRead, BufReader, Read};
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_claimbench-actix");

/// Starts the server on an ephemeral port (through PORT=0) and returns it with its address.
fn start() -> (Child, SocketAddr) {
    let mut child = Command::new(BIN)
        .env("PORT", "0")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut line = String::new();
    BufReader::new(child.stderr.as_mut().unwrap())
        .read_line(&mut line)
        .expect("read stderr");
    let addr = line
        .trim()
        .strip_prefix("listening on ")
        .unwrap_or_else(|| panic!("first stderr line {line:?}"));
    let addr: SocketAddr = addr.parse().expect("address");
    assert_eq!(addr.ip().to_string(), "127.0.0.1");
    assert_ne!(addr.port(), 0);
    (child, addr)
}

fn wait_exit(child: &mut Child, within: Duration) -> i32 {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            return status.code().expect("exited, not killed by a signal");
        }
        if start.elapsed() > within {
            let _ = child.kill();
            panic!("still running {within:?} after the signal");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn stop_with(signal: &str) {
    let (mut child, addr) = start();
    let v = vectors::load_workload("http-plaintext").unwrap().remove(0);
    let r = wire::send(addr, &v).expect("request");
    assert!(vectors::compare(&v.expect, r.status, &r.headers, &r.body).is_empty());
    // An idle keep-alive connection must not hold up the stop.
    let _idle = std::net::TcpStream::connect(addr).expect("connect");
    let pid = child.id().to_string();
    let killed = Command::new("kill").args([signal, &pid]).status().unwrap();
    assert!(killed.success());
    assert_eq!(wait_exit(&mut child, Duration::from_secs(5)), 0, "{signal}");
    let mut out = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut out)
        .unwrap();
    assert_eq!(out, "", "nothing on stdout");
}

#[test]
fn sigterm_exits_zero() {
    stop_with("-TERM");
}

#[test]
fn sigint_exits_zero() {
    stop_with("-INT");
}

#[test]
fn unknown_flag_exits_two() {
    let out = Command::new(BIN).arg("--nope").output().expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown flag --nope"));
}
