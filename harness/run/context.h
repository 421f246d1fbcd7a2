// The `context` block of a results file: what machine, kernel, toolchains and source
// produced the figures, so a reader can judge whether two runs are comparable.
#pragma once

#include <filesystem>
#include <cstdint>

#include <nlohmann/json.hpp>

#include "process/cpu_set.h"

namespace claimbench::run {

/// CPU model, cores, kernel, governor, toolchains, git SHA (and whether the tree was
/// dirty), seed and the CPU split.
nlohmann::json CollectContext(const std::filesystem::path& root, const process::CpuSplit& split, uint64_t seed);

/// "20261123T121500Z": a run id that sorts by time.
std::string NewRunId();

/// UTC now as RFC 3339 ("2026-11-23T12:15:00Z").
std::string UtcNow();

}  // namespace claimbench::run
