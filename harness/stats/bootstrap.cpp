// Percentile bootstrap.
#include "stats/bootstrap.h"

#include <algorithm>
#include <cmath>

#include "stats/median.h"
#include "util/splitmix64.h"

namespace claimbench::stats {
namespace {

// One resample's median, drawn with replacement.
double ResampledMedian(const std::vector<double>& samples, uint64_t& state, std::vector<double>& scratch) {
  scratch.resize(samples.size());
  for (auto& v : scratch) v = samples[SplitMix64(state) % samples.size()];
  return Median(scratch);
}

// The percentile interval of `statistics` at `level`.
Interval Percentiles(std::vector<double> statistics, double level) {
  std::sort(statistics.begin(), statistics.end());
  double tail = (1 - level) / 2;
  auto at = [&](double q) {
    size_t i = static_cast<size_t>(std::floor(q * static_cast<double>(statistics.size() - 1) + 0.5));
    return statistics[std::min(i, statistics.size() - 1)];
  };
  return {at(tail), at(1 - tail)};
}

}  // namespace

std::optional<Interval> MedianInterval(const std::vector<double>& samples, const BootstrapOptions& options) {
  if (samples.size() < 2) return std::nullopt;
  uint64_t state = options.seed;
  std::vector<double> statistics, scratch;
  statistics.reserve(options.resamples);
  for (int i = 0; i < options.resamples; ++i) statistics.push_back(ResampledMedian(samples, state, scratch));
  return Percentiles(std::move(statistics), options.level);
}

std::optional<Interval> RatioInterval(const std::vector<double>& numerator, const std::vector<double>& denominator,
                                      const BootstrapOptions& options) {
  if (numerator.size() < 2 || denominator.size() < 2) return std::nullopt;
  uint64_t state = options.seed;
  std::vector<double> statistics, scratch;
  statistics.reserve(options.resamples);
  for (int i = 0; i < options.resamples; ++i) {
    double num = ResampledMedian(numerator, state, scratch);
    double den = ResampledMedian(denominator, state, scratch);
    if (den == 0) return std::nullopt;
    statistics.push_back(num / den);
  }
  return Percentiles(std::move(statistics), options.level);
}

bool Noisy(double median, const std::optional<Interval>& interval, double threshold) {
  if (!interval) return true;
  if (median == 0) return interval->high != interval->low;
  return (interval->high - interval->low) / 2 > threshold * std::abs(median);
}

}  // namespace claimbench::stats
