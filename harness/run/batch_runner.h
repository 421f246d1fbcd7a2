// One batch task of one implementation, through the runner protocol
// (workloads/batch-protocol.md): start the runner (own process group, pinned) -> read its
// JSON lines as they come -> on `done`, read CPU time and VmHWM while it is alive ->
// release it -> check every iteration's checksum against the task's pinned one. A
// mismatch, a crash, a hang past the timeout or a protocol violation is recorded with its
// cause and no timing from that runner is kept; nothing throws.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "results/model.h"
#include "spec/workload.h"

namespace claimbench::run {

struct BatchRunOptions {
  std::vector<int> cpus;  ///< the runner's CPU set (empty: not pinned)
  int processes = 1;      ///< runner processes (the launcher's loop; RunBatchTask runs one)
  int warmup = 1;
  int iterations = 5;
  std::chrono::nanoseconds timeout = std::chrono::seconds(120);
  std::filesystem::path log_dir;  ///< <log_dir>/<workload>.<task>.<impl>.{out,log}
  /// Put before the runner's argv: a tool the runner runs under (setarch and valgrind for
  /// the instruction counts, instruction_count.h), through the same protocol and checks.
  std::vector<std::string> command_prefix;
  /// How long the runner may take to exit once its stdin is closed (a runner under
  /// valgrind writes its counts then).
  std::chrono::milliseconds exit_wait = std::chrono::seconds(5);
};

/// The input file of a task, as the harness generated and checked it.
struct BatchInput {
  std::filesystem::path path;
  int64_t bytes = 0;
  int64_t lines = 0;  ///< newline count: the item count of line-oriented inputs
};

/// The argv the harness runs for `task`, without options.command_prefix (exposed for
/// `claimbench verify -v` and tests).
std::vector<std::string> BatchArgv(const spec::Implementation& impl, const std::filesystem::path& binary,
                                   const spec::BatchTask& task, const std::optional<BatchInput>& input,
                                   const BatchRunOptions& options);

/// Appends the runs of `more` (later runner processes of the same task and implementation)
/// to `into`: iterations, processes and extra figures, in order.
void AppendRunnerProcesses(results::BatchEntry& into, const results::BatchEntry& more);

/// Runs `task` of `impl`: the implementation's entry of the task, with its argv, checksum,
/// setup, compile, warmup and measured iteration times, extra per-iteration figures and its
/// process's CPU time and peak RSS. Status kOk, kChecksumMismatch, kCrashed, kTimedOut,
/// kProtocolError, kStartFailed or kInterrupted; timings are kept only when kOk.
results::BatchEntry RunBatchTask(const spec::Workload& workload, const spec::BatchTask& task,
                                 const spec::Implementation& impl, const std::filesystem::path& binary,
                                 const std::optional<BatchInput>& input, const BatchRunOptions& options);

}  // namespace claimbench::run
