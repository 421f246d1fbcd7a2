// The typed results model: one run of `claimbench run` or `claimbench verify`, from the
// machine it ran on to every trial's raw figures, the summaries, the ratios and the
// claims' verdicts. Everything after measurement (stats, claims, reports, the CLI) reads
// and writes this; JSON appears only in results_json.{h,cpp}, which reads and writes it.
// Field names follow the JSON keys, which carry their units (_ns, _bytes, _s).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "build/builder.h"
#include "load/load_report.h"
#include "results/enums.h"

namespace claimbench::results {

/// Bumped whenever a key changes meaning or disappears, or a key is added that readers
/// need; results/schema.json matches it. Version 1 files are read too (see results_json.h).
inline constexpr int kSchemaVersion = 3;

/// One metric over its samples (trials, iterations or runner processes).
struct Summary {
  double median = 0;
  double min = 0;
  double max = 0;
  int64_t n = 0;
  std::string unit;
  std::optional<double> ci_low;  ///< no interval: too few samples for one
  std::optional<double> ci_high;
  bool noisy = false;
  std::vector<double> samples;  ///< empty in files that did not keep them
  /// What one sample is when it is not self-evident ("runner processes, each the median of
  /// its 3 iterations"); absent for trials, startup runs and builds.
  std::optional<std::string> samples_of;

  /// The samples, or the median alone for a file that did not keep them.
  std::vector<double> SamplesOrMedian() const { return samples.empty() ? std::vector<double>{median} : samples; }
  bool HasInterval() const { return ci_low && ci_high; }
};

/// Summaries by metric name (sorted, as results.json writes them).
using Summaries = std::map<std::string, Summary>;

/// numerator/denominator of the medians of one metric, with its interval.
struct Ratio {
  std::string metric;
  std::string numerator;    ///< implementation id
  std::string denominator;  ///< implementation id
  double value = 0;
  std::optional<double> ci_low;
  std::optional<double> ci_high;
  bool noisy = false;
};

struct CpuSets {
  std::string server;
  std::string client;
  bool shared = false;
};

/// The machine and the run's settings.
struct RunContext {
  std::string cpu_model;
  int64_t cores = 0;
  std::optional<int64_t> memory_bytes;
  std::string kernel;
  std::string arch;
  std::string governor;
  std::map<std::string, std::string> toolchains;
  std::string git_sha;
  bool git_dirty = false;
  uint64_t seed = 0;
  CpuSets cpu_sets;
};

/// How one implementation was built, and what it shares its build with.
struct Build {
  build::BuildRecord record;
  std::optional<std::string> same_build_as;  ///< another implementation of the same binary
};

// ---------------------------------------------------------------- HTTP workloads

/// How an HTTP workload was driven.
struct HttpLoadPlan {
  std::string mode = "closed-loop";
  std::string method;
  std::string path;
  int64_t body_bytes = 0;
  int64_t connections = 0;
  int64_t client_threads = 1;
  double warmup_s = 0;
  double duration_s = 0;
  int64_t repeat = 0;
  std::string load_points_in;  ///< "every trial" | "the first trial only" | "no trial"
  bool varied_bodies = false;
  double point_duration_s = 0;
  std::vector<int64_t> connection_sweep;
  std::vector<double> fixed_rates;
  std::vector<double> knee_fractions;
  int64_t startup_runs = 0;
};

/// How many workers the server ran: set through an environment variable, or derived by the
/// server itself from its CPU set.
struct Workers {
  std::string variable;  ///< e.g. GOMAXPROCS; empty: derived by the server
  int64_t count = 0;
  std::string rule;      ///< how a derived count comes about
};

struct VectorFailure {
  std::string vector;
  int64_t line = 0;
  std::vector<std::string> messages;
};

struct Verification {
  int64_t vectors = 0;
  int64_t passed = 0;
  std::vector<VectorFailure> failures;
};

/// Startup runs: exec -> first valid response, each in a fresh process.
struct StartupRuns {
  std::vector<double> samples_s;
  std::optional<double> median_s;
  std::optional<std::string> error;  ///< a start that failed ends the runs
  std::string definition;
};

/// Go's stop-the-world GC pauses inside the measured window (from gctrace).
struct GcPauses {
  int64_t cycles = 0;
  double cycles_per_s = 0;
  int64_t pauses = 0;
  std::optional<double> pause_p50_us;  ///< none without a cycle in the window
  std::optional<double> pause_p99_us;
  std::optional<double> pause_max_us;
  double pause_total_us = 0;
  std::string source;
  std::optional<int64_t> live_heap_max_mb;  ///< largest live (marked) heap of a cycle in the window
  /// Median over the window's cycles of heap at GC end (the peak) / the previous cycle's live heap,
  /// from cycles whose live heap was large enough to read (gc_trace.h); none otherwise.
  std::optional<double> heap_over_live;
};

struct RssSample {
  double t_s = 0;
  int64_t rss_bytes = 0;
};

/// The server process during the measured window.
struct ServerFigures {
  std::optional<int64_t> rss_idle_bytes;
  std::optional<double> cpu_user_s;
  std::optional<double> cpu_system_s;
  std::optional<double> cpu_s;
  std::optional<double> cpu_us_per_request;
  std::vector<RssSample> rss_series;
  int64_t rss_load_max_bytes = 0;
  std::optional<int64_t> vmhwm_bytes;
  std::optional<int64_t> rss_peak_bytes;  ///< max(VmHWM, the largest sampled RSS)
  int64_t rss_sample_hz = 0;
  std::optional<int64_t> threads;
  std::optional<GcPauses> gc;  ///< Go servers only
  std::string exit;            ///< how the server ended after SIGTERM
};

/// One further load point (closed loop at other connections, or open loop at a rate).
struct LoadPoint {
  double requests_per_s = 0;
  double achieved_rate_per_s = 0;
  int64_t errors = 0;
  std::optional<int64_t> latency_p50_ns;
  std::optional<int64_t> latency_p99_ns;  ///< absent where an open-loop rate was not reached
  std::optional<int64_t> latency_p99_9_ns;
  std::optional<int64_t> latency_max_ns;
  std::optional<int64_t> service_time_p99_ns;
  bool client_saturated = false;
  std::optional<double> target_rate_per_s;  ///< open loop
  std::optional<bool> rate_shortfall;
  std::optional<int64_t> backlog_max;
  std::optional<bool> reached;
  std::optional<std::string> note;
  std::optional<int64_t> connections;           ///< connection sweep
  std::optional<double> fraction_of_closed_loop;  ///< knee search
};

struct KneeSearch {
  std::vector<LoadPoint> points;
  std::optional<double> knee_rate_per_s;  ///< none when no rate was reached
  std::string rule;
};

struct LoadPoints {
  std::vector<LoadPoint> connections;                 ///< the connection sweep
  std::map<std::string, LoadPoint> fixed_rates;      ///< by rate: "5000" -> the point
  std::optional<KneeSearch> knee;
  bool Empty() const { return connections.empty() && fixed_rates.empty() && !knee; }
};

struct HttpTrial {
  int64_t trial = 0;  ///< 1-based round
  std::optional<double> startup_s;
  load::LoadReport load;
  ServerFigures server;
  std::optional<LoadPoints> load_points;
};

struct HttpImplementation {
  std::string id;
  std::string language;  ///< go | rust | cpp
  std::string library;
  Status status = Status::kOk;
  std::optional<std::string> error;
  std::optional<Workers> workers;
  std::optional<Verification> verification;
  std::vector<HttpTrial> trials;
  std::optional<StartupRuns> startup;
  Summaries summary;
};

struct HttpWorkload {
  std::string id;
  std::string description;
  std::optional<HttpLoadPlan> load;  ///< absent in `verify` runs' older files
  std::vector<HttpImplementation> implementations;
  /// Per round, the ids in the order run; ratios. Absent for `verify`, which runs no trial.
  std::optional<std::vector<std::vector<std::string>>> trial_order;
  std::optional<std::vector<Ratio>> ratios;
};

// ---------------------------------------------------------------- batch workloads

struct BatchSettings {
  int64_t processes = 1;  ///< runner processes per implementation and task
  int64_t warmup = 0;
  int64_t iterations = 0;
  double timeout_s = 0;
  std::vector<int64_t> cpus;
};

struct CorpusRecord {
  std::string name;
  uint64_t seed = 0;
  std::string sha256_pinned;
  std::optional<std::string> path;
  std::optional<int64_t> bytes;
  std::optional<std::string> sha256;
  std::optional<int64_t> lines;
  std::optional<std::string> error;
};

/// One runner process's own figures.
struct RunnerProcess {
  int64_t iterations = 0;  ///< measured iterations this process ran (its share of measure_ns, in order)
  int64_t rss_peak_sampled_bytes = 0;
  std::optional<double> cpu_user_s;
  std::optional<double> cpu_system_s;
  std::optional<double> cpu_s;
  std::optional<int64_t> vmhwm_bytes;
  std::optional<int64_t> rss_peak_bytes;
  std::string scope;
};

/// The instructions one iteration of a batch task executes, counted under valgrind
/// (run/instruction_count.h): the runner once with 1 measured iteration and once with 1+K,
/// no warmup in either; (total - base) / K leaves out setup, input loading and runtime
/// start, which both runs share. An exact figure: the same binary on the same input counts
/// the same (to a few instructions), on any machine of the same architecture.
struct InstructionCount {
  std::optional<double> per_iteration;  ///< instructions per iteration; none on error
  int64_t iterations = 0;               ///< K: the further iterations of the second run
  std::optional<int64_t> base_instructions;   ///< the whole run of 1 iteration
  std::optional<int64_t> total_instructions;  ///< the whole run of 1+K iterations
  std::string tool;  ///< e.g. "valgrind-3.19.0 cachegrind --cache-sim=no, setarch -R"
  std::optional<std::string> error;  ///< why there is no count (valgrind missing, the runner failed)
};

/// One implementation's runs of one batch task.
struct BatchEntry {
  std::string id;
  std::string language;
  std::string library;
  Status status = Status::kOk;
  std::optional<std::string> error;
  std::vector<std::string> argv;
  std::optional<std::string> checksum;
  std::optional<double> setup_ns;
  std::optional<int64_t> input_bytes;
  std::vector<double> compile_ns;
  std::vector<double> warmup_ns;
  std::vector<double> measure_ns;
  std::map<std::string, std::vector<double>> extra;  ///< further figures the runner printed per iteration
  std::vector<RunnerProcess> process;                ///< one per runner process
  bool fresh_process = false;                        ///< one process per measured iteration
  /// Instructions per iteration under valgrind; absent when the task was not counted
  /// (workload.toml has no [instructions], --no-instruction-counts, or the run failed).
  std::optional<InstructionCount> instructions;
  Summaries summary;
};

struct BatchTaskResult {
  std::string id;
  std::string task;
  std::string corpus;
  std::string expect;
  Throughput throughput = Throughput::kNone;
  bool fresh_process = false;
  std::vector<BatchEntry> implementations;
  /// The order the implementations ran in, and the ratios; absent until one has run.
  std::optional<std::vector<std::string>> run_order;
  std::optional<std::vector<Ratio>> ratios;
};

struct BatchWorkload {
  std::string id;
  std::string description;
  BatchSettings batch;
  std::vector<CorpusRecord> corpora;
  std::vector<BatchTaskResult> tasks;
  /// Why the workload's instructions are not counted (workload.toml's
  /// [instructions] not_counted, e.g. a thread pool valgrind would serialise).
  std::optional<std::string> instructions_not_counted;
};

/// A workload of the run: HTTP (servers under load) or batch (runners).
struct Workload {
  std::variant<HttpWorkload, BatchWorkload> body;

  WorkloadKind kind() const { return std::holds_alternative<HttpWorkload>(body) ? WorkloadKind::kHttp : WorkloadKind::kBatch; }
  const std::string& id() const { return std::visit([](const auto& w) -> const std::string& { return w.id; }, body); }
  const HttpWorkload* http() const { return std::get_if<HttpWorkload>(&body); }
  const BatchWorkload* batch() const { return std::get_if<BatchWorkload>(&body); }
  HttpWorkload* http() { return std::get_if<HttpWorkload>(&body); }
  BatchWorkload* batch() { return std::get_if<BatchWorkload>(&body); }
};

// ---------------------------------------------------------------- claims

/// One way a claim was checked here, and what it found.
struct CheckVerdict {
  std::string label;
  std::string workload;
  std::string metric;
  std::string go;
  std::string rust;
  double tolerance = 0;
  std::string tolerance_reason;  ///< the wording the tolerance comes from; empty: none
  std::optional<double> measured;
  std::optional<double> ci_low;
  std::optional<double> ci_high;
  std::map<std::string, int64_t> n;  ///< samples per side
  std::optional<double> go_measured;
  std::optional<double> rust_measured;
  std::string expected;
  /// The claimed rust/go range as stated (before any tolerance), for ratio checks;
  /// ratio_high is absent for an open upper end ("Rust faster": [1, inf]).
  std::optional<double> ratio_low;
  std::optional<double> ratio_high;
  std::string judged;
  Verdict verdict = Verdict::kNotMeasured;
  std::optional<Direction> direction;  ///< ratios claimed off parity, when measured
  std::optional<Magnitude> magnitude;  ///< when measured
  std::string detail;
};

struct ClaimVerdict {
  std::string id;
  std::string document;
  std::string title;  ///< the document's title, as claims/*.toml gives it
  std::string paraphrase;
  std::map<std::string, std::string> stated;
  std::string conditions;
  Verdict verdict = Verdict::kNotMeasured;
  std::string detail;
  std::vector<CheckVerdict> checks;
};

/// The family of checks a run judged: how many had a measurement, and the level each
/// interval was taken at (0.95, or Bonferroni-adjusted so all hold together at 0.95).
struct ClaimsFamily {
  Adjustment adjustment = Adjustment::kNone;
  double level = 0.95;
  int64_t checks_judged = 0;
};

// ---------------------------------------------------------------- the run

struct RunResults {
  int schema_version = kSchemaVersion;
  std::string tool_name = "claimbench";
  std::string tool_version;
  std::string run_id;
  Suite suite = Suite::kQuick;
  std::string started_at;
  std::optional<std::string> finished_at;
  bool interrupted = false;
  RunContext context;
  std::map<std::string, Build> builds;  ///< by implementation id
  std::vector<Workload> workloads;
  std::optional<std::vector<ClaimVerdict>> claims;  ///< absent in `verify` runs
  std::optional<ClaimsFamily> claims_family;         ///< with the claims (absent in older files)
  std::optional<std::string> claims_error;

  const Workload* FindWorkload(const std::string& id) const;
};

}  // namespace claimbench::results
