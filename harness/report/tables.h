// The tables the Markdown and HTML reports share, as plain-text cells: the run header,
// one table per HTTP workload and per batch task, the ratio lines, the builds and the
// claims. Each report escapes and lays them out in its own syntax, so the two say the same.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "report/format.h"

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
std::vector<HeaderField> RunHeader(const nlohmann::json& results);

/// How an HTTP workload was driven: "closed-loop GET /plaintext, 64 connections, ...".
std::string HttpLoadLine(const nlohmann::json& workload);
/// implementation, library, req/s [95% CI], p50, p99, errors, peak RSS, CPU µs/request,
/// startup, status.
Table HttpTable(const nlohmann::json& workload);
/// The further load points (idle RSS, P99 at fixed rates, knee, Go GC pauses), or a table
/// without rows when no implementation has any.
Table LoadPointsTable(const nlohmann::json& workload);

/// How a batch workload was run: "1 warmup + 3 measured iterations per runner; ...".
std::string BatchLine(const nlohmann::json& workload);
/// implementation, library, [throughput [95% CI]], iteration [95% CI], CPU s, peak RSS, status.
Table BatchTaskTable(const nlohmann::json& task);

/// One pair of implementations' ratios of medians: "rust-axum / go-nethttp" and one cell per
/// headline metric ("req/s 1.55 [1.19, 2.05]").
struct RatioLine {
  std::string pair;
  std::vector<Cell> items;
};
/// Rust/Go and C++/Rust lines, in the order the results list the pairs.
std::vector<RatioLine> RatioLines(const nlohmann::json& ratios);

/// Cold and incremental build time, binary sizes, handler lines, toolchain, libraries, flags.
Table BuildsTable(const nlohmann::json& builds);

struct CheckView {
  std::string label;
  std::string where;     ///< "cpu-bound/nbody, iteration_ns, rust-cpu vs go-cpu"
  std::string verdict;
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
  std::string verdict;
  std::string detail;
  std::string reason;  ///< why it was not measured here (its detail, or its checks')
  std::vector<CheckView> checks;
};

std::vector<ClaimView> Claims(const nlohmann::json& results);
/// "152 claims: 1 consistent, 4 contradicted, 1 inconclusive, 146 not measured here".
std::string VerdictCounts(const std::vector<ClaimView>& claims);

inline constexpr const char* kVerdicts[] = {"consistent", "contradicted", "inconclusive", "not measured here"};

}  // namespace claimbench::report
