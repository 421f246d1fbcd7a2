// Recomputing the intervals of an older results file.
#include "stats/recompute_intervals.h"

#include "stats/bootstrap.h"
#include "stats/exact_intervals.h"
#include "stats/ratios.h"

namespace claimbench::stats {
namespace {

// Whether every summary of every entry kept its samples (files that did not cannot be
// recomputed, and keep what they have).
template <typename Entries>
bool KeptSamples(const Entries& entries) {
  for (const auto& e : entries) {
    for (const auto& [name, s] : e.summary) {
      if (s.samples.empty()) return false;
    }
  }
  return true;
}

void Recompute(results::Summaries& summaries) {
  for (auto& [name, s] : summaries) {
    if (s.samples.empty()) continue;
    std::optional<Interval> ci = MedianOrderInterval(s.samples);
    s.ci_low = ci ? std::optional(ci->low) : std::nullopt;
    s.ci_high = ci ? std::optional(ci->high) : std::nullopt;
    s.noisy = s.n > 1 && Noisy(s.median, ci);
  }
}

}  // namespace

void RecomputeIntervals(results::RunResults& results) {
  for (auto& w : results.workloads) {
    if (auto* http = w.http()) {
      for (auto& i : http->implementations) Recompute(i.summary);
      if (http->ratios && KeptSamples(http->implementations)) http->ratios = Ratios(http->implementations);
    }
    if (auto* batch = w.batch()) {
      for (auto& t : batch->tasks) {
        for (auto& e : t.implementations) Recompute(e.summary);
        if (t.ratios && KeptSamples(t.implementations)) t.ratios = Ratios(t.implementations);
      }
    }
  }
}

}  // namespace claimbench::stats
