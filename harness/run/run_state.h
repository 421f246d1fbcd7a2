// What the orchestrator and its workload runners share during one run: the catalog and
// options, the launcher, the results being filled, the builds, and how to save.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "build/builder.h"
#include "results/model.h"
#include "run/launcher.h"
#include "run/progress.h"
#include "run/run_options.h"
#include "spec/workload.h"

namespace claimbench::run {

struct RunState {
  const spec::Catalog& catalog;
  const RunOptions& options;
  Launcher& launcher;
  results::RunResults& results;
  std::map<std::string, build::BuildRecord> builds;  ///< by implementation id
  std::filesystem::path log_dir;
  std::function<void()> save;  ///< rewrites the results files (nothing for `verify`)
  Progress* progress = nullptr;  ///< the console's account of the run; none: plain lines

  bool Quick() const { return options.suite == results::Suite::kQuick; }

  /// Why `id` cannot run at all: the user stopped the run, or its build failed (with the
  /// build's error). nullopt when it can.
  std::optional<std::pair<results::Status, std::string>> Unrunnable(const std::string& id) const;

  /// Starts a step of the run, guessed to take `planned_s`: a progress line ("[k/N] elapsed,
  /// ~left: label"), or "claimbench: label" without progress.
  void Step(const std::string& label, double planned_s, StepKind kind = StepKind::kMeasure) const;
  /// A result line under the current step.
  void Note(const std::string& line) const;

  /// Says on stderr why an implementation did not finish.
  static void ReportFailure(const std::string& where, results::Status status, const std::optional<std::string>& error);
};

/// Runs one kind of workload for the selected implementations, filling its entry of the
/// results and saving after each step. Returns false when any implementation failed.
class WorkloadRunner {
 public:
  virtual ~WorkloadRunner() = default;
  virtual bool Run(const spec::Workload& workload, const std::vector<std::string>& implementations,
                   RunState& state) = 0;
};

}  // namespace claimbench::run
