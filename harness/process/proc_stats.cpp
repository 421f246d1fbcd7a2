// /proc readers and the RSS sampler.
#include "process/proc_stats.h"

#include <unistd.h>

#include <fstream>
#include <sstream>
#include <string>

namespace claimbench::process {

std::optional<CpuTimes> ReadCpuTimes(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(in, line)) return std::nullopt;
  // The command name (field 2) may hold spaces and parentheses: parse after the last ')'.
  auto close = line.rfind(')');
  if (close == std::string::npos) return std::nullopt;
  std::istringstream rest(line.substr(close + 2));
  std::string field;
  // Fields 3.. : state(3) ... utime(14) stime(15).
  for (int i = 3; i < 14; ++i) rest >> field;
  unsigned long long utime = 0, stime = 0;
  rest >> utime >> stime;
  if (!rest) return std::nullopt;
  double tick = static_cast<double>(::sysconf(_SC_CLK_TCK));
  return CpuTimes{static_cast<double>(utime) / tick, static_cast<double>(stime) / tick};
}

namespace {
std::optional<int64_t> StatusField(pid_t pid, const std::string& key) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(key, 0) == 0) {
      std::istringstream is(line.substr(key.size()));
      int64_t value = 0;
      is >> value;
      return value;
    }
  }
  return std::nullopt;
}
}  // namespace

std::optional<MemoryStatus> ReadMemoryStatus(pid_t pid) {
  auto rss = StatusField(pid, "VmRSS:");
  auto hwm = StatusField(pid, "VmHWM:");
  if (!rss || !hwm) return std::nullopt;
  return MemoryStatus{*rss * 1024, *hwm * 1024};  // the kernel reports kB (KiB)
}

std::optional<int> ReadThreadCount(pid_t pid) {
  auto n = StatusField(pid, "Threads:");
  if (!n) return std::nullopt;
  return static_cast<int>(*n);
}

RssSampler::RssSampler(pid_t pid, std::chrono::milliseconds period)
    : pid_(pid), period_(period), start_(std::chrono::steady_clock::now()), thread_([this] { Loop(); }) {}

RssSampler::~RssSampler() { Stop(); }

void RssSampler::Loop() {
  auto next = start_;
  while (!stop_.load()) {
    auto now = std::chrono::steady_clock::now();
    if (auto m = ReadMemoryStatus(pid_)) {
      std::lock_guard lock(mu_);
      samples_.push_back({std::chrono::duration<double>(now - start_).count(), m->rss_bytes});
    }
    next += period_;
    std::this_thread::sleep_until(next);
  }
}

std::vector<RssSample> RssSampler::Stop() {
  stop_.store(true);
  if (thread_.joinable()) thread_.join();
  std::lock_guard lock(mu_);
  return samples_;
}

}  // namespace claimbench::process
