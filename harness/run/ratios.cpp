// Ratios of medians between implementations of one workload (or batch task).
#include "run/ratios.h"

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
        ratios.push_back({{"metric", metric},
                          {"numerator", num["id"]},
                          {"denominator", den["id"]},
                          {"value", value["median"].get<double>() / d}});
      }
    }
  }
  return ratios;
}

}  // namespace claimbench::run
