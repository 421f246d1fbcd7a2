// General claims ("Rust is 2-5x faster than Go in benchmarks") judged on every comparable
// workload at once: the geometric mean of the Rust/Go time ratios, with each workload's
// ratio beside it, so one or two kernels never stand for "benchmarks".
//
// The parts: every HTTP workload (time per request = 1 / req/s) and every batch task
// (iteration time) that the first-listed Go and the first-listed Rust implementation both
// ran successfully. The interval is simultaneous: each part's Hodges-Lehmann interval is
// taken at level 1 - (1 - level) / K (Bonferroni over the K parts), and when all K cover,
// which happens with probability at least `level`, the geometric means of their ends
// cover the geometric mean of the true ratios. Conservative, distribution-free, and it
// needs enough samples a side for the stricter per-part level (6 a side for K up to ~23).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "claims/judge.h"
#include "results/model.h"

namespace claimbench::claims {

struct GeomeanPart {
  std::string workload;  ///< "<http workload>" or "<batch workload>/<task>"
  std::string go;
  std::string rust;
  double time_ratio = 0;                    ///< rust/go of time (medians)
  std::optional<stats::Interval> interval;  ///< at the per-part level
};

struct GeomeanEvidence {
  Evidence evidence;                 ///< the geometric mean of the parts' time ratios
  std::vector<GeomeanPart> parts;
  double part_level = 0;             ///< each part's interval level
};

/// The time-ratio geometric mean over every comparable workload of `results`, at `level`
/// jointly; evidence kind kTooFew (with the samples a side the per-part level needs) when
/// any part has no interval; no parts when nothing comparable ran.
/// `within` (workload ids, a batch workload standing for all its tasks) limits the parts;
/// empty: all.
GeomeanEvidence GeomeanTimeRatio(const results::RunResults& results, double level,
                                 const std::vector<std::string>& within = {});

/// "nbody 0.904 [0.72, 1.1], spectral-norm 0.862 [...], ...": each part's ratio and interval.
std::string DescribeParts(const GeomeanEvidence& geomean);

}  // namespace claimbench::claims
