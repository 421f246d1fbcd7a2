// The tables the console, Markdown and HTML reports share, as plain-text cells: the run
// header, one table per HTTP workload and per batch task, the ratio lines, the builds and
// the claims. Each report escapes and lays them out in its own syntax, so they say the same.
// Figures are read from the typed results and shown in their metric's display scale from
// the registry.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "report/format.h"
#include "results/model.h"
#include "stats/metric_registry.h"

namespace claimbench::report {

struct Column {
  std::string name;
  bool numeric = false;  ///< right-aligned
};

struct Table {
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;  ///< each as long as `columns`
  std::vector<std::string> notes;       ///< sentences shown under the table
};

struct HeaderField {
  std::string label;
  std::string value;
};

/// Run id, suite and times; machine (CPU model, cores, kernel); git SHA; seed and CPU sets;
/// toolchains; tool version. Fields the results lack are left out.
std::vector<HeaderField> RunHeader(const results::RunResults& results);

/// How an HTTP workload was driven: "closed-loop GET /plaintext, 64 connections, ...".
std::string HttpLoadLine(const results::HttpWorkload& workload);
/// implementation, library, req/s [95% CI], p50, p99 (medians of per-trial percentiles),
/// errors, peak RSS, CPU µs/request, startup, status.
Table HttpTable(const results::HttpWorkload& workload, const stats::MetricRegistry& registry);
/// The further load points (idle RSS, the P99 at each rate of the workload's recorded plan,
/// knee, Go GC pauses), or a table without rows when no implementation has any.
Table LoadPointsTable(const results::HttpWorkload& workload, const stats::MetricRegistry& registry);

/// How a batch workload was run: "1 warmup + 3 measured iterations per runner; ...".
std::string BatchLine(const results::BatchWorkload& workload);
/// implementation, library, [throughput [95% CI]], iteration [95% CI], CPU s, peak RSS, status.
Table BatchTaskTable(const results::BatchTaskResult& task, const stats::MetricRegistry& registry);

/// One pair of implementations' ratios of medians: "rust-axum / go-nethttp" and one cell per
/// headline metric ("req/s 1.55 [1.19, 2.05]").
struct RatioLine {
  std::string pair;
  std::vector<Cell> items;
};
/// One line per pair, in the order the results list the pairs; the items are the registry's
/// headline metrics (a non-empty ratio_label), in registry order.
std::vector<RatioLine> RatioLines(const std::vector<results::Ratio>& ratios, const stats::MetricRegistry& registry);

/// Cold and incremental build time, binary sizes, handler lines, toolchain, libraries, flags.
Table BuildsTable(const std::map<std::string, results::Build>& builds, const stats::MetricRegistry& registry);

struct CheckView {
  std::string label;
  std::string where;  ///< "cpu-bound/nbody, iteration_ns, rust-cpu vs go-cpu"
  results::Verdict verdict = results::Verdict::kNotMeasured;
  std::string expected;  ///< as the claims evaluator wrote it, with the tolerance
  std::string measured;  ///< "rust/go 1.067 [0.6502, 1.814]", "go 8.903e+06", or ""
  std::string judged;    ///< "ratio", "absolute, hardware-bound"
  std::string detail;
};

struct ClaimView {
  std::string id;
  std::string document;
  std::string paraphrase;
  std::string conditions;
  std::string stated;  ///< "go: 5-15 MB; rust: 1-5 MB"
  std::vector<std::pair<std::string, std::string>> stated_items;  ///< {"go", "5-15 MB"}, ...
  results::Verdict verdict = results::Verdict::kNotMeasured;
  std::string detail;
  std::string reason;  ///< why it was not measured here (its detail, or its checks')
  std::vector<CheckView> checks;
};

/// The claims' verdicts; none when the run judged none.
std::vector<ClaimView> Claims(const results::RunResults& results);
/// "152 claims: 1 consistent, 4 contradicted, 1 inconclusive, 146 not measured here".
std::string VerdictCounts(const std::vector<ClaimView>& claims);
/// How many checks had a measurement, at what level each was judged, and how many chance
/// contradictions that level implies; "" for a file that does not say.
std::string FamilyNote(const results::RunResults& results);

}  // namespace claimbench::report
