// The geometric mean of Rust/Go time ratios over every comparable workload.
#include "claims/geomean.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "claims/measured.h"
#include "stats/exact_intervals.h"
#include "stats/metric_registry.h"

namespace claimbench::claims {
namespace {

struct Candidate {
  std::string workload;  ///< the part's key
  std::string family;    ///< its workload (the key up to '/')
  std::string metric;
  bool inverted;  ///< a rate (req/s): time is its inverse
  std::string go;
  std::string rust;
};

// The Go and the Rust implementation of one HTTP workload or batch task that make its
// pair: the first listed of each language, or the fastest that ran (by median).
template <typename Entries>
void AddCandidate(std::vector<Candidate>& out, const std::string& family, const std::string& workload,
                  const std::string& metric, bool inverted, const Entries& entries, PairChoice choice) {
  std::string go, rust;
  double go_best = 0, rust_best = 0;
  for (const auto& e : entries) {
    if (e.language != "go" && e.language != "rust") continue;
    std::string& pick = e.language == "go" ? go : rust;
    double& best = e.language == "go" ? go_best : rust_best;
    if (choice == PairChoice::kFirstListed) {
      if (pick.empty()) pick = e.id;
      continue;
    }
    auto s = e.summary.find(metric);
    if (e.status != results::Status::kOk || s == e.summary.end() || s->second.median <= 0) continue;
    const double speed = inverted ? s->second.median : 1 / s->second.median;  // higher is faster
    if (pick.empty() || speed > best) {
      pick = e.id;
      best = speed;
    }
  }
  // Fastest: a language none of whose implementations ran has no pick; first listed: the
  // pair stands, and its failure is reported as an exclusion.
  const bool has_both_languages =
      std::any_of(entries.begin(), entries.end(), [](const auto& e) { return e.language == "go"; }) &&
      std::any_of(entries.begin(), entries.end(), [](const auto& e) { return e.language == "rust"; });
  if (has_both_languages) out.push_back({workload, family, metric, inverted, go, rust});
}

std::vector<Candidate> Candidates(const results::RunResults& results, PairChoice choice) {
  std::vector<Candidate> out;
  for (const auto& w : results.workloads) {
    if (const auto* http = w.http()) {
      AddCandidate(out, http->id, http->id, std::string(stats::metric::kRequestsPerS), true, http->implementations,
                   choice);
    } else if (const auto* batch = w.batch()) {
      for (const auto& t : batch->tasks) {
        const std::string key = batch->id + "/" + t.id;
        if (IsMemoryProbe(key)) continue;
        AddCandidate(out, batch->id, key, std::string(stats::metric::kIterationTime), false, t.implementations,
                     choice);
      }
    }
  }
  return out;
}

bool Wanted(const Candidate& c, const std::vector<std::string>& within) {
  return within.empty() || std::find(within.begin(), within.end(), c.family) != within.end() ||
         std::find(within.begin(), within.end(), c.workload) != within.end();
}

}  // namespace

bool IsMemoryProbe(const std::string& workload_task) { return workload_task == "worker-pool/idle-tasks"; }

GeomeanEvidence GeomeanTimeRatio(const results::RunResults& results, double level,
                                 const std::vector<std::string>& within, PairChoice choice) {
  struct Sides {
    Candidate candidate;
    Measured go, rust;
  };
  GeomeanEvidence out;
  out.evidence.level = level;
  std::vector<Sides> measured;
  for (const auto& c : Candidates(results, choice)) {
    if (!Wanted(c, within)) continue;
    if (c.go.empty() || c.rust.empty()) {
      out.excluded.push_back({c.workload, std::string("no ") + (c.go.empty() ? "Go" : "Rust") + " implementation ran"});
      continue;
    }
    std::string why;
    auto go = FindMeasured(results, c.workload, c.metric, c.go, why);
    auto rust = go ? FindMeasured(results, c.workload, c.metric, c.rust, why) : std::nullopt;
    if (!go || !rust || go->median <= 0 || rust->median <= 0) {
      out.excluded.push_back({c.workload, why.empty() ? "a median of 0" : why});
      continue;
    }
    measured.push_back({c, *go, *rust});
  }
  if (measured.empty()) return out;
  std::map<std::string, int> tasks_of;
  for (const auto& m : measured) tasks_of[m.candidate.family]++;
  out.workloads = static_cast<int>(tasks_of.size());
  const double k = static_cast<double>(measured.size());
  out.part_level = 1 - (1 - level) / k;
  double log_mean = 0, log_low = 0, log_high = 0;
  bool all_intervals = true;
  int fewest = 1 << 30;
  for (const auto& m : measured) {
    GeomeanPart part{m.candidate.workload, m.candidate.go, m.candidate.rust, 0, std::nullopt, 0};
    const Measured& numerator = m.candidate.inverted ? m.go : m.rust;  // rust/go of time
    const Measured& denominator = m.candidate.inverted ? m.rust : m.go;
    part.time_ratio = numerator.median / denominator.median;
    part.interval = stats::RatioRankInterval(numerator.samples, denominator.samples, out.part_level);
    part.weight = 1.0 / (out.workloads * tasks_of[m.candidate.family]);
    fewest = std::min<int>(fewest, static_cast<int>(std::min(m.go.samples.size(), m.rust.samples.size())));
    log_mean += part.weight * std::log(part.time_ratio);
    if (part.interval) {
      log_low += part.weight * std::log(part.interval->low);
      log_high += part.weight * std::log(part.interval->high);
    } else {
      all_intervals = false;
    }
    out.parts.push_back(std::move(part));
  }
  Evidence& e = out.evidence;
  e.point = std::exp(log_mean);
  e.samples = fewest;
  if (all_intervals) {
    e.kind = Evidence::Kind::kInterval;
    e.interval = stats::Interval{std::exp(log_low), std::exp(log_high)};
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
  std::string text = fmt::format(
      "rust/go time per part ({} parts in {} workloads, each workload weighing the same; {} vs {} of each; "
      "intervals at {:.2f}% each): {}",
      geomean.parts.size(), geomean.workloads, "first-listed Go", "first-listed Rust implementation",
      geomean.part_level * 100, out);
  for (const auto& x : geomean.excluded) text += "; excluded " + x.workload + ": " + x.why;
  return text;
}

int PartsWithin(const GeomeanEvidence& geomean, double low, double high) {
  return static_cast<int>(std::count_if(geomean.parts.begin(), geomean.parts.end(), [&](const GeomeanPart& p) {
    return p.time_ratio >= low && p.time_ratio <= high;
  }));
}

}  // namespace claimbench::claims
