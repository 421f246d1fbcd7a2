// Histogram: percentiles against exact nearest-rank percentiles of the recorded samples, on
// random and adversarial data; merge, moments, spectrum and out-of-range accounting.
#include "load/histogram.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <random>
#include <vector>

namespace claimbench::load {
namespace {

constexpr int64_t k60s = 60'000'000'000;

// Percentile levels in thousandths of a percent, so the exact rank is integer arithmetic.
constexpr int64_t kLevelsMilli[] = {1,     1000,  10000, 25000, 50000, 75000,  90000,
                                    95000, 99000, 99900, 99990, 99999, 100000};

// Nearest rank: the smallest rank r with r >= p/100 * n, at least 1 (the definition HdrHistogram
// uses: ceil(p/100 * n)).
int64_t NearestRank(int64_t level_milli, int64_t n) {
  return std::max<int64_t>(1, (level_milli * n + 99'999) / 100'000);
}

// Every percentile of `h` must be the highest equivalent value of the exact nearest-rank sample
// (capped at Max), and so within 0.1% above it.
void ExpectPercentilesMatchSamples(std::vector<int64_t> samples, const Histogram& h) {
  std::sort(samples.begin(), samples.end());
  const auto n = static_cast<int64_t>(samples.size());
  ASSERT_EQ(h.Count(), n);
  for (int64_t level : kLevelsMilli) {
    const int64_t exact = samples[static_cast<size_t>(NearestRank(level, n) - 1)];
    const int64_t got = h.ValueAtPercentile(static_cast<double>(level) / 1000.0);
    SCOPED_TRACE(::testing::Message() << "p" << static_cast<double>(level) / 1000.0);
    EXPECT_GE(got, exact);
    EXPECT_LE(static_cast<double>(got - exact), 0.001 * static_cast<double>(exact));
    EXPECT_EQ(got, std::min(h.HighestEquivalentValue(exact), samples.back()));
  }
  EXPECT_EQ(h.ValueAtPercentile(0), samples.front());
  EXPECT_EQ(h.ValueAtPercentile(100), samples.back());
  EXPECT_EQ(h.Min(), samples.front());
  EXPECT_EQ(h.Max(), samples.back());
}

double Uniform01(std::mt19937_64& rng) {  // in (0, 1]
  return static_cast<double>((rng() >> 11) + 1) * 0x1.0p-53;
}

double StandardNormal(std::mt19937_64& rng) {  // Box-Muller
  return std::sqrt(-2.0 * std::log(Uniform01(rng))) * std::cos(2.0 * M_PI * Uniform01(rng));
}

template <typename Draw>
std::vector<int64_t> Sample(size_t n, uint64_t seed, Draw draw) {
  std::mt19937_64 rng(seed);
  std::vector<int64_t> values(n);
  for (auto& v : values) v = std::clamp<int64_t>(static_cast<int64_t>(draw(rng)), 1, k60s);
  return values;
}

Histogram RecordAll(const std::vector<int64_t>& values) {
  Histogram h;
  for (int64_t v : values) h.Record(v);
  return h;
}

TEST(HistogramTest, UniformMatchesExactPercentiles) {
  auto values = Sample(200'000, 1, [](auto& rng) { return 1 + Uniform01(rng) * 1e9; });
  ExpectPercentilesMatchSamples(values, RecordAll(values));
}

TEST(HistogramTest, ExponentialMatchesExactPercentiles) {
  auto values = Sample(200'000, 2, [](auto& rng) { return -1e6 * std::log(Uniform01(rng)); });
  ExpectPercentilesMatchSamples(values, RecordAll(values));
}

TEST(HistogramTest, LogNormalHeavyTailMatchesExactPercentiles) {
  auto values = Sample(200'000, 3, [](auto& rng) {
    return std::exp(std::log(1e6) + 2.0 * StandardNormal(rng));
  });
  ExpectPercentilesMatchSamples(values, RecordAll(values));
}

TEST(HistogramTest, ParetoTailMatchesExactPercentiles) {
  auto values =
      Sample(200'000, 4, [](auto& rng) { return 5e4 / std::pow(Uniform01(rng), 1 / 1.1); });
  ExpectPercentilesMatchSamples(values, RecordAll(values));
}

TEST(HistogramTest, AllEqualValuesGiveThatValueEverywhere) {
  std::vector<int64_t> values(1000, 123'456'789);
  Histogram h = RecordAll(values);
  ExpectPercentilesMatchSamples(values, h);
  for (int64_t level : kLevelsMilli) {
    EXPECT_EQ(h.ValueAtPercentile(static_cast<double>(level) / 1000.0), 123'456'789);
  }
  EXPECT_EQ(h.Mean(), 123'456'789.0);
  EXPECT_EQ(h.Stddev(), 0.0);
}

TEST(HistogramTest, BucketBoundariesAreExactBelow2048AndWithinResolutionAbove) {
  Histogram h;
  EXPECT_EQ(h.HighestEquivalentValue(2047), 2047);
  EXPECT_EQ(h.LowestEquivalentValue(2048), 2048);
  EXPECT_EQ(h.HighestEquivalentValue(2048), 2049);
  EXPECT_EQ(h.LowestEquivalentValue(4095), 4094);
  EXPECT_EQ(h.LowestEquivalentValue(4096), 4096);
  EXPECT_EQ(h.HighestEquivalentValue(4096), 4099);
  std::vector<int64_t> values;
  for (int64_t base : {int64_t{2048}, int64_t{4096}, int64_t{1} << 20, int64_t{1} << 30,
                       int64_t{1} << 35}) {
    for (int64_t v : {base - 1, base, base + 1}) values.push_back(v);
  }
  ExpectPercentilesMatchSamples(values, RecordAll(values));
}

TEST(HistogramTest, TwoFarApartClustersKeepTheirOwnPercentiles) {
  std::vector<int64_t> values;
  std::mt19937_64 rng(5);
  for (int i = 0; i < 9'990; ++i) values.push_back(1'000 + static_cast<int64_t>(rng() % 100));
  for (int i = 0; i < 10; ++i) {
    values.push_back(50'000'000'000 + static_cast<int64_t>(rng() % 1000));
  }
  Histogram h = RecordAll(values);
  ExpectPercentilesMatchSamples(values, h);
  EXPECT_LT(h.ValueAtPercentile(99.9), 1'100);
  EXPECT_GE(h.ValueAtPercentile(99.91), 50'000'000'000);
}

TEST(HistogramTest, ValuesAtBothEndsOfTheRange) {
  Histogram h;
  h.Record(1);
  h.Record(k60s);
  EXPECT_EQ(h.UnderflowCount(), 0);
  EXPECT_EQ(h.OverflowCount(), 0);
  EXPECT_EQ(h.ValueAtPercentile(50), 1);
  EXPECT_EQ(h.ValueAtPercentile(99.999), k60s);  // capped at the exact Max
  EXPECT_EQ(h.ValueAtPercentile(100), k60s);
  EXPECT_EQ(h.Min(), 1);
  EXPECT_EQ(h.Max(), k60s);
}

TEST(HistogramTest, OutOfRangeValuesAreCountedNotDropped) {
  Histogram h;
  h.Record(0);
  h.Record(-5);
  h.Record(500);
  h.Record(k60s + 1);
  h.Record(std::numeric_limits<int64_t>::max());
  EXPECT_EQ(h.Count(), 5);
  EXPECT_EQ(h.UnderflowCount(), 2);
  EXPECT_EQ(h.OverflowCount(), 2);
  EXPECT_EQ(h.Min(), -5);
  EXPECT_EQ(h.Max(), std::numeric_limits<int64_t>::max());
  EXPECT_EQ(h.ValueAtPercentile(0), -5);
  EXPECT_EQ(h.ValueAtPercentile(40), 0);  // rank 2 of 5: the underflow slot, lowest - 1
  EXPECT_EQ(h.ValueAtPercentile(60), 500);
  EXPECT_EQ(h.ValueAtPercentile(80), std::numeric_limits<int64_t>::max());
  EXPECT_EQ(h.Buckets().size(), 1u);
  const long double int64_max = std::numeric_limits<int64_t>::max();
  const long double exact_mean = (0.0L - 5 + 500 + (k60s + 1) + int64_max) / 5;
  EXPECT_NEAR(h.Mean(), static_cast<double>(exact_mean), 1e-12 * static_cast<double>(exact_mean));
}

TEST(HistogramTest, MaxAndMinAreExactNotBucketed) {
  Histogram h;
  h.Record(1'000'000'123);
  h.Record(1'000'000'456);
  EXPECT_GT(h.HighestEquivalentValue(1'000'000'456), 1'000'000'456);
  EXPECT_EQ(h.Max(), 1'000'000'456);
  EXPECT_EQ(h.Min(), 1'000'000'123);
  EXPECT_EQ(h.ValueAtPercentile(100), 1'000'000'456);
}

TEST(HistogramTest, RelativeErrorOfEveryBucketIsAtMostOneThousandth) {
  Histogram h;
  EXPECT_EQ(h.bucket_count(), 27'389u);  // constant memory: 27,389 counters for 1 ns .. 60 s
  for (double v = 1; v <= static_cast<double>(k60s); v *= 1.0007) {
    const auto value = static_cast<int64_t>(v);
    EXPECT_LE(h.LowestEquivalentValue(value), value);
    ASSERT_LE(static_cast<double>(h.HighestEquivalentValue(value) - h.LowestEquivalentValue(value)),
              0.001 * static_cast<double>(h.LowestEquivalentValue(value)))
        << value;
  }
}

TEST(HistogramTest, MergeEqualsRecordingIntoOne) {
  auto a = Sample(50'000, 6, [](auto& rng) { return -2e5 * std::log(Uniform01(rng)); });
  auto b = Sample(70'000, 7, [](auto& rng) { return 3e7 + Uniform01(rng) * 1e8; });
  Histogram merged = RecordAll(a);
  Histogram ha = RecordAll(b);
  ha.Record(-1);
  ha.Record(k60s * 2);
  merged.Merge(ha);
  std::vector<int64_t> all = a;
  all.insert(all.end(), b.begin(), b.end());
  all.push_back(-1);
  all.push_back(k60s * 2);
  Histogram one = RecordAll(all);
  EXPECT_EQ(merged.Count(), one.Count());
  EXPECT_EQ(merged.UnderflowCount(), 1);
  EXPECT_EQ(merged.OverflowCount(), 1);
  EXPECT_EQ(merged.Min(), one.Min());
  EXPECT_EQ(merged.Max(), one.Max());
  EXPECT_DOUBLE_EQ(merged.Mean(), one.Mean());
  EXPECT_NEAR(merged.Stddev(), one.Stddev(), 1e-9 * one.Stddev());
  for (int64_t level : kLevelsMilli) {
    const double p = static_cast<double>(level) / 1000.0;
    EXPECT_EQ(merged.ValueAtPercentile(p), one.ValueAtPercentile(p)) << p;
  }
  const auto mb = merged.Buckets();
  const auto ob = one.Buckets();
  ASSERT_EQ(mb.size(), ob.size());
  for (size_t i = 0; i < mb.size(); ++i) {
    EXPECT_EQ(mb[i].lowest_ns, ob[i].lowest_ns);
    EXPECT_EQ(mb[i].count, ob[i].count);
  }
}

TEST(HistogramTest, MergeRejectsADifferentConfiguration) {
  Histogram a;
  Histogram b(1, 3'600'000'000'000, 3);
  try {
    a.Merge(b);
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "histogram: cannot merge histograms of different configurations");
  }
}

TEST(HistogramTest, CountMeanAndStddevMatchTheSamples) {
  auto values = Sample(100'000, 8, [](auto& rng) { return 1e9 + 1e3 * StandardNormal(rng); });
  Histogram h = RecordAll(values);
  long double sum = 0;
  for (int64_t v : values) sum += v;
  const long double mean = sum / values.size();
  long double squares = 0;
  for (int64_t v : values) squares += (v - mean) * (v - mean);
  const double stddev = std::sqrt(static_cast<double>(squares / values.size()));
  EXPECT_EQ(h.Count(), 100'000);
  EXPECT_NEAR(h.Mean(), static_cast<double>(mean), 1e-6);
  // A tiny spread next to the values: the shifted sums avoid cancellation.
  EXPECT_NEAR(h.Stddev(), stddev, 1e-6 * stddev);
}

TEST(HistogramTest, RecordNCountsEachCopy) {
  Histogram h;
  h.RecordN(1'000, 3);
  h.RecordN(2'000, 0);
  EXPECT_EQ(h.Count(), 3);
  EXPECT_EQ(h.Max(), 1'000);
  EXPECT_THROW(h.RecordN(1, -1), std::invalid_argument);
}

TEST(HistogramTest, SpectrumFollowsHdrHistogramPercentileIterator) {
  Histogram h;
  for (int64_t v = 1; v <= 10'000; ++v) h.Record(v);
  const auto points = h.Spectrum(5);
  ASSERT_GE(points.size(), 10u);
  EXPECT_EQ(points.front().percentile, 0.0);
  EXPECT_EQ(points.front().value_ns, 1);
  const std::vector<double> first_levels = {0, 10, 20, 30, 40, 50, 55, 60, 65, 70, 75, 77.5};
  for (size_t i = 0; i < first_levels.size(); ++i) EXPECT_EQ(points[i].percentile, first_levels[i]);
  EXPECT_EQ(points[1].value_ns, 1'000);  // below 2048: exact
  EXPECT_EQ(points[5].value_ns, 5'003);  // [5000, 5003] is one bucket; its highest value
  EXPECT_EQ(points[5].cumulative_count, 5'003);
  EXPECT_EQ(points.back().percentile, 100.0);
  EXPECT_EQ(points.back().value_ns, 10'000);
  EXPECT_EQ(points.back().cumulative_count, 10'000);
  for (size_t i = 1; i < points.size(); ++i) {
    EXPECT_GE(points[i].percentile, points[i - 1].percentile);
    EXPECT_GE(points[i].value_ns, points[i - 1].value_ns);
  }
  EXPECT_TRUE(Histogram().Spectrum().empty());
}

TEST(HistogramTest, BucketsHoldEveryInRangeValue) {
  auto values = Sample(10'000, 9, [](auto& rng) { return 1 + Uniform01(rng) * 1e7; });
  Histogram h = RecordAll(values);
  h.Record(0);
  int64_t total = 0;
  h.ForEachBucket([&](const HistogramBucket& b) {
    EXPECT_LE(b.lowest_ns, b.highest_ns);
    total += b.count;
  });
  EXPECT_EQ(total, h.Count() - h.UnderflowCount() - h.OverflowCount());
}

TEST(HistogramTest, ResetForgetsEverything) {
  Histogram h;
  h.Record(5);
  h.Record(-5);
  h.Reset();
  EXPECT_EQ(h.Count(), 0);
  EXPECT_EQ(h.Max(), 0);
  EXPECT_EQ(h.ValueAtPercentile(50), 0);
  EXPECT_TRUE(h.Buckets().empty());
  h.Record(7);
  EXPECT_EQ(h.Mean(), 7.0);
}

TEST(HistogramTest, ConstructorRejectsBadConfigurations) {
  EXPECT_THROW(Histogram(0, 100, 3), std::invalid_argument);
  EXPECT_THROW(Histogram(10, 15, 3), std::invalid_argument);
  try {
    Histogram(1, 1000, 6);
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "histogram: significant digits must be 1..5, got 6");
  }
}

}  // namespace
}  // namespace claimbench::load
