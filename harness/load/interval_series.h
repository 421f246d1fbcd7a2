// The per-second series of a load run (LoadResult::intervals), built without locks: each client
// thread records into its own IntervalRecorder, which keeps one histogram for the interval in
// progress and, when a completion crosses into the next interval, hands over that histogram's
// non-empty buckets (a few hundred at most) and resets it. After the run the buckets of every
// thread are merged interval by interval, so the percentiles are exactly those of one histogram
// holding all threads' values of that interval — the merge HdrHistogram's interval logs allow.
#pragma once

#include <chrono>
#include <cstdint>
#include <span>
#include <vector>

#include "load/histogram.h"
#include "load/load_result.h"

namespace claimbench::load {

class IntervalRecorder {
 public:
  static constexpr std::chrono::nanoseconds kDefaultInterval = std::chrono::seconds(1);

  /// Splits [0, window) into intervals of `interval`, the last one shorter when `window` is not a
  /// multiple. Throws std::invalid_argument when either is not positive.
  explicit IntervalRecorder(std::chrono::nanoseconds window,
                            std::chrono::nanoseconds interval = kDefaultInterval);

  /// Records a success whose completion came `since_window_start` after the window opened
  /// (0 <= since_window_start < window; values outside are ignored). Completions arrive in time
  /// order from one thread; an earlier one is still counted exactly, in its own interval.
  void RecordLatency(std::chrono::nanoseconds since_window_start, int64_t latency_ns) {
    const int64_t t = since_window_start.count();
    if (t >= current_begin_ns_ && t < current_end_ns_) {
      current_.Record(latency_ns);
      return;
    }
    RecordOutsideCurrent(t, latency_ns);
  }
  /// Counts a failure that ended `since_window_start` after the window opened (ignored outside).
  void RecordError(std::chrono::nanoseconds since_window_start);
  /// Hands over the interval in progress; call once the thread has recorded its last value.
  void Flush();

  /// Number of intervals covering the window (count).
  size_t interval_count() const { return intervals_.size(); }

  /// The series over all `recorders` (all of the same window and interval, each flushed).
  /// Throws std::invalid_argument when their windows or intervals differ.
  static std::vector<IntervalStats> Merge(std::span<const IntervalRecorder* const> recorders);

 private:
  struct Interval {
    uint64_t requests = 0;
    uint64_t errors = 0;
    int64_t max_ns = 0;
    // Non-empty buckets handed over; underflow is stored as value 0 and overflow as the exact max,
    // so that re-recording them reproduces HdrHistogram's out-of-range semantics.
    std::vector<HistogramBucket> buckets;
  };

  void RecordOutsideCurrent(int64_t t_ns, int64_t latency_ns);
  void HandOver();

  int64_t window_ns_;
  int64_t interval_ns_;
  std::vector<Interval> intervals_;
  Histogram current_;
  size_t current_index_ = 0;
  int64_t current_begin_ns_ = 0;
  int64_t current_end_ns_ = 0;
};

}  // namespace claimbench::load
