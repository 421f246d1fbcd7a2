// The corpus generators' source of choices: SplitMix64 plus the few derived draws they
// need, written out here so that every draw is defined by this file alone.
#pragma once

#include <cstdint>

#include "util/splitmix64.h"

namespace claimbench::batch {

class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}

  uint64_t Next() { return SplitMix64(state_); }
  /// In [0, n), n > 0. Plain modulo: its bias (< n / 2^64) is irrelevant for a corpus and
  /// it keeps the definition trivial to reproduce in another language.
  uint64_t Below(uint64_t n) { return Next() % n; }
  /// In [lo, hi], inclusive.
  int64_t Between(int64_t lo, int64_t hi) {
    return lo + static_cast<int64_t>(Below(static_cast<uint64_t>(hi - lo) + 1));
  }
  /// True with probability per_mille / 1000.
  bool PerMille(uint64_t per_mille) { return Below(1000) < per_mille; }
  bool OneIn(uint64_t n) { return Below(n) == 0; }
  /// Exactly representable doubles in [0, 1): 53 random bits scaled by 2^-53.
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

  template <class Container>
  const auto& Pick(const Container& items) {
    return items[Below(items.size())];
  }

 private:
  uint64_t state_;
};

}  // namespace claimbench::batch
