// Drawing the claims' forest plot.
#include "report/forest_plot.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "report/svg.h"

namespace claimbench::report {
namespace {

constexpr double kWidth = 760;
constexpr double kLabelWidth = 330;  // the claim and check labels, left of the plot
constexpr double kRow = 18;
constexpr double kGroup = 24;        // an article's heading row

struct Row {
  std::string label;
  std::string tooltip;
  const results::CheckVerdict* check = nullptr;
};

struct Group {
  std::string title;
  std::vector<Row> rows;
};

std::string Shorten(const std::string& text, size_t most) {
  return text.size() <= most ? text : text.substr(0, most - 3) + "...";
}

// The article's short name: its title up to the first ": ".
std::string ShortTitle(const results::ClaimVerdict& c) {
  const std::string& title = c.title.empty() ? c.document : c.title;
  return title.substr(0, title.find(": "));
}

bool Plotted(const results::CheckVerdict& k) {
  return k.ratio_low && k.measured && *k.measured > 0 && k.verdict != results::Verdict::kNotMeasured &&
         k.judged.rfind("ratio", 0) == 0;
}

std::string DirectionText(const results::CheckVerdict& k) {
  if (!k.direction) return "";
  switch (*k.direction) {
    case results::Direction::kHolds: return "direction holds";
    case results::Direction::kReversed: return "reversed";
    case results::Direction::kNoDifference: return "no difference";
  }
  return "";
}

}  // namespace

std::string VerdictColour(results::Verdict verdict) {
  switch (verdict) {
    case results::Verdict::kConsistent: return "#1a7f37";
    case results::Verdict::kContradicted: return "#cf222e";
    case results::Verdict::kMixed: return "#8250df";
    case results::Verdict::kInconclusive: return "#d4a72c";
    case results::Verdict::kNotMeasured: return "#6e7781";
  }
  return "#6e7781";
}

Chart ClaimsForestPlot(const results::RunResults& results) {
  std::vector<Group> groups;
  int absolutes = 0, unmeasured = 0, plotted = 0, unbounded = 0;
  double low = 1, high = 1;
  if (results.claims) {
    for (const auto& c : *results.claims) {
      for (const auto& k : c.checks) {
        if (!Plotted(k)) {
          // A ratio judged by a claimbench older than the claimed bounds in the results.
          if (!k.ratio_low && k.measured && k.judged.rfind("ratio", 0) == 0) {
            ++unbounded;
            continue;
          }
          (k.verdict == results::Verdict::kNotMeasured ? unmeasured : absolutes)++;
          continue;
        }
        const std::string title = ShortTitle(c);
        if (groups.empty() || groups.back().title != title) groups.push_back({title, {}});
        const std::string tooltip =
            fmt::format("{}: {}\nmeasured rust/go {:.3g}{}; claimed [{:.3g}, {}]\n{}: {}", c.id, k.label, *k.measured,
                        k.ci_low && k.ci_high ? fmt::format(" [{:.3g}, {:.3g}]", *k.ci_low, *k.ci_high) : "",
                        *k.ratio_low, k.ratio_high ? fmt::format("{:.3g}", *k.ratio_high) : "inf",
                        results::Name(k.verdict), k.detail);
        groups.back().rows.push_back({Shorten(c.id.substr(c.id.find('-') + 1) + ": " + k.label, 52), tooltip, &k});
        ++plotted;
        for (double v : {*k.measured, k.ci_low.value_or(*k.measured), k.ci_high.value_or(*k.measured), *k.ratio_low,
                         k.ratio_high.value_or(*k.ratio_low)}) {
          if (v > 0) {
            low = std::min(low, v);
            high = std::max(high, v);
          }
        }
      }
    }
  }
  const std::string skipped = fmt::format("{} absolute (hardware-bound) check(s) and {} unmeasured check(s) are in "
                                          "the claims table, not here.",
                                          absolutes, unmeasured);
  const std::string rejudge =
      unbounded == 0 ? ""
                     : fmt::format(" {} ratio check(s) were judged by an older claimbench that did not record the "
                                   "claimed bounds: `claimbench claims results.json --update` re-judges them.",
                                   unbounded);
  if (plotted == 0) {
    return {"", (unbounded > 0 ? "" : "No Rust/Go ratio check was measured in this run. ") + skipped + rejudge};
  }
  // Whole decades around everything drawn, so the ticks are 0.01, 0.1, 1, 10, ...
  const double decade_low = std::pow(10, std::floor(std::log10(low)));
  const double decade_high = std::pow(10, std::ceil(std::log10(high)));
  double height = 40 + 50;
  for (const auto& g : groups) height += kGroup + kRow * static_cast<double>(g.rows.size());
  svg::Canvas canvas(kWidth, height, "Claims: measured Rust/Go ratio against the claimed range",
                     "One row per judged ratio check, grouped by article: band = claimed range, dot = measured "
                     "ratio with its 95% interval, colour = verdict.");
  svg::Plot plot{kLabelWidth, 30, kWidth - 20, height - 50};
  svg::LogScale x{decade_low, decade_high, plot.left, plot.right};
  std::vector<svg::Tick> ticks;
  for (double t = decade_low; t <= decade_high * 1.001; t *= 10) ticks.push_back({t, svg::TickLabel(t)});
  canvas.XAxis(plot, x, ticks, "rust/go (log scale; 1 = parity)");
  canvas.Line(x(1), plot.top, x(1), plot.bottom, "axis");
  double y = plot.top;
  for (const auto& g : groups) {
    y += kGroup;
    canvas.Text(8, y - 6, g.title, "start", "group");
    for (const auto& row : g.rows) {
      const results::CheckVerdict& k = *row.check;
      const double middle = y + kRow / 2;
      const double band_high = k.ratio_high ? x(*k.ratio_high) : plot.right;
      canvas.Rect(x(*k.ratio_low), middle - 5, std::max(band_high - x(*k.ratio_low), 2.0), 10, "#d0d7de",
                  "claimed range");
      const std::string colour = VerdictColour(k.verdict);
      if (k.ci_low && k.ci_high) canvas.Line(x(*k.ci_low), middle, x(*k.ci_high), middle, "whisker");
      canvas.Circle(x(*k.measured), middle, 4.5, colour, row.tooltip);
      canvas.Text(14, middle + 4, row.label, "start", "label");
      const std::string direction = DirectionText(k);
      if (!direction.empty()) canvas.Text(plot.right, middle - 6, direction, "end", "tick");
      y += kRow;
    }
  }
  return {canvas.Finish(),
          "Each row: grey band = the claimed rust/go range (as stated, before tolerance; to the edge when open), dot "
          "= measured ratio of medians coloured by verdict (green consistent, red contradicted, amber inconclusive), "
          "line = its 95% interval. rust/go below 1 means Rust is lower: faster for a time, smaller for a size, "
          "slower for req/s. " +
              skipped + rejudge};
}

}  // namespace claimbench::report
