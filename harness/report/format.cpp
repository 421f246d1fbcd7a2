// Numbers, units and cells shared by the reports.
#include "report/format.h"

#include <fmt/format.h>

#include <cmath>

namespace claimbench::report {

const char kNoisyLegend[] =
    "~ marks a noisy figure: its 95% CI reaches further than 10% of the median from it (a ratio whose "
    "side has a single sample, and so no CI, is marked too).";

const results::Summary* SummaryOf(const results::Summaries& summaries, std::string_view metric) {
  auto it = summaries.find(std::string(metric));
  return it == summaries.end() ? nullptr : &it->second;
}

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

UnitScale ScaleFor(stats::DisplayScale scale, double median) {
  using D = stats::DisplayScale;
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
  return text;
}

std::string Show(double value, const UnitScale& scale) {
  return scale.unit.empty() ? ShowBare(value, scale) : ShowBare(value, scale) + " " + scale.unit;
}

Cell SummaryCell(const results::Summary* summary, const UnitScale& scale, bool with_ci) {
  if (!summary) return {"-"};
  Cell cell{Show(summary->median, scale), summary->noisy};
  if (with_ci && summary->HasInterval()) {
    cell.text += " [" + ShowBare(*summary->ci_low, scale) + ", " + ShowBare(*summary->ci_high, scale) + "]";
  }
  return cell;
}

Cell MetricCell(const results::Summaries& summaries, const stats::Metric& metric, bool with_ci) {
  const results::Summary* summary = SummaryOf(summaries, metric.name);
  return SummaryCell(summary, ScaleFor(metric.scale, summary ? summary->median : 0), with_ci);
}

Cell ValueCell(std::optional<double> value, const stats::Metric& metric) {
  return value ? Cell{Show(*value, ScaleFor(metric.scale, *value))} : Cell{"-"};
}

std::string FirstLine(const std::string& text, size_t max_chars) {
  std::string line = text.substr(0, text.find_first_of("\r\n"));
  if (line.size() <= max_chars) return line;
  size_t cut = max_chars;
  // Back up to the first byte of a UTF-8 sequence.
  while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
  return line.substr(0, cut) + "...";
}

Cell StatusCell(results::Status status, const std::optional<std::string>& error) {
  const std::string name(results::Name(status));
  if (status == results::Status::kOk) return {name};
  Cell cell{error && !error->empty() ? name + ": " + FirstLine(*error) : name};
  cell.failed = true;
  return cell;
}

std::string G4(double value) { return fmt::format("{:.4g}", value); }

}  // namespace claimbench::report
