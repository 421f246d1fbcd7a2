// The regression gate: each paired cell judged as benchstat would, with the corrections a
// shared CI machine needs.
//
// - A noisy figure (trials, runner processes): a two-sided Mann-Whitney test of BASE's
//   samples against NEW's, Holm-corrected across every cell tested, and a Hodges-Lehmann
//   interval on the NEW/BASE ratio at 1 - alpha. A regression needs both: the adjusted p at
//   most alpha, and the interval wholly beyond the metric's floor on the worse side (a 3%
//   floor for throughput: the interval below 0.97). Significant and inside the floor is
//   "within floor": real, perhaps, but smaller than anyone fails a job for.
// - A set of samples that falls into two modes (stats/modality.h) is "bimodal" and never a
//   regression or an improvement: which mode the trials land in decides its median.
// - Sample sizes whose smallest possible p exceeds alpha (3 + 3: 0.1) can never be
//   significant: "too few samples", with the n that would do, and left out of the family.
// - An exact figure (sizes, line and instruction counts) is compared as it is: a
//   regression when NEW is worse than BASE by more than the floor.
// - An implementation that ran in BASE and fails in NEW is a regression.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compare/compare_cells.h"

namespace claimbench::compare {

enum class CellChange {
  kRegression,      ///< worse beyond the floor, significant after Holm (or exact)
  kUnconfirmed,     ///< flagged, then not flagged again on a rerun (`compare --confirm`)
  kImprovement,     ///< better beyond the floor, significant after Holm (or exact)
  kWithinFloor,     ///< significant, but the interval reaches inside the floor
  kNoChange,        ///< not significant (or an exact figure within its floor)
  kBimodal,         ///< a side's samples fall in two modes: not judged
  kTooFewSamples,   ///< these sample sizes can never reach significance
};

std::string_view Name(CellChange change);

/// A p-value with two significant digits: "0.0022", "1.1e-05".
std::string ShowP(double p);

struct GateOptions {
  double alpha = 0.05;
  /// Overrides every metric's floor (0.05: 5%); also the floor of metrics that have none.
  std::optional<double> threshold;
};

/// A metric's floor without a threshold or a floor of its own.
inline constexpr double kDefaultFloor = 0.05;

struct CellJudgement {
  Cell cell;
  double floor = 0;
  bool exact = false;
  double base_median = 0;
  double new_median = 0;
  double ratio = 0;  ///< NEW / BASE medians
  std::optional<double> ci_low;  ///< of the ratio, at 1 - alpha
  std::optional<double> ci_high;
  std::optional<double> p;           ///< Mann-Whitney, two-sided
  std::optional<double> p_adjusted;  ///< Holm, over the family
  std::optional<double> min_p;       ///< the smallest p these sample sizes can give
  bool in_family = false;
  /// In the family, and able to reach significance at its first Holm step (min_p <= alpha / family).
  bool reachable = false;
  CellChange change = CellChange::kNoChange;
  std::string reason;  ///< why, for the kinds that are not self-evident
};

struct GateResult {
  double alpha = 0.05;
  std::vector<CellJudgement> cells;
  std::vector<StatusChange> lost;
  std::vector<StatusChange> regained;
  int family = 0;     ///< cells tested together (Holm)
  int reachable = 0;  ///< of those, how many could ever be flagged
  /// Samples a side from which a cell of this family could be flagged (equal sizes).
  int samples_needed = 0;

  bool Regressed() const;
  int Count(CellChange change) const;
};

GateResult JudgeCells(const PairedCells& paired, const GateOptions& options);

/// A regression cell whose worse side is real only if `confirmation` flags it again: cells
/// flagged in `first` and not a regression in `confirmation` become kUnconfirmed.
void ApplyConfirmation(GateResult& first, const GateResult& confirmation);

}  // namespace claimbench::compare
