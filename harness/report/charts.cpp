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
    canvas.Text(label_x + 6, middle + 4, value + " " + spec.unit + (s->noisy ? " ~" : ""), "start", "value");
  }
  return {canvas.Finish(), "Bars: medians; whiskers: 95% order-statistic CIs of the median (none below 6 samples); ~: noisy. "
                           "Colour: the implementation's language."};
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

Chart LatencySpectrumChart(const results::HttpWorkload& workload) {
  std::vector<Series> series;
  std::vector<load::Histogram> pooled;  // one per series
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
  for (size_t k = 0; k < series.size(); ++k) {
    for (int i = 0; i <= decades * kPerDecade; ++i) {
      const double x = std::pow(10, static_cast<double>(i) / kPerDecade);
      const double value_ns = static_cast<double>(pooled[k].ValueAtPercentile(100 * (1 - 1 / x)));
      series[k].points.emplace_back(x, value_ns / 1e6);
    }
  }
  svg::LogScale x{1, std::pow(10, decades), 72, kWidth - 24};
  std::vector<svg::Tick> ticks = {{1, "0%"}, {2, "50%"}, {10, "90%"}};
  for (int d = 2; d <= decades; ++d) {
    ticks.push_back({std::pow(10, d), "99" + (d > 2 ? "." + std::string(d - 2, '9') : "") + "%"});
  }
  std::string svg_text = LineChart(workload.id + ": latency by percentile",
                                   "latency against percentile, one line per implementation", series, x, ticks,
                                   "percentile (log scale of 1/(1-p))", y_max, "latency (ms)");
  std::string caption =
      "Latency at each percentile of the trials' latency histograms pooled per implementation (" + Joined(described) +
      "): every response of every trial in one histogram, unlike the tables' p50 and p99, which are medians of "
      "per-trial percentiles; the right end is the maximum.";
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

}  // namespace claimbench::report
