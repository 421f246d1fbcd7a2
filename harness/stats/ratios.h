// Ratios of medians between implementations of one workload (or batch task): every
// Rust/Go pair, as the documents compare them, and every C++/Rust pair (how far each sits
// from the native ceiling), for each metric both have, with a 95% Hodges-Lehmann interval (exact_intervals.h).
#pragma once

#include <string>
#include <vector>

#include "results/model.h"

namespace claimbench::stats {

/// What a ratio needs of an implementation.
struct RatioSide {
  std::string id;
  std::string language;
  const results::Summaries* summary = nullptr;
};

std::vector<results::Ratio> Ratios(const std::vector<RatioSide>& implementations);

std::vector<results::Ratio> Ratios(const std::vector<results::HttpImplementation>& implementations);
std::vector<results::Ratio> Ratios(const std::vector<results::BatchEntry>& implementations);

}  // namespace claimbench::stats
