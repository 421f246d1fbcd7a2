// The regression gate.
#include "compare/gate.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "stats/display.h"
#include "stats/exact_intervals.h"
#include "stats/holm.h"
#include "stats/mann_whitney.h"
#include "stats/median.h"
#include "stats/modality.h"

namespace claimbench::compare {
namespace {

// Whether [low, high] of NEW/BASE lies wholly on the worse (better) side beyond the floor.
bool WorseBeyond(const stats::Metric& m, double low, double high, double floor) {
  return m.HigherIsBetter() ? high < 1 - floor : low > 1 + floor;
}
bool BetterBeyond(const stats::Metric& m, double low, double high, double floor) {
  return m.HigherIsBetter() ? low > 1 + floor : high < 1 - floor;
}

std::string Percent(double fraction) {
  char text[32];
  std::snprintf(text, sizeof text, "%g%%", std::round(fraction * 1000) / 10);
  return text;
}

void JudgeExact(CellJudgement& j) {
  const stats::Metric& m = j.cell.metric;
  if (WorseBeyond(m, j.ratio, j.ratio, j.floor)) {
    j.change = CellChange::kRegression;
  } else if (BetterBeyond(m, j.ratio, j.ratio, j.floor)) {
    j.change = CellChange::kImprovement;
  } else {
    j.change = CellChange::kNoChange;
    if (j.ratio != 1) j.reason = "an exact figure, changed by less than its floor of " + Percent(j.floor);
  }
}

// Equal sample sizes a side from which a family of `family` cells can flag one at `alpha`.
int SamplesNeeded(int family, double alpha) {
  int n = 2;
  while (stats::SmallestTwoSidedP(n, n) > alpha / std::max(family, 1) && n < 1000) ++n;
  return n;
}

}  // namespace

std::string ShowP(double p) {
  char text[32];
  std::snprintf(text, sizeof text, p >= 1e-4 ? "%.2g" : "%.1e", p);
  return text;
}

std::string_view Name(CellChange change) {
  switch (change) {
    case CellChange::kRegression: return "regression";
    case CellChange::kUnconfirmed: return "unconfirmed";
    case CellChange::kImprovement: return "improvement";
    case CellChange::kWithinFloor: return "within floor";
    case CellChange::kNoChange: return "no change";
    case CellChange::kBimodal: return "bimodal";
    case CellChange::kTooFewSamples: return "too few samples";
  }
  return "?";
}

bool GateResult::Regressed() const { return Count(CellChange::kRegression) > 0 || !lost.empty(); }

int GateResult::Count(CellChange change) const {
  return static_cast<int>(std::count_if(cells.begin(), cells.end(), [&](const auto& j) { return j.change == change; }));
}

GateResult JudgeCells(const PairedCells& paired, const GateOptions& options) {
  GateResult result;
  result.alpha = options.alpha;
  result.lost = paired.lost;
  result.regained = paired.regained;
  std::vector<size_t> family;
  for (const Cell& cell : paired.cells) {
    CellJudgement j;
    j.cell = cell;
    j.floor = options.threshold.value_or(cell.metric.gate_floor.value_or(kDefaultFloor));
    j.base_median = stats::Median(cell.base.samples);
    j.new_median = stats::Median(cell.fresh.samples);
    j.ratio = j.new_median / j.base_median;
    const int nb = static_cast<int>(cell.base.samples.size());
    const int nn = static_cast<int>(cell.fresh.samples.size());
    j.exact = cell.metric.exact || (nb == 1 && nn == 1 && cell.base.samples_of == "one exact count");
    if (j.exact) {
      JudgeExact(j);
      result.cells.push_back(std::move(j));
      continue;
    }
    j.min_p = stats::SmallestTwoSidedP(nb, nn);
    const auto base_modes = stats::BimodalSplit(cell.base.samples, j.floor);
    const auto new_modes = stats::BimodalSplit(cell.fresh.samples, j.floor);
    if (base_modes || new_modes) {
      const stats::ModeSplit& s = base_modes ? *base_modes : *new_modes;
      j.change = CellChange::kBimodal;
      j.reason = std::string(base_modes ? "BASE" : "NEW") + "'s samples fall in two groups (" +
                 std::to_string(s.lower_count) + " up to " + stats::ShowValue(s.lower_max, cell.metric) + ", " +
                 std::to_string(s.upper_count) + " from " + stats::ShowValue(s.upper_min, cell.metric) +
                 "): rerun, or find what splits them";
      result.cells.push_back(std::move(j));
      continue;
    }
    const auto ci = stats::RatioRankInterval(cell.fresh.samples, cell.base.samples, 1 - options.alpha);
    if (ci) {
      j.ci_low = ci->low;
      j.ci_high = ci->high;
    }
    if (*j.min_p > options.alpha * (1 + 1e-9) || !ci) {
      j.change = CellChange::kTooFewSamples;
      j.reason = !ci ? std::to_string(nb) + " + " + std::to_string(nn) + " samples: too few for an interval at " +
                           ShowP(1 - options.alpha)
                     : std::to_string(nb) + " + " + std::to_string(nn) + " samples: the smallest possible p is " +
                           ShowP(*j.min_p) + ", above alpha " + ShowP(options.alpha);
      result.cells.push_back(std::move(j));
      continue;
    }
    j.p = stats::MannWhitneyTest(cell.fresh.samples, cell.base.samples).p;
    j.in_family = true;
    family.push_back(result.cells.size());
    result.cells.push_back(std::move(j));
  }

  result.family = static_cast<int>(family.size());
  result.samples_needed = SamplesNeeded(result.family, options.alpha);
  std::vector<double> p;
  for (size_t i : family) p.push_back(*result.cells[i].p);
  const std::vector<double> adjusted = stats::HolmAdjusted(p);
  for (size_t k = 0; k < family.size(); ++k) {
    CellJudgement& j = result.cells[family[k]];
    j.p_adjusted = adjusted[k];
    j.reachable = *j.min_p <= options.alpha / result.family;
    if (j.reachable) ++result.reachable;
    const stats::Metric& m = j.cell.metric;
    if (*j.p_adjusted > options.alpha) {
      j.change = CellChange::kNoChange;
      if (!j.reachable) {
        j.reason = "cannot be flagged at Holm's first step in a family of " + std::to_string(result.family) + " cells";
      }
    } else if (WorseBeyond(m, *j.ci_low, *j.ci_high, j.floor)) {
      j.change = CellChange::kRegression;
    } else if (BetterBeyond(m, *j.ci_low, *j.ci_high, j.floor)) {
      j.change = CellChange::kImprovement;
    } else {
      j.change = CellChange::kWithinFloor;
      j.reason = "significant, but the interval reaches inside the " + Percent(j.floor) + " floor";
    }
  }
  return result;
}

void ApplyConfirmation(GateResult& first, const GateResult& confirmation) {
  std::map<CellKey, CellChange> again;
  for (const auto& j : confirmation.cells) again[j.cell.key] = j.change;
  for (auto& j : first.cells) {
    if (j.change != CellChange::kRegression) continue;
    auto it = again.find(j.cell.key);
    if (it == again.end()) {  // a rerun that could not measure it cannot clear it
      j.reason = "not measured again on the rerun: the regression stands";
    } else if (it->second != CellChange::kRegression) {
      j.change = CellChange::kUnconfirmed;
      j.reason = "the rerun against BASE gave " + std::string(Name(it->second));
    }
  }
}

}  // namespace claimbench::compare
