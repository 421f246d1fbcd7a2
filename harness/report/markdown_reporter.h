// report.md: the results as GitHub-flavoured Markdown, fit for a CI job summary: the run
// header, one table per HTTP workload and per batch task with the ratio lines under it,
// the builds, and the claims with their verdicts beside what was measured.
#pragma once

#include <string>

#include "report/reporter.h"
#include "report/tables.h"

namespace claimbench::report {

class MarkdownReporter : public Reporter {
 public:
  std::string Render(const results::RunResults& results) const override;
};

/// `text` safe inside a Markdown table cell or paragraph: "|", "\", "`" and a "]" that would
/// close a link escaped; "<", ">" and "&" as entities (so "Vec<u8>" is not read as an HTML
/// tag); line breaks as spaces.
std::string MarkdownText(const std::string& text);

/// A shared table as a GitHub-flavoured Markdown table (cells escaped), then its notes.
std::string RenderMarkdownTable(const Table& table);

}  // namespace claimbench::report
