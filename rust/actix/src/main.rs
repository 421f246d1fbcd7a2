//! Entry point of claimbench-actix: binds host:port and serves `app()` until SIGTERM/SIGINT.
//!
//! actix-server installs its own SIGTERM/SIGINT/SIGQUIT handlers and stops the server
//! (SIGTERM gracefully, within `shutdown_timeout`); `run()` then returns Ok and main
//! returns, so the process exits 0. Workers: actix's default, one per CPU this process may
//! run on (`std::thread::available_parallelism`, which honours the affinity mask).

use actix_web::HttpServer;
use claimbench_common::serve::args_or_exit;

/// Seconds a graceful stop waits for open connections before closing them.
const SHUTDOWN_TIMEOUT_SECS: u64 = 1;

#[actix_web::main]
async fn main() {
    let args = args_or_exit();
    let server = match HttpServer::new(claimbench_actix::app)
        .shutdown_timeout(SHUTDOWN_TIMEOUT_SECS)
        .bind((args.host.as_str(), args.port))
    {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: bind {}:{}: {e}", args.host, args.port);
            std::process::exit(1);
        }
    };
    // Report the bound address so that --port 0 shows the port actually chosen.
    match server.addrs().first() {
        Some(addr) => eprintln!("listening on {addr}"),
        None => eprintln!("listening on {}:{}", args.host, args.port),
    }
    if let Err(e) = server.run().await {
        eprintln!("error: serve: {e}");
        std::process::exit(1);
    }
}
