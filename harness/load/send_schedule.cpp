// The open loop's send schedule: intended times and the number of requests due at a given time.
#include "load/send_schedule.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace claimbench::load {

SendSchedule::SendSchedule(TimePoint start, double rate_per_s, int thread, int threads)
    : start_(start),
      ns_per_request_(1e9 / rate_per_s),
      thread_(static_cast<uint64_t>(thread)),
      threads_(static_cast<uint64_t>(threads)) {
  if (!(rate_per_s > 0) || !std::isfinite(rate_per_s)) {
    throw std::invalid_argument("rate must be positive (got " + std::to_string(rate_per_s) + ")");
  }
  if (threads < 1 || thread < 0 || thread >= threads) {
    throw std::invalid_argument("send schedule: thread " + std::to_string(thread) + " of " +
                                std::to_string(threads));
  }
}

uint64_t SendSchedule::DueBy(TimePoint now) const {
  if (now < start_) return 0;
  // Estimate from the global index, then settle on the exact boundary of Intended(), whose
  // rounding the division need not reproduce.
  const double elapsed_ns = static_cast<double>((now - start_).count());
  const auto last_global = static_cast<uint64_t>(std::floor(elapsed_ns / ns_per_request_));
  uint64_t due = last_global < thread_ ? 0 : (last_global - thread_) / threads_ + 1;
  while (Intended(due) <= now) ++due;
  while (due > 0 && Intended(due - 1) > now) --due;
  return due;
}

}  // namespace claimbench::load
