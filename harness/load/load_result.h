// What one load run measured: throughput, the full latency histogram, errors by kind, connection
// churn, bytes, and the client's own CPU time (to tell when the load generator was the
// bottleneck). Shared by the closed-loop generator and the open-loop one to come.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

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
};
inline constexpr int kErrorKindCount = 9;

/// Stable snake_case name ("connect", ..., "status_5xx"), used as a JSON key.
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

  uint64_t& At(ErrorKind kind);
  uint64_t At(ErrorKind kind) const;
  uint64_t Total() const;
  void Add(const ErrorCounts& other);
};

struct LoadResult {
  /// 2xx responses completed inside the measured window (count). Non-2xx are errors, not
  /// throughput: a server that fails fast must not look fast.
  uint64_t requests = 0;
  /// Length of the measured window (s). A request counts when its steady-clock completion time
  /// falls in [start, start + duration), so this is the requested duration, exactly; the window
  /// opens after every connection's first connect attempt and the warmup.
  double duration_s = 0;
  /// requests / duration_s (1/s).
  double requests_per_s = 0;
  /// Latency of those requests, from just before the request is written to the parsed end of the
  /// response (ns). Errors are never recorded here.
  Histogram latency;
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
