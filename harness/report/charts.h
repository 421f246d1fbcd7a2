// The HTML report's charts, drawn from a results document: throughput bars with CI
// whiskers, the latency percentile spectrum (HdrHistogram-style) and RSS over time.
// Implementations are coloured by language (go, rust, cpp).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace claimbench::report {

/// One chart: the <svg> element, and a caption that says what it shows (or, with no svg,
/// why there is nothing to draw).
struct Chart {
  std::string svg;
  std::string caption;
};

/// What a bar chart plots: `metric` of each implementation's summary, multiplied by
/// `factor`, against an axis titled `axis` (with its unit).
struct BarSpec {
  std::string title;
  std::string metric;
  std::string axis;
  double factor = 1;
  std::string unit;  ///< after the value labels ("req/s", "ms")
};

/// Horizontal bars of the medians with 95% CI whiskers; a failed implementation gets a row
/// with its status instead of a bar.
Chart BarChart(const nlohmann::json& implementations, const BarSpec& spec);
/// The bars that suit an HTTP workload (req/s) or a batch task (MB/s, items/s, or the
/// iteration time when the task has no throughput).
Chart ThroughputChart(const nlohmann::json& workload_or_task, const std::string& title);

/// Latency by percentile, x = 1/(1-p) on a log axis, from each implementation's latency
/// histograms of all its trials merged.
Chart LatencySpectrumChart(const nlohmann::json& workload);
/// RSS (MiB) against time (s) of each implementation's server in its first trial.
Chart RssChart(const nlohmann::json& workload);

/// The fixed colour of a language ("go", "rust", "cpp"; grey for others).
std::string LanguageColour(const std::string& language);

/// The latency at percentile `p` (0..1) of histogram buckets [[highest equivalent value, count], ...]
/// sorted by value: the value of the first bucket whose cumulative count reaches p of the total.
double ValueAtPercentile(const std::vector<std::pair<double, double>>& buckets, double p);

}  // namespace claimbench::report
