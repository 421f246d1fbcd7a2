// A Rust/Go ratio in words: which side is better on the metric and by how much ("Rust
// faster by 1.8x", "Go smaller by 2.1x"), never "above" or "below", whose sense flips
// between a time and a throughput.
#pragma once

#include <optional>
#include <string>

#include "results/enums.h"
#include "stats/metric_registry.h"

namespace claimbench::report {

/// The phrase for `ratio` (rust/go) of `metric`; with no metric (an unknown name), "".
/// `direction` kNoDifference adds that the interval does not decide.
std::string ComparisonPhrase(const stats::Metric* metric, double ratio,
                             std::optional<results::Direction> direction = std::nullopt);

}  // namespace claimbench::report
