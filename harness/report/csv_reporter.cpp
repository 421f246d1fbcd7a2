// CSV rendering.
#include "report/csv_reporter.h"

#include <fmt/format.h>

#include "stats/metrics.h"

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

void Row(std::string& out, const std::string& run, const std::string& workload, const std::string& impl,
         const std::string& metric, const std::string& unit, const nlohmann::json& value) {
  auto field = [](const nlohmann::json& j) { return j.is_number() ? Number(j.get<double>()) : std::string(); };
  out += CsvField(run) + "," + CsvField(workload) + "," + CsvField(impl) + "," + CsvField(metric) + "," +
         CsvField(unit) + "," + field(value.value("median", nlohmann::json())) + "," +
         field(value.value("ci_low", nlohmann::json())) + "," + field(value.value("ci_high", nlohmann::json())) + "\n";
}

}  // namespace

std::string CsvReporter::Render(const nlohmann::json& results) const {
  std::string out = "run_id,workload,implementation,metric,unit,value,ci_low,ci_high\n";
  const std::string run = results.value("run_id", "");
  if (results.contains("builds")) {
    for (const auto& [impl, record] : results["builds"].items()) {
      for (const auto& metric : stats::BuildMetrics()) {
        if (auto v = stats::Extract(record, metric)) Row(out, run, "build", impl, metric.name, metric.unit, {{"median", *v}});
      }
    }
  }
  auto summaries = [&](const std::string& workload, const nlohmann::json& implementations) {
    for (const auto& impl : implementations) {
      if (!impl.contains("summary")) continue;
      for (const auto& [metric, value] : impl["summary"].items()) {
        Row(out, run, workload, impl["id"], metric, value.value("unit", ""), value);
      }
    }
  };
  for (const auto& w : results.value("workloads", nlohmann::json::array())) {
    summaries(w["id"], w.value("implementations", nlohmann::json::array()));
    // A batch task is a workload of its own in the long format: "json-parse/tweets-typed".
    for (const auto& task : w.value("tasks", nlohmann::json::array())) {
      summaries(w["id"].get<std::string>() + "/" + task["id"].get<std::string>(), task["implementations"]);
    }
  }
  return out;
}

}  // namespace claimbench::report
