// Rendering a comparison.
#include "compare/compare_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "report/markdown_reporter.h"
#include "report/table_reporter.h"
#include "stats/display.h"

namespace claimbench::compare {
namespace {

std::string Ratio(double value) { return fmt::format("{:.3f}x", value); }

std::string SignedPercent(double ratio) { return fmt::format("{:+.1f}%", (ratio - 1) * 100); }

std::string RatioCell(const CellJudgement& j) {
  std::string text = Ratio(j.ratio);
  if (j.ci_low && j.ci_high) text += fmt::format(" [{:.3f}, {:.3f}]", *j.ci_low, *j.ci_high);
  else if (j.exact) text += " (exact)";
  return text;
}

std::string ChangeText(const CellJudgement& j) {
  std::string text(Name(j.change));
  if (j.change == CellChange::kRegression || j.change == CellChange::kImprovement ||
      j.change == CellChange::kUnconfirmed || j.change == CellChange::kWithinFloor) {
    text += " (" + SignedPercent(j.ratio) + ")";
  }
  return text;
}

std::string Samples(const CellJudgement& j) {
  return std::to_string(j.cell.base.samples.size()) + "+" + std::to_string(j.cell.fresh.samples.size());
}

report::Table CellsTable(const ComparisonReport& r, bool every) {
  report::Table t;
  t.columns = {{"workload"}, {"implementation"}, {"metric"}, {"BASE", true}, {"NEW", true},
               {"NEW/BASE [CI]", true}, {"p", true}, {"Holm p", true}, {"min p", true}, {"n", true},
               {"floor", true}, {"change"}};
  for (const auto& j : r.gate.cells) {
    if (!every && j.change == CellChange::kNoChange) continue;
    const auto& m = j.cell.metric;
    auto p = [](const std::optional<double>& v) { return report::Cell{v ? ShowP(*v) : "-"}; };
    t.rows.push_back({{j.cell.key.workload},
                      {j.cell.key.implementation},
                      {j.cell.key.metric},
                      {stats::ShowValue(j.base_median, m)},
                      {stats::ShowValue(j.new_median, m)},
                      {RatioCell(j)},
                      p(j.p),
                      p(j.p_adjusted),
                      p(j.min_p),
                      {Samples(j)},
                      {fmt::format("{:g}%", j.floor * 100)},
                      {ChangeText(j)}});
  }
  for (const auto& j : r.gate.cells) {
    if (!j.reason.empty() && (every || j.change != CellChange::kNoChange)) {
      t.notes.push_back(j.cell.key.Label() + ": " + j.reason);
    }
  }
  return t;
}

std::vector<std::string> StatusLines(const GateResult& gate) {
  std::vector<std::string> out;
  for (const auto& s : gate.lost) {
    out.push_back(fmt::format("{} / {}: ran in BASE, {} in NEW{}", s.workload, s.implementation,
                              results::Name(s.fresh), s.error.empty() ? "" : ": " + s.error.substr(0, s.error.find('\n'))));
  }
  for (const auto& s : gate.regained) {
    out.push_back(fmt::format("{} / {}: {} in BASE, runs in NEW", s.workload, s.implementation, results::Name(s.base)));
  }
  return out;
}

std::string RunLine(const char* role, const RunLabel& run) {
  return fmt::format("{:<4}  {}  (run {}, git {}{}, {} suite)", role, run.file, run.run_id.empty() ? "?" : run.run_id,
                     run.git_sha.empty() ? "?" : run.git_sha.substr(0, 12), run.git_dirty ? "+dirty" : "", run.suite);
}

// "BASE  file  (run ...)", or for a pooled baseline a line saying so and one per run.
std::string BaseLines(const std::vector<RunLabel>& base) {
  if (base.size() == 1) return RunLine("BASE", base.front());
  std::string out = fmt::format("BASE  {} runs pooled (each cell's BASE samples are all of theirs):", base.size());
  for (const auto& run : base) out += "\n    " + RunLine("", run).substr(6);
  return out;
}

std::string MarkdownRun(const RunLabel& run) {
  using report::MarkdownText;
  return "`" + run.file + "` (run " + MarkdownText(run.run_id) + ", git " + MarkdownText(run.git_sha.substr(0, 12)) +
         ", " + run.suite + " suite)";
}

std::string FamilyLine(const GateResult& g) {
  std::string line = fmt::format(
      "{} cells compared; {} tested together (Mann-Whitney, Holm at alpha {:g}), {} of which could be flagged with "
      "their sample sizes",
      g.cells.size(), g.family, g.alpha, g.reachable);
  if (g.family > 0 && g.reachable < g.family) {
    line += fmt::format(" (every cell needs {} samples a side in a family of {})", g.samples_needed, g.family);
  }
  return line;
}

std::string Counts(const GateResult& g) {
  std::string out;
  for (CellChange c : {CellChange::kRegression, CellChange::kUnconfirmed, CellChange::kImprovement,
                       CellChange::kWithinFloor, CellChange::kBimodal, CellChange::kTooFewSamples, CellChange::kNoChange}) {
    if (int n = g.Count(c)) out += (out.empty() ? "" : ", ") + std::to_string(n) + " " + std::string(Name(c));
  }
  return out;
}

std::string Text(const ComparisonReport& r) {
  std::string out = "claimbench compare\n  " + BaseLines(r.base) + "\n  " + RunLine("NEW", r.fresh) + "\n";
  for (const auto& w : r.warnings) out += "warning: " + w + "\n";
  for (const auto& s : r.only_in_base) out += "only in BASE (not compared): " + s + "\n";
  for (const auto& s : r.only_in_new) out += "only in NEW (not compared): " + s + "\n";
  for (const auto& s : r.not_positive) out += "not compared (a zero or negative value): " + s + "\n";
  for (const auto& s : r.not_compared) out += "not compared: " + s + "\n";
  for (const auto& s : StatusLines(r.gate)) out += s + "\n";
  out += "\n";
  report::Table cells = CellsTable(r, r.all_cells);
  if (!cells.rows.empty()) out += report::RenderTextTable(cells, "  ") + "\n";
  out += FamilyLine(r.gate) + "\n";
  out += "cells: " + Counts(r.gate) + (r.confirmed ? " (flagged cells measured again)" : "") + "\n";
  return out + VerdictLine(r.gate) + "\n";
}

std::string Markdown(const ComparisonReport& r) {
  using report::MarkdownText;
  std::string out = "## claimbench compare\n\n**" + MarkdownText(VerdictLine(r.gate)) + "**\n\n";
  if (r.base.size() == 1) {
    out += "- BASE: " + MarkdownRun(r.base.front()) + "\n";
  } else {
    out += "- BASE: " + std::to_string(r.base.size()) + " runs pooled\n";
    for (const auto& run : r.base) out += "  - " + MarkdownRun(run) + "\n";
  }
  out += "- NEW: " + MarkdownRun(r.fresh) + "\n";
  out += "- " + MarkdownText(FamilyLine(r.gate)) + "\n- " + MarkdownText("cells: " + Counts(r.gate)) + "\n\n";
  for (const auto& w : r.warnings) out += "> warning: " + MarkdownText(w) + "\n>\n";
  for (const auto& s : StatusLines(r.gate)) out += "- " + MarkdownText(s) + "\n";
  for (const auto& s : r.not_compared) out += "- not compared: " + MarkdownText(s) + "\n";
  report::Table changed = CellsTable(r, r.all_cells);
  if (!changed.rows.empty()) out += "\n" + report::RenderMarkdownTable(changed);
  if (!r.all_cells) {
    report::Table every = CellsTable(r, true);
    out += "<details><summary>Every cell (" + std::to_string(every.rows.size()) + ")</summary>\n\n" +
           report::RenderMarkdownTable(every) + "</details>\n";
  }
  return out;
}

nlohmann::json OptionalNumber(const std::optional<double>& v) { return v ? nlohmann::json(*v) : nlohmann::json(); }

std::string Json(const ComparisonReport& r) {
  using nlohmann::json;
  auto run = [](const RunLabel& l) {
    return json{{"file", l.file}, {"run_id", l.run_id}, {"git_sha", l.git_sha}, {"git_dirty", l.git_dirty}, {"suite", l.suite}};
  };
  json cells = json::array();
  for (const auto& j : r.gate.cells) {
    cells.push_back({{"workload", j.cell.key.workload},
                     {"implementation", j.cell.key.implementation},
                     {"metric", j.cell.key.metric},
                     {"unit", j.cell.metric.unit},
                     {"higher_is_better", j.cell.metric.HigherIsBetter()},
                     {"exact", j.exact},
                     {"base_median", j.base_median},
                     {"new_median", j.new_median},
                     {"base_samples", j.cell.base.samples},
                     {"new_samples", j.cell.fresh.samples},
                     {"ratio", j.ratio},
                     {"ci_low", OptionalNumber(j.ci_low)},
                     {"ci_high", OptionalNumber(j.ci_high)},
                     {"p", OptionalNumber(j.p)},
                     {"p_adjusted", OptionalNumber(j.p_adjusted)},
                     {"min_p", OptionalNumber(j.min_p)},
                     {"floor", j.floor},
                     {"in_family", j.in_family},
                     {"reachable", j.reachable},
                     {"change", std::string(Name(j.change))},
                     {"reason", j.reason}});
  }
  json status = json::array();
  for (const auto& s : r.gate.lost) {
    status.push_back({{"workload", s.workload}, {"implementation", s.implementation}, {"base", std::string(results::Name(s.base))},
                      {"new", std::string(results::Name(s.fresh))}, {"error", s.error}, {"change", "regression"}});
  }
  for (const auto& s : r.gate.regained) {
    status.push_back({{"workload", s.workload}, {"implementation", s.implementation}, {"base", std::string(results::Name(s.base))},
                      {"new", std::string(results::Name(s.fresh))}, {"error", s.error}, {"change", "runs again"}});
  }
  json base_runs = json::array();
  for (const auto& l : r.base) base_runs.push_back(run(l));
  json out = {{"base", r.base.size() == 1 ? run(r.base.front()) : json()},
              {"base_runs", base_runs},
              {"new", run(r.fresh)},
              {"alpha", r.gate.alpha},
              {"family", r.gate.family},
              {"reachable", r.gate.reachable},
              {"samples_needed", r.gate.samples_needed},
              {"regressed", r.gate.Regressed()},
              {"confirmed", r.confirmed},
              {"verdict", VerdictLine(r.gate)},
              {"warnings", r.warnings},
              {"only_in_base", r.only_in_base},
              {"only_in_new", r.only_in_new},
              {"not_positive", r.not_positive},
              {"not_compared", r.not_compared},
              {"status_changes", status},
              {"cells", cells}};
  return out.dump(2) + "\n";
}

}  // namespace

std::optional<CompareFormat> ParseCompareFormat(std::string_view text) {
  if (text == "text") return CompareFormat::kText;
  if (text == "md") return CompareFormat::kMarkdown;
  if (text == "json") return CompareFormat::kJson;
  return std::nullopt;
}

RunLabel LabelOf(const std::string& file, const results::RunResults& run) {
  return {file, run.run_id, run.context.git_sha, run.context.git_dirty, std::string(results::Name(run.suite))};
}

std::string RenderComparison(const ComparisonReport& report, CompareFormat format) {
  switch (format) {
    case CompareFormat::kText: return Text(report);
    case CompareFormat::kMarkdown: return Markdown(report);
    case CompareFormat::kJson: return Json(report);
  }
  return "";
}

std::string VerdictLine(const GateResult& gate) {
  std::vector<std::string> named;
  for (const auto& s : gate.lost) {
    named.push_back(fmt::format("{} / {} {} in NEW", s.workload, s.implementation, results::Name(s.fresh)));
  }
  for (const auto& j : gate.cells) {
    if (j.change != CellChange::kRegression) continue;
    std::string size = SignedPercent(j.ratio) + (j.ci_low && j.ci_high ? fmt::format(" [{:+.1f}%, {:+.1f}%]",
                                                                                    (*j.ci_low - 1) * 100,
                                                                                    (*j.ci_high - 1) * 100)
                                                                      : std::string(" (exact)"));
    std::string p = j.p_adjusted ? ", Holm p " + ShowP(*j.p_adjusted) : "";
    named.push_back(j.cell.key.Label() + " " + size + p);
  }
  if (!named.empty()) {
    std::string out = fmt::format("REGRESSION ({}): ", named.size());
    for (size_t i = 0; i < named.size(); ++i) out += (i ? "; " : "") + named[i];
    return out;
  }
  return fmt::format("no regression: {} cells compared, {} could be flagged", gate.cells.size() + gate.lost.size(),
                     gate.reachable + static_cast<int>(std::count_if(gate.cells.begin(), gate.cells.end(),
                                                                      [](const auto& j) { return j.exact; })));
}

}  // namespace claimbench::compare
