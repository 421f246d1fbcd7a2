// The gate's statistics on data whose answers are known: exact Mann-Whitney p-values (a
// textbook example, complete separation, ties against a brute-force enumeration), the
// smallest attainable p, Holm's adjustment, and the bimodality test.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include "stats/holm.h"
#include "stats/mann_whitney.h"
#include "stats/modality.h"
#include "util/splitmix64.h"

namespace claimbench::stats {
namespace {

// Every way to split `all` into m and the rest, the two-sided p of the rank-sum by brute
// force: the share of splits whose mid-rank sum lies as far from its mean as the observed.
double BruteForceP(const std::vector<double>& x, const std::vector<double>& y) {
  std::vector<double> all = x;
  all.insert(all.end(), y.begin(), y.end());
  const size_t n = all.size(), m = x.size();
  std::vector<double> rank(n);
  for (size_t i = 0; i < n; ++i) {
    double below = 0, equal = 0;
    for (size_t j = 0; j < n; ++j) {
      below += all[j] < all[i];
      equal += all[j] == all[i];
    }
    rank[i] = below + (equal + 1) / 2;
  }
  const double mean = m * (n + 1) / 2.0;
  double observed = 0;
  for (size_t i = 0; i < m; ++i) observed += rank[i];
  int extreme = 0, total = 0;
  for (unsigned mask = 0; mask < (1u << n); ++mask) {
    if (static_cast<size_t>(__builtin_popcount(mask)) != m) continue;
    double sum = 0;
    for (size_t i = 0; i < n; ++i) {
      if (mask & (1u << i)) sum += rank[i];
    }
    ++total;
    if (std::abs(sum - mean) >= std::abs(observed - mean) - 1e-9) ++extreme;
  }
  return static_cast<double>(extreme) / total;
}

TEST(MannWhitney, TextbookExample) {
  // R's ?wilcox.test example: W = 35, one-sided p 0.1272, so two-sided 0.2544.
  const std::vector<double> x = {0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46};
  const std::vector<double> y = {1.15, 0.88, 0.90, 0.74, 1.21};
  const MannWhitneyResult r = MannWhitneyTest(x, y);
  EXPECT_DOUBLE_EQ(r.u, 35);
  EXPECT_NEAR(r.p, 0.2544, 5e-5);
  EXPECT_TRUE(r.exact);
}

TEST(MannWhitney, CompleteSeparationGivesTheSmallestP) {
  EXPECT_NEAR(MannWhitneyTest({1, 2, 3, 4, 5}, {6, 7, 8, 9, 10}).p, 2.0 / 252, 1e-12);
  EXPECT_NEAR(MannWhitneyTest({6, 7, 8}, {1, 2, 3}).p, 0.1, 1e-12);
  EXPECT_NEAR(SmallestTwoSidedP(5, 5), 0.0079365, 1e-6);
  EXPECT_NEAR(SmallestTwoSidedP(3, 3), 0.1, 1e-12);
  EXPECT_NEAR(SmallestTwoSidedP(6, 6), 2.0 / 924, 1e-12);
  EXPECT_DOUBLE_EQ(SmallestTwoSidedP(1, 1), 1);
}

TEST(MannWhitney, TiesMatchABruteForceEnumeration) {
  const std::vector<std::pair<std::vector<double>, std::vector<double>>> cases = {
      {{1, 1, 2, 3, 3}, {2, 3, 4, 4, 5}},
      {{10, 10, 10, 11}, {10, 11, 11, 12, 12}},
      {{5, 5, 5}, {5, 5, 5, 5}},
      {{1, 2, 2, 2, 9, 9}, {2, 3, 9, 9, 9, 9}},
  };
  for (const auto& [x, y] : cases) EXPECT_NEAR(MannWhitneyTest(x, y).p, BruteForceP(x, y), 1e-12);
}

TEST(MannWhitney, LargeSamplesUseTheNormalApproximation) {
  std::vector<double> x(60), y(60);
  for (int i = 0; i < 60; ++i) {
    x[i] = 2 * i;
    y[i] = 2 * i + 1;
  }
  const MannWhitneyResult same = MannWhitneyTest(x, y);
  EXPECT_FALSE(same.exact);
  EXPECT_GT(same.p, 0.8);
  for (double& v : y) v += 200;
  EXPECT_LT(MannWhitneyTest(x, y).p, 1e-10);
}

TEST(Holm, StepDownAdjustment) {
  const std::vector<double> adjusted = HolmAdjusted({0.01, 0.04, 0.03, 0.005});
  ASSERT_EQ(adjusted.size(), 4u);
  EXPECT_NEAR(adjusted[0], 0.03, 1e-12);   // 3 x 0.01
  EXPECT_NEAR(adjusted[1], 0.06, 1e-12);   // max(0.06, 1 x 0.04)
  EXPECT_NEAR(adjusted[2], 0.06, 1e-12);   // 2 x 0.03
  EXPECT_NEAR(adjusted[3], 0.02, 1e-12);   // 4 x 0.005
  EXPECT_DOUBLE_EQ(HolmAdjusted({0.6, 0.7})[1], 1);
}

std::vector<double> Normals(uint64_t seed, int n, double mean, double sd) {
  std::vector<double> out;
  for (int i = 0; i < n; ++i) {
    const double u1 = (static_cast<double>(SplitMix64(seed) >> 11) + 1) / 9007199254740993.0;
    const double u2 = static_cast<double>(SplitMix64(seed) >> 11) / 9007199254740992.0;
    out.push_back(mean + sd * std::sqrt(-2 * std::log(u1)) * std::cos(2 * M_PI * u2));
  }
  return out;
}

TEST(Modality, AFiftyFiftyMixtureOfTwoModesIsBimodal) {
  std::vector<double> mixture = Normals(1, 5, 1000, 5);
  const std::vector<double> upper = Normals(2, 5, 1300, 5);
  mixture.insert(mixture.end(), upper.begin(), upper.end());
  const auto split = BimodalSplit(mixture, 0.03);
  ASSERT_TRUE(split.has_value());
  EXPECT_EQ(split->lower_count, 5);
  EXPECT_EQ(split->upper_count, 5);
  EXPECT_GT(split->ratio, split->critical);
}

TEST(Modality, OneNormalModeIsRarelyBimodal) {
  int bimodal = 0;
  for (uint64_t seed = 0; seed < 1000; ++seed) bimodal += BimodalSplit(Normals(seed, 6, 1000, 30), 0.03).has_value();
  EXPECT_LE(bimodal, 5);  // 0.1% by construction: 1 expected in 1000
}

TEST(Modality, AGapSmallerThanTheFloorIsNotWorthAWarning) {
  // Two tight groups 1% apart: a gate with a 3% floor would never flag that difference.
  EXPECT_FALSE(BimodalSplit({1000, 1000.1, 1000.2, 1010, 1010.1, 1010.2}, 0.03).has_value());
  EXPECT_TRUE(BimodalSplit({1000, 1000.1, 1000.2, 1010, 1010.1, 1010.2}, 0.005).has_value());
}

TEST(Modality, TooFewSamplesAreNeverBimodal) { EXPECT_FALSE(BimodalSplit({1, 1, 100, 100}, 0.03).has_value()); }

}  // namespace
}  // namespace claimbench::stats
