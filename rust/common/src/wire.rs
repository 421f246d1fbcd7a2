//! A minimal blocking HTTP/1.1 client that sends a vector to a real listener.
//!
//! In-process tests (axum's `oneshot`, actix's `test::call_service`) never reach the
//! connection layer, which is where hyper and actix-http add `Date`; so vectors that
//! check `Date` (http-plaintext) run over a socket with this client. It sends one
//! request per connection with `Connection: close` and reads the response to the end
//! of its framing (Content-Length, chunked, or end of stream).

use crate::vectors::Vector;
use std::io::{BufRead, BufReader, Write};
use std::net::{Shutdown, SocketAddr, TcpStream};
use std::time::Duration;

/// A response as read from the wire.
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

/// The request bytes for a vector (Host, Content-Length and `Connection: close` added).
pub fn request_bytes(v: &Vector, host: &str) -> Vec<u8> {
    let mut head = format!("{} {} HTTP/1.1\r\nHost: {host}\r\n", v.method, v.path);
    for (name, value) in &v.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    if !v.body.is_empty() || matches!(v.method.as_str(), "POST" | "PUT" | "PATCH") {
        head.push_str(&format!("Content-Length: {}\r\n", v.body.len()));
    }
    head.push_str("Connection: close\r\n\r\n");
    let mut bytes = head.into_bytes();
    bytes.extend_from_slice(&v.body);
    bytes
}

/// Sends a vector's request to `addr` and reads the response.
pub fn send(addr: SocketAddr, v: &Vector) -> Result<Response, String> {
    let stream = TcpStream::connect(addr).map_err(|e| format!("connect {addr}: {e}"))?;
    let timeout = Some(Duration::from_secs(10));
    stream
        .set_read_timeout(timeout)
        .map_err(|e| e.to_string())?;
    stream
        .set_write_timeout(timeout)
        .map_err(|e| e.to_string())?;
    let request = request_bytes(v, &addr.to_string());
    // Written from another thread: a server may answer (413) before reading the whole
    // body, and the response must still be read while the write is blocked or failing.
    let mut writer = stream.try_clone().map_err(|e| e.to_string())?;
    // No half-close after the request: hyper (without http1_half_close) treats a read
    // EOF as the client going away and drops the connection before answering.
    let write =
        std::thread::spawn(move || writer.write_all(&request).and_then(|()| writer.flush()));
    let response = read_response(&mut BufReader::new(&stream));
    // Unblocks a writer still pushing a body the server will not read.
    let _ = stream.shutdown(Shutdown::Both);
    let written = write.join().expect("writer thread");
    match (response, written) {
        // The write error (e.g. EPIPE) is only interesting when no response came back.
        (Err(e), Err(we)) => Err(format!("{e}; write: {we}")),
        (response, _) => response,
    }
}

fn read_line(r: &mut impl BufRead) -> Result<String, String> {
    let mut line = Vec::new();
    r.read_until(b'\n', &mut line)
        .map_err(|e| format!("read: {e}"))?;
    if !line.ends_with(b"\n") {
        return Err(format!(
            "connection closed mid-line after {:?}",
            String::from_utf8_lossy(&line)
        ));
    }
    while matches!(line.last(), Some(b'\n' | b'\r')) {
        line.pop();
    }
    String::from_utf8(line).map_err(|e| format!("non-UTF-8 header line: {e}"))
}

/// Reads one response: status line, headers, and a body framed by Content-Length,
/// chunked transfer coding, or the end of the stream.
pub fn read_response(r: &mut impl BufRead) -> Result<Response, String> {
    let status_line = read_line(r)?;
    let mut parts = status_line.splitn(3, ' ');
    let (version, code) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    if !version.starts_with("HTTP/1.") {
        return Err(format!("bad status line {status_line:?}"));
    }
    let status: u16 = code
        .parse()
        .map_err(|_| format!("bad status line {status_line:?}"))?;
    let mut headers = Vec::new();
    loop {
        let line = read_line(r)?;
        if line.is_empty() {
            break;
        }
        let (name, value) = line
            .split_once(':')
            .ok_or_else(|| format!("bad header line {line:?}"))?;
        headers.push((name.trim().to_string(), value.trim().to_string()));
    }
    let header = |name: &str| {
        headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.clone())
    };
    let mut body = Vec::new();
    let chunked =
        header("transfer-encoding").is_some_and(|te| te.to_ascii_lowercase().contains("chunked"));
    if status < 200 || status == 204 || status == 304 {
        // No body.
    } else if chunked {
        loop {
            let size_line = read_line(r)?;
            let size = size_line.split(';').next().unwrap_or("").trim();
            let size = usize::from_str_radix(size, 16)
                .map_err(|_| format!("bad chunk size {size_line:?}"))?;
            if size == 0 {
                while !read_line(r)?.is_empty() {}
                break;
            }
            let start = body.len();
            body.resize(start + size, 0);
            r.read_exact(&mut body[start..])
                .map_err(|e| format!("chunk: {e}"))?;
            if !read_line(r)?.is_empty() {
                return Err("chunk not followed by CRLF".into());
            }
        }
    } else if let Some(len) = header("content-length") {
        let len: usize = len
            .parse()
            .map_err(|_| format!("bad Content-Length {len:?}"))?;
        body.resize(len, 0);
        r.read_exact(&mut body).map_err(|e| format!("body: {e}"))?;
    } else {
        r.read_to_end(&mut body).map_err(|e| format!("body: {e}"))?;
    }
    Ok(Response {
        status,
        headers,
        body,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8]) -> Result<Response, String> {
        read_response(&mut &bytes[..])
    }

    #[test]
    fn content_length_body() {
        let r =
            read(b"HTTP/1.1 200 OK\r\nServer: x\r\nContent-Length: 5\r\n\r\nhelloEXTRA").unwrap();
        assert_eq!(r.status, 200);
        assert_eq!(r.body, b"hello");
        assert_eq!(r.headers[0], ("Server".to_string(), "x".to_string()));
    }

    #[test]
    fn chunked_body() {
        let r = read(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nHello\r\n8;x=y\r\n, World!\r\n0\r\n\r\n")
            .unwrap();
        assert_eq!(r.body, b"Hello, World!");
    }

    #[test]
    fn close_delimited_and_empty() {
        assert_eq!(read(b"HTTP/1.0 200 OK\r\n\r\nabc").unwrap().body, b"abc");
        assert!(
            read(b"HTTP/1.1 405 Method Not Allowed\r\nAllow: POST\r\n\r\n")
                .unwrap()
                .body
                .is_empty()
        );
    }

    #[test]
    fn malformed() {
        assert!(read(b"").is_err());
        assert!(read(b"SSH-2.0\r\n\r\n").is_err());
        assert!(read(b"HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nshort").is_err());
        assert!(read(b"HTTP/1.1 200 OK\r\nno-colon\r\n\r\n").is_err());
    }

    #[test]
    fn request_framing() {
        let v = crate::vectors::parse(
            "[[vector]]\nname='x'\nmethod='POST'\npath='/items'\n\
             headers={'Content-Type'='application/json'}\nbody=''\n[vector.expect]\nstatus=400\n",
        )
        .unwrap()
        .remove(0);
        let text = String::from_utf8(request_bytes(&v, "h:1")).unwrap();
        assert_eq!(
            text,
            "POST /items HTTP/1.1\r\nHost: h:1\r\nContent-Type: application/json\r\n\
             Content-Length: 0\r\nConnection: close\r\n\r\n"
        );
    }
}
