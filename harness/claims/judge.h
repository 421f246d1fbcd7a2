// Judging one measured figure against one claimed range: direction first (which side of
// parity a Rust/Go ratio lies on), then magnitude. The measurement is an interval whose
// coverage holds at its sample size, an exact figure (a size, a line count), a single
// sample (judged as if it spread by 10% either way, so consistent and contradicted need the
// same margin), or too few samples for an interval (inconclusive, saying how many it needs).
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "claims/claim_spec.h"
#include "results/enums.h"
#include "stats/bootstrap.h"

namespace claimbench::claims {

/// What was measured, and how far it can be trusted.
struct Evidence {
  enum class Kind { kInterval, kExact, kOneSample, kTooFew };
  Kind kind = Kind::kInterval;
  double point = 0;                        ///< the median (or ratio of medians)
  std::optional<stats::Interval> interval;  ///< kInterval only
  int samples = 0;                          ///< the fewer of the sides' sample counts
  int needed = 0;                           ///< kTooFew: samples (a side) an interval at `level` needs
  double level = 0.95;                      ///< the interval's coverage
  /// How an absolute figure is written, with its unit ("8.34 MB"); unset: a plain number
  /// (a ratio).
  std::function<std::string(double)> show;
};

struct Judgement {
  results::Verdict verdict = results::Verdict::kInconclusive;
  std::optional<results::Direction> direction;  ///< ratios claimed off parity only
  results::Magnitude magnitude = results::Magnitude::kUndecided;
  std::string detail;
};

/// Judges a Rust/Go ratio against the claimed `range`. A range wholly above (or below) 1
/// claims a direction: a measurement wholly on the other side is contradicted whatever the
/// tolerance, and the tolerance widens each bound but never across 1.
Judgement JudgeRatio(const Evidence& evidence, const Range& range, double tolerance);

/// +1 when `range` claims a Rust/Go ratio above parity ([1.15, 1.3], [1, inf]), -1 below
/// ([0.2, 0.5], [0, 1]), 0 when it spans parity ([0.8, 1.25], "within 2x" = [0, 2]).
int ClaimedSide(const Range& range);

/// Judges one side's absolute figure (hardware-bound) against the claimed `range`.
Judgement JudgeAbsolute(const Evidence& evidence, const Range& range, double tolerance, const std::string& side);

}  // namespace claimbench::claims
