// One measured HTTP trial.
#include "run/http_trial.h"

#include <optional>

#include "load/closed_loop.h"
#include "load/http_request.h"
#include "load/load_report.h"
#include "process/proc_stats.h"
#include "run/gc_trace.h"
#include "run/load_points.h"
#include "run/varied_requests.h"
#include "util/files.h"

namespace claimbench::run {
namespace {

using Clock = std::chrono::steady_clock;
constexpr const char* kHost = "127.0.0.1";

// The load generator's options for this server: the workload's request (varied bodies with
// one response in 64 per connection checked, where the workload asks for them).
load::OpenLoopOptions LoadOptions(const spec::Workload& workload, const StartedServer& server,
                                  const HttpRunOptions& options, std::optional<VariedJsonApiRequests>& varied) {
  std::string host_header = std::string(kHost) + ":" + std::to_string(server.port);
  load::OpenLoopOptions load;
  load.host = kHost;
  load.port = server.port;
  load.request = load::SerializeRequest(
      {workload.load.method, host_header, workload.load.path, workload.load.headers, workload.load.body});
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
  return load;
}

// Server CPU over the window, and the RSS series and peak.
void RecordServer(results::ServerFigures& s, const std::optional<process::CpuTimes>& before,
                  const std::optional<process::CpuTimes>& after, int64_t requests,
                  const std::vector<process::RssSample>& series, const std::optional<process::MemoryStatus>& memory) {
  if (before && after) {
    double user = after->user_s - before->user_s;
    double system = after->system_s - before->system_s;
    s.cpu_user_s = user;
    s.cpu_system_s = system;
    s.cpu_s = user + system;
    s.cpu_us_per_request = requests > 0 ? (user + system) * 1e6 / static_cast<double>(requests) : 0.0;
  }
  for (const auto& sample : series) {
    s.rss_series.push_back({sample.t_s, sample.rss_bytes});
    s.rss_load_max_bytes = std::max(s.rss_load_max_bytes, sample.rss_bytes);
  }
  if (memory) {
    // The kernel updates VmHWM lazily: memory released with madvise (as Go's scavenger does)
    // can leave VmHWM below an RSS sampled earlier, so the peak is the larger of the two.
    s.vmhwm_bytes = memory->rss_peak_bytes;
    s.rss_peak_bytes = std::max(memory->rss_peak_bytes, s.rss_load_max_bytes);
  }
  s.rss_sample_hz = 20;
}

}  // namespace

results::HttpTrial MeasureHttpTrial(const spec::Workload& workload, const spec::Implementation& impl,
                                    StartedServer& server, const std::filesystem::path& log,
                                    const HttpRunOptions& options, std::string& error) {
  results::HttpTrial trial;
  trial.startup_s = server.startup_s;  // verification passed, so the first response was valid
  pid_t pid = server.child.pid();
  if (auto m = process::ReadMemoryStatus(pid)) trial.server.rss_idle_bytes = m->rss_bytes;

  std::optional<VariedJsonApiRequests> varied;
  load::OpenLoopOptions load = LoadOptions(workload, server, options, varied);
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

  trial.load = load::ReportOf(result, options.client_cpus);
  if (varied) trial.load.responses_checked = result.responses_checked;
  RecordServer(trial.server, cpu_before, cpu_after, result.requests, rss_series, memory);
  if (threads) trial.server.threads = *threads;
  if (impl.language == spec::Language::kGo) {
    auto since_exec = [&](Clock::time_point t) { return std::chrono::duration<double>(t - server.child.started()).count(); };
    trial.server.gc = GcPauseSummary(ParseGcTrace(ReadFile(log)), since_exec(window_begin), since_exec(window_end));
  }

  if (auto status = server.child.Poll()) {
    error = "server exited under load (" + status->Describe() + ")";
    return trial;
  }
  PointPlan plan{load, options.point_duration};
  results::LoadPoints points;
  if (!options.connection_sweep.empty()) points.connections = ConnectionSweep(plan, options.connection_sweep);
  if (!options.fixed_rates.empty()) points.fixed_rates = FixedRates(plan, options.fixed_rates);
  if (!options.knee_fractions.empty()) points.knee = Knee(plan, result.requests_per_s, options.knee_fractions);
  if (!points.Empty()) trial.load_points = std::move(points);
  if (auto status = server.child.Poll()) error = "server exited under load (" + status->Describe() + ")";
  return trial;
}

}  // namespace claimbench::run
