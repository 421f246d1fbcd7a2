// CSV rendering.
#include "report/csv_reporter.h"

#include <fmt/format.h>

#include <optional>
#include <vector>

#include "stats/metric_registry.h"

namespace claimbench::report {

std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

namespace {

// The shortest text that reads back to the same double, without an exponent for
// everyday magnitudes (fmt's default: 900, 1557520, 0.25; 1e+300 stays short).
std::string Number(double v) { return fmt::format("{}", v); }
std::string Number(const std::optional<double>& v) { return v ? Number(*v) : std::string(); }

struct RowKey {
  const std::string& run;
  const std::string& workload;
  const std::string& implementation;
};

void Row(std::string& out, const RowKey& key, const std::string& metric, const std::string& unit, double value,
         const std::optional<double>& ci_low = std::nullopt, const std::optional<double>& ci_high = std::nullopt) {
  out += CsvField(key.run) + "," + CsvField(key.workload) + "," + CsvField(key.implementation) + "," +
         CsvField(metric) + "," + CsvField(unit) + "," + Number(value) + "," + Number(ci_low) + "," +
         Number(ci_high) + "\n";
}

template <typename Implementation>
void SummaryRows(std::string& out, const std::string& run, const std::string& workload,
                 const std::vector<Implementation>& implementations) {
  for (const auto& impl : implementations) {
    for (const auto& [metric, s] : impl.summary) {
      Row(out, {run, workload, impl.id}, metric, s.unit, s.median, s.ci_low, s.ci_high);
    }
  }
}

}  // namespace

std::string CsvReporter::Render(const results::RunResults& results) const {
  std::string out = "run_id,workload,implementation,metric,unit,value,ci_low,ci_high\n";
  const std::string& run = results.run_id;
  const stats::MetricRegistry registry = stats::MetricRegistry::ForResults(results);
  const std::string build = "build";
  for (const auto& [impl, b] : results.builds) {
    if (!b.record.ok) continue;  // a failed build has no figures (its sizes read 0)
    for (const stats::Metric* metric : registry.From(stats::Source::kBuild)) {
      if (auto v = metric->from_build(b.record)) Row(out, {run, build, impl}, metric->name, metric->unit, *v);
    }
  }
  for (const auto& w : results.workloads) {
    if (const results::HttpWorkload* http = w.http()) SummaryRows(out, run, http->id, http->implementations);
    // A batch task is a workload of its own in the long format: "json-parse/tweets-typed".
    if (const results::BatchWorkload* batch = w.batch()) {
      for (const auto& task : batch->tasks) SummaryRows(out, run, batch->id + "/" + task.id, task.implementations);
    }
  }
  return out;
}

}  // namespace claimbench::report
