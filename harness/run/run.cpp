// The orchestrator of `claimbench run` and `claimbench verify`.
#include "run/run.h"

#include <fmt/format.h>
#include <sched.h>

#include <algorithm>
#include <iostream>
#include <memory>

#include "claims/claim_spec.h"
#include "claims/verdict.h"
#include "run/batch_workload_runner.h"
#include "run/context.h"
#include "run/http_workload_runner.h"
#include "run/run_plan.h"
#include "run/run_state.h"
#include "run/save_results.h"
#include "run/selection.h"
#include "stats/display.h"

namespace claimbench::run {
namespace {

using results::Status;

void PinThisThread(const std::vector<int>& cpus) {
  cpu_set_t set;
  CPU_ZERO(&set);
  for (int c : cpus) CPU_SET(c, &set);
  ::sched_setaffinity(0, sizeof set, &set);
}

// Builds every selected implementation once. Two implementations of one binary (a runner
// with `args`) are built and timed once. The quick suite times the servers' builds (what
// the documents' build-time claims are about); the full suite times every build, batch
// runners included.
void BuildSelected(const std::vector<std::string>& to_build, RunState& state) {
  for (const auto& id : to_build) {
    if (state.launcher.Interrupted()) break;
    const auto& impl = state.catalog.GetImplementation(id);
    auto same = std::find_if(state.builds.begin(), state.builds.end(), [&](const auto& entry) {
      const auto& other = state.catalog.GetImplementation(entry.first);
      return other.language == impl.language && other.package == impl.package;
    });
    if (same != state.builds.end()) {
      state.Step("build " + id + ": the binary of " + same->first, 0, StepKind::kBuild);
      build::BuildRecord record = same->second;
      record.implementation = id;
      state.results.builds[id] = {record, same->first};
      state.builds.emplace(id, std::move(record));
      continue;
    }
    const build::BuildOptions build_options = BuildOptionsFor(impl, state);
    state.Step("build " + id +
                   (build_options.measure_build_times
                        ? " (release, then " + std::to_string(build_options.build_time_runs) + " timed cold and "
                          "incremental builds)"
                        : ""),
               BuildEstimateSeconds(impl, build_options), StepKind::kBuild);
    build::BuildRecord record = state.launcher.Build(state.catalog.root, impl, build_options);
    if (!record.ok) {
      std::cerr << "claimbench: build of " << id << " failed: " << record.error << "\n";
    } else if (record.cold_build_s) {
      const double binary_bytes = static_cast<double>(record.binary_bytes);
      state.Note(fmt::format("cold {:.2f} s, incremental {:.2f} s{}, binary {}", *record.cold_build_s,
                             record.incremental_build_s.value_or(0),
                             build_options.build_time_runs > 1 ? " (medians)" : "",
                             stats::Show(binary_bytes, stats::DecimalBytesScale(binary_bytes))));
    }
    state.results.builds[id] = {record, std::nullopt};
    state.builds.emplace(id, std::move(record));
  }
  state.save();
}

// The claims judged against what was measured; a claims file that cannot be read is
// recorded, and the run fails.
bool JudgeClaims(RunState& state) {
  try {
    const std::vector<claims::Claim> all = claims::LoadClaims(state.catalog.root);
    const results::ClaimsFamily family = claims::FamilyOf(all, state.results, state.options.adjustment);
    state.results.claims = claims::Evaluate(all, state.results, family);
    state.results.claims_family = family;
    return true;
  } catch (const std::exception& e) {
    state.results.claims_error = e.what();
    std::cerr << "claimbench: claims not evaluated: " << e.what() << "\n";
    return false;
  }
}

}  // namespace

std::optional<std::pair<Status, std::string>> RunState::Unrunnable(const std::string& id) const {
  if (launcher.Interrupted()) return std::pair{Status::kInterrupted, std::string("interrupted by the user")};
  auto it = builds.find(id);
  if (it == builds.end()) return std::pair{Status::kInterrupted, std::string("not built: the run was interrupted")};
  if (!it->second.ok) return std::pair{Status::kBuildFailed, it->second.error};
  return std::nullopt;
}

void RunState::Step(const std::string& label, double planned_s, StepKind kind) const {
  if (progress) {
    progress->Step(label, planned_s, kind);
  } else {
    std::cerr << "claimbench: " << label << "\n";
  }
}

void RunState::Note(const std::string& line) const {
  if (progress) {
    progress->Note(line);
  } else {
    std::cerr << "claimbench:   " << line << "\n";
  }
}

void RunState::ReportFailure(const std::string& where, Status status, const std::optional<std::string>& error) {
  std::cerr << "claimbench: " << where << ": " << results::Name(status) << ": " << error.value_or("") << "\n";
}

RunOutcome Run(const spec::Catalog& catalog, const RunOptions& options) {
  ProcessLauncher launcher;
  return Run(catalog, options, launcher);
}

RunOutcome Run(const spec::Catalog& catalog, const RunOptions& options, Launcher& launcher) {
  Selection selection = Select(catalog, options.workloads, options.implementations);
  RunOutcome outcome;
  results::RunResults& results = outcome.results;
  const auto started = launcher.Now();
  results.tool_version = CLAIMBENCH_VERSION;
  results.run_id = RunIdAt(started);
  results.suite = options.suite;
  results.started_at = Rfc3339(started);
  if (!options.verify_only) {
    outcome.out_dir = options.out_dir.empty() ? catalog.root / "results" / results.run_id : options.out_dir;
  }
  std::cerr << "claimbench: collecting context\n";
  results.context = launcher.CollectContext(catalog.root, options.cpus, options.seed);

  RunState state{catalog, options, launcher, results, {}, {}, {}, nullptr};
  state.log_dir = (outcome.out_dir.empty() ? std::filesystem::temp_directory_path() / ("claimbench-" + results.run_id)
                                           : outcome.out_dir) /
                  "logs";
  state.save = [&] { SaveResults(results, outcome.out_dir); };

  const RunPlan plan = PlanRun(selection, state);
  Progress progress(std::cerr, plan.steps, plan.seconds);
  state.progress = &progress;
  progress.PrintPlan(plan.summary);
  BuildSelected(selection.to_build, state);
  // Everything the harness does from here runs on the client CPUs; each server process is
  // pinned to the server CPUs.
  PinThisThread(options.cpus.client);
  bool all_ok = true;
  HttpWorkloadRunner http;
  BatchWorkloadRunner batch;
  for (const spec::Workload* w : selection.workloads) {
    WorkloadRunner& runner = w->kind == "batch" ? static_cast<WorkloadRunner&>(batch) : http;
    all_ok = runner.Run(*w, selection.implementations.at(w->id), state) && all_ok;
  }
  if (!options.verify_only) all_ok = JudgeClaims(state) && all_ok;
  results.interrupted = launcher.Interrupted();
  results.finished_at = Rfc3339(launcher.Now());
  state.save();
  outcome.ok = all_ok && !launcher.Interrupted();
  return outcome;
}

}  // namespace claimbench::run
