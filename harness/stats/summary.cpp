// Metric summaries.
#include "stats/summary.h"

#include <algorithm>

#include "stats/exact_intervals.h"
#include "stats/median.h"

namespace claimbench::stats {

bool IsExactCount(const results::Summary& summary) { return summary.samples_of == kOneExactCount; }

results::Summary SummaryOf(const std::vector<double>& values, const std::string& unit) {
  auto [lo, hi] = std::minmax_element(values.begin(), values.end());
  results::Summary s;
  s.median = Median(values);
  s.min = *lo;
  s.max = *hi;
  s.n = static_cast<int64_t>(values.size());
  s.unit = unit;
  s.samples = values;
  auto ci = MedianOrderInterval(values);
  if (ci) {
    s.ci_low = ci->low;
    s.ci_high = ci->high;
  }
  s.noisy = values.size() > 1 && Noisy(s.median, ci);
  return s;
}

results::Summaries SummarizeHttp(const results::HttpImplementation& impl, const MetricRegistry& registry) {
  results::Summaries out;
  if (impl.startup && !impl.startup->error) {  // a start that failed leaves no startup figure
    for (const Metric* m : registry.From(Source::kHttpStartup)) {
      std::vector<double> samples = m->from_startup(*impl.startup);
      if (!samples.empty()) out[m->name] = SummaryOf(samples, m->unit);
    }
  }
  for (const Metric* m : registry.From(Source::kHttpTrial)) {
    std::vector<double> values;
    for (const auto& t : impl.trials) {
      if (auto v = m->from_trial(t)) values.push_back(*v);
    }
    if (!values.empty()) out[m->name] = SummaryOf(values, m->unit);
  }
  return out;
}

namespace {

// Per-iteration values grouped by the runner process that measured them, each group's
// median one sample: iterations of one process share its heap layout, page placement and
// frequency state, so only processes are independent. Values that are already one per
// process, or that do not line up with the iterations, pass through.
std::vector<double> ProcessSamples(const results::BatchEntry& entry, const std::vector<double>& values,
                                   std::optional<std::string>& samples_of) {
  int64_t total = 0;
  for (const auto& p : entry.process) total += p.iterations;
  const bool per_iteration = static_cast<int64_t>(values.size()) == total && total > 0;
  if (!per_iteration) {
    if (values.size() == entry.process.size() && entry.process.size() > 1) samples_of = "runner processes";
    return values;
  }
  if (entry.process.size() == 1) {
    samples_of = "iterations of one runner process (no process-to-process variance)";
    return values;
  }
  std::vector<double> out;
  size_t at = 0;
  int64_t most = 0;
  for (const auto& p : entry.process) {
    std::vector<double> group(values.begin() + static_cast<std::ptrdiff_t>(at),
                              values.begin() + static_cast<std::ptrdiff_t>(at + static_cast<size_t>(p.iterations)));
    at += static_cast<size_t>(p.iterations);
    most = std::max(most, p.iterations);
    if (!group.empty()) out.push_back(Median(group));
  }
  samples_of = most == 1 ? "runner processes, one measured iteration each"
                         : "runner processes, each the median of its " + std::to_string(most) + " iterations";
  return out;
}

results::Summary ProcessSummary(const results::BatchEntry& entry, const std::vector<double>& values,
                                const std::string& unit) {
  std::optional<std::string> samples_of;
  results::Summary s = SummaryOf(ProcessSamples(entry, values, samples_of), unit);
  s.samples_of = samples_of;
  return s;
}

}  // namespace

results::Summaries SummarizeBatch(const results::BatchEntry& entry, const BatchInputSize& input,
                                  const MetricRegistry& registry) {
  results::Summaries out;
  if (entry.status != results::Status::kOk || entry.measure_ns.empty()) return out;
  for (const Metric* m : registry.From(Source::kBatch)) {
    std::vector<double> samples = m->from_batch(entry, input);
    if (samples.empty()) continue;
    if (m->exact && samples.size() == 1) {
      // One count of the whole task, not one per process or iteration: nothing to group,
      // and no interval to give (SummaryOf of one value has none and is not noisy).
      out[m->name] = SummaryOf(samples, m->unit);
      out[m->name].samples_of = std::string(kOneExactCount);
      continue;
    }
    out[m->name] = ProcessSummary(entry, samples, m->unit);
  }
  for (const auto& [name, values] : entry.extra) {
    if (registry.Find(name) || values.empty()) continue;
    Metric extra = MetricRegistry::RunnerExtra(name);
    out[name] = ProcessSummary(entry, extra.from_batch(entry, input), extra.unit);
  }
  return out;
}

}  // namespace claimbench::stats
