//! The json-parse workload (workloads/json-parse/README.md) with serde_json: each task
//! parses the whole document and computes its checksum from what was parsed.

pub mod catalog;
pub mod dom;
pub mod geo;
pub mod tweets;

/// One task's whole iteration: parse `input`, walk the result, return the checksum.
pub type Checksum = fn(&[u8]) -> serde_json::Result<String>;

/// The task names and their iterations.
pub const TASKS: &[(&str, Checksum)] = &[
    ("tweets-typed", tweets::checksum),
    ("tweets-dom", dom::checksum),
    ("geo-typed", geo::checksum),
    ("geo-dom", dom::checksum),
    ("catalog-typed", catalog::checksum),
    ("catalog-dom", dom::checksum),
];

/// Adds a JSON INT as the spec's two's-complement u64 (a negative v adds 2^64 - |v|).
pub(crate) fn int(v: i64) -> u64 {
    v as u64
}

/// `len(s)`: the UTF-8 length of the unescaped string.
pub(crate) fn len(s: &str) -> u64 {
    s.len() as u64
}
