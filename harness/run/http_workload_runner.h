// An HTTP workload in a run: every selected implementation verified first (none is timed
// unless it passed), then trials in rounds, each round visiting the implementations in a
// seeded random order, then the startup runs, the summaries and the ratios.
#pragma once

#include "run/http_runner.h"
#include "run/run_state.h"

namespace claimbench::run {

class HttpWorkloadRunner : public WorkloadRunner {
 public:
  bool Run(const spec::Workload& workload, const std::vector<std::string>& implementations, RunState& state) override;
};

/// The measurement options for `workload` under the run's suite and overrides.
HttpRunOptions HttpOptionsFor(const spec::Workload& workload, const RunState& state);

}  // namespace claimbench::run
