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
  // "#->#-># MB, # MB goal": heap at the cycle's start, at its end, live (marked) heap, and
  // the goal for the next cycle; whole MB as Go rounds them; -1 when the line lacks them.
  int64_t heap_start_mb = -1;
  int64_t heap_end_mb = -1;
  int64_t live_mb = -1;
  int64_t goal_mb = -1;
};

/// Below this live heap, gctrace's whole-MB rounding makes heap/live meaningless (a 0 or 1
/// MB live heap can be anything from 0 to 1.5 MB).
constexpr int64_t kMinLiveHeapMbForRatio = 4;

/// Every gctrace line in `log` (other lines are ignored).
std::vector<GcCycle> ParseGcTrace(std::string_view log);

/// Cycles within [from_s, to_s) of program time: count, cycles/s, and the STW pauses
/// (each phase is one pause) as p50/p99/max in microseconds, plus the total STW time; and
/// the heap against the live set: for each cycle in the window whose previous cycle marked
/// a live heap of at least kMinLiveHeapMbForRatio, heap at this cycle's end (its peak) /
/// that live heap (how far the heap grows over what is live), as a median.
results::GcPauses GcPauseSummary(const std::vector<GcCycle>& cycles, double from_s, double to_s);

}  // namespace claimbench::run
