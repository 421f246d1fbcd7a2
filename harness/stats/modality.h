// Whether a sample falls into two separate groups (a bimodal set of trials: a frequency
// state, a core migration, a GC cycle that some trials catch and others miss). A gate must
// not read such a set's median as "the" figure: which mode a trial lands in decides it.
//
// The test: sort the sample and take the widest gap between neighbours that leaves at least
// max(2, n/5) values on each side; the sample is bimodal when that gap is at least `floor`
// of the median (a gap smaller than what the gate would ever flag is not worth a warning)
// and the gap divided by the wider side's own range exceeds what a normal sample of the same
// n gives in 99.9% of draws (critical ratios by a seeded Monte Carlo, once per n). A normal
// sample is called bimodal 0.1% of the time; two well-separated modes almost always are.
// Hand-written: no packaged library has a small-sample bimodality test (Hartigan's dip test
// is in R, not in a Debian C++ package).
#pragma once

#include <optional>
#include <vector>

namespace claimbench::stats {

struct ModeSplit {
  double lower_max = 0;   ///< the largest value of the lower group
  double upper_min = 0;   ///< the smallest value of the upper group
  int lower_count = 0;
  int upper_count = 0;
  double ratio = 0;       ///< gap / the wider group's range
  double critical = 0;    ///< the ratio a normal sample of this n exceeds 0.1% of the time
};

/// Fewest samples the test looks at (fewer: never bimodal).
inline constexpr int kMinSamplesForModality = 5;

/// The split when `samples` is bimodal by the rule above, else nullopt.
std::optional<ModeSplit> BimodalSplit(std::vector<double> samples, double floor);

}  // namespace claimbench::stats
