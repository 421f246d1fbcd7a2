// Ratios in words.
#include "report/comparison.h"

#include <fmt/format.h>

namespace claimbench::report {
namespace {

// The adjective for being better on `metric`.
std::string Better(const stats::Metric& metric) {
  const std::string& n = metric.name;
  if (n.find("cpu") != std::string::npos) return "leaner on CPU";
  if (n.find("pause") != std::string::npos) return "shorter in its pauses";
  if (n.rfind("build_", 0) == 0) return "quicker to build";
  if (metric.unit == "bytes") return "smaller";
  if (metric.unit == "lines") return "shorter";
  if (metric.unit == "count") return "fewer";
  return "faster";
}

}  // namespace

std::string ComparisonPhrase(const stats::Metric* metric, double ratio, std::optional<results::Direction> direction) {
  if (!metric || ratio <= 0) return "";
  if (ratio == 1) return "level";
  const bool rust_better = metric->HigherIsBetter() ? ratio > 1 : ratio < 1;
  const double factor = ratio > 1 ? ratio : 1 / ratio;
  std::string phrase = fmt::format("{} {} by {:.3g}x", rust_better ? "Rust" : "Go", Better(*metric), factor);
  if (direction == results::Direction::kNoDifference) phrase += " (no difference detected)";
  return phrase;
}

}  // namespace claimbench::report
