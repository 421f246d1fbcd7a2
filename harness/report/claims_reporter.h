// The claims of a results file: "claims" (a fixed-width table for the console) and
// "claims-csv" (claims.csv: one row per check, and one per claim without checks).
#pragma once

#include "report/reporter.h"

namespace claimbench::report {

/// The judged claims, with the unmeasured ones as a count; with `all`, every claim.
class ClaimsTableReporter : public Reporter {
 public:
  explicit ClaimsTableReporter(bool all = false) : all_(all) {}
  std::string Render(const results::RunResults& results) const override;

 private:
  bool all_;
};

class ClaimsCsvReporter : public Reporter {
 public:
  std::string Render(const results::RunResults& results) const override;
};

}  // namespace claimbench::report
