// The tables printed at the end of `claimbench run` (and by `report --format table`): the
// shared tables of report.md as fixed-width text, medians with 95% intervals and ratios.
#pragma once

#include <string>

#include "report/reporter.h"
#include "report/tables.h"

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

/// A shared table as fixed-width text, each line starting with `indent` (wide columns such
/// as "library" are left to report.md); empty for a table without rows.
std::string RenderTextTable(const Table& table, const std::string& indent);

}  // namespace claimbench::report
