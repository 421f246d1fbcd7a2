// Bootstrap intervals: exact on degenerate inputs, covering the truth on known ones,
// reproducible for a seed.
#include <gtest/gtest.h>

#include "stats/bootstrap.h"

namespace claimbench::stats {
namespace {

TEST(Bootstrap, OneSampleHasNoInterval) {
  EXPECT_FALSE(MedianInterval({5.0}).has_value());
  EXPECT_FALSE(RatioInterval({1.0, 2.0}, {3.0}).has_value());
}

TEST(Bootstrap, ConstantSamplesGiveAPointInterval) {
  auto ci = MedianInterval({7, 7, 7, 7, 7});
  ASSERT_TRUE(ci);
  EXPECT_EQ(ci->low, 7);
  EXPECT_EQ(ci->high, 7);
  auto ratio = RatioInterval({6, 6, 6}, {3, 3, 3});
  ASSERT_TRUE(ratio);
  EXPECT_EQ(ratio->low, 2);
  EXPECT_EQ(ratio->high, 2);
}

TEST(Bootstrap, IntervalHoldsTheMedianAndStaysInsideTheData) {
  std::vector<double> samples = {10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20};
  auto ci = MedianInterval(samples);
  ASSERT_TRUE(ci);
  EXPECT_LE(ci->low, 15);
  EXPECT_GE(ci->high, 15);
  EXPECT_GE(ci->low, 10);
  EXPECT_LE(ci->high, 20);
  EXPECT_LT(ci->low, ci->high);
}

TEST(Bootstrap, SameSeedSameIntervalOtherSeedMayDiffer) {
  std::vector<double> a = {1, 5, 2, 8, 3, 9, 4};
  auto x = MedianInterval(a, {.seed = 1});
  auto y = MedianInterval(a, {.seed = 1});
  ASSERT_TRUE(x && y);
  EXPECT_EQ(x->low, y->low);
  EXPECT_EQ(x->high, y->high);
}

TEST(Bootstrap, RatioIntervalBracketsTheRatioOfMedians) {
  auto ci = RatioInterval({200, 210, 190, 205, 195}, {100, 102, 98, 101, 99});
  ASSERT_TRUE(ci);
  EXPECT_LE(ci->low, 2.0);
  EXPECT_GE(ci->high, 2.0);
  EXPECT_GT(ci->low, 1.8);
  EXPECT_LT(ci->high, 2.2);
}

TEST(Bootstrap, NoisyWhenHalfWidthExceedsTenPercent) {
  EXPECT_FALSE(Noisy(100, Interval{95, 105}));
  EXPECT_TRUE(Noisy(100, Interval{80, 110}));
  EXPECT_TRUE(Noisy(100, std::nullopt));
}

}  // namespace
}  // namespace claimbench::stats
