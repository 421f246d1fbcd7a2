// report.html: one self-contained page (inline CSS and SVG, no script, no external URL):
// the run header, the same tables as report.md, charts drawn here (throughput with CI
// whiskers, latency percentile spectra, RSS over time), and the claims side by side with
// what was measured, each with a coloured verdict badge.
#pragma once

#include <string>

#include "report/reporter.h"

namespace claimbench::report {

class HtmlReporter : public Reporter {
 public:
  std::string Render(const results::RunResults& results) const override;
};

}  // namespace claimbench::report
