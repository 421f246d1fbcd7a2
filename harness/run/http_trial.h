// One measured trial of a started, verified HTTP server: idle RSS, a warmup run, then the
// measured closed-loop window (server CPU, RSS sampled over time, VmHWM before the child is
// reaped, Go GC pauses), then the further load points.
#pragma once

#include <filesystem>
#include <string>

#include "results/model.h"
#include "run/http_runner.h"
#include "spec/workload.h"

namespace claimbench::run {

/// The trial's figures (its `trial` number unset). `error` says why the server exited
/// under load, if it did.
results::HttpTrial MeasureHttpTrial(const spec::Workload& workload, const spec::Implementation& impl,
                                    StartedServer& server, const std::filesystem::path& log,
                                    const HttpRunOptions& options, std::string& error);

}  // namespace claimbench::run
