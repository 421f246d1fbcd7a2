// Misbehaving servers, each failure in its own counter and never in a latency histogram: garbage
// (parse), a close in the middle of a response (read), a body that differs from the expected one
// (body_mismatch, with the matching body as the planted control), for both loops; and, for the
// open loop, refused connects (connect) and a server that never answers (timeout), which
// closed_loop_test.cpp already covers for the closed loop.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "closed_loop_test_server.h"
#include "load/closed_loop.h"
#include "load/http_request.h"
#include "load/open_loop.h"

namespace claimbench::load {
namespace {

using namespace std::chrono_literals;
using test_support::ServerMode;
using test_support::TestServer;

OpenLoopOptions OptionsFor(uint16_t port) {
  OpenLoopOptions options;
  options.port = port;
  options.request = SerializeRequest({.host = "127.0.0.1:" + std::to_string(port)});
  options.connections = 2;
  options.threads = 1;
  options.warmup = 0ms;
  options.duration = 500ms;
  options.timeout = 1s;
  options.rate_per_s = 400;
  return options;
}

// Nothing succeeded and every failure is of `kind`.
void ExpectOnly(const LoadResult& r, ErrorKind kind, uint64_t at_least) {
  EXPECT_GE(r.errors.At(kind), at_least) << ErrorKindName(kind);
  EXPECT_EQ(r.errors.Total(), r.errors.At(kind)) << ErrorKindName(kind);
  EXPECT_EQ(r.requests, 0u);
  EXPECT_EQ(r.latency.Count(), 0);
  EXPECT_EQ(r.service_time.Count(), 0);
  EXPECT_EQ(r.send_lag.Count(), 0);
  uint64_t interval_errors = 0;
  for (const IntervalStats& interval : r.intervals) {
    EXPECT_EQ(interval.requests, 0u);
    interval_errors += interval.errors;
  }
  EXPECT_EQ(interval_errors, r.errors.Total());
}

TEST(MisbehavingTest, GarbageIsAParseError) {
  TestServer server(ServerMode::kGarbage);
  const LoadResult open = RunOpenLoop(OptionsFor(server.port()));
  ExpectOnly(open, ErrorKind::kParse, 150);  // ~200 due; each costs a reconnect
  EXPECT_GT(open.reconnects, 100u);
  const LoadResult closed = RunClosedLoop(OptionsFor(server.port()));
  ExpectOnly(closed, ErrorKind::kParse, 50);
}

TEST(MisbehavingTest, CloseInTheMiddleOfAResponseIsAReadError) {
  TestServer server(ServerMode::kCloseMidResponse);
  const LoadResult open = RunOpenLoop(OptionsFor(server.port()));
  ExpectOnly(open, ErrorKind::kRead, 150);
  const LoadResult closed = RunClosedLoop(OptionsFor(server.port()));
  ExpectOnly(closed, ErrorKind::kRead, 50);
}

TEST(MisbehavingTest, DifferentBodyIsABodyMismatchNeverASuccess) {
  TestServer server(ServerMode::kWrongBody);
  OpenLoopOptions options = OptionsFor(server.port());
  options.expected_body = "hello";
  const LoadResult open = RunOpenLoop(options);
  ExpectOnly(open, ErrorKind::kBodyMismatch, 180);
  EXPECT_EQ(open.reconnects, 0u);  // the framing was fine: the connection is kept
  EXPECT_FALSE(open.rate_shortfall);
  const LoadResult closed = RunClosedLoop(options);
  ExpectOnly(closed, ErrorKind::kBodyMismatch, 100);

  // Without an expected body the same responses are plain successes.
  options.expected_body.reset();
  const LoadResult unchecked = RunOpenLoop(options);
  EXPECT_EQ(unchecked.errors.Total(), 0u);
  EXPECT_GE(unchecked.requests, 180u);
}

TEST(MisbehavingTest, MatchingBodyPassesTheCheck) {  // the control for the planted mismatch above
  TestServer server(ServerMode::kOk);
  OpenLoopOptions options = OptionsFor(server.port());
  options.expected_body = "hello";
  const LoadResult r = RunOpenLoop(options);
  EXPECT_EQ(r.errors.Total(), 0u);
  EXPECT_GE(r.requests, 180u);
  EXPECT_EQ(r.latency.Count(), static_cast<int64_t>(r.requests));
  options.expected_body = "hell";  // a prefix is not the body
  ExpectOnly(RunOpenLoop(options), ErrorKind::kBodyMismatch, 180);
}

TEST(MisbehavingTest, ServerErrorsWithAnExpectedBodyStayStatusErrors) {
  TestServer server(ServerMode::kServerError);
  OpenLoopOptions options = OptionsFor(server.port());
  options.expected_body = "hello";
  ExpectOnly(RunOpenLoop(options), ErrorKind::kStatus5xx, 180);
}

TEST(MisbehavingTest, RefusedConnectsAreConnectErrorsAndTheRateIsNotMet) {
  uint16_t port = 0;
  {  // a port that was just free: nothing listens there now
    TestServer server(ServerMode::kOk);
    port = server.port();
  }
  const LoadResult r = RunOpenLoop(OptionsFor(port));
  ExpectOnly(r, ErrorKind::kConnect, 40);  // retried every 10 ms per connection
  EXPECT_EQ(r.errors_outside_window.connect, 2u);
  EXPECT_EQ(r.connections_established, 0u);
  EXPECT_TRUE(r.rate_shortfall);
  EXPECT_EQ(r.achieved_rate_per_s, 0.0);
  EXPECT_NEAR(static_cast<double>(r.backlog_at_end), 200, 2);  // everything due is still owed
}

TEST(MisbehavingTest, SilentServerTimesOutAndTheBacklogGrows) {
  TestServer server(ServerMode::kNeverAnswer);
  OpenLoopOptions options = OptionsFor(server.port());
  options.timeout = 100ms;
  options.duration = 650ms;
  const LoadResult r = RunOpenLoop(options);
  // Two connections, each timing out every ~100 ms and carrying the next backlogged request.
  ExpectOnly(r, ErrorKind::kTimeout, 8);
  EXPECT_LE(r.errors.timeout, 14u);
  EXPECT_TRUE(r.rate_shortfall);
  EXPECT_GT(r.backlog_at_end, 200u);
  EXPECT_GE(r.in_flight_at_end, 1u);
}

TEST(MisbehavingTest, EveryErrorKindHasItsOwnName) {
  std::set<std::string> names;
  for (int k = 0; k < kErrorKindCount; ++k) names.emplace(ErrorKindName(static_cast<ErrorKind>(k)));
  EXPECT_EQ(names.size(), static_cast<size_t>(kErrorKindCount));
  EXPECT_EQ(names.count("unknown"), 0u);
  EXPECT_EQ(ErrorKindName(ErrorKind::kBodyMismatch), "body_mismatch");
  ErrorCounts counts;
  for (int k = 0; k < kErrorKindCount; ++k) counts.At(static_cast<ErrorKind>(k)) = 1;
  EXPECT_EQ(counts.Total(), static_cast<uint64_t>(kErrorKindCount));
}

}  // namespace
}  // namespace claimbench::load
