// Holm's step-down correction of a family of p-values: the adjusted p of the i-th smallest
// of K is max over j <= i of min(1, (K - j + 1) p_(j)). It holds the chance of any false
// flag in the family at alpha, whatever the dependence between the tests, and rejects at
// least what Bonferroni rejects.
#pragma once

#include <vector>

namespace claimbench::stats {

/// The adjusted p-values, in the order of `p`.
std::vector<double> HolmAdjusted(const std::vector<double>& p);

}  // namespace claimbench::stats
