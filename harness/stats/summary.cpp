// Metric summaries.
#include "stats/summary.h"

#include <algorithm>

#include "stats/bootstrap.h"
#include "stats/metrics.h"

namespace claimbench::stats {

nlohmann::json SummaryOf(const std::vector<double>& values, const std::string& unit) {
  auto [lo, hi] = std::minmax_element(values.begin(), values.end());
  double median = Median(values);
  auto ci = MedianInterval(values);
  nlohmann::json out = {{"median", median}, {"min", *lo},   {"max", *hi},           {"n", values.size()},
                        {"unit", unit},     {"noisy", values.size() > 1 && Noisy(median, ci)}, {"samples", values}};
  out["ci_low"] = ci ? nlohmann::json(ci->low) : nlohmann::json(nullptr);
  out["ci_high"] = ci ? nlohmann::json(ci->high) : nlohmann::json(nullptr);
  return out;
}

std::vector<double> SamplesOf(const nlohmann::json& summary) {
  if (summary.contains("samples") && summary["samples"].is_array()) return summary["samples"].get<std::vector<double>>();
  if (summary.contains("median") && summary["median"].is_number()) return {summary["median"].get<double>()};
  return {};
}

}  // namespace claimbench::stats
