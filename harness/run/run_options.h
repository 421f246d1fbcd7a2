// The options of `claimbench run` and `claimbench verify`.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "process/cpu_set.h"
#include "results/enums.h"

namespace claimbench::run {

/// Trials per implementation of each suite, unless --repeat says otherwise.
/// Six: the fewest trials for which a 95% interval of a median exists (exact_intervals.h).
constexpr int kQuickRepeat = 6;
constexpr int kFullRepeat = 10;
/// Cold and incremental builds per implementation in the full suite (quick: one).
constexpr int kFullSuiteBuildRuns = 6;

struct RunOptions {
  results::Suite suite = results::Suite::kQuick;
  std::vector<std::string> workloads;       ///< empty: all
  std::vector<std::string> implementations; ///< empty: all of each workload
  std::optional<int> repeat;                ///< trials per implementation (default: the suite's)
  bool load_points_every_trial = false;     ///< load points in every trial (full suite), else trial 1 only
  std::filesystem::path out_dir;            ///< empty: results/<run-id>
  std::optional<std::chrono::nanoseconds> duration;  ///< overrides the suite's window
  std::optional<std::chrono::nanoseconds> warmup;
  std::optional<int> connections;
  std::optional<std::chrono::nanoseconds> point_duration;  ///< overrides each load point's window
  std::optional<int> iterations;            ///< batch: measured iterations per runner (overrides the suite)
  std::optional<int> processes;             ///< batch: runner processes per implementation and task (overrides the suite)
  /// Time cold and incremental builds; unset: the suite decides (full: yes, quick: no, so
  /// that a CI job's quick run stays within 10 minutes).
  std::optional<bool> build_times;
  /// Batch workloads with [instructions]: count instructions per iteration under valgrind.
  bool instruction_counts = true;
  bool verify_only = false;                 ///< `claimbench verify`
  /// The further load points (connection sweep, fixed rates, knee); unset: the suite decides
  /// (full: in every trial; quick: none).
  std::optional<bool> load_points;
  int startup_runs = 10;                    ///< starts whose median startup time is reported
  uint64_t seed = 42;
  results::Adjustment adjustment = results::Adjustment::kNone;  ///< of the claims' intervals for their number
  process::CpuSplit cpus;
};

}  // namespace claimbench::run
