//! The batch runner protocol (workloads/batch-protocol.md) for claimbench's Rust runners:
//! a runner lists its tasks, builds a [`Task`] from the options and input, and calls [`main`].

mod args;
mod output;
mod runner;

use std::fmt;

pub use args::{parse_args, take_leading_choice, usage, Options, TaskSpec};
pub use output::{Emitter, Phase};
pub use runner::{exit_with, main, main_with_args, run, Iteration, Task};

/// Why a runner stops early; each maps to the protocol's exit status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// `--help`: print the usage on stdout, exit 0.
    Help,
    /// A bad command line, a missing input, an unknown task or parameter: exit 2.
    Usage(String),
    /// The work itself failed (an input that must parse does not): exit 1.
    Failure(String),
}

impl Error {
    pub fn exit_status(&self) -> u8 {
        match self {
            Error::Help => 0,
            Error::Usage(_) => 2,
            Error::Failure(_) => 1,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Help => f.write_str("help requested"),
            Error::Usage(m) | Error::Failure(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for Error {}
