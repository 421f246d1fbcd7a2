// One HTTP implementation through start -> ready -> verify -> load -> stop.
#include "run/http_runner.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <fstream>
#include <optional>
#include <thread>

#include "load/closed_loop.h"
#include "load/http_request.h"
#include "process/interrupt.h"
#include "process/proc_stats.h"
#include "run/gc_trace.h"
#include "run/load_points.h"
#include "run/result_json.h"
#include "run/varied_requests.h"
#include "stats/metrics.h"
#include "util/files.h"
#include "verify/verifier.h"

namespace claimbench::run {
namespace {

using nlohmann::json;
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

json Workers(const spec::Implementation& impl, const HttpRunOptions& options) {
  int n = ServerCpuCount(options);
  if (!impl.workers_env.empty()) return {{impl.workers_env, n}};
  return {{"threads", n}, {"rule", "derived by the server: one worker per CPU in its affinity mask"}};
}

json StartupRuns(const spec::Implementation& impl, const std::filesystem::path& binary,
                 const std::filesystem::path& log, const spec::Vector& probe, const HttpRunOptions& options) {
  std::vector<double> samples;
  for (int i = 0; i < options.startup_runs && !process::Interrupted(); ++i) {
    std::string error;
    auto server = StartServer(impl, binary, log, probe, options, error);
    if (!server) return {{"error", error}, {"samples_s", samples}};
    if (server->first_valid) samples.push_back(server->startup_s);
    server->child.Stop(std::chrono::seconds(5));
  }
  return {{"runs", samples.size()},
          {"samples_s", samples},
          {"median_s", stats::Median(samples)},
          {"definition", "exec -> first valid response to the readiness vector, polled every 0.5 ms"}};
}

json Trial(const spec::Workload& workload, const spec::Implementation& impl, StartedServer& server,
           const std::filesystem::path& log, const HttpRunOptions& options, std::string& error) {
  json trial;
  trial["startup_s"] = server.startup_s;  // verification passed, so the first response was valid
  pid_t pid = server.child.pid();
  if (auto m = process::ReadMemoryStatus(pid)) trial["server"]["rss_idle_bytes"] = m->rss_bytes;

  std::string host_header = std::string(kHost) + ":" + std::to_string(server.port);
  load::OpenLoopOptions load;
  load.host = kHost;
  load.port = server.port;
  load.request = load::SerializeRequest(
      {workload.load.method, host_header, workload.load.path, workload.load.headers, workload.load.body});
  std::optional<VariedJsonApiRequests> varied;
  if (workload.load.vary_price) {
    varied.emplace(workload.load, host_header, options.seed);
    load.requests = varied->requests();
    load.check_every = 64;
    load.response_check = [&varied](size_t index, int status, std::string_view body) {
      return varied->Check(index, status, body);
    };
  }
  load.connections = options.connections;
  load.threads = options.client_threads;
  load.cpus = options.client_cpus;
  // The warmup is a run of its own, so that CPU and memory readings cover only the
  // measured window.
  load.warmup = std::chrono::nanoseconds(0);
  load.duration = options.warmup;
  if (options.warmup.count() > 0) load::RunClosedLoop(load);

  auto cpu_before = process::ReadCpuTimes(pid);
  process::RssSampler sampler(pid);
  load.duration = options.duration;
  auto window_begin = Clock::now();
  load::LoadResult result = load::RunClosedLoop(load);
  auto window_end = Clock::now();
  auto rss_series = sampler.Stop();
  auto cpu_after = process::ReadCpuTimes(pid);
  auto memory = process::ReadMemoryStatus(pid);  // VmHWM before the child is reaped
  auto threads = process::ReadThreadCount(pid);

  trial["load"] = LoadResultJson(result, options.client_cpus);
  if (varied) trial["load"]["responses_checked"] = result.responses_checked;
  json& s = trial["server"];
  if (cpu_before && cpu_after) {
    double user = cpu_after->user_s - cpu_before->user_s;
    double system = cpu_after->system_s - cpu_before->system_s;
    s["cpu_user_s"] = user;
    s["cpu_system_s"] = system;
    s["cpu_s"] = user + system;
    s["cpu_us_per_request"] = result.requests > 0 ? (user + system) * 1e6 / static_cast<double>(result.requests) : 0.0;
  }
  int64_t series_max = 0;
  json series = json::array();
  for (const auto& sample : rss_series) {
    series.push_back({sample.t_s, sample.rss_bytes});
    series_max = std::max(series_max, sample.rss_bytes);
  }
  s["rss_series"] = series;
  s["rss_load_max_bytes"] = series_max;
  if (memory) {
    // The kernel updates VmHWM lazily: memory released with madvise (as Go's scavenger does)
    // can leave VmHWM below an RSS sampled earlier, so the peak is the larger of the two.
    s["vmhwm_bytes"] = memory->rss_peak_bytes;
    s["rss_peak_bytes"] = std::max(memory->rss_peak_bytes, series_max);
  }
  s["rss_sample_hz"] = 20;
  if (threads) s["threads"] = *threads;
  if (impl.language == spec::Language::kGo) {
    auto since_exec = [&](Clock::time_point t) { return std::chrono::duration<double>(t - server.child.started()).count(); };
    s["gc"] = GcPauseSummary(ParseGcTrace(ReadFile(log)), since_exec(window_begin), since_exec(window_end));
  }

  if (auto status = server.child.Poll()) {
    error = "server exited under load (" + status->Describe() + ")";
    return trial;
  }
  PointPlan plan{load, options.point_duration};
  json points;
  if (!options.connection_sweep.empty()) points["connections"] = ConnectionSweep(plan, options.connection_sweep);
  if (!options.fixed_rates.empty()) points["fixed_rates"] = FixedRates(plan, options.fixed_rates);
  if (!options.knee_fractions.empty()) points["knee"] = Knee(plan, result.requests_per_s, options.knee_fractions);
  if (!points.is_null()) trial["load_points"] = points;
  if (auto status = server.child.Poll()) error = "server exited under load (" + status->Describe() + ")";
  return trial;
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

namespace {

std::filesystem::path LogFile(const spec::Workload& workload, const spec::Implementation& impl,
                              const HttpRunOptions& options) {
  return options.log_dir / (workload.id + "." + impl.id + ".log");
}

void Fail(json& entry, const std::string& status, const std::string& error) {
  entry["status"] = status;
  entry["error"] = error;
}

}  // namespace

json PrepareHttpImplementation(const spec::Workload& workload, const spec::Implementation& impl,
                               const std::filesystem::path& binary, const std::vector<spec::Vector>& vectors,
                               const HttpRunOptions& options) {
  json out;
  out["id"] = impl.id;
  out["language"] = std::string(spec::LanguageName(impl.language));
  out["library"] = impl.library;
  out["workers"] = Workers(impl, options);
  out["trials"] = json::array();
  std::filesystem::create_directories(options.log_dir);
  const std::filesystem::path log = LogFile(workload, impl, options);
  std::string error;
  std::optional<StartedServer> server = StartServer(impl, binary, log, ReadinessVector(vectors), options, error);
  if (!server) {
    Fail(out, process::Interrupted() ? "interrupted" : "start_failed", error);
    return out;
  }
  auto report = verify::VerifyHttp(kHost, server->port, workload.vectors_file, vectors);
  server->child.Stop(std::chrono::seconds(5));
  out["verification"] = VerifyReportJson(report);
  if (!report.Ok()) {
    Fail(out, "verify_failed",
         std::to_string(report.failures.size()) + " of " + std::to_string(report.vectors) + " vectors failed");
    return out;
  }
  out["status"] = "ok";
  return out;
}

void RunHttpTrial(json& entry, const spec::Workload& workload, const spec::Implementation& impl,
                  const std::filesystem::path& binary, const std::vector<spec::Vector>& vectors,
                  const HttpRunOptions& options, int trial_number, bool load_points) {
  if (entry["status"] != "ok") return;
  if (process::Interrupted()) return Fail(entry, "interrupted", "interrupted by the user");
  const std::filesystem::path log = LogFile(workload, impl, options);
  const spec::Vector& probe = ReadinessVector(vectors);
  std::string error;
  std::optional<StartedServer> server = StartServer(impl, binary, log, probe, options, error);
  if (!server) return Fail(entry, process::Interrupted() ? "interrupted" : "start_failed", error);
  if (!server->first_valid) {  // verification passed on an earlier start
    server->child.Stop(std::chrono::seconds(5));
    return Fail(entry, "verify_failed", "trial " + std::to_string(trial_number) +
                                            ": the first response to vector '" + probe.name + "' was wrong");
  }
  HttpRunOptions trial_options = options;
  if (!load_points) {
    trial_options.connection_sweep.clear();
    trial_options.fixed_rates.clear();
    trial_options.knee_fractions.clear();
  }
  json trial = Trial(workload, impl, *server, log, trial_options, error);
  trial["trial"] = trial_number;
  bool needed_kill = false;
  auto exit = server->child.Stop(std::chrono::seconds(5), &needed_kill);
  trial["server"]["exit"] = needed_kill ? "did not exit within 5 s of SIGTERM; killed" : exit.Describe();
  if (process::Interrupted()) {
    // The server was stopped under load by the user's Ctrl-C: the figures are not a trial.
    return Fail(entry, "interrupted", "interrupted by the user during trial " + std::to_string(trial_number));
  }
  entry["trials"].push_back(trial);
  if (!error.empty()) Fail(entry, "crashed", error + "; log: " + FileTail(log));
}

void FinishHttpImplementation(json& entry, const spec::Workload& workload, const spec::Implementation& impl,
                              const std::filesystem::path& binary, const std::vector<spec::Vector>& vectors,
                              const HttpRunOptions& options) {
  if (entry["status"] != "ok") return;
  if (options.startup_runs > 0) {
    entry["startup"] = StartupRuns(impl, binary, LogFile(workload, impl, options), ReadinessVector(vectors), options);
  }
  if (process::Interrupted()) Fail(entry, "interrupted", "interrupted by the user");
}

}  // namespace claimbench::run
