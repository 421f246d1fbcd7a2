// The JSON of a LoadReport: the body of `claimbench load --json` (results/load.schema.json) and
// of each trial's "load" in a results file. One writer and one reader, so that what is written
// reads back to the same report and writes out byte for byte the same.
#pragma once

#include <nlohmann/json.hpp>

#include "load/load_report.h"
#include "util/json_in.h"

namespace claimbench::load {

/// schema_version of `claimbench load --json` (results/load.schema.json); bumped when a key
/// changes meaning or disappears. The results file has a version of its own.
inline constexpr int kLoadJsonSchemaVersion = 1;

/// The report as JSON; key names carry their units (`_ns`, `_s`, `_per_s`). The histogram's
/// buckets are written as [highest equivalent value ns, count] pairs.
nlohmann::json LoadReportJson(const LoadReport& report);

/// {count, min, mean, stddev, p50, p90, p99, p99_9, p99_99, max, out_of_range}, as under
/// "latency_ns", "service_time_ns" and "send_lag_ns".
nlohmann::json LatencySummaryJson(const LatencySummary& summary);
LatencySummary LatencySummaryFromJson(const JsonIn& in);

/// Reads what LoadReportJson wrote. send_lag_ns, responses_checked and intervals may be absent
/// (files written before they existed). Throws JsonFormatError naming the path of the first
/// value that is missing or malformed, e.g. "/latency_ns/p99: expected an integer; got ...".
LoadReport LoadReportFromJson(const JsonIn& in);

}  // namespace claimbench::load
