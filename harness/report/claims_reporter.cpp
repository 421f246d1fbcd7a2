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

// The row's tail: the claim's conditions, its own verdict, and the check's claimed
// rust/go bounds as numbers (empty for an absolute check; no upper end: empty high).
std::string CheckCsvRow(const std::string& prefix, const std::string& stated, const std::string& tail,
                        const results::CheckVerdict& k) {
  return prefix + CsvField(k.label) + "," + CsvField(k.workload) + "," + CsvField(k.metric) + "," + CsvField(k.go) +
         "," + CsvField(k.rust) + "," + stated + "," + CsvField(k.expected) + "," + Number(k.measured) + "," +
         Number(k.ci_low) + "," + Number(k.ci_high) + "," + CsvField(k.judged) + "," +
         CsvField(VerdictText(k.verdict)) + "," + CsvField(k.detail) + "," + tail + "," + Number(k.ratio_low) + "," +
         Number(k.ratio_high) + "\n";
}

}  // namespace

std::string ClaimsTableReporter::Render(const results::RunResults& results) const {
  if (!results.claims || results.claims->empty()) return "";
  const auto& claims = *results.claims;
  std::string out = "claims (" + Counts(claims) + ")\n";
  int hidden = 0;
  for (const auto& c : claims) {
    if (!all_ && c.verdict == results::Verdict::kNotMeasured) {
      ++hidden;
      continue;
    }
    out += fmt::format("  {:<34} {:<17} {}\n", c.id, results::Name(c.verdict), c.paraphrase);
    out += fmt::format("  {:<34} {:<17} stated: {}\n", "", "", Stated(c.stated));
    if (c.checks.empty()) out += fmt::format("  {:<34} {:<17} {}\n", "", "", c.detail);
    for (const auto& k : c.checks) {
      out += fmt::format("  {:<34} {:<17} - {} [{} {}]: {}: {}\n", "", "", k.label, k.workload, k.metric,
                         results::Name(k.verdict), k.detail);
    }
  }
  if (hidden > 0) {
    out += fmt::format("  ({} claims not measured here are not listed; --all lists them with their reasons)\n",
                       hidden);
  }
  return out;
}

std::string ClaimsCsvReporter::Render(const results::RunResults& results) const {
  std::string out =
      "run_id,claim,document,check,workload,metric,go,rust,stated,expected,measured,ci_low,ci_high,judged,verdict,"
      "detail,conditions,claim_verdict,ratio_low,ratio_high\n";
  if (!results.claims) return out;
  for (const auto& c : *results.claims) {
    const std::string prefix = CsvField(results.run_id) + "," + CsvField(c.id) + "," + CsvField(c.document) + ",";
    const std::string stated = CsvField(Stated(c.stated));
    const std::string tail = CsvField(c.conditions) + "," + CsvField(VerdictText(c.verdict));
    if (c.checks.empty()) {
      out += prefix + ",,,,," + stated + ",,,,,," + CsvField(VerdictText(c.verdict)) + "," + CsvField(c.detail) + "," +
             tail + ",,\n";
      continue;
    }
    for (const auto& k : c.checks) out += CheckCsvRow(prefix, stated, tail, k);
  }
  return out;
}

}  // namespace claimbench::report
