// A log-linear latency histogram in the manner of HdrHistogram (Gil Tene), written by hand:
// Debian ships no package of HdrHistogram_c and the build downloads nothing. The bucket layout,
// the index arithmetic and the percentile walk follow HdrHistogram_c `hdr_histogram.c` and the
// Java `AbstractHistogram.getValueAtPercentile` / `PercentileIterator`, so figures read from it
// mean what wrk2 and HdrHistogram users expect. Memory is one flat counts array allocated in the
// constructor; Record never allocates.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace claimbench::load {

/// One non-empty bucket: every value in [lowest_ns, highest_ns] is counted as equivalent.
struct HistogramBucket {
  int64_t lowest_ns = 0;   ///< lowest value the bucket holds (ns)
  int64_t highest_ns = 0;  ///< highest value the bucket holds (ns)
  int64_t count = 0;       ///< values recorded in the bucket (count)
};

/// One row of a percentile spectrum (HdrHistogram's `outputPercentileDistribution`).
struct PercentilePoint {
  double percentile = 0;         ///< percentile level iterated to, 0..100 (%)
  int64_t value_ns = 0;          ///< value at that level (ns)
  int64_t cumulative_count = 0;  ///< values at or below value_ns (count)
};

class Histogram {
 public:
  static constexpr int64_t kDefaultLowestNs = 1;
  static constexpr int64_t kDefaultHighestNs = 60'000'000'000;
  static constexpr int kDefaultSignificantDigits = 3;

  /// Tracks [lowest, highest] with `significant_digits` decimal digits of resolution (relative
  /// error of a bucket at most 10^-digits). Throws std::invalid_argument when lowest < 1,
  /// highest < 2 * lowest or significant_digits is outside 1..5 (HdrHistogram's limits).
  explicit Histogram(int64_t lowest = kDefaultLowestNs, int64_t highest = kDefaultHighestNs,
                     int significant_digits = kDefaultSignificantDigits);

  /// Records one value. Values below `lowest` or above `highest` go to the underflow and
  /// overflow counters (never dropped); Min/Max/Mean stay exact for them too.
  void Record(int64_t value_ns);
  /// Records `count` copies of a value. Throws std::invalid_argument when count < 0.
  void RecordN(int64_t value_ns, int64_t count);
  /// Adds every value of `other`. Throws std::invalid_argument if the configurations differ.
  void Merge(const Histogram& other);
  /// Forgets every value; keeps the counts array.
  void Reset();

  /// All recorded values, in range or not.
  int64_t Count() const { return total_count_; }
  int64_t UnderflowCount() const { return underflow_count_; }
  int64_t OverflowCount() const { return overflow_count_; }
  /// Exact smallest / largest recorded value; 0 when empty.
  int64_t Min() const { return total_count_ == 0 ? 0 : min_; }
  int64_t Max() const { return total_count_ == 0 ? 0 : max_; }
  /// Mean (from an exact integer sum) and population standard deviation of every recorded
  /// value, out-of-range ones included; 0 when empty.
  double Mean() const;
  double Stddev() const;

  /// HdrHistogram's value at percentile (0..100): the rank is ceil(p/100 * Count()), at least
  /// 1; the buckets are walked in order to the first one whose cumulative count reaches the
  /// rank, and that bucket's highest equivalent value is returned. Underflow counts as a bucket
  /// below all others (highest value lowest - 1), overflow as one above them (valued Max()).
  /// One deviation: the answer is capped at Max() (so p=100 is the exact Max and no percentile
  /// exceeds it), and p=0 returns the exact Min(). 0 when empty.
  int64_t ValueAtPercentile(double percentile) const;

  /// The percentile spectrum of HdrHistogram's PercentileIterator: levels start at 0% and step
  /// by 100 / (ticks * 2^(floor(log2(100 / (100 - level))) + 1)), halving the step at each half
  /// distance to 100%; a final row at 100% carries Max(). Empty when nothing was recorded.
  std::vector<PercentilePoint> Spectrum(int ticks_per_half_distance = 5) const;

  /// Calls f(const HistogramBucket&) for each non-empty in-range bucket in ascending order
  /// (out-of-range values are in UnderflowCount/OverflowCount and Min/Max). No allocation.
  template <typename F>
  void ForEachBucket(F&& f) const {
    for (size_t i = 0; i < counts_.size(); ++i) {
      if (counts_[i] != 0) {
        f(HistogramBucket{ValueAtIndex(i), ValueAtIndex(i) + WidthAtIndex(i) - 1, counts_[i]});
      }
    }
  }
  /// The same buckets as a vector, e.g. to store the full distribution in a results file.
  std::vector<HistogramBucket> Buckets() const;

  /// Bounds of the bucket that `value_ns` (in range) falls in.
  int64_t LowestEquivalentValue(int64_t value_ns) const;
  int64_t HighestEquivalentValue(int64_t value_ns) const;

  int64_t lowest() const { return lowest_; }
  int64_t highest() const { return highest_; }
  int significant_digits() const { return significant_digits_; }
  /// Size of the counts array (entries); constant for the histogram's life.
  size_t bucket_count() const { return counts_.size(); }

 private:
  size_t CountsIndex(int64_t value) const {
    const int bucket = BucketIndex(value);
    const int64_t sub_bucket = value >> (bucket + unit_magnitude_);
    return (static_cast<size_t>(bucket + 1) << sub_bucket_half_count_magnitude_) +
           static_cast<size_t>(sub_bucket - sub_bucket_half_count_);
  }
  int BucketIndex(int64_t value) const {
    const int pow2_ceiling =
        64 - std::countl_zero(static_cast<uint64_t>(value | sub_bucket_mask_));
    return pow2_ceiling - unit_magnitude_ - (sub_bucket_half_count_magnitude_ + 1);
  }
  int64_t ValueAtIndex(size_t index) const;
  int64_t WidthAtIndex(size_t index) const;
  [[noreturn]] static void ThrowNegativeCount(int64_t count);
  bool SameConfiguration(const Histogram& other) const;

  int64_t lowest_;
  int64_t highest_;
  int significant_digits_;
  int unit_magnitude_ = 0;
  int sub_bucket_half_count_magnitude_ = 0;
  int64_t sub_bucket_half_count_ = 0;
  int64_t sub_bucket_mask_ = 0;
  std::vector<int64_t> counts_;

  int64_t total_count_ = 0;
  int64_t underflow_count_ = 0;
  int64_t overflow_count_ = 0;
  int64_t min_ = std::numeric_limits<int64_t>::max();
  int64_t max_ = std::numeric_limits<int64_t>::min();
  // Mean and variance from sums of (value - shift_), shift_ being the first value recorded: the
  // "assumed mean" method, exact for the mean (integer sum) and free of the cancellation that a
  // plain sum of squares suffers when the spread is tiny next to the values (all near 60 s).
  int64_t shift_ = 0;
  __int128 sum_delta_ = 0;
  double sum_delta_squared_ = 0;
};

// Inline: this is the load generator's per-response hot path (see bench/histogram_bench.cpp).
inline void Histogram::Record(int64_t value_ns) {
  if (total_count_ == 0) shift_ = value_ns;
  ++total_count_;
  min_ = value_ns < min_ ? value_ns : min_;
  max_ = value_ns > max_ ? value_ns : max_;
  sum_delta_ += static_cast<__int128>(value_ns) - shift_;
  const double delta = static_cast<double>(value_ns) - static_cast<double>(shift_);
  sum_delta_squared_ += delta * delta;
  if (value_ns < lowest_) {
    ++underflow_count_;
  } else if (value_ns > highest_) {
    ++overflow_count_;
  } else {
    ++counts_[CountsIndex(value_ns)];
  }
}

inline void Histogram::RecordN(int64_t value_ns, int64_t count) {
  if (count <= 0) {
    if (count < 0) ThrowNegativeCount(count);
    return;
  }
  if (total_count_ == 0) shift_ = value_ns;
  total_count_ += count;
  min_ = value_ns < min_ ? value_ns : min_;
  max_ = value_ns > max_ ? value_ns : max_;
  sum_delta_ += (static_cast<__int128>(value_ns) - shift_) * count;
  const double delta = static_cast<double>(value_ns) - static_cast<double>(shift_);
  sum_delta_squared_ += delta * delta * static_cast<double>(count);
  if (value_ns < lowest_) {
    underflow_count_ += count;
  } else if (value_ns > highest_) {
    overflow_count_ += count;
  } else {
    counts_[CountsIndex(value_ns)] += count;
  }
}

}  // namespace claimbench::load
