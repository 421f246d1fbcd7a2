// LoadReport: stored histogram buckets rebuild a Histogram with the same percentiles (and merge
// exactly); the report's JSON reads back to the same JSON; malformed or older files.
#include "load/load_report.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "load/load_report_json.h"
#include "util/json_in.h"

namespace claimbench::load {
namespace {

using nlohmann::json;

constexpr double kLevels[] = {0, 1, 10, 25, 50, 75, 90, 95, 99, 99.9, 99.99, 100};

// Latencies of a plausible server: log-normal around 200 us, a tail into tens of ms.
std::vector<int64_t> Latencies(size_t n, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::lognormal_distribution<double> draw(std::log(200'000.0), 1.0);
  std::vector<int64_t> out;
  for (size_t i = 0; i < n; ++i) out.push_back(static_cast<int64_t>(draw(rng)) + 1);
  return out;
}

Histogram Recorded(const std::vector<int64_t>& values) {
  Histogram h;
  for (int64_t v : values) h.Record(v);
  return h;
}

void ExpectSameBuckets(const Histogram& got, const Histogram& want) {
  const auto a = got.Buckets();
  const auto b = want.Buckets();
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].lowest_ns, b[i].lowest_ns) << "bucket " << i;
    EXPECT_EQ(a[i].highest_ns, b[i].highest_ns) << "bucket " << i;
    EXPECT_EQ(a[i].count, b[i].count) << "bucket " << i;
  }
}

void ExpectSamePercentiles(const Histogram& got, const Histogram& want) {
  ASSERT_EQ(got.Count(), want.Count());
  for (double level : kLevels) EXPECT_EQ(got.ValueAtPercentile(level), want.ValueAtPercentile(level)) << "p" << level;
  EXPECT_EQ(got.Min(), want.Min());
  EXPECT_EQ(got.Max(), want.Max());
}

TEST(HistogramOf, RebuildsTheBucketsAndEveryPercentileBelowTheTopBucket) {
  const Histogram original = Recorded(Latencies(20'000, 1));
  const Histogram rebuilt = HistogramOf(BucketsOf(original));
  ExpectSameBuckets(rebuilt, original);
  ASSERT_EQ(rebuilt.Count(), original.Count());
  for (double level : {1.0, 10.0, 50.0, 90.0, 99.0, 99.9}) {
    EXPECT_EQ(rebuilt.ValueAtPercentile(level), original.ValueAtPercentile(level)) << "p" << level;
  }
  // Without the exact max, the top bucket reads as its highest equivalent value.
  EXPECT_EQ(rebuilt.Max(), original.HighestEquivalentValue(original.Max()));
}

TEST(HistogramOf, WithTheExactExtremesAgreesAtEveryLevel) {
  const Histogram original = Recorded(Latencies(20'000, 2));
  ExpectSamePercentiles(HistogramOf(BucketsOf(original), original.Min(), original.Max()), original);
  ExpectSameBuckets(HistogramOf(BucketsOf(original), original.Min(), original.Max()), original);
}

TEST(HistogramOf, OneValueAndTheEmptyHistogram) {
  Histogram one;
  one.Record(123'456);
  ExpectSamePercentiles(HistogramOf(BucketsOf(one), one.Min(), one.Max()), one);
  const Histogram empty;
  ExpectSamePercentiles(HistogramOf(BucketsOf(empty), 0, 0), empty);
}

TEST(HistogramOf, MergedRebuiltHistogramsEqualTheHistogramOfAllValues) {
  const std::vector<int64_t> a = Latencies(15'000, 3);
  std::vector<int64_t> b = Latencies(5'000, 4);
  for (int64_t& v : b) v *= 3;  // another trial, slower
  std::vector<int64_t> all = a;
  all.insert(all.end(), b.begin(), b.end());
  const Histogram ha = Recorded(a);
  const Histogram hb = Recorded(b);
  const Histogram h_all = Recorded(all);

  Histogram merged = HistogramOf(BucketsOf(ha), ha.Min(), ha.Max());
  merged.Merge(HistogramOf(BucketsOf(hb), hb.Min(), hb.Max()));
  ExpectSameBuckets(merged, h_all);
  ExpectSamePercentiles(merged, h_all);

  Histogram merged_plain = HistogramOf(BucketsOf(ha));
  merged_plain.Merge(HistogramOf(BucketsOf(hb)));
  ExpectSameBuckets(merged_plain, h_all);
}

// An open-loop run with every figure set, errors of several kinds and a per-second series.
LoadResult SyntheticResult(bool open_loop) {
  LoadResult r;
  for (int64_t v : Latencies(5'000, 5)) {
    r.latency.Record(v + 50'000);
    r.service_time.Record(v);
    if (open_loop) r.send_lag.Record(v / 10 + 1);
  }
  r.requests = 5'000;
  r.duration_s = 2.5;
  r.requests_per_s = 2'000;
  r.intervals = {{0, 1, 2'000, 3, 250'000, 900'000, 1'500'000},
                 {1, 1, 2'000, 0, 240'000, 870'000, 1'200'000},
                 {2, 0.5, 1'000, 1, 260'000, 910'000, 1'000'000}};
  r.target_rate_per_s = open_loop ? 2'100 : 0;
  r.achieved_rate_per_s = 2'004.4;
  r.backlog_max = open_loop ? 17 : 0;
  r.backlog_at_end = open_loop ? 2 : 0;
  r.errors.timeout = 1;
  r.errors.status_5xx = 3;
  r.errors_outside_window.connect = 2;
  r.in_flight_at_end = 4;
  r.connections_established = 70;
  r.reconnects = 6;
  r.server_closes = 5;
  r.bytes_read = 1'234'567;
  r.bytes_written = 345'678;
  r.client_cpu_user_s = 0.61;
  r.client_cpu_system_s = 0.37;
  r.client_cpu_busiest_thread = 0.42;
  r.connections = 64;
  r.threads = 2;
  return r;
}

// Written, parsed, read, written again: the same text.
std::string RoundTrip(const LoadReport& report, std::string* first = nullptr) {
  const std::string text = LoadReportJson(report).dump(2);
  if (first) *first = text;
  const json parsed = json::parse(text);
  return LoadReportJson(LoadReportFromJson(JsonIn(parsed))).dump(2);
}

TEST(LoadReportJson, ReadsBackToTheSameJson) {
  for (bool open_loop : {true, false}) {
    SCOPED_TRACE(open_loop ? "open loop" : "closed loop");
    LoadReport report = ReportOf(SyntheticResult(open_loop), {2, 3});
    std::string first;
    EXPECT_EQ(RoundTrip(report, &first), first);
    const json j = json::parse(first);
    EXPECT_EQ(j.contains("send_lag_ns"), open_loop);
    EXPECT_FALSE(j.contains("responses_checked"));  // ReportOf leaves it to the caller

    report.responses_checked = 1'667;
    EXPECT_EQ(RoundTrip(report, &first), first);
    EXPECT_EQ(json::parse(first)["responses_checked"], 1'667);
  }
}

TEST(LoadReportJson, KeysAndFiguresAsTheSchemaNamesThem) {
  const LoadResult result = SyntheticResult(true);
  const json j = LoadReportJson(ReportOf(result, {2, 3}));
  EXPECT_EQ(j["latency_ns"]["p99"], result.latency.ValueAtPercentile(99));
  EXPECT_EQ(j["latency_ns"]["max"], result.latency.Max());
  EXPECT_EQ(j["send_lag_ns"]["count"], 5'000);
  EXPECT_EQ(j["errors"]["timeout"], 1);
  EXPECT_EQ(j["errors"]["status_5xx"], 3);
  EXPECT_EQ(j["errors"]["total"], 4);
  EXPECT_EQ(j["errors_outside_window"], 2);
  EXPECT_EQ(j["latency_histogram"]["bucket_format"], "[highest equivalent value ns, count]");
  EXPECT_EQ(j["latency_histogram"]["buckets"].size(), result.latency.Buckets().size());
  EXPECT_EQ(j["intervals"].size(), 3u);
  EXPECT_DOUBLE_EQ(j["client"]["cpu_s"].get<double>(), 0.98);
  // Two threads on two pinned CPUs over 2.5 s.
  EXPECT_DOUBLE_EQ(j["client"]["cpu_utilisation"].get<double>(), 0.98 / 5.0);
  EXPECT_EQ(j["client"]["saturated"], false);
}

TEST(ReportOf, TheClientSaturatesWhenItsBusiestThreadIsOver90Percent) {
  LoadResult r = SyntheticResult(false);
  r.client_cpu_busiest_thread = 0.9;
  EXPECT_FALSE(ReportOf(r, {}).client.saturated);
  r.client_cpu_busiest_thread = 0.91;
  EXPECT_TRUE(ReportOf(r, {}).client.saturated);
}

TEST(ReportOf, UtilisationCountsNoMoreCoresThanThreads) {
  LoadResult r = SyntheticResult(false);  // 2 threads, 0.98 s CPU over 2.5 s
  EXPECT_DOUBLE_EQ(ReportOf(r, {0, 1, 2, 3}).client.cpu_utilisation, 0.98 / 5.0);
  EXPECT_DOUBLE_EQ(ReportOf(r, {0}).client.cpu_utilisation, 0.98 / 2.5);
  EXPECT_DOUBLE_EQ(ReportOf(r, {}).client.cpu_utilisation, 0.98 / 5.0);
}

TEST(LoadReportFromJson, TheLatencyHistogramRebuildsTheRunsPercentiles) {
  const LoadResult result = SyntheticResult(true);
  const json j = LoadReportJson(ReportOf(result, {}));
  const LoadReport read = LoadReportFromJson(JsonIn(j));
  const Histogram rebuilt = HistogramOf(read.latency_histogram, read.latency.min, read.latency.max);
  ExpectSamePercentiles(rebuilt, result.latency);
  EXPECT_EQ(rebuilt.ValueAtPercentile(99), read.latency.p99);
}

TEST(LoadReportFromJson, OlderFilesWithoutSendLagChecksOrIntervals) {
  json j = LoadReportJson(ReportOf(SyntheticResult(true), {}));
  j.erase("send_lag_ns");
  j.erase("intervals");
  j.erase("responses_checked");
  const LoadReport read = LoadReportFromJson(JsonIn(j));
  EXPECT_FALSE(read.send_lag.has_value());
  EXPECT_TRUE(read.intervals.empty());
  EXPECT_FALSE(read.responses_checked.has_value());
  EXPECT_EQ(read.requests, 5'000u);
}

// The error's text, or "" when reading succeeded.
std::string ReadError(const json& j) {
  try {
    LoadReportFromJson(JsonIn(j));
  } catch (const JsonFormatError& e) {
    return e.what();
  }
  return "";
}

TEST(LoadReportFromJson, AMalformedValueIsRefusedByItsPath) {
  const json good = LoadReportJson(ReportOf(SyntheticResult(true), {}));
  json j = good;
  j["latency_ns"]["p99"] = "900us";
  EXPECT_EQ(ReadError(j), "/latency_ns/p99: expected an integer; got string \"900us\"");

  j = good;
  j.erase("requests");
  EXPECT_EQ(ReadError(j), "/requests: missing");

  j = good;
  j["bytes_read"] = -1;
  EXPECT_EQ(ReadError(j), "/bytes_read: expected a count (an integer >= 0); got number -1");

  j = good;
  j["errors"]["total"] = 5;  // the kinds add up to 4
  EXPECT_EQ(ReadError(j), "/errors/total: expected the sum of the kinds, 4; got number 5");

  j = good;
  j["errors"]["teapot"] = 1;
  EXPECT_EQ(ReadError(j), "/errors/teapot: not an error kind this version knows");

  j = good;
  j["latency_histogram"]["buckets"][1] = json::array({1});
  EXPECT_EQ(ReadError(j),
            "/latency_histogram/buckets/1: expected [highest equivalent value ns, count]; got array [1]");

  j = good;
  j["latency_histogram"]["significant_digits"] = 6;
  EXPECT_EQ(ReadError(j), "/latency_histogram/significant_digits: expected an integer from 1 to 5; got number 6");
}

}  // namespace
}  // namespace claimbench::load
