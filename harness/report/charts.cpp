// Charts of the HTML report, drawn with the svg helpers.
#include "report/charts.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

#include "report/format.h"
#include "report/svg.h"

namespace claimbench::report {
namespace {

using nlohmann::json;
using Points = std::vector<std::pair<double, double>>;

constexpr double kWidth = 760;

struct Language {
  const char* id;
  const char* name;
  const char* colour;
};
// Fixed colours: Go's own cyan, a rust red-brown, a purple for the C++ references.
constexpr Language kLanguages[] = {{"go", "Go", "#00ADD8"}, {"rust", "Rust", "#B7410E"}, {"cpp", "C++", "#6A3FB5"}};

// One line per implementation: the language's colour, dashed for a second or third of a
// language in the same chart.
struct Series {
  std::string id;
  std::string colour;
  std::string dash;
  Points points;  // data units
};

std::string Dash(int nth_of_language) {
  static const char* kDashes[] = {"", "7 4", "2 3", "10 3 2 3"};
  return kDashes[std::min(nth_of_language, 3)];
}

void AssignStyles(std::vector<Series>& series, const std::vector<std::string>& languages) {
  std::map<std::string, int> seen;
  for (size_t i = 0; i < series.size(); ++i) {
    series[i].colour = LanguageColour(languages[i]);
    series[i].dash = Dash(seen[languages[i]]++);
  }
}

// A legend of line samples, in a row above the plot.
void LineLegend(svg::Canvas& canvas, const std::vector<Series>& series, double x, double y) {
  for (const auto& s : series) {
    canvas.Polyline({{x, y - 4}, {x + 24, y - 4}}, s.colour, s.dash);
    canvas.Text(x + 30, y, s.id, "start", "legend");
    x += 46 + 7.0 * static_cast<double>(s.id.size());
  }
}

void LanguageLegend(svg::Canvas& canvas, const std::vector<std::string>& languages, double x, double y) {
  for (const auto& l : kLanguages) {
    if (std::find(languages.begin(), languages.end(), l.id) == languages.end()) continue;
    canvas.Rect(x, y - 10, 12, 12, l.colour);
    canvas.Text(x + 17, y, l.name, "start", "legend");
    x += 30 + 8.0 * static_cast<double>(std::string(l.name).size());
  }
}

// Latency histograms of all trials of an implementation, merged bucket by bucket (the
// trials of a workload share the histogram's layout).
std::vector<std::pair<double, double>> MergedBuckets(const json& impl, int* trials) {
  std::map<double, double> merged;
  *trials = 0;
  for (const auto& trial : ArrayAt(impl, "trials")) {
    const json& buckets = ArrayAt(ObjectAt(ObjectAt(trial, "load"), "latency_histogram"), "buckets");
    if (buckets.empty()) continue;
    ++*trials;
    for (const auto& b : buckets) {
      if (b.is_array() && b.size() == 2 && b[0].is_number() && b[1].is_number()) {
        merged[b[0].get<double>()] += b[1].get<double>();
      }
    }
  }
  return {merged.begin(), merged.end()};
}

// A bar's value label: about three significant digits.
std::string Number(double value) { return ShowBare(value, PlainScale(value)); }

std::string Unavailable(const json& impl, const std::string& what) {
  std::string status = StringAt(impl, "status");
  return StringAt(impl, "id") + ": " + (status.empty() || status == "ok" ? what : StatusCell(impl).text);
}

std::string Joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "; ") + p;
  return out;
}

// A line chart of `series` (data units) on a linear y axis from 0.
template <typename XScale>
std::string LineChart(const std::string& title, const std::string& description, std::vector<Series>& series,
                      const XScale& x, const std::vector<svg::Tick>& x_ticks, const std::string& x_title,
                      double y_max, const std::string& y_title) {
  const svg::Plot plot{72, 56, kWidth - 24, 336};
  svg::Canvas canvas(kWidth, 390, title, description);
  canvas.Text(12, 20, title, "start", "chart-title");
  std::vector<double> y_values = svg::NiceTicks(y_max, 5);
  svg::LinearScale y{0, y_values.back(), plot.bottom, plot.top};
  std::vector<svg::Tick> y_ticks;
  for (double v : y_values) y_ticks.push_back({v, svg::TickLabel(v)});
  canvas.YAxis(plot, y, y_ticks, y_title);
  canvas.XAxis(plot, x, x_ticks, x_title);
  for (const auto& s : series) {
    Points pixels;
    for (const auto& [px, py] : s.points) pixels.emplace_back(x(px), y(py));
    canvas.Polyline(pixels, s.colour, s.dash, s.id);
  }
  LineLegend(canvas, series, plot.left, 40);
  return canvas.Finish();
}

}  // namespace

std::string LanguageColour(const std::string& language) {
  for (const auto& l : kLanguages) {
    if (language == l.id) return l.colour;
  }
  return "#888888";
}

double ValueAtPercentile(const std::vector<std::pair<double, double>>& buckets, double p) {
  if (buckets.empty()) return 0;
  double total = 0;
  for (const auto& b : buckets) total += b.second;
  const double target = std::max(1.0, std::ceil(std::clamp(p, 0.0, 1.0) * total - 1e-9));
  double cumulative = 0;
  for (const auto& [value, count] : buckets) {
    cumulative += count;
    if (cumulative >= target) return value;
  }
  return buckets.back().first;
}

Chart BarChart(const json& implementations, const BarSpec& spec) {
  constexpr double kRow = 30;
  const double rows = static_cast<double>(std::max<size_t>(implementations.size(), 1));
  const svg::Plot plot{170, 52, kWidth - 130, 56 + rows * kRow};
  svg::Canvas canvas(kWidth, plot.bottom + 50, spec.title, spec.axis + ", one bar per implementation");
  canvas.Text(12, 20, spec.title, "start", "chart-title");

  double max = 0;
  std::vector<std::string> languages;
  for (const auto& impl : implementations) {
    languages.push_back(StringAt(impl, "language"));
    if (const json* s = SummaryOf(impl, spec.metric)) {
      for (const char* key : {"median", "ci_high"}) max = std::max(max, NumberAt(*s, key).value_or(0) * spec.factor);
    }
  }
  std::vector<double> values = svg::NiceTicks(max, 5);
  svg::LinearScale x{0, values.back(), plot.left, plot.right};
  std::vector<svg::Tick> ticks;
  for (double v : values) ticks.push_back({v, svg::TickLabel(v)});
  canvas.XAxis(plot, x, ticks, spec.axis);
  LanguageLegend(canvas, languages, plot.left, 40);

  double y = plot.top + 4;
  for (const auto& impl : implementations) {
    const double middle = y + kRow / 2;
    const std::string id = StringAt(impl, "id");
    canvas.Text(plot.left - 8, middle + 4, id, "end", "label");
    const json* s = SummaryOf(impl, spec.metric);
    auto median = s ? NumberAt(*s, "median") : std::nullopt;
    if (!median) {
      const std::string status = StringAt(impl, "status");
      const std::string why = status.empty() || status == "ok" ? "no " + spec.metric + " figure" : StatusCell(impl).text;
      canvas.Text(plot.left + 6, middle + 4, why, "start", "missing");
      y += kRow;
      continue;
    }
    const double m = *median * spec.factor;
    auto low = NumberAt(*s, "ci_low"), high = NumberAt(*s, "ci_high");
    std::string value = Number(m);
    std::string tooltip = fmt::format("{}: {} {}", id, value, spec.unit);
    if (low && high) {
      tooltip += fmt::format(" (95% CI {} to {})", Number(*low * spec.factor), Number(*high * spec.factor));
    }
    canvas.Rect(plot.left, middle - 8, x(m) - plot.left, 16, LanguageColour(StringAt(impl, "language")), tooltip);
    double label_x = x(m);
    if (low && high) {
      const double x0 = x(*low * spec.factor), x1 = x(*high * spec.factor);
      canvas.Line(x0, middle, x1, middle, "whisker");
      canvas.Line(x0, middle - 6, x0, middle + 6, "whisker");
      canvas.Line(x1, middle - 6, x1, middle + 6, "whisker");
      label_x = std::max(label_x, x1);
    }
    canvas.Text(label_x + 6, middle + 4, value + " " + spec.unit + (BoolAt(*s, "noisy") ? " ~" : ""), "start", "value");
    y += kRow;
  }
  return {canvas.Finish(), "Bars: medians; whiskers: 95% bootstrap CIs (none with a single sample); ~: noisy. "
                           "Colour: the implementation's language."};
}

Chart ThroughputChart(const json& source, const std::string& title) {
  const json& impls = ArrayAt(source, "implementations");
  auto any = [&](const std::string& metric) {
    return std::any_of(impls.begin(), impls.end(), [&](const json& i) { return SummaryOf(i, metric) != nullptr; });
  };
  if (any("requests_per_s")) {
    return BarChart(impls, {title + ": throughput", "requests_per_s", "requests per second", 1, "req/s"});
  }
  if (any("throughput_mb_per_s")) {
    return BarChart(impls, {title + ": throughput", "throughput_mb_per_s", "MB/s (10^6 bytes per second)", 1, "MB/s"});
  }
  if (any("throughput_items_per_s")) {
    return BarChart(impls, {title + ": throughput", "throughput_items_per_s", "items per second", 1, "items/s"});
  }
  if (!any("iteration_ns")) {
    std::vector<std::string> missing;
    for (const auto& i : impls) missing.push_back(Unavailable(i, "no figure"));
    return {"", "No throughput or iteration time to draw" + (missing.empty() ? "." : ": " + Joined(missing) + ".")};
  }
  double max_ns = 0;
  for (const auto& i : impls) max_ns = std::max(max_ns, MedianOf(i, "iteration_ns").value_or(0));
  UnitScale scale = DurationScale(max_ns);
  return BarChart(impls, {title + ": time per iteration (lower is better)", "iteration_ns",
                          "time per iteration (" + scale.unit + ")", scale.factor, scale.unit});
}

Chart LatencySpectrumChart(const json& workload) {
  const std::string id = StringAt(workload, "id");
  std::vector<Series> series;
  std::vector<std::string> languages, missing, merged;
  double total_max = 0, y_max = 0;
  for (const auto& impl : ArrayAt(workload, "implementations")) {
    int trials = 0;
    auto buckets = MergedBuckets(impl, &trials);
    if (buckets.empty()) {
      missing.push_back(Unavailable(impl, "no latency histogram"));
      continue;
    }
    double total = 0;
    for (const auto& b : buckets) total += b.second;
    total_max = std::max(total_max, total);
    y_max = std::max(y_max, buckets.back().first / 1e6);
    merged.push_back(
        fmt::format("{} {} trial{}, {:.0f} responses", StringAt(impl, "id"), trials, trials == 1 ? "" : "s", total));
    // The merged buckets (value ns, count) wait in `points` until the axis' extent is known.
    series.push_back({StringAt(impl, "id"), "", "", std::move(buckets)});
    languages.push_back(StringAt(impl, "language"));
  }
  if (series.empty()) {
    return {"", "No latency histograms to draw" + (missing.empty() ? "." : ": " + Joined(missing) + ".")};
  }
  AssignStyles(series, languages);
  // The axis reaches the decade that holds the last response: 99.99% needs 10^4 of them.
  const int decades = std::clamp(static_cast<int>(std::ceil(std::log10(std::max(total_max, 1.0)))), 2, 6);
  const double x_max = std::pow(10, decades);
  constexpr int kPerDecade = 24;
  for (auto& s : series) {
    Points buckets = std::move(s.points);
    s.points.clear();
    for (int i = 0; i <= decades * kPerDecade; ++i) {
      const double x = std::pow(10, static_cast<double>(i) / kPerDecade);
      s.points.emplace_back(x, ValueAtPercentile(buckets, 1 - 1 / x) / 1e6);
    }
  }
  svg::LogScale x{1, x_max, 72, kWidth - 24};
  std::vector<svg::Tick> ticks = {{1, "0%"}, {2, "50%"}, {10, "90%"}};
  for (int d = 2; d <= decades; ++d) {
    ticks.push_back({std::pow(10, d), "99" + (d > 2 ? "." + std::string(d - 2, '9') : "") + "%"});
  }
  std::string svg_text = LineChart(id + ": latency by percentile",
                                   "latency against percentile, one line per implementation",
                                   series, x, ticks, "percentile (log scale of 1/(1-p))", y_max, "latency (ms)");
  std::string caption =
      "Latency at each percentile, from the latency histograms of all trials merged per implementation (" +
      Joined(merged) + "); the right end is the maximum.";
  if (!missing.empty()) caption += " Not drawn: " + Joined(missing) + ".";
  return {svg_text, caption};
}

Chart RssChart(const json& workload) {
  const std::string id = StringAt(workload, "id");
  std::vector<Series> series;
  std::vector<std::string> languages, missing;
  double t_max = 0, y_max = 0;
  for (const auto& impl : ArrayAt(workload, "implementations")) {
    const json& samples = ArrayAt(ObjectAt(FirstAt(impl, "trials"), "server"), "rss_series");
    Series s{StringAt(impl, "id"), "", "", {}};
    for (const auto& sample : samples) {
      if (!sample.is_array() || sample.size() != 2 || !sample[0].is_number() || !sample[1].is_number()) continue;
      s.points.emplace_back(sample[0].get<double>(), sample[1].get<double>() / (1 << 20));
      t_max = std::max(t_max, s.points.back().first);
      y_max = std::max(y_max, s.points.back().second);
    }
    if (s.points.empty()) {
      missing.push_back(Unavailable(impl, "no RSS samples"));
      continue;
    }
    series.push_back(std::move(s));
    languages.push_back(StringAt(impl, "language"));
  }
  if (series.empty()) return {"", "No RSS samples to draw" + (missing.empty() ? "." : ": " + Joined(missing) + ".")};
  AssignStyles(series, languages);
  std::vector<double> t_values = svg::NiceTicks(t_max, 6);
  svg::LinearScale x{0, t_values.back(), 72, kWidth - 24};
  std::vector<svg::Tick> ticks;
  for (double v : t_values) ticks.push_back({v, svg::TickLabel(v)});
  std::string svg_text = LineChart(id + ": server RSS during the first trial",
                                   "resident set size against time, one line per implementation",
                                   series, x, ticks, "time since the measurement window began (s)", y_max, "RSS (MiB)");
  std::string caption = "Resident set size of each server, sampled during the measured window of its first trial.";
  if (!missing.empty()) caption += " Not drawn: " + Joined(missing) + ".";
  return {svg_text, caption};
}

}  // namespace claimbench::report
