// Units and scales of displayed figures.
#include "stats/display.h"

#include <fmt/format.h>

#include <cmath>

namespace claimbench::stats {

int DecimalsFor(double scaled) {
  double a = std::fabs(scaled);
  if (a >= 100 || a == 0) return 0;
  if (a >= 10) return 1;
  return 2;
}

UnitScale PlainScale(double median, const std::string& unit) {
  // Counts (lines, GC cycles, errors) read as whole numbers.
  return {1, median == std::floor(median) ? 0 : DecimalsFor(median), unit};
}

UnitScale DurationScale(double median_ns) {
  double a = std::fabs(median_ns);
  if (a >= 1e9) return {1e-9, DecimalsFor(median_ns * 1e-9), "s"};
  if (a >= 1e6) return {1e-6, DecimalsFor(median_ns * 1e-6), "ms"};
  if (a >= 1e3) return {1e-3, DecimalsFor(median_ns * 1e-3), "µs"};
  return {1, 0, "ns"};
}

UnitScale MicrosecondsScale(double median_us) {
  UnitScale scale = DurationScale(median_us * 1e3);
  scale.factor *= 1e3;
  return scale;
}

UnitScale SecondsScale(double median_s) { return {1, DecimalsFor(median_s), "s"}; }

UnitScale MillisecondsScale(double median_s) { return {1e3, DecimalsFor(median_s * 1e3), "ms"}; }

UnitScale MibScale(double median_bytes) {
  const double mib = median_bytes / (1 << 20);
  return {1.0 / (1 << 20), DecimalsFor(mib), "MiB"};
}

UnitScale DecimalBytesScale(double median_bytes) {
  if (std::fabs(median_bytes) < 1e6) return {1e-3, DecimalsFor(median_bytes * 1e-3), "kB"};
  return {1e-6, DecimalsFor(median_bytes * 1e-6), "MB"};
}

UnitScale ScaleFor(DisplayScale scale, double median) {
  using D = DisplayScale;
  switch (scale) {
    case D::kPlain: return PlainScale(median);
    case D::kDuration: return DurationScale(median);
    case D::kMicroseconds: return MicrosecondsScale(median);
    case D::kSeconds: return SecondsScale(median);
    case D::kMilliseconds: return MillisecondsScale(median);
    case D::kMib: return MibScale(median);
    case D::kDecimalBytes: return DecimalBytesScale(median);
  }
  return PlainScale(median);
}

std::string ShowBare(double value, const UnitScale& scale) {
  std::string text = fmt::format("{:.{}f}", value * scale.factor, scale.decimals);
  if (text == "-0" || text == "-0.0" || text == "-0.00") text.erase(0, 1);
  // Thousands separators from five digits up ("85,579", "1,048,576"); "1863" stays short.
  const size_t digits_end = text.find('.') == std::string::npos ? text.size() : text.find('.');
  const size_t digits_start = text[0] == '-' ? 1 : 0;
  if (digits_end - digits_start >= 5) {
    for (size_t at = digits_end; at > digits_start + 3; at -= 3) text.insert(at - 3, ",");
  }
  return text;
}

std::string Show(double value, const UnitScale& scale) {
  return scale.unit.empty() ? ShowBare(value, scale) : ShowBare(value, scale) + " " + scale.unit;
}

std::string ShowValue(double value, const Metric& metric) {
  const UnitScale scale = ScaleFor(metric.scale, value);
  // A plain scale carries no unit of its own: the metric's ("req/s", "lines", "x").
  if (scale.unit.empty() && !metric.unit.empty()) return ShowBare(value, scale) + " " + metric.unit;
  return Show(value, scale);
}

}  // namespace claimbench::stats
