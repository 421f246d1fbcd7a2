// A seeded shuffle of 0..n-1 (Fisher-Yates over SplitMix64): the same order for the same
// seed on every platform, unlike std::shuffle with a standard-library engine.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "util/splitmix64.h"

namespace claimbench {

inline std::vector<size_t> ShuffledIndices(size_t n, uint64_t seed) {
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  uint64_t state = seed;
  for (size_t i = n; i > 1; --i) std::swap(order[i - 1], order[SplitMix64(state) % i]);
  return order;
}

}  // namespace claimbench
