// IntervalRecorder: the per-second series covers the window exactly (a shorter last interval),
// merges threads exactly (the same percentiles as one histogram of every value), keeps late and
// out-of-range values, ignores values outside the window, and counts errors per interval.
#include "load/interval_series.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <stdexcept>
#include <vector>

namespace claimbench::load {
namespace {

using namespace std::chrono_literals;

TEST(IntervalRecorderTest, IntervalsCoverTheWindowWithAShorterLastOne) {
  IntervalRecorder recorder(2500ms);
  recorder.Flush();
  const IntervalRecorder* recorders[] = {&recorder};
  const std::vector<IntervalStats> series = IntervalRecorder::Merge(recorders);
  ASSERT_EQ(series.size(), 3u);
  EXPECT_EQ(series[0].t_s, 0.0);
  EXPECT_EQ(series[1].t_s, 1.0);
  EXPECT_EQ(series[2].t_s, 2.0);
  EXPECT_EQ(series[0].duration_s, 1.0);
  EXPECT_EQ(series[2].duration_s, 0.5);
  for (const IntervalStats& s : series) {
    EXPECT_EQ(s.requests, 0u);
    EXPECT_EQ(s.p50_ns, 0);
    EXPECT_EQ(s.max_ns, 0);
  }
  EXPECT_EQ(IntervalRecorder(3s).interval_count(), 3u);
  EXPECT_EQ(IntervalRecorder(3s + 1ns).interval_count(), 4u);
}

TEST(IntervalRecorderTest, MergeAcrossThreadsEqualsOneHistogramPerInterval) {
  constexpr auto kWindow = 3s;
  std::mt19937_64 rng(7);
  std::lognormal_distribution<double> latency(13, 1.5);  // ~0.4 ms median, a long tail
  std::vector<IntervalRecorder> threads;
  for (int t = 0; t < 4; ++t) threads.emplace_back(kWindow);
  std::vector<Histogram> truth(3);
  for (auto& recorder : threads) {
    // Each thread's completions in time order, as a worker produces them.
    std::vector<int64_t> times(20000);
    for (auto& t : times) t = static_cast<int64_t>(rng() % 3'000'000'000ull);
    std::sort(times.begin(), times.end());
    for (int64_t t : times) {
      const auto value = static_cast<int64_t>(latency(rng));
      recorder.RecordLatency(std::chrono::nanoseconds(t), value);
      truth[static_cast<size_t>(t / 1'000'000'000)].Record(value);
    }
    recorder.Flush();
  }
  std::vector<const IntervalRecorder*> pointers;
  for (const auto& recorder : threads) pointers.push_back(&recorder);
  const std::vector<IntervalStats> series = IntervalRecorder::Merge(pointers);
  ASSERT_EQ(series.size(), 3u);
  uint64_t total = 0;
  for (size_t k = 0; k < 3; ++k) {
    EXPECT_EQ(series[k].requests, static_cast<uint64_t>(truth[k].Count()));
    EXPECT_EQ(series[k].p50_ns, truth[k].ValueAtPercentile(50)) << k;
    EXPECT_EQ(series[k].p99_ns, truth[k].ValueAtPercentile(99)) << k;
    EXPECT_EQ(series[k].max_ns, truth[k].Max()) << k;
    total += series[k].requests;
  }
  EXPECT_EQ(total, 80000u);
}

TEST(IntervalRecorderTest, LateAndOutOfRangeValuesAreKeptExactly) {
  IntervalRecorder recorder(2s);
  Histogram truth0;
  Histogram truth1;
  recorder.RecordLatency(1500ms, 700'000);
  truth1.Record(700'000);
  recorder.RecordLatency(10ms, 123'456);  // earlier than the interval in progress
  truth0.Record(123'456);
  recorder.RecordLatency(20ms, 0);  // below the histogram's range
  truth0.Record(0);
  recorder.RecordLatency(1600ms, 90'000'000'000);  // above it
  truth1.Record(90'000'000'000);
  recorder.RecordLatency(1700ms, 5);
  truth1.Record(5);
  recorder.Flush();
  const IntervalRecorder* recorders[] = {&recorder};
  const std::vector<IntervalStats> series = IntervalRecorder::Merge(recorders);
  ASSERT_EQ(series.size(), 2u);
  EXPECT_EQ(series[0].requests, 2u);
  EXPECT_EQ(series[0].p50_ns, truth0.ValueAtPercentile(50));
  EXPECT_EQ(series[0].p99_ns, truth0.ValueAtPercentile(99));
  EXPECT_EQ(series[0].max_ns, 123'456);
  EXPECT_EQ(series[1].requests, 3u);
  EXPECT_EQ(series[1].p50_ns, truth1.ValueAtPercentile(50));
  EXPECT_EQ(series[1].p99_ns, 90'000'000'000);
  EXPECT_EQ(series[1].max_ns, 90'000'000'000);
}

TEST(IntervalRecorderTest, ValuesOutsideTheWindowAreIgnoredAndErrorsCounted) {
  IntervalRecorder recorder(2s);
  recorder.RecordLatency(-1ns, 1000);
  recorder.RecordLatency(2s, 1000);
  recorder.RecordLatency(1999ms, 1000);
  recorder.RecordError(-1ns);
  recorder.RecordError(0ns);
  recorder.RecordError(1s);
  recorder.RecordError(1s + 1ns);
  recorder.RecordError(2s);
  recorder.Flush();
  const IntervalRecorder* recorders[] = {&recorder};
  const std::vector<IntervalStats> series = IntervalRecorder::Merge(recorders);
  ASSERT_EQ(series.size(), 2u);
  EXPECT_EQ(series[0].requests, 0u);
  EXPECT_EQ(series[1].requests, 1u);
  EXPECT_EQ(series[0].errors, 1u);
  EXPECT_EQ(series[1].errors, 2u);
}

TEST(IntervalRecorderTest, RejectsBadWindowsAndMismatchedMerges) {
  EXPECT_THROW(IntervalRecorder(0s), std::invalid_argument);
  EXPECT_THROW(IntervalRecorder(1s, 0s), std::invalid_argument);
  IntervalRecorder a(1s);
  IntervalRecorder b(2s);
  const IntervalRecorder* recorders[] = {&a, &b};
  EXPECT_THROW(IntervalRecorder::Merge(recorders), std::invalid_argument);
}

}  // namespace
}  // namespace claimbench::load
