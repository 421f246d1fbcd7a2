// Confidence intervals whose coverage holds at the sample sizes a benchmark has (five or
// ten trials), where a percentile bootstrap does not: with three samples its "95%"
// interval is [min, max], which covers the median 75% of the time.
//
// - The median: the distribution-free order-statistic interval [x_(k), x_(n+1-k)], with the
//   largest k whose coverage 1 - 2 P(Binomial(n, 1/2) <= k - 1) is at least the level.
//   Exact for any continuous distribution; none exists below n = 6 at 95%.
// - A ratio of two independent samples' typical values: the Hodges-Lehmann interval from
//   the Mann-Whitney distribution, on logarithms (the shift d in log x = log y + d,
//   exponentiated). Exact when the two log-distributions differ by location only; needs 4
//   samples a side at 95%.
// Hand-written: Debian packages no C++ library with these exact intervals (Boost.Math has
// the binomial, not Mann-Whitney).
#pragma once

#include <optional>
#include <vector>

#include "stats/bootstrap.h"

namespace claimbench::stats {

/// The order-statistic interval of the median of `samples` at `level`; nullopt when there
/// are too few samples for one (MinSamplesForMedianInterval).
std::optional<Interval> MedianOrderInterval(std::vector<double> samples, double level = 0.95);

/// The least n for which MedianOrderInterval exists at `level` (6 at 95%).
int MinSamplesForMedianInterval(double level = 0.95);

/// The coverage the order-statistic interval actually has for n samples (>= level), or 0
/// when there is none.
double MedianIntervalCoverage(int n, double level = 0.95);

/// The Hodges-Lehmann interval of numerator/denominator at `level`; nullopt when a side has
/// too few samples (MinSamplesForRatioInterval) or a value is not positive.
std::optional<Interval> RatioRankInterval(const std::vector<double>& numerator,
                                          const std::vector<double>& denominator, double level = 0.95);

/// The least number of samples a side (both sides equal) for which RatioRankInterval exists
/// at `level` (4 at 95%).
int MinSamplesForRatioInterval(double level = 0.95);

}  // namespace claimbench::stats
