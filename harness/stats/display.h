// How a figure is shown: a metric's display scale picks the unit that suits the value (ns,
// µs, ms or s; MiB; kB or MB), with about three significant digits. Shared by the reports
// and the claims' verdicts, so every figure reads the same everywhere.
#pragma once

#include <string>

#include "stats/metric_registry.h"

namespace claimbench::stats {

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
UnitScale ScaleFor(DisplayScale scale, double median);

/// "12.3 ms": the value in the scale, with the unit.
std::string Show(double value, const UnitScale& scale);
/// "12.3": the value in the scale, without the unit.
std::string ShowBare(double value, const UnitScale& scale);

/// `value` of `metric` with its unit, in the scale that suits it: "12.3 ms", "8.34 MB",
/// "41000 req/s", "2.2 x".
std::string ShowValue(double value, const Metric& metric);

}  // namespace claimbench::stats
