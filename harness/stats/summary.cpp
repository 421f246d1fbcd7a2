// Metric summaries.
#include "stats/summary.h"

#include <algorithm>

#include "stats/bootstrap.h"
#include "stats/median.h"

namespace claimbench::stats {

results::Summary SummaryOf(const std::vector<double>& values, const std::string& unit) {
  auto [lo, hi] = std::minmax_element(values.begin(), values.end());
  results::Summary s;
  s.median = Median(values);
  s.min = *lo;
  s.max = *hi;
  s.n = static_cast<int64_t>(values.size());
  s.unit = unit;
  s.samples = values;
  auto ci = MedianInterval(values);
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

results::Summaries SummarizeBatch(const results::BatchEntry& entry, const BatchInputSize& input,
                                  const MetricRegistry& registry) {
  results::Summaries out;
  if (entry.status != results::Status::kOk || entry.measure_ns.empty()) return out;
  for (const Metric* m : registry.From(Source::kBatch)) {
    std::vector<double> samples = m->from_batch(entry, input);
    if (!samples.empty()) out[m->name] = SummaryOf(samples, m->unit);
  }
  for (const auto& [name, values] : entry.extra) {
    if (registry.Find(name) || values.empty()) continue;
    Metric extra = MetricRegistry::RunnerExtra(name);
    out[name] = SummaryOf(extra.from_batch(entry, input), extra.unit);
  }
  return out;
}

}  // namespace claimbench::stats
