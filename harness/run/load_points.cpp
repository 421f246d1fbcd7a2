// Load points.
#include "run/load_points.h"

#include <algorithm>
#include <string>

#include "load/closed_loop.h"
#include "process/interrupt.h"

namespace claimbench::run {
namespace {

using nlohmann::json;

json Point(const load::LoadResult& r) {
  json p = {{"requests_per_s", r.requests_per_s},
            {"achieved_rate_per_s", r.achieved_rate_per_s},
            {"errors", r.errors.Total()},
            {"latency_p50_ns", r.latency.ValueAtPercentile(50)},
            {"latency_p99_ns", r.latency.ValueAtPercentile(99)},
            {"latency_p99_9_ns", r.latency.ValueAtPercentile(99.9)},
            {"latency_max_ns", r.latency.Max()},
            {"service_time_p99_ns", r.service_time.ValueAtPercentile(99)},
            {"client_saturated", r.client_cpu_busiest_thread > 0.9}};
  if (r.target_rate_per_s > 0) {
    p["target_rate_per_s"] = r.target_rate_per_s;
    p["rate_shortfall"] = r.rate_shortfall;
    p["backlog_max"] = r.backlog_max;
    // Reached: the rate was sent, nothing failed, and no more than 100 ms of requests were
    // still queued at the end (a growing queue means the server was past its capacity).
    p["reached"] = !r.rate_shortfall && r.errors.Total() == 0 &&
                   static_cast<double>(r.backlog_at_end) <= 0.1 * r.target_rate_per_s;
  }
  return p;
}

load::LoadResult OpenLoopAt(const PointPlan& plan, double rate) {
  load::OpenLoopOptions o = plan.base;
  o.rate_per_s = rate;
  o.duration = plan.duration;
  o.warmup = std::min<std::chrono::nanoseconds>(std::chrono::seconds(1), plan.duration / 4);
  return load::RunOpenLoop(o);
}

}  // namespace

json ConnectionSweep(const PointPlan& plan, const std::vector<int>& connections) {
  json out = json::array();
  for (int c : connections) {
    if (process::Interrupted()) break;
    load::ClosedLoopOptions o = plan.base;
    o.connections = c;
    o.threads = std::min(o.threads, c);
    o.duration = plan.duration;
    o.warmup = std::min<std::chrono::nanoseconds>(std::chrono::seconds(1), plan.duration / 4);
    json p = Point(load::RunClosedLoop(o));
    p["connections"] = c;
    out.push_back(p);
  }
  return out;
}

json FixedRates(const PointPlan& plan, const std::vector<double>& rates) {
  json out = json::object();
  for (double rate : rates) {
    if (process::Interrupted()) break;
    json p = Point(OpenLoopAt(plan, rate));
    if (!p["reached"].get<bool>()) {
      p["note"] = "not reached on this machine: the server (or client) could not sustain this rate";
      p.erase("latency_p99_ns");  // an overloaded point's P99 is not the P99 at this rate
    }
    out[std::to_string(static_cast<long long>(rate))] = p;
  }
  return out;
}

json Knee(const PointPlan& plan, double closed_loop_rps, const std::vector<double>& fractions) {
  json points = json::array();
  double knee = 0;
  int64_t base_p99 = 0;
  for (double f : fractions) {
    if (process::Interrupted() || closed_loop_rps <= 0) break;
    json p = Point(OpenLoopAt(plan, f * closed_loop_rps));
    p["fraction_of_closed_loop"] = f;
    int64_t p99 = p["latency_p99_ns"];
    if (points.empty()) base_p99 = std::max<int64_t>(p99, 1);
    if (p["reached"].get<bool>() && p99 <= 10 * base_p99) knee = std::max(knee, p["target_rate_per_s"].get<double>());
    points.push_back(p);
  }
  // No rate reached: there is no knee to report (0 would read as a figure).
  return {{"points", points},
          {"knee_rate_per_s", knee > 0 ? json(knee) : json(nullptr)},
          {"rule", "highest rate reached (>= 95% sent, no errors, < 100 ms queued at the end) with P99 <= 10x the "
                   "P99 of the lowest rate"}};
}

}  // namespace claimbench::run
