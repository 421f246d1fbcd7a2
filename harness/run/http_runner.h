// One HTTP implementation through the measurement path: start (pinned, own process
// group) -> ready (first valid response; startup time) -> verify every vector -> warm up
// -> measure under load (server CPU, RSS series, peak RSS from VmHWM) -> stop (SIGTERM).
// A crash, a hang or a failed verification is recorded with its cause; nothing throws.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "spec/vectors.h"
#include "spec/workload.h"

namespace claimbench::run {

struct HttpRunOptions {
  std::vector<int> server_cpus;
  std::vector<int> client_cpus;
  int connections = 64;
  int client_threads = 1;
  std::chrono::nanoseconds warmup = std::chrono::seconds(1);
  std::chrono::nanoseconds duration = std::chrono::seconds(5);
  int repeat = 1;                  ///< trials, each with a fresh server process
  bool verify_only = false;        ///< stop after verification
  std::filesystem::path log_dir;   ///< server stderr goes to <log_dir>/<workload>.<impl>.log
  std::chrono::seconds startup_timeout{30};
};

/// Runs `impl` on `workload`. The returned object is the implementation's entry of the
/// results file: {id, language, library, status, error?, verification, trials[]}.
/// status: "ok" | "verify_failed" | "start_failed" | "crashed" | "interrupted".
nlohmann::json RunHttpImplementation(const spec::Workload& workload, const spec::Implementation& impl,
                                     const std::filesystem::path& binary, const std::vector<spec::Vector>& vectors,
                                     const HttpRunOptions& options);

/// A TCP port on 127.0.0.1 that was free a moment ago.
uint16_t FreePort();

}  // namespace claimbench::run
