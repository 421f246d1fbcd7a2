// The tables printed at the end of `claimbench run` (and by `report --format table`): the
// shared tables of report.md as fixed-width text, medians with 95% intervals and ratios.
#pragma once

#include "report/reporter.h"

namespace claimbench::report {

class TableReporter : public Reporter {
 public:
  std::string Render(const results::RunResults& results) const override;
};

}  // namespace claimbench::report
