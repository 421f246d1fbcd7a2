// `claimbench load`: the load generator on its own against any HTTP/1.1 server, closed
// loop (like wrk) or open loop at a fixed rate (like wrk2), as text or JSON.
#include <fmt/format.h>

#include <unistd.h>

#include <atomic>
#include <iostream>
#include <memory>
#include <map>
#include <stdexcept>
#include <string_view>

#include "cli/live_load_line.h"
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

// A duration in the unit that reads best, as wrk prints them: "812.00us", "1.06ms", "2.31s".
std::string Time(double ns) {
  if (ns < 1e6) return fmt::format("{:.2f}us", ns / 1e3);
  if (ns < 1e9) return fmt::format("{:.2f}ms", ns / 1e6);
  return fmt::format("{:.2f}s", ns / 1e9);
}

// Bytes in binary units, as wrk's Transfer/sec: "512.00B", "12.31KB", "3.05MB".
std::string Bytes(double bytes) {
  if (bytes < 1024) return fmt::format("{:.2f}B", bytes);
  if (bytes < 1024 * 1024) return fmt::format("{:.2f}KB", bytes / 1024);
  if (bytes < 1024.0 * 1024 * 1024) return fmt::format("{:.2f}MB", bytes / (1024 * 1024));
  return fmt::format("{:.2f}GB", bytes / (1024.0 * 1024 * 1024));
}

// HdrHistogram's percentile distribution text (outputPercentileDistribution, values
// scaled from ns to ms): the format HdrHistogram's own plotter reads.
std::string Hgrm(const load::Histogram& h) {
  std::string out = fmt::format("{:>12} {:>14} {:>10} {:>14}\n\n", "Value", "Percentile", "TotalCount",
                                "1/(1-Percentile)");
  const auto spectrum = h.Spectrum();
  for (const auto& p : spectrum) {
    const double fraction = p.percentile / 100;
    if (fraction < 1) {
      out += fmt::format("{:12.3f} {:2.12f} {:10d} {:14.2f}\n", static_cast<double>(p.value_ns) / 1e6, fraction,
                         p.cumulative_count, 1 / (1 - fraction));
    } else {
      out += fmt::format("{:12.3f} {:2.12f} {:10d}\n", static_cast<double>(p.value_ns) / 1e6, fraction,
                         p.cumulative_count);
    }
  }
  out += fmt::format("#[Mean    = {:12.3f}, StdDeviation   = {:12.3f}]\n", h.Mean() / 1e6, h.Stddev() / 1e6);
  out += fmt::format("#[Max     = {:12.3f}, Total count    = {:12d}]\n", static_cast<double>(h.Max()) / 1e6,
                     h.Count());
  return out;
}


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
  // With -n the window ends at the last response; the duration is then only a cap.
  o.duration = ParseDuration(!command.duration.empty() ? command.duration : command.requests > 0 ? "1h" : "10s");
  o.request_limit = command.requests;
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
               {"request_limit", o.request_limit > 0 ? json(o.request_limit) : json(nullptr)},
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
  // With nothing completed there is no distribution: "-", never a 0.000ms that reads as fast.
  auto line = [](const char* name, const load::LatencySummary& x) {
    if (x.count == 0) return fmt::format("  {:<10} - (no response completed)\n", name);
    return fmt::format("  {:<10} avg {}  stdev {}  p50 {}  p90 {}  p99 {}  p99.9 {}  max {}\n", name, Time(x.mean),
                       Time(x.stddev), Time(static_cast<double>(x.p50)), Time(static_cast<double>(x.p90)),
                       Time(static_cast<double>(x.p99)), Time(static_cast<double>(x.p99_9)),
                       Time(static_cast<double>(x.max)));
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
  if (r.duration_s > 0) {
    std::cout << fmt::format("  transfer   {}/s read, {}/s written\n", Bytes(static_cast<double>(r.bytes_read) / r.duration_s),
                             Bytes(static_cast<double>(r.bytes_written) / r.duration_s));
  }
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
                               i.requests ? Time(static_cast<double>(i.p50_ns)) : "-",
                               i.requests ? Time(static_cast<double>(i.p99_ns)) : "-",
                               i.requests ? Time(static_cast<double>(i.max_ns)) : "-");
    }
  }
}

// wrk's --latency block (the distribution at 50, 75, 90, 99%) with wrk2's finer levels,
// then the full percentile spectrum.
void PrintLatencyDistribution(const load::Histogram& h) {
  if (h.Count() == 0) return;
  std::cout << "  latency distribution\n";
  for (double p : {50.0, 75.0, 90.0, 99.0, 99.9, 99.99, 99.999, 100.0}) {
    std::cout << fmt::format("  {:>9}  {}\n", fmt::format("{:g}%", p),
                             Time(static_cast<double>(h.ValueAtPercentile(p))));
  }
  std::cout << "  percentile spectrum (value, percentile, count, 1/(1-percentile))\n";
  for (const auto& p : h.Spectrum()) {
    const double fraction = p.percentile / 100;
    std::cout << fmt::format("  {:>10}  {:.6f}  {:>10}  {}\n", Time(static_cast<double>(p.value_ns)), fraction,
                             p.cumulative_count, fraction < 1 ? fmt::format("{:.2f}", 1 / (1 - fraction)) : "inf");
  }
}

json LoadJson(const load::LoadReport& report, const load::LoadResult& result, const json& options) {
  json j = load::LoadReportJson(report);
  j["schema_version"] = load::kLoadJsonSchemaVersion;
  j["tool"] = {{"name", "claimbench"}, {"version", CLAIMBENCH_VERSION}};
  j["options"] = options;
  j["latency_spectrum"] = json::array();
  for (const auto& p : result.latency.Spectrum()) {
    j["latency_spectrum"].push_back({{"percentile", p.percentile}, {"value_ns", p.value_ns}, {"count", p.cumulative_count}});
  }
  return j;
}

}  // namespace

int Load(const LoadCommand& command) {
  LoadPlan plan = PlanLoad(command);
  auto& o = plan.options;
  std::cerr << fmt::format(
      "claimbench load {}: {}, {} connections, {} thread(s), {} after {:.1f} s warmup\n", command.url,
      o.rate_per_s > 0 ? fmt::format("open loop at {:.0f} req/s", o.rate_per_s) : "closed loop", o.connections,
      o.threads,
      o.request_limit > 0 ? fmt::format("{} requests (at most {:.1f} s)", o.request_limit, ToSeconds(o.duration))
                          : fmt::format("{:.1f} s", ToSeconds(o.duration)),
      ToSeconds(o.warmup));
  // A live line on a terminal only: piped or redirected output stays clean.
  std::atomic<uint64_t> completed{0};
  std::unique_ptr<LiveLoadLine> live;
  if (isatty(STDERR_FILENO) == 1) {
    o.live_requests = &completed;
    live = std::make_unique<LiveLoadLine>(std::cerr, completed, o.warmup, o.duration, o.request_limit);
  }
  load::LoadResult result = o.rate_per_s > 0 ? load::RunOpenLoop(o) : load::RunClosedLoop(o);
  live.reset();
  const load::LoadReport report = load::ReportOf(result, o.cpus);
  if (command.json) {
    std::cout << LoadJson(report, result, plan.json).dump(2) << "\n";
  } else {
    PrintLoadText(report, command.series);
    if (command.latency) PrintLatencyDistribution(result.latency);
  }
  if (!command.json_out.empty()) WriteFileAtomic(command.json_out, LoadJson(report, result, plan.json).dump(2) + "\n");
  if (!command.hgrm_out.empty()) WriteFileAtomic(command.hgrm_out, Hgrm(result.latency));
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
