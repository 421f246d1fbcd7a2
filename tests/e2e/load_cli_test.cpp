// End-to-end tests of `claimbench load` against small servers in this test process:
// closed and open loop, the JSON output validated against results/load.schema.json,
// and flag errors.
#include <gtest/gtest.h>

#include <unistd.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>

#include "../integration/closed_loop_test_server.h"
#include "process/command.h"
#include "util/files.h"

namespace claimbench {
namespace {

namespace fs = std::filesystem;
using load::test_support::ServerMode;
using load::test_support::TestServer;
using nlohmann::json;

process::CommandResult Cli(std::vector<std::string> args) {
  args.insert(args.begin(), CLAIMBENCH_BINARY);
  return process::RunCommand(args, CLAIMBENCH_SOURCE_DIR, {}, std::chrono::seconds(120));
}

// Validates `document` against the committed schema with Debian's python3-jsonschema.
void ExpectValid(const std::string& document) {
  fs::path file = fs::temp_directory_path() / ("claimbench-load-" + std::to_string(::getpid()) + ".json");
  WriteFileAtomic(file, document);
  auto r = process::RunCommand({"/usr/bin/python3", std::string(CLAIMBENCH_SOURCE_DIR) + "/tests/schema/validate.py",
                                std::string(CLAIMBENCH_SOURCE_DIR) + "/results/load.schema.json", file.string()});
  EXPECT_EQ(r.status.code, 0) << r.err;
  fs::remove(file);
}

std::string Url(const TestServer& server) { return "http://127.0.0.1:" + std::to_string(server.port()) + "/"; }

TEST(LoadCli, ClosedLoopJsonMatchesTheSchema) {
  TestServer server(ServerMode::kOk);
  auto r = Cli({"load", Url(server), "--connections", "4", "--duration", "500ms", "--warmup", "100ms", "--json"});
  ASSERT_EQ(r.status.code, 0) << r.err;
  ExpectValid(r.out);
  json j = json::parse(r.out);
  EXPECT_EQ(j["options"]["mode"], "closed-loop");
  EXPECT_EQ(j["options"]["duration_s"], 0.5);
  EXPECT_GT(j["requests"].get<uint64_t>(), 0u);
  EXPECT_EQ(j["errors"]["total"], 0);
  EXPECT_EQ(j["connections_established"], 4);
  EXPECT_EQ(j["target_rate_per_s"], 0);
  EXPECT_FALSE(j.contains("send_lag_ns"));
  EXPECT_EQ(j["latency_ns"]["count"], j["requests"]);
  EXPECT_EQ(j["latency_spectrum"].back()["percentile"], 100.0);
  EXPECT_EQ(j["latency_spectrum"].back()["value_ns"], j["latency_ns"]["max"]);
  uint64_t in_series = 0;
  for (const auto& i : j["intervals"]) in_series += i["requests"].get<uint64_t>();
  EXPECT_EQ(in_series, j["requests"].get<uint64_t>());
}

TEST(LoadCli, OpenLoopReachesAModestRateAndReportsThreeHistograms) {
  TestServer server(ServerMode::kOk);
  auto r = Cli({"load", Url(server), "--connections", "4", "--rate", "2k", "--duration", "1s", "--warmup", "200ms",
                "--json"});
  ASSERT_EQ(r.status.code, 0) << r.err;
  ExpectValid(r.out);
  json j = json::parse(r.out);
  EXPECT_EQ(j["options"]["mode"], "open-loop");
  EXPECT_EQ(j["options"]["rate_per_s"], 2000.0);
  EXPECT_EQ(j["target_rate_per_s"], 2000.0);
  EXPECT_NEAR(j["achieved_rate_per_s"].get<double>(), 2000.0, 2000.0 * 0.05);
  EXPECT_FALSE(j["rate_shortfall"].get<bool>());
  EXPECT_TRUE(j.contains("send_lag_ns"));
  EXPECT_EQ(j["service_time_ns"]["count"], j["latency_ns"]["count"]);
}

TEST(LoadCli, ExpectedBodyMismatchIsAnErrorKind) {
  TestServer server(ServerMode::kOk);  // answers "hello"
  auto r = Cli({"load", Url(server), "--connections", "2", "--duration", "300ms", "--warmup", "0s",
                "--expect-body", "goodbye", "--json"});
  EXPECT_EQ(r.status.code, 1) << r.err;  // no successful request at all
  json j = json::parse(r.out);
  EXPECT_EQ(j["requests"], 0);
  EXPECT_GT(j["errors"]["body_mismatch"].get<uint64_t>(), 0u);
  EXPECT_EQ(j["errors"]["total"], j["errors"]["body_mismatch"]);
}

TEST(LoadCli, TextOutputAndSeries) {
  TestServer server(ServerMode::kOk);
  auto r = Cli({"load", Url(server), "-c", "2", "-d", "1s", "--warmup", "0s", "--series"});
  ASSERT_EQ(r.status.code, 0) << r.err;
  EXPECT_NE(r.out.find("  requests   "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  latency    avg "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("     t s  requests"), std::string::npos) << r.out;
}

// oha's -n: exactly that many requests answered in a window that ends at the last response,
// far inside the cap; the series covers only that window, its last interval cut at its end.
TEST(LoadCli, RequestLimitSendsExactlyThatManyAndEndsTheWindow) {
  TestServer server(ServerMode::kOk);
  // With a warmup: requests sent in it and answered in the window count toward the 500.
  auto r = Cli({"load", Url(server), "-c", "4", "-n", "500", "--warmup", "200ms", "--json"});
  ASSERT_EQ(r.status.code, 0) << r.err;
  ExpectValid(r.out);
  json j = json::parse(r.out);
  EXPECT_EQ(j["options"]["request_limit"], 500);
  EXPECT_EQ(j["options"]["duration_s"], 3600.0);  // the cap when -d is not given
  EXPECT_EQ(j["requests"], 500);
  EXPECT_EQ(j["errors"]["total"], 0);
  EXPECT_LT(j["duration_s"].get<double>(), 60.0);
  uint64_t in_series = 0;
  for (const auto& i : j["intervals"]) in_series += i["requests"].get<uint64_t>();
  EXPECT_EQ(in_series, 500u);
  EXPECT_LE(j["intervals"].size(), static_cast<size_t>(std::ceil(j["duration_s"].get<double>())));
  double covered = 0;
  for (const auto& i : j["intervals"]) covered += i["duration_s"].get<double>();
  EXPECT_NEAR(covered, j["duration_s"].get<double>(), 1e-9);

  auto open = Cli({"load", Url(server), "-c", "4", "-R", "2k", "-n", "300", "--warmup", "0s", "--json"});
  ASSERT_EQ(open.status.code, 0) << open.err;
  json o = json::parse(open.out);
  EXPECT_EQ(o["requests"], 300);
  EXPECT_EQ(o["backlog_at_end"], 0);
}

// wrk's --latency and the exports beside the human output: --json-out keeps the text, and
// --hgrm writes HdrHistogram's percentile distribution.
TEST(LoadCli, LatencyDistributionAndExportsBesideTheText) {
  TestServer server(ServerMode::kOk);
  const std::string dir = ::testing::TempDir();
  const std::string json_out = dir + "/claimbench-load-out.json", hgrm = dir + "/claimbench-load.hgrm";
  auto r = Cli({"load", Url(server), "-c", "2", "-d", "500ms", "--warmup", "0s", "--latency", "--json-out", json_out,
                "--hgrm", hgrm});
  ASSERT_EQ(r.status.code, 0) << r.err;
  EXPECT_NE(r.out.find("  latency distribution\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  transfer   "), std::string::npos) << r.out;
  json j = json::parse(ReadFile(json_out));
  EXPECT_GT(j["requests"].get<uint64_t>(), 0u);
  const std::string h = ReadFile(hgrm);
  EXPECT_EQ(h.rfind("       Value     Percentile TotalCount 1/(1-Percentile)\n\n", 0), 0u) << h;
  EXPECT_NE(h.find("#[Mean    = "), std::string::npos) << h;
  EXPECT_NE(h.find(fmt::format("Total count    = {:12d}]", j["requests"].get<uint64_t>())), std::string::npos) << h;
}

// The live progress line appears on a terminal only (a pty from util-linux's script), and
// the line is cleared before the result.
TEST(LoadCli, LiveProgressLineOnlyOnATerminal) {
  TestServer server(ServerMode::kOk);
  const std::string command = std::string(CLAIMBENCH_BINARY) + " load " + Url(server) + " -c 2 -d 2s --warmup 0s";
  auto tty = process::RunCommand({"/usr/bin/script", "-qec", command, "/dev/null"}, CLAIMBENCH_SOURCE_DIR, {},
                                 std::chrono::seconds(60));
  ASSERT_EQ(tty.status.code, 0) << tty.err;
  EXPECT_NE(tty.out.find("\r\033[K  window "), std::string::npos) << tty.out;
  auto piped = Cli({"load", Url(server), "-c", "2", "-d", "2s", "--warmup", "0s"});
  ASSERT_EQ(piped.status.code, 0) << piped.err;
  EXPECT_EQ(piped.err.find("window "), std::string::npos) << piped.err;
}

TEST(LoadCli, BadFlagsAreUsageErrorsThatNameTheValue) {
  auto rate = Cli({"load", "http://127.0.0.1:9/", "--rate", "5x"});
  EXPECT_EQ(rate.status.code, 2);
  EXPECT_EQ(rate.err, "error: invalid count '5x' (e.g. 25000, 25k, 1.5M)\n");
  auto duration = Cli({"load", "http://127.0.0.1:9/", "--duration", "10 sec"});
  EXPECT_EQ(duration.status.code, 2);
  EXPECT_NE(duration.err.find("invalid duration '10 sec'"), std::string::npos) << duration.err;
  auto https = Cli({"load", "https://127.0.0.1:9/"});
  EXPECT_EQ(https.status.code, 2);
  EXPECT_NE(https.err.find("https is not supported"), std::string::npos) << https.err;
  auto header = Cli({"load", "http://127.0.0.1:9/", "-H", "NoColon"});
  EXPECT_EQ(header.status.code, 2);
  EXPECT_EQ(header.err, "error: --header 'NoColon' must look like 'Name: value'\n");
}

TEST(LoadCli, RefusedPortFailsWithConnectErrors) {
  uint16_t port;
  {
    boost::asio::io_context io;
    boost::asio::ip::tcp::acceptor a(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
    port = a.local_endpoint().port();
  }
  auto r = Cli({"load", "http://127.0.0.1:" + std::to_string(port) + "/", "-c", "2", "-d", "300ms", "--warmup", "0s",
                "--json"});
  EXPECT_EQ(r.status.code, 1);
  json j = json::parse(r.out);
  EXPECT_EQ(j["requests"], 0);
  EXPECT_GT(j["errors"]["connect"].get<uint64_t>() + j["errors_outside_window"].get<uint64_t>(), 0u);
}

}  // namespace
}  // namespace claimbench
