//! rust-tokio: tokio tasks on a multi-thread runtime, tokio::sync::mpsc bounded channels.

use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Instant;

use tokio::runtime::Runtime;
use tokio::sync::{mpsc, oneshot, Notify};
use tokio::task::JoinHandle;

use crate::event::{lines, Aggregate};
use crate::{rss, IdleReport};

async fn join<T>(task: JoinHandle<T>) -> T {
    task.await
        .unwrap_or_else(|e| std::panic::resume_unwind(e.into_panic()))
}

/// One pipeline iteration: a reader task deals lines round-robin to `workers` worker
/// tasks, each behind a bounded channel of `capacity` (tokio's mpsc has one receiver per
/// channel); the workers' partial maps are merged.
pub fn pipeline(rt: &Runtime, input: &Arc<[u8]>, workers: usize, capacity: usize) -> Aggregate {
    rt.block_on(async {
        let mut queues = Vec::with_capacity(workers);
        let mut pool = Vec::with_capacity(workers);
        for _ in 0..workers {
            // Tasks must own what they hold, so messages are ranges into the shared input
            // rather than borrowed slices.
            let (tx, mut rx) = mpsc::channel::<Range<usize>>(capacity);
            let input = Arc::clone(input);
            pool.push(tokio::spawn(async move {
                let mut partial = Aggregate::default();
                while let Some(line) = rx.recv().await {
                    partial.add_line(&input[line]);
                }
                partial
            }));
            queues.push(tx);
        }
        let text = Arc::clone(input);
        let reader = tokio::spawn(async move {
            for (i, line) in lines(&text).enumerate() {
                // Fails only when that worker has died; joining it reports why.
                if queues[i % queues.len()].send(line).await.is_err() {
                    break;
                }
            }
        });
        join(reader).await;
        let mut total = Aggregate::default();
        for worker in pool {
            total.merge(join(worker).await);
        }
        total
    })
}

/// One idle-tasks iteration: `count` tasks, each awaiting a oneshot of its own.
pub fn idle(rt: &Runtime, count: usize) -> Result<IdleReport, String> {
    rt.block_on(async {
        let rss_before_bytes = rss::current_bytes()?;
        let start = Instant::now();
        let parked = Arc::new(AtomicUsize::new(0));
        let all_parked = Arc::new(Notify::new());
        let mut releases = Vec::with_capacity(count);
        let mut tasks = Vec::with_capacity(count);
        for _ in 0..count {
            let (release, released) = oneshot::channel::<()>();
            let parked = Arc::clone(&parked);
            let all_parked = Arc::clone(&all_parked);
            tasks.push(tokio::spawn(async move {
                // Counted in the same poll that parks the task on `released`.
                if parked.fetch_add(1, Ordering::AcqRel) + 1 == count {
                    all_parked.notify_one();
                }
                released.await.is_ok()
            }));
            releases.push(release);
        }
        // notify_one stores a permit when nobody waits yet, so this cannot miss it.
        all_parked.notified().await;
        let elapsed = start.elapsed();
        let rss_after_bytes = rss::current_bytes()?;
        for release in releases {
            let _ = release.send(());
        }
        let mut completed = 0u64;
        for task in tasks {
            completed += u64::from(join(task).await);
        }
        Ok(IdleReport {
            elapsed,
            rss_before_bytes,
            rss_after_bytes,
            count: count as u64,
            completed,
        })
    })
}
