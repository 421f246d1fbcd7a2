//! The regex workload's `count` task (workloads/regex/README.md): every non-overlapping
//! leftmost-first match of one pattern in a UTF-8 haystack.

use regex::Regex;

/// Totals over one pass; every sum wraps as the protocol requires.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub matches: u64,
    /// Sum of the matches' lengths in bytes.
    pub match_bytes: u64,
    /// Sum of the lengths in bytes of every participating group but group 0;
    /// `None` when the groups were not read.
    pub group_bytes: Option<u64>,
}

impl Counts {
    pub fn checksum(&self) -> String {
        let mut s = format!("matches={} match_bytes={}", self.matches, self.match_bytes);
        if let Some(g) = self.group_bytes {
            s.push_str(&format!(" group_bytes={g}"));
        }
        s
    }
}

/// Counts matches with `find_iter`, which reports no groups (the engine may skip them).
pub fn count(re: &Regex, haystack: &str) -> Counts {
    let mut c = Counts::default();
    for m in re.find_iter(haystack) {
        c.matches = c.matches.wrapping_add(1);
        c.match_bytes = c.match_bytes.wrapping_add(m.len() as u64);
    }
    c
}

/// Counts matches with `captures_iter` and reads every group of every match.
pub fn count_captures(re: &Regex, haystack: &str) -> Counts {
    let mut c = Counts::default();
    let mut group_bytes = 0u64;
    for caps in re.captures_iter(haystack) {
        c.matches = c.matches.wrapping_add(1);
        c.match_bytes = c.match_bytes.wrapping_add(caps.get_match().len() as u64);
        for g in caps.iter().skip(1).flatten() {
            group_bytes = group_bytes.wrapping_add(g.len() as u64);
        }
    }
    c.group_bytes = Some(group_bytes);
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_matches_and_bytes() {
        let re = Regex::new("ab+").unwrap();
        let c = count(&re, "ab abbb xab é ab");
        assert_eq!(c.checksum(), "matches=4 match_bytes=10");
    }

    #[test]
    fn optional_group_that_does_not_participate_adds_nothing() {
        let re = Regex::new("x(y)?(z)").unwrap();
        let c = count_captures(&re, "xz xyz xyz");
        assert_eq!(c.checksum(), "matches=3 match_bytes=8 group_bytes=5");
    }

    #[test]
    fn unicode_scripts_match_whole_code_points() {
        let re = Regex::new(r"\p{Greek}+|\p{Cyrillic}+").unwrap();
        // "λόγος" is 5 chars, 10 bytes; "слово" 5 chars, 10 bytes.
        let c = count(&re, "a λόγος b слово c");
        assert_eq!(c.checksum(), "matches=2 match_bytes=20");
    }
}
