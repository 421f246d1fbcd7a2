// A batch workload in a run: its corpora generated and checked against their pinned
// SHA-256, then every task for every selected implementation, each task visiting them in a
// seeded random order (verify = one iteration whose checksum must match; run = warmup and
// measured iterations, then summaries and ratios).
#pragma once

#include "run/batch_runner.h"
#include "run/run_state.h"

namespace claimbench::run {

/// How a batch workload's runners are driven in this run (the suite's processes, warmup,
/// iterations, or the command line's).
BatchRunOptions BatchOptionsFor(const spec::Workload& workload, const RunState& state);

class BatchWorkloadRunner : public WorkloadRunner {
 public:
  bool Run(const spec::Workload& workload, const std::vector<std::string>& implementations, RunState& state) override;
};

}  // namespace claimbench::run
