// `claimbench load`'s live progress on a terminal: one line, rewritten once a second, with the
// phase, the time so far against the window, the 2xx completed and the rate of the last
// second ("  window 4s/10s  345,120 done  86,012 req/s"), as oha's live view reduced to a line.
// Cleared when the run ends, so the result below it reads as if it had never been there.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <ostream>
#include <string>
#include <thread>

namespace claimbench::cli {

/// The line itself, from what a display knows: seconds since the run started, the warmup and
/// window it plans, the 2xx completed in the window so far and in the last second, and the
/// request limit (-n; 0: none, the window's length decides).
std::string LiveLoadText(double elapsed_s, double warmup_s, double window_s, uint64_t done, uint64_t last_second,
                         uint64_t limit = 0);

class LiveLoadLine {
 public:
  /// Starts rewriting the line on `out` (a terminal) every second from `completed`, the
  /// counter the load run adds to (ClosedLoopOptions::live_requests).
  LiveLoadLine(std::ostream& out, const std::atomic<uint64_t>& completed, std::chrono::nanoseconds warmup,
               std::chrono::nanoseconds window, uint64_t limit);
  /// Stops and clears the line.
  ~LiveLoadLine();
  LiveLoadLine(const LiveLoadLine&) = delete;
  LiveLoadLine& operator=(const LiveLoadLine&) = delete;

 private:
  void Loop();

  std::ostream& out_;
  const std::atomic<uint64_t>& completed_;
  const double warmup_s_;
  const double window_s_;
  const uint64_t limit_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace claimbench::cli
