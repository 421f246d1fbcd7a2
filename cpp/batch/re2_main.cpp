// claimbench-cpp-re2 (implementation cpp-re2): the regex runner. Setup reads the haystack
// and compiles the pattern once; the compile lines then time 10 more compiles of it.
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "re2_count.h"
#include "runner.h"

namespace {

using claimbench::batch::Options;
using claimbench::batch::Task;
using claimbench::batch::UsageError;

constexpr int kCompileRuns = 10;

class CountTask : public Task {
 public:
  CountTask(std::string haystack, std::string pattern, std::unique_ptr<re2::RE2> regex, bool captures)
      : haystack_(std::move(haystack)), pattern_(std::move(pattern)), regex_(std::move(regex)), captures_(captures) {}

  std::uint64_t InputBytes() const override { return haystack_.size(); }

  std::vector<std::chrono::nanoseconds> TimeCompiles() override {
    std::vector<std::chrono::nanoseconds> times;
    for (int run = 0; run < kCompileRuns; ++run) {
      const auto start = std::chrono::steady_clock::now();
      std::unique_ptr<re2::RE2> regex = claimbench::batch::CompileRegex(pattern_);
      times.push_back(std::chrono::steady_clock::now() - start);
    }
    return times;
  }

  std::string RunIteration() override { return claimbench::batch::CountMatches(*regex_, haystack_, captures_); }

 private:
  std::string haystack_;
  std::string pattern_;
  std::unique_ptr<re2::RE2> regex_;
  bool captures_;
};

std::unique_ptr<Task> MakeTask(const Options& options) {
  std::optional<std::string_view> pattern = claimbench::batch::Param(options, "pattern");
  if (!pattern || pattern->empty()) throw UsageError("task count needs --param pattern=REGEX");
  std::string_view captures = claimbench::batch::Param(options, "captures").value_or("false");
  if (captures != "true" && captures != "false") {
    throw UsageError("--param captures expects true or false, got '" + std::string(captures) + "'");
  }
  std::unique_ptr<re2::RE2> regex;
  try {
    regex = claimbench::batch::CompileRegex(*pattern);
  } catch (const std::invalid_argument& e) {
    throw UsageError("--param pattern does not compile: " + std::string(e.what()));
  }
  return std::make_unique<CountTask>(claimbench::batch::ReadInput(options), std::string(*pattern), std::move(regex),
                                     captures == "true");
}

}  // namespace

int main(int argc, char** argv) {
  return claimbench::batch::RunMain(
      argc, argv,
      {.program = "claimbench-cpp-re2", .tasks = {{"count", {"pattern", "captures"}}}, .make_task = MakeTask});
}
