// HTML rendering of the shared tables, with the charts and the claims.
#include "report/html_reporter.h"

#include <fmt/format.h>

#include <cctype>

#include "report/charts.h"
#include "report/forest_plot.h"
#include "report/headline.h"
#include "report/svg.h"
#include "report/tables.h"

namespace claimbench::report {
namespace {

using results::Verdict;
using svg::Escape;

// Sortable tables (click a header; numbers sort as numbers) and a filter that keeps the
// rows holding every word typed ("rust contradicted", "json-parse go"). Inline: the page
// loads nothing.
constexpr const char* kScript = R"(<script>
(function () {
  // A cell's sort key: a figure in its unit's base ("850 µs" below "1.27 ms"), else its text.
  var scale = {'ns': 1e-9, 'µs': 1e-6, 'ms': 1e-3, 's': 1, 'kB': 1e3, 'MB': 1e6, 'MiB': 1048576};
  function key(cell) {
    var text = cell.textContent.trim();
    var m = /^([-+]?\d[\d.]*(?:e[-+]?\d+)?)\s*(ns|µs|ms|s|kB|MB|MiB)?(?![A-Za-z])/.exec(text.replace(/,/g, ''));
    return m ? parseFloat(m[1]) * (m[2] ? scale[m[2]] : 1) : text.toLowerCase();
  }
  document.querySelectorAll('table').forEach(function (table) {
    var body = table.tBodies[0];
    if (!body) return;
    table.querySelectorAll('thead th').forEach(function (th, column) {
      th.classList.add('sortable');
      th.title = 'sort by this column';
      var ascending = true;
      th.addEventListener('click', function () {
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = key(a.cells[column] || a.cells[0]), y = key(b.cells[column] || b.cells[0]);
          if (typeof x !== typeof y) return (typeof x === 'number' ? -1 : 1) * (ascending ? 1 : -1);
          return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
        });
        ascending = !ascending;
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
  var filter = document.getElementById('filter');
  if (filter) {
    filter.addEventListener('input', function () {
      var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
      document.querySelectorAll('tbody tr').forEach(function (row) {
        var text = row.textContent.toLowerCase();
        row.hidden = !words.every(function (w) { return text.indexOf(w) >= 0; });
      });
      // A folded task opens while it holds a matching row.
      document.querySelectorAll('details.task').forEach(function (d) {
        if (words.length) d.open = !!d.querySelector('tbody tr:not([hidden])');
      });
    });
  }
})();
</script>
)";

// System fonts only: the page loads nothing.
constexpr const char* kStyle = R"(:root { --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --zebra: #f6f8fa;
  --head: #eef1f4; --bg: #fff; --grid: #e6e9ed; color-scheme: light dark; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --muted: #9198a1; --border: #3d444d; --zebra: #151b23; --head: #212830; --bg: #0d1117;
    --grid: #262c36; }
}
* { box-sizing: border-box; }
body { margin: 0; color: var(--fg); background: var(--bg); line-height: 1.5; font-size: 15px;
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
svg.chart text { font-family: inherit; font-size: 12px; fill: var(--fg); }
svg.chart .chart-title { font-size: 14px; font-weight: 600; }
svg.chart .tick { fill: var(--muted); font-size: 11px; }
svg.chart .axis-title { fill: var(--muted); }
svg.chart .axis { stroke: var(--muted); stroke-width: 1; }
svg.chart .grid { stroke: var(--grid); stroke-width: 1; }
svg.chart .whisker { stroke: var(--fg); stroke-width: 1.5; }
svg.chart .missing { fill: #cf222e; font-style: italic; }
svg.chart .group { font-weight: 700; fill: var(--fg); }
svg.chart .label { fill: var(--fg); font-size: 11px; }
th.sortable { cursor: pointer; }
th.sortable::after { content: " \2195"; color: var(--muted); }
.filter { margin: .6em 0; }
.filter input { font: inherit; padding: 2px 6px; width: 22em; color: var(--fg); background: var(--bg);
  border: 1px solid var(--border); border-radius: 4px; }
ul.warnings { color: #9a6700; }
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
details.task { margin: .4em 0; }
details.task > summary { cursor: pointer; }
details.task > summary h3 { display: inline; font-size: 1.05em; margin: 0; }
@media (prefers-color-scheme: dark) {
  td.failed, svg.chart .missing { color: #f85149; fill: #f85149; }
  .noisy, ul.warnings { color: #d29922; }
  svg.chart rect[fill="#d0d7de"] { fill: #3d444d; }
  svg.chart circle[fill="#ffffff"] { fill: var(--bg); }
}
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
  // The load points, charted where they exist.
  for (const Chart& chart : {ThroughputByConnectionsChart(w), LatencyByRateChart(w)}) {
    if (!chart.svg.empty()) out += Figure(chart);
  }
  return out + "</section>\n";
}

std::string BatchSection(const results::BatchWorkload& w, const stats::MetricRegistry& registry) {
  std::string out = "<section id=\"" + Escape(Anchor("w-", w.id)) + "\">\n<h2>" + Escape(w.id) +
                    "<span class=\"kind\">batch</span></h2>\n";
  out += Paragraph(w.description, "description") + Paragraph(BatchLine(w), "muted");
  out += Figure(FamilyDotPlot(w));
  // Each task's detail folded away: the family's chart above answers who is faster.
  for (const auto& task : w.tasks) {
    const std::string title = w.id + " / " + task.id;
    out += "<details class=\"task\">\n<summary><h3 id=\"" + Escape(Anchor("t-", title)) + "\">" + Escape(title) +
           "</h3></summary>\n";
    out += HtmlTable(BatchTaskTable(task, registry)) + Ratios(task.ratios.value_or(std::vector<results::Ratio>{}), registry) +
           Figure(ThroughputChart(task, title)) + "</details>\n";
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

// The answer first: the headline table, the articles' verdict counts, the claims' forest
// plot and the warnings, above the run's metadata.
std::string AnswerSection(const results::RunResults& results) {
  std::string out;
  Table headline = HeadlineTable(results);
  if (!headline.rows.empty()) {
    out += "<section id=\"answer\">\n<h2>Go or Rust, on this machine</h2>\n" + HtmlTable(headline, "headline") +
           "</section>\n";
  }
  Table articles = ArticleTable(results);
  const std::vector<std::string> warnings = HeadlineWarnings(results);
  if (!articles.rows.empty() || !warnings.empty()) {
    out += "<section id=\"articles\">\n<h2>The articles' claims</h2>\n" + HtmlTable(articles);
    // The forest plot before the warnings: with a full run's nine headline rows, warnings
    // above it pushed its top below the first 1,000 px.
    Chart forest = ClaimsForestPlot(results);
    out += forest.svg.empty() ? "<p class=\"muted\">" + Escape(forest.caption) + "</p>\n"
                              : "<div id=\"forest\">\n" + Figure(forest) + "</div>\n";
    if (!warnings.empty()) {
      out += "<p><strong>Read with care:</strong></p>\n<ul class=\"warnings\">\n";
      for (const auto& w : warnings) out += "<li>" + Escape(w) + "</li>\n";
      out += "</ul>\n";
    }
    out += "</section>\n";
  }
  return out;
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
                    "</style>\n</head>\n<body>\n<main>\n<h1>claimbench report</h1>\n"
                    "<div class=\"filter\"><label>Filter every table: <input id=\"filter\" type=\"search\" "
                    "placeholder=\"e.g. rust contradicted, json-parse go\"></label></div>\n";
  out += AnswerSection(results);
  out += "<dl class=\"header\">\n";
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
         "; every figure on this page is read from it.</footer>\n</main>\n" +
         std::string(kScript) + "</body>\n</html>\n";
  return out;
}

}  // namespace claimbench::report
