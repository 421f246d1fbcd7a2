// Reports are renderings of a results.json document and of nothing else. One Reporter per
// format, each in its own file.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace claimbench::report {

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual std::string Render(const nlohmann::json& results) const = 0;
};

/// "csv" (long format, one row per workload x implementation x metric) or "table" (the
/// short fixed-width table printed at the end of a run). Throws std::invalid_argument
/// naming the known formats.
std::unique_ptr<Reporter> MakeReporter(const std::string& format);
std::vector<std::string> Formats();

inline std::string Render(const std::string& format, const nlohmann::json& results) {
  return MakeReporter(format)->Render(results);
}

}  // namespace claimbench::report
