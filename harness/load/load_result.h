// What one load run measured: throughput, the full latency histograms (latency, service time,
// send lag), a per-second series, errors by kind, the open loop's rate and backlog, connection
// churn, bytes, and the client's own CPU time (to tell when the load generator was the
// bottleneck). Shared by the closed-loop and the open-loop generators.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "load/histogram.h"

namespace claimbench::load {

/// Why a request did not count as a success. 2xx is success; every other outcome is one kind.
enum class ErrorKind {
  kConnect,    ///< TCP connect refused, failed or timed out
  kRead,       ///< receive failed, or the connection ended before the response was complete
  kWrite,      ///< send failed
  kTimeout,    ///< no complete response within the per-request timeout (armed at send)
  kParse,      ///< the response broke HTTP/1.1 framing (see ResponseParser)
  kStatus1xx,  ///< a final 1xx (101 Switching Protocols; 100 Continue is skipped)
  kStatus3xx,
  kStatus4xx,
  kStatus5xx,
  kBodyMismatch,  ///< a 2xx response whose body differs from the expected one, or fails the sampled check
};
inline constexpr int kErrorKindCount = 10;

/// Stable snake_case name ("connect", ..., "status_5xx", "body_mismatch"), used as a JSON key.
std::string_view ErrorKindName(ErrorKind kind);

/// The error kind for a final status outside 2xx.
ErrorKind StatusErrorKind(int status);

struct ErrorCounts {
  uint64_t connect = 0;     ///< (count)
  uint64_t read = 0;        ///< (count)
  uint64_t write = 0;       ///< (count)
  uint64_t timeout = 0;     ///< (count)
  uint64_t parse = 0;       ///< (count)
  uint64_t status_1xx = 0;  ///< (count)
  uint64_t status_3xx = 0;  ///< (count)
  uint64_t status_4xx = 0;  ///< (count)
  uint64_t status_5xx = 0;  ///< (count)
  uint64_t body_mismatch = 0;  ///< (count)

  uint64_t& At(ErrorKind kind);
  uint64_t At(ErrorKind kind) const;
  uint64_t Total() const;
  void Add(const ErrorCounts& other);
};

/// One interval (a second) of the measured window, over the requests that completed in it. The
/// intervals are merged exactly across client threads: their percentiles are those of one
/// histogram holding every thread's latencies of that interval.
struct IntervalStats {
  /// Start of the interval relative to the window start (s): 0, 1, 2, ...
  double t_s = 0;
  /// Length of the interval (s): 1, except the last one when the window is not a whole number of
  /// seconds. The intervals cover the window exactly, without gap or overlap.
  double duration_s = 0;
  /// 2xx responses completed in the interval (count); the intervals add up to LoadResult::requests.
  uint64_t requests = 0;
  /// Failures that ended in the interval (count); they add up to LoadResult::errors.Total().
  uint64_t errors = 0;
  /// Median of `latency` over the interval's requests (ns); 0 when there were none.
  int64_t p50_ns = 0;
  /// 99th percentile of `latency` over the interval's requests (ns); 0 when there were none.
  int64_t p99_ns = 0;
  /// Exact largest `latency` of the interval's requests (ns); 0 when there were none.
  int64_t max_ns = 0;
};

struct LoadResult {
  /// 2xx responses completed inside the measured window (count). Non-2xx are errors, not
  /// throughput: a server that fails fast must not look fast.
  uint64_t requests = 0;
  /// Length of the measured window (s). A request counts when its steady-clock completion time
  /// falls in [start, start + duration), so this is the requested duration, exactly (with a
  /// request limit, the longest thread's window, which closed just after its last completion);
  /// the window opens after every connection's first connect attempt and the warmup.
  double duration_s = 0;
  /// requests / duration_s (1/s).
  double requests_per_s = 0;
  /// Responses that completed inside the window and were passed to the sampled response check
  /// (ClosedLoopOptions::check_every), passed or failed (count): about (requests + the failed
  /// ones) / check_every. A failed one is also an errors.body_mismatch; a passed one a request.
  uint64_t responses_checked = 0;
  /// Latency of those requests, to the parsed end of the response from the intended send time in
  /// the open loop (coordinated-omission free: time spent waiting for a free connection counts),
  /// and from just before the request is written in the closed loop (ns). Errors are never
  /// recorded here.
  Histogram latency;
  /// Service time of the same requests: from just before the request is written to the parsed end
  /// of the response (ns). Equal to `latency` in the closed loop (recorded in both).
  Histogram service_time;
  /// Open loop only: how late each of the same requests was written, actual write start minus
  /// intended send time (ns). Empty in the closed loop.
  Histogram send_lag;
  /// The window second by second: intervals [0 s, 1 s), [1 s, 2 s), ... of the window.
  std::vector<IntervalStats> intervals;
  /// Open loop: the requested total rate (1/s); 0 in the closed loop.
  double target_rate_per_s = 0;
  /// Requests written per second in the window (1/s): in the open loop, scheduled requests whose
  /// first write started inside the window (a resend after a server close is not counted twice);
  /// in the closed loop, every write inside the window.
  double achieved_rate_per_s = 0;
  /// Open loop: the largest number of requests due but not yet written, waiting for a free
  /// connection, seen inside the window; summed over client threads, each contributing its own
  /// maximum (an upper bound of the simultaneous backlog) (count). 0 in the closed loop.
  uint64_t backlog_max = 0;
  /// Open loop: requests due before the window closed but never written (count).
  uint64_t backlog_at_end = 0;
  /// Open loop: achieved_rate_per_s fell below 95% of target_rate_per_s, i.e. the server (or the
  /// client, see client_cpu_busiest_thread) could not sustain the requested rate. Always false in
  /// the closed loop.
  bool rate_shortfall = false;
  /// Failures that ended inside the window, by kind (count).
  ErrorCounts errors;
  /// Failures while connecting and warming up, before the window (count).
  ErrorCounts errors_outside_window;
  /// Requests outstanding when the window closed; after a short grace they are abandoned. Neither
  /// requests nor errors (count).
  uint64_t in_flight_at_end = 0;
  /// Successful TCP connects over the whole run, first ones included (count).
  uint64_t connections_established = 0;
  /// Connects that replaced a connection closed by the server or after an error (count).
  uint64_t reconnects = 0;
  /// Connections the server ended: "Connection: close", HTTP/1.0, or a close of an idle
  /// keep-alive connection (whose unanswered request is then resent) (count).
  uint64_t server_closes = 0;
  /// Response bytes of the requests that finished inside the window, failed ones included (bytes).
  uint64_t bytes_read = 0;
  /// Request bytes of those requests (bytes).
  uint64_t bytes_written = 0;
  /// User CPU time of the client threads during the window, summed over threads (s).
  double client_cpu_user_s = 0;
  /// System CPU time of the client threads during the window, summed over threads (s).
  double client_cpu_system_s = 0;
  /// CPU time of the busiest client thread over the window length (fraction, 0..1); near 1 means
  /// the load generator, not the server, set the pace.
  double client_cpu_busiest_thread = 0;
  /// Connections kept open (count).
  int connections = 0;
  /// Client threads used (count).
  int threads = 0;
};

}  // namespace claimbench::load
