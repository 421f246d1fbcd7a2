// Formatting shared by the reports: a metric's summary looked up in an implementation and
// shown in the metric's display scale (from the registry), numbers with about three
// significant digits, a median with its 95% CI, an implementation's status. Plain text
// only: each report escapes it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "results/model.h"
#include "stats/metric_registry.h"

namespace claimbench::report {

/// The summary of `metric` among `summaries`, or nullptr (a failed implementation has none).
const results::Summary* SummaryOf(const results::Summaries& summaries, std::string_view metric);

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
/// Microseconds, shown in the duration unit that suits them.
UnitScale MicrosecondsScale(double median_us);
/// Seconds, in s.
UnitScale SecondsScale(double median_s);
/// Seconds, in ms.
UnitScale MillisecondsScale(double median_s);
/// Bytes in MiB (2^20 bytes): memory.
UnitScale MibScale(double median_bytes);
/// Bytes in kB below 10^6, else MB (decimal): file sizes.
UnitScale DecimalBytesScale(double median_bytes);
/// The scale of a metric's DisplayScale for a figure of about `median`.
UnitScale ScaleFor(stats::DisplayScale scale, double median);

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
Cell SummaryCell(const results::Summary* summary, const UnitScale& scale, bool with_ci);
/// The summary of `metric` among `summaries`, in the metric's display scale; "-" for none.
Cell MetricCell(const results::Summaries& summaries, const stats::Metric& metric, bool with_ci = false);
/// One value of `metric` (a build's figure), in the metric's display scale; "-" for none.
Cell ValueCell(std::optional<double> value, const stats::Metric& metric);

/// "ok", or "<status>: <first line of the error>" (a failed implementation).
Cell StatusCell(results::Status status, const std::optional<std::string>& error);

/// The first line of `text`, cut to `max_chars` bytes (on a UTF-8 boundary) with "...".
std::string FirstLine(const std::string& text, size_t max_chars = 160);
/// Four significant digits, as the claims' details write them ("1.067", "8.903e+06").
std::string G4(double value);

/// The legend of the "~" mark, one sentence.
extern const char kNoisyLegend[];

}  // namespace claimbench::report
