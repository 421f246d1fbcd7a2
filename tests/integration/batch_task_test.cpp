// The batch runner protocol from the harness's side, against fake runners (shell
// scripts): a good runner, a wrong checksum, a crash, a hang, protocol violations.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include "run/batch_runner.h"
#include "stats/summary.h"

namespace claimbench::run {
namespace {

namespace fs = std::filesystem;
using results::Status;

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

  results::BatchEntry Run(const fs::path& runner) {
    return RunBatchTask(workload_, task_, impl_, runner, input_, options_);
  }
  results::Summaries Summarize(const results::BatchEntry& entry) {
    return stats::SummarizeBatch(entry, {input_->bytes, input_->lines, results::Throughput::kBytes},
                                 stats::MetricRegistry({}, {}));
  }

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
  results::BatchEntry r = Run(Script(kGood));
  ASSERT_EQ(r.status, Status::kOk) << r.error.value_or("");
  EXPECT_EQ(r.checksum, "matches=3");
  EXPECT_EQ(r.measure_ns, (std::vector<double>{1000000.0, 4000000.0}));
  EXPECT_EQ(r.warmup_ns, (std::vector<double>{3000000.0}));
  EXPECT_EQ(r.compile_ns, (std::vector<double>{100.0}));
  ASSERT_EQ(r.process.size(), 1u);
  EXPECT_GT(r.process[0].rss_peak_bytes.value_or(0), 0);
  EXPECT_TRUE(r.process[0].cpu_s.has_value());

  results::Summaries s = Summarize(r);
  EXPECT_DOUBLE_EQ(s.at("iteration_ns").median, 2500000.0);
  // 10^6 bytes in 1 ms = 1000 MB/s and in 4 ms = 250 MB/s (decimal megabytes).
  EXPECT_DOUBLE_EQ(s.at("throughput_mb_per_s").min, 250.0);
  EXPECT_DOUBLE_EQ(s.at("throughput_mb_per_s").max, 1000.0);
  EXPECT_EQ(s.at("throughput_mb_per_s").unit, "MB/s (10^6 bytes/s)");
  EXPECT_DOUBLE_EQ(s.at("bytes_per_task").median, 20.0);
  EXPECT_DOUBLE_EQ(s.at("compile_ns").median, 100.0);
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
  results::BatchEntry r = Run(Script(body));
  EXPECT_EQ(r.status, Status::kChecksumMismatch);
  EXPECT_EQ(r.error, "measure 1: expected 'matches=3', got 'matches=4'");
  EXPECT_EQ(r.checksum, "matches=4");
  EXPECT_TRUE(r.measure_ns.empty());
  EXPECT_TRUE(Summarize(r).empty());
}

TEST_F(BatchRunner, CrashBeforeDoneIsRecordedWithStderr) {
  results::BatchEntry r =
      Run(Script("echo '{\"phase\":\"setup\",\"input_bytes\":0,\"ns\":1}'\necho 'out of memory' >&2\nexit 3"));
  EXPECT_EQ(r.status, Status::kCrashed);
  EXPECT_NE(r.error.value_or("").find("exit 3 before 'done'"), std::string::npos) << r.error.value_or("");
  EXPECT_NE(r.error.value_or("").find("out of memory"), std::string::npos) << r.error.value_or("");
}

TEST_F(BatchRunner, HangIsKilledAtTheTimeout) {
  options_.timeout = std::chrono::milliseconds(300);
  auto start = std::chrono::steady_clock::now();
  results::BatchEntry r = Run(Script("echo '{\"phase\":\"setup\",\"input_bytes\":0,\"ns\":1}'\nsleep 30"));
  EXPECT_EQ(r.status, Status::kTimedOut);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

TEST_F(BatchRunner, ProtocolViolationsAreNamed) {
  results::BatchEntry no_setup = Run(Script("echo '{\"phase\":\"measure\",\"i\":0,\"ns\":1,\"checksum\":\"matches=3\"}'"));
  EXPECT_EQ(no_setup.status, Status::kProtocolError);
  EXPECT_EQ(no_setup.error.value_or("").rfind("'setup' must come first", 0), 0u) << no_setup.error.value_or("");

  results::BatchEntry short_run = Run(Script(
      "echo '{\"phase\":\"setup\",\"input_bytes\":0,\"ns\":1}'\n"
      "echo '{\"phase\":\"warmup\",\"i\":0,\"ns\":1,\"checksum\":\"matches=3\"}'\n"
      "echo '{\"phase\":\"measure\",\"i\":0,\"ns\":1,\"checksum\":\"matches=3\"}'\necho '{\"phase\":\"done\"}'"));
  EXPECT_EQ(short_run.status, Status::kProtocolError);
  EXPECT_EQ(short_run.error.value_or("").rfind(
                "'done' after 1 warmup and 1 measured iterations (asked for 1 and 2)", 0),
            0u)
      << short_run.error.value_or("");

  results::BatchEntry garbage = Run(Script("echo 'hello'"));
  EXPECT_EQ(garbage.status, Status::kProtocolError);
}

TEST_F(BatchRunner, MissingBinaryFailsToStart) {
  results::BatchEntry r = Run(dir_ / "no-such-runner");
  EXPECT_EQ(r.status, Status::kStartFailed);
}

}  // namespace
}  // namespace claimbench::run
