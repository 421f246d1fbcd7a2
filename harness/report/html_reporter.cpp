// HTML rendering of the shared tables, with the charts and the claims.
#include "report/html_reporter.h"

#include <fmt/format.h>

#include <cctype>

#include "report/charts.h"
#include "report/svg.h"
#include "report/tables.h"

namespace claimbench::report {
namespace {

using results::Verdict;
using svg::Escape;

// System fonts only: the page loads nothing.
constexpr const char* kStyle = R"(:root { --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --zebra: #f6f8fa;
  --head: #eef1f4; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--fg); background: #fff; line-height: 1.5; font-size: 15px;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 20px 48px; }
h1 { font-size: 1.8em; margin: 0 0 .6em; }
h2 { font-size: 1.4em; border-bottom: 1px solid var(--border); padding-bottom: .2em; margin-top: 2.2em; }
h3 { font-size: 1.1em; margin-top: 1.6em; }
.kind { font-size: .6em; font-weight: 600; color: var(--muted); border: 1px solid var(--border); border-radius: 4px;
  padding: 1px 6px; vertical-align: middle; margin-left: .4em; }
dl.header { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0 0 1em; }
dl.header dt { font-weight: 600; }
dl.header dd { margin: 0; overflow-wrap: anywhere; }
nav ul { margin: .2em 0; padding-left: 1.2em; columns: 2; }
.table-wrap { overflow-x: auto; margin: .6em 0; }
table { border-collapse: collapse; font-size: .88em; width: 100%; }
th, td { border: 1px solid var(--border); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--head); }
tbody tr:nth-child(even) { background: var(--zebra); }
th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.failed { color: #cf222e; }
.noisy { color: #9a6700; font-weight: 700; }
.note, figcaption, .muted { color: var(--muted); font-size: .86em; }
p.note { margin: .2em 0; }
ul.ratios { margin: .3em 0; padding-left: 1.2em; font-size: .92em; }
ul.ratios li { margin: .15em 0; }
.ratio { white-space: nowrap; margin-right: .9em; }
figure { margin: 1.2em 0; }
svg.chart { max-width: 100%; height: auto; display: block; }
svg.chart text { font-family: inherit; font-size: 12px; fill: #1f2328; }
svg.chart .chart-title { font-size: 14px; font-weight: 600; }
svg.chart .tick { fill: #59636e; font-size: 11px; }
svg.chart .axis-title { fill: #59636e; }
svg.chart .axis { stroke: #59636e; stroke-width: 1; }
svg.chart .grid { stroke: #e6e9ed; stroke-width: 1; }
svg.chart .whisker { stroke: #1f2328; stroke-width: 1.5; }
svg.chart .missing { fill: #cf222e; font-style: italic; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: .8em; font-weight: 600;
  white-space: nowrap; color: #fff; background: #6e7781; }
.v-consistent { background: #1a7f37; }
.v-contradicted { background: #cf222e; }
.v-mixed { background: #8250df; }
.v-inconclusive { background: #d4a72c; color: #1f2328; }
.v-not-measured { background: #6e7781; }
table.claims { table-layout: fixed; min-width: 900px; }
table.claims td { overflow-wrap: anywhere; }
table.claims th:nth-child(1) { width: 16%; }
table.claims th:nth-child(2) { width: 25%; }
table.claims th:nth-child(3) { width: 13%; }
table.claims th:nth-child(4) { width: 13%; }
ul.checks, ul.stated { margin: 0; padding-left: 1.1em; }
ul.checks li { margin-bottom: .35em; }
.detail { color: var(--muted); font-size: .92em; }
footer { margin-top: 3em; color: var(--muted); font-size: .85em; }
)";

// An id for an in-page anchor: letters, digits, '-' and '_' kept, the rest '-'.
std::string Anchor(const std::string& prefix, const std::string& text) {
  std::string out = prefix;
  for (char c : text) {
    out += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') ? c : '-';
  }
  return out;
}

std::string Noisy() { return "<span class=\"noisy\" title=\"noisy: see the note under the table\">~</span>"; }

std::string CellHtml(const Cell& cell) {
  return Escape(cell.text.empty() ? "-" : cell.text) + (cell.noisy ? Noisy() : "");
}

std::string HtmlTable(const Table& table, const std::string& css_class = "") {
  if (table.rows.empty()) return "";
  std::string out = "<div class=\"table-wrap\"><table" + (css_class.empty() ? "" : " class=\"" + css_class + "\"") +
                    ">\n<thead><tr>";
  for (const auto& c : table.columns) out += (c.numeric ? "<th class=\"num\">" : "<th>") + Escape(c.name) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : table.rows) {
    out += "<tr>";
    for (size_t i = 0; i < row.size(); ++i) {
      const bool numeric = i < table.columns.size() && table.columns[i].numeric;
      std::string classes = std::string(numeric ? "num" : "") + (row[i].failed ? (numeric ? " failed" : "failed") : "");
      out += (classes.empty() ? "<td>" : "<td class=\"" + classes + "\">") + CellHtml(row[i]) + "</td>";
    }
    out += "</tr>\n";
  }
  out += "</tbody>\n</table></div>\n";
  for (const auto& note : table.notes) out += "<p class=\"note\">" + Escape(note) + "</p>\n";
  return out;
}

std::string Ratios(const std::vector<results::Ratio>& ratios, const stats::MetricRegistry& registry) {
  auto lines = RatioLines(ratios, registry);
  if (lines.empty()) return "";
  std::string out =
      "<p class=\"note\">Ratios of medians (numerator / denominator) [95% CI]:</p>\n<ul class=\"ratios\">\n";
  for (const auto& line : lines) {
    out += "<li><strong>" + Escape(line.pair) + "</strong>: ";
    // A space between the items: each keeps together, the line breaks between them.
    for (const auto& item : line.items) out += "<span class=\"ratio\">" + CellHtml(item) + "</span> ";
    out += "</li>\n";
  }
  return out + "</ul>\n";
}

std::string Figure(const Chart& chart) {
  if (chart.svg.empty()) return "<p class=\"note\">" + Escape(chart.caption) + "</p>\n";
  return "<figure>\n" + chart.svg + "<figcaption>" + Escape(chart.caption) + "</figcaption>\n</figure>\n";
}

std::string Paragraph(const std::string& text, const char* css_class) {
  return text.empty() ? "" : fmt::format("<p class=\"{}\">{}</p>\n", css_class, Escape(text));
}

std::string HttpSection(const results::HttpWorkload& w, const stats::MetricRegistry& registry) {
  std::string out = "<section id=\"" + Escape(Anchor("w-", w.id)) + "\">\n<h2>" + Escape(w.id) +
                    "<span class=\"kind\">HTTP</span></h2>\n";
  out += Paragraph(w.description, "description") + Paragraph(HttpLoadLine(w), "muted");
  out += HtmlTable(HttpTable(w, registry));
  Table points = LoadPointsTable(w, registry);
  if (!points.rows.empty()) out += "<h3>Further load points</h3>\n" + HtmlTable(points);
  out += Ratios(w.ratios.value_or(std::vector<results::Ratio>{}), registry);
  out += Figure(ThroughputChart(w, w.id)) + Figure(LatencySpectrumChart(w)) + Figure(RssChart(w));
  return out + "</section>\n";
}

std::string BatchSection(const results::BatchWorkload& w, const stats::MetricRegistry& registry) {
  std::string out = "<section id=\"" + Escape(Anchor("w-", w.id)) + "\">\n<h2>" + Escape(w.id) +
                    "<span class=\"kind\">batch</span></h2>\n";
  out += Paragraph(w.description, "description") + Paragraph(BatchLine(w), "muted");
  for (const auto& task : w.tasks) {
    const std::string title = w.id + " / " + task.id;
    out += "<h3 id=\"" + Escape(Anchor("t-", title)) + "\">" + Escape(title) + "</h3>\n";
    out += HtmlTable(BatchTaskTable(task, registry)) + Ratios(task.ratios.value_or(std::vector<results::Ratio>{}), registry) +
           Figure(ThroughputChart(task, title));
  }
  return out + "</section>\n";
}

const char* BadgeClass(Verdict verdict) {
  switch (verdict) {
    case Verdict::kConsistent: return "v-consistent";
    case Verdict::kContradicted: return "v-contradicted";
    case Verdict::kMixed: return "v-mixed";
    case Verdict::kInconclusive: return "v-inconclusive";
    case Verdict::kNotMeasured: return "v-not-measured";
  }
  return "v-not-measured";
}

std::string Badge(Verdict verdict) {
  return "<span class=\"badge " + std::string(BadgeClass(verdict)) + "\">" + Escape(results::Name(verdict)) +
         "</span>";
}

std::string Stated(const ClaimView& c) {
  if (c.stated_items.empty()) return "-";
  std::string out = "<ul class=\"stated\">";
  for (const auto& [key, value] : c.stated_items) {
    out += "<li><strong>" + Escape(key) + "</strong>: " + Escape(value) + "</li>";
  }
  return out + "</ul>";
}

std::string Checks(const ClaimView& c) {
  if (c.checks.empty()) return "<span class=\"detail\">" + Escape(c.detail.empty() ? "-" : c.detail) + "</span>";
  std::string out = "<ul class=\"checks\">";
  for (const auto& k : c.checks) {
    out += "<li>" + Badge(k.verdict) + " <strong>" + Escape(k.label) + "</strong>";
    if (!k.where.empty()) out += " <span class=\"muted\">(" + Escape(k.where) + ")</span>";
    if (!k.measured.empty()) out += "<br>measured " + Escape(k.measured);
    if (!k.expected.empty()) out += "<br>expected " + Escape(k.expected);
    if (!k.judged.empty()) out += " <span class=\"muted\">[" + Escape(k.judged) + "]</span>";
    if (!k.detail.empty()) out += "<br><span class=\"detail\">" + Escape(k.detail) + "</span>";
    out += "</li>";
  }
  return out + "</ul>";
}

std::string ClaimCell(const ClaimView& c) {
  std::string conditions =
      c.conditions.empty() ? "" : "<br><span class=\"detail\">Conditions: " + Escape(c.conditions) + "</span>";
  return "<td><strong>" + Escape(c.id) + "</strong><br><span class=\"muted\">" + Escape(c.document) +
         "</span></td><td>" + Escape(c.paraphrase) + conditions + "</td>";
}

std::string ClaimsSection(const std::vector<ClaimView>& claims, const std::string& family) {
  std::string out = "<section id=\"claims\">\n<h2>Claims</h2>\n<p>" + Escape(VerdictCounts(claims)) + ".</p>\n";
  if (!family.empty()) out += "<p>" + Escape(family) + "</p>\n";
  std::string judged, not_measured;
  for (const auto& c : claims) {
    if (c.verdict == Verdict::kNotMeasured) {
      not_measured += "<tr>" + ClaimCell(c) + "<td>" + Stated(c) + "</td><td>" + Badge(c.verdict) + "</td><td>" +
                      Escape(c.reason.empty() ? "-" : c.reason) + "</td></tr>\n";
    } else {
      judged += "<tr>" + ClaimCell(c) + "<td>" + Stated(c) + "</td><td>" + Badge(c.verdict) +
                "<br><span class=\"detail\">" + Escape(c.detail) + "</span></td><td>" + Checks(c) + "</td></tr>\n";
    }
  }
  if (!judged.empty()) {
    out += "<h3>Judged on this run</h3>\n<div class=\"table-wrap\"><table class=\"claims\">\n<thead><tr><th>claim</th>"
           "<th>the document says</th><th>stated</th><th>verdict</th><th>measured here, against what was expected</th>"
           "</tr></thead>\n<tbody>\n" + judged + "</tbody>\n</table></div>\n";
  }
  if (!not_measured.empty()) {
    out += "<h3>Not measured here</h3>\n<div class=\"table-wrap\"><table class=\"claims\">\n<thead><tr><th>claim</th>"
           "<th>the document says</th><th>stated</th><th>verdict</th><th>why not</th></tr></thead>\n<tbody>\n" +
           not_measured + "</tbody>\n</table></div>\n";
  }
  return out + "</section>\n";
}

std::string Contents(const results::RunResults& results, bool builds, bool claims) {
  std::string out = "<nav aria-label=\"contents\"><ul>\n";
  for (const auto& w : results.workloads) {
    out += "<li><a href=\"#" + Escape(Anchor("w-", w.id())) + "\">" + Escape(w.id()) + "</a> <span class=\"muted\">" +
           Escape(results::Name(w.kind())) + "</span></li>\n";
  }
  if (builds) out += "<li><a href=\"#builds\">Builds</a></li>\n";
  if (claims) out += "<li><a href=\"#claims\">Claims</a></li>\n";
  return out + "</ul></nav>\n";
}

}  // namespace

std::string HtmlReporter::Render(const results::RunResults& results) const {
  const stats::MetricRegistry registry = stats::MetricRegistry::ForResults(results);
  const std::string& run = results.run_id;
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    "<title>claimbench report" + (run.empty() ? "" : " " + Escape(run)) + "</title>\n<style>\n" +
                    kStyle +
                    "</style>\n</head>\n<body>\n<main>\n<h1>claimbench report</h1>\n<dl class=\"header\">\n";
  for (const auto& field : RunHeader(results)) {
    out += "<dt>" + Escape(field.label) + "</dt><dd>" + Escape(field.value) + "</dd>\n";
  }
  out += "</dl>\n";
  Table builds = BuildsTable(results.builds, registry);
  auto claims = Claims(results);
  out += Contents(results, !builds.rows.empty(), !claims.empty());
  for (const auto& w : results.workloads) {
    out += w.http() ? HttpSection(*w.http(), registry) : BatchSection(*w.batch(), registry);
  }
  if (!builds.rows.empty()) out += "<section id=\"builds\">\n<h2>Builds</h2>\n" + HtmlTable(builds) + "</section>\n";
  if (!claims.empty()) out += ClaimsSection(claims, FamilyNote(results));
  out += "<footer>Rendered by claimbench from the results file of run " + Escape(run.empty() ? "?" : run) +
         "; every figure on this page is read from it.</footer>\n</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace claimbench::report
