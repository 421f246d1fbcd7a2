//! The worker-pool workload (workloads/worker-pool/README.md): an event pipeline over a
//! fixed pool of workers, and the memory cost of idle tasks, on two runtimes.

pub mod event;
pub mod rss;
pub mod threads;
pub mod tokio_pool;

use std::time::Duration;

/// What one idle-tasks iteration observed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IdleReport {
    /// From before the first start to the moment all tasks were parked.
    pub elapsed: Duration,
    /// Resident set (VmRSS) before starting the tasks, bytes.
    pub rss_before_bytes: u64,
    /// Resident set with every task parked, bytes.
    pub rss_after_bytes: u64,
    /// Tasks started.
    pub count: u64,
    /// Tasks that were released and ran to completion.
    pub completed: u64,
}

impl IdleReport {
    pub fn checksum(&self) -> String {
        format!("tasks={}", self.completed)
    }

    /// (after - before) / count, truncated toward zero; negative when the allocator
    /// returned more memory than the tasks took.
    pub fn bytes_per_task(&self) -> i64 {
        (self.rss_after_bytes as i64 - self.rss_before_bytes as i64) / self.count.max(1) as i64
    }
}
