// The CLI's commands as functions of typed options: main.cpp only parses flags into these
// and maps the returned exit code. Exit codes: 0 ok, 1 a run or check failed, 2 usage.
#pragma once

#include "compare/baselines.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "batch/corpus.h"
#include "cli/exit_codes.h"
#include "process/cpu_set.h"
#include "cli/load_command.h"
#include "run/run.h"

namespace claimbench::cli {

struct CommonOptions {
  std::filesystem::path root;  ///< empty: found from the working directory or the binary
  std::string server_cpus;     ///< empty: the default split
  std::string client_cpus;
};

struct BuildCommand {
  std::vector<std::string> implementations;
  bool build_times = true;
};

/// The checkout: --root, or found from the working directory or the binary; throws
/// std::invalid_argument when there is none.
std::filesystem::path RepoRoot(const CommonOptions& common);
/// The CPUs of the server and the load generator: the options', or the default split.
process::CpuSplit CpuSplitFor(const CommonOptions& common);

int List(const CommonOptions& common);
int Build(const CommonOptions& common, const BuildCommand& command);
int Verify(const CommonOptions& common, run::RunOptions options);
/// Runs the suite, then prints the tables, the judged claims (every claim with
/// `all_claims`) and, last, the headline.
/// With `save_baseline`, also adds the run's results.json to that named baseline, which
/// keeps its newest `baseline_runs` runs (compare/baselines.h), unless the run was interrupted.
int RunSuite(const CommonOptions& common, run::RunOptions options, bool all_claims = false,
             const std::string& save_baseline = "", int baseline_runs = compare::kBaselineRunsKept);
/// Judges the claims of this checkout against RESULTS.json and prints the judged ones
/// (every claim with `all_claims`); with `update`, also rewrites the results and every
/// report beside it with the new verdicts.
int Claims(const CommonOptions& common, const std::filesystem::path& results_file, bool update,
           results::Adjustment adjustment, bool all_claims = false);

struct ServeCommand {
  std::string implementation;
  std::string workload;  ///< whose readiness vector is probed; empty: the first it serves
  int port = 0;          ///< 0: a free port
};
/// Builds if needed and runs one implementation in the foreground as the harness would
/// (pinned to the server CPUs, same environment), until Ctrl-C.
int Serve(const CommonOptions& common, const ServeCommand& command);
int Report(const std::filesystem::path& results_file, const std::string& format);

struct CorpusCommand {
  std::string name;                           ///< empty with `list`
  uint64_t seed = batch::kDefaultCorpusSeed;  ///< the pinned corpora's
  std::filesystem::path out;                  ///< empty: the corpus's file name (e.g. tweets.json) here
  bool list = false;
};
/// Generates a batch workload's input, writes it atomically and prints one line on
/// stdout: `NAME seed=S bytes=B sha256=HEX path=FILE`. --list (or an unknown name, then
/// on stderr with exit 2) lists the corpora.
int Corpus(const CorpusCommand& command);

}  // namespace claimbench::cli
