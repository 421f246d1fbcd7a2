// CPU pinning of client threads with sched_getaffinity / pthread_setaffinity_np (Linux).
#include "load/cpu_affinity.h"

#include "process/cpu_set.h"

#include <pthread.h>
#include <sched.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace claimbench::load {

void CheckCpusAvailable(const std::vector<int>& cpus) {
  const std::vector<int> allowed = process::AvailableCpus();
  for (int cpu : cpus) {
    if (std::find(allowed.begin(), allowed.end(), cpu) == allowed.end()) {
      throw std::invalid_argument("client CPU " + std::to_string(cpu) +
                                  " is not available to this process (allowed: " + process::FormatCpuList(allowed) +
                                  ")");
    }
  }
}

void PinCurrentThread(int cpu) {
  cpu_set_t set;
  CPU_ZERO(&set);
  CPU_SET(cpu, &set);
  const int rc = pthread_setaffinity_np(pthread_self(), sizeof(set), &set);
  if (rc != 0) {
    throw std::runtime_error("cannot pin client thread to CPU " + std::to_string(cpu) + ": " +
                             std::strerror(rc));
  }
}

}  // namespace claimbench::load
