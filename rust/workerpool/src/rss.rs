//! The process's own resident set size, from /proc/self/status.

/// VmRSS in bytes.
pub fn current_bytes() -> Result<u64, String> {
    let status = std::fs::read_to_string("/proc/self/status")
        .map_err(|e| format!("reading /proc/self/status: {e}"))?;
    vm_rss_bytes(&status).ok_or_else(|| "no VmRSS line in /proc/self/status".to_string())
}

fn vm_rss_bytes(status: &str) -> Option<u64> {
    let line = status.lines().find_map(|l| l.strip_prefix("VmRSS:"))?;
    let kib: u64 = line.trim().strip_suffix("kB")?.trim().parse().ok()?;
    Some(kib * 1024)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_kernel_format() {
        let status = "Name:\tx\nVmHWM:\t    9000 kB\nVmRSS:\t    1234 kB\nThreads:\t1\n";
        assert_eq!(vm_rss_bytes(status), Some(1234 * 1024));
        assert_eq!(vm_rss_bytes("Name:\tx\n"), None);
    }

    #[test]
    fn reads_this_process() {
        assert!(current_bytes().unwrap() > 0);
    }
}
