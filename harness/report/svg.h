// A small SVG writer for the HTML report's charts: linear and log scales, round ticks,
// axes with labels and titles, rectangles, lines, polylines and text. Every string is
// escaped on the way in; the output is inline SVG for an HTML5 page (no xmlns: a URL-free
// page is the point).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace claimbench::report::svg {

/// Text safe in HTML/XML content and in quoted attributes: & < > " ' as entities.
std::string Escape(std::string_view text);

/// Maps [low, high] of the data onto [from, to] pixels (to < from for a y axis).
struct LinearScale {
  double low = 0, high = 1, from = 0, to = 1;
  double operator()(double value) const;
};

/// Like LinearScale on log10 of the value; values <= 0 map to `low`.
struct LogScale {
  double low = 1, high = 10, from = 0, to = 1;
  double operator()(double value) const;
};

/// Ticks at a round step (1, 2 or 5 x 10^k) from 0 to the first tick >= `max`, about
/// `count` of them; {0, 1} when max <= 0.
std::vector<double> NiceTicks(double max, int count = 5);
/// A tick value as a label: "0", "2.5", "1000", "0.05".
std::string TickLabel(double value);

struct Tick {
  double value = 0;
  std::string label;
};

/// The plotting area inside the chart, in pixels.
struct Plot {
  double left = 0, top = 0, right = 0, bottom = 0;
};

class Canvas {
 public:
  /// `title` becomes the chart's <title> and aria-label; `description` its <desc>.
  Canvas(double width, double height, const std::string& title, const std::string& description);

  void Line(double x1, double y1, double x2, double y2, const std::string& css_class);
  /// A filled rectangle; `tooltip`, when given, is shown on hover (a <title> child).
  void Rect(double x, double y, double width, double height, const std::string& fill,
            const std::string& tooltip = "");
  /// A filled circle of radius `r`; `tooltip` as for Rect.
  void Circle(double x, double y, double r, const std::string& fill, const std::string& tooltip = "",
              double opacity = 1);
  /// `anchor`: "start", "middle" or "end". `rotate` turns the text about (x, y), in degrees.
  void Text(double x, double y, const std::string& text, const std::string& anchor = "start",
            const std::string& css_class = "", double rotate = 0);
  /// A line through `points`; `dash` is an SVG stroke-dasharray ("" for solid).
  /// `width` in pixels; `opacity` below 1 draws a faint line (one trial among many).
  void Polyline(const std::vector<std::pair<double, double>>& points, const std::string& stroke,
                const std::string& dash = "", const std::string& tooltip = "", double width = 2, double opacity = 1);

  /// A horizontal axis under the plot: ticks, their labels, grid lines up the plot, a title.
  template <typename Scale>
  void XAxis(const Plot& plot, const Scale& x, const std::vector<Tick>& ticks, const std::string& title) {
    for (const auto& t : ticks) VerticalTick(plot, x(t.value), t.label);
    AxisLines(plot);
    Text((plot.left + plot.right) / 2, plot.bottom + 36, title, "middle", "axis-title");
  }
  /// A vertical axis left of the plot, with grid lines across it and a rotated title.
  template <typename Scale>
  void YAxis(const Plot& plot, const Scale& y, const std::vector<Tick>& ticks, const std::string& title) {
    for (const auto& t : ticks) HorizontalTick(plot, y(t.value), t.label);
    AxisLines(plot);
    Text(plot.left - 48, (plot.top + plot.bottom) / 2, title, "middle", "axis-title", -90);
  }

  /// The <svg> element, on lines of its own.
  std::string Finish() const;

 private:
  void VerticalTick(const Plot& plot, double x, const std::string& label);
  void HorizontalTick(const Plot& plot, double y, const std::string& label);
  void AxisLines(const Plot& plot);

  double width_, height_;
  std::string title_, description_;
  std::string body_;
};

/// A coordinate as SVG text: one decimal, no "-0".
std::string Coord(double value);

}  // namespace claimbench::report::svg
