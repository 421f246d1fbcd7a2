// What a run will do, counted before it starts, with a guess of each step's seconds: the
// builds, every HTTP trial and startup series, every batch round. The guesses come from the
// windows the options set (warmup, window, load points) and typical build and runner times
// on a 2-core machine; the console's progress scales them by the pace it sees.
#pragma once

#include <string>

#include "build/builder.h"
#include "run/http_runner.h"
#include "run/run_state.h"
#include "run/selection.h"

namespace claimbench::run {

struct RunPlan {
  size_t steps = 0;
  PlannedSeconds seconds;  ///< guessed, by kind of step
  std::string summary;  ///< "24 builds, 3 HTTP workloads (180 trials), 4 batch workloads (366 rounds)"
};

RunPlan PlanRun(const Selection& selection, const RunState& state);

/// The guessed seconds of one build (with its timed repetitions and static variant).
double BuildEstimateSeconds(const spec::Implementation& impl, const build::BuildOptions& options);
/// The guessed seconds of one HTTP trial: warmup, window, and the load points when it runs them.
double TrialEstimateSeconds(const HttpRunOptions& http, bool load_points);
/// The guessed seconds of one implementation's startup series.
double StartupEstimateSeconds(const HttpRunOptions& http);
/// The guessed seconds of one batch round (one runner process, or a fresh process per iteration).
inline constexpr double kBatchRoundEstimateSeconds = 3;
/// The guessed seconds of verifying one HTTP implementation (start, vectors, stop).
inline constexpr double kVerifyEstimateSeconds = 2;
/// The guessed seconds of preparing one batch corpus (usually found and hashed, sometimes made).
inline constexpr double kCorpusEstimateSeconds = 5;
/// The guessed seconds of counting one implementation's instructions on one batch task: two
/// runner processes under valgrind, 10-50x slower than a timed one.
inline constexpr double kInstructionCountEstimateSeconds = 20;

/// The options a build of `impl` gets in this run (the suite decides what is timed).
build::BuildOptions BuildOptionsFor(const spec::Implementation& impl, const RunState& state);

}  // namespace claimbench::run
