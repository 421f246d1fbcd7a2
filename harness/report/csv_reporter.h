// results.csv: long format, one row per workload x implementation x metric, with units:
// run_id,workload,implementation,metric,unit,value,ci_low,ci_high. Build figures use the
// workload name "build". RFC 4180 quoting.
#pragma once

#include "report/reporter.h"

namespace claimbench::report {

class CsvReporter : public Reporter {
 public:
  std::string Render(const results::RunResults& results) const override;
};

/// Quotes a field when it holds a comma, quote or line break (RFC 4180).
std::string CsvField(const std::string& text);

}  // namespace claimbench::report
