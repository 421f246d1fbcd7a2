// The closed-loop generator against a tiny in-process server on 127.0.0.1: throughput and byte
// accounting, errors by exact kind (500s, timeouts, refused connects), reconnects after server
// closes, clean stop, option validation, and no allocation per request.
#include "load/closed_loop.h"
#include "process/cpu_set.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>
#include <stdexcept>

#include "closed_loop_test_server.h"
#include "count_allocations.h"
#include "load/cpu_affinity.h"
#include "load/http_request.h"


namespace claimbench::load {
namespace {

using namespace std::chrono_literals;
using test_support::ServerMode;
using test_support::TestServer;

ClosedLoopOptions OptionsFor(const TestServer& server) {
  ClosedLoopOptions options;
  options.host = "127.0.0.1";
  options.port = server.port();
  options.request = SerializeRequest({.host = "127.0.0.1:" + std::to_string(server.port())});
  options.connections = 4;
  options.threads = 2;
  options.warmup = 200ms;
  options.duration = 800ms;
  options.timeout = 1s;
  return options;
}

TEST(ClosedLoopTest, NormalServerCountsEveryRequestAndByte) {
  TestServer server(ServerMode::kOk);
  const ClosedLoopOptions options = OptionsFor(server);
  const LoadResult r = RunClosedLoop(options);
  EXPECT_GT(r.requests, 100u);
  EXPECT_EQ(r.errors.Total(), 0u);
  EXPECT_EQ(r.errors_outside_window.Total(), 0u);
  EXPECT_EQ(r.duration_s, 0.8);
  EXPECT_DOUBLE_EQ(r.requests_per_s, static_cast<double>(r.requests) / r.duration_s);
  EXPECT_EQ(r.latency.Count(), static_cast<int64_t>(r.requests));
  EXPECT_GT(r.latency.Min(), 0);
  EXPECT_LE(r.latency.Max(), 1'000'000'000);
  EXPECT_EQ(r.bytes_read, r.requests * TestServer::kOkResponse.size());
  EXPECT_EQ(r.bytes_written, r.requests * options.request.size());
  EXPECT_EQ(r.connections_established, 4u);
  EXPECT_EQ(r.reconnects, 0u);
  EXPECT_EQ(r.server_closes, 0u);
  EXPECT_EQ(r.threads, 2);
  EXPECT_LE(r.in_flight_at_end, 4u);
  // Every request the server saw was counted in warmup, the window, or as in flight at the end.
  EXPECT_GE(server.requests_seen(), r.requests + r.in_flight_at_end);
  EXPECT_GT(r.client_cpu_user_s + r.client_cpu_system_s, 0.0);
  EXPECT_LE(r.client_cpu_busiest_thread, 1.1);
}

TEST(ClosedLoopTest, ServerErrorsAreStatus5xxAndNeverLatency) {
  TestServer server(ServerMode::kServerError);
  const LoadResult r = RunClosedLoop(OptionsFor(server));
  EXPECT_EQ(r.requests, 0u);
  EXPECT_EQ(r.latency.Count(), 0);
  EXPECT_GT(r.errors.status_5xx, 100u);
  EXPECT_EQ(r.errors.Total(), r.errors.status_5xx);
  EXPECT_EQ(r.requests_per_s, 0.0);
  EXPECT_EQ(r.reconnects, 0u);  // a 500 on a keep-alive connection keeps the connection
  EXPECT_LE(r.errors.status_5xx + r.in_flight_at_end, server.requests_seen());
}

TEST(ClosedLoopTest, AnnouncedCloseReconnectsWithoutErrors) {
  TestServer server(ServerMode::kCloseAnnounced);
  const LoadResult r = RunClosedLoop(OptionsFor(server));
  EXPECT_GT(r.requests, 50u);
  EXPECT_EQ(r.errors.Total(), 0u);
  EXPECT_GT(r.reconnects, 50u);
  EXPECT_EQ(r.connections_established, 4 + r.reconnects);
  EXPECT_GE(r.server_closes, r.requests);
  EXPECT_LE(r.requests + r.in_flight_at_end, server.requests_seen());
}

TEST(ClosedLoopTest, SilentCloseOfAKeepAliveConnectionIsRetriedNotAnError) {
  TestServer server(ServerMode::kCloseSilently);
  const LoadResult r = RunClosedLoop(OptionsFor(server));
  EXPECT_GT(r.requests, 50u);
  EXPECT_EQ(r.errors.Total(), 0u);
  EXPECT_GT(r.reconnects, 50u);
  EXPECT_GT(r.server_closes, 50u);
  // Regression: the close after each response was counted as a second response.
  EXPECT_LE(r.requests + r.in_flight_at_end, server.requests_seen());
  EXPECT_EQ(r.bytes_read, r.requests * TestServer::kOkResponse.size());
}

TEST(ClosedLoopTest, UnansweredRequestsTimeOut) {
  TestServer server(ServerMode::kNeverAnswer);
  ClosedLoopOptions options = OptionsFor(server);
  options.warmup = 0ms;
  options.timeout = 100ms;
  options.duration = 650ms;
  const LoadResult r = RunClosedLoop(options);
  EXPECT_EQ(r.requests, 0u);
  // Four connections, a timeout every ~100 ms each: about 6 per connection in the window.
  EXPECT_GE(r.errors.timeout, 16u);
  EXPECT_EQ(r.errors.Total(), r.errors.timeout);
  // Abandoned at the end, not counted as errors (3 if one was reconnecting at that instant).
  EXPECT_GE(r.in_flight_at_end, 3u);
  EXPECT_LE(r.in_flight_at_end, 4u);
  EXPECT_GT(r.reconnects, 0u);
}

TEST(ClosedLoopTest, RefusedConnectsAreConnectErrors) {
  uint16_t port = 0;
  {  // a port that was just free: nothing listens there now
    TestServer server(ServerMode::kOk);
    port = server.port();
  }
  ClosedLoopOptions options;
  options.port = port;
  options.request = SerializeRequest({.host = "127.0.0.1"});
  options.connections = 2;
  options.duration = 300ms;
  const LoadResult r = RunClosedLoop(options);
  EXPECT_EQ(r.requests, 0u);
  EXPECT_EQ(r.errors_outside_window.connect, 2u);  // the first attempts, before the window
  EXPECT_GT(r.errors.connect, 10u);                // retried every 10 ms
  EXPECT_EQ(r.errors.Total(), r.errors.connect);
  EXPECT_EQ(r.connections_established, 0u);
}

TEST(ClosedLoopTest, PinnedThreadsRun) {
  TestServer server(ServerMode::kOk);
  ClosedLoopOptions options = OptionsFor(server);
  options.warmup = 0ms;
  options.duration = 300ms;
  options.cpus = {0};
  const LoadResult r = RunClosedLoop(options);
  EXPECT_GT(r.requests, 0u);
  EXPECT_EQ(r.errors.Total(), 0u);
}

TEST(ClosedLoopTest, NoAllocationPerRequest) {
  t_not_a_client_thread = true;
  TestServer server(ServerMode::kOk, [] { t_not_a_client_thread = true; });
  ClosedLoopOptions options = OptionsFor(server);
  options.warmup = 0ms;
  options.duration = 500ms;
  const uint64_t before = g_client_allocations.load();
  const LoadResult r = RunClosedLoop(options);
  const uint64_t allocations = g_client_allocations.load() - before;
  t_not_a_client_thread = false;
  RecordProperty("client_allocations", std::to_string(allocations));
  RecordProperty("requests", std::to_string(r.requests));
  EXPECT_GT(r.requests, 1000u);
  // A fixed set-up cost per thread and connection, independent of the number of requests.
  EXPECT_LT(allocations, 100u) << allocations << " allocations for " << r.requests << " requests";
}

std::string OptionsError(const ClosedLoopOptions& options) {
  try {
    RunClosedLoop(options);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "no error";
}

TEST(ClosedLoopTest, RejectsBadOptionsByMessage) {
  ClosedLoopOptions options;
  options.request = "GET / HTTP/1.1\r\nHost: h\r\n\r\n";
  options.connections = 0;
  EXPECT_EQ(OptionsError(options), "connections must be at least 1 (got 0)");
  options.connections = 1;
  options.threads = 0;
  EXPECT_EQ(OptionsError(options), "threads must be at least 1 (got 0)");
  options.threads = 1;
  options.duration = 0s;
  EXPECT_EQ(OptionsError(options), "duration must be positive");
  options.duration = 1s;
  options.request.clear();
  EXPECT_EQ(OptionsError(options), "request is empty");
  options.request = "x";
  options.cpus = {4096};
  EXPECT_EQ(OptionsError(options),
            "client CPU 4096 is not available to this process (allowed: " + process::FormatCpuList(process::AvailableCpus()) + ")");
}

}  // namespace
}  // namespace claimbench::load
