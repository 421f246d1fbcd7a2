// A batch workload in a run: its corpora generated and checked against their pinned
// SHA-256, then every task for every selected implementation (verify = one iteration
// whose checksum must match; run = warmup + measured iterations, then medians and ratios).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "build/builder.h"
#include "run/batch_runner.h"
#include "spec/workload.h"

namespace claimbench::run {

struct BatchWorkloadOptions {
  BatchRunOptions runner;                ///< warmup/iterations already chosen for the suite
  std::filesystem::path corpus_dir;      ///< where generated corpora are kept
  uint64_t seed = 42;                    ///< the order implementations run in, per task
};

/// Fills `stored` (the workload's entry of the results file: {id, kind, description,
/// corpora[], tasks[]}) task by task, calling `save` after each runner so an interrupted
/// run keeps what it finished. Returns false when any implementation failed.
bool RunBatchWorkload(const spec::Catalog& catalog, const spec::Workload& workload,
                      const std::vector<std::string>& implementations,
                      const std::map<std::string, build::BuildRecord>& builds, const BatchWorkloadOptions& options,
                      nlohmann::json& stored, const std::function<void()>& save);

}  // namespace claimbench::run
