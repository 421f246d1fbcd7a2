// The short table printed at the end of `claimbench run`: one row per implementation with
// req/s, latency percentiles, peak RSS, server CPU and startup, then the Rust/Go ratios.
#pragma once

#include "report/reporter.h"

namespace claimbench::report {

class TableReporter : public Reporter {
 public:
  std::string Render(const nlohmann::json& results) const override;
};

}  // namespace claimbench::report
