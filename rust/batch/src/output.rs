//! The runner's stdout: one JSON object per line, flushed after each line, so the harness
//! sees every iteration as it finishes (and a crash loses nothing already reported).

use std::fmt::Write as _;
use std::io::{self, Write};

/// Which iterations a line reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Warmup,
    Measure,
}

impl Phase {
    fn name(self) -> &'static str {
        match self {
            Phase::Warmup => "warmup",
            Phase::Measure => "measure",
        }
    }
}

/// Writes the protocol's lines to `out`.
pub struct Emitter<W: Write> {
    out: W,
}

impl<W: Write> Emitter<W> {
    pub fn new(out: W) -> Self {
        Self { out }
    }

    pub fn setup(&mut self, input_bytes: u64, ns: u64) -> io::Result<()> {
        self.line(&format!(
            r#"{{"phase":"setup","input_bytes":{input_bytes},"ns":{ns}}}"#
        ))
    }

    pub fn compile(&mut self, ns: u64) -> io::Result<()> {
        self.line(&format!(r#"{{"phase":"compile","ns":{ns}}}"#))
    }

    /// One iteration; `extra` fields follow `checksum` in the order given.
    pub fn iteration(
        &mut self,
        phase: Phase,
        i: u64,
        ns: u64,
        checksum: &str,
        extra: &[(&str, i64)],
    ) -> io::Result<()> {
        let mut line = format!(
            r#"{{"phase":"{}","i":{i},"ns":{ns},"checksum":"#,
            phase.name()
        );
        push_json_string(&mut line, checksum);
        for (key, value) in extra {
            line.push(',');
            push_json_string(&mut line, key);
            let _ = write!(line, ":{value}");
        }
        line.push('}');
        self.line(&line)
    }

    pub fn done(&mut self) -> io::Result<()> {
        self.line(r#"{"phase":"done"}"#)
    }

    fn line(&mut self, text: &str) -> io::Result<()> {
        self.out.write_all(text.as_bytes())?;
        self.out.write_all(b"\n")?;
        self.out.flush()
    }
}

fn push_json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_json_objects() {
        let mut buf = Vec::new();
        let mut e = Emitter::new(&mut buf);
        e.setup(4194304, 1834000).unwrap();
        e.compile(41200).unwrap();
        e.iteration(Phase::Warmup, 0, 9, "a=1 b=2", &[]).unwrap();
        e.iteration(
            Phase::Measure,
            3,
            10,
            "q\"\\\n",
            &[("rss_before", 5), ("bytes_per_task", -2)],
        )
        .unwrap();
        e.done().unwrap();
        let text = String::from_utf8(buf).unwrap();
        let expected = concat!(
            r#"{"phase":"setup","input_bytes":4194304,"ns":1834000}"#,
            "\n",
            r#"{"phase":"compile","ns":41200}"#,
            "\n",
            r#"{"phase":"warmup","i":0,"ns":9,"checksum":"a=1 b=2"}"#,
            "\n",
            r#"{"phase":"measure","i":3,"ns":10,"checksum":"q\"\\\u000a","rss_before":5,"bytes_per_task":-2}"#,
            "\n",
            r#"{"phase":"done"}"#,
            "\n",
        );
        assert_eq!(text, expected);
        for line in text.lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            assert!(v.is_object());
        }
        let v: serde_json::Value = serde_json::from_str(text.lines().nth(3).unwrap()).unwrap();
        assert_eq!(v["checksum"], "q\"\\\n");
    }
}
