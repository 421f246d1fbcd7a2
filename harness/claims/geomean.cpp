// The geometric mean of Rust/Go time ratios over every comparable workload.
#include "claims/geomean.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "claims/measured.h"
#include "stats/exact_intervals.h"
#include "stats/metric_registry.h"

namespace claimbench::claims {
namespace {

struct Candidate {
  std::string workload;
  std::string metric;
  bool inverted;  ///< a rate (req/s): time is its inverse
  std::string go;
  std::string rust;
};

// The first-listed Go and Rust implementation of each HTTP workload and batch task.
template <typename Entries>
void AddCandidate(std::vector<Candidate>& out, const std::string& workload, const std::string& metric, bool inverted,
                  const Entries& entries) {
  std::string go, rust;
  for (const auto& e : entries) {
    if (go.empty() && e.language == "go") go = e.id;
    if (rust.empty() && e.language == "rust") rust = e.id;
  }
  if (!go.empty() && !rust.empty()) out.push_back({workload, metric, inverted, go, rust});
}

std::vector<Candidate> Candidates(const results::RunResults& results) {
  std::vector<Candidate> out;
  for (const auto& w : results.workloads) {
    if (const auto* http = w.http()) {
      AddCandidate(out, http->id, std::string(stats::metric::kRequestsPerS), true, http->implementations);
    } else if (const auto* batch = w.batch()) {
      for (const auto& t : batch->tasks) {
        AddCandidate(out, batch->id + "/" + t.id, std::string(stats::metric::kIterationTime), false, t.implementations);
      }
    }
  }
  return out;
}

}  // namespace

GeomeanEvidence GeomeanTimeRatio(const results::RunResults& results, double level,
                                 const std::vector<std::string>& within) {
  struct Sides {
    Candidate candidate;
    Measured go, rust;
  };
  std::vector<Sides> measured;
  for (const auto& c : Candidates(results)) {
    const std::string workload = c.workload.substr(0, c.workload.find('/'));
    if (!within.empty() && std::find(within.begin(), within.end(), workload) == within.end() &&
        std::find(within.begin(), within.end(), c.workload) == within.end()) {
      continue;
    }
    std::string why;
    auto go = FindMeasured(results, c.workload, c.metric, c.go, why);
    auto rust = FindMeasured(results, c.workload, c.metric, c.rust, why);
    if (go && rust && go->median > 0 && rust->median > 0) measured.push_back({c, *go, *rust});
  }
  GeomeanEvidence out;
  out.evidence.level = level;
  if (measured.empty()) return out;
  const double k = static_cast<double>(measured.size());
  out.part_level = 1 - (1 - level) / k;
  double log_sum = 0, log_low = 0, log_high = 0;
  bool all_intervals = true;
  int fewest = 1 << 30;
  for (const auto& m : measured) {
    GeomeanPart part{m.candidate.workload, m.candidate.go, m.candidate.rust, 0, std::nullopt};
    const Measured& numerator = m.candidate.inverted ? m.go : m.rust;  // rust/go of time
    const Measured& denominator = m.candidate.inverted ? m.rust : m.go;
    part.time_ratio = numerator.median / denominator.median;
    part.interval = stats::RatioRankInterval(numerator.samples, denominator.samples, out.part_level);
    fewest = std::min<int>(fewest, static_cast<int>(std::min(m.go.samples.size(), m.rust.samples.size())));
    log_sum += std::log(part.time_ratio);
    if (part.interval) {
      log_low += std::log(part.interval->low);
      log_high += std::log(part.interval->high);
    } else {
      all_intervals = false;
    }
    out.parts.push_back(std::move(part));
  }
  Evidence& e = out.evidence;
  e.point = std::exp(log_sum / k);
  e.samples = fewest;
  if (all_intervals) {
    e.kind = Evidence::Kind::kInterval;
    e.interval = stats::Interval{std::exp(log_low / k), std::exp(log_high / k)};
  } else {
    e.kind = Evidence::Kind::kTooFew;
    e.needed = stats::MinSamplesForRatioInterval(out.part_level);
  }
  return out;
}

std::string DescribeParts(const GeomeanEvidence& geomean) {
  std::string out;
  for (const auto& p : geomean.parts) {
    out += (out.empty() ? "" : ", ") + p.workload + " " + fmt::format("{:.3g}", p.time_ratio);
    if (p.interval) out += fmt::format(" [{:.3g}, {:.3g}]", p.interval->low, p.interval->high);
  }
  return fmt::format("rust/go time per workload ({} vs {} of each; intervals at {:.2f}% each): {}",
                     "first-listed Go", "first-listed Rust implementation", geomean.part_level * 100, out);
}

}  // namespace claimbench::claims
