// The real launcher: builds, servers, load, runners, corpora, /proc, the clock, SIGINT.
#include <algorithm>
#include <fstream>

#include "batch/corpus.h"
#include "process/interrupt.h"
#include "run/context.h"
#include "run/instruction_count.h"
#include "run/launcher.h"

namespace claimbench::run {
namespace {

int64_t CountLines(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  int64_t lines = 0;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    lines += std::count(buffer, buffer + in.gcount(), '\n');
  }
  return lines;
}

// `count` runner processes of `each` options, merged into one entry in the order they
// ran (the first failure ends it): the independent samples of the figure.
results::BatchEntry RunProcesses(const spec::Workload& workload, const spec::BatchTask& task,
                                 const spec::Implementation& impl, const std::filesystem::path& binary,
                                 const std::optional<BatchInput>& input, const BatchRunOptions& each, int count) {
  std::optional<results::BatchEntry> merged;
  for (int i = 0; i < count; ++i) {
    results::BatchEntry r = run::RunBatchTask(workload, task, impl, binary, input, each);
    if (r.status != results::Status::kOk) return r;
    if (!merged) {
      merged = std::move(r);
      continue;
    }
    AppendRunnerProcesses(*merged, r);
  }
  if (merged) return *merged;
  results::BatchEntry none;
  none.status = results::Status::kProtocolError;
  none.error = "no runner process was asked for";
  return none;
}

}  // namespace

build::BuildRecord ProcessLauncher::Build(const std::filesystem::path& root, const spec::Implementation& impl,
                                          const build::BuildOptions& options) {
  return build::Build(root, impl, options);
}

results::HttpImplementation ProcessLauncher::PrepareHttp(const spec::Workload& workload,
                                                         const spec::Implementation& impl,
                                                         const std::filesystem::path& binary,
                                                         const std::vector<spec::Vector>& vectors,
                                                         const HttpRunOptions& options) {
  return PrepareHttpImplementation(workload, impl, binary, vectors, options);
}

TrialOutcome ProcessLauncher::RunHttpTrial(const spec::Workload& workload, const spec::Implementation& impl,
                                           const std::filesystem::path& binary,
                                           const std::vector<spec::Vector>& vectors, const HttpRunOptions& options,
                                           int trial_number, bool load_points) {
  return run::RunHttpTrial(workload, impl, binary, vectors, options, trial_number, load_points);
}

results::StartupRuns ProcessLauncher::RunStartups(const spec::Workload& workload, const spec::Implementation& impl,
                                                  const std::filesystem::path& binary,
                                                  const std::vector<spec::Vector>& vectors,
                                                  const HttpRunOptions& options) {
  return run::RunStartups(workload, impl, binary, vectors, options);
}

PreparedCorpus ProcessLauncher::PrepareCorpus(const spec::CorpusRef& ref, const std::filesystem::path& dir) {
  PreparedCorpus out;
  out.record.name = ref.name;
  out.record.seed = ref.seed;
  out.record.sha256_pinned = ref.sha256;
  try {
    batch::CorpusFile file = batch::EnsureCorpus(ref.name, ref.seed, dir);
    out.record.path = file.path.string();
    out.record.bytes = static_cast<int64_t>(file.bytes);
    out.record.sha256 = file.sha256;
    if (file.sha256 != ref.sha256) {
      out.error = "corpus '" + ref.name + "' (seed " + std::to_string(ref.seed) + ") was generated with SHA-256 " +
                  file.sha256 + " but workload.toml pins " + ref.sha256 +
                  ": the generator's output changed; if that was intended, pin the new hash";
    } else {
      out.input = BatchInput{file.path, static_cast<int64_t>(file.bytes), CountLines(file.path)};
      out.record.lines = out.input->lines;
    }
  } catch (const std::exception& e) {
    out.error = "cannot generate corpus '" + ref.name + "': " + e.what();
  }
  if (!out.error.empty()) out.record.error = out.error;
  return out;
}

results::BatchEntry ProcessLauncher::RunBatchTask(const spec::Workload& workload, const spec::BatchTask& task,
                                                  const spec::Implementation& impl,
                                                  const std::filesystem::path& binary,
                                                  const std::optional<BatchInput>& input,
                                                  const BatchRunOptions& options) {
  if (!task.fresh_process) return RunProcesses(workload, task, impl, binary, input, options, options.processes);
  // A fresh_process task: every measured iteration in a process of its own, no warmup.
  BatchRunOptions one = options;
  one.warmup = 0;
  one.iterations = 1;
  results::BatchEntry entry =
      RunProcesses(workload, task, impl, binary, input, one, options.processes * options.iterations);
  entry.fresh_process = entry.status == results::Status::kOk;
  return entry;
}

results::InstructionCount ProcessLauncher::CountInstructions(const spec::Workload& workload,
                                                             const spec::BatchTask& task,
                                                             const spec::Implementation& impl,
                                                             const std::filesystem::path& binary,
                                                             const std::optional<BatchInput>& input,
                                                             const BatchRunOptions& options, int iterations) {
  return CountTaskInstructions(workload, task, impl, binary, input, options, iterations);
}

results::RunContext ProcessLauncher::CollectContext(const std::filesystem::path& root, const process::CpuSplit& split,
                                                    uint64_t seed) {
  return run::CollectContext(root, split, seed);
}

std::chrono::system_clock::time_point ProcessLauncher::Now() { return std::chrono::system_clock::now(); }

bool ProcessLauncher::Interrupted() { return process::Interrupted(); }

}  // namespace claimbench::run
