//! claimbench-cpubound: the batch runner of the cpu-bound workload (implementation rust-cpu).

use std::process::ExitCode;

use claimbench_batch::{Error, Iteration, Options, Task, TaskSpec};
use claimbench_cpubound::{nbody, spectral_norm};

const TASKS: &[TaskSpec] = &[
    TaskSpec {
        name: "nbody",
        takes_input: false,
        params: &["steps"],
    },
    TaskSpec {
        name: "spectral-norm",
        takes_input: false,
        params: &["n"],
    },
];

struct NBody {
    steps: u64,
}

impl Task for NBody {
    fn iterate(&mut self) -> Result<Iteration, Error> {
        Ok(Iteration::new(nbody::checksum(self.steps)))
    }
}

struct SpectralNorm {
    n: usize,
}

impl Task for SpectralNorm {
    fn iterate(&mut self) -> Result<Iteration, Error> {
        Ok(Iteration::new(spectral_norm::checksum(self.n)))
    }
}

fn setup(options: &Options, _input: Vec<u8>) -> Result<Box<dyn Task>, Error> {
    if options.task == "nbody" {
        return Ok(Box::new(NBody {
            steps: options.required_param("steps")?,
        }));
    }
    let n: usize = options.required_param("n")?;
    if n == 0 {
        return Err(Error::Usage("--param n must be at least 1".into()));
    }
    Ok(Box::new(SpectralNorm { n }))
}

fn main() -> ExitCode {
    claimbench_batch::main(TASKS, setup)
}
