// The open-loop load generator (wrk2's constant-throughput model): requests are due on a fixed
// schedule at the target rate, whatever the server does, and each one's latency counts from when
// it was due, not from when a connection happened to be free to send it. A stall therefore shows
// in the latency of every request scheduled during it, instead of in the handful that were in
// flight (coordinated omission; Tene, "How NOT to Measure Latency"; wrk2 README).
#pragma once

#include "load/closed_loop.h"
#include "load/load_result.h"

namespace claimbench::load {

/// Every closed-loop option, plus the target rate.
struct OpenLoopOptions : ClosedLoopOptions {
  /// Total target rate over all threads and connections (1/s). Each client thread takes an equal
  /// share; together they send one evenly spaced stream (see SendSchedule).
  double rate_per_s = 0;
};

/// Runs the open loop. Connects every connection first (never in the window), then sends on one
/// schedule from the shared start: the warmup is sent at the target rate and not counted, and the
/// window continues that schedule rather than starting a fresh one, so a backlog the server built
/// up during the warmup is still owed (and measured) in the window. Each client thread wakes at
/// exactly the next due time (a steady timer) and writes every due request on a free connection;
/// when none is free, due requests wait (the backlog) and are written as connections free up,
/// still timed from their intended time. Requests stop at the window's end; those due but never
/// written are backlog_at_end.
///
/// Records latency (completion - intended), service_time (completion - write start) and send_lag
/// (write start - intended) over the same 2xx requests, completed inside the window; sets
/// target_rate_per_s, achieved_rate_per_s, backlog_max, backlog_at_end and rate_shortfall
/// (achieved below 95% of the target). Timeouts count from the write start. A request the server
/// dropped by closing a reused keep-alive connection is sent again (the same request of the list)
/// with its original intended time. Throws std::invalid_argument on bad options (the closed
/// loop's, and "rate must be positive (got R)") and std::runtime_error when the host cannot be
/// resolved.
LoadResult RunOpenLoop(const OpenLoopOptions& options);

}  // namespace claimbench::load
