// Go GC pauses from GODEBUG=gctrace=1 output: each cycle's line gives its two
// stop-the-world phases (sweep termination and mark termination) in wall-clock ms.
// https://pkg.go.dev/runtime#hdr-Environment_Variables documents the format:
//   gc # @#s #%: #+#+# ms clock, #+#/#/#+# ms cpu, #->#-># MB, # MB goal, ...
#pragma once

#include <string_view>
#include <vector>

#include "results/model.h"

namespace claimbench::run {

struct GcCycle {
  int number = 0;
  double at_s = 0;                ///< seconds since the program started
  double sweep_termination_ms = 0;  ///< STW
  double concurrent_mark_ms = 0;    ///< not a pause
  double mark_termination_ms = 0;   ///< STW
};

/// Every gctrace line in `log` (other lines are ignored).
std::vector<GcCycle> ParseGcTrace(std::string_view log);

/// Cycles within [from_s, to_s) of program time: count, cycles/s, and the STW pauses
/// (each phase is one pause) as p50/p99/max in microseconds, plus the total STW time.
results::GcPauses GcPauseSummary(const std::vector<GcCycle>& cycles, double from_s, double to_s);

}  // namespace claimbench::run
