// Judging claims against measurements.
#include "claims/verdict.h"

#include <fmt/format.h>

#include <cmath>
#include <map>
#include <optional>

#include "claims/fixed_rate.h"
#include "claims/geomean.h"
#include "claims/judge.h"
#include "claims/measured.h"
#include "stats/display.h"
#include "stats/exact_intervals.h"
#include "stats/metric_registry.h"

namespace claimbench::claims {
namespace {

constexpr double kOpen = 1e299;  // bounds at or above this are "no upper end"

std::string Num(double v) { return v >= kOpen ? "inf" : fmt::format("{:.4g}", v); }

// "tolerance 50%: approximate as stated: "~6 MB"", or "no tolerance" for a range or bound.
std::string ToleranceText(const Check& check) {
  if (check.tolerance <= 0) return "no tolerance";
  return fmt::format("tolerance {:.0f}%: {}", check.tolerance * 100, check.tolerance_reason);
}

// "rust/go in [0.2, 0.5]; go in [5e+06, 1.5e+07] (no tolerance)": what a check compares.
// A bound of an absolute range reads with its metric's unit ("8.34 MB", "1.2 ms"); an open bound
// or an unknown metric stays a bare number.
std::string ShowBound(double v, const stats::Metric* metric) {
  return v >= kOpen || metric == nullptr ? Num(v) : stats::ShowValue(v, *metric);
}

std::string ExpectedText(const Check& check, const stats::MetricRegistry& registry) {
  std::vector<std::string> parts;
  if (check.ratio) parts.push_back(fmt::format("rust/go in [{}, {}]", Num(check.ratio->first), Num(check.ratio->second)));
  const stats::Metric* go_metric = registry.Find(check.GoMetric());
  const stats::Metric* rust_metric = registry.Find(check.RustMetric());
  if (check.go_range) {
    parts.push_back(fmt::format("go in [{}, {}]", ShowBound(check.go_range->first, go_metric),
                                ShowBound(check.go_range->second, go_metric)));
  }
  if (check.rust_range) {
    parts.push_back(fmt::format("rust in [{}, {}]", ShowBound(check.rust_range->first, rust_metric),
                                ShowBound(check.rust_range->second, rust_metric)));
  }
  std::string text;
  for (const auto& p : parts) text += (text.empty() ? "" : "; ") + p;
  return fmt::format("{} ({})", text, ToleranceText(check));
}

// How far a ratio of medians can be trusted: exact (both sides exact), one sample (a side
// has one), an interval with honest coverage at these sample sizes, or too few samples.
Evidence RatioEvidence(const Measured& rust, const Measured& go, double level) {
  Evidence e;
  e.level = level;
  e.point = rust.median / go.median;
  e.samples = static_cast<int>(std::min(rust.samples.size(), go.samples.size()));
  if (rust.exact && go.exact) {
    e.kind = Evidence::Kind::kExact;
  } else if (rust.one_process || go.one_process) {
    // One process's iterations are one sample of the figure; a single sample's assumed
    // spread would claim more than they show, so they are too few.
    e.kind = Evidence::Kind::kTooFew;
    e.samples = 1;
    e.needed = stats::MinSamplesForRatioInterval(level);
  } else if (e.samples == 1) {
    e.kind = Evidence::Kind::kOneSample;
  } else if ((e.interval = stats::RatioRankInterval(rust.samples, go.samples, level))) {
    e.kind = Evidence::Kind::kInterval;
  } else {
    e.kind = Evidence::Kind::kTooFew;
    e.needed = stats::MinSamplesForRatioInterval(level);
  }
  return e;
}

Evidence MedianEvidence(const Measured& m, double level) {
  Evidence e;
  e.level = level;
  e.point = m.median;
  e.samples = static_cast<int>(m.samples.size());
  if (m.exact) {
    e.kind = Evidence::Kind::kExact;
  } else if (m.one_process) {
    e.kind = Evidence::Kind::kTooFew;
    e.samples = 1;
    e.needed = stats::MinSamplesForMedianInterval(level);
  } else if (e.samples == 1) {
    e.kind = Evidence::Kind::kOneSample;
  } else if ((e.interval = stats::MedianOrderInterval(m.samples, level))) {
    e.kind = Evidence::Kind::kInterval;
  } else {
    e.kind = Evidence::Kind::kTooFew;
    e.needed = stats::MinSamplesForMedianInterval(level);
  }
  return e;
}

// The weakest of two judgements: contradicted > inconclusive > consistent.
int Rank(results::Verdict verdict) {
  if (verdict == results::Verdict::kContradicted) return 2;
  if (verdict == results::Verdict::kInconclusive) return 1;
  return 0;
}

results::CheckVerdict NotMeasured(results::CheckVerdict out, std::string why) {
  out.verdict = results::Verdict::kNotMeasured;
  out.detail = std::move(why);
  return out;
}

// The window an overload P99 grew over, for the verdict's detail.
std::string OverloadWindow(const Check& check, const results::RunResults& results) {
  if (check.metric.rfind("latency_p99_overloaded_at_", 0) != 0) return "";
  const results::Workload* w = results.FindWorkload(check.workload);
  const results::HttpWorkload* http = w ? w->http() : nullptr;
  if (!http || !http->load) return "";
  return fmt::format("; both overloaded: P99 over a {:g} s window, which grows with the window",
                     http->load->point_duration_s);
}

// Whether every side `check` names has a measurement in `results`.
bool Measurable(const Check& check, const results::RunResults& results) {
  if (!check.not_measured.empty()) return false;
  if (check.IsGeomean()) return !GeomeanTimeRatio(results, 0.95, check.within).parts.empty();
  std::string why;
  if (auto decided = JudgeByRateOutcome(check, results, {})) return decided->verdict != results::Verdict::kNotMeasured;
  return (check.go.empty() || FindMeasured(results, check.workload, check.GoMetric(), check.go, why)) &&
         (check.rust.empty() || FindMeasured(results, check.workload, check.RustMetric(), check.rust, why));
}

results::CheckVerdict EvaluateGeomean(const Check& check, const results::RunResults& results, double level,
                                      results::CheckVerdict out) {
  GeomeanEvidence geomean = GeomeanTimeRatio(results, level, check.within);
  if (geomean.parts.empty()) return NotMeasured(out, "no workload of this run has both a Go and a Rust figure");
  const Evidence& e = geomean.evidence;
  out.measured = e.point;
  if (e.interval) {
    out.ci_low = e.interval->low;
    out.ci_high = e.interval->high;
  }
  out.expected = fmt::format("geometric mean of rust/go time over {} parts in {} workloads in [{}, {}] ({})",
                             geomean.parts.size(), geomean.workloads, Num(check.ratio->first),
                             Num(check.ratio->second), ToleranceText(check));
  out.judged = "ratio, geometric mean over every comparable workload (simultaneous interval)";
  Judgement j = JudgeRatio(e, *check.ratio, check.tolerance);
  out.verdict = j.verdict;
  out.direction = j.direction;
  out.magnitude = j.magnitude;
  // "In most benchmarks" is a count: how many parts lie in the claimed range on their own.
  const std::string within = fmt::format("{} of {} parts lie in the claimed range on their own",
                                         PartsWithin(geomean, check.ratio->first, check.ratio->second),
                                         geomean.parts.size());
  out.detail = "geometric mean: " + j.detail + "; " + within + "; " + DescribeParts(geomean);
  if (!geomean.excluded.empty()) {
    // Leaving a failed part out would move the mean: the mean is shown, not decided.
    out.verdict = results::Verdict::kInconclusive;
    out.magnitude = results::Magnitude::kUndecided;
    out.detail = fmt::format("{} comparable part(s) have no figure for their pair, so the mean is not decided; ",
                             geomean.excluded.size()) +
                 out.detail;
  }
  return out;
}

results::CheckVerdict EvaluateCheck(const Check& check, const results::RunResults& results, double level) {
  results::CheckVerdict out;
  out.label = check.label;
  out.workload = check.workload;
  out.metric = check.metric;
  out.go = check.go;
  out.rust = check.rust;
  out.tolerance = check.tolerance;
  out.tolerance_reason = check.tolerance_reason;
  if (check.ratio) {
    out.ratio_low = check.ratio->first;
    if (check.ratio->second < kOpen) out.ratio_high = check.ratio->second;
  }
  // What the check compares, also when it is not judged: the reports show it either way.
  const stats::MetricRegistry registry = stats::MetricRegistry::ForResults(results);
  out.expected = ExpectedText(check, registry);
  if (!check.not_measured.empty()) return NotMeasured(out, check.not_measured);
  if (check.IsGeomean()) return EvaluateGeomean(check, results, level, out);
  if (auto decided = JudgeByRateOutcome(check, results, out)) return *decided;
  std::string why;
  std::optional<Measured> go, rust;
  if (!check.go.empty() && !(go = FindMeasured(results, check.workload, check.GoMetric(), check.go, why))) return NotMeasured(out, why);
  if (!check.rust.empty() && !(rust = FindMeasured(results, check.workload, check.RustMetric(), check.rust, why))) return NotMeasured(out, why);
  std::vector<Judgement> judgements;
  std::vector<std::string> judged;
  auto record = [&](const Evidence& e) {
    out.ci_low = e.interval ? std::optional(e.interval->low) : std::nullopt;
    out.ci_high = e.interval ? std::optional(e.interval->high) : std::nullopt;
  };
  if (check.ratio) {
    if (go->median == 0) return NotMeasured(out, "the Go median is 0: no ratio");
    Evidence e = RatioEvidence(*rust, *go, level);
    out.measured = e.point;
    record(e);
    out.n = {{"go", static_cast<int64_t>(go->samples.size())}, {"rust", static_cast<int64_t>(rust->samples.size())}};
    judged.push_back("ratio");
    judgements.push_back(JudgeRatio(e, *check.ratio, check.tolerance));
  }
  auto absolute = [&](const std::optional<Range>& range, const std::optional<Measured>& m, const char* side,
                      std::optional<double>& side_measured) {
    if (!range) return;
    Evidence e = MedianEvidence(*m, level);
    // An absolute figure reads with its unit ("8.34 MB", "1.2 ms"), never as a bare number.
    if (const stats::Metric* metric = registry.Find(std::string(side) == "go" ? check.GoMetric() : check.RustMetric())) {
      e.show = [metric = *metric](double v) { return stats::ShowValue(v, metric); };
    }
    side_measured = m->median;
    if (!check.ratio && !(check.go_range && check.rust_range)) {
      // One absolute bound: the check's measured figure is that side's median.
      out.measured = m->median;
      record(e);
      out.n = {{side, static_cast<int64_t>(m->samples.size())}};
    }
    judged.push_back(check.ratio ? "absolute, hardware-bound (shown, not judged beside the ratio)"
                                 : "absolute, hardware-bound");
    judgements.push_back(JudgeAbsolute(e, *range, check.tolerance, side));
  };
  absolute(check.go_range, go, "go", out.go_measured);
  absolute(check.rust_range, rust, "rust", out.rust_measured);
  // A hardware-bound absolute never vetoes a ratio: with a ratio, the ratio decides.
  const size_t deciding = check.ratio ? 1 : judgements.size();
  Judgement worst = judgements.front();
  std::string detail;
  for (size_t i = 0; i < judgements.size(); ++i) {
    if (i < deciding && Rank(judgements[i].verdict) > Rank(worst.verdict)) worst = judgements[i];
    detail += (detail.empty() ? "" : "; ") + judgements[i].detail;
  }
  std::string judged_text;
  for (const auto& j : judged) judged_text += (judged_text.empty() ? "" : "; ") + j;
  out.judged = judged_text;
  if (!check.go_metric.empty() || !check.rust_metric.empty()) {
    out.judged += fmt::format(" (go {} vs rust {}, as the document pairs them)", check.GoMetric(), check.RustMetric());
  }
  out.verdict = worst.verdict;
  out.direction = worst.direction;
  out.magnitude = worst.magnitude;
  out.detail = detail + OverloadWindow(check, results);
  return out;
}

// One verdict for the claim: the checks' common verdict, or "mixed" with the counts when
// some are consistent and some contradicted; no disagreement is hidden.
void Summarize(results::ClaimVerdict& c) {
  std::map<results::Verdict, int> counts;
  for (const auto& check : c.checks) counts[check.verdict]++;
  const int n = static_cast<int>(c.checks.size());
  using results::Verdict;
  auto others = [&] {
    std::string text;
    for (Verdict v : {Verdict::kInconclusive, Verdict::kNotMeasured}) {
      if (counts[v] > 0) text += fmt::format(", {} {}", counts[v], results::Name(v));
    }
    return text;
  };
  if (counts[Verdict::kNotMeasured] == n) {
    c.verdict = Verdict::kNotMeasured;
    c.detail = c.checks[0].detail;
  } else if (counts[Verdict::kConsistent] > 0 && counts[Verdict::kContradicted] > 0) {
    c.verdict = Verdict::kMixed;
    c.detail = fmt::format("mixed: {} of {} checks contradicted, {} consistent{}", counts[Verdict::kContradicted], n,
                           counts[Verdict::kConsistent], others());
  } else if (counts[Verdict::kContradicted] > 0) {
    c.verdict = Verdict::kContradicted;
    c.detail = fmt::format("{} of {} checks contradict it{}", counts[Verdict::kContradicted], n, others());
  } else if (counts[Verdict::kInconclusive] > 0) {
    c.verdict = Verdict::kInconclusive;
    c.detail = fmt::format("{} of {} checks undecided{}", counts[Verdict::kInconclusive], n,
                           counts[Verdict::kConsistent] > 0 ? fmt::format(", {} consistent", counts[Verdict::kConsistent])
                                                            : std::string());
  } else {
    c.verdict = Verdict::kConsistent;
    c.detail = fmt::format("{} of {} checks consistent{}", counts[Verdict::kConsistent], n, others());
  }
}

}  // namespace

results::ClaimsFamily FamilyOf(const std::vector<Claim>& claims, const results::RunResults& results,
                               results::Adjustment adjustment) {
  results::ClaimsFamily family;
  family.adjustment = adjustment;
  for (const auto& claim : claims) {
    for (const auto& check : claim.checks) family.checks_judged += Measurable(check, results);
  }
  if (adjustment == results::Adjustment::kBonferroni && family.checks_judged > 1) {
    family.level = 1 - (1 - family.level) / static_cast<double>(family.checks_judged);
  }
  return family;
}

std::vector<results::ClaimVerdict> Evaluate(const std::vector<Claim>& claims, const results::RunResults& results,
                                            const results::ClaimsFamily& family) {
  std::vector<results::ClaimVerdict> out;
  for (const auto& claim : claims) {
    results::ClaimVerdict c{claim.id,
                            claim.document,
                            claim.title,
                            claim.paraphrase,
                            {claim.stated.begin(), claim.stated.end()},
                            claim.conditions,
                            results::Verdict::kNotMeasured,
                            "",
                            {}};
    if (claim.checks.empty()) {
      c.verdict = results::Verdict::kNotMeasured;
      c.detail = claim.not_measured;
    } else {
      for (const auto& check : claim.checks) c.checks.push_back(EvaluateCheck(check, results, family.level));
      Summarize(c);
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace claimbench::claims
