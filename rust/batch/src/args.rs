//! The runner command line: `--task T [--input F] [--param K=V]... --warmup W --iterations N [--hold]`.

use std::collections::BTreeMap;
use std::fmt::Display;
use std::path::PathBuf;
use std::str::FromStr;

use crate::Error;

/// One task a runner offers: whether it reads an input file, and the parameter keys it knows.
#[derive(Debug, Clone, Copy)]
pub struct TaskSpec {
    pub name: &'static str,
    pub takes_input: bool,
    pub params: &'static [&'static str],
}

/// The parsed protocol flags.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub task: String,
    pub input: Option<PathBuf>,
    pub params: BTreeMap<String, String>,
    /// Iterations run and reported but not measured (may be 0).
    pub warmup: u64,
    /// Measured iterations (at least 1).
    pub iterations: u64,
    /// Wait for end of file on stdin after `done`, so the harness can read /proc.
    pub hold: bool,
}

impl Options {
    /// The value of `--param key=...` parsed as `T`; a value that does not parse is a usage error.
    pub fn param<T>(&self, key: &str) -> Result<Option<T>, Error>
    where
        T: FromStr,
        T::Err: Display,
    {
        self.params
            .get(key)
            .map(|v| {
                v.parse()
                    .map_err(|e| Error::Usage(format!("--param {key}={v}: {e}")))
            })
            .transpose()
    }

    pub fn param_or<T>(&self, key: &str, default: T) -> Result<T, Error>
    where
        T: FromStr,
        T::Err: Display,
    {
        Ok(self.param(key)?.unwrap_or(default))
    }

    pub fn required_param<T>(&self, key: &str) -> Result<T, Error>
    where
        T: FromStr,
        T::Err: Display,
    {
        self.param(key)?
            .ok_or_else(|| Error::Usage(format!("task {} needs --param {key}=VALUE", self.task)))
    }
}

/// The usage text for a runner offering `tasks`.
pub fn usage(tasks: &[TaskSpec]) -> String {
    let mut text = String::from(
        "usage: RUNNER --task TASK [--input FILE] [--param KEY=VALUE]... \
         --warmup W --iterations N [--hold]\n\ntasks:\n",
    );
    for t in tasks {
        let input = if t.takes_input { " --input FILE" } else { "" };
        let params: String = t
            .params
            .iter()
            .map(|k| format!(" [--param {k}=...]"))
            .collect();
        text.push_str(&format!("  {}{input}{params}\n", t.name));
    }
    text
}

fn count(flag: &str, value: &str) -> Result<u64, Error> {
    value.parse().map_err(|_| {
        Error::Usage(format!(
            "{flag} expects a non-negative integer, got {value:?}"
        ))
    })
}

/// Parses the protocol flags (the arguments after the program name and any implementation
/// arguments). Every check that needs no file or parameter value happens here.
pub fn parse_args<I>(args: I, tasks: &[TaskSpec]) -> Result<Options, Error>
where
    I: IntoIterator<Item = String>,
{
    let mut task = None;
    let mut input = None;
    let mut params = BTreeMap::new();
    let mut warmup = None;
    let mut iterations = None;
    let mut hold = false;

    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg, None),
        };
        if flag == "-h" || flag == "--help" {
            return Err(Error::Help);
        }
        if flag == "--hold" {
            if inline.is_some() {
                return Err(Error::Usage("--hold takes no value".into()));
            }
            hold = true;
            continue;
        }
        if !matches!(
            flag.as_str(),
            "--task" | "--input" | "--param" | "--warmup" | "--iterations"
        ) {
            return Err(if flag.starts_with('-') {
                Error::Usage(format!("unknown flag {flag}"))
            } else {
                Error::Usage(format!("unexpected argument {flag:?}"))
            });
        }
        let value = inline
            .or_else(|| args.next())
            .ok_or_else(|| Error::Usage(format!("{flag} needs a value")))?;
        match flag.as_str() {
            "--task" => task = Some(value),
            "--input" => input = Some(PathBuf::from(value)),
            "--warmup" => warmup = Some(count(&flag, &value)?),
            "--iterations" => iterations = Some(count(&flag, &value)?),
            _ => {
                let (key, v) = value.split_once('=').ok_or_else(|| {
                    Error::Usage(format!("--param expects KEY=VALUE, got {value:?}"))
                })?;
                if params.insert(key.to_string(), v.to_string()).is_some() {
                    return Err(Error::Usage(format!("--param {key} given twice")));
                }
            }
        }
    }

    let task = task.ok_or_else(|| Error::Usage("--task is required".into()))?;
    let names: Vec<&str> = tasks.iter().map(|t| t.name).collect();
    let spec = tasks.iter().find(|t| t.name == task).ok_or_else(|| {
        Error::Usage(format!(
            "unknown task {task:?} (known: {})",
            names.join(", ")
        ))
    })?;
    match (&input, spec.takes_input) {
        (None, true) => return Err(Error::Usage(format!("task {task} needs --input FILE"))),
        (Some(_), false) => return Err(Error::Usage(format!("task {task} takes no --input"))),
        _ => {}
    }
    if let Some(key) = params.keys().find(|k| !spec.params.contains(&k.as_str())) {
        let known = if spec.params.is_empty() {
            "none".to_string()
        } else {
            spec.params.join(", ")
        };
        return Err(Error::Usage(format!(
            "unknown parameter {key:?} for task {task} (known: {known})"
        )));
    }
    let warmup = warmup.ok_or_else(|| Error::Usage("--warmup is required".into()))?;
    let iterations = iterations.ok_or_else(|| Error::Usage("--iterations is required".into()))?;
    if iterations == 0 {
        return Err(Error::Usage("--iterations must be at least 1".into()));
    }
    Ok(Options {
        task,
        input,
        params,
        warmup,
        iterations,
        hold,
    })
}

/// Removes a leading implementation argument (`FLAG VALUE` or `FLAG=VALUE`, before the
/// protocol flags) from `args` and returns its value, which must be one of `choices`.
pub fn take_leading_choice(
    args: &mut Vec<String>,
    flag: &str,
    choices: &[&str],
) -> Result<String, Error> {
    let missing = || {
        Error::Usage(format!(
            "{flag} {} must come before the other flags",
            choices.join("|")
        ))
    };
    let first = args.first().ok_or_else(missing)?;
    let value = if first == flag {
        let value = args.get(1).cloned().ok_or_else(missing)?;
        args.drain(..2);
        value
    } else if let Some(v) = first.strip_prefix(flag).and_then(|r| r.strip_prefix('=')) {
        let value = v.to_string();
        args.remove(0);
        value
    } else {
        return Err(missing());
    };
    if !choices.contains(&value.as_str()) {
        return Err(Error::Usage(format!(
            "{flag} {value:?}: expected one of {}",
            choices.join(", ")
        )));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TASKS: &[TaskSpec] = &[
        TaskSpec {
            name: "nbody",
            takes_input: false,
            params: &["steps"],
        },
        TaskSpec {
            name: "count",
            takes_input: true,
            params: &["pattern", "captures"],
        },
    ];

    fn parse(args: &[&str]) -> Result<Options, Error> {
        parse_args(args.iter().map(|s| s.to_string()), TASKS)
    }

    fn usage_text(args: &[&str]) -> String {
        match parse(args) {
            Err(Error::Usage(m)) => m,
            other => panic!("expected a usage error, got {other:?}"),
        }
    }

    #[test]
    fn full_command_line() {
        let o = parse(&[
            "--task",
            "count",
            "--input=hay.txt",
            "--param",
            "pattern=a=b",
            "--param=captures=true",
            "--warmup",
            "0",
            "--iterations=3",
            "--hold",
        ])
        .unwrap();
        assert_eq!(o.task, "count");
        assert_eq!(o.input, Some(PathBuf::from("hay.txt")));
        assert_eq!(o.params["pattern"], "a=b");
        assert_eq!(o.param::<bool>("captures").unwrap(), Some(true));
        assert_eq!((o.warmup, o.iterations, o.hold), (0, 3, true));
    }

    #[test]
    fn params_typed() {
        let o = parse(&[
            "--task",
            "nbody",
            "--param",
            "steps=x",
            "--warmup",
            "1",
            "--iterations",
            "1",
        ])
        .unwrap();
        assert!(!o.hold);
        assert!(
            matches!(o.param::<u64>("steps"), Err(Error::Usage(m)) if m.starts_with("--param steps=x: "))
        );
        let o = parse(&["--task", "nbody", "--warmup", "1", "--iterations", "1"]).unwrap();
        assert_eq!(o.param_or("steps", 7u64).unwrap(), 7);
        assert_eq!(
            o.required_param::<u64>("steps"),
            Err(Error::Usage("task nbody needs --param steps=VALUE".into()))
        );
    }

    #[test]
    fn usage_errors_name_the_problem() {
        let ok = ["--warmup", "0", "--iterations", "1"];
        let with = |extra: &[&'static str]| -> Vec<&'static str> {
            extra.iter().chain(ok.iter()).copied().collect()
        };
        assert_eq!(
            usage_text(&with(&["--task", "nbody", "--bogus"])),
            "unknown flag --bogus"
        );
        assert_eq!(
            usage_text(&with(&["--task", "nbody", "--bogus=1"])),
            "unknown flag --bogus"
        );
        assert_eq!(
            usage_text(&with(&["--task", "nbody", "stray"])),
            "unexpected argument \"stray\""
        );
        assert_eq!(usage_text(&with(&[])), "--task is required");
        assert_eq!(
            usage_text(&with(&["--task", "fft"])),
            "unknown task \"fft\" (known: nbody, count)"
        );
        assert_eq!(
            usage_text(&with(&["--task", "count"])),
            "task count needs --input FILE"
        );
        assert_eq!(
            usage_text(&with(&["--task", "nbody", "--input", "x"])),
            "task nbody takes no --input"
        );
        assert_eq!(
            usage_text(&with(&["--task", "nbody", "--param", "n=3"])),
            "unknown parameter \"n\" for task nbody (known: steps)"
        );
        assert_eq!(
            usage_text(&with(&["--task", "nbody", "--param", "steps"])),
            "--param expects KEY=VALUE, got \"steps\""
        );
        assert_eq!(
            usage_text(&with(&[
                "--task", "nbody", "--param", "steps=1", "--param", "steps=2"
            ])),
            "--param steps given twice"
        );
        assert_eq!(
            usage_text(&["--task", "nbody", "--iterations", "1"]),
            "--warmup is required"
        );
        assert_eq!(
            usage_text(&["--task", "nbody", "--warmup", "1"]),
            "--iterations is required"
        );
        assert_eq!(
            usage_text(&["--task", "nbody", "--warmup", "0", "--iterations", "0"]),
            "--iterations must be at least 1"
        );
        assert_eq!(
            usage_text(&["--task", "nbody", "--warmup", "-1", "--iterations", "1"]),
            "--warmup expects a non-negative integer, got \"-1\""
        );
        assert_eq!(usage_text(&["--task"]), "--task needs a value");
        assert_eq!(
            usage_text(&with(&["--task", "nbody", "--hold=yes"])),
            "--hold takes no value"
        );
        assert_eq!(parse(&["--help"]), Err(Error::Help));
    }

    #[test]
    fn leading_choice() {
        let mut args: Vec<String> = ["--runtime", "tokio", "--task", "x"]
            .map(String::from)
            .into();
        assert_eq!(
            take_leading_choice(&mut args, "--runtime", &["threads", "tokio"]).unwrap(),
            "tokio"
        );
        assert_eq!(args, ["--task", "x"]);

        let mut args: Vec<String> = ["--runtime=threads"].map(String::from).into();
        assert_eq!(
            take_leading_choice(&mut args, "--runtime", &["threads", "tokio"]).unwrap(),
            "threads"
        );
        assert!(args.is_empty());

        let mut args: Vec<String> = ["--task", "x", "--runtime", "tokio"]
            .map(String::from)
            .into();
        assert_eq!(
            take_leading_choice(&mut args, "--runtime", &["threads", "tokio"]),
            Err(Error::Usage(
                "--runtime threads|tokio must come before the other flags".into()
            ))
        );
        let mut args: Vec<String> = ["--runtime", "rayon"].map(String::from).into();
        assert_eq!(
            take_leading_choice(&mut args, "--runtime", &["threads", "tokio"]),
            Err(Error::Usage(
                "--runtime \"rayon\": expected one of threads, tokio".into()
            ))
        );
    }
}
