// The open loop's per-request bookkeeping: the scheduling step of a timer wake-up (how many
// requests are due, and when the next one is) and the per-second series' record call.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdint>
#include <random>
#include <vector>

#include "load/interval_series.h"
#include "load/send_schedule.h"

namespace claimbench::load {
namespace {

using namespace std::chrono_literals;

// One wake-up at a time 1 us further on: count the due requests, take the next intended time.
void BM_SendScheduleStep(benchmark::State& state) {
  const auto start = std::chrono::steady_clock::time_point() + 1000s;
  const SendSchedule schedule(start, 123'456.7, 1, 4);
  auto now = start;
  uint64_t next = 0;
  for (auto _ : state) {
    now += 1us;
    const uint64_t due = schedule.DueBy(now);
    if (next < due) next = due;
    benchmark::DoNotOptimize(schedule.Intended(next));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SendScheduleStep);

// Completions 20 us apart with latencies over 10 us .. 10 ms: crosses a second every 50000.
void BM_IntervalRecorderRecord(benchmark::State& state) {
  std::mt19937_64 rng(42);
  std::vector<int64_t> latencies(4096);
  for (auto& v : latencies) v = 10'000 + static_cast<int64_t>(rng() % 10'000'000);
  IntervalRecorder recorder(std::chrono::hours(1000));
  int64_t t = 0;
  size_t i = 0;
  for (auto _ : state) {
    t += 20'000;
    recorder.RecordLatency(std::chrono::nanoseconds(t), latencies[i++ & 4095]);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_IntervalRecorderRecord);

}  // namespace
}  // namespace claimbench::load
