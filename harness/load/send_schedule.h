// The open loop's send schedule, as wrk2's constant-throughput mode: request j of the whole run
// is intended at start + j / rate, whatever happened to earlier requests, so a server stall cannot
// slow the arrivals down and hide itself (Tene, "How NOT to Measure Latency": coordinated
// omission). Client thread k of n takes j = k, k + n, k + 2n, ...: each thread runs at rate / n
// and together they interleave into one evenly spaced stream instead of n simultaneous bursts.
#pragma once

#include <chrono>
#include <cstdint>

namespace claimbench::load {

class SendSchedule {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;

  /// Throws std::invalid_argument unless rate_per_s is positive and finite and
  /// 0 <= thread < threads.
  SendSchedule(TimePoint start, double rate_per_s, int thread, int threads);

  /// Intended send time of this thread's request i (i = 0, 1, ...); never before start().
  TimePoint Intended(uint64_t i) const {
    const double j = static_cast<double>(thread_) + static_cast<double>(i) * static_cast<double>(threads_);
    return start_ + std::chrono::nanoseconds(static_cast<int64_t>(j * ns_per_request_));
  }
  /// Number of this thread's requests intended at or before `now` (count): requests 0 .. n-1 are
  /// due, request n is not.
  uint64_t DueBy(TimePoint now) const;

  TimePoint start() const { return start_; }
  /// Time between two requests of the whole run (ns, fractional): 1e9 / rate.
  double ns_per_request() const { return ns_per_request_; }

 private:
  TimePoint start_;
  double ns_per_request_;
  uint64_t thread_;
  uint64_t threads_;
};

}  // namespace claimbench::load
