//! claimbench-jsonparse: the batch runner of the json-parse workload (rust-serde-json).

use std::process::ExitCode;

use claimbench_batch::{Error, Iteration, Options, Task, TaskSpec};
use claimbench_jsonparse::{Checksum, TASKS};

struct Parse {
    input: Vec<u8>,
    checksum: Checksum,
}

impl Task for Parse {
    fn iterate(&mut self) -> Result<Iteration, Error> {
        let checksum = (self.checksum)(&self.input)
            .map_err(|e| Error::Failure(format!("the input does not parse: {e}")))?;
        Ok(Iteration::new(checksum))
    }
}

fn setup(options: &Options, input: Vec<u8>) -> Result<Box<dyn Task>, Error> {
    let (_, checksum) = TASKS
        .iter()
        .find(|(name, _)| *name == options.task)
        .ok_or_else(|| Error::Usage(format!("unknown task {:?}", options.task)))?;
    Ok(Box::new(Parse {
        input,
        checksum: *checksum,
    }))
}

fn main() -> ExitCode {
    let specs: Vec<TaskSpec> = TASKS
        .iter()
        .map(|&(name, _)| TaskSpec {
            name,
            takes_input: true,
            params: &[],
        })
        .collect();
    claimbench_batch::main(&specs, setup)
}
