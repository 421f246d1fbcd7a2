// The metric registry: names are unique, the parameterised metrics follow the load plan,
// and each metric is read from where its source keeps it.
#include <gtest/gtest.h>

#include <set>

#include "spec/workload.h"
#include "stats/metric_registry.h"
#include "stats/ratios.h"
#include "stats/summary.h"

namespace claimbench::stats {
namespace {

TEST(MetricRegistry, NamesAreUnique) {
  MetricRegistry registry({5000, 15000}, {16, 256});
  std::set<std::string> names;
  for (const auto& m : registry.all()) EXPECT_TRUE(names.insert(m.name).second) << m.name;
}

TEST(MetricRegistry, FixedRatesAndSweepPointsExpandFromThePlan) {
  MetricRegistry registry({7000, 5000}, {32});
  ASSERT_NE(registry.Find("latency_p99_at_7000_rps_ns"), nullptr);
  ASSERT_NE(registry.Find("latency_p99_at_5000_rps_ns"), nullptr);
  EXPECT_EQ(registry.Find("latency_p99_at_25000_rps_ns"), nullptr);
  ASSERT_NE(registry.Find("requests_per_s_at_32_connections"), nullptr);
  ASSERT_NE(registry.Find("latency_p99_at_32_connections_ns"), nullptr);
  EXPECT_TRUE(registry.Find("requests_per_s_at_32_connections")->HigherIsBetter());

  results::HttpTrial trial;
  results::LoadPoint reached;
  reached.latency_p99_ns = 2'100'000;
  reached.reached = true;
  results::LoadPoint missed;
  missed.reached = false;  // not reached: no P99
  results::LoadPoint sweep;
  sweep.connections = 32;
  sweep.requests_per_s = 4321;
  sweep.latency_p99_ns = 900'000;
  trial.load_points = results::LoadPoints{{sweep}, {{"7000", reached}, {"5000", missed}}, std::nullopt};
  EXPECT_EQ(registry.Get("latency_p99_at_7000_rps_ns").from_trial(trial), 2'100'000);
  EXPECT_EQ(registry.Get("latency_p99_at_5000_rps_ns").from_trial(trial), std::nullopt);
  EXPECT_EQ(registry.Get("requests_per_s_at_32_connections").from_trial(trial), 4321);
  EXPECT_EQ(registry.Get("latency_p99_at_32_connections_ns").from_trial(trial), 900'000);
}

TEST(MetricRegistry, CatalogExpansionFollowsWorkloadToml) {
  spec::Catalog catalog = spec::LoadCatalog(CLAIMBENCH_SOURCE_DIR);
  MetricRegistry registry = MetricRegistry::ForCatalog(catalog);
  for (const auto& w : catalog.workloads) {
    for (double rate : w.load.fixed_rates) {
      EXPECT_NE(registry.Find(metric::LatencyP99AtRate(rate)), nullptr) << w.id << " " << rate;
    }
  }
  std::vector<std::string> http = registry.NamesFor("http");
  EXPECT_NE(std::find(http.begin(), http.end(), "startup_median_s"), http.end());
  std::vector<std::string> build = registry.NamesFor("build");
  EXPECT_EQ(build, (std::vector<std::string>{"build_cold_s", "build_incremental_s", "binary_bytes",
                                             "binary_stripped_bytes", "static_binary_bytes",
                                             "static_binary_stripped_bytes", "handler_lines", "listing_lines"}));
}

TEST(MetricRegistry, ExactnessDirectionAndSources) {
  MetricRegistry registry({}, {});
  EXPECT_TRUE(registry.Get("binary_stripped_bytes").exact);
  EXPECT_FALSE(registry.Get("build_cold_s").exact);
  EXPECT_FALSE(registry.Get("requests_per_s").exact);
  EXPECT_TRUE(registry.Get("throughput_mb_per_s").HigherIsBetter());
  EXPECT_FALSE(registry.Get("iteration_ns").HigherIsBetter());
  // Peak RSS is read from a server's trial and from a runner's processes alike.
  EXPECT_TRUE(registry.Get("rss_peak_bytes").from_trial);
  EXPECT_TRUE(registry.Get("rss_peak_bytes").from_batch);
  EXPECT_THROW(registry.Get("no_such_metric"), std::invalid_argument);
}

TEST(MetricRegistry, BatchSummariesComputeThroughputFromTheInput) {
  MetricRegistry registry({}, {});
  results::BatchEntry entry;
  entry.measure_ns = {2e6, 1e6, 4e6};  // 2 ms, 1 ms, 4 ms
  entry.extra["bytes_per_task"] = {2500, 2600, 2400};
  entry.extra["queue_depth"] = {3, 4, 5};
  entry.process = {results::RunnerProcess{3, 0, 0.5, 0.1, 0.6, 1 << 20, 1 << 20, ""}};
  results::Summaries s = SummarizeBatch(entry, {1'000'000, 100, results::Throughput::kBytes}, registry);
  EXPECT_EQ(s.at("iteration_ns").samples_of, "iterations of one runner process (no process-to-process variance)");
  EXPECT_EQ(s.at("iteration_ns").median, 2e6);
  EXPECT_DOUBLE_EQ(s.at("throughput_mb_per_s").median, 500);  // 10^6 bytes in 2 ms
  EXPECT_EQ(s.at("throughput_mb_per_s").unit, "MB/s (10^6 bytes/s)");
  EXPECT_EQ(s.count("throughput_items_per_s"), 0u);
  EXPECT_EQ(s.at("bytes_per_task").median, 2500);
  EXPECT_EQ(s.at("bytes_per_task").unit, "bytes");
  EXPECT_EQ(s.at("queue_depth").median, 4);  // a figure the registry does not know is kept
  EXPECT_EQ(s.at("queue_depth").unit, "");
  EXPECT_EQ(s.at("process_cpu_s").median, 0.6);
}

// Six processes of three iterations each: one sample per process (the median of its
// iterations), so the interval is the order-statistic one over six independent figures.
TEST(MetricRegistry, BatchSamplesAreOnePerRunnerProcess) {
  MetricRegistry registry({}, {});
  results::BatchEntry entry;
  entry.measure_ns = {1, 9, 2, 3, 3, 3, 5, 4, 6, 7, 8, 7, 9, 1, 8, 2, 4, 6};  // medians 2 3 5 7 8 4
  for (int i = 0; i < 6; ++i) entry.process.push_back({3, 0, 1.0 + i, 0, 1.0 + i, 1, 1, ""});
  results::Summaries s = SummarizeBatch(entry, {}, registry);
  const results::Summary& time = s.at("iteration_ns");
  EXPECT_EQ(time.samples, (std::vector<double>{2, 3, 5, 7, 8, 4}));
  EXPECT_EQ(time.n, 6);
  EXPECT_EQ(time.median, 4.5);
  ASSERT_TRUE(time.HasInterval());  // n = 6: [x(1), x(6)], coverage 1 - 2/64
  EXPECT_EQ(*time.ci_low, 2);
  EXPECT_EQ(*time.ci_high, 8);
  EXPECT_EQ(time.samples_of, "runner processes, each the median of its 3 iterations");
  EXPECT_EQ(s.at("process_cpu_s").samples, (std::vector<double>{1, 2, 3, 4, 5, 6}));
  EXPECT_EQ(s.at("process_cpu_s").samples_of, "runner processes");
}

// An instruction count (issue 14) is one exact figure of the whole task, whatever the
// number of runner processes: its summary is that count, with no interval, not noisy, and
// says so; a ratio of two counts is exact too.
TEST(MetricRegistry, InstructionCountIsOneExactCount) {
  MetricRegistry registry({}, {});
  const Metric& m = registry.Get(metric::kInstructionsPerIteration);
  EXPECT_TRUE(m.exact);
  EXPECT_FALSE(m.HigherIsBetter());
  EXPECT_EQ(m.unit, "instructions");
  results::BatchEntry go;
  go.id = "go-cpu";
  go.language = "go";
  go.measure_ns = {1, 2, 3, 4, 5, 6};
  for (int i = 0; i < 6; ++i) go.process.push_back({1, 0, 1.0, 0, 1.0, 1, 1, ""});
  results::Summaries none = SummarizeBatch(go, {}, registry);
  EXPECT_EQ(none.count("instructions_per_iteration"), 0u);  // not counted: no figure
  go.instructions = results::InstructionCount{2.5e8, 2, 100'000'000, 600'000'000, "valgrind-3.19.0", std::nullopt};
  go.summary = SummarizeBatch(go, {}, registry);
  const results::Summary& s = go.summary.at("instructions_per_iteration");
  EXPECT_EQ(s.median, 2.5e8);
  EXPECT_EQ(s.n, 1);
  EXPECT_EQ(s.samples, std::vector<double>{2.5e8});
  EXPECT_FALSE(s.HasInterval());
  EXPECT_FALSE(s.noisy);
  EXPECT_EQ(s.samples_of, "one exact count");
  EXPECT_TRUE(IsExactCount(s));
  EXPECT_FALSE(IsExactCount(go.summary.at("iteration_ns")));
  // A count that failed is no figure.
  results::BatchEntry failed = go;
  failed.instructions =
      results::InstructionCount{std::nullopt, 2, std::nullopt, std::nullopt, "", "valgrind not found"};
  EXPECT_EQ(SummarizeBatch(failed, {}, registry).count("instructions_per_iteration"), 0u);

  results::BatchEntry rust = go;
  rust.id = "rust-cpu";
  rust.language = "rust";
  rust.instructions->per_iteration = 2e8;
  rust.summary = SummarizeBatch(rust, {}, registry);
  bool found = false;
  for (const auto& r : Ratios(std::vector<results::BatchEntry>{go, rust})) {
    if (r.metric != "instructions_per_iteration") continue;
    found = true;
    EXPECT_EQ(r.numerator, "rust-cpu");
    EXPECT_DOUBLE_EQ(r.value, 0.8);
    EXPECT_FALSE(r.ci_low.has_value());
    EXPECT_FALSE(r.noisy);  // two exact counts: no interval, and none needed
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace claimbench::stats
