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
  WriteFileAtomic(out_dir / "ratios.csv", report::Render("ratios-csv", results));
  WriteFileAtomic(out_dir / "trials.csv", report::Render("trials-csv", results));
  WriteFileAtomic(out_dir / "benchmark-action-bigger.json", report::Render("benchmark-action-bigger", results));
  WriteFileAtomic(out_dir / "benchmark-action-smaller.json", report::Render("benchmark-action-smaller", results));
  if (results.claims) WriteFileAtomic(out_dir / "claims.csv", report::Render("claims-csv", results));
  WriteFileAtomic(out_dir / "report.md", report::Render("md", results));
  WriteFileAtomic(out_dir / "report.html", report::Render("html", results));
}

}  // namespace claimbench::run
