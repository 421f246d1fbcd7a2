// Instruction counts under valgrind (issue 14): cachegrind's total is read from its out
// file; the C++ n-body runner counted twice with the same settings gives the same count
// per iteration; a planted 5% of extra work shows as a ratio the gate's 1% floor flags;
// and a runner that prints a wrong checksum under valgrind gives an error, not a count.
// Each count runs the real runner twice under valgrind with small steps: about a second.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iterator>
#include <optional>
#include <string>

#include "compare/gate.h"
#include "process/command.h"
#include "run/batch_runner.h"
#include "run/instruction_count.h"
#include "stats/metric_registry.h"

namespace claimbench::run {
namespace {

namespace fs = std::filesystem;

// ------------------------------------------------------------------ the out file

// A cachegrind out file in the form valgrind 3.19 writes it (shortened to a few functions).
constexpr const char* kOutFile =
    "desc: I1 cache:         32768 B, 64 B, 8-way associative\n"
    "desc: D1 cache:         32768 B, 64 B, 8-way associative\n"
    "desc: LL cache:         8388608 B, 64 B, 16-way associative\n"
    "cmd: /build/cpp/claimbench-cpp-cpubound --task nbody --param steps=1000 --warmup 0 --iterations 1 --hold\n"
    "events: Ir\n"
    "fl=/build/glibc/elf/rtld.c\n"
    "fn=_dl_start\n"
    "482 4\n"
    "fl=/src/cpp/batch/cpubound.cpp\n"
    "fn=claimbench::batch::NBody[abi:cxx11](unsigned long)\n"
    "130 2000\n"
    "131 48123456\n"
    "summary: 48291230\n";

TEST(ParseCachegrindTotal, ReadsTheSummaryLine) {
  EXPECT_EQ(ParseCachegrindTotal(kOutFile), 48291230);
}

TEST(ParseCachegrindTotal, ReadsIrByTheEventsLineWhereverItsColumnIs) {
  // With the cache simulation Ir is the first of nine; a file naming it second is read too.
  EXPECT_EQ(ParseCachegrindTotal("events: Ir I1mr ILmr Dr D1mr DLmr Dw D1mw DLmw\n"
                                 "summary: 1500 20 19 600 40 30 200 10 9\n"),
            1500);
  EXPECT_EQ(ParseCachegrindTotal("events: Dr Ir\r\nsummary: 600 1500\r\n"), 1500);
}

TEST(ParseCachegrindTotal, RefusesWhatItCannotRead) {
  EXPECT_EQ(ParseCachegrindTotal(""), std::nullopt);
  EXPECT_EQ(ParseCachegrindTotal("events: Ir\nfn=main\n1 10\n"), std::nullopt);  // cut short: no summary
  EXPECT_EQ(ParseCachegrindTotal("events: Ir\nsummary: lots\n"), std::nullopt);
  EXPECT_EQ(ParseCachegrindTotal("events: Ir\nsummary: 12x\n"), std::nullopt);
  EXPECT_EQ(ParseCachegrindTotal("events: Dr Dw\nsummary: 5 6\n"), std::nullopt);  // no Ir column
  EXPECT_EQ(ParseCachegrindTotal("events: Ir I1mr\nsummary:\n"), std::nullopt);
}

// ------------------------------------------------------------------ counting a runner

class InstructionCountTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (process::FindInPath("valgrind").empty() && std::getenv("CLAIMBENCH_REQUIRE_VALGRIND") == nullptr) {
      GTEST_SKIP() << "valgrind is not installed (scripts/bootstrap.sh installs it); set "
                      "CLAIMBENCH_REQUIRE_VALGRIND=1 to fail here instead";
    }
    ASSERT_TRUE(fs::exists(Runner())) << Runner() << " is not built";
    if (const char* tmpdir = std::getenv("TMPDIR")) old_tmpdir_ = tmpdir;
    dir_ = fs::temp_directory_path() / ("claimbench-instruction-test-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_ / "tmp");
    // The count's temporary folder goes here, where no other test's can be: what is left
    // after it is this count's.
    ::setenv("TMPDIR", (dir_ / "tmp").c_str(), 1);
    options_.log_dir = dir_ / "logs";
    options_.timeout = std::chrono::seconds(60);
    workload_.id = "cpu-bound";
    impl_.id = "cpp-cpu";
    impl_.language = spec::Language::kCpp;
    impl_.library = "C++ (g++), no libraries";
  }
  void TearDown() override {
    if (dir_.empty()) return;
    if (old_tmpdir_) {
      ::setenv("TMPDIR", old_tmpdir_->c_str(), 1);
    } else {
      ::unsetenv("TMPDIR");
    }
    fs::remove_all(dir_);
  }

  static fs::path Runner() { return fs::path(CLAIMBENCH_CPP_BIN_DIR) / "claimbench-cpp-cpubound"; }

  // The n-body task at `steps`, pinned to the checksum the runner prints natively: the
  // counted runs must print it too.
  spec::BatchTask NBody(int steps) {
    spec::BatchTask task;
    task.id = "nbody";
    task.runner_task = "nbody";
    task.throughput = "none";
    task.params = {{"steps", std::to_string(steps)}};
    task.expect = "(learnt from a native run)";
    BatchRunOptions native = options_;
    native.warmup = 0;
    native.iterations = 1;
    results::BatchEntry entry = RunBatchTask(workload_, task, impl_, Runner(), std::nullopt, native);
    EXPECT_EQ(entry.status, results::Status::kChecksumMismatch) << entry.error.value_or("");
    task.expect = entry.checksum.value_or("");
    EXPECT_EQ(task.expect.rfind("energy_before=", 0), 0u) << task.expect;
    return task;
  }

  results::InstructionCount Count(const spec::BatchTask& task) {
    return CountTaskInstructions(workload_, task, impl_, Runner(), std::nullopt, options_, /*iterations=*/2);
  }

  // Whatever a count left in the temporary folder (nothing, once it is done).
  std::ptrdiff_t LeftBehind() const {
    return std::distance(fs::directory_iterator(dir_ / "tmp"), fs::directory_iterator());
  }

  fs::path dir_;
  std::optional<std::string> old_tmpdir_;
  BatchRunOptions options_;
  spec::Workload workload_;
  spec::Implementation impl_;
};

// The count is an exact figure: two counts of the same binary, task and settings agree to
// within 1e-4 relative (bound stated: the runner formats each iteration's time, whose number
// of digits may differ between runs by a digit, tens of instructions against 10^7 and more).
TEST_F(InstructionCountTest, SameSettingsCountTheSame) {
  const spec::BatchTask task = NBody(100'000);
  const results::InstructionCount first = Count(task);
  const results::InstructionCount second = Count(task);
  ASSERT_TRUE(first.per_iteration) << first.error.value_or("");
  ASSERT_TRUE(second.per_iteration) << second.error.value_or("");
  EXPECT_EQ(first.error, std::nullopt);
  EXPECT_EQ(first.iterations, 2);
  EXPECT_EQ(first.tool.rfind("valgrind-", 0), 0u) << first.tool;
  EXPECT_NE(first.tool.find("--cache-sim=no, setarch -R"), std::string::npos) << first.tool;
  ASSERT_TRUE(first.base_instructions && first.total_instructions);
  EXPECT_DOUBLE_EQ(*first.per_iteration,
                   static_cast<double>(*first.total_instructions - *first.base_instructions) / 2);
  // 100,000 steps of five bodies: tens of instructions per pair, ten pairs a step.
  EXPECT_GT(*first.per_iteration, 1e7);
  EXPECT_NEAR(*second.per_iteration / *first.per_iteration, 1.0, 1e-4);
  EXPECT_EQ(LeftBehind(), 0);
}

// A planted regression: 5% more n-body steps per iteration. The count per iteration rises by
// about 5%, past the 1% at which the gate flags an exact figure.
TEST_F(InstructionCountTest, FivePercentMoreWorkIsAboveTheGatesFloor) {
  const results::InstructionCount before = Count(NBody(100'000));
  const results::InstructionCount after = Count(NBody(105'000));
  ASSERT_TRUE(before.per_iteration) << before.error.value_or("");
  ASSERT_TRUE(after.per_iteration) << after.error.value_or("");
  const double ratio = *after.per_iteration / *before.per_iteration;
  EXPECT_GT(ratio, 1.01);
  EXPECT_NEAR(ratio, 1.05, 0.01);  // the extra steps are the extra work, and nothing else moved
  // The regression gate flags it, as an exact figure (no test, no trials needed).
  const stats::MetricRegistry registry({}, {});
  compare::PairedCells paired;
  paired.cells.push_back({{"cpu-bound/nbody", "cpp-cpu", std::string(stats::metric::kInstructionsPerIteration)},
                          registry.Get(stats::metric::kInstructionsPerIteration),
                          {{*before.per_iteration}, "one exact count"},
                          {{*after.per_iteration}, "one exact count"}});
  const compare::GateResult gate = compare::JudgeCells(paired, {});
  ASSERT_EQ(gate.cells.size(), 1u);
  EXPECT_TRUE(gate.cells[0].exact);
  EXPECT_EQ(gate.cells[0].change, compare::CellChange::kRegression);
  EXPECT_TRUE(gate.Regressed());
}

// The counted runs are checked like timed ones: a wrong checksum under valgrind is an error
// naming it, and no count.
TEST_F(InstructionCountTest, WrongChecksumUnderValgrindIsAnErrorNotACount) {
  spec::BatchTask task = NBody(1'000);
  task.expect = "energy_before=+0.000000000 energy_after=+0.000000000";
  const results::InstructionCount count = Count(task);
  EXPECT_EQ(count.per_iteration, std::nullopt);
  EXPECT_EQ(count.base_instructions, std::nullopt);
  ASSERT_TRUE(count.error);
  EXPECT_NE(count.error->find("the run of 1 iteration under valgrind: checksum_mismatch"), std::string::npos)
      << *count.error;
  EXPECT_EQ(LeftBehind(), 0);
}

}  // namespace
}  // namespace claimbench::run
