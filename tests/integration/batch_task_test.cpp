// The batch runner protocol from the harness's side, against fake runners (shell
// scripts): a good runner, a wrong checksum, a crash, a hang, protocol violations.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include "run/batch_runner.h"

namespace claimbench::run {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

class BatchRunner : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("claimbench-batch-test-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
    options_.log_dir = dir_ / "logs";
    options_.warmup = 1;
    options_.iterations = 2;
    options_.timeout = std::chrono::seconds(10);
    workload_.id = "w";
    task_.id = "t";
    task_.runner_task = "count";
    task_.expect = "matches=3";
    task_.throughput = "bytes";
    impl_.id = "fake";
    impl_.language = spec::Language::kGo;
    impl_.library = "sh";
    input_ = BatchInput{dir_ / "input", 1'000'000, 0};
  }
  void TearDown() override { fs::remove_all(dir_); }

  // A runner that prints `body` (shell) and, like a real one given --hold, waits for
  // stdin to close before it exits.
  fs::path Script(const std::string& body) {
    fs::path p = dir_ / "runner.sh";
    std::ofstream(p) << "#!/bin/sh\n" << body << "\ncat >/dev/null\n";
    ::chmod(p.c_str(), 0755);
    return p;
  }

  json Run(const fs::path& runner) { return RunBatchTask(workload_, task_, impl_, runner, input_, options_); }

  fs::path dir_;
  BatchRunOptions options_;
  spec::Workload workload_;
  spec::BatchTask task_;
  spec::Implementation impl_;
  std::optional<BatchInput> input_;
};

constexpr const char* kGood =
    "echo '{\"phase\":\"setup\",\"input_bytes\":1000000,\"ns\":5}'\n"
    "echo '{\"phase\":\"compile\",\"ns\":100}'\n"
    "echo '{\"phase\":\"warmup\",\"i\":0,\"ns\":3000000,\"checksum\":\"matches=3\"}'\n"
    "echo '{\"phase\":\"measure\",\"i\":0,\"ns\":1000000,\"checksum\":\"matches=3\",\"bytes_per_task\":10}'\n"
    "echo '{\"phase\":\"measure\",\"i\":1,\"ns\":4000000,\"checksum\":\"matches=3\",\"bytes_per_task\":30}'\n"
    "echo '{\"phase\":\"done\"}'";

TEST_F(BatchRunner, GoodRunnerIsTimedAndSummarized) {
  json r = Run(Script(kGood));
  ASSERT_EQ(r["status"], "ok") << r.dump(2);
  EXPECT_EQ(r["checksum"], "matches=3");
  EXPECT_EQ(r["measure_ns"], json({1000000.0, 4000000.0}));
  EXPECT_EQ(r["warmup_ns"], json({3000000.0}));
  EXPECT_EQ(r["compile_ns"], json({100.0}));
  ASSERT_EQ(r["process"].size(), 1u);
  EXPECT_GT(r["process"][0]["rss_peak_bytes"].get<double>(), 0);
  EXPECT_TRUE(r["process"][0].contains("cpu_s"));

  json s = SummarizeBatch(r, task_, input_);
  EXPECT_DOUBLE_EQ(s["iteration_ns"]["median"].get<double>(), 2500000.0);
  // 10^6 bytes in 1 ms = 1000 MB/s and in 4 ms = 250 MB/s (decimal megabytes).
  EXPECT_DOUBLE_EQ(s["throughput_mb_per_s"]["min"].get<double>(), 250.0);
  EXPECT_DOUBLE_EQ(s["throughput_mb_per_s"]["max"].get<double>(), 1000.0);
  EXPECT_EQ(s["throughput_mb_per_s"]["unit"], "MB/s (10^6 bytes/s)");
  EXPECT_DOUBLE_EQ(s["bytes_per_task"]["median"].get<double>(), 20.0);
  EXPECT_DOUBLE_EQ(s["compile_ns"]["median"].get<double>(), 100.0);
}

TEST_F(BatchRunner, ArgvCarriesImplementationArgsParamsAndHold) {
  impl_.args = {"--runtime", "tokio"};
  impl_.language = spec::Language::kRust;
  task_.params = {{"pattern", "a|b"}, {"workers", "{cpus}"}};
  task_.language_params["rust"] = {{"pattern", "(?-u:\\b)a"}};
  options_.cpus = {0, 1};
  auto argv = BatchArgv(impl_, "/bin/runner", task_, input_, options_);
  EXPECT_EQ(argv, (std::vector<std::string>{"/bin/runner", "--runtime", "tokio", "--task", "count", "--input",
                                            (dir_ / "input").string(), "--param", "pattern=(?-u:\\b)a", "--param",
                                            "workers=2", "--warmup", "1", "--iterations", "2", "--hold"}));
}

TEST_F(BatchRunner, WrongChecksumKeepsNoTiming) {
  std::string body = kGood;
  body.replace(body.rfind("matches=3"), 9, "matches=4");  // the last measured iteration
  json r = Run(Script(body));
  EXPECT_EQ(r["status"], "checksum_mismatch");
  EXPECT_EQ(r["error"], "measure 1: expected 'matches=3', got 'matches=4'");
  EXPECT_EQ(r["checksum"], "matches=4");
  EXPECT_FALSE(r.contains("measure_ns"));
  EXPECT_TRUE(SummarizeBatch(r, task_, input_).empty());
}

TEST_F(BatchRunner, CrashBeforeDoneIsRecordedWithStderr) {
  json r = Run(Script("echo '{\"phase\":\"setup\",\"input_bytes\":0,\"ns\":1}'\necho 'out of memory' >&2\nexit 3"));
  EXPECT_EQ(r["status"], "crashed");
  EXPECT_NE(r["error"].get<std::string>().find("exit 3 before 'done'"), std::string::npos) << r["error"];
  EXPECT_NE(r["error"].get<std::string>().find("out of memory"), std::string::npos) << r["error"];
}

TEST_F(BatchRunner, HangIsKilledAtTheTimeout) {
  options_.timeout = std::chrono::milliseconds(300);
  auto start = std::chrono::steady_clock::now();
  json r = Run(Script("echo '{\"phase\":\"setup\",\"input_bytes\":0,\"ns\":1}'\nsleep 30"));
  EXPECT_EQ(r["status"], "timed_out");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

TEST_F(BatchRunner, ProtocolViolationsAreNamed) {
  json no_setup = Run(Script("echo '{\"phase\":\"measure\",\"i\":0,\"ns\":1,\"checksum\":\"matches=3\"}'"));
  EXPECT_EQ(no_setup["status"], "protocol_error");
  EXPECT_EQ(no_setup["error"].get<std::string>().rfind("'setup' must come first", 0), 0u) << no_setup["error"];

  json short_run = Run(Script(
      "echo '{\"phase\":\"setup\",\"input_bytes\":0,\"ns\":1}'\n"
      "echo '{\"phase\":\"warmup\",\"i\":0,\"ns\":1,\"checksum\":\"matches=3\"}'\n"
      "echo '{\"phase\":\"measure\",\"i\":0,\"ns\":1,\"checksum\":\"matches=3\"}'\necho '{\"phase\":\"done\"}'"));
  EXPECT_EQ(short_run["status"], "protocol_error");
  EXPECT_EQ(short_run["error"].get<std::string>().rfind(
                "'done' after 1 warmup and 1 measured iterations (asked for 1 and 2)", 0),
            0u)
      << short_run["error"];

  json garbage = Run(Script("echo 'hello'"));
  EXPECT_EQ(garbage["status"], "protocol_error");
}

TEST_F(BatchRunner, MissingBinaryFailsToStart) {
  json r = Run(dir_ / "no-such-runner");
  EXPECT_EQ(r["status"], "start_failed");
}

}  // namespace
}  // namespace claimbench::run
