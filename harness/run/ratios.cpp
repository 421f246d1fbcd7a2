// Ratios of medians between implementations of one workload (or batch task).
#include "run/ratios.h"

#include "stats/bootstrap.h"
#include "stats/summary.h"

#include <string>
#include <utility>
#include <vector>

namespace claimbench::run {

// Ratios of the medians for every Rust/Go and C++/Rust pair of implementations measured.
nlohmann::json Ratios(const nlohmann::json& implementations) {
  using nlohmann::json;
  json ratios = json::array();
  // Rust/Go, as the documents compare them, and C++/Rust: how far each sits from the native ceiling.
  const std::vector<std::pair<std::string, std::string>> pairs = {{"rust", "go"}, {"cpp", "rust"}};
  for (const auto& [num_language, den_language] : pairs)
  for (const auto& num : implementations) {
    if (num.value("language", "") != num_language || !num.contains("summary")) continue;
    for (const auto& den : implementations) {
      if (den.value("language", "") != den_language || !den.contains("summary")) continue;
      for (const auto& [metric, value] : num["summary"].items()) {
        if (!den["summary"].contains(metric)) continue;
        double d = den["summary"][metric]["median"].get<double>();
        if (d == 0) continue;
        double ratio = value["median"].get<double>() / d;
        auto ci = stats::RatioInterval(stats::SamplesOf(value), stats::SamplesOf(den["summary"][metric]));
        ratios.push_back({{"metric", metric},
                          {"numerator", num["id"]},
                          {"denominator", den["id"]},
                          {"value", ratio},
                          {"ci_low", ci ? json(ci->low) : json(nullptr)},
                          {"ci_high", ci ? json(ci->high) : json(nullptr)},
                          {"noisy", stats::Noisy(ratio, ci)}});
      }
    }
  }
  return ratios;
}

}  // namespace claimbench::run
