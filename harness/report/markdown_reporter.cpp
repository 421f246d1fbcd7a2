// Markdown rendering of the shared tables.
#include "report/markdown_reporter.h"

#include <fmt/format.h>

#include "report/headline.h"
#include "report/tables.h"

namespace claimbench::report {

std::string MarkdownText(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const char next = i + 1 < text.size() ? text[i + 1] : '\0';
    switch (c) {
      case '|': out += "\\|"; break;
      case '\\': out += "\\\\"; break;
      case '`': out += "\\`"; break;
      // GitHub renders text between single tildes struck through: "0.5~, peak RSS 0.6~".
      case '~': out += "\\~"; break;
      // Only "](", "][" and "]:" make a link or a link definition of bracketed text:
      // "[0.2, 0.5]" stays as it reads.
      case ']': out += next == '(' || next == '[' || next == ':' ? "\\]" : "]"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '\r': break;
      case '\n': out += ' '; break;
      default: out += c;
    }
  }
  return out;
}

namespace {

using results::Verdict;

std::string CellText(const Cell& cell) {
  std::string text = MarkdownText(cell.text);
  if (text.empty()) text = "-";
  return cell.noisy ? text + "\\~" : text;
}

std::string MarkdownTable(const Table& table) {
  if (table.rows.empty()) return "";
  std::string out = "|", rule = "|";
  for (const auto& c : table.columns) {
    out += " " + MarkdownText(c.name) + " |";
    rule += c.numeric ? "---:|" : "---|";
  }
  out += "\n" + rule + "\n";
  for (const auto& row : table.rows) {
    out += "|";
    for (const auto& cell : row) out += " " + CellText(cell) + " |";
    out += "\n";
  }
  out += "\n";
  for (const auto& note : table.notes) out += MarkdownText(note) + "\n\n";
  return out;
}

std::string Ratios(const std::vector<results::Ratio>& ratios, const stats::MetricRegistry& registry) {
  auto lines = RatioLines(ratios, registry);
  if (lines.empty()) return "";
  std::string out = "Ratios of medians (numerator / denominator) [95% CI]:\n\n";
  for (const auto& line : lines) {
    std::string items;
    for (const auto& item : line.items) items += (items.empty() ? "" : ", ") + CellText(item);
    out += "- " + MarkdownText(line.pair) + ": " + items + "\n";
  }
  return out + "\n";
}

std::string Paragraph(const std::string& text) { return text.empty() ? "" : MarkdownText(text) + "\n\n"; }

std::string HttpSection(const results::HttpWorkload& w, const stats::MetricRegistry& registry) {
  std::string out = "## " + MarkdownText(w.id) + " (HTTP)\n\n";
  out += Paragraph(w.description) + Paragraph(HttpLoadLine(w));
  out += MarkdownTable(HttpTable(w, registry));
  Table points = LoadPointsTable(w, registry);
  if (!points.rows.empty()) out += "Further load points:\n\n" + MarkdownTable(points);
  return out + Ratios(w.ratios.value_or(std::vector<results::Ratio>{}), registry);
}

std::string BatchSection(const results::BatchWorkload& w, const stats::MetricRegistry& registry) {
  std::string out = "## " + MarkdownText(w.id) + " (batch)\n\n";
  out += Paragraph(w.description) + Paragraph(BatchLine(w));
  for (const auto& task : w.tasks) {
    out += "### " + MarkdownText(w.id + " / " + task.id) + "\n\n";
    out += MarkdownTable(BatchTaskTable(task, registry)) + Ratios(task.ratios.value_or(std::vector<results::Ratio>{}), registry);
  }
  return out;
}

// One check as a line of its claim's cell: what was measured beside what was expected.
std::string CheckLine(const CheckView& k) {
  std::string out = "**" + MarkdownText(k.label) + "**";
  if (!k.where.empty()) out += " (" + MarkdownText(k.where) + ")";
  const std::string verdict = MarkdownText(std::string(results::Name(k.verdict)));
  if (k.verdict == Verdict::kNotMeasured) return out + ": " + verdict + ": " + MarkdownText(k.detail);
  out += ": measured " + (k.measured.empty() ? "-" : MarkdownText(k.measured));
  if (!k.expected.empty()) out += " vs expected " + MarkdownText(k.expected);
  out += ": " + verdict;
  // The direction and size of a contradiction, or what an interval straddles.
  if (k.verdict != Verdict::kConsistent && !k.detail.empty()) out += " (" + MarkdownText(k.detail) + ")";
  return out;
}

std::string ClaimsSection(const std::vector<ClaimView>& claims, const std::string& family) {
  std::string out = "## Claims\n\n" + MarkdownText(VerdictCounts(claims)) + ".\n\n";
  if (!family.empty()) out += MarkdownText(family) + "\n\n";
  Table not_measured;
  not_measured.columns = {{"claim"}, {"document"}, {"paraphrase"}, {"stated"}, {"reason"}};
  std::string rows;
  for (const auto& c : claims) {
    if (c.verdict == Verdict::kNotMeasured) {
      not_measured.rows.push_back({{c.id}, {c.document}, {c.paraphrase}, {c.stated}, {c.reason}});
      continue;
    }
    // The checks cell holds Markdown of its own (bold labels, <br> between checks), so the
    // row is written here rather than through MarkdownTable's escaping.
    std::string checks;
    for (const auto& k : c.checks) checks += (checks.empty() ? "" : "<br>") + CheckLine(k);
    if (checks.empty()) checks = MarkdownText(c.detail);
    rows += "| " + MarkdownText(c.id) + " | " + MarkdownText(c.document) + " | " + MarkdownText(c.paraphrase) + " | " +
            MarkdownText(c.stated) + " | " + MarkdownText(std::string(results::Name(c.verdict))) + " | " +
            (checks.empty() ? "-" : checks) + " |\n";
  }
  if (!rows.empty()) {
    out += "### Judged on this run\n\n| claim | document | paraphrase | stated | verdict | measured vs expected |\n"
           "|---|---|---|---|---|---|\n" +
           rows + "\n";
  }
  if (!not_measured.rows.empty()) out += "### Not measured here\n\n" + MarkdownTable(not_measured);
  return out;
}

}  // namespace

std::string RenderMarkdownTable(const Table& table) { return MarkdownTable(table); }

std::string MarkdownReporter::Render(const results::RunResults& results) const {
  const stats::MetricRegistry registry = stats::MetricRegistry::ForResults(results);
  std::string out = "# claimbench report\n\n";
  // The answer first: who was faster here, what the articles got right, what to distrust.
  Table headline = HeadlineTable(results);
  if (!headline.rows.empty()) out += "## Go or Rust, on this machine\n\n" + MarkdownTable(headline);
  Table articles = ArticleTable(results);
  if (!articles.rows.empty()) out += "## The articles' claims\n\n" + MarkdownTable(articles);
  Table judged = JudgedRatiosTable(results);
  if (!judged.rows.empty()) out += "Judged Rust/Go ratios, by article:\n\n" + MarkdownTable(judged);
  const std::vector<std::string> warnings = HeadlineWarnings(results);
  if (!warnings.empty()) {
    out += "**Read with care:**\n\n";
    for (const auto& w : warnings) out += "- " + MarkdownText(w) + "\n";
    out += "\n";
  }
  out += "## Run\n\n";
  for (const auto& field : RunHeader(results)) out += "- **" + field.label + "**: " + MarkdownText(field.value) + "\n";
  out += "\n";
  for (const auto& w : results.workloads) {
    out += w.http() ? HttpSection(*w.http(), registry) : BatchSection(*w.batch(), registry);
  }
  Table builds = BuildsTable(results.builds, registry);
  if (!builds.rows.empty()) out += "## Builds\n\n" + MarkdownTable(builds);
  auto claims = Claims(results);
  if (!claims.empty()) out += ClaimsSection(claims, FamilyNote(results));
  // One trailing newline.
  while (out.size() > 1 && out.ends_with("\n\n")) out.pop_back();
  return out;
}

}  // namespace claimbench::report
