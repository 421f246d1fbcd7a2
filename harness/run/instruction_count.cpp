// Counting a batch task's instructions under valgrind.
#include "run/instruction_count.h"

#include <fmt/format.h>
#include <stdlib.h>  // mkdtemp
#include <sys/utsname.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <system_error>
#include <vector>

#include "process/command.h"
#include "util/files.h"

namespace claimbench::run {
namespace {

namespace fs = std::filesystem;

// A private folder for one count's files, removed with everything in it when it goes out
// of scope, on every path out of the count.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "claimbench-instructions-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
      throw std::system_error(errno, std::generic_category(), "cannot create a folder like " + pattern);
    }
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// "x86_64": setarch's first argument (older util-linux requires it before -R).
std::string Machine() {
  struct utsname name {};
  if (::uname(&name) != 0) throw std::system_error(errno, std::generic_category(), "uname");
  return name.machine;
}

// "valgrind-3.19.0", or "valgrind" when it does not say.
std::string ValgrindVersion(const fs::path& valgrind) {
  try {
    process::CommandResult r = process::RunCommand({valgrind.string(), "--version"}, {}, {}, std::chrono::seconds(30));
    std::string version = r.out.substr(0, r.out.find_first_of("\r\n"));
    if (r.Ok() && !version.empty()) return version;
  } catch (const std::runtime_error&) {
    // Found in PATH but cannot start: the count itself will say why.
  }
  return "valgrind";
}

std::vector<std::string_view> Words(std::string_view text) {
  std::vector<std::string_view> out;
  size_t at = 0;
  while (at < text.size()) {
    const size_t start = text.find_first_not_of(" \t", at);
    if (start == std::string_view::npos) break;
    const size_t end = std::min(text.find_first_of(" \t", start), text.size());
    out.push_back(text.substr(start, end - start));
    at = end;
  }
  return out;
}

// One run of the runner under valgrind: its whole count, or why there is none.
struct ValgrindRun {
  std::optional<int64_t> instructions;
  std::string error;
};

ValgrindRun RunUnderValgrind(const spec::Workload& workload, const spec::BatchTask& task,
                             const spec::Implementation& impl, const fs::path& binary,
                             const std::optional<BatchInput>& input, BatchRunOptions options,
                             const std::vector<std::string>& tool, const fs::path& dir, int measured) {
  const std::string name = std::to_string(measured) + (measured == 1 ? " iteration" : " iterations");
  const fs::path count_file = dir / ("cachegrind." + std::to_string(measured) + ".out");
  options.warmup = 0;
  options.iterations = measured;
  options.processes = 1;
  options.log_dir = dir / ("runner." + std::to_string(measured));
  options.command_prefix = tool;
  options.command_prefix.push_back("--cachegrind-out-file=" + count_file.string());
  // The same protocol code as a timed run: the runner's lines, its exit and every
  // iteration's checksum are checked, so a count is never taken of wrong work.
  results::BatchEntry entry = RunBatchTask(workload, task, impl, binary, input, options);
  if (entry.status != results::Status::kOk) {
    return {std::nullopt, fmt::format("the run of {} under valgrind: {}: {}", name, results::Name(entry.status),
                                      entry.error.value_or(""))};
  }
  std::string text;
  try {
    text = ReadFile(count_file);
  } catch (const std::runtime_error& e) {
    return {std::nullopt, fmt::format("the run of {} under valgrind left no count: {}", name, e.what())};
  }
  std::optional<int64_t> total = ParseCachegrindTotal(text);
  if (!total) return {std::nullopt, fmt::format("cachegrind's file of the run of {} has no readable total", name)};
  return {total, ""};
}

}  // namespace

results::InstructionCount CountTaskInstructions(const spec::Workload& workload, const spec::BatchTask& task,
                                                const spec::Implementation& impl, const std::filesystem::path& binary,
                                                const std::optional<BatchInput>& input, const BatchRunOptions& options,
                                                int iterations) {
  results::InstructionCount count;
  count.iterations = iterations;
  count.tool = "valgrind cachegrind --cache-sim=no, setarch -R";
  try {
    if (iterations < 1) {
      count.error = "the count needs at least 1 further iteration (K = " + std::to_string(iterations) + ")";
      return count;
    }
    const fs::path valgrind = process::FindInPath("valgrind");
    if (valgrind.empty()) {
      count.error = "valgrind not found: scripts/bootstrap.sh installs it";
      return count;
    }
    const fs::path setarch = process::FindInPath("setarch");
    if (setarch.empty()) {
      count.error = "setarch not found: it comes with util-linux (scripts/bootstrap.sh installs it)";
      return count;
    }
    count.tool = ValgrindVersion(valgrind) + " cachegrind --cache-sim=no, setarch -R, one CPU";
    const std::vector<std::string> tool = {setarch.string(), Machine(), "-R", valgrind.string(), "--tool=cachegrind",
                                           "--cache-sim=no"};
    BatchRunOptions each = options;
    // One CPU: valgrind runs one thread at a time anyway, and a runtime given several (Go's
    // GOMAXPROCS follows the CPU set) spins idle workers looking for work, which under
    // valgrind's serialised threads adds billions of instructions at random (seen: a 1-
    // iteration run counting 3x its 3-iteration run). One CPU leaves only the work itself.
    each.cpus = {options.cpus.empty() ? 0 : options.cpus.front()};
    each.timeout = options.timeout * kValgrindTimeoutFactor;
    each.exit_wait = std::chrono::seconds(60);  // cachegrind writes its file as the runner exits
    TempDir dir;
    ValgrindRun base = RunUnderValgrind(workload, task, impl, binary, input, each, tool, dir.path(), 1);
    if (!base.instructions) {
      count.error = base.error;
      return count;
    }
    count.base_instructions = base.instructions;
    ValgrindRun total = RunUnderValgrind(workload, task, impl, binary, input, each, tool, dir.path(), 1 + iterations);
    if (!total.instructions) {
      count.error = total.error;
      return count;
    }
    count.total_instructions = total.instructions;
    if (*total.instructions <= *base.instructions) {
      count.error = fmt::format("the run of {} iterations executed no more instructions than the run of 1 ({} against "
                                "{}): no count of the iterations' work can be read from them",
                                1 + iterations, *total.instructions, *base.instructions);
      return count;
    }
    count.per_iteration = static_cast<double>(*total.instructions - *base.instructions) / iterations;
  } catch (const std::exception& e) {
    count.error = std::string("cannot count instructions: ") + e.what();
  }
  return count;
}

// Hand-written: no library reads cachegrind's out files (valgrind itself ships only
// cg_annotate, a Python script). The format, from valgrind's manual ("Cachegrind output
// file format"): an "events:" line names the event columns ("Ir" with --cache-sim=no, "Ir
// I1mr ILmr ..." with the cache simulation), and the "summary:" line holds the whole
// program's totals in that order.
std::optional<int64_t> ParseCachegrindTotal(std::string_view out_file_text) {
  std::vector<std::string_view> events, summary;
  bool has_summary = false;
  for (size_t start = 0; start <= out_file_text.size();) {
    size_t end = out_file_text.find('\n', start);
    if (end == std::string_view::npos) end = out_file_text.size();
    std::string_view line = out_file_text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.rfind("events:", 0) == 0) {
      events = Words(line.substr(7));
    } else if (line.rfind("summary:", 0) == 0) {
      summary = Words(line.substr(8));
      has_summary = true;
    }
    start = end + 1;
  }
  if (!has_summary) return std::nullopt;
  size_t column = 0;  // a file without an events line: the first (and only) column
  if (!events.empty()) {
    auto ir = std::find(events.begin(), events.end(), std::string_view("Ir"));
    if (ir == events.end()) return std::nullopt;
    column = static_cast<size_t>(ir - events.begin());
  }
  if (column >= summary.size()) return std::nullopt;
  const std::string_view number = summary[column];
  int64_t value = 0;
  auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (error != std::errc() || end != number.data() + number.size() || value < 0) return std::nullopt;
  return value;
}

}  // namespace claimbench::run
