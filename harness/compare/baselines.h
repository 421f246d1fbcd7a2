// Named baselines for the regression gate. A baseline is the newest few runs of one branch,
// pooled: `claimbench run --save-baseline NAME` adds the run's results.json to
// results/baselines/NAME/ (as <run-id>.json) and keeps the newest `keep` of them; `compare
// --baseline NAME` pools their samples per cell. Pooling gives BASE the samples a Holm
// family of hundreds of cells needs (6 + 6 trials can flag a cell only in a family of 23;
// 18 + 6 in one of over 3,000), and puts the run-to-run spread of the branch in BASE,
// where a single run would hide it. A CI job keeps the directory in its cache (docker/).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace claimbench::compare {

/// Runs a baseline keeps unless told otherwise.
inline constexpr int kBaselineRunsKept = 3;

/// results/baselines under `root`.
std::filesystem::path BaselineDir(const std::filesystem::path& root);

/// Throws std::invalid_argument for a name that is not letters, digits, '.', '_' or '-'
/// (or starts with '.').
void CheckBaselineName(const std::string& name);

/// The runs of baseline `name`, oldest first: results/baselines/NAME/*.json, and a
/// single-file baseline results/baselines/NAME.json of an earlier release. Empty: none saved.
std::vector<std::filesystem::path> BaselineRuns(const std::filesystem::path& root, const std::string& name);

/// Adds `results_file` (of run `run_id`) to baseline `name`, atomically, then removes all
/// but its newest `keep` runs; returns the added file's path.
std::filesystem::path SaveBaseline(const std::filesystem::path& root, const std::string& name,
                                   const std::string& run_id, const std::filesystem::path& results_file,
                                   int keep = kBaselineRunsKept);

}  // namespace claimbench::compare
