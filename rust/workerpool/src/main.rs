//! claimbench-workerpool: the batch runner of the worker-pool workload. The leading
//! `--runtime threads|tokio` picks the implementation (rust-threads or rust-tokio).

use std::process::ExitCode;
use std::sync::Arc;

use claimbench_batch::{exit_with, take_leading_choice, Error, Iteration, Options, Task, TaskSpec};
use claimbench_workerpool::{threads, tokio_pool, IdleReport};
use tokio::runtime::{Builder, Runtime};

const TASKS: &[TaskSpec] = &[
    TaskSpec {
        name: "pipeline",
        takes_input: true,
        params: &["workers", "capacity"],
    },
    TaskSpec {
        name: "idle-tasks",
        takes_input: false,
        params: &["count"],
    },
];

const DEFAULT_CAPACITY: usize = 1024;
const DEFAULT_TASKS: usize = 100_000;
/// The README's count for OS threads, which are not meant to be spawned by the 100 000.
const DEFAULT_THREADS: usize = 10_000;

/// The runtime and the input as it needs it: scoped threads borrow it, tokio tasks share it.
enum Pipeline {
    Threads(Vec<u8>),
    Tokio(Runtime, Arc<[u8]>),
}

struct PipelineTask {
    pool: Pipeline,
    workers: usize,
    capacity: usize,
}

impl Task for PipelineTask {
    fn iterate(&mut self) -> Result<Iteration, Error> {
        let total = match &self.pool {
            Pipeline::Threads(input) => threads::pipeline(input, self.workers, self.capacity),
            Pipeline::Tokio(rt, input) => {
                tokio_pool::pipeline(rt, input, self.workers, self.capacity)
            }
        };
        Ok(Iteration::new(total.checksum()))
    }
}

struct IdleTask {
    runtime: Option<Runtime>,
    count: usize,
}

impl Task for IdleTask {
    fn iterate(&mut self) -> Result<Iteration, Error> {
        let report: IdleReport = match &self.runtime {
            None => threads::idle(self.count),
            Some(rt) => tokio_pool::idle(rt, self.count),
        }
        .map_err(Error::Failure)?;
        let mut it = Iteration::new(report.checksum());
        it.elapsed = Some(report.elapsed);
        it.extra = vec![
            ("rss_before", report.rss_before_bytes as i64),
            ("rss_after", report.rss_after_bytes as i64),
            ("bytes_per_task", report.bytes_per_task()),
        ];
        Ok(it)
    }
}

fn at_least_one(options: &Options, key: &str, default: usize) -> Result<usize, Error> {
    match options.param_or(key, default)? {
        0 => Err(Error::Usage(format!("--param {key} must be at least 1"))),
        n => Ok(n),
    }
}

fn runtime(workers: Option<usize>) -> Result<Runtime, Error> {
    let mut builder = Builder::new_multi_thread();
    if let Some(n) = workers {
        builder.worker_threads(n);
    }
    builder
        .build()
        .map_err(|e| Error::Failure(format!("cannot start the tokio runtime: {e}")))
}

fn setup(tokio: bool, options: &Options, input: Vec<u8>) -> Result<Box<dyn Task>, Error> {
    if options.task == "idle-tasks" {
        let default = if tokio {
            DEFAULT_TASKS
        } else {
            DEFAULT_THREADS
        };
        let count = at_least_one(options, "count", default)?;
        let runtime = if tokio { Some(runtime(None)?) } else { None };
        return Ok(Box::new(IdleTask { runtime, count }));
    }
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
    let workers = at_least_one(options, "workers", cpus)?;
    let capacity = at_least_one(options, "capacity", DEFAULT_CAPACITY)?;
    let pool = if tokio {
        Pipeline::Tokio(runtime(Some(workers))?, input.into())
    } else {
        Pipeline::Threads(input)
    };
    Ok(Box::new(PipelineTask {
        pool,
        workers,
        capacity,
    }))
}

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    if matches!(args.first().map(String::as_str), Some("-h" | "--help")) {
        return exit_with(Error::Help, TASKS);
    }
    let tokio = match take_leading_choice(&mut args, "--runtime", &["threads", "tokio"]) {
        Ok(runtime) => runtime == "tokio",
        Err(e) => return exit_with(e, TASKS),
    };
    claimbench_batch::main_with_args(args, TASKS, |options, input| setup(tokio, options, input))
}
