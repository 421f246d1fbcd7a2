// Ratios of medians between the implementations of one workload or batch task: Rust/Go,
// as the documents compare them, and C++/Rust, how far each sits from the native ceiling.
#pragma once

#include <nlohmann/json.hpp>

namespace claimbench::run {

/// For every (rust, go) and (cpp, rust) pair of entries with a "summary", and every metric
/// both summaries hold: {metric, numerator, denominator, value = median / median}.
nlohmann::json Ratios(const nlohmann::json& implementations);

}  // namespace claimbench::run
