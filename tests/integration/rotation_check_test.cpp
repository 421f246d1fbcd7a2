// Request rotation and sampled response checks (ClosedLoopOptions::requests, check_every,
// response_check) against an in-process server on 127.0.0.1 that echoes each request's target:
// every request of the list is sent in even proportion, each checked body is handed over with the
// index of the request that produced it, a planted wrong answer is caught as body_mismatch at the
// sampled rate (even when check_every is a multiple of the list size), options are rejected by
// message, and there is still no allocation per request with rotation and checks on.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "closed_loop_test_server.h"
#include "count_allocations.h"
#include "load/closed_loop.h"
#include "load/http_request.h"
#include "load/open_loop.h"

namespace claimbench::load {
namespace {

using namespace std::chrono_literals;
using test_support::ServerMode;
using test_support::TestServer;

// The targets "/item/0" ..., with "/item/K?wrong" (answered "stale") at the positions in `wrong`.
std::vector<std::string> Targets(size_t count, const std::vector<size_t>& wrong = {}) {
  std::vector<std::string> targets;
  for (size_t i = 0; i < count; ++i) {
    targets.push_back("/item/" + std::to_string(i));
    if (std::find(wrong.begin(), wrong.end(), i) != wrong.end()) targets.back() += "?wrong";
  }
  return targets;
}

OpenLoopOptions OptionsFor(const TestServer& server, const std::vector<std::string>& targets) {
  OpenLoopOptions options;
  options.port = server.port();
  for (const std::string& target : targets) {
    options.requests.push_back(
        SerializeRequest({.host = "127.0.0.1:" + std::to_string(server.port()), .target = target}));
  }
  options.connections = 4;
  options.threads = 2;
  options.warmup = 100ms;
  options.duration = 500ms;
  options.timeout = 1s;
  options.rate_per_s = 2000;
  return options;
}

// The check the workload would run: the body must be the target of the request that was sent.
// Allocation-free (the allocation test uses it); remembers any status other than 200.
struct EchoCheck {
  const std::vector<std::string>* targets;
  std::atomic<int>* bad_status;
  bool operator()(size_t index, int status, std::string_view body) const {
    if (status != 200) bad_status->store(status);
    return index < targets->size() && body == (*targets)[index];
  }
};

// Every target was requested, the counts differ by at most `spread`, and nothing else arrived.
void ExpectEvenlySent(const TestServer& server, const std::vector<std::string>& targets, uint64_t spread) {
  const std::map<std::string, uint64_t> seen = server.targets_seen();
  ASSERT_EQ(seen.size(), targets.size());
  uint64_t total = 0;
  uint64_t low = UINT64_MAX;
  uint64_t high = 0;
  for (const std::string& target : targets) {
    ASSERT_EQ(seen.count(target), 1u) << target << " was never sent";
    const uint64_t n = seen.at(target);
    low = std::min(low, n);
    high = std::max(high, n);
    total += n;
  }
  EXPECT_EQ(total, server.requests_seen());
  EXPECT_GT(low, 50u);
  EXPECT_LE(high - low, spread) << "low " << low << ", high " << high;
}

TEST(RotationCheckTest, ClosedLoopSendsEveryRequestOfTheListEvenly) {
  TestServer server(ServerMode::kEchoTarget);
  const std::vector<std::string> targets = Targets(7);
  const OpenLoopOptions options = OptionsFor(server, targets);  // `request` stays empty
  const LoadResult r = RunClosedLoop(options);
  EXPECT_GT(r.requests, 1000u);
  EXPECT_EQ(r.errors.Total(), 0u);
  EXPECT_EQ(r.responses_checked, 0u);  // checks are off
  // One walk per thread (off by at most one each), plus a request per connection written but
  // not read by the server before the end.
  ExpectEvenlySent(server, targets, 2 + 4);
}

TEST(RotationCheckTest, EveryCheckedBodyComesWithTheIndexOfItsRequest) {
  TestServer server(ServerMode::kEchoTarget);
  const std::vector<std::string> targets = Targets(5);
  std::atomic<int> bad_status{0};
  OpenLoopOptions options = OptionsFor(server, targets);
  options.check_every = 1;  // every response
  options.response_check = EchoCheck{&targets, &bad_status};
  const LoadResult closed = RunClosedLoop(options);
  EXPECT_GT(closed.requests, 1000u);
  EXPECT_EQ(closed.errors.Total(), 0u);
  EXPECT_EQ(closed.responses_checked, closed.requests);
  EXPECT_EQ(bad_status.load(), 0);

  options.check_every = 3;  // both walks in use
  const LoadResult open = RunOpenLoop(options);
  EXPECT_EQ(open.errors.Total(), 0u);
  EXPECT_NEAR(static_cast<double>(open.requests), 1000, 20);
  EXPECT_NEAR(static_cast<double>(open.responses_checked), static_cast<double>(open.requests) / 3, 4);
  EXPECT_FALSE(open.rate_shortfall);
  // Per run and thread, each walk in use is off by at most one; per run and connection, one
  // request may be written but not read by the server: (2 + 4) for the closed loop, (4 + 4) open.
  ExpectEvenlySent(server, targets, 14);
}

// One wrong answer in the list, checked every check_every-th 2xx: the checked wrong ones are
// body_mismatch (never successes, never latency), the unchecked ones slip through as successes.
void ExpectSampledMismatches(const LoadResult& r, uint32_t check_every, size_t list_size, int connections,
                             int threads) {
  const double answered = static_cast<double>(r.requests + r.errors.body_mismatch);  // every 2xx
  EXPECT_EQ(r.errors.Total(), r.errors.body_mismatch);
  EXPECT_GT(r.errors.body_mismatch, 10u);
  EXPECT_EQ(r.latency.Count(), static_cast<int64_t>(r.requests));
  // Each connection checks every check_every-th of its 2xx: off by less than one per connection.
  EXPECT_NEAR(static_cast<double>(r.responses_checked), answered / check_every, connections);
  // Each thread's checked walk covers the list in order, so one check in `list_size` is of the
  // wrong one; the window cuts each walk within a request per connection.
  EXPECT_NEAR(static_cast<double>(r.errors.body_mismatch),
              static_cast<double>(r.responses_checked) / static_cast<double>(list_size), threads + connections);
  uint64_t interval_errors = 0;
  for (const IntervalStats& interval : r.intervals) interval_errors += interval.errors;
  EXPECT_EQ(interval_errors, r.errors.Total());
}

TEST(RotationCheckTest, SampledCheckCatchesAWrongAnswerAtTheSampledRate) {
  TestServer server(ServerMode::kEchoTarget);
  const std::vector<std::string> targets = Targets(4, {3});
  std::atomic<int> bad_status{0};
  OpenLoopOptions options = OptionsFor(server, targets);
  options.response_check = EchoCheck{&targets, &bad_status};
  options.check_every = 3;
  ExpectSampledMismatches(RunClosedLoop(options), 3, targets.size(), 4, 2);

  // check_every a multiple of the list size, one connection: a single walk would check the same
  // request every time, and either always or never see the wrong one.
  options.connections = 1;
  options.threads = 1;
  options.check_every = 8;
  ExpectSampledMismatches(RunClosedLoop(options), 8, targets.size(), 1, 1);
  EXPECT_EQ(bad_status.load(), 0);
}

TEST(RotationCheckTest, ExpectedBodyStillChecksEveryResponse) {
  TestServer server(ServerMode::kEchoTarget);
  const std::vector<std::string> targets = {"/same"};
  OpenLoopOptions options = OptionsFor(server, targets);
  options.expected_body = "/same";
  options.check_every = 2;
  options.response_check = [](size_t, int, std::string_view) { return false; };  // planted: fails all
  const LoadResult r = RunClosedLoop(options);
  // Every other 2xx is checked and fails; the others pass expected_body.
  EXPECT_NEAR(static_cast<double>(r.errors.body_mismatch), static_cast<double>(r.requests), 4);
  EXPECT_EQ(r.responses_checked, r.errors.body_mismatch);
  EXPECT_EQ(r.errors.Total(), r.errors.body_mismatch);
  options.expected_body = "/other";  // now every body fails before any sampled check
  const LoadResult all_wrong = RunClosedLoop(options);
  EXPECT_EQ(all_wrong.requests, 0u);
  EXPECT_GT(all_wrong.errors.body_mismatch, 100u);
  EXPECT_EQ(all_wrong.responses_checked, 0u);
}

std::string OptionsError(const ClosedLoopOptions& options) {
  try {
    RunClosedLoop(options);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "no error";
}

TEST(RotationCheckTest, RejectsBadOptionsByMessage) {
  ClosedLoopOptions options;
  options.requests = {"GET /a HTTP/1.1\r\nHost: h\r\n\r\n", ""};
  EXPECT_EQ(OptionsError(options), "requests[1] is empty");
  options.requests.clear();
  EXPECT_EQ(OptionsError(options), "request is empty");
  options.request = "GET / HTTP/1.1\r\nHost: h\r\n\r\n";
  options.check_every = 5;
  EXPECT_EQ(OptionsError(options), "check_every is 5 but response_check is not set");
}

TEST(RotationCheckTest, NoAllocationPerRequestWithRotationAndChecks) {
  t_not_a_client_thread = true;
  TestServer server(ServerMode::kEchoTarget, [] { t_not_a_client_thread = true; });
  const std::vector<std::string> targets = Targets(7, {6});
  std::atomic<int> bad_status{0};
  OpenLoopOptions options = OptionsFor(server, targets);
  options.warmup = 0ms;
  options.duration = 400ms;
  options.rate_per_s = 5000;
  options.check_every = 2;  // bodies kept and dropped alternately
  options.response_check = EchoCheck{&targets, &bad_status};
  for (const bool open_loop : {false, true}) {
    const uint64_t before = g_client_allocations.load();
    const LoadResult r = open_loop ? RunOpenLoop(options) : RunClosedLoop(options);
    const uint64_t allocations = g_client_allocations.load() - before;
    RecordProperty(open_loop ? "open_loop_client_allocations" : "closed_loop_client_allocations",
                   std::to_string(allocations));
    EXPECT_GT(r.requests, 1000u);
    EXPECT_GT(r.responses_checked, 500u);
    EXPECT_GT(r.errors.body_mismatch, 0u);
    // A fixed set-up cost per thread and connection, independent of the number of requests.
    EXPECT_LT(allocations, 100u) << allocations << " allocations for " << r.requests << " requests"
                                 << (open_loop ? " (open loop)" : " (closed loop)");
  }
  t_not_a_client_thread = false;
}

}  // namespace
}  // namespace claimbench::load
