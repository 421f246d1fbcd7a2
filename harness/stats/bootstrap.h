// Confidence intervals by the percentile bootstrap (Efron): resample the trials with
// replacement, take the statistic of each resample, read the interval from the spread.
// Hand-written: Debian packages no C++ bootstrap library, and Boost.Math has none.
// Resampling indices come from SplitMix64, so an interval is the same for the same seed
// on every platform.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace claimbench::stats {

struct Interval {
  double low = 0;
  double high = 0;
};

struct BootstrapOptions {
  uint64_t seed = 42;
  int resamples = 2000;
  double level = 0.95;  ///< two-sided coverage
};

/// The CI of the median of `samples`; nullopt with fewer than 2 samples (no spread to
/// resample: a single trial has no interval).
std::optional<Interval> MedianInterval(const std::vector<double>& samples, const BootstrapOptions& options = {});

/// The CI of median(numerator) / median(denominator), resampling each side on its own
/// (independent trials); nullopt when a side has fewer than 2 samples or a resampled
/// denominator median is 0.
std::optional<Interval> RatioInterval(const std::vector<double>& numerator, const std::vector<double>& denominator,
                                      const BootstrapOptions& options = {});

/// Whether a cell is too noisy to read at a glance: its CI's half-width exceeds
/// `threshold` of its median (10% by default), or it has no CI.
bool Noisy(double median, const std::optional<Interval>& interval, double threshold = 0.10);

}  // namespace claimbench::stats
