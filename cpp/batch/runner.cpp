// The batch runner protocol: see runner.h and workloads/batch-protocol.md.
#include "runner.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <iostream>
#include <limits>
#include <sstream>

namespace claimbench::batch {
namespace {

using Clock = std::chrono::steady_clock;

std::string Usage(const RunnerSpec& spec) {
  std::ostringstream usage;
  usage << "usage: " << spec.program
        << " --task TASK [--input FILE] [--param KEY=VALUE]... --warmup W --iterations N [--hold]\n"
        << "tasks:\n";
  for (const TaskSpec& task : spec.tasks) {
    usage << "  " << task.name;
    for (const std::string& key : task.param_keys) usage << " [--param " << key << "=...]";
    usage << "\n";
  }
  return usage.str();
}

std::optional<std::uint64_t> ParseUnsigned(std::string_view text) {
  std::uint64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

const TaskSpec* FindTask(const RunnerSpec& spec, std::string_view name) {
  auto it = std::find_if(spec.tasks.begin(), spec.tasks.end(), [&](const TaskSpec& t) { return t.name == name; });
  return it == spec.tasks.end() ? nullptr : &*it;
}

std::string Join(const std::vector<std::string>& items) {
  std::string joined;
  for (const std::string& item : items) joined += (joined.empty() ? "" : ", ") + item;
  return joined.empty() ? "none" : joined;
}

// Checks what single flags cannot: required flags, the task name, the parameter keys.
void Validate(const Options& options, const RunnerSpec& spec, bool has_warmup, bool has_iterations) {
  if (options.task.empty()) throw UsageError("--task is required");
  if (!has_warmup) throw UsageError("--warmup is required");
  if (!has_iterations) throw UsageError("--iterations is required");
  if (options.iterations == 0) throw UsageError("--iterations must be at least 1");
  std::vector<std::string> names;
  for (const TaskSpec& t : spec.tasks) names.push_back(t.name);
  const TaskSpec* task = FindTask(spec, options.task);
  if (task == nullptr) throw UsageError("unknown task '" + options.task + "' (tasks: " + Join(names) + ")");
  for (const auto& [key, value] : options.params) {
    if (std::find(task->param_keys.begin(), task->param_keys.end(), key) == task->param_keys.end()) {
      throw UsageError("unknown parameter '" + key + "' for task " + task->name +
                       " (known: " + Join(task->param_keys) + ")");
    }
  }
}

Options ParseOrThrow(const std::vector<std::string_view>& args, const RunnerSpec& spec) {
  Options options;
  bool has_warmup = false;
  bool has_iterations = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string_view arg = args[i];
    std::size_t eq = arg.starts_with("--") ? arg.find('=') : std::string_view::npos;
    std::string_view name = arg.substr(0, eq);
    std::optional<std::string_view> inline_value;
    if (eq != std::string_view::npos) inline_value = arg.substr(eq + 1);
    if (name == "--hold") {
      if (inline_value) throw UsageError("--hold takes no value");
      options.hold = true;
      continue;
    }
    if (name != "--task" && name != "--input" && name != "--param" && name != "--warmup" && name != "--iterations") {
      throw UsageError((arg.starts_with("-") ? "unknown flag " : "unexpected argument ") + std::string(name));
    }
    if (!inline_value && i + 1 == args.size()) throw UsageError(std::string(name) + " needs a value");
    std::string_view value = inline_value ? *inline_value : args[++i];
    if (name == "--task") {
      options.task = value;
    } else if (name == "--input") {
      options.input = std::string(value);
    } else if (name == "--param") {
      std::size_t sep = value.find('=');
      if (sep == 0 || sep == std::string_view::npos) {
        throw UsageError("--param expects KEY=VALUE, got '" + std::string(value) + "'");
      }
      auto [it, inserted] = options.params.emplace(value.substr(0, sep), value.substr(sep + 1));
      if (!inserted) throw UsageError("--param " + it->first + " given twice");
    } else {
      std::optional<std::uint64_t> count = ParseUnsigned(value);
      if (!count) {
        throw UsageError(std::string(name) + " expects a non-negative integer, got '" + std::string(value) + "'");
      }
      (name == "--warmup" ? options.warmup : options.iterations) = *count;
      (name == "--warmup" ? has_warmup : has_iterations) = true;
    }
  }
  Validate(options, spec, has_warmup, has_iterations);
  return options;
}

void WriteJsonString(std::ostream& out, std::string_view text) {
  out << '"';
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out << '\\' << c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      constexpr char kHex[] = "0123456789abcdef";
      out << "\\u00" << kHex[(c >> 4) & 0xf] << kHex[c & 0xf];
    } else {
      out << c;
    }
  }
  out << '"';
}

std::int64_t NanosSince(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - start).count();
}

}  // namespace

std::variant<Options, int> ParseOptions(const std::vector<std::string_view>& args, const RunnerSpec& spec,
                                        std::ostream& err) {
  if (std::find_if(args.begin(), args.end(), [](std::string_view a) { return a == "-h" || a == "--help"; }) !=
      args.end()) {
    err << Usage(spec);
    return 0;
  }
  try {
    return ParseOrThrow(args, spec);
  } catch (const UsageError& e) {
    err << "error: " << e.what() << "\n" << Usage(spec);
    return 2;
  }
}

int Run(const Options& options, const RunnerSpec& spec, std::ostream& out, std::ostream& err) {
  const Clock::time_point setup_start = Clock::now();
  std::unique_ptr<Task> task;
  try {
    task = spec.make_task(options);
  } catch (const UsageError& e) {
    err << "error: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    err << "error: setup of task " << options.task << " failed: " << e.what() << "\n";
    return 1;
  }
  const std::int64_t setup_ns = NanosSince(setup_start);
  out << R"({"phase":"setup","input_bytes":)" << task->InputBytes() << R"(,"ns":)" << setup_ns << "}\n" << std::flush;
  try {
    for (std::chrono::nanoseconds compile : task->TimeCompiles()) {
      out << R"({"phase":"compile","ns":)" << compile.count() << "}\n" << std::flush;
    }
    for (std::string_view phase : {"warmup", "measure"}) {
      const std::uint64_t count = phase == "warmup" ? options.warmup : options.iterations;
      for (std::uint64_t i = 0; i < count; ++i) {
        const Clock::time_point start = Clock::now();
        const std::string checksum = task->RunIteration();
        const std::int64_t ns = NanosSince(start);
        out << R"({"phase":")" << phase << R"(","i":)" << i << R"(,"ns":)" << ns << R"(,"checksum":)";
        WriteJsonString(out, checksum);
        out << "}\n" << std::flush;
      }
    }
  } catch (const std::exception& e) {
    err << "error: task " << options.task << " failed: " << e.what() << "\n";
    return 1;
  }
  out << R"({"phase":"done"})" << "\n" << std::flush;
  return 0;
}

int RunMain(int argc, char** argv, const RunnerSpec& spec) {
  std::vector<std::string_view> args(argv + 1, argv + argc);
  std::variant<Options, int> parsed = ParseOptions(args, spec, std::cerr);
  if (const int* exit_code = std::get_if<int>(&parsed)) return *exit_code;
  const Options& options = std::get<Options>(parsed);
  const int exit_code = Run(options, spec, std::cout, std::cerr);
  // The harness reads VmHWM and CPU time from /proc while we wait here, then closes the pipe.
  if (exit_code == 0 && options.hold) std::cin.ignore(std::numeric_limits<std::streamsize>::max());
  return exit_code;
}

std::string ReadInput(const Options& options) {
  if (!options.input) throw UsageError("task " + options.task + " needs --input FILE");
  std::ifstream file(*options.input, std::ios::binary);
  if (!file) throw UsageError("cannot read input file '" + *options.input + "': " + std::strerror(errno));
  file.seekg(0, std::ios::end);
  std::string bytes(static_cast<std::size_t>(std::max<std::streamoff>(file.tellg(), 0)), '\0');
  file.seekg(0);
  file.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!file) throw UsageError("cannot read input file '" + *options.input + "'");
  return bytes;
}

std::optional<std::string_view> Param(const Options& options, std::string_view key) {
  auto it = options.params.find(key);
  if (it == options.params.end()) return std::nullopt;
  return it->second;
}

std::uint64_t UnsignedParam(const Options& options, std::string_view key, std::optional<std::uint64_t> fallback,
                            std::uint64_t min, std::uint64_t max) {
  std::optional<std::string_view> text = Param(options, key);
  if (!text) {
    if (fallback) return *fallback;
    throw UsageError("task " + options.task + " needs --param " + std::string(key) + "=N");
  }
  std::optional<std::uint64_t> value = ParseUnsigned(*text);
  if (!value || *value < min || *value > max) {
    throw UsageError("--param " + std::string(key) + " expects an integer from " + std::to_string(min) + " to " +
                     std::to_string(max) + ", got '" + std::string(*text) + "'");
  }
  return *value;
}

}  // namespace claimbench::batch
