// Parsing of Go's gctrace lines.
#include "run/gc_trace.h"

#include <algorithm>
#include <cmath>
#include <regex>
#include <string>

namespace claimbench::run {

std::vector<GcCycle> ParseGcTrace(std::string_view log) {
  // "gc 12 @3.456s 2%: 0.011+1.2+0.025 ms clock, ..."
  static const std::regex kLine(R"(^gc (\d+) @([0-9.]+)s [0-9]+%: ([0-9.]+)\+([0-9.]+)\+([0-9.]+) ms clock)");
  std::vector<GcCycle> out;
  size_t start = 0;
  while (start < log.size()) {
    size_t end = log.find('\n', start);
    if (end == std::string_view::npos) end = log.size();
    std::string line(log.substr(start, end - start));
    std::smatch m;
    if (std::regex_search(line, m, kLine)) {
      out.push_back({std::stoi(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4]), std::stod(m[5])});
    }
    start = end + 1;
  }
  return out;
}

results::GcPauses GcPauseSummary(const std::vector<GcCycle>& cycles, double from_s, double to_s) {
  std::vector<double> pauses_us;
  int count = 0;
  for (const auto& c : cycles) {
    if (c.at_s < from_s || c.at_s >= to_s) continue;
    ++count;
    pauses_us.push_back(c.sweep_termination_ms * 1e3);
    pauses_us.push_back(c.mark_termination_ms * 1e3);
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
  out.source = "GODEBUG=gctrace=1: sweep termination and mark termination, each one stop-the-world pause";
  return out;
}

}  // namespace claimbench::run
