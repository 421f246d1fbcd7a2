// Formatting shared by the Markdown and HTML reports: a metric's summary looked up in an
// implementation, numbers shown in a unit with about three significant digits, a median
// with its 95% CI, an implementation's status. Plain text only: each report escapes it.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace claimbench::report {

/// The summary {median, ci_low, ci_high, noisy, ...} of `metric` in an implementation
/// entry, or nullptr when the entry has none (a failed implementation has no summary).
const nlohmann::json* SummaryOf(const nlohmann::json& impl, const std::string& metric);
/// The median of that summary, if there is one and it is a number.
std::optional<double> MedianOf(const nlohmann::json& impl, const std::string& metric);
/// object[key] when it is a number (a null CI bound is no number).
std::optional<double> NumberAt(const nlohmann::json& object, const std::string& key);
/// Text(object[key]), or "" when `object` is no object or has no such key.
std::string StringAt(const nlohmann::json& object, const std::string& key);
/// object[key] when it is a boolean, else false.
bool BoolAt(const nlohmann::json& object, const std::string& key);
/// object[key] when it is an array (an object), else an empty one: a reader of a results
/// file with a field missing or of the wrong type renders "-", it does not throw.
const nlohmann::json& ArrayAt(const nlohmann::json& object, const std::string& key);
const nlohmann::json& ObjectAt(const nlohmann::json& object, const std::string& key);
/// The first element of the array at object[key] (an implementation's first trial), or an
/// empty object.
const nlohmann::json& FirstAt(const nlohmann::json& object, const std::string& key);

/// How a stored value is shown: multiplied by `factor`, `decimals` after the point, then
/// `unit` (with a space before it unless empty).
struct UnitScale {
  double factor = 1;
  int decimals = 0;
  std::string unit;
};

/// Decimals for about three significant digits of `scaled` (0 from 100 up, 1 from 10, else 2).
int DecimalsFor(double scaled);
/// A count or rate as stored (req/s, MB/s), with DecimalsFor(median); none for a whole number.
UnitScale PlainScale(double median, const std::string& unit = "");
/// Nanoseconds in the unit that suits `median_ns`: ns, µs, ms or s.
UnitScale DurationScale(double median_ns);
/// Bytes in MiB (2^20 bytes): memory.
UnitScale MibScale(double median_bytes);
/// Bytes in kB below 10^6, else MB (decimal): file sizes.
UnitScale DecimalBytesScale(double median_bytes);

/// "12.3 ms": the value in the scale, with the unit.
std::string Show(double value, const UnitScale& scale);
/// "12.3": the value in the scale, without the unit.
std::string ShowBare(double value, const UnitScale& scale);

/// A table cell: plain text, and whether it is a noisy figure (rendered with a "~").
struct Cell {
  std::string text;
  bool noisy = false;
  bool failed = false;  ///< a status that is not "ok"
};

/// The median of a summary in `scale`; with `with_ci`, followed by "[low, high]" in the same
/// scale when the summary has an interval. "-" for no summary.
Cell SummaryCell(const nlohmann::json* summary, const UnitScale& scale, bool with_ci);
/// A duration summary (ns) in the unit that suits its median.
Cell DurationCell(const nlohmann::json* summary, bool with_ci);

/// "ok", or "<status>: <first line of the error>" (a failed implementation).
Cell StatusCell(const nlohmann::json& entry);

/// The first line of `text`, cut to `max_chars` bytes (on a UTF-8 boundary) with "...".
std::string FirstLine(const std::string& text, size_t max_chars = 160);
/// Four significant digits, as the claims' details write them ("1.067", "8.903e+06").
std::string G4(double value);
/// A JSON value as text: a string as is, a number in G4, anything else as JSON.
std::string Text(const nlohmann::json& value);

/// The legend of the "~" mark, one sentence.
extern const char kNoisyLegend[];

}  // namespace claimbench::report
