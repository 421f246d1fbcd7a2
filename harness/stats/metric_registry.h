// The metric registry: every figure claimbench summarises, compares, reports or judges,
// each named once with its unit, display scale, direction, whether it is exact or noisy,
// where it comes from (a build, an HTTP trial, an HTTP startup run, a batch runner) and
// how it is extracted, and its label in the ratio lines. Summaries, ratios, CSV, tables,
// charts and claims read it; nothing else spells a metric's name.
//
// Parameterised metrics expand from the load plan (workload.toml's `[load]`, as a run
// records it): the P99 at each fixed rate and each connection-sweep point. Add a rate to
// `fixed_rates` and its metric exists, is summarised, reported and usable by a claim.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "results/model.h"

namespace claimbench::spec {
struct Catalog;
}

namespace claimbench::stats {

/// Which way is better.
enum class Direction { kHigherIsBetter, kLowerIsBetter };

/// How a figure is shown: the unit reports convert it to.
enum class DisplayScale {
  kPlain,         ///< as stored, about three significant digits (req/s, MB/s, counts, µs)
  kDuration,      ///< nanoseconds, shown in ns, µs, ms or s
  kMicroseconds,  ///< microseconds, shown in the duration unit that suits them
  kSeconds,       ///< seconds
  kMilliseconds,  ///< seconds, shown in ms
  kMib,           ///< bytes of memory, in MiB
  kDecimalBytes,  ///< bytes of a file, in kB/MB
};

/// Where a metric is read from.
enum class Source { kBuild, kHttpTrial, kHttpStartup, kBatch };

/// What a batch extraction needs besides the runner's entry.
struct BatchInputSize {
  int64_t bytes = 0;
  int64_t lines = 0;
  results::Throughput throughput = results::Throughput::kNone;
};

struct Metric {
  std::string name;   ///< the key in summaries, CSV and claims, e.g. "latency_p99_ns"
  std::string unit;   ///< as summaries and CSV state it
  DisplayScale scale = DisplayScale::kPlain;
  Direction direction = Direction::kLowerIsBetter;
  bool exact = false;  ///< a size or a count of lines: the same on every measurement
  /// The regression gate's floor: the relative change below which `compare` never fails a
  /// job (0.03: 3%); none: compared only when asked for by name.
  std::optional<double> gate_floor;
  Source source = Source::kHttpTrial;
  std::string ratio_label;  ///< its cell in the ratio lines ("req/s"); empty: not a headline ratio
  std::string description;  ///< one phrase, for documentation and `claimbench list`

  /// One value per trial (kHttpTrial), none when the trial lacks it.
  std::function<std::optional<double>(const results::HttpTrial&)> from_trial;
  /// The build's value (kBuild).
  std::function<std::optional<double>(const build::BuildRecord&)> from_build;
  /// Each repetition behind a build figure (cold builds run several times); empty for
  /// exact figures and for files from one repetition.
  std::function<std::vector<double>(const build::BuildRecord&)> build_samples;
  /// The samples of a runner entry (kBatch): one per iteration or per process.
  std::function<std::vector<double>(const results::BatchEntry&, const BatchInputSize&)> from_batch;
  /// The samples of the startup runs (kHttpStartup).
  std::function<std::vector<double>(const results::StartupRuns&)> from_startup;

  bool HigherIsBetter() const { return direction == Direction::kHigherIsBetter; }
};

/// The metrics for a set of load plans. Lookups are by name; iteration is in the
/// registry's order (the ratio lines' order first).
class MetricRegistry {
 public:
  /// The fixed metrics, plus the parameterised ones for these rates and connection counts.
  MetricRegistry(const std::vector<double>& fixed_rates, const std::vector<int64_t>& connection_sweep);

  /// Expanded from every HTTP workload's `[load]` in the catalog (what claims may name).
  static MetricRegistry ForCatalog(const spec::Catalog& catalog);
  /// Expanded from the load plans a results file records.
  static MetricRegistry ForResults(const results::RunResults& results);
  /// Expanded from one HTTP workload's recorded plan.
  static MetricRegistry ForWorkload(const results::HttpWorkload& workload);

  const std::vector<Metric>& all() const { return metrics_; }
  /// nullptr when there is no such metric.
  const Metric* Find(std::string_view name) const;
  /// The metric named `name`; throws std::invalid_argument for an unknown name (a bug).
  const Metric& Get(std::string_view name) const;
  /// The metrics read from `source`, in registry order.
  std::vector<const Metric*> From(Source source) const;
  /// The names a claim may use for a workload of this kind ("build", "http", "batch").
  std::vector<std::string> NamesFor(std::string_view kind) const;

  /// A batch runner's extra per-iteration figure the registry does not know: summarised
  /// under its own name, in bytes when its name says so, and never a headline.
  static Metric RunnerExtra(const std::string& name);

 private:
  std::vector<Metric> metrics_;
};

/// Names of the metrics other code refers to by name (tables, charts, the startup
/// summary). Each is defined once, here.
namespace metric {
inline constexpr std::string_view kRequestsPerS = "requests_per_s";
inline constexpr std::string_view kLatencyP50 = "latency_p50_ns";
inline constexpr std::string_view kLatencyP99 = "latency_p99_ns";
inline constexpr std::string_view kErrors = "errors";
inline constexpr std::string_view kServerCpuPerRequest = "server_cpu_us_per_request";
inline constexpr std::string_view kRssIdle = "rss_idle_bytes";
inline constexpr std::string_view kRssPeak = "rss_peak_bytes";
inline constexpr std::string_view kStartup = "startup_s";
inline constexpr std::string_view kStartupMedian = "startup_median_s";
inline constexpr std::string_view kGcCycles = "gc_cycles";
inline constexpr std::string_view kGcPauseP99 = "gc_pause_p99_us";
inline constexpr std::string_view kGcPauseMax = "gc_pause_max_us";
inline constexpr std::string_view kGoHeapOverLive = "go_heap_over_live";
inline constexpr std::string_view kKneeRate = "knee_rate_per_s";
inline constexpr std::string_view kIterationTime = "iteration_ns";
inline constexpr std::string_view kInstructionsPerIteration = "instructions_per_iteration";
inline constexpr std::string_view kThroughputMb = "throughput_mb_per_s";
inline constexpr std::string_view kThroughputItems = "throughput_items_per_s";
inline constexpr std::string_view kBytesPerTask = "bytes_per_task";
inline constexpr std::string_view kProcessCpu = "process_cpu_s";
inline constexpr std::string_view kBuildCold = "build_cold_s";
inline constexpr std::string_view kBuildIncremental = "build_incremental_s";
inline constexpr std::string_view kBinaryBytes = "binary_bytes";
inline constexpr std::string_view kBinaryStrippedBytes = "binary_stripped_bytes";
/// P99 over the window of a fixed rate the server could not sustain (overloaded).
std::string LatencyP99OverloadedAtRate(double rate);
inline constexpr std::string_view kListingLines = "listing_lines";
inline constexpr std::string_view kStaticBinaryBytes = "static_binary_bytes";
inline constexpr std::string_view kStaticBinaryStrippedBytes = "static_binary_stripped_bytes";
inline constexpr std::string_view kHandlerLines = "handler_lines";

/// "latency_p99_at_5000_rps_ns": the P99 of the open-loop point at `rate` req/s.
std::string LatencyP99AtRate(double rate);
/// The key of a fixed-rate point in a trial's load points ("5000").
std::string RateKey(double rate);
/// "requests_per_s_at_256_connections" and "latency_p99_at_256_connections_ns".
std::string RequestsPerSAtConnections(int64_t connections);
std::string LatencyP99AtConnections(int64_t connections);
}  // namespace metric

}  // namespace claimbench::stats
