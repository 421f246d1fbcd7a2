// Exact intervals: the ranks and coverages the binomial and Mann-Whitney distributions
// give, worked out by hand, and coverage on seeded simulated data whose truth is known.
#include <gtest/gtest.h>

#include <cmath>

#include "stats/exact_intervals.h"
#include "stats/median.h"
#include "util/splitmix64.h"

namespace claimbench::stats {
namespace {

// Uniform in (0, 1) from SplitMix64.
double Uniform(uint64_t& state) { return (static_cast<double>(SplitMix64(state) >> 11) + 0.5) / 9007199254740992.0; }

TEST(MedianOrderInterval, TooFewSamplesHaveNone) {
  EXPECT_EQ(MinSamplesForMedianInterval(), 6);  // 2 * (1/2)^5 = 0.0625 > 0.05; 2 * (1/2)^6 < 0.05
  EXPECT_FALSE(MedianOrderInterval({1, 2, 3}).has_value());
  EXPECT_FALSE(MedianOrderInterval({1, 2, 3, 4, 5}).has_value());
  EXPECT_EQ(MedianIntervalCoverage(5), 0);
}

TEST(MedianOrderInterval, RanksAndCoverageAreTheBinomials) {
  // n = 6: only [min, max], coverage 1 - 2/64.
  auto six = MedianOrderInterval({6, 1, 5, 2, 4, 3});
  ASSERT_TRUE(six);
  EXPECT_EQ(six->low, 1);
  EXPECT_EQ(six->high, 6);
  EXPECT_DOUBLE_EQ(MedianIntervalCoverage(6), 1 - 2.0 / 64);
  // n = 10: P(B <= 1) = 11/1024 <= 0.025 < P(B <= 2) = 56/1024, so [x(2), x(9)].
  auto ten = MedianOrderInterval({10, 9, 8, 7, 6, 5, 4, 3, 2, 1});
  ASSERT_TRUE(ten);
  EXPECT_EQ(ten->low, 2);
  EXPECT_EQ(ten->high, 9);
  EXPECT_DOUBLE_EQ(MedianIntervalCoverage(10), 1 - 2 * 11.0 / 1024);
}

TEST(MedianOrderInterval, CoversTheTrueMedianAsOftenAsItSays) {
  // Exponential(1): median ln 2. 4000 seeded draws of n = 10.
  uint64_t state = 12345;
  int covered = 0;
  const int reps = 4000;
  for (int r = 0; r < reps; ++r) {
    std::vector<double> s;
    for (int i = 0; i < 10; ++i) s.push_back(-std::log(Uniform(state)));
    auto ci = MedianOrderInterval(s);
    covered += ci->low <= std::log(2.0) && std::log(2.0) <= ci->high;
  }
  // Coverage is 0.9785; the simulation's standard error is 0.0023.
  EXPECT_NEAR(static_cast<double>(covered) / reps, 0.9785, 0.01);
}

TEST(RatioRankInterval, TooFewSamplesOrNonPositiveValuesHaveNone) {
  EXPECT_EQ(MinSamplesForRatioInterval(), 4);  // 2/C(6,3) = 0.1 > 0.05; 2/C(8,4) = 0.029
  EXPECT_FALSE(RatioRankInterval({1, 2, 3}, {1, 2, 3}).has_value());
  EXPECT_FALSE(RatioRankInterval({1, 2, 3, 4}, {1, 2, 0, 4}).has_value());
  EXPECT_TRUE(RatioRankInterval({1, 2, 3, 4}, {1, 2, 3, 4}).has_value());
}

TEST(RatioRankInterval, FiveAgainstFiveTakesTheThirdRatioFromEachEnd) {
  // Under the null, P(U <= 2) = 4/252 <= 0.025 < P(U <= 3) = 7/252: c = 3. The 25 ratios
  // x/y run 0.4, 0.5, 0.667, ... 6, 8, 10.
  auto ci = RatioRankInterval({2, 4, 6, 8, 10}, {1, 2, 3, 4, 5});
  ASSERT_TRUE(ci);
  EXPECT_DOUBLE_EQ(ci->low, 2.0 / 3);
  EXPECT_DOUBLE_EQ(ci->high, 6.0);
}

TEST(RatioRankInterval, CoversTheTrueRatioAsOftenAsItSays) {
  // x = 2 * (a lognormal), y = the same lognormal: true ratio 2. Five trials a side, as in
  // the quick suite; exact coverage 1 - 2 * 4/252 = 0.968.
  uint64_t state = 777;
  auto lognormal = [&] {
    double u1 = Uniform(state), u2 = Uniform(state);
    return std::exp(0.3 * std::sqrt(-2 * std::log(u1)) * std::cos(2 * M_PI * u2));
  };
  int covered = 0;
  const int reps = 4000;
  for (int r = 0; r < reps; ++r) {
    std::vector<double> x, y;
    for (int i = 0; i < 5; ++i) x.push_back(2 * lognormal());
    for (int i = 0; i < 5; ++i) y.push_back(lognormal());
    auto ci = RatioRankInterval(x, y);
    covered += ci->low <= 2 && 2 <= ci->high;
  }
  EXPECT_NEAR(static_cast<double>(covered) / reps, 0.968, 0.01);
}

}  // namespace
}  // namespace claimbench::stats
