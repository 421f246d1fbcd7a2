// Formatting shared by the reports: a metric's summary looked up in an implementation and
// shown in the metric's display scale (from the registry), numbers with about three
// significant digits, a median with its 95% CI, an implementation's status. Plain text
// only: each report escapes it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "results/model.h"
#include "stats/display.h"
#include "stats/metric_registry.h"

namespace claimbench::report {

/// The summary of `metric` among `summaries`, or nullptr (a failed implementation has none).
const results::Summary* SummaryOf(const results::Summaries& summaries, std::string_view metric);

// Units and scales live in stats/display.h (the claims use them too).
using stats::DecimalsFor;
using stats::DecimalBytesScale;
using stats::DurationScale;
using stats::MibScale;
using stats::MicrosecondsScale;
using stats::MillisecondsScale;
using stats::PlainScale;
using stats::ScaleFor;
using stats::SecondsScale;
using stats::Show;
using stats::ShowBare;
using stats::UnitScale;


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
