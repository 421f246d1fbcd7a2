//! One pipeline event: split the input into lines, decode and validate a line, and
//! aggregate valid events per user.

use std::collections::HashMap;
use std::ops::Range;

use serde::Deserialize;

#[derive(Deserialize)]
#[serde(rename_all = "lowercase")]
enum Kind {
    View,
    Click,
    Cart,
    Buy,
}

/// The fields validation reads; a line where one is missing or of another type does not
/// decode, and is invalid. An unknown `kind` fails to decode as well.
#[derive(Deserialize)]
struct Event {
    user: String,
    #[allow(dead_code)] // decoded to validate it, never read
    kind: Kind,
    value: i64,
    ts: i64,
}

/// The user and value of a valid event, or `None` for an invalid line.
pub fn decode_valid(line: &[u8]) -> Option<(String, u64)> {
    // serde's derived decoder also takes a JSON array of the fields in order; an event
    // must be an object.
    if line.trim_ascii_start().first() != Some(&b'{') {
        return None;
    }
    let e: Event = serde_json::from_slice(line).ok()?;
    let valid = !e.user.is_empty() && (0..=1_000_000_000).contains(&e.value) && e.ts > 0;
    valid.then_some((e.user, e.value as u64))
}

/// The byte ranges of the input's lines, without their `\n`; a final `\n` does not start
/// another line.
pub fn lines(input: &[u8]) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= input.len() {
            return None;
        }
        let end = memchr::memchr(b'\n', &input[start..]).map_or(input.len(), |i| start + i);
        let line = start..end;
        start = end + 1;
        Some(line)
    })
}

/// One user's valid events.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    pub count: u64,
    pub value_sum: u64,
}

/// A worker's partial result, or the merge of all of them.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Aggregate {
    pub lines: u64,
    pub valid: u64,
    pub users: HashMap<String, Tally>,
}

impl Aggregate {
    pub fn add_line(&mut self, line: &[u8]) {
        self.lines += 1;
        if let Some((user, value)) = decode_valid(line) {
            self.valid += 1;
            let tally = self.users.entry(user).or_default();
            tally.count += 1;
            tally.value_sum = tally.value_sum.wrapping_add(value);
        }
    }

    pub fn merge(&mut self, other: Aggregate) {
        self.lines += other.lines;
        self.valid += other.valid;
        for (user, t) in other.users {
            let tally = self.users.entry(user).or_default();
            tally.count += t.count;
            tally.value_sum = tally.value_sum.wrapping_add(t.value_sum);
        }
    }

    pub fn checksum(&self) -> String {
        let (mut value_sum, mut user_hash) = (0u64, 0u64);
        for (user, t) in &self.users {
            value_sum = value_sum.wrapping_add(t.value_sum);
            user_hash = user_hash.wrapping_add(fnv1a_64(user.as_bytes()).wrapping_mul(t.count));
        }
        format!(
            "valid={} invalid={} users={} value_sum={value_sum} user_hash={user_hash}",
            self.valid,
            self.lines - self.valid,
            self.users.len()
        )
    }
}

pub fn fnv1a_64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_64_reference_values() {
        // From the FNV reference test suite (draft-eastlake-fnv).
        assert_eq!(fnv1a_64(b""), 0xcbf29ce484222325);
        assert_eq!(fnv1a_64(b"a"), 0xaf63dc4c8601ec8c);
        assert_eq!(fnv1a_64(b"foobar"), 0x85944171f73967e8);
    }

    #[test]
    fn validation_rules() {
        let ok = |l: &str| decode_valid(l.as_bytes());
        let base = r#"{"id":1,"user":"user-00001","kind":"view","value":5,"ts":9}"#;
        assert_eq!(ok(base), Some(("user-00001".into(), 5)));
        assert_eq!(
            ok(r#" {"ts":1,"value":1000000000,"kind":"buy","user":"u","extra":[1,{}]}"#),
            Some(("u".into(), 1_000_000_000))
        );
        assert_eq!(
            ok(r#"{"user":"u","kind":"cart","value":0,"ts":1}"#),
            Some(("u".into(), 0))
        );
        for bad in [
            r#"{"id":1,"kind":"view","value":5,"ts":9}"#,
            r#"{"id":1,"user":"","kind":"view","value":5,"ts":9}"#,
            r#"{"id":1,"user":null,"kind":"view","value":5,"ts":9}"#,
            r#"{"id":1,"user":"u","kind":"View","value":5,"ts":9}"#,
            r#"{"id":1,"user":"u","kind":"like","value":5,"ts":9}"#,
            r#"{"id":1,"user":"u","kind":"view","value":-1,"ts":9}"#,
            r#"{"id":1,"user":"u","kind":"view","value":1000000001,"ts":9}"#,
            r#"{"id":1,"user":"u","kind":"view","value":"5","ts":9}"#,
            r#"{"id":1,"user":"u","kind":"view","value":5.0,"ts":9}"#,
            r#"{"id":1,"user":"u","kind":"view","value":5,"ts":0}"#,
            r#"{"id":1,"user":"u","kind":"view","value":5}"#,
            r#"{"id":1,"user":"u","kind":"view","value":5,"ts":9"#,
            r#"["u","view",5,9]"#,
            "",
        ] {
            assert_eq!(ok(bad), None, "{bad}");
        }
    }

    #[test]
    fn lines_split_like_a_line_scanner() {
        fn collect(s: &str) -> Vec<&str> {
            lines(s.as_bytes()).map(|r| &s[r]).collect()
        }
        assert_eq!(collect(""), Vec::<&str>::new());
        assert_eq!(collect("a\nb\n"), ["a", "b"]);
        assert_eq!(collect("a\nb"), ["a", "b"]);
        assert_eq!(collect("a\n\nb\n"), ["a", "", "b"]);
        assert_eq!(collect("\n"), [""]);
    }

    #[test]
    fn merge_adds_partials() {
        let mut a = Aggregate::default();
        a.add_line(br#"{"user":"x","kind":"view","value":2,"ts":1}"#);
        a.add_line(b"garbage");
        let mut b = Aggregate::default();
        b.add_line(br#"{"user":"x","kind":"buy","value":3,"ts":1}"#);
        b.add_line(br#"{"user":"y","kind":"buy","value":4,"ts":1}"#);
        a.merge(b);
        let hash = fnv1a_64(b"x").wrapping_mul(2).wrapping_add(fnv1a_64(b"y"));
        assert_eq!(
            a.checksum(),
            format!("valid=3 invalid=1 users=2 value_sum=9 user_hash={hash}")
        );
    }
}
