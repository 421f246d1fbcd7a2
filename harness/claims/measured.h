// One implementation's measured figure of one metric, as the claims read it from a results
// file: its samples (for intervals), median, and whether it is exact (a size or a line
// count), or the reason there is none (not run, failed, not measured in this run).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "results/model.h"

namespace claimbench::claims {

struct Measured {
  std::vector<double> samples;
  double median = 0;
  bool exact = false;  ///< a size or a line count: the same on every measurement, no noise to allow for
  /// Iterations of a single runner process (a file from before processes were repeated, or
  /// --processes 1): they share its heap layout and page placement, so they say nothing of
  /// process-to-process variance and give no interval.
  bool one_process = false;
};

/// The figure of `metric` for `impl` on `key` ("build", an HTTP workload id, or
/// "<batch workload>/<task>"), or nullopt with `why` set. A failed build, run or strip is
/// never a figure.
std::optional<Measured> FindMeasured(const results::RunResults& results, const std::string& key,
                                     const std::string& metric, const std::string& impl, std::string& why);

}  // namespace claimbench::claims
