// JSON of a load report, written and read back.
#include "load/load_report_json.h"

#include <limits>
#include <string>
#include <string_view>

namespace claimbench::load {
namespace {

using nlohmann::json;

constexpr std::string_view kBucketFormat = "[highest equivalent value ns, count]";

// Counts are stored unsigned; a negative one is a malformed file, not a huge number.
uint64_t Count(const JsonIn& v) {
  const int64_t n = v.Integer();
  if (n < 0) v.Fail("a count (an integer >= 0)");
  return static_cast<uint64_t>(n);
}
uint64_t Count(const JsonIn& in, std::string_view key) { return Count(in.At(key)); }

int SmallCount(const JsonIn& in, std::string_view key) {
  const JsonIn v = in.At(key);
  const int64_t n = v.Integer();
  if (n < 0 || n > std::numeric_limits<int>::max()) v.Fail("a count (an integer from 0 to 2^31 - 1)");
  return static_cast<int>(n);
}

json IntervalJson(const IntervalStats& i) {
  return {{"t_s", i.t_s},
          {"duration_s", i.duration_s},
          {"requests", i.requests},
          {"errors", i.errors},
          {"p50_ns", i.p50_ns},
          {"p99_ns", i.p99_ns},
          {"max_ns", i.max_ns}};
}

IntervalStats IntervalFromJson(const JsonIn& in) {
  IntervalStats i;
  i.t_s = in.Number("t_s");
  i.duration_s = in.Number("duration_s");
  i.requests = Count(in, "requests");
  i.errors = Count(in, "errors");
  i.p50_ns = in.Integer("p50_ns");
  i.p99_ns = in.Integer("p99_ns");
  i.max_ns = in.Integer("max_ns");
  return i;
}

json HistogramJson(const HistogramBuckets& h) {
  json buckets = json::array();
  for (const BucketCount& b : h.buckets) buckets.push_back({b.highest_equivalent_ns, b.count});
  return {{"significant_digits", h.significant_digits},
          {"lowest_ns", h.lowest_ns},
          {"highest_ns", h.highest_ns},
          {"buckets", buckets},
          {"bucket_format", std::string(kBucketFormat)}};
}

HistogramBuckets HistogramFromJson(const JsonIn& in) {
  HistogramBuckets h;
  if (auto format = in.Find("bucket_format"); format && format->String() != kBucketFormat) {
    format->Fail("\"" + std::string(kBucketFormat) + "\"");
  }
  // Histogram's own limits (HdrHistogram's), checked here so that the error names the file's path
  // and HistogramOf cannot throw on a report that was read.
  const JsonIn digits = in.At("significant_digits");
  const int64_t significant_digits = digits.Integer();
  if (significant_digits < 1 || significant_digits > 5) digits.Fail("an integer from 1 to 5");
  h.significant_digits = static_cast<int>(significant_digits);
  const JsonIn lowest = in.At("lowest_ns");
  h.lowest_ns = lowest.Integer();
  if (h.lowest_ns < 1) lowest.Fail("an integer >= 1");
  const JsonIn highest = in.At("highest_ns");
  h.highest_ns = highest.Integer();
  if (h.highest_ns / 2 < h.lowest_ns) highest.Fail("an integer >= 2 * lowest_ns");
  for (const JsonIn& b : in.At("buckets").Elements()) {
    const std::vector<JsonIn> pair = b.Elements();
    if (pair.size() != 2) b.Fail(std::string(kBucketFormat));
    BucketCount bucket{pair[0].Integer(), static_cast<int64_t>(Count(pair[1]))};
    // Ascending, as Histogram::ForEachBucket wrote them: HistogramOf reads the first and last
    // buckets as the lowest and the top one.
    if (!h.buckets.empty() && bucket.highest_equivalent_ns <= h.buckets.back().highest_equivalent_ns) {
      pair[0].Fail("a value above the previous bucket's (buckets ascend)");
    }
    h.buckets.push_back(bucket);
  }
  return h;
}

json ErrorsJson(const ErrorCounts& errors, uint64_t total) {
  json out = json::object();
  for (int k = 0; k < kErrorKindCount; ++k) {
    const auto kind = static_cast<ErrorKind>(k);
    out[std::string(ErrorKindName(kind))] = errors.At(kind);
  }
  out["total"] = total;
  return out;
}

ErrorCounts ErrorsFromJson(const JsonIn& in) {
  ErrorCounts errors;
  for (int k = 0; k < kErrorKindCount; ++k) {
    const auto kind = static_cast<ErrorKind>(k);
    errors.At(kind) = Count(in, ErrorKindName(kind));
  }
  // A kind this version does not know would be a count the model cannot hold: refuse it rather
  // than drop it.
  for (const auto& [key, value] : in.Members()) {
    bool known = key == "total";
    for (int k = 0; k < kErrorKindCount && !known; ++k) known = key == ErrorKindName(static_cast<ErrorKind>(k));
    if (!known) throw JsonFormatError(value.path(), "not an error kind this version knows");
  }
  return errors;
}

json ClientJson(const ClientFigures& c) {
  return {{"threads", c.threads},
          {"cpu_user_s", c.cpu_user_s},
          {"cpu_system_s", c.cpu_system_s},
          {"cpu_s", c.cpu_s},
          {"cpu_utilisation", c.cpu_utilisation},
          {"busiest_thread_utilisation", c.busiest_thread_utilisation},
          {"saturated", c.saturated}};
}

ClientFigures ClientFromJson(const JsonIn& in) {
  ClientFigures c;
  c.threads = SmallCount(in, "threads");
  c.cpu_user_s = in.Number("cpu_user_s");
  c.cpu_system_s = in.Number("cpu_system_s");
  c.cpu_s = in.Number("cpu_s");
  c.cpu_utilisation = in.Number("cpu_utilisation");
  c.busiest_thread_utilisation = in.Number("busiest_thread_utilisation");
  c.saturated = in.Bool("saturated");
  return c;
}

}  // namespace

json LatencySummaryJson(const LatencySummary& s) {
  return {{"count", s.count},
          {"min", s.min},
          {"mean", s.mean},
          {"stddev", s.stddev},
          {"p50", s.p50},
          {"p90", s.p90},
          {"p99", s.p99},
          {"p99_9", s.p99_9},
          {"p99_99", s.p99_99},
          {"max", s.max},
          {"out_of_range", s.out_of_range}};
}

LatencySummary LatencySummaryFromJson(const JsonIn& in) {
  LatencySummary s;
  s.count = static_cast<int64_t>(Count(in, "count"));
  s.min = in.Integer("min");
  s.mean = in.Number("mean");
  s.stddev = in.Number("stddev");
  s.p50 = in.Integer("p50");
  s.p90 = in.Integer("p90");
  s.p99 = in.Integer("p99");
  s.p99_9 = in.Integer("p99_9");
  s.p99_99 = in.Integer("p99_99");
  s.max = in.Integer("max");
  s.out_of_range = static_cast<int64_t>(Count(in, "out_of_range"));
  return s;
}

json LoadReportJson(const LoadReport& r) {
  json intervals = json::array();
  for (const IntervalStats& i : r.intervals) intervals.push_back(IntervalJson(i));
  json out = {{"requests", r.requests},
              {"duration_s", r.duration_s},
              {"requests_per_s", r.requests_per_s},
              {"latency_ns", LatencySummaryJson(r.latency)},
              {"service_time_ns", LatencySummaryJson(r.service_time)},
              {"target_rate_per_s", r.target_rate_per_s},
              {"achieved_rate_per_s", r.achieved_rate_per_s},
              {"backlog_max", r.backlog_max},
              {"backlog_at_end", r.backlog_at_end},
              {"rate_shortfall", r.rate_shortfall},
              {"intervals", intervals},
              {"latency_histogram", HistogramJson(r.latency_histogram)},
              {"errors", ErrorsJson(r.errors, r.errors_total)},
              {"errors_outside_window", r.errors_outside_window},
              {"in_flight_at_end", r.in_flight_at_end},
              {"connections", r.connections},
              {"connections_established", r.connections_established},
              {"reconnects", r.reconnects},
              {"server_closes", r.server_closes},
              {"bytes_read", r.bytes_read},
              {"bytes_written", r.bytes_written},
              {"client", ClientJson(r.client)}};
  if (r.send_lag) out["send_lag_ns"] = LatencySummaryJson(*r.send_lag);
  if (r.responses_checked) out["responses_checked"] = *r.responses_checked;
  return out;
}

LoadReport LoadReportFromJson(const JsonIn& in) {
  LoadReport r;
  r.requests = Count(in, "requests");
  r.duration_s = in.Number("duration_s");
  r.requests_per_s = in.Number("requests_per_s");
  r.latency = LatencySummaryFromJson(in.At("latency_ns"));
  r.service_time = LatencySummaryFromJson(in.At("service_time_ns"));
  if (auto lag = in.Find("send_lag_ns")) r.send_lag = LatencySummaryFromJson(*lag);
  r.target_rate_per_s = in.Number("target_rate_per_s");
  r.achieved_rate_per_s = in.Number("achieved_rate_per_s");
  r.backlog_max = Count(in, "backlog_max");
  r.backlog_at_end = Count(in, "backlog_at_end");
  r.rate_shortfall = in.Bool("rate_shortfall");
  if (auto intervals = in.Find("intervals")) {
    for (const JsonIn& i : intervals->Elements()) r.intervals.push_back(IntervalFromJson(i));
  }
  r.latency_histogram = HistogramFromJson(in.At("latency_histogram"));
  const JsonIn errors = in.At("errors");
  r.errors = ErrorsFromJson(errors);
  r.errors_total = Count(errors, "total");
  if (r.errors_total != r.errors.Total()) {
    errors.At("total").Fail("the sum of the kinds, " + std::to_string(r.errors.Total()));
  }
  r.errors_outside_window = Count(in, "errors_outside_window");
  r.in_flight_at_end = Count(in, "in_flight_at_end");
  r.connections = SmallCount(in, "connections");
  r.connections_established = Count(in, "connections_established");
  r.reconnects = Count(in, "reconnects");
  r.server_closes = Count(in, "server_closes");
  r.bytes_read = Count(in, "bytes_read");
  r.bytes_written = Count(in, "bytes_written");
  r.client = ClientFromJson(in.At("client"));
  if (auto checked = in.Find("responses_checked")) r.responses_checked = static_cast<int64_t>(Count(*checked));
  return r;
}

}  // namespace claimbench::load
