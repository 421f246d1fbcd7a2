// `claimbench compare`.
#include "cli/compare_command.h"

#include <algorithm>
#include <iostream>
#include <set>
#include <stdexcept>

#include "compare/baselines.h"
#include "compare/comparability.h"
#include "compare/compare_report.h"
#include "compare/gate.h"
#include "results/results_json.h"
#include "run/run.h"
#include "spec/workload.h"
#include "util/files.h"

namespace claimbench::cli {
namespace {

// Why the input cannot be compared: exit 2, with the reason.
class UnusableInput : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

results::RunResults ReadInput(const std::string& role, const std::filesystem::path& file) {
  if (!std::filesystem::is_regular_file(file)) throw UnusableInput(role + " " + file.string() + ": no such file");
  try {
    return results::ReadResultsFile(file);
  } catch (const std::exception& e) {
    throw UnusableInput(role + " " + file.string() + " is not a claimbench results file this release reads: " +
                        e.what());
  }
}

// The implementations (and workloads) of the regressed cells, measured again with NEW's
// suite and another seed, then those cells alone judged against BASE (a family of only the
// cells being confirmed). A regression stands only if the rerun flags it too.
void ConfirmRegressions(const CommonOptions& common, const std::vector<results::RunResults>& base,
                        const results::RunResults& fresh,
                        const compare::GateOptions& gate_options, compare::GateResult& gate) {
  compare::CellSelection again;
  std::set<std::string> workloads, impls, metrics;
  std::set<compare::CellKey> flagged;
  bool builds = false;
  for (const auto& j : gate.cells) {
    if (j.change != compare::CellChange::kRegression) continue;
    flagged.insert(j.cell.key);
    const std::string& w = j.cell.key.workload;
    if (w == "build") builds = true;
    else workloads.insert(w.substr(0, w.find('/')));
    impls.insert(j.cell.key.implementation);
    metrics.insert(j.cell.key.metric);
  }
  run::RunOptions options;
  options.suite = fresh.suite;
  options.implementations.assign(impls.begin(), impls.end());
  // A build figure needs the builds timed; the implementations' own workloads then run too.
  if (!builds) options.workloads.assign(workloads.begin(), workloads.end());
  options.build_times = builds;
  options.seed = fresh.context.seed + 1;
  // NEW's trial counts, so the rerun's samples are as many as the ones it confirms.
  for (const auto& w : fresh.workloads) {
    if (const auto* http = w.http(); http && http->load && workloads.count(http->id)) {
      options.repeat = static_cast<int>(http->load->repeat);
      if (http->load->load_points_in != "no trial") options.load_points = true;
    } else if (const auto* batch = w.batch(); batch && workloads.count(batch->id)) {
      options.processes = static_cast<int>(batch->batch.processes);
    }
  }
  options.cpus = CpuSplitFor(common);
  options.out_dir = std::filesystem::temp_directory_path() / ("claimbench-confirm-" + fresh.run_id);
  std::cerr << "claimbench compare: measuring " << options.implementations.size()
            << " implementation(s) again to confirm " << gate.Count(compare::CellChange::kRegression)
            << " regressed cell(s); results in " << options.out_dir.string() << "/\n";
  const run::RunOutcome outcome = run::Run(spec::LoadCatalog(RepoRoot(common)), options);
  again.implementations = options.implementations;
  again.workloads.assign(workloads.begin(), workloads.end());
  if (builds) again.workloads.push_back("build");
  again.metrics.assign(metrics.begin(), metrics.end());
  // Only the flagged cells, in a family of their own.
  compare::PairedCells paired = compare::PairCellsPooled(base, outcome.results, again);
  std::erase_if(paired.cells, [&](const compare::Cell& c) { return !flagged.count(c.key); });
  paired.lost.clear();
  paired.regained.clear();
  compare::ApplyConfirmation(gate, compare::JudgeCells(paired, gate_options));
}

int CompareFiles(const CommonOptions& common, const CompareCommand& command) {
  const auto format = compare::ParseCompareFormat(command.format);
  if (!format) throw std::invalid_argument("--format must be text, md or json, not '" + command.format + "'");
  std::vector<std::filesystem::path> base_files;
  std::filesystem::path new_file;
  if (!command.baseline.empty()) {
    if (command.files.size() != 1) {
      throw std::invalid_argument("with --baseline NAME, give one results file (NEW); got " +
                                  std::to_string(command.files.size()));
    }
    base_files = compare::BaselineRuns(RepoRoot(common), command.baseline);
    if (base_files.empty()) {
      throw UnusableInput("no baseline '" + command.baseline + "' (nothing in " +
                          (compare::BaselineDir(RepoRoot(common)) / command.baseline).string() +
                          "/); save one with `claimbench run --save-baseline " + command.baseline + "`");
    }
    new_file = command.files[0];
  } else {
    if (command.files.size() < 2) {
      throw std::invalid_argument(
          "give BASE and NEW results files (several BASE files are pooled; or --baseline NAME and NEW); got " +
          std::to_string(command.files.size()));
    }
    base_files.assign(command.files.begin(), command.files.end() - 1);
    new_file = command.files.back();
  }
  if (!(command.alpha > 0 && command.alpha < 1)) throw std::invalid_argument("--alpha must lie between 0 and 1");
  compare::GateOptions gate_options;
  gate_options.alpha = command.alpha;
  if (command.threshold_percent) {
    if (!(*command.threshold_percent >= 0 && *command.threshold_percent < 1000)) {
      throw std::invalid_argument("--threshold is a percentage from 0 to 1000, e.g. 5");
    }
    gate_options.threshold = *command.threshold_percent / 100;
  }

  std::vector<results::RunResults> base;
  for (const auto& file : base_files) base.push_back(ReadInput("BASE", file));
  const results::RunResults fresh = ReadInput("NEW", new_file);
  std::vector<std::string> warnings;
  for (size_t i = 0; i < base.size(); ++i) {
    const compare::Comparability comparable = compare::CheckComparable(base[i], fresh);
    const std::string which = base.size() == 1 ? "" : "BASE run " + base[i].run_id + ": ";
    if (comparable.refusal) throw UnusableInput(which + *comparable.refusal);
    for (const auto& w : comparable.warnings) {
      if (std::find(warnings.begin(), warnings.end(), w) == warnings.end()) warnings.push_back(w);
    }
  }
  const compare::PairedCells paired = compare::PairCellsPooled(base, fresh, command.selection);
  if (paired.cells.empty() && paired.lost.empty()) {
    throw UnusableInput(
        "nothing to compare: no workload x implementation x metric selected is in both runs (different workloads, "
        "or a selection that matches nothing)");
  }
  compare::ComparisonReport report;
  for (size_t i = 0; i < base.size(); ++i) report.base.push_back(compare::LabelOf(base_files[i].string(), base[i]));
  report.fresh = compare::LabelOf(new_file.string(), fresh);
  report.warnings = warnings;
  report.gate = compare::JudgeCells(paired, gate_options);
  report.only_in_base = paired.only_in_base;
  report.only_in_new = paired.only_in_new;
  report.not_positive = paired.not_positive;
  report.not_compared = paired.not_compared;
  report.all_cells = command.all;
  if (command.confirm && report.gate.Count(compare::CellChange::kRegression) > 0) {
    try {
      ConfirmRegressions(common, base, fresh, gate_options, report.gate);
      report.confirmed = true;
    } catch (const std::exception& e) {  // the report still prints, and the regressions stand
      report.warnings.push_back(std::string("--confirm could not measure again: ") + e.what() +
                                "; the regressions stand unconfirmed");
    }
  }
  if (command.out.empty()) {
    std::cout << compare::RenderComparison(report, *format);
  } else {
    try {
      WriteFileAtomic(command.out, compare::RenderComparison(report, *format));
    } catch (const std::exception& e) {
      throw UnusableInput("cannot write --out " + command.out.string() + ": " + e.what());
    }
    std::cout << compare::RenderComparison(report, compare::CompareFormat::kText);
  }
  return report.gate.Regressed() ? kExitFailed : kExitOk;
}

}  // namespace

int AddToBaseline(const CommonOptions& common, const std::string& name, const std::filesystem::path& results_file,
                  int keep) {
  try {
    compare::CheckBaselineName(name);
    const results::RunResults run = ReadInput("the run", results_file);
    if (run.interrupted) throw UnusableInput("run " + run.run_id + " was interrupted: not added to a baseline");
    const compare::Comparability self = compare::CheckComparable(run, run);
    if (self.refusal) throw UnusableInput("run " + run.run_id + ": " + *self.refusal);
    const auto file = compare::SaveBaseline(RepoRoot(common), name, run.run_id, results_file, keep);
    std::cerr << "claimbench: run " << run.run_id << " added to baseline '" << name << "' as " << file.string() << " ("
              << compare::BaselineRuns(RepoRoot(common), name).size() << " of at most " << keep << " runs)\n";
    return kExitOk;
  } catch (const UnusableInput& e) {
    std::cerr << "error: " << e.what() << "\n";
    return kExitUsage;
  }
}

int Compare(const CommonOptions& common, const CompareCommand& command) {
  try {
    return CompareFiles(common, command);
  } catch (const UnusableInput& e) {
    std::cerr << "error: " << e.what() << "\n";
    return kExitUsage;
  }
}

}  // namespace claimbench::cli
