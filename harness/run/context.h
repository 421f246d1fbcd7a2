// The `context` block of a results file: what machine, kernel, toolchains and source
// produced the figures, so a reader can judge whether two runs are comparable.
#pragma once

#include <filesystem>
#include <cstdint>

#include <chrono>
#include <string>

#include "process/cpu_set.h"
#include "results/model.h"

namespace claimbench::run {

/// CPU model, cores, kernel, governor, toolchains, git SHA (and whether the tree was
/// dirty), seed and the CPU split.
results::RunContext CollectContext(const std::filesystem::path& root, const process::CpuSplit& split, uint64_t seed);

/// "20261123T121500Z": a run id that sorts by time.
std::string RunIdAt(std::chrono::system_clock::time_point t);

/// RFC 3339 UTC ("2026-11-23T12:15:00Z").
std::string Rfc3339(std::chrono::system_clock::time_point t);

}  // namespace claimbench::run
