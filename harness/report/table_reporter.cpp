// Fixed-width text rendering of the shared tables (report/tables.h), for the terminal: the
// same figures as report.md, medians with their 95% intervals and the "~" of noisy cells,
// without the long descriptive columns (library, toolchain, flags) a terminal cannot fit.
#include "report/table_reporter.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "report/headline.h"
#include "report/tables.h"

namespace claimbench::report {
namespace {

// Columns left to report.md and report.html.
const std::set<std::string> kWideColumns = {"library", "libraries", "toolchain", "flags"};

// Display width: code points, so "µs" is two columns (every other glyph used is one wide).
size_t Width(const std::string& text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string Pad(const std::string& text, size_t width, bool right) {
  const std::string fill(width > Width(text) ? width - Width(text) : 0, ' ');
  return right ? fill + text : text + fill;
}

std::string CellText(const Cell& cell) {
  std::string text = cell.text.empty() ? "-" : cell.text;
  return cell.noisy ? text + "~" : text;
}

std::string TextTable(const Table& table, const std::string& indent) {
  if (table.rows.empty()) return "";
  std::vector<size_t> shown, widths;
  for (size_t c = 0; c < table.columns.size(); ++c) {
    if (kWideColumns.count(table.columns[c].name)) continue;
    size_t width = Width(table.columns[c].name);
    for (const auto& row : table.rows) width = std::max(width, Width(CellText(row[c])));
    shown.push_back(c);
    widths.push_back(width);
  }
  auto line = [&](auto text_of) {
    std::string out;
    for (size_t i = 0; i < shown.size(); ++i) {
      const bool last = i + 1 == shown.size();
      const bool right = table.columns[shown[i]].numeric;
      out += (i == 0 ? indent : "  ") + (last && !right ? text_of(shown[i]) : Pad(text_of(shown[i]), widths[i], right));
    }
    return out + "\n";
  };
  std::string out = line([&](size_t c) { return table.columns[c].name; });
  for (const auto& row : table.rows) out += line([&](size_t c) { return CellText(row[c]); });
  for (const auto& note : table.notes) {
    if (note != kNoisyLegend) out += indent + "(" + note + ")\n";  // the legend is printed once, at the end
  }
  return out;
}

std::string Ratios(const std::vector<results::Ratio>& ratios, const stats::MetricRegistry& registry,
                   const std::string& indent) {
  auto lines = RatioLines(ratios, registry);
  if (lines.empty()) return "";
  size_t width = 0;
  for (const auto& line : lines) width = std::max(width, Width(line.pair));
  std::string out = indent + "ratios of medians (numerator / denominator) [95% CI]:\n";
  for (const auto& line : lines) {
    std::string items;
    for (const auto& item : line.items) items += (items.empty() ? "" : ", ") + CellText(item);
    out += indent + Pad(line.pair, width, false) + "  " + items + "\n";
  }
  return out;
}

}  // namespace

std::string RenderTextTable(const Table& table, const std::string& indent) { return TextTable(table, indent); }

std::string TableReporter::Render(const results::RunResults& results) const {
  const stats::MetricRegistry registry = stats::MetricRegistry::ForResults(results);
  std::string out;
  for (const auto& w : results.workloads) {
    if (const results::BatchWorkload* batch = w.batch()) {
      out += batch->id + ": " + BatchLine(*batch) + "\n";
      for (const auto& task : batch->tasks) {
        out += "  " + task.id + "\n";
        out += TextTable(BatchTaskTable(task, registry), "    ") + Ratios(task.ratios.value_or(std::vector<results::Ratio>{}), registry, "    ");
      }
      continue;
    }
    const results::HttpWorkload& http = *w.http();
    out += http.id + ": " + HttpLoadLine(http) + "\n";
    out += TextTable(HttpTable(http, registry), "  ") + TextTable(LoadPointsTable(http, registry), "  ") +
           Ratios(http.ratios.value_or(std::vector<results::Ratio>{}), registry, "  ");
  }
  Table builds = BuildsTable(results.builds, registry);
  if (!builds.rows.empty()) out += "builds\n" + TextTable(builds, "  ");
  if (out.find('~') != std::string::npos) out += std::string("(") + kNoisyLegend + ")\n";
  return out;
}

std::string HeadlineReporter::Render(const results::RunResults& results) const {
  std::string out;
  Table headline = HeadlineTable(results);
  if (!headline.rows.empty()) out += "Go or Rust, on this machine:\n" + TextTable(headline, "  ");
  Table articles = ArticleTable(results);
  if (!articles.rows.empty()) out += "The articles' claims:\n" + TextTable(articles, "  ");
  for (const auto& warning : HeadlineWarnings(results)) out += "  ! " + warning + "\n";
  return out;
}

}  // namespace claimbench::report
