// Direction first, then magnitude: each rule with the numbers that showed it was needed,
// and a property test that an interval wholly across parity from the claim is never
// consistent.
#include <gtest/gtest.h>

#include "claims/judge.h"
#include "util/splitmix64.h"

namespace claimbench::claims {
namespace {

using results::Direction;
using results::Magnitude;
using results::Verdict;

Evidence Interval(double low, double high, int n = 10) {
  Evidence e;
  e.kind = Evidence::Kind::kInterval;
  e.point = (low + high) / 2;
  e.interval = stats::Interval{low, high};
  e.samples = n;
  return e;
}

Evidence OneSample(double point) {
  Evidence e;
  e.kind = Evidence::Kind::kOneSample;
  e.point = point;
  e.samples = 1;
  return e;
}

TEST(Judge, ReversedDirectionIsContradictedWhateverTheTolerance) {
  // "Rust 15-30% faster": Go 2-10% faster measured.
  Judgement j = JudgeRatio(Interval(0.90, 0.98), {1.15, 1.3}, 0.25);
  EXPECT_EQ(j.verdict, Verdict::kContradicted) << j.detail;
  EXPECT_EQ(j.direction, Direction::kReversed);
  EXPECT_NE(j.detail.find("direction reversed"), std::string::npos) << j.detail;
  // The old rule widened [1.15, 1.3] by 25% to [0.92, 1.625] and called Go 5% faster consistent.
  Judgement k = JudgeRatio(Interval(0.94, 0.96), {1.15, 1.3}, 0.25);
  EXPECT_EQ(k.verdict, Verdict::kContradicted) << k.detail;
  EXPECT_EQ(k.direction, Direction::kReversed);
}

TEST(Judge, ToleranceNeverMovesABoundAcrossParity) {
  // Straddling 1: no difference detected, and the lower bound stops at 1, not at 0.92.
  Judgement j = JudgeRatio(Interval(0.97, 1.10), {1.15, 1.3}, 0.25);
  EXPECT_EQ(j.direction, Direction::kNoDifference);
  EXPECT_EQ(j.verdict, Verdict::kInconclusive) << j.detail;
  EXPECT_NE(j.detail.find("(bounds [1, 1.625])"), std::string::npos) << j.detail;
  Judgement k = JudgeRatio(Interval(1.01, 1.10), {1.15, 1.3}, 0.25);
  EXPECT_EQ(k.direction, Direction::kHolds);
  EXPECT_EQ(k.verdict, Verdict::kConsistent) << k.detail;
  // A claimed ratio under 1 ("Rust uses half the memory"): its upper bound stops at 1.
  Judgement m = JudgeRatio(Interval(0.9, 0.99), {0.4, 0.9}, 0.25);
  EXPECT_EQ(m.direction, Direction::kHolds);
  EXPECT_EQ(m.verdict, Verdict::kConsistent) << m.detail;
  EXPECT_NE(m.detail.find("(bounds [0.32, 1])"), std::string::npos) << m.detail;
}

TEST(Judge, WithinTwoTimesAndMoreIsLargerThanStated) {
  Judgement j = JudgeRatio(Interval(2.3, 2.6), {1, 2}, 0);
  EXPECT_EQ(j.verdict, Verdict::kContradicted) << j.detail;
  EXPECT_EQ(j.magnitude, Magnitude::kLarger);
  // A claimed speed-up (time ratio under 1) measured as a bigger one is larger too.
  Judgement k = JudgeRatio(Interval(0.1, 0.15), {0.2, 0.5}, 0);
  EXPECT_EQ(k.magnitude, Magnitude::kLarger);
  EXPECT_EQ(k.direction, Direction::kHolds);
  // And "2-5x faster" measured at parity is smaller than stated, whatever else.
  Judgement l = JudgeRatio(Interval(0.98, 1.06), {0.2, 0.5}, 0.25);
  EXPECT_EQ(l.verdict, Verdict::kContradicted) << l.detail;
  EXPECT_EQ(l.magnitude, Magnitude::kSmaller);
  EXPECT_EQ(l.direction, Direction::kNoDifference);
}

TEST(Judge, RustFasterWithNoSizeIsADirection) {
  EXPECT_EQ(ClaimedSide({1, 1e300}), 1);
  EXPECT_EQ(ClaimedSide({0, 1}), -1);
  EXPECT_EQ(ClaimedSide({0, 2}), 0);  // within 2x
  EXPECT_EQ(ClaimedSide({1, 1}), 0);
  Judgement slower = JudgeRatio(Interval(0.95, 0.99), {1, 1e300}, 0);
  EXPECT_EQ(slower.direction, Direction::kReversed);
  EXPECT_EQ(slower.verdict, Verdict::kContradicted) << slower.detail;
  Judgement faster = JudgeRatio(Interval(1.02, 1.3), {1, 1e300}, 0);
  EXPECT_EQ(faster.verdict, Verdict::kConsistent) << faster.detail;
}

TEST(Judge, ParityClaimsHaveNoDirection) {
  Judgement j = JudgeRatio(Interval(0.95, 1.05), {0.9, 1.1}, 0);
  EXPECT_FALSE(j.direction.has_value());
  EXPECT_EQ(j.verdict, Verdict::kConsistent) << j.detail;
}

TEST(Judge, TooFewSamplesAreInconclusiveAndSayHowManyAreNeeded) {
  Evidence e;
  e.kind = Evidence::Kind::kTooFew;
  e.point = 1.5;
  e.samples = 3;
  e.needed = 4;
  Judgement j = JudgeRatio(e, {1.4, 1.6}, 0);
  EXPECT_EQ(j.verdict, Verdict::kInconclusive);
  EXPECT_NE(j.detail.find("needs n >= 4 a side"), std::string::npos) << j.detail;
  e.needed = 6;
  Judgement k = JudgeAbsolute(e, {1, 2}, 0, "go");
  EXPECT_EQ(k.verdict, Verdict::kInconclusive);
  EXPECT_NE(k.detail.find("needs n >= 6"), std::string::npos) << k.detail;
}

TEST(Judge, OneSampleIsJudgedSymmetrically) {
  // Claimed rust/go >= 30 with 25% tolerance: the bound is 24. One sample spread by 10% either
  // way: consistent needs 24 * 1.1 = 26.4, contradicted under 24 / 1.1 = 21.8.
  EXPECT_EQ(JudgeRatio(OneSample(26.5), {30, 1e300}, 0.25).verdict, Verdict::kConsistent);
  EXPECT_EQ(JudgeRatio(OneSample(26.3), {30, 1e300}, 0.25).verdict, Verdict::kInconclusive);
  EXPECT_EQ(JudgeRatio(OneSample(21.9), {30, 1e300}, 0.25).verdict, Verdict::kInconclusive);
  EXPECT_EQ(JudgeRatio(OneSample(21.7), {30, 1e300}, 0.25).verdict, Verdict::kContradicted);
  // A figure stated as a point ("~3 MB") can be consistent on one sample: the old rule
  // needed the bare point, which no spread fits.
  EXPECT_EQ(JudgeAbsolute(OneSample(3.1e6), {3e6, 3e6}, 0.25, "rust").verdict, Verdict::kConsistent);
  EXPECT_EQ(JudgeAbsolute(OneSample(2e6), {3e6, 3e6}, 0.25, "rust").verdict, Verdict::kContradicted);
}

TEST(Judge, AnIntervalAcrossParityFromTheClaimIsNeverConsistent) {
  uint64_t state = 2026;
  auto uniform = [&](double lo, double hi) {
    return lo + (hi - lo) * static_cast<double>(SplitMix64(state) >> 11) / 9007199254740992.0;
  };
  for (int i = 0; i < 20000; ++i) {
    const bool above = SplitMix64(state) % 2;
    // A claim wholly on one side of 1, any tolerance up to 100%; an interval wholly on the other.
    double a = above ? uniform(1.0001, 5) : uniform(0.05, 0.9999);
    double b = above ? uniform(a, 10) : uniform(0.01, a);
    Range claim = above ? Range{a, b} : Range{b, a};
    double c = above ? uniform(0.05, 0.9999) : uniform(1.0001, 5);
    double d = above ? uniform(0.01, c) : uniform(c, 10);
    Evidence e = above ? Interval(d, c) : Interval(c, d);
    Judgement j = JudgeRatio(e, claim, uniform(0, 1));
    ASSERT_NE(j.verdict, Verdict::kConsistent) << j.detail;
    ASSERT_EQ(j.direction, Direction::kReversed) << j.detail;
  }
}

}  // namespace
}  // namespace claimbench::claims
