// Named baselines for the regression gate: `claimbench run --save-baseline NAME` keeps a
// copy of the run's results.json as results/baselines/NAME.json, and `compare --baseline
// NAME` reads it back. A CI job restores the directory from its cache (docker/).
#pragma once

#include <filesystem>
#include <string>

namespace claimbench::compare {

/// results/baselines under `root`.
std::filesystem::path BaselineDir(const std::filesystem::path& root);

/// The file of baseline `name`; throws std::invalid_argument for a name that is not
/// letters, digits, '.', '_' or '-' (or starts with '.').
std::filesystem::path BaselineFile(const std::filesystem::path& root, const std::string& name);

/// Copies `results_file` to the baseline `name`, atomically; returns the baseline's path.
std::filesystem::path SaveBaseline(const std::filesystem::path& root, const std::string& name,
                                   const std::filesystem::path& results_file);

}  // namespace claimbench::compare
