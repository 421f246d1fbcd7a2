//! JSON values for the vector checker, with numbers parsed exactly as IEEE-754 doubles.
//!
//! serde_json without its `float_roundtrip` feature may parse a number 1 ULP off
//! (it reads 1.8999999999999998e-08 as 1.9e-8), which would let the checker accept a
//! wrong tax. Enabling that feature here would, through cargo's feature unification,
//! also change the parser of the server under test; so numbers go through std's
//! correctly rounded `f64::from_str` instead, and serde_json only validates syntax
//! and decodes strings.

use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(BTreeMap<String, Json>),
}

impl std::fmt::Display for Json {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Json::Null => f.write_str("null"),
            Json::Bool(b) => write!(f, "{b}"),
            // Debug prints the shortest text that reads back as the same double.
            Json::Num(n) => write!(f, "{n:?}"),
            Json::Str(s) => write!(f, "{s:?}"),
            Json::Arr(items) => {
                let items: Vec<String> = items.iter().map(ToString::to_string).collect();
                write!(f, "[{}]", items.join(","))
            }
            Json::Obj(map) => {
                let fields: Vec<String> = map.iter().map(|(k, v)| format!("{k:?}:{v}")).collect();
                write!(f, "{{{}}}", fields.join(","))
            }
        }
    }
}

/// Parses one JSON document (surrounding whitespace allowed, nothing else).
pub fn parse(bytes: &[u8]) -> Result<Json, String> {
    serde_json::from_slice::<serde::de::IgnoredAny>(bytes).map_err(|e| e.to_string())?;
    let text = std::str::from_utf8(bytes).map_err(|e| e.to_string())?;
    Reader { s: text, i: 0 }.value()
}

// Only ever sees text serde_json has accepted, so it checks no grammar itself.
struct Reader<'a> {
    s: &'a str,
    i: usize,
}

impl Reader<'_> {
    fn peek(&mut self) -> u8 {
        let b = self.s.as_bytes();
        while matches!(b[self.i], b' ' | b'\n' | b'\r' | b'\t' | b',' | b':') {
            self.i += 1;
        }
        b[self.i]
    }

    fn take(&mut self, pred: impl Fn(u8) -> bool) -> &str {
        let start = self.i;
        while self.s.as_bytes().get(self.i).is_some_and(|&c| pred(c)) {
            self.i += 1;
        }
        &self.s[start..self.i]
    }

    fn string(&mut self) -> Result<String, String> {
        let (b, start) = (self.s.as_bytes(), self.i);
        self.i += 1;
        while b[self.i] != b'"' {
            self.i += if b[self.i] == b'\\' { 2 } else { 1 };
        }
        self.i += 1;
        serde_json::from_str(&self.s[start..self.i]).map_err(|e| e.to_string())
    }

    fn value(&mut self) -> Result<Json, String> {
        Ok(match self.peek() {
            b'{' => {
                self.i += 1;
                let mut map = BTreeMap::new();
                while self.peek() != b'}' {
                    let key = self.string()?;
                    self.peek();
                    map.insert(key, self.value()?);
                }
                self.i += 1;
                Json::Obj(map)
            }
            b'[' => {
                self.i += 1;
                let mut items = Vec::new();
                while self.peek() != b']' {
                    items.push(self.value()?);
                }
                self.i += 1;
                Json::Arr(items)
            }
            b'"' => Json::Str(self.string()?),
            b'-' | b'0'..=b'9' => {
                let num =
                    self.take(|c| matches!(c, b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9'));
                Json::Num(num.parse().map_err(|e| format!("number {num:?}: {e}"))?)
            }
            _ => match self.take(|c| c.is_ascii_alphabetic()) {
                "true" => Json::Bool(true),
                "false" => Json::Bool(false),
                _ => Json::Null,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_exact_doubles() {
        let n = |s: &str| parse(s.as_bytes()).unwrap();
        assert_eq!(n("1.8999999999999998e-08"), Json::Num(1e-7 * 0.19));
        assert_ne!(n("1.8999999999999998e-08"), n("1.9e-8"));
        assert_eq!(n("19"), n("19.0"));
        assert_eq!(n("4.75e19"), n("4.75E+19"));
    }

    #[test]
    fn structure() {
        let v = parse(br#" {"b":[1,{"c":null}],"a":"\u00e9\"x","t":true,"f":false} "#).unwrap();
        let mut obj = BTreeMap::new();
        obj.insert("c".to_string(), Json::Null);
        let mut want = BTreeMap::new();
        want.insert("a".into(), Json::Str("é\"x".into()));
        want.insert("b".into(), Json::Arr(vec![Json::Num(1.0), Json::Obj(obj)]));
        want.insert("t".into(), Json::Bool(true));
        want.insert("f".into(), Json::Bool(false));
        assert_eq!(v, Json::Obj(want));
        assert_eq!(parse(b"[]").unwrap(), Json::Arr(vec![]));
    }

    #[test]
    fn rejects_invalid_json() {
        for bad in [&b""[..], b"{", b"{} x", b"01", b"[1,]", b"\"\xff\"", b"nul"] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
    }
}
