// Order-statistic and Hodges-Lehmann intervals.
#include "stats/exact_intervals.h"

#include <algorithm>
#include <cmath>

#include "stats/mann_whitney.h"

namespace claimbench::stats {
namespace {

// P(Binomial(n, 1/2) <= k), summed in log space so that large n do not overflow.
double BinomialHalfCdf(int n, int k) {
  if (k < 0) return 0;
  if (k >= n) return 1;
  double total = 0;
  for (int i = 0; i <= k; ++i) {
    double log_choose = std::lgamma(n + 1.0) - std::lgamma(i + 1.0) - std::lgamma(n - i + 1.0);
    total += std::exp(log_choose - n * std::log(2.0));
  }
  return std::min(total, 1.0);
}

// The largest k (1-based rank) with 2 P(B <= k - 1) <= 1 - level, or 0.
int MedianRank(int n, double level) {
  const double tail = (1 - level) / 2;
  int k = 0;
  while (k + 1 <= (n + 1) / 2 && BinomialHalfCdf(n, k) <= tail + 1e-12) ++k;
  return k;
}

// The largest c with 2 P(U <= c - 1) <= 1 - level, or 0.
int MannWhitneyRank(int m, int n, double level) {
  std::vector<double> counts = MannWhitneyNullCounts(m, n);
  double total = 0;
  for (double c : counts) total += c;
  const double tail = (1 - level) / 2;
  double cumulative = 0;
  int c = 0;
  while (c < static_cast<int>(counts.size()) / 2) {
    cumulative += counts[c];
    if (cumulative / total > tail + 1e-12) break;
    ++c;
  }
  return c;
}

}  // namespace

std::optional<Interval> MedianOrderInterval(std::vector<double> samples, double level) {
  const int n = static_cast<int>(samples.size());
  const int k = MedianRank(n, level);
  if (k < 1) return std::nullopt;
  std::sort(samples.begin(), samples.end());
  return Interval{samples[k - 1], samples[n - k]};
}

int MinSamplesForMedianInterval(double level) {
  int n = 1;
  while (MedianRank(n, level) < 1) ++n;
  return n;
}

double MedianIntervalCoverage(int n, double level) {
  const int k = MedianRank(n, level);
  return k < 1 ? 0 : 1 - 2 * BinomialHalfCdf(n, k - 1);
}

std::optional<Interval> RatioRankInterval(const std::vector<double>& numerator,
                                          const std::vector<double>& denominator, double level) {
  const int m = static_cast<int>(numerator.size());
  const int n = static_cast<int>(denominator.size());
  if (m < 1 || n < 1) return std::nullopt;
  auto positive = [](double v) { return v > 0; };
  if (!std::all_of(numerator.begin(), numerator.end(), positive) ||
      !std::all_of(denominator.begin(), denominator.end(), positive)) {
    return std::nullopt;
  }
  const int c = MannWhitneyRank(m, n, level);
  if (c < 1) return std::nullopt;
  std::vector<double> differences;
  differences.reserve(static_cast<size_t>(m) * n);
  for (double x : numerator) {
    for (double y : denominator) differences.push_back(std::log(x) - std::log(y));
  }
  std::sort(differences.begin(), differences.end());
  return Interval{std::exp(differences[c - 1]), std::exp(differences[differences.size() - c])};
}

int MinSamplesForRatioInterval(double level) {
  int n = 1;
  while (MannWhitneyRank(n, n, level) < 1) ++n;
  return n;
}

}  // namespace claimbench::stats
