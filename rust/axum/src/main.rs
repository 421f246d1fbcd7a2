//! Entry point of claimbench-axum: binds host:port and serves `app()` until SIGTERM/SIGINT.

use claimbench_common::serve::{args_or_exit, shutdown_signal};

#[tokio::main]
async fn main() {
    let args = args_or_exit();
    let listener = match tokio::net::TcpListener::bind((args.host.as_str(), args.port)).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: bind {}:{}: {e}", args.host, args.port);
            std::process::exit(1);
        }
    };
    // Report the bound address so that --port 0 shows the port actually chosen.
    match listener.local_addr() {
        Ok(addr) => eprintln!("listening on {addr}"),
        Err(_) => eprintln!("listening on {}:{}", args.host, args.port),
    }
    if let Err(e) = axum::serve(listener, claimbench_axum::app())
        .with_graceful_shutdown(shutdown_signal())
        .await
    {
        eprintln!("error: serve: {e}");
        std::process::exit(1);
    }
}
