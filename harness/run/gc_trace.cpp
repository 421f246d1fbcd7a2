// Parsing of Go's gctrace lines.
#include "run/gc_trace.h"

#include <algorithm>
#include <cmath>
#include <regex>
#include <string>

#include "stats/median.h"

namespace claimbench::run {

std::vector<GcCycle> ParseGcTrace(std::string_view log) {
  // "gc 12 @3.456s 2%: 0.011+1.2+0.025 ms clock, ..."
  static const std::regex kLine(R"(^gc (\d+) @([0-9.]+)s [0-9]+%: ([0-9.]+)\+([0-9.]+)\+([0-9.]+) ms clock)");
  // "..., 4->4->1 MB, 5 MB goal, ..."
  static const std::regex kHeap(R"(, (\d+)->(\d+)->(\d+) MB, (\d+) MB goal)");
  std::vector<GcCycle> out;
  size_t start = 0;
  while (start < log.size()) {
    size_t end = log.find('\n', start);
    if (end == std::string_view::npos) end = log.size();
    std::string line(log.substr(start, end - start));
    std::smatch m;
    if (std::regex_search(line, m, kLine)) {
      GcCycle cycle{std::stoi(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4]), std::stod(m[5])};
      std::smatch heap;
      if (std::regex_search(line, heap, kHeap)) {
        cycle.heap_start_mb = std::stoll(heap[1]);
        cycle.heap_end_mb = std::stoll(heap[2]);
        cycle.live_mb = std::stoll(heap[3]);
        cycle.goal_mb = std::stoll(heap[4]);
      }
      out.push_back(cycle);
    }
    start = end + 1;
  }
  return out;
}

results::GcPauses GcPauseSummary(const std::vector<GcCycle>& cycles, double from_s, double to_s) {
  std::vector<double> pauses_us;
  std::vector<double> heap_over_live;
  int64_t live_max_mb = -1;
  int count = 0;
  for (size_t i = 0; i < cycles.size(); ++i) {
    const GcCycle& c = cycles[i];
    if (c.at_s < from_s || c.at_s >= to_s) continue;
    ++count;
    pauses_us.push_back(c.sweep_termination_ms * 1e3);
    pauses_us.push_back(c.mark_termination_ms * 1e3);
    live_max_mb = std::max(live_max_mb, c.live_mb);
    const GcCycle* previous = i > 0 ? &cycles[i - 1] : nullptr;
    // The heap peaks at the cycle's end (the program allocates during the concurrent mark);
    // the set it must hold is what the previous cycle found live.
    if (previous && previous->live_mb >= kMinLiveHeapMbForRatio && c.heap_end_mb >= 0) {
      heap_over_live.push_back(static_cast<double>(c.heap_end_mb) / static_cast<double>(previous->live_mb));
    }
  }
  std::sort(pauses_us.begin(), pauses_us.end());
  // Nearest rank, as the latency histograms read percentiles.
  // No cycle in the window: no pause to take a percentile of (null, not 0).
  auto at = [&](double p) -> std::optional<double> {
    if (pauses_us.empty()) return std::nullopt;
    size_t rank = static_cast<size_t>(std::ceil(p / 100.0 * static_cast<double>(pauses_us.size())));
    return pauses_us[std::clamp<size_t>(rank, 1, pauses_us.size()) - 1];
  };
  double total = 0;
  for (double p : pauses_us) total += p;
  results::GcPauses out;
  out.cycles = count;
  out.cycles_per_s = to_s > from_s ? count / (to_s - from_s) : 0.0;
  out.pauses = static_cast<int64_t>(pauses_us.size());
  out.pause_p50_us = at(50);
  out.pause_p99_us = at(99);
  if (!pauses_us.empty()) out.pause_max_us = pauses_us.back();
  out.pause_total_us = total;
  if (live_max_mb >= 0) out.live_heap_max_mb = live_max_mb;
  if (!heap_over_live.empty()) out.heap_over_live = stats::Median(heap_over_live);
  out.source = "GODEBUG=gctrace=1: sweep termination and mark termination, each one stop-the-world pause";
  return out;
}

}  // namespace claimbench::run
