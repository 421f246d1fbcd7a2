// Ratios of medians.
#include "stats/ratios.h"

#include <utility>

#include "stats/bootstrap.h"
#include "stats/exact_intervals.h"
#include "stats/summary.h"

namespace claimbench::stats {

std::vector<results::Ratio> Ratios(const std::vector<RatioSide>& implementations) {
  std::vector<results::Ratio> ratios;
  const std::vector<std::pair<std::string, std::string>> pairs = {{"rust", "go"}, {"cpp", "rust"}};
  for (const auto& [num_language, den_language] : pairs) {
    for (const auto& num : implementations) {
      if (num.language != num_language || !num.summary || num.summary->empty()) continue;
      for (const auto& den : implementations) {
        if (den.language != den_language || !den.summary || den.summary->empty()) continue;
        for (const auto& [metric, value] : *num.summary) {
          auto it = den.summary->find(metric);
          if (it == den.summary->end() || it->second.median == 0) continue;
          double ratio = value.median / it->second.median;
          // The Hodges-Lehmann interval: its 95% holds from 4 samples a side, where a
          // bootstrap's does not.
          auto ci = RatioRankInterval(value.SamplesOrMedian(), it->second.SamplesOrMedian());
          // A ratio of two exact counts has no interval and needs none: it is not noisy.
          const bool exact = IsExactCount(value) && IsExactCount(it->second);
          results::Ratio r{metric, num.id, den.id, ratio, std::nullopt, std::nullopt, !exact && Noisy(ratio, ci)};
          if (ci) {
            r.ci_low = ci->low;
            r.ci_high = ci->high;
          }
          ratios.push_back(std::move(r));
        }
      }
    }
  }
  return ratios;
}

namespace {
template <typename T>
std::vector<RatioSide> Sides(const std::vector<T>& implementations) {
  std::vector<RatioSide> sides;
  for (const auto& i : implementations) sides.push_back({i.id, i.language, &i.summary});
  return sides;
}
}  // namespace

std::vector<results::Ratio> Ratios(const std::vector<results::HttpImplementation>& implementations) {
  return Ratios(Sides(implementations));
}

std::vector<results::Ratio> Ratios(const std::vector<results::BatchEntry>& implementations) {
  return Ratios(Sides(implementations));
}

}  // namespace claimbench::stats
