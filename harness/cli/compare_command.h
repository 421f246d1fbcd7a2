// `claimbench compare`: the regression gate over two results files (compare/gate.h).
// Exit codes: 0 no regression, 1 a regression (each named on the last line), 2 unusable
// input (a file that is not a claimbench results file, runs with nothing in common, a
// bad option).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "compare/compare_cells.h"

namespace claimbench::cli {

struct CompareCommand {
  std::vector<std::string> files;  ///< BASE NEW, or NEW alone with `baseline`
  std::string baseline;            ///< a name under results/baselines/
  double alpha = 0.05;
  std::optional<double> threshold_percent;  ///< overrides every metric's floor
  compare::CellSelection selection;
  std::string format = "text";
  std::filesystem::path out;  ///< write the chosen format here (stdout then gets text)
  bool confirm = false;       ///< measure the implementations of regressed cells again before failing
  bool all = false;           ///< list every cell, not only the ones that changed
};

int Compare(const CommonOptions& common, const CompareCommand& command);

/// `claimbench baseline NAME RESULTS.json`: adds the run to the baseline, which keeps its
/// newest `keep` runs (compare/baselines.h). A file that is not a results file, or an
/// interrupted or unmeasured run, is refused (exit 2): it would weaken every later compare.
int AddToBaseline(const CommonOptions& common, const std::string& name, const std::filesystem::path& results_file,
                  int keep);

}  // namespace claimbench::cli
