// SVG primitives for the report's charts.
#include "report/svg.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace claimbench::report::svg {

std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string Coord(double value) {
  std::string text = fmt::format("{:.1f}", value);
  if (text == "-0.0") text = "0.0";
  if (text.ends_with(".0")) text.resize(text.size() - 2);
  return text;
}

double LinearScale::operator()(double value) const {
  if (high == low) return from;
  return from + (value - low) / (high - low) * (to - from);
}

double LogScale::operator()(double value) const {
  if (value <= 0 || high <= low || low <= 0) return from;
  return from + (std::log10(value) - std::log10(low)) / (std::log10(high) - std::log10(low)) * (to - from);
}

std::vector<double> NiceTicks(double max, int count) {
  if (!(max > 0) || !std::isfinite(max)) return {0, 1};
  const double raw = max / std::max(count, 1);
  const double magnitude = std::pow(10, std::floor(std::log10(raw)));
  double step = magnitude * 10;
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    if (m * magnitude >= raw) {
      step = m * magnitude;
      break;
    }
  }
  std::vector<double> ticks;
  for (int i = 0;; ++i) {
    double t = i * step;
    ticks.push_back(t);
    if (t >= max * (1 - 1e-12)) break;
  }
  return ticks;
}

std::string TickLabel(double value) {
  if (value == 0) return "0";
  // Whole numbers in full ("20000", not "2e+04"); fractions with up to four digits.
  if (value == std::floor(value) && std::fabs(value) < 1e15) return fmt::format("{:.0f}", value);
  return fmt::format("{:.4g}", value);
}

Canvas::Canvas(double width, double height, const std::string& title, const std::string& description)
    : width_(width), height_(height), title_(title), description_(description) {}

void Canvas::Line(double x1, double y1, double x2, double y2, const std::string& css_class) {
  body_ += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" class=\"{}\"/>\n", Coord(x1), Coord(y1),
                       Coord(x2), Coord(y2), Escape(css_class));
}

void Canvas::Rect(double x, double y, double width, double height, const std::string& fill,
                  const std::string& tooltip) {
  std::string rect = fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"", Coord(x), Coord(y),
                                 Coord(std::max(width, 0.0)), Coord(std::max(height, 0.0)), Escape(fill));
  body_ += tooltip.empty() ? rect + "/>\n" : rect + "><title>" + Escape(tooltip) + "</title></rect>\n";
}

void Canvas::Circle(double x, double y, double r, const std::string& fill, const std::string& tooltip,
                    double opacity) {
  std::string circle = fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\"", Coord(x), Coord(y),
                                   Coord(std::max(r, 0.0)), Escape(fill));
  if (opacity < 1) circle += fmt::format(" fill-opacity=\"{:.2f}\"", opacity);
  body_ += tooltip.empty() ? circle + "/>\n" : circle + "><title>" + Escape(tooltip) + "</title></circle>\n";
}

void Canvas::Text(double x, double y, const std::string& text, const std::string& anchor, const std::string& css_class,
                  double rotate) {
  std::string attributes = fmt::format("x=\"{}\" y=\"{}\"", Coord(x), Coord(y));
  if (anchor != "start") attributes += " text-anchor=\"" + Escape(anchor) + "\"";
  if (!css_class.empty()) attributes += " class=\"" + Escape(css_class) + "\"";
  if (rotate != 0) attributes += fmt::format(" transform=\"rotate({} {} {})\"", Coord(rotate), Coord(x), Coord(y));
  body_ += "<text " + attributes + ">" + Escape(text) + "</text>\n";
}

void Canvas::Polyline(const std::vector<std::pair<double, double>>& points, const std::string& stroke,
                      const std::string& dash, const std::string& tooltip, double width, double opacity) {
  if (points.empty()) return;
  std::string list;
  for (const auto& [x, y] : points) list += (list.empty() ? "" : " ") + Coord(x) + "," + Coord(y);
  std::string line = "<polyline points=\"" + list + "\" fill=\"none\" stroke=\"" + Escape(stroke) +
                     "\" stroke-width=\"" + Coord(width) + "\"";
  if (opacity < 1) line += fmt::format(" stroke-opacity=\"{:.2f}\"", opacity);
  if (!dash.empty()) line += " stroke-dasharray=\"" + Escape(dash) + "\"";
  body_ += tooltip.empty() ? line + "/>\n" : line + "><title>" + Escape(tooltip) + "</title></polyline>\n";
}

void Canvas::VerticalTick(const Plot& plot, double x, const std::string& label) {
  Line(x, plot.top, x, plot.bottom, "grid");
  Line(x, plot.bottom, x, plot.bottom + 5, "axis");
  Text(x, plot.bottom + 18, label, "middle", "tick");
}

void Canvas::HorizontalTick(const Plot& plot, double y, const std::string& label) {
  Line(plot.left, y, plot.right, y, "grid");
  Line(plot.left - 5, y, plot.left, y, "axis");
  Text(plot.left - 8, y + 4, label, "end", "tick");
}

void Canvas::AxisLines(const Plot& plot) {
  Line(plot.left, plot.bottom, plot.right, plot.bottom, "axis");
  Line(plot.left, plot.top, plot.left, plot.bottom, "axis");
}

std::string Canvas::Finish() const {
  const std::string title = Escape(title_);
  return fmt::format(
      "<svg class=\"chart\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" height=\"{1}\" role=\"img\" aria-label=\"{2}\">\n"
      "<title>{2}</title>\n<desc>{3}</desc>\n{4}</svg>\n",
      Coord(width_), Coord(height_), title, Escape(description_), body_);
}

}  // namespace claimbench::report::svg
