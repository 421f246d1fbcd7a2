// The seam between orchestration and the outside world. The orchestrator decides what runs
// in which order, records statuses and saves; a Launcher does the work that starts
// processes (builds, servers, load, batch runners) and reads the clocks and the interrupt
// flag. ProcessLauncher is the real one; tests give the orchestrator a fake, so ordering,
// failure statuses and interruption are tested without building Go or Rust.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "build/builder.h"
#include "process/cpu_set.h"
#include "results/model.h"
#include "run/batch_runner.h"
#include "run/http_runner.h"
#include "spec/vectors.h"
#include "spec/workload.h"

namespace claimbench::run {

/// A corpus generated and checked against its pinned hash, or why it cannot be used.
struct PreparedCorpus {
  results::CorpusRecord record;
  std::optional<BatchInput> input;
  std::string error;
};

class Launcher {
 public:
  virtual ~Launcher() = default;

  virtual build::BuildRecord Build(const std::filesystem::path& root, const spec::Implementation& impl,
                                   const build::BuildOptions& options) = 0;

  /// Starts the server once and sends every vector: the implementation's entry with status
  /// kOk (ready for trials), kVerifyFailed, kStartFailed or kInterrupted.
  virtual results::HttpImplementation PrepareHttp(const spec::Workload& workload, const spec::Implementation& impl,
                                                  const std::filesystem::path& binary,
                                                  const std::vector<spec::Vector>& vectors,
                                                  const HttpRunOptions& options) = 0;

  /// One trial in a fresh server process (`load_points`: also the further load points).
  virtual TrialOutcome RunHttpTrial(const spec::Workload& workload, const spec::Implementation& impl,
                                    const std::filesystem::path& binary, const std::vector<spec::Vector>& vectors,
                                    const HttpRunOptions& options, int trial_number, bool load_points) = 0;

  /// The startup runs after the trials.
  virtual results::StartupRuns RunStartups(const spec::Workload& workload, const spec::Implementation& impl,
                                           const std::filesystem::path& binary,
                                           const std::vector<spec::Vector>& vectors,
                                           const HttpRunOptions& options) = 0;

  virtual PreparedCorpus PrepareCorpus(const spec::CorpusRef& ref, const std::filesystem::path& dir) = 0;

  /// One batch task of one implementation (fresh_process tasks: one process per iteration).
  virtual results::BatchEntry RunBatchTask(const spec::Workload& workload, const spec::BatchTask& task,
                                           const spec::Implementation& impl, const std::filesystem::path& binary,
                                           const std::optional<BatchInput>& input,
                                           const BatchRunOptions& options) = 0;

  /// The instructions one iteration of `task` executes, counted under valgrind with 1 and
  /// 1 + `iterations` measured iterations (instruction_count.h). The default counts nothing
  /// and says so: a launcher that starts no process (the tests' fakes) has nothing to count.
  virtual results::InstructionCount CountInstructions(const spec::Workload& /*workload*/,
                                                      const spec::BatchTask& /*task*/,
                                                      const spec::Implementation& /*impl*/,
                                                      const std::filesystem::path& /*binary*/,
                                                      const std::optional<BatchInput>& /*input*/,
                                                      const BatchRunOptions& /*options*/, int iterations) {
    results::InstructionCount count;
    count.iterations = iterations;
    count.error = "not counted by this launcher";
    return count;
  }

  /// The machine and source the run is on.
  virtual results::RunContext CollectContext(const std::filesystem::path& root, const process::CpuSplit& split,
                                             uint64_t seed) = 0;

  virtual std::chrono::system_clock::time_point Now() = 0;
  /// True once the user asked to stop (Ctrl-C).
  virtual bool Interrupted() = 0;
};

/// The real launcher: processes, sockets, /proc, the system clock and SIGINT.
class ProcessLauncher : public Launcher {
 public:
  build::BuildRecord Build(const std::filesystem::path& root, const spec::Implementation& impl,
                           const build::BuildOptions& options) override;
  results::HttpImplementation PrepareHttp(const spec::Workload& workload, const spec::Implementation& impl,
                                          const std::filesystem::path& binary, const std::vector<spec::Vector>& vectors,
                                          const HttpRunOptions& options) override;
  TrialOutcome RunHttpTrial(const spec::Workload& workload, const spec::Implementation& impl,
                            const std::filesystem::path& binary, const std::vector<spec::Vector>& vectors,
                            const HttpRunOptions& options, int trial_number, bool load_points) override;
  results::StartupRuns RunStartups(const spec::Workload& workload, const spec::Implementation& impl,
                                   const std::filesystem::path& binary, const std::vector<spec::Vector>& vectors,
                                   const HttpRunOptions& options) override;
  PreparedCorpus PrepareCorpus(const spec::CorpusRef& ref, const std::filesystem::path& dir) override;
  results::BatchEntry RunBatchTask(const spec::Workload& workload, const spec::BatchTask& task,
                                   const spec::Implementation& impl, const std::filesystem::path& binary,
                                   const std::optional<BatchInput>& input, const BatchRunOptions& options) override;
  results::InstructionCount CountInstructions(const spec::Workload& workload, const spec::BatchTask& task,
                                              const spec::Implementation& impl, const std::filesystem::path& binary,
                                              const std::optional<BatchInput>& input, const BatchRunOptions& options,
                                              int iterations) override;
  results::RunContext CollectContext(const std::filesystem::path& root, const process::CpuSplit& split,
                                     uint64_t seed) override;
  std::chrono::system_clock::time_point Now() override;
  bool Interrupted() override;
};

}  // namespace claimbench::run
