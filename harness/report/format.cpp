// Numbers, units and cells shared by the Markdown and HTML reports.
#include "report/format.h"

#include <fmt/format.h>

#include <cmath>

namespace claimbench::report {

using nlohmann::json;

const char kNoisyLegend[] =
    "~ marks a noisy figure: its 95% CI reaches further than 10% of the median from it (a ratio whose "
    "side has a single sample, and so no CI, is marked too).";

const json* SummaryOf(const json& impl, const std::string& metric) {
  if (!impl.is_object()) return nullptr;
  auto summary = impl.find("summary");
  if (summary == impl.end() || !summary->is_object()) return nullptr;
  auto entry = summary->find(metric);
  if (entry == summary->end() || !entry->is_object()) return nullptr;
  return &*entry;
}

std::optional<double> NumberAt(const json& object, const std::string& key) {
  if (!object.is_object()) return std::nullopt;
  auto it = object.find(key);
  if (it == object.end() || !it->is_number()) return std::nullopt;
  return it->get<double>();
}

std::string StringAt(const json& object, const std::string& key) {
  if (!object.is_object()) return "";
  auto it = object.find(key);
  return it == object.end() ? "" : Text(*it);
}

bool BoolAt(const json& object, const std::string& key) {
  if (!object.is_object()) return false;
  auto it = object.find(key);
  return it != object.end() && it->is_boolean() && it->get<bool>();
}

const json& ArrayAt(const json& object, const std::string& key) {
  static const json kEmpty = json::array();
  if (!object.is_object()) return kEmpty;
  auto it = object.find(key);
  return it != object.end() && it->is_array() ? *it : kEmpty;
}

const json& ObjectAt(const json& object, const std::string& key) {
  static const json kEmpty = json::object();
  if (!object.is_object()) return kEmpty;
  auto it = object.find(key);
  return it != object.end() && it->is_object() ? *it : kEmpty;
}

const json& FirstAt(const json& object, const std::string& key) {
  const json& array = ArrayAt(object, key);
  return array.empty() ? ObjectAt(array, "") : array[0];
}

std::optional<double> MedianOf(const json& impl, const std::string& metric) {
  const json* summary = SummaryOf(impl, metric);
  return summary ? NumberAt(*summary, "median") : std::nullopt;
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

UnitScale MibScale(double median_bytes) {
  const double mib = median_bytes / (1 << 20);
  return {1.0 / (1 << 20), DecimalsFor(mib), "MiB"};
}

UnitScale DecimalBytesScale(double median_bytes) {
  if (std::fabs(median_bytes) < 1e6) return {1e-3, DecimalsFor(median_bytes * 1e-3), "kB"};
  return {1e-6, DecimalsFor(median_bytes * 1e-6), "MB"};
}

std::string ShowBare(double value, const UnitScale& scale) {
  std::string text = fmt::format("{:.{}f}", value * scale.factor, scale.decimals);
  if (text == "-0" || text == "-0.0" || text == "-0.00") text.erase(0, 1);
  return text;
}

std::string Show(double value, const UnitScale& scale) {
  return scale.unit.empty() ? ShowBare(value, scale) : ShowBare(value, scale) + " " + scale.unit;
}

Cell SummaryCell(const json* summary, const UnitScale& scale, bool with_ci) {
  if (!summary) return {"-"};
  auto median = NumberAt(*summary, "median");
  if (!median) return {"-"};
  Cell cell{Show(*median, scale), BoolAt(*summary, "noisy")};
  auto low = NumberAt(*summary, "ci_low"), high = NumberAt(*summary, "ci_high");
  if (with_ci && low && high) cell.text += " [" + ShowBare(*low, scale) + ", " + ShowBare(*high, scale) + "]";
  return cell;
}

Cell DurationCell(const json* summary, bool with_ci) {
  std::optional<double> median = summary ? NumberAt(*summary, "median") : std::nullopt;
  return SummaryCell(summary, DurationScale(median.value_or(0)), with_ci);
}

std::string FirstLine(const std::string& text, size_t max_chars) {
  std::string line = text.substr(0, text.find_first_of("\r\n"));
  if (line.size() <= max_chars) return line;
  size_t cut = max_chars;
  // Back up to the first byte of a UTF-8 sequence.
  while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
  return line.substr(0, cut) + "...";
}

Cell StatusCell(const json& entry) {
  std::string status = StringAt(entry, "status");
  if (status == "ok") return {"ok"};
  if (status.empty()) status = "no status";
  std::string error = StringAt(entry, "error");
  Cell cell{error.empty() ? status : status + ": " + FirstLine(error)};
  cell.failed = true;
  return cell;
}

std::string G4(double value) { return fmt::format("{:.4g}", value); }

std::string Text(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number()) return G4(value.get<double>());
  if (value.is_null()) return "";
  return value.dump();
}

}  // namespace claimbench::report
