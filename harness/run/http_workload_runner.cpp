// An HTTP workload: verify all, trials in seeded rounds, startup runs, summaries, ratios.
#include "run/http_workload_runner.h"

#include <fmt/format.h>

#include <cmath>
#include <iostream>

#include "run/run_plan.h"
#include "spec/vectors.h"
#include "stats/display.h"
#include "stats/median.h"
#include "stats/ratios.h"
#include "stats/summary.h"
#include "util/duration.h"
#include "util/shuffle.h"

namespace claimbench::run {
namespace {

using results::Status;

results::HttpLoadPlan PlanOf(const spec::Workload& w, const HttpRunOptions& http, const RunOptions& options) {
  results::HttpLoadPlan p;
  p.method = w.load.method;
  p.path = w.load.path;
  p.body_bytes = static_cast<int64_t>(w.load.body.size());
  p.connections = http.connections;
  p.client_threads = http.client_threads;
  p.warmup_s = ToSeconds(http.warmup);
  p.duration_s = ToSeconds(http.duration);
  p.repeat = http.repeat;
  const bool any_point = !http.connection_sweep.empty() || !http.fixed_rates.empty() || !http.knee_fractions.empty();
  p.load_points_in = !any_point ? "no trial" : options.load_points_every_trial ? "every trial" : "the first trial only";
  p.varied_bodies = w.load.vary_price;
  p.point_duration_s = ToSeconds(http.point_duration);
  p.connection_sweep.assign(http.connection_sweep.begin(), http.connection_sweep.end());
  p.fixed_rates = http.fixed_rates;
  p.knee_fractions = http.knee_fractions;
  p.startup_runs = http.startup_runs;
  return p;
}

// Verification of every implementation first: none is timed unless it passed.
void VerifyAll(const spec::Workload& w, const std::vector<std::string>& ids, const std::vector<spec::Vector>& vectors,
               const HttpRunOptions& http, RunState& state, results::HttpWorkload& stored) {
  for (const auto& id : ids) {
    const auto& impl = state.catalog.GetImplementation(id);
    if (auto why = state.Unrunnable(id)) {
      results::HttpImplementation entry;
      entry.id = id;
      entry.language = std::string(spec::LanguageName(impl.language));
      entry.library = impl.library;
      entry.status = why->first;
      entry.error = why->second;
      stored.implementations.push_back(std::move(entry));
      continue;
    }
    state.Step(w.id + " / " + id + ": verifying against the workload's vectors", kVerifyEstimateSeconds);
    stored.implementations.push_back(
        state.launcher.PrepareHttp(w, impl, state.builds.at(id).binary, vectors, http));
  }
  state.save();
}

// A trial's result as a line: req/s and p99, and a warning when its req/s is more than 20%
// from the median of the trials before it (a neighbour on the machine, or a bad start).
std::string TrialLine(const results::HttpTrial& trial, const std::vector<results::HttpTrial>& before) {
  const double rps = trial.load.requests_per_s;
  const stats::MetricRegistry registry({}, {});
  std::string line = fmt::format("{}, p99 {}", stats::ShowValue(rps, registry.Get(stats::metric::kRequestsPerS)),
                                 stats::ShowValue(static_cast<double>(trial.load.latency.p99),
                                                  registry.Get(stats::metric::kLatencyP99)));
  if (trial.load.errors_total > 0) line += fmt::format(", {} errors", trial.load.errors_total);
  if (!before.empty()) {
    std::vector<double> earlier;
    for (const auto& t : before) earlier.push_back(t.load.requests_per_s);
    const double median = stats::Median(earlier);
    if (median > 0 && std::abs(rps / median - 1) > 0.2) {
      line += fmt::format("  (outlier: {:+.0f}% from the median of the trials before it)", 100 * (rps / median - 1));
    }
  }
  return line;
}

// Trials in rounds; each round visits the implementations in a seeded random order, so
// drift on a shared machine does not favour whoever runs first.
void RunTrials(const spec::Workload& w, const std::vector<std::string>& ids, const std::vector<spec::Vector>& vectors,
               const HttpRunOptions& http, RunState& state, results::HttpWorkload& stored) {
  auto& entries = stored.implementations;
  stored.trial_order.emplace();
  for (int round = 1; round <= http.repeat && !state.launcher.Interrupted(); ++round) {
    std::vector<size_t> order = ShuffledIndices(ids.size(), state.options.seed + static_cast<uint64_t>(round));
    std::vector<std::string> round_ids;
    const bool load_points = round == 1 || state.options.load_points_every_trial;
    for (size_t i : order) {
      if (entries[i].status != Status::kOk) continue;
      if (state.launcher.Interrupted()) {
        entries[i].status = Status::kInterrupted;
        entries[i].error = "interrupted by the user";
        continue;
      }
      round_ids.push_back(ids[i]);
      state.Step(w.id + " / " + ids[i] + ": trial " + std::to_string(round) + " of " + std::to_string(http.repeat) +
                     (load_points ? "" : " (main window only)"),
                 TrialEstimateSeconds(http, load_points));
      TrialOutcome outcome = state.launcher.RunHttpTrial(w, state.catalog.GetImplementation(ids[i]),
                                                         state.builds.at(ids[i]).binary, vectors, http, round,
                                                         load_points);
      if (outcome.trial) {
        state.Note(TrialLine(*outcome.trial, entries[i].trials));
        entries[i].trials.push_back(std::move(*outcome.trial));
      }
      if (outcome.status != Status::kOk) {
        entries[i].status = outcome.status;
        entries[i].error = outcome.error;
      }
      state.save();
    }
    stored.trial_order->push_back(round_ids);
  }
}

// After the trials: startup runs, then each implementation's summaries and the ratios.
void Finish(const spec::Workload& w, const std::vector<std::string>& ids, const std::vector<spec::Vector>& vectors,
            const HttpRunOptions& http, RunState& state, results::HttpWorkload& stored) {
  const stats::MetricRegistry registry = stats::MetricRegistry::ForWorkload(stored);
  for (size_t i = 0; i < ids.size(); ++i) {
    auto& entry = stored.implementations[i];
    if (entry.status == Status::kOk) {
      if (http.startup_runs > 0 && !state.launcher.Interrupted()) {
        state.Step(w.id + " / " + ids[i] + ": " + std::to_string(http.startup_runs) + " startup runs",
                   StartupEstimateSeconds(http));
        entry.startup = state.launcher.RunStartups(w, state.catalog.GetImplementation(ids[i]),
                                                   state.builds.at(ids[i]).binary, vectors, http);
      }
      if (state.launcher.Interrupted()) {
        entry.status = Status::kInterrupted;
        entry.error = "interrupted by the user";
      }
    }
    if (!entry.trials.empty()) entry.summary = stats::SummarizeHttp(entry, registry);
  }
  stored.ratios = stats::Ratios(stored.implementations);
}

}  // namespace

HttpRunOptions HttpOptionsFor(const spec::Workload& w, const RunState& state) {
  const RunOptions& options = state.options;
  const bool quick = state.Quick();
  HttpRunOptions http;
  http.server_cpus = options.cpus.server;
  http.client_cpus = options.cpus.client;
  // One load generator thread per client CPU: the client set is what the client may use.
  http.client_threads = std::max<int>(1, static_cast<int>(options.cpus.client.size()));
  http.connections = options.connections.value_or(w.load.connections);
  http.duration = options.duration.value_or(quick ? w.load.quick_duration : w.load.duration);
  http.warmup = options.warmup.value_or(quick ? w.load.quick_warmup : w.load.warmup);
  http.repeat = options.repeat.value_or(quick ? kQuickRepeat : kFullRepeat);
  http.seed = options.seed;
  http.point_duration = options.point_duration.value_or(quick ? w.load.quick_point_duration : w.load.point_duration);
  if (options.load_points.value_or(!quick)) {
    http.connection_sweep = w.load.connection_sweep;
    http.fixed_rates = w.load.fixed_rates;
    http.knee_fractions = w.load.knee_fractions;
  }
  http.startup_runs = options.startup_runs;
  http.log_dir = state.log_dir;
  return http;
}

bool HttpWorkloadRunner::Run(const spec::Workload& w, const std::vector<std::string>& ids, RunState& state) {
  const HttpRunOptions http = HttpOptionsFor(w, state);
  results::HttpWorkload workload;
  workload.id = w.id;
  workload.description = w.description;
  workload.load = PlanOf(w, http, state.options);
  state.results.workloads.push_back({std::move(workload)});
  results::HttpWorkload& stored = *state.results.workloads.back().http();

  const std::vector<spec::Vector> vectors = spec::LoadVectors(w.vectors_file);
  VerifyAll(w, ids, vectors, http, state, stored);
  if (!state.options.verify_only) {
    RunTrials(w, ids, vectors, http, state, stored);
    Finish(w, ids, vectors, http, state, stored);
  }
  bool ok = true;
  for (const auto& entry : stored.implementations) {
    if (entry.status == Status::kOk) continue;
    ok = false;
    RunState::ReportFailure(w.id + " / " + entry.id, entry.status, entry.error);
  }
  state.save();
  return ok;
}

}  // namespace claimbench::run
