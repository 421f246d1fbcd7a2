// The tables printed at the end of `claimbench run` (and by `report --format table`): the
// shared tables of report.md as fixed-width text, medians with 95% intervals and ratios.
#pragma once

#include "report/reporter.h"

namespace claimbench::report {

class TableReporter : public Reporter {
 public:
  std::string Render(const results::RunResults& results) const override;
};

/// The answer first, for the console: the headline table (fastest Go against fastest Rust
/// per workload family), the articles' verdict counts and the warnings.
class HeadlineReporter : public Reporter {
 public:
  std::string Render(const results::RunResults& results) const override;
};

}  // namespace claimbench::report
