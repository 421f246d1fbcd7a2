// The summary of one metric over its samples (trials, iterations or runner processes):
// the median, its 95% interval, the spread, and whether it is too noisy to read at a
// glance. Every summary in a results file is made here, and every metric is read through
// the registry.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "results/model.h"
#include "stats/median.h"
#include "stats/metric_registry.h"

namespace claimbench::stats {

/// The `samples_of` of an exact figure's summary (an instruction count): one value, no
/// interval, never noisy; a single sample of it is not a thin figure.
inline constexpr std::string_view kOneExactCount = "one exact count";

/// True for the summary of an exact figure (kOneExactCount).
bool IsExactCount(const results::Summary& summary);

/// The summary of `values` (which must not be empty), in `unit`.
results::Summary SummaryOf(const std::vector<double>& values, const std::string& unit);

/// An HTTP implementation's summaries: each trial metric of the registry over its trials,
/// and the startup runs' median.
results::Summaries SummarizeHttp(const results::HttpImplementation& impl, const MetricRegistry& registry);

/// A batch runner entry's summaries (nothing unless its status is ok): each batch metric of
/// the registry, and any further figure the runner printed (MetricRegistry::RunnerExtra).
/// An exact metric (the instruction count) is its one value, samples_of kOneExactCount.
results::Summaries SummarizeBatch(const results::BatchEntry& entry, const BatchInputSize& input,
                                  const MetricRegistry& registry);

}  // namespace claimbench::stats
