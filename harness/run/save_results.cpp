// Saving a run's files.
#include "run/save_results.h"

#include "report/reporter.h"
#include "results/results_json.h"
#include "util/files.h"

namespace claimbench::run {

void SaveResults(const results::RunResults& results, const std::filesystem::path& out_dir) {
  if (out_dir.empty()) return;
  results::WriteResultsFile(results, out_dir / "results.json");
  WriteFileAtomic(out_dir / "results.csv", report::Render("csv", results));
  if (results.claims) WriteFileAtomic(out_dir / "claims.csv", report::Render("claims-csv", results));
  WriteFileAtomic(out_dir / "report.md", report::Render("md", results));
  WriteFileAtomic(out_dir / "report.html", report::Render("html", results));
}

}  // namespace claimbench::run
