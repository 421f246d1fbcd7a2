// The closed-loop load generator (wrk's model): N keep-alive connections, each with exactly one
// request outstanding, sending the next as soon as the previous response is parsed. Throughput
// is whatever the server sustains at that concurrency. Closed-loop latency suffers coordinated
// omission under stalls (Tene, "How NOT to Measure Latency"); the constant-rate open loop
// (open_loop.h) drives the same Connection on a schedule instead.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "load/load_result.h"

namespace claimbench::load {

struct ClosedLoopOptions {
  std::string host = "127.0.0.1";  ///< IP literal or name, resolved once before the run
  uint16_t port = 80;
  std::string request{};  ///< the pre-serialised request bytes (SerializeRequest)
  int connections = 1;  ///< connections kept open, one request outstanding on each
  int threads = 1;      ///< client threads, one io_context each; capped at `connections`
  std::chrono::nanoseconds warmup{0};  ///< load before the window, not counted
  std::chrono::nanoseconds duration{std::chrono::seconds(10)};  ///< the measured window
  /// Per connect and per request, armed at send; checked every min(timeout / 10, 10 ms).
  std::chrono::nanoseconds timeout{std::chrono::seconds(2)};
  /// After the window, how long requests still in flight may finish before the sockets close.
  std::chrono::nanoseconds drain_grace{std::chrono::milliseconds(100)};
  /// CPUs for the client threads: thread i is pinned to cpus[i % size]. Empty: no pinning.
  std::vector<int> cpus{};
  /// When set, every 2xx response's body must equal it; one that differs is the error
  /// kBodyMismatch, never a success. Bodies are then kept (up to 16 MiB; a longer one is a parse
  /// error). Unset: bodies are framed and skipped, not compared.
  std::optional<std::string> expected_body{};
};

/// Runs the closed loop: connects every connection first (connect time is never in the window),
/// then warms up, measures for `duration`, and stops. A failed connect is retried after 10 ms;
/// a connection closed by the server or after an error is re-established at once. Records
/// latency and service_time alike (write start to parsed end), the per-second series, and
/// achieved_rate_per_s (writes per second in the window); send_lag stays empty and
/// target_rate_per_s 0. An OpenLoopOptions may be passed too: its rate is ignored.
/// Throws std::invalid_argument on bad options (exact messages in closed_loop_test.cpp) and
/// std::runtime_error when the host cannot be resolved.
LoadResult RunClosedLoop(const ClosedLoopOptions& options);

}  // namespace claimbench::load
