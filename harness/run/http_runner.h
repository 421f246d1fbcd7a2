// One HTTP implementation through the measurement path: start (pinned, own process
// group) -> ready (first valid response; startup time) -> verify every vector -> warm up
// -> measure under load (server CPU, RSS series, peak RSS from VmHWM) -> stop (SIGTERM).
// A crash, a hang or a failed verification is recorded with its cause; nothing throws.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "process/child.h"
#include "results/model.h"
#include "spec/vectors.h"
#include "spec/workload.h"

namespace claimbench::run {

struct HttpRunOptions {
  std::vector<int> server_cpus;
  std::vector<int> client_cpus;
  int connections = 64;
  int client_threads = 1;         ///< load generator threads: one per client CPU
  std::chrono::nanoseconds warmup = std::chrono::seconds(1);
  std::chrono::nanoseconds duration = std::chrono::seconds(5);
  int repeat = 1;                  ///< trials, each with a fresh server process
  int startup_runs = 10;           ///< starts (exec -> first valid response) whose median is reported
  std::chrono::nanoseconds point_duration = std::chrono::seconds(2);  ///< each further load point
  uint64_t seed = 42;              ///< varied request bodies
  std::vector<int> connection_sweep;   ///< further closed-loop points
  std::vector<double> fixed_rates;     ///< further open-loop points (req/s)
  std::vector<double> knee_fractions;  ///< open loop at fractions of the closed-loop maximum
  std::filesystem::path log_dir;   ///< server stderr goes to <log_dir>/<workload>.<impl>.log
  std::chrono::seconds startup_timeout{30};
  uint16_t fixed_port = 0;         ///< 0: a free port per start
};

/// Starts `impl` once and sends every vector: the implementation's entry of the results,
/// status kOk (verified, ready for trials), kVerifyFailed, kStartFailed or kInterrupted.
results::HttpImplementation PrepareHttpImplementation(const spec::Workload& workload, const spec::Implementation& impl,
                                                      const std::filesystem::path& binary,
                                                      const std::vector<spec::Vector>& vectors,
                                                      const HttpRunOptions& options);

/// The outcome of one HTTP trial: its figures when it ran to the end, and the status it
/// leaves the implementation in (kOk, or why it stopped).
struct TrialOutcome {
  std::optional<results::HttpTrial> trial;
  results::Status status = results::Status::kOk;
  std::string error;
};

/// One trial in a fresh server process (`load_points`: also the connection sweep, fixed
/// rates and knee). A failure is the outcome's status (kCrashed, kStartFailed,
/// kVerifyFailed, kInterrupted) and error; nothing throws.
TrialOutcome RunHttpTrial(const spec::Workload& workload, const spec::Implementation& impl,
                          const std::filesystem::path& binary, const std::vector<spec::Vector>& vectors,
                          const HttpRunOptions& options, int trial_number, bool load_points);

/// After the trials: the startup runs (exec -> first valid response, each a fresh process).
results::StartupRuns RunStartups(const spec::Workload& workload, const spec::Implementation& impl,
                                 const std::filesystem::path& binary, const std::vector<spec::Vector>& vectors,
                                 const HttpRunOptions& options);

/// A TCP port on 127.0.0.1 that was free a moment ago.
uint16_t FreePort();

/// A server started as the harness starts it, answering.
struct StartedServer {
  process::Child child;
  uint16_t port = 0;
  double startup_s = 0;      ///< exec -> first complete response
  bool first_valid = false;  ///< the first response was the expected one
};

/// Starts `binary` pinned to the server CPUs with the implementation's environment and
/// polls it with `probe` until its first complete response. nullopt (and `error`) when it
/// exits or does not answer in time. `log` empty: output goes to the harness's stderr.
std::optional<StartedServer> StartServer(const spec::Implementation& impl, const std::filesystem::path& binary,
                                         const std::filesystem::path& log, const spec::Vector& probe,
                                         const HttpRunOptions& options, std::string& error);

/// The vector used to probe readiness: the first that expects 200.
const spec::Vector& ReadinessVector(const std::vector<spec::Vector>& vectors);

/// <log_dir>/<workload>.<implementation>.log: the server's output.
std::filesystem::path ServerLog(const spec::Workload& workload, const spec::Implementation& impl,
                                const HttpRunOptions& options);

}  // namespace claimbench::run
