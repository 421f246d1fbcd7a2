// One HTTP implementation through start -> ready -> verify -> load -> stop.
#include "run/http_runner.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <fstream>
#include <optional>
#include <thread>

#include "process/interrupt.h"
#include "run/http_trial.h"
#include "stats/summary.h"
#include "util/files.h"
#include "verify/verifier.h"

namespace claimbench::run {
namespace {

using Clock = std::chrono::steady_clock;
constexpr const char* kHost = "127.0.0.1";

int ServerCpuCount(const HttpRunOptions& options) {
  return options.server_cpus.empty() ? static_cast<int>(std::thread::hardware_concurrency())
                                     : static_cast<int>(options.server_cpus.size());
}

// Worker counts follow the server's CPU set. Where a runtime takes its count from an
// environment variable, it is set explicitly (the runtime would derive the same from the
// affinity mask; saying it makes the result self-describing). Go also prints a gctrace
// line per GC cycle, from which the pauses are read.
std::vector<std::string> ServerEnv(const spec::Implementation& impl, const HttpRunOptions& options) {
  std::vector<std::string> env;
  if (!impl.workers_env.empty()) env.push_back(impl.workers_env + "=" + std::to_string(ServerCpuCount(options)));
  if (impl.language == spec::Language::kGo) env.push_back("GODEBUG=gctrace=1");
  return env;
}

// The verification report as the results record it: each failure's lines.
results::Verification VerificationOf(const verify::VerifyReport& report) {
  results::Verification v{static_cast<int64_t>(report.vectors), static_cast<int64_t>(report.passed), {}};
  for (const auto& f : report.failures) {
    results::VectorFailure failure{f.vector, f.line, {}};
    std::string text = f.Describe();
    for (size_t start = 0; start <= text.size();) {
      size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      failure.messages.push_back(text.substr(start, end - start));
      start = end + 1;
    }
    v.failures.push_back(std::move(failure));
  }
  return v;
}

results::Workers WorkersOf(const spec::Implementation& impl, const HttpRunOptions& options) {
  int n = ServerCpuCount(options);
  if (!impl.workers_env.empty()) return {impl.workers_env, n, ""};
  return {"", n, "derived by the server: one worker per CPU in its affinity mask"};
}

}  // namespace

uint16_t FreePort() {
  boost::asio::io_context io;
  boost::asio::ip::tcp::acceptor acceptor(io, {boost::asio::ip::make_address(kHost), 0});
  return acceptor.local_endpoint().port();
}

const spec::Vector& ReadinessVector(const std::vector<spec::Vector>& vectors) {
  for (const auto& v : vectors) {
    if (v.expect.status == 200) return v;
  }
  return vectors.front();
}

std::optional<StartedServer> StartServer(const spec::Implementation& impl, const std::filesystem::path& binary,
                                         const std::filesystem::path& log, const spec::Vector& probe,
                                         const HttpRunOptions& options, std::string& error) {
  uint16_t port = options.fixed_port ? options.fixed_port : FreePort();
  process::SpawnOptions spawn;
  spawn.argv = {binary.string(), "--port", std::to_string(port)};
  spawn.env = ServerEnv(impl, options);
  spawn.env.push_back("PORT=" + std::to_string(port));
  spawn.stderr_file = log;
  spawn.stdout_file = log;
  spawn.inherit_output = log.empty();
  spawn.cpus = options.server_cpus;
  std::optional<process::Child> started;
  try {
    started.emplace(process::Child::Spawn(spawn));
  } catch (const std::runtime_error& e) {
    error = e.what();
    return std::nullopt;
  }
  process::Child& child = *started;
  auto deadline = child.started() + options.startup_timeout;
  verify::HttpRequest request{probe.method, probe.path, probe.headers, probe.body};
  while (Clock::now() < deadline && !process::Interrupted()) {
    if (auto status = child.Poll()) {
      error = "exited during startup (" + status->Describe() + ")" + (log.empty() ? "" : "; log: " + FileTail(log));
      return std::nullopt;
    }
    try {
      verify::HttpResponse response = verify::Exchange(kHost, port, request, std::chrono::seconds(5));
      double startup_s = std::chrono::duration<double>(Clock::now() - child.started()).count();
      bool valid = verify::Compare(probe.expect, response).empty();
      return StartedServer{std::move(child), port, startup_s, valid};
    } catch (const std::runtime_error&) {
      std::this_thread::sleep_for(std::chrono::microseconds(500));
    }
  }
  error = process::Interrupted() ? "interrupted"
                                 : "not ready within " + std::to_string(options.startup_timeout.count()) +
                                       " s (no valid response on port " + std::to_string(port) + ")";
  return std::nullopt;
}

std::filesystem::path ServerLog(const spec::Workload& workload, const spec::Implementation& impl,
                                const HttpRunOptions& options) {
  return options.log_dir / (workload.id + "." + impl.id + ".log");
}

results::HttpImplementation PrepareHttpImplementation(const spec::Workload& workload, const spec::Implementation& impl,
                                                      const std::filesystem::path& binary,
                                                      const std::vector<spec::Vector>& vectors,
                                                      const HttpRunOptions& options) {
  results::HttpImplementation out;
  out.id = impl.id;
  out.language = std::string(spec::LanguageName(impl.language));
  out.library = impl.library;
  out.workers = WorkersOf(impl, options);
  std::filesystem::create_directories(options.log_dir);
  std::string error;
  std::optional<StartedServer> server =
      StartServer(impl, binary, ServerLog(workload, impl, options), ReadinessVector(vectors), options, error);
  if (!server) {
    out.status = process::Interrupted() ? results::Status::kInterrupted : results::Status::kStartFailed;
    out.error = error;
    return out;
  }
  auto report = verify::VerifyHttp(kHost, server->port, workload.vectors_file, vectors);
  server->child.Stop(std::chrono::seconds(5));
  out.verification = VerificationOf(report);
  if (!report.Ok()) {
    out.status = results::Status::kVerifyFailed;
    out.error = std::to_string(report.failures.size()) + " of " + std::to_string(report.vectors) + " vectors failed";
  }
  return out;
}

TrialOutcome RunHttpTrial(const spec::Workload& workload, const spec::Implementation& impl,
                          const std::filesystem::path& binary, const std::vector<spec::Vector>& vectors,
                          const HttpRunOptions& options, int trial_number, bool load_points) {
  using results::Status;
  if (process::Interrupted()) return {std::nullopt, Status::kInterrupted, "interrupted by the user"};
  const std::filesystem::path log = ServerLog(workload, impl, options);
  const spec::Vector& probe = ReadinessVector(vectors);
  std::string error;
  std::optional<StartedServer> server = StartServer(impl, binary, log, probe, options, error);
  if (!server) return {std::nullopt, process::Interrupted() ? Status::kInterrupted : Status::kStartFailed, error};
  if (!server->first_valid) {  // verification passed on an earlier start
    server->child.Stop(std::chrono::seconds(5));
    return {std::nullopt, Status::kVerifyFailed,
            "trial " + std::to_string(trial_number) + ": the first response to vector '" + probe.name + "' was wrong"};
  }
  HttpRunOptions trial_options = options;
  if (!load_points) {
    trial_options.connection_sweep.clear();
    trial_options.fixed_rates.clear();
    trial_options.knee_fractions.clear();
  }
  results::HttpTrial trial = MeasureHttpTrial(workload, impl, *server, log, trial_options, error);
  trial.trial = trial_number;
  bool needed_kill = false;
  auto exit = server->child.Stop(std::chrono::seconds(5), &needed_kill);
  trial.server.exit = needed_kill ? "did not exit within 5 s of SIGTERM; killed" : exit.Describe();
  if (process::Interrupted()) {
    // The server was stopped under load by the user's Ctrl-C: the figures are not a trial.
    return {std::nullopt, Status::kInterrupted,
            "interrupted by the user during trial " + std::to_string(trial_number)};
  }
  if (!error.empty()) return {std::move(trial), Status::kCrashed, error + "; log: " + FileTail(log)};
  return {std::move(trial), Status::kOk, ""};
}

results::StartupRuns RunStartups(const spec::Workload& workload, const spec::Implementation& impl,
                                 const std::filesystem::path& binary, const std::vector<spec::Vector>& vectors,
                                 const HttpRunOptions& options) {
  results::StartupRuns runs;
  const std::filesystem::path log = ServerLog(workload, impl, options);
  for (int i = 0; i < options.startup_runs && !process::Interrupted(); ++i) {
    std::string error;
    auto server = StartServer(impl, binary, log, ReadinessVector(vectors), options, error);
    if (!server) {
      runs.error = error;
      return runs;
    }
    if (server->first_valid) runs.samples_s.push_back(server->startup_s);
    server->child.Stop(std::chrono::seconds(5));
  }
  runs.median_s = stats::Median(runs.samples_s);
  runs.definition = "exec -> first valid response to the readiness vector, polled every 0.5 ms";
  return runs;
}

}  // namespace claimbench::run
