// General claims ("Rust is 2-5x faster than Go in benchmarks") judged on every comparable
// workload at once: the geometric mean of the Rust/Go time ratios, with each part's ratio
// beside it, so one or two kernels never stand for "benchmarks".
//
// The parts: every HTTP workload (time per request = 1 / req/s) and every batch task
// (iteration time) that has a Go and a Rust implementation, except tasks that probe memory
// rather than speed (worker-pool's idle tasks). The mean is taken within each workload
// first (its tasks' log ratios averaged), then across workloads, so a workload with nine
// tasks weighs as much as one with a single task. A part whose Go or Rust side failed or
// has no figure is listed as excluded, with why; the verdict then does not decide, since
// leaving a failure out would move the mean.
//
// The interval is simultaneous: each part's Hodges-Lehmann interval is taken at level
// 1 - (1 - level) / K (Bonferroni over the K parts), and when all K cover, which happens with
// probability at least `level`, the same weighted means of their ends cover the weighted
// mean of the true log ratios. Conservative; it needs enough samples a side for the
// stricter per-part level (6 a side for K up to ~23; more parts need more samples).
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
  double weight = 0;                        ///< in the mean: 1 / (workloads x tasks of its workload)
};

struct ExcludedPart {
  std::string workload;
  std::string why;
};

struct GeomeanEvidence {
  Evidence evidence;                 ///< the weighted geometric mean of the parts' time ratios
  std::vector<GeomeanPart> parts;
  std::vector<ExcludedPart> excluded;  ///< comparable parts with no figure for their pair
  double part_level = 0;             ///< each part's interval level
  int workloads = 0;                 ///< distinct workloads among the parts
};

/// Which Go and which Rust implementation of a workload make its pair: the first listed of
/// each language (a claim's fixed seed pair), or the fastest of each (the headline).
enum class PairChoice { kFirstListed, kFastest };

/// The time-ratio geometric mean over every comparable workload of `results`, at `level`
/// jointly; evidence kind kTooFew (with the samples a side the per-part level needs) when
/// any part has no interval; no parts when nothing comparable ran. `within` (workload ids,
/// a batch workload standing for all its tasks) limits the parts; empty: all.
GeomeanEvidence GeomeanTimeRatio(const results::RunResults& results, double level,
                                 const std::vector<std::string>& within = {},
                                 PairChoice choice = PairChoice::kFirstListed);

/// "cpu-bound/nbody 0.904 [0.72, 1.1], ...": each part's ratio and interval, and the
/// excluded parts with why.
std::string DescribeParts(const GeomeanEvidence& geomean);

/// How many parts' own ratios lie inside [low, high] ("most benchmarks" is a count).
int PartsWithin(const GeomeanEvidence& geomean, double low, double high);

/// Batch tasks that measure memory, not speed, and so are no part of a speed mean.
bool IsMemoryProbe(const std::string& workload_task);

}  // namespace claimbench::claims
