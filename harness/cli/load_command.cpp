// `claimbench load`: the load generator on its own against any HTTP/1.1 server, closed
// loop (like wrk) or open loop at a fixed rate (like wrk2), as text or JSON.
#include <fmt/format.h>

#include <iostream>
#include <map>
#include <stdexcept>
#include <string_view>

#include "cli/load_command.h"
#include "load/closed_loop.h"
#include "load/http_request.h"
#include "load/load_report.h"
#include "load/load_report_json.h"
#include "load/open_loop.h"
#include "load/url.h"
#include "process/cpu_set.h"  // --cpus: the CPU-list syntax load/cpu_affinity.cpp also uses
#include "util/duration.h"
#include "util/files.h"

namespace claimbench::cli {
namespace {

using nlohmann::json;

std::string Ms(int64_t ns) { return fmt::format("{:.3f}ms", static_cast<double>(ns) / 1e6); }


// The options of a load run, from the flags.
struct LoadPlan {
  load::OpenLoopOptions options;  ///< rate_per_s == 0: closed loop
  nlohmann::json json;            ///< the options as the JSON output states them
};

LoadPlan PlanLoad(const LoadCommand& command) {
  load::Url url = load::ParseUrl(command.url);
  load::RequestSpec spec;
  spec.method = command.method;
  spec.host = url.HostHeader();
  spec.target = url.target;
  for (const auto& h : command.headers) {
    auto colon = h.find(':');
    if (colon == std::string::npos || colon == 0) {
      throw std::invalid_argument("--header '" + h + "' must look like 'Name: value'");
    }
    std::string value = h.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    spec.headers.emplace_back(h.substr(0, colon), value);
  }
  if (!command.body_file.empty()) spec.body = ReadFile(command.body_file);

  LoadPlan plan;
  load::OpenLoopOptions& o = plan.options;
  o.host = url.host;
  o.port = url.port;
  o.request = load::SerializeRequest(spec);
  o.connections = command.connections;
  o.threads = command.threads;
  o.duration = ParseDuration(command.duration);
  o.warmup = ParseDuration(command.warmup);
  o.timeout = ParseDuration(command.timeout);
  if (o.duration.count() <= 0) throw std::invalid_argument("--duration must be more than 0");
  if (o.timeout.count() <= 0) throw std::invalid_argument("--timeout must be more than 0");
  if (!command.rate.empty()) {
    o.rate_per_s = ParseCount(command.rate);
    if (o.rate_per_s <= 0) throw std::invalid_argument("--rate must be more than 0");
  }
  if (command.has_expected_body) o.expected_body = command.expected_body;
  if (!command.cpus.empty()) o.cpus = process::ParseCpuList(command.cpus);
  plan.json = {{"url", command.url},
               {"mode", o.rate_per_s > 0 ? "open-loop" : "closed-loop"},
               {"method", command.method},
               {"connections", o.connections},
               {"threads", o.threads},
               {"warmup_s", ToSeconds(o.warmup)},
               {"duration_s", ToSeconds(o.duration)},
               {"timeout_s", ToSeconds(o.timeout)},
               {"rate_per_s", o.rate_per_s > 0 ? json(o.rate_per_s) : json(nullptr)}};
  if (o.expected_body) plan.json["expected_body_bytes"] = o.expected_body->size();
  if (!o.cpus.empty()) plan.json["cpus"] = process::FormatCpuList(o.cpus);
  return plan;
}

void PrintLoadText(const load::LoadReport& r, bool series) {
  std::cout << fmt::format("  requests   {} in {:.2f} s = {:.1f} req/s\n", r.requests, r.duration_s,
                           r.requests_per_s);
  if (r.target_rate_per_s > 0) {
    std::cout << fmt::format("  rate       target {:.1f}/s, sent {:.1f}/s, backlog max {} at end {}{}\n",
                             r.target_rate_per_s, r.achieved_rate_per_s, r.backlog_max, r.backlog_at_end,
                             r.rate_shortfall ? "  (SHORT: under 95% of the target rate)" : "");
  }
  auto line = [](const char* name, const load::LatencySummary& x) {
    return fmt::format("  {:<10} p50 {}  p90 {}  p99 {}  p99.9 {}  max {}\n", name, Ms(x.p50), Ms(x.p90), Ms(x.p99),
                       Ms(x.p99_9), Ms(x.max));
  };
  std::cout << line("latency", r.latency);
  if (r.send_lag) {
    std::cout << line("service", r.service_time);
    std::cout << line("send lag", *r.send_lag);
  }
  // Kinds by name, as they appear in the JSON.
  std::map<std::string_view, uint64_t> by_name;
  for (int k = 0; k < load::kErrorKindCount; ++k) {
    const auto kind = static_cast<load::ErrorKind>(k);
    if (r.errors.At(kind) > 0) by_name[load::ErrorKindName(kind)] = r.errors.At(kind);
  }
  std::string kinds;
  for (const auto& [name, count] : by_name) kinds += fmt::format(" {} {}", name, count);
  std::cout << fmt::format("  errors     {}{}\n", r.errors_total, kinds.empty() ? "" : " (" + kinds.substr(1) + ")");
  std::cout << fmt::format("  conns      {} open, {} established, {} reconnects, {} closed by server\n",
                           r.connections, r.connections_established, r.reconnects, r.server_closes);
  std::cout << fmt::format("  client     {:.2f} s CPU, busiest thread {:.0f}% busy{}\n", r.client.cpu_s,
                           100 * r.client.busiest_thread_utilisation,
                           r.client.saturated ? " (SATURATED: the client, not the server, may have set the pace)"
                                              : "");
  if (series) {
    std::cout << fmt::format("  {:>6} {:>9} {:>7} {:>10} {:>10} {:>10}\n", "t s", "requests", "errors", "p50", "p99",
                             "max");
    for (const auto& i : r.intervals) {
      std::cout << fmt::format("  {:>6.0f} {:>9} {:>7} {:>10} {:>10} {:>10}\n", i.t_s, i.requests, i.errors,
                               Ms(i.p50_ns), Ms(i.p99_ns), Ms(i.max_ns));
    }
  }
}

}  // namespace

int Load(const LoadCommand& command) {
  LoadPlan plan = PlanLoad(command);
  const auto& o = plan.options;
  std::cerr << fmt::format("claimbench load {}: {}, {} connections, {} thread(s), {:.1f} s after {:.1f} s warmup\n",
                           command.url,
                           o.rate_per_s > 0 ? fmt::format("open loop at {:.0f} req/s", o.rate_per_s) : "closed loop",
                           o.connections, o.threads, ToSeconds(o.duration), ToSeconds(o.warmup));
  load::LoadResult result = o.rate_per_s > 0 ? load::RunOpenLoop(o) : load::RunClosedLoop(o);
  const load::LoadReport report = load::ReportOf(result, o.cpus);
  if (command.json) {
    json j = load::LoadReportJson(report);
    j["schema_version"] = load::kLoadJsonSchemaVersion;
    j["tool"] = {{"name", "claimbench"}, {"version", CLAIMBENCH_VERSION}};
    j["options"] = plan.json;
    j["latency_spectrum"] = json::array();
    for (const auto& p : result.latency.Spectrum()) {
      j["latency_spectrum"].push_back(
          {{"percentile", p.percentile}, {"value_ns", p.value_ns}, {"count", p.cumulative_count}});
    }
    std::cout << j.dump(2) << "\n";
  } else {
    PrintLoadText(report, command.series);
  }
  if (report.rate_shortfall) {
    std::cerr << fmt::format("warning: sent {:.1f} req/s, under 95% of the target {:.1f} req/s: the latency figures "
                             "hold for the rate achieved, not the one asked\n",
                             report.achieved_rate_per_s, report.target_rate_per_s);
  }
  if (report.client.saturated) {
    std::cerr << "warning: the busiest client thread was over 90% busy: the load generator may have been the "
                 "bottleneck (add --threads or client CPUs)\n";
  }
  return report.requests == 0 ? kExitFailed : kExitOk;
}

}  // namespace claimbench::cli
