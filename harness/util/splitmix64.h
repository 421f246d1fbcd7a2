// SplitMix64 (Steele, Lea, Flood 2014): the one generator behind every seeded input of
// claimbench. Its output is fixed by its definition on every platform and standard
// library, which std::*_distribution is not (libstdc++ and libc++ draw different values).
#pragma once

#include <cstdint>

namespace claimbench {

/// Advances `state` and returns the next 64-bit output.
inline uint64_t SplitMix64(uint64_t& state) {
  uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

}  // namespace claimbench
