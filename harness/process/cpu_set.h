// The split of this machine's CPUs between the server under test and the load generator,
// so that the two do not compete for the same cores. Recorded in every results file.
#pragma once

#include <string>
#include <vector>

namespace claimbench::process {

struct CpuSplit {
  std::vector<int> server;  ///< CPUs the workload process is pinned to
  std::vector<int> client;  ///< CPUs the load generator threads are pinned to
  bool shared = false;      ///< true when only one CPU exists and both share it
};

/// CPUs this process may run on (sched_getaffinity).
std::vector<int> AvailableCpus();

/// Server gets the first half (at least one), the client the rest. With one CPU both
/// share it and `shared` is set, which the report flags.
CpuSplit DefaultSplit(const std::vector<int>& cpus);

/// Parses "0", "0-3", "0,2,4-5"; throws std::invalid_argument naming the text.
std::vector<int> ParseCpuList(const std::string& text);
std::string FormatCpuList(const std::vector<int>& cpus);

}  // namespace claimbench::process
