// Judging P99-at-a-fixed-rate claims by what each side did at that rate.
#include "claims/fixed_rate.h"

#include <fmt/format.h>

#include "claims/judge.h"
#include "stats/metric_registry.h"

namespace claimbench::claims {
namespace {

bool IsOverloadMetric(const std::string& metric) { return metric.rfind("latency_p99_overloaded_at_", 0) == 0; }

results::CheckVerdict NotMeasured(results::CheckVerdict out, std::string why) {
  out.verdict = results::Verdict::kNotMeasured;
  out.detail = std::move(why);
  return out;
}

std::string Counted(const std::string& impl, const RateOutcome& o) {
  return fmt::format("{} reached {} req/s in {} of {} trials", impl, o.rate_key, o.reached, o.trials);
}

}  // namespace

std::optional<RateOutcome> RateOutcomeOf(const results::RunResults& results, const Check& check,
                                         const std::string& impl) {
  const results::Workload* w = results.FindWorkload(check.workload);
  const results::HttpWorkload* http = w ? w->http() : nullptr;
  if (!http || !http->load) return std::nullopt;
  RateOutcome out;
  for (double rate : http->load->fixed_rates) {
    if (stats::metric::LatencyP99AtRate(rate) == check.metric ||
        stats::metric::LatencyP99OverloadedAtRate(rate) == check.metric) {
      out.rate_key = stats::metric::RateKey(rate);
    }
  }
  if (out.rate_key.empty()) return std::nullopt;
  for (const auto& i : http->implementations) {
    if (i.id != impl || i.status != results::Status::kOk) continue;
    for (const auto& t : i.trials) {
      if (!t.load_points) continue;
      auto p = t.load_points->fixed_rates.find(out.rate_key);
      if (p == t.load_points->fixed_rates.end()) continue;
      ++out.trials;
      out.reached += p->second.reached.value_or(false);
      out.client_saturated += p->second.client_saturated;
    }
  }
  if (out.trials == 0) return std::nullopt;
  return out;
}

std::optional<results::CheckVerdict> JudgeByRateOutcome(const Check& check, const results::RunResults& results,
                                                        results::CheckVerdict out) {
  if (!check.ratio || check.go.empty() || check.rust.empty()) return std::nullopt;
  std::optional<RateOutcome> go = RateOutcomeOf(results, check, check.go);
  std::optional<RateOutcome> rust = RateOutcomeOf(results, check, check.rust);
  if (!go || !rust) return std::nullopt;
  for (const auto& [impl, o] : {std::pair{check.go, *go}, std::pair{check.rust, *rust}}) {
    if (!o.Sustained() && !o.Overloaded()) {
      return NotMeasured(out, Counted(impl, o) + ": its P99 at that rate would come only from the trials that coped");
    }
  }
  if (go->Sustained() != rust->Sustained()) {
    const int claimed = ClaimedSide(*check.ratio);
    const int measured = rust->Sustained() ? -1 : 1;  // the side that kept up has the lower P99
    out.judged = "ratio, censored";
    out.magnitude = results::Magnitude::kUndecided;
    if (claimed != 0) out.direction = measured == claimed ? results::Direction::kHolds : results::Direction::kReversed;
    out.verdict = out.direction == results::Direction::kReversed ? results::Verdict::kContradicted
                                                                  : results::Verdict::kInconclusive;
    const std::string& kept = rust->Sustained() ? check.rust : check.go;
    const std::string& lost = rust->Sustained() ? check.go : check.rust;
    out.detail = fmt::format("censored: {} sustained {} req/s in every trial and {} in none, so {}'s P99 there is the "
                             "lower{}{}; magnitude undecided (no P99 for the side that fell behind)",
                             kept, go->rate_key, lost, kept, out.direction ? "; direction " : "",
                             out.direction ? std::string(results::Name(*out.direction)) : "");
    return out;
  }
  if (!IsOverloadMetric(check.metric)) return std::nullopt;
  if (go->Sustained()) {
    return NotMeasured(out, fmt::format("neither {} nor {} was overloaded at {} req/s on this machine: both sustained "
                                        "it, so neither has the overload P99 the claim states (their P99 there is "
                                        "latency_p99_at_{}_rps_ns)",
                                        check.go, check.rust, go->rate_key, go->rate_key));
  }
  if (go->client_saturated > 0 || rust->client_saturated > 0) {
    return NotMeasured(out, fmt::format("the load generator saturated its CPU at {} req/s in {} trial(s), so the "
                                        "shortfall may be the client's, not the servers'",
                                        go->rate_key, go->client_saturated + rust->client_saturated));
  }
  return std::nullopt;
}

}  // namespace claimbench::claims
