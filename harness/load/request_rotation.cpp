// The request list of one client thread and the starting positions of its two walks.
#include "load/request_rotation.h"

namespace claimbench::load {

RequestRotation::RequestRotation(const ClosedLoopOptions& options, int thread, int threads) {
  if (options.requests.empty()) {
    requests_.emplace_back(options.request);
  } else {
    requests_.assign(options.requests.begin(), options.requests.end());
  }
  const size_t start = requests_.size() * static_cast<size_t>(thread) / static_cast<size_t>(threads);
  next_ = next_checked_ = start;
}

}  // namespace claimbench::load
