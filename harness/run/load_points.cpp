// Load points.
#include "run/load_points.h"

#include <algorithm>
#include <string>

#include "load/closed_loop.h"
#include "process/interrupt.h"
#include "stats/metric_registry.h"

namespace claimbench::run {
namespace {

results::LoadPoint Point(const load::LoadResult& r) {
  results::LoadPoint p;
  p.requests_per_s = r.requests_per_s;
  p.achieved_rate_per_s = r.achieved_rate_per_s;
  p.errors = r.errors.Total();
  p.latency_p50_ns = r.latency.ValueAtPercentile(50);
  p.latency_p99_ns = r.latency.ValueAtPercentile(99);
  p.latency_p99_9_ns = r.latency.ValueAtPercentile(99.9);
  p.latency_max_ns = r.latency.Max();
  p.service_time_p99_ns = r.service_time.ValueAtPercentile(99);
  p.client_saturated = r.client_cpu_busiest_thread > 0.9;
  if (r.target_rate_per_s > 0) {
    p.target_rate_per_s = r.target_rate_per_s;
    p.rate_shortfall = r.rate_shortfall;
    p.backlog_max = r.backlog_max;
    // Reached: the rate was sent, nothing failed, and no more than 100 ms of requests were
    // still queued at the end (a growing queue means the server was past its capacity).
    p.reached = !r.rate_shortfall && r.errors.Total() == 0 &&
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

std::vector<results::LoadPoint> ConnectionSweep(const PointPlan& plan, const std::vector<int>& connections) {
  std::vector<results::LoadPoint> out;
  for (int c : connections) {
    if (process::Interrupted()) break;
    load::ClosedLoopOptions o = plan.base;
    o.connections = c;
    o.threads = std::min(o.threads, c);
    o.duration = plan.duration;
    o.warmup = std::min<std::chrono::nanoseconds>(std::chrono::seconds(1), plan.duration / 4);
    results::LoadPoint p = Point(load::RunClosedLoop(o));
    p.connections = c;
    out.push_back(p);
  }
  return out;
}

std::map<std::string, results::LoadPoint> FixedRates(const PointPlan& plan, const std::vector<double>& rates) {
  std::map<std::string, results::LoadPoint> out;
  for (double rate : rates) {
    if (process::Interrupted()) break;
    results::LoadPoint p = Point(OpenLoopAt(plan, rate));
    if (!p.reached.value_or(false)) {
      // Its P99 is kept, but as an overload figure (latency_p99_overloaded_at_*): the queue
      // grew through the window, so it measures the window's length as much as the server.
      p.note = "not reached on this machine: the server (or client) could not sustain this rate; its P99 is an "
               "overload figure that grows with the window";
    }
    out[stats::metric::RateKey(rate)] = p;
  }
  return out;
}

results::KneeSearch Knee(const PointPlan& plan, double closed_loop_rps, const std::vector<double>& fractions) {
  results::KneeSearch out;
  double knee = 0;
  int64_t base_p99 = 0;
  for (double f : fractions) {
    if (process::Interrupted() || closed_loop_rps <= 0) break;
    results::LoadPoint p = Point(OpenLoopAt(plan, f * closed_loop_rps));
    p.fraction_of_closed_loop = f;
    int64_t p99 = p.latency_p99_ns.value_or(0);
    if (out.points.empty()) base_p99 = std::max<int64_t>(p99, 1);
    if (p.reached.value_or(false) && p99 <= 10 * base_p99) knee = std::max(knee, p.target_rate_per_s.value_or(0));
    out.points.push_back(p);
  }
  // No rate reached: there is no knee to report (0 would read as a figure).
  if (knee > 0) out.knee_rate_per_s = knee;
  out.rule = "highest rate reached (>= 95% sent, no errors, < 100 ms queued at the end) with P99 <= 10x the P99 of "
             "the lowest rate";
  return out;
}

}  // namespace claimbench::run
