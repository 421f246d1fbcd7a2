// `claimbench run` and `claimbench verify`: select -> build -> (per workload) verify ->
// measure -> summarise -> judge the claims -> report. The results files are rewritten after
// every step, so an interrupted or failing run keeps everything it finished.
#pragma once

#include <filesystem>

#include "results/model.h"
#include "run/launcher.h"
#include "run/run_options.h"
#include "spec/workload.h"

namespace claimbench::run {

struct RunOutcome {
  results::RunResults results;
  std::filesystem::path out_dir;
  bool ok = false;  ///< every selected implementation built, verified and ran
};

/// The run with the real launcher (processes, sockets, the system clock, Ctrl-C).
RunOutcome Run(const spec::Catalog& catalog, const RunOptions& options);

/// The run with `launcher` doing the work that starts processes.
RunOutcome Run(const spec::Catalog& catalog, const RunOptions& options, Launcher& launcher);

}  // namespace claimbench::run
