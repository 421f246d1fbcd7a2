// Report formats: snapshots of the Markdown, HTML and CSV renderings of a hand-built
// results document, read by results::ReadResults, against the goldens in tests/golden/
// (CLAIMBENCH_UPDATE_GOLDEN=1 rewrites them), plus structural checks that hold whatever the
// snapshot says: no external URL in the HTML, one labelled <svg> per chart, escaped text,
// Markdown tables with even rows, "-" for what a file lacks, a rate added to a workload's
// plan reported with no code change, and mistyped fields refused by the reader with their path.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "load/load_report.h"
#include "load/load_report_json.h"
#include "report/charts.h"
#include "report/console_colour.h"
#include "report/reporter.h"
#include "report/svg.h"
#include "results/results_json.h"
#include "stats/metric_registry.h"

namespace claimbench::report {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Two HTTP implementations that ran (one noisy, one with a single sample and so a null CI)
// and one that failed; a batch task with a failed runner; builds with a failure; three
// claims with different verdicts; and user-controlled strings with <&"|> in them.
// Each trial's "load" gives only its histogram's buckets and whether the client was
// saturated; CompleteLoads fills in the rest of the load report the reader requires.
json HandBuiltText() {
  return json::parse(R"json({
  "schema_version": 1,
  "run_id": "20260101T000000Z",
  "suite": "quick",
  "started_at": "2026-01-01T00:00:00Z",
  "finished_at": "2026-01-01T00:05:00Z",
  "interrupted": false,
  "tool": {"name": "claimbench", "version": "0.1.0"},
  "context": {
    "cpu_model": "Test CPU <&\"|> 'x'", "cores": 2, "arch": "x86_64", "kernel": "Linux 6.1.0",
    "memory_bytes": 8589934592, "governor": "performance",
    "git_sha": "0123456789abcdef0123456789abcdef01234567", "git_dirty": false, "seed": 42,
    "cpu_sets": {"server": "0", "client": "1", "shared": false},
    "toolchains": {"go": "go version go1.22.0 linux/amd64", "rustc": "rustc 1.80.0"}
  },
  "workloads": [
    {
      "id": "http-json-api", "kind": "http",
      "description": "POST /price: a JSON API | with <b>markup</b> & \"quotes\"",
      "load": {"mode": "closed-loop", "method": "POST", "path": "/price", "connections": 64, "client_threads": 1,
               "warmup_s": 2.0, "duration_s": 10.0, "repeat": 2, "fixed_rates": [5000.0],
               "load_points_in": "the first trial only"},
      "implementations": [
        {
          "id": "go-nethttp", "language": "go", "library": "net/http + encoding/json", "status": "ok",
          "summary": {
            "requests_per_s": {"median": 41000.0, "ci_low": 36000.0, "ci_high": 46000.0, "n": 2, "unit": "req/s", "noisy": true},
            "latency_p50_ns": {"median": 1200000.0, "ci_low": 1100000.0, "ci_high": 1300000.0, "n": 2, "unit": "ns", "noisy": false},
            "latency_p99_ns": {"median": 5400000.0, "ci_low": 5000000.0, "ci_high": 5800000.0, "n": 2, "unit": "ns", "noisy": false},
            "errors": {"median": 0.0, "ci_low": 0.0, "ci_high": 0.0, "n": 2, "unit": "count", "noisy": false},
            "rss_peak_bytes": {"median": 15728640.0, "ci_low": 15000000.0, "ci_high": 16000000.0, "n": 2, "unit": "bytes", "noisy": false},
            "rss_idle_bytes": {"median": 6291456.0, "ci_low": 6200000.0, "ci_high": 6300000.0, "n": 2, "unit": "bytes", "noisy": false},
            "server_cpu_us_per_request": {"median": 24.4, "ci_low": 23.9, "ci_high": 25.0, "n": 2, "unit": "us", "noisy": false},
            "startup_median_s": {"median": 0.0042, "ci_low": 0.004, "ci_high": 0.0045, "n": 2, "unit": "s", "noisy": false},
            "gc_cycles": {"median": 12.0, "ci_low": 11.0, "ci_high": 13.0, "n": 2, "unit": "count", "noisy": false},
            "gc_pause_p99_us": {"median": 350.0, "ci_low": 300.0, "ci_high": 400.0, "n": 2, "unit": "us", "noisy": true},
            "gc_pause_max_us": {"median": 900.0, "ci_low": 800.0, "ci_high": 1000.0, "n": 2, "unit": "us", "noisy": false},
            "latency_p99_at_5000_rps_ns": {"median": 2100000.0, "ci_low": null, "ci_high": null, "n": 1, "unit": "ns", "noisy": false},
            "knee_rate_per_s": {"median": 38000.0, "ci_low": null, "ci_high": null, "n": 1, "unit": "req/s", "noisy": false}
          },
          "trials": [
            {"trial": 1,
             "load": {"latency_histogram": {"buckets": [[1000000, 50], [1200000, 30], [2000000, 15], [5000000, 4], [9000000, 1]]},
                      "client": {"saturated": false}},
             "server": {"rss_series": [[0.0, 15000000], [0.05, 15500000], [0.1, 15728640]]},
             "load_points": {"fixed_rates": {"5000": {"reached": true, "latency_p99_ns": 2100000}}}},
            {"trial": 2,
             "load": {"latency_histogram": {"buckets": [[1100000, 60], [1500000, 30], [3000000, 10]]},
                      "client": {"saturated": true}},
             "server": {"rss_series": [[0.0, 14000000], [0.05, 14500000]]}}
          ]
        },
        {
          "id": "rust-axum", "language": "rust", "library": "axum + tokio <&\"|>", "status": "ok",
          "summary": {
            "requests_per_s": {"median": 52000.0, "ci_low": null, "ci_high": null, "n": 1, "unit": "req/s", "noisy": false},
            "latency_p50_ns": {"median": 950000.0, "ci_low": null, "ci_high": null, "n": 1, "unit": "ns", "noisy": false},
            "latency_p99_ns": {"median": 4400000.0, "ci_low": null, "ci_high": null, "n": 1, "unit": "ns", "noisy": false},
            "errors": {"median": 3.0, "ci_low": null, "ci_high": null, "n": 1, "unit": "count", "noisy": false},
            "rss_peak_bytes": {"median": 5476352.0, "ci_low": null, "ci_high": null, "n": 1, "unit": "bytes", "noisy": false},
            "rss_idle_bytes": {"median": 3788800.0, "ci_low": null, "ci_high": null, "n": 1, "unit": "bytes", "noisy": false},
            "server_cpu_us_per_request": {"median": 15.87, "ci_low": null, "ci_high": null, "n": 1, "unit": "us", "noisy": false},
            "startup_s": {"median": 0.0083, "ci_low": null, "ci_high": null, "n": 1, "unit": "s", "noisy": false},
            "knee_rate_per_s": {"median": 47000.0, "ci_low": null, "ci_high": null, "n": 1, "unit": "req/s", "noisy": false}
          },
          "trials": [
            {"trial": 1,
             "load": {"latency_histogram": {"buckets": [[800000, 70], [1000000, 25], [4000000, 4], [6000000, 1]]},
                      "client": {"saturated": false}},
             "server": {"rss_series": [[0.0, 5000000], [0.05, 5400000], [0.1, 5476352], [0.15, 5476352]]},
             "load_points": {"fixed_rates": {"5000": {"reached": false}}}}
          ]
        },
        {
          "id": "cpp-beast", "language": "cpp", "library": "Boost.Beast + simdjson", "status": "verify_failed",
          "error": "verification failed: vector 2 <&\"|> expected 200, got 500\nsecond line of the error"
        }
      ],
      "ratios": [
        {"metric": "requests_per_s", "numerator": "rust-axum", "denominator": "go-nethttp", "value": 1.268,
         "ci_low": null, "ci_high": null, "noisy": true},
        {"metric": "latency_p99_ns", "numerator": "rust-axum", "denominator": "go-nethttp", "value": 0.815,
         "ci_low": 0.7, "ci_high": 0.95, "noisy": false}
      ]
    },
    {
      "id": "json-parse", "kind": "batch", "description": "parse a JSON corpus into typed structs",
      "batch": {"warmup": 1, "iterations": 5},
      "implementations": [],
      "tasks": [
        {
          "id": "tweets-typed", "throughput": "bytes",
          "implementations": [
            {"id": "go-encoding-json", "language": "go", "library": "encoding/json", "status": "ok",
             "summary": {
               "throughput_mb_per_s": {"median": 210.5, "ci_low": 200.1, "ci_high": 220.7, "n": 5, "unit": "MB/s (10^6 bytes/s)", "noisy": false},
               "iteration_ns": {"median": 47500000.0, "ci_low": 45300000.0, "ci_high": 50000000.0, "n": 5, "unit": "ns", "noisy": false},
               "process_cpu_s": {"median": 1.25, "ci_low": null, "ci_high": null, "n": 1, "unit": "s", "noisy": false},
               "rss_peak_bytes": {"median": 31457280.0, "ci_low": null, "ci_high": null, "n": 1, "unit": "bytes", "noisy": false}}},
            {"id": "rust-serde-json", "language": "rust", "library": "serde_json", "status": "ok",
             "summary": {
               "throughput_mb_per_s": {"median": 442.0, "ci_low": 380.0, "ci_high": 520.0, "n": 5, "unit": "MB/s (10^6 bytes/s)", "noisy": true},
               "iteration_ns": {"median": 22600000.0, "ci_low": 19200000.0, "ci_high": 26300000.0, "n": 5, "unit": "ns", "noisy": true},
               "process_cpu_s": {"median": 0.61, "ci_low": null, "ci_high": null, "n": 1, "unit": "s", "noisy": false},
               "rss_peak_bytes": {"median": 20971520.0, "ci_low": null, "ci_high": null, "n": 1, "unit": "bytes", "noisy": false}}},
            {"id": "cpp-simdjson", "language": "cpp", "library": "simdjson", "status": "checksum_mismatch",
             "error": "checksum 12 != reference 13"}
          ],
          "ratios": [
            {"metric": "throughput_mb_per_s", "numerator": "rust-serde-json", "denominator": "go-encoding-json",
             "value": 2.1, "ci_low": 1.8, "ci_high": 2.5, "noisy": true}
          ]
        }
      ]
    }
  ],
  "builds": {
    "go-nethttp": {"ok": true, "cold_build_s": 12.5, "incremental_build_s": 1.25, "binary_bytes": 8902918,
                   "binary_stripped_bytes": 6160664, "handler_lines": 77, "toolchain": "go1.22.0",
                   "flags": "CGO_ENABLED=0 go build -trimpath", "libraries": {"go standard library": "go1.22.0"}},
    "rust-axum": {"ok": true, "cold_build_s": 41.0, "incremental_build_s": 3.5, "binary_bytes": 2156528,
                  "binary_stripped_bytes": 1557520, "handler_lines": 35, "toolchain": "rustc 1.80.0",
                  "flags": "cargo build --release [profile.release] lto=false", "libraries": {"axum": "v0.7.5", "tokio": "v1.38.0"}},
    "cpp-beast": {"ok": false, "error": "c++: error: <&\"|> not found\nmore compiler output", "toolchain": "c++ 12.2.0",
                  "libraries": {}}
  },
  "claims": [
    {
      "id": "d002-binary-size", "document": "002.txt", "paraphrase": "Go binaries are 5-15 MB, Rust binaries 1-5 MB.",
      "stated": {"go": "5-15 MB", "rust": "1-5 MB"}, "conditions": "static linking", "verdict": "consistent",
      "detail": "2 of 2 checks consistent",
      "checks": [
        {"label": "stripped size ratio", "workload": "build", "metric": "binary_stripped_bytes", "go": "go-nethttp",
         "rust": "rust-axum", "tolerance": 0.25, "measured": 0.2528, "ci_low": null, "ci_high": null, "ratio_bounds": [0.0667, 1],
         "n": {"go": 1, "rust": 1}, "expected": "rust/go in [0.0667, 1] (tolerance 25%)", "judged": "ratio",
         "verdict": "consistent", "detail": "rust/go 0.2528 (one sample: no interval) within [0.05336, 1.25]"},
        {"label": "Go binary size", "workload": "build", "metric": "binary_bytes", "go": "go-nethttp", "rust": "",
         "tolerance": 0.25, "go_measured": 8902918.0, "expected": "go in [5e+06, 1.5e+07] (tolerance 25%)",
         "judged": "absolute, hardware-bound", "verdict": "consistent",
         "detail": "go 8.903e+06 (one sample: no interval) within [4e+06, 1.875e+07]"}
      ]
    },
    {
      "id": "d000-perf-2-5x", "document": "000.txt",
      "paraphrase": "Rust is 2-5x faster | says the <page> & \"author\"",
      "stated": {"ratio": "2-5x (Rust faster)"}, "conditions": "see https://example.com/a?b=1&c=<2>",
      "verdict": "contradicted", "detail": "1 of 1 checks contradict it",
      "checks": [
        {"label": "JSON API throughput", "workload": "http-json-api", "metric": "latency_p99_ns", "go": "go-nethttp",
         "rust": "rust-axum", "tolerance": 0.25, "measured": 0.815, "ci_low": 0.7, "ci_high": 0.95, "ratio_bounds": [0.2, 0.5],
         "n": {"go": 2, "rust": 1}, "expected": "rust/go in [0.2, 0.5] (tolerance 25%)", "judged": "ratio",
         "verdict": "contradicted", "detail": "rust/go 0.815 (95% CI 0.7 to 0.95) is above [0.16, 0.625], by a factor of 1.12"}
      ]
    },
    {
      "id": "d001-learning-curve", "document": "001.txt", "paraphrase": "Go takes a week to learn, Rust months.",
      "stated": {"go": "a week", "rust": "months"}, "conditions": "", "verdict": "not measured here",
      "detail": "a subjective rating of how hard a language is to learn, not a property of code", "checks": []
    }
  ]
})json");
}

// A trial's whole load report from its buckets: the figures of the histogram they rebuild.
json CompleteLoad(const json& short_load) {
  load::LoadReport report;
  for (const auto& b : short_load.at("latency_histogram").at("buckets")) {
    report.latency_histogram.buckets.push_back({b.at(0).get<int64_t>(), b.at(1).get<int64_t>()});
  }
  report.latency = load::SummaryOf(load::HistogramOf(report.latency_histogram));
  report.requests = static_cast<uint64_t>(report.latency.count);
  report.client.saturated = short_load.at("client").at("saturated").get<bool>();
  return load::LoadReportJson(report);
}

json CompleteLoads(json document) {
  for (auto& w : document["workloads"]) {
    for (auto& impl : w["implementations"]) {
      if (!impl.contains("trials")) continue;
      for (auto& trial : impl["trials"]) trial["load"] = CompleteLoad(trial["load"]);
    }
  }
  return document;
}

json HandBuiltDocument() { return CompleteLoads(HandBuiltText()); }

results::RunResults HandBuiltResults() { return results::ReadResults(HandBuiltDocument()); }

// HTTP: throughput, latency and RSS (its fixed rate records no target, so no P99-by-rate
// chart); the batch family's dot plot and its task's throughput; the claims' forest plot.
constexpr int kChartsInHandBuilt = 6;

fs::path GoldenPath(const std::string& name) { return fs::path(CLAIMBENCH_SOURCE_DIR) / "tests" / "golden" / name; }

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// A unified-looking diff (-golden +actual) with two lines of context, at most `limit` lines.
std::string Diff(const std::string& expected, const std::string& actual, size_t limit = 80) {
  const auto a = Lines(expected), b = Lines(actual);
  // Longest common subsequence of lines, then the edit script from it.
  std::vector<std::vector<int>> lcs(a.size() + 1, std::vector<int>(b.size() + 1, 0));
  for (size_t i = a.size(); i-- > 0;) {
    for (size_t j = b.size(); j-- > 0;) {
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  struct Op {
    char kind;
    size_t line;  // in a for ' ' and '-', in b for '+'
    std::string text;
  };
  std::vector<Op> ops;
  size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && j < b.size() && a[i] == b[j]) {
      ops.push_back({' ', i, a[i]});
      ++i, ++j;
    } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
      ops.push_back({'-', i, a[i]});
      ++i;
    } else {
      ops.push_back({'+', j, b[j]});
      ++j;
    }
  }
  std::vector<bool> shown(ops.size(), false);
  for (size_t k = 0; k < ops.size(); ++k) {
    if (ops[k].kind == ' ') continue;
    for (size_t c = (k >= 2 ? k - 2 : 0); c <= std::min(ops.size() - 1, k + 2); ++c) shown[c] = true;
  }
  std::string out;
  size_t printed = 0;
  bool gap = true;
  for (size_t k = 0; k < ops.size() && printed < limit; ++k) {
    if (!shown[k]) {
      gap = true;
      continue;
    }
    if (gap) out += "@@ golden line " + std::to_string(ops[k].line + 1) + " @@\n";
    gap = false;
    out += ops[k].kind + ops[k].text + "\n";
    ++printed;
  }
  if (printed == limit) out += "... (diff cut at " + std::to_string(limit) + " lines)\n";
  if (expected.size() != actual.size() && out.empty()) out = "(the files differ only in line endings)\n";
  return out;
}

void ExpectMatchesGolden(const std::string& name, const std::string& actual) {
  const fs::path path = GoldenPath(name);
  const char* update = std::getenv("CLAIMBENCH_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << actual;
    std::cerr << "wrote " << path << "\n";
    return;
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << path << " is missing: run this test with CLAIMBENCH_UPDATE_GOLDEN=1 to write it";
  const std::string expected((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (expected == actual) return;
  ADD_FAILURE() << name << " differs from " << path << " (-golden +actual):\n"
                << Diff(expected, actual)
                << "If the change is intended, rerun with CLAIMBENCH_UPDATE_GOLDEN=1 and commit the golden.";
}

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

TEST(ReportSnapshot, Markdown) { ExpectMatchesGolden("report.md", Render("md", HandBuiltResults())); }
TEST(ReportSnapshot, Html) { ExpectMatchesGolden("report.html", Render("html", HandBuiltResults())); }
TEST(ReportSnapshot, ResultsCsv) { ExpectMatchesGolden("results.csv", Render("csv", HandBuiltResults())); }
TEST(ReportSnapshot, ClaimsCsv) { ExpectMatchesGolden("claims.csv", Render("claims-csv", HandBuiltResults())); }

TEST(ReportSnapshot, DiffHintShowsTheChangedLines) {
  std::string diff = Diff("a\nb\nc\nd\n", "a\nb\nX\nd\n");
  EXPECT_EQ(diff, "@@ golden line 1 @@\n a\n b\n-c\n+X\n d\n");
}

TEST(HtmlReport, LoadsNothingFromOutside) {
  const std::string html = Render("html", HandBuiltResults());
  // One inline script (sorting and filtering the tables) and no script from anywhere else.
  const size_t script = html.find("<script>");
  ASSERT_NE(script, std::string::npos);
  EXPECT_EQ(html.find("<script", script + 1), std::string::npos);
  EXPECT_EQ(html.find("<script src"), std::string::npos);
  EXPECT_EQ(html.find("fetch("), std::string::npos);
  EXPECT_EQ(html.find("XMLHttpRequest"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  EXPECT_EQ(html.find("url("), std::string::npos);
  EXPECT_EQ(html.find("src="), std::string::npos);
  EXPECT_EQ(html.find("xmlns"), std::string::npos);
  // Every link is in-page.
  for (size_t at = html.find("href=\""); at != std::string::npos; at = html.find("href=\"", at + 1)) {
    EXPECT_EQ(html[at + 6], '#') << html.substr(at, 60);
  }
  // A URL appears only as text from the results (a claim's conditions), never inside a tag.
  size_t urls = 0;
  for (const char* scheme : {"http://", "https://"}) {
    for (size_t at = html.find(scheme); at != std::string::npos; at = html.find(scheme, at + 1)) {
      ++urls;
      const size_t open = html.rfind('<', at), close = html.rfind('>', at);
      EXPECT_TRUE(close != std::string::npos && (open == std::string::npos || close > open))
          << "a URL inside a tag: " << html.substr(open, at - open + 40);
      const std::string escaped = "https://example.com/a?b=1&amp;c=&lt;2&gt;";
      EXPECT_EQ(html.compare(at, escaped.size(), escaped), 0) << html.substr(at, 60);
    }
  }
  EXPECT_EQ(urls, 1u);
}

TEST(HtmlReport, OneLabelledSvgPerChart) {
  const std::string html = Render("html", HandBuiltResults());
  EXPECT_EQ(Count(html, "<svg"), static_cast<size_t>(kChartsInHandBuilt));
  for (size_t at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1)) {
    const std::string tag = html.substr(at, html.find('>', at) - at + 1);
    const size_t label = tag.find("aria-label=\"");
    ASSERT_NE(label, std::string::npos) << tag;
    EXPECT_NE(tag[label + 12], '"') << "empty aria-label: " << tag;
    EXPECT_NE(tag.find("role=\"img\""), std::string::npos) << tag;
    EXPECT_EQ(html.compare(at + tag.size(), 8, "\n<title>"), 0) << tag;
  }
  EXPECT_EQ(Count(html, "</svg>"), static_cast<size_t>(kChartsInHandBuilt));
}

TEST(HtmlReport, EscapesEveryStringFromTheResults) {
  const std::string html = Render("html", HandBuiltResults());
  EXPECT_EQ(html.find("<&\"|>"), std::string::npos);
  EXPECT_EQ(html.find("<b>markup</b>"), std::string::npos);
  EXPECT_EQ(html.find("<page>"), std::string::npos);
  EXPECT_NE(html.find("axum + tokio &lt;&amp;&quot;|&gt;"), std::string::npos);
  EXPECT_NE(html.find("Test CPU &lt;&amp;&quot;|&gt; &#39;x&#39;"), std::string::npos);
  EXPECT_NE(html.find("&lt;b&gt;markup&lt;/b&gt;"), std::string::npos);
}

TEST(HtmlReport, ShowsVerdictBadgesAndFailures) {
  const std::string html = Render("html", HandBuiltResults());
  for (const char* badge : {"badge v-consistent", "badge v-contradicted", "badge v-not-measured"}) {
    EXPECT_NE(html.find(badge), std::string::npos) << badge;
  }
  EXPECT_NE(html.find("failed: verification failed: vector 2 &lt;&amp;&quot;|&gt; expected 200, got 500"),
            std::string::npos);
  EXPECT_EQ(html.find("second line of the error"), std::string::npos);  // the first line only
}

// Splits a Markdown table row at unescaped pipes.
size_t MarkdownColumns(const std::string& row) {
  size_t pipes = 0;
  for (size_t i = 0; i < row.size(); ++i) {
    if (row[i] == '\\') {
      ++i;
      continue;
    }
    pipes += row[i] == '|';
  }
  return pipes - 1;
}

TEST(MarkdownReport, EveryTableRowHasItsHeaderColumnCount) {
  const auto lines = Lines(Render("md", HandBuiltResults()));
  size_t tables = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!lines[i].starts_with("|")) continue;
    ++tables;
    const size_t columns = MarkdownColumns(lines[i]);
    ASSERT_LT(i + 1, lines.size());
    EXPECT_TRUE(lines[i + 1].starts_with("|---")) << lines[i + 1];
    for (; i < lines.size() && lines[i].starts_with("|"); ++i) {
      EXPECT_EQ(MarkdownColumns(lines[i]), columns) << lines[i];
      EXPECT_TRUE(lines[i].ends_with(" |") || lines[i].ends_with("|")) << lines[i];
    }
  }
  // The headline, the articles' counts and their judged ratios, then HTTP, load points,
  // batch task, builds, judged claims, claims not measured.
  EXPECT_EQ(tables, 9u);
}

TEST(MarkdownReport, EscapesPipesAndMarkup) {
  const std::string md = Render("md", HandBuiltResults());
  EXPECT_NE(md.find("axum + tokio &lt;&amp;\"\\|&gt;"), std::string::npos);
  EXPECT_NE(md.find("Rust is 2-5x faster \\| says the &lt;page&gt; &amp; \"author\""), std::string::npos);
  EXPECT_EQ(md.find("<b>"), std::string::npos);
}

TEST(MarkdownReport, MarksNoisyCellsAndShowsMissingCisAsTheMedianAlone) {
  const std::string md = Render("md", HandBuiltResults());
  // The marker is escaped: GitHub strikes through text between two bare tildes.
  EXPECT_NE(md.find("| 41,000 [36,000, 46,000]\\~ |"), std::string::npos);  // noisy, with its CI
  EXPECT_NE(md.find("| 52,000 |"), std::string::npos);                       // one trial: no CI
  EXPECT_NE(md.find("\\~ marks a noisy figure"), std::string::npos);
  EXPECT_NE(md.find("req/s 1.27\\~"), std::string::npos);  // a ratio without a CI
  EXPECT_NE(md.find("3 claims: 1 consistent, 1 contradicted, 0 mixed, 0 inconclusive, 1 not measured here."), std::string::npos);
}

// The reader refuses a mistyped field and names where it is; reports never see it.
void ExpectRefusedAt(const json& document, const std::string& path) {
  try {
    results::ReadResults(document);
    ADD_FAILURE() << "no error for " << path;
  } catch (const JsonFormatError& e) {
    EXPECT_EQ(e.path(), path) << e.what();
  }
}

TEST(Reports, MistypedFieldsAreRefusedByTheReaderNamingThePath) {
  json doc = HandBuiltDocument();
  doc["workloads"][0]["implementations"][0]["status"] = "failed";  // not a status
  ExpectRefusedAt(doc, "/workloads/0/implementations/0/status");
  doc["workloads"][0]["implementations"][0]["status"] = 7;
  ExpectRefusedAt(doc, "/workloads/0/implementations/0/status");

  doc = HandBuiltDocument();
  doc["workloads"][0]["implementations"][1]["summary"][stats::metric::kRequestsPerS]["median"] = "fast";
  ExpectRefusedAt(doc, "/workloads/0/implementations/1/summary/requests_per_s/median");

  doc = HandBuiltDocument();
  doc["workloads"][1]["tasks"][0]["implementations"][2]["status"] = "checksum mismatch";
  ExpectRefusedAt(doc, "/workloads/1/tasks/0/implementations/2/status");

  doc = HandBuiltDocument();
  doc["claims"][0]["checks"][1]["verdict"] = "fine";
  ExpectRefusedAt(doc, "/claims/0/checks/1/verdict");
}

// What a file may lack (summaries, trials, a library, the claims) renders as "-" or is left out.
TEST(Reports, MissingOptionalFieldsRenderAsDash) {
  const results::RunResults r = results::ReadResults(json::parse(R"({
    "schema_version": 2, "run_id": "r", "suite": "quick",
    "workloads": [
      {"id": "w", "kind": "http",
       "load": {"connections": 8, "warmup_s": 1, "duration_s": 2, "repeat": 1, "fixed_rates": [5000]},
       "implementations": [
         {"id": "a", "status": "verify_failed"},
         {"id": "b", "status": "ok",
          "summary": {"requests_per_s": {"median": 5}, "rss_idle_bytes": {"median": 1048576}}}]},
      {"id": "j", "kind": "batch", "tasks": [{"id": "t", "implementations": [{"id": "x", "status": "ok"}]}]}]})"));
  for (const std::string& format : Formats()) EXPECT_NO_THROW(Render(format, r)) << format;
  const std::string md = Render("md", r);
  EXPECT_NE(md.find("| a | - | - | - | - | - | - | - | - | verify_failed |"), std::string::npos) << md;
  EXPECT_NE(md.find("| b | - | 5 | - | - | - | - | - | - | ok |"), std::string::npos) << md;
  EXPECT_NE(md.find("| b | 1.00 MiB | - | - | - | - | - |"), std::string::npos) << md;  // load points
  EXPECT_NE(md.find("| x | - | - | - | - | ok |"), std::string::npos) << md;
  EXPECT_EQ(md.find("## Claims"), std::string::npos) << md;
  EXPECT_EQ(Render("claims", r), "");
}

// A rate added to a workload's plan is a metric of the registry: its P99 is reported in
// results.csv, report.md and report.html with no code change.
TEST(Reports, ARateAddedToThePlanIsReportedEverywhere) {
  json doc = HandBuiltDocument();
  json& workload = doc["workloads"][0];
  workload["load"]["fixed_rates"].push_back(12500.0);
  const std::string metric = stats::metric::LatencyP99AtRate(12500);
  workload["implementations"][0]["summary"][metric] = {{"median", 3300000.0}, {"n", 1}, {"unit", "ns"}};
  workload["implementations"][0]["trials"][0]["load_points"]["fixed_rates"]["12500"] = {{"reached", true},
                                                                                        {"latency_p99_ns", 3300000}};
  workload["implementations"][1]["trials"][0]["load_points"]["fixed_rates"]["12500"] = {{"reached", false}};
  const results::RunResults r = results::ReadResults(doc);
  EXPECT_NE(Render("csv", r).find("http-json-api,go-nethttp," + metric + ",ns,3300000,,"), std::string::npos);
  const std::string md = Render("md", r);
  EXPECT_NE(md.find("| implementation | idle RSS | p99 at 5000 req/s | p99 at 12500 req/s | knee req/s |"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("| go-nethttp | 6.00 MiB | 2.10 ms | 3.30 ms | 38,000 |"), std::string::npos) << md;
  EXPECT_NE(md.find("| rust-axum | 3.61 MiB | not reached | not reached | 47,000 |"), std::string::npos) << md;
  const std::string html = Render("html", r);
  EXPECT_NE(html.find("<th class=\"num\">p99 at 12500 req/s</th>"), std::string::npos);
  EXPECT_NE(html.find("<td class=\"num\">3.30 ms</td>"), std::string::npos);
}

// The two p99s the reports show are labelled: the tables' is a median of per-trial
// percentiles, the chart's is read from the trials' histograms pooled.
TEST(Reports, SayHowManyChecksWereJudgedAndWhatChanceAllows) {
  results::RunResults r = HandBuiltResults();
  r.claims_family = results::ClaimsFamily{results::Adjustment::kNone, 0.95, 40};
  const std::string md = Render("md", r);
  EXPECT_NE(md.find("40 checks had a measurement, each judged with its own 95% interval: if every claim were true, "
                    "about 2.0 of them could still come out contradicted by chance"),
            std::string::npos)
      << md;
  r.claims_family = results::ClaimsFamily{results::Adjustment::kBonferroni, 1 - 0.05 / 40, 40};
  const std::string html = Render("html", r);
  EXPECT_NE(html.find("judged with Bonferroni-adjusted intervals (each at 99.88%)"), std::string::npos);
}

TEST(Reports, SayWhichP99TheyShow) {
  const results::RunResults r = HandBuiltResults();
  for (const char* format : {"md", "html", "table"}) {
    EXPECT_NE(Render(format, r).find("p50, p99: medians of per-trial percentiles"), std::string::npos) << format;
  }
  const Chart chart = LatencySpectrumChart(*r.workloads[0].http());
  EXPECT_NE(chart.caption.find("histograms pooled per implementation (go-nethttp 2 trials, 200 responses; rust-axum "
                               "1 trial, 100 responses)"),
            std::string::npos)
      << chart.caption;
}

TEST(Reports, FormatsIncludeMarkdownAndHtml) {
  auto formats = Formats();
  EXPECT_NE(std::find(formats.begin(), formats.end(), "md"), formats.end());
  EXPECT_NE(std::find(formats.begin(), formats.end(), "html"), formats.end());
  try {
    MakeReporter("pdf");
    FAIL() << "no error for an unknown format";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "unknown report format 'pdf' (known: csv, ratios-csv, trials-csv, benchmark-action-bigger, benchmark-action-smaller, table, headline, claims, claims-all, claims-csv, md, html)");
  }
}

TEST(Svg, NiceTicksCoverTheMaximumInRoundSteps) {
  EXPECT_EQ(svg::NiceTicks(17066, 5), (std::vector<double>{0, 5000, 10000, 15000, 20000}));
  const auto fifths = svg::NiceTicks(1, 5);
  ASSERT_EQ(fifths.size(), 6u);
  for (size_t i = 0; i < fifths.size(); ++i) EXPECT_NEAR(fifths[i], 0.2 * static_cast<double>(i), 1e-12);
  EXPECT_EQ(svg::NiceTicks(0, 5), (std::vector<double>{0, 1}));
  EXPECT_EQ(svg::TickLabel(20000), "20000");
  EXPECT_EQ(svg::TickLabel(2.5), "2.5");
  EXPECT_EQ(svg::Escape("<a href='x'>&\"</a>"), "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;");
}

}  // namespace
}  // namespace claimbench::report

namespace claimbench::report {
namespace {

// Verdicts are painted only as whole words, warnings as whole lines; nothing else changes.
TEST(ConsoleColour, PaintsWholeVerdictWordsAndWarningLines) {
  const std::string text = "d1  consistent  rust/go 2.1\n  ! 3 figures are noisy\nnot measured here; inconsistently\n"
                           "mixed-up contradicted";
  EXPECT_EQ(ColourForTerminal(text),
            "d1  \033[32mconsistent\033[0m  rust/go 2.1\n\033[33m  ! 3 figures are noisy\033[0m\n"
            "\033[2mnot measured here\033[0m; inconsistently\nmixed-up \033[31mcontradicted\033[0m");
}

}  // namespace
}  // namespace claimbench::report

namespace claimbench::report {
namespace {

results::Summary SummaryWithSamples(std::vector<double> samples) {
  results::Summary s;
  std::vector<double> sorted = samples;
  std::sort(sorted.begin(), sorted.end());
  s.median = sorted[sorted.size() / 2];
  s.n = static_cast<int64_t>(samples.size());
  s.samples = std::move(samples);
  return s;
}

// Beside each bar, a dot per sample (trial or runner process), each with its tooltip.
TEST(Charts, ABarHasADotPerSample) {
  const results::Summary s = SummaryWithSamples({10, 12, 11, 13, 9, 12});
  const Chart chart = BarChart({{"go-a", "go", &s, ""}}, {"t", "req/s", 1, "req/s"});
  size_t dots = 0;
  for (size_t at = chart.svg.find("<circle"); at != std::string::npos; at = chart.svg.find("<circle", at + 1)) ++dots;
  EXPECT_EQ(dots, 6u) << chart.svg;
  EXPECT_NE(chart.svg.find("<title>go-a sample 4: 13 req/s</title>"), std::string::npos) << chart.svg;
}

// A batch family: a row per task, every implementation in the legend, the fastest at 1x.
TEST(Charts, AFamilyDotPlotNamesEveryImplementationAndPutsTheFastestAtOne) {
  const results::Summary fast = SummaryWithSamples({400}), slow = SummaryWithSamples({40}),
                         middle = SummaryWithSamples({200});
  auto entry = [](const std::string& id, const std::string& language, const results::Summary& s) {
    results::BatchEntry e;
    e.id = id;
    e.language = language;
    e.summary = {{"throughput_mb_per_s", s}};
    return e;
  };
  results::BatchWorkload w;
  w.id = "json-parse";
  results::BatchTaskResult a, b;
  a.id = "tweets";
  a.implementations = {entry("go-a", "go", slow), entry("rust-a", "rust", fast), entry("rust-b", "rust", middle)};
  b.id = "geo";
  b.implementations = {entry("go-a", "go", fast), entry("rust-a", "rust", middle)};
  w.tasks = {a, b};
  const Chart chart = FamilyDotPlot(w);
  for (const char* id : {"go-a", "rust-a", "rust-b"}) {
    EXPECT_NE(chart.svg.find(std::string("class=\"legend\">") + id + "</text>"), std::string::npos) << id;
  }
  EXPECT_NE(chart.svg.find(">tweets</text>"), std::string::npos);
  EXPECT_NE(chart.svg.find(">geo</text>"), std::string::npos);
  EXPECT_NE(chart.svg.find("<title>tweets / go-a: 40 MB/s, 0.1x the fastest</title>"), std::string::npos)
      << chart.svg;
  EXPECT_NE(chart.svg.find("<title>geo / go-a: 400 MB/s, 1x the fastest</title>"), std::string::npos) << chart.svg;
}

// The latency spectrum: one line per implementation, and a faint one per trial behind them.
TEST(Charts, TheLatencySpectrumHasAFaintLinePerTrial) {
  const results::RunResults r = HandBuiltResults();
  const Chart chart = LatencySpectrumChart(*r.workloads[0].http());
  EXPECT_EQ(Count(chart.svg, "stroke-opacity=\"0.30\""), 3u);  // go-nethttp's 2 trials, rust-axum's 1
  EXPECT_EQ(Count(chart.svg, "stroke-width=\"2\""), 4u);        // the pooled lines and their legend samples
  EXPECT_NE(chart.svg.find("latency (ms, log scale)"), std::string::npos);
}

}  // namespace
}  // namespace claimbench::report
