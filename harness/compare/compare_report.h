// What `claimbench compare` prints: the two runs, the warnings, the cells that changed (or
// every cell), the Holm family's size and power, and one verdict line last. Text for a
// terminal, Markdown for a CI job summary, JSON for tools.
#pragma once

#include <string>
#include <vector>

#include "compare/compare_cells.h"
#include "compare/gate.h"
#include "results/model.h"

namespace claimbench::compare {

enum class CompareFormat { kText, kMarkdown, kJson };

/// "text", "md" or "json"; nullopt otherwise.
std::optional<CompareFormat> ParseCompareFormat(std::string_view text);

struct RunLabel {
  std::string file;
  std::string run_id;
  std::string git_sha;
  bool git_dirty = false;
  std::string suite;
};
RunLabel LabelOf(const std::string& file, const results::RunResults& run);

struct ComparisonReport {
  std::vector<RunLabel> base;  ///< one run, or a baseline's runs pooled (oldest first)
  RunLabel fresh;
  std::vector<std::string> warnings;
  GateResult gate;
  std::vector<std::string> only_in_base;
  std::vector<std::string> only_in_new;
  std::vector<std::string> not_positive;
  std::vector<std::string> not_compared;  ///< each with why (compare_cells.h)
  bool confirmed = false;  ///< flagged cells were measured again (`--confirm`)
  bool all_cells = false;  ///< list every cell, not only those that are not "no change"
};

std::string RenderComparison(const ComparisonReport& report, CompareFormat format);

/// The last line: "REGRESSION: ..." naming each regressed cell and its size, or "no
/// regression: ...", with the family's size and how many of its cells could be flagged.
std::string VerdictLine(const GateResult& gate);

}  // namespace claimbench::compare
