// The median of a sample: the middle value, or the mean of the two middle ones.
#pragma once

#include <vector>

namespace claimbench::stats {

/// 0 for an empty sample.
double Median(std::vector<double> values);

}  // namespace claimbench::stats
