// The HTTP/1.1 server of claimbench-beast: Boost.Beast over Boost.Asio, one io_context per
// thread, one thread per CPU in the process's affinity mask, one acceptor handing
// connections out round-robin (see cpp/README.md for why not SO_REUSEPORT).
#pragma once

#include <cstdint>
#include <string>

namespace claimbench::beast_server {

/// Where the server listens (the contract shared with the Go and Rust servers).
struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;
};

/// The number of CPUs this process may run on (sched_getaffinity), at least 1. Under
/// `taskset -c 0,1` this is 2 whatever the machine has.
int AffinityCpuCount();

/// Listens, logs "listening on HOST:PORT" to stderr, and serves until SIGTERM or SIGINT.
/// Returns the exit code: 0 after a signal, 1 when it cannot listen (reason on stderr).
int Run(const ServerOptions& options);

}  // namespace claimbench::beast_server
