// Pinning of the load generator's client threads to CPUs, so the client and the server under
// test do not compete for the same cores (design.md: the load generator must not be the
// bottleneck, and its CPU set is recorded with the results).
#pragma once

#include <string>
#include <vector>

namespace claimbench::load {

/// Throws std::invalid_argument naming the first CPU in `cpus` that this process may not run
/// on (outside its sched_getaffinity mask), e.g. "client CPU 7 is not available to this
/// process (allowed: 0-1)".
void CheckCpusAvailable(const std::vector<int>& cpus);

/// Pins the calling thread to `cpu`. Throws std::runtime_error with the system's reason.
void PinCurrentThread(int cpu);

}  // namespace claimbench::load
