// The CSV and JSON exports. RFC 4180 quoting.
//  - results.csv: long format, one row per workload x implementation x metric, with units:
//    run_id,workload,implementation,metric,unit,value,ci_low,ci_high,n,min,max,noisy,
//    language,library. Build figures use the workload name "build".
//  - ratios.csv: every ratio of medians (Rust/Go, C++/Rust) with its interval.
//  - trials.csv: every sample behind every summary (a trial, a runner process, a startup).
//  - benchmark-action-bigger.json / -smaller.json: github-action-benchmark's
//    customBiggerIsBetter / customSmallerIsBetter formats, so existing CI charts can plot
//    claimbench's medians (one entry per workload x implementation x metric).
#pragma once

#include "report/reporter.h"

namespace claimbench::report {

class CsvReporter : public Reporter {
 public:
  std::string Render(const results::RunResults& results) const override;
};

class RatiosCsvReporter : public Reporter {
 public:
  std::string Render(const results::RunResults& results) const override;
};

class TrialsCsvReporter : public Reporter {
 public:
  std::string Render(const results::RunResults& results) const override;
};

/// github-action-benchmark's custom JSON: the metrics where a bigger (or smaller) value is
/// better.
class BenchmarkActionReporter : public Reporter {
 public:
  explicit BenchmarkActionReporter(bool bigger_is_better) : bigger_(bigger_is_better) {}
  std::string Render(const results::RunResults& results) const override;

 private:
  bool bigger_;
};

/// Quotes a field when it holds a comma, quote or line break (RFC 4180).
std::string CsvField(const std::string& text);

}  // namespace claimbench::report
