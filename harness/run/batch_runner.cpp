// Running batch runners and reading their JSON lines.
#include "run/batch_runner.h"

#include <algorithm>
#include <fstream>
#include <map>

#include <nlohmann/json.hpp>
#include <thread>

#include "process/child.h"
#include "process/interrupt.h"
#include "process/proc_stats.h"
#include "util/files.h"

namespace claimbench::run {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

// Reads the lines a child appends to a file, as they are completed.
class LineFollower {
 public:
  explicit LineFollower(std::filesystem::path file) : file_(std::move(file)) {}

  std::vector<std::string> NewLines() {
    std::vector<std::string> out;
    std::ifstream in(file_, std::ios::binary);
    if (!in) return out;
    in.seekg(static_cast<std::streamoff>(offset_));
    std::string chunk((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    offset_ += chunk.size();
    partial_ += chunk;
    size_t start = 0;
    for (size_t nl; (nl = partial_.find('\n', start)) != std::string::npos; start = nl + 1) {
      out.push_back(partial_.substr(start, nl - start));
    }
    partial_.erase(0, start);
    return out;
  }

 private:
  std::filesystem::path file_;
  size_t offset_ = 0;
  std::string partial_;
};

// What the runner has printed so far, checked line by line against the protocol.
struct Transcript {
  bool setup = false;
  bool done = false;
  std::string error;  ///< the first protocol violation
  json setup_line;
  std::vector<double> compile_ns;
  std::vector<double> warmup_ns, measure_ns;
  std::vector<std::string> checksums;  ///< of every iteration, warmup first
  std::vector<std::string> iteration_names;
  std::map<std::string, std::vector<double>> extra;  ///< extra numeric fields of measured iterations

  void Add(const std::string& line, int warmup, int iterations) {
    if (!error.empty()) return;
    json j = json::parse(line, nullptr, /*allow_exceptions=*/false);
    auto fail = [&](const std::string& why) { error = why + ": " + line.substr(0, 200); };
    if (!j.is_object() || !j.contains("phase") || !j["phase"].is_string()) return fail("not a protocol line");
    const std::string phase = j["phase"];
    if (done) return fail("a line after 'done'");
    if (phase == "setup") {
      if (setup) return fail("a second 'setup' line");
      setup = true;
      setup_line = j;
      return;
    }
    if (!setup) return fail("'setup' must come first");
    if (phase == "compile") {
      if (!j.contains("ns") || !j["ns"].is_number()) return fail("'compile' without a numeric 'ns'");
      compile_ns.push_back(j["ns"].get<double>());
    } else if (phase == "warmup" || phase == "measure") {
      auto& list = phase == "warmup" ? warmup_ns : measure_ns;
      int expected = phase == "warmup" ? warmup : iterations;
      if (!j.contains("ns") || !j["ns"].is_number() || !j.contains("checksum") || !j["checksum"].is_string()) {
        return fail("an iteration needs a numeric 'ns' and a string 'checksum'");
      }
      if (phase == "warmup" && !measure_ns.empty()) return fail("a warmup iteration after measured ones");
      if (j.value("i", -1) != static_cast<int>(list.size())) return fail("iteration index out of order");
      if (static_cast<int>(list.size()) >= expected) return fail("more " + phase + " iterations than asked for");
      list.push_back(j["ns"].get<double>());
      checksums.push_back(j["checksum"]);
      iteration_names.push_back(phase + " " + std::to_string(list.size() - 1));
      if (phase == "measure") {
        for (const auto& [key, value] : j.items()) {
          if (key != "phase" && key != "i" && key != "ns" && key != "checksum" && value.is_number()) {
            extra[key].push_back(value.get<double>());
          }
        }
      }
    } else if (phase == "done") {
      if (static_cast<int>(warmup_ns.size()) != warmup || static_cast<int>(measure_ns.size()) != iterations) {
        return fail("'done' after " + std::to_string(warmup_ns.size()) + " warmup and " +
                    std::to_string(measure_ns.size()) + " measured iterations (asked for " + std::to_string(warmup) +
                    " and " + std::to_string(iterations) + ")");
      }
      done = true;
    } else {
      fail("unknown phase '" + phase + "'");
    }
  }
};

std::string ExpandCpus(std::string value, size_t cpus) {
  const std::string token = "{cpus}";
  for (size_t at; (at = value.find(token)) != std::string::npos;) value.replace(at, token.size(), std::to_string(cpus));
  return value;
}

size_t CpuCount(const BatchRunOptions& options) {
  return options.cpus.empty() ? std::max(1u, std::thread::hardware_concurrency()) : options.cpus.size();
}


}  // namespace

std::vector<std::string> BatchArgv(const spec::Implementation& impl, const std::filesystem::path& binary,
                                   const spec::BatchTask& task, const std::optional<BatchInput>& input,
                                   const BatchRunOptions& options) {
  std::vector<std::string> argv = {binary.string()};
  argv.insert(argv.end(), impl.args.begin(), impl.args.end());
  argv.insert(argv.end(), {"--task", task.runner_task});
  if (input) argv.insert(argv.end(), {"--input", input->path.string()});
  for (const auto& [key, value] : task.ParamsFor(spec::LanguageName(impl.language))) {
    argv.insert(argv.end(), {"--param", key + "=" + ExpandCpus(value, CpuCount(options))});
  }
  argv.insert(argv.end(), {"--warmup", std::to_string(options.warmup), "--iterations",
                           std::to_string(options.iterations), "--hold"});
  return argv;
}

namespace {

// A runner followed until 'done': what it printed and its own figures, read while it was
// still alive (held by --hold), or the failure that ended it.
struct FollowedRunner {
  Transcript transcript;
  std::optional<process::CpuTimes> cpu;
  std::optional<process::MemoryStatus> memory;
  int64_t sampled_peak = 0;
  std::optional<std::pair<results::Status, std::string>> failure;
};

FollowedRunner Follow(process::Child& child, const std::filesystem::path& out_file, const std::filesystem::path& log,
                      const BatchRunOptions& options) {
  using results::Status;
  FollowedRunner f;
  LineFollower follower(out_file);
  auto read = [&] {
    for (const auto& line : follower.NewLines()) f.transcript.Add(line, options.warmup, options.iterations);
  };
  const auto deadline = child.started() + options.timeout;
  process::RssSampler sampler(child.pid());
  while (!f.transcript.done && f.transcript.error.empty()) {
    read();
    if (f.transcript.done || !f.transcript.error.empty()) break;
    if (process::Interrupted()) {
      f.failure = {Status::kInterrupted, "interrupted by the user"};
      return f;
    }
    if (auto status = child.Poll()) {
      read();  // lines written just before the exit
      if (f.transcript.done) break;
      f.failure = {Status::kCrashed, status->Describe() + " before 'done'" +
                                         (f.transcript.error.empty() ? "" : " (" + f.transcript.error + ")") +
                                         "; stderr: " + FileTail(log, 1500)};
      return f;
    }
    if (Clock::now() >= deadline) {
      child.Stop(std::chrono::seconds(2));
      f.failure = {Status::kTimedOut,
                   "no 'done' within " +
                       std::to_string(std::chrono::duration_cast<std::chrono::seconds>(options.timeout).count()) +
                       " s; killed after " + std::to_string(f.transcript.measure_ns.size()) +
                       " measured iterations; stderr: " + FileTail(log, 1500)};
      return f;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  f.cpu = process::ReadCpuTimes(child.pid());
  f.memory = process::ReadMemoryStatus(child.pid());
  for (const auto& sample : sampler.Stop()) f.sampled_peak = std::max(f.sampled_peak, sample.rss_bytes);
  return f;
}

// The figures of a runner that said 'done' and exited cleanly.
void RecordRun(results::BatchEntry& out, const FollowedRunner& f) {
  out.setup_ns = f.transcript.setup_line.value("ns", 0.0);
  out.input_bytes = f.transcript.setup_line.value("input_bytes", int64_t{0});
  out.compile_ns = f.transcript.compile_ns;
  out.warmup_ns = f.transcript.warmup_ns;
  out.measure_ns = f.transcript.measure_ns;
  out.extra = f.transcript.extra;
  results::RunnerProcess process;
  process.iterations = static_cast<int64_t>(f.transcript.measure_ns.size());
  process.rss_peak_sampled_bytes = f.sampled_peak;
  if (f.cpu) {
    process.cpu_user_s = f.cpu->user_s;
    process.cpu_system_s = f.cpu->system_s;
    process.cpu_s = f.cpu->user_s + f.cpu->system_s;
  }
  if (f.memory) {
    process.vmhwm_bytes = f.memory->rss_peak_bytes;
    process.rss_peak_bytes = std::max(f.memory->rss_peak_bytes, f.sampled_peak);
  }
  process.scope = "the whole runner process: setup, warmup and measured iterations";
  out.process = {process};
}

}  // namespace

void AppendRunnerProcesses(results::BatchEntry& into, const results::BatchEntry& more) {
  into.warmup_ns.insert(into.warmup_ns.end(), more.warmup_ns.begin(), more.warmup_ns.end());
  into.measure_ns.insert(into.measure_ns.end(), more.measure_ns.begin(), more.measure_ns.end());
  into.process.insert(into.process.end(), more.process.begin(), more.process.end());
  for (const auto& [key, values] : more.extra) {
    auto& to = into.extra[key];
    to.insert(to.end(), values.begin(), values.end());
  }
  into.compile_ns.insert(into.compile_ns.end(), more.compile_ns.begin(), more.compile_ns.end());
}

results::BatchEntry RunBatchTask(const spec::Workload& workload, const spec::BatchTask& task,
                                 const spec::Implementation& impl, const std::filesystem::path& binary,
                                 const std::optional<BatchInput>& input, const BatchRunOptions& options) {
  using results::Status;
  results::BatchEntry out;
  out.id = impl.id;
  out.language = std::string(spec::LanguageName(impl.language));
  out.library = impl.library;
  std::filesystem::create_directories(options.log_dir);
  const std::string stem = workload.id + "." + task.id + "." + impl.id;
  const std::filesystem::path out_file = options.log_dir / (stem + ".out");
  const std::filesystem::path log = options.log_dir / (stem + ".log");
  process::SpawnOptions spawn;
  spawn.argv = options.command_prefix;
  for (auto& arg : BatchArgv(impl, binary, task, input, options)) spawn.argv.push_back(std::move(arg));
  out.argv = spawn.argv;
  if (!impl.workers_env.empty()) spawn.env.push_back(impl.workers_env + "=" + std::to_string(CpuCount(options)));
  spawn.stdout_file = out_file;
  spawn.stderr_file = log;
  spawn.cpus = options.cpus;
  spawn.stdin_pipe = true;
  auto fail = [&](Status status, const std::string& error) {
    out.status = status;
    out.error = error;
    return out;
  };

  std::optional<process::Child> started;
  try {
    started.emplace(process::Child::Spawn(spawn));
  } catch (const std::runtime_error& e) {
    return fail(Status::kStartFailed, e.what());
  }
  process::Child& child = *started;
  FollowedRunner followed = Follow(child, out_file, log, options);
  if (followed.failure) return fail(followed.failure->first, followed.failure->second);
  child.CloseStdin();
  bool needed_kill = false;
  auto exit = child.Wait(options.exit_wait);
  if (!exit) exit = child.Stop(std::chrono::seconds(1), &needed_kill);
  const Transcript& transcript = followed.transcript;
  if (!transcript.error.empty()) {
    return fail(Status::kProtocolError, transcript.error + "; stderr: " + FileTail(log, 1500));
  }
  if (!exit->Ok()) {
    return fail(Status::kCrashed, (needed_kill ? "did not exit after stdin closed; " : "") + exit->Describe() +
                                      " after 'done'; stderr: " + FileTail(log, 1500));
  }
  out.checksum = transcript.checksums.empty() ? "" : transcript.checksums.back();
  for (size_t i = 0; i < transcript.checksums.size(); ++i) {
    if (transcript.checksums[i] != task.expect) {
      out.checksum = transcript.checksums[i];
      return fail(Status::kChecksumMismatch, transcript.iteration_names[i] + ": expected '" + task.expect +
                                                 "', got '" + transcript.checksums[i] + "'");
    }
  }
  RecordRun(out, followed);
  out.status = Status::kOk;
  return out;
}

}  // namespace claimbench::run
