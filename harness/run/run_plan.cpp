// Counting a run's steps before it starts.
#include "run/run_plan.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <utility>
#include <vector>

#include "run/batch_workload_runner.h"
#include "run/http_workload_runner.h"

namespace claimbench::run {

build::BuildOptions BuildOptionsFor(const spec::Implementation& impl, const RunState& state) {
  const bool time_builds = state.options.build_times.value_or(!state.Quick()) && !state.options.verify_only;
  // Cold builds six times in the full suite: a build time is a noisy figure like any other,
  // and 6 is the fewest with a 95% interval of a median (4 a side would do for a ratio).
  // The static variant (Rust +crt-static) is a size, built in the full suite whether or not
  // build times are measured.
  return build::BuildOptions{time_builds && (!state.Quick() || impl.kind == "http-server"),
                             state.Quick() ? 1 : kFullSuiteBuildRuns,
                             !state.Quick() && impl.kind == "http-server"};
}

double BuildEstimateSeconds(const spec::Implementation& impl, const build::BuildOptions& options) {
  // Typical seconds of one cold + incremental build on a 2-core VM, by toolchain.
  const double per_run = impl.language == spec::Language::kRust ? 35 : impl.language == spec::Language::kGo ? 2 : 10;
  double s = 3;  // the release build, usually cached
  if (options.measure_build_times) s += per_run * options.build_time_runs;
  if (options.static_variant && impl.language == spec::Language::kRust) s += 40;
  return s;
}

double TrialEstimateSeconds(const HttpRunOptions& http, bool load_points) {
  auto seconds = [](std::chrono::nanoseconds d) { return std::chrono::duration<double>(d).count(); };
  double s = seconds(http.warmup) + seconds(http.duration) + 1;  // + server start and stop
  if (load_points) {
    const double points =
        static_cast<double>(http.connection_sweep.size() + http.fixed_rates.size() + http.knee_fractions.size());
    s += points * seconds(http.point_duration);
  }
  return s;
}

double StartupEstimateSeconds(const HttpRunOptions& http) { return 0.2 * http.startup_runs; }

RunPlan PlanRun(const Selection& selection, const RunState& state) {
  RunPlan plan;
  size_t builds = 0, trials = 0, rounds = 0, http_workloads = 0, batch_workloads = 0;
  // Two implementations of one binary are built once: the second is a step of no time.
  std::vector<std::pair<spec::Language, std::string>> built;
  for (const auto& id : selection.to_build) {
    const auto& impl = state.catalog.GetImplementation(id);
    const std::pair<spec::Language, std::string> binary{impl.language, impl.package};
    if (std::find(built.begin(), built.end(), binary) == built.end()) {
      plan.seconds.build += BuildEstimateSeconds(impl, BuildOptionsFor(impl, state));
      built.push_back(binary);
    }
    ++builds;
  }
  for (const spec::Workload* w : selection.workloads) {
    const std::vector<std::string>& ids = selection.implementations.at(w->id);
    const size_t impls = ids.size();
    if (w->kind == "batch") {
      ++batch_workloads;
      const BatchRunOptions batch = BatchOptionsFor(*w, state);
      // Only the implementations a task lists (all when it lists none) run it.
      size_t runs = 0, counts = 0;
      for (const auto& task : w->batch.tasks) {
        const bool counted = CountsInstructions(*w, task, state);  // then one count per runner that ran
        for (const auto& id : ids) {
          const bool runs_task =
              task.implementations.empty() ||
              std::find(task.implementations.begin(), task.implementations.end(), id) != task.implementations.end();
          runs += runs_task;
          counts += runs_task && counted;
        }
      }
      const size_t n = runs * static_cast<size_t>(batch.processes);
      rounds += n + w->batch.corpora.size() + counts;
      plan.seconds.measure += static_cast<double>(n) * kBatchRoundEstimateSeconds +
                      static_cast<double>(w->batch.corpora.size()) * kCorpusEstimateSeconds +
                      static_cast<double>(counts) * kInstructionCountEstimateSeconds;
      continue;
    }
    ++http_workloads;
    trials += impls;  // verifying each
    plan.seconds.measure += static_cast<double>(impls) * kVerifyEstimateSeconds;
    if (state.options.verify_only) continue;
    const HttpRunOptions http = HttpOptionsFor(*w, state);
    for (int round = 1; round <= http.repeat; ++round) {
      const bool load_points = round == 1 || state.options.load_points_every_trial;
      plan.seconds.measure += static_cast<double>(impls) * TrialEstimateSeconds(http, load_points);
      trials += impls;
    }
    if (http.startup_runs > 0) {
      plan.seconds.measure += static_cast<double>(impls) * StartupEstimateSeconds(http);
      trials += impls;  // one step each
    }
  }
  plan.steps = builds + trials + rounds;
  auto count = [](size_t n, const char* one, const char* many) { return fmt::format("{} {}", n, n == 1 ? one : many); };
  plan.summary = fmt::format("{}, {} ({} verifications, trials and startup series), {} ({} corpora, runner rounds "
                             "and instruction counts)",
                             count(builds, "build", "builds"), count(http_workloads, "HTTP workload", "HTTP workloads"),
                             trials, count(batch_workloads, "batch workload", "batch workloads"), rounds);
  return plan;
}

}  // namespace claimbench::run
