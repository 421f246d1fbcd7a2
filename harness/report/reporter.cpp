// The format registry.
#include "report/reporter.h"

#include <stdexcept>

#include "report/claims_reporter.h"
#include "report/csv_reporter.h"
#include "report/html_reporter.h"
#include "report/markdown_reporter.h"
#include "report/table_reporter.h"

namespace claimbench::report {

std::unique_ptr<Reporter> MakeReporter(const std::string& format) {
  if (format == "csv") return std::make_unique<CsvReporter>();
  if (format == "ratios-csv") return std::make_unique<RatiosCsvReporter>();
  if (format == "trials-csv") return std::make_unique<TrialsCsvReporter>();
  if (format == "benchmark-action-bigger") return std::make_unique<BenchmarkActionReporter>(true);
  if (format == "benchmark-action-smaller") return std::make_unique<BenchmarkActionReporter>(false);
  if (format == "table") return std::make_unique<TableReporter>();
  if (format == "claims") return std::make_unique<ClaimsTableReporter>();
  if (format == "claims-all") return std::make_unique<ClaimsTableReporter>(true);
  if (format == "headline") return std::make_unique<HeadlineReporter>();
  if (format == "claims-csv") return std::make_unique<ClaimsCsvReporter>();
  if (format == "md") return std::make_unique<MarkdownReporter>();
  if (format == "html") return std::make_unique<HtmlReporter>();
  std::string known;
  for (const auto& f : Formats()) known += (known.empty() ? "" : ", ") + f;
  throw std::invalid_argument("unknown report format '" + format + "' (known: " + known + ")");
}

std::vector<std::string> Formats() {
  return {"csv",      "ratios-csv", "trials-csv", "benchmark-action-bigger", "benchmark-action-smaller", "table",
          "headline", "claims",     "claims-all", "claims-csv",              "md",                       "html"};
}

}  // namespace claimbench::report
