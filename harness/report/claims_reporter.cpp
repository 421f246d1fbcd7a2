// Claims renderings.
#include "report/claims_reporter.h"

#include <fmt/format.h>

#include <map>

#include "report/csv_reporter.h"

namespace claimbench::report {
namespace {

using nlohmann::json;

std::string Stated(const json& stated) {
  std::string out;
  for (const auto& [k, v] : stated.items()) out += (out.empty() ? "" : ", ") + k + " " + v.get<std::string>();
  return out;
}

std::string Number(const json& v) { return v.is_number() ? fmt::format("{:.4g}", v.get<double>()) : ""; }

}  // namespace

std::string ClaimsTableReporter::Render(const json& results) const {
  const json claims = results.value("claims", json::array());
  if (claims.empty()) return "";
  std::map<std::string, int> counts;
  for (const auto& c : claims) counts[c.value("verdict", "")]++;
  std::string out = fmt::format("claims ({}: {} consistent, {} contradicted, {} inconclusive, {} not measured here)\n",
                                claims.size(), counts["consistent"], counts["contradicted"], counts["inconclusive"],
                                counts["not measured here"]);
  for (const auto& c : claims) {
    out += fmt::format("  {:<34} {:<17} {}\n", c.value("id", ""), c.value("verdict", ""), c.value("paraphrase", ""));
    out += fmt::format("  {:<34} {:<17} stated: {}\n", "", "", Stated(c.value("stated", json::object())));
    if (c["checks"].empty()) {
      out += fmt::format("  {:<34} {:<17} {}\n", "", "", c.value("detail", ""));
    }
    for (const auto& k : c["checks"]) {
      out += fmt::format("  {:<34} {:<17} - {} [{} {}]: {}\n", "", "", k.value("label", ""), k.value("workload", ""),
                         k.value("metric", ""), k.value("verdict", "") + ": " + k.value("detail", ""));
    }
  }
  return out;
}

std::string ClaimsCsvReporter::Render(const json& results) const {
  std::string out =
      "run_id,claim,document,check,workload,metric,go,rust,stated,expected,measured,ci_low,ci_high,judged,verdict,"
      "detail\n";
  const std::string run = results.value("run_id", "");
  for (const auto& c : results.value("claims", json::array())) {
    const std::string prefix = CsvField(run) + "," + CsvField(c.value("id", "")) + "," +
                               CsvField(c.value("document", "")) + ",";
    const std::string stated = CsvField(Stated(c.value("stated", json::object())));
    if (c["checks"].empty()) {
      out += prefix + ",,,,," + stated + ",,,,,," + CsvField(c.value("verdict", "")) + "," +
             CsvField(c.value("detail", "")) + "\n";
      continue;
    }
    for (const auto& k : c["checks"]) {
      out += prefix + CsvField(k.value("label", "")) + "," + CsvField(k.value("workload", "")) + "," +
             CsvField(k.value("metric", "")) + "," + CsvField(k.value("go", "")) + "," +
             CsvField(k.value("rust", "")) + "," + stated + "," + CsvField(k.value("expected", "")) + "," +
             Number(k.value("measured", json())) + "," + Number(k.value("ci_low", json())) + "," +
             Number(k.value("ci_high", json())) + "," + CsvField(k.value("judged", "")) + "," +
             CsvField(k.value("verdict", "")) + "," + CsvField(k.value("detail", "")) + "\n";
    }
  }
  return out;
}

}  // namespace claimbench::report
