// The bimodality test.
#include "stats/modality.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>

#include "stats/median.h"
#include "util/splitmix64.h"

namespace claimbench::stats {
namespace {

constexpr double kFalseAlarmRate = 0.001;
constexpr int kMonteCarloDraws = 20000;

int MinSide(int n) { return std::max(2, n / 5); }

// The widest admissible gap of sorted `v` and its ratio to the wider side's range; ratio 0
// when no split leaves MinSide values on each side.
ModeSplit WidestGap(const std::vector<double>& v) {
  const int n = static_cast<int>(v.size());
  ModeSplit best;
  for (int cut = MinSide(n); cut <= n - MinSide(n); ++cut) {  // lower group: v[0 .. cut-1]
    const double gap = v[cut] - v[cut - 1];
    const double spread = std::max(v[cut - 1] - v[0], v[n - 1] - v[cut]);
    const double ratio = spread > 0 ? gap / spread : (gap > 0 ? HUGE_VAL : 0);
    if (ratio > best.ratio) best = {v[cut - 1], v[cut], cut, n - cut, ratio, 0};
  }
  return best;
}

// Standard normal deviates from SplitMix64 by Box-Muller.
double Normal(uint64_t& state) {
  const double u1 = (static_cast<double>(SplitMix64(state) >> 11) + 1) / 9007199254740993.0;
  const double u2 = static_cast<double>(SplitMix64(state) >> 11) / 9007199254740992.0;
  return std::sqrt(-2 * std::log(u1)) * std::cos(2 * M_PI * u2);
}

// The (1 - kFalseAlarmRate) quantile of WidestGap's ratio over normal samples of size n.
double CriticalRatio(int n) {
  static std::mutex mutex;
  static std::map<int, double> cache;
  std::lock_guard lock(mutex);
  if (auto it = cache.find(n); it != cache.end()) return it->second;
  uint64_t state = 0x6a09e667f3bcc909ULL + static_cast<uint64_t>(n);
  std::vector<double> ratios(kMonteCarloDraws);
  std::vector<double> sample(static_cast<size_t>(n));
  for (double& r : ratios) {
    for (double& x : sample) x = Normal(state);
    std::sort(sample.begin(), sample.end());
    r = WidestGap(sample).ratio;
  }
  const auto at = static_cast<size_t>(std::ceil((1 - kFalseAlarmRate) * kMonteCarloDraws)) - 1;
  std::nth_element(ratios.begin(), ratios.begin() + static_cast<std::ptrdiff_t>(at), ratios.end());
  return cache[n] = ratios[at];
}

}  // namespace

std::optional<ModeSplit> BimodalSplit(std::vector<double> samples, double floor) {
  const int n = static_cast<int>(samples.size());
  if (n < kMinSamplesForModality) return std::nullopt;
  std::sort(samples.begin(), samples.end());
  ModeSplit split = WidestGap(samples);
  if (split.lower_count == 0) return std::nullopt;
  if (split.upper_min - split.lower_max < floor * std::abs(Median(samples))) return std::nullopt;
  split.critical = CriticalRatio(n);
  if (split.ratio <= split.critical) return std::nullopt;
  return split;
}

}  // namespace claimbench::stats
