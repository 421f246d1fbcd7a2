// Readings of a live process from /proc: CPU time and resident memory. Peak RSS is read
// from VmHWM while the process is alive, because ru_maxrss of a reaped child inherits the
// parent's peak and would report the harness's own size.
#pragma once

#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace claimbench::process {

struct CpuTimes {
  double user_s = 0;    ///< user CPU seconds, all threads
  double system_s = 0;  ///< system CPU seconds, all threads
};

struct MemoryStatus {
  int64_t rss_bytes = 0;       ///< VmRSS
  int64_t rss_peak_bytes = 0;  ///< VmHWM
};

/// nullopt when the process is gone.
std::optional<CpuTimes> ReadCpuTimes(pid_t pid);
std::optional<MemoryStatus> ReadMemoryStatus(pid_t pid);
/// Number of threads (the Threads: line of /proc/PID/status).
std::optional<int> ReadThreadCount(pid_t pid);

/// One point of an RSS time series.
struct RssSample {
  double t_s = 0;         ///< seconds since the sampler started
  int64_t rss_bytes = 0;  ///< VmRSS at that time
};

/// Samples VmRSS of a process on its own thread at a fixed period (default 20 Hz).
class RssSampler {
 public:
  RssSampler(pid_t pid, std::chrono::milliseconds period = std::chrono::milliseconds(50));
  ~RssSampler();
  RssSampler(const RssSampler&) = delete;
  RssSampler& operator=(const RssSampler&) = delete;

  /// Stops sampling and returns the series.
  std::vector<RssSample> Stop();

 private:
  void Loop();
  pid_t pid_;
  std::chrono::milliseconds period_;
  std::chrono::steady_clock::time_point start_;
  std::atomic<bool> stop_{false};
  std::mutex mu_;
  std::vector<RssSample> samples_;
  std::thread thread_;
};

}  // namespace claimbench::process
