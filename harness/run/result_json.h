// Conversion of the runtime model (build records, verification reports, load results) into
// the JSON of results.json. Key names carry their units (`_ns`, `_bytes`, `_s`).
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "build/builder.h"
#include "load/closed_loop.h"
#include "verify/verifier.h"

namespace claimbench::run {

/// Bumped whenever a key changes meaning or disappears; results/schema.json matches it.
constexpr int kSchemaVersion = 1;

nlohmann::json BuildRecordJson(const build::BuildRecord& record);
nlohmann::json VerifyReportJson(const verify::VerifyReport& report);
/// Throughput, latency percentiles and the full histogram, errors by kind, client figures.
/// `client_cpus` says how many cores the client had, for the saturation check.
nlohmann::json LoadResultJson(const load::LoadResult& result, const std::vector<int>& client_cpus);
/// p50/p90/p99/p99.9/p99.99/max/min/mean/stddev/count of a latency histogram, in ns.
nlohmann::json LatencyJson(const load::Histogram& histogram);

}  // namespace claimbench::run
