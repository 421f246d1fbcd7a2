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
