// The batch runner protocol (workloads/batch-protocol.md), written once for every C++
// runner: flag parsing, setup/compile/iteration timing on steady_clock, JSON lines on
// stdout flushed per line, and the exit codes (0 ok, 1 failure during the work, 2 usage).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace claimbench::batch {

/// A usage error (exit 2): unknown flag or task, missing input, bad parameter. Its text is
/// printed after "error: ".
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The parsed command line.
struct Options {
  std::string task;
  std::optional<std::string> input;
  std::map<std::string, std::string, std::less<>> params;
  std::uint64_t warmup = 0;      ///< iterations reported as "warmup", not measured
  std::uint64_t iterations = 0;  ///< measured iterations, at least 1
  bool hold = false;             ///< after "done", read stdin to end of file before exiting
};

/// One task of a workload, set up once and then run once per iteration.
class Task {
 public:
  virtual ~Task() = default;
  /// The size of the input as read, in bytes (0 when the task has none).
  virtual std::uint64_t InputBytes() const { return 0; }
  /// Times each repetition of a compile step that is apart from the work (regex); empty when
  /// the task has none. Runs after the setup line.
  virtual std::vector<std::chrono::nanoseconds> TimeCompiles() { return {}; }
  /// Does the whole work of one iteration and returns its checksum string. Throws
  /// std::exception on a failure (exit 1).
  virtual std::string RunIteration() = 0;
};

/// A task a runner offers and the --param keys it accepts.
struct TaskSpec {
  std::string name;
  std::vector<std::string> param_keys;
};

/// What one runner binary offers. make_task runs inside the timed setup: it loads the input
/// and builds what the task needs, throwing UsageError for a bad parameter or a missing file.
struct RunnerSpec {
  std::string program;
  std::vector<TaskSpec> tasks;
  std::function<std::unique_ptr<Task>(const Options&)> make_task;
};

/// Parses argv[1..] into Options. Returns the exit code instead when the process should end
/// now: 0 after --help, 2 after a usage error (its message already written to `err`).
std::variant<Options, int> ParseOptions(const std::vector<std::string_view>& args, const RunnerSpec& spec,
                                        std::ostream& err);

/// Sets the task up, runs its iterations and writes the JSON lines to `out`; returns the
/// exit code. Does not read stdin (RunMain does that for --hold).
int Run(const Options& options, const RunnerSpec& spec, std::ostream& out, std::ostream& err);

/// ParseOptions + Run on std::cout/std::cerr, then --hold; what each runner's main returns.
int RunMain(int argc, char** argv, const RunnerSpec& spec);

/// Reads the whole --input file (UsageError when --input is absent or unreadable).
std::string ReadInput(const Options& options);

/// The --param value for `key`, if given.
std::optional<std::string_view> Param(const Options& options, std::string_view key);

/// An unsigned integer --param in [min, max]; `fallback` when absent (UsageError when absent
/// without a fallback, or not a decimal integer in range).
std::uint64_t UnsignedParam(const Options& options, std::string_view key, std::optional<std::uint64_t> fallback,
                            std::uint64_t min = 0, std::uint64_t max = UINT64_MAX);

}  // namespace claimbench::batch
