// The metric registry's table.
#include "stats/metric_registry.h"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include "spec/workload.h"

namespace claimbench::stats {
namespace {

using results::BatchEntry;
using results::HttpTrial;
using Trial = std::function<std::optional<double>(const HttpTrial&)>;

template <typename T>
std::optional<double> AsDouble(const std::optional<T>& v) {
  return v ? std::optional<double>(static_cast<double>(*v)) : std::nullopt;
}

// A metric's description; the caller sets the extraction that fits its source.
Metric Describe(std::string_view name, std::string unit, DisplayScale scale, Direction direction, Source source,
                std::string ratio_label, std::string description) {
  Metric m;
  m.name = name;
  m.unit = std::move(unit);
  m.scale = scale;
  m.direction = direction;
  m.source = source;
  m.ratio_label = std::move(ratio_label);
  m.description = std::move(description);
  return m;
}

Metric HttpMetric(std::string_view name, std::string unit, DisplayScale scale, Direction direction, Trial from,
                  std::string ratio_label, std::string description) {
  Metric m = Describe(name, std::move(unit), scale, direction, Source::kHttpTrial, std::move(ratio_label),
                      std::move(description));
  m.from_trial = std::move(from);
  return m;
}

Metric Lower(std::string_view name, std::string unit, DisplayScale scale, Trial from, std::string description,
             std::string ratio_label = "") {
  return HttpMetric(name, std::move(unit), scale, Direction::kLowerIsBetter, std::move(from), std::move(ratio_label),
                    std::move(description));
}

// Build figures: smaller or quicker is better.
Metric BuildMetric(std::string_view name, std::string unit, DisplayScale scale, bool exact,
                   std::function<std::optional<double>(const build::BuildRecord&)> from, std::string description) {
  Metric m = Describe(name, std::move(unit), scale, Direction::kLowerIsBetter, Source::kBuild, "",
                      std::move(description));
  m.exact = exact;
  m.from_build = std::move(from);
  return m;
}

Metric BatchMetric(std::string_view name, std::string unit, DisplayScale scale, Direction direction,
                   std::function<std::vector<double>(const BatchEntry&, const BatchInputSize&)> from,
                   std::string ratio_label, std::string description) {
  Metric m = Describe(name, std::move(unit), scale, direction, Source::kBatch, std::move(ratio_label),
                      std::move(description));
  m.from_batch = std::move(from);
  return m;
}

// Throughput of each measured iteration: input bytes (MB/s, decimal) or lines (items/s) per
// second of that iteration.
std::vector<double> Rates(const BatchEntry& e, const BatchInputSize& input, results::Throughput kind) {
  std::vector<double> out;
  if (input.throughput != kind) return out;
  for (double ns : e.measure_ns) {
    if (ns <= 0) continue;
    out.push_back(kind == results::Throughput::kBytes ? static_cast<double>(input.bytes) / ns * 1e3
                                                      : static_cast<double>(input.lines) / ns * 1e9);
  }
  return out;
}

std::vector<double> Extra(const BatchEntry& e, const std::string& name) {
  auto it = e.extra.find(name);
  return it == e.extra.end() ? std::vector<double>{} : it->second;
}

template <typename Field>
std::vector<double> PerProcess(const BatchEntry& e, Field field) {
  std::vector<double> out;
  for (const auto& p : e.process) {
    if (auto v = AsDouble(p.*field)) out.push_back(*v);
  }
  return out;
}

const results::LoadPoint* FixedRatePoint(const HttpTrial& t, const std::string& key) {
  if (!t.load_points) return nullptr;
  auto it = t.load_points->fixed_rates.find(key);
  return it == t.load_points->fixed_rates.end() ? nullptr : &it->second;
}

const results::LoadPoint* SweepPoint(const HttpTrial& t, int64_t connections) {
  if (!t.load_points) return nullptr;
  for (const auto& p : t.load_points->connections) {
    if (p.connections == connections) return &p;
  }
  return nullptr;
}

std::string Number(double v) { return std::to_string(static_cast<long long>(v)); }

using D = DisplayScale;
constexpr auto lower = Direction::kLowerIsBetter;
constexpr auto higher = Direction::kHigherIsBetter;

// The headline ratios, in the order the ratio lines show them.
std::vector<Metric> HeadlineMetrics() {
  std::vector<Metric> m;
  m.push_back(HttpMetric(metric::kRequestsPerS, "req/s", D::kPlain, higher,
                         [](const HttpTrial& t) -> std::optional<double> { return t.load.requests_per_s; }, "req/s",
                         "closed-loop throughput in the measured window"));
  m.push_back(BatchMetric(metric::kThroughputMb, "MB/s (10^6 bytes/s)", D::kPlain, higher,
                          [](const BatchEntry& e, const BatchInputSize& in) { return Rates(e, in, results::Throughput::kBytes); },
                          "MB/s", "input bytes per second of each measured iteration (decimal MB)"));
  m.push_back(BatchMetric(metric::kThroughputItems, "items/s", D::kPlain, higher,
                          [](const BatchEntry& e, const BatchInputSize& in) { return Rates(e, in, results::Throughput::kLines); },
                          "items/s", "input lines per second of each measured iteration"));
  m.push_back(BatchMetric(metric::kIterationTime, "ns", D::kDuration, lower,
                          [](const BatchEntry& e, const BatchInputSize&) { return e.measure_ns; }, "time",
                          "wall time of each measured iteration (the runner's monotonic clock)"));
  // An exact figure beside the wall time (issue 14): one count, the same on every run of the
  // same binary and input, so the gate compares it exactly rather than with a rank test.
  Metric instructions = BatchMetric(
      metric::kInstructionsPerIteration, "instructions", D::kPlain, lower,
      [](const BatchEntry& e, const BatchInputSize&) {
        return e.instructions && e.instructions->per_iteration ? std::vector<double>{*e.instructions->per_iteration}
                                                               : std::vector<double>{};
      },
      "instructions",
      "instructions one iteration executes, counted under valgrind (cachegrind, ASLR off): a runner of 1+K "
      "iterations less one of 1, over K");
  instructions.exact = true;
  m.push_back(instructions);
  m.push_back(Lower(metric::kLatencyP50, "ns", D::kDuration,
                    [](const HttpTrial& t) -> std::optional<double> { return t.load.latency.p50; },
                    "median latency of the trial's histogram", "p50"));
  m.push_back(Lower("latency_p90_ns", "ns", D::kDuration,
                    [](const HttpTrial& t) -> std::optional<double> { return t.load.latency.p90; },
                    "p90 latency of the trial's histogram"));
  m.push_back(Lower(metric::kLatencyP99, "ns", D::kDuration,
                    [](const HttpTrial& t) -> std::optional<double> { return t.load.latency.p99; },
                    "p99 latency of the trial's histogram", "p99"));
  Metric rss = Lower(metric::kRssPeak, "bytes", D::kMib, [](const HttpTrial& t) { return AsDouble(t.server.rss_peak_bytes); },
                     "peak RSS of the server (VmHWM) or of the runner process", "peak RSS");
  rss.from_batch = [](const BatchEntry& e, const BatchInputSize&) { return PerProcess(e, &results::RunnerProcess::rss_peak_bytes); };
  m.push_back(rss);
  m.push_back(Lower(metric::kServerCpuPerRequest, "us", D::kPlain,
                    [](const HttpTrial& t) { return t.server.cpu_us_per_request; },
                    "server CPU time (user + system) per request", "CPU/request"));
  m.push_back(BatchMetric(metric::kProcessCpu, "s", D::kPlain, lower,
                          [](const BatchEntry& e, const BatchInputSize&) { return PerProcess(e, &results::RunnerProcess::cpu_s); },
                          "CPU", "CPU time of the whole runner process"));
  m.push_back(BatchMetric(metric::kBytesPerTask, "bytes", D::kPlain, lower,
                          [](const BatchEntry& e, const BatchInputSize&) {
                            return Extra(e, std::string(metric::kBytesPerTask));
                          },
                          "B/task",
                          "resident memory per idle task"));
  Metric startup = Describe(metric::kStartupMedian, "s", D::kMilliseconds, lower, Source::kHttpStartup, "startup",
                            "exec to the first valid response, over the startup runs");
  startup.from_startup = [](const results::StartupRuns& s) { return s.samples_s; };
  m.push_back(startup);
  m.push_back(HttpMetric(metric::kKneeRate, "req/s", D::kPlain, higher,
                         [](const HttpTrial& t) {
                           return t.load_points && t.load_points->knee ? t.load_points->knee->knee_rate_per_s
                                                                       : std::nullopt;
                         },
                         "knee", "highest open-loop rate reached with P99 under 10x the lowest rate's"));
  return m;
}

// The rest of an HTTP trial's figures.
std::vector<Metric> TrialMetrics() {
  std::vector<Metric> m;
  m.push_back(Lower("latency_p99_9_ns", "ns", D::kDuration,
                    [](const HttpTrial& t) -> std::optional<double> { return t.load.latency.p99_9; },
                    "p99.9 latency of the trial's histogram"));
  m.push_back(Lower("latency_max_ns", "ns", D::kDuration,
                    [](const HttpTrial& t) -> std::optional<double> { return t.load.latency.max; },
                    "largest latency of the trial (exact)"));
  m.push_back(Lower(metric::kErrors, "count", D::kPlain,
                    [](const HttpTrial& t) -> std::optional<double> { return t.load.errors_total; },
                    "failed requests in the window, of every kind"));
  m.push_back(Lower("server_cpu_s", "s", D::kSeconds, [](const HttpTrial& t) { return t.server.cpu_s; },
                    "server CPU time in the window"));
  m.push_back(Lower("server_cpu_user_s", "s", D::kSeconds, [](const HttpTrial& t) { return t.server.cpu_user_s; },
                    "server user CPU time in the window"));
  m.push_back(Lower("server_cpu_system_s", "s", D::kSeconds, [](const HttpTrial& t) { return t.server.cpu_system_s; },
                    "server system CPU time in the window"));
  m.push_back(Lower(metric::kRssIdle, "bytes", D::kMib, [](const HttpTrial& t) { return AsDouble(t.server.rss_idle_bytes); },
                    "server RSS once ready, before load"));
  m.push_back(Lower(metric::kStartup, "s", D::kMilliseconds, [](const HttpTrial& t) { return t.startup_s; },
                    "exec to the first valid response of the trial's server"));
  m.push_back(Lower("client_cpu_s", "s", D::kSeconds,
                    [](const HttpTrial& t) -> std::optional<double> { return t.load.client.cpu_s; },
                    "the load generator's CPU time in the window"));
  m.push_back(Lower(metric::kGcCycles, "count", D::kPlain,
                    [](const HttpTrial& t) { return t.server.gc ? AsDouble(std::optional(t.server.gc->cycles)) : std::nullopt; },
                    "Go GC cycles in the window"));
  m.push_back(Lower("gc_pause_p50_us", "us", D::kMicroseconds,
                    [](const HttpTrial& t) { return t.server.gc ? t.server.gc->pause_p50_us : std::nullopt; },
                    "median Go stop-the-world pause in the window"));
  m.push_back(Lower(metric::kGcPauseP99, "us", D::kMicroseconds,
                    [](const HttpTrial& t) { return t.server.gc ? t.server.gc->pause_p99_us : std::nullopt; },
                    "p99 Go stop-the-world pause in the window"));
  m.push_back(Lower(metric::kGcPauseMax, "us", D::kMicroseconds,
                    [](const HttpTrial& t) { return t.server.gc ? t.server.gc->pause_max_us : std::nullopt; },
                    "longest Go stop-the-world pause in the window"));
  m.push_back(Lower(metric::kGoHeapOverLive, "x", D::kPlain,
                    [](const HttpTrial& t) { return t.server.gc ? t.server.gc->heap_over_live : std::nullopt; },
                    "Go heap at the end of a GC cycle (its peak) over the live heap the previous cycle marked "
                    "(median over the window's cycles with a live heap of at least 4 MB)"));
  return m;
}

// The rest of a batch runner's figures, and the builds'.
std::vector<Metric> BatchAndBuildMetrics() {
  std::vector<Metric> m;
  m.push_back(BatchMetric("compile_ns", "ns", D::kDuration, lower,
                          [](const BatchEntry& e, const BatchInputSize&) { return e.compile_ns; }, "",
                          "time to compile the task's patterns"));
  for (const char* extra : {"rss_before", "rss_after"}) {
    m.push_back(BatchMetric(extra, "bytes", D::kMib, lower,
                            [name = std::string(extra)](const BatchEntry& e, const BatchInputSize&) { return Extra(e, name); },
                            "", "runner RSS around the idle tasks"));
  }
  Metric cold = BuildMetric(metric::kBuildCold, "s", D::kSeconds, false,
                            [](const build::BuildRecord& b) { return b.cold_build_s; }, "cold build time (median)");
  cold.build_samples = [](const build::BuildRecord& b) { return b.cold_build_runs_s; };
  m.push_back(cold);
  Metric incremental = BuildMetric(metric::kBuildIncremental, "s", D::kSeconds, false,
                                   [](const build::BuildRecord& b) { return b.incremental_build_s; },
                                   "build time after one handler source changed (median)");
  incremental.build_samples = [](const build::BuildRecord& b) { return b.incremental_build_runs_s; };
  m.push_back(incremental);
  m.push_back(BuildMetric(metric::kBinaryBytes, "bytes", D::kDecimalBytes, true,
                          [](const build::BuildRecord& b) { return AsDouble(std::optional(b.binary_bytes)); },
                          "binary size as built"));
  m.push_back(BuildMetric(metric::kBinaryStrippedBytes, "bytes", D::kDecimalBytes, true,
                          [](const build::BuildRecord& b) { return AsDouble(std::optional(b.binary_stripped_bytes)); },
                          "binary size after strip --strip-all"));
  m.push_back(BuildMetric(metric::kStaticBinaryBytes, "bytes", D::kDecimalBytes, true,
                          [](const build::BuildRecord& b) { return AsDouble(b.static_binary_bytes); },
                          "size of a statically linked build (the release binary when it is static; Rust: "
                          "+crt-static, full suite)"));
  m.push_back(BuildMetric(metric::kStaticBinaryStrippedBytes, "bytes", D::kDecimalBytes, true,
                          [](const build::BuildRecord& b) { return AsDouble(b.static_binary_stripped_bytes); },
                          "size of the statically linked build after strip --strip-all"));
  m.push_back(BuildMetric(metric::kHandlerLines, "lines", D::kPlain, true,
                          [](const build::BuildRecord& b) { return AsDouble(std::optional(b.handler_lines)); },
                          "lines of code of the handler source"));
  m.push_back(BuildMetric(metric::kListingLines, "lines", D::kPlain, true,
                          [](const build::BuildRecord& b) {
                            return b.listing_lines > 0 ? std::optional<double>(b.listing_lines) : std::nullopt;
                          },
                          "physical lines of the handler source as an article lists it (blank lines kept, comment "
                          "lines not)"));
  return m;
}

std::vector<Metric> FixedMetrics() {
  std::vector<Metric> all;
  for (auto part : {HeadlineMetrics, TrialMetrics, BatchAndBuildMetrics}) {
    for (auto& m : part()) all.push_back(std::move(m));
  }
  return all;
}

}  // namespace

namespace metric {
std::string RateKey(double rate) { return Number(rate); }
std::string LatencyP99AtRate(double rate) { return "latency_p99_at_" + Number(rate) + "_rps_ns"; }

std::string LatencyP99OverloadedAtRate(double rate) {
  return "latency_p99_overloaded_at_" + Number(rate) + "_rps_ns";
}
std::string RequestsPerSAtConnections(int64_t c) { return "requests_per_s_at_" + std::to_string(c) + "_connections"; }
std::string LatencyP99AtConnections(int64_t c) { return "latency_p99_at_" + std::to_string(c) + "_connections_ns"; }
}  // namespace metric

// The regression gate's floors (compare/gate.h): the smallest change of each metric worth
// failing a CI job for. Noisy figures need their ratio interval wholly beyond the floor;
// exact ones (sizes, instruction counts) only their ratio. A metric without a floor is
// compared only when asked for (`compare --metric`).
void SetGateFloors(std::vector<Metric>& metrics) {
  const std::map<std::string_view, double> floors = {
      {metric::kRequestsPerS, 0.03},        {metric::kLatencyP99, 0.10},
      {metric::kRssPeak, 0.10},             {metric::kIterationTime, 0.03},
      {metric::kBytesPerTask, 0.10},        {metric::kBuildCold, 0.10},
      {metric::kBinaryBytes, 0.01},         {metric::kBinaryStrippedBytes, 0.01},
      {metric::kInstructionsPerIteration, 0.01},
  };
  for (Metric& m : metrics) {
    if (auto it = floors.find(m.name); it != floors.end()) m.gate_floor = it->second;
  }
}

MetricRegistry::MetricRegistry(const std::vector<double>& fixed_rates, const std::vector<int64_t>& connection_sweep)
    : metrics_(FixedMetrics()) {
  for (double rate : std::set<double>(fixed_rates.begin(), fixed_rates.end())) {
    const std::string key = metric::RateKey(rate);
    metrics_.push_back(Lower(metric::LatencyP99AtRate(rate), "ns", DisplayScale::kDuration,
                             [key](const HttpTrial& t) -> std::optional<double> {
                               const results::LoadPoint* p = FixedRatePoint(t, key);
                               return p && p->reached.value_or(false) ? AsDouble(p->latency_p99_ns) : std::nullopt;
                             },
                             "open-loop P99 at " + key + " req/s (none where the rate was not reached)"));
    metrics_.push_back(Lower(metric::LatencyP99OverloadedAtRate(rate), "ns", DisplayScale::kDuration,
                             [key](const HttpTrial& t) -> std::optional<double> {
                               const results::LoadPoint* p = FixedRatePoint(t, key);
                               return p && !p->reached.value_or(true) ? AsDouble(p->latency_p99_ns) : std::nullopt;
                             },
                             "open-loop P99 at " + key + " req/s where the server could not sustain it: an overload "
                             "figure, which grows with the window (the run's point_duration)"));
  }
  for (int64_t c : std::set<int64_t>(connection_sweep.begin(), connection_sweep.end())) {
    metrics_.push_back(HttpMetric(metric::RequestsPerSAtConnections(c), "req/s", DisplayScale::kPlain,
                                  Direction::kHigherIsBetter,
                                  [c](const HttpTrial& t) -> std::optional<double> {
                                    const results::LoadPoint* p = SweepPoint(t, c);
                                    return p ? std::optional(p->requests_per_s) : std::nullopt;
                                  },
                                  "", "closed-loop throughput at " + std::to_string(c) + " connections"));
    metrics_.push_back(Lower(metric::LatencyP99AtConnections(c), "ns", DisplayScale::kDuration,
                             [c](const HttpTrial& t) -> std::optional<double> {
                               const results::LoadPoint* p = SweepPoint(t, c);
                               return p ? AsDouble(p->latency_p99_ns) : std::nullopt;
                             },
                             "closed-loop P99 at " + std::to_string(c) + " connections"));
  }
  SetGateFloors(metrics_);
}

MetricRegistry MetricRegistry::ForCatalog(const spec::Catalog& catalog) {
  std::vector<double> rates;
  std::vector<int64_t> sweep;
  for (const auto& w : catalog.workloads) {
    rates.insert(rates.end(), w.load.fixed_rates.begin(), w.load.fixed_rates.end());
    sweep.insert(sweep.end(), w.load.connection_sweep.begin(), w.load.connection_sweep.end());
  }
  return MetricRegistry(rates, sweep);
}

MetricRegistry MetricRegistry::ForResults(const results::RunResults& results) {
  std::vector<double> rates;
  std::vector<int64_t> sweep;
  for (const auto& w : results.workloads) {
    if (const auto* http = w.http(); http && http->load) {
      rates.insert(rates.end(), http->load->fixed_rates.begin(), http->load->fixed_rates.end());
      sweep.insert(sweep.end(), http->load->connection_sweep.begin(), http->load->connection_sweep.end());
    }
  }
  return MetricRegistry(rates, sweep);
}

MetricRegistry MetricRegistry::ForWorkload(const results::HttpWorkload& workload) {
  if (!workload.load) return MetricRegistry({}, {});
  return MetricRegistry(workload.load->fixed_rates, workload.load->connection_sweep);
}

const Metric* MetricRegistry::Find(std::string_view name) const {
  for (const auto& m : metrics_) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

const Metric& MetricRegistry::Get(std::string_view name) const {
  if (const Metric* m = Find(name)) return *m;
  throw std::invalid_argument("no metric named '" + std::string(name) + "' in the registry");
}

std::vector<const Metric*> MetricRegistry::From(Source source) const {
  std::vector<const Metric*> out;
  for (const auto& m : metrics_) {
    bool has = (source == Source::kHttpTrial && m.from_trial) || (source == Source::kBatch && m.from_batch) ||
               (source == Source::kBuild && m.from_build) || (source == Source::kHttpStartup && m.from_startup);
    if (has) out.push_back(&m);
  }
  return out;
}

std::vector<std::string> MetricRegistry::NamesFor(std::string_view kind) const {
  std::vector<std::string> out;
  for (const auto& m : metrics_) {
    bool fits = kind == "build"   ? static_cast<bool>(m.from_build)
                : kind == "http"  ? m.from_trial || m.from_startup
                : kind == "batch" ? static_cast<bool>(m.from_batch)
                                  : false;
    if (fits) out.push_back(m.name);
  }
  return out;
}

Metric MetricRegistry::RunnerExtra(const std::string& name) {
  bool bytes = name.find("bytes") != std::string::npos || name.rfind("rss_", 0) == 0;
  return BatchMetric(name, bytes ? "bytes" : "", bytes ? DisplayScale::kMib : DisplayScale::kPlain,
                     Direction::kLowerIsBetter,
                     [name](const BatchEntry& e, const BatchInputSize&) { return Extra(e, name); }, "",
                     "a figure the runner printed with each iteration");
}

}  // namespace claimbench::stats
