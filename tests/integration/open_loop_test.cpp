// The open-loop generator against a fast in-process server on 127.0.0.1: a modest rate is met
// exactly; the three histograms describe the same requests; the per-second series covers the
// window and adds up (for the closed loop too); bad rates are rejected by message; and no
// allocation per request.
#include "load/open_loop.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>
#include <stdexcept>
#include <string>

#include "closed_loop_test_server.h"
#include "count_allocations.h"
#include "load/closed_loop.h"
#include "load/http_request.h"


namespace claimbench::load {
namespace {

using namespace std::chrono_literals;
using test_support::ServerMode;
using test_support::TestServer;

OpenLoopOptions OptionsFor(const TestServer& server, double rate_per_s) {
  OpenLoopOptions options;
  options.port = server.port();
  options.request = SerializeRequest({.host = "127.0.0.1:" + std::to_string(server.port())});
  options.connections = 4;
  options.threads = 2;
  options.warmup = 200ms;
  options.duration = 1s;
  options.timeout = 1s;
  options.rate_per_s = rate_per_s;
  return options;
}

// The series adds up to the totals and covers the window exactly.
void ExpectSeriesCoversTheWindow(const LoadResult& r) {
  ASSERT_FALSE(r.intervals.empty());
  uint64_t requests = 0;
  uint64_t errors = 0;
  double covered_s = 0;
  int64_t max_ns = 0;
  for (size_t k = 0; k < r.intervals.size(); ++k) {
    const IntervalStats& interval = r.intervals[k];
    EXPECT_DOUBLE_EQ(interval.t_s, static_cast<double>(k));
    EXPECT_DOUBLE_EQ(interval.t_s, covered_s);
    EXPECT_GT(interval.duration_s, 0.0);
    EXPECT_LE(interval.duration_s, 1.0);
    if (interval.requests > 0) {
      EXPECT_LE(interval.p50_ns, interval.p99_ns);
      EXPECT_LE(interval.p99_ns, interval.max_ns);
    }
    requests += interval.requests;
    errors += interval.errors;
    covered_s += interval.duration_s;
    max_ns = std::max(max_ns, interval.max_ns);
  }
  EXPECT_EQ(requests, r.requests);
  EXPECT_EQ(errors, r.errors.Total());
  EXPECT_DOUBLE_EQ(covered_s, r.duration_s);
  EXPECT_EQ(max_ns, r.latency.Max());
}

TEST(OpenLoopTest, ModestRateIsMetExactly) {
  TestServer server(ServerMode::kOk);
  const LoadResult r = RunOpenLoop(OptionsFor(server, 1000));
  EXPECT_EQ(r.target_rate_per_s, 1000.0);
  EXPECT_NEAR(r.achieved_rate_per_s, 1000, 20);  // within 2%
  EXPECT_FALSE(r.rate_shortfall);
  EXPECT_NEAR(static_cast<double>(r.requests), 1000, 20);
  EXPECT_EQ(r.errors.Total(), 0u);
  EXPECT_EQ(r.errors_outside_window.Total(), 0u);
  // A generator that kept up has no lasting backlog; a pause of the test process on a shared
  // machine leaves one request due per millisecond of it (9 seen once in CI-like runs, and 1
  // still due at the window's end once while a build ran beside it). A generator that fell
  // behind would pile up hundreds over this 1 s window.
  EXPECT_LE(r.backlog_at_end, 50u);
  EXPECT_LE(r.backlog_max, 50u);
  EXPECT_EQ(r.connections_established, 4u);
  // The three histograms hold the same requests; latency = send lag + service time for each.
  EXPECT_EQ(r.latency.Count(), static_cast<int64_t>(r.requests));
  EXPECT_EQ(r.service_time.Count(), static_cast<int64_t>(r.requests));
  EXPECT_EQ(r.send_lag.Count(), static_cast<int64_t>(r.requests));
  EXPECT_NEAR(r.latency.Mean(), r.service_time.Mean() + r.send_lag.Mean(), 1.0);
  EXPECT_GE(r.latency.Max(), r.service_time.Max());
  // A steady timer at exactly the due time: writes go out well within a millisecond of it.
  EXPECT_LT(r.send_lag.ValueAtPercentile(50), 1'000'000);
  EXPECT_EQ(r.bytes_read, r.requests * TestServer::kOkResponse.size());
  // Every write was answered: the server saw the warmup, the window and nothing more.
  EXPECT_NEAR(static_cast<double>(server.requests_seen()), 1200, 30);
  ASSERT_EQ(r.intervals.size(), 1u);
  ExpectSeriesCoversTheWindow(r);
}

TEST(OpenLoopTest, SeriesCoversAWindowOfOneAndAHalfSeconds) {
  TestServer server(ServerMode::kOk);
  OpenLoopOptions options = OptionsFor(server, 1000);
  options.warmup = 0ms;
  options.duration = 1500ms;
  const LoadResult r = RunOpenLoop(options);
  ASSERT_EQ(r.intervals.size(), 2u);
  EXPECT_EQ(r.intervals[1].duration_s, 0.5);
  EXPECT_NEAR(static_cast<double>(r.intervals[0].requests), 1000, 30);
  EXPECT_NEAR(static_cast<double>(r.intervals[1].requests), 500, 30);
  EXPECT_NEAR(r.achieved_rate_per_s, 1000, 20);
  ExpectSeriesCoversTheWindow(r);
}

TEST(OpenLoopTest, SeriesCountsErrorsPerInterval) {
  TestServer server(ServerMode::kServerError);
  OpenLoopOptions options = OptionsFor(server, 500);
  options.warmup = 0ms;
  options.duration = 1200ms;
  const LoadResult r = RunOpenLoop(options);
  EXPECT_EQ(r.requests, 0u);
  EXPECT_NEAR(static_cast<double>(r.errors.status_5xx), 600, 20);
  ASSERT_EQ(r.intervals.size(), 2u);
  EXPECT_NEAR(static_cast<double>(r.intervals[0].errors), 500, 15);
  EXPECT_EQ(r.intervals[0].requests, 0u);
  EXPECT_EQ(r.intervals[0].p99_ns, 0);
  ExpectSeriesCoversTheWindow(r);
}

TEST(OpenLoopTest, ClosedLoopRecordsServiceTimeAsLatencyAndASeries) {
  TestServer server(ServerMode::kOk);
  ClosedLoopOptions options = OptionsFor(server, 1);
  options.warmup = 0ms;
  options.duration = 1200ms;
  const LoadResult r = RunClosedLoop(options);
  EXPECT_GT(r.requests, 1000u);
  EXPECT_EQ(r.service_time.Count(), r.latency.Count());
  EXPECT_EQ(r.service_time.Max(), r.latency.Max());
  EXPECT_EQ(r.service_time.Mean(), r.latency.Mean());
  EXPECT_EQ(r.send_lag.Count(), 0);
  EXPECT_EQ(r.target_rate_per_s, 0.0);
  EXPECT_FALSE(r.rate_shortfall);
  EXPECT_EQ(r.backlog_max, 0u);
  // Closed loop: every write in the window; the in-flight ones at the end were written too.
  EXPECT_GE(r.achieved_rate_per_s * r.duration_s, static_cast<double>(r.requests));
  ASSERT_EQ(r.intervals.size(), 2u);
  ExpectSeriesCoversTheWindow(r);
}

TEST(OpenLoopTest, RequestDroppedBySilentCloseIsResentNotLost) {
  TestServer server(ServerMode::kCloseSilently);
  OpenLoopOptions options = OptionsFor(server, 1000);
  options.warmup = 0ms;
  const LoadResult r = RunOpenLoop(options);
  EXPECT_EQ(r.errors.Total(), 0u);
  EXPECT_GT(r.server_closes, 300u);
  EXPECT_NEAR(static_cast<double>(r.requests), 1000, 20);  // every scheduled request answered once
  EXPECT_NEAR(r.achieved_rate_per_s, 1000, 20);            // a resend is not a second request
  EXPECT_FALSE(r.rate_shortfall);
  // Every answered request was seen by the server; one still in flight at the end may not
  // have been read yet, so in_flight_at_end is not part of the bound.
  EXPECT_LE(r.requests, server.requests_seen());
}

TEST(OpenLoopTest, MoreThreadsThanConnectionsStillMeetTheRate) {
  TestServer server(ServerMode::kOk);
  OpenLoopOptions options = OptionsFor(server, 3000);
  options.connections = 3;
  options.threads = 8;  // capped at 3
  options.warmup = 0ms;
  const LoadResult r = RunOpenLoop(options);
  EXPECT_EQ(r.threads, 3);
  EXPECT_NEAR(r.achieved_rate_per_s, 3000, 60);
  EXPECT_FALSE(r.rate_shortfall);
}

TEST(OpenLoopTest, NoAllocationPerRequest) {
  t_not_a_client_thread = true;
  TestServer server(ServerMode::kOk, [] { t_not_a_client_thread = true; });
  OpenLoopOptions options = OptionsFor(server, 5000);
  options.warmup = 0ms;
  options.duration = 500ms;
  const uint64_t before = g_client_allocations.load();
  const LoadResult r = RunOpenLoop(options);
  const uint64_t allocations = g_client_allocations.load() - before;
  t_not_a_client_thread = false;
  RecordProperty("client_allocations", std::to_string(allocations));
  EXPECT_GT(r.requests, 2000u);
  EXPECT_LT(allocations, 100u) << allocations << " allocations for " << r.requests << " requests";
}

std::string OptionsError(const OpenLoopOptions& options) {
  try {
    RunOpenLoop(options);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "no error";
}

TEST(OpenLoopTest, RejectsBadRatesByMessage) {
  OpenLoopOptions options;
  options.request = "GET / HTTP/1.1\r\nHost: h\r\n\r\n";
  EXPECT_EQ(OptionsError(options), "rate must be positive (got 0)");
  options.rate_per_s = -5;
  EXPECT_EQ(OptionsError(options), "rate must be positive (got -5)");
  options.rate_per_s = std::nan("");
  EXPECT_EQ(OptionsError(options), "rate must be positive (got nan)");
  options.rate_per_s = 10;
  options.connections = 0;  // the closed loop's checks come first
  EXPECT_EQ(OptionsError(options), "connections must be at least 1 (got 0)");
}

}  // namespace
}  // namespace claimbench::load
