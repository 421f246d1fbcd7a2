// The summary of one metric over its samples (trials, iterations or runner processes):
// the median, its 95% bootstrap interval, the spread, and whether it is too noisy to
// read at a glance. Every summary in a results file is made here.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace claimbench::stats {

/// {median, ci_low, ci_high (null with one sample), min, max, n, unit, noisy, samples}.
/// `values` must not be empty.
nlohmann::json SummaryOf(const std::vector<double>& values, const std::string& unit);

/// The samples of a summary made by SummaryOf (its median alone for older files).
std::vector<double> SamplesOf(const nlohmann::json& summary);

}  // namespace claimbench::stats
