// The metrics claimbench reports, in one table: name, unit, where each trial stores it,
// and which direction is better. Summaries, ratios, CSV and tables all read this list,
// so a metric is added in one place.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace claimbench::stats {

struct Metric {
  std::string name;      ///< CSV/JSON key, e.g. "latency_p99_ns"
  std::string unit;      ///< "req/s", "ns", "bytes", "s", "us", "count"
  std::string pointer;   ///< JSON pointer inside a trial object
  bool higher_is_better = false;
};

/// Metrics of an HTTP trial.
const std::vector<Metric>& HttpMetrics();
/// Metrics of a build record (read from the "builds" block).
const std::vector<Metric>& BuildMetrics();

/// The metric's value in `object`, if present and numeric.
std::optional<double> Extract(const nlohmann::json& object, const Metric& metric);

double Median(std::vector<double> values);

}  // namespace claimbench::stats
