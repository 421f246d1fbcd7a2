// Charts of the HTML report, drawn with the svg helpers.
#include "report/charts.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <stdexcept>
#include <utility>

#include "load/load_report.h"
#include "report/format.h"
#include "report/svg.h"
#include "stats/metric_registry.h"

namespace claimbench::report {
namespace {

namespace metric = stats::metric;
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

constexpr double kLegendRow = 16;

// Where each legend entry goes: left to right from (left, y), wrapped onto a further row at
// `right`, so that no entry is cut off at the chart's edge.
Points LegendPlaces(const std::vector<std::string>& labels, double left, double y, double right) {
  Points places;
  double x = left;
  for (const auto& label : labels) {
    const double width = 46 + 7.0 * static_cast<double>(label.size());
    if (x > left && x + width > right) {
      x = left;
      y += kLegendRow;
    }
    places.emplace_back(x, y);
    x += width;
  }
  return places;
}

// Rows a legend of `labels` takes between `left` and `right`.
int LegendRows(const std::vector<std::string>& labels, double left, double right) {
  const Points places = LegendPlaces(labels, left, 0, right);
  return places.empty() ? 1 : 1 + static_cast<int>(places.back().second / kLegendRow);
}

std::vector<std::string> Ids(const std::vector<Series>& series) {
  std::vector<std::string> ids;
  for (const auto& s : series) ids.push_back(s.id);
  return ids;
}

// A legend of line samples above the plot.
void LineLegend(svg::Canvas& canvas, const std::vector<Series>& series, double left, double y, double right) {
  const Points places = LegendPlaces(Ids(series), left, y, right);
  for (size_t i = 0; i < series.size(); ++i) {
    const auto [x, row_y] = places[i];
    canvas.Polyline({{x, row_y - 4}, {x + 24, row_y - 4}}, series[i].colour, series[i].dash);
    canvas.Text(x + 30, row_y, series[i].id, "start", "legend");
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

// The latency histograms of all trials of an implementation, rebuilt from their stored
// buckets (with each trial's exact min and max) and pooled: one histogram of every response.
// nullopt when no trial has a histogram; throws std::invalid_argument when they do not merge.
std::optional<load::Histogram> PooledHistogram(const results::HttpImplementation& impl, int* trials) {
  std::optional<load::Histogram> pooled;
  *trials = 0;
  for (const auto& trial : impl.trials) {
    const load::LoadReport& load = trial.load;
    if (load.latency_histogram.buckets.empty()) continue;
    ++*trials;
    load::Histogram h = load::HistogramOf(load.latency_histogram, load.latency.min, load.latency.max);
    if (pooled) {
      pooled->Merge(h);
    } else {
      pooled = std::move(h);
    }
  }
  return pooled;
}

// A bar's value label: about three significant digits.
std::string Number(double value) { return ShowBare(value, PlainScale(value)); }

// What the throughput chart reads of an implementation, HTTP or batch.
struct Entrant {
  std::string id;
  std::string language;
  results::Status status = results::Status::kOk;
  std::optional<std::string> error;
  const results::Summaries* summary = nullptr;
};

template <typename Implementation>
std::vector<Entrant> Entrants(const std::vector<Implementation>& implementations) {
  std::vector<Entrant> out;
  for (const auto& i : implementations) out.push_back({i.id, i.language, i.status, i.error, &i.summary});
  return out;
}

// "<id>: <what>", or "<id>: <status>: <error>" for a failed implementation.
std::string Unavailable(const std::string& id, results::Status status, const std::optional<std::string>& error,
                        const std::string& what) {
  return id + ": " + (status == results::Status::kOk ? what : StatusCell(status, error).text);
}

std::string Joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "; ") + p;
  return out;
}

// A point drawn as a marker of its own: hollow-looking (white centre) when `open`, with a
// tooltip.
struct Marker {
  size_t series = 0;
  double x = 0, y = 0;
  bool open = false;
  std::string tooltip;
  /// The rate actually sent, when it fell short of x: a dashed line back to it, ending in a tick.
  std::optional<double> achieved_x{};
};

// The y axis of a line chart: linear from 0, or log10 over whole decades.
struct YAxisScale {
  bool log = false;
  svg::LinearScale linear{};
  svg::LogScale logarithmic{};
  double operator()(double value) const { return log ? logarithmic(value) : linear(value); }
};

// Decade ticks from `low` to `high` (both powers of ten), with 2 and 5 between them when
// there are at most two decades.
std::vector<svg::Tick> DecadeTicks(double low, double high) {
  std::vector<svg::Tick> ticks;
  const bool fine = high / low <= 100.5;
  for (double d = low; d <= high * 1.001; d *= 10) {
    ticks.push_back({d, svg::TickLabel(d)});
    if (fine && d * 10 <= high * 1.001) {
      ticks.push_back({2 * d, svg::TickLabel(2 * d)});
      ticks.push_back({5 * d, svg::TickLabel(5 * d)});
    }
  }
  return ticks;
}

// A line chart: `series` in the legend; `faint` (one trial each, in its series' colour) thin
// and pale behind them; with `log_y`, y runs over the whole decades that hold every point.
template <typename XScale>
std::string LineChart(const std::string& title, const std::string& description, std::vector<Series>& series,
                      const XScale& x_data, const std::vector<svg::Tick>& x_ticks, const std::string& x_title,
                      double y_max, const std::string& y_title, const std::vector<Marker>& markers = {},
                      const std::vector<Series>& faint = {}, bool log_y = false) {
  const int rows = LegendRows(Ids(series), 72, kWidth - 24);
  const double extra = kLegendRow * (rows - 1);
  const svg::Plot plot{72, 56 + extra, kWidth - 24, 336 + extra};
  svg::Canvas canvas(kWidth, 390 + extra, title, description);
  canvas.Text(12, 20, title, "start", "chart-title");
  XScale x = x_data;
  x.from = plot.left;
  x.to = plot.right;
  YAxisScale y;
  std::vector<svg::Tick> y_ticks;
  if (log_y) {
    double low = y_max, high = 0;
    const std::vector<Series>& shown = series;
    for (const std::vector<Series>* group : {&shown, &faint}) {
      for (const auto& s : *group) {
        for (const auto& point : s.points) {
          if (point.second > 0) low = std::min(low, point.second);
          high = std::max(high, point.second);
        }
      }
    }
    if (!(low > 0)) low = 1;
    low = std::pow(10, std::floor(std::log10(low)));
    high = std::pow(10, std::ceil(std::log10(std::max(high, low * 10))));
    y.log = true;
    y.logarithmic = {low, high, plot.bottom, plot.top};
    y_ticks = DecadeTicks(low, high);
  } else {
    std::vector<double> y_values = svg::NiceTicks(y_max, 5);
    y.linear = {0, y_values.back(), plot.bottom, plot.top};
    for (double v : y_values) y_ticks.push_back({v, svg::TickLabel(v)});
  }
  canvas.YAxis(plot, y, y_ticks, y_title);
  canvas.XAxis(plot, x, x_ticks, x_title);
  for (const auto& s : faint) {
    Points pixels;
    for (const auto& [px, py] : s.points) pixels.emplace_back(x(px), y(py));
    canvas.Polyline(pixels, s.colour, "", s.id, 1, 0.3);
  }
  for (const auto& s : series) {
    Points pixels;
    for (const auto& [px, py] : s.points) pixels.emplace_back(x(px), y(py));
    canvas.Polyline(pixels, s.colour, s.dash, s.id);
  }
  for (const auto& m : markers) {
    if (m.achieved_x) {
      canvas.Polyline({{x(*m.achieved_x), y(m.y)}, {x(m.x), y(m.y)}}, series[m.series].colour, "2 3", m.tooltip, 1);
      canvas.Polyline({{x(*m.achieved_x), y(m.y) - 5}, {x(*m.achieved_x), y(m.y) + 5}}, series[m.series].colour, "",
                      m.tooltip, 1.5);
    }
    canvas.Circle(x(m.x), y(m.y), 4, series[m.series].colour, m.tooltip);
    if (m.open) canvas.Circle(x(m.x), y(m.y), 2, "#ffffff", m.tooltip);
  }
  LineLegend(canvas, series, plot.left, 40, plot.right);
  return canvas.Finish();
}

// The median of each x's values: one line per implementation through the trials' points.
Points MedianPoints(const std::map<double, std::vector<double>>& by_x) {
  Points out;
  for (const auto& [x, ys] : by_x) {
    std::vector<double> sorted = ys;
    std::sort(sorted.begin(), sorted.end());
    const size_t n = sorted.size();
    out.emplace_back(x, n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2);
  }
  return out;
}

}  // namespace

std::string LanguageColour(const std::string& language) {
  for (const auto& l : kLanguages) {
    if (language == l.id) return l.colour;
  }
  return "#888888";
}


Chart BarChart(const std::vector<Bar>& bars, const BarSpec& spec) {
  constexpr double kRow = 30;
  const double rows = static_cast<double>(std::max<size_t>(bars.size(), 1));
  const svg::Plot plot{170, 52, kWidth - 130, 56 + rows * kRow};
  svg::Canvas canvas(kWidth, plot.bottom + 50, spec.title, spec.axis + ", one bar per implementation");
  canvas.Text(12, 20, spec.title, "start", "chart-title");

  double max = 0;
  std::vector<std::string> languages;
  for (const auto& bar : bars) {
    languages.push_back(bar.language);
    if (const results::Summary* s = bar.summary) {
      max = std::max({max, s->median * spec.factor, s->ci_high.value_or(0) * spec.factor});
      for (double v : s->samples) max = std::max(max, v * spec.factor);
    }
  }
  std::vector<double> values = svg::NiceTicks(max, 5);
  svg::LinearScale x{0, values.back(), plot.left, plot.right};
  std::vector<svg::Tick> ticks;
  for (double v : values) ticks.push_back({v, svg::TickLabel(v)});
  canvas.XAxis(plot, x, ticks, spec.axis);
  LanguageLegend(canvas, languages, plot.left, 40);

  double y = plot.top + 4;
  for (const auto& bar : bars) {
    const double middle = y + kRow / 2;
    y += kRow;
    canvas.Text(plot.left - 8, middle + 4, bar.id, "end", "label");
    const results::Summary* s = bar.summary;
    if (!s) {
      canvas.Text(plot.left + 6, middle + 4, bar.missing, "start", "missing");
      continue;
    }
    const double m = s->median * spec.factor;
    std::string value = Number(m);
    std::string tooltip = fmt::format("{}: {} {}", bar.id, value, spec.unit);
    if (s->HasInterval()) {
      tooltip += fmt::format(" (95% CI {} to {})", Number(*s->ci_low * spec.factor), Number(*s->ci_high * spec.factor));
    }
    canvas.Rect(plot.left, middle - 8, x(m) - plot.left, 16, LanguageColour(bar.language), tooltip);
    double label_x = x(m);
    if (s->HasInterval()) {
      const double x0 = x(*s->ci_low * spec.factor), x1 = x(*s->ci_high * spec.factor);
      canvas.Line(x0, middle, x1, middle, "whisker");
      canvas.Line(x0, middle - 6, x0, middle + 6, "whisker");
      canvas.Line(x1, middle - 6, x1, middle + 6, "whisker");
      label_x = std::max(label_x, x1);
    }
    // A dot per sample (trial, or runner process) beside the median, spread down the bar.
    const size_t n = s->samples.size();
    for (size_t i = 0; n > 1 && i < n; ++i) {
      const double v = s->samples[i] * spec.factor;
      const double dy = -5 + 10.0 * static_cast<double>(i) / static_cast<double>(n - 1);
      canvas.Circle(x(v), middle + dy, 2.2, "#222222", fmt::format("{} sample {}: {} {}", bar.id, i + 1, Number(v), spec.unit),
                    0.55);
      label_x = std::max(label_x, x(v));
    }
    canvas.Text(label_x + 6, middle + 4, value + " " + spec.unit + (s->noisy ? " ~" : ""), "start", "value");
  }
  return {canvas.Finish(), "Bars: medians; dots: each sample (a trial, or a runner process's median); whiskers: 95% "
                           "order-statistic CIs of the median (none below 6 samples); ~: noisy. Colour: the "
                           "implementation's language."};
}

namespace {

std::vector<Bar> Bars(const std::vector<Entrant>& entrants, std::string_view name) {
  std::vector<Bar> bars;
  for (const auto& e : entrants) {
    const results::Summary* s = SummaryOf(*e.summary, name);
    std::string missing = e.status == results::Status::kOk ? "no " + std::string(name) + " figure"
                                                           : StatusCell(e.status, e.error).text;
    bars.push_back({e.id, e.language, s, s ? "" : missing});
  }
  return bars;
}

// The first throughput metric any implementation has; else the iteration time.
Chart ThroughputOf(const std::vector<Entrant>& entrants, const std::string& title) {
  auto any = [&](std::string_view name) {
    return std::any_of(entrants.begin(), entrants.end(), [&](const Entrant& e) { return SummaryOf(*e.summary, name); });
  };
  const std::string heading = title + ": throughput";
  if (any(metric::kRequestsPerS)) {
    return BarChart(Bars(entrants, metric::kRequestsPerS), {heading, "requests per second", 1, "req/s"});
  }
  if (any(metric::kThroughputMb)) {
    return BarChart(Bars(entrants, metric::kThroughputMb), {heading, "MB/s (10^6 bytes per second)", 1, "MB/s"});
  }
  if (any(metric::kThroughputItems)) {
    return BarChart(Bars(entrants, metric::kThroughputItems), {heading, "items per second", 1, "items/s"});
  }
  if (!any(metric::kIterationTime)) {
    std::vector<std::string> missing;
    for (const auto& e : entrants) missing.push_back(Unavailable(e.id, e.status, e.error, "no figure"));
    return {"", "No throughput or iteration time to draw" + (missing.empty() ? "." : ": " + Joined(missing) + ".")};
  }
  double max_ns = 0;
  for (const auto& e : entrants) {
    if (const results::Summary* s = SummaryOf(*e.summary, metric::kIterationTime)) max_ns = std::max(max_ns, s->median);
  }
  UnitScale scale = DurationScale(max_ns);
  return BarChart(Bars(entrants, metric::kIterationTime),
                  {title + ": time per iteration (lower is better)", "time per iteration (" + scale.unit + ")",
                   scale.factor, scale.unit});
}

// The percentile axis reaches the decade that holds the last response: 99.99% needs 10^4 of them.
int Decades(int64_t responses) {
  return std::clamp(static_cast<int>(std::ceil(std::log10(std::max(static_cast<double>(responses), 1.0)))), 2, 6);
}

}  // namespace

Chart ThroughputChart(const results::HttpWorkload& workload, const std::string& title) {
  return ThroughputOf(Entrants(workload.implementations), title);
}

Chart ThroughputChart(const results::BatchTaskResult& task, const std::string& title) {
  return ThroughputOf(Entrants(task.implementations), title);
}

Chart FamilyDotPlot(const results::BatchWorkload& workload) {
  struct Dot {
    size_t implementation = 0;  // index into `implementations`
    double relative = 1;
    std::string tooltip;
  };
  struct Row {
    std::string task;
    std::vector<Dot> dots;
  };
  struct Entry {
    std::string id;
    std::string language;
    int nth_of_language = 0;
  };
  std::vector<Entry> implementations;
  std::map<std::string, int> per_language;
  auto index_of = [&](const results::BatchEntry& e) {
    for (size_t i = 0; i < implementations.size(); ++i) {
      if (implementations[i].id == e.id) return i;
    }
    implementations.push_back({e.id, e.language, per_language[e.language]++});
    return implementations.size() - 1;
  };
  std::vector<Row> rows;
  double low = 1;
  for (const auto& task : workload.tasks) {
    // The task's figure: its throughput (higher is better), else the time per iteration.
    std::string_view name = metric::kIterationTime;
    bool higher = false;
    for (std::string_view candidate : {metric::kThroughputMb, metric::kThroughputItems}) {
      const bool any = std::any_of(task.implementations.begin(), task.implementations.end(),
                                   [&](const results::BatchEntry& e) { return SummaryOf(e.summary, candidate); });
      if (any) {
        name = candidate;
        higher = true;
        break;
      }
    }
    std::vector<std::pair<const results::BatchEntry*, double>> values;
    for (const auto& e : task.implementations) {
      const results::Summary* s = SummaryOf(e.summary, name);
      if (s && s->median > 0) values.emplace_back(&e, s->median);
    }
    if (values.empty()) continue;
    double best = values.front().second;
    for (const auto& [e, v] : values) best = higher ? std::max(best, v) : std::min(best, v);
    Row row{task.id, {}};
    for (const auto& [e, v] : values) {
      const double relative = higher ? v / best : best / v;
      low = std::min(low, relative);
      row.dots.push_back({index_of(*e), relative,
                          fmt::format("{} / {}: {}, {:.3g}x the fastest", task.id, e->id,
                                      higher ? Number(v) + (name == metric::kThroughputMb ? " MB/s" : " items/s")
                                             : Show(v, DurationScale(v)) + " per iteration",
                                      relative)});
    }
    rows.push_back(std::move(row));
  }
  if (rows.empty()) return {"", "No batch figures to compare."};
  low = std::pow(10, std::floor(std::log10(std::min(low, 0.5))));

  // A legend of every implementation with its marker: colour by language, shape by its place
  // among its language's (filled circle, filled square, open circle, open square).
  constexpr double kRow = 26;
  std::vector<std::string> legend_labels;
  for (const auto& e : implementations) legend_labels.push_back(e.id);
  const int legend_rows = LegendRows(legend_labels, 170, kWidth - 24);
  const double top = 52 + kLegendRow * (legend_rows - 1);
  const svg::Plot plot{170, top, kWidth - 24, top + 8 + kRow * static_cast<double>(rows.size())};
  svg::Canvas canvas(kWidth, plot.bottom + 50, workload.id + ": each task's fastest and the rest",
                     "speed relative to the fastest implementation of each task, log scale, one row per task");
  canvas.Text(12, 20, workload.id + ": speed relative to each task's fastest", "start", "chart-title");
  svg::LogScale x{low, 1, plot.left, plot.right};
  std::vector<svg::Tick> ticks;
  for (const auto& t : DecadeTicks(low, 1)) ticks.push_back({t.value, t.label + "x"});
  canvas.XAxis(plot, x, ticks, "throughput relative to the task's fastest (log scale; 1x = fastest)");
  auto marker = [&](double cx, double cy, const Entry& e, const std::string& tooltip) {
    const std::string colour = LanguageColour(e.language);
    const bool square = e.nth_of_language % 2 == 1, open = e.nth_of_language >= 2;
    if (square) {
      canvas.Rect(cx - 4, cy - 4, 8, 8, colour, tooltip);
      if (open) canvas.Rect(cx - 2, cy - 2, 4, 4, "#ffffff", tooltip);
    } else {
      canvas.Circle(cx, cy, 4.5, colour, tooltip);
      if (open) canvas.Circle(cx, cy, 2.2, "#ffffff", tooltip);
    }
  };
  const Points places = LegendPlaces(legend_labels, plot.left, 40, plot.right);
  for (size_t i = 0; i < implementations.size(); ++i) {
    const auto [lx, ly] = places[i];
    marker(lx + 6, ly - 4, implementations[i], implementations[i].id);
    canvas.Text(lx + 16, ly, implementations[i].id, "start", "legend");
  }
  double y = plot.top + 4;
  const double spread = implementations.size() > 1 ? 12.0 / static_cast<double>(implementations.size() - 1) : 0;
  for (const auto& row : rows) {
    const double middle = y + kRow / 2;
    y += kRow;
    canvas.Text(plot.left - 8, middle + 4, row.task, "end", "label");
    canvas.Line(plot.left, middle, plot.right, middle, "grid");
    for (const auto& d : row.dots) {
      marker(x(d.relative), middle - 6 + spread * static_cast<double>(d.implementation), implementations[d.implementation],
             d.tooltip);
    }
  }
  return {canvas.Finish(),
          "Each task's implementations against its fastest (medians; throughput, or time per iteration inverted), on a "
          "log scale so that 2x and 20x both read. The tables, ratios and per-task charts are folded below."};
}

Chart LatencySpectrumChart(const results::HttpWorkload& workload) {
  std::vector<Series> series;
  std::vector<load::Histogram> pooled;  // one per series
  std::vector<std::pair<size_t, load::Histogram>> trial_histograms;  // (series, one trial's)
  std::vector<std::string> languages, missing, described;
  int64_t total_max = 0;
  double y_max = 0;
  for (const auto& impl : workload.implementations) {
    int trials = 0;
    std::optional<load::Histogram> h;
    try {
      h = PooledHistogram(impl, &trials);
    } catch (const std::invalid_argument& e) {
      missing.push_back(impl.id + ": histograms that do not pool (" + e.what() + ")");
      continue;
    }
    if (!h || h->Count() == 0) {
      missing.push_back(Unavailable(impl.id, impl.status, impl.error, "no latency histogram"));
      continue;
    }
    total_max = std::max(total_max, h->Count());
    y_max = std::max(y_max, static_cast<double>(h->Max()) / 1e6);
    for (const auto& trial : impl.trials) {
      const load::LoadReport& load = trial.load;
      if (load.latency_histogram.buckets.empty()) continue;
      trial_histograms.push_back(
          {series.size(), load::HistogramOf(load.latency_histogram, load.latency.min, load.latency.max)});
    }
    described.push_back(
        fmt::format("{} {} trial{}, {} responses", impl.id, trials, trials == 1 ? "" : "s", h->Count()));
    series.push_back({impl.id, "", "", {}});
    pooled.push_back(std::move(*h));
    languages.push_back(impl.language);
  }
  if (series.empty()) {
    return {"", "No latency histograms to draw" + (missing.empty() ? "." : ": " + Joined(missing) + ".")};
  }
  AssignStyles(series, languages);
  const int decades = Decades(total_max);
  constexpr int kPerDecade = 24;
  auto spectrum = [&](const load::Histogram& h) {
    Points points;
    // A trial's line stops at its own last response: past it, its percentiles repeat the max.
    const int reach = std::min(decades, Decades(h.Count()));
    for (int i = 0; i <= reach * kPerDecade; ++i) {
      const double x = std::pow(10, static_cast<double>(i) / kPerDecade);
      points.emplace_back(x, static_cast<double>(h.ValueAtPercentile(100 * (1 - 1 / x))) / 1e6);
    }
    return points;
  };
  for (size_t k = 0; k < series.size(); ++k) series[k].points = spectrum(pooled[k]);
  std::vector<Series> faint;
  for (const auto& [k, h] : trial_histograms) {
    faint.push_back({series[k].id + ": one trial", series[k].colour, "", spectrum(h)});
  }
  svg::LogScale x{1, std::pow(10, decades), 72, kWidth - 24};
  std::vector<svg::Tick> ticks = {{1, "0%"}, {2, "50%"}, {10, "90%"}};
  for (int d = 2; d <= decades; ++d) {
    ticks.push_back({std::pow(10, d), "99" + (d > 2 ? "." + std::string(d - 2, '9') : "") + "%"});
  }
  std::string svg_text = LineChart(workload.id + ": latency by percentile",
                                   "latency against percentile on log-log axes, one line per implementation and a "
                                   "faint one per trial",
                                   series, x, ticks, "percentile (log scale of 1/(1-p))", y_max,
                                   "latency (ms, log scale)", {}, faint, /*log_y=*/true);
  std::string caption =
      "Latency at each percentile of the trials' latency histograms pooled per implementation (" + Joined(described) +
      "): every response of every trial in one histogram, unlike the tables' p50 and p99, which are medians of "
      "per-trial percentiles; the right end is the maximum. Faint lines: each trial on its own, so a trial unlike "
      "the others shows. Both axes are logarithmic.";
  if (!missing.empty()) caption += " Not drawn: " + Joined(missing) + ".";
  return {svg_text, caption};
}

Chart RssChart(const results::HttpWorkload& workload) {
  std::vector<Series> series;
  std::vector<std::string> languages, missing;
  double t_max = 0, y_max = 0;
  for (const auto& impl : workload.implementations) {
    Series s{impl.id, "", "", {}};
    if (!impl.trials.empty()) {
      for (const auto& sample : impl.trials.front().server.rss_series) {
        s.points.emplace_back(sample.t_s, static_cast<double>(sample.rss_bytes) / (1 << 20));
        t_max = std::max(t_max, s.points.back().first);
        y_max = std::max(y_max, s.points.back().second);
      }
    }
    if (s.points.empty()) {
      missing.push_back(Unavailable(impl.id, impl.status, impl.error, "no RSS samples"));
      continue;
    }
    series.push_back(std::move(s));
    languages.push_back(impl.language);
  }
  if (series.empty()) return {"", "No RSS samples to draw" + (missing.empty() ? "." : ": " + Joined(missing) + ".")};
  AssignStyles(series, languages);
  std::vector<double> t_values = svg::NiceTicks(t_max, 6);
  svg::LinearScale x{0, t_values.back(), 72, kWidth - 24};
  std::vector<svg::Tick> ticks;
  for (double v : t_values) ticks.push_back({v, svg::TickLabel(v)});
  std::string svg_text = LineChart(workload.id + ": server RSS during the first trial",
                                   "resident set size against time, one line per implementation",
                                   series, x, ticks, "time since the measurement window began (s)", y_max, "RSS (MiB)");
  std::string caption = "Resident set size of each server, sampled during the measured window of its first trial.";
  if (!missing.empty()) caption += " Not drawn: " + Joined(missing) + ".";
  return {svg_text, caption};
}

Chart ThroughputByConnectionsChart(const results::HttpWorkload& workload) {
  std::vector<Series> series;
  std::vector<std::string> languages;
  double x_max = 1, y_max = 0;
  for (const auto& impl : workload.implementations) {
    std::map<double, std::vector<double>> by_connections;
    for (const auto& t : impl.trials) {
      if (workload.load && t.load.requests_per_s > 0) {
        by_connections[static_cast<double>(workload.load->connections)].push_back(t.load.requests_per_s);
      }
      if (!t.load_points) continue;
      for (const auto& p : t.load_points->connections) {
        if (p.connections && p.requests_per_s > 0) by_connections[static_cast<double>(*p.connections)].push_back(p.requests_per_s);
      }
    }
    if (by_connections.size() < 2) continue;  // a sweep needs more than the main window
    series.push_back({impl.id, "", "", MedianPoints(by_connections)});
    languages.push_back(impl.language);
    for (const auto& [x, y] : series.back().points) {
      x_max = std::max(x_max, x);
      y_max = std::max(y_max, y);
    }
  }
  if (series.empty()) return {"", "No connection sweep in this run (the full suite and the quick suite's first trial run it)."};
  AssignStyles(series, languages);
  const double decades = std::ceil(std::log10(x_max));
  svg::LogScale x{1, std::pow(10, decades), 0, 1};
  std::vector<svg::Tick> ticks;
  for (double t = 1; t <= std::pow(10, decades) * 1.001; t *= 10) ticks.push_back({t, svg::TickLabel(t)});
  return {LineChart(workload.id + ": throughput by connections", "req/s against connections, one line per implementation",
                    series, x, ticks, "connections (log scale)", y_max, "req/s"),
          "Closed loop at each connection count of the sweep, beside the main window's; the median over the trials "
          "that ran each point."};
}

Chart LatencyByRateChart(const results::HttpWorkload& workload) {
  std::vector<Series> series;
  std::vector<std::string> languages;
  std::vector<Marker> markers;
  double x_max = 0, y_max = 0;
  for (const auto& impl : workload.implementations) {
    std::map<double, std::vector<double>> p99_ms;
    std::map<double, int> reached, seen;
    std::map<double, std::vector<double>> achieved;
    auto add = [&](const results::LoadPoint& p) {
      if (!p.target_rate_per_s) return;
      const double rate = *p.target_rate_per_s;
      seen[rate]++;
      reached[rate] += p.reached.value_or(false);
      if (!p.latency_p99_ns) return;  // files from before overloaded points kept their P99
      p99_ms[rate].push_back(static_cast<double>(*p.latency_p99_ns) / 1e6);
      achieved[rate].push_back(p.achieved_rate_per_s);
    };
    for (const auto& t : impl.trials) {
      if (!t.load_points) continue;
      for (const auto& [key, p] : t.load_points->fixed_rates) add(p);
      if (t.load_points->knee) {
        for (const auto& p : t.load_points->knee->points) add(p);
      }
    }
    if (p99_ms.empty()) continue;
    const size_t index = series.size();
    series.push_back({impl.id, "", "", MedianPoints(p99_ms)});
    languages.push_back(impl.language);
    const Points sent = MedianPoints(achieved);
    for (size_t i = 0; i < series.back().points.size(); ++i) {
      const auto [rate, p99] = series.back().points[i];
      x_max = std::max(x_max, rate);
      y_max = std::max(y_max, p99);
      const bool open = reached[rate] < seen[rate];
      const double sent_rate = sent[i].second;
      markers.push_back({index, rate, p99, open,
                         fmt::format("{}: offered {:.0f} req/s, sent {:.0f} req/s, P99 {:.3g} ms{}", impl.id, rate,
                                     sent_rate, p99,
                                     open ? fmt::format(" (not sustained in {} of {} trials: an overload figure)",
                                                        seen[rate] - reached[rate], seen[rate])
                                          : ""),
                         sent_rate < 0.95 * rate ? std::optional(sent_rate) : std::nullopt});
    }
  }
  if (series.empty()) return {"", "No open-loop rate was run in this run."};
  AssignStyles(series, languages);
  std::vector<double> x_values = svg::NiceTicks(x_max, 6);
  svg::LinearScale x{0, x_values.back(), 0, 1};
  std::vector<svg::Tick> ticks;
  for (double v : x_values) ticks.push_back({v, svg::TickLabel(v)});
  return {LineChart(workload.id + ": P99 by offered rate", "P99 latency against the offered open-loop rate",
                    series, x, ticks, "offered rate (req/s)", y_max, "P99 (ms)", markers),
          "Open loop at each fixed rate and each step of the knee search; latency from each request's intended send "
          "time (as wrk2). A filled marker: the rate was sustained in every trial; an open one: it was not in some, "
          "and its P99 is an overload figure that grows with the window; a dashed line runs back to the rate "
          "actually sent (a tick) when that fell short by more than 5%. The median over trials."};
}

}  // namespace claimbench::report
