// Reports are renderings of the typed results (results/model.h), read from results.json
// by results/results_json.h, and of nothing else. One Reporter per format, each in its own
// file.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "results/model.h"

namespace claimbench::report {

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual std::string Render(const results::RunResults& results) const = 0;
};

/// "csv" (long format, one row per workload x implementation x metric), "table" (the short
/// fixed-width table printed at the end of a run), "claims", "claims-csv", "md" or "html".
/// Throws std::invalid_argument naming the known formats.
std::unique_ptr<Reporter> MakeReporter(const std::string& format);
std::vector<std::string> Formats();

inline std::string Render(const std::string& format, const results::RunResults& results) {
  return MakeReporter(format)->Render(results);
}

}  // namespace claimbench::report
