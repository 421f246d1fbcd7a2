// The log-linear latency histogram: construction (HdrHistogram's layout arithmetic), merging,
// and the read side (percentiles, spectrum, buckets, moments).
#include "load/histogram.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace claimbench::load {

Histogram::Histogram(int64_t lowest, int64_t highest, int significant_digits)
    : lowest_(lowest), highest_(highest), significant_digits_(significant_digits) {
  if (lowest < 1) {
    throw std::invalid_argument("histogram: lowest value must be >= 1, got " +
                                std::to_string(lowest));
  }
  if (significant_digits < 1 || significant_digits > 5) {
    throw std::invalid_argument("histogram: significant digits must be 1..5, got " +
                                std::to_string(significant_digits));
  }
  if (highest < 2 * lowest) {
    throw std::invalid_argument("histogram: highest value must be >= 2 * lowest, got " +
                                std::to_string(highest));
  }
  // As hdr_calculate_bucket_config: enough sub-buckets that two values 10^-digits apart
  // relative to each other land in different buckets.
  int64_t largest_with_single_unit_resolution = 2;
  for (int i = 0; i < significant_digits; ++i) largest_with_single_unit_resolution *= 10;
  int sub_bucket_count_magnitude = 0;
  while ((int64_t{1} << sub_bucket_count_magnitude) < largest_with_single_unit_resolution) {
    ++sub_bucket_count_magnitude;
  }
  sub_bucket_half_count_magnitude_ = sub_bucket_count_magnitude - 1;
  unit_magnitude_ = 63 - std::countl_zero(static_cast<uint64_t>(lowest));
  if (unit_magnitude_ + sub_bucket_half_count_magnitude_ > 61) {
    throw std::invalid_argument("histogram: lowest value too large for the requested digits");
  }
  const int64_t sub_bucket_count = int64_t{1} << sub_bucket_count_magnitude;
  sub_bucket_half_count_ = sub_bucket_count / 2;
  sub_bucket_mask_ = (sub_bucket_count - 1) << unit_magnitude_;
  // Only the slots up to `highest` are ever written: size the array exactly.
  counts_.assign(CountsIndex(highest) + 1, 0);
}

void Histogram::ThrowNegativeCount(int64_t count) {
  throw std::invalid_argument("histogram: cannot record a negative count (" +
                              std::to_string(count) + ")");
}

int64_t Histogram::ValueAtIndex(size_t index) const {
  // hdr_value_at_index: the first half-bucket of bucket 0 is folded into bucket 0.
  int bucket = static_cast<int>(index >> sub_bucket_half_count_magnitude_) - 1;
  int64_t sub_bucket =
      static_cast<int64_t>(index & static_cast<size_t>(sub_bucket_half_count_ - 1)) +
      sub_bucket_half_count_;
  if (bucket < 0) {
    sub_bucket -= sub_bucket_half_count_;
    bucket = 0;
  }
  return sub_bucket << (bucket + unit_magnitude_);
}

int64_t Histogram::WidthAtIndex(size_t index) const {
  const int bucket = std::max(0, static_cast<int>(index >> sub_bucket_half_count_magnitude_) - 1);
  return int64_t{1} << (bucket + unit_magnitude_);
}

int64_t Histogram::LowestEquivalentValue(int64_t value_ns) const {
  return ValueAtIndex(CountsIndex(value_ns));
}

int64_t Histogram::HighestEquivalentValue(int64_t value_ns) const {
  const size_t index = CountsIndex(value_ns);
  return ValueAtIndex(index) + WidthAtIndex(index) - 1;
}

bool Histogram::SameConfiguration(const Histogram& other) const {
  return lowest_ == other.lowest_ && highest_ == other.highest_ &&
         significant_digits_ == other.significant_digits_;
}

void Histogram::Merge(const Histogram& other) {
  if (!SameConfiguration(other)) {
    throw std::invalid_argument("histogram: cannot merge histograms of different configurations");
  }
  if (other.total_count_ == 0) return;
  for (size_t i = 0; i < counts_.size(); ++i) counts_[i] += other.counts_[i];
  if (total_count_ == 0) {
    shift_ = other.shift_;
    sum_delta_ = other.sum_delta_;
    sum_delta_squared_ = other.sum_delta_squared_;
  } else {
    // Re-base the other's sums from its shift onto ours.
    const __int128 offset = static_cast<__int128>(other.shift_) - shift_;
    const auto offset_d = static_cast<double>(offset);
    sum_delta_ += other.sum_delta_ + offset * other.total_count_;
    sum_delta_squared_ += other.sum_delta_squared_ +
                          2 * offset_d * static_cast<double>(other.sum_delta_) +
                          offset_d * offset_d * static_cast<double>(other.total_count_);
  }
  total_count_ += other.total_count_;
  underflow_count_ += other.underflow_count_;
  overflow_count_ += other.overflow_count_;
  min_ = std::min(min_, other.min_);
  max_ = std::max(max_, other.max_);
}

void Histogram::Reset() {
  std::fill(counts_.begin(), counts_.end(), 0);
  total_count_ = underflow_count_ = overflow_count_ = 0;
  min_ = std::numeric_limits<int64_t>::max();
  max_ = std::numeric_limits<int64_t>::min();
  shift_ = 0;
  sum_delta_ = 0;
  sum_delta_squared_ = 0;
}

double Histogram::Mean() const {
  if (total_count_ == 0) return 0;
  return static_cast<double>(shift_ + static_cast<long double>(sum_delta_) / total_count_);
}

double Histogram::Stddev() const {
  if (total_count_ == 0) return 0;
  const long double mean_delta = static_cast<long double>(sum_delta_) / total_count_;
  const long double variance =
      static_cast<long double>(sum_delta_squared_) / total_count_ - mean_delta * mean_delta;
  return variance <= 0 ? 0.0 : static_cast<double>(std::sqrt(variance));
}

int64_t Histogram::ValueAtPercentile(double percentile) const {
  if (std::isnan(percentile)) throw std::invalid_argument("histogram: percentile is NaN");
  if (total_count_ == 0) return 0;
  if (percentile <= 0) return Min();
  if (percentile >= 100) return Max();
  // As the Java getValueAtPercentile: one ulp less, so that a product that should be an integer
  // but rounds up does not push the rank into the next bucket.
  const double requested = std::nextafter(percentile, 0.0);
  const auto rank = std::clamp(
      static_cast<int64_t>(std::ceil(requested / 100.0 * static_cast<double>(total_count_))),
      int64_t{1}, total_count_);
  if (rank <= underflow_count_) return std::min(lowest_ - 1, max_);
  int64_t cumulative = underflow_count_;
  for (size_t i = 0; i < counts_.size(); ++i) {
    cumulative += counts_[i];
    if (cumulative >= rank) return std::min(ValueAtIndex(i) + WidthAtIndex(i) - 1, max_);
  }
  return max_;  // the rank lies among the overflow values; Max is their exact upper bound
}

std::vector<PercentilePoint> Histogram::Spectrum(int ticks_per_half_distance) const {
  if (ticks_per_half_distance < 1) {
    throw std::invalid_argument("histogram: ticks per half distance must be >= 1");
  }
  std::vector<PercentilePoint> points;
  if (total_count_ == 0) return points;
  const auto total = static_cast<double>(total_count_);
  double level = 0;
  int64_t cumulative = 0;
  // Visits one slot (underflow, a bucket, or overflow) as PercentileIterator.next() does.
  auto visit = [&](int64_t count, int64_t value) {
    if (count == 0) return;
    cumulative += count;
    if (cumulative == total_count_) {
      // The iterator reports the level it reached, then one last step at 100% (Max).
      points.push_back({level, value, cumulative});
      points.push_back({100.0, max_, cumulative});
      return;
    }
    while (100.0 * static_cast<double>(cumulative) / total >= level && level < 100.0) {
      points.push_back({level, value, cumulative});
      const auto halvings = static_cast<int64_t>(std::log2(100.0 / (100.0 - level)));
      level += 100.0 / (static_cast<double>(ticks_per_half_distance) *
                        std::exp2(static_cast<double>(halvings + 1)));
    }
  };
  visit(underflow_count_, std::min(lowest_ - 1, max_));
  for (size_t i = 0; i < counts_.size(); ++i) {
    visit(counts_[i], std::min(ValueAtIndex(i) + WidthAtIndex(i) - 1, max_));
  }
  visit(overflow_count_, max_);
  return points;
}

std::vector<HistogramBucket> Histogram::Buckets() const {
  std::vector<HistogramBucket> buckets;
  ForEachBucket([&](const HistogramBucket& bucket) { buckets.push_back(bucket); });
  return buckets;
}

}  // namespace claimbench::load
