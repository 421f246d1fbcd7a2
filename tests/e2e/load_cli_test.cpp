// End-to-end tests of `claimbench load` against small servers in this test process:
// closed and open loop, the JSON output validated against results/load.schema.json,
// and flag errors.
#include <gtest/gtest.h>

#include <unistd.h>

#include <nlohmann/json.hpp>

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
  EXPECT_NE(r.out.find("  latency    p50 "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("     t s  requests"), std::string::npos) << r.out;
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
