//! The runner's life: load the input and set up (timed, one `setup` line), report compile
//! steps, run warmup then measured iterations (one line each), `done`, then hold.

use std::io::{self, Write};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use crate::args::{parse_args, usage, Options, TaskSpec};
use crate::output::{Emitter, Phase};
use crate::Error;

/// What one iteration produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Iteration {
    /// The workload's checksum string, computed from this iteration's result.
    pub checksum: String,
    /// The time the task measured itself, where the timed part is not the whole iteration
    /// (idle-tasks times the start-and-park only); `None`: the runner times `iterate`.
    pub elapsed: Option<Duration>,
    /// Extra numeric fields of the line, in order (for example `rss_before` in bytes).
    pub extra: Vec<(&'static str, i64)>,
}

impl Iteration {
    pub fn new(checksum: String) -> Self {
        Self {
            checksum,
            elapsed: None,
            extra: Vec::new(),
        }
    }
}

/// A task after setup. `iterate` must redo the whole work each call and compute the
/// checksum from that call's result.
pub trait Task {
    fn iterate(&mut self) -> Result<Iteration, Error>;

    /// Runs the task's separate compile step (regex) and returns the time of each run;
    /// called once, after the `setup` line.
    fn compile(&mut self) -> Result<Vec<Duration>, Error> {
        Ok(Vec::new())
    }
}

fn nanos(d: Duration) -> u64 {
    u64::try_from(d.as_nanos()).unwrap_or(u64::MAX)
}

fn read_input(options: &Options) -> Result<Vec<u8>, Error> {
    match &options.input {
        None => Ok(Vec::new()),
        Some(path) => std::fs::read(path)
            .map_err(|e| Error::Usage(format!("cannot read --input {}: {e}", path.display()))),
    }
}

fn write_failed(e: io::Error) -> Error {
    Error::Failure(format!("writing to stdout: {e}"))
}

/// Runs the protocol from setup to `done` (holding is left to the caller). `setup` builds
/// the task named in the options from the whole input (empty when there is none).
pub fn run<W, F>(options: &Options, out: W, setup: F) -> Result<(), Error>
where
    W: Write,
    F: FnOnce(&Options, Vec<u8>) -> Result<Box<dyn Task>, Error>,
{
    let mut out = Emitter::new(out);
    let start = Instant::now();
    let input = read_input(options)?;
    let input_bytes = input.len() as u64;
    let mut task = setup(options, input)?;
    out.setup(input_bytes, nanos(start.elapsed()))
        .map_err(write_failed)?;

    for d in task.compile()? {
        out.compile(nanos(d)).map_err(write_failed)?;
    }

    for (phase, count) in [
        (Phase::Warmup, options.warmup),
        (Phase::Measure, options.iterations),
    ] {
        for i in 0..count {
            let start = Instant::now();
            let it = task.iterate()?;
            let wall = start.elapsed();
            let ns = nanos(it.elapsed.unwrap_or(wall));
            out.iteration(phase, i, ns, &it.checksum, &it.extra)
                .map_err(write_failed)?;
        }
    }
    out.done().map_err(write_failed)
}

/// Reports `e` as the protocol asks (usage on stdout for help, `error: ...` on stderr
/// otherwise) and returns its exit status.
pub fn exit_with(e: Error, tasks: &[TaskSpec]) -> ExitCode {
    match &e {
        Error::Help => print!("{}", usage(tasks)),
        Error::Usage(m) => eprintln!("error: {m}\n(run with --help for usage)"),
        Error::Failure(m) => eprintln!("error: {m}"),
    }
    ExitCode::from(e.exit_status())
}

/// A runner's whole `main` after its implementation arguments: parses `args`, runs, holds.
pub fn main_with_args<F>(args: Vec<String>, tasks: &[TaskSpec], setup: F) -> ExitCode
where
    F: FnOnce(&Options, Vec<u8>) -> Result<Box<dyn Task>, Error>,
{
    let options = match parse_args(args, tasks) {
        Ok(o) => o,
        Err(e) => return exit_with(e, tasks),
    };
    if let Err(e) = run(&options, io::stdout().lock(), setup) {
        return exit_with(e, tasks);
    }
    if options.hold {
        // The harness closes our stdin once it has read /proc/<pid>; its content is unused.
        let _ = io::copy(&mut io::stdin().lock(), &mut io::sink());
    }
    ExitCode::SUCCESS
}

/// Reads the process's arguments and calls [`main_with_args`].
pub fn main<F>(tasks: &[TaskSpec], setup: F) -> ExitCode
where
    F: FnOnce(&Options, Vec<u8>) -> Result<Box<dyn Task>, Error>,
{
    main_with_args(std::env::args().skip(1).collect(), tasks, setup)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    struct Counter {
        calls: u64,
    }

    impl Task for Counter {
        fn iterate(&mut self) -> Result<Iteration, Error> {
            self.calls += 1;
            if self.calls == 4 {
                return Err(Error::Failure("fourth call".into()));
            }
            let mut it = Iteration::new(format!("calls={}", self.calls));
            if self.calls == 2 {
                it.elapsed = Some(Duration::from_nanos(17));
                it.extra.push(("rss_before", 4096));
            }
            Ok(it)
        }

        fn compile(&mut self) -> Result<Vec<Duration>, Error> {
            Ok(vec![Duration::from_nanos(5), Duration::from_nanos(6)])
        }
    }

    fn options(warmup: u64, iterations: u64) -> Options {
        Options {
            task: "t".into(),
            input: None,
            params: BTreeMap::new(),
            warmup,
            iterations,
            hold: false,
        }
    }

    fn lines(out: &[u8]) -> Vec<serde_json::Value> {
        std::str::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    #[test]
    fn phases_in_order() {
        let mut out = Vec::new();
        run(&options(1, 2), &mut out, |_, input| {
            assert!(input.is_empty());
            Ok(Box::new(Counter { calls: 0 }))
        })
        .unwrap();
        let l = lines(&out);
        let phases: Vec<&str> = l.iter().map(|v| v["phase"].as_str().unwrap()).collect();
        assert_eq!(
            phases,
            ["setup", "compile", "compile", "warmup", "measure", "measure", "done"]
        );
        assert_eq!(l[0]["input_bytes"], 0);
        assert_eq!(l[1]["ns"], 5);
        assert_eq!(
            (l[3]["i"].as_u64(), l[3]["checksum"].as_str()),
            (Some(0), Some("calls=1"))
        );
        assert_eq!(l[4]["ns"], 17);
        assert_eq!(l[4]["rss_before"], 4096);
        assert_eq!(
            (l[5]["i"].as_u64(), l[5]["checksum"].as_str()),
            (Some(1), Some("calls=3"))
        );
    }

    #[test]
    fn failure_stops_before_done() {
        let mut out = Vec::new();
        let r = run(&options(0, 5), &mut out, |_, _| {
            Ok(Box::new(Counter { calls: 0 }))
        });
        assert_eq!(r, Err(Error::Failure("fourth call".into())));
        let l = lines(&out);
        assert_eq!(l.len(), 1 + 2 + 3);
        assert_ne!(l.last().unwrap()["phase"], "done");
    }

    #[test]
    fn missing_input_is_a_usage_error() {
        let mut o = options(0, 1);
        o.input = Some("/nonexistent/claimbench-input".into());
        let r = run(&o, Vec::new(), |_, _| Ok(Box::new(Counter { calls: 0 })));
        assert!(
            matches!(r, Err(Error::Usage(m)) if m.starts_with("cannot read --input /nonexistent/claimbench-input: "))
        );
    }
}
