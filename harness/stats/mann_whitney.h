// The two-sided Mann-Whitney (Wilcoxon rank-sum) test of two independent samples, as a
// regression gate needs it: exact p-values at the sample sizes benchmarks have (with ties,
// from the permutation distribution of the mid-rank sum), the normal approximation with the
// tie correction beyond them, and the smallest p the sample sizes can ever give, so that a
// cell whose n cannot reach significance is reported as such rather than as "no change".
// Hand-written: Debian packages no C++ library with an exact Mann-Whitney test (Boost.Math
// has the distributions, not the test).
#pragma once

#include <vector>

namespace claimbench::stats {

struct MannWhitneyResult {
  double u = 0;       ///< U of the first sample: pairs (x, y) with x > y, ties counting 1/2
  double p = 1;       ///< two-sided
  bool exact = true;  ///< false: normal approximation (more than kMannWhitneyExactLimit samples in all)
};

/// Samples in all up to which the p-value is exact.
inline constexpr int kMannWhitneyExactLimit = 100;

/// The two-sided test of `x` against `y`; p = 1 when either is empty.
MannWhitneyResult MannWhitneyTest(const std::vector<double>& x, const std::vector<double>& y);

/// The smallest two-sided p any two samples of sizes m and n can give (no ties, complete
/// separation): 2 / C(m + n, m), at most 1. 0.0079 for 5 + 5; 0.1 for 3 + 3.
double SmallestTwoSidedP(int m, int n);

/// Under the null, the number of arrangements of m and n untied values with each U
/// (0 .. m * n): the recurrence f(m, n, u) = f(m - 1, n, u - n) + f(m, n - 1, u).
std::vector<double> MannWhitneyNullCounts(int m, int n);

}  // namespace claimbench::stats
