// A batch workload in a run: its corpora generated and checked against their pinned
// SHA-256, then every task for every selected implementation, each task visiting them in a
// seeded random order (verify = one iteration whose checksum must match; run = warmup and
// measured iterations, then the instruction counts where workload.toml asks for them, then
// summaries and ratios).
#pragma once

#include "run/batch_runner.h"
#include "run/run_state.h"

namespace claimbench::run {

/// How a batch workload's runners are driven in this run (the suite's processes, warmup,
/// iterations, or the command line's).
BatchRunOptions BatchOptionsFor(const spec::Workload& workload, const RunState& state);

/// Whether this run counts the instructions of `task` under valgrind: the workload has an
/// [instructions] table that does not say it is not counted, the suite is full or the table
/// allows the quick one, --no-instruction-counts was not given, the run measures (not
/// `verify`), and the task runs in one process (a fresh_process task's figures are of cold
/// processes, which 1 and 1+K iterations in one process do not show).
bool CountsInstructions(const spec::Workload& workload, const spec::BatchTask& task, const RunState& state);

class BatchWorkloadRunner : public WorkloadRunner {
 public:
  bool Run(const spec::Workload& workload, const std::vector<std::string>& implementations, RunState& state) override;
};

}  // namespace claimbench::run
