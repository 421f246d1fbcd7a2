// Collection of the run context.
#include "run/context.h"

#include <sys/utsname.h>

#include <chrono>
#include <ctime>
#include <fstream>
#include <thread>

#include "build/toolchain.h"
#include "process/command.h"

namespace claimbench::run {
namespace {

std::string FirstMatch(const std::string& file, const std::string& key) {
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(key, 0) == 0) {
      auto colon = line.find(':');
      if (colon == std::string::npos) continue;
      auto value = line.substr(colon + 1);
      value.erase(0, value.find_first_not_of(" \t"));
      return value;
    }
  }
  return "unknown";
}

std::string ReadLine(const std::string& file, const std::string& fallback) {
  std::ifstream in(file);
  std::string line;
  if (std::getline(in, line) && !line.empty()) return line;
  return fallback;
}

std::string Format(const char* fmt, std::chrono::system_clock::time_point at) {
  std::time_t t = std::chrono::system_clock::to_time_t(at);
  std::tm tm{};
  ::gmtime_r(&t, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, fmt, &tm);
  return buf;
}

}  // namespace

std::string RunIdAt(std::chrono::system_clock::time_point t) { return Format("%Y%m%dT%H%M%SZ", t); }
std::string Rfc3339(std::chrono::system_clock::time_point t) { return Format("%Y-%m-%dT%H:%M:%SZ", t); }

results::RunContext CollectContext(const std::filesystem::path& root, const process::CpuSplit& split, uint64_t seed) {
  results::RunContext c;
  c.cpu_model = FirstMatch("/proc/cpuinfo", "model name");
  c.cores = std::thread::hardware_concurrency();
  c.memory_bytes = [] {
    std::ifstream in("/proc/meminfo");
    std::string key;
    int64_t kb = 0;
    in >> key >> kb;
    return kb * 1024;
  }();
  struct utsname u {};
  ::uname(&u);
  c.kernel = std::string(u.sysname) + " " + u.release;
  c.arch = u.machine;
  c.governor = ReadLine("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor", "unknown (no cpufreq)");
  c.toolchains = build::DetectToolchains();
  c.git_sha = "unknown";
  try {
    auto r = process::RunCommand({"git", "rev-parse", "HEAD"}, root);
    if (r.Ok()) c.git_sha = r.out.substr(0, r.out.find('\n'));
    auto s = process::RunCommand({"git", "status", "--porcelain", "--untracked-files=no"}, root);
    c.git_dirty = s.Ok() && !s.out.empty();
  } catch (const std::exception&) {
  }
  c.seed = seed;
  c.cpu_sets = {process::FormatCpuList(split.server), process::FormatCpuList(split.client), split.shared};
  return c;
}

}  // namespace claimbench::run
