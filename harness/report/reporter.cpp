// The format registry.
#include "report/reporter.h"

#include <stdexcept>

#include "report/csv_reporter.h"
#include "report/table_reporter.h"

namespace claimbench::report {

std::unique_ptr<Reporter> MakeReporter(const std::string& format) {
  if (format == "csv") return std::make_unique<CsvReporter>();
  if (format == "table") return std::make_unique<TableReporter>();
  throw std::invalid_argument("unknown report format '" + format + "' (known: csv, table)");
}

std::vector<std::string> Formats() { return {"csv", "table"}; }

}  // namespace claimbench::report
