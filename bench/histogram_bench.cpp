// Histogram::Record on the load generator's hot path: one call per completed request.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <random>
#include <vector>

#include "load/histogram.h"

namespace claimbench::load {
namespace {

// Latencies spread over 10 us .. 10 ms, precomputed so the benchmark times Record alone.
std::vector<int64_t> Latencies() {
  std::mt19937_64 rng(42);
  std::vector<int64_t> values(4096);
  for (auto& v : values) v = 10'000 + static_cast<int64_t>(rng() % 10'000'000);
  return values;
}

void BM_HistogramRecord(benchmark::State& state) {
  const std::vector<int64_t> values = Latencies();
  Histogram histogram;
  size_t i = 0;
  for (auto _ : state) {
    histogram.Record(values[i++ & 4095]);
  }
  benchmark::DoNotOptimize(histogram.Count());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_HistogramRecord);

void BM_HistogramValueAtPercentile(benchmark::State& state) {
  Histogram histogram;
  for (int64_t v : Latencies()) histogram.Record(v);
  for (auto _ : state) benchmark::DoNotOptimize(histogram.ValueAtPercentile(99.9));
}
BENCHMARK(BM_HistogramValueAtPercentile);

}  // namespace
}  // namespace claimbench::load
