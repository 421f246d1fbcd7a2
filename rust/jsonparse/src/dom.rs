//! The `*-dom` tasks: parse into `serde_json::Value` and walk the whole tree.

use serde_json::Value;

/// Counts over the whole tree; sums wrap.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct DomCounts {
    pub objects: u64,
    pub arrays: u64,
    pub keys: u64,
    pub key_bytes: u64,
    pub strings: u64,
    pub string_bytes: u64,
    pub ints: u64,
    pub int_sum: u64,
    pub floats: u64,
    pub float_bits: u64,
    pub trues: u64,
    pub falses: u64,
    pub nulls: u64,
}

impl DomCounts {
    fn walk(&mut self, v: &Value) {
        match v {
            Value::Null => self.nulls += 1,
            Value::Bool(true) => self.trues += 1,
            Value::Bool(false) => self.falses += 1,
            // serde_json keeps integer literals as u64 or i64 and everything with a
            // fraction or exponent as f64, which is the spec's int/float split, except
            // for `-0` and integers outside i64/u64, which it reads as f64 (the corpora
            // have neither).
            Value::Number(n) => {
                if let Some(u) = n.as_u64() {
                    self.ints += 1;
                    self.int_sum = self.int_sum.wrapping_add(u);
                } else if let Some(i) = n.as_i64() {
                    self.ints += 1;
                    self.int_sum = self.int_sum.wrapping_add(crate::int(i));
                } else {
                    let x = n.as_f64().unwrap_or(f64::NAN);
                    self.floats += 1;
                    self.float_bits = self.float_bits.wrapping_add(x.to_bits());
                }
            }
            Value::String(s) => {
                self.strings += 1;
                self.string_bytes = self.string_bytes.wrapping_add(crate::len(s));
            }
            Value::Array(items) => {
                self.arrays += 1;
                for item in items {
                    self.walk(item);
                }
            }
            Value::Object(members) => {
                self.objects += 1;
                for (key, value) in members {
                    self.keys += 1;
                    self.key_bytes = self.key_bytes.wrapping_add(crate::len(key));
                    self.walk(value);
                }
            }
        }
    }

    pub fn of(v: &Value) -> Self {
        let mut counts = Self::default();
        counts.walk(v);
        counts
    }
}

impl std::fmt::Display for DomCounts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "objects={} arrays={} keys={} key_bytes={} strings={} string_bytes={} ints={} \
             int_sum={} floats={} float_bits={} true={} false={} null={}",
            self.objects,
            self.arrays,
            self.keys,
            self.key_bytes,
            self.strings,
            self.string_bytes,
            self.ints,
            self.int_sum,
            self.floats,
            self.float_bits,
            self.trues,
            self.falses,
            self.nulls
        )
    }
}

pub fn checksum(input: &[u8]) -> serde_json::Result<String> {
    let doc: Value = serde_json::from_slice(input)?;
    Ok(DomCounts::of(&doc).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_every_kind() {
        let doc = br#"{"a":[1,-2,3.5,"xy",true,false,null,{}],"\u00e9":"\ud83d\ude00"}"#;
        assert_eq!(
            checksum(doc).unwrap(),
            format!(
                "objects=2 arrays=1 keys=2 key_bytes=3 strings=2 string_bytes=6 ints=2 \
                 int_sum=18446744073709551615 floats=1 float_bits={} true=1 false=1 null=1",
                3.5f64.to_bits()
            )
        );
    }

    #[test]
    fn integer_literals_above_i64_are_ints() {
        let doc = b"[18446744073709551615,1.0,1e0]";
        assert_eq!(
            checksum(doc).unwrap(),
            format!(
                "objects=0 arrays=1 keys=0 key_bytes=0 strings=0 string_bytes=0 ints=1 \
                 int_sum=18446744073709551615 floats=2 float_bits={} true=0 false=0 null=0",
                2 * 1.0f64.to_bits()
            )
        );
    }
}
