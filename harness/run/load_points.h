// Load points beyond the main closed-loop measurement: closed loop at other connection
// counts, open loop at fixed rates (P99 at 5K/15K/25K req/s, as the documents quote them)
// and open loop at fractions of the closed-loop maximum, to find each server's knee.
#pragma once

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "load/open_loop.h"
#include "results/model.h"

namespace claimbench::run {

struct PointPlan {
  load::OpenLoopOptions base;  ///< target, request(s), checks, client CPUs; rate and connections are set per point
  std::chrono::nanoseconds duration{std::chrono::seconds(5)};
};

/// One closed-loop point per connection count.
std::vector<results::LoadPoint> ConnectionSweep(const PointPlan& plan, const std::vector<int>& connections);

/// One open-loop point per rate, by its key ("5000"); latency_p99_ns only when reached. A rate is "reached" when the client sent at least 95% of it, no
/// request failed and under 100 ms of requests were queued at the end; otherwise the point
/// says so and carries no P99 metric.
std::map<std::string, results::LoadPoint> FixedRates(const PointPlan& plan, const std::vector<double>& rates);

/// Open loop at fractions of `closed_loop_rps`. The knee
/// is the highest rate that was reached with a P99 under 10x the P99 of the lowest rate.
results::KneeSearch Knee(const PointPlan& plan, double closed_loop_rps, const std::vector<double>& fractions);

}  // namespace claimbench::run
