// Unit tests of the batch runner protocol: flag parsing and its usage errors, and the JSON
// lines Run writes around a fake task.
#include "runner.h"

#include <gtest/gtest.h>

#include <regex>
#include <sstream>
#include <stdexcept>

namespace claimbench::batch {
namespace {

class FakeTask : public Task {
 public:
  explicit FakeTask(bool fail) : fail_(fail) {}
  std::uint64_t InputBytes() const override { return 42; }
  std::vector<std::chrono::nanoseconds> TimeCompiles() override { return {std::chrono::nanoseconds(7)}; }
  std::string RunIteration() override {
    if (fail_ && ++runs_ == 2) throw std::runtime_error("broken invariant");
    return "n=1 \"q\"";
  }

 private:
  bool fail_;
  int runs_ = 0;
};

RunnerSpec Spec() {
  return {.program = "fake",
          .tasks = {{"work", {"size", "mode"}}, {"other", {}}},
          .make_task = [](const Options& options) -> std::unique_ptr<Task> {
            if (Param(options, "mode") == "usage") throw UsageError("bad mode");
            if (Param(options, "mode") == "setup") throw std::runtime_error("corrupt input");
            return std::make_unique<FakeTask>(Param(options, "mode") == "fail");
          }};
}

std::variant<Options, int> Parse(std::vector<std::string_view> args, std::string* err_text = nullptr) {
  std::ostringstream err;
  auto parsed = ParseOptions(args, Spec(), err);
  if (err_text != nullptr) *err_text = err.str();
  return parsed;
}

TEST(ParseOptionsTest, ReadsEveryFlagInBothForms) {
  auto parsed = Parse({"--task", "work", "--input=in.json", "--param", "size=3", "--param=mode=a=b", "--warmup", "2",
                       "--iterations=5", "--hold"});
  ASSERT_TRUE(std::holds_alternative<Options>(parsed));
  const Options& options = std::get<Options>(parsed);
  EXPECT_EQ(options.task, "work");
  EXPECT_EQ(options.input, "in.json");
  EXPECT_EQ(options.params.at("size"), "3");
  EXPECT_EQ(options.params.at("mode"), "a=b");
  EXPECT_EQ(options.warmup, 2u);
  EXPECT_EQ(options.iterations, 5u);
  EXPECT_TRUE(options.hold);
}

TEST(ParseOptionsTest, HelpExitsZero) { EXPECT_EQ(std::get<int>(Parse({"--help"})), 0); }

struct UsageCase {
  std::vector<std::string_view> args;
  std::string message;
};

TEST(ParseOptionsTest, UsageErrorsExitTwoAndNameTheProblem) {
  const std::vector<std::string_view> ok = {"--task", "work", "--warmup", "0", "--iterations", "1"};
  auto with = [&](std::vector<std::string_view> extra) {
    std::vector<std::string_view> args = ok;
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
  };
  const std::vector<UsageCase> cases = {
      {with({"--bogus"}), "error: unknown flag --bogus\n"},
      {with({"--bogus=1"}), "error: unknown flag --bogus\n"},
      {with({"stray"}), "error: unexpected argument stray\n"},
      {with({"--param", "nosuch=1"}), "error: unknown parameter 'nosuch' for task work (known: size, mode)\n"},
      {with({"--param", "size"}), "error: --param expects KEY=VALUE, got 'size'\n"},
      {with({"--param", "size=1", "--param", "size=2"}), "error: --param size given twice\n"},
      {with({"--hold=yes"}), "error: --hold takes no value\n"},
      {with({"--input"}), "error: --input needs a value\n"},
      {{"--task", "nope", "--warmup", "0", "--iterations", "1"}, "error: unknown task 'nope' (tasks: work, other)\n"},
      {{"--task", "work", "--iterations", "1"}, "error: --warmup is required\n"},
      {{"--task", "work", "--warmup", "0"}, "error: --iterations is required\n"},
      {{"--task", "work", "--warmup", "0", "--iterations", "0"}, "error: --iterations must be at least 1\n"},
      {{"--task", "work", "--warmup", "-1", "--iterations", "1"},
       "error: --warmup expects a non-negative integer, got '-1'\n"},
      {{"--warmup", "0", "--iterations", "1"}, "error: --task is required\n"},
  };
  for (const UsageCase& c : cases) {
    std::string err;
    auto parsed = Parse(c.args, &err);
    ASSERT_TRUE(std::holds_alternative<int>(parsed)) << c.message;
    EXPECT_EQ(std::get<int>(parsed), 2) << c.message;
    EXPECT_EQ(err.substr(0, err.find('\n') + 1), c.message);
  }
}

Options WorkOptions(std::string mode, std::uint64_t warmup, std::uint64_t iterations) {
  Options options;
  options.task = "work";
  options.warmup = warmup;
  options.iterations = iterations;
  if (!mode.empty()) options.params.emplace("mode", mode);
  return options;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream stream(text);
  for (std::string line; std::getline(stream, line);) lines.push_back(line);
  return lines;
}

TEST(RunTest, WritesSetupCompileIterationsAndDoneAsJsonLines) {
  std::ostringstream out, err;
  ASSERT_EQ(batch::Run(WorkOptions("", 1, 2), Spec(), out, err), 0);
  std::vector<std::string> lines = Lines(out.str());
  ASSERT_EQ(lines.size(), 6u) << out.str();
  EXPECT_TRUE(std::regex_match(lines[0], std::regex(R"(\{"phase":"setup","input_bytes":42,"ns":\d+\})")));
  EXPECT_EQ(lines[1], R"({"phase":"compile","ns":7})");
  const std::string checksum = R"(,"checksum":"n=1 \\"q\\""\})";
  EXPECT_TRUE(std::regex_match(lines[2], std::regex(R"(\{"phase":"warmup","i":0,"ns":\d+)" + checksum))) << lines[2];
  EXPECT_TRUE(std::regex_match(lines[3], std::regex(R"(\{"phase":"measure","i":0,"ns":\d+)" + checksum)));
  EXPECT_TRUE(std::regex_match(lines[4], std::regex(R"(\{"phase":"measure","i":1,"ns":\d+)" + checksum)));
  EXPECT_EQ(lines[5], R"({"phase":"done"})");
  EXPECT_EQ(err.str(), "");
}

TEST(RunTest, UsageErrorInSetupExitsTwoWithNothingOnStdout) {
  std::ostringstream out, err;
  EXPECT_EQ(batch::Run(WorkOptions("usage", 0, 1), Spec(), out, err), 2);
  EXPECT_EQ(out.str(), "");
  EXPECT_EQ(err.str(), "error: bad mode\n");
}

TEST(RunTest, FailedSetupExitsOne) {
  std::ostringstream out, err;
  EXPECT_EQ(batch::Run(WorkOptions("setup", 0, 1), Spec(), out, err), 1);
  EXPECT_EQ(out.str(), "");
  EXPECT_EQ(err.str(), "error: setup of task work failed: corrupt input\n");
}

TEST(RunTest, FailedIterationExitsOneWithoutDone) {
  std::ostringstream out, err;
  EXPECT_EQ(batch::Run(WorkOptions("fail", 0, 3), Spec(), out, err), 1);
  std::vector<std::string> lines = Lines(out.str());
  ASSERT_EQ(lines.size(), 3u);  // setup, compile, measure 0
  EXPECT_NE(lines.back(), R"({"phase":"done"})");
  EXPECT_EQ(err.str(), "error: task work failed: broken invariant\n");
}

TEST(ParamTest, UnsignedParamChecksRangeAndPresence) {
  Options options = WorkOptions("", 0, 1);
  options.params.emplace("size", "12");
  EXPECT_EQ(UnsignedParam(options, "size", std::nullopt, 1, 100), 12u);
  EXPECT_EQ(UnsignedParam(options, "absent", 5), 5u);
  EXPECT_THROW(UnsignedParam(options, "absent", std::nullopt), UsageError);
  EXPECT_THROW(UnsignedParam(options, "size", std::nullopt, 13, 100), UsageError);
  options.params["size"] = "12x";
  EXPECT_THROW(UnsignedParam(options, "size", std::nullopt), UsageError);
}

TEST(ReadInputTest, MissingFileOrFlagIsAUsageError) {
  Options options = WorkOptions("", 0, 1);
  EXPECT_THROW(ReadInput(options), UsageError);
  options.input = "/nonexistent/claimbench/input";
  EXPECT_THROW(ReadInput(options), UsageError);
  options.input = CLAIMBENCH_BATCH_TESTDATA "/haystack.txt";
  EXPECT_EQ(ReadInput(options).size(), 1354u);
}

}  // namespace
}  // namespace claimbench::batch
