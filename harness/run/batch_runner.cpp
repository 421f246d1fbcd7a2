// Running batch runners and reading their JSON lines.
#include "run/batch_runner.h"

#include <algorithm>
#include <fstream>
#include <thread>

#include "process/child.h"
#include "process/interrupt.h"
#include "process/proc_stats.h"
#include "stats/metrics.h"
#include "stats/summary.h"
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
  json extra = json::object();  ///< extra numeric fields of measured iterations: name -> [values]

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
            extra[key].push_back(value);
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

json RunBatchTask(const spec::Workload& workload, const spec::BatchTask& task, const spec::Implementation& impl,
                  const std::filesystem::path& binary, const std::optional<BatchInput>& input,
                  const BatchRunOptions& options) {
  json out;
  out["id"] = impl.id;
  out["language"] = std::string(spec::LanguageName(impl.language));
  out["library"] = impl.library;
  std::filesystem::create_directories(options.log_dir);
  const std::string stem = workload.id + "." + task.id + "." + impl.id;
  const std::filesystem::path out_file = options.log_dir / (stem + ".out");
  const std::filesystem::path log = options.log_dir / (stem + ".log");
  process::SpawnOptions spawn;
  spawn.argv = BatchArgv(impl, binary, task, input, options);
  out["argv"] = spawn.argv;
  if (!impl.workers_env.empty()) spawn.env.push_back(impl.workers_env + "=" + std::to_string(CpuCount(options)));
  spawn.stdout_file = out_file;
  spawn.stderr_file = log;
  spawn.cpus = options.cpus;
  spawn.stdin_pipe = true;
  auto fail = [&](const std::string& status, const std::string& error) {
    out["status"] = status;
    out["error"] = error;
    return out;
  };

  std::optional<process::Child> started;
  try {
    started.emplace(process::Child::Spawn(spawn));
  } catch (const std::runtime_error& e) {
    return fail("start_failed", e.what());
  }
  process::Child& child = *started;
  LineFollower follower(out_file);
  Transcript transcript;
  const auto deadline = child.started() + options.timeout;
  std::optional<process::CpuTimes> cpu;
  std::optional<process::MemoryStatus> memory;
  int64_t sampled_peak = 0;
  {
    process::RssSampler sampler(child.pid());
    while (!transcript.done && transcript.error.empty()) {
      for (const auto& line : follower.NewLines()) transcript.Add(line, options.warmup, options.iterations);
      if (transcript.done || !transcript.error.empty()) break;
      if (process::Interrupted()) return fail("interrupted", "interrupted by the user");
      if (auto status = child.Poll()) {
        // Lines written just before the exit.
        for (const auto& line : follower.NewLines()) transcript.Add(line, options.warmup, options.iterations);
        if (transcript.done) break;
        return fail("crashed", status->Describe() + " before 'done'" +
                                   (transcript.error.empty() ? "" : " (" + transcript.error + ")") + "; stderr: " +
                                   FileTail(log, 1500));
      }
      if (Clock::now() >= deadline) {
        child.Stop(std::chrono::seconds(2));
        return fail("timed_out", "no 'done' within " +
                                     std::to_string(std::chrono::duration_cast<std::chrono::seconds>(options.timeout)
                                                        .count()) +
                                     " s; killed after " + std::to_string(transcript.measure_ns.size()) +
                                     " measured iterations; stderr: " + FileTail(log, 1500));
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    // Still alive (held by --hold): its own CPU time and peak memory.
    cpu = process::ReadCpuTimes(child.pid());
    memory = process::ReadMemoryStatus(child.pid());
    for (const auto& s : sampler.Stop()) sampled_peak = std::max(sampled_peak, s.rss_bytes);
  }
  child.CloseStdin();
  bool needed_kill = false;
  auto exit = child.Wait(std::chrono::seconds(5));
  if (!exit) exit = child.Stop(std::chrono::seconds(1), &needed_kill);
  if (!transcript.error.empty()) return fail("protocol_error", transcript.error + "; stderr: " + FileTail(log, 1500));
  if (!exit->Ok()) {
    return fail("crashed", (needed_kill ? "did not exit after stdin closed; " : "") + exit->Describe() +
                               " after 'done'; stderr: " + FileTail(log, 1500));
  }

  out["checksum"] = transcript.checksums.empty() ? "" : transcript.checksums.back();
  for (size_t i = 0; i < transcript.checksums.size(); ++i) {
    if (transcript.checksums[i] != task.expect) {
      out["checksum"] = transcript.checksums[i];
      return fail("checksum_mismatch", transcript.iteration_names[i] + ": expected '" + task.expect + "', got '" +
                                           transcript.checksums[i] + "'");
    }
  }
  out["setup_ns"] = transcript.setup_line.value("ns", 0.0);
  out["input_bytes"] = transcript.setup_line.value("input_bytes", 0);
  out["compile_ns"] = transcript.compile_ns;
  out["warmup_ns"] = transcript.warmup_ns;
  out["measure_ns"] = transcript.measure_ns;
  out["extra"] = transcript.extra;
  json process_json = {{"rss_peak_sampled_bytes", sampled_peak}};
  if (cpu) {
    process_json["cpu_user_s"] = cpu->user_s;
    process_json["cpu_system_s"] = cpu->system_s;
    process_json["cpu_s"] = cpu->user_s + cpu->system_s;
  }
  if (memory) {
    process_json["vmhwm_bytes"] = memory->rss_peak_bytes;
    process_json["rss_peak_bytes"] = std::max(memory->rss_peak_bytes, sampled_peak);
  }
  process_json["scope"] = "the whole runner process: setup, warmup and measured iterations";
  out["process"] = json::array({process_json});
  out["status"] = "ok";
  return out;
}

json SummarizeBatch(const json& entry, const spec::BatchTask& task, const std::optional<BatchInput>& input) {
  json summary = json::object();
  if (entry.value("status", "") != "ok") return summary;
  std::vector<double> ns = entry["measure_ns"].get<std::vector<double>>();
  if (ns.empty()) return summary;
  summary["iteration_ns"] = stats::SummaryOf(ns, "ns");
  if (input && task.throughput != "none") {
    std::vector<double> rates;
    for (double v : ns) {
      if (v <= 0) continue;
      rates.push_back(task.throughput == "bytes" ? static_cast<double>(input->bytes) / v * 1e3  // MB/s, decimal
                                                 : static_cast<double>(input->lines) / v * 1e9);
    }
    if (!rates.empty()) {
      if (task.throughput == "bytes") {
        summary["throughput_mb_per_s"] = stats::SummaryOf(rates, "MB/s (10^6 bytes/s)");
      } else {
        summary["throughput_items_per_s"] = stats::SummaryOf(rates, "items/s");
      }
    }
  }
  std::vector<double> cpu, rss;  // one per runner process
  for (const auto& p : entry["process"]) {
    if (p.contains("cpu_s")) cpu.push_back(p["cpu_s"].get<double>());
    if (p.contains("rss_peak_bytes")) rss.push_back(p["rss_peak_bytes"].get<double>());
  }
  if (!cpu.empty()) summary["process_cpu_s"] = stats::SummaryOf(cpu, "s");
  if (!rss.empty()) summary["rss_peak_bytes"] = stats::SummaryOf(rss, "bytes");
  if (!entry["compile_ns"].empty()) summary["compile_ns"] = stats::SummaryOf(entry["compile_ns"].get<std::vector<double>>(), "ns");
  for (const auto& [key, values] : entry["extra"].items()) {
    bool bytes = key.find("bytes") != std::string::npos || key.rfind("rss_", 0) == 0;
    summary[key] = stats::SummaryOf(values.get<std::vector<double>>(), bytes ? "bytes" : "");
  }
  return summary;
}

}  // namespace claimbench::run
