// The closed-loop load generator (wrk's model): N keep-alive connections, each with exactly one
// request outstanding, sending the next as soon as the previous response is parsed. Throughput
// is whatever the server sustains at that concurrency. Closed-loop latency suffers coordinated
// omission under stalls (Tene, "How NOT to Measure Latency"); the constant-rate open loop
// (open_loop.h) drives the same Connection on a schedule instead.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "load/load_result.h"

namespace claimbench::load {

/// Judges one sampled 2xx response: `request_index` is the position in ClosedLoopOptions::requests
/// of the request that produced it (0 when only `request` is set), `status` its status code and
/// `body` its decoded body, valid only during the call. Returns false when the response is wrong.
/// Called on the client threads, concurrently when there are several: it must be thread-safe,
/// should not allocate (it runs inside the measured loop), and an exception it throws ends the
/// run (RunClosedLoop rethrows it).
using ResponseCheck = std::function<bool(size_t request_index, int status, std::string_view body)>;

struct ClosedLoopOptions {
  std::string host = "127.0.0.1";  ///< IP literal or name, resolved once before the run
  uint16_t port = 80;
  std::string request{};  ///< the pre-serialised request bytes (SerializeRequest)
  /// When non-empty, replaces `request`: pre-serialised requests sent in rotation, so that no
  /// server can answer the load from a cache (TechEmpower-style varying request bodies). The
  /// rotation is per client thread: thread t walks the list in order, wrapping around, from
  /// position t * size / threads, handing the next request to whichever connection is free, so
  /// a thread sends any two requests of the list equally often, give or take two (one per walk
  /// below); a walk per connection would be off by up to one per connection. Requests whose
  /// response will be checked (see check_every) take the next position of a second walk over the
  /// list, so that the checks too cover every request, whatever check_every is (one walk would
  /// alias: with check_every a multiple of the list's size, every check on a connection would see
  /// the same request). The bytes are never copied or allocated per request.
  std::vector<std::string> requests{};
  int connections = 1;  ///< connections kept open, one request outstanding on each
  int threads = 1;      ///< client threads, one io_context each; capped at `connections`
  std::chrono::nanoseconds warmup{0};  ///< load before the window, not counted
  std::chrono::nanoseconds duration{std::chrono::seconds(10)};  ///< the measured window
  /// oha's -n: at most this many requests written inside the window, over all threads (0: no
  /// limit). Once they are written and answered the window closes at the last completion, so
  /// `duration` becomes an upper bound and LoadResult::duration_s the window actually measured.
  /// Requests sent again after an unanswered keep-alive close do not count twice.
  uint64_t request_limit = 0;
  /// When set, each 2xx completed inside the window adds one (relaxed), so that a display can
  /// show the run's progress while it goes; the figures themselves never read it.
  std::atomic<uint64_t>* live_requests = nullptr;
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
  /// Sampled response check, 0 = off: on each connection, every check_every-th 2xx response
  /// (counted over the whole run, warmup included) keeps its body and is passed to
  /// `response_check` on the client thread. A false answer makes that response the error
  /// kBodyMismatch: not a success, not in the latency histograms. Other responses keep no body
  /// (unless expected_body is set), so the hot path copies nothing. A response that already
  /// failed expected_body is not passed on. Requires `response_check`.
  uint32_t check_every = 0;
  /// The check of the sampled responses; ignored while check_every is 0.
  ResponseCheck response_check{};
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
