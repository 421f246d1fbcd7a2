// Writing a run's files: results.json and its renderings, each atomically.
#pragma once

#include <filesystem>

#include "results/model.h"

namespace claimbench::run {

/// The files SaveResults writes, as messages name them.
inline constexpr char kResultFiles[] =
    "results.json, results.csv, ratios.csv, trials.csv, benchmark-action-{bigger,smaller}.json, claims.csv, report.md, "
    "report.html";

/// Writes kResultFiles (claims.csv only when the claims were judged) into `out_dir`, each atomically (nothing when `out_dir` is empty).
void SaveResults(const results::RunResults& results, const std::filesystem::path& out_dir);

}  // namespace claimbench::run
