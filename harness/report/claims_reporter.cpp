// Claims renderings.
#include "report/claims_reporter.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>

#include "report/csv_reporter.h"

namespace claimbench::report {
namespace {

std::string Stated(const std::map<std::string, std::string>& stated) {
  std::string out;
  for (const auto& [k, v] : stated) out += (out.empty() ? "" : ", ") + k + " " + v;
  return out;
}

std::string Number(const std::optional<double>& v) { return v ? fmt::format("{:.4g}", *v) : ""; }

std::string VerdictText(results::Verdict verdict) { return std::string(results::Name(verdict)); }

// "152: 1 consistent, 4 contradicted, 1 inconclusive, 146 not measured here".
std::string Counts(const std::vector<results::ClaimVerdict>& claims) {
  std::string counts;
  for (results::Verdict verdict : results::kAllVerdicts) {
    auto n = std::count_if(claims.begin(), claims.end(), [&](const auto& c) { return c.verdict == verdict; });
    counts += fmt::format("{}{} {}", counts.empty() ? "" : ", ", n, results::Name(verdict));
  }
  return fmt::format("{}: {}", claims.size(), counts);
}

std::string CheckCsvRow(const std::string& prefix, const std::string& stated, const std::string& conditions,
                        const results::CheckVerdict& k) {
  return prefix + CsvField(k.label) + "," + CsvField(k.workload) + "," + CsvField(k.metric) + "," + CsvField(k.go) +
         "," + CsvField(k.rust) + "," + stated + "," + CsvField(k.expected) + "," + Number(k.measured) + "," +
         Number(k.ci_low) + "," + Number(k.ci_high) + "," + CsvField(k.judged) + "," +
         CsvField(VerdictText(k.verdict)) + "," + CsvField(k.detail) + "," + conditions + "\n";
}

}  // namespace

std::string ClaimsTableReporter::Render(const results::RunResults& results) const {
  if (!results.claims || results.claims->empty()) return "";
  const auto& claims = *results.claims;
  std::string out = "claims (" + Counts(claims) + ")\n";
  for (const auto& c : claims) {
    out += fmt::format("  {:<34} {:<17} {}\n", c.id, results::Name(c.verdict), c.paraphrase);
    out += fmt::format("  {:<34} {:<17} stated: {}\n", "", "", Stated(c.stated));
    if (c.checks.empty()) out += fmt::format("  {:<34} {:<17} {}\n", "", "", c.detail);
    for (const auto& k : c.checks) {
      out += fmt::format("  {:<34} {:<17} - {} [{} {}]: {}: {}\n", "", "", k.label, k.workload, k.metric,
                         results::Name(k.verdict), k.detail);
    }
  }
  return out;
}

std::string ClaimsCsvReporter::Render(const results::RunResults& results) const {
  std::string out =
      "run_id,claim,document,check,workload,metric,go,rust,stated,expected,measured,ci_low,ci_high,judged,verdict,"
      "detail,conditions\n";
  if (!results.claims) return out;
  for (const auto& c : *results.claims) {
    const std::string prefix = CsvField(results.run_id) + "," + CsvField(c.id) + "," + CsvField(c.document) + ",";
    const std::string stated = CsvField(Stated(c.stated));
    const std::string conditions = CsvField(c.conditions);
    if (c.checks.empty()) {
      out += prefix + ",,,,," + stated + ",,,,,," + CsvField(VerdictText(c.verdict)) + "," + CsvField(c.detail) + "," +
             conditions + "\n";
      continue;
    }
    for (const auto& k : c.checks) out += CheckCsvRow(prefix, stated, conditions, k);
  }
  return out;
}

}  // namespace claimbench::report
