//! rust-threads: std threads and crossbeam-channel's bounded channel.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::Instant;

use crossbeam_channel::bounded;

use crate::event::{lines, Aggregate};
use crate::{rss, IdleReport};

/// One pipeline iteration: this thread reads lines into a queue of `capacity`; `workers`
/// scoped threads decode, validate and aggregate them; their partial maps are merged.
pub fn pipeline(input: &[u8], workers: usize, capacity: usize) -> Aggregate {
    // Lines go through the queue as slices of the input: Go and C++ also pass views of
    // their one copy of it.
    let (tx, rx) = bounded::<&[u8]>(capacity);
    thread::scope(|s| {
        let pool: Vec<_> = (0..workers)
            .map(|_| {
                let rx = rx.clone();
                s.spawn(move || {
                    let mut partial = Aggregate::default();
                    for line in rx {
                        partial.add_line(line);
                    }
                    partial
                })
            })
            .collect();
        drop(rx);
        for range in lines(input) {
            // Fails only when every worker has died; joining them reports why.
            if tx.send(&input[range]).is_err() {
                break;
            }
        }
        drop(tx);
        let mut total = Aggregate::default();
        for worker in pool {
            let partial = worker
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            total.merge(partial);
        }
        total
    })
}

/// One idle-tasks iteration with OS threads, each blocked on a channel of its own.
pub fn idle(count: usize) -> Result<IdleReport, String> {
    let rss_before_bytes = rss::current_bytes()?;
    let start = Instant::now();
    let parked = Arc::new(AtomicUsize::new(0));
    let (all_parked_tx, all_parked) = bounded::<()>(1);
    let mut releases = Vec::with_capacity(count);
    let mut threads = Vec::with_capacity(count);
    for i in 0..count {
        let (release, released) = bounded::<()>(1);
        let parked = Arc::clone(&parked);
        let all_parked_tx = all_parked_tx.clone();
        let spawned = thread::Builder::new().spawn(move || {
            if parked.fetch_add(1, Ordering::AcqRel) + 1 == count {
                let _ = all_parked_tx.send(());
            }
            released.recv().is_ok()
        });
        match spawned {
            Ok(handle) => threads.push(handle),
            Err(e) => {
                // Dropping the senders wakes every parked thread with an error.
                drop(releases);
                for t in threads {
                    let _ = t.join();
                }
                return Err(format!("cannot start thread {} of {count}: {e}", i + 1));
            }
        }
        releases.push(release);
    }
    // Only the threads hold senders now, so a thread that dies unparked ends the wait.
    drop(all_parked_tx);
    all_parked
        .recv()
        .map_err(|_| "a thread exited before parking".to_string())?;
    let elapsed = start.elapsed();
    let rss_after_bytes = rss::current_bytes()?;
    for release in &releases {
        let _ = release.send(());
    }
    let completed = threads
        .into_iter()
        .map(|t| t.join())
        .filter(|joined| matches!(joined, Ok(true)))
        .count();
    Ok(IdleReport {
        elapsed,
        rss_before_bytes,
        rss_after_bytes,
        count: count as u64,
        completed: completed as u64,
    })
}
