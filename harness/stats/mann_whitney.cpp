// The Mann-Whitney test.
#include "stats/mann_whitney.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace claimbench::stats {
namespace {

struct Ranked {
  std::vector<int> doubled_ranks;  ///< 2 x mid-rank of each value, x's first: whole numbers even with ties
  std::vector<int> tie_sizes;
};

Ranked DoubledMidRanks(const std::vector<double>& x, const std::vector<double>& y) {
  std::vector<std::pair<double, size_t>> all;
  for (size_t i = 0; i < x.size(); ++i) all.emplace_back(x[i], i);
  for (size_t i = 0; i < y.size(); ++i) all.emplace_back(y[i], x.size() + i);
  std::sort(all.begin(), all.end());
  Ranked r;
  r.doubled_ranks.assign(all.size(), 0);
  for (size_t i = 0; i < all.size();) {
    size_t j = i;
    while (j < all.size() && all[j].first == all[i].first) ++j;
    const int doubled = static_cast<int>(i + 1 + j);  // 2 x the mean of ranks i+1 .. j
    for (size_t k = i; k < j; ++k) r.doubled_ranks[all[k].second] = doubled;
    r.tie_sizes.push_back(static_cast<int>(j - i));
    i = j;
  }
  return r;
}

// P(|S - E[S]| >= |s - E[S]|) for S the sum of m of the doubled ranks drawn at random:
// the permutation distribution, counted by a knapsack over (values taken, sum).
double ExactTwoSidedP(const std::vector<int>& doubled, int m, int observed) {
  const int total = std::accumulate(doubled.begin(), doubled.end(), 0);
  std::vector<std::vector<double>> ways(static_cast<size_t>(m) + 1, std::vector<double>(static_cast<size_t>(total) + 1, 0));
  ways[0][0] = 1;
  for (int value : doubled) {
    for (int k = m; k >= 1; --k) {
      for (int s = total; s >= value; --s) ways[k][s] += ways[k - 1][s - value];
    }
  }
  const double n_all = static_cast<double>(doubled.size());
  const double mean = m * static_cast<double>(total) / n_all;
  const double distance = std::abs(observed - mean) - 1e-9;
  double extreme = 0, all = 0;
  for (int s = 0; s <= total; ++s) {
    all += ways[m][s];
    if (std::abs(s - mean) >= distance) extreme += ways[m][s];
  }
  return std::min(1.0, extreme / all);
}

double NormalTwoSidedP(double u, int m, int n, const std::vector<int>& tie_sizes) {
  const double big_n = m + n;
  double ties = 0;
  for (int t : tie_sizes) ties += static_cast<double>(t) * t * t - t;
  const double variance = m * static_cast<double>(n) / 12.0 * ((big_n + 1) - ties / (big_n * (big_n - 1)));
  if (variance <= 0) return 1;
  const double z = (std::abs(u - m * static_cast<double>(n) / 2) - 0.5) / std::sqrt(variance);  // continuity correction
  return std::min(1.0, std::erfc(std::max(z, 0.0) / std::sqrt(2.0)));
}

}  // namespace

MannWhitneyResult MannWhitneyTest(const std::vector<double>& x, const std::vector<double>& y) {
  MannWhitneyResult result;
  if (x.empty() || y.empty()) return result;
  const int m = static_cast<int>(x.size());
  const int n = static_cast<int>(y.size());
  const Ranked ranked = DoubledMidRanks(x, y);
  const int doubled_sum = std::accumulate(ranked.doubled_ranks.begin(), ranked.doubled_ranks.begin() + m, 0);
  result.u = doubled_sum / 2.0 - m * (m + 1) / 2.0;
  if (m + n <= kMannWhitneyExactLimit) {
    result.p = ExactTwoSidedP(ranked.doubled_ranks, m, doubled_sum);
  } else {
    result.exact = false;
    result.p = NormalTwoSidedP(result.u, m, n, ranked.tie_sizes);
  }
  return result;
}

double SmallestTwoSidedP(int m, int n) {
  if (m < 1 || n < 1) return 1;
  // log C(m + n, m)
  const double log_choose = std::lgamma(m + n + 1.0) - std::lgamma(m + 1.0) - std::lgamma(n + 1.0);
  return std::min(1.0, 2 * std::exp(-log_choose));
}

std::vector<double> MannWhitneyNullCounts(int m, int n) {
  // layer[j] holds f(i, j, .) for the current i.
  std::vector<std::vector<double>> layer(static_cast<size_t>(n) + 1, std::vector<double>(1, 1.0));  // f(0, j, 0) = 1
  for (int i = 1; i <= m; ++i) {
    std::vector<std::vector<double>> next(static_cast<size_t>(n) + 1);
    next[0] = {1.0};  // f(i, 0, 0) = 1
    for (int j = 1; j <= n; ++j) {
      std::vector<double> f(static_cast<size_t>(i) * j + 1, 0.0);
      for (size_t u = 0; u < layer[j].size(); ++u) f[u + j] += layer[j][u];      // f(i-1, j, u-j)
      for (size_t u = 0; u < next[j - 1].size(); ++u) f[u] += next[j - 1][u];  // f(i, j-1, u)
      next[j] = std::move(f);
    }
    layer = std::move(next);
  }
  return layer[n];
}

}  // namespace claimbench::stats
