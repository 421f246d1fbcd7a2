//! claimbench-regex: the batch runner of the regex workload (implementation rust-regex).

use std::process::ExitCode;
use std::time::{Duration, Instant};

use claimbench_batch::{Error, Iteration, Options, Task, TaskSpec};
use claimbench_regex::{count, count_captures};
use regex::Regex;

const TASKS: &[TaskSpec] = &[TaskSpec {
    name: "count",
    takes_input: true,
    params: &["pattern", "captures"],
}];

/// The README's number of compile lines per run.
const COMPILE_RUNS: usize = 10;

struct Count {
    pattern: String,
    re: Regex,
    haystack: String,
    captures: bool,
}

impl Task for Count {
    fn compile(&mut self) -> Result<Vec<Duration>, Error> {
        let mut times = Vec::with_capacity(COMPILE_RUNS);
        for _ in 0..COMPILE_RUNS {
            let start = Instant::now();
            let re = Regex::new(&self.pattern).map_err(|e| Error::Failure(e.to_string()))?;
            times.push(start.elapsed());
            drop(std::hint::black_box(re));
        }
        Ok(times)
    }

    fn iterate(&mut self) -> Result<Iteration, Error> {
        let counts = if self.captures {
            count_captures(&self.re, &self.haystack)
        } else {
            count(&self.re, &self.haystack)
        };
        Ok(Iteration::new(counts.checksum()))
    }
}

fn setup(options: &Options, input: Vec<u8>) -> Result<Box<dyn Task>, Error> {
    let pattern: String = options.required_param("pattern")?;
    let captures = options.param_or("captures", false)?;
    let re = Regex::new(&pattern).map_err(|e| Error::Usage(format!("--param pattern: {e}")))?;
    // `find_iter` on &str is the README's contract, so the haystack must be UTF-8.
    let haystack = String::from_utf8(input)
        .map_err(|e| Error::Failure(format!("the haystack is not UTF-8: {e}")))?;
    Ok(Box::new(Count {
        pattern,
        re,
        haystack,
        captures,
    }))
}

fn main() -> ExitCode {
    claimbench_batch::main(TASKS, setup)
}
