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

#include <nlohmann/json.hpp>

#include "spec/workload.h"

namespace claimbench::run {

struct BatchRunOptions {
  std::vector<int> cpus;  ///< the runner's CPU set (empty: not pinned)
  int warmup = 1;
  int iterations = 5;
  std::chrono::nanoseconds timeout = std::chrono::seconds(120);
  std::filesystem::path log_dir;  ///< <log_dir>/<workload>.<task>.<impl>.{out,log}
};

/// The input file of a task, as the harness generated and checked it.
struct BatchInput {
  std::filesystem::path path;
  int64_t bytes = 0;
  int64_t lines = 0;  ///< newline count: the item count of line-oriented inputs
};

/// The argv the harness runs for `task` (exposed for `claimbench verify -v` and tests).
std::vector<std::string> BatchArgv(const spec::Implementation& impl, const std::filesystem::path& binary,
                                   const spec::BatchTask& task, const std::optional<BatchInput>& input,
                                   const BatchRunOptions& options);

/// Runs `task` of `impl`. The returned object is the implementation's entry of the task in
/// the results file: {id, language, library, status, error?, argv, checksum, setup_ns,
/// compile_ns[], warmup_ns[], measure_ns[], extra{}, process[{cpu_user_s, cpu_system_s,
/// cpu_s, rss_peak_bytes}]} (process: one entry per runner process; one here). status: "ok" | "checksum_mismatch" | "crashed" | "timed_out" |
/// "protocol_error" | "start_failed" | "interrupted". Timings are kept only when "ok".
nlohmann::json RunBatchTask(const spec::Workload& workload, const spec::BatchTask& task,
                            const spec::Implementation& impl, const std::filesystem::path& binary,
                            const std::optional<BatchInput>& input, const BatchRunOptions& options);

/// The medians (and min, max, n) of a task entry's figures: iteration time, throughput
/// (MB/s decimal or items/s), process CPU time and peak RSS (over its processes), compile
/// time, extra fields.
nlohmann::json SummarizeBatch(const nlohmann::json& entry, const spec::BatchTask& task,
                              const std::optional<BatchInput>& input);

}  // namespace claimbench::run
