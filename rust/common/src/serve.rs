//! Command-line options and shutdown signals common to every claimbench server.

use std::fmt;

/// Where a server listens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServeArgs {
    pub host: String,
    pub port: u16,
}

/// A command-line error; the harness treats exit code 2 as a usage error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArgError {
    UnknownFlag(String),
    MissingValue(String),
    InvalidPort(String),
    Help,
}

impl fmt::Display for ArgError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArgError::UnknownFlag(flag) => write!(f, "error: unknown flag {flag}"),
            ArgError::MissingValue(flag) => write!(f, "error: flag {flag} needs a value"),
            ArgError::InvalidPort(v) => write!(f, "error: invalid port {v:?}"),
            ArgError::Help => f.write_str(USAGE),
        }
    }
}

pub const USAGE: &str = "usage: SERVER [--host ADDR] [--port N]\n  \
    --host ADDR  address to bind (default 127.0.0.1)\n  \
    --port N     port to bind (default $PORT, else 8080)";

fn parse_port(v: &str) -> Result<u16, ArgError> {
    v.trim()
        .parse()
        .map_err(|_| ArgError::InvalidPort(v.to_string()))
}

/// Parses the arguments after the program name; `env_port` is the PORT variable.
/// Pure, so that it can be tested without touching the process environment.
pub fn parse_args<I>(args: I, env_port: Option<&str>) -> Result<ServeArgs, ArgError>
where
    I: IntoIterator<Item = String>,
{
    let mut host = "127.0.0.1".to_string();
    let mut port = None;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        match flag.as_str() {
            "-h" | "--help" => return Err(ArgError::Help),
            "--host" | "--port" => {
                let value = inline
                    .or_else(|| args.next())
                    .ok_or_else(|| ArgError::MissingValue(flag.clone()))?;
                if flag == "--host" {
                    host = value;
                } else {
                    port = Some(parse_port(&value)?);
                }
            }
            _ => return Err(ArgError::UnknownFlag(flag)),
        }
    }
    let port = match (port, env_port) {
        (Some(p), _) => p,
        (None, Some(v)) if !v.is_empty() => parse_port(v)?,
        _ => 8080,
    };
    Ok(ServeArgs { host, port })
}

/// Parses the process's own arguments; prints the error and exits 2 on a bad one.
pub fn args_or_exit() -> ServeArgs {
    let env_port = std::env::var("PORT").ok();
    match parse_args(std::env::args().skip(1), env_port.as_deref()) {
        Ok(args) => args,
        Err(ArgError::Help) => {
            println!("{USAGE}");
            std::process::exit(0);
        }
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    }
}

/// Completes on the first SIGTERM or SIGINT.
pub async fn shutdown_signal() {
    use tokio::signal::unix::{signal, SignalKind};
    let mut term = signal(SignalKind::terminate()).expect("install SIGTERM handler");
    let mut int = signal(SignalKind::interrupt()).expect("install SIGINT handler");
    tokio::select! {
        _ = term.recv() => {}
        _ = int.recv() => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str], env: Option<&str>) -> Result<ServeArgs, ArgError> {
        parse_args(args.iter().map(|s| s.to_string()), env)
    }

    #[test]
    fn defaults() {
        assert_eq!(
            parse(&[], None),
            Ok(ServeArgs {
                host: "127.0.0.1".into(),
                port: 8080
            })
        );
    }

    #[test]
    fn port_env_then_flag() {
        assert_eq!(parse(&[], Some("9000")).unwrap().port, 9000);
        assert_eq!(parse(&[], Some("")).unwrap().port, 8080);
        assert_eq!(
            parse(&["--port", "18081"], Some("9000")).unwrap().port,
            18081
        );
        assert_eq!(parse(&["--port=18082"], None).unwrap().port, 18082);
    }

    #[test]
    fn host_flag() {
        let a = parse(&["--host", "0.0.0.0", "--port", "1"], None).unwrap();
        assert_eq!(
            a,
            ServeArgs {
                host: "0.0.0.0".into(),
                port: 1
            }
        );
        assert_eq!(parse(&["--host=::1"], None).unwrap().host, "::1");
    }

    #[test]
    fn errors() {
        let e = parse(&["--x"], None).unwrap_err();
        assert_eq!(e.to_string(), "error: unknown flag --x");
        assert_eq!(
            parse(&["--x=1"], None),
            Err(ArgError::UnknownFlag("--x".into()))
        );
        assert_eq!(
            parse(&["--port"], None),
            Err(ArgError::MissingValue("--port".into()))
        );
        assert_eq!(
            parse(&["--port", "70000"], None),
            Err(ArgError::InvalidPort("70000".into()))
        );
        assert_eq!(
            parse(&[], Some("abc")),
            Err(ArgError::InvalidPort("abc".into()))
        );
        assert_eq!(
            parse(&["8080"], None),
            Err(ArgError::UnknownFlag("8080".into()))
        );
    }
}
