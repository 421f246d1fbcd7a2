// The per-second series: per-thread recording with bucket hand-over at interval boundaries, and
// the exact merge across threads after the run.
#include "load/interval_series.h"

#include <algorithm>
#include <stdexcept>

namespace claimbench::load {
namespace {

double Seconds(int64_t ns) { return static_cast<double>(ns) / 1e9; }

}  // namespace

IntervalRecorder::IntervalRecorder(std::chrono::nanoseconds window, std::chrono::nanoseconds interval)
    : window_ns_(window.count()), interval_ns_(interval.count()) {
  if (window_ns_ <= 0) throw std::invalid_argument("interval series: window must be positive");
  if (interval_ns_ <= 0) throw std::invalid_argument("interval series: interval must be positive");
  intervals_.resize(static_cast<size_t>((window_ns_ + interval_ns_ - 1) / interval_ns_));
  current_end_ns_ = std::min(interval_ns_, window_ns_);
}

void IntervalRecorder::RecordError(std::chrono::nanoseconds since_window_start) {
  const int64_t t = since_window_start.count();
  if (t < 0 || t >= window_ns_) return;
  ++intervals_[static_cast<size_t>(t / interval_ns_)].errors;
}

void IntervalRecorder::RecordOutsideCurrent(int64_t t_ns, int64_t latency_ns) {
  if (t_ns < 0 || t_ns >= window_ns_) return;
  const auto index = static_cast<size_t>(t_ns / interval_ns_);
  if (index > current_index_) {
    HandOver();
    current_index_ = index;
    current_begin_ns_ = static_cast<int64_t>(index) * interval_ns_;
    current_end_ns_ = std::min(current_begin_ns_ + interval_ns_, window_ns_);
    current_.Record(latency_ns);
    return;
  }
  // A completion earlier than the interval in progress: store it as a one-value bucket.
  Interval& late = intervals_[index];
  ++late.requests;
  late.max_ns = std::max(late.max_ns, latency_ns);
  if (latency_ns < current_.lowest()) {
    late.buckets.push_back({0, 0, 1});
  } else if (latency_ns > current_.highest()) {
    late.buckets.push_back({latency_ns, latency_ns, 1});
  } else {
    late.buckets.push_back({current_.LowestEquivalentValue(latency_ns),
                            current_.HighestEquivalentValue(latency_ns), 1});
  }
}

void IntervalRecorder::HandOver() {
  if (current_.Count() == 0) return;
  Interval& interval = intervals_[current_index_];
  interval.requests += static_cast<uint64_t>(current_.Count());
  interval.max_ns = std::max(interval.max_ns, current_.Max());
  if (current_.UnderflowCount() > 0) interval.buckets.push_back({0, 0, current_.UnderflowCount()});
  current_.ForEachBucket([&](const HistogramBucket& bucket) { interval.buckets.push_back(bucket); });
  if (current_.OverflowCount() > 0) {
    interval.buckets.push_back({current_.Max(), current_.Max(), current_.OverflowCount()});
  }
  current_.Reset();
}

void IntervalRecorder::Flush() { HandOver(); }

std::vector<IntervalStats> IntervalRecorder::Merge(std::span<const IntervalRecorder* const> recorders) {
  std::vector<IntervalStats> series;
  if (recorders.empty()) return series;
  const IntervalRecorder& first = *recorders.front();
  for (const IntervalRecorder* recorder : recorders) {
    if (recorder->window_ns_ != first.window_ns_ || recorder->interval_ns_ != first.interval_ns_) {
      throw std::invalid_argument("interval series: cannot merge recorders of different windows");
    }
  }
  Histogram merged(first.current_.lowest(), first.current_.highest(), first.current_.significant_digits());
  for (size_t k = 0; k < first.intervals_.size(); ++k) {
    const int64_t begin_ns = static_cast<int64_t>(k) * first.interval_ns_;
    IntervalStats stats;
    stats.t_s = Seconds(begin_ns);
    stats.duration_s = Seconds(std::min(first.interval_ns_, first.window_ns_ - begin_ns));
    merged.Reset();
    for (const IntervalRecorder* recorder : recorders) {
      const Interval& interval = recorder->intervals_[k];
      stats.requests += interval.requests;
      stats.errors += interval.errors;
      stats.max_ns = std::max(stats.max_ns, interval.max_ns);
      // Any value of a bucket lands in that bucket again; its highest one keeps the percentile
      // walk's answer (a bucket's highest equivalent value, capped at the exact max below).
      for (const HistogramBucket& bucket : interval.buckets) merged.RecordN(bucket.highest_ns, bucket.count);
    }
    if (stats.requests > 0) {
      stats.p50_ns = std::min(merged.ValueAtPercentile(50), stats.max_ns);
      stats.p99_ns = std::min(merged.ValueAtPercentile(99), stats.max_ns);
    }
    series.push_back(stats);
  }
  return series;
}

}  // namespace claimbench::load
