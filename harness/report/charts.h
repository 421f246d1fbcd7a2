// The HTML report's charts, drawn from the typed results: throughput bars with CI
// whiskers, the latency percentile spectrum (HdrHistogram-style) and RSS over time.
// Implementations are coloured by language (go, rust, cpp).
#pragma once

#include <string>
#include <vector>

#include "results/model.h"

namespace claimbench::report {

/// One chart: the <svg> element, and a caption that says what it shows (or, with no svg,
/// why there is nothing to draw).
struct Chart {
  std::string svg;
  std::string caption;
};

/// What a bar chart plots: a metric's medians, multiplied by `factor`, against an axis
/// titled `axis` (with its unit).
struct BarSpec {
  std::string title;
  std::string axis;
  double factor = 1;
  std::string unit;  ///< after the value labels ("req/s", "ms")
};

/// One implementation's bar: its summary of the plotted metric, or why it has none.
struct Bar {
  std::string id;
  std::string language;
  const results::Summary* summary = nullptr;
  std::string missing;  ///< shown instead of a bar when `summary` is null
};

/// Horizontal bars of the medians with 95% CI whiskers; an implementation without the
/// figure gets a row saying why (its status when it failed).
Chart BarChart(const std::vector<Bar>& bars, const BarSpec& spec);
/// The bars that suit an HTTP workload (req/s) or a batch task (MB/s, items/s, or the
/// iteration time when the task has no throughput).
Chart ThroughputChart(const results::HttpWorkload& workload, const std::string& title);
Chart ThroughputChart(const results::BatchTaskResult& task, const std::string& title);

/// A batch family at a glance: one row per task, a marker per implementation at its speed
/// relative to the task's fastest (throughput, or 1 / time per iteration), on a log axis; the
/// legend names every implementation.
Chart FamilyDotPlot(const results::BatchWorkload& workload);
/// Latency by percentile, x = 1/(1-p) on a log axis: for each implementation, the latency
/// histograms of all its trials rebuilt (load::HistogramOf), pooled (Histogram::Merge) and
/// read with load::Histogram::ValueAtPercentile, the load generator's own code.
Chart LatencySpectrumChart(const results::HttpWorkload& workload);
/// RSS (MiB) against time (s) of each implementation's server in its first trial.
Chart RssChart(const results::HttpWorkload& workload);
/// Throughput against connections: the connection sweep and the main window's point, the
/// median over the trials that ran them, one line per implementation.
Chart ThroughputByConnectionsChart(const results::HttpWorkload& workload);
/// P99 against the offered rate (open loop): the fixed rates and the knee search, the median
/// over trials. A rate not sustained in every trial is an open marker: its P99 is an overload
/// figure (the queue grew through the window), the blade of the hockey stick.
Chart LatencyByRateChart(const results::HttpWorkload& workload);

/// The fixed colour of a language ("go", "rust", "cpp"; grey for others).
std::string LanguageColour(const std::string& language);

}  // namespace claimbench::report
